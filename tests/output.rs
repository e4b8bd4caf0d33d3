//! What reaches the terminal (issue 9, "One escaping writer" and "Inputs that respect the
//! user"): a server's text is shown, never obeyed; a token it echoes is redacted everywhere;
//! Ctrl-C while scimctl waits for input ends it at once; a payload with 200,000 emails is refused at once.

use std::io::Write;
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::{
    FakeServer, Reply, SandboxProcess, TestEnv, json_of, list_response, response, scim_error,
    stderr_of,
};

const TOKEN: &str = "tok-ECHOED-9876543210";
/// A userName that sets the window title, clears the screen and hides a zero-width space.
const HOSTILE_NAME: &str = "j\u{1b}]0;pwned\u{7}doe\u{1b}[2J\u{200b}";
/// The same, as the table must show it.
const HOSTILE_SHOWN: &str = "j\\u{1b}]0;pwned\\u{7}doe\\u{1b}[2J\\u{200b}";

fn user(id: &str, user_name: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": id,
        "userName": user_name,
        "active": true,
        "emails": [{"value": "jdoe@example.com", "type": "work", "primary": true}],
        "meta": {"resourceType": "User", "version": "W/\"1\""},
    })
}

fn json_reply(value: &Value) -> Reply {
    response(200, "application/scim+json", &value.to_string())
}

/// Lists one user whose userName is [`HOSTILE_NAME`].
fn hostile_directory() -> FakeServer {
    FakeServer::start(|request, _| {
        let path = request.path();
        if path.ends_with("/Users/u1") {
            json_reply(&user("u1", HOSTILE_NAME))
        } else if path.ends_with("/Users") {
            list_response(&[user("u1", HOSTILE_NAME)], 1)
        } else {
            scim_error(404, None, "not here")
        }
    })
}

/// Answers everything `401 Invalid credentials: Bearer <the token it was sent>`, with an
/// escape sequence for good measure.
fn echoing_server() -> FakeServer {
    FakeServer::start(|request, _| {
        let sent = request.header("Authorization").unwrap_or("").to_string();
        scim_error(
            401,
            None,
            &format!("Invalid credentials: {sent} \u{1b}[2J rejected"),
        )
    })
}

fn run(env: &TestEnv, server: &FakeServer, args: &[&str]) -> Output {
    env.scimctl_at(&server.url(), TOKEN)
        .env("SCIMCTL_STATE_DIR", env.path().join("state"))
        .env("SCIMCTL_MAX_RETRIES", "0")
        .write_stdin("")
        .args(args)
        .output()
        .expect("scimctl runs")
}

fn exit_code(output: &Output, code: i32) {
    assert!(
        !stderr_of(output).contains("panicked"),
        "{}",
        stderr_of(output)
    );
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stdout),
        stderr_of(output)
    );
}

/// No byte a terminal would obey: ESC, BEL, or the zero-width space.
fn assert_inert(what: &str, text: &[u8]) {
    let text = String::from_utf8_lossy(text);
    for hidden in ['\u{1b}', '\u{7}', '\u{200b}'] {
        assert!(
            !text.contains(hidden),
            "{what} carries {hidden:?} raw:\n{text}"
        );
    }
}

fn assert_token_nowhere(env: &TestEnv, output: &Output) {
    let core = &TOKEN[4..];
    for (what, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        assert!(
            !String::from_utf8_lossy(bytes).contains(core),
            "the token is in {what}:\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
    for (path, bytes) in env.files_written() {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(core),
            "the token is in {}",
            path.display()
        );
    }
}

// ── a server's text is shown, never obeyed ──────────────────────────────────────────────────

#[test]
fn a_user_name_with_escape_sequences_is_shown_escaped_in_the_table() {
    let env = TestEnv::new();
    let server = hostile_directory();
    for args in [&["users", "list"][..], &["users", "get", "u1"]] {
        let output = run(&env, &server, args);
        exit_code(&output, 0);
        assert_inert("stdout", &output.stdout);
        assert_inert("stderr", &output.stderr);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains(HOSTILE_SHOWN), "{args:?}:\n{stdout}");
    }
}

#[test]
fn the_same_user_name_stays_exact_in_json() {
    let env = TestEnv::new();
    let server = hostile_directory();
    let output = run(&env, &server, &["users", "list", "-o", "json"]);
    exit_code(&output, 0);
    assert_eq!(json_of(&output)["users"][0]["userName"], HOSTILE_NAME);
    let output = run(&env, &server, &["users", "get", "u1", "-o", "json"]);
    exit_code(&output, 0);
    assert_eq!(json_of(&output)["user"]["userName"], HOSTILE_NAME);
}

#[test]
fn an_error_detail_with_escape_sequences_is_escaped_and_a_long_one_cut() {
    let env = TestEnv::new();
    let long = format!("\u{1b}]0;pwned\u{7}{}", "x".repeat(5000));
    let server = FakeServer::start(move |_, _| scim_error(500, None, &long));
    let output = run(&env, &server, &["users", "get", "u1"]);
    exit_code(&output, 5);
    assert_inert("stderr", &output.stderr);
    let stderr = stderr_of(&output);
    let error = stderr.lines().find(|l| l.starts_with("error:")).unwrap();
    assert!(error.contains("\\u{1b}]0;pwned\\u{7}"), "{error}");
    assert!(error.contains("more characters; -v shows"), "{error}");
    assert!(error.len() < 1000, "not cut: {} bytes", error.len());
    assert!(error.ends_with("(exit 5)"), "{error}");
    // -v shows the whole answer.
    let output = run(&env, &server, &["-v", "users", "get", "u1"]);
    exit_code(&output, 5);
    assert_inert("stderr", &output.stderr);
    assert!(stderr_of(&output).contains(&"x".repeat(5000)));
}

// ── a token the server echoes is redacted everywhere ────────────────────────────────────────

#[test]
fn an_echoed_token_is_redacted_in_the_error_line_and_the_traces() {
    let env = TestEnv::new();
    let server = echoing_server();
    for args in [&["users", "get", "u1"][..], &["-vvv", "users", "list"]] {
        let output = run(&env, &server, args);
        exit_code(&output, 3);
        assert_inert("stderr", &output.stderr);
        assert_token_nowhere(&env, &output);
        let stderr = stderr_of(&output);
        let errors = crate::support::error_lines(&stderr);
        assert_eq!(errors.len(), 1, "{stderr}");
        assert!(
            errors[0].contains("Invalid credentials: Bearer (redacted)"),
            "{}",
            errors[0]
        );
    }
}

#[test]
fn an_echoed_token_is_redacted_in_doctor() {
    let env = TestEnv::new();
    let server = echoing_server();
    for format in ["table", "json"] {
        let output = run(&env, &server, &["-v", "doctor", "-o", format]);
        assert_ne!(output.status.code(), Some(0), "{}", stderr_of(&output));
        assert_token_nowhere(&env, &output);
        assert_inert("stderr", &output.stderr);
    }
}

#[test]
fn an_echoed_token_is_redacted_in_the_journal_reason() {
    let env = TestEnv::new();
    let server = FakeServer::start(|request, _| {
        let path = request.path();
        match request.method.as_str() {
            "GET" if path.ends_with("/Users/u1") => json_reply(&user("u1", "jdoe")),
            "GET" if path.ends_with("/Users") => list_response(&[], 0),
            "PATCH" => {
                let sent = request.header("Authorization").unwrap_or("").to_string();
                scim_error(403, None, &format!("Invalid credentials: {sent}"))
            }
            _ => scim_error(404, None, "not here"),
        }
    });
    let output = run(
        &env,
        &server,
        &[
            "rename-user",
            "u1",
            "--to",
            "jdoe2",
            "--provider",
            "generic",
            "--yes",
        ],
    );
    exit_code(&output, 3);
    assert_token_nowhere(&env, &output);
    let journal = std::fs::read_to_string(env.path().join("state/journal.jsonl")).unwrap();
    assert!(journal.contains("(redacted)"), "{journal}");
    let listed = run(&env, &server, &["journal", "list", "-o", "json"]);
    exit_code(&listed, 0);
    assert_token_nowhere(&env, &listed);
}

// ── Ctrl-C while scimctl waits for input ────────────────────────────────────────────────────

/// Starts scimctl with a standard input that stays open and empty, and a server that would
/// answer if asked.
fn waiting_on_stdin(env: &TestEnv, args: &[&str], with_token: bool) -> (Child, FakeServer) {
    let server = FakeServer::start(|_, _| list_response(&[], 0));
    let mut command = env.std_scimctl();
    command
        .env("SCIMCTL_URL", server.url())
        .env("SCIMCTL_STATE_DIR", env.path().join("state"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if with_token {
        command.env("SCIMCTL_TOKEN", TOKEN);
    }
    (command.spawn().expect("scimctl starts"), server)
}

/// SIGINT, then the exit status; a generous limit guards against a hang (it is no timing
/// claim: scimctl exits at once).
fn interrupt(mut child: Child) -> Output {
    // Give it time to start waiting on its input; the signal is what ends the wait.
    std::thread::sleep(Duration::from_millis(500));
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let guard = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if guard.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("scimctl ignored Ctrl-C while reading its input");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    // Its standard input is still open: nothing but the signal ended it.
    let stdin = child.stdin.take();
    let output = child.wait_with_output().unwrap();
    drop(stdin);
    output
}

#[test]
fn ctrl_c_while_the_payload_is_read_from_stdin_exits_130() {
    let env = TestEnv::new();
    let (child, server) = waiting_on_stdin(&env, &["diagnose", "--payload", "-"], true);
    let output = interrupt(child);
    exit_code(&output, 130);
    assert!(
        stderr_of(&output).contains("interrupted"),
        "{}",
        stderr_of(&output)
    );
    assert!(server.requests().is_empty(), "it went on to ask the server");
}

#[test]
fn ctrl_c_while_the_error_text_is_read_from_stdin_exits_130() {
    let env = TestEnv::new();
    let (child, server) = waiting_on_stdin(&env, &["diagnose", "--error", "-"], true);
    exit_code(&interrupt(child), 130);
    assert!(server.requests().is_empty());
}

#[test]
fn ctrl_c_while_the_token_is_read_from_stdin_exits_130() {
    let env = TestEnv::new();
    let (child, server) = waiting_on_stdin(&env, &["users", "list", "--token-stdin"], false);
    exit_code(&interrupt(child), 130);
    assert!(server.requests().is_empty());
}

#[test]
fn ctrl_c_while_a_provision_payload_is_read_writes_nothing() {
    let env = TestEnv::new();
    let (child, server) = waiting_on_stdin(
        &env,
        &[
            "provision",
            "--payload",
            "-",
            "--provider",
            "generic",
            "--yes",
        ],
        true,
    );
    exit_code(&interrupt(child), 130);
    assert!(server.requests().is_empty());
    assert!(!env.path().join("state/journal.jsonl").exists());
}

#[test]
fn a_retry_is_a_note_and_quiet_hides_it() {
    let env = TestEnv::new();
    let server = FakeServer::start(|_, _| scim_error(503, None, "busy"));
    let retried = |quiet: bool| {
        let mut command = env.scimctl_at(&server.url(), TOKEN);
        command.env("SCIMCTL_MAX_RETRIES", "1").write_stdin("");
        if quiet {
            command.arg("-q");
        }
        command.args(["users", "get", "u1"]).output().unwrap()
    };
    let loud = retried(false);
    exit_code(&loud, 5);
    let stderr = stderr_of(&loud);
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("note:") && l.contains("retrying")),
        "{stderr}"
    );
    assert!(!stderr.contains("WARN"), "{stderr}");
    let quiet = retried(true);
    exit_code(&quiet, 5);
    let stderr = stderr_of(&quiet);
    assert_eq!(
        stderr.lines().count(),
        1,
        "-q leaves only the error:\n{stderr}"
    );
    assert!(stderr.starts_with("error:"), "{stderr}");
}

// ── without a terminal ──────────────────────────────────────────────────────────────────────

#[test]
fn resolve_with_no_input_exits_2_even_when_its_diagnosis_fails() {
    let env = TestEnv::new();
    let server = FakeServer::start(|_, _| scim_error(503, None, "down for maintenance"));
    let output = run(
        &env,
        &server,
        &[
            "resolve",
            "--no-input",
            "--username",
            "jdoe",
            "--provider",
            "generic",
        ],
    );
    exit_code(&output, 2);
    let stderr = stderr_of(&output);
    let errors = crate::support::error_lines(&stderr);
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains("--no-input"), "{}", errors[0]);
    assert!(
        errors[0].contains("503"),
        "the reason is kept: {}",
        errors[0]
    );
    assert!(errors[0].ends_with("(exit 2)"), "{}", errors[0]);
}

// ── payloads of any size ────────────────────────────────────────────────────────────────────

#[test]
fn a_payload_with_200000_emails_is_refused_and_one_with_1000_is_diagnosed() {
    let env = TestEnv::new();
    let sandbox = SandboxProcess::start(&env, &[]);
    let payload_with = |count: usize| {
        let emails: Vec<Value> = (0..count)
            .map(|i| json!({"value": format!("person{i}@example.com"), "type": "work"}))
            .collect();
        let payload = env.path().join(format!("big-{count}.json"));
        std::fs::File::create(&payload)
            .unwrap()
            .write_all(
                json!({"userName": "big", "emails": emails})
                    .to_string()
                    .as_bytes(),
            )
            .unwrap();
        payload
    };
    let diagnose = |count: usize| {
        let payload = payload_with(count);
        let started = Instant::now();
        let output = env
            .scimctl_at(&sandbox.url, &sandbox.token)
            .args([
                "diagnose",
                "--payload",
                payload.to_str().unwrap(),
                "-o",
                "json",
            ])
            .output()
            .unwrap();
        // A figure for the report, not a limit.
        println!(
            "diagnose of a payload with {count} emails took {:.2} s",
            started.elapsed().as_secs_f64()
        );
        output
    };

    let refused = diagnose(200_000);
    exit_code(&refused, 2);
    let stderr = String::from_utf8_lossy(&refused.stderr).to_string();
    assert!(stderr.contains("lists 200000 emails"), "{stderr}");
    assert!(stderr.contains("at most 1000"), "{stderr}");

    let most = diagnose(1000);
    exit_code(&most, 0);
    let report = json_of(&most);
    assert_eq!(report["verdict"], "clear");
    assert_eq!(
        report["candidate"]["emails"].as_array().unwrap().len(),
        1000
    );
}

/// The hidden token prompt, in a pseudo-terminal: Ctrl-C ends it at once, nothing is sent, and
/// the terminal gets its echo back.
#[cfg(unix)]
#[test]
fn ctrl_c_at_the_hidden_token_prompt_exits_130() {
    use rexpect::process::WaitStatus;
    use rexpect::session::Options;

    let env = TestEnv::new();
    let server = FakeServer::start(|_, _| list_response(&[], 0));
    let mut command = env.std_scimctl();
    command
        .env("SCIMCTL_URL", server.url())
        .env("TERM", "xterm")
        .args(["users", "list"]);
    let options = Options::new()
        .timeout_ms(Some(60_000))
        .strip_ansi_escape_codes(true);
    let mut session = rexpect::session::spawn_with_options(command, options).unwrap();
    session.exp_string("SCIM bearer token").unwrap();
    // Let the prompt turn echo off and start reading, then type half a token and Ctrl-C.
    std::thread::sleep(Duration::from_millis(300));
    session.send("tok-half").unwrap();
    session.send("\x03").unwrap();
    session.flush().unwrap();
    let screen = session.exp_eof().unwrap();
    let code = match session.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => Some(code),
        _ => None,
    };
    assert_eq!(code, Some(130), "{screen}");
    assert!(screen.contains("(exit 130)"), "{screen}");
    assert!(
        !screen.contains("tok-half"),
        "the hidden input was echoed: {screen}"
    );
    assert!(server.requests().is_empty(), "a request was sent");
}
