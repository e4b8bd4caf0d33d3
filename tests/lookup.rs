//! How lookups adapt to what a server can do, and remember it: refused filter forms, a provider
//! that cannot filter on emails, cursor paging, GET refused in favour of POST /.search, and
//! servers that ignore what they are asked.

use std::sync::Arc;

use serde_json::{Value, json};

use crate::support::{
    FakeServer, Recorded, Reply, TestEnv, json_of, list_response, response, scim_error, stderr_of,
};

/// 250 users; user 137 holds `target@example.com` as a second, non-primary address.
fn directory() -> Arc<Vec<Value>> {
    Arc::new(
        (0..250)
            .map(|n| {
                let mut emails =
                    vec![json!({"value": format!("user{n}@example.com"), "primary": true})];
                if n == 137 {
                    emails.push(json!({"value": "Target@Example.com", "type": "home"}));
                }
                json!({"id": format!("id-{n}"), "userName": format!("user{n}"), "emails": emails})
            })
            .collect(),
    )
}

/// Serves `users` by startIndex/count, capped at `cap` a page, refusing filters that `accept`
/// rejects with 400 invalidFilter. An accepted filter is evaluated as userName or email eq.
fn paged_server(users: Arc<Vec<Value>>, cap: usize, accept: fn(&str) -> bool) -> FakeServer {
    FakeServer::start(move |request, _| {
        if let Some(filter) = request.query("filter") {
            if !accept(&filter) {
                return scim_error(
                    400,
                    Some("invalidFilter"),
                    "Only userName eq filters are supported",
                );
            }
            let value = filter.split('"').nth(1).unwrap_or("").to_lowercase();
            let hits: Vec<Value> = users
                .iter()
                .filter(|u| {
                    u["userName"].as_str().unwrap().to_lowercase() == value
                        || u["emails"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|e| e["value"].as_str().unwrap().to_lowercase() == value)
                })
                .cloned()
                .collect();
            let total = hits.len();
            return list_response(&hits, total);
        }
        page_of(&users, request, cap)
    })
}

fn page_of(users: &[Value], request: &Recorded, cap: usize) -> Reply {
    let start: usize = request
        .query("startIndex")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1);
    let count: usize = request
        .query("count")
        .and_then(|s| s.parse().ok())
        .unwrap_or(cap)
        .min(cap);
    let page: Vec<Value> = users.iter().skip(start - 1).take(count).cloned().collect();
    list_response(&page, users.len())
}

fn find_email(env: &TestEnv, server: &FakeServer, extra: &[&str]) -> std::process::Output {
    env.scimctl_at(&server.url(), "token-xyz")
        .args([
            "users",
            "find",
            "--email",
            "target@example.com",
            "-o",
            "json",
        ])
        .args(extra)
        .output()
        .unwrap()
}

fn filters_sent(requests: &[Recorded]) -> Vec<String> {
    requests.iter().filter_map(|r| r.query("filter")).collect()
}

#[test]
fn refused_email_filters_fall_back_to_a_scan_and_are_remembered() {
    let server = paged_server(directory(), 100, |f| f.starts_with("userName eq"));
    let env = TestEnv::new();

    let first = find_email(&env, &server, &[]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr_of(&first));
    let doc = json_of(&first);
    assert_eq!(doc["users"][0]["id"], "id-137");
    assert_eq!(doc["lookup"]["method"], "scan");
    assert_eq!(doc["lookup"]["scanned"], 250);
    // Each email form is proven with an address a listed user holds (in another case), never
    // with the value asked for; both are refused.
    assert_eq!(
        filters_sent(&server.requests()),
        [
            r#"emails.value eq "USER0@EXAMPLE.COM""#,
            r#"emails[value eq "USER0@EXAMPLE.COM"]"#
        ]
    );
    let stderr = stderr_of(&first);
    assert!(
        stderr.contains("'emails.value eq' is refused here; 'emails[value eq]' is refused here"),
        "{stderr}"
    );
    assert!(stderr.contains("read all 250 users (3 pages)"), "{stderr}");

    // The second run knows: no request is spent on filters the server refuses.
    let before = server.requests().len();
    let second = find_email(&env, &server, &[]);
    assert_eq!(json_of(&second)["users"][0]["id"], "id-137");
    let again = &server.requests()[before..];
    assert!(filters_sent(again).is_empty(), "{:?}", filters_sent(again));
    assert_eq!(again.len(), 3, "three pages of the scan and nothing else");
}

#[test]
fn pulumi_cannot_filter_on_email_so_no_request_is_wasted_trying() {
    let server = paged_server(directory(), 100, |f| f.starts_with("userName eq"));
    let env = TestEnv::new();

    let output = find_email(&env, &server, &["--provider", "pulumi"]);

    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(json_of(&output)["users"][0]["userName"], "user137");
    assert!(filters_sent(&server.requests()).is_empty());
    assert!(stderr_of(&output).contains("Pulumi Cloud cannot filter users by email"));
}

#[test]
fn a_server_that_returns_fewer_than_asked_is_paged_by_what_it_returned() {
    let server = paged_server(directory(), 40, |_| false);
    let env = TestEnv::new();

    let output = env
        .scimctl_at(&server.url(), "t")
        .args(["users", "list", "-o", "json"])
        .output()
        .unwrap();

    let doc = json_of(&output);
    assert_eq!(doc["users"].as_array().unwrap().len(), 250);
    let starts: Vec<String> = server
        .requests()
        .iter()
        .filter_map(|r| r.query("startIndex"))
        .collect();
    assert_eq!(starts, ["1", "41", "81", "121", "161", "201", "241"]);
}

#[test]
fn cursor_paging_is_followed_to_the_end() {
    let users = directory();
    let server = FakeServer::start(move |request, _| {
        // Pages only by cursor (RFC 9865), like AWS IAM Identity Center: startIndex is ignored.
        let offset: usize = request
            .query("cursor")
            .and_then(|c| c.strip_prefix("c").map(str::to_string))
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let page: Vec<Value> = users.iter().skip(offset).take(100).cloned().collect();
        let mut body = json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
            "itemsPerPage": page.len(),
            "Resources": page,
        });
        if offset + 100 < users.len() {
            body["nextCursor"] = format!("c{}", offset + 100).into();
        }
        response(200, "application/scim+json", &body.to_string())
    });
    let env = TestEnv::new();

    let output = env
        .scimctl_at(&server.url(), "t")
        .args(["users", "list", "-o", "json"])
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(json_of(&output)["users"].as_array().unwrap().len(), 250);
    let cursors: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| r.query("cursor"))
        .collect();
    assert_eq!(cursors, [None, Some("c100".into()), Some("c200".into())]);
}

#[test]
fn get_refused_falls_back_to_post_search_and_is_remembered() {
    let users = directory();
    let server =
        FakeServer::start(
            move |request, _| match (request.method.as_str(), request.path()) {
                ("GET", "/scim/v2/Users") => scim_error(405, None, "Use POST /Users/.search"),
                ("POST", "/scim/v2/Users/.search") => {
                    let body: Value = serde_json::from_slice(&request.body).unwrap();
                    assert_eq!(
                        body["schemas"][0],
                        "urn:ietf:params:scim:api:messages:2.0:SearchRequest"
                    );
                    let Some(filter) = body["filter"].as_str() else {
                        let count = body["count"].as_u64().unwrap_or(100) as usize;
                        let start = body["startIndex"].as_u64().unwrap_or(1).max(1) as usize;
                        let page: Vec<Value> =
                            users.iter().skip(start - 1).take(count).cloned().collect();
                        return list_response(&page, users.len());
                    };
                    let value = filter.split('"').nth(1).unwrap().to_lowercase();
                    let hits: Vec<Value> = users
                        .iter()
                        .filter(|u| u["userName"].as_str().unwrap().to_lowercase() == value)
                        .cloned()
                        .collect();
                    list_response(&hits, hits.len())
                }
                _ => scim_error(404, None, "no such endpoint"),
            },
        );
    let env = TestEnv::new();
    let find = |name: &str| {
        env.scimctl_at(&server.url(), "t")
            .args(["users", "find", "--username", name, "-o", "json"])
            .output()
            .unwrap()
    };

    assert_eq!(json_of(&find("user7"))["users"][0]["id"], "id-7");
    assert_eq!(json_of(&find("user8"))["users"][0]["id"], "id-8");
    let methods: Vec<String> = server
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.path()))
        .collect();
    // GET refused once; then by POST: a page of users, userName eq proven with one of them,
    // and the two lookups. The second run spends nothing on either lesson.
    assert_eq!(
        methods,
        [
            "GET /scim/v2/Users",
            "POST /scim/v2/Users/.search",
            "POST /scim/v2/Users/.search",
            "POST /scim/v2/Users/.search",
            "POST /scim/v2/Users/.search"
        ]
    );
}

#[test]
fn a_server_that_ignores_start_index_does_not_loop_forever() {
    let users = directory();
    let server = FakeServer::start(move |_, _| list_response(&users[..100], 250));
    let env = TestEnv::new();

    let output = env
        .scimctl_at(&server.url(), "t")
        .args(["users", "list", "-o", "json"])
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(json_of(&output)["users"].as_array().unwrap().len(), 100);
    assert!(
        stderr_of(&output).contains("it may ignore startIndex"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_server_that_ignores_the_filter_does_not_produce_false_holders() {
    let users = directory();
    // Answers every query with the first page of everyone, whatever the filter says.
    let server = FakeServer::start(move |_, _| list_response(&users[..10], 10));
    let env = TestEnv::new();

    let output = env
        .scimctl_at(&server.url(), "t")
        .args(["users", "find", "--username", "USER3", "-o", "json"])
        .output()
        .unwrap();

    let doc = json_of(&output);
    let ids: Vec<&str> = doc["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["id-3"]);
}
