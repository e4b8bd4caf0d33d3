//! What the network and a busy provider add on loopback, so a benchmark or a test can stand in
//! for a remote SaaS: a delay before every answer (`--latency`), and per-tenant rate limits
//! whose excess requests are answered 429 with `Retry-After`, as real providers do (`--rate-limit`).

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::api::{ApiError, Shared};
use crate::provider::Provider;
use crate::provider::rate::{Counted, Limit, Rate};

/// `--rate-limit`: none (the default), the provider profile's documented limits, or one rate
/// for every request of a tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RateLimit {
    #[default]
    Off,
    /// What the provider documents (research §5.2); none for a provider that documents none.
    Documented,
    Every(Rate),
}

impl FromStr for RateLimit {
    type Err = String;

    fn from_str(text: &str) -> Result<RateLimit, String> {
        match text.trim() {
            "default" => Ok(RateLimit::Documented),
            "off" | "none" => Ok(RateLimit::Off),
            rate => rate.parse().map(RateLimit::Every).map_err(|e| {
                format!("{e}, or 'default' for the provider profile's documented limits")
            }),
        }
    }
}

impl RateLimit {
    pub fn limits(self, provider: &Provider) -> Vec<Limit> {
        match self {
            RateLimit::Off => Vec::new(),
            RateLimit::Documented => provider.rate_limits.to_vec(),
            RateLimit::Every(rate) => vec![Limit {
                counted: Counted::Every,
                rate,
            }],
        }
    }
}

/// The delay and each tenant's buckets. Tenants are fixed at start, so the map never grows.
pub struct Traffic {
    latency: Duration,
    buckets: HashMap<String, Mutex<Vec<(Limit, Bucket)>>>,
}

impl Traffic {
    pub fn new<'a>(
        latency: Duration,
        limits: &[Limit],
        tenants: impl IntoIterator<Item = &'a String>,
    ) -> Traffic {
        let now = Instant::now();
        let buckets = if limits.is_empty() {
            HashMap::new()
        } else {
            tenants
                .into_iter()
                .map(|tenant| {
                    let buckets = limits.iter().map(|l| (*l, Bucket::full(l.rate, now)));
                    (tenant.clone(), Mutex::new(buckets.collect()))
                })
                .collect()
        };
        Traffic { latency, buckets }
    }

    /// Takes one token from each of the tenant's buckets that count this request, or none
    /// when one of them is empty: then says how long until all of them have one.
    fn admit(&self, tenant: &str, kind: Kind, now: Instant) -> Result<(), Refused> {
        let Some(buckets) = self.buckets.get(tenant) else {
            return Ok(());
        };
        let mut buckets = buckets.lock().expect("rate limit lock");
        let counting = |limit: &Limit| kind.counted_by(limit.counted);
        let mut refused: Option<Refused> = None;
        for (limit, bucket) in buckets.iter_mut().filter(|(l, _)| counting(l)) {
            bucket.refill(now);
            let wait = bucket.wait();
            if !wait.is_zero() && refused.as_ref().is_none_or(|r| r.wait < wait) {
                refused = Some(Refused {
                    limit: *limit,
                    wait,
                });
            }
        }
        if let Some(refused) = refused {
            return Err(refused);
        }
        for (_, bucket) in buckets.iter_mut().filter(|(l, _)| counting(l)) {
            bucket.take();
        }
        Ok(())
    }
}

struct Refused {
    limit: Limit,
    wait: Duration,
}

/// A token bucket: holds up to `burst` tokens, gains `per_second` of them each second.
#[derive(Debug, Clone, Copy)]
struct Bucket {
    capacity: f64,
    per_second: f64,
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn full(rate: Rate, now: Instant) -> Bucket {
        let capacity = f64::from(rate.burst.max(1));
        Bucket {
            capacity,
            per_second: rate.per_second(),
            tokens: capacity,
            at: now,
        }
    }

    fn refill(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.per_second).min(self.capacity);
        self.at = self.at.max(now);
    }

    /// Zero when a token is there; else how long until one is.
    fn wait(&self) -> Duration {
        if self.tokens >= 1.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64((1.0 - self.tokens) / self.per_second)
        }
    }

    fn take(&mut self) {
        self.tokens -= 1.0;
    }
}

/// What a request is, for the limits that count only some.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Read,
    Create,
    Write,
}

impl Kind {
    /// `path` is the part after the tenant: `/Users`, `/Users/ID`, `/.search`, …
    fn of(method: &Method, path: &str) -> Kind {
        let path = path.trim_end_matches('/');
        if method == Method::GET || method == Method::HEAD || path.ends_with("/.search") {
            Kind::Read
        } else if method == Method::POST && path.eq_ignore_ascii_case("/Users") {
            Kind::Create
        } else {
            Kind::Write
        }
    }

    fn counted_by(self, counted: Counted) -> bool {
        match counted {
            Counted::Every => true,
            Counted::Reads => self == Kind::Read,
            Counted::Writes => self != Kind::Read,
            Counted::Creates => self == Kind::Create,
        }
    }
}

/// `--latency`: the answer to every request, whatever it is, leaves after the delay. The wait
/// is a timer, so other requests are served meanwhile.
pub async fn delay(State(app): State<Shared>, request: Request, next: Next) -> Response {
    if !app.traffic.latency.is_zero() {
        tokio::time::sleep(app.traffic.latency).await;
    }
    next.run(request).await
}

/// `--rate-limit`: a request beyond its tenant's limits is answered 429 with `Retry-After`
/// (whole seconds, rounded up, as RFC 9110 writes it), and does not count against them.
pub async fn throttle(State(app): State<Shared>, request: Request, next: Next) -> Response {
    let Some((tenant, rest)) = request
        .uri()
        .path()
        .strip_prefix("/scim/v2/")
        .map(|p| p.split_once('/').unwrap_or((p, "")))
    else {
        return next.run(request).await;
    };
    let kind = Kind::of(request.method(), &format!("/{rest}"));
    match app.traffic.admit(tenant, kind, Instant::now()) {
        Ok(()) => next.run(request).await,
        Err(refused) => too_many(tenant, &refused),
    }
}

fn too_many(tenant: &str, refused: &Refused) -> Response {
    let seconds = retry_after_seconds(refused.wait);
    let mut response = ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        None,
        format!(
            "too many requests: tenant {tenant} allows {}; retry after {seconds} s",
            refused.limit
        ),
    )
    .into_response();
    response.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from_str(&seconds.to_string()).expect("digits are a header value"),
    );
    response
}

fn retry_after_seconds(wait: Duration) -> u64 {
    wait.as_secs_f64().ceil().max(1.0) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::by_id;
    use crate::provider::rate::Per;

    fn traffic(limit: RateLimit, provider: &str) -> Traffic {
        let limits = limit.limits(by_id(provider).unwrap());
        Traffic::new(Duration::ZERO, &limits, &["acme".to_string()])
    }

    #[test]
    fn a_burst_passes_then_requests_wait_for_the_refill() {
        let t = traffic(RateLimit::Every(Rate::new(5, Per::Second)), "generic");
        let start = Instant::now();
        for _ in 0..5 {
            assert!(t.admit("acme", Kind::Read, start).is_ok());
        }
        let refused = t.admit("acme", Kind::Write, start).unwrap_err();
        assert_eq!(refused.wait, Duration::from_millis(200));
        assert_eq!(retry_after_seconds(refused.wait), 1);
        // A refused request takes nothing: one refill's worth later, exactly one passes.
        let later = start + Duration::from_millis(200);
        assert!(t.admit("acme", Kind::Read, later).is_ok());
        assert!(t.admit("acme", Kind::Read, later).is_err());
        // A quiet spell refills to the burst, never beyond.
        let quiet = later + Duration::from_secs(60);
        assert_eq!(
            (0..7)
                .filter(|_| t.admit("acme", Kind::Read, quiet).is_ok())
                .count(),
            5
        );
        assert!(t.admit("globex", Kind::Read, quiet).is_ok(), "not limited");
    }

    #[test]
    fn documented_limits_count_only_their_kind_of_request() {
        let t = traffic(RateLimit::Documented, "slack");
        let now = Instant::now();
        // Slack: POST /Users bursts of 20, though writes may burst to 180.
        let creates = (0..25)
            .filter(|_| t.admit("acme", Kind::Create, now).is_ok())
            .count();
        assert_eq!(creates, 20);
        let refused = t.admit("acme", Kind::Create, now).unwrap_err();
        assert_eq!(refused.limit.counted, Counted::Creates);
        assert_eq!(
            retry_after_seconds(refused.wait),
            1,
            "180/min: one every 1/3 s"
        );
        assert!(t.admit("acme", Kind::Write, now).is_ok());
        assert!(t.admit("acme", Kind::Read, now).is_ok());
        assert!(traffic(RateLimit::Documented, "generic").buckets.is_empty());
    }

    #[test]
    fn requests_are_read_write_or_create() {
        assert_eq!(Kind::of(&Method::GET, "/Users/1"), Kind::Read);
        assert_eq!(Kind::of(&Method::POST, "/Users/.search"), Kind::Read);
        assert_eq!(Kind::of(&Method::POST, "/.search"), Kind::Read);
        assert_eq!(Kind::of(&Method::POST, "/Users"), Kind::Create);
        assert_eq!(Kind::of(&Method::PATCH, "/Users/1"), Kind::Write);
        assert_eq!(Kind::of(&Method::DELETE, "/Users/1"), Kind::Write);
    }

    #[test]
    fn the_flag_reads_rates_and_default() {
        assert_eq!("default".parse(), Ok(RateLimit::Documented));
        assert_eq!(
            "10/min".parse(),
            Ok(RateLimit::Every(Rate::new(10, Per::Minute)))
        );
        assert!("fast".parse::<RateLimit>().unwrap_err().contains("default"));
    }
}
