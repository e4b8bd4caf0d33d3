//! `scimctl preflight`: the users an identity provider is about to provision, read from an
//! export of the identity provider (a users CSV, Graph or Okta JSON, SCIM Users), turned into
//! the values it will send under its default attribute mapping, and — once the command has
//! looked them up and diagnosed each as `diagnose` would — a prediction for every create.

mod candidates;
mod predict;

#[cfg(test)]
mod tests;

pub use candidates::{Incoming, Mapping, MappingOverride, read_candidates};
pub use predict::{Outcome, Prediction, predict};
