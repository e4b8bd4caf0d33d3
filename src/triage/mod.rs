//! `scimctl triage`: every provisioning failure in an identity provider's export, read as a
//! stream (never the whole file in memory), reduced to one entry per candidate (identity
//! providers retry the same failure every cycle), and sorted into conflicts to diagnose,
//! rate-limit failures to retry, and other failures. Reading is pure of the network: the
//! command (`commands::triage`) looks the candidates up through the one lookup engine and
//! diagnoses each exactly as `diagnose` would.

mod cause;
pub(crate) mod csv;
mod entra;
mod export;
mod group;
pub(crate) mod json;
mod occurrence;
mod okta;
mod time;

#[cfg(test)]
mod tests;

pub use cause::Cause;
pub use export::{ExportFormat, InputSummary, Skipped, read_export};
pub use group::{Group, Groups, SourceRef};
pub use occurrence::{Kind, Occurrence, Position};
pub use time::{Instant, parse_instant};
