//! `scimctl triage` end to end: every export format and variant in tests/fixtures/triage,
//! built from the documented field names, against the sandbox seeded with
//! examples/common-conflicts.json and against scim2-server. The holders found are the seeded
//! accounts, each candidate counted once however often the export repeats it; the answers
//! are diagnose's; rate limits are never conflicts; what the servers store is checked with
//! plain HTTP.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::{SandboxProcess, Scim2Server, TestEnv, json_of, stderr_of};

const COMMON: &str = include_str!("../examples/common-conflicts.json");
const BWAYNE: &str = "b1f0c8e2-0000-4000-8000-000000000001";
const CKENT: &str = "b1f0c8e2-0000-4000-8000-000000000002";
const DIANA: &str = "b1f0c8e2-0000-4000-8000-000000000003";
const PPARKER: &str = "b1f0c8e2-0000-4000-8000-000000000004";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/triage")
        .join(name)
}

fn sandbox(env: &TestEnv) -> SandboxProcess {
    let path = env.path().join("seed.json");
    std::fs::write(&path, COMMON).unwrap();
    SandboxProcess::start(env, &["--seed", path.to_str().unwrap()])
}

fn triage(env: &TestEnv, sandbox: &SandboxProcess, args: &[&str]) -> (Option<i32>, Value) {
    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .arg("triage")
        .args(args)
        .args(["-o", "json"])
        .output()
        .unwrap();
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "exit {code:?}: {}",
        stderr_of(&output)
    );
    (code, json_of(&output))
}

/// `userName-or-first-email → (holder id of the first finding with one, occurrences)`.
fn holders(report: &Value) -> Vec<(String, String, u64)> {
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let who = item["candidate"]["userName"]
                .as_str()
                .or(item["candidate"]["emails"][0].as_str())
                .unwrap()
                .to_lowercase();
            let holder = item["findings"]
                .as_array()
                .unwrap()
                .iter()
                .find_map(|f| f["holder"]["id"].as_str())
                .unwrap_or("-")
                .to_string();
            (who, holder, item["occurrences"].as_u64().unwrap())
        })
        .collect()
}

fn group_count(report: &Value, cause: &str) -> Option<u64> {
    report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["cause"] == cause)
        .map(|g| g["count"].as_u64().unwrap())
}

#[test]
fn every_entra_json_variant_finds_each_seeded_holder_once() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    for name in [
        "entra-portal.json",
        "entra-graph-page.json",
        "entra.ndjson",
        "entra-log-analytics.json",
    ] {
        let (code, report) = triage(&env, &sandbox, &[fixture(name).to_str().unwrap()]);
        assert_eq!(code, Some(1), "{name}");
        assert_eq!(report["version"], 1);
        assert_eq!(report["inputs"][0]["format"], "entra-json", "{name}");
        let found = holders(&report);
        assert!(
            found.contains(&("bwayne".into(), BWAYNE.into(), 3)),
            "{name}: three cycles of bwayne are one candidate: {found:?}"
        );
        assert!(
            found.contains(&("ckent".into(), CKENT.into(), 2)),
            "{name}: {found:?}"
        );
        assert!(
            found.contains(&("dprince".into(), DIANA.into(), 1)),
            "{name}: {found:?}"
        );
        if name != "entra-graph-page.json" {
            assert_eq!(group_count(&report, "rate-limited"), Some(1), "{name}");
            let items = report["items"].as_array().unwrap();
            assert!(
                items.iter().all(|i| i["candidate"]["userName"] != "zed"),
                "{name}: a 429 is never diagnosed as a conflict"
            );
        }
    }
}

#[test]
fn the_portal_download_reports_skipped_records_successes_and_stand_ins() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let (_, report) = triage(
        &env,
        &sandbox,
        &[fixture("entra-portal.json").to_str().unwrap()],
    );
    let input = &report["inputs"][0];
    assert_eq!(input["records"], 12);
    assert_eq!(input["failures"], 10, "one success, one non-record");
    assert_eq!(input["skipped"]["count"], 1);
    assert_eq!(input["skipped"]["first"][0]["record"], 12);
    assert_eq!(
        group_count(&report, "other-failure"),
        Some(1),
        "MandatoryFieldsMissing"
    );
    // The record without modified properties is looked up by Entra's own name for the user.
    let pparker = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["standIn"] == "pparker")
        .expect("the stand-in candidate");
    assert_eq!(pparker["findings"][0]["holder"]["id"], PPARKER);
    // The older statusInfo/action keys are read like the current ones.
    let bwayne = &report["items"][0];
    assert_eq!(bwayne["first"], "2026-11-20T09:00:05Z");
    assert_eq!(bwayne["last"], "2026-11-20T10:20:05Z");
}

#[test]
fn entras_three_csv_files_are_joined_on_the_change_id() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let files = [
        "ProvisioningLogs_2026-11-20.csv",
        "ProvisioningLogs_2026-11-20_ProvisioningSteps.csv",
        "ProvisioningLogs_2026-11-20_ModifiedProperties.csv",
    ]
    .map(|f| fixture(f).to_str().unwrap().to_string());
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let (code, report) = triage(&env, &sandbox, &args);
    assert_eq!(code, Some(1));
    let formats: Vec<&str> = report["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["format"].as_str().unwrap())
        .collect();
    assert_eq!(formats, ["entra-csv"; 3]);
    let items = report["items"].as_array().unwrap();
    let dprince = items
        .iter()
        .find(|i| i["candidate"]["userName"] == "dprince")
        .expect("the userName comes from the modified-properties file");
    assert_eq!(dprince["candidate"]["emails"][0], "dprince@acme.example");
    assert_eq!(dprince["findings"][0]["holder"]["id"], DIANA);
    assert!(holders(&report).contains(&("bwayne".into(), BWAYNE.into(), 3)));
}

#[test]
fn every_okta_variant_finds_each_seeded_holder_once() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    for (name, format, bwaynes) in [
        ("okta-system-log.json", "okta-json", 3),
        ("okta.ndjson", "okta-json", 3),
        ("okta-event-hook.json", "okta-json", 3),
        ("okta-system-log.csv", "okta-csv", 3),
        ("okta-tasks.txt", "text", 2),
    ] {
        let (code, report) = triage(&env, &sandbox, &[fixture(name).to_str().unwrap()]);
        assert_eq!(code, Some(1), "{name}");
        assert_eq!(report["inputs"][0]["format"], format, "{name}");
        let found = holders(&report);
        let bwayne = found
            .iter()
            .find(|(_, holder, _)| holder == BWAYNE)
            .unwrap_or_else(|| panic!("{name}: {found:?}"));
        assert_eq!(bwayne.2, bwaynes, "{name}: {found:?}");
        assert!(
            found.iter().any(|(_, holder, _)| holder == DIANA),
            "{name}: the address the error names in another case is Diana's: {found:?}"
        );
        if name != "okta-event-hook.json" {
            assert_eq!(group_count(&report, "rate-limited"), Some(1), "{name}");
        }
    }
    let (_, report) = triage(
        &env,
        &sandbox,
        &[fixture("okta-system-log.json").to_str().unwrap()],
    );
    assert_eq!(
        report["inputs"][0]["otherEvents"], 1,
        "a sign-in event is not a failure"
    );
    let (_, report) = triage(
        &env,
        &sandbox,
        &[fixture("okta-tasks.txt").to_str().unwrap()],
    );
    assert_eq!(
        report["inputs"][0]["skipped"]["first"][0]["line"], 8,
        "the comment and the blank line are not records, but lines count"
    );
}

#[test]
fn googles_failure_list_is_read_by_its_header() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let (code, report) = triage(
        &env,
        &sandbox,
        &[fixture("google-failures.csv").to_str().unwrap()],
    );
    assert_eq!(code, Some(1));
    assert_eq!(report["inputs"][0]["format"], "google-csv");
    assert_eq!(
        report["inputs"][0]["skipped"]["count"], 1,
        "the row without a reason"
    );
    let found = holders(&report);
    assert!(found.iter().any(|(_, h, _)| h == BWAYNE), "{found:?}");
    assert!(found.iter().any(|(_, h, _)| h == DIANA), "{found:?}");
    assert_eq!(group_count(&report, "rate-limited"), Some(1));
}

/// Each triage item says what `diagnose` says for the same candidate and error.
#[test]
fn each_item_is_what_diagnose_says_for_that_candidate() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let (_, report) = triage(
        &env,
        &sandbox,
        &[fixture("entra-portal.json").to_str().unwrap()],
    );
    let records: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("entra-portal.json")).unwrap())
            .unwrap();
    for item in report["items"].as_array().unwrap() {
        let candidate = &item["candidate"];
        let mut args: Vec<String> = vec!["diagnose".into()];
        if let Some(name) = candidate["userName"].as_str() {
            args.extend(["--username".into(), name.into()]);
        }
        for email in candidate["emails"].as_array().into_iter().flatten() {
            args.extend(["--email".into(), email.as_str().unwrap().into()]);
        }
        if let Some(id) = candidate["externalId"].as_str() {
            args.extend(["--external-id".into(), id.into()]);
        }
        let record = &item["sources"][0]["record"].as_u64().unwrap();
        let reason = records[(*record - 1) as usize]["provisioningStatusInfo"]["errorInformation"]
            ["reason"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        args.extend(["--error".into(), reason, "-o".into(), "json".into()]);
        let output = env
            .scimctl_at(&sandbox.url, &sandbox.token)
            .args(&args)
            .output()
            .unwrap();
        let diagnosed = json_of(&output);
        assert_eq!(item["verdict"], diagnosed["verdict"], "{args:?}");
        assert_eq!(item["findings"], diagnosed["findings"], "{args:?}");
        assert_eq!(item["options"], diagnosed["options"], "{args:?}");
    }
}

#[test]
fn nothing_but_rate_limits_is_exit_0_and_asks_the_server_nothing() {
    let env = TestEnv::new();
    let path = env.path().join("throttled.ndjson");
    let records: Vec<String> = (0..3)
        .map(|i| {
            json!({"changeId": format!("c{i}"), "activityDateTime": "2026-11-20T09:00:00Z",
                   "provisioningStatusInfo": {"status": "failure", "errorInformation": {
                       "errorCode": "TooManyRequests",
                       "reason": "StatusCode: Conflict Message: Web Response: {\"status\":\"429\",\"detail\":\"User already exists? no: slow down\"}"}},
                   "modifiedProperties": [{"displayName": "userName", "newValue": format!("u{i}")}]})
            .to_string()
        })
        .collect();
    std::fs::write(&path, records.join("\n")).unwrap();
    // Nothing listens here: a lookup would fail with exit 5.
    let output = env
        .scimctl_at("http://127.0.0.1:9/scim/v2", "unused-token")
        .args(["triage", path.to_str().unwrap(), "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let report = json_of(&output);
    assert_eq!(group_count(&report, "rate-limited"), Some(3));
    assert!(report["items"].as_array().unwrap().is_empty());
    assert!(report.get("lookup").is_none());
}

#[test]
fn since_and_until_keep_only_failures_inside_the_window() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let file = fixture("okta-system-log.json");
    let (_, report) = triage(
        &env,
        &sandbox,
        &[
            file.to_str().unwrap(),
            "--since",
            "2026-11-20T09:30:00Z",
            "--until",
            "2026-11-20T10:30:00Z",
        ],
    );
    assert_eq!(report["outsideWindow"], 7);
    assert_eq!(
        holders(&report),
        [("bwayne".to_string(), BWAYNE.to_string(), 1)]
    );
    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .args(["triage", file.to_str().unwrap(), "--since", "last tuesday"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("--since \"last tuesday\" is not a date"));
}

#[test]
fn unreadable_inputs_are_exit_2_naming_the_file() {
    let env = TestEnv::new();
    let binary = env.path().join("export.bin");
    std::fs::write(&binary, [0x7f, b'E', b'L', b'F', 0, 0, 1]).unwrap();
    let odd = env.path().join("odd.csv");
    std::fs::write(&odd, "colour,shape\nred,round\n").unwrap();
    let missing = env.path().join("missing.json");
    for (path, says) in [(&binary, "it is binary"), (&missing, "cannot read")] {
        let output = env
            .scimctl()
            .args(["triage", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{path:?}");
        let stderr = stderr_of(&output);
        assert!(
            stderr.contains(path.to_str().unwrap()) && stderr.contains(says),
            "{stderr}"
        );
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    }
    let output = env
        .scimctl()
        .args(["triage", odd.to_str().unwrap(), "--format", "okta-csv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("colour, shape"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn the_plan_holds_each_recommended_fix_and_nothing_is_written() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let before = sandbox.call("GET", "/Users", None).json();
    let plan_path = env.path().join("fixes.json");
    let (_, report) = triage(
        &env,
        &sandbox,
        &[
            fixture("entra-portal.json").to_str().unwrap(),
            "--plan",
            plan_path.to_str().unwrap(),
        ],
    );
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(&plan_path).unwrap()).unwrap();
    assert_eq!(plan["version"], 1);
    assert_eq!(plan["kind"], "batch");
    assert!(plan["endpoint"].as_str().unwrap().starts_with(&sandbox.url));
    let recommended: Vec<&Value> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| {
            i["options"].as_array().unwrap().iter().find(|o| {
                o["recommended"] == true && o["feasible"] == true && o["command"].is_string()
            })
        })
        .collect();
    let items = plan["items"].as_array().unwrap();
    assert_eq!(items.len(), recommended.len(), "{plan:#}");
    assert!(!items.is_empty());
    for (item, option) in items.iter().zip(&recommended) {
        assert_eq!(item["action"], option["action"]);
        assert_eq!(item["command"], option["command"]);
        assert_eq!(item["plan"]["action"], option["action"]);
        let step = &item["plan"]["steps"][0];
        assert_eq!(step["method"], "PATCH");
        assert!([BWAYNE, CKENT, DIANA, PPARKER].contains(&step["id"].as_str().unwrap()));
    }
    let after = sandbox.call("GET", "/Users", None).json();
    assert_eq!(
        before["Resources"], after["Resources"],
        "triage writes nothing"
    );
}

/// Many distinct users, each failing several times: every one found, and the lookup costs no
/// more requests than there are distinct values.
#[test]
fn many_retried_failures_cost_at_most_one_request_per_distinct_value() {
    let env = TestEnv::new();
    let users: Vec<Value> = (0..120)
        .map(|n| json!({"id": format!("id-{n:03}"), "userName": format!("user{n:03}"),
                        "emails": [{"value": format!("user{n:03}@acme.example"), "primary": true}], "active": true}))
        .collect();
    let seed = env.path().join("seed.json");
    std::fs::write(
        &seed,
        json!({"tenants": [{"name": "acme", "users": users}]}).to_string(),
    )
    .unwrap();
    let sandbox = SandboxProcess::start(&env, &["--seed", seed.to_str().unwrap()]);
    let mut records = Vec::new();
    for cycle in 0..4 {
        for n in (0..120).step_by(3) {
            records.push(json!({"uuid": format!("{cycle}-{n}"), "published": format!("2026-11-2{cycle}T09:00:00Z"),
                "eventType": "application.provision.user.push",
                "outcome": {"result": "FAILURE", "reason": format!("Automatic provisioning of user USER{n:03} to app Acme failed: Error while creating user USER{n:03} : Conflict. Errors reported by remote server: userName already exists")},
                "target": [{"type": "AppUser", "alternateId": format!("USER{n:03}")}, {"type": "User", "alternateId": format!("user{n:03}@okta.example")}]}));
        }
    }
    let path = env.path().join("okta.json");
    std::fs::write(&path, Value::Array(records).to_string()).unwrap();
    let (code, report) = triage(&env, &sandbox, &[path.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    let items = report["items"].as_array().unwrap();
    assert_eq!(items.len(), 40);
    for item in items {
        assert_eq!(item["occurrences"], 4);
        let name = item["candidate"]["userName"]
            .as_str()
            .unwrap()
            .to_lowercase();
        assert_eq!(
            item["findings"][0]["holder"]["id"],
            format!("id-{}", &name[4..])
        );
    }
    let lookup = &report["lookup"];
    assert!(
        lookup["requests"].as_u64().unwrap() <= lookup["values"].as_u64().unwrap(),
        "{lookup}"
    );
}

#[test]
fn scim2_server_holders_are_found_and_a_real_create_confirms_the_conflict() {
    let server = Scim2Server::start();
    server.create_user(json!({"userName": "Taken.User", "emails": [{"value": "taken@example.com", "primary": true}]}));
    server.create_users("filler", 5);
    let env = TestEnv::new();
    let path = env.path().join("tasks.txt");
    std::fs::write(
        &path,
        "Automatic provisioning of user taken.user to app Acme failed: Error while creating user taken.user : Conflict. Errors reported by remote server: User with userName taken.user already exists\n\
         Automatic provisioning of user taken.user to app Acme failed: Error while creating user taken.user : Conflict. Errors reported by remote server: User with userName taken.user already exists\n",
    )
    .unwrap();
    let output = env
        .scimctl_at(&server.url(), &server.token)
        .args(["triage", path.to_str().unwrap(), "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let report = json_of(&output);
    let items = report["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["occurrences"], 2);
    assert_eq!(items[0]["findings"][0]["holder"]["userName"], "Taken.User");
    // What the server really does with that create, asked with plain HTTP.
    let (status, body) = crate::support::scim2::http(
        server.port,
        "POST",
        "/v2/Users",
        Some(&server.token),
        Some(&json!({"userName": "taken.user"}).to_string()),
    )
    .unwrap();
    assert_eq!(status, 409, "{body}");
}
