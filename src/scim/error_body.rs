//! Reading the error bodies real service providers send (research §1.1).
//!
//! RFC 7644 §3.12 says `{"schemas":[…Error], "status":"409", "scimType":"uniqueness", "detail":"…"}`,
//! but in the field the status is sometimes a number, `scimType` is missing or invented
//! (`"immutability"`), the error is wrapped (`{"status":"409","response":{…}}`), SCIM 1.1's
//! `{"Errors":{…}}` envelope is used (Slack), Okta's own `errorCode`/`errorCauses` appears, or a
//! proxy answers with HTML. Every shape becomes one `ErrorBody`, and the raw text is kept.

use serde_json::Value;

/// The shape an error body arrived in, for display and for the next person debugging a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyShape {
    /// RFC 7644 §3.12, with or without its optional fields.
    Scim,
    /// `{"status": …, "response": {…error…}}` (Pulumi's docs, SimpleIdServer).
    Wrapped,
    /// SCIM 1.1 `{"Errors": {"code": …, "description": …}}` (Slack).
    Scim11,
    /// Okta's API envelope `{"errorCode", "errorSummary", "errorCauses"}`.
    Okta,
    /// Some other JSON object.
    OtherJson,
    /// Not JSON: an HTML page from a proxy, plain text, or a truncated body.
    NotJson,
    Empty,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorBody {
    /// The status the body states; the HTTP status is authoritative when they differ.
    pub status: Option<u16>,
    pub scim_type: Option<String>,
    pub detail: Option<String>,
    pub shape: BodyShape,
    pub content_type: Option<String>,
    pub raw: String,
}

impl ErrorBody {
    pub fn parse(content_type: Option<&str>, raw: &[u8]) -> ErrorBody {
        let text = String::from_utf8_lossy(raw).into_owned();
        let content_type = content_type.map(str::to_string);
        let mut body = match serde_json::from_str::<Value>(text.trim()) {
            _ if text.trim().is_empty() => ErrorBody::bare(BodyShape::Empty),
            Ok(Value::Object(obj)) => from_json_object(&Value::Object(obj)),
            Ok(_) | Err(_) => ErrorBody {
                detail: summarise_text(&text),
                ..ErrorBody::bare(BodyShape::NotJson)
            },
        };
        body.content_type = content_type;
        body.raw = text;
        body
    }

    fn bare(shape: BodyShape) -> ErrorBody {
        ErrorBody {
            status: None,
            scim_type: None,
            detail: None,
            shape,
            content_type: None,
            raw: String::new(),
        }
    }

    pub fn is_scim_type(&self, scim_type: &str) -> bool {
        self.scim_type
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case(scim_type))
    }

    /// One line for a person: `(400 invalidFilter) the detail`, or what the body was instead.
    /// A detail over [`DETAIL_LIMIT`] characters is cut, saying so; `-v` logs the whole body.
    pub fn describe(&self) -> String {
        let detail = self
            .detail
            .as_deref()
            .map(|d| clip(&one_line(d), DETAIL_LIMIT));
        let scim_type = self.scim_type.as_deref().map(one_line);
        match (self.shape, scim_type, detail) {
            (BodyShape::Empty, _, _) => format!("an empty body{}", self.content_type_note()),
            (BodyShape::NotJson, _, detail) => format!(
                "a non-JSON body{}{}",
                self.content_type_note(),
                detail.map(|d| format!(": {d}")).unwrap_or_default()
            ),
            (_, Some(t), Some(d)) => format!("{t}: {d}"),
            (_, Some(t), None) => t,
            (_, None, Some(d)) => d,
            (_, None, None) => format!("an error body with no detail{}", self.content_type_note()),
        }
    }

    fn content_type_note(&self) -> String {
        match &self.content_type {
            Some(ct) => format!(" ({ct})"),
            None => " (no content type)".to_string(),
        }
    }
}

fn from_json_object(obj: &Value) -> ErrorBody {
    if let Some(inner) = obj.get("response").filter(|r| r.is_object()) {
        let mut body = from_json_object(inner);
        body.status = body.status.or_else(|| status_of(obj.get("status")));
        body.shape = BodyShape::Wrapped;
        return body;
    }
    if let Some(errors) = obj.get("Errors") {
        // Slack sends an object; other SCIM 1.1 servers an array of them.
        let first = errors.as_array().and_then(|a| a.first()).unwrap_or(errors);
        return ErrorBody {
            status: status_of(first.get("code")),
            detail: string_of(first.get("description")),
            ..ErrorBody::bare(BodyShape::Scim11)
        };
    }
    if obj.get("errorCode").is_some() || obj.get("errorSummary").is_some() {
        let causes: Vec<String> = obj
            .get("errorCauses")
            .and_then(Value::as_array)
            .map(|causes| {
                causes
                    .iter()
                    .filter_map(|c| string_of(c.get("errorSummary")))
                    .collect()
            })
            .unwrap_or_default();
        let summary = string_of(obj.get("errorSummary"));
        let detail = match (summary, causes.is_empty()) {
            (Some(s), false) => Some(format!("{s} ({})", causes.join("; "))),
            (s, _) => s,
        };
        return ErrorBody {
            status: None,
            scim_type: string_of(obj.get("errorCode")),
            detail,
            ..ErrorBody::bare(BodyShape::Okta)
        };
    }
    let is_scim = obj
        .get("schemas")
        .and_then(Value::as_array)
        .is_some_and(|s| {
            s.iter()
                .any(|v| v.as_str().is_some_and(|v| v.ends_with(":Error")))
        });
    let detail = [
        "detail",
        "message",
        "error_description",
        "description",
        "error",
        "title",
    ]
    .iter()
    .find_map(|key| string_of(obj.get(*key)));
    ErrorBody {
        status: status_of(obj.get("status")),
        scim_type: string_of(obj.get("scimType")),
        detail,
        ..ErrorBody::bare(if is_scim || obj.get("scimType").is_some() {
            BodyShape::Scim
        } else {
            BodyShape::OtherJson
        })
    }
}

fn status_of(value: Option<&Value>) -> Option<u16> {
    match value? {
        Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn string_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(_) | Value::Array(_) => None,
        Value::String(_) | Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// A short, single-line stand-in for a non-JSON body: an HTML page's title, or its first text.
fn summarise_text(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    if let (Some(start), Some(end)) = (lower.find("<title>"), lower.find("</title>"))
        && start + 7 <= end
    {
        let title = one_line(&text[start + 7..end]);
        if !title.is_empty() {
            return Some(format!("HTML page titled \"{title}\""));
        }
    }
    if lower.contains("<html") || lower.contains("<!doctype") {
        return Some("an HTML page".to_string());
    }
    let line = one_line(text);
    (!line.is_empty()).then(|| truncate(&line, 160))
}

/// Collapses whitespace so that a multi-line server message stays on one line.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many characters of a server's error `detail` an error line shows (README "Output").
pub const DETAIL_LIMIT: usize = 300;

/// `text` cut to `limit` characters, saying how many were left out and where to see them.
fn clip(text: &str, limit: usize) -> String {
    let total = text.chars().count();
    if total <= limit {
        return text.to_string();
    }
    format!(
        "{}… ({} more characters; -v shows the whole answer)",
        text.chars().take(limit).collect::<String>(),
        total - limit
    )
}

pub fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(raw: &str) -> ErrorBody {
        ErrorBody::parse(Some("application/scim+json"), raw.as_bytes())
    }

    #[test]
    fn rfc_body_with_string_status() {
        let b = parse(
            r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness","detail":"User with userName jdoe already exists."}"#,
        );
        assert_eq!(b.shape, BodyShape::Scim);
        assert_eq!(b.status, Some(409));
        assert!(b.is_scim_type("uniqueness"));
        assert_eq!(
            b.describe(),
            "uniqueness: User with userName jdoe already exists."
        );
    }

    #[test]
    fn numeric_status_and_missing_scim_type() {
        let b = parse(
            r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"User already exists in the database.","status":409}"#,
        );
        assert_eq!(b.status, Some(409));
        assert_eq!(b.scim_type, None);
        assert_eq!(b.describe(), "User already exists in the database.");
    }

    #[test]
    fn pulumi_wrapper() {
        let b = parse(
            r#"{"status":"409","response":{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"uniqueness","detail":"Email jdoe@example.com already in use by another Pulumi account."}}"#,
        );
        assert_eq!(b.shape, BodyShape::Wrapped);
        assert_eq!(b.status, Some(409));
        assert!(b.is_scim_type("uniqueness"));
        assert!(b.detail.unwrap().contains("another Pulumi account"));
    }

    #[test]
    fn aws_extras_without_scim_type() {
        let b = parse(
            r#"{"schema":["urn:ietf:params:scim:api:messages:2.0:Error"],"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"Refused to create a new, duplicate resource.","status":"409","exceptionRequestId":"abc","timeStamp":"2026-01-01 00:00:00.000"}"#,
        );
        assert_eq!(b.shape, BodyShape::Scim);
        assert_eq!(b.status, Some(409));
        assert_eq!(
            b.detail.as_deref(),
            Some("Refused to create a new, duplicate resource.")
        );
    }

    #[test]
    fn slack_scim_1_1_envelope() {
        let b = parse(r#"{"Errors":{"description":"email_taken","code":409}}"#);
        assert_eq!(b.shape, BodyShape::Scim11);
        assert_eq!(b.status, Some(409));
        assert_eq!(b.detail.as_deref(), Some("email_taken"));
    }

    #[test]
    fn okta_envelope() {
        let b = parse(
            r#"{"errorCode":"E0000001","errorSummary":"Api validation failed: login","errorLink":"E0000001","errorId":"oae1","errorCauses":[{"errorSummary":"login: An object with this field already exists in the current organization"}]}"#,
        );
        assert_eq!(b.shape, BodyShape::Okta);
        assert_eq!(b.scim_type.as_deref(), Some("E0000001"));
        assert_eq!(
            b.detail.as_deref(),
            Some(
                "Api validation failed: login (login: An object with this field already exists in the current organization)"
            )
        );
    }

    #[test]
    fn html_from_a_proxy() {
        let b = ErrorBody::parse(
            Some("text/html"),
            b"<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>",
        );
        assert_eq!(b.shape, BodyShape::NotJson);
        assert_eq!(
            b.describe(),
            "a non-JSON body (text/html): HTML page titled \"502 Bad Gateway\""
        );
        assert!(b.raw.contains("<h1>502</h1>"));
    }

    #[test]
    fn truncated_json_and_plain_text_and_empty() {
        let b = parse(
            r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"User alre"#,
        );
        assert_eq!(b.shape, BodyShape::NotJson);
        let b = ErrorBody::parse(Some("text/plain"), b"error code: 502\n");
        assert_eq!(
            b.describe(),
            "a non-JSON body (text/plain): error code: 502"
        );
        let b = ErrorBody::parse(None, b"");
        assert_eq!(b.describe(), "an empty body (no content type)");
    }

    /// Caught by the error_body fuzz target (fuzz/seeds/error_body/scim_type_line_break): a
    /// scimType with a line break made the one-line description two lines.
    #[test]
    fn a_scim_type_with_a_line_break_is_described_on_one_line() {
        let b = parse(r#"{"scimType":"invalid\nValue"}"#);
        assert_eq!(b.describe(), "invalid Value");
        let b = parse(r#"{"scimType":"a\r\nb","detail":"c"}"#);
        assert_eq!(b.describe(), "a b: c");
    }

    #[test]
    fn never_panics_on_arbitrary_bytes() {
        proptest::proptest!(|(bytes: Vec<u8>)| {
            let b = ErrorBody::parse(None, &bytes);
            let _ = b.describe();
        });
    }
}
