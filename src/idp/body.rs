//! The SCIM error body an identity provider quotes inside its own message (Entra's
//! `Web Response: {…}`, Okta's text after "Errors reported by remote server:"), read with
//! [`ErrorBody::parse`] so that every shape the client understands is understood here too.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Deserializer, Value};

use crate::scim::error_body::{BodyShape, ErrorBody};

/// What Entra appends to a log reason after the body (research §2.1).
pub static RETRY_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\.?\s*This\s+operation\s+was\s+retried\b").expect("valid regex")
});

/// `"status": "409"`, `"scimType": "uniqueness"`, `"detail": "User alre` — the fields of a body
/// cut short, which serde cannot read but a person still can.
static TRUNCATED_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(?P<key>status|scimType|detail)"\s*:\s*(?:"(?P<text>(?:[^"\\]|\\.)*)"?|(?P<number>\d+))"#)
        .expect("valid regex")
});

/// The body that starts `text` (after leading whitespace); whatever follows it is ignored.
/// `None` when nothing is there.
pub fn quoted_body(text: &str) -> Option<ErrorBody> {
    let text = text.trim_start();
    if text.starts_with('{') {
        if let Some(json) = leading_object(text) {
            return Some(parse(json));
        }
        // Copied from a JSON string (`\"`) or a CSV cell (`""`).
        let unescaped = [
            text.replace("\\\"", "\"").replace("\\\\", "\\"),
            text.replace("\"\"", "\""),
        ];
        for candidate in &unescaped {
            if let Some(json) = leading_object(candidate) {
                return Some(parse(json));
            }
        }
    }
    let end = RETRY_TAIL.find(text).map_or(text.len(), |m| m.start());
    let rest = text[..end].trim();
    if rest.is_empty() {
        return None;
    }
    let mut body = parse(rest);
    if body.shape == BodyShape::NotJson && rest.starts_with('{') {
        salvage(&mut body, rest);
    }
    Some(body)
}

/// Whether a body says anything: a status, a scimType or a message.
pub fn says_something(body: &ErrorBody) -> bool {
    body.status.is_some() || body.scim_type.is_some() || body.detail.is_some()
}

fn parse(json: &str) -> ErrorBody {
    ErrorBody::parse(None, json.as_bytes())
}

/// The JSON object at the start of `text`, as a slice of it.
fn leading_object(text: &str) -> Option<&str> {
    let mut values = Deserializer::from_str(text).into_iter::<Value>();
    match values.next() {
        Some(Ok(Value::Object(_))) => Some(&text[..values.byte_offset()]),
        _ => None,
    }
}

/// Reads the fields of a truncated JSON body; the raw text stays in the body.
fn salvage(body: &mut ErrorBody, text: &str) {
    let mut detail = None;
    let mut found = false;
    for caps in TRUNCATED_FIELD.captures_iter(text) {
        found = true;
        let value = match (caps.name("text"), caps.name("number")) {
            (Some(t), _) => unescape(t.as_str()),
            (None, Some(n)) => n.as_str().to_string(),
            (None, None) => continue,
        };
        match &caps["key"] {
            "status" => body.status = body.status.or_else(|| value.trim().parse().ok()),
            "scimType" if !value.trim().is_empty() => body.scim_type = Some(value.trim().into()),
            "detail" if !value.trim().is_empty() => detail = Some(value.trim().to_string()),
            _ => {}
        }
    }
    if found {
        body.detail = detail;
    }
}

fn unescape(json_text: &str) -> String {
    serde_json::from_str::<String>(&format!("\"{json_text}\""))
        .unwrap_or_else(|_| json_text.to_string())
}
