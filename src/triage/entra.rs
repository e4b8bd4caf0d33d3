//! Entra ID provisioning records (`provisioningObjectSummary`, from the portal's JSON
//! download, a Graph page, NDJSON or a Log Analytics `AADProvisioningLogs` row): the failure
//! itself is read by `idp` as `diagnose --error` reads it; here come the values Entra sent,
//! who it was for, when, and the record's identifiers.

use serde_json::Value;

use super::export::Reading;
use super::occurrence::{Occurrence, Position};
use crate::conflict::lookup::LookupKey;
use crate::idp::{array_field, entra, field, parse_record, text_field};

pub fn is_record(value: &Value) -> bool {
    entra::is_record(value)
}

pub fn read(record: &Value, position: Position) -> Reading {
    if !entra::record_failed(record) {
        return Reading::Fine;
    }
    let Some(failure) = parse_record(record) else {
        return Reading::Unknown("an Entra record without its status".into());
    };
    let mut occurrence = Occurrence::new(position, failure);
    occurrence.sent = sent_values(record);
    occurrence.subject =
        occurrence.failure.subject.clone().or_else(|| {
            field(record, "sourceIdentity").and_then(|s| text_field(&s, "displayName"))
        });
    occurrence.time = ["activityDateTime", "TimeGenerated", "activityDate"]
        .iter()
        .find_map(|name| text_field(record, name));
    for (name, key) in [
        ("changeId", "changeId"),
        ("cycleId", "cycleId"),
        ("jobId", "jobId"),
        ("id", "id"),
    ] {
        occurrence.id(key, text_field(record, name));
    }
    Reading::Failure(Box::new(occurrence))
}

/// What Entra sent: the modified properties (`userName`, `emails[type eq "work"].value`,
/// `externalId`), else the import step's details where they carry SCIM names.
fn sent_values(record: &Value) -> Vec<LookupKey> {
    let mut keys: Vec<LookupKey> = array_field(record, "modifiedProperties")
        .iter()
        .filter_map(|property| {
            let name = text_field(property, "displayName")?;
            let value = text_field(property, "newValue")?;
            key_for(&name, &value)
        })
        .collect();
    if keys.is_empty() {
        let steps = array_field(record, "provisioningSteps");
        let import = steps.iter().find(|step| {
            text_field(step, "provisioningStepType")
                .is_some_and(|t| t.eq_ignore_ascii_case("import"))
        });
        if let Some(details) = import.and_then(|s| field(s, "details"))
            && let Some(details) = details.as_object()
        {
            keys = details
                .iter()
                .filter_map(|(name, value)| key_for(name, value.as_str()?))
                .collect();
        }
    }
    keys
}

/// The lookup key for a SCIM attribute name Entra writes, with its value unwrapped (Entra
/// writes some values as `["…"]` or `"…"`).
pub fn key_for(name: &str, value: &str) -> Option<LookupKey> {
    let value = unwrap_value(value)?;
    let name = name.trim();
    if name.eq_ignore_ascii_case("userName") {
        Some(LookupKey::UserName(value))
    } else if name.to_ascii_lowercase().starts_with("emails") {
        Some(LookupKey::Email(value))
    } else if name.eq_ignore_ascii_case("externalId") {
        Some(LookupKey::ExternalId(value))
    } else {
        None
    }
}

fn unwrap_value(value: &str) -> Option<String> {
    let trimmed = value.trim();
    let inner = match serde_json::from_str::<Value>(trimmed) {
        Ok(Value::String(s)) => s,
        Ok(Value::Array(items)) => items.first()?.as_str()?.to_string(),
        _ => trimmed.to_string(),
    };
    let inner = inner.trim();
    (!inner.is_empty() && !inner.eq_ignore_ascii_case("null")).then(|| inner.to_string())
}
