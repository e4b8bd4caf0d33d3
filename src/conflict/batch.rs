//! One candidate of many, diagnosed exactly as `diagnose` diagnoses one: the accounts holding
//! its values among all those a single lookup found, then `diagnose` and `options`. Pure.

use std::collections::HashSet;

use super::candidate::Candidate;
use super::diagnose::{Diagnosis, Reported, diagnose, holds};
use super::lookup::LookupKey;
use super::options::{Choice, Facts, options};
use crate::provider::Provider;
use crate::scim::model::User;

/// Every candidate's lookup values, each once, in the order first seen: one engine pass for all.
pub fn lookup_keys<'a>(candidates: impl IntoIterator<Item = &'a Candidate>) -> Vec<LookupKey> {
    let mut seen = HashSet::new();
    candidates
        .into_iter()
        .flat_map(Candidate::lookup_keys)
        .filter(|key| seen.insert(key.clone()))
        .collect()
}

/// A candidate's diagnosis and options, and the holders they were made from.
#[derive(Debug, Clone)]
pub struct Judged {
    pub holders: Vec<User>,
    pub diagnosis: Diagnosis,
    pub choices: Vec<Choice>,
}

/// `candidate` judged against the accounts among `found` that hold one of its values.
pub fn judge(
    candidate: &Candidate,
    found: &[User],
    reported: &Reported,
    provider: &Provider,
    today: &str,
) -> Judged {
    let keys = candidate.lookup_keys();
    let holders: Vec<User> = found
        .iter()
        .filter(|u| keys.iter().any(|k| holds(k, u, provider)))
        .cloned()
        .collect();
    let diagnosis = diagnose(candidate, &holders, reported, provider);
    let choices = options(&Facts {
        diagnosis: &diagnosis,
        candidate,
        holders: &holders,
        provider,
        payload: None,
        today,
    });
    Judged {
        holders,
        diagnosis,
        choices,
    }
}
