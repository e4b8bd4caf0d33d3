//! Okta's records: System Log events (`LogEvent`, from the API's JSON array, NDJSON, an event
//! hook's `data.events`, or a CSV row rebuilt as one) and task texts pasted one per line.

use serde_json::Value;

use super::export::Reading;
use super::occurrence::{Kind, Occurrence, Position};
use crate::conflict::lookup::LookupKey;
use crate::idp::{
    FailureSource, array_field, field, field_in, okta, parse_failure, parse_record, text_field,
};

/// Provisioning event types (System Log names; research §2.1): pushing a new user, pushing
/// its profile, checking it exists, syncing, reactivating.
const PROVISIONING: &[&str] = &[
    "application.provision.user.push",
    "application.provision.user.push_profile",
    "application.provision.user.verify_exists",
    "application.provision.user.sync",
    "application.provision.user.reactivate",
    "application.provision.user.activate",
];

const RATE_LIMIT_EVENT: &str = "application.integration.rate_limit_exceeded";

pub fn is_event(value: &Value) -> bool {
    okta::is_event(value)
}

/// Whether the event type (or legacy type) is about provisioning a user.
fn about_provisioning(event: &Value) -> bool {
    let names = ["eventType", "legacyEventType"].map(|n| text_field(event, n));
    names.iter().flatten().any(|name| {
        let name = name.to_ascii_lowercase();
        PROVISIONING.contains(&name.as_str())
            || name == RATE_LIMIT_EVENT
            // The Events API's names: app.api.error.create_user, app.user_management.push_new_user,
            // app.boxnet.api.error.create_new_user, app.api.error.rate.limit.exceeded, …
            || (name.starts_with("app.")
                && (name.contains("user") || name.contains("rate"))
                && (name.contains("error") || name.contains("push") || name.contains("provision")))
    })
}

pub fn read_event(event: &Value, position: Position) -> Reading {
    if !about_provisioning(event) {
        return Reading::NotProvisioning;
    }
    if !okta::event_failed(event) {
        return Reading::Fine;
    }
    let Some(failure) = parse_record(event) else {
        return Reading::Unknown("an Okta event without an outcome".into());
    };
    let mut occurrence = Occurrence::new(position, failure);
    let rate_limit = ["eventType", "legacyEventType"]
        .iter()
        .filter_map(|n| text_field(event, n))
        .any(|t| t.eq_ignore_ascii_case(RATE_LIMIT_EVENT) || t.contains("rate.limit"));
    if rate_limit {
        occurrence.kind = Kind::RateLimited;
    }
    let targets = array_field(event, "target");
    occurrence.display_name = targets
        .iter()
        .find(|t| text_field(t, "type").is_some_and(|k| k.eq_ignore_ascii_case("User")))
        .and_then(|t| text_field(t, "displayName"));
    // The app username Okta sends is the AppUser target's alternateId.
    if let Some(app_user) = targets
        .iter()
        .find(|t| text_field(t, "type").is_some_and(|k| k.eq_ignore_ascii_case("AppUser")))
        .and_then(|t| text_field(t, "alternateId"))
    {
        occurrence.sent.push(LookupKey::UserName(app_user));
    }
    if let Some(data) = field(event, "debugContext").and_then(|d| field_in(d, "debugData"))
        && let Some(data) = data.as_object()
    {
        for (name, value) in data {
            let Some(value) = value.as_str().map(str::trim).filter(|v| !v.is_empty()) else {
                continue;
            };
            let key = match name.to_ascii_lowercase().as_str() {
                "appusername" | "username" | "app_username" => LookupKey::UserName(value.into()),
                "email" | "appuseremail" | "primaryemail" => LookupKey::Email(value.into()),
                "externalid" => LookupKey::ExternalId(value.into()),
                _ => continue,
            };
            occurrence.sent.push(key);
        }
    }
    occurrence.subject = occurrence.failure.subject.clone();
    occurrence.time = text_field(event, "published");
    occurrence.id("uuid", text_field(event, "uuid"));
    occurrence.id(
        "transaction",
        field(event, "transaction").and_then(|t| text_field(&t, "id")),
    );
    Reading::Failure(Box::new(occurrence))
}

/// One pasted task text (`Automatic provisioning of user … failed: …`).
pub fn read_task_line(line: &str, position: Position) -> Reading {
    let failure = parse_failure(line);
    let recognised = !matches!(failure.source, FailureSource::Text) || failure.status.is_some();
    if !recognised {
        return Reading::Unknown("not an identity provider's failure text".into());
    }
    let mut occurrence = Occurrence::new(position, failure);
    occurrence.subject = occurrence.failure.subject.clone();
    Reading::Failure(Box::new(occurrence))
}
