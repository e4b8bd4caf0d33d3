//! Everything that reaches the terminal goes through here: data to stdout (tables, JSON,
//! NDJSON), and everything for people (notes, warnings, errors, prompts) to stderr.

pub mod command;
pub mod diagnose;
pub mod doctor;
pub mod plan;
mod printer;
pub mod prompt;
pub mod users;

pub use printer::{Printer, Tone};

/// The version of every JSON document scimctl prints. Changing a field's meaning bumps it.
pub const JSON_VERSION: u32 = 1;
