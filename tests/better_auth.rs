//! The binary against better-auth's SCIM plugin (`@better-auth/scim` on better-auth's in-memory
//! adapter): a server nobody here wrote. Its rules are its own and are not bent here: userName
//! unique ignoring case, the primary email unique across better-auth's users (and still
//! reserved after the SCIM user is deleted, as its better-auth user stays), externalId unique,
//! `emails[value eq "…"]` refused as a filter and as a PATCH path (400 invalidPath), no `or` in
//! filters, no ETags. What it stores is read back with plain HTTP, never through scimctl.

use serde_json::json;

use crate::support::node_scenarios;
use crate::support::node_servers::{
    NodeServer, Scimctl, applied, email_values, findings, id_of, jordan_lee, user_names,
};
use crate::support::{TestEnv, json_of};

#[test]
fn finds_a_username_typed_in_another_case() {
    let server = NodeServer::better_auth();
    let held = jordan_lee(&server);
    let env = TestEnv::new();

    let doc = Scimctl::at(&env, &server).json(&["users", "find", "--username", "jlee"]);

    assert_eq!(user_names(&doc), ["JLee"]);
    assert_eq!(doc["users"][0]["id"], held["id"]);
}

#[test]
fn finds_a_users_second_email_in_any_case() {
    let server = NodeServer::better_auth();
    let held = jordan_lee(&server);
    server.create_user(
        json!({"userName": "casey", "emails": [{"value": "casey@acme.example", "primary": true}]}),
    );
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);

    for typed in ["jl.home@example.org", "JL.Home@Example.org"] {
        let doc = cli.json(&["users", "find", "--email", typed]);

        assert_eq!(user_names(&doc), ["JLee"], "{typed}");
        assert_eq!(doc["users"][0]["id"], held["id"], "{typed}");
    }
}

#[test]
fn diagnose_from_the_servers_own_409s_names_the_holder() {
    let server = NodeServer::better_auth();
    let held = id_of(&jordan_lee(&server));
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);
    // The server's bodies name no value: "SCIM User userName already exists", "A Better Auth
    // User already uses this email", "SCIM User externalId already exists".
    let cases = [
        (
            "username",
            json!({"userName": "jlee", "emails": [{"value": "jlee@other.example", "primary": true}]}),
            ("userName", "jlee", "case"),
        ),
        (
            "email",
            json!({"userName": "jordan", "emails": [{"value": "Jordan.Lee@acme.example", "primary": true}]}),
            ("emails", "Jordan.Lee@acme.example", "case"),
        ),
        (
            "external-id",
            json!({"userName": "jlee2", "externalId": "ext-1", "emails": [{"value": "jl2@acme.example", "primary": true}]}),
            ("externalId", "ext-1", "exact"),
        ),
    ];
    for (name, user, (attribute, value, matched)) in cases {
        let (payload, error) = cli.refused_create(name, &user);

        let report = cli.json_exit(&["diagnose", "--payload", &payload, "--error", &error], 1);

        assert_eq!(report["verdict"], "conflict", "{name}: {report}");
        let expected = (
            attribute.into(),
            value.into(),
            matched.into(),
            Some(held.clone()),
        );
        assert_eq!(findings(&report), [expected], "{name}: {report}");
    }
}

#[test]
fn an_email_still_reserved_after_its_user_was_deleted_is_a_hidden_holder() {
    let server = NodeServer::better_auth();
    let gone = server.create_user(
        json!({"userName": "gone", "emails": [{"value": "gone@acme.example", "primary": true}]}),
    );
    server.delete_user(&id_of(&gone));
    assert!(server.all_users().is_empty(), "no SCIM user is left");
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);
    let user =
        json!({"userName": "back", "emails": [{"value": "gone@acme.example", "primary": true}]});
    let (payload, error) = cli.refused_create("back", &user);

    let report = cli.json_exit(&["diagnose", "--payload", &payload, "--error", &error], 1);

    assert_eq!(report["verdict"], "conflict", "{report}");
    let expected = (
        "emails".into(),
        "gone@acme.example".into(),
        "hidden".into(),
        None,
    );
    assert_eq!(findings(&report), [expected], "{report}");
}

#[test]
fn diagnose_predicts_what_the_server_answers_to_the_create() {
    let server = NodeServer::better_auth();
    jordan_lee(&server);
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);

    cli.prediction_holds(
        "username",
        &json!({"userName": "jlee", "emails": [{"value": "jlee@other.example", "primary": true}]}),
    );
    cli.prediction_holds(
        "email",
        &json!({"userName": "jordan", "emails": [{"value": "JORDAN.LEE@acme.example", "primary": true}]}),
    );
    cli.prediction_holds(
        "external-id",
        &json!({"userName": "jlee2", "externalId": "ext-1", "emails": [{"value": "jl2@acme.example", "primary": true}]}),
    );
    cli.prediction_holds(
        "free",
        &json!({"userName": "casey", "emails": [{"value": "casey@acme.example", "primary": true}]}),
    );
}

/// No account shows the address any more, yet the server refuses it: diagnose must not
/// promise that the retry will succeed.
#[test]
fn diagnose_predicts_the_409_for_an_email_reserved_after_a_delete() {
    let server = NodeServer::better_auth();
    let gone = server.create_user(
        json!({"userName": "gone", "emails": [{"value": "gone@acme.example", "primary": true}]}),
    );
    server.delete_user(&id_of(&gone));
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);
    let user =
        json!({"userName": "back", "emails": [{"value": "gone@acme.example", "primary": true}]});
    let payload = cli.file("back.json", &user.to_string());

    let report = json_of(&cli.run(&["diagnose", "--payload", &payload, "-o", "json"]));

    assert_eq!(server.post_user(&user).status, 409);
    assert!(
        report["verdict"] == "conflict" || report["visibility"] == "partial",
        "the create is refused, but diagnose said: {report}"
    );
}

#[test]
fn rename_user_frees_the_name_for_the_incoming_user() {
    let server = NodeServer::better_auth();
    let held = jordan_lee(&server);
    let id = id_of(&held);
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);

    let doc = cli.json(&[
        "rename-user",
        "--username",
        "jlee",
        "--to",
        "jlee-old",
        "--yes",
    ]);

    let (_, result) = applied(&doc, "rename-user");
    assert_eq!(result["userName"], "jlee-old");
    let now = server.get_user(&id);
    assert_eq!(now["userName"], "jlee-old");
    assert_eq!(now["externalId"], "ext-1");
    assert_eq!(email_values(&now), email_values(&held));
    let incoming = server.post_user(
        &json!({"userName": "jlee", "emails": [{"value": "jlee@other.example", "primary": true}]}),
    );
    assert_eq!(incoming.status, 201, "{}", incoming.body);
}

#[test]
fn journal_undo_puts_the_old_name_back() {
    let server = NodeServer::better_auth();
    let id = id_of(&jordan_lee(&server));
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);
    cli.json(&["rename-user", &id, "--to", "jlee-old", "--yes"]);

    let doc = cli.json(&["journal", "undo", "1", "--yes"]);

    applied(&doc, "undo");
    assert_eq!(server.get_user(&id)["userName"], "JLee");
    let journal = cli.json(&["journal", "list"]);
    assert_eq!(journal["entries"][0]["undoneBy"], 2, "{journal}");
}

/// After the rename, the incoming user took `jlee`: putting `JLee` back must be refused by
/// scimctl's own pre-check, naming who holds it, before anything is sent.
#[test]
fn journal_undo_of_a_rename_is_refused_when_the_old_name_is_taken_in_another_case() {
    let server = NodeServer::better_auth();
    let id = id_of(&jordan_lee(&server));
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);
    cli.json(&["rename-user", &id, "--to", "jlee-old", "--yes"]);
    let incoming = server.create_user(
        json!({"userName": "jlee", "emails": [{"value": "jlee@other.example", "primary": true}]}),
    );

    let stderr = cli.fails(&["journal", "undo", "1", "--yes"], 1);

    assert!(stderr.contains(&id_of(&incoming)), "{stderr}");
    assert!(!stderr.contains("was answered 409"), "{stderr}");
    assert_eq!(server.get_user(&id)["userName"], "jlee-old");
}

#[test]
fn release_email_removes_a_second_address() {
    let server = NodeServer::better_auth();
    let held = jordan_lee(&server);
    let id = id_of(&held);
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);

    let doc = cli.json(&["release-email", "jl.home@example.org", "--remove", "--yes"]);

    applied(&doc, "release-email");
    let now = server.get_user(&id);
    // The other address is kept exactly as stored: its type and primary flag too.
    assert_eq!(now["emails"], json!([held["emails"][0]]), "{now}");
    assert_eq!(now["userName"], "JLee");
    // The server refused the value path: the journal says the whole-list fallback was sent.
    let journal = cli.json(&["journal", "list"]);
    let reason = journal["entries"][0]["completion"]["reason"]
        .as_str()
        .unwrap_or_default();
    assert!(reason.contains("fallback"), "{journal}");
}

#[test]
fn release_email_frees_a_primary_address_for_the_incoming_user() {
    let server = NodeServer::better_auth();
    let held = jordan_lee(&server);
    let id = id_of(&held);
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);

    applied(
        &cli.json(&["release-email", "jordan.lee@acme.example", "--yes"]),
        "release-email",
    );

    let now = server.get_user(&id);
    let emails = email_values(&now);
    assert_eq!(emails.len(), 2, "{now}");
    assert!(emails[0].starts_with("jordan.lee+released-"), "{now}");
    assert_eq!(
        now["emails"][1], held["emails"][1],
        "the other address is kept as stored"
    );
    let incoming = server.post_user(&json!({"userName": "jordan",
        "emails": [{"value": "jordan.lee@acme.example", "primary": true}]}));
    assert_eq!(incoming.status, 201, "{}", incoming.body);
    // The server refused the value path: the journal says the whole-list fallback was sent.
    let journal = cli.json(&["journal", "list"]);
    let reason = journal["entries"][0]["completion"]["reason"]
        .as_str()
        .unwrap_or_default();
    assert!(reason.contains("fallback"), "{journal}");
}

#[test]
fn link_makes_the_identity_providers_lookup_find_the_holder() {
    node_scenarios::link_makes_the_identity_providers_lookup_find_the_holder(
        NodeServer::better_auth(),
    );
}

#[test]
fn provision_creates_once_and_a_second_create_is_refused_as_taken() {
    node_scenarios::provision_creates_once_and_a_second_create_is_refused_as_taken(
        NodeServer::better_auth(),
    );
}

/// The incoming person's userName is held by Jordan, their email by Casey: no single account
/// can be linked, so `link` is no decision here.
#[test]
fn every_feasible_option_builds_its_plan() {
    node_scenarios::every_feasible_option_builds_its_plan(NodeServer::better_auth(), "jlee");
}
