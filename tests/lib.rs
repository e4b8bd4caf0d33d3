//! All integration tests link into this one binary (faster to build than one per file).
//! Each runs the real `scimctl` binary over HTTP: against SCIM servers nobody here wrote
//! (scim2-server, better-auth's SCIM plugin, SCIMMY) and against fake servers that misbehave on
//! purpose.

mod support;

mod audit;
mod auth;
mod better_auth;
mod cli;
mod conformance;
mod contracts;
mod diagnose;
mod endpoint;
mod fault_matrix;
mod faults;
mod first_hour;
mod fix;
mod fuzz_smoke;
mod help;
mod hostile;
mod journal;
mod lookup;
mod output;
mod preflight;
mod resolve;
mod sandbox;
mod scim2_server;
mod scimmy;
mod scripting;
mod secrets;
mod tls;
mod triage;
mod trust;
