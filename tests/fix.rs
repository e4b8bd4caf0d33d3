//! The fixes end to end — `rename-user`, `suggest-username`, `release-email`, `link`,
//! `provision` and `journal list | undo` — against the sandbox (generic and pulumi profiles),
//! against scim2-server (a server nobody here wrote, with its ETags), and against fake servers
//! that change an account between plan and apply, refuse a stale ETag, or hang mid-write.
//!
//! What every write must do: `--dry-run` writes nothing, no terminal and no `--yes` writes
//! nothing (exit 2), `--yes` applies and verifies by reading back, and the journal records the
//! intent before the write and never holds the token. The state is always checked on the server
//! itself, never through scimctl.

use std::path::PathBuf;
use std::process::{Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};

use crate::support::{
    FakeServer, Recorded, Reply, SandboxProcess, Scim2Server, TestEnv, json_of, list_response,
    response, response_with, scim_error, stderr_of,
};

const COMMON: &str = include_str!("../examples/common-conflicts.json");
const FAQ: &str = include_str!("../examples/faq.json");

// common-conflicts.json, tenant acme
const BRUCE: &str = "b1f0c8e2-0000-4000-8000-000000000001"; // bwayne, inactive
const CLARK: &str = "b1f0c8e2-0000-4000-8000-000000000002"; // CKent
const DIANA: &str = "b1f0c8e2-0000-4000-8000-000000000003"; // diana, dprince@ in a home slot
const PETER: &str = "b1f0c8e2-0000-4000-8000-000000000004"; // pparker, externalId okta-00u111
// added to it here
const TONY: &str = "c0ffee00-0000-4000-8000-000000000005"; // two emails
const DUP_1: &str = "c0ffee00-0000-4000-8000-000000000006"; // shares an email with DUP_2
const DUP_2: &str = "c0ffee00-0000-4000-8000-000000000007";
// faq.json, tenant acme
const JDOE: &str = "2819c223-7f76-453a-919d-413861904646";

const FAKE_TOKEN: &str = "fix-test-token-do-not-journal";

// ── the servers, read and changed directly ─────────────────────────────────────────────────

/// A server under test, as a test reads and changes it: by HTTP, never through scimctl.
trait Api {
    fn url(&self) -> String;
    fn token(&self) -> String;
    /// `path` is relative to the base URL (`/Users/42`); returns the status and the JSON body
    /// (`null` when there is none).
    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value);
}

impl Api for SandboxProcess {
    fn url(&self) -> String {
        self.url.clone()
    }
    fn token(&self) -> String {
        self.token.clone()
    }
    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        let response = SandboxProcess::call(self, method, path, body);
        let body = serde_json::from_str(&response.body).unwrap_or(Value::Null);
        (response.status, body)
    }
}

impl Api for Scim2Server {
    fn url(&self) -> String {
        Scim2Server::url(self)
    }
    fn token(&self) -> String {
        self.token.clone()
    }
    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        let body = body.map(Value::to_string);
        let (status, text) = crate::support::scim2::http(
            self.port,
            method,
            &format!("/v2{path}"),
            Some(&self.token),
            body.as_deref(),
        )
        .expect("scim2-server answers");
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
}

fn get_user(api: &dyn Api, id: &str) -> Value {
    let (status, user) = api.call("GET", &format!("/Users/{id}"), None);
    assert_eq!(status, 200, "GET /Users/{id}: {user}");
    user
}

/// What the identity provider asks before it creates: `GET /Users?filter=<filter>`.
fn filter_users(api: &dyn Api, filter: &str) -> Vec<Value> {
    let encoded = utf8_percent_encode(filter, NON_ALPHANUMERIC);
    let (status, list) = api.call("GET", &format!("/Users?filter={encoded}"), None);
    assert_eq!(status, 200, "GET /Users?filter={filter}: {list}");
    list["Resources"].as_array().cloned().unwrap_or_default()
}

fn ids(users: &[Value]) -> Vec<&str> {
    users.iter().map(|u| u["id"].as_str().unwrap()).collect()
}

fn email_values(user: &Value) -> Vec<&str> {
    user["emails"]
        .as_array()
        .map(|a| a.iter().map(|e| e["value"].as_str().unwrap()).collect())
        .unwrap_or_default()
}

fn patch_user(api: &dyn Api, id: &str, operations: Value) {
    let body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": operations,
    });
    let (status, reply) = api.call("PATCH", &format!("/Users/{id}"), Some(&body));
    assert!(
        (200..300).contains(&status),
        "PATCH /Users/{id}: {status} {reply}"
    );
}

fn generic_sandbox(env: &TestEnv) -> SandboxProcess {
    let mut seed: Value = serde_json::from_str(COMMON).unwrap();
    let users = seed["tenants"][0]["users"].as_array_mut().unwrap();
    users.push(
        json!({"id": TONY, "userName": "tstark", "active": true, "emails": [
            {"value": "tony@acme.example", "type": "work", "primary": true},
            {"value": "ironman@acme.example", "type": "other"}
        ]}),
    );
    // generic SCIM lets two accounts hold one address
    users.push(json!({"id": DUP_1, "userName": "shared-1", "emails": [{"value": "shared@acme.example", "primary": true}]}));
    users.push(json!({"id": DUP_2, "userName": "shared-2", "emails": [{"value": "Shared@acme.example", "primary": true}]}));
    users.push(json!({"userName": "bwayne2"}));
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

// ── running scimctl ─────────────────────────────────────────────────────────────────────────

/// `scimctl` pointed at one server, with its journal inside the test's directory, no retries,
/// and an empty standard input (so never a terminal).
struct Scimctl<'a> {
    env: &'a TestEnv,
    url: String,
    token: String,
}

impl<'a> Scimctl<'a> {
    fn at(env: &'a TestEnv, api: &dyn Api) -> Scimctl<'a> {
        Scimctl {
            env,
            url: api.url(),
            token: api.token(),
        }
    }

    fn fake(env: &'a TestEnv, server: &FakeServer) -> Scimctl<'a> {
        Scimctl {
            env,
            url: server.url(),
            token: FAKE_TOKEN.into(),
        }
    }

    fn command(&self) -> assert_cmd::Command {
        let mut cmd = self.env.scimctl_at(&self.url, &self.token);
        cmd.env("SCIMCTL_STATE_DIR", state_dir(self.env))
            .env("SCIMCTL_MAX_RETRIES", "0")
            .env("SCIMCTL_TIMEOUT", "10")
            .write_stdin("");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().expect("scimctl runs")
    }

    /// Runs and expects exit 0.
    fn ok(&self, args: &[&str]) -> Output {
        let output = self.run(args);
        succeeded(&output, args);
        output
    }

    /// Runs with `-o json` and expects exit 0.
    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.extend(["-o", "json"]);
        json_of(&self.ok(&all))
    }

    /// Runs and expects `code`, one `error:` line ending in `(exit code)`; returns stderr.
    fn fails(&self, args: &[&str], code: i32) -> String {
        let output = self.run(args);
        failed(&output, code, args)
    }

    fn journal(&self) -> Value {
        self.json(&["journal", "list"])
    }
}

fn state_dir(env: &TestEnv) -> PathBuf {
    env.path().join("state")
}

fn journal_file(env: &TestEnv) -> PathBuf {
    state_dir(env).join("journal.jsonl")
}

fn succeeded(output: &Output, args: &[&str]) {
    let stderr = stderr_of(output);
    assert!(!stderr.contains("panicked"), "a panic:\n{stderr}");
    assert_eq!(
        output.status.code(),
        Some(0),
        "scimctl {args:?}\nstdout:\n{}\nstderr:\n{stderr}",
        String::from_utf8_lossy(&output.stdout)
    );
}

fn failed(output: &Output, code: i32, args: &[&str]) -> String {
    let stderr = stderr_of(output);
    assert!(!stderr.contains("panicked"), "a panic:\n{stderr}");
    assert_eq!(
        output.status.code(),
        Some(code),
        "scimctl {args:?}\nstdout:\n{}\nstderr:\n{stderr}",
        String::from_utf8_lossy(&output.stdout)
    );
    let errors = crate::support::error_lines(&stderr);
    assert_eq!(errors.len(), 1, "one error line expected:\n{stderr}");
    assert!(
        errors[0].ends_with(&format!("(exit {code})")),
        "{}",
        errors[0]
    );
    stderr
}

/// The refusal without a terminal: exit 2, asking for --yes.
fn needs_yes(cli: &Scimctl, args: &[&str]) {
    let stderr = cli.fails(args, 2);
    assert!(stderr.contains("pass --yes"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
}

/// `{"version":1,"dryRun":true,"plan":{...}}` and nothing else.
fn dry_run_plan(doc: &Value, action: &str) -> Value {
    assert_eq!(doc["version"], 1, "{doc}");
    assert_eq!(doc["dryRun"], true, "{doc}");
    assert_eq!(doc["plan"]["version"], 1, "{doc}");
    assert_eq!(doc["plan"]["action"], action, "{doc}");
    assert!(doc.get("applied").is_none(), "{doc}");
    doc["plan"].clone()
}

/// `{"version":1,"dryRun":false,"plan":…,"applied":{"journalId":N,"verified":true,"results":[…]}}`;
/// returns the journal id and the first result.
fn applied(doc: &Value, action: &str) -> (u64, Value) {
    assert_eq!(doc["version"], 1, "{doc}");
    assert_eq!(doc["dryRun"], false, "{doc}");
    assert_eq!(doc["plan"]["action"], action, "{doc}");
    assert_eq!(doc["applied"]["verified"], true, "{doc}");
    let results = doc["applied"]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{doc}");
    (
        doc["applied"]["journalId"].as_u64().unwrap(),
        results[0].clone(),
    )
}

/// Today's date as scimctl writes it into placeholders (`YYYYMMDD`, UTC).
fn today() -> String {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        / 86_400;
    // Howard Hinnant's civil-from-days.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}{month:02}{day:02}")
}

/// Runs `f` and returns its result with the dates before and after (a run across midnight).
fn dated<T>(f: impl FnOnce() -> T) -> (T, [String; 2]) {
    let before = today();
    let result = f();
    (result, [before, today()])
}

fn placeholder_for(local: &str, domain: &str, dates: &[String; 2]) -> [String; 2] {
    dates
        .clone()
        .map(|d| format!("{local}+released-{d}@{domain}"))
}

// ── rename-user ─────────────────────────────────────────────────────────────────────────────

#[test]
fn rename_user_on_the_generic_sandbox() {
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);
    let cli = Scimctl::at(&env, &sandbox);
    let original = get_user(&sandbox, BRUCE);
    assert_eq!(original["meta"]["version"], "W/\"1\"");

    // --dry-run: the plan, and nothing written.
    let doc = cli.json(&["rename-user", BRUCE, "--to", "bwayne-old", "--dry-run"]);
    let plan = dry_run_plan(&doc, "rename-user");
    assert_eq!(
        plan["steps"],
        json!([{
            "method": "PATCH", "id": BRUCE, "ifMatch": "W/\"1\"",
            "operations": [{"op": "replace", "path": "userName", "value": "bwayne-old"}],
            "changes": [{"attribute": "userName", "before": "bwayne", "after": "bwayne-old"}],
        }])
    );
    let table = cli.ok(&["rename-user", BRUCE, "--to", "bwayne-old", "--dry-run"]);
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(table.contains(&format!("PATCH /Users/{BRUCE}")), "{table}");
    assert!(
        table.contains(r#"userName: "bwayne" → "bwayne-old""#),
        "{table}"
    );

    // No terminal and no --yes: exit 2, nothing written.
    needs_yes(&cli, &["rename-user", BRUCE, "--to", "bwayne-old"]);
    needs_yes(
        &cli,
        &["rename-user", BRUCE, "--to", "bwayne-old", "-o", "json"],
    );

    // A name another account holds, in any case: exit 1, nothing written.
    for taken in ["CKent", "ckent", "CKENT", "diana"] {
        let stderr = cli.fails(&["rename-user", BRUCE, "--to", taken, "--yes"], 1);
        assert!(stderr.contains("already held by account"), "{stderr}");
    }
    assert_eq!(get_user(&sandbox, BRUCE), original, "nothing was written");
    assert!(
        !journal_file(&env).exists(),
        "no journal entry without a write"
    );

    // --yes: applied, verified by reading back, journaled.
    let doc = cli.json(&["rename-user", BRUCE, "--to", "bwayne-old", "--yes"]);
    let (journal_id, result) = applied(&doc, "rename-user");
    assert_eq!(journal_id, 1);
    assert_eq!(result["id"], BRUCE);
    assert_eq!(result["userName"], "bwayne-old");
    let now = get_user(&sandbox, BRUCE);
    assert_eq!(now["userName"], "bwayne-old");
    assert_eq!(now["meta"]["version"], "W/\"2\"");
    assert_eq!(
        now["emails"], original["emails"],
        "only the userName changed"
    );
    assert_eq!(now["externalId"], original["externalId"]);
    assert_eq!(now["active"], false);

    // --username finds the holder itself, in any case.
    let output = cli.ok(&[
        "rename-user",
        "--username",
        "ckent",
        "--to",
        "clark",
        "--yes",
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("journal entry 2"), "{stdout}");
    assert_eq!(get_user(&sandbox, CLARK)["userName"], "clark");
    // Nobody holds that name any more.
    cli.fails(
        &["rename-user", "--username", "ckent", "--to", "x", "--yes"],
        4,
    );
}

#[test]
fn rename_user_on_pulumi_is_refused_with_the_identity_provider_steps() {
    let env = TestEnv::new();
    let sandbox = pulumi_sandbox(&env);
    let cli = Scimctl::at(&env, &sandbox);
    let original = get_user(&sandbox, JDOE);

    for args in [
        &["rename-user", JDOE, "--to", "jdoe-previous", "--yes"][..],
        &["rename-user", JDOE, "--to", "jdoe-previous", "--dry-run"],
        &["rename-user", "--username", "JDoe", "--to", "jdoe-previous"],
        // taken, but the provider's refusal comes first
        &["rename-user", JDOE, "--to", "asmith", "--yes"],
    ] {
        let stderr = cli.fails(args, 4);
        assert!(
            stderr.contains("does not allow changing a userName"),
            "{stderr}"
        );
        assert!(stderr.contains("identity provider"), "{stderr}");
        assert!(stderr.contains("Okta"), "{stderr}");
        assert!(stderr.contains("Entra ID"), "{stderr}");
    }
    assert_eq!(get_user(&sandbox, JDOE), original, "nothing was written");
    assert!(!journal_file(&env).exists());
}

#[test]
fn rename_user_on_scim2_server_with_its_etags() {
    let env = TestEnv::new();
    let server = Scim2Server::start();
    let jdoe = server.create_user(json!({"userName": "jdoe", "externalId": "okta-1",
        "emails": [{"value": "jdoe@example.com", "primary": true}]}));
    let other = server.create_user(json!({"userName": "JDoe-Old"}));
    let id = jdoe["id"].as_str().unwrap();
    let cli = Scimctl::at(&env, &server);

    let doc = cli.json(&["rename-user", id, "--to", "jdoe-previous", "--dry-run"]);
    let plan = dry_run_plan(&doc, "rename-user");
    assert_eq!(plan["steps"][0]["ifMatch"], jdoe["meta"]["version"]);
    needs_yes(&cli, &["rename-user", id, "--to", "jdoe-previous"]);
    let stderr = cli.fails(&["rename-user", id, "--to", "jdoe-old", "--yes"], 1);
    assert!(stderr.contains(other["id"].as_str().unwrap()), "{stderr}");
    let unchanged = get_user(&server, id);
    assert_eq!(unchanged["meta"]["version"], jdoe["meta"]["version"]);
    assert_eq!(unchanged["userName"], "jdoe");

    let doc = cli.json(&[
        "rename-user",
        "--username",
        "JDOE",
        "--to",
        "jdoe-previous",
        "--yes",
    ]);
    let (_, result) = applied(&doc, "rename-user");
    assert_eq!(result["userName"], "jdoe-previous");
    let now = get_user(&server, id);
    assert_eq!(now["userName"], "jdoe-previous");
    assert_ne!(now["meta"]["version"], jdoe["meta"]["version"]);
    assert_eq!(now["externalId"], "okta-1");
    assert_eq!(email_values(&now), ["jdoe@example.com"]);
}

// ── suggest-username ────────────────────────────────────────────────────────────────────────

#[test]
fn suggested_usernames_are_held_by_nobody() {
    let env = TestEnv::new();
    let generic = generic_sandbox(&env);
    let pulumi = pulumi_sandbox(&env);
    for (api, base, count) in [
        (&generic as &dyn Api, "bwayne", 7),
        (&pulumi as &dyn Api, "jdoe", 5),
    ] {
        let cli = Scimctl::at(&env, api);
        let count_arg = count.to_string();
        let doc = cli.json(&["suggest-username", base, "--count", &count_arg]);
        assert_eq!(doc["version"], 1);
        assert_eq!(doc["base"], base);
        let free: Vec<&str> = doc["free"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap())
            .collect();
        assert_eq!(free.len(), count, "{doc}");
        for name in &free {
            assert!(name.starts_with(base), "{name}");
            assert!(
                filter_users(api, &format!("userName eq \"{name}\"")).is_empty(),
                "{name} is held"
            );
        }
        let mut distinct = free.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), free.len(), "{free:?}");
    }
    // bwayne2 is held in the generic seed, so it is never suggested.
    let doc = Scimctl::at(&env, &generic).json(&["suggest-username", "bwayne", "--count", "3"]);
    assert!(
        !doc["free"].as_array().unwrap().contains(&json!("bwayne2")),
        "{doc}"
    );
}

// ── release-email ───────────────────────────────────────────────────────────────────────────

#[test]
fn release_email_on_the_generic_sandbox() {
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);
    let cli = Scimctl::at(&env, &sandbox);
    let diana = get_user(&sandbox, DIANA);

    // --dry-run: finds the holder itself (the address is in its home slot) and writes nothing.
    let (doc, dates) = dated(|| cli.json(&["release-email", "DPrince@acme.example", "--dry-run"]));
    let plan = dry_run_plan(&doc, "release-email");
    let step = &plan["steps"][0];
    assert_eq!(step["method"], "PATCH");
    assert_eq!(step["id"], DIANA);
    assert_eq!(step["ifMatch"], "W/\"1\"");
    assert_eq!(
        step["operations"][0]["path"],
        "emails[value eq \"dprince@acme.example\"].value"
    );
    let placeholder = step["operations"][0]["value"].as_str().unwrap().to_string();
    assert!(
        placeholder_for("dprince", "acme.example", &dates).contains(&placeholder),
        "{placeholder} is not dprince+released-{dates:?}@acme.example"
    );
    assert_eq!(get_user(&sandbox, DIANA), diana);
    needs_yes(&cli, &["release-email", "dprince@acme.example"]);
    assert_eq!(get_user(&sandbox, DIANA), diana);

    // --yes: only that address changes; the other email, its slot and its flags stay.
    let doc = cli.json(&["release-email", "dprince@acme.example", "--yes"]);
    let (_, result) = applied(&doc, "release-email");
    assert_eq!(result["id"], DIANA);
    let now = get_user(&sandbox, DIANA);
    assert_eq!(
        now["emails"],
        json!([
            {"value": "diana.prince@acme.example", "type": "work", "primary": true},
            {"value": placeholder, "type": "home"}
        ])
    );
    assert_eq!(now["userName"], "diana");
    assert!(
        filter_users(&sandbox, "emails.value eq \"dprince@acme.example\"").is_empty(),
        "the address is free"
    );

    // --replace-with, naming the holder with --from.
    cli.ok(&[
        "release-email",
        "bwayne@acme.example",
        "--from",
        BRUCE,
        "--replace-with",
        "bruce@wayne.example",
        "--yes",
    ]);
    assert_eq!(
        email_values(&get_user(&sandbox, BRUCE)),
        ["bruce@wayne.example"]
    );
    // A replacement someone else holds is refused: exit 1.
    let before = get_user(&sandbox, BRUCE);
    cli.fails(
        &[
            "release-email",
            "bruce@wayne.example",
            "--replace-with",
            "clark.kent@acme.example",
            "--yes",
        ],
        1,
    );
    assert_eq!(get_user(&sandbox, BRUCE), before);

    // --remove drops that address and keeps the other.
    cli.ok(&["release-email", "ironman@acme.example", "--remove", "--yes"]);
    assert_eq!(
        get_user(&sandbox, TONY)["emails"],
        json!([{"value": "tony@acme.example", "type": "work", "primary": true}])
    );

    // --remove on an account's only email replaces it instead, and says so.
    let (output, dates) = dated(|| {
        cli.ok(&[
            "release-email",
            "peter.parker@acme.example",
            "--remove",
            "--yes",
        ])
    });
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("only email"),
        "the warning is in the plan: {stdout}"
    );
    let emails = get_user(&sandbox, PETER)["emails"].clone();
    assert_eq!(emails.as_array().unwrap().len(), 1, "{emails}");
    assert!(
        placeholder_for("peter.parker", "acme.example", &dates)
            .contains(&emails[0]["value"].as_str().unwrap().to_string()),
        "{emails}"
    );
    assert_eq!(emails[0]["primary"], true);

    // Several accounts hold the address (generic allows it): exit 2 naming them, no write.
    let (one, two) = (get_user(&sandbox, DUP_1), get_user(&sandbox, DUP_2));
    let stderr = cli.fails(&["release-email", "shared@acme.example", "--yes"], 2);
    assert!(stderr.contains("2 accounts hold"), "{stderr}");
    assert!(stderr.contains(DUP_1) && stderr.contains(DUP_2), "{stderr}");
    assert_eq!(get_user(&sandbox, DUP_1), one);
    assert_eq!(get_user(&sandbox, DUP_2), two);

    // Nobody holds it: exit 4.
    cli.fails(&["release-email", "nobody@acme.example", "--yes"], 4);
}

#[test]
fn release_email_on_pulumi() {
    let env = TestEnv::new();
    let sandbox = pulumi_sandbox(&env);
    let cli = Scimctl::at(&env, &sandbox);
    let original = get_user(&sandbox, JDOE);

    // Pulumi cannot filter on emails: scimctl reads every user to find the holder.
    let (doc, dates) = dated(|| cli.json(&["release-email", "john.doe@acme.example", "--dry-run"]));
    let plan = dry_run_plan(&doc, "release-email");
    assert_eq!(plan["steps"][0]["id"], JDOE);
    assert!(
        plan["steps"][0].get("ifMatch").is_none(),
        "pulumi has no ETags"
    );
    needs_yes(&cli, &["release-email", "john.doe@acme.example"]);
    assert_eq!(get_user(&sandbox, JDOE), original);

    let doc = cli.json(&["release-email", "john.doe@acme.example", "--yes"]);
    applied(&doc, "release-email");
    let emails = email_values(&get_user(&sandbox, JDOE))
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    assert_eq!(emails.len(), 1);
    assert!(
        placeholder_for("john.doe", "acme.example", &dates).contains(&emails[0]),
        "{emails:?}"
    );
    // The address is free: Pulumi now lets another account take it.
    let (status, created) = Api::call(
        &sandbox,
        "POST",
        "/Users",
        Some(
            &json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "jamie", "emails": [{"value": "john.doe@acme.example", "primary": true}]}),
        ),
    );
    assert_eq!(status, 201, "{created}");
}

#[test]
fn release_email_on_scim2_server_with_its_etags() {
    let env = TestEnv::new();
    let server = Scim2Server::start();
    let holder = server.create_user(json!({"userName": "jdoe", "emails": [
        {"value": "jdoe@example.com", "type": "work", "primary": true},
        {"value": "j.doe@home.example", "type": "home"}
    ]}));
    let id = holder["id"].as_str().unwrap();
    let cli = Scimctl::at(&env, &server);

    let doc = cli.json(&["release-email", "jdoe@example.com", "--dry-run"]);
    let plan = dry_run_plan(&doc, "release-email");
    assert_eq!(plan["steps"][0]["ifMatch"], holder["meta"]["version"]);
    needs_yes(&cli, &["release-email", "jdoe@example.com"]);
    assert_eq!(
        get_user(&server, id)["meta"]["version"],
        holder["meta"]["version"]
    );

    let (output, dates) = dated(|| cli.ok(&["release-email", "jdoe@example.com", "--yes"]));
    assert!(String::from_utf8_lossy(&output.stdout).contains("done"));
    let now = get_user(&server, id);
    assert_ne!(now["meta"]["version"], holder["meta"]["version"]);
    let emails = email_values(&now);
    assert_eq!(emails.len(), 2, "{now}");
    assert!(placeholder_for("jdoe", "example.com", &dates).contains(&emails[0].to_string()));
    assert_eq!(emails[1], "j.doe@home.example");

    cli.ok(&["release-email", "j.doe@home.example", "--remove", "--yes"]);
    let now = get_user(&server, id);
    assert_eq!(email_values(&now).len(), 1, "{now}");
    assert!(!email_values(&now).contains(&"j.doe@home.example"));
}

// ── link ────────────────────────────────────────────────────────────────────────────────────

fn payload(env: &TestEnv, name: &str, user: Value) -> String {
    let path = env.path().join(name);
    std::fs::write(&path, user.to_string()).unwrap();
    path.display().to_string()
}

#[test]
fn link_on_the_generic_sandbox_makes_the_identity_providers_lookup_find_the_holder() {
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);
    let cli = Scimctl::at(&env, &sandbox);
    let peter = get_user(&sandbox, PETER);
    // What the identity provider tried to create after re-creating Peter.
    let incoming = payload(
        &env,
        "peter.json",
        json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "peter.parker@acme.example", "externalId": "okta-00u999",
            "emails": [{"value": "peter.parker@acme.example", "primary": true}]}),
    );
    assert!(filter_users(&sandbox, "userName eq \"peter.parker@acme.example\"").is_empty());

    let doc = cli.json(&["link", PETER, "--payload", &incoming, "--dry-run"]);
    let plan = dry_run_plan(&doc, "link");
    assert_eq!(
        plan["steps"][0]["changes"],
        json!([
            {"attribute": "userName", "before": "pparker", "after": "peter.parker@acme.example"},
            {"attribute": "externalId", "before": "okta-00u111", "after": "okta-00u999"},
        ])
    );
    assert!(
        plan["warnings"][0]
            .as_str()
            .unwrap()
            .contains("okta-00u111 → okta-00u999")
    );
    needs_yes(&cli, &["link", PETER, "--payload", &incoming]);
    assert_eq!(get_user(&sandbox, PETER), peter);

    // A userName or an externalId a third account holds cannot be linked: exit 1.
    let stderr = cli.fails(&["link", PETER, "--username", "CKENT", "--yes"], 1);
    assert!(stderr.contains(CLARK), "{stderr}");
    let stderr = cli.fails(&["link", PETER, "--external-id", "okta-00u200", "--yes"], 1);
    assert!(stderr.contains("externalId \"okta-00u200\""), "{stderr}");
    assert!(stderr.contains(CLARK), "{stderr}");
    assert_eq!(get_user(&sandbox, PETER), peter);

    let doc = cli.json(&["link", PETER, "--payload", &incoming, "--yes"]);
    let (_, result) = applied(&doc, "link");
    assert_eq!(result["userName"], "peter.parker@acme.example");
    let now = get_user(&sandbox, PETER);
    assert_eq!(now["userName"], "peter.parker@acme.example");
    assert_eq!(now["externalId"], "okta-00u999");
    assert_eq!(now["emails"], peter["emails"]);

    // The identity provider's own lookups now find the existing account.
    let found = filter_users(&sandbox, "userName eq \"peter.parker@acme.example\"");
    assert_eq!(ids(&found), [PETER]);
    let found = filter_users(&sandbox, "externalId eq \"okta-00u999\"");
    assert_eq!(ids(&found), [PETER]);

    // --activate on the inactive holder.
    cli.ok(&[
        "link",
        BRUCE,
        "--external-id",
        "okta-00u101",
        "--activate",
        "--yes",
    ]);
    let bruce = get_user(&sandbox, BRUCE);
    assert_eq!(bruce["active"], true);
    assert_eq!(bruce["externalId"], "okta-00u101");
}

#[test]
fn link_on_pulumi_is_refused_with_what_to_do_instead() {
    let env = TestEnv::new();
    let sandbox = pulumi_sandbox(&env);
    let cli = Scimctl::at(&env, &sandbox);
    let original = get_user(&sandbox, JDOE);
    let incoming = payload(
        &env,
        "jane.json",
        json!({"userName": "jane.doe@acme.example", "externalId": "okta-9"}),
    );
    for write in ["--yes", "--dry-run"] {
        let stderr = cli.fails(&["link", JDOE, "--payload", &incoming, write], 4);
        assert!(
            stderr.contains("cannot link accounts through SCIM"),
            "{stderr}"
        );
        assert!(stderr.contains("Connect SAML SSO"), "{stderr}");
    }
    assert_eq!(get_user(&sandbox, JDOE), original);
}

#[test]
fn link_on_scim2_server_makes_the_identity_providers_lookup_find_the_holder() {
    let env = TestEnv::new();
    let server = Scim2Server::start();
    let holder = server.create_user(json!({"userName": "jdoe", "externalId": "okta-old",
        "emails": [{"value": "jane.doe@example.com", "primary": true}]}));
    let id = holder["id"].as_str().unwrap();
    let cli = Scimctl::at(&env, &server);
    let incoming = payload(
        &env,
        "jane.json",
        json!({"userName": "jane.doe@example.com", "externalId": "okta-new",
            "emails": [{"value": "jane.doe@example.com", "primary": true}]}),
    );

    let doc = cli.json(&["link", id, "--payload", &incoming, "--dry-run"]);
    let plan = dry_run_plan(&doc, "link");
    assert_eq!(plan["steps"][0]["ifMatch"], holder["meta"]["version"]);
    needs_yes(&cli, &["link", id, "--payload", &incoming]);
    assert_eq!(
        get_user(&server, id)["meta"]["version"],
        holder["meta"]["version"]
    );

    let doc = cli.json(&["link", id, "--payload", &incoming, "--yes"]);
    applied(&doc, "link");
    let now = get_user(&server, id);
    assert_eq!(now["userName"], "jane.doe@example.com");
    assert_eq!(now["externalId"], "okta-new");
    assert_ne!(now["meta"]["version"], holder["meta"]["version"]);
    let found = filter_users(&server, "userName eq \"jane.doe@example.com\"");
    assert_eq!(ids(&found), [id]);
}

// ── provision ───────────────────────────────────────────────────────────────────────────────

#[test]
fn provision_creates_verifies_and_a_second_one_is_refused_as_taken() {
    let env = TestEnv::new();
    for api in [
        Box::new(generic_sandbox(&env)) as Box<dyn Api>,
        Box::new(pulumi_sandbox(&env)),
    ] {
        let api = api.as_ref();
        let state = state_dir(&env);
        let _ = std::fs::remove_dir_all(&state);
        let cli = Scimctl::at(&env, api);
        let incoming = payload(
            &env,
            "jamie.json",
            json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                "userName": "jamie", "displayName": "Jamie Doe",
                "emails": [{"value": "jamie@acme.example", "type": "work", "primary": true}]}),
        );
        let jamie = || filter_users(api, "userName eq \"jamie\"");

        let doc = cli.json(&["provision", "--payload", &incoming, "--dry-run"]);
        let plan = dry_run_plan(&doc, "provision");
        assert_eq!(plan["steps"][0]["method"], "POST");
        assert_eq!(plan["steps"][0]["user"]["userName"], "jamie");
        needs_yes(&cli, &["provision", "--payload", &incoming]);
        assert!(jamie().is_empty(), "nothing was created");

        // -v shows the 201 the create was answered with.
        let output = cli.ok(&[
            "provision",
            "--payload",
            &incoming,
            "--yes",
            "-o",
            "json",
            "-v",
        ]);
        let stderr = stderr_of(&output);
        assert!(
            stderr.contains("POST") && stderr.contains("→ 201"),
            "{stderr}"
        );
        let (journal_id, result) = applied(&json_of(&output), "provision");
        let id = result["id"].as_str().unwrap();
        assert_eq!(ids(&jamie()), [id]);
        assert_eq!(get_user(api, id)["displayName"], "Jamie Doe");

        // Again: the server answers 409, exit 1, nothing more created.
        let stderr = cli.fails(&["provision", "--payload", &incoming, "--yes"], 1);
        assert!(stderr.contains("409"), "{stderr}");
        assert_eq!(jamie().len(), 1);
        let journal = cli.journal();
        assert_eq!(journal["entries"][1]["status"], "failed", "{journal}");

        // A create is not undone by deleting.
        let id_arg = journal_id.to_string();
        let stderr = cli.fails(&["journal", "undo", &id_arg, "--yes"], 4);
        assert!(stderr.contains("delete"), "{stderr}");
        assert_eq!(jamie().len(), 1);
    }
}

#[test]
fn provision_on_pulumi_of_an_email_a_personal_account_holds_is_taken() {
    let env = TestEnv::new();
    let sandbox = pulumi_sandbox(&env);
    let cli = Scimctl::at(&env, &sandbox);
    let incoming = payload(
        &env,
        "jane.json",
        json!({"userName": "jane.doe", "emails": [{"value": "jane.doe@acme.example", "primary": true}]}),
    );
    let stderr = cli.fails(&["provision", "--payload", &incoming, "--yes"], 1);
    assert!(stderr.contains("409"), "{stderr}");
    assert!(filter_users(&sandbox, "userName eq \"jane.doe\"").is_empty());
    // --email gives the create another address: it goes through.
    cli.ok(&[
        "provision",
        "--payload",
        &incoming,
        "--email",
        "jane.doe+acme@acme.example",
        "--yes",
    ]);
    let created = filter_users(&sandbox, "userName eq \"jane.doe\"");
    assert_eq!(email_values(&created[0]), ["jane.doe+acme@acme.example"]);
}

// ── journal ─────────────────────────────────────────────────────────────────────────────────

#[test]
fn the_journal_lists_and_undoes_and_refuses_what_cannot_be_undone() {
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);
    let cli = Scimctl::at(&env, &sandbox);

    let journal = cli.journal();
    assert_eq!(journal["version"], 1);
    assert_eq!(journal["entries"], json!([]));
    assert_eq!(journal["path"], journal_file(&env).display().to_string());

    cli.ok(&["rename-user", BRUCE, "--to", "bwayne-old", "--yes"]);
    let journal = cli.journal();
    let entry = &journal["entries"][0];
    assert_eq!(entry["id"], 1);
    assert!(entry["time"].as_str().unwrap().ends_with('Z'), "{entry}");
    assert_eq!(entry["endpoint"], format!("{}/", sandbox.url));
    assert_eq!(entry["plan"]["action"], "rename-user");
    assert_eq!(entry["before"], json!([{"userName": "bwayne"}]));
    assert_eq!(entry["status"], "applied");
    assert_eq!(entry["completion"]["after"][0]["userName"], "bwayne-old");
    assert_eq!(entry["completion"]["ids"], json!([BRUCE]));
    assert!(
        !journal.to_string().contains("null"),
        "absent values are left out, never null: {journal}"
    );

    // --dry-run of an undo writes nothing.
    let doc = cli.json(&["journal", "undo", "1", "--dry-run"]);
    let plan = dry_run_plan(&doc, "undo");
    assert_eq!(
        plan["steps"][0]["changes"],
        json!([{"attribute": "userName", "before": "bwayne-old", "after": "bwayne"}])
    );
    needs_yes(&cli, &["journal", "undo", "1"]);
    assert_eq!(get_user(&sandbox, BRUCE)["userName"], "bwayne-old");

    // Undo puts the before-values back.
    let doc = cli.json(&["journal", "undo", "1", "--yes"]);
    let (undo_id, _) = applied(&doc, "undo");
    assert_eq!(undo_id, 2);
    assert_eq!(get_user(&sandbox, BRUCE)["userName"], "bwayne");
    let journal = cli.journal();
    assert_eq!(journal["entries"][0]["undoneBy"], 2);
    assert_eq!(journal["entries"][1]["undoes"], 1);
    assert_eq!(journal["entries"][1]["status"], "applied");

    // Twice: refused, nothing written.
    let version = get_user(&sandbox, BRUCE)["meta"]["version"].clone();
    let stderr = cli.fails(&["journal", "undo", "1", "--yes"], 4);
    assert!(stderr.contains("already undone by entry 2"), "{stderr}");
    assert_eq!(get_user(&sandbox, BRUCE)["meta"]["version"], version);

    // The state moved on after the write: refused, nothing written, nothing journaled.
    cli.ok(&[
        "release-email",
        "tony@acme.example",
        "--replace-with",
        "tony@stark.example",
        "--yes",
    ]);
    patch_user(
        &sandbox,
        TONY,
        json!([{"op": "add", "path": "emails", "value": [{"value": "tony@avengers.example"}]}]),
    );
    let moved = get_user(&sandbox, TONY);
    let stderr = cli.fails(&["journal", "undo", "3", "--yes"], 4);
    assert!(stderr.contains("nothing was changed"), "{stderr}");
    assert!(stderr.contains("emails of account"), "{stderr}");
    assert_eq!(get_user(&sandbox, TONY), moved);
    cli.ok(&["rename-user", CLARK, "--to", "clark", "--yes"]);
    patch_user(
        &sandbox,
        CLARK,
        json!([{"op": "replace", "path": "userName", "value": "superman"}]),
    );
    let stderr = cli.fails(&["journal", "undo", "4", "--yes"], 4);
    assert!(stderr.contains("is now \"superman\""), "{stderr}");
    assert_eq!(get_user(&sandbox, CLARK)["userName"], "superman");
    assert_eq!(cli.journal()["entries"].as_array().unwrap().len(), 4);

    // An entry that does not exist: a usage error.
    cli.fails(&["journal", "undo", "99", "--yes"], 2);

    // The token is never written to the journal, nor to any other file scimctl keeps.
    let text = std::fs::read_to_string(journal_file(&env)).unwrap();
    assert!(text.contains("bwayne-old"), "the journal holds the changes");
    assert!(
        !text.contains(&sandbox.token),
        "the token is in the journal"
    );
    for (path, bytes) in env.files_written() {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(&sandbox.token),
            "the token is in {}",
            path.display()
        );
    }
}

#[test]
fn undo_on_scim2_server_restores_the_before_values() {
    let env = TestEnv::new();
    let server = Scim2Server::start();
    let holder = server.create_user(json!({"userName": "jdoe", "externalId": "okta-old",
        "emails": [{"value": "jdoe@example.com", "type": "work", "primary": true},
                   {"value": "jd@home.example", "type": "home"}]}));
    let id = holder["id"].as_str().unwrap();
    let cli = Scimctl::at(&env, &server);

    cli.ok(&[
        "link",
        id,
        "--username",
        "jane",
        "--external-id",
        "okta-new",
        "--yes",
    ]);
    cli.ok(&["release-email", "jd@home.example", "--remove", "--yes"]);
    let changed = get_user(&server, id);
    assert_eq!(changed["userName"], "jane");
    assert_eq!(email_values(&changed), ["jdoe@example.com"]);

    // Newest first, each from the state the other left.
    cli.ok(&["journal", "undo", "2", "--yes"]);
    assert_eq!(
        email_values(&get_user(&server, id)),
        ["jdoe@example.com", "jd@home.example"]
    );
    cli.ok(&["journal", "undo", "1", "--yes"]);
    let now = get_user(&server, id);
    assert_eq!(now["userName"], "jdoe");
    assert_eq!(now["externalId"], "okta-old");
    let text = std::fs::read_to_string(journal_file(&env)).unwrap();
    assert!(!text.contains(&server.token));
}

// ── fake servers: a concurrent change, a stale ETag, a kill mid-write ──────────────────────

fn fake_user(id: &str, user_name: &str, emails: &[&str], version: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": id,
        "userName": user_name,
        "active": true,
        "emails": emails.iter().map(|e| json!({"value": e, "type": "work"})).collect::<Vec<_>>(),
        "meta": {"resourceType": "User", "version": version},
    })
}

fn user_reply(user: &Value) -> Reply {
    let etag = user["meta"]["version"].as_str().unwrap();
    response_with(
        200,
        &[("Content-Type", "application/scim+json"), ("ETag", etag)],
        &user.to_string(),
    )
}

/// A fake endpoint holding one account. The n-th `GET /Users/{id}` (0-based) is answered by
/// `read(n)`; filters find nobody; `write` answers the PATCH or POST.
fn fake_endpoint(
    id: &'static str,
    read: impl Fn(usize) -> Reply + Send + Sync + 'static,
    write: impl Fn(&Recorded) -> Reply + Send + Sync + 'static,
) -> FakeServer {
    let reads = Arc::new(AtomicUsize::new(0));
    FakeServer::start(move |request, _| {
        let path = request.path();
        match request.method.as_str() {
            "GET" if path.ends_with(&format!("/Users/{id}")) => {
                read(reads.fetch_add(1, Ordering::SeqCst))
            }
            "GET" if path.ends_with("/Users") => list_response(&[], 0),
            "GET" if path.ends_with("/ServiceProviderConfig") => response(
                200,
                "application/scim+json",
                r#"{"etag": {"supported": true}, "patch": {"supported": true}}"#,
            ),
            "PATCH" | "POST" | "PUT" | "DELETE" => write(request),
            _ => scim_error(404, None, "not here"),
        }
    })
}

fn writes(server: &FakeServer) -> Vec<Recorded> {
    server
        .requests()
        .into_iter()
        .filter(|r| r.method != "GET")
        .collect()
}

#[test]
fn dry_run_and_no_terminal_send_no_write_at_all() {
    let env = TestEnv::new();
    let user = fake_user("u1", "jdoe", &["jdoe@example.com"], "W/\"1\"");
    let server = fake_endpoint(
        "u1",
        move |_| user_reply(&user),
        |_| scim_error(500, None, "no write was expected"),
    );
    let cli = Scimctl::fake(&env, &server);
    let incoming = payload(
        &env,
        "u.json",
        json!({"userName": "jamie", "externalId": "x-1"}),
    );
    for args in [
        &["rename-user", "u1", "--to", "jdoe2"][..],
        &["release-email", "jdoe@example.com", "--from", "u1"],
        &[
            "release-email",
            "jdoe@example.com",
            "--from",
            "u1",
            "--remove",
        ],
        &["link", "u1", "--payload", &incoming],
        &["provision", "--payload", &incoming],
    ] {
        let mut dry = args.to_vec();
        dry.extend(["--provider", "generic", "--dry-run", "-o", "json"]);
        let doc = json_of(&cli.ok(&dry));
        assert_eq!(doc["dryRun"], true);
        let mut bare = args.to_vec();
        bare.extend(["--provider", "generic"]);
        needs_yes(&cli, &bare);
        assert_eq!(writes(&server).len(), 0, "{args:?} wrote");
    }
    assert!(!journal_file(&env).exists());
}

#[test]
fn a_change_between_plan_and_apply_stops_before_any_write() {
    // (GET #0 is the plan's read, GET #1 apply's re-read.)
    let cases: [(&str, Value, &[&str], &str); 3] = [
        (
            "the userName changed",
            fake_user("u1", "jdoe-renamed", &["jdoe@example.com"], "W/\"2\""),
            &["rename-user", "u1", "--to", "jdoe2"],
            "userName of account u1 is now \"jdoe-renamed\"",
        ),
        (
            "the email changed",
            fake_user("u1", "jdoe", &["jdoe@other.example"], "W/\"2\""),
            &["release-email", "jdoe@example.com", "--from", "u1"],
            "emails of account u1 is now [jdoe@other.example]",
        ),
        (
            "only the version changed",
            fake_user("u1", "jdoe", &["jdoe@example.com"], "W/\"2\""),
            &["rename-user", "u1", "--to", "jdoe2"],
            "version W/\"1\" is now W/\"2\"",
        ),
    ];
    for (what, second, args, message) in cases {
        let env = TestEnv::new();
        let first = fake_user("u1", "jdoe", &["jdoe@example.com"], "W/\"1\"");
        let server = fake_endpoint(
            "u1",
            move |n| user_reply(if n == 0 { &first } else { &second }),
            |_| response(200, "application/scim+json", "{}"),
        );
        let cli = Scimctl::fake(&env, &server);
        let mut all = args.to_vec();
        all.extend(["--provider", "generic", "--yes"]);
        let stderr = cli.fails(&all, 4);
        assert!(stderr.contains(message), "{what}: {stderr}");
        assert!(stderr.contains("nothing was changed"), "{what}: {stderr}");
        assert_eq!(writes(&server).len(), 0, "{what}: a write was sent");
        assert_eq!(cli.journal()["entries"], json!([]), "{what}");
    }
}

#[test]
fn a_stale_etag_answered_412_exits_4_and_the_journal_says_failed() {
    let env = TestEnv::new();
    let user = fake_user("u1", "jdoe", &["jdoe@example.com"], "W/\"1\"");
    let server = fake_endpoint(
        "u1",
        move |_| user_reply(&user),
        |_| scim_error(412, None, "Resource version mismatch"),
    );
    let cli = Scimctl::fake(&env, &server);
    let stderr = cli.fails(
        &[
            "rename-user",
            "u1",
            "--to",
            "jdoe2",
            "--provider",
            "generic",
            "--yes",
        ],
        4,
    );
    assert!(stderr.contains("412"), "{stderr}");
    let sent = writes(&server);
    assert_eq!(sent.len(), 1, "the PATCH is sent once, never retried");
    assert_eq!(sent[0].method, "PATCH");
    assert_eq!(sent[0].header("If-Match"), Some("W/\"1\""));
    let body: Value = serde_json::from_slice(&sent[0].body).unwrap();
    assert_eq!(
        body["Operations"],
        json!([{"op": "replace", "path": "userName", "value": "jdoe2"}])
    );
    let journal = cli.journal();
    let entry = &journal["entries"][0];
    assert_eq!(entry["status"], "failed", "{journal}");
    assert_eq!(entry["before"], json!([{"userName": "jdoe"}]));
    assert!(
        entry["completion"]["reason"]
            .as_str()
            .unwrap()
            .contains("412"),
        "{journal}"
    );
    let stderr = cli.fails(&["journal", "undo", "1", "--yes"], 4);
    assert!(stderr.contains("is failed"), "{stderr}");
    let text = std::fs::read_to_string(journal_file(&env)).unwrap();
    assert!(!text.contains(FAKE_TOKEN));
}

#[test]
fn the_intent_is_journaled_before_the_write_so_a_kill_mid_write_leaves_it_in_doubt() {
    let env = TestEnv::new();
    let user = fake_user("u1", "jdoe", &["jdoe@example.com"], "W/\"1\"");
    let server = fake_endpoint(
        "u1",
        move |_| user_reply(&user),
        |_| Reply::Hang(Duration::from_secs(60)),
    );
    let mut child = env
        .std_scimctl()
        .env("SCIMCTL_URL", server.url())
        .env("SCIMCTL_TOKEN", FAKE_TOKEN)
        .env("SCIMCTL_STATE_DIR", state_dir(&env))
        .env("SCIMCTL_MAX_RETRIES", "0")
        .env("SCIMCTL_TIMEOUT", "60")
        .args([
            "rename-user",
            "u1",
            "--to",
            "jdoe2",
            "--provider",
            "generic",
            "--yes",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the PATCH to arrive (the process would exit on its own at its 60 s timeout).
    while !server.requests().iter().any(|r| r.method == "PATCH") {
        if let Some(status) = child.try_wait().unwrap() {
            let output = child.wait_with_output().unwrap();
            panic!(
                "scimctl ended ({status}) before its PATCH: {}",
                stderr_of(&output)
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap(); // SIGKILL: no chance to record anything more
    let status = child.wait().unwrap();
    assert_eq!(status.code(), None, "killed by a signal");

    let cli = Scimctl::fake(&env, &server);
    let journal = cli.journal();
    let entries = journal["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{journal}");
    assert_eq!(entries[0]["status"], "in-doubt");
    assert!(entries[0].get("completion").is_none());
    assert_eq!(entries[0]["before"], json!([{"userName": "jdoe"}]));
    assert_eq!(
        entries[0]["plan"]["steps"][0]["operations"][0]["value"],
        "jdoe2"
    );
    // An entry in doubt is not undone blindly.
    let stderr = cli.fails(&["journal", "undo", "1", "--yes"], 4);
    assert!(stderr.contains("in-doubt"), "{stderr}");
    let text = std::fs::read_to_string(journal_file(&env)).unwrap();
    assert!(!text.contains(FAKE_TOKEN));
}

#[test]
fn a_write_whose_outcome_is_unknown_is_left_in_doubt_never_called_failed() {
    // The PATCH is answered 200, then reading the account back fails: the change was made but
    // not verified. (GET #0 plan, #1 re-read, #2 read-back.)
    let env = TestEnv::new();
    let user = fake_user("u1", "jdoe", &["jdoe@example.com"], "W/\"1\"");
    let server = fake_endpoint(
        "u1",
        move |n| match n {
            0 | 1 => user_reply(&user),
            _ => scim_error(503, None, "down for maintenance"),
        },
        |_| response(204, "application/scim+json", ""),
    );
    let cli = Scimctl::fake(&env, &server);
    let stderr = cli.fails(
        &[
            "rename-user",
            "u1",
            "--to",
            "jdoe2",
            "--provider",
            "generic",
            "--yes",
        ],
        6,
    );
    assert!(stderr.contains("in doubt"), "{stderr}");
    assert_eq!(cli.journal()["entries"][0]["status"], "in-doubt");

    // The connection drops after the PATCH was sent; reading back shows it happened: done.
    let env = TestEnv::new();
    let first = fake_user("u1", "jdoe", &["jdoe@example.com"], "W/\"1\"");
    let after = fake_user("u1", "jdoe2", &["jdoe@example.com"], "W/\"2\"");
    let server = fake_endpoint(
        "u1",
        move |n| user_reply(if n < 2 { &first } else { &after }),
        |_| Reply::Close,
    );
    let cli = Scimctl::fake(&env, &server);
    cli.ok(&[
        "rename-user",
        "u1",
        "--to",
        "jdoe2",
        "--provider",
        "generic",
        "--yes",
    ]);
    assert_eq!(writes(&server).len(), 1, "never sent twice");
    assert_eq!(cli.journal()["entries"][0]["status"], "applied");

    // The same, but reading back shows the old values: it did not happen.
    let env = TestEnv::new();
    let user = fake_user("u1", "jdoe", &["jdoe@example.com"], "W/\"1\"");
    let server = fake_endpoint("u1", move |_| user_reply(&user), |_| Reply::Close);
    let cli = Scimctl::fake(&env, &server);
    cli.fails(
        &[
            "rename-user",
            "u1",
            "--to",
            "jdoe2",
            "--provider",
            "generic",
            "--yes",
        ],
        5,
    );
    assert_eq!(writes(&server).len(), 1, "never sent twice");
    assert_eq!(cli.journal()["entries"][0]["status"], "failed");
}

#[test]
fn a_create_answered_without_a_body_is_found_by_its_username_and_verified() {
    let env = TestEnv::new();
    let mut created = fake_user("new-1", "jamie", &["jamie@example.com"], "W/\"1\"");
    created["externalId"] = json!("okta-jamie");
    let posted = Arc::new(AtomicUsize::new(0));
    let server = FakeServer::start(move |request, _| match request.method.as_str() {
        // 201 with neither the resource nor its id: the create happened all the same.
        "POST" => {
            posted.fetch_add(1, Ordering::SeqCst);
            response(201, "application/scim+json", "")
        }
        // Nobody holds the name before the create; the new account, with the externalId sent,
        // after it.
        "GET" if request.path().ends_with("/Users") => match posted.load(Ordering::SeqCst) {
            0 => list_response(&[], 0),
            _ => list_response(std::slice::from_ref(&created), 1),
        },
        _ => scim_error(404, None, "not here"),
    });
    let cli = Scimctl::fake(&env, &server);
    let incoming = payload(
        &env,
        "jamie.json",
        json!({"userName": "jamie", "externalId": "okta-jamie", "emails": [{"value": "jamie@example.com", "type": "work"}]}),
    );
    let doc = cli.json(&[
        "provision",
        "--payload",
        &incoming,
        "--provider",
        "generic",
        "--yes",
    ]);
    let (_, result) = applied(&doc, "provision");
    assert_eq!(result["id"], "new-1");
    assert_eq!(writes(&server).len(), 1, "the POST is sent once");
    // After the create, "jamie" was looked up (here by reading the directory: in an empty one
    // no filter could be proven) rather than the POST sent again.
    let requests = server.requests();
    let post = requests.iter().position(|r| r.method == "POST").unwrap();
    assert!(
        requests[post + 1..]
            .iter()
            .any(|r| r.method == "GET" && r.path().ends_with("/Users")),
        "a lookup after the create"
    );
    let entry = &cli.journal()["entries"][0];
    assert_eq!(entry["status"], "applied", "{entry}");
    assert_eq!(entry["completion"]["ids"], json!(["new-1"]));
}

// ── release-email where the value path is refused; undo as safe as the command ─────────────

/// How a stateful fake answers a PATCH whose path filters emails by value.
#[derive(Clone, Copy)]
enum ValuePath {
    /// 400 invalidPath, as better-auth does.
    Refused,
    /// 200 with the account unchanged.
    Ignored,
}

/// What a stateful fake does with a whole-`emails` replace.
#[derive(Clone, Copy)]
enum WholeList {
    Applied,
    Ignored,
}

/// A fake endpoint keeping `users` (each with `meta.version`), that ETags are advertised for
/// and `If-Match` is enforced on. Filters are ignored (every user is listed: scimctl must
/// compare itself); a PATCH `replace` of `userName` or of the whole `emails` list is applied
/// (the latter as `whole` says), a path filtering emails by value answered as `value_path` says.
fn stateful_endpoint(
    users: Arc<std::sync::Mutex<Vec<Value>>>,
    value_path: ValuePath,
    whole: WholeList,
) -> FakeServer {
    FakeServer::start(move |request, _| {
        let mut users = users.lock().unwrap();
        let path = request.path().to_string();
        let id = path.rsplit('/').next().unwrap_or("").to_string();
        let index = users.iter().position(|u| u["id"] == id.as_str());
        match (request.method.as_str(), index) {
            ("GET", _) if path.ends_with("/ServiceProviderConfig") => response(
                200,
                "application/scim+json",
                r#"{"etag": {"supported": true}, "patch": {"supported": true}, "filter": {"supported": true}}"#,
            ),
            ("GET", _) if path.ends_with("/Users") => list_response(&users, users.len()),
            ("GET", Some(i)) => user_reply(&users[i]),
            ("PATCH", Some(i)) => {
                let version = users[i]["meta"]["version"].clone();
                if request.header("If-Match").is_some_and(|m| m != version) {
                    return scim_error(412, None, "version mismatch");
                }
                let body: Value = serde_json::from_slice(&request.body).unwrap();
                let mut user = users[i].clone();
                for op in body["Operations"].as_array().unwrap() {
                    match op["path"].as_str().unwrap_or("") {
                        "userName" => user["userName"] = op["value"].clone(),
                        "emails" => match whole {
                            WholeList::Applied => user["emails"] = op["value"].clone(),
                            WholeList::Ignored => {}
                        },
                        p if p.starts_with("emails[value eq") => match value_path {
                            ValuePath::Refused => {
                                return scim_error(
                                    400,
                                    Some("invalidPath"),
                                    "Invalid path: emails[value eq ...]",
                                );
                            }
                            ValuePath::Ignored => {}
                        },
                        other => return scim_error(400, Some("invalidPath"), other),
                    }
                }
                if user != users[i] {
                    let n: u64 = version.as_str().unwrap()[3..]
                        .trim_end_matches('"')
                        .parse()
                        .unwrap();
                    user["meta"]["version"] = json!(format!("W/\"{}\"", n + 1));
                }
                users[i] = user;
                user_reply(&users[i])
            }
            _ => scim_error(404, None, "not here"),
        }
    })
}

fn account(id: &str, user_name: &str, emails: Value) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": id, "userName": user_name, "active": true, "emails": emails,
        "meta": {"resourceType": "User", "version": "W/\"1\""},
    })
}

fn two_emails() -> Value {
    json!([
        {"value": "jdoe@example.com", "type": "work", "primary": true, "display": "J. Doe (work)"},
        {"value": "j@home.example", "type": "home", "display": "Jay", "x-label": {"kept": [1, 2]}}
    ])
}

fn patch_bodies(server: &FakeServer) -> Vec<(Value, Option<String>)> {
    writes(server)
        .iter()
        .map(|w| {
            assert_eq!(w.method, "PATCH");
            (
                serde_json::from_slice(&w.body).unwrap(),
                w.header("If-Match").map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn release_email_falls_back_to_the_whole_list_once_where_the_value_path_is_refused() {
    let env = TestEnv::new();
    let users = Arc::new(std::sync::Mutex::new(vec![account(
        "u1",
        "jdoe",
        two_emails(),
    )]));
    let server = stateful_endpoint(users.clone(), ValuePath::Refused, WholeList::Applied);
    let cli = Scimctl::fake(&env, &server);
    let args = [
        "release-email",
        "J@HOME.example",
        "--from",
        "u1",
        "--remove",
        "--provider",
        "generic",
    ];

    // The plan shows the alternative before anything is confirmed.
    let mut dry = args.to_vec();
    dry.extend(["--dry-run", "-o", "json"]);
    let plan = dry_run_plan(&json_of(&cli.ok(&dry)), "release-email");
    assert_eq!(
        plan["steps"][0]["fallback"],
        json!([{"op": "replace", "path": "emails", "value": [two_emails()[0]]}]),
        "{plan}"
    );
    let mut table = args.to_vec();
    table.push("--dry-run");
    let shown = String::from_utf8_lossy(&cli.ok(&table).stdout).into_owned();
    assert!(shown.contains("replaces the whole emails list"), "{shown}");

    let mut yes = args.to_vec();
    yes.extend(["--yes", "-o", "json"]);
    let doc = json_of(&cli.ok(&yes));

    applied(&doc, "release-email");
    let sent = patch_bodies(&server);
    assert_eq!(
        sent.len(),
        2,
        "the value path, then the whole list, once: {sent:?}"
    );
    assert_eq!(
        sent[0].0["Operations"],
        json!([{"op": "remove", "path": "emails[value eq \"j@home.example\"]"}])
    );
    // The other address exactly as stored: type, primary, display and what scimctl does not know.
    assert_eq!(
        sent[1].0["Operations"],
        json!([{"op": "replace", "path": "emails", "value": [two_emails()[0]]}])
    );
    assert_eq!(sent[1].1.as_deref(), Some("W/\"1\""), "guarded by If-Match");
    assert_eq!(users.lock().unwrap()[0]["emails"], json!([two_emails()[0]]));
    let entry = &cli.journal()["entries"][0];
    assert_eq!(entry["status"], "applied", "{entry}");
    assert!(entry["plan"]["steps"][0]["fallback"].is_array(), "{entry}");
    let reason = entry["completion"]["reason"].as_str().unwrap_or_default();
    assert!(reason.contains("invalidPath"), "{entry}");
    assert!(reason.contains("fallback"), "{entry}");

    // Undo puts the address back as it was, also by a whole-list replace.
    cli.ok(&["journal", "undo", "1", "--yes"]);
    assert_eq!(users.lock().unwrap()[0]["emails"], two_emails());
}

#[test]
fn release_email_answered_200_without_a_change_takes_the_fallback_and_never_a_third_write() {
    // 200 to the value path, the account unchanged: the fallback is sent, and works.
    let env = TestEnv::new();
    let users = Arc::new(std::sync::Mutex::new(vec![account(
        "u1",
        "jdoe",
        two_emails(),
    )]));
    let server = stateful_endpoint(users.clone(), ValuePath::Ignored, WholeList::Applied);
    let cli = Scimctl::fake(&env, &server);
    let args = [
        "release-email",
        "j@home.example",
        "--from",
        "u1",
        "--remove",
        "--provider",
        "generic",
        "--yes",
    ];
    cli.ok(&args);
    assert_eq!(patch_bodies(&server).len(), 2);
    assert_eq!(users.lock().unwrap()[0]["emails"], json!([two_emails()[0]]));
    let reason = cli.journal()["entries"][0]["completion"]["reason"].clone();
    assert!(
        reason.as_str().unwrap().contains("nothing changed"),
        "{reason}"
    );

    // A server that changes nothing either way: a no-op, exit 6, and no third write.
    let env = TestEnv::new();
    let users = Arc::new(std::sync::Mutex::new(vec![account(
        "u1",
        "jdoe",
        two_emails(),
    )]));
    let server = stateful_endpoint(users.clone(), ValuePath::Ignored, WholeList::Ignored);
    let cli = Scimctl::fake(&env, &server);

    let stderr = cli.fails(&args, 6);

    assert!(stderr.contains("changed nothing"), "{stderr}");
    assert!(stderr.contains("fallback"), "{stderr}");
    assert_eq!(patch_bodies(&server).len(), 2, "never a third write");
    assert_eq!(users.lock().unwrap()[0]["emails"], two_emails());
    let entry = &cli.journal()["entries"][0];
    assert_eq!(entry["status"], "failed", "nothing was changed: {entry}");
}

#[test]
fn journal_undo_of_a_rename_is_refused_when_the_old_name_is_now_held_in_another_case() {
    let env = TestEnv::new();
    let users = Arc::new(std::sync::Mutex::new(vec![account(
        "u1",
        "jdoe",
        json!([{"value": "jdoe@example.com"}]),
    )]));
    let server = stateful_endpoint(users.clone(), ValuePath::Refused, WholeList::Applied);
    let cli = Scimctl::fake(&env, &server);
    cli.ok(&[
        "rename-user",
        "u1",
        "--to",
        "jdoe-old",
        "--provider",
        "generic",
        "--yes",
    ]);
    users.lock().unwrap().push(account(
        "u2",
        "JDoe",
        json!([{"value": "jamie@example.com"}]),
    ));

    let stderr = cli.fails(
        &["journal", "undo", "1", "--provider", "generic", "--yes"],
        1,
    );

    assert!(stderr.contains("\"jdoe\""), "{stderr}");
    assert!(stderr.contains("u2"), "names the holder: {stderr}");
    assert_eq!(
        patch_bodies(&server).len(),
        1,
        "no write was sent for the undo"
    );
    assert_eq!(users.lock().unwrap()[0]["userName"], "jdoe-old");
    assert_eq!(cli.journal()["entries"].as_array().unwrap().len(), 1);
}

#[test]
fn journal_undo_carries_if_match_where_etags_are_trusted() {
    let env = TestEnv::new();
    let users = Arc::new(std::sync::Mutex::new(vec![account(
        "u1",
        "jdoe",
        json!([{"value": "jdoe@example.com"}]),
    )]));
    let server = stateful_endpoint(users.clone(), ValuePath::Refused, WholeList::Applied);
    let cli = Scimctl::fake(&env, &server);
    cli.ok(&[
        "rename-user",
        "u1",
        "--to",
        "jdoe-old",
        "--provider",
        "generic",
        "--yes",
    ]);

    let doc = cli.json(&["journal", "undo", "1", "--provider", "generic", "--dry-run"]);
    assert_eq!(dry_run_plan(&doc, "undo")["steps"][0]["ifMatch"], "W/\"2\"");
    cli.ok(&["journal", "undo", "1", "--provider", "generic", "--yes"]);

    let sent = patch_bodies(&server);
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[1].1.as_deref(), Some("W/\"2\""), "{sent:?}");
    assert_eq!(
        sent[1].0["Operations"],
        json!([{"op": "replace", "path": "userName", "value": "jdoe"}])
    );
    assert_eq!(users.lock().unwrap()[0]["userName"], "jdoe");
}

#[test]
fn provision_offers_no_undo_it_cannot_do() {
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);
    let cli = Scimctl::at(&env, &sandbox);
    let incoming = payload(
        &env,
        "casey.json",
        json!({"userName": "casey", "emails": [{"value": "casey@acme.example"}]}),
    );

    let output = cli.ok(&["provision", "--payload", &incoming, "--yes"]);

    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("journal undo"), "{stdout}");
    assert!(
        stderr_of(&output).contains("does not undo a create"),
        "{}",
        stderr_of(&output)
    );
    let stderr = cli.fails(&["journal", "undo", "1", "--yes"], 4);
    assert!(stderr.contains("would delete the account"), "{stderr}");
}

#[test]
fn release_email_releases_a_non_ascii_address_from_the_account_users_find_names() {
    let env = TestEnv::new();
    let sandbox = generic_sandbox(&env);
    let (status, created) = Api::call(
        &sandbox,
        "POST",
        "/Users",
        Some(
            &json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "jose", "emails": [
                {"value": "josé@acme.example", "type": "work", "primary": true},
                {"value": "jose@home.example", "type": "home"}]}),
        ),
    );
    assert_eq!(status, 201, "{created}");
    let cli = Scimctl::at(&env, &sandbox);

    let found = cli.json(&["users", "find", "--email", "JOSÉ@ACME.EXAMPLE"]);
    let doc = cli.json(&[
        "release-email",
        "JOSÉ@ACME.EXAMPLE",
        "--remove",
        "--dry-run",
    ]);

    assert_eq!(found["users"][0]["id"], created["id"], "{found}");
    let plan = dry_run_plan(&doc, "release-email");
    assert_eq!(plan["steps"][0]["id"], created["id"], "{plan}");
    assert_eq!(
        plan["steps"][0]["operations"][0]["path"],
        "emails[value eq \"josé@acme.example\"]"
    );
}
