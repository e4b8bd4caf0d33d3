//! Readers for identity providers' failure records: what `scimctl diagnose --error` is given.
//!
//! An admin pastes whatever their identity provider showed: Okta's task text or a System Log
//! event, an Entra provisioning-log message or Graph record, or the service provider's SCIM
//! error body itself (research §2.1, §2.2, §1.1). [`parse_failure`] recognises which it is and
//! returns one [`Failure`]: the HTTP status, scimType and the service provider's message, and —
//! where that message names them — the attribute and value that collided, so that the value
//! can join the candidate. Pure: no I/O, never fails, never panics.

mod body;
mod detail;
pub(crate) mod entra;
mod failure;
pub(crate) mod okta;

#[cfg(test)]
mod tests;

pub use failure::{
    Failure, FailureSource, array_field, field, field_in, parse_failure, parse_record, text_field,
};
