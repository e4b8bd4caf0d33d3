//! What can go wrong talking to a SCIM endpoint, in words an admin can act on.

use std::time::Duration;

use thiserror::Error;

use super::error_body::ErrorBody;

#[derive(Debug, Error)]
pub enum ScimError {
    /// The server answered, with a status that is not success.
    #[error("{request} was answered {status}{reason}: {}{}", body.describe(), retried_note(*retries))]
    Status {
        request: String,
        status: u16,
        reason: String,
        body: Box<ErrorBody>,
        retries: u32,
    },
    #[error("{request} timed out after {}s{}; the server did not answer (raise --timeout if it is just slow)", after.as_secs_f32(), retried_note(*retries))]
    Timeout {
        request: String,
        after: Duration,
        retries: u32,
    },
    #[error("cannot connect to {origin}: {cause}{}", retried_note(*retries))]
    Connection {
        origin: String,
        cause: String,
        retries: u32,
    },
    #[error("{request} got no answer: the server closed the connection ({cause}){}", retried_note(*retries))]
    NoAnswer {
        request: String,
        cause: String,
        retries: u32,
    },
    /// The status and headers arrived, then the connection broke before the whole body did.
    #[error("{request} was answered {status} ({content_type}), but the connection broke before the whole body arrived: {cause}{}", retried_note(*retries))]
    BrokenAnswer {
        request: String,
        status: u16,
        content_type: String,
        cause: String,
        retries: u32,
    },
    #[error(
        "TLS with {origin} failed: {cause} (is the certificate trusted? pass --ca-cert FILE for a private CA)"
    )]
    Tls { origin: String, cause: String },
    #[error("{request} was answered {status} with a body scimctl cannot read: {problem}")]
    UnreadableResponse {
        request: String,
        status: u16,
        problem: String,
    },
    /// A readable answer that is not what was asked for: `{"status":"ok"}` for a user, another
    /// user, an object that is no ServiceProviderConfig. Believing it would give a false answer.
    #[error("{request} was answered {status} with {found}; scimctl does not take it for an answer")]
    NotTheResource {
        request: String,
        status: u16,
        found: String,
    },
    /// A walk that would not end (more users than the ceiling allows), or that cannot be
    /// completed (a server that refuses paging returned only part of its users).
    #[error("reading the users at {request} stopped: {what}")]
    EndlessWalk { request: String, what: String },
    /// The overall `--deadline` passed before the request could be completed.
    #[error("{request} could not be completed within the --deadline of {}s{last}", deadline.as_secs_f32())]
    DeadlinePassed {
        request: String,
        deadline: Duration,
        /// What the last attempt met, as `; the last attempt: …`, or empty.
        last: String,
    },
    /// A `Retry-After` longer than scimctl may wait (`--timeout`, or what is left of `--deadline`).
    #[error("{request} was answered {status} asking to wait {}s (Retry-After), longer than {limit_by} allows ({}s); try again later{}", wait.as_secs(), limit.as_secs_f32(), if *limit_by == "--timeout" { ", or pass --deadline SECONDS to wait longer" } else { "" })]
    RetryAfterTooLong {
        request: String,
        status: u16,
        wait: Duration,
        limit: Duration,
        limit_by: &'static str,
    },
    /// A request refused here before it was sent: a URL no server accepts.
    #[error("{request} cannot be sent: {problem}")]
    Unsendable { request: String, problem: String },
    #[error(
        "refusing to send the token over plain http:// to {host}: anyone on the network could read it; use https://, or pass --insecure-http if this network is trusted"
    )]
    InsecureHttp { host: String },
    /// A 3xx: never followed, so a write is never re-sent or turned into a GET, and the token
    /// never goes to another host.
    #[error(
        "{request} was answered {status}, a redirect to {location}; scimctl follows no redirects{}. If that is the real endpoint, use it as --url",
        if *other_host { " (and never sends your token to another host)" } else { " (a write must not be re-sent or turned into a GET)" }
    )]
    Redirected {
        request: String,
        status: u16,
        location: String,
        other_host: bool,
    },
    #[error("the URL '{url}' cannot be used: {problem}")]
    BadUrl { url: String, problem: String },
    #[error("cannot read the CA certificate {path}: {problem}")]
    BadCaCert { path: String, problem: String },
}

fn retried_note(retries: u32) -> String {
    match retries {
        0 => String::new(),
        1 => " (after 1 retry)".to_string(),
        n => format!(" (after {n} retries)"),
    }
}

/// How a failure is classified for the exit code (docs/architecture.md, "Contracts": exit codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureClass {
    /// 401 or 403.
    Auth,
    /// Any other refusal by the server (4xx, and a redirect we will not follow).
    Refused,
    /// 5xx, 429, timeouts, connection and TLS failures, unreadable answers.
    Unavailable,
    /// The user's own configuration: a URL or CA file that cannot be used.
    Usage,
}

impl ScimError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ScimError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The 2xx status of an answer whose body could not be used (too large, cut short, not the
    /// resource): the server accepted the request, whatever the body says.
    pub fn success_status(&self) -> Option<u16> {
        match self {
            ScimError::UnreadableResponse { status, .. }
            | ScimError::BrokenAnswer { status, .. }
            | ScimError::NotTheResource { status, .. }
                if (200..300).contains(status) =>
            {
                Some(*status)
            }
            _ => None,
        }
    }

    pub fn body(&self) -> Option<&ErrorBody> {
        match self {
            ScimError::Status { body, .. } => Some(body),
            _ => None,
        }
    }

    pub fn class(&self) -> FailureClass {
        match self {
            ScimError::Status {
                status: 401 | 403, ..
            } => FailureClass::Auth,
            ScimError::Status { status: 429, .. } => FailureClass::Unavailable,
            ScimError::Status { status, .. } if *status >= 500 => FailureClass::Unavailable,
            ScimError::Status { .. } | ScimError::Redirected { .. } => FailureClass::Refused,
            ScimError::Timeout { .. }
            | ScimError::Connection { .. }
            | ScimError::BrokenAnswer { .. }
            | ScimError::NoAnswer { .. }
            | ScimError::Tls { .. }
            | ScimError::UnreadableResponse { .. }
            | ScimError::NotTheResource { .. }
            | ScimError::EndlessWalk { .. }
            | ScimError::DeadlinePassed { .. }
            | ScimError::RetryAfterTooLong { .. } => FailureClass::Unavailable,
            ScimError::InsecureHttp { .. }
            | ScimError::Unsendable { .. }
            | ScimError::BadUrl { .. }
            | ScimError::BadCaCert { .. } => FailureClass::Usage,
        }
    }

    /// True when the server refused a filter it cannot evaluate (400, usually `invalidFilter`;
    /// 501 from servers that do not filter at all), as opposed to any other failure.
    pub fn is_filter_refusal(&self) -> bool {
        matches!(
            self,
            ScimError::Status {
                status: 400 | 501,
                ..
            }
        ) && !self.body().is_some_and(|b| b.is_scim_type("tooMany"))
    }
}
