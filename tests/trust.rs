//! Never a false "nobody holds it": servers whose filters compare case-sensitively, match
//! nothing, refuse one value's characters, or send ETags they do not honour — and scimctl,
//! which proves what each server does before believing an empty answer (issue 8).

use std::sync::Arc;

use serde_json::{Value, json};

use crate::support::{
    FakeServer, Recorded, Reply, SandboxProcess, TestEnv, json_of, list_response, response,
    response_with, scim_error, stderr_of,
};

/// How the fake server bends SCIM.
#[derive(Clone, Copy, Default)]
struct Quirks {
    /// Filter values compare exactly (SCIMMY does this for userName).
    case_sensitive: bool,
    /// Filters on emails and externalId answer 200 with nobody, whatever the value.
    silently_empty: bool,
    /// A value containing `"` is answered 400 invalidFilter.
    refuses_quotes: bool,
}

fn person(n: usize) -> Value {
    json!({
        "id": format!("id-{n}"),
        "userName": format!("user{n}"),
        "emails": [{"value": format!("user{n}@example.com"), "primary": true}],
        "externalId": format!("ext-{n}"),
    })
}

/// `extra` plus `filler` ordinary users.
fn directory(extra: Vec<Value>, filler: usize) -> Arc<Vec<Value>> {
    Arc::new(extra.into_iter().chain((0..filler).map(person)).collect())
}

fn jlee() -> Value {
    json!({
        "id": "id-jlee",
        "userName": "JLee",
        "emails": [
            {"value": "jlee@corp.example", "primary": true},
            {"value": "Jordan.Lee@Acme.example", "type": "other"}
        ],
        "externalId": "00uJLEE",
    })
}

/// Serves `users` with startIndex/count paging and a small filter evaluator (`eq` on userName,
/// emails.value, emails[value eq], externalId, joined by `or`), bent by `quirks`.
fn quirky_server(users: Arc<Vec<Value>>, quirks: Quirks) -> FakeServer {
    FakeServer::start(move |request, _| {
        if let Some(id) = request.path().strip_prefix("/scim/v2/Users/") {
            return match users.iter().find(|u| u["id"] == id) {
                Some(user) => response(200, "application/scim+json", &user.to_string()),
                None => scim_error(404, None, "not found"),
            };
        }
        if request.path() != "/scim/v2/Users" {
            return scim_error(404, None, "not found");
        }
        let Some(filter) = request.query("filter") else {
            return page(&users, request);
        };
        if quirks.refuses_quotes && filter.contains("\\\"") {
            return scim_error(400, Some("invalidFilter"), "Unexpected character in filter");
        }
        let clauses: Vec<(String, String)> = filter.split(" or ").filter_map(clause).collect();
        let hits: Vec<Value> = users
            .iter()
            .filter(|u| {
                clauses
                    .iter()
                    .any(|(attr, value)| holds(u, attr, value, quirks))
            })
            .cloned()
            .collect();
        list_response(&hits, hits.len())
    })
}

fn page(users: &[Value], request: &Recorded) -> Reply {
    let start: usize = request
        .query("startIndex")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1usize)
        .max(1);
    let count: usize = request
        .query("count")
        .and_then(|s| s.parse().ok())
        .unwrap_or(100usize)
        .min(100);
    let slice: Vec<Value> = users.iter().skip(start - 1).take(count).cloned().collect();
    list_response(&slice, users.len())
}

/// `attr eq "value"` → (attr, value); `emails[value eq "x"]` → ("emails.value", x).
fn clause(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    let (attr, literal) = match text.strip_prefix("emails[value eq ") {
        Some(rest) => (
            "emails.value".to_string(),
            rest.strip_suffix(']')?.to_string(),
        ),
        None => {
            let (attr, rest) = text.split_once(" eq ")?;
            (attr.to_string(), rest.to_string())
        }
    };
    let value: String = serde_json::from_str(&literal).ok()?;
    Some((attr, value))
}

fn holds(user: &Value, attr: &str, value: &str, quirks: Quirks) -> bool {
    let same = |stored: &str| {
        if quirks.case_sensitive {
            stored == value
        } else {
            stored.to_lowercase() == value.to_lowercase()
        }
    };
    match attr {
        "userName" => user["userName"].as_str().is_some_and(same),
        "emails.value" if !quirks.silently_empty => user["emails"]
            .as_array()
            .is_some_and(|es| es.iter().any(|e| e["value"].as_str().is_some_and(same))),
        "externalId" if !quirks.silently_empty => user["externalId"].as_str() == Some(value),
        _ => false,
    }
}

fn scimctl(env: &TestEnv, server: &FakeServer, args: &[&str]) -> std::process::Output {
    env.scimctl_at(&server.url(), "t")
        .args(args)
        .output()
        .unwrap()
}

fn ids(doc: &Value) -> Vec<String> {
    doc["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_case_sensitive_filter_never_hides_a_holder_in_another_case() {
    let server = quirky_server(
        directory(vec![jlee()], 40),
        Quirks {
            case_sensitive: true,
            ..Quirks::default()
        },
    );
    let env = TestEnv::new();

    let find = scimctl(
        &env,
        &server,
        &["users", "find", "--username", "jlee", "-o", "json"],
    );
    assert_eq!(find.status.code(), Some(0), "{}", stderr_of(&find));
    let doc = json_of(&find);
    assert_eq!(ids(&doc), ["id-jlee"], "{doc}");
    assert_eq!(doc["lookup"]["method"], "scan");
    assert!(
        stderr_of(&find).contains("'userName eq' is case-sensitive here"),
        "{}",
        stderr_of(&find)
    );

    let diagnose = scimctl(
        &env,
        &server,
        &["diagnose", "--username", "jlee", "-o", "json"],
    );
    assert_eq!(diagnose.status.code(), Some(1), "{}", stderr_of(&diagnose));
    let report = json_of(&diagnose);
    assert_eq!(report["verdict"], "conflict");
    assert_eq!(report["findings"][0]["match"], "case");
    assert_eq!(report["findings"][0]["stored"], "JLee");

    let doctor = scimctl(&env, &server, &["doctor", "-o", "json"]);
    let doc = json_of(&doctor);
    assert_eq!(
        doc["filters"]["userName eq"],
        json!({"state": "verified", "ignoresCase": false})
    );
    assert_eq!(doc["userNameCaseInsensitive"], false);
}

#[test]
fn filters_that_silently_match_nothing_are_caught_and_read_around() {
    let server = quirky_server(
        directory(vec![jlee()], 40),
        Quirks {
            silently_empty: true,
            ..Quirks::default()
        },
    );
    let env = TestEnv::new();

    let doctor = scimctl(&env, &server, &["doctor", "-o", "json"]);
    let doc = json_of(&doctor);
    for form in ["emails.value eq", "emails[value eq]", "externalId eq"] {
        assert_eq!(
            doc["filters"][form]["state"], "matchesNothing",
            "{form}: {doc}"
        );
    }
    let filters = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "filters")
        .unwrap();
    assert_eq!(filters["status"], "warning");

    // A second address, in another case, behind a filter that never matches.
    let find = scimctl(
        &env,
        &server,
        &[
            "users",
            "find",
            "--email",
            "jordan.lee@acme.example",
            "-o",
            "json",
        ],
    );
    assert_eq!(ids(&json_of(&find)), ["id-jlee"], "{}", stderr_of(&find));

    let diagnose = scimctl(
        &env,
        &server,
        &["diagnose", "--external-id", "00uJLEE", "-o", "json"],
    );
    assert_eq!(diagnose.status.code(), Some(1), "{}", stderr_of(&diagnose));
    assert_eq!(json_of(&diagnose)["findings"][0]["holder"]["id"], "id-jlee");

    // Linking another account to an externalId someone already holds is caught before a write.
    let link = scimctl(
        &env,
        &server,
        &["link", "id-3", "--external-id", "00uJLEE", "--dry-run"],
    );
    assert_ne!(link.status.code(), Some(0), "{}", stderr_of(&link));
    assert!(stderr_of(&link).contains("id-jlee"), "{}", stderr_of(&link));
}

#[test]
fn a_value_the_server_cannot_parse_does_not_poison_later_lookups() {
    let server = quirky_server(
        directory(vec![jlee()], 10),
        Quirks {
            refuses_quotes: true,
            ..Quirks::default()
        },
    );
    let env = TestEnv::new();

    let odd = scimctl(
        &env,
        &server,
        &["users", "find", "--username", "a\"b", "-o", "json"],
    );
    assert_eq!(odd.status.code(), Some(0), "{}", stderr_of(&odd));
    assert_eq!(json_of(&odd)["lookup"]["method"], "scan");
    assert!(
        stderr_of(&odd).contains("although it accepts that form for other values"),
        "{}",
        stderr_of(&odd)
    );

    let before = server.requests().len();
    let plain = scimctl(
        &env,
        &server,
        &["users", "find", "--username", "JLEE", "-o", "json"],
    );
    let doc = json_of(&plain);
    assert_eq!(ids(&doc), ["id-jlee"]);
    assert_eq!(doc["lookup"]["method"], "filter", "{doc}");
    assert_eq!(
        server.requests().len() - before,
        1,
        "one filtered request, nothing re-proven"
    );
}

#[test]
fn past_the_scan_budget_scimctl_says_it_cannot_tell() {
    let server = quirky_server(
        directory(vec![], 300),
        Quirks {
            case_sensitive: true,
            ..Quirks::default()
        },
    );
    let env = TestEnv::new();

    let capped = scimctl(
        &env,
        &server,
        &[
            "users",
            "find",
            "--username",
            "nobody-here",
            "--max-scan",
            "100",
        ],
    );
    assert_eq!(capped.status.code(), Some(5), "{}", stderr_of(&capped));
    let stderr = stderr_of(&capped);
    let error = crate::support::error_lines(&stderr);
    assert_eq!(error.len(), 1, "{stderr}");
    assert!(error[0].contains("cannot tell whether any account holds userName \"nobody-here\""));
    assert!(error[0].contains("--max-scan 0"), "{}", error[0]);
    assert!(error[0].contains("(exit 5)"), "{}", error[0]);
    assert!(!stderr.contains("No user holds"), "{stderr}");

    // Within the default budget the same question is answered, by reading all 300.
    let answered = scimctl(
        &env,
        &server,
        &["users", "find", "--username", "nobody-here", "-o", "json"],
    );
    assert_eq!(answered.status.code(), Some(0), "{}", stderr_of(&answered));
    let doc = json_of(&answered);
    assert_eq!(doc["lookup"]["scanned"], 300);
    assert_eq!(doc["users"], json!([]));
}

#[test]
fn an_etag_header_alone_is_not_taken_for_protection() {
    let users = directory(vec![jlee()], 3);
    let server = FakeServer::start(move |request, _| {
        match request.path() {
        "/scim/v2/ServiceProviderConfig" => response(
            200,
            "application/scim+json",
            &json!({"etag": {"supported": false}, "filter": {"supported": true, "maxResults": 100}})
                .to_string(),
        ),
        "/scim/v2/Users/id-jlee" => response_with(
            200,
            &[("Content-Type", "application/scim+json"), ("ETag", "\"body-hash-1\"")],
            &jlee().to_string(),
        ),
        "/scim/v2/Users" => page(&users, request),
        _ => scim_error(404, None, "not found"),
    }
    });
    let env = TestEnv::new();

    let doctor = scimctl(&env, &server, &["doctor", "-o", "json"]);
    let doc = json_of(&doctor);
    assert_eq!(doc["etag"], false, "{doc}");
    let etag = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "ETags")
        .unwrap();
    assert_eq!(etag["status"], "warning");
    let detail = etag["detail"].as_str().unwrap();
    assert!(detail.contains("does not advertise"), "{detail}");
    assert!(!detail.contains("writes will send If-Match"), "{detail}");
}

#[test]
fn github_login_normalisation_is_looked_up_without_deep() {
    let env = TestEnv::new();
    let seed = env.path().join("seed.json");
    std::fs::write(
        &seed,
        json!({"tenants": [{"name": "acme", "users": [
            {"userName": "J_Doe", "emails": [{"value": "jd@acme.example", "primary": true}]},
            {"userName": "someone", "emails": [{"value": "s@acme.example", "primary": true}]}
        ]}]})
        .to_string(),
    )
    .unwrap();
    let sandbox = SandboxProcess::start(
        &env,
        &["--provider", "github-emu", "--seed", seed.to_str().unwrap()],
    );

    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .args([
            "diagnose",
            "--username",
            "j.doe@acme.example",
            "--provider",
            "github-emu",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let report = json_of(&output);
    assert_eq!(report["verdict"], "conflict");
    assert_eq!(report["findings"][0]["stored"], "J_Doe");
    assert_eq!(report["findings"][0]["match"], "normalized");

    // What the diagnosis predicted is what the service does with the create.
    let create = sandbox.call(
        "POST",
        "/Users",
        Some(&json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "j.doe@acme.example"})),
    );
    assert_eq!(create.status, 409);
}

#[test]
fn every_value_the_payload_and_the_error_name_is_looked_up() {
    let mut bwayne = person(900);
    bwayne["userName"] = "bwayne".into();
    let mut stored_lower = person(901);
    stored_lower["emails"] = json!([{"value": "jordan.lee@acme.example", "primary": true}]);
    let server = quirky_server(
        directory(vec![bwayne, stored_lower], 5),
        Quirks {
            case_sensitive: true,
            ..Quirks::default()
        },
    );
    let env = TestEnv::new();
    let payload = env.path().join("ckent.json");
    std::fs::write(
        &payload,
        json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "ckent",
               "emails": [{"value": "Jordan.Lee@Acme.example", "primary": true}]})
        .to_string(),
    )
    .unwrap();
    let error = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "409",
        "scimType": "uniqueness",
        "detail": "User with userName bwayne already exists; 'jordan.lee@acme.example' is already in use"})
    .to_string();

    let output = scimctl(
        &env,
        &server,
        &[
            "diagnose",
            "--payload",
            payload.to_str().unwrap(),
            "--error",
            &error,
            "-o",
            "json",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let report = json_of(&output);
    let holders: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["holder"]["id"].as_str().unwrap_or("hidden"))
        .collect();
    assert!(
        holders.contains(&"id-900"),
        "bwayne, named only by the error: {report}"
    );
    assert!(
        holders.contains(&"id-901"),
        "the email in the server's spelling: {report}"
    );
    assert!(!holders.contains(&"hidden"), "{report}");
    let warnings = report["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w["kind"] == "sourcesDisagree" && w["value"] == "bwayne"),
        "{report}"
    );
}

#[test]
fn a_clear_result_on_pulumi_covers_only_what_the_token_sees() {
    let env = TestEnv::new();
    let faq = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/faq.json");
    let sandbox = SandboxProcess::start(&env, &["--provider", "pulumi", "--seed", faq]);

    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .args([
            "diagnose",
            "--email",
            "jane.doe@acme.example",
            "--provider",
            "pulumi",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let report = json_of(&output);
    assert_eq!(report["verdict"], "clear");
    assert_eq!(report["visibility"], "partial");
    assert!(
        report["visibilityReason"]
            .as_str()
            .unwrap()
            .contains("outside your organisation"),
        "{report}"
    );
    let why = report["options"][0]["why"].as_str().unwrap();
    assert!(!why.contains("should succeed"), "{why}");
    assert!(why.contains("--error"), "{why}");

    // The service does refuse the create: the account outside the organisation holds it.
    let create = sandbox.call(
        "POST",
        "/Users",
        Some(
            &json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "jane",
                     "emails": [{"value": "jane.doe@acme.example", "primary": true}]}),
        ),
    );
    assert_eq!(create.status, 409, "{}", create.body);
}
