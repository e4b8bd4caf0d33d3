//! The HTTP side of SCIM: one request at a time, with authentication, timeouts, retries for
//! what is safe to repeat, size limits, and errors that say what happened.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_TYPE, ETAG, HeaderMap, HeaderValue, LOCATION, RETRY_AFTER,
};
use reqwest::{Method, StatusCode, redirect};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde_json::Value;
use url::Url;

use super::error::ScimError;
use super::error_body::{ErrorBody, truncate};
use super::model::{SERVICE_PROVIDER_CONFIG_SCHEMA, ServiceProviderConfig, User, UserId};
use super::query::Watch;
use super::retry::{
    Decision, Idempotency, Outcome, RetryPolicy, is_retryable_status, parse_retry_after,
};

pub const SCIM_JSON: &str = "application/scim+json";
/// Bodies larger than this are refused rather than buffered: a page of 100 users is ~100 KB.
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;
/// Longer URLs are not sent: servers and proxies refuse them (8 KiB is nginx's and most
/// frameworks' default), often by closing the connection, which would look like an outage.
pub const MAX_URL_BYTES: usize = 8 * 1024;

pub struct ClientOptions {
    pub base_url: Url,
    pub token: SecretString,
    pub timeout: Duration,
    pub max_retries: u32,
    pub ca_cert: Option<PathBuf>,
    pub insecure_http: bool,
    /// At most this many users in one walk (`--max-users`); `None` for the automatic ceiling.
    pub max_users: Option<u64>,
    /// Everything this client does — requests, retries, `Retry-After` waits, pages — ends
    /// within this long of its creation (`--deadline`).
    pub deadline: Option<Duration>,
}

/// A successful answer, body read in full.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    pub request: String,
}

impl Reply {
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, ScimError> {
        serde_json::from_slice(&self.body).map_err(|e| ScimError::UnreadableResponse {
            request: self.request.clone(),
            status: self.status,
            problem: describe_unreadable(&self.headers, &self.body, &e),
        })
    }

    /// The error for a readable answer that is not the resource asked for.
    pub fn not_the_resource(&self, found: String) -> ScimError {
        ScimError::NotTheResource {
            request: self.request.clone(),
            status: self.status,
            found,
        }
    }

    /// The entity tag from the `ETag` header (`get_user` falls back to the body's `meta.version`).
    pub fn etag(&self) -> Option<String> {
        self.headers
            .get(ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }
}

/// A user as read, checked to be the one asked for, with the version to send back in `If-Match`.
#[derive(Debug, Clone)]
pub struct FetchedUser {
    pub id: UserId,
    pub user: User,
    pub etag: Option<String>,
}

pub struct ScimClient {
    http: reqwest::Client,
    base: Url,
    authorization: HeaderValue,
    /// The token as it would appear in an answer that echoes it back, to be redacted there.
    echo: Option<regex::bytes::Regex>,
    policy: RetryPolicy,
    timeout: Duration,
    max_users: Option<u64>,
    deadline: Option<Deadline>,
    /// HTTP requests sent so far (every attempt, retries included), for reports that say what
    /// an answer cost.
    sent: std::sync::atomic::AtomicU64,
    /// Told how walks go and what lookups are about to do, for a person's terminal.
    watch: Option<Arc<dyn Watch>>,
}

/// When the whole run must be over, and how long that was given as.
#[derive(Debug, Clone, Copy)]
struct Deadline {
    at: Instant,
    given: Duration,
}

impl ScimClient {
    pub fn new(options: ClientOptions) -> Result<ScimClient, ScimError> {
        let base = normalise_base(options.base_url)?;
        if base.scheme() == "http" && !options.insecure_http && !is_loopback(&base) {
            return Err(ScimError::InsecureHttp {
                host: base.host_str().unwrap_or("").to_string(),
            });
        }
        let mut authorization = HeaderValue::from_str(&format!(
            "Bearer {}",
            options.token.expose_secret()
        ))
        .map_err(|_| ScimError::BadUrl {
            url: base.to_string(),
            problem: "the token contains characters that cannot go in an HTTP header".into(),
        })?;
        authorization.set_sensitive(true);
        let echo = echo_of(options.token.expose_secret());

        // No redirect is ever followed: a followed 301/302/303 turns a write into a GET whose 200
        // looks like success, and a 307/308 loop sends a PATCH again. A redirect is an error
        // naming where it pointed, for reads too (the fix is the right --url, not a detour).
        let mut builder = reqwest::Client::builder()
            .user_agent(concat!("scimctl/", env!("CARGO_PKG_VERSION")))
            .redirect(redirect::Policy::none())
            .connect_timeout(options.timeout.min(Duration::from_secs(10)))
            .timeout(options.timeout)
            // Plain http:// never does TLS (no redirect is followed), so the platform's
            // root certificates are not read and parsed for nothing (~2 ms a run).
            .tls_built_in_root_certs(base.scheme() == "https");
        if let Some(path) = &options.ca_cert {
            for certificate in read_ca_certs(path)? {
                builder = builder.add_root_certificate(certificate);
            }
        }
        let http = builder.build().map_err(|e| ScimError::BadUrl {
            url: base.to_string(),
            problem: format!("cannot set up the HTTP client: {e}"),
        })?;
        let mut policy = RetryPolicy::new(options.max_retries);
        // A Retry-After is waited out only as long as the user allowed: within --deadline if
        // given, else no longer than --timeout (the deadline is checked again before each wait).
        policy.max_retry_after = options.deadline.unwrap_or(options.timeout);
        Ok(ScimClient {
            http,
            base,
            authorization,
            echo,
            policy,
            timeout: options.timeout,
            max_users: options.max_users,
            deadline: options.deadline.map(|given| Deadline {
                at: Instant::now() + given,
                given,
            }),
            sent: Default::default(),
            watch: None,
        })
    }

    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// `--max-users`: at most this many users in one walk.
    pub fn max_users(&self) -> Option<u64> {
        self.max_users
    }

    /// The client, telling `watch` how its walks go (a progress line at a terminal).
    pub fn watched_by(mut self, watch: Arc<dyn Watch>) -> ScimClient {
        self.watch = Some(watch);
        self
    }

    pub fn watch(&self) -> Option<&Arc<dyn Watch>> {
        self.watch.as_ref()
    }

    /// Time left before `--deadline`, if one was given (zero once it has passed).
    fn remaining(&self) -> Option<Duration> {
        self.deadline
            .map(|d| d.at.saturating_duration_since(Instant::now()))
    }

    fn deadline_passed(&self, request: &str, last: String) -> ScimError {
        ScimError::DeadlinePassed {
            request: request.to_string(),
            deadline: self.deadline.map(|d| d.given).unwrap_or_default(),
            last,
        }
    }

    /// `path` is relative to the base URL: `Users`, `ServiceProviderConfig`.
    pub fn url(&self, path: &str) -> Url {
        self.base
            .join(path)
            .expect("a relative SCIM path always joins onto the base URL")
    }

    /// `Users/{id}`, with the id encoded as one path segment whatever it contains.
    pub fn user_url(&self, id: &UserId) -> Url {
        let mut url = self.url("Users");
        url.path_segments_mut()
            .expect("an http(s) base URL always has path segments")
            .push(id.as_str());
        url
    }

    /// `GET /Users/{id}`, refusing an answer that is not that user: `{}`, an object without an
    /// id, or another user (what a server that maps every path to one handler sends).
    pub async fn get_user(&self, id: &UserId) -> Result<FetchedUser, ScimError> {
        let reply = self.get(self.user_url(id)).await?;
        let user: User = reply.json()?;
        match user.id() {
            Some(found) if found == *id => {}
            Some(found) => {
                return Err(reply.not_the_resource(format!(
                    "account \"{found}\", not \"{id}\" that was asked for"
                )));
            }
            None => {
                return Err(reply.not_the_resource(format!(
                    "{} without a user id, not the user asked for",
                    describe_object(&reply.body)
                )));
            }
        }
        let etag = reply
            .etag()
            .or_else(|| user.meta.as_ref().and_then(|m| m.version.clone()));
        Ok(FetchedUser {
            id: id.clone(),
            user,
            etag,
        })
    }

    /// `/ServiceProviderConfig`, refusing an answer that carries none of its attributes.
    pub async fn service_provider_config(&self) -> Result<ServiceProviderConfig, ScimError> {
        let reply = self.get(self.url("ServiceProviderConfig")).await?;
        let value: Value = reply.json()?;
        if !looks_like_service_provider_config(&value) {
            return Err(reply.not_the_resource(format!(
                "{}, not a ServiceProviderConfig (none of patch, filter, etag, bulk, sort, authenticationSchemes)",
                describe_object(&reply.body)
            )));
        }
        serde_json::from_value(value).map_err(|e| reply.not_the_resource(e.to_string()))
    }

    pub async fn get(&self, url: Url) -> Result<Reply, ScimError> {
        self.send(Method::GET, url, None, Idempotency::Safe).await
    }

    /// A GET sent once, never retried: a probe whose failure only means "not this way".
    pub async fn get_once(&self, url: Url) -> Result<Reply, ScimError> {
        self.send(Method::GET, url, None, Idempotency::Unsafe).await
    }

    /// POST to a search endpoint: it only reads, so it is retried like a GET.
    pub async fn search(&self, url: Url, body: &Value) -> Result<Reply, ScimError> {
        self.send(Method::POST, url, Some(body), Idempotency::Safe)
            .await
    }

    /// Sends one request, retrying what is safe to retry, and returns a 2xx reply or an error.
    pub async fn send(
        &self,
        method: Method,
        url: Url,
        body: Option<&Value>,
        idempotency: Idempotency,
    ) -> Result<Reply, ScimError> {
        self.send_if_match(method, url, body, idempotency, None)
            .await
    }

    /// A write guarded by `If-Match` (RFC 7644 §3.14): the server answers 412 if the resource
    /// changed since `if_match` was read.
    pub async fn send_if_match(
        &self,
        method: Method,
        url: Url,
        body: Option<&Value>,
        idempotency: Idempotency,
        if_match: Option<&str>,
    ) -> Result<Reply, ScimError> {
        let request = format!("{method} {}", url.path());
        if url.as_str().len() > MAX_URL_BYTES {
            return Err(ScimError::Unsendable {
                request,
                problem: format!(
                    "its URL is {} bytes, longer than the {} KiB servers and proxies accept",
                    url.as_str().len(),
                    MAX_URL_BYTES / 1024
                ),
            });
        }
        let mut retries = 0;
        loop {
            let started = Instant::now();
            let remaining = self.remaining();
            if remaining == Some(Duration::ZERO) {
                return Err(self.deadline_passed(&request, String::new()));
            }
            let attempt = match self
                .attempt(&method, &url, body, if_match, &request, remaining)
                .await
            {
                Ok(reply) if (200..300).contains(&reply.status) => {
                    tracing::info!("{request} → {} in {:?}", reply.status, started.elapsed());
                    tracing::trace!(
                        "response body: {}",
                        truncate(&String::from_utf8_lossy(&reply.body), 4000)
                    );
                    return Ok(reply);
                }
                // The request was cut short by the deadline, not by --timeout.
                Err(AttemptError::TimedOut)
                    if remaining.is_some_and(|r| r < self.timeout)
                        && self.remaining() == Some(Duration::ZERO) =>
                {
                    return Err(self.deadline_passed(
                        &request,
                        "; the last attempt was still waiting for an answer".into(),
                    ));
                }
                other => other,
            };
            let decision = match outcome_of(&attempt) {
                Some(outcome) => {
                    let decision =
                        self.policy
                            .decide(idempotency, retries, outcome, fastrand::f64());
                    if let (
                        Decision::GiveUp,
                        Outcome::Status {
                            status,
                            retry_after: Some(wait),
                        },
                    ) = (decision, outcome)
                        && wait > self.policy.max_retry_after
                        && is_retryable_status(status)
                        && idempotency == Idempotency::Safe
                        && retries < self.policy.max_retries
                    {
                        return Err(ScimError::RetryAfterTooLong {
                            request,
                            status,
                            wait,
                            limit: self.policy.max_retry_after,
                            limit_by: if self.deadline.is_some() {
                                "--deadline"
                            } else {
                                "--timeout"
                            },
                        });
                    }
                    if let Decision::RetryAfter(wait) = decision {
                        if self.remaining().is_some_and(|left| wait >= left) {
                            return Err(self.deadline_passed(
                                &request,
                                format!(
                                    "; the last attempt: {} (a retry in {:.1}s would pass it)",
                                    describe_outcome(outcome),
                                    wait.as_secs_f32()
                                ),
                            ));
                        }
                        let retrying = format!(
                            "{request} failed ({}); retrying in {:.1}s",
                            describe_outcome(outcome),
                            wait.as_secs_f32()
                        );
                        // A note for people, above any progress line; a log event without one.
                        match &self.watch {
                            Some(watch) => watch.note(&retrying),
                            None => tracing::warn!("{retrying}"),
                        }
                    }
                    decision
                }
                None => Decision::GiveUp,
            };
            match decision {
                Decision::RetryAfter(wait) => {
                    tokio::time::sleep(wait).await;
                    retries += 1;
                }
                Decision::GiveUp => {
                    return Err(match attempt {
                        Ok(reply) => {
                            tracing::info!(
                                "{request} → {} in {:?}",
                                reply.status,
                                started.elapsed()
                            );
                            status_error(reply, retries)
                        }
                        Err(e) => e.into_scim(&request, &url, self.timeout, retries),
                    });
                }
            }
        }
    }

    /// HTTP requests sent so far by this client, every attempt counted.
    pub fn requests_sent(&self) -> u64 {
        self.sent.load(std::sync::atomic::Ordering::Relaxed)
    }

    async fn attempt(
        &self,
        method: &Method,
        url: &Url,
        body: Option<&Value>,
        if_match: Option<&str>,
        request: &str,
        remaining: Option<Duration>,
    ) -> Result<Reply, AttemptError> {
        self.sent.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut builder = self
            .http
            .request(method.clone(), url.clone())
            .timeout(remaining.map_or(self.timeout, |left| left.min(self.timeout)))
            .header(AUTHORIZATION, self.authorization.clone())
            .header(ACCEPT, "application/scim+json, application/json;q=0.9");
        if let Some(tag) = if_match {
            builder = builder.header(reqwest::header::IF_MATCH, tag);
        }
        if let Some(body) = body {
            builder = builder
                .header(CONTENT_TYPE, SCIM_JSON)
                .body(body.to_string());
        }
        let http_request = builder
            .build()
            .map_err(|e| AttemptError::Fatal(e.to_string()))?;
        tracing::debug!(
            "{} {} headers: {:?}",
            http_request.method(),
            http_request.url(),
            http_request.headers()
        );
        let response = self
            .http
            .execute(http_request)
            .await
            .map_err(AttemptError::from_send)?;
        let status = response.status();
        let headers = response.headers().clone();
        if status.is_redirection() {
            let location = headers
                .get(LOCATION)
                .and_then(|l| l.to_str().ok())
                .map(|l| match url.join(l) {
                    Ok(target) => target.to_string(),
                    Err(_) => l.to_string(),
                })
                .map(|l| String::from_utf8_lossy(&self.redacted(l.into_bytes())).into_owned())
                .unwrap_or_else(|| "(no Location header)".to_string());
            return Err(AttemptError::Redirect {
                status: status.as_u16(),
                location,
            });
        }
        let content_type = headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("no content type")
            .to_string();
        let body = self.redacted(read_limited(response, status.as_u16(), content_type).await?);
        Ok(Reply {
            status: status.as_u16(),
            headers,
            body,
            request: request.to_string(),
        })
    }
}

impl ScimClient {
    /// `bytes` with every copy of the token replaced where the answer arrives: a server that
    /// echoes it back (`401 Invalid credentials: Bearer tok-…`) would otherwise put it in error
    /// lines, `doctor`'s report and the journal. (`crate::redact` guards every writer as well,
    /// for text that never passed through an answer.)
    fn redacted(&self, bytes: Vec<u8>) -> Vec<u8> {
        match &self.echo {
            Some(echo) if echo.is_match(&bytes) => echo
                .replace_all(&bytes, crate::redact::REDACTED.as_bytes())
                .into_owned(),
            _ => bytes,
        }
    }
}

/// What finds the token in an answer. Tokens shorter than 8 characters are not looked for:
/// replacing every copy of `abc` would mangle answers, and no real token is that short.
fn echo_of(token: &str) -> Option<regex::bytes::Regex> {
    (token.len() >= 8)
        .then(|| regex::bytes::Regex::new(&regex::escape(token)).ok())
        .flatten()
}

/// How one attempt failed before a complete answer arrived.
enum AttemptError {
    Connection(String),
    /// Connected and sent, but the server closed the connection before any answer.
    NoAnswer(String),
    /// The status line and headers arrived, then the connection broke before the whole body.
    BrokenBody {
        status: u16,
        content_type: String,
        cause: String,
    },
    /// The body is larger than `MAX_BODY_BYTES`.
    TooLarge {
        status: u16,
        content_type: String,
    },
    TimedOut,
    Tls(String),
    Redirect {
        status: u16,
        location: String,
    },
    Fatal(String),
}

impl AttemptError {
    fn from_send(e: reqwest::Error) -> AttemptError {
        let cause = root_cause(&e);
        if e.is_timeout() {
            AttemptError::TimedOut
        } else if looks_like_tls(&error_chain(&e)) {
            AttemptError::Tls(cause)
        } else if e.is_connect() {
            AttemptError::Connection(cause)
        } else {
            AttemptError::NoAnswer(cause)
        }
    }

    fn into_scim(self, request: &str, url: &Url, timeout: Duration, retries: u32) -> ScimError {
        let origin = url.origin().ascii_serialization();
        match self {
            AttemptError::Connection(cause) => ScimError::Connection {
                origin,
                cause,
                retries,
            },
            AttemptError::NoAnswer(cause) => ScimError::NoAnswer {
                request: request.to_string(),
                cause,
                retries,
            },
            AttemptError::BrokenBody {
                status,
                content_type,
                cause,
            } => ScimError::BrokenAnswer {
                request: request.to_string(),
                status,
                content_type,
                cause,
                retries,
            },
            AttemptError::TooLarge {
                status,
                content_type,
            } => ScimError::UnreadableResponse {
                request: request.to_string(),
                status,
                problem: format!(
                    "it is larger than {} MiB ({content_type}); scimctl stops reading rather than exhaust memory",
                    MAX_BODY_BYTES / (1024 * 1024)
                ),
            },
            AttemptError::TimedOut => ScimError::Timeout {
                request: request.to_string(),
                after: timeout,
                retries,
            },
            AttemptError::Tls(cause) => ScimError::Tls { origin, cause },
            AttemptError::Redirect { status, location } => ScimError::Redirected {
                request: request.to_string(),
                status,
                other_host: Url::parse(&location).is_ok_and(|l| l.origin() != url.origin()),
                location,
            },
            AttemptError::Fatal(problem) => ScimError::BadUrl {
                url: url.to_string(),
                problem,
            },
        }
    }
}

async fn read_limited(
    mut response: reqwest::Response,
    status: u16,
    content_type: String,
) -> Result<Vec<u8>, AttemptError> {
    // An announced length over the limit is refused before a byte of the body is read.
    if response
        .content_length()
        .is_some_and(|len| len > MAX_BODY_BYTES as u64)
    {
        return Err(AttemptError::TooLarge {
            status,
            content_type,
        });
    }
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > MAX_BODY_BYTES {
                    return Err(AttemptError::TooLarge {
                        status,
                        content_type,
                    });
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(body),
            Err(e) if e.is_timeout() => return Err(AttemptError::TimedOut),
            Err(e) => {
                return Err(AttemptError::BrokenBody {
                    status,
                    content_type,
                    cause: error_chain(&e),
                });
            }
        }
    }
}

/// What retrying needs to know about an attempt; `None` for failures no retry can fix.
fn outcome_of(attempt: &Result<Reply, AttemptError>) -> Option<Outcome> {
    match attempt {
        Ok(reply) => Some(Outcome::Status {
            status: reply.status,
            retry_after: reply
                .headers
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| parse_retry_after(v, SystemTime::now())),
        }),
        Err(AttemptError::Tls(_)) => Some(Outcome::Tls),
        Err(AttemptError::TimedOut) => Some(Outcome::TimedOut),
        Err(
            AttemptError::Connection(_)
            | AttemptError::NoAnswer(_)
            | AttemptError::BrokenBody { .. },
        ) => Some(Outcome::ConnectionFailed),
        Err(
            AttemptError::Redirect { .. } | AttemptError::Fatal(_) | AttemptError::TooLarge { .. },
        ) => None,
    }
}

fn status_error(reply: Reply, retries: u32) -> ScimError {
    let content_type = reply
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let reason = StatusCode::from_u16(reply.status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default();
    // The error line cuts a long detail; -v shows the whole answer.
    tracing::info!(
        "{} answered {}: {}",
        reply.request,
        reply.status,
        truncate(&String::from_utf8_lossy(&reply.body), 64 * 1024)
    );
    ScimError::Status {
        body: Box::new(ErrorBody::parse(content_type, &reply.body)),
        request: reply.request,
        status: reply.status,
        reason,
        retries,
    }
}

fn describe_unreadable(headers: &HeaderMap, body: &[u8], error: &serde_json::Error) -> String {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("no content type");
    let parsed = ErrorBody::parse(Some(content_type), body);
    match parsed.shape {
        super::error_body::BodyShape::NotJson | super::error_body::BodyShape::Empty => {
            parsed.describe()
        }
        _ => format!(
            "{} ({content_type}) that is not the expected SCIM resource: {error}",
            describe_object(body)
        ),
    }
}

/// What a JSON answer is, for people: `a JSON object with the keys "status"`, `an empty JSON
/// object`, `a JSON array`. Keys are shown escaped and at most eight of them.
pub fn describe_object(body: &[u8]) -> String {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) if map.is_empty() => "an empty JSON object ({})".to_string(),
        Ok(Value::Object(map)) => {
            let mut keys: Vec<String> = map.keys().take(8).map(|k| format!("{k:?}")).collect();
            if map.len() > 8 {
                keys.push(format!("and {} more", map.len() - 8));
            }
            format!("a JSON object with the keys {}", keys.join(", "))
        }
        Ok(Value::Array(_)) => "a JSON array".to_string(),
        Ok(other) => format!("the JSON value {}", truncate(&other.to_string(), 40)),
        Err(_) => "JSON".to_string(),
    }
}

fn looks_like_service_provider_config(value: &Value) -> bool {
    let Some(object) = value.as_object() else {
        return false;
    };
    let declared = object
        .get("schemas")
        .and_then(Value::as_array)
        .is_some_and(|s| {
            s.iter()
                .any(|s| s.as_str() == Some(SERVICE_PROVIDER_CONFIG_SCHEMA))
        });
    declared
        || [
            "patch",
            "filter",
            "etag",
            "bulk",
            "sort",
            "changePassword",
            "authenticationSchemes",
        ]
        .iter()
        .any(|k| object.contains_key(*k))
}

fn describe_outcome(outcome: Outcome) -> String {
    match outcome {
        Outcome::Status { status, .. } => format!("HTTP {status}"),
        Outcome::ConnectionFailed => "connection failed".into(),
        Outcome::TimedOut => "timed out".into(),
        Outcome::Tls => "TLS".into(),
    }
}

/// The innermost cause ("Connection refused (os error 111)"), without the wrappers' restatements
/// of the URL that the error message already names.
fn root_cause(e: &dyn std::error::Error) -> String {
    let mut cause = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        cause = s.to_string();
        source = s.source();
    }
    cause
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    parts.join(": ")
}

fn looks_like_tls(chain: &str) -> bool {
    let lower = chain.to_ascii_lowercase();
    [
        "certificate",
        "tls",
        "handshake",
        "invalid peer",
        "unknownissuer",
        "ssl",
    ]
    .iter()
    .any(|needle| lower.contains(needle))
}

/// Makes sure the base ends with `/` so that `join("Users")` appends rather than replaces.
fn normalise_base(mut base: Url) -> Result<Url, ScimError> {
    if !matches!(base.scheme(), "http" | "https") || base.host_str().is_none() {
        return Err(ScimError::BadUrl {
            url: base.to_string(),
            problem: "it must be an http:// or https:// URL with a host, e.g. https://api.example.com/scim/v2".into(),
        });
    }
    if !base.username().is_empty() || base.password().is_some() {
        return Err(ScimError::BadUrl {
            url: base.origin().ascii_serialization(),
            problem:
                "it carries credentials; give the token with SCIMCTL_TOKEN or --token-file instead"
                    .into(),
        });
    }
    base.set_query(None);
    base.set_fragment(None);
    if !base.path().ends_with('/') {
        let path = format!("{}/", base.path());
        base.set_path(&path);
    }
    Ok(base)
}

pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// Every certificate in a PEM file (a private CA, or a bundle of them).
fn read_ca_certs(path: &PathBuf) -> Result<Vec<reqwest::Certificate>, ScimError> {
    let bad = |problem: String| ScimError::BadCaCert {
        path: path.display().to_string(),
        problem,
    };
    let pem = std::fs::read(path).map_err(|e| bad(e.to_string()))?;
    // `from_pem` accepts anything and fails later; a bundle parse says whether certificates are there.
    let certificates = reqwest::Certificate::from_pem_bundle(&pem)
        .map_err(|e| bad(format!("not a PEM certificate ({e})")))?;
    if certificates.is_empty() {
        return Err(bad(
            "it holds no PEM certificate (-----BEGIN CERTIFICATE-----)".into(),
        ));
    }
    Ok(certificates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_gets_a_trailing_slash_and_loses_query() {
        let base =
            normalise_base(Url::parse("https://api.example.com/scim/v2?x=1").unwrap()).unwrap();
        assert_eq!(base.as_str(), "https://api.example.com/scim/v2/");
        assert_eq!(
            base.join("Users").unwrap().as_str(),
            "https://api.example.com/scim/v2/Users"
        );
    }

    #[test]
    fn credentials_in_the_url_are_refused_without_echoing_them() {
        let err = normalise_base(Url::parse("https://me:hunter2@api.example.com/scim").unwrap())
            .unwrap_err();
        assert!(!err.to_string().contains("hunter2"));
    }

    #[test]
    fn loopback_hosts() {
        for url in [
            "http://127.0.0.1:8080/",
            "http://127.9.9.9/",
            "http://[::1]/",
            "http://LOCALHOST/",
        ] {
            assert!(is_loopback(&Url::parse(url).unwrap()), "{url}");
        }
        for url in [
            "http://10.0.0.1/",
            "http://example.com/",
            "http://localhost.example.com/",
        ] {
            assert!(!is_loopback(&Url::parse(url).unwrap()), "{url}");
        }
    }

    #[test]
    fn plain_http_to_a_remote_host_needs_the_opt_in() {
        let options = |insecure_http| ClientOptions {
            base_url: Url::parse("http://scim.example.com/v2").unwrap(),
            token: SecretString::from("t0ken"),
            timeout: Duration::from_secs(1),
            max_retries: 0,
            ca_cert: None,
            insecure_http,
            max_users: None,
            deadline: None,
        };
        assert!(matches!(
            ScimClient::new(options(false)),
            Err(ScimError::InsecureHttp { .. })
        ));
        assert!(ScimClient::new(options(true)).is_ok());
    }

    #[test]
    fn user_ids_are_one_encoded_path_segment() {
        let client = ScimClient::new(ClientOptions {
            base_url: Url::parse("https://x.example/scim/v2").unwrap(),
            token: SecretString::from("t"),
            timeout: Duration::from_secs(1),
            max_retries: 0,
            ca_cert: None,
            insecure_http: false,
            max_users: None,
            deadline: None,
        })
        .unwrap();
        assert_eq!(
            client.user_url(&UserId::new("a/b?c").unwrap()).as_str(),
            "https://x.example/scim/v2/Users/a%2Fb%3Fc"
        );
    }

    #[test]
    fn a_token_echoed_in_an_answer_is_redacted_where_it_arrives() {
        let client = ScimClient::new(ClientOptions {
            base_url: Url::parse("https://x.example/scim/v2").unwrap(),
            token: SecretString::from("tok-3f9a.b+c"),
            timeout: Duration::from_secs(1),
            max_retries: 0,
            ca_cert: None,
            insecure_http: false,
            max_users: None,
            deadline: None,
        })
        .unwrap();
        let body = br#"{"detail":"Invalid credentials: Bearer tok-3f9a.b+c (tok-3f9a.b+c)"}"#;
        assert_eq!(
            client.redacted(body.to_vec()),
            br#"{"detail":"Invalid credentials: Bearer (redacted) ((redacted))"}"#
        );
        // The token is a literal, not a pattern: `.` and `+` match only themselves.
        assert_eq!(client.redacted(b"tok-3f9aXbbc".to_vec()), b"tok-3f9aXbbc");
    }
}
