//! Okta's failure records (research §2.2): the task text on the dashboard, `<Okta message>:
//! <reason phrase>. Errors reported by remote server: <the service provider's detail>`, and
//! System Log events, whose `outcome.reason` carries the same text.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::body;
use super::failure::{array_field, field, status_ending, status_in_prose, text_field};
use super::{Failure, FailureSource};
use crate::scim::error_body::one_line;

static REMOTE_SERVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)Errors?\s+reported\s+by\s+(?:the\s+)?remote\s+server\s*:")
        .expect("valid regex")
});

/// Okta's own wordings, for recognising its texts.
static OKTA_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)Errors?\s+reported\s+by\s+(?:the\s+)?remote\s+server|Automatic\s+provisioning\s+of\s+user\s|Error\s+while\s+\w+\s+user\s|^\s*Could\s+not\s+create\s+new\s+user\b|to\s+external\s+application\s+FAILURE\s*:",
    )
    .expect("valid regex")
});

/// A System Log line as the admin console renders it: `<displayMessage> FAILURE: <reason>`.
static SYSTEM_LOG_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^:\n]*\bFAILURE\s*:").expect("valid regex"));

static AUTOMATIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)Automatic\s+provisioning\s+of\s+user\s+(?P<user>.+?)\s+to\s+app\s+(?P<app>.+?)\s+failed\b")
        .expect("valid regex")
});

static WHILE_USER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)Error\s+while\s+\w+\s+user\s+(?P<user>.+?)\s+:").expect("valid regex")
});

/// `Could not create new user. 409 - User with the specified login already exists` (Box).
static STATUS_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)(?:^|\s)(?P<code>[1-5]\d\d)\s+-\s+(?P<detail>.+)$").expect("valid regex")
});

pub fn is_text(text: &str) -> bool {
    OKTA_TEXT.is_match(text)
}

pub fn from_text(text: &str) -> Failure {
    let source = if SYSTEM_LOG_LINE.is_match(text) {
        FailureSource::OktaSystemLog
    } else {
        FailureSource::OktaTask
    };
    let mut failure = Failure::new(source);
    if let Some(caps) = AUTOMATIC.captures(text) {
        failure.subject = Some(one_line(&caps["user"]));
        failure.application = Some(one_line(&caps["app"]));
    } else if let Some(caps) = WHILE_USER.captures(text) {
        failure.subject = Some(one_line(&caps["user"]));
    }
    read_reason(&mut failure, text);
    failure
}

/// A System Log event: it has an `eventType` or a `legacyEventType`, or an `outcome` object.
pub fn is_event(value: &Value) -> bool {
    field(value, "eventType").is_some()
        || field(value, "legacyEventType").is_some()
        || field(value, "outcome").is_some_and(|o| o.is_object())
}

pub fn event_failed(value: &Value) -> bool {
    is_event(value)
        && field(value, "outcome")
            .and_then(|o| text_field(&o, "result"))
            .is_some_and(|r| r.eq_ignore_ascii_case("FAILURE"))
}

pub fn from_event(event: &Value) -> Failure {
    let mut failure = Failure::new(FailureSource::OktaSystemLog);
    let targets = array_field(event, "target");
    let target = |kind: &str| {
        targets
            .iter()
            .find(|t| text_field(t, "type").is_some_and(|k| k.eq_ignore_ascii_case(kind)))
    };
    // The Okta login of the user being pushed, not a value the service provider reported.
    failure.subject = target("User")
        .and_then(|t| text_field(t, "alternateId").or_else(|| text_field(t, "displayName")));
    failure.application = target("AppInstance")
        .and_then(|t| text_field(t, "displayName").or_else(|| text_field(t, "alternateId")));
    let reason = field(event, "outcome").and_then(|o| text_field(&o, "reason"));
    match reason {
        Some(reason) => read_reason(&mut failure, &reason),
        None => failure.detail = text_field(event, "displayMessage").map(|m| one_line(&m)),
    }
    failure
}

/// The status and the service provider's message in Okta's text.
fn read_reason(failure: &mut Failure, text: &str) {
    if let Some(marker) = REMOTE_SERVER.find(text) {
        let before = &text[..marker.start()];
        failure.status = status_ending(before).or_else(|| status_in_prose(before));
        let remote = text[marker.end()..].trim();
        match remote
            .starts_with('{')
            .then(|| body::quoted_body(remote))
            .flatten()
        {
            Some(body) => failure.take_body(body),
            None => failure.detail = Some(one_line(remote)),
        }
    } else if let Some(caps) = STATUS_DASH.captures(text) {
        failure.status = caps["code"].parse().ok();
        failure.detail = Some(one_line(&caps["detail"]));
    } else {
        failure.status = status_in_prose(text);
        failure.detail = Some(one_line(text));
    }
}
