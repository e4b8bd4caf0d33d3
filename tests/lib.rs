//! All integration tests link into this one binary (faster to build than one per file).
//! Each runs the real `scimctl` binary over HTTP: against SCIM servers nobody here wrote
//! (scim2-server, better-auth's SCIM plugin, SCIMMY) and against fake servers that misbehave on
//! purpose.

mod support;

mod auth;
mod better_auth;
mod cli;
mod conformance;
mod contracts;
mod diagnose;
mod fault_matrix;
mod faults;
mod first_hour;
mod fix;
mod fuzz_smoke;
mod hostile;
mod journal;
mod lookup;
mod output;
mod resolve;
mod sandbox;
mod scim2_server;
mod scimmy;
mod secrets;
mod tls;
mod trust;
