//! Scenarios that run the same way against each third-party Node server: one body, called
//! from `tests/better_auth.rs` and `tests/scimmy.rs` with the server to run against.

use serde_json::json;

use super::TestEnv;
use super::node_servers::{NodeServer, Scimctl, applied, id_of, jordan_lee};

pub fn link_makes_the_identity_providers_lookup_find_the_holder(server: NodeServer) {
    let id = id_of(&jordan_lee(&server));
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);
    let incoming = json!({"userName": "jordan.lee@acme.example", "externalId": "okta-00u9",
        "emails": [{"value": "jordan.lee@acme.example", "primary": true}]});
    let payload = cli.file("incoming.json", &incoming.to_string());

    applied(
        &cli.json(&["link", &id, "--payload", &payload, "--yes"]),
        "link",
    );

    let now = server.get_user(&id);
    assert_eq!(now["userName"], "jordan.lee@acme.example");
    assert_eq!(now["externalId"], "okta-00u9");
    let found = server.filter_users("externalId eq \"okta-00u9\"");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["id"], id.as_str());
}

pub fn provision_creates_once_and_a_second_create_is_refused_as_taken(server: NodeServer) {
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);
    let sam = json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": "sam", "displayName": "Sam Park",
        "emails": [{"value": "sam@acme.example", "type": "work", "primary": true}]});
    let payload = cli.file("sam.json", &sam.to_string());

    let (_, result) = applied(
        &cli.json(&["provision", "--payload", &payload, "--yes"]),
        "provision",
    );

    let stored = server.get_user(result["id"].as_str().unwrap());
    assert_eq!(stored["userName"], "sam");
    assert_eq!(stored["displayName"], "Sam Park");
    let stderr = cli.fails(&["provision", "--payload", &payload, "--yes"], 1);
    assert!(stderr.contains("409"), "{stderr}");
    assert_eq!(server.all_users().len(), 1, "nothing more was created");
}

/// `user_name` is the incoming userName, Jordan's in a case the server matches.
pub fn every_feasible_option_builds_its_plan(server: NodeServer, user_name: &str) {
    jordan_lee(&server);
    server.create_user(
        json!({"userName": "casey", "emails": [{"value": "casey@acme.example", "primary": true}]}),
    );
    let env = TestEnv::new();
    let cli = Scimctl::at(&env, &server);
    let incoming = json!({"userName": user_name, "externalId": "okta-9",
        "emails": [{"value": "casey@acme.example", "primary": true}]});
    let payload = cli.file("incoming.json", &incoming.to_string());

    let report = cli.json_exit(&["diagnose", "--payload", &payload], 1);

    assert_eq!(report["findings"].as_array().unwrap().len(), 2, "{report}");
    cli.options_are_decisions(&report);
}
