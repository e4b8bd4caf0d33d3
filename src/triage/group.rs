//! One entry per candidate: identity providers retry the same failure every cycle, so the
//! same person's records are folded together (values compared ignoring case, as SCIM compares
//! userNames and emails), keeping how often, when first and last, where, and every value any
//! of the records named.

use std::collections::HashMap;

use serde::Serialize;

use super::occurrence::{Kind, Occurrence, Position};
use super::time::parse_instant;
use crate::conflict::candidate::{Candidate, Source};
use crate::conflict::lookup::LookupKey;
use crate::idp::Failure;
use crate::scim::compare::fold;

/// Where a candidate's records are, the first few of them.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceRef {
    pub input: usize,
    pub record: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The record's identifiers (`changeId`, `cycleId`, `uuid`, …).
    #[serde(skip_serializing_if = "HashMap::is_empty")]
    pub ids: HashMap<&'static str, String>,
}

/// How many record references each candidate keeps.
const SOURCES_KEPT: usize = 5;

#[derive(Debug, Clone)]
pub struct Group {
    pub kind: Kind,
    pub candidate: Candidate,
    /// The failure of the first record (the error every retry repeats).
    pub failure: Failure,
    /// Every value the records' errors named, for the diagnosis.
    pub named: Vec<LookupKey>,
    pub attributes: Vec<&'static str>,
    pub occurrences: u64,
    pub first: Option<String>,
    pub last: Option<String>,
    pub sources: Vec<SourceRef>,
    /// The candidate is only the identity provider's own name for the user (no record said
    /// what it sent): it is looked up as the userName and, when it is an address, the email.
    pub stand_in: Option<String>,
}

/// The candidates, in the order first seen, and the failures no candidate could be made of.
#[derive(Debug, Default)]
pub struct Groups {
    pub groups: Vec<Group>,
    index: HashMap<(Kind, String), usize>,
    /// Failures naming no value and no user: counted by kind.
    pub nameless: Vec<(Kind, Position, Failure)>,
    pub nameless_count: u64,
}

impl Groups {
    pub fn add(&mut self, occurrence: Occurrence) {
        let Occurrence {
            position,
            kind,
            failure,
            sent,
            subject,
            display_name,
            time,
            ids,
        } = occurrence;
        let mut candidate = Candidate::default();
        candidate.add_all(sent, Source::Export);
        candidate.add_all(failure.named.iter().cloned(), Source::Error);
        let mut stand_in = None;
        if candidate.user_name.is_none()
            && candidate.emails.is_empty()
            && candidate.external_id.is_none()
            && let Some(subject) = subject.as_ref().filter(|s| !s.trim().is_empty())
        {
            candidate.add(LookupKey::UserName(subject.clone()), Source::Export);
            if subject.contains('@') {
                candidate.add(LookupKey::Email(subject.clone()), Source::Export);
            }
            stand_in = Some(subject.clone());
        }
        candidate.display_name = display_name;
        let Some(key) = identity(&candidate) else {
            self.nameless_count += 1;
            if self.nameless.len() < SOURCES_KEPT {
                self.nameless.push((kind, position, failure));
            }
            return;
        };
        let source = SourceRef {
            input: position.input,
            record: position.record,
            line: position.line,
            ids: ids.into_iter().collect(),
        };
        match self.index.get(&(kind, key.clone())) {
            Some(&at) => {
                let group = &mut self.groups[at];
                group.occurrences += 1;
                group.candidate.add_all(candidate.keys(), Source::Export);
                for named in &failure.named {
                    if !group.named.contains(named) {
                        group.named.push(named.clone());
                    }
                }
                for attribute in &failure.attributes {
                    if !group.attributes.contains(attribute) {
                        group.attributes.push(attribute);
                    }
                }
                if group.sources.len() < SOURCES_KEPT {
                    group.sources.push(source);
                }
                widen(&mut group.first, &mut group.last, time);
            }
            None => {
                self.index.insert((kind, key), self.groups.len());
                self.groups.push(Group {
                    kind,
                    named: failure.named.clone(),
                    attributes: failure.attributes.clone(),
                    candidate,
                    failure,
                    occurrences: 1,
                    first: time.clone(),
                    last: time,
                    sources: vec![source],
                    stand_in,
                });
            }
        }
    }

    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(move |g| g.kind == kind)
    }
}

/// Who a candidate is, as compared: its userName, else its first email, else its externalId.
fn identity(candidate: &Candidate) -> Option<String> {
    if let Some(name) = &candidate.user_name {
        return Some(format!("u:{}", fold(name)));
    }
    if let Some(email) = candidate.emails.first() {
        return Some(format!("e:{}", fold(email)));
    }
    candidate.external_id.as_ref().map(|id| format!("x:{id}"))
}

/// Moves the first and last times to take in `time` (compared as instants where they parse).
fn widen(first: &mut Option<String>, last: &mut Option<String>, time: Option<String>) {
    let Some(time) = time else { return };
    let at = parse_instant(&time);
    let earlier = |other: &Option<String>| match (at, other.as_deref().and_then(parse_instant)) {
        (Some(a), Some(b)) => a < b,
        _ => other.is_none(),
    };
    let later = |other: &Option<String>| match (at, other.as_deref().and_then(parse_instant)) {
        (Some(a), Some(b)) => a > b,
        _ => other.is_none(),
    };
    if earlier(first) {
        *first = Some(time.clone());
    }
    if later(last) {
        *last = Some(time);
    }
}
