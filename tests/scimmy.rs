//! The binary against SCIMMY (with scimmy-routers on express): SCIM software nobody here wrote,
//! over a small in-memory store of ours (`tests/servers/scimmy.mjs`) whose uniqueness rules are
//! a real service's: userName unique ignoring case, the primary email unique ignoring case,
//! externalId unique exactly. SCIMMY itself parses the filters, compares their values
//! case-sensitively, applies every PATCH (it answers `replace` on `emails[value eq "…"].value`
//! with 400 noTarget), and express adds a body-hash `ETag` header although
//! `/ServiceProviderConfig` says `etag.supported: false`. What it stores is read back with
//! plain HTTP, never through scimctl.

use serde_json::json;

use crate::support::TestEnv;
use crate::support::node_scenarios;
use crate::support::node_servers::{
    NodeServer, Scimctl, applied, email_values, findings, id_of, jordan_lee, user_names,
};

#[test]
fn finds_a_username_typed_in_another_case() {
    let server = NodeServer::scimmy();
    let held = jordan_lee(&server);
    let env = TestEnv::new();

    let doc = Scimctl::at(&env, &server).json(&["users", "find", "--username", "jlee"]);

    assert_eq!(user_names(&doc), ["JLee"]);
    assert_eq!(doc["users"][0]["id"], held["id"]);
}

#[test]
fn finds_a_users_second_email() {
    let server = NodeServer::scimmy();
    let held = jordan_lee(&server);
    server.create_user(
        json!({"userName": "casey", "emails": [{"value": "casey@acme.example", "primary": true}]}),
    );
    let env = TestEnv::new();

    let doc = Scimctl::at(&env, &server).json(&["users", "find", "--email", "jl.home@example.org"]);

    assert_eq!(user_names(&doc), ["JLee"]);
    assert_eq!(doc["users"][0]["id"], held["id"]);
}

#[test]
fn diagnose_from_the_servers_own_409_for_an_external_id_names_the_holder() {
    let server = NodeServer::scimmy();
    let held = id_of(&jordan_lee(&server));
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);
    let user = json!({"userName": "jlee2", "externalId": "ext-1"});
    let (payload, error) = cli.refused_create("external-id", &user);

    let report = cli.json_exit(&["diagnose", "--payload", &payload, "--error", &error], 1);

    assert_eq!(report["verdict"], "conflict", "{report}");
    let expected = (
        "externalId".into(),
        "ext-1".into(),
        "exact".into(),
        Some(held),
    );
    assert_eq!(findings(&report), [expected], "{report}");
}

#[test]
fn diagnose_from_the_servers_own_409_for_a_username_in_another_case_names_the_holder() {
    let server = NodeServer::scimmy();
    let held = id_of(&jordan_lee(&server));
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);
    let user =
        json!({"userName": "jlee", "emails": [{"value": "jlee@other.example", "primary": true}]});
    let (payload, error) = cli.refused_create("username", &user);

    let report = cli.json_exit(&["diagnose", "--payload", &payload, "--error", &error], 1);

    let expected = ("userName".into(), "jlee".into(), "case".into(), Some(held));
    assert_eq!(findings(&report), [expected], "{report}");
}

#[test]
fn diagnose_from_the_servers_own_409_for_an_email_spelled_otherwise_names_the_holder() {
    let server = NodeServer::scimmy();
    let held = id_of(&jordan_lee(&server));
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);
    // The 409 names the stored spelling: "email 'jordan.lee@acme.example' is already in use".
    let user = json!({"userName": "jordan", "emails": [{"value": "Jordan.Lee@acme.example", "primary": true}]});
    let (payload, error) = cli.refused_create("email", &user);

    let report = cli.json_exit(&["diagnose", "--payload", &payload, "--error", &error], 1);

    assert_eq!(report["verdict"], "conflict", "{report}");
    let found = findings(&report);
    assert!(!found.is_empty(), "{report}");
    assert!(
        found
            .iter()
            .all(|(attribute, _, matched, holder)| attribute == "emails"
                && matched != "hidden"
                && holder.as_deref() == Some(held.as_str())),
        "{report}"
    );
}

#[test]
fn diagnose_predicts_what_the_server_answers_to_the_create() {
    let server = NodeServer::scimmy();
    jordan_lee(&server);
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);

    cli.prediction_holds(
        "external-id",
        &json!({"userName": "jlee2", "externalId": "ext-1"}),
    );
    cli.prediction_holds(
        "email",
        &json!({"userName": "jordan",
        "emails": [{"value": "jordan.lee@acme.example", "primary": true}]}),
    );
    cli.prediction_holds(
        "free",
        &json!({"userName": "casey",
        "emails": [{"value": "casey@acme.example", "primary": true}]}),
    );
}

#[test]
fn diagnose_predicts_the_409_for_a_username_in_another_case() {
    let server = NodeServer::scimmy();
    jordan_lee(&server);
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);

    cli.prediction_holds(
        "username",
        &json!({"userName": "jlee",
        "emails": [{"value": "jlee@other.example", "primary": true}]}),
    );
}

#[test]
fn an_etag_header_that_protects_nothing_is_not_trusted() {
    let server = NodeServer::scimmy();
    let held = jordan_lee(&server);
    let id = id_of(&held);
    // What the server really does with a stale If-Match: it applies the write anyway.
    let read = server.call("GET", &format!("/Users/{id}"), None);
    assert!(read.header("ETag").is_some(), "express sends an ETag");
    let stale = server.call_with(
        "PUT",
        &format!("/Users/{id}"),
        &[("If-Match", "W/\"stale\"")],
        Some(&json!({"userName": "JLee", "emails": held["emails"], "externalId": "ext-1"})),
    );
    assert_eq!(stale.status, 200, "If-Match is ignored: {}", stale.body);
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);

    let doctor = cli.json(&["doctor"]);
    let plan = cli.json(&["rename-user", &id, "--to", "jlee-old", "--dry-run"]);

    assert_ne!(doctor["etag"], true, "{doctor}");
    assert!(plan["plan"]["steps"][0].get("ifMatch").is_none(), "{plan}");
}

#[test]
fn rename_user_frees_the_name_for_the_incoming_user() {
    let server = NodeServer::scimmy();
    let held = jordan_lee(&server);
    let id = id_of(&held);
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);

    let doc = cli.json(&["rename-user", &id, "--to", "jlee-old", "--yes"]);

    let (_, result) = applied(&doc, "rename-user");
    assert_eq!(result["userName"], "jlee-old");
    let now = server.get_user(&id);
    assert_eq!(now["userName"], "jlee-old");
    assert_eq!(now["externalId"], "ext-1");
    assert_eq!(email_values(&now), email_values(&held));
    let incoming = server.post_user(&json!({"userName": "jlee"}));
    assert_eq!(incoming.status, 201, "{}", incoming.body);
}

#[test]
fn journal_undo_puts_the_old_name_back() {
    let server = NodeServer::scimmy();
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

#[test]
fn release_email_removes_a_second_address() {
    let server = NodeServer::scimmy();
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
}

#[test]
fn release_email_frees_a_primary_address_for_the_incoming_user() {
    let server = NodeServer::scimmy();
    let held = jordan_lee(&server);
    let id = id_of(&held);
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);

    cli.json(&["release-email", "jordan.lee@acme.example", "--yes"]);

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
    node_scenarios::link_makes_the_identity_providers_lookup_find_the_holder(NodeServer::scimmy());
}

#[test]
fn provision_creates_once_and_a_second_create_is_refused_as_taken() {
    node_scenarios::provision_creates_once_and_a_second_create_is_refused_as_taken(
        NodeServer::scimmy(),
    );
}

#[test]
fn finds_a_users_second_email_typed_in_another_case() {
    let server = NodeServer::scimmy();
    let held = jordan_lee(&server);
    let env = TestEnv::new();

    let doc = Scimctl::at(&env, &server).json(&["users", "find", "--email", "JL.Home@Example.org"]);

    assert_eq!(user_names(&doc), ["JLee"]);
    assert_eq!(doc["users"][0]["id"], held["id"]);
}

/// After the rename, the incoming user took `jlee`: putting `JLee` back must be refused by
/// scimctl's own pre-check, naming who holds it, before anything is sent.
#[test]
fn journal_undo_of_a_rename_is_refused_when_the_old_name_is_taken_in_another_case() {
    let server = NodeServer::scimmy();
    let id = id_of(&jordan_lee(&server));
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);
    cli.json(&["rename-user", &id, "--to", "jlee-old", "--yes"]);
    let incoming = server.create_user(json!({"userName": "jlee"}));

    let stderr = cli.fails(&["journal", "undo", "1", "--yes"], 1);

    assert!(stderr.contains(&id_of(&incoming)), "{stderr}");
    assert!(!stderr.contains("was answered 409"), "{stderr}");
    assert_eq!(server.get_user(&id)["userName"], "jlee-old");
}

/// The incoming person's userName is held by Jordan, their email by Casey: no single account
/// can be linked, so `link` is no decision here.
#[test]
fn every_feasible_option_builds_its_plan() {
    node_scenarios::every_feasible_option_builds_its_plan(NodeServer::scimmy(), "JLee");
}
