//! Servers that misbehave: each fault gives one clear line on stderr, the documented exit code
//! (docs/architecture.md, "Contracts") and never a panic. Reads are retried as often as `--max-retries`
//! allows; refusals are not retried at all.
//!
//! Not covered here: "a POST that creates is never retried". No command sends one yet (the only
//! POST, `/Users/.search`, only reads and is retried on purpose); the rule is unit-tested in
//! `src/scim/retry.rs`.

use std::net::TcpListener;
use std::process::Output;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use crate::support::{
    FakeServer, Recorded, Reply, TestEnv, json_of, list_response, response, response_with,
    scim_error, stderr_of,
};

const TOKEN: &str = "faults-token";

fn user(id: &str, user_name: &str, emails: &[&str]) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": id,
        "userName": user_name,
        "active": true,
        "emails": emails.iter().map(|e| json!({"value": e, "type": "work"})).collect::<Vec<_>>(),
        "meta": {"resourceType": "User", "version": "W/\"1\""},
    })
}

fn user_reply(id: &str, user_name: &str) -> Reply {
    response(
        200,
        "application/scim+json",
        &user(id, user_name, &[&format!("{user_name}@example.com")]).to_string(),
    )
}

/// A whole HTTP response whose body ends where the connection closes (no Content-Length).
fn close_delimited(status: u16, content_type: &str, body: &str) -> Reply {
    Reply::Bytes(
        format!("HTTP/1.1 {status} OK\r\nContent-Type: {content_type}\r\nConnection: close\r\n\r\n{body}")
            .into_bytes(),
    )
}

/// Checks the contract for every failure: the exit code, no panic, and exactly one `error:`
/// line ending in `(exit N)`; every other stderr line is a note, a warning or a log line, so a
/// message that spilled onto a second line would be caught. Returns the error line.
fn one_line_error(output: &Output, code: i32) -> String {
    let stderr = stderr_of(output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        !stderr.contains("panicked") && !stdout.contains("panicked"),
        "a panic:\n{stderr}"
    );
    assert_eq!(
        output.status.code(),
        Some(code),
        "exit code\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    let errors = crate::support::error_lines(&stderr);
    assert_eq!(errors.len(), 1, "one error line expected:\n{stderr}");
    for line in stderr.lines() {
        assert!(
            ["error:", "note:", "warning:", "info:", "debug:", "trace:"]
                .iter()
                .any(|prefix| line.starts_with(prefix)),
            "a stderr line that belongs to no message (did the error span lines?): {line:?}\n{stderr}"
        );
    }
    let error = errors[0].to_string();
    assert!(
        error.ends_with(&format!("(exit {code})")),
        "the error line should end with (exit {code}): {error}"
    );
    error
}

/// Checks a success: exit 0, no error line, no panic.
fn succeeded(output: &Output) {
    let stderr = stderr_of(output);
    assert!(!stderr.contains("panicked"), "a panic:\n{stderr}");
    assert_eq!(
        output.status.code(),
        Some(0),
        "exit code\nstdout:\n{}\nstderr:\n{stderr}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(
        !stderr.lines().any(|l| l.starts_with("error:")),
        "an error line on success:\n{stderr}"
    );
}

fn run(env: &TestEnv, server: &FakeServer, args: &[&str]) -> Output {
    env.scimctl_at(&server.url(), TOKEN)
        .args(args)
        .output()
        .expect("scimctl runs")
}

fn gap(requests: &[Recorded], from: usize, to: usize) -> Duration {
    requests[to].at.duration_since(requests[from].at)
}

// ── authentication ──────────────────────────────────────────────────────────────────────────

#[test]
fn a_401_means_the_token_is_refused_and_exits_3() {
    let server =
        FakeServer::start(|_, _| scim_error(401, None, "Bearer token is invalid or expired"));
    let env = TestEnv::new();
    let output = run(&env, &server, &["users", "find", "--username", "jdoe"]);
    let error = one_line_error(&output, 3);
    assert!(error.contains("401"), "{error}");
    assert!(
        error.contains("Bearer token is invalid or expired"),
        "{error}"
    );
    assert_eq!(server.requests().len(), 1, "a 401 is not retried");
}

#[test]
fn a_403_means_the_token_may_not_read_users_and_exits_3() {
    let server =
        FakeServer::start(|_, _| scim_error(403, None, "The token lacks the scim:read scope"));
    let env = TestEnv::new();
    let output = run(&env, &server, &["users", "get", "2819c223"]);
    let error = one_line_error(&output, 3);
    assert!(error.contains("403"), "{error}");
    assert!(
        error.contains("The token lacks the scim:read scope"),
        "{error}"
    );
    assert_eq!(server.requests().len(), 1, "a 403 is not retried");
}

#[test]
fn doctor_against_a_server_refusing_the_token_exits_3_and_says_why() {
    let server = FakeServer::start(|_, _| scim_error(401, None, "Bearer token is invalid"));
    let env = TestEnv::new();
    let output = run(&env, &server, &["doctor", "-o", "json"]);
    assert!(!stderr_of(&output).contains("panicked"));
    assert_eq!(output.status.code(), Some(3), "{}", stderr_of(&output));
    let report = json_of(&output);
    assert_eq!(report["version"], 1);
    assert_eq!(report["usable"], false);
    let token = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "token")
        .expect("a token check");
    assert_eq!(token["status"], "failed");
    assert!(token["detail"].as_str().unwrap().contains("401"), "{token}");
}

// ── 5xx and 429: retried reads ──────────────────────────────────────────────────────────────

#[test]
fn a_503_on_a_read_is_retried_then_exits_5() {
    let server = FakeServer::start(|_, _| scim_error(503, None, "Service is down for maintenance"));
    let env = TestEnv::new();
    let output = run(&env, &server, &["--max-retries", "2", "users", "get", "u1"]);
    let error = one_line_error(&output, 5);
    assert!(error.contains("503"), "{error}");
    assert!(error.contains("Service is down for maintenance"), "{error}");
    assert!(error.contains("after 2 retries"), "{error}");
    let requests = server.requests();
    assert_eq!(requests.len(), 3, "1 + --max-retries 2");
    assert!(
        requests
            .iter()
            .all(|r| r.method == "GET" && r.path() == "/scim/v2/Users/u1")
    );
}

#[test]
fn a_500_on_a_list_is_retried_then_exits_5() {
    let server = FakeServer::start(|_, _| scim_error(500, None, "NullPointerException"));
    let env = TestEnv::new();
    let output = run(&env, &server, &["--max-retries", "1", "users", "list"]);
    let error = one_line_error(&output, 5);
    assert!(error.contains("500"), "{error}");
    assert!(error.contains("after 1 retry"), "{error}");
    // 1 + --max-retries 1, then one plain GET /Users in case only paging parameters fail.
    assert_eq!(server.requests().len(), 3);
    assert_eq!(server.requests()[2].target, "/scim/v2/Users");
}

#[test]
fn a_503_once_then_200_succeeds() {
    let server = FakeServer::start(|_, n| match n {
        0 => scim_error(503, None, "try again"),
        _ => user_reply("u1", "jdoe"),
    });
    let env = TestEnv::new();
    let output = run(
        &env,
        &server,
        &["--max-retries", "1", "users", "get", "u1", "-o", "json"],
    );
    succeeded(&output);
    let doc = json_of(&output);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["user"]["id"], "u1");
    assert_eq!(doc["user"]["userName"], "jdoe");
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_429_with_retry_after_in_seconds_is_waited_out() {
    let server = FakeServer::start(|_, n| match n {
        0 => response_with(
            429,
            &[
                ("Content-Type", "application/scim+json"),
                ("Retry-After", "1"),
            ],
            r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"429","detail":"slow down"}"#,
        ),
        _ => user_reply("u1", "jdoe"),
    });
    let env = TestEnv::new();
    let output = run(
        &env,
        &server,
        &["--max-retries", "1", "users", "get", "u1", "-o", "json"],
    );
    succeeded(&output);
    assert_eq!(json_of(&output)["user"]["userName"], "jdoe");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let waited = gap(&requests, 0, 1);
    assert!(
        waited >= Duration::from_millis(900),
        "Retry-After: 1 was not honoured: the retry came after {waited:?}"
    );
}

#[test]
fn a_429_with_retry_after_as_an_http_date_is_waited_out() {
    // A date on a whole second, 2–3 s from now: HTTP-dates have no fractions, so the wait it
    // asks for is at least 2 s whenever the header is read.
    let server = FakeServer::start(|_, n| match n {
        0 => {
            let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
            let at = UNIX_EPOCH + Duration::from_secs(now.as_secs() + 3);
            let date = httpdate::fmt_http_date(at);
            response_with(
                429,
                &[
                    ("Content-Type", "application/scim+json"),
                    ("Retry-After", &date),
                ],
                r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"429","detail":"rate limited"}"#,
            )
        }
        _ => user_reply("u1", "jdoe"),
    });
    let env = TestEnv::new();
    let output = run(
        &env,
        &server,
        &["--max-retries", "1", "users", "get", "u1", "-o", "json"],
    );
    succeeded(&output);
    assert_eq!(json_of(&output)["user"]["id"], "u1");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let waited = gap(&requests, 0, 1);
    assert!(
        waited >= Duration::from_millis(1500),
        "Retry-After as an HTTP-date ~2 s ahead was not honoured: the retry came after {waited:?}"
    );
}

#[test]
fn a_429_that_never_ends_exits_5() {
    let server = FakeServer::start(|_, _| {
        response_with(
            429,
            &[("Content-Type", "text/plain"), ("Retry-After", "0")],
            "Too Many Requests",
        )
    });
    let env = TestEnv::new();
    let output = run(&env, &server, &["--max-retries", "1", "users", "get", "u1"]);
    let error = one_line_error(&output, 5);
    assert!(error.contains("429"), "{error}");
    assert_eq!(server.requests().len(), 2);
}

// ── timeouts and broken connections ─────────────────────────────────────────────────────────

#[test]
fn a_hung_server_times_out_and_exits_5() {
    let server = FakeServer::start(|_, _| Reply::Hang(Duration::from_secs(10)));
    let env = TestEnv::new();
    let output = run(
        &env,
        &server,
        &["--timeout", "1", "--max-retries", "0", "users", "get", "u1"],
    );
    let error = one_line_error(&output, 5);
    assert!(error.contains("timed out"), "{error}");
    assert!(
        error.contains("--timeout"),
        "the message should say how to wait longer: {error}"
    );
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_hung_server_is_retried_on_a_read() {
    let server = FakeServer::start(|_, _| Reply::Hang(Duration::from_secs(10)));
    let env = TestEnv::new();
    let output = run(
        &env,
        &server,
        &["--timeout", "0.5", "--max-retries", "1", "users", "list"],
    );
    let error = one_line_error(&output, 5);
    assert!(error.contains("timed out"), "{error}");
    assert!(error.contains("after 1 retry"), "{error}");
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_server_that_closes_without_answering_is_retried_then_exits_5() {
    let server = FakeServer::start(|_, _| Reply::Close);
    let env = TestEnv::new();
    let output = run(&env, &server, &["--max-retries", "2", "users", "get", "u1"]);
    let error = one_line_error(&output, 5);
    assert!(
        error.contains("GET /scim/v2/Users/u1 got no answer: the server closed the connection"),
        "{error}"
    );
    assert!(error.contains("after 2 retries"), "{error}");
    assert_eq!(server.requests().len(), 3, "1 + --max-retries 2");
}

#[test]
fn a_refused_connection_exits_5_saying_it_cannot_connect() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let env = TestEnv::new();
    let output = env
        .scimctl_at(&format!("http://127.0.0.1:{port}/scim/v2"), TOKEN)
        .args(["--max-retries", "0", "users", "find", "--username", "jdoe"])
        .output()
        .unwrap();
    let error = one_line_error(&output, 5);
    assert!(error.contains("cannot connect"), "{error}");
    assert!(error.contains(&format!("127.0.0.1:{port}")), "{error}");
}

// ── answers that are not SCIM ───────────────────────────────────────────────────────────────

#[test]
fn an_html_502_page_from_a_proxy_is_retried_then_exits_5_naming_status_and_content_type() {
    let server = FakeServer::start(|_, _| {
        response(
            502,
            "text/html",
            "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n",
        )
    });
    let env = TestEnv::new();
    let output = run(&env, &server, &["--max-retries", "1", "users", "get", "u1"]);
    let error = one_line_error(&output, 5);
    assert!(error.contains("502"), "{error}");
    assert!(error.contains("text/html"), "{error}");
    assert!(
        error.contains("502 Bad Gateway"),
        "the page's title: {error}"
    );
    assert!(
        !error.contains("<h1>"),
        "the raw HTML does not belong in the message: {error}"
    );
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn an_html_404_page_exits_4_naming_status_and_content_type() {
    let server = FakeServer::start(|_, _| {
        response(
            404,
            "text/html; charset=utf-8",
            "<!DOCTYPE html><html><head><title>Page not found</title></head><body>nope</body></html>",
        )
    });
    let env = TestEnv::new();
    let output = run(&env, &server, &["users", "get", "u1"]);
    let error = one_line_error(&output, 4);
    assert!(error.contains("404"), "{error}");
    assert!(error.contains("text/html"), "{error}");
    assert!(error.contains("Page not found"), "{error}");
    assert_eq!(server.requests().len(), 1, "a 404 is not retried");
}

#[test]
fn a_200_whose_json_is_cut_short_exits_5_naming_status_and_content_type() {
    let body = user("u1", "jdoe", &["jdoe@example.com"]).to_string();
    let cut = body[..body.len() / 2].to_string();
    let server = FakeServer::start(move |_, _| close_delimited(200, "application/scim+json", &cut));
    let env = TestEnv::new();
    let output = run(&env, &server, &["--max-retries", "0", "users", "get", "u1"]);
    let error = one_line_error(&output, 5);
    assert!(error.contains("200"), "{error}");
    assert!(error.contains("application/scim+json"), "{error}");
}

#[test]
fn a_200_that_stops_short_of_its_content_length_is_retried_then_exits_5() {
    let server = FakeServer::start(|_, _| {
        let body = r#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userN"#;
        Reply::Truncated(
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/scim+json\r\nContent-Length: 4000\r\nConnection: close\r\n\r\n{body}"
            )
            .into_bytes(),
        )
    });
    let env = TestEnv::new();
    let output = run(&env, &server, &["--max-retries", "1", "users", "get", "u1"]);
    let error = one_line_error(&output, 5);
    assert!(error.contains("200"), "{error}");
    assert!(error.contains("application/scim+json"), "{error}");
    assert!(error.contains("after 1 retry"), "{error}");
    assert_eq!(server.requests().len(), 2, "a broken read is retried");
}

#[test]
fn a_plain_text_200_exits_5_naming_status_and_content_type() {
    let server = FakeServer::start(|_, _| response(200, "text/plain", "OK\n"));
    let env = TestEnv::new();
    let output = run(&env, &server, &["users", "list"]);
    let error = one_line_error(&output, 5);
    assert!(error.contains("200"), "{error}");
    assert!(error.contains("text/plain"), "{error}");
    assert!(error.contains("non-JSON"), "{error}");
    assert_eq!(
        server.requests().len(),
        1,
        "an unreadable 200 is not retried"
    );
}

#[test]
fn an_empty_200_exits_5_naming_status_and_content_type() {
    let server = FakeServer::start(|_, _| response(200, "application/scim+json", ""));
    let env = TestEnv::new();
    let output = run(&env, &server, &["users", "get", "u1"]);
    let error = one_line_error(&output, 5);
    assert!(error.contains("200"), "{error}");
    assert!(error.contains("empty"), "{error}");
    assert!(error.contains("application/scim+json"), "{error}");
}

#[test]
fn json_labelled_text_plain_is_still_read() {
    // Servers mislabel their answers; valid SCIM JSON is accepted whatever the label.
    let server = FakeServer::start(|_, _| {
        response(
            200,
            "text/plain",
            &user("u1", "jdoe", &["jdoe@example.com"]).to_string(),
        )
    });
    let env = TestEnv::new();
    let output = run(&env, &server, &["users", "get", "u1", "-o", "json"]);
    succeeded(&output);
    let doc = json_of(&output);
    assert_eq!(doc["user"]["userName"], "jdoe");
    assert_eq!(doc["user"]["emails"][0]["value"], "jdoe@example.com");
}

#[test]
fn a_huge_body_is_refused_cleanly_with_exit_5() {
    let len = 33 * 1024 * 1024;
    let server = FakeServer::start(move |_, _| Reply::Huge { len });
    let env = TestEnv::new();
    let output = run(&env, &server, &["users", "get", "u1"]);
    let error = one_line_error(&output, 5);
    assert!(error.contains("32 MiB"), "{error}");
    assert!(error.contains("200"), "{error}");
    assert_eq!(
        server.requests().len(),
        1,
        "retrying would only fetch it again"
    );
}

#[test]
fn a_huge_body_without_a_length_is_cut_off_cleanly_with_exit_5() {
    // No Content-Length: the limit is found while reading, not announced up front.
    let head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/scim+json\r\nConnection: close\r\n\r\n";
    let mut bytes = head.as_bytes().to_vec();
    bytes.resize(head.len() + 33 * 1024 * 1024, b' ');
    let bytes = std::sync::Arc::new(bytes);
    let server = FakeServer::start(move |_, _| Reply::Bytes(bytes.to_vec()));
    let env = TestEnv::new();
    let output = run(&env, &server, &["users", "list"]);
    let error = one_line_error(&output, 5);
    assert!(error.contains("32 MiB"), "{error}");
    assert!(error.contains("200"), "{error}");
    assert_eq!(
        server.requests().len(),
        1,
        "retrying would only fetch it again"
    );
}

// ── refusals ────────────────────────────────────────────────────────────────────────────────

#[test]
fn a_404_on_users_get_exits_4_with_the_servers_detail() {
    let server = FakeServer::start(|_, _| {
        scim_error(
            404,
            None,
            "Resource 2819c223-7f76-453a-919d-413861904646 not found",
        )
    });
    let env = TestEnv::new();
    let output = run(
        &env,
        &server,
        &["users", "get", "2819c223-7f76-453a-919d-413861904646"],
    );
    let error = one_line_error(&output, 4);
    assert!(error.contains("404"), "{error}");
    assert!(
        error.contains("Resource 2819c223-7f76-453a-919d-413861904646 not found"),
        "{error}"
    );
    assert_eq!(server.requests().len(), 1, "a 404 is not retried");
}

#[test]
fn an_email_filter_refused_with_invalid_filter_falls_back_to_a_scan_that_finds_a_second_email() {
    let server = FakeServer::start(|request, _| {
        if request.query("filter").is_some() {
            return scim_error(
                400,
                Some("invalidFilter"),
                "Filtering on emails is not supported",
            );
        }
        list_response(
            &[
                user("u1", "alice", &["alice@example.com"]),
                user("u2", "bob", &["bob@example.com", "JDoe@Example.com"]),
                user("u3", "carol", &["carol@example.com"]),
            ],
            3,
        )
    });
    let env = TestEnv::new();
    let output = run(
        &env,
        &server,
        &["users", "find", "--email", "jdoe@example.com", "-o", "json"],
    );
    succeeded(&output);

    let doc = json_of(&output);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["lookup"]["method"], "scan");
    assert_eq!(doc["lookup"]["scanned"], 3);
    let users = doc["users"].as_array().unwrap();
    assert_eq!(users.len(), 1, "{doc}");
    assert_eq!(users[0]["id"], "u2");
    assert_eq!(users[0]["userName"], "bob");

    // A page of users to prove the filters with; each email form tried with an address a
    // listed user holds (alice's, in another case) and refused; the page already read
    // is the whole directory, so it is the scan.
    let requests = server.requests();
    let filters: Vec<Option<String>> = requests.iter().map(|r| r.query("filter")).collect();
    assert_eq!(requests.len(), 3, "{filters:?}");
    assert!(
        requests
            .iter()
            .all(|r| r.method == "GET" && r.path() == "/scim/v2/Users")
    );
    assert_eq!(filters[0], None, "the users to take values from");
    assert_eq!(
        filters[1].as_deref(),
        Some(r#"emails.value eq "ALICE@EXAMPLE.COM""#)
    );
    assert_eq!(
        filters[2].as_deref(),
        Some(r#"emails[value eq "ALICE@EXAMPLE.COM"]"#)
    );

    let stderr = stderr_of(&output);
    let notes: Vec<&str> = stderr.lines().filter(|l| l.starts_with("note:")).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("'emails.value eq' is refused")
                && n.contains("'emails[value eq]' is refused")),
        "{stderr}"
    );
    assert!(notes.iter().any(|n| n.contains("all 3 users")), "{stderr}");
}

/// A server holding `total` users that answers 400 to any unfiltered `count` above `max_count`,
/// the way Pulumi Cloud refuses counts above 100, and otherwise pages by `startIndex`.
fn capped_server(total: usize, max_count: u64) -> FakeServer {
    FakeServer::start(move |request, _| {
        let count: u64 = request
            .query("count")
            .and_then(|c| c.parse().ok())
            .unwrap_or(100);
        if count > max_count {
            return scim_error(
                400,
                Some("invalidValue"),
                &format!("count must be between 1 and {max_count}"),
            );
        }
        let start: usize = request
            .query("startIndex")
            .and_then(|s| s.parse().ok())
            .unwrap_or(1);
        let users: Vec<Value> = (start..=total)
            .take(count as usize)
            .map(|i| {
                user(
                    &format!("u{i:03}"),
                    &format!("user{i:03}"),
                    &[&format!("user{i:03}@example.com")],
                )
            })
            .collect();
        list_response(&users, total)
    })
}

fn listed_ids(output: &Output) -> Vec<String> {
    let doc = json_of(output);
    assert_eq!(doc["version"], 1);
    let ids: Vec<String> = doc["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(doc["totalResults"], ids.len());
    ids
}

fn expected_ids(total: usize) -> Vec<String> {
    (1..=total).map(|i| format!("u{i:03}")).collect()
}

#[test]
fn a_server_refusing_counts_above_100_still_lists_all_250_users() {
    let server = capped_server(250, 100);
    let env = TestEnv::new();
    let output = run(&env, &server, &["users", "list", "-o", "json"]);
    succeeded(&output);
    assert_eq!(listed_ids(&output), expected_ids(250));
    let requests = server.requests();
    let counts: Vec<u64> = requests
        .iter()
        .map(|r| r.query("count").unwrap().parse().unwrap())
        .collect();
    assert!(counts.iter().all(|c| *c <= 100), "{counts:?}");
    let starts: Vec<String> = requests
        .iter()
        .map(|r| r.query("startIndex").unwrap())
        .collect();
    assert_eq!(starts, ["1", "101", "201"], "three pages of 100");
}

#[test]
fn a_server_refusing_counts_above_50_makes_scimctl_ask_for_smaller_pages() {
    let server = capped_server(250, 50);
    let env = TestEnv::new();
    let output = run(&env, &server, &["users", "list", "-o", "json"]);
    succeeded(&output);
    assert_eq!(listed_ids(&output), expected_ids(250));
    let requests = server.requests();
    let asked: Vec<(String, String)> = requests
        .iter()
        .map(|r| (r.query("startIndex").unwrap(), r.query("count").unwrap()))
        .collect();
    assert_eq!(
        asked[0],
        ("1".to_string(), "100".to_string()),
        "the first page asks for 100: {asked:?}"
    );
    assert!(
        asked[1..].iter().all(|(_, count)| count == "50"),
        "after one refusal every page asks for 50: {asked:?}"
    );
    assert_eq!(
        requests.len(),
        6,
        "one refused page, then five of 50: {asked:?}"
    );
}
