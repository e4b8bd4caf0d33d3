//! What will happen to each create, under the provider's own uniqueness rules: the same
//! diagnosis and options `diagnose` gives, then whether a finding would make the service
//! refuse the create, whether the holder is very likely the person already, and whether two
//! incoming users would take the same value (the second create fails although the directory
//! is clear today). Pure.

use std::collections::HashMap;

use serde::Serialize;

use super::candidates::Incoming;
use crate::conflict::batch::{Judged, judge};
use crate::conflict::diagnose::{Diagnosis, Finding, Reported};
use crate::conflict::lookup::LookupKey;
use crate::conflict::options::{Action, Choice, Evidence};
use crate::provider::Provider;
use crate::scim::compare::fold;
use crate::scim::model::User;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Nothing holds its values: the create should succeed.
    Create,
    /// An account holds a value the service keeps unique: the create will 409.
    Conflict,
    /// An existing account is very likely this person: link it rather than create.
    SamePerson,
    /// Another incoming user takes the same value first: this create will 409.
    CollidesWithCandidate,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Create => "create: nothing holds its values",
            Outcome::Conflict => "conflict: the create will be refused (409)",
            Outcome::SamePerson => "same person: an account is very likely this person, link it",
            Outcome::CollidesWithCandidate => {
                "collides with another incoming user (409 for the second)"
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct Prediction {
    pub incoming: Incoming,
    pub outcome: Outcome,
    pub diagnosis: Diagnosis,
    pub choices: Vec<Choice>,
    /// The earlier row whose create takes the value first.
    pub collides_with: Option<u64>,
    /// Whether the service would refuse the create (a finding its rules enforce).
    pub refused: bool,
}

/// Predictions in input order. `holders` are every account holding one of the candidates'
/// values (one lookup for all of them).
pub fn predict(
    incoming: Vec<Incoming>,
    holders: &[User],
    provider: &Provider,
    today: &str,
) -> Vec<Prediction> {
    // Values taken by earlier creates that will succeed, under the provider's keys.
    let mut taken: HashMap<(u8, String), u64> = HashMap::new();
    let mut predictions = Vec::with_capacity(incoming.len());
    for item in incoming {
        let keys = item.candidate.keys();
        let Judged {
            holders: mine,
            diagnosis,
            choices,
        } = judge(
            &item.candidate,
            holders,
            &Reported::default(),
            provider,
            today,
        );
        let refused = diagnosis
            .findings
            .iter()
            .any(|f| blocks(f, &mine, provider));
        let linkable = choices.iter().any(|c| {
            c.recommended
                && c.action() == Action::Link
                && c.evidence.is_some_and(|e| e <= Evidence::Moderate)
        });
        let unique_keys = unique_keys(&keys, provider);
        let collides_with = unique_keys.iter().find_map(|k| taken.get(k).copied());
        let outcome = if linkable {
            Outcome::SamePerson
        } else if refused {
            Outcome::Conflict
        } else if collides_with.is_some() {
            Outcome::CollidesWithCandidate
        } else {
            Outcome::Create
        };
        if !refused && collides_with.is_none() {
            for key in unique_keys {
                taken.entry(key).or_insert(item.row);
            }
        }
        predictions.push(Prediction {
            incoming: item,
            outcome,
            diagnosis,
            choices,
            collides_with: if outcome == Outcome::CollidesWithCandidate {
                collides_with
            } else {
                None
            },
            refused: refused || collides_with.is_some(),
        });
    }
    predictions
}

/// The keys the service's uniqueness check compares for these values: the userName under its
/// login rule; emails ignoring case where emails are unique.
fn unique_keys(keys: &[LookupKey], provider: &Provider) -> Vec<(u8, String)> {
    keys.iter()
        .filter_map(|key| match key {
            LookupKey::UserName(name) => Some((0, provider.login_rule.key(name))),
            LookupKey::Email(email) if provider.email_unique.is_some() => Some((1, fold(email))),
            _ => None,
        })
        .collect()
}

/// Whether the service refuses a create because of this finding: a userName equal under the
/// login rule, or an address where emails are unique — held by an account that reserves it.
fn blocks(finding: &Finding, holders: &[User], provider: &Provider) -> bool {
    let Some(view) = &finding.holder else {
        return false;
    };
    let reserves = view.active != Some(false) || provider.inactive_reserves;
    let stored = finding.stored.as_deref().unwrap_or(&finding.value);
    let same_account = holders
        .iter()
        .any(|u| u.id.as_deref() == Some(view.id.as_str()));
    reserves
        && same_account
        && match finding.attribute {
            "userName" => {
                provider.login_rule.key(&finding.value) == provider.login_rule.key(stored)
            }
            "emails" => provider.email_unique.is_some() && fold(&finding.value) == fold(stored),
            _ => false,
        }
}
