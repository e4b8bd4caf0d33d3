//! SCIM 2.0 resources and messages (RFC 7643, RFC 7644), kept deliberately small.
//!
//! Every resource carries a catch-all map (`rest`) so that attributes scimctl does not model —
//! `name`, `phoneNumbers`, enterprise and custom extension schemas — survive a read and a
//! write untouched. Fields that are absent stay absent when serialised (no `null`s appear).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub const USER_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
pub const LIST_RESPONSE_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
pub const ERROR_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:Error";
pub const SEARCH_REQUEST_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
pub const PATCH_OP_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/// A SCIM User as a service provider returns it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schemas: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Some servers send `"active": "False"` (Entra before its 2020 fix); accept both.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_bool"
    )]
    pub active: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_empty"
    )]
    pub emails: Vec<Email>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Every other attribute, extension schemas included, exactly as received.
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

impl User {
    pub fn user_name(&self) -> &str {
        self.user_name.as_deref().unwrap_or("")
    }

    pub fn id(&self) -> &str {
        self.id.as_deref().unwrap_or("")
    }

    pub fn email_values(&self) -> impl Iterator<Item = &str> {
        self.emails.iter().filter_map(|e| e.value.as_deref())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Email {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_bool"
    )]
    pub primary: Option<bool>,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

/// One page of a query (RFC 7644 §3.4.2), with RFC 9865's cursor fields.
///
/// Paging numbers are read leniently: Okta documents them as integers, but some servers send
/// strings, and a missing `Resources` means an empty page.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    bound(deserialize = "T: serde::de::DeserializeOwned")
)]
pub struct ListResponse<T> {
    #[serde(default, deserialize_with = "lenient_u64")]
    pub total_results: Option<u64>,
    #[serde(default, deserialize_with = "lenient_u64")]
    pub items_per_page: Option<u64>,
    #[serde(default, deserialize_with = "lenient_u64")]
    pub start_index: Option<u64>,
    #[serde(
        default,
        rename = "Resources",
        alias = "resources",
        deserialize_with = "null_as_empty"
    )]
    pub resources: Vec<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// The body of `POST /Users/.search` (RFC 7644 §3.4.3).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchRequest {
    pub schemas: [&'static str; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_index: Option<u64>,
    pub count: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// A PATCH request (RFC 7644 §3.5.2). Ops are sent in lowercase, the RFC's form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PatchOp {
    pub schemas: Vec<String>,
    #[serde(rename = "Operations")]
    pub operations: Vec<PatchOperation>,
}

impl PatchOp {
    pub fn new(operations: Vec<PatchOperation>) -> Self {
        Self {
            schemas: vec![PATCH_OP_SCHEMA.to_string()],
            operations,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PatchOperation {
    pub op: PatchKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PatchKind {
    #[serde(alias = "Add")]
    Add,
    #[serde(alias = "Remove")]
    Remove,
    #[serde(alias = "Replace")]
    Replace,
}

/// `/ServiceProviderConfig` (RFC 7643 §5). Only what scimctl acts on is modelled.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceProviderConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patch: Option<Supported>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk: Option<Supported>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<FilterSupport>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<Supported>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<Supported>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_empty"
    )]
    pub authentication_schemes: Vec<Value>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Supported {
    #[serde(default, deserialize_with = "lenient_bool")]
    pub supported: Option<bool>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FilterSupport {
    #[serde(default, deserialize_with = "lenient_bool")]
    pub supported: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_u64"
    )]
    pub max_results: Option<u64>,
}

/// One schema from `/Schemas`, reduced to the per-attribute facts diagnosis needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub attributes: Vec<SchemaAttribute>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaAttribute {
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uniqueness: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_bool"
    )]
    pub case_exact: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mutability: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_empty"
    )]
    pub sub_attributes: Vec<SchemaAttribute>,
}

fn lenient_bool<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Bool(b)) => Some(b),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Some(true),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    })
}

fn lenient_u64<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_and_extension_attributes_survive_a_round_trip() {
        let body = json!({
            "schemas": [USER_SCHEMA, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
            "id": "2819c223",
            "userName": "bjensen",
            "name": {"givenName": "Barbara"},
            "emails": [{"value": "b@example.com", "type": "work", "primary": true, "display": "B"}],
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "701984"},
            "meta": {"resourceType": "User", "version": "W/\"3\"", "lastModified": "2026-01-01T00:00:00Z"}
        });
        let user: User = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(user.user_name(), "bjensen");
        assert_eq!(user.email_values().collect::<Vec<_>>(), ["b@example.com"]);
        assert_eq!(serde_json::to_value(&user).unwrap(), body);
    }

    #[test]
    fn string_booleans_and_string_paging_numbers_are_read() {
        let user: User =
            serde_json::from_value(json!({"active": "False", "emails": null})).unwrap();
        assert_eq!(user.active, Some(false));
        let page: ListResponse<User> = serde_json::from_value(
            json!({"totalResults": "3", "itemsPerPage": 1, "Resources": null}),
        )
        .unwrap();
        assert_eq!(page.total_results, Some(3));
        assert!(page.resources.is_empty());
    }

    #[test]
    fn patch_ops_are_sent_lowercase_and_read_in_any_case() {
        let op: PatchOperation =
            serde_json::from_value(json!({"op": "Replace", "path": "userName", "value": "x"}))
                .unwrap();
        assert_eq!(op.op, PatchKind::Replace);
        assert_eq!(serde_json::to_value(&op).unwrap()["op"], "replace");
    }
}
