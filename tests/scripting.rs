//! Output that fits and gh-style scripting (issue 10): `--jq`, JSON errors, `-q` silence,
//! plain tables through a pipe, tables and prose within `COLUMNS`, NDJSON lines as objects.

use std::process::Output;

use serde_json::{Value, json};

use crate::support::{FakeServer, SandboxProcess, TestEnv, list_response, scim_error, stderr_of};

const ID: &str = "2819c223-7f76-453a-919d-413861904646";

/// A sandbox holding users whose values are long enough to need fitting at 80 columns.
fn sandbox(env: &TestEnv) -> SandboxProcess {
    let seed = json!({"tenants": [{"name": "acme", "users": [
        {"id": ID, "userName": "john.doe.with.a.long.name@acme.example",
         "displayName": "John Doe", "externalId": "00u1abcdefghijklmnop",
         "emails": [{"value": "john.doe.with.a.long.name@acme.example", "type": "work", "primary": true},
                    {"value": "jd.secondary.address@acme.example", "type": "home"}]},
        {"id": "9e107d9d-372b-4a66-9c9b-fb0e7f2b8c3d", "userName": "sam.lee",
         "emails": [{"value": "sam.lee@acme.example", "type": "work", "primary": true}]}
    ]}]});
    let path = env.path().join("seed.json");
    std::fs::write(&path, seed.to_string()).unwrap();
    SandboxProcess::start(env, &["--seed", path.to_str().unwrap()])
}

fn run(env: &TestEnv, sandbox: &SandboxProcess, args: &[&str]) -> Output {
    env.scimctl_at(&sandbox.url, &sandbox.token)
        .args(args)
        .output()
        .unwrap()
}

fn stdout_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The one JSON error object on stderr, checked field by field.
fn json_error(output: &Output, exit: u64, kind: &str) -> String {
    assert_eq!(
        output.status.code(),
        Some(exit as i32),
        "{}",
        stderr_of(output)
    );
    let stderr = stderr_of(output);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON object expected:\n{stderr}");
    let error: Value = serde_json::from_str(lines[0]).expect("the error is JSON");
    assert_eq!(error["version"], 1);
    assert_eq!(error["error"]["exit"], exit);
    assert_eq!(error["error"]["kind"], kind);
    error["error"]["message"].as_str().unwrap().to_string()
}

#[test]
fn jq_prints_strings_raw_and_other_values_as_compact_json() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let names = run(
        &env,
        &sandbox,
        &["users", "list", "--jq", ".users[].userName"],
    );
    assert!(names.status.success(), "{}", stderr_of(&names));
    assert_eq!(
        stdout_of(&names),
        "john.doe.with.a.long.name@acme.example\nsam.lee\n"
    );
    let count = run(&env, &sandbox, &["users", "list", "--jq", ".totalResults"]);
    assert_eq!(stdout_of(&count), "2\n");
    let object = run(
        &env,
        &sandbox,
        &["users", "list", "-o", "ndjson", "--jq", "{id, userName}"],
    );
    let lines: Vec<Value> = stdout_of(&object)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0],
        json!({"id": ID, "userName": "john.doe.with.a.long.name@acme.example"})
    );
    assert!(!stdout_of(&object).contains(": "), "compact JSON");
}

#[test]
fn a_bad_jq_expression_is_exit_2_before_any_request() {
    let env = TestEnv::new();
    // Nothing listens here: the expression is refused before a connection is tried.
    let output = env
        .scimctl_at("http://127.0.0.1:9/scim/v2", "t")
        .args(["users", "list", "--jq", ".users["])
        .output()
        .unwrap();
    let message = json_error(&output, 2, "usage");
    assert!(
        message.contains("--jq expression '.users[' is not valid"),
        "{message}"
    );
    let table = env
        .scimctl_at("http://127.0.0.1:9/scim/v2", "t")
        .args(["users", "list", "-o", "table", "--jq", "."])
        .output()
        .unwrap();
    assert_eq!(table.status.code(), Some(2));
}

#[test]
fn errors_under_json_output_are_one_json_object() {
    let env = TestEnv::new();
    // A usage error clap finds (the argument missing), and one found in the settings.
    let missing = env
        .scimctl()
        .args(["users", "find", "-o", "json"])
        .output()
        .unwrap();
    json_error(&missing, 2, "usage");
    let server = FakeServer::start(|_, _| scim_error(503, None, "down for maintenance"));
    let down = env
        .scimctl_at(&server.url(), "t")
        .env("SCIMCTL_MAX_RETRIES", "0")
        .args(["users", "get", "u1", "-o", "json"])
        .output()
        .unwrap();
    let message = json_error(&down, 5, "unavailable");
    assert!(message.contains("503"), "{message}");
    assert!(!message.contains("(exit"), "{message}");
}

#[test]
fn quiet_leaves_stderr_empty_on_success_after_a_retry() {
    let env = TestEnv::new();
    let user = json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                      "id": "u1", "userName": "jdoe"});
    let server = FakeServer::start(move |_, n| match n {
        0 => scim_error(503, None, "try again"),
        _ => list_response(std::slice::from_ref(&user), 1),
    });
    let output = env
        .scimctl_at(&server.url(), "t")
        .env("SCIMCTL_MAX_RETRIES", "2")
        .args(["-q", "users", "list"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(stderr_of(&output), "", "-q: data and errors only");
    assert!(stdout_of(&output).contains("jdoe"));
}

#[test]
fn quiet_drops_the_plan_and_done_lines_of_a_write() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let output = run(
        &env,
        &sandbox,
        &["-q", "rename-user", ID, "--to", "jdoe-old", "--yes"],
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), "", "no Plan:/done: under -q");
    assert_eq!(stderr_of(&output), "");
}

#[test]
fn through_a_pipe_a_table_is_plain_with_one_row_per_line() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let output = run(&env, &sandbox, &["users", "list"]);
    let text = stdout_of(&output);
    assert!(!text.contains(['─', '═', '│', '┆']), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "a header and one line per user:\n{text}");
    assert!(lines[0].starts_with("id "), "{text}");
    let john = lines
        .iter()
        .find(|l| l.starts_with(ID))
        .expect("a row per user");
    assert!(john.contains("jd.secondary.address@acme.example"), "{john}");
}

#[test]
fn at_columns_80_no_line_is_wider_and_ids_stay_whole() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let width = |args: &[&str]| {
        let output = env
            .scimctl_at(&sandbox.url, &sandbox.token)
            .env("COLUMNS", "80")
            .args(args)
            .output()
            .unwrap();
        (stdout_of(&output), stderr_of(&output))
    };
    let (table, _) = width(&["users", "list"]);
    for line in table.lines() {
        assert!(
            line.chars().count() <= 80,
            "{} columns:\n{table}",
            line.chars().count()
        );
    }
    assert!(table.contains(ID), "{table}");
    let (report, notes) = width(&["diagnose", "--email", "jd.secondary.address@acme.example"]);
    for line in report.lines().chain(notes.lines()) {
        assert!(line.chars().count() <= 80, "{line}\n{report}");
    }
    assert!(report.contains(ID), "{report}");
    let (wide, _) = width(&["--wide", "users", "list"]);
    assert!(
        wide.lines().any(|l| l.chars().count() > 80),
        "--wide fits nothing:\n{wide}"
    );
}

#[test]
fn every_ndjson_line_is_an_object() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let output = run(
        &env,
        &sandbox,
        &["suggest-username", "sam.lee", "-o", "ndjson"],
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    let lines: Vec<Value> = stdout_of(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(line["userName"].is_string(), "{line}");
        assert_eq!(line["free"], true, "{line}");
    }
}
