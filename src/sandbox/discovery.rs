//! `/ServiceProviderConfig`, `/Schemas` and `/ResourceTypes` (RFC 7643 §5–7), describing what
//! the sandbox's provider profile actually does, uniqueness included.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::api::{ApiError, Shared, check_tenant, scim_json};
use super::users::max_results;
use crate::provider::{Provider, Scope};
use crate::scim::model::{LIST_RESPONSE_SCHEMA, USER_SCHEMA};

const SPC_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const SCHEMA_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:Schema";
const RESOURCE_TYPE_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
/// The one schema extension the sandbox serves (declared in /ResourceTypes/User).
pub(super) const ENTERPRISE_SCHEMA: &str =
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

pub async fn service_provider_config(
    State(app): State<Shared>,
    Path(tenant): Path<String>,
) -> Result<Response, ApiError> {
    check_tenant(&app, &tenant)?;
    let store = app.store.read().expect("store lock");
    let provider = store.provider();
    let body = json!({
        "schemas": [SPC_SCHEMA],
        "documentationUri": provider.docs,
        "patch": {"supported": true},
        "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": true, "maxResults": max_results(&store)},
        "changePassword": {"supported": false},
        "sort": {"supported": false},
        "etag": {"supported": store.etags()},
        "authenticationSchemes": [{
            "type": "oauthbearertoken",
            "name": "OAuth Bearer Token",
            "description": "The token printed by `scimctl sandbox` (or the one in its --token-file)",
            "primary": true
        }],
        "meta": {"resourceType": "ServiceProviderConfig", "location": format!("{}/ServiceProviderConfig", app.tenant_url(&tenant))}
    });
    Ok(scim_json(StatusCode::OK, &body))
}

pub async fn schemas(
    State(app): State<Shared>,
    Path(tenant): Path<String>,
) -> Result<Response, ApiError> {
    check_tenant(&app, &tenant)?;
    let provider = app.store.read().expect("store lock").provider();
    let all = [
        user_schema(provider, &app.tenant_url(&tenant)),
        enterprise_schema(&app.tenant_url(&tenant)),
    ];
    Ok(scim_json(StatusCode::OK, &list(&all)))
}

pub async fn schema(
    State(app): State<Shared>,
    Path((tenant, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    check_tenant(&app, &tenant)?;
    let provider = app.store.read().expect("store lock").provider();
    let base = app.tenant_url(&tenant);
    match id.as_str() {
        USER_SCHEMA => Ok(scim_json(StatusCode::OK, &user_schema(provider, &base))),
        ENTERPRISE_SCHEMA => Ok(scim_json(StatusCode::OK, &enterprise_schema(&base))),
        _ => Err(ApiError::not_found(format!("no schema '{id}'"))),
    }
}

pub async fn resource_types(
    State(app): State<Shared>,
    Path(tenant): Path<String>,
) -> Result<Response, ApiError> {
    check_tenant(&app, &tenant)?;
    Ok(scim_json(
        StatusCode::OK,
        &list(&[user_resource_type(&app.tenant_url(&tenant))]),
    ))
}

pub async fn resource_type(
    State(app): State<Shared>,
    Path((tenant, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    check_tenant(&app, &tenant)?;
    if id == "User" {
        Ok(scim_json(
            StatusCode::OK,
            &user_resource_type(&app.tenant_url(&tenant)),
        ))
    } else {
        Err(ApiError::not_found(format!("no resource type '{id}'")))
    }
}

fn list(resources: &[Value]) -> Value {
    json!({
        "schemas": [LIST_RESPONSE_SCHEMA],
        "totalResults": resources.len(),
        "itemsPerPage": resources.len(),
        "startIndex": 1,
        "Resources": resources,
    })
}

fn user_resource_type(base: &str) -> Value {
    json!({
        "schemas": [RESOURCE_TYPE_SCHEMA],
        "id": "User",
        "name": "User",
        "endpoint": "/Users",
        "description": "User Account",
        "schema": USER_SCHEMA,
        "schemaExtensions": [{"schema": ENTERPRISE_SCHEMA, "required": false}],
        "meta": {"resourceType": "ResourceType", "location": format!("{base}/ResourceTypes/User")}
    })
}

fn uniqueness(scope: Option<Scope>) -> &'static str {
    match scope {
        None => "none",
        Some(Scope::Tenant) => "server",
        Some(Scope::Service) => "global",
    }
}

/// One attribute definition with RFC 7643's defaults; `extra` overrides them.
fn attribute(name: &str, kind: &str, extra: Value) -> Value {
    let mut attribute = json!({
        "name": name,
        "type": kind,
        "multiValued": false,
        "description": name,
        "required": false,
        "caseExact": false,
        "mutability": "readWrite",
        "returned": "default",
        "uniqueness": "none",
    });
    if let (Some(target), Value::Object(overrides)) = (attribute.as_object_mut(), extra) {
        target.extend(overrides);
    }
    if kind == "complex" {
        attribute.as_object_mut().unwrap().remove("caseExact");
    }
    attribute
}

fn string(name: &str) -> Value {
    attribute(name, "string", json!({}))
}

/// A multi-valued complex attribute with the usual value/display/type/primary sub-attributes.
fn multi_valued(name: &str, value_type: &str, extra: Value) -> Value {
    let mut value = attribute("value", value_type, json!({}));
    if let (Some(target), Value::Object(overrides)) = (value.as_object_mut(), extra) {
        target.extend(overrides);
    }
    attribute(
        name,
        "complex",
        json!({
            "multiValued": true,
            "subAttributes": [value, string("display"), string("type"), attribute("primary", "boolean", json!({}))]
        }),
    )
}

fn user_schema(provider: &Provider, base: &str) -> Value {
    let user_name_mutability = if provider.user_name_mutable {
        "readWrite"
    } else {
        "immutable"
    };
    let name = attribute(
        "name",
        "complex",
        json!({"subAttributes": [
            string("formatted"), string("familyName"), string("givenName"),
            string("middleName"), string("honorificPrefix"), string("honorificSuffix")
        ]}),
    );
    let address = attribute(
        "addresses",
        "complex",
        json!({"multiValued": true, "subAttributes": [
            string("formatted"), string("streetAddress"), string("locality"), string("region"),
            string("postalCode"), string("country"), string("type"), attribute("primary", "boolean", json!({}))
        ]}),
    );
    let attributes = vec![
        attribute(
            "userName",
            "string",
            json!({"required": true, "uniqueness": uniqueness(Some(provider.user_name_unique)), "mutability": user_name_mutability}),
        ),
        name,
        string("displayName"),
        string("nickName"),
        attribute(
            "profileUrl",
            "reference",
            json!({"referenceTypes": ["external"]}),
        ),
        string("title"),
        string("userType"),
        string("preferredLanguage"),
        string("locale"),
        string("timezone"),
        attribute("active", "boolean", json!({})),
        multi_valued(
            "emails",
            "string",
            json!({"uniqueness": uniqueness(provider.email_unique)}),
        ),
        multi_valued("phoneNumbers", "string", json!({})),
        multi_valued("ims", "string", json!({})),
        multi_valued(
            "photos",
            "reference",
            json!({"referenceTypes": ["external"]}),
        ),
        address,
        multi_valued("entitlements", "string", json!({})),
        multi_valued("roles", "string", json!({})),
    ];
    json!({
        "schemas": [SCHEMA_SCHEMA],
        "id": USER_SCHEMA,
        "name": "User",
        "description": format!("User Account, with the uniqueness rules of the {} profile", provider.id),
        "attributes": attributes,
        "meta": {"resourceType": "Schema", "location": format!("{base}/Schemas/{USER_SCHEMA}")}
    })
}

fn enterprise_schema(base: &str) -> Value {
    let manager = attribute(
        "manager",
        "complex",
        json!({"subAttributes": [
            attribute("value", "string", json!({})),
            attribute("$ref", "reference", json!({"referenceTypes": ["User"]})),
            attribute("displayName", "string", json!({"mutability": "readOnly"}))
        ]}),
    );
    json!({
        "schemas": [SCHEMA_SCHEMA],
        "id": ENTERPRISE_SCHEMA,
        "name": "EnterpriseUser",
        "description": "Enterprise User",
        "attributes": [
            string("employeeNumber"), string("costCenter"), string("organization"),
            string("division"), string("department"), manager
        ],
        "meta": {"resourceType": "Schema", "location": format!("{base}/Schemas/{ENTERPRISE_SCHEMA}")}
    })
}
