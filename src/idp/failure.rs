//! One failure record, whatever it came from: which identity provider reported it, the status
//! and scimType the service provider answered, its message, and what that message says collided.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::{body, detail, entra, okta};
use crate::conflict::lookup::LookupKey;
use crate::scim::error_body::{BodyShape, ErrorBody, one_line};

/// Where the text came from, as detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureSource {
    /// An Okta task or dashboard message: `Automatic provisioning of user … failed: Error while
    /// creating user … : Conflict. Errors reported by remote server: …`.
    OktaTask,
    /// An Okta System Log event (JSON, `outcome.reason`), or its rendered line
    /// `Push new user to external application FAILURE: Conflict. Errors reported by …`.
    OktaSystemLog,
    /// An Entra provisioning-log record: the portal's text (`Error Code:`, `StatusCode:`,
    /// `Web Response: {…}`), a log `reason` string, or a Graph `provisioningObjectSummary`.
    EntraLog,
    /// A service provider's error body, in any shape [`ErrorBody::parse`] reads.
    ScimBody,
    /// Anything else: the text itself is the detail.
    Text,
}

impl FailureSource {
    /// A stable name for reports: `okta-task`, `okta-system-log`, `entra-log`, `scim-body`, `text`.
    pub fn label(self) -> &'static str {
        match self {
            FailureSource::OktaTask => "okta-task",
            FailureSource::OktaSystemLog => "okta-system-log",
            FailureSource::EntraLog => "entra-log",
            FailureSource::ScimBody => "scim-body",
            FailureSource::Text => "text",
        }
    }

    fn identity_provider(self) -> Option<&'static str> {
        match self {
            FailureSource::OktaTask | FailureSource::OktaSystemLog => Some("Okta"),
            FailureSource::EntraLog => Some("Entra ID"),
            FailureSource::ScimBody | FailureSource::Text => None,
        }
    }
}

/// What an identity provider's failure record says about a refused provisioning request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub source: FailureSource,
    /// The HTTP status: the reason phrase the identity provider quotes (`Conflict` → 409,
    /// `Bad Request` → 400, Entra's `StatusCode: Conflict`, `HTTP status code 409`, Okta's
    /// `409 - …`), else the status the body states.
    pub status: Option<u16>,
    /// The body's `scimType` (`uniqueness`, …). For an Okta API envelope, as [`ErrorBody`]
    /// reads it, this is Okta's `errorCode` (`E0000001`).
    pub scim_type: Option<String>,
    /// The service provider's own message, on one line: the body's `detail`, or the text Okta
    /// quotes after "Errors reported by remote server:". When the identity provider did not
    /// quote the service provider, its own message (e.g. Entra's `reason`) stands in.
    pub detail: Option<String>,
    /// `"Okta"` or `"Entra ID"` when the record is recognisably theirs.
    pub identity_provider: Option<&'static str>,
    /// The user (or group) the identity provider was provisioning, as it names it: Okta's
    /// `user jdoe` or System Log target `User.alternateId` (the Okta login), Entra's
    /// `ReportableIdentifier` or `Failed to create User '…'`. This is the identity provider's
    /// own identifier, not necessarily a value the service provider saw, so it is never put in
    /// `named`.
    pub subject: Option<String>,
    /// The application (service provider) being provisioned, as the identity provider names it:
    /// Okta's `to app Acme` or `AppInstance` target, Entra's `servicePrincipal`.
    pub application: Option<String>,
    /// The identity provider's own error code: Entra's `errorCode` or `Error Code:` line
    /// (`SystemForCrossDomainIdentityManagementServiceIncompatibleFiltering`, `EntryConflict`).
    pub error_code: Option<String>,
    /// The service provider's error body, when the record carries one (raw text kept).
    pub body: Option<ErrorBody>,
    /// Attribute and value pairs the detail says collided, in order of appearance, without
    /// repeats (userName and emails compared ignoring case). Only filled for a conflict.
    pub named: Vec<LookupKey>,
    /// Attributes the detail says collided without giving the value (`SCIM User externalId
    /// already exists` → `externalId`): `"userName"`, `"emails"` or `"externalId"`, in order,
    /// leaving out an attribute already in `named`. Only filled for a conflict.
    pub attributes: Vec<&'static str>,
}

impl Failure {
    pub(super) fn new(source: FailureSource) -> Failure {
        Failure {
            source,
            status: None,
            scim_type: None,
            detail: None,
            identity_provider: source.identity_provider(),
            subject: None,
            application: None,
            error_code: None,
            body: None,
            named: Vec::new(),
            attributes: Vec::new(),
        }
    }

    /// A uniqueness conflict (research §6.2): HTTP 409; or scimType `uniqueness` with 400 or no
    /// status (RFC 7644 Table 9 lists it under 400); or a detail saying a value is already
    /// taken (`already exists|in use|taken`, `not unique`, `duplicate`, `conflict`, …); or
    /// Entra's `EntryConflict` error code.
    pub fn is_conflict(&self) -> bool {
        let uniqueness = self
            .scim_type
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case("uniqueness"));
        let entry_conflict = self
            .error_code
            .as_deref()
            .is_some_and(|c| c.ends_with("EntryConflict") || c == "Conflict");
        self.status == Some(409)
            || (uniqueness && matches!(self.status, None | Some(400)))
            || self
                .detail
                .as_deref()
                .is_some_and(detail::sounds_like_conflict)
            || entry_conflict
    }

    /// Takes the status, scimType and message from the service provider's body; a status the
    /// identity provider quoted stays, being the HTTP status.
    pub(super) fn take_body(&mut self, body: ErrorBody) {
        self.status = self.status.or(body.status);
        self.scim_type = body.scim_type.clone().or(self.scim_type.take());
        if let Some(detail) = &body.detail {
            self.detail = Some(one_line(detail));
        }
        self.body = Some(body);
    }

    fn finish(mut self) -> Failure {
        self.detail = self.detail.filter(|d| !d.is_empty());
        if self.is_conflict()
            && let Some(text) = &self.detail
        {
            let named = detail::named_in(text);
            self.named = named.keys;
            self.attributes = named.attributes;
        }
        self
    }
}

/// Reads an error as an admin pastes it (`--error TEXT|@FILE|-`). Never fails: text that is
/// none of the known forms is a `Text` failure whose detail is the text, on one line.
pub fn parse_failure(text: &str) -> Failure {
    read(text, 0).finish()
}

/// Reads one record already parsed from an export (an Okta System Log event, an Entra
/// provisioning record or Log Analytics row); `None` when it is neither.
pub fn parse_record(value: &Value) -> Option<Failure> {
    read_record(value).map(Failure::finish)
}

fn read(text: &str, depth: u8) -> Failure {
    let text = text.trim_start_matches('\u{feff}').trim();
    if let Ok(value) = serde_json::from_str::<Value>(text)
        && let Some(failure) = read_json(text, &value, depth)
    {
        return failure;
    }
    if okta::is_text(text) {
        return okta::from_text(text);
    }
    if entra::is_text(text) {
        return entra::from_text(text);
    }
    from_other_text(text)
}

fn read_json(text: &str, value: &Value, depth: u8) -> Option<Failure> {
    match value {
        // A record copied as a JSON string (a Log Analytics cell, an escaped log line).
        Value::String(inner) if depth < 2 => Some(read(inner, depth + 1)),
        Value::Array(records) => pick_record(records).and_then(read_record),
        Value::Object(obj) => match obj.get("value") {
            // A Graph or Okta list response.
            Some(Value::Array(records)) => pick_record(records).and_then(read_record),
            _ => read_record(value).or_else(|| {
                let body = ErrorBody::parse(None, text.as_bytes());
                let mut failure = Failure::new(FailureSource::ScimBody);
                let known = body.shape != BodyShape::OtherJson || body::says_something(&body);
                failure.take_body(body);
                known.then_some(failure)
            }),
        },
        _ => None,
    }
}

fn read_record(value: &Value) -> Option<Failure> {
    if okta::is_event(value) {
        Some(okta::from_event(value))
    } else if entra::is_record(value) {
        Some(entra::from_record(value))
    } else {
        None
    }
}

/// The first failed record of a list, else its first record of a known kind.
fn pick_record(records: &[Value]) -> Option<&Value> {
    let known = || {
        records
            .iter()
            .filter(|r| okta::is_event(r) || entra::is_record(r))
    };
    known()
        .find(|r| okta::event_failed(r) || entra::record_failed(r))
        .or_else(|| known().next())
}

fn from_other_text(text: &str) -> Failure {
    // A body pasted on its own that serde could not read (truncated JSON, an HTML page).
    let lower = text.to_ascii_lowercase();
    if (text.starts_with('{') || lower.starts_with("<!doctype") || lower.starts_with("<html"))
        && let Some(body) = body::quoted_body(text).filter(body::says_something)
    {
        let mut failure = Failure::new(FailureSource::ScimBody);
        failure.take_body(body);
        return failure;
    }
    let mut failure = Failure::new(FailureSource::Text);
    // `409`, `Conflict`, or a status somewhere in a sentence.
    failure.status = text
        .parse()
        .ok()
        .filter(|s| (100..600).contains(s))
        .or_else(|| status_of_phrase(text))
        .or_else(|| status_in_prose(text));
    if let Some(body) = text
        .find('{')
        .and_then(|at| body::quoted_body(&text[at..]))
        .filter(|b| !matches!(b.shape, BodyShape::NotJson | BodyShape::Empty))
        .filter(body::says_something)
    {
        failure.take_body(body);
    }
    if failure.detail.is_none() {
        failure.detail = Some(one_line(text));
    }
    failure
}

/// HTTP reason phrases, as Okta writes them (`Bad Request`) and as Entra does (.NET's
/// `HttpStatusCode` names: `BadRequest`, `InternalServerError`).
const REASON_PHRASES: &[(u16, &str)] = &[
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (409, "Conflict"),
    (412, "Precondition Failed"),
    (413, "Payload Too Large"),
    (413, "Request Entity Too Large"),
    (415, "Unsupported Media Type"),
    (422, "Unprocessable Entity"),
    (429, "Too Many Requests"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
];

/// `Conflict`, `Bad Request`, `BadRequest`, `bad request` → the status.
pub(super) fn status_of_phrase(phrase: &str) -> Option<u16> {
    let squeezed = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let wanted = squeezed(phrase);
    REASON_PHRASES
        .iter()
        .find(|(_, p)| squeezed(p) == wanted)
        .map(|(code, _)| *code)
}

/// The status whose reason phrase ends `text` (`… : Conflict.` → 409).
pub(super) fn status_ending(text: &str) -> Option<u16> {
    let text = text.trim_end_matches(|c: char| c == '.' || c == ':' || c.is_whitespace());
    REASON_PHRASES.iter().find_map(|(code, phrase)| {
        let start = text.len().checked_sub(phrase.len())?;
        let tail = text.get(start..)?;
        let boundary = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        (boundary && tail.eq_ignore_ascii_case(phrase)).then_some(*code)
    })
}

static PROSE_STATUS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let phrases = REASON_PHRASES
        .iter()
        .map(|(_, p)| p.replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|");
    [
        r"(?i)\bstatus\s*code\b\s*[:=]?\s*(?:(?P<code>[1-5]\d\d)\b|(?P<phrase>[A-Za-z]+))"
            .to_string(),
        r"(?i)\bHTTP(?:/[\d.]+)?\s+(?P<code>[1-5]\d\d)\b".to_string(),
        r"(?:^|\s)(?P<code>[1-5]\d\d)\s+-\s".to_string(),
        format!(r"(?i)\b(?P<code>[1-5]\d\d)\s+(?:{phrases})\b"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid regex"))
    .collect()
});

/// A status an identity provider or a person wrote in prose: `StatusCode: Conflict`, `HTTP
/// status code 409`, `HTTP 409`, `409 - …`, `409 Conflict`.
pub(super) fn status_in_prose(text: &str) -> Option<u16> {
    PROSE_STATUS.iter().find_map(|re| {
        let caps = re.captures(text)?;
        match (caps.name("code"), caps.name("phrase")) {
            (Some(code), _) => code.as_str().parse().ok(),
            (None, Some(phrase)) => status_of_phrase(phrase.as_str()),
            (None, None) => None,
        }
    })
}

/// A field of a JSON object by name, ignoring case (Graph writes `provisioningStatusInfo`,
/// Log Analytics `ProvisioningStatusInfo`); an object stored as a JSON string is read too.
/// Borrowed from the record unless it had to be parsed: exports hold millions of fields, and
/// copying a subtree to look at it costs as much as reading it.
pub fn field<'v>(value: &'v Value, name: &str) -> Option<Cow<'v, Value>> {
    let found = value
        .as_object()?
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)?;
    match found {
        Value::Null => None,
        Value::String(s) if s.trim_start().starts_with(['{', '[']) => {
            Some(serde_json::from_str(s).map_or(Cow::Borrowed(found), Cow::Owned))
        }
        other => Some(Cow::Borrowed(other)),
    }
}

/// A field of a field (`provisioningStatusInfo.errorInformation`), borrowed as far as the
/// outer one was.
pub fn field_in<'v>(outer: Cow<'v, Value>, name: &str) -> Option<Cow<'v, Value>> {
    match outer {
        Cow::Borrowed(outer) => field(outer, name),
        Cow::Owned(outer) => field(&outer, name).map(|inner| Cow::Owned(inner.into_owned())),
    }
}

/// An array field's items (none when absent or not an array), borrowed where the record holds them.
pub fn array_field<'v>(value: &'v Value, name: &str) -> Cow<'v, [Value]> {
    match field(value, name) {
        Some(Cow::Borrowed(Value::Array(items))) => Cow::Borrowed(items),
        Some(Cow::Owned(Value::Array(items))) => Cow::Owned(items),
        _ => Cow::Borrowed(&[]),
    }
}

/// A string field, trimmed; `None` when absent or empty.
pub fn text_field(value: &Value, name: &str) -> Option<String> {
    match field(value, name)?.as_ref() {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_phrases_both_spellings() {
        assert_eq!(status_of_phrase("Conflict"), Some(409));
        assert_eq!(status_of_phrase("BadRequest"), Some(400));
        assert_eq!(status_of_phrase("Bad Request"), Some(400));
        assert_eq!(status_of_phrase("InternalServerError"), Some(500));
        assert_eq!(status_of_phrase("Message"), None);
    }

    #[test]
    fn status_ending_a_sentence() {
        assert_eq!(
            status_ending("Error while creating user jdoe : Conflict."),
            Some(409)
        );
        assert_eq!(status_ending("failed: Bad Request. "), Some(400));
        assert_eq!(status_ending("NoConflict."), None);
        assert_eq!(status_ending(""), None);
    }

    #[test]
    fn statuses_in_prose() {
        for (text, status) in [
            ("StatusCode: Conflict Message: …", Some(409)),
            (
                "returned an error response with the HTTP status code 409.",
                Some(409),
            ),
            ("Response Status Code: InternalServerError", Some(500)),
            ("HTTP/1.1 409 Conflict", Some(409)),
            ("Could not create new user. 409 - User exists", Some(409)),
            ("got 409 conflict from the server", Some(409)),
            ("user 4090 exists", None),
        ] {
            assert_eq!(status_in_prose(text), status, "{text}");
        }
    }
}
