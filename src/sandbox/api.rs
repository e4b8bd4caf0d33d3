//! The HTTP surface's plumbing: the shared state, authentication, SCIM error responses, and
//! reading request bodies and query parameters safely.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::persist::StateLog;
use super::store::{Refusal, Store};
use super::throttle::Traffic;
use crate::provider::Provider;
use crate::scim::model::ERROR_SCHEMA;

/// Request bodies larger than this are refused with 413 before they are read in full.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

pub struct App {
    pub store: RwLock<Store>,
    pub token: String,
    pub log: Option<Mutex<StateLog>>,
    /// `http://127.0.0.1:PORT/scim/v2`, for `meta.location`.
    pub base_url: String,
    /// `--latency` and `--rate-limit`.
    pub traffic: Traffic,
}

pub type Shared = Arc<App>;

impl App {
    pub fn tenant_url(&self, tenant: &str) -> String {
        format!("{}/{tenant}", self.base_url)
    }
}

/// A SCIM error (RFC 7644 §3.12), in the provider's own shape.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub scim_type: Option<&'static str>,
    pub detail: String,
    /// Pulumi's documented 409s come wrapped: `{"status": "409", "response": {…}}`.
    pub wrapped: bool,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        scim_type: Option<&'static str>,
        detail: impl Into<String>,
    ) -> ApiError {
        ApiError {
            status,
            scim_type,
            detail: detail.into(),
            wrapped: false,
        }
    }

    pub fn bad_request(scim_type: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, Some(scim_type), detail)
    }

    pub fn not_found(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, None, detail)
    }

    /// A store's refusal, worded as the provider words it.
    pub fn refused(refusal: Refusal, provider: &Provider) -> ApiError {
        let style = provider.errors;
        match refusal {
            Refusal::Taken { attribute, value } => {
                let template = if attribute == "emails" {
                    style.email_taken
                } else {
                    style.user_name_taken
                };
                ApiError {
                    wrapped: style.wrapped,
                    ..ApiError::new(
                        StatusCode::CONFLICT,
                        Some("uniqueness"),
                        template.replace("{value}", &value),
                    )
                }
            }
            Refusal::Immutable { attribute } => ApiError::bad_request(
                style.immutable_scim_type,
                format!("{attribute} is immutable and cannot be changed"),
            ),
            Refusal::Stale => ApiError::new(
                StatusCode::PRECONDITION_FAILED,
                None,
                "Failed to update. Resource has changed on the server",
            ),
            Refusal::NotFound => ApiError::not_found("User not found"),
            Refusal::Invalid { scim_type, detail } => ApiError::bad_request(scim_type, detail),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({
            "schemas": [ERROR_SCHEMA],
            "status": self.status.as_u16().to_string(),
            "detail": self.detail,
        });
        if let Some(scim_type) = self.scim_type {
            body["scimType"] = scim_type.into();
        }
        if self.wrapped {
            body = json!({"status": self.status.as_u16().to_string(), "response": body});
        }
        let mut response = scim_json(self.status, &body);
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"scimctl sandbox\""),
            );
        }
        response
    }
}

pub fn scim_json(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/scim+json"),
    );
    response
}

/// Every request needs `Authorization: Bearer <token>`.
pub async fn require_token(State(app): State<Shared>, request: Request, next: Next) -> Response {
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    match given {
        Some(token) if constant_time_eq(token.as_bytes(), app.token.as_bytes()) => {
            next.run(request).await
        }
        Some(_) => ApiError::new(
            StatusCode::UNAUTHORIZED,
            None,
            "The bearer token is not valid for this sandbox",
        )
        .into_response(),
        None => ApiError::new(
            StatusCode::UNAUTHORIZED,
            None,
            "Authorization: Bearer <token> is required",
        )
        .into_response(),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Reads a JSON body: the right content type, at most `MAX_BODY_BYTES`, well-formed JSON.
pub async fn json_body<T: DeserializeOwned>(
    headers: &HeaderMap,
    body: Body,
) -> Result<T, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if media != "application/scim+json" && media != "application/json" {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            None,
            format!("the request body must be application/scim+json, not '{content_type}'"),
        ));
    }
    let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                None,
                format!(
                    "the request body is larger than {} KiB",
                    MAX_BODY_BYTES / 1024
                ),
            )
        })?;
    let value: Value = serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::bad_request("invalidSyntax", format!("the body is not valid JSON: {e}"))
    })?;
    if !value.is_object() {
        return Err(ApiError::bad_request(
            "invalidSyntax",
            "the body must be a JSON object",
        ));
    }
    serde_json::from_value(value).map_err(|e| {
        ApiError::bad_request(
            "invalidSyntax",
            format!("the body is not a valid SCIM message: {e}"),
        )
    })
}

/// Query parameters, by their exact (case-sensitive) names.
pub type Params = HashMap<String, String>;

pub fn if_match(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok())
}

pub fn check_tenant(app: &App, tenant: &str) -> Result<(), ApiError> {
    if app.store.read().expect("store lock").has_tenant(tenant) {
        Ok(())
    } else {
        Err(ApiError::not_found(format!(
            "there is no tenant '{tenant}' in this sandbox"
        )))
    }
}
