//! One failed record of an export, reduced to what triage needs: what kind of failure it is,
//! the values the identity provider sent, who it was for, when, and where in the file.

use std::sync::LazyLock;

use regex::Regex;

use crate::conflict::lookup::LookupKey;
use crate::idp::Failure;

/// Where a record sits in its input, for reports (`record 3,412`, `line 17`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// Which input (index into the inputs given).
    pub input: usize,
    /// 1-based record number in that input.
    pub record: u64,
    /// 1-based line, where the format has meaningful lines (NDJSON, CSV, text).
    pub line: Option<u64>,
}

/// What kind of failure a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A uniqueness conflict (409, `scimType: uniqueness`, `*EntryConflict`, `*Duplicate*`, …).
    Conflict,
    /// Throttled (429, `TooManyRequests`, Okta's `E0000047`): never a conflict, retry later.
    RateLimited,
    /// Any other failure: counted, not diagnosed.
    Other,
}

#[derive(Debug, Clone)]
pub struct Occurrence {
    pub position: Position,
    pub kind: Kind,
    pub failure: Failure,
    /// Values the record says the identity provider sent (its modified properties, the app
    /// username), in order, before what the error names.
    pub sent: Vec<LookupKey>,
    /// The identity provider's own name for the user (Okta login, Entra's reportable
    /// identifier): looked up only when the record gives no value that was sent.
    pub subject: Option<String>,
    /// The person's name, for telling people apart (never looked up).
    pub display_name: Option<String>,
    /// When it happened, as the record says (ISO 8601).
    pub time: Option<String>,
    /// The record's identifiers: `changeId`, `cycleId`, `jobId`, `transaction`, `uuid`, …
    pub ids: Vec<(&'static str, String)>,
}

impl Occurrence {
    pub fn new(position: Position, failure: Failure) -> Occurrence {
        Occurrence {
            position,
            kind: kind_of(&failure),
            failure,
            sent: Vec::new(),
            subject: None,
            display_name: None,
            time: None,
            ids: Vec::new(),
        }
    }

    pub fn id(&mut self, name: &'static str, value: Option<String>) {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            self.ids.push((name, value));
        }
    }
}

static RATE_LIMIT_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\brate[\s_-]?limit|too\s*many\s*requests|\bthrottl|\bE0000047\b")
        .expect("valid regex")
});

/// Rate limiting first: a 429 taken for "the user exists" is how sync tools come to report
/// false conflicts. Then the conflict families of both identity providers.
pub fn kind_of(failure: &Failure) -> Kind {
    let code = failure.error_code.as_deref().unwrap_or("");
    let texts = [
        code,
        failure.scim_type.as_deref().unwrap_or(""),
        failure.detail.as_deref().unwrap_or(""),
    ];
    if failure.status == Some(429) || texts.iter().any(|t| RATE_LIMIT_TEXT.is_match(t)) {
        return Kind::RateLimited;
    }
    let duplicate_code = code.contains("Duplicate") && code != "DuplicateSourceEntries";
    if failure.is_conflict() || duplicate_code || code.ends_with("Conflict") {
        Kind::Conflict
    } else {
        Kind::Other
    }
}
