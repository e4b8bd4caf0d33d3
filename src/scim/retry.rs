//! When to try a request again, and how long to wait first. Pure: the client feeds it outcomes.
//!
//! Only requests that are safe to repeat are retried: reads (GET, and POST `/.search`, which
//! only reads) and idempotent writes (PUT, DELETE). A POST that creates or a PATCH is never
//! retried: after an ambiguous failure the caller re-reads to learn what happened.

use std::time::{Duration, SystemTime};

/// Whether a request may be sent twice without changing the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idempotency {
    Safe,
    Unsafe,
}

/// How an attempt ended, as far as retrying cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Status {
        status: u16,
        retry_after: Option<Duration>,
    },
    /// The connection failed before any response (refused, reset, DNS, or dropped mid-body on a read).
    ConnectionFailed,
    TimedOut,
    /// TLS failures are configuration problems: retrying cannot fix a certificate.
    Tls,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    RetryAfter(Duration),
    GiveUp,
}

#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub max_retries: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// A `Retry-After` longer than this is not waited out; the error says how long was asked.
    pub max_retry_after: Duration,
}

impl RetryPolicy {
    pub fn new(max_retries: u32) -> RetryPolicy {
        RetryPolicy {
            max_retries,
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(120),
        }
    }

    /// `retries_done` counts earlier retries; `jitter` is a uniform draw in [0, 1).
    pub fn decide(
        &self,
        idempotency: Idempotency,
        retries_done: u32,
        outcome: Outcome,
        jitter: f64,
    ) -> Decision {
        if idempotency == Idempotency::Unsafe || retries_done >= self.max_retries {
            return Decision::GiveUp;
        }
        match outcome {
            Outcome::Tls => Decision::GiveUp,
            Outcome::Status { status, .. } if !is_retryable_status(status) => Decision::GiveUp,
            Outcome::Status {
                retry_after: Some(wait),
                ..
            } if wait > self.max_retry_after => Decision::GiveUp,
            Outcome::Status {
                retry_after: Some(wait),
                ..
            } => Decision::RetryAfter(wait),
            Outcome::Status { .. } | Outcome::ConnectionFailed | Outcome::TimedOut => {
                Decision::RetryAfter(self.backoff(retries_done, jitter))
            }
        }
    }

    /// Exponential backoff with "equal jitter": half fixed, half random, so waits never collapse to 0.
    pub fn backoff(&self, retries_done: u32, jitter: f64) -> Duration {
        let exp = self
            .base_delay
            .saturating_mul(2u32.saturating_pow(retries_done.min(16)));
        let capped = exp.min(self.max_delay);
        capped / 2 + capped.mul_f64(jitter.clamp(0.0, 1.0) / 2.0)
    }
}

pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// Reads `Retry-After` as delay-seconds or as an HTTP-date (RFC 9110 §10.2.3).
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAFE: Idempotency = Idempotency::Safe;

    fn status(status: u16) -> Outcome {
        Outcome::Status {
            status,
            retry_after: None,
        }
    }

    #[test]
    fn retries_transient_statuses_on_safe_requests_only() {
        let p = RetryPolicy::new(3);
        for code in [408, 429, 500, 502, 503, 504] {
            assert!(
                matches!(
                    p.decide(SAFE, 0, status(code), 0.5),
                    Decision::RetryAfter(_)
                ),
                "{code}"
            );
            assert_eq!(
                p.decide(Idempotency::Unsafe, 0, status(code), 0.5),
                Decision::GiveUp,
                "{code}"
            );
        }
        for code in [400, 401, 403, 404, 409, 412, 501] {
            assert_eq!(
                p.decide(SAFE, 0, status(code), 0.5),
                Decision::GiveUp,
                "{code}"
            );
        }
    }

    #[test]
    fn never_retries_tls_and_stops_at_the_limit() {
        let p = RetryPolicy::new(2);
        assert_eq!(p.decide(SAFE, 0, Outcome::Tls, 0.0), Decision::GiveUp);
        assert!(matches!(
            p.decide(SAFE, 1, Outcome::ConnectionFailed, 0.0),
            Decision::RetryAfter(_)
        ));
        assert_eq!(p.decide(SAFE, 2, Outcome::TimedOut, 0.0), Decision::GiveUp);
        assert_eq!(
            RetryPolicy::new(0).decide(SAFE, 0, status(503), 0.0),
            Decision::GiveUp
        );
    }

    #[test]
    fn honours_retry_after_unless_it_is_unreasonably_long() {
        let p = RetryPolicy::new(3);
        let asked = |secs| Outcome::Status {
            status: 429,
            retry_after: Some(Duration::from_secs(secs)),
        };
        assert_eq!(
            p.decide(SAFE, 0, asked(1), 0.9),
            Decision::RetryAfter(Duration::from_secs(1))
        );
        assert_eq!(p.decide(SAFE, 0, asked(3600), 0.9), Decision::GiveUp);
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let p = RetryPolicy::new(10);
        assert_eq!(p.backoff(0, 0.0), Duration::from_millis(125));
        assert_eq!(p.backoff(0, 1.0), Duration::from_millis(250));
        assert_eq!(p.backoff(2, 0.0), Duration::from_millis(500));
        assert_eq!(p.backoff(30, 1.0), Duration::from_secs(8));
    }

    #[test]
    fn retry_after_in_seconds_and_as_a_date() {
        let now = httpdate::parse_http_date("Sun, 29 Nov 2026 14:00:00 GMT").unwrap();
        assert_eq!(parse_retry_after("7", now), Some(Duration::from_secs(7)));
        assert_eq!(
            parse_retry_after("Sun, 29 Nov 2026 14:00:30 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("Sun, 29 Nov 2026 13:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
