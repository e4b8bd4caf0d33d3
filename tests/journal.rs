//! The journal loses nothing: a damaged file (a torn last line, NUL bytes, invalid UTF-8, an
//! overlong line) never swallows the next write or blocks the others; ids never repeat (20
//! writer processes at once) or wrap; Ctrl-C during a write lets it finish or names the entry
//! left in doubt; and `journal settle N` reads the account back to settle an entry in doubt.
//! Server state is checked by HTTP, never through scimctl.

use std::path::PathBuf;
use std::process::{Child, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::{
    FakeServer, Recorded, Reply, SandboxProcess, TestEnv, json_of, list_response, response_with,
    scim_error, stderr_of,
};

const COMMON: &str = include_str!("../examples/common-conflicts.json");
const CLARK: &str = "b1f0c8e2-0000-4000-8000-000000000002"; // CKent
const FAKE_TOKEN: &str = "journal-test-token";

/// scimctl against one server, its journal in the test's directory, no retries, no terminal.
struct Cli<'a> {
    env: &'a TestEnv,
    url: String,
    token: String,
}

impl<'a> Cli<'a> {
    fn sandbox(env: &'a TestEnv, sandbox: &SandboxProcess) -> Cli<'a> {
        Cli {
            env,
            url: sandbox.url.clone(),
            token: sandbox.token.clone(),
        }
    }

    fn fake(env: &'a TestEnv, server: &FakeServer) -> Cli<'a> {
        Cli {
            env,
            url: server.url(),
            token: FAKE_TOKEN.into(),
        }
    }

    fn std_command(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = self.env.std_scimctl();
        cmd.env("SCIMCTL_URL", &self.url)
            .env("SCIMCTL_TOKEN", &self.token)
            .env("SCIMCTL_STATE_DIR", self.env.path().join("state"))
            .env("SCIMCTL_MAX_RETRIES", "0")
            .env("SCIMCTL_TIMEOUT", "60")
            .args(args)
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut cmd = assert_cmd::Command::from_std(self.std_command(args));
        cmd.timeout(Duration::from_secs(120));
        cmd.output().expect("scimctl runs")
    }

    /// Runs and expects `code`; with a non-zero code, one error line ending `(exit code)`.
    fn expect(&self, args: &[&str], code: i32) -> Output {
        let output = self.run(args);
        let stderr = stderr_of(&output);
        assert!(!stderr.contains("panicked"), "a panic:\n{stderr}");
        assert_eq!(
            output.status.code(),
            Some(code),
            "scimctl {args:?}\n{stderr}"
        );
        if code != 0 {
            let errors = crate::support::error_lines(&stderr);
            assert_eq!(errors.len(), 1, "one error line:\n{stderr}");
            assert!(errors[0].ends_with(&format!("(exit {code})")), "{stderr}");
        }
        output
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.extend(["-o", "json"]);
        json_of(&self.expect(&all, 0))
    }

    fn journal(&self) -> Value {
        self.json(&["journal", "list"])
    }

    fn rename(&self, id: &str, to: &str) -> Output {
        self.run(&[
            "rename-user",
            id,
            "--to",
            to,
            "--provider",
            "generic",
            "--yes",
        ])
    }

    fn spawn(&self, args: &[&str]) -> Child {
        self.std_command(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("scimctl starts")
    }
}

fn journal_file(env: &TestEnv) -> PathBuf {
    env.path().join("state").join("journal.jsonl")
}

fn append_bytes(env: &TestEnv, bytes: &[u8]) {
    let mut all = std::fs::read(journal_file(env)).unwrap();
    all.extend_from_slice(bytes);
    std::fs::write(journal_file(env), all).unwrap();
}

fn sandbox(env: &TestEnv) -> SandboxProcess {
    let path = env.path().join("seed.json");
    std::fs::write(&path, COMMON).unwrap();
    SandboxProcess::start(env, &["--seed", path.to_str().unwrap()])
}

fn user_name_on(sandbox: &SandboxProcess, id: &str) -> String {
    let response = sandbox.call("GET", &format!("/Users/{id}"), None);
    assert_eq!(response.status, 200, "{}", response.body);
    let user: Value = serde_json::from_str(&response.body).unwrap();
    user["userName"].as_str().unwrap().to_string()
}

fn ids(journal: &Value) -> Vec<u64> {
    journal["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_u64().unwrap())
        .collect()
}

fn succeeded(output: &Output) {
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(output));
}

// ── a damaged journal ──────────────────────────────────────────────────────────────────────

#[test]
fn a_torn_last_line_keeps_the_next_write_intact_with_an_id_of_its_own() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let cli = Cli::sandbox(&env, &sandbox);
    succeeded(&cli.rename(CLARK, "ckent2"));
    // A crash cut entry 2's intent off mid-append (after its id was written).
    append_bytes(&env, br#"{"intent":{"id":2,"time":"2026-12-01T"#);

    succeeded(&cli.rename(CLARK, "ckent3"));
    let journal = cli.journal();
    assert_eq!(ids(&journal), [1, 3], "a torn id is never handed out again");
    assert_eq!(journal["entries"][1]["status"], "applied", "{journal}");
    assert_eq!(journal["damaged"][0]["line"], 3, "{journal}");
    assert!(
        journal["damaged"][0]["problem"]
            .as_str()
            .unwrap()
            .contains("cut off"),
        "{journal}"
    );
    let stderr = stderr_of(&cli.expect(&["journal", "list"], 0));
    assert!(
        stderr.contains("warning:") && stderr.contains("line 3 cut off"),
        "{stderr}"
    );

    // The entry written after the damage is whole: undoing it reverts that change, no other.
    succeeded(&cli.run(&["journal", "undo", "3", "--yes"]));
    assert_eq!(user_name_on(&sandbox, CLARK), "ckent2");
}

#[test]
fn nul_bytes_invalid_utf8_and_an_overlong_line_are_named_and_block_nothing() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let cli = Cli::sandbox(&env, &sandbox);
    succeeded(&cli.rename(CLARK, "ckent2"));
    let mut damage = Vec::new();
    damage.extend_from_slice(b"{\"completion\":{\"id\":1,\"time\":\"\xff\xfe\"}}\n"); // line 3
    damage.extend_from_slice(b"{\"intent\":{\"id\":5,\"time\":\""); // line 4, 2 MiB long
    damage.extend(std::iter::repeat_n(b'x', 2 << 20));
    damage.extend_from_slice(b"\"}}\n");
    damage.extend_from_slice(&[0; 512]); // line 5: a full disk's zeroes, no newline
    append_bytes(&env, &damage);

    succeeded(&cli.rename(CLARK, "ckent3"));
    let journal = cli.journal();
    assert_eq!(ids(&journal), [1, 6], "{journal}");
    let damaged: Vec<(u64, String)> = journal["damaged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["problem"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(damaged.len(), 3, "{damaged:?}");
    assert_eq!(damaged[0].0, 3);
    assert!(damaged[0].1.contains("not UTF-8"), "{damaged:?}");
    assert_eq!(damaged[1].0, 4);
    assert!(
        damaged[1].1.contains("longer than the 1 MiB"),
        "{damaged:?}"
    );
    assert_eq!(damaged[2].0, 5);
    assert!(damaged[2].1.contains("NUL bytes"), "{damaged:?}");
    assert_eq!(journal["entries"][0]["status"], "applied");
    assert_eq!(journal["entries"][1]["status"], "applied");
    let text = std::fs::read(journal_file(&env)).unwrap();
    assert!(
        text.ends_with(b"\n") && text.windows(2).any(|w| w == [0, b'\n']),
        "the new entry starts on a fresh line after the zeroes"
    );
}

#[test]
fn an_entry_with_the_highest_possible_id_refuses_the_next_write_instead_of_wrapping() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let cli = Cli::sandbox(&env, &sandbox);
    succeeded(&cli.rename(CLARK, "ckent2"));
    let text = std::fs::read_to_string(journal_file(&env)).unwrap();
    std::fs::write(
        journal_file(&env),
        text.replace(r#"{"id":1,"#, &format!(r#"{{"id":{},"#, u64::MAX)),
    )
    .unwrap();
    assert_eq!(ids(&cli.journal()), [u64::MAX]);

    let stderr = stderr_of(&cli.expect(
        &[
            "rename-user",
            CLARK,
            "--to",
            "ckent3",
            "--provider",
            "generic",
            "--yes",
        ],
        2,
    ));
    assert!(stderr.contains("largest a journal can hold"), "{stderr}");
    assert!(stderr.contains("nothing was changed"), "{stderr}");
    assert_eq!(user_name_on(&sandbox, CLARK), "ckent2", "no write was sent");
    assert_eq!(ids(&cli.journal()), [u64::MAX]);
}

#[test]
fn twenty_writers_at_once_get_twenty_distinct_ids_and_every_entry_is_intact() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let cli = Cli::sandbox(&env, &sandbox);
    let payloads: Vec<String> = (0..20)
        .map(|n| {
            let path = env.path().join(format!("user-{n}.json"));
            let user = json!({"userName": format!("writer-{n}"), "externalId": format!("ext-{n}")});
            std::fs::write(&path, user.to_string()).unwrap();
            path.display().to_string()
        })
        .collect();
    let children: Vec<Child> = payloads
        .iter()
        .map(|p| {
            cli.spawn(&[
                "provision",
                "--payload",
                p,
                "--provider",
                "generic",
                "--yes",
            ])
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        succeeded(&output);
    }

    let journal = cli.journal();
    assert!(journal.get("damaged").is_none(), "{journal}");
    let mut got = ids(&journal);
    got.sort();
    assert_eq!(got, (1..=20).collect::<Vec<u64>>(), "{journal}");
    let mut names: Vec<String> = journal["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["status"], "applied", "{e}");
            e["plan"]["steps"][0]["user"]["userName"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    names.sort();
    let mut wanted: Vec<String> = (0..20).map(|n| format!("writer-{n}")).collect();
    wanted.sort();
    assert_eq!(names, wanted, "every entry is its own write");
}

#[test]
fn twenty_writers_released_at_the_same_instant_still_get_twenty_distinct_ids() {
    // The sandbox lets writers drift apart; here each one's last read before writing is held
    // until all 20 have asked, so all 20 journal their intent at once.
    let env = TestEnv::new();
    let released = Arc::new(std::sync::Barrier::new(20));
    let reads = Arc::new(Mutex::new(std::collections::HashMap::<String, usize>::new()));
    let server = FakeServer::start(move |request, _| {
        let path = request.path();
        match (request.method.as_str(), path.rsplit_once("/Users/")) {
            ("GET", Some((_, id))) => {
                let n = {
                    let mut reads = reads.lock().unwrap();
                    let count = reads.entry(id.to_string()).or_default();
                    *count += 1;
                    *count - 1
                };
                // #0 the plan's read, #1 apply's re-read (held), #2 the read-back.
                if n == 1 {
                    released.wait();
                }
                let name = if n < 2 {
                    format!("old-{id}")
                } else {
                    format!("new-{id}")
                };
                let mut user = fake_user(&name);
                user["id"] = json!(id);
                user_reply(&user)
            }
            ("GET", None) => list_response(&[], 0),
            ("PATCH", Some(_)) => response_with(204, &[], ""),
            _ => scim_error(404, None, "not here"),
        }
    });
    let cli = Cli::fake(&env, &server);
    let children: Vec<Child> = (0..20)
        .map(|n| {
            let (id, to) = (format!("u{n}"), format!("new-u{n}"));
            cli.spawn(&[
                "rename-user",
                &id,
                "--to",
                &to,
                "--provider",
                "generic",
                "--yes",
            ])
        })
        .collect();
    for child in children {
        succeeded(&child.wait_with_output().unwrap());
    }
    let journal = cli.journal();
    assert!(journal.get("damaged").is_none(), "{journal}");
    let mut got = ids(&journal);
    got.sort();
    assert_eq!(got, (1..=20).collect::<Vec<u64>>());
    let mut targets: Vec<String> = journal["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["status"], "applied", "{e}");
            assert_eq!(
                e["completion"]["ids"][0], e["plan"]["steps"][0]["id"],
                "{e}"
            );
            e["plan"]["steps"][0]["id"].as_str().unwrap().to_string()
        })
        .collect();
    targets.sort();
    targets.dedup();
    assert_eq!(targets.len(), 20, "each entry is its own account's write");
}

// ── settling an entry in doubt ─────────────────────────────────────────────────────────────

#[test]
fn an_entry_whose_completion_was_cut_off_is_settled_by_reading_the_account_back() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let cli = Cli::sandbox(&env, &sandbox);
    succeeded(&cli.rename(CLARK, "ckent2"));
    // The completion line was cut off by a crash: the entry is in doubt.
    let text = std::fs::read_to_string(journal_file(&env)).unwrap();
    let intent_end = text.find('\n').unwrap() + 1;
    std::fs::write(journal_file(&env), &text[..intent_end + 30]).unwrap();
    let journal = cli.journal();
    assert_eq!(journal["entries"][0]["status"], "in-doubt", "{journal}");
    let stderr = stderr_of(&cli.expect(&["journal", "undo", "1", "--yes"], 4));
    assert!(stderr.contains("scimctl journal settle 1"), "{stderr}");

    let settled = cli.json(&["journal", "settle", "1"]);
    assert_eq!(settled["version"], 1);
    assert_eq!(settled["entry"]["id"], 1);
    assert_eq!(settled["entry"]["status"], "applied", "{settled}");
    assert_eq!(settled["entry"]["completion"]["ids"], json!([CLARK]));
    assert_eq!(
        settled["entry"]["completion"]["after"][0]["userName"],
        "ckent2"
    );
    assert_eq!(cli.journal()["entries"][0]["status"], "applied");
    let stderr = stderr_of(&cli.expect(&["journal", "settle", "1"], 2));
    assert!(stderr.contains("is applied, not in doubt"), "{stderr}");
    let stderr = stderr_of(&cli.expect(&["journal", "settle", "9"], 2));
    assert!(stderr.contains("no journal entry 9"), "{stderr}");

    // Settled as applied, it can be undone like any other.
    succeeded(&cli.run(&["journal", "undo", "1", "--yes"]));
    assert_eq!(user_name_on(&sandbox, CLARK), "CKent");
}

fn fake_user(user_name: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": "u1",
        "userName": user_name,
        "emails": [{"value": "jdoe@example.com", "type": "work"}],
        "meta": {"resourceType": "User", "version": "W/\"1\""},
    })
}

fn user_reply(user: &Value) -> Reply {
    response_with(
        200,
        &[("Content-Type", "application/scim+json")],
        &user.to_string(),
    )
}

/// A server holding account u1, whose userName the test sets; filters find nobody; every PATCH
/// hangs.
fn hanging_patch_server(user_name: Arc<Mutex<String>>) -> FakeServer {
    FakeServer::start(move |request, _| match request.method.as_str() {
        "GET" if request.path().ends_with("/Users/u1") => {
            user_reply(&fake_user(&user_name.lock().unwrap()))
        }
        "GET" if request.path().ends_with("/Users") => list_response(&[], 0),
        "PATCH" => Reply::Hang(Duration::from_secs(60)),
        _ => scim_error(404, None, "not here"),
    })
}

fn wait_for(server: &FakeServer, child: &mut Child, method: &str) {
    while !server.requests().iter().any(|r| r.method == method) {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("scimctl ended ({status}) before its {method}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn interrupt(child: Child) -> Output {
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    child.wait_with_output().unwrap()
}

fn writes(server: &FakeServer) -> Vec<Recorded> {
    server
        .requests()
        .into_iter()
        .filter(|r| r.method != "GET")
        .collect()
}

#[test]
fn ctrl_c_during_a_hanging_patch_exits_6_naming_the_entry_and_settle_then_records_it() {
    let env = TestEnv::new();
    let user_name = Arc::new(Mutex::new("jdoe".to_string()));
    let server = hanging_patch_server(user_name.clone());
    let cli = Cli::fake(&env, &server);
    let mut child = cli.spawn(&[
        "rename-user",
        "u1",
        "--to",
        "jdoe2",
        "--provider",
        "generic",
        "--yes",
    ]);
    wait_for(&server, &mut child, "PATCH");
    let output = interrupt(child);

    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(6), "{stderr}");
    let error = stderr.lines().find(|l| l.starts_with("error:")).unwrap();
    assert!(error.contains("journal entry 1"), "{error}");
    assert!(error.contains("scimctl journal settle 1"), "{error}");
    assert!(error.ends_with("(exit 6)"), "{error}");
    assert!(
        stderr.contains("letting the write of journal entry 1 finish"),
        "{stderr}"
    );
    assert_eq!(writes(&server).len(), 1, "the PATCH is sent once");
    assert_eq!(cli.journal()["entries"][0]["status"], "in-doubt");

    // Reading back shows neither value: still in doubt, exit 6, nothing recorded.
    *user_name.lock().unwrap() = "someone-else".into();
    let stderr = stderr_of(&cli.expect(&["journal", "settle", "1"], 6));
    assert!(stderr.contains("stays in doubt"), "{stderr}");
    assert!(stderr.contains("neither"), "{stderr}");
    assert_eq!(cli.journal()["entries"][0]["status"], "in-doubt");

    // The server did make the change after all: settled as applied.
    *user_name.lock().unwrap() = "jdoe2".into();
    let stdout = String::from_utf8(cli.expect(&["journal", "settle", "1"], 0).stdout).unwrap();
    assert!(
        stdout.contains("journal entry 1 is now applied"),
        "{stdout}"
    );
    assert_eq!(cli.journal()["entries"][0]["status"], "applied");
    assert_eq!(writes(&server).len(), 1, "settling writes nothing");
}

#[test]
fn ctrl_c_during_a_patch_that_then_succeeds_waits_for_it_records_it_and_exits_130() {
    let env = TestEnv::new();
    let user_name = Arc::new(Mutex::new("jdoe".to_string()));
    let release = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let server = {
        let (user_name, release) = (user_name.clone(), release.clone());
        FakeServer::start(move |request, _| match request.method.as_str() {
            "GET" if request.path().ends_with("/Users/u1") => {
                user_reply(&fake_user(&user_name.lock().unwrap()))
            }
            "GET" if request.path().ends_with("/Users") => list_response(&[], 0),
            "PATCH" => {
                // Answered only once scimctl has said it is waiting for it.
                while !release.load(std::sync::atomic::Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(10));
                }
                *user_name.lock().unwrap() = "jdoe2".into();
                response_with(204, &[], "")
            }
            _ => scim_error(404, None, "not here"),
        })
    };
    let cli = Cli::fake(&env, &server);
    let mut child = cli.spawn(&[
        "rename-user",
        "u1",
        "--to",
        "jdoe2",
        "--provider",
        "generic",
        "--yes",
    ]);
    wait_for(&server, &mut child, "PATCH");
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    while !seen.contains("letting the write of journal entry 1 finish") {
        let mut line = String::new();
        assert!(
            std::io::BufRead::read_line(&mut stderr, &mut line).unwrap() > 0,
            "stderr ended: {seen}"
        );
        seen.push_str(&line);
    }
    release.store(true, std::sync::atomic::Ordering::SeqCst);
    std::io::Read::read_to_string(&mut stderr, &mut seen).unwrap();
    let status = child.wait().unwrap();

    assert_eq!(status.code(), Some(130), "{seen}");
    let error = seen
        .lines()
        // (after the cursor-restore escape lib.rs writes before an exit 130)
        .find(|l| l.contains("error: "))
        .unwrap_or_else(|| panic!("no error line: {seen}"));
    assert!(
        error.contains("journal entry 1 records it as applied"),
        "{error}"
    );
    assert_eq!(writes(&server).len(), 1, "the PATCH is sent once");
    assert_eq!(cli.journal()["entries"][0]["status"], "applied");
}

#[test]
fn settle_records_a_patch_that_was_not_made_as_failed() {
    let env = TestEnv::new();
    let user_name = Arc::new(Mutex::new("jdoe".to_string()));
    let server = hanging_patch_server(user_name);
    let cli = Cli::fake(&env, &server);
    let mut child = cli.spawn(&[
        "rename-user",
        "u1",
        "--to",
        "jdoe2",
        "--provider",
        "generic",
        "--yes",
    ]);
    wait_for(&server, &mut child, "PATCH");
    assert_eq!(interrupt(child).status.code(), Some(6));

    let settled = cli.json(&["journal", "settle", "1"]);
    assert_eq!(settled["entry"]["status"], "failed", "{settled}");
    assert_eq!(settled["entry"]["completion"]["stepsDone"], 0);
    assert!(
        settled["entry"]["completion"]["reason"]
            .as_str()
            .unwrap()
            .contains("nothing was changed")
    );
}

/// A server where every POST hangs; `GET /Users?filter=…` answers with `holders()`.
fn hanging_create_server(holders: Arc<Mutex<Vec<Value>>>) -> FakeServer {
    FakeServer::start(move |request, _| match request.method.as_str() {
        "POST" => Reply::Hang(Duration::from_secs(60)),
        "GET" if request.path().ends_with("/Users") => {
            let holders = holders.lock().unwrap().clone();
            let total = holders.len();
            list_response(&holders, total)
        }
        "GET" if request.path().ends_with("/Users/new-1") => {
            user_reply(&holders.lock().unwrap()[0])
        }
        _ => scim_error(404, None, "not here"),
    })
}

#[test]
fn an_interrupted_create_is_settled_only_by_an_account_with_its_external_id_created_after_it() {
    let env = TestEnv::new();
    let holders = Arc::new(Mutex::new(Vec::new()));
    let server = hanging_create_server(holders.clone());
    let cli = Cli::fake(&env, &server);
    let payload = env.path().join("jamie.json");
    std::fs::write(
        &payload,
        json!({"userName": "jamie", "externalId": "okta-jamie"}).to_string(),
    )
    .unwrap();
    let payload = payload.display().to_string();
    let mut child = cli.spawn(&[
        "provision",
        "--payload",
        &payload,
        "--provider",
        "generic",
        "--yes",
    ]);
    wait_for(&server, &mut child, "POST");
    let output = interrupt(child);
    assert_eq!(output.status.code(), Some(6), "{}", stderr_of(&output));
    let intent_time = cli.journal()["entries"][0]["time"]
        .as_str()
        .unwrap()
        .to_string();

    let account = |external_id: &str, created: &str| {
        json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
               "id": "new-1", "userName": "jamie", "externalId": external_id,
               "meta": {"resourceType": "User", "created": created}})
    };
    // An older account holding the userName, with another externalId: not this entry's.
    *holders.lock().unwrap() = vec![account("okta-older", "2020-01-01T00:00:00Z")];
    let stderr = stderr_of(&cli.expect(&["journal", "settle", "1"], 6));
    assert!(stderr.contains("not the plan's \"okta-jamie\""), "{stderr}");
    // Its externalId, but created before the entry began: it existed before.
    *holders.lock().unwrap() = vec![account("okta-jamie", "2020-01-01T00:00:00Z")];
    let stderr = stderr_of(&cli.expect(&["journal", "settle", "1"], 6));
    assert!(stderr.contains("before this entry's intent"), "{stderr}");
    assert_eq!(cli.journal()["entries"][0]["status"], "in-doubt");

    // Its externalId, created when the entry ran: the create was made.
    *holders.lock().unwrap() = vec![account("okta-jamie", &intent_time)];
    let settled = cli.json(&["journal", "settle", "1"]);
    assert_eq!(settled["entry"]["status"], "applied", "{settled}");
    assert_eq!(settled["entry"]["completion"]["ids"], json!(["new-1"]));
    assert_eq!(
        writes(&server).len(),
        1,
        "the POST was sent once; settling writes nothing"
    );
}

#[test]
fn an_interrupted_create_that_nobody_holds_is_settled_as_not_made() {
    let env = TestEnv::new();
    let server = hanging_create_server(Arc::new(Mutex::new(Vec::new())));
    let cli = Cli::fake(&env, &server);
    let payload = env.path().join("jamie.json");
    std::fs::write(
        &payload,
        json!({"userName": "jamie", "externalId": "okta-jamie"}).to_string(),
    )
    .unwrap();
    let payload = payload.display().to_string();
    let mut child = cli.spawn(&[
        "provision",
        "--payload",
        &payload,
        "--provider",
        "generic",
        "--yes",
    ]);
    wait_for(&server, &mut child, "POST");
    assert_eq!(interrupt(child).status.code(), Some(6));
    let settled = cli.json(&["journal", "settle", "1"]);
    assert_eq!(settled["entry"]["status"], "failed", "{settled}");
}
