//! `/Users`: list and search (filters, paging, attribute selection), create, read, replace,
//! patch and delete, under the provider's rules.

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use scim_v2::filter::Filter;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::api::{ApiError, App, Params, Shared, check_tenant, if_match, json_body, scim_json};
use super::discovery::ENTERPRISE_SCHEMA;
use super::matching::within_provider_limits;
use super::patch;
use super::persist::Change;
use super::store::{Account, Store};
use crate::provider::OverCap;
use crate::scim::model::{LIST_RESPONSE_SCHEMA, PATCH_OP_SCHEMA, PatchOp, USER_SCHEMA, User};

/// Without a cap of its own, the sandbox returns at most this many per page (as scim2-server does).
const DEFAULT_MAX_RESULTS: u64 = 1000;

pub fn max_results(store: &Store) -> u64 {
    store.provider().page_cap.unwrap_or(DEFAULT_MAX_RESULTS)
}

/// The body of `POST /Users/.search`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchBody {
    #[serde(default)]
    filter: Option<String>,
    #[serde(default)]
    start_index: Option<i64>,
    #[serde(default)]
    count: Option<i64>,
    #[serde(default)]
    attributes: Option<Value>,
    #[serde(default)]
    excluded_attributes: Option<Value>,
}

struct ListQuery {
    filter: Option<String>,
    start_index: Option<String>,
    count: Option<String>,
    attributes: Vec<String>,
    excluded: Vec<String>,
}

pub async fn list(
    State(app): State<Shared>,
    Path(tenant): Path<String>,
    Query(params): Query<Params>,
) -> Result<Response, ApiError> {
    let query = ListQuery {
        filter: params.get("filter").cloned(),
        start_index: params.get("startIndex").cloned(),
        count: params.get("count").cloned(),
        attributes: split_list(params.get("attributes").map(String::as_str)),
        excluded: split_list(params.get("excludedAttributes").map(String::as_str)),
    };
    respond_list(&app, &tenant, query)
}

/// `POST /Users/.search`, and `POST /.search` at the tenant's root (RFC 7644 §3.4.3), which
/// searches every resource type: the sandbox serves only Users.
pub async fn search(
    State(app): State<Shared>,
    Path(tenant): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let search: SearchBody = json_body(&headers, body).await?;
    let names = |v: Option<Value>| match v {
        Some(Value::String(s)) => split_list(Some(&s)),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let query = ListQuery {
        filter: search.filter,
        start_index: search.start_index.map(|n| n.to_string()),
        count: search.count.map(|n| n.to_string()),
        attributes: names(search.attributes),
        excluded: names(search.excluded_attributes),
    };
    respond_list(&app, &tenant, query)
}

fn respond_list(app: &App, tenant: &str, query: ListQuery) -> Result<Response, ApiError> {
    check_tenant(app, tenant)?;
    let store = app.store.read().expect("store lock");
    let filter = match query.filter.as_deref().filter(|f| !f.trim().is_empty()) {
        Some(text) => {
            let filter: Filter = text.parse().map_err(|e| {
                ApiError::bad_request(
                    "invalidFilter",
                    format!("the filter '{text}' is not valid: {e}"),
                )
            })?;
            if !within_provider_limits(&filter, store.provider()) {
                return Err(ApiError::bad_request(
                    "invalidFilter",
                    format!(
                        "{} only supports 'eq' filters on its filterable attributes",
                        store.provider().name
                    ),
                ));
            }
            Some(filter)
        }
        None => None,
    };
    let start_index = parse_number(query.start_index.as_deref(), "startIndex")?
        .unwrap_or(1)
        .max(1) as usize;
    let cap = max_results(&store);
    let count = match parse_number(query.count.as_deref(), "count")? {
        Some(n) if n < 0 => 0,
        Some(n) if n as u64 > cap && store.provider().over_cap == OverCap::Refuses => {
            return Err(ApiError::bad_request(
                "invalidValue",
                format!("count must be at most {cap}"),
            ));
        }
        Some(n) => (n as u64).min(cap),
        None => cap,
    } as usize;
    let page = store.page(tenant, filter.as_ref(), start_index - 1, count);
    let location = app.tenant_url(tenant);
    let resources: Vec<Value> = page
        .accounts
        .iter()
        .map(|a| {
            select(
                a.resource(Some(&location), store.etags()),
                &query.attributes,
                &query.excluded,
            )
        })
        .collect();
    let body = json!({
        "schemas": [LIST_RESPONSE_SCHEMA],
        "totalResults": page.total,
        "itemsPerPage": resources.len(),
        "startIndex": start_index,
        "Resources": resources,
    });
    Ok(scim_json(StatusCode::OK, &body))
}

pub async fn create(
    State(app): State<Shared>,
    Path(tenant): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    check_tenant(&app, &tenant)?;
    let mut user: User = json_body(&headers, body).await?;
    user.id = None; // the service provider assigns ids
    declare_schemas(&mut user);
    let mut store = app.store.write().expect("store lock");
    let provider = store.provider();
    let account = store
        .create(Some(&tenant), user)
        .map_err(|r| ApiError::refused(r, provider))?
        .clone();
    persist(
        &app,
        &mut store,
        Change::Put(Box::new(account.clone())),
        |s| {
            s.remove(account.id());
        },
    )?;
    Ok(user_response(
        &app,
        &store,
        &tenant,
        &account,
        StatusCode::CREATED,
    ))
}

pub async fn get(
    State(app): State<Shared>,
    Path((tenant, id)): Path<(String, String)>,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> Result<Response, ApiError> {
    check_tenant(&app, &tenant)?;
    let store = app.store.read().expect("store lock");
    let account = store
        .get(&tenant, &id)
        .ok_or_else(|| ApiError::not_found(format!("User {id} not found")))?;
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tag| store.etags() && (tag.trim() == account.etag() || tag.trim() == "*"));
    if unchanged {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        response
            .headers_mut()
            .insert(header::ETAG, etag_header(account));
        return Ok(response);
    }
    let attributes = split_list(params.get("attributes").map(String::as_str));
    let excluded = split_list(params.get("excludedAttributes").map(String::as_str));
    let mut response = user_response(&app, &store, &tenant, account, StatusCode::OK);
    if !attributes.is_empty() || !excluded.is_empty() {
        let body = select(
            account.resource(Some(&app.tenant_url(&tenant)), store.etags()),
            &attributes,
            &excluded,
        );
        *response.body_mut() = Body::from(body.to_string());
    }
    Ok(response)
}

pub async fn replace(
    State(app): State<Shared>,
    Path((tenant, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    check_tenant(&app, &tenant)?;
    let user: User = json_body(&headers, body).await?;
    write_user(&app, &tenant, &id, if_match(&headers), |_| Ok(user))
}

pub async fn modify(
    State(app): State<Shared>,
    Path((tenant, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    check_tenant(&app, &tenant)?;
    let operations: PatchOp = json_body(&headers, body).await?;
    if !operations.schemas.iter().any(|s| s == PATCH_OP_SCHEMA) {
        return Err(ApiError::bad_request(
            "invalidSyntax",
            format!("a PATCH body's schemas must include {PATCH_OP_SCHEMA}"),
        ));
    }
    write_user(&app, &tenant, &id, if_match(&headers), |current| {
        let stored = serde_json::to_value(current.user()).expect("a user always serialises");
        let patched = patch::apply(&stored, &operations)
            .map_err(|e| ApiError::bad_request(e.scim_type, e.detail))?;
        serde_json::from_value(patched).map_err(|e| {
            ApiError::bad_request(
                "invalidValue",
                format!("the patched user is not valid: {e}"),
            )
        })
    })
}

pub async fn delete(
    State(app): State<Shared>,
    Path((tenant, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    check_tenant(&app, &tenant)?;
    let mut store = app.store.write().expect("store lock");
    let provider = store.provider();
    let removed = store
        .delete(&tenant, &id, if_match(&headers))
        .map_err(|r| ApiError::refused(r, provider))?;
    persist(&app, &mut store, Change::Delete { id: id.clone() }, |s| {
        s.restore(removed.clone())
    })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// PUT and PATCH: compute the new user from the current one, store it under the rules.
fn write_user(
    app: &App,
    tenant: &str,
    id: &str,
    if_match: Option<&str>,
    new_user: impl FnOnce(&Account) -> Result<User, ApiError>,
) -> Result<Response, ApiError> {
    let mut store = app.store.write().expect("store lock");
    let current = store
        .get(tenant, id)
        .cloned()
        .ok_or_else(|| ApiError::not_found(format!("User {id} not found")))?;
    let mut user = new_user(&current)?;
    declare_schemas(&mut user);
    let provider = store.provider();
    let account = store
        .replace(tenant, id, user, if_match)
        .map_err(|r| ApiError::refused(r, provider))?
        .clone();
    if account != current {
        persist(
            app,
            &mut store,
            Change::Put(Box::new(account.clone())),
            |s| s.restore(current.clone()),
        )?;
    }
    Ok(user_response(app, &store, tenant, &account, StatusCode::OK))
}

/// RFC 7643 §3: `schemas` names the schemas of the attributes the resource holds, and only
/// the resource type's own ones: the core schema, and the enterprise extension while it holds
/// attributes. An extension emptied (by PATCH remove, or sent as `{}` or `null`) is dropped.
fn declare_schemas(user: &mut User) {
    user.rest.retain(|key, value| {
        if !key.eq_ignore_ascii_case(ENTERPRISE_SCHEMA) {
            return true;
        }
        if let Some(fields) = value.as_object_mut() {
            // `schemas` belongs to the resource, not inside an extension (some clients,
            // scim2-models among them, send the extension's object with its own).
            fields.retain(|k, _| !k.eq_ignore_ascii_case("schemas"));
        }
        !(value.is_null() || value.as_object().is_some_and(Map::is_empty))
    });
    user.schemas = vec![USER_SCHEMA.to_string()];
    if user
        .rest
        .keys()
        .any(|k| k.eq_ignore_ascii_case(ENTERPRISE_SCHEMA))
    {
        user.schemas.push(ENTERPRISE_SCHEMA.to_string());
    }
}

/// Records a change before it is acknowledged; if it cannot be recorded, undoes it.
fn persist(
    app: &App,
    store: &mut Store,
    change: Change,
    undo: impl FnOnce(&mut Store),
) -> Result<(), ApiError> {
    let Some(log) = &app.log else { return Ok(()) };
    let written = log.lock().expect("state log lock").append(&change);
    written.map_err(|e| {
        undo(store);
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            None,
            format!("the change could not be saved to the state file ({e}); nothing was changed"),
        )
    })
}

fn user_response(
    app: &App,
    store: &Store,
    tenant: &str,
    account: &Account,
    status: StatusCode,
) -> Response {
    let location = app.tenant_url(tenant);
    let mut response = scim_json(status, &account.resource(Some(&location), store.etags()));
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&format!("{location}/Users/{}", account.id())) {
        headers.insert(header::LOCATION, value);
    }
    if store.etags() {
        headers.insert(header::ETAG, etag_header(account));
    }
    response
}

fn etag_header(account: &Account) -> HeaderValue {
    HeaderValue::from_str(&account.etag()).expect("an ETag is ASCII")
}

fn parse_number(value: Option<&str>, name: &str) -> Result<Option<i64>, ApiError> {
    value
        .map(|v| {
            v.trim().parse::<i64>().map_err(|_| {
                ApiError::bad_request(
                    "invalidValue",
                    format!("{name} must be an integer, not '{v}'"),
                )
            })
        })
        .transpose()
}

fn split_list(value: Option<&str>) -> Vec<String> {
    value
        .unwrap_or("")
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5): `id` and `schemas` always stay.
fn select(mut resource: Value, attributes: &[String], excluded: &[String]) -> Value {
    let Some(object) = resource.as_object_mut() else {
        return resource;
    };
    let core = |path: &str| {
        path.strip_prefix(crate::scim::model::USER_SCHEMA)
            .and_then(|p| p.strip_prefix(':'))
            .unwrap_or(path)
            .to_string()
    };
    if !attributes.is_empty() {
        let wanted: Vec<String> = attributes.iter().map(|a| core(a)).collect();
        object.retain(|key, value| {
            if ["id", "schemas"]
                .iter()
                .any(|k| k.eq_ignore_ascii_case(key))
            {
                return true;
            }
            let subs: Vec<&str> = wanted
                .iter()
                .filter_map(|w| {
                    w.split_once('.')
                        .filter(|(n, _)| n.eq_ignore_ascii_case(key))
                        .map(|(_, s)| s)
                })
                .collect();
            if wanted.iter().any(|w| w.eq_ignore_ascii_case(key)) {
                return true;
            }
            if subs.is_empty() {
                return false;
            }
            retain_subs(value, &subs);
            true
        });
    }
    for path in excluded.iter().map(|e| core(e)) {
        match path.split_once('.') {
            Some((name, sub)) => {
                if let Some(value) = object
                    .iter_mut()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v)
                {
                    remove_sub(value, sub);
                }
            }
            None if !path.eq_ignore_ascii_case("id") => {
                object.retain(|k, _| !k.eq_ignore_ascii_case(&path));
            }
            None => {}
        }
    }
    resource
}

fn retain_subs(value: &mut Value, subs: &[&str]) {
    match value {
        Value::Object(o) => o.retain(|k, _| subs.iter().any(|s| s.eq_ignore_ascii_case(k))),
        Value::Array(items) => items.iter_mut().for_each(|i| retain_subs(i, subs)),
        _ => {}
    }
}

fn remove_sub(value: &mut Value, sub: &str) {
    match value {
        Value::Object(o) => o.retain(|k, _| !k.eq_ignore_ascii_case(sub)),
        Value::Array(items) => items.iter_mut().for_each(|i| remove_sub(i, sub)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(value: Value) -> (Vec<String>, Value) {
        let mut user: User = serde_json::from_value(value).unwrap();
        declare_schemas(&mut user);
        let schemas = user.schemas.clone();
        (schemas, serde_json::to_value(user).unwrap())
    }

    #[test]
    fn schemas_name_the_extension_only_while_it_holds_attributes() {
        let (schemas, _) = declared(json!({"userName": "a",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "IT"}}));
        assert_eq!(schemas, [USER_SCHEMA, ENTERPRISE_SCHEMA]);
        let (schemas, user) = declared(json!({"userName": "a",
            "schemas": [USER_SCHEMA, ENTERPRISE_SCHEMA, "urn:example:unknown"],
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {}}));
        assert_eq!(schemas, [USER_SCHEMA]);
        assert!(user.get(ENTERPRISE_SCHEMA).is_none(), "{user}");
        let (schemas, _) = declared(json!({"userName": "a",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": null}));
        assert_eq!(schemas, [USER_SCHEMA]);
        let (schemas, user) = declared(json!({"userName": "a",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"schemas": [ENTERPRISE_SCHEMA], "division": "R&D"}}));
        assert_eq!(schemas, [USER_SCHEMA, ENTERPRISE_SCHEMA]);
        assert_eq!(user[ENTERPRISE_SCHEMA], json!({"division": "R&D"}));
    }
}
