//! Conformance, judged by checkers nobody here wrote: scim2-tester (run by `scim test` from
//! scim2-cli) and scim-sanity's probe, both from PyPI, each against a fresh
//! `scimctl sandbox --provider generic`. `scripts/test` installs them into `.venv`; when they are
//! missing these tests fail with instructions: they never skip.
//!
//! scim2-tester only exercises what `/ServiceProviderConfig` and `/ResourceTypes` advertise, so
//! every check it runs must report SUCCESS; SKIPPED counts as a failure (the generic profile
//! supports everything it checks). scim-sanity may report no failure, error or warning, except
//! the checker mistakes listed in `SANITY_CHECKER_MISTAKES`, each with the RFC text that shows
//! the checker is the one in the wrong.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use serde_json::Value;

use crate::support::{SandboxProcess, TestEnv};

/// Each checker runs against a sandbox of its own; a whole run takes seconds.
const CHECKER_TIMEOUT: Duration = Duration::from_secs(300);

/// scim2-tester's verdicts (`scim2_tester.Status`), as `scim test` prints them.
const TESTER_STATUSES: [&str; 7] = [
    "SUCCESS",
    "COMPLIANT",
    "ACCEPTABLE",
    "DEVIATION",
    "ERROR",
    "CRITICAL",
    "SKIPPED",
];

/// Checks that must be among scim2-tester's results: a run that stopped early (say, after a
/// discovery it could not use) reports few checks, all of them SUCCESS.
const TESTER_EXPECTED_CHECKS: &[&str] = &[
    "service_provider_config_endpoint",
    "query_all_resource_types",
    "query_all_schemas",
    "access_schema_by_id",
    "random_url",
    "object_creation",
    "object_query",
    "object_query_without_id",
    "object_query_with_attributes",
    "object_list_with_attributes",
    "search_with_attributes",
    "object_replacement",
    "object_deletion",
    "check_add_attribute",
    "check_remove_attribute",
    "check_replace_attribute",
];

/// scim-sanity results that are the checker's mistake, not the sandbox's: (result name,
/// why, citing the RFC). Each must still occur, so the list cannot go stale.
const SANITY_CHECKER_MISTAKES: &[(&str, &str)] = &[];

/// scim-sanity skips the lifecycles of resource types a server does not advertise in
/// `/ResourceTypes`; the sandbox serves only Users (the User lifecycle must never be skipped).
const SANITY_SKIPS_FOR_UNSERVED_TYPES: &[&str] = &[
    "Group CRUD Lifecycle",
    "Agent CRUD Lifecycle",
    "AgenticApplication CRUD Lifecycle",
    "Agent Rapid Lifecycle",
];

/// Results that must be among scim-sanity's, so a probe that did little cannot pass.
const SANITY_EXPECTED_RESULTS: &[&str] = &[
    "GET /ServiceProviderConfig",
    "GET /Schemas",
    "GET /ResourceTypes",
    "POST /Users",
    "PUT /Users/{id}",
    "PATCH /Users/{id}",
    "DELETE /Users/{id}",
    "GET /Users/{id} after DELETE (expect 404)",
    "GET /Users?count=0 (boundary)",
    "POST /Users missing userName (expect 400)",
];

/// A checker installed in `.venv` by `scripts/test`, or at the path in `env_var`.
fn venv_binary(env_var: &str, name: &str, package: &str) -> PathBuf {
    let path = std::env::var_os(env_var)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join(".venv/bin")
                .join(name)
        });
    assert!(
        path.exists(),
        "{name} (from {package} on PyPI) is not installed at {} — run the tests with scripts/test, which \
         installs it from tests/requirements.txt (or set {env_var} to its path). These tests do \
         not skip.",
        path.display()
    );
    path
}

/// Runs a checker with a clean environment and a time limit.
fn run_checker(binary: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut command = assert_cmd::Command::new(binary);
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy().into_owned();
        if key.starts_with("SCIM_CLI_") || key.starts_with("PYTHON") {
            command.env_remove(key);
        }
    }
    command
        .args(args)
        .envs(envs.iter().copied())
        .env("NO_COLOR", "1")
        .timeout(CHECKER_TIMEOUT);
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", binary.display()))
}

fn generic_sandbox(env: &TestEnv) -> SandboxProcess {
    SandboxProcess::start(env, &["--provider", "generic", "--tenant", "acme"])
}

/// One check's verdict from `scim test`'s report.
#[derive(Debug)]
struct TesterResult {
    status: String,
    title: String,
    /// The indented lines under it: why it failed, or how it succeeded.
    reason: Vec<String>,
}

/// `scim test` prints `STATUS title` at the start of a line per check, the reason indented
/// under it (control characters escaped, so never over several lines), after one heading
/// `Performing a SCIM compliance check on URL ...`.
fn parse_tester_report(stdout: &str) -> Vec<TesterResult> {
    let mut results: Vec<TesterResult> = Vec::new();
    for line in stdout.lines() {
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with(char::is_whitespace) {
            let last = results
                .last_mut()
                .unwrap_or_else(|| panic!("an indented line before any check: {line:?}"));
            last.reason.push(line.trim().to_string());
            continue;
        }
        if line.starts_with("Performing a SCIM compliance check on ") {
            continue;
        }
        let (status, title) = line.split_once(' ').unwrap_or((line, ""));
        assert!(
            TESTER_STATUSES.contains(&status),
            "`scim test` printed a line this test cannot read: {line:?}\n{stdout}"
        );
        results.push(TesterResult {
            status: status.to_string(),
            title: title.to_string(),
            reason: Vec::new(),
        });
    }
    results
}

#[test]
fn scim2_tester_reports_every_check_of_the_generic_sandbox_as_success() {
    let scim = venv_binary("SCIM_CLI", "scim", "scim2-cli, with scim2-tester");
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);
    // The token goes in the environment (SCIM_CLI_HEADERS), where other users cannot see it.
    let header = format!("Authorization: Bearer {}", sandbox.token);
    let output = run_checker(
        &scim,
        &["--url", &sandbox.url, "test"],
        &[("SCIM_CLI_HEADERS", &header)],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let results = parse_tester_report(&stdout);

    let failed: Vec<String> = results
        .iter()
        .filter(|r| r.status != "SUCCESS")
        .map(|r| format!("{} {}\n    {}", r.status, r.title, r.reason.join("\n    ")))
        .collect();
    assert!(
        failed.is_empty(),
        "scim2-tester: {} of {} checks are not SUCCESS:\n{}\n\nstderr:\n{stderr}",
        failed.len(),
        results.len(),
        failed.join("\n")
    );
    let missing: Vec<&str> = TESTER_EXPECTED_CHECKS
        .iter()
        .copied()
        .filter(|check| !results.iter().any(|r| r.title == *check))
        .collect();
    assert!(
        missing.is_empty(),
        "scim2-tester did not run {missing:?} ({} results):\n{stdout}\nstderr:\n{stderr}",
        results.len()
    );
    assert!(
        output.status.success(),
        "every check is SUCCESS, yet `scim test` exited with {}:\n{stdout}\nstderr:\n{stderr}",
        output.status
    );
}

#[test]
fn scim_sanity_finds_no_failure_in_the_generic_sandbox() {
    let sanity = venv_binary("SCIM_SANITY", "scim-sanity", "scim-sanity");
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);
    // scim-sanity takes the token only as an argument; it is this throwaway sandbox's.
    let output = run_checker(
        &sanity,
        &[
            "probe",
            &sandbox.url,
            "--token",
            &sandbox.token,
            "--strict",
            "--json-output",
            "--i-accept-side-effects",
        ],
        &[],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!("scim-sanity's --json-output is not JSON ({e}):\n{stdout}\nstderr:\n{stderr}")
    });
    let results = report["results"]
        .as_array()
        .unwrap_or_else(|| panic!("no results in scim-sanity's report:\n{stdout}"));
    assert_eq!(
        report["summary"]["total"].as_u64(),
        Some(results.len() as u64),
        "{stdout}"
    );
    let field = |result: &Value, key: &str| result[key].as_str().unwrap_or("").to_string();

    let mut problems = Vec::new();
    let mut mistakes_seen = Vec::new();
    for result in results {
        let (name, status) = (field(result, "name"), field(result, "status"));
        let documented = SANITY_CHECKER_MISTAKES.iter().find(|(n, _)| *n == name);
        match status.as_str() {
            "pass" => {}
            "skip" if SANITY_SKIPS_FOR_UNSERVED_TYPES.contains(&name.as_str()) => {}
            "fail" | "error" | "warn" if documented.is_some() => mistakes_seen.push(name),
            _ => problems.push(format!(
                "{status} {name}: {} {}",
                field(result, "message"),
                field(result, "details")
            )),
        }
    }
    assert!(
        problems.is_empty(),
        "scim-sanity: {} of {} results are problems:\n{}\n\nsummary: {}\nstderr:\n{stderr}",
        problems.len(),
        results.len(),
        problems.join("\n"),
        report["summary"]
    );
    for (name, _) in SANITY_CHECKER_MISTAKES {
        assert!(
            mistakes_seen.iter().any(|seen| seen == name),
            "'{name}' is listed as a checker mistake but scim-sanity no longer reports it: \
             remove it from SANITY_CHECKER_MISTAKES"
        );
    }
    let missing: Vec<&str> = SANITY_EXPECTED_RESULTS
        .iter()
        .copied()
        .filter(|name| !results.iter().any(|r| field(r, "name") == *name))
        .collect();
    assert!(
        missing.is_empty(),
        "scim-sanity did not report {missing:?}:\n{stdout}\nstderr:\n{stderr}"
    );
    assert!(
        output.status.success() || !mistakes_seen.is_empty(),
        "no failure was reported, yet scim-sanity exited with {}:\n{stdout}\nstderr:\n{stderr}",
        output.status
    );
}

#[test]
fn the_tester_report_reader_understands_scim_test_output() {
    let report = "Performing a SCIM compliance check on http://127.0.0.1:1/scim/v2/acme/ ...\n\
                  SUCCESS service_provider_config_endpoint\n\
                  ERROR check_add_attribute\n  Failed to add attribute 'x': boom\n  {'urn': 'x'}\n\
                  SKIPPED search_with_attributes\n  not supported\n";
    let results = parse_tester_report(report);
    let summary: Vec<(&str, &str, usize)> = results
        .iter()
        .map(|r| (r.status.as_str(), r.title.as_str(), r.reason.len()))
        .collect();
    assert_eq!(
        summary,
        [
            ("SUCCESS", "service_provider_config_endpoint", 0),
            ("ERROR", "check_add_attribute", 2),
            ("SKIPPED", "search_with_attributes", 1),
        ]
    );
}
