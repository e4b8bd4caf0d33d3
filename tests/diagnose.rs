//! `scimctl diagnose` end to end: a scenario table against the sandbox's generic and pulumi
//! profiles, the userName scenarios against scim2-server, and what a diagnosis costs.

use serde_json::{Value, json};

use crate::support::{SandboxProcess, Scim2Server, TestEnv, json_of, stderr_of};

const COMMON: &str = include_str!("../examples/common-conflicts.json");
const FAQ: &str = include_str!("../examples/faq.json");

/// The common-conflicts seed plus a holder whose stored userName hides a zero-width space.
fn generic_sandbox(env: &TestEnv) -> SandboxProcess {
    let mut seed: Value = serde_json::from_str(COMMON).unwrap();
    seed["tenants"][0]["users"].as_array_mut().unwrap().push(json!({
        "id": "zw-1", "userName": "sam\u{200B}wise", "emails": [{"value": "sam@shire.example", "primary": true}]
    }));
    let path = env.path().join("seed.json");
    std::fs::write(&path, seed.to_string()).unwrap();
    SandboxProcess::start(env, &["--seed", path.to_str().unwrap()])
}

fn pulumi_sandbox(env: &TestEnv) -> SandboxProcess {
    let path = env.path().join("faq.json");
    std::fs::write(&path, FAQ).unwrap();
    SandboxProcess::start(
        env,
        &["--provider", "pulumi", "--seed", path.to_str().unwrap()],
    )
}

fn diagnose(env: &TestEnv, sandbox: &SandboxProcess, args: &[&str]) -> (Option<i32>, Value) {
    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .arg("diagnose")
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

/// (attribute, match, holder id) of each finding.
fn findings(report: &Value) -> Vec<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["attribute"].as_str().unwrap().to_string(),
                f["match"].as_str().unwrap().to_string(),
                f["holder"]["id"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect()
}

fn flags(report: &Value, n: usize) -> Vec<String> {
    report["findings"][n]["flags"]
        .as_array()
        .map(|a| a.iter().map(|f| f.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// The report's one recommended option; it is feasible and listed first.
fn recommended(report: &Value) -> &Value {
    let options = report["options"].as_array().unwrap();
    let marked: Vec<&Value> = options
        .iter()
        .filter(|o| o["recommended"] == true)
        .collect();
    assert_eq!(marked.len(), 1, "exactly one recommended: {report}");
    assert_eq!(marked[0]["feasible"], true, "{report}");
    assert_eq!(
        &options[0], marked[0],
        "the recommended option comes first: {report}"
    );
    marked[0]
}

/// `COMMAND --dry-run` as a person pastes it into a shell, against the sandbox.
fn in_a_shell(env: &TestEnv, sandbox: &SandboxProcess, command: &str) -> std::process::Output {
    let scimctl = assert_cmd::cargo::cargo_bin("scimctl");
    let path = format!(
        "{}:{}",
        scimctl.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut shell = std::process::Command::new("sh");
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("SCIMCTL_") {
            shell.env_remove(&key);
        }
    }
    shell
        .arg("-c")
        .arg(format!("{command} --dry-run"))
        .env("PATH", path)
        .env("HOME", env.path())
        .env("SCIMCTL_CACHE_DIR", env.cache_dir())
        .env("SCIMCTL_STATE_DIR", env.path().join("state"))
        .env("SCIMCTL_URL", &sandbox.url)
        .env("SCIMCTL_TOKEN", &sandbox.token)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn f(attribute: &str, kind: &str, holder: &str) -> (String, String, String) {
    (attribute.into(), kind.into(), holder.into())
}

#[test]
fn the_generic_scenario_table() {
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);
    const INACTIVE: &str = "b1f0c8e2-0000-4000-8000-000000000001";
    const CLARK: &str = "b1f0c8e2-0000-4000-8000-000000000002";
    const DIANA: &str = "b1f0c8e2-0000-4000-8000-000000000003";
    const PETER: &str = "b1f0c8e2-0000-4000-8000-000000000004";

    // An exact userName, held by an inactive account.
    let (code, report) = diagnose(&env, &sandbox, &["--username", "bwayne"]);
    assert_eq!(code, Some(1));
    assert_eq!(report["version"], 1);
    assert_eq!(report["verdict"], "conflict");
    assert_eq!(report["candidate"], json!({"userName": "bwayne"}));
    assert_eq!(findings(&report), [f("userName", "exact", INACTIVE)]);
    assert_eq!(report["findings"][0]["holder"]["active"], false);
    assert_eq!(report["findings"][0]["stored"], "bwayne");
    assert_eq!(flags(&report, 0), ["inactiveHolder"]);
    assert!(
        report["findings"][0]["explanation"]
            .as_str()
            .unwrap()
            .contains("still reserves")
    );
    assert_eq!(recommended(&report)["action"], "rename-user");
    assert_eq!(
        report["options"][0]["command"],
        format!("scimctl rename-user {INACTIVE} --to bwayne-inactive")
    );

    // Differs only in case.
    let (_, report) = diagnose(&env, &sandbox, &["--username", "ckent"]);
    assert_eq!(findings(&report), [f("userName", "case", CLARK)]);
    assert_eq!(report["findings"][0]["stored"], "CKent");

    // An email in a secondary slot, and a userName held by someone else: split holders.
    let (_, report) = diagnose(
        &env,
        &sandbox,
        &["--username", "ckent", "--email", "DPrince@acme.example"],
    );
    assert_eq!(
        findings(&report),
        [f("userName", "case", CLARK), f("emails", "case", DIANA)]
    );
    assert_eq!(flags(&report, 1), ["secondaryEmail", "splitHolders"]);
    assert!(flags(&report, 0).contains(&"splitHolders".to_string()));

    // Re-created in the identity provider: same person, new externalId.
    let (_, report) = diagnose(
        &env,
        &sandbox,
        &[
            "--username",
            "pparker",
            "--email",
            "peter.parker@acme.example",
            "--external-id",
            "okta-00u999",
        ],
    );
    assert_eq!(
        findings(&report),
        [f("userName", "exact", PETER), f("emails", "exact", PETER)]
    );
    assert_eq!(flags(&report, 0), ["otherExternalId"]);
    let link = recommended(&report);
    assert_eq!(link["action"], "link", "{report}");
    assert_eq!(
        link["command"],
        format!("scimctl link {PETER} --username pparker --external-id okta-00u999")
    );

    // Surrounding spaces and an invisible character: normalized matches, with warnings.
    let (code, report) = diagnose(&env, &sandbox, &["--username", " diana\u{200B}"]);
    assert_eq!(code, Some(1));
    assert_eq!(findings(&report), [f("userName", "normalized", DIANA)]);
    let kinds: Vec<&str> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["whitespace", "zeroWidth"]);

    // A clear candidate.
    let (code, report) = diagnose(
        &env,
        &sandbox,
        &["--username", "nobody-yet", "--email", "nobody@acme.example"],
    );
    assert_eq!(code, Some(0));
    assert_eq!(report["verdict"], "clear");
    assert_eq!(report["findings"], json!([]));
    assert_eq!(report["options"][0]["action"], "provision");
}

/// Every report recommends exactly one feasible option, and every feasible option's command,
/// pasted into a shell, builds its plan; what a fix still needs is said, never a placeholder.
#[test]
fn options_are_decisions_whose_commands_build_their_plans() {
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);
    let peter_by_email_and_name = env.path().join("peter.json");
    std::fs::write(
        &peter_by_email_and_name,
        json!({"displayName": "Peter Parker", "emails": [{"value": "peter.parker@acme.example"}]})
            .to_string(),
    )
    .unwrap();
    let scenarios: [&[&str]; 6] = [
        &["--username", "bwayne", "--email", "bwayne@acme.example"],
        &["--username", "ckent", "--email", "DPrince@acme.example"],
        &[
            "--email",
            "dprince@acme.example",
            "--external-id",
            "okta-00u300",
        ],
        &["--username", "pparker", "--external-id", "okta-00u111"],
        &["--payload", peter_by_email_and_name.to_str().unwrap()],
        &["--username", "nobody-yet"],
    ];
    for args in scenarios {
        let (_, report) = diagnose(&env, &sandbox, args);
        recommended(&report);
        for option in report["options"].as_array().unwrap() {
            let Some(command) = option["command"].as_str() else {
                continue;
            };
            assert_eq!(option["feasible"], true, "{option}");
            assert!(
                !command.contains("NAME") && !command.contains(" ID"),
                "{command}"
            );
            let output = in_a_shell(&env, &sandbox, command);
            assert_eq!(
                output.status.code(),
                Some(0),
                "{args:?}: `{command}` does not build its plan: {}",
                stderr_of(&output)
            );
        }
    }

    // Peter by his email and name, no userName: the link says what it needs, with no command.
    let (_, report) = diagnose(
        &env,
        &sandbox,
        &["--payload", peter_by_email_and_name.to_str().unwrap()],
    );
    let link = recommended(&report);
    assert_eq!(link["action"], "link");
    assert!(link.get("command").is_none(), "{link}");
    assert_eq!(link["needs"]["value"], "userName");
    assert!(
        link["needs"]["how"]
            .as_str()
            .unwrap()
            .contains("--username")
    );
    let table = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .args([
            "diagnose",
            "--payload",
            peter_by_email_and_name.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains("link the existing account (recommended)"),
        "{text}"
    );
    assert!(!text.contains("NAME"), "{text}");
}

#[test]
fn deep_finds_a_stored_value_that_collides_only_once_normalised() {
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);

    let (code, shallow) = diagnose(&env, &sandbox, &["--username", "samwise"]);
    assert_eq!(
        code,
        Some(0),
        "the server's filter cannot see it: {shallow}"
    );
    let (code, deep) = diagnose(&env, &sandbox, &["--username", "samwise", "--deep"]);
    assert_eq!(code, Some(1));
    assert_eq!(findings(&deep), [f("userName", "normalized", "zw-1")]);
    assert_eq!(deep["lookup"]["scanned"], 5);
}

#[test]
fn the_pulumi_scenarios_hidden_holder_and_immutable_username() {
    let env = TestEnv::new();
    let sandbox = pulumi_sandbox(&env);
    let okta = "Automatic provisioning of user jane.doe to app Pulumi failed: Error while creating user jane.doe : Conflict. Errors reported by remote server: Email jane.doe@acme.example already in use by another Pulumi account.";

    // The error alone is enough: it names the email, which nobody visible holds.
    let (code, report) = diagnose(&env, &sandbox, &["--error", okta, "--provider", "pulumi"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        report["candidate"]["emails"],
        json!(["jane.doe@acme.example"])
    );
    assert_eq!(findings(&report), [f("emails", "hidden", "-")]);
    assert!(report["findings"][0].get("holder").is_none());
    assert!(report["findings"][0].get("stored").is_none());
    assert!(
        report["findings"][0]["explanation"]
            .as_str()
            .unwrap()
            .contains("another Pulumi account")
    );
    assert_eq!(report["error"]["status"], 409);
    assert_eq!(report["options"][0]["action"], "contact-support");

    // A username held by a different person: renaming is not possible on Pulumi.
    let (code, report) = diagnose(
        &env,
        &sandbox,
        &[
            "--username",
            "jdoe",
            "--email",
            "jamie.doe@acme.example",
            "--provider",
            "pulumi",
        ],
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&report),
        [f(
            "userName",
            "exact",
            "2819c223-7f76-453a-919d-413861904646"
        )]
    );
    assert_eq!(
        report["options"][0]["action"], "idp-change",
        "what can be done comes first"
    );
    let rename = &report["options"][1];
    assert_eq!(
        (rename["action"].as_str(), rename["feasible"].as_bool()),
        (Some("rename-user"), Some(false))
    );
    assert!(rename.get("command").is_none());
}

#[test]
fn a_payload_and_an_entra_error_from_files() {
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);
    let payload = env.path().join("user.json");
    std::fs::write(
        &payload,
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "Clark.Kent@acme.example", "externalId": "okta-00u777",
            "emails": [{"value": "clark.kent@acme.example", "type": "work", "primary": true}],
            "name": {"givenName": "Clark", "familyName": "Kent"}
        })
        .to_string(),
    )
    .unwrap();
    let error = env.path().join("entra.txt");
    std::fs::write(&error, "Error Code: SystemForCrossDomainIdentityManagementServiceIncompatibleFiltering\nError Message: StatusCode: Conflict Message: Processing of the HTTP request resulted in an exception.\nWeb Response: {\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"409\",\"scimType\":\"uniqueness\",\"detail\":\"Resource [USER]: with email[clark.kent@acme.example] already exists.\"}").unwrap();

    let payload_arg = payload.to_str().unwrap();
    let error_arg = format!("@{}", error.display());
    let (code, report) = diagnose(
        &env,
        &sandbox,
        &["--payload", payload_arg, "--error", &error_arg],
    );

    assert_eq!(code, Some(1));
    assert_eq!(report["candidate"]["displayName"], "Clark Kent");
    assert_eq!(
        findings(&report),
        [f("emails", "exact", "b1f0c8e2-0000-4000-8000-000000000002")]
    );
    assert_eq!(report["error"]["scimType"], "uniqueness");
    let link = report["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["action"] == "link")
        .unwrap();
    assert_eq!(link["evidence"], "moderate", "same email and the same name");
}

#[test]
fn bad_input_is_a_usage_error() {
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);
    let run = |args: &[&str], stdin: &str| {
        env.scimctl_at(&sandbox.url, &sandbox.token)
            .arg("diagnose")
            .args(args)
            .write_stdin(stdin)
            .output()
            .unwrap()
    };
    for (args, stdin, needle) in [
        (vec![], "", "nothing to diagnose"),
        (vec!["--payload", "-"], "{not json", "is not a SCIM User"),
        (
            vec!["--payload", "/nonexistent.json"],
            "",
            "cannot read the payload file /nonexistent.json",
        ),
        (
            vec!["--payload", "-", "--error", "-"],
            "",
            "only one input can read standard input",
        ),
        (
            vec!["--error", "@/nonexistent.txt"],
            "",
            "cannot read the error file",
        ),
    ] {
        let output = run(&args, stdin);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr_of(&output)
        );
        assert!(
            stderr_of(&output).contains(needle),
            "{args:?}: {}",
            stderr_of(&output)
        );
    }
}

#[test]
fn a_username_and_email_diagnosis_costs_one_request_where_or_filters_work() {
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);
    let requests = |args: &[&str]| {
        let output = env
            .scimctl_at(&sandbox.url, &sandbox.token)
            .arg("diagnose")
            .args(args)
            .arg("-v")
            .output()
            .unwrap();
        stderr_of(&output).matches(" → ").count()
    };
    let args = ["--username", "ckent", "--email", "dprince@acme.example"];
    assert_eq!(
        requests(&args),
        4,
        "cold cache: /ServiceProviderConfig to identify the provider, a page of users to take \
         values from, one or filter proving both forms and 'or' with those values, then the \
         candidate's or filter"
    );
    assert_eq!(requests(&args), 1, "warm cache: the or filter alone");

    // Pulumi filters only userName: /ServiceProviderConfig (read once, for ETags), a page of
    // users (which, in so small a directory, is also the scan for the email), the userName form
    // proven with one of them. The email needs that scan anyway, so it answers the userName
    // too: no userName filter is sent.
    let pulumi = pulumi_sandbox(&env);
    let output = env
        .scimctl_at(&pulumi.url, &pulumi.token)
        .args([
            "diagnose",
            "--username",
            "jdoe",
            "--email",
            "x@acme.example",
            "--provider",
            "pulumi",
            "-v",
        ])
        .output()
        .unwrap();
    assert_eq!(
        stderr_of(&output).matches(" → ").count(),
        3,
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn against_scim2_server_username_scenarios() {
    let server = Scim2Server::start();
    server.create_user(
        json!({"userName": "JDoe", "active": false, "emails": [{"value": "jdoe@example.com"}]}),
    );
    let env = TestEnv::new();
    let run = |args: &[&str]| {
        let output = env
            .scimctl_at(&server.url(), &server.token)
            .arg("diagnose")
            .args(args)
            .args(["-o", "json"])
            .output()
            .unwrap();
        (output.status.code(), json_of(&output))
    };

    let (code, report) = run(&["--username", "jdoe"]);
    assert_eq!(code, Some(1));
    assert_eq!(report["findings"][0]["match"], "case");
    assert_eq!(report["findings"][0]["holder"]["active"], false);
    let (code, report) = run(&["--username", "JDoe", "--email", "JDOE@example.com"]);
    assert_eq!(code, Some(1));
    let kinds: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["match"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["exact", "case"]);
    let (code, _) = run(&["--username", "someone-else"]);
    assert_eq!(code, Some(0));
}
