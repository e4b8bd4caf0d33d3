//! All integration tests link into this one binary (faster to build than one per file).
//! Each runs the real `scimctl` binary over HTTP: against scim2-server (a SCIM server nobody
//! here wrote) and against fake servers that misbehave on purpose.

mod support;

mod cli;
mod conformance;
mod diagnose;
mod faults;
mod fix;
mod fuzz_smoke;
mod lookup;
mod resolve;
mod sandbox;
mod scim2_server;
mod secrets;
mod tls;
