//! `scimctl audit` end to end: accounts planted in the sandbox and in scim2-server, each
//! collision found under its rule, and a clean directory exit 0.

use serde_json::{Value, json};

use crate::support::{
    FakeServer, SandboxProcess, Scim2Server, TestEnv, json_of, list_response, response, stderr_of,
};

fn planted() -> Vec<Value> {
    let user = |id: &str, name: &str, emails: &[&str], external_id: Option<&str>, active: bool| {
        json!({"id": id, "userName": name, "active": active, "externalId": external_id,
               "emails": emails.iter().map(|e| json!({"value": e})).collect::<Vec<_>>()})
    };
    vec![
        user("u1", "jdoe", &["jdoe@acme.example"], Some("x1"), true),
        user("u2", "ｊdoe", &["john@acme.example"], Some("x2"), false),
        user(
            "u3",
            "sam\u{200B}wise",
            &["sam@acme.example"],
            Some("x3"),
            true,
        ),
        user(
            "u4",
            "samwise",
            &["samwise@acme.example", "SAM@acme.example"],
            Some("x4"),
            true,
        ),
        user("u5", "pаul", &["paul1@acme.example"], Some("x5"), true),
        user("u6", "paul", &["paul2@acme.example"], Some("x5"), true),
        user("u7", "clean", &["clean@acme.example"], None, true),
    ]
}

fn clusters(report: &Value) -> Vec<(String, String, Vec<String>)> {
    report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut ids: Vec<String> = c["accounts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["userName"].as_str().unwrap().to_string())
                .collect();
            ids.sort();
            (
                c["attribute"].as_str().unwrap().to_string(),
                c["rule"].as_str().unwrap().to_string(),
                ids,
            )
        })
        .collect()
}

#[test]
fn every_planted_collision_is_found_under_its_rule() {
    let env = TestEnv::new();
    let seed = env.path().join("seed.json");
    std::fs::write(
        &seed,
        json!({"tenants": [{"name": "acme", "users": planted()}]}).to_string(),
    )
    .unwrap();
    let sandbox = SandboxProcess::start(&env, &["--seed", seed.to_str().unwrap()]);
    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .args(["audit", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let report = json_of(&output);
    assert_eq!(report["version"], 1);
    assert_eq!(report["users"], 7);
    let found = clusters(&report);
    for expected in [
        ("userName", "nfkc", vec!["jdoe", "ｊdoe"]),
        ("userName", "invisible", vec!["sam\u{200B}wise", "samwise"]),
        ("userName", "look-alike", vec!["paul", "pаul"]),
        ("emails", "case", vec!["sam\u{200B}wise", "samwise"]),
        ("externalId", "exact", vec!["paul", "pаul"]),
    ] {
        let mut names: Vec<String> = expected.2.iter().map(|s| s.to_string()).collect();
        names.sort();
        let expected = (expected.0.to_string(), expected.1.to_string(), names);
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
    assert_eq!(found.len(), 5, "{found:?}");
    let jdoe = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == "nfkc")
        .unwrap();
    assert_eq!(jdoe["inactiveHolder"], true);
    assert_eq!(report["missingExternalIds"], 1);
}

#[test]
fn scim2_server_look_alikes_are_found_and_a_clean_directory_is_exit_0() {
    let server = Scim2Server::start();
    server.create_users("clean", 5);
    let env = TestEnv::new();
    let output = env
        .scimctl_at(&server.url(), &server.token)
        .args(["audit", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(json_of(&output)["clusters"].as_array().unwrap().is_empty());
    // scim2-server refuses a userName equal ignoring case, but not one that only reads the same.
    server.create_user(json!({"userName": "olga", "emails": [{"value": "olga@example.com"}]}));
    server.create_user(json!({"userName": "оlga", "emails": [{"value": "olga.k@example.com"}]}));
    let output = env
        .scimctl_at(&server.url(), &server.token)
        .args(["audit", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let found = clusters(&json_of(&output));
    assert_eq!(
        found,
        [(
            "userName".to_string(),
            "look-alike".to_string(),
            vec!["olga".to_string(), "оlga".to_string()]
        )]
    );
}

/// Case twins exist on servers whose uniqueness check compares exactly; a fake one serves them.
#[test]
fn case_twins_and_a_short_listing() {
    let users = vec![
        json!({"id": "1", "userName": "JDoe", "active": true, "emails": [{"value": "jdoe@x.example"}]}),
        json!({"id": "2", "userName": "jdoe", "active": false, "emails": [{"value": "other@x.example"}]}),
    ];
    let server = FakeServer::start(move |request, _| {
        if request.path().ends_with("/ServiceProviderConfig") {
            return response(404, "application/scim+json", "{}");
        }
        list_response(&users, 2)
    });
    let env = TestEnv::new();
    let output = env
        .scimctl_at(&server.url(), "token")
        .args(["audit", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let report = json_of(&output);
    assert_eq!(
        clusters(&report),
        [(
            "userName".into(),
            "case".into(),
            vec!["JDoe".into(), "jdoe".into()]
        )]
    );
    assert_eq!(report["clusters"][0]["inactiveHolder"], true);

    // A server that says it has more users than it delivers gets no clean bill.
    let one = vec![json!({"id": "1", "userName": "solo"})];
    let short = FakeServer::start(move |request, _| {
        if request.path().ends_with("/ServiceProviderConfig") {
            return response(404, "application/scim+json", "{}");
        }
        list_response(&one, 3)
    });
    let output = env
        .scimctl_at(&short.url(), "token")
        .args(["audit"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(5), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("could not be read whole"),
        "{}",
        stderr_of(&output)
    );
}
