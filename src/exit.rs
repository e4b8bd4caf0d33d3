//! Exit statuses (docs/architecture.md, "Contracts") and the mapping from an error to one.

use std::process::ExitCode;

use crate::conflict::engine::LookupError;
use crate::scim::error::{FailureClass, ScimError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success = 0,
    ConflictFound = 1,
    Usage = 2,
    Auth = 3,
    Refused = 4,
    Unavailable = 5,
    PartiallyApplied = 6,
    /// The person said no at a prompt (declined the plan, chose "Nothing", pressed Esc at the
    /// first question): nothing was written, and nothing was fixed either.
    Cancelled = 7,
    Interrupted = 130,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The class of failure in a word, for the `kind` of a JSON error.
    pub fn kind(self) -> &'static str {
        match self {
            ExitStatus::Success => "success",
            ExitStatus::ConflictFound => "conflict",
            ExitStatus::Usage => "usage",
            ExitStatus::Auth => "auth",
            ExitStatus::Refused => "refused",
            ExitStatus::Unavailable => "unavailable",
            ExitStatus::PartiallyApplied => "partial",
            ExitStatus::Cancelled => "cancelled",
            ExitStatus::Interrupted => "interrupted",
        }
    }

    /// Classifies an error by the first typed cause in its chain.
    pub fn of_error(error: &anyhow::Error) -> ExitStatus {
        for cause in error.chain() {
            if let Some(e) = cause.downcast_ref::<ScimError>() {
                return ExitStatus::of_scim(e);
            }
            if let Some(e) = cause.downcast_ref::<LookupError>() {
                return match e {
                    LookupError::Scim(e) => ExitStatus::of_scim(e),
                    // The server cannot answer the question: like an answer that is not SCIM.
                    LookupError::CannotTell { .. } | LookupError::Unreadable { .. } => {
                        ExitStatus::Unavailable
                    }
                };
            }
            if cause.downcast_ref::<UsageError>().is_some() {
                return ExitStatus::Usage;
            }
            if let Some(status) = cause.downcast_ref::<Failed>() {
                return status.0;
            }
            // Ctrl-C at a prompt comes back from the terminal as an interrupted read.
            if cause
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::Interrupted)
            {
                return ExitStatus::Interrupted;
            }
        }
        ExitStatus::Usage
    }
}

impl ExitStatus {
    fn of_scim(e: &ScimError) -> ExitStatus {
        match e.class() {
            FailureClass::Auth => ExitStatus::Auth,
            FailureClass::Refused => ExitStatus::Refused,
            FailureClass::Unavailable => ExitStatus::Unavailable,
            FailureClass::Usage => ExitStatus::Usage,
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        ExitCode::from(status.code())
    }
}

/// A problem with what the user asked for: flags, files, configuration. Exit 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

pub fn usage(message: impl Into<String>) -> anyhow::Error {
    UsageError(message.into()).into()
}

/// A failure whose exit status the command has already decided, with its message.
#[derive(Debug, thiserror::Error)]
#[error("{1}")]
pub struct Failed(pub ExitStatus, pub String);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scim::error_body::ErrorBody;

    fn status_error(status: u16) -> anyhow::Error {
        ScimError::Status {
            request: "GET /Users".into(),
            status,
            reason: String::new(),
            body: Box::new(ErrorBody::parse(None, b"")),
            retries: 0,
        }
        .into()
    }

    #[test]
    fn http_statuses_map_to_the_documented_codes() {
        assert_eq!(ExitStatus::of_error(&status_error(401)), ExitStatus::Auth);
        assert_eq!(ExitStatus::of_error(&status_error(403)), ExitStatus::Auth);
        assert_eq!(
            ExitStatus::of_error(&status_error(404)),
            ExitStatus::Refused
        );
        assert_eq!(
            ExitStatus::of_error(&status_error(412)),
            ExitStatus::Refused
        );
        assert_eq!(
            ExitStatus::of_error(&status_error(429)),
            ExitStatus::Unavailable
        );
        assert_eq!(
            ExitStatus::of_error(&status_error(503)),
            ExitStatus::Unavailable
        );
    }

    #[test]
    fn context_does_not_hide_the_cause() {
        let e = status_error(401).context("looking up jdoe");
        assert_eq!(ExitStatus::of_error(&e), ExitStatus::Auth);
        assert_eq!(ExitStatus::of_error(&usage("bad flag")), ExitStatus::Usage);
    }
}
