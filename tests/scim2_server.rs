//! The binary against scim2-server: a SCIM 2.0 server nobody here wrote. Its quirks (HTTP/1.0,
//! a connection per request, a silent page cap of 1000, `+` decoded as a space in query
//! strings) are the point; the tests do not paper over them.

use serde_json::{Value, json};

use crate::support::{Scim2Server, TestEnv, json_of, stderr_of};

fn find(env: &TestEnv, server: &Scim2Server, args: &[&str]) -> Value {
    let output = env
        .scimctl_at(&server.url(), &server.token)
        .args(["users", "find"])
        .args(args)
        .args(["-o", "json"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        stderr_of(&output)
    );
    json_of(&output)
}

fn user_names(doc: &Value) -> Vec<String> {
    doc["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["userName"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn finds_a_username_typed_in_another_case() {
    let server = Scim2Server::start();
    server.create_user(json!({"userName": "JDoe", "externalId": "00u1", "emails": [{"value": "jdoe@example.com", "primary": true}]}));
    server.create_user(json!({"userName": "jdoe2"}));
    let env = TestEnv::new();

    let doc = find(&env, &server, &["--username", "jdoe"]);

    assert_eq!(doc["version"], 1);
    assert_eq!(user_names(&doc), ["JDoe"]);
    assert_eq!(doc["users"][0]["externalId"], "00u1");
    assert_eq!(doc["lookup"]["attribute"], "userName");
    assert_eq!(doc["lookup"]["method"], "filter");
    assert_eq!(doc["lookup"]["filter"], "userName eq \"jdoe\"");
}

#[test]
fn finds_an_email_that_is_a_users_second_address() {
    let server = Scim2Server::start();
    server.create_user(json!({"userName": "alice", "emails": [
        {"value": "alice@work.example", "type": "work", "primary": true},
        {"value": "Alice.Home@Example.org", "type": "home"}
    ]}));
    server.create_user(
        json!({"userName": "bob", "emails": [{"value": "bob@work.example", "primary": true}]}),
    );
    let env = TestEnv::new();

    let doc = find(&env, &server, &["--email", "alice.home@example.org"]);

    assert_eq!(user_names(&doc), ["alice"]);
    assert_eq!(doc["totalResults"], 1);
    assert_eq!(doc["lookup"]["attribute"], "emails");
}

#[test]
fn finds_emails_with_quotes_backslashes_plus_signs_and_non_ascii() {
    let server = Scim2Server::start();
    let tricky = [
        r#"quo"te@example.com"#,
        r"back\slash@example.com",
        "first+tag@example.com",
        "josé@exämple.com",
        "50%&off#1@example.com",
    ];
    for (n, email) in tricky.iter().enumerate() {
        server.create_user(json!({"userName": format!("tricky-{n}"), "emails": [
            {"value": "decoy@example.com"}, {"value": email}
        ]}));
    }
    // A user whose address differs only by a space where the `+` is: a server that decodes `+`
    // as a space would return it for the plus-tagged lookup.
    server
        .create_user(json!({"userName": "spacey", "emails": [{"value": "first tag@example.com"}]}));
    let env = TestEnv::new();

    for (n, email) in tricky.iter().enumerate() {
        let doc = find(&env, &server, &["--email", email]);
        assert_eq!(
            user_names(&doc),
            [format!("tricky-{n}")],
            "looking up {email}"
        );
    }
}

#[test]
fn an_external_id_is_matched_exactly_and_finding_nobody_is_not_an_error() {
    let server = Scim2Server::start();
    server.create_user(json!({"userName": "carol", "externalId": "okta-ABC"}));
    let env = TestEnv::new();

    assert_eq!(
        user_names(&find(&env, &server, &["--external-id", "okta-ABC"])),
        ["carol"]
    );
    let nobody = find(&env, &server, &["--external-id", "okta-abc"]);
    assert_eq!(nobody["users"], json!([]));
    assert_eq!(nobody["totalResults"], 0);

    let table = env
        .scimctl_at(&server.url(), &server.token)
        .args(["users", "find", "--username", "nobody-here"])
        .output()
        .unwrap();
    assert_eq!(table.status.code(), Some(0));
    assert!(table.stdout.is_empty());
    assert!(stderr_of(&table).contains("No user holds userName \"nobody-here\""));
}

#[test]
fn gets_a_user_by_id_with_its_version() {
    let server = Scim2Server::start();
    let created =
        server.create_user(json!({"userName": "dave", "emails": [{"value": "dave@example.com"}]}));
    let id = created["id"].as_str().unwrap();
    let env = TestEnv::new();

    let output = env
        .scimctl_at(&server.url(), &server.token)
        .args(["users", "get", id, "-o", "json"])
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let doc = json_of(&output);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["user"]["id"], id);
    assert_eq!(doc["user"]["userName"], "dave");
    assert_eq!(doc["etag"], created["meta"]["version"]);
}

#[test]
fn an_unknown_id_exits_4_with_the_servers_message() {
    let server = Scim2Server::start();
    let env = TestEnv::new();

    let output = env
        .scimctl_at(&server.url(), &server.token)
        .args(["users", "get", "no-such-id"])
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(4));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("404"), "{stderr}");
    assert!(stderr.contains("User 'no-such-id' not found"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
}

#[test]
fn lists_every_user_across_several_pages() {
    let server = Scim2Server::start();
    server.create_users("paged", 230);
    let env = TestEnv::new();

    let output = env
        .scimctl_at(&server.url(), &server.token)
        .args(["users", "list", "-o", "json", "-v"])
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let doc = json_of(&output);
    let mut names = user_names(&doc);
    assert_eq!(names.len(), 230);
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 230, "every user exactly once");
    let pages = stderr_of(&output).matches("GET /v2/Users →").count();
    assert_eq!(pages, 3, "100 + 100 + 30: {}", stderr_of(&output));
}

#[test]
fn list_respects_limit_and_filter_and_streams_ndjson() {
    let server = Scim2Server::start();
    server.create_users("many", 120);
    server.create_user(json!({"userName": "gone", "active": false}));
    let env = TestEnv::new();

    let limited = env
        .scimctl_at(&server.url(), &server.token)
        .args(["users", "list", "--limit", "105", "-o", "ndjson"])
        .output()
        .unwrap();
    assert_eq!(limited.status.code(), Some(0), "{}", stderr_of(&limited));
    let lines: Vec<Value> = String::from_utf8(limited.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 105);
    assert!(lines.iter().all(|u| u["id"].is_string()));

    let inactive = env
        .scimctl_at(&server.url(), &server.token)
        .args(["users", "list", "--filter", "active eq false", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(user_names(&json_of(&inactive)), ["gone"]);
}

#[test]
fn doctor_reports_what_this_server_supports() {
    let server = Scim2Server::start();
    server.create_users("doc", 3);
    server.create_user(json!({"userName": "ext", "externalId": "Okta-00uA"}));
    let env = TestEnv::new();

    let output = env
        .scimctl_at(&server.url(), &server.token)
        .args(["doctor", "-o", "json"])
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let doc = json_of(&output);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["usable"], true);
    assert_eq!(doc["usersVisible"], 4);
    // externalId is caseExact (RFC 7643 §3.1): found as held, not in another case.
    assert_eq!(
        doc["filters"]["externalId eq"],
        json!({"state": "verified", "ignoresCase": false})
    );
    for form in ["userName eq", "emails.value eq", "emails[value eq]"] {
        // Proven with the values the three users hold: found in another case, others left out.
        assert_eq!(
            doc["filters"][form],
            json!({"state": "verified", "ignoresCase": true}),
            "{form}"
        );
    }
    assert_eq!(doc["orFilter"]["state"], "verified");
    assert_eq!(doc["userNameCaseInsensitive"], true);
    assert_eq!(doc["searchEndpoint"], true);
    assert_eq!(doc["etag"], true);
    assert_eq!(doc["provider"]["id"], "generic");
    assert_eq!(doc["declaredUnique"], json!(["userName (server)"]));
    let checks = doc["checks"].as_array().unwrap();
    assert!(checks.iter().all(|c| c["status"] != "failed"), "{checks:?}");
}

#[test]
fn doctor_with_a_wrong_token_exits_3() {
    let server = Scim2Server::start();
    let env = TestEnv::new();

    let output = env
        .scimctl_at(&server.url(), "not-the-token")
        .args(["doctor", "-o", "json"])
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(3));
    let doc = json_of(&output);
    assert_eq!(doc["usable"], false);
    let token = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "token")
        .unwrap();
    assert_eq!(token["status"], "failed");
    assert!(token["detail"].as_str().unwrap().contains("401"));
}
