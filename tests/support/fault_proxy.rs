//! A fake server in front of one sandbox tenant: every request is passed through to a real SCIM
//! service provider, except those a rule picks out, which get a fault instead (the fault matrix
//! of issue 9). The rest of the server stays sane, so what scimctl reads back is the truth.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use super::fake_server::{FakeServer, Recorded, Reply, response, response_with, scim_error};
use super::http;

/// Which requests a fault is applied to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A GET of the `/Users` collection (lookups, listings, scans), or a `POST /Users/.search`.
    Lookup,
    /// A GET of one account, `/Users/{id}`.
    UserRead,
    /// A POST, PATCH, PUT or DELETE that changes something.
    Write,
}

impl Target {
    pub fn matches(self, request: &Recorded) -> bool {
        let path = request.path();
        let search = path.ends_with("/Users/.search");
        match self {
            Target::Lookup => (request.method == "GET" && path.ends_with("/Users")) || search,
            Target::UserRead => request.method == "GET" && path.contains("/Users/") && !search,
            Target::Write => is_write(request) && !search,
        }
    }
}

pub fn is_write(request: &Recorded) -> bool {
    matches!(request.method.as_str(), "POST" | "PATCH" | "PUT" | "DELETE")
        && !request.path().ends_with("/.search")
}

/// One way for a server to misbehave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Status(u16),
    /// 429 with `Retry-After: 1`.
    RetryAfter,
    /// No answer until long after `--timeout 1`.
    Hang,
    /// The status line, headers and half the body, then the connection closes.
    ResetMidBody,
    /// A 200 with a sign-in page.
    Html200,
    /// A 200 whose JSON stops halfway (the body ends where the connection closes).
    TruncatedJson,
    NonJson,
    InvalidUtf8,
    /// A 200 with a 33 MiB body, streamed.
    OverLimit,
    /// 100,000 `[`.
    DeepNesting,
    EmptyObject,
    /// The same page of users for every `startIndex`, promising 1,000.
    RepeatingPages,
    /// New users (as many as asked, up to 100) and a new cursor on every page, promising 50.
    EndlessCursors,
    /// A redirect to the same path under `/moved`.
    Redirect(u16),
    /// `401 Invalid credentials: Bearer <the token sent>`.
    EchoedToken,
}

impl Fault {
    pub const ALL: [Fault; 26] = [
        Fault::Status(401),
        Fault::Status(403),
        Fault::Status(404),
        Fault::Status(409),
        Fault::Status(412),
        Fault::RetryAfter,
        Fault::Status(500),
        Fault::Status(502),
        Fault::Status(503),
        Fault::Hang,
        Fault::ResetMidBody,
        Fault::Html200,
        Fault::TruncatedJson,
        Fault::NonJson,
        Fault::InvalidUtf8,
        Fault::OverLimit,
        Fault::DeepNesting,
        Fault::EmptyObject,
        Fault::RepeatingPages,
        Fault::EndlessCursors,
        Fault::Redirect(301),
        Fault::Redirect(302),
        Fault::Redirect(303),
        Fault::Redirect(307),
        Fault::Redirect(308),
        Fault::EchoedToken,
    ];

    pub fn name(self) -> String {
        match self {
            Fault::Status(s) => s.to_string(),
            Fault::RetryAfter => "429+Retry-After".into(),
            Fault::Hang => "hang".into(),
            Fault::ResetMidBody => "reset mid-body".into(),
            Fault::Html200 => "HTML 200".into(),
            Fault::TruncatedJson => "truncated JSON".into(),
            Fault::NonJson => "non-JSON".into(),
            Fault::InvalidUtf8 => "invalid UTF-8".into(),
            Fault::OverLimit => "33 MiB body".into(),
            Fault::DeepNesting => "deep nesting".into(),
            Fault::EmptyObject => "{}".into(),
            Fault::RepeatingPages => "repeating pages".into(),
            Fault::EndlessCursors => "endless cursors".into(),
            Fault::Redirect(s) => format!("redirect {s}"),
            Fault::EchoedToken => "echoed token".into(),
        }
    }

    /// Faults about walking a listing: they only make sense on the `/Users` collection.
    pub fn is_paging(self) -> bool {
        matches!(self, Fault::RepeatingPages | Fault::EndlessCursors)
    }

    /// Whether a write answered with this fault was first passed to the server, which made the
    /// change: a 2xx whose body cannot be used. Refusals, hangs and redirects change nothing.
    pub fn write_reaches_server(self) -> bool {
        matches!(
            self,
            Fault::ResetMidBody
                | Fault::Html200
                | Fault::TruncatedJson
                | Fault::NonJson
                | Fault::InvalidUtf8
                | Fault::OverLimit
                | Fault::DeepNesting
                | Fault::EmptyObject
        )
    }
}

pub struct Rule {
    pub target: Target,
    pub fault: Fault,
    /// Applies only once a write has been received (to fail the read-back, not the plan's read).
    pub after_write: bool,
}

#[derive(Default)]
struct State {
    rules: Mutex<Vec<Rule>>,
    served: AtomicUsize,
    writes_seen: AtomicBool,
    /// Writes the sandbox answered 2xx (the change was made).
    applied: AtomicUsize,
}

pub struct FaultProxy {
    server: FakeServer,
    state: Arc<State>,
    tenant: String,
}

impl FaultProxy {
    /// A proxy to `tenant` of the sandbox listening on `sandbox_port`.
    pub fn start(sandbox_port: u16, tenant: &str) -> FaultProxy {
        let state = Arc::new(State::default());
        let server = {
            let state = state.clone();
            FakeServer::start(move |request, n| handle(&state, sandbox_port, request, n))
        };
        FaultProxy {
            server,
            state,
            tenant: tenant.to_string(),
        }
    }

    pub fn url(&self) -> String {
        format!("{}/{}", self.server.url(), self.tenant)
    }

    pub fn tenant(&self) -> &str {
        &self.tenant
    }

    pub fn set_rules(&self, rules: Vec<Rule>) {
        *self.state.rules.lock().unwrap() = rules;
        self.state.writes_seen.store(false, Ordering::SeqCst);
        self.state.served.store(0, Ordering::SeqCst);
    }

    /// How many answers were faults since the rules were last set.
    pub fn served(&self) -> usize {
        self.state.served.load(Ordering::SeqCst)
    }

    /// How many writes the server behind made.
    pub fn applied(&self) -> usize {
        self.state.applied.load(Ordering::SeqCst)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.server.requests()
    }
}

fn handle(state: &State, port: u16, request: &Recorded, n: usize) -> Reply {
    let write = is_write(request);
    let fault = {
        let rules = state.rules.lock().unwrap();
        let writes_seen = state.writes_seen.load(Ordering::SeqCst);
        rules
            .iter()
            .find(|r| r.target.matches(request) && (!r.after_write || writes_seen))
            .map(|r| r.fault)
    };
    if write {
        state.writes_seen.store(true, Ordering::SeqCst);
    }
    let Some(fault) = fault else {
        return forward(state, port, request);
    };
    state.served.fetch_add(1, Ordering::SeqCst);
    let passed = if write && fault.write_reaches_server() {
        Some(forward_raw(state, port, request))
    } else {
        None
    };
    fault_reply(fault, request, n, passed)
}

fn forward_raw(state: &State, port: u16, request: &Recorded) -> http::Response {
    let headers: Vec<(&str, &str)> = [
        "Authorization",
        "Content-Type",
        "Accept",
        "If-Match",
        "If-None-Match",
    ]
    .iter()
    .filter_map(|name| request.header(name).map(|v| (*name, v)))
    .collect();
    let body = String::from_utf8_lossy(&request.body);
    let answer = http::request(port, &request.method, &request.target, &headers, &body)
        .expect("the sandbox answers");
    if is_write(request) && (200..300).contains(&answer.status) {
        state.applied.fetch_add(1, Ordering::SeqCst);
    }
    answer
}

fn forward(state: &State, port: u16, request: &Recorded) -> Reply {
    let answer = forward_raw(state, port, request);
    let headers: Vec<(&str, &str)> = ["Content-Type", "ETag", "Location"]
        .iter()
        .filter_map(|name| answer.header(name).map(|v| (*name, v)))
        .collect();
    response_with(answer.status, &headers, &answer.body)
}

const SCIM_JSON: &str = "application/scim+json";

fn fault_reply(
    fault: Fault,
    request: &Recorded,
    n: usize,
    passed: Option<http::Response>,
) -> Reply {
    // What a server would have said: the write's real answer, or a user.
    let body = passed
        .map(|a| a.body)
        .filter(|b| b.len() > 8)
        .unwrap_or_else(|| {
            json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "u1", "userName": "jdoe"})
                .to_string()
        });
    match fault {
        Fault::Status(409) => scim_error(409, Some("uniqueness"), "injected: value already taken"),
        Fault::Status(status) => scim_error(status, None, &format!("injected fault {status}")),
        Fault::RetryAfter => response_with(
            429,
            &[("Content-Type", SCIM_JSON), ("Retry-After", "1")],
            r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"429","detail":"slow down"}"#,
        ),
        Fault::Hang => Reply::Hang(Duration::from_secs(4)),
        Fault::ResetMidBody => Reply::Truncated(
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {SCIM_JSON}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
                body.len(),
                half(&body)
            )
            .into_bytes(),
        ),
        Fault::Html200 => response(
            200,
            "text/html",
            "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form></form></body></html>",
        ),
        Fault::TruncatedJson => Reply::Bytes(
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {SCIM_JSON}\r\nConnection: close\r\n\r\n{}",
                half(&body)
            )
            .into_bytes(),
        ),
        Fault::NonJson => response(200, SCIM_JSON, "OK, done."),
        Fault::InvalidUtf8 => {
            let mut body = b"{\"id\":\"u1\",\"userName\":\"jd".to_vec();
            body.extend_from_slice(&[0xff, 0xfe]);
            body.extend_from_slice(b"oe\"}");
            let mut bytes = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {SCIM_JSON}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )
            .into_bytes();
            bytes.extend_from_slice(&body);
            Reply::Bytes(bytes)
        }
        Fault::OverLimit => Reply::Huge {
            len: 33 * 1024 * 1024,
        },
        Fault::DeepNesting => response(200, SCIM_JSON, &"[".repeat(100_000)),
        Fault::EmptyObject => response(200, SCIM_JSON, "{}"),
        Fault::RepeatingPages => list(&users(0, 3), Some(1000), None),
        Fault::EndlessCursors => {
            let count = request.query("count").and_then(|c| c.parse().ok());
            let page = count.unwrap_or(100).min(100);
            list(&users(n * 100, page), Some(50), Some(format!("c{n}")))
        }
        Fault::Redirect(status) => response_with(
            status,
            &[("Location", &format!("/moved{}", request.target))],
            "",
        ),
        Fault::EchoedToken => {
            let auth = request.header("Authorization").unwrap_or("Bearer ?");
            scim_error(401, None, &format!("Invalid credentials: {auth}"))
        }
    }
}

fn users(from: usize, n: usize) -> Vec<Value> {
    (from..from + n)
        .map(|i| {
            json!({
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                "id": format!("p{i:05}"),
                "userName": format!("paged{i}"),
                "emails": [{"value": format!("paged{i}@example.com")}],
            })
        })
        .collect()
}

fn list(users: &[Value], total: Option<usize>, cursor: Option<String>) -> Reply {
    let mut body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "itemsPerPage": users.len(),
        "startIndex": 1,
        "Resources": users,
    });
    if let Some(total) = total {
        body["totalResults"] = json!(total);
    }
    if let Some(cursor) = cursor {
        body["nextCursor"] = json!(cursor);
    }
    response(200, SCIM_JSON, &body.to_string())
}

/// The first half of `text`, cut on a character boundary.
fn half(text: &str) -> &str {
    let mut at = text.len() / 2;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    &text[..at]
}
