//! `scimctl preflight` checked against reality: seed a server, predict every create, then
//! really POST every candidate in order with plain HTTP — each predicted conflict and
//! collides-with-candidate is a 409, each predicted create a 201; no misses, no false alarms.

use serde_json::{Value, json};

use crate::support::{SandboxProcess, Scim2Server, TestEnv, json_of, stderr_of};

const COMMON: &str = include_str!("../examples/common-conflicts.json");

/// Entra's users export: the common-conflicts holders, people new to the service, two
/// incoming users sharing a name, and one sharing an address with an account.
const ENTRA_USERS: &str = "\
userPrincipalName,mail,objectId,displayName,accountEnabled
ckent,clark@acme.example,obj-2,Clark Kent,true
new.one,new@acme.example,obj-3,New One,true
NEW.ONE,new2@acme.example,obj-4,New Two,true
fresh,dprince@acme.example,obj-5,Fresh Person,true
peter,peter.parker@acme.example,obj-6,Peter,true
unique.person,unique@acme.example,obj-7,Unique,true
";

fn preflight(env: &TestEnv, url: &str, token: &str, file: &str, extra: &[&str]) -> Value {
    let output = env
        .scimctl_at(url, token)
        .args(["preflight", "--candidates", file, "-o", "json"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr_of(&output)
    );
    json_of(&output)
}

/// The SCIM User the identity provider would POST for an item.
fn create_body(item: &Value) -> Value {
    let c = &item["candidate"];
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": c["userName"],
        "externalId": c["externalId"],
        "active": true,
        "emails": c["emails"].as_array().into_iter().flatten()
            .map(|e| json!({"value": e, "type": "work", "primary": true})).collect::<Vec<_>>(),
    })
}

/// Every create sent for real; the predictions must agree with each status.
fn check_against_reality(report: &Value, mut post: impl FnMut(&Value) -> u16) {
    let mut checked = 0;
    for item in report["items"].as_array().unwrap() {
        let status = post(&create_body(item));
        let outcome = item["outcome"].as_str().unwrap();
        match outcome {
            "create" => assert_eq!(status, 201, "predicted create: {item:#}"),
            "conflict" | "collides-with-candidate" => {
                assert_eq!(status, 409, "predicted {outcome}: {item:#}")
            }
            _ => {}
        }
        assert_eq!(
            item["refused"] == true,
            status == 409,
            "{item:#} got {status}"
        );
        checked += 1;
    }
    assert!(checked > 0);
}

#[test]
fn sandbox_predictions_match_real_creates_under_generic_and_slack_rules() {
    for provider in ["generic", "slack"] {
        let env = TestEnv::new();
        let seed = env.path().join("seed.json");
        std::fs::write(&seed, COMMON).unwrap();
        let sandbox = SandboxProcess::start(
            &env,
            &["--provider", provider, "--seed", seed.to_str().unwrap()],
        );
        let users = env.path().join("entra-users.csv");
        std::fs::write(&users, ENTRA_USERS).unwrap();
        let report = preflight(
            &env,
            &sandbox.url,
            &sandbox.token,
            users.to_str().unwrap(),
            &[],
        );
        assert_eq!(report["version"], 1);
        assert_eq!(report["mapping"], "entra");
        assert_eq!(report["candidates"], 6);
        let outcome = |user: &str| {
            report["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["candidate"]["userName"] == user)
                .map(|i| i["outcome"].as_str().unwrap().to_string())
                .unwrap()
        };
        assert_eq!(outcome("ckent"), "conflict", "{provider}");
        assert_eq!(outcome("NEW.ONE"), "collides-with-candidate", "{provider}");
        assert_eq!(outcome("unique.person"), "create", "{provider}");
        // Diana's second address: only where emails are unique is it in the way.
        let expected = if provider == "slack" {
            "conflict"
        } else {
            "create"
        };
        assert_eq!(outcome("fresh"), expected, "{provider}");
        check_against_reality(&report, |body| {
            sandbox.call("POST", "/Users", Some(body)).status
        });
    }
}

#[test]
fn scim2_server_predictions_match_real_creates() {
    let server = Scim2Server::start();
    server.create_user(json!({"userName": "Alice.Smith", "externalId": "00u1", "emails": [{"value": "alice@example.com", "primary": true}]}));
    server.create_users("filler", 3);
    let env = TestEnv::new();
    // Okta's /api/v1/apps/{id}/users: the app username is what Okta sends.
    let users = env.path().join("okta-app-users.json");
    std::fs::write(
        &users,
        json!([
            {"id": "00u9", "status": "ACTIVE", "credentials": {"userName": "alice.smith"}, "profile": {"email": "alice2@example.com"}},
            {"id": "00u8", "status": "ACTIVE", "credentials": {"userName": "bob"}, "profile": {"email": "bob@example.com"}},
            {"id": "00u7", "status": "ACTIVE", "credentials": {"userName": "BOB"}, "profile": {"email": "bob2@example.com"}},
            {"id": "00u6", "status": "ACTIVE", "credentials": {"userName": "carol"}, "profile": {"email": "carol@example.com"}}
        ])
        .to_string(),
    )
    .unwrap();
    let report = preflight(
        &env,
        &server.url(),
        &server.token,
        users.to_str().unwrap(),
        &[],
    );
    assert_eq!(report["mapping"], "okta");
    let outcomes: Vec<&str> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(
        outcomes,
        ["conflict", "create", "collides-with-candidate", "create"]
    );
    check_against_reality(&report, |body| {
        crate::support::scim2::http(
            server.port,
            "POST",
            "/v2/Users",
            Some(&server.token),
            Some(&body.to_string()),
        )
        .unwrap()
        .0
    });
}

#[test]
fn the_plan_and_the_exit_codes() {
    let env = TestEnv::new();
    let seed = env.path().join("seed.json");
    std::fs::write(&seed, COMMON).unwrap();
    let sandbox = SandboxProcess::start(&env, &["--seed", seed.to_str().unwrap()]);
    let users = env.path().join("users.ndjson");
    std::fs::write(
        &users,
        "{\"userName\":\"ckent\",\"emails\":[{\"value\":\"ck@acme.example\"}],\"externalId\":\"e1\"}\n{\"userName\":\"brand.new\",\"externalId\":\"e2\"}\n",
    )
    .unwrap();
    let plan = env.path().join("preflight.json");
    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .args([
            "preflight",
            "--candidates",
            users.to_str().unwrap(),
            "--plan",
            plan.to_str().unwrap(),
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    assert_eq!(json_of(&output)["mapping"], "scim");
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    assert_eq!(plan["source"], "preflight");
    assert_eq!(plan["items"][0]["action"], "rename-user");
    assert_eq!(
        plan["items"][0]["plan"]["steps"][0]["id"],
        "b1f0c8e2-0000-4000-8000-000000000002"
    );

    std::fs::write(&users, "{\"userName\":\"brand.new\"}\n").unwrap();
    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .args(["preflight", "--candidates", users.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));

    let csv = env.path().join("odd.csv");
    std::fs::write(&csv, "colour,shape\nred,round\n").unwrap();
    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .args(["preflight", "--candidates", csv.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("--map"),
        "{}",
        stderr_of(&output)
    );
}
