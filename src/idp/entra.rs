//! Entra ID's provisioning logs (research §2.1): the portal's text (`Error Code:`, `Error
//! Message: StatusCode: Conflict …`, `Web Response: {…}`), the log `reason` string that ends
//! `… Web Response: {…}. This operation was retried 0 times. …`, the older audit form
//! (`Response Status Code: … Response Content: …`), and the Graph `provisioningObjectSummary`
//! (or a Log Analytics row, whose columns hold the same objects as JSON strings).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::body::{self, RETRY_TAIL};
use super::failure::{array_field, field, field_in, status_in_prose, text_field};
use super::{Failure, FailureSource};
use crate::scim::error_body::one_line;

static ENTRA_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)Web\s+Response\s*:|\bStatusCode\s*:|SystemForCrossDomainIdentityManagement|This\s+operation\s+was\s+retried|Received\s+response\s+from\s+Web\s+resource|returned\s+an\s+error\s+response\s+with\s+the\s+HTTP\s+status\s+code|^\s*Error\s+Code\s*:",
    )
    .expect("valid regex")
});

/// Where the service provider's body starts.
static BODY_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:Web\s+Response|Response\s+Content)\s*:").expect("valid regex")
});

static ERROR_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*Error\s*Code\s*:\s*(?P<code>[A-Za-z][\w.]*)").expect("valid regex")
});

/// `Failed to create Group 'Self-service Pilot' in Contoso`, `Failed to process User '…'`.
static FAILED_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)Failed\s+to\s+\w+\s+(?:User|Group)\s+'(?P<name>[^'\n]+)'(?:\s+in\s+(?P<app>[^\n.;(]+))?")
        .expect("valid regex")
});

/// The labels around Entra's own message, dropped when that message stands in for the detail.
static LABELS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bError\s*Code\s*:\s*\S+|\bError\s+Message\s*:|\bStatusCode\s*:\s*\w+|\bMessage\s*:",
    )
    .expect("valid regex")
});

pub fn is_text(text: &str) -> bool {
    ENTRA_TEXT.is_match(text)
}

pub fn from_text(text: &str) -> Failure {
    let mut failure = Failure::new(FailureSource::EntraLog);
    read_text(&mut failure, text);
    failure
}

/// A Graph `provisioningObjectSummary`, a Log Analytics `AADProvisioningLogs` row, or a bare
/// `provisioningErrorInfo` (`errorCode` with `reason`).
pub fn is_record(value: &Value) -> bool {
    [
        "provisioningStatusInfo",
        "statusInfo",
        "provisioningSteps",
        "provisioningAction",
        "ResultSignature",
    ]
    .iter()
    .any(|name| field(value, name).is_some())
        || (field(value, "reason").is_some() && field(value, "errorCode").is_some())
}

pub fn record_failed(value: &Value) -> bool {
    is_record(value)
        && (status_info(value)
            .and_then(|s| text_field(&s, "status"))
            .or_else(|| text_field(value, "ResultType"))
            .is_some_and(|s| s.eq_ignore_ascii_case("failure")))
}

pub fn from_record(record: &Value) -> Failure {
    let mut failure = Failure::new(FailureSource::EntraLog);
    let error = status_info(record)
        .and_then(|s| field_in(s, "errorInformation"))
        .or_else(|| {
            field(record, "reason")
                .is_some()
                .then_some(Cow::Borrowed(record))
        });
    let reason = error
        .as_ref()
        .and_then(|e| text_field(e, "reason"))
        .or_else(|| text_field(record, "ResultDescription"));
    let steps = array_field(record, "provisioningSteps");
    let failed_steps: Vec<&Value> = steps
        .iter()
        .filter(|s| text_field(s, "status").is_some_and(|st| st.eq_ignore_ascii_case("failure")))
        .collect();
    if let Some(reason) = &reason {
        read_text(&mut failure, reason);
    }
    if failure.body.is_none() {
        // The body is sometimes in the additional details or a failed step instead.
        let elsewhere = error
            .as_ref()
            .and_then(|e| text_field(e, "additionalDetails"))
            .into_iter()
            .chain(
                failed_steps
                    .iter()
                    .filter_map(|s| text_field(s, "description")),
            )
            .find_map(|text| {
                let at = BODY_AT.find(&text)?;
                body::quoted_body(&text[at.end()..])
            });
        if let Some(body) = elsewhere {
            failure.take_body(body);
        }
    }
    failure.error_code = error
        .as_ref()
        .and_then(|e| text_field(e, "errorCode"))
        .or_else(|| text_field(record, "ResultSignature"))
        .or(failure.error_code.take());
    let step_names = failed_steps
        .iter()
        .filter_map(|s| text_field(s, "description"))
        .find_map(|d| {
            let caps = FAILED_TO.captures(&d)?;
            Some((
                caps["name"].to_string(),
                caps.name("app").map(|a| one_line(a.as_str())),
            ))
        });
    failure.subject = failed_steps
        .iter()
        .find_map(|s| field(s, "details").and_then(|d| text_field(&d, "ReportableIdentifier")))
        .or_else(|| step_names.as_ref().map(|(name, _)| name.clone()))
        .or_else(|| field(record, "sourceIdentity").and_then(|s| text_field(&s, "displayName")))
        .or(failure.subject.take());
    failure.application = field(record, "servicePrincipal")
        .and_then(|s| text_field(&s, "displayName"))
        .or_else(|| field(record, "targetSystem").and_then(|s| text_field(&s, "displayName")))
        .or_else(|| step_names.and_then(|(_, app)| app))
        .or(failure.application.take());
    failure
}

fn status_info(record: &Value) -> Option<Cow<'_, Value>> {
    field(record, "provisioningStatusInfo").or_else(|| field(record, "statusInfo"))
}

/// The status, error code, the service provider's body and the subject in Entra's text.
fn read_text(failure: &mut Failure, text: &str) {
    let (head, body) = match BODY_AT.find(text) {
        Some(at) => (&text[..at.start()], body::quoted_body(&text[at.end()..])),
        None => (text, None),
    };
    failure.status = status_in_prose(head);
    failure.error_code = ERROR_CODE.captures(head).map(|c| c["code"].to_string());
    if let Some(caps) = FAILED_TO.captures(head) {
        failure.subject = Some(caps["name"].to_string());
        failure.application = caps.name("app").map(|a| one_line(a.as_str()));
    }
    if let Some(body) = body {
        failure.take_body(body);
    }
    if failure.detail.is_none() {
        // No word from the service provider: Entra's own message stands in.
        let end = RETRY_TAIL.find(head).map_or(head.len(), |m| m.start());
        let message = one_line(&LABELS.replace_all(&head[..end], " "));
        failure.detail = (!message.is_empty()).then_some(message);
    }
}
