//! Every version 1 JSON document scimctl prints, validated against its JSON Schema in
//! `docs/schemas/` (described field by field in `docs/contracts.md`), from real runs against
//! the sandbox.

use std::path::Path;

use serde_json::Value;

use crate::support::{SandboxProcess, TestEnv, stderr_of};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/common-conflicts.json"
);
const PAYLOAD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/failed-user.json");

fn schema(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/schemas")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let schema: Value = serde_json::from_str(&text).expect("a schema is JSON");
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{name}.json: {e}"))
}

fn assert_valid(name: &str, document: &Value, what: &str) {
    let errors: Vec<String> = schema(name)
        .iter_errors(document)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match docs/schemas/{name}.json:\n{}\n{document:#}",
        errors.join("\n")
    );
}

/// Runs one command with `-o json|ndjson` against the sandbox; returns stdout's documents.
fn run(env: &TestEnv, sandbox: &SandboxProcess, args: &[&str], code: i32) -> Vec<Value> {
    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .env("SCIMCTL_STATE_DIR", env.path().join("state"))
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(code),
        "{}: {}",
        args.join(" "),
        stderr_of(&output)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    if args.contains(&"ndjson") {
        text.lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect()
    } else {
        vec![serde_json::from_str(&text).expect("stdout is one JSON document")]
    }
}

#[test]
fn every_json_document_matches_its_schema() {
    let env = TestEnv::new();
    let sandbox = SandboxProcess::start(&env, &["--seed", SEED]);
    let cases: &[(&str, &[&str], i32)] = &[
        (
            "users",
            &[
                "users",
                "find",
                "--email",
                "dprince@acme.example",
                "-o",
                "json",
            ],
            0,
        ),
        ("users", &["users", "list", "-o", "json"], 0),
        ("user-line", &["users", "list", "-o", "ndjson"], 0),
        (
            "user",
            &[
                "users",
                "get",
                "b1f0c8e2-0000-4000-8000-000000000002",
                "-o",
                "json",
            ],
            0,
        ),
        (
            "diagnose",
            &["diagnose", "--payload", PAYLOAD, "-o", "json"],
            1,
        ),
        (
            "diagnose",
            &["diagnose", "--username", "nobody-here", "-o", "json"],
            0,
        ),
        ("doctor", &["doctor", "-o", "json"], 0),
        (
            "suggest-username",
            &["suggest-username", "ckent", "-o", "json"],
            0,
        ),
        (
            "plan",
            &[
                "rename-user",
                "--username",
                "CKent",
                "--to",
                "ck2",
                "--dry-run",
                "-o",
                "json",
            ],
            0,
        ),
        (
            "plan",
            &[
                "rename-user",
                "--username",
                "CKent",
                "--to",
                "ck2",
                "--yes",
                "-o",
                "json",
            ],
            0,
        ),
        (
            "plan",
            &[
                "release-email",
                "dprince@acme.example",
                "--yes",
                "-o",
                "json",
            ],
            0,
        ),
        ("plan", &["journal", "undo", "1", "--yes", "-o", "json"], 0),
        ("journal-list", &["journal", "list", "-o", "json"], 0),
        ("auth-status", &["auth", "status", "-o", "json"], 0),
    ];
    for (name, args, code) in cases {
        let documents = run(&env, &sandbox, args, *code);
        assert!(!documents.is_empty(), "{} printed nothing", args.join(" "));
        for document in &documents {
            assert_valid(name, document, &format!("`scimctl {}`", args.join(" ")));
        }
    }
}

#[test]
fn auth_login_prints_a_document_that_matches_its_schema() {
    let env = TestEnv::new();
    let output = env
        .scimctl()
        .args(["auth", "login", "--url", "https://api.example.com/scim/v2"])
        .args(["--with-token", "--store", "file", "-o", "json"])
        .write_stdin("tok-contract\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_valid("auth-login", &document, "`scimctl auth login -o json`");
}

#[test]
fn the_schemas_reject_what_the_contract_forbids() {
    // A schema that accepts anything would make the test above pass for nothing.
    let nulls = serde_json::json!({"version": 1, "verdict": "clear", "candidate": {},
        "findings": [], "options": [], "visibility": null});
    assert!(
        !schema("diagnose").is_valid(&nulls),
        "null is never a value"
    );
    let hidden_with_holder = serde_json::json!({"version": 1, "verdict": "conflict",
        "candidate": {}, "options": [], "visibility": "complete",
        "findings": [{"attribute": "emails", "value": "a@x", "match": "hidden",
                      "explanation": "…", "holder": {"id": "1", "userName": "a"}}]});
    assert!(
        !schema("diagnose").is_valid(&hidden_with_holder),
        "a hidden holder has no holder"
    );
    let token_value = serde_json::json!({"version": 1, "settings": [
        {"setting": "token", "value": "tok-1", "source": {"kind": "environment"}}]});
    assert!(
        !schema("auth-status").is_valid(&token_value),
        "the token is never a value"
    );
}
