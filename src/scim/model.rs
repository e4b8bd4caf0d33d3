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
pub const SERVICE_PROVIDER_CONFIG_SCHEMA: &str =
    "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
pub const SEARCH_REQUEST_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
pub const PATCH_OP_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/// The id a server gave a user: never empty, so it always addresses one account
/// (`PATCH /Users/` with an empty id would address the collection).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UserId(String);

/// Why a text cannot be a user id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a user id cannot be empty or blank")]
pub struct EmptyUserId;

impl UserId {
    pub fn new(id: impl Into<String>) -> Result<UserId, EmptyUserId> {
        let id = id.into();
        if id.trim().is_empty() {
            Err(EmptyUserId)
        } else {
            Ok(UserId(id))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for UserId {
    type Error = EmptyUserId;
    fn try_from(id: String) -> Result<UserId, EmptyUserId> {
        UserId::new(id)
    }
}

impl From<UserId> for String {
    fn from(id: UserId) -> String {
        id.0
    }
}

impl std::fmt::Display for UserId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for UserId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

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

    /// The id, if the server gave a usable one; there is no fallback to an empty id.
    pub fn id(&self) -> Option<UserId> {
        self.id.clone().and_then(|id| UserId::new(id).ok())
    }

    /// The id as text for people (tables, messages): what the server sent, or `(no id)`.
    pub fn shown_id(&self) -> &str {
        self.id
            .as_deref()
            .filter(|id| !id.trim().is_empty())
            .unwrap_or("(no id)")
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
/// strings, and `"Resources": null` means an empty page. What is not read leniently is an
/// answer that is not a ListResponse at all (`{"status":"ok"}`, an Error, a User): taking it
/// for an empty page would answer "nobody holds it" for a server that said nothing of the kind.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    try_from = "RawListResponse<T>",
    bound(deserialize = "T: serde::de::DeserializeOwned")
)]
pub struct ListResponse<T> {
    pub total_results: Option<u64>,
    pub items_per_page: Option<u64>,
    pub start_index: Option<u64>,
    #[serde(rename = "Resources")]
    pub resources: Vec<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// A ListResponse as it arrives, before it is checked to be one.
#[derive(Deserialize)]
#[serde(
    rename_all = "camelCase",
    bound(deserialize = "T: serde::de::DeserializeOwned")
)]
struct RawListResponse<T> {
    #[serde(default, deserialize_with = "lenient_strings")]
    schemas: Vec<String>,
    #[serde(default)]
    total_results: Option<Value>,
    #[serde(default, deserialize_with = "lenient_u64")]
    items_per_page: Option<u64>,
    #[serde(default, deserialize_with = "lenient_u64")]
    start_index: Option<u64>,
    #[serde(default, rename = "Resources", alias = "resources")]
    resources: Option<Option<Vec<T>>>,
    #[serde(default)]
    next_cursor: Option<String>,
}

/// Why an answer is not a ListResponse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotAListResponse {
    #[error("it has neither totalResults nor Resources, so it is not a SCIM ListResponse")]
    NoListFields,
    #[error("its schemas say it is {0}, not a ListResponse")]
    OtherSchema(String),
}

impl<T> TryFrom<RawListResponse<T>> for ListResponse<T> {
    type Error = NotAListResponse;

    fn try_from(raw: RawListResponse<T>) -> Result<ListResponse<T>, NotAListResponse> {
        // Many servers omit `schemas`; one that sends it must mean a ListResponse.
        if !raw.schemas.is_empty()
            && !raw
                .schemas
                .iter()
                .any(|s| s.eq_ignore_ascii_case(LIST_RESPONSE_SCHEMA))
        {
            return Err(NotAListResponse::OtherSchema(raw.schemas.join(", ")));
        }
        let total_given = raw.total_results.as_ref().is_some_and(|t| !t.is_null());
        if !total_given && raw.resources.is_none() {
            return Err(NotAListResponse::NoListFields);
        }
        Ok(ListResponse {
            total_results: raw.total_results.as_ref().and_then(u64_of),
            items_per_page: raw.items_per_page,
            start_index: raw.start_index,
            resources: raw.resources.flatten().unwrap_or_default(),
            next_cursor: raw.next_cursor,
        })
    }
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
    Ok(Option::<Value>::deserialize(d)?.as_ref().and_then(u64_of))
}

fn u64_of(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A list of strings, or nothing usable (a lone string, a number) as empty.
fn lenient_strings<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(Value::String(s)) => vec![s],
        _ => Vec::new(),
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
    fn an_answer_that_is_not_a_list_response_is_refused_not_read_as_empty() {
        for not_a_list in [
            json!({"status": "ok"}),
            json!({}),
            json!({"schemas": [ERROR_SCHEMA], "status": "500", "detail": "x"}),
            json!({"schemas": [USER_SCHEMA], "id": "1", "userName": "u"}),
            json!({"totalResults": null}),
        ] {
            assert!(
                serde_json::from_value::<ListResponse<User>>(not_a_list.clone()).is_err(),
                "{not_a_list}"
            );
        }
        // Servers that leave out `schemas`, or `totalResults`, are still read.
        for list in [
            json!({"Resources": []}),
            json!({"totalResults": 0}),
            json!({"resources": [{"id": "1"}]}),
            json!({"schemas": [LIST_RESPONSE_SCHEMA], "totalResults": 1, "Resources": [{"id": "1"}]}),
        ] {
            assert!(
                serde_json::from_value::<ListResponse<User>>(list.clone()).is_ok(),
                "{list}"
            );
        }
    }

    #[test]
    fn a_user_id_is_never_empty() {
        assert!(UserId::new("").is_err());
        assert!(UserId::new("  ").is_err());
        assert_eq!(UserId::new("2819c223").unwrap().as_str(), "2819c223");
        assert!(serde_json::from_value::<UserId>(json!("")).is_err());
        let nameless: User = serde_json::from_value(json!({"id": "", "userName": "x"})).unwrap();
        assert_eq!(nameless.id(), None);
        assert_eq!(nameless.shown_id(), "(no id)");
    }

    #[test]
    fn patch_ops_are_sent_lowercase_and_read_in_any_case() {
        let op: PatchOperation =
            serde_json::from_value(json!({"op": "Replace", "path": "userName", "value": "x"}))
                .unwrap();
        assert_eq!(op.op, PatchKind::Replace);
        assert_eq!(serde_json::to_value(&op).unwrap()["op"], "replace");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Whatever object arrives, it is a ListResponse exactly when it says so: a non-null
            /// totalResults or a Resources array, and no `schemas` naming something else.
            #[test]
            fn only_list_shaped_answers_are_list_responses(
                total in prop::option::of(prop_oneof![
                    Just(Value::Null),
                    (0u64..1000).prop_map(|n| json!(n)),
                    (0u64..1000).prop_map(|n| json!(n.to_string())),
                ]),
                resources in prop::option::of(0usize..3),
                schemas in prop::option::of(prop_oneof![
                    Just(LIST_RESPONSE_SCHEMA),
                    Just(ERROR_SCHEMA),
                    Just(USER_SCHEMA),
                ]),
                extra in prop::option::of("[a-z]{1,8}"),
            ) {
                let mut body = serde_json::Map::new();
                if let Some(total) = &total {
                    body.insert("totalResults".into(), total.clone());
                }
                if let Some(n) = resources {
                    let users: Vec<Value> = (0..n).map(|i| json!({"id": i.to_string()})).collect();
                    body.insert("Resources".into(), json!(users));
                }
                if let Some(schema) = schemas {
                    body.insert("schemas".into(), json!([schema]));
                }
                if let Some(key) = extra {
                    body.entry(key).or_insert(json!("ok"));
                }
                let listed = total.as_ref().is_some_and(|t| !t.is_null()) || resources.is_some();
                let named_otherwise = schemas.is_some_and(|s| s != LIST_RESPONSE_SCHEMA);
                let parsed = serde_json::from_value::<ListResponse<User>>(Value::Object(body));
                prop_assert_eq!(parsed.is_ok(), listed && !named_otherwise);
                if let Ok(page) = parsed {
                    prop_assert_eq!(page.resources.len(), resources.unwrap_or(0));
                }
            }

            #[test]
            fn a_user_id_is_accepted_exactly_when_it_is_not_blank(text in "\\PC{0,6}") {
                prop_assert_eq!(UserId::new(text.clone()).is_ok(), !text.trim().is_empty());
            }
        }
    }
}
