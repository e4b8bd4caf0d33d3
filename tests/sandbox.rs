//! `scimctl sandbox` over HTTP: its announcement, its token, its provider profiles, what it
//! does with bad input, and what it keeps across a kill.

use serde_json::{Value, json};

use crate::support::http::request;
use crate::support::{SandboxProcess, TestEnv, json_of, stderr_of};

fn seed(env: &TestEnv, seed: Value) -> String {
    let path = env.path().join("seed.json");
    std::fs::write(&path, seed.to_string()).unwrap();
    path.display().to_string()
}

fn user(name: &str, email: &str) -> Value {
    json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": name, "emails": [{"value": email, "primary": true}]})
}

#[test]
fn announces_its_url_and_token_then_stops_cleanly_on_sigterm_and_sigint() {
    let env = TestEnv::new();
    let sandbox = SandboxProcess::start(&env, &["--tenant", "acme", "--tenant", "globex"]);
    assert!(
        sandbox.url.starts_with("http://127.0.0.1:"),
        "{}",
        sandbox.url
    );
    assert!(sandbox.url.ends_with("/scim/v2/acme"), "{}", sandbox.url);
    assert_eq!(sandbox.token_line, "SCIMCTL_TOKEN");
    assert!(sandbox.token.starts_with("sandbox-"));
    assert_eq!(sandbox.call("GET", "/Users", None).status, 200);
    assert_eq!(sandbox.stop_with("-TERM"), Some(0));

    let sandbox = SandboxProcess::start(&env, &[]);
    assert!(sandbox.url.ends_with("/scim/v2/default"), "{}", sandbox.url);
    assert_eq!(sandbox.stop_with("-INT"), Some(0));
}

#[test]
fn with_a_token_file_the_token_is_never_printed() {
    let env = TestEnv::new();
    let file = env.path().join("token");
    std::fs::write(&file, "my-own-secret-token\n").unwrap();
    let sandbox = SandboxProcess::start(&env, &["--token-file", file.to_str().unwrap()]);
    assert_eq!(sandbox.token_line, "SCIMCTL_TOKEN_FILE");
    assert_eq!(sandbox.token, file.display().to_string());
    let auth = request(
        sandbox.port,
        "GET",
        &format!("{}/Users", sandbox.base_path()),
        &[("Authorization", "Bearer my-own-secret-token")],
        "",
    )
    .unwrap();
    assert_eq!(auth.status, 200);
}

#[test]
fn every_request_needs_the_token() {
    let env = TestEnv::new();
    let sandbox = SandboxProcess::start(&env, &[]);
    let path = format!("{}/Users", sandbox.base_path());
    for headers in [
        vec![],
        vec![("Authorization", "Bearer wrong")],
        vec![("Authorization", "Basic abc")],
    ] {
        let response = request(sandbox.port, "GET", &path, &headers, "").unwrap();
        assert_eq!(response.status, 401);
        let body = response.json();
        assert_eq!(
            body["schemas"][0],
            "urn:ietf:params:scim:api:messages:2.0:Error"
        );
        assert_eq!(body["status"], "401");
    }
}

#[test]
fn pulumi_refuses_an_email_held_in_another_tenant_with_its_own_409_body() {
    let env = TestEnv::new();
    let seed = seed(
        &env,
        json!({"tenants": [{"name": "acme"}, {"name": "globex", "users": [user("gina", "shared@example.com")]}]}),
    );
    let sandbox = SandboxProcess::start(&env, &["--provider", "pulumi", "--seed", &seed]);

    let response = sandbox.call("POST", "/Users", Some(&user("jdoe", "Shared@Example.com")));

    assert_eq!(response.status, 409);
    let body = response.json();
    assert_eq!(body["status"], "409");
    assert_eq!(body["response"]["scimType"], "uniqueness");
    assert_eq!(
        body["response"]["detail"],
        "Email Shared@Example.com already in use by another Pulumi account."
    );
}

#[test]
fn generic_allows_the_same_email_and_the_same_name_in_two_tenants() {
    let env = TestEnv::new();
    let seed = seed(
        &env,
        json!({"tenants": [{"name": "acme", "users": [user("jdoe", "shared@example.com")]}, {"name": "globex"}]}),
    );
    let sandbox = SandboxProcess::start(&env, &["--seed", &seed]);
    let globex = sandbox.base_path().replace("/acme", "/globex");
    let auth = format!("Bearer {}", sandbox.token);
    let headers = [
        ("Authorization", auth.as_str()),
        ("Content-Type", "application/scim+json"),
    ];

    let created = request(
        sandbox.port,
        "POST",
        &format!("{globex}/Users"),
        &headers,
        &user("jdoe", "shared@example.com").to_string(),
    )
    .unwrap();
    assert_eq!(created.status, 201, "{}", created.body);
    let again = sandbox.call("POST", "/Users", Some(&user("JDOE", "other@example.com")));
    assert_eq!(again.status, 409);
    assert_eq!(again.json()["scimType"], "uniqueness");
}

#[test]
fn a_personal_account_blocks_a_create_yet_no_tenant_can_see_it() {
    let env = TestEnv::new();
    let seed = seed(
        &env,
        json!({"tenants": [{"name": "acme"}], "personalAccounts": [user("jane-own", "jane@example.com")]}),
    );
    let sandbox = SandboxProcess::start(&env, &["--provider", "pulumi", "--seed", &seed]);

    let create = sandbox.call("POST", "/Users", Some(&user("jane", "jane@example.com")));
    assert_eq!(create.status, 409);
    let listed = sandbox.call("GET", "/Users", None).json();
    assert_eq!(listed["totalResults"], 0);
    let by_name = sandbox
        .call("GET", "/Users?filter=userName%20eq%20%22jane-own%22", None)
        .json();
    assert_eq!(by_name["totalResults"], 0);

    // scimctl sees what the tenant sees: nobody, after scanning (Pulumi cannot filter by email).
    let find = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .args([
            "users",
            "find",
            "--email",
            "jane@example.com",
            "-o",
            "json",
            "--provider",
            "pulumi",
        ])
        .output()
        .unwrap();
    assert_eq!(find.status.code(), Some(0), "{}", stderr_of(&find));
    assert_eq!(json_of(&find)["users"], json!([]));
    assert_eq!(json_of(&find)["lookup"]["method"], "scan");
}

#[test]
fn pulumi_filters_only_on_user_name_and_caps_pages_at_100() {
    let env = TestEnv::new();
    let pulumi = SandboxProcess::start(&env, &["--provider", "pulumi"]);
    let generic = SandboxProcess::start(&env, &[]);
    let email_filter = "/Users?filter=emails.value%20eq%20%22a%40example.com%22";

    let refused = pulumi.call("GET", email_filter, None);
    assert_eq!(refused.status, 400);
    assert_eq!(refused.json()["scimType"], "invalidFilter");
    assert_eq!(generic.call("GET", email_filter, None).status, 200);
    assert_eq!(
        pulumi
            .call("GET", "/Users?filter=userName%20eq%20%22a%22", None)
            .status,
        200
    );

    let too_many = pulumi.call("GET", "/Users?count=101", None);
    assert_eq!(too_many.status, 400);
    assert_eq!(pulumi.call("GET", "/Users?count=100", None).status, 200);
}

#[test]
fn pulumi_user_names_are_immutable_and_external_ids_are_not_kept() {
    let env = TestEnv::new();
    let sandbox = SandboxProcess::start(&env, &["--provider", "pulumi"]);
    let mut body = user("jdoe", "jdoe@example.com");
    body["externalId"] = "00u1".into();
    let created = sandbox.call("POST", "/Users", Some(&body)).json();
    assert!(created.get("externalId").is_none(), "{created}");
    assert!(
        created["meta"].get("version").is_none(),
        "Pulumi has no ETags"
    );

    let patch = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "replace", "path": "userName", "value": "jdoe2"}]});
    let refused = sandbox.call(
        "PATCH",
        &format!("/Users/{}", created["id"].as_str().unwrap()),
        Some(&patch),
    );
    assert_eq!(refused.status, 400);
    assert_eq!(refused.json()["scimType"], "immutability");
}

#[test]
fn generic_guards_writes_with_etags() {
    let env = TestEnv::new();
    let sandbox = SandboxProcess::start(&env, &[]);
    let created = sandbox.call("POST", "/Users", Some(&user("jdoe", "jdoe@example.com")));
    assert_eq!(created.status, 201);
    let etag = created.header("ETag").unwrap().to_string();
    let id = created.json()["id"].as_str().unwrap().to_string();
    let auth = format!("Bearer {}", sandbox.token);
    let path = format!("{}/Users/{id}", sandbox.base_path());
    let patch = |value: &str| {
        json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "replace", "path": "displayName", "value": value}]}).to_string()
    };
    let with = |tag: &str, body: &str| {
        request(
            sandbox.port,
            "PATCH",
            &path,
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/scim+json"),
                ("If-Match", tag),
            ],
            body,
        )
        .unwrap()
    };

    let first = with(&etag, &patch("J"));
    assert_eq!(first.status, 200, "{}", first.body);
    assert_ne!(first.header("ETag").unwrap(), etag);
    let stale = with(&etag, &patch("K"));
    assert_eq!(stale.status, 412);
    let unchanged = request(
        sandbox.port,
        "GET",
        &path,
        &[
            ("Authorization", &auth),
            ("If-None-Match", first.header("ETag").unwrap()),
        ],
        "",
    )
    .unwrap();
    assert_eq!(unchanged.status, 304);
}

#[test]
fn bad_input_gets_the_right_scim_error_and_changes_nothing() {
    let env = TestEnv::new();
    let sandbox = SandboxProcess::start(&env, &[]);
    let auth = format!("Bearer {}", sandbox.token);
    let users = format!("{}/Users", sandbox.base_path());
    let post = |content_type: &str, body: &str| {
        request(
            sandbox.port,
            "POST",
            &users,
            &[("Authorization", &auth), ("Content-Type", content_type)],
            body,
        )
        .unwrap()
    };
    let check = |response: crate::support::http::Response, status: u16, scim_type: Option<&str>| {
        assert_eq!(response.status, status, "{}", response.body);
        let body = response.json();
        assert_eq!(body["status"], status.to_string());
        if let Some(t) = scim_type {
            assert_eq!(body["scimType"], t, "{body}");
        }
    };

    check(
        post("application/scim+json", "{\"userName\": "),
        400,
        Some("invalidSyntax"),
    );
    check(
        post("text/plain", &user("a", "a@x.com").to_string()),
        415,
        None,
    );
    check(
        post(
            "application/scim+json",
            &format!("{{\"userName\": \"{}\"}}", "x".repeat(2 * 1024 * 1024)),
        ),
        413,
        None,
    );
    check(
        sandbox.call("GET", "/Users?filter=userName%20equals%20x", None),
        400,
        Some("invalidFilter"),
    );
    check(
        sandbox.call(
            "POST",
            "/Users",
            Some(&json!({"displayName": "no userName"})),
        ),
        400,
        Some("invalidValue"),
    );
    check(sandbox.call("GET", "/Users/no-such-id", None), 404, None);

    let mut with_extension = user("ext", "ext@example.com");
    with_extension["urn:example:params:scim:schemas:extension:custom:2.0:User"] =
        json!({"badge": "B-42"});
    let created = sandbox.call("POST", "/Users", Some(&with_extension));
    assert_eq!(created.status, 201);
    let id = created.json()["id"].as_str().unwrap().to_string();
    let read = sandbox.call("GET", &format!("/Users/{id}"), None).json();
    assert_eq!(
        read["urn:example:params:scim:schemas:extension:custom:2.0:User"]["badge"],
        "B-42"
    );

    let patch = |ops: Value| json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": ops});
    let user_path = format!("/Users/{id}");
    check(
        sandbox.call(
            "PATCH",
            &user_path,
            Some(&patch(
                json!([{"op": "replace", "path": "emails[value eq", "value": "x"}]),
            )),
        ),
        400,
        Some("invalidPath"),
    );
    check(
        sandbox.call(
            "PATCH",
            &user_path,
            Some(&patch(
                json!([{"op": "replace", "path": "id", "value": "x"}]),
            )),
        ),
        400,
        Some("mutability"),
    );
    check(sandbox.call("PATCH", &user_path, Some(&patch(json!([{"op": "replace", "path": "emails[value eq \"nobody@x.com\"].value", "value": "x"}])))), 400, Some("noTarget"));

    // Nothing above changed the user or added another.
    assert_eq!(
        sandbox.call("GET", "/Users", None).json()["totalResults"],
        1
    );
    assert_eq!(
        sandbox.call("GET", &user_path, None).json()["meta"]["version"],
        "W/\"1\""
    );
}

#[test]
fn a_kill_during_a_burst_of_writes_loses_nothing_acknowledged() {
    let env = TestEnv::new();
    let state = env.path().join("state.jsonl");
    let state_arg = state.to_str().unwrap();
    let sandbox = SandboxProcess::start(&env, &["--state", state_arg]);
    let (port, base, auth) = (
        sandbox.port,
        sandbox.base_path(),
        format!("Bearer {}", sandbox.token),
    );

    // Writers create users as fast as they can; the sandbox is killed while they run.
    let acknowledged = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (base, auth, acknowledged) = (base.clone(), auth.clone(), acknowledged.clone());
            std::thread::spawn(move || {
                for n in 0.. {
                    let body =
                        user(&format!("w{w}-{n}"), &format!("w{w}-{n}@example.com")).to_string();
                    let Some(response) = request(
                        port,
                        "POST",
                        &format!("{base}/Users"),
                        &[
                            ("Authorization", &auth),
                            ("Content-Type", "application/scim+json"),
                        ],
                        &body,
                    ) else {
                        return;
                    };
                    if response.status != 201 {
                        return;
                    }
                    acknowledged
                        .lock()
                        .unwrap()
                        .push(response.json()["id"].as_str().unwrap().to_string());
                }
            })
        })
        .collect();
    while acknowledged.lock().unwrap().len() < 200 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(sandbox.stop_with("-KILL"), None, "killed by a signal");
    for writer in writers {
        writer.join().unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();

    let reloaded = SandboxProcess::start(&env, &["--state", state_arg]);
    let listed = reloaded.call("GET", "/Users?count=1000", None).json();
    let mut ids: Vec<String> = listed["Resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    for id in &acknowledged {
        assert!(
            ids.binary_search(id).is_ok(),
            "acknowledged user {id} was lost"
        );
    }
    // At most the writes in flight at the kill (one per writer) got in without their answer.
    assert!(
        ids.len() <= acknowledged.len() + 4,
        "{} stored, {} acknowledged",
        ids.len(),
        acknowledged.len()
    );
}

#[test]
fn a_seed_that_breaks_the_rules_or_a_damaged_state_file_is_a_usage_error() {
    let env = TestEnv::new();
    let bad_seed = seed(
        &env,
        json!({"tenants": [{"name": "acme", "users": [user("a", "a@x.com"), user("A", "b@x.com")]}]}),
    );
    let output = env
        .scimctl()
        .args(["sandbox", "--seed", &bad_seed])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("userName 'A' is already held by another seeded account"),
        "{}",
        stderr_of(&output)
    );

    let state = env.path().join("state.jsonl");
    std::fs::write(&state, "garbage\n").unwrap();
    let output = env
        .scimctl()
        .args(["sandbox", "--state", state.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("is damaged at line 1"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn the_demo_runs_the_tour_without_setup() {
    let output = TestEnv::new().scimctl().arg("demo").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("User with userName jdoe already exists."),
        "{text}"
    );
    assert!(
        text.contains("Email jane.doe@acme.example already in use by another Pulumi account."),
        "{text}"
    );
    assert!(
        text.contains("2819c223-7f76-453a-919d-413861904646"),
        "the holder of jdoe is shown: {text}"
    );
    assert!(text.contains("export SCIMCTL_URL="), "{text}");
    // One conflict is fixed through SCIM, journaled, and the retried create succeeds.
    assert!(
        text.contains("done: the change was verified by reading the account back; journal entry 1"),
        "{text}"
    );
    assert!(text.contains("201 (created)"), "{text}");
}

/// Every user of the first tenant, walking `GET /Users` in pages of `count`.
fn walk(sandbox: &SandboxProcess, count: usize) -> (u64, Vec<Value>) {
    let mut users = Vec::new();
    loop {
        let path = format!("/Users?startIndex={}&count={count}", users.len() + 1);
        let page = sandbox.call("GET", &path, None).json();
        let total = page["totalResults"].as_u64().unwrap();
        let resources = page["Resources"].as_array().unwrap().clone();
        if resources.is_empty() {
            return (total, users);
        }
        assert!(resources.len() <= count);
        users.extend(resources);
    }
}

/// What a generated user is, without the id and timestamps each run assigns afresh.
fn person(user: &Value) -> Value {
    json!([
        user["userName"],
        user["name"],
        user["displayName"],
        user["emails"],
        user["externalId"],
        user["active"]
    ])
}

#[test]
fn generate_makes_n_distinct_realistic_users_the_same_for_the_same_seed() {
    let env = TestEnv::new();
    let args = [
        "--tenant",
        "acme",
        "--generate",
        "1200",
        "--generate-seed",
        "42",
    ];
    let sandbox = SandboxProcess::start(&env, &args);
    let (total, users) = walk(&sandbox, 100);
    assert_eq!((total, users.len()), (1200, 1200));
    let names: std::collections::HashSet<String> = users
        .iter()
        .map(|u| u["userName"].as_str().unwrap().to_lowercase())
        .collect();
    assert_eq!(names.len(), 1200, "userNames are distinct");
    let first = &users[0];
    assert!(
        first["userName"]
            .as_str()
            .unwrap()
            .ends_with("@acme.example"),
        "{first}"
    );
    assert_eq!(first["emails"][0]["type"], "work");
    assert!(first["name"]["familyName"].is_string() && first["externalId"].is_string());
    let inactive = users.iter().filter(|u| u["active"] == false).count();
    assert!(
        inactive > 0 && inactive < 200,
        "{inactive} of 1200 inactive"
    );
    assert!(users.iter().any(|u| u["emails"][1]["type"] == "home"));

    let again = SandboxProcess::start(&env, &args);
    let other = SandboxProcess::start(&env, &["--tenant", "acme", "--generate", "1200"]);
    let people = |users: &[Value]| users.iter().map(person).collect::<Vec<_>>();
    assert_eq!(
        people(&walk(&again, 1000).1),
        people(&users),
        "same seed, same users"
    );
    assert_ne!(
        people(&walk(&other, 1000).1),
        people(&users),
        "another seed"
    );
}

#[test]
fn paging_returns_every_user_exactly_once_in_order_whatever_the_page_size() {
    let env = TestEnv::new();
    let sandbox = SandboxProcess::start(&env, &["--generate", "530"]);
    let ids = |users: &[Value]| {
        users
            .iter()
            .map(|u| u["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let (total, by_hundred) = walk(&sandbox, 100);
    assert_eq!(total, 530);
    let by_hundred = ids(&by_hundred);
    assert_eq!(ids(&walk(&sandbox, 7).1), by_hundred);
    assert_eq!(ids(&walk(&sandbox, 1000).1), by_hundred);
    let unique: std::collections::HashSet<&String> = by_hundred.iter().collect();
    assert_eq!(unique.len(), 530, "no user twice");

    // A deleted user leaves the walk; the others keep their order, a new one comes last.
    let gone = &by_hundred[250];
    assert_eq!(
        sandbox
            .call("DELETE", &format!("/Users/{gone}"), None)
            .status,
        204
    );
    let created = sandbox.call("POST", "/Users", Some(&user("newcomer", "new@example.com")));
    assert_eq!(created.status, 201);
    let mut expected: Vec<String> = by_hundred
        .iter()
        .filter(|id| *id != gone)
        .cloned()
        .collect();
    expected.push(created.json()["id"].as_str().unwrap().to_string());
    let (total, after) = walk(&sandbox, 100);
    assert_eq!((total, ids(&after)), (530, expected));
    let past = sandbox
        .call("GET", "/Users?startIndex=531&count=100", None)
        .json();
    assert_eq!(
        (
            past["totalResults"].as_u64(),
            past["Resources"].as_array().map(Vec::len)
        ),
        (Some(530), Some(0))
    );
}

#[test]
fn latency_delays_every_answer_by_at_least_the_given_time() {
    let env = TestEnv::new();
    let sandbox = SandboxProcess::start(&env, &["--latency", "300"]);
    let timed = |headers: &[(&str, &str)]| {
        let started = std::time::Instant::now();
        let path = format!("{}/Users", sandbox.base_path());
        let status = request(sandbox.port, "GET", &path, headers, "")
            .unwrap()
            .status;
        (status, started.elapsed())
    };
    let auth = format!("Bearer {}", sandbox.token);
    let (status, took) = timed(&[("Authorization", &auth)]);
    assert_eq!(status, 200);
    assert!(took >= std::time::Duration::from_millis(300), "{took:?}");
    let (status, took) = timed(&[]);
    assert_eq!(status, 401, "refusals are delayed too");
    assert!(took >= std::time::Duration::from_millis(300), "{took:?}");
}

#[test]
fn past_the_rate_limit_requests_get_429_with_retry_after() {
    let env = TestEnv::new();
    let sandbox = SandboxProcess::start(&env, &["--rate-limit", "5/s"]);
    let (port, path, auth) = (
        sandbox.port,
        format!("{}/Users?count=1", sandbox.base_path()),
        format!("Bearer {}", sandbox.token),
    );
    // A burst of 20 at once: 5 fit the bucket, and 20 cannot all fit even in 3 s of refill.
    let start = std::sync::Arc::new(std::sync::Barrier::new(20));
    let burst: Vec<_> = (0..20)
        .map(|_| {
            let (path, auth, start) = (path.clone(), auth.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                request(port, "GET", &path, &[("Authorization", &auth)], "").unwrap()
            })
        })
        .collect();
    let answers: Vec<_> = burst.into_iter().map(|t| t.join().unwrap()).collect();
    let limited: Vec<_> = answers.iter().filter(|a| a.status == 429).collect();
    let passed = answers.iter().filter(|a| a.status == 200).count();
    assert_eq!(passed + limited.len(), 20);
    assert!(passed >= 5 && !limited.is_empty(), "{passed} passed");
    for answer in limited {
        let wait: u64 = answer.header("Retry-After").unwrap().parse().unwrap();
        assert!(wait >= 1, "whole seconds, rounded up");
        let body = answer.json();
        assert_eq!(
            body["schemas"][0],
            "urn:ietf:params:scim:api:messages:2.0:Error"
        );
        assert_eq!(body["status"], "429");
        assert!(body["detail"].as_str().unwrap().contains("5/s"), "{body}");
    }
}

#[test]
fn scimctl_waits_out_the_rate_limit_and_lists_every_user() {
    let env = TestEnv::new();
    // One request a second, bursts of one: each page right after another must wait.
    let sandbox = SandboxProcess::start(&env, &["--generate", "450", "--rate-limit", "1/s"]);
    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .args(["users", "list", "-o", "ndjson"])
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let names: std::collections::HashSet<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["userName"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(names.len(), 450);
    assert!(
        stderr.contains("HTTP 429"),
        "the limit was reached: {stderr}"
    );
    assert!(!stderr.contains("error"), "{stderr}");
}

#[test]
fn a_bad_rate_or_a_seed_without_generate_is_a_usage_error() {
    let env = TestEnv::new();
    for (args, says) in [
        (&["--rate-limit", "fast"][..], "not a rate"),
        (&["--rate-limit", "0/s"][..], "allows no request"),
        (&["--generate-seed", "3"][..], "required"),
    ] {
        let output = env.scimctl().arg("sandbox").args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr_of(&output).contains(says),
            "{args:?}: {}",
            stderr_of(&output)
        );
    }
}

#[test]
fn journal_undo_reaches_a_state_sandbox_after_it_restarts() {
    let env = TestEnv::new();
    let state = env.path().join("rehearsal.jsonl");
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/common-conflicts.json"
    );
    let state_arg = state.to_str().unwrap();
    let sandbox = SandboxProcess::start(&env, &["--state", state_arg, "--seed", seed]);
    let (url, port) = (sandbox.url.clone(), sandbox.port);
    let renamed = env
        .scimctl_at(&url, &sandbox.token)
        .args([
            "rename-user",
            "--username",
            "CKent",
            "--to",
            "ckent-old",
            "--yes",
        ])
        .output()
        .unwrap();
    assert_eq!(renamed.status.code(), Some(0), "{}", stderr_of(&renamed));
    assert_eq!(sandbox.stop_with("-TERM"), Some(0));

    // Restarted without --port: the same port, so the journal's endpoint is the sandbox again.
    let restarted = SandboxProcess::start(&env, &["--state", state_arg]);
    assert_eq!(restarted.port, port);
    assert_eq!(restarted.url, url);
    let undone = env
        .scimctl_at(&restarted.url, &restarted.token)
        .args(["journal", "undo", "1", "--yes"])
        .output()
        .unwrap();
    assert_eq!(undone.status.code(), Some(0), "{}", stderr_of(&undone));
    let user = restarted
        .call("GET", "/Users/b1f0c8e2-0000-4000-8000-000000000002", None)
        .json();
    assert_eq!(user["userName"], "CKent");
}
