//! Everything that reaches the terminal goes through here: data to stdout (tables, JSON,
//! NDJSON), and everything for people (notes, warnings, errors, prompts, `-v` traces) to
//! stderr. Text is escaped ([`escape`]) and the token redacted (`crate::redact`) on the way out.
// The one place allowed to write to the terminal (the crate root denies it everywhere else).
#![allow(clippy::print_stdout, clippy::print_stderr)]

pub mod audit;
pub mod auth;
pub mod command;
pub mod diagnose;
pub mod doctor;
pub mod escape;
pub mod journal;
pub mod jq;
pub mod log;
pub mod plan;
pub mod preflight;
mod printer;
pub mod progress;
pub mod prompt;
pub mod table;
pub mod triage;
pub mod users;
pub mod wrap;

pub use printer::{Printer, Tone};

/// The version of every JSON document scimctl prints. Changing a field's meaning bumps it.
pub const JSON_VERSION: u32 = 1;
