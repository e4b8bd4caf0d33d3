//! The token (docs/architecture.md, "Contracts": secrets): read from the environment, a file or standard
//! input, sent only as `Authorization: Bearer …` to the endpoint's own origin, and never shown
//! in output, `--verbose` traces, error messages or files scimctl writes.

use std::path::Path;
use std::process::Output;

use serde_json::{Value, json};

use crate::support::{
    FakeServer, Recorded, TestEnv, json_of, list_response, response, response_with, scim_error,
    stderr_of,
};

pub(crate) const TOKEN: &str = "tok-SECRET-1234567890";
/// The distinctive part, in case a trace prints the token cut or differently quoted.
pub(crate) const TOKEN_CORE: &str = "SECRET-1234567890";

fn user(id: &str, user_name: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": id,
        "userName": user_name,
        "active": true,
        "emails": [{"value": format!("{user_name}@example.com"), "type": "work", "primary": true}],
        "meta": {"resourceType": "User", "version": "W/\"1\""},
    })
}

/// A small, well-behaved SCIM endpoint: enough for `users find|get|list` and every `doctor` probe.
pub(crate) fn scim_endpoint() -> FakeServer {
    FakeServer::start(|request, _| {
        let path = request.path().trim_start_matches("/scim/v2");
        match (request.method.as_str(), path) {
            ("GET", "/ServiceProviderConfig") => response(
                200,
                "application/scim+json",
                &json!({
                    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
                    "patch": {"supported": true},
                    "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
                    "filter": {"supported": true, "maxResults": 200},
                    "changePassword": {"supported": false},
                    "sort": {"supported": false},
                    "etag": {"supported": true},
                    "authenticationSchemes": [],
                })
                .to_string(),
            ),
            ("GET", "/Schemas") => list_response(&[], 0),
            ("GET", "/Users") => match request.query("filter") {
                Some(filter) if filter.to_lowercase().contains("jdoe") => {
                    list_response(&[user("u1", "jdoe")], 1)
                }
                Some(_) => list_response(&[], 0),
                None => list_response(&[user("u1", "jdoe"), user("u2", "asmith")], 2),
            },
            ("POST", "/Users/.search") => {
                list_response(&[user("u1", "jdoe"), user("u2", "asmith")], 2)
            }
            ("GET", "/Users/u1") => response_with(
                200,
                &[
                    ("Content-Type", "application/scim+json"),
                    ("ETag", "W/\"1\""),
                ],
                &user("u1", "jdoe").to_string(),
            ),
            _ => scim_error(404, None, "no such resource"),
        }
    })
}

fn assert_no_panic(output: &Output) {
    assert!(
        !stderr_of(output).contains("panicked")
            && !String::from_utf8_lossy(&output.stdout).contains("panicked"),
        "a panic:\n{}",
        stderr_of(output)
    );
}

/// The exit code, no panic, and when failing exactly one `error:` line ending in `(exit N)`.
pub(crate) fn exited(output: &Output, code: i32) -> Option<String> {
    assert_no_panic(output);
    let stderr = stderr_of(output);
    assert_eq!(
        output.status.code(),
        Some(code),
        "exit code\nstdout:\n{}\nstderr:\n{stderr}",
        String::from_utf8_lossy(&output.stdout)
    );
    let errors = crate::support::error_lines(&stderr);
    if code == 0 {
        assert!(errors.is_empty(), "{stderr}");
        return None;
    }
    assert_eq!(errors.len(), 1, "one error line expected:\n{stderr}");
    assert!(
        errors[0].ends_with(&format!("(exit {code})")),
        "{}",
        errors[0]
    );
    Some(errors[0].to_string())
}

pub(crate) fn assert_secret_absent(what: &str, text: &[u8], token: &str) {
    let text = String::from_utf8_lossy(text);
    assert!(
        !text.contains(token),
        "the token appears in {what}:\n{text}"
    );
}

/// The token is in no stream and no file under the test's home, config and cache.
pub(crate) fn assert_token_nowhere(env: &TestEnv, output: &Output) {
    for needle in [TOKEN, TOKEN_CORE] {
        assert_secret_absent("stdout", &output.stdout, needle);
        assert_secret_absent("stderr", &output.stderr, needle);
        for (path, bytes) in env.files_written() {
            assert_secret_absent(&path.display().to_string(), &bytes, needle);
        }
    }
}

pub(crate) fn all_carry_the_token(requests: &[Recorded], token: &str) {
    assert!(!requests.is_empty(), "the server saw no request");
    let expected = format!("Bearer {token}");
    for r in requests {
        assert_eq!(
            r.header("Authorization"),
            Some(expected.as_str()),
            "{} {} did not carry the token",
            r.method,
            r.target
        );
    }
}

fn run_verbose(args: &[&str]) -> (TestEnv, FakeServer, Output) {
    let server = scim_endpoint();
    let env = TestEnv::new();
    let output = env
        .scimctl_at(&server.url(), TOKEN)
        .arg("-vv")
        .args(args)
        .output()
        .expect("scimctl runs");
    (env, server, output)
}

// ── the token is never shown ────────────────────────────────────────────────────────────────

#[test]
fn users_find_with_vv_traces_headers_but_never_the_token() {
    let (env, server, output) = run_verbose(&["users", "find", "--username", "JDoe", "-o", "json"]);
    exited(&output, 0);
    assert_eq!(json_of(&output)["users"][0]["userName"], "jdoe");
    let stderr = stderr_of(&output);
    assert!(
        stderr.to_lowercase().contains("authorization"),
        "-vv should trace request headers (with the token redacted):\n{stderr}"
    );
    assert_token_nowhere(&env, &output);
    all_carry_the_token(&server.requests(), TOKEN);
}

#[test]
fn users_list_with_vvv_never_shows_the_token() {
    let server = scim_endpoint();
    let env = TestEnv::new();
    let output = env
        .scimctl_at(&server.url(), TOKEN)
        .args(["-vvv", "users", "list", "-o", "json"])
        .output()
        .unwrap();
    exited(&output, 0);
    assert_eq!(json_of(&output)["totalResults"], 2);
    assert_token_nowhere(&env, &output);
    all_carry_the_token(&server.requests(), TOKEN);
}

#[test]
fn users_list_with_vv_never_shows_the_token() {
    let (env, server, output) = run_verbose(&["users", "list"]);
    exited(&output, 0);
    assert!(String::from_utf8_lossy(&output.stdout).contains("asmith"));
    assert_token_nowhere(&env, &output);
    all_carry_the_token(&server.requests(), TOKEN);
}

#[test]
fn doctor_with_vv_writes_its_cache_without_the_token() {
    let (env, server, output) = run_verbose(&["doctor", "-o", "json"]);
    exited(&output, 0);
    let report = json_of(&output);
    assert_eq!(report["usable"], true, "{report}");
    let cached = env.files_written();
    assert!(
        cached
            .iter()
            .any(|(path, _)| path.starts_with(env.cache_dir())),
        "doctor should have cached what it learned: {:?}",
        cached.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    assert_token_nowhere(&env, &output);
    let requests = server.requests();
    assert!(
        requests.len() > 5,
        "doctor probes several things: {}",
        requests.len()
    );
    all_carry_the_token(&requests, TOKEN);
}

#[test]
fn a_refused_token_with_vv_is_not_echoed_in_the_error() {
    let server = FakeServer::start(|_, _| scim_error(401, None, "Bearer token is invalid"));
    let env = TestEnv::new();
    let output = env
        .scimctl_at(&server.url(), TOKEN)
        .args(["-vv", "users", "get", "u1"])
        .output()
        .unwrap();
    let error = exited(&output, 3).unwrap();
    assert!(error.contains("401"), "{error}");
    assert_token_nowhere(&env, &output);
    all_carry_the_token(&server.requests(), TOKEN);
}

#[test]
fn doctor_with_a_refused_token_and_vv_never_shows_it() {
    let server = FakeServer::start(|_, _| scim_error(401, None, "Bearer token is invalid"));
    let env = TestEnv::new();
    let output = env
        .scimctl_at(&server.url(), TOKEN)
        .args(["-vv", "doctor"])
        .output()
        .unwrap();
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(3), "{}", stderr_of(&output));
    assert_token_nowhere(&env, &output);
    all_carry_the_token(&server.requests(), TOKEN);
}

#[test]
fn a_token_that_cannot_go_in_a_header_is_refused_without_echoing_it() {
    let server = scim_endpoint();
    let env = TestEnv::new();
    let output = env
        .scimctl()
        .env("SCIMCTL_URL", server.url())
        .args(["--token-stdin", "users", "get", "u1"])
        .write_stdin(format!("{TOKEN}\u{7f}x\n"))
        .output()
        .unwrap();
    let error = exited(&output, 2).unwrap();
    assert!(error.contains("token"), "{error}");
    assert_token_nowhere(&env, &output);
    assert!(server.requests().is_empty());
}

// ── where the token may go ──────────────────────────────────────────────────────────────────

/// `scimctl` aimed at `http://scim.example.com/v2`, with every HTTP proxy variable pointing at
/// `proxy`: if scimctl sent anything, the proxy would see it (and resolving the name is not
/// needed), so "nothing was sent" can be checked.
fn through_proxy(env: &TestEnv, proxy: &FakeServer) -> assert_cmd::Command {
    let mut cmd = env.scimctl_at("http://scim.example.com/v2", TOKEN);
    let proxy_url = format!("http://127.0.0.1:{}", proxy.port());
    cmd.env("HTTP_PROXY", &proxy_url)
        .env("http_proxy", &proxy_url)
        .env("ALL_PROXY", &proxy_url)
        .env("all_proxy", &proxy_url)
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .env_remove("REQUEST_METHOD");
    cmd
}

#[test]
fn plain_http_to_a_remote_host_is_refused_and_nothing_is_sent() {
    let proxy = FakeServer::start(|_, _| {
        response(
            200,
            "application/scim+json",
            &user("u1", "jdoe").to_string(),
        )
    });
    let env = TestEnv::new();
    let output = through_proxy(&env, &proxy)
        .args(["--max-retries", "0", "users", "get", "u1"])
        .output()
        .unwrap();
    let error = exited(&output, 2).unwrap();
    assert!(error.contains("--insecure-http"), "{error}");
    assert!(error.contains("scim.example.com"), "{error}");
    assert!(
        proxy.requests().is_empty(),
        "a request left: {:?}",
        proxy.requests()
    );
    assert_token_nowhere(&env, &output);
}

#[test]
fn plain_http_to_a_remote_host_is_sent_with_insecure_http() {
    // The control for the test above: with the opt-in the same request does go out.
    let proxy = FakeServer::start(|_, _| {
        response(
            200,
            "application/scim+json",
            &user("u1", "jdoe").to_string(),
        )
    });
    let env = TestEnv::new();
    let output = through_proxy(&env, &proxy)
        .args([
            "--insecure-http",
            "--max-retries",
            "0",
            "users",
            "get",
            "u1",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    exited(&output, 0);
    assert_eq!(json_of(&output)["user"]["id"], "u1");
    let requests = proxy.requests();
    assert_eq!(requests.len(), 1);
    assert!(
        requests[0].target.contains("scim.example.com"),
        "{}",
        requests[0].target
    );
    all_carry_the_token(&requests, TOKEN);
}

/// SCIMCTL_INSECURE_HTTP takes the yes/no words people write (1, yes, On, …): a yes sends the
/// request, a no keeps the refusal, and anything else is a one-line error naming the variable.
#[test]
fn scimctl_insecure_http_takes_1_0_yes_no_on_off() {
    let proxy = FakeServer::start(|_, _| {
        response(
            200,
            "application/scim+json",
            &user("u1", "jdoe").to_string(),
        )
    });
    let env = TestEnv::new();
    let run = |value: &str| {
        through_proxy(&env, &proxy)
            .env("SCIMCTL_INSECURE_HTTP", value)
            .args(["--max-retries", "0", "users", "get", "u1", "-o", "json"])
            .output()
            .unwrap()
    };
    for yes in ["1", "true", "YES", "On"] {
        let sent = proxy.requests().len();
        exited(&run(yes), 0);
        assert_eq!(proxy.requests().len(), sent + 1, "{yes}");
    }
    for no in ["0", "False", "no", "OFF"] {
        let sent = proxy.requests().len();
        let error = exited(&run(no), 2).unwrap();
        assert!(error.contains("--insecure-http"), "{no}: {error}");
        assert_eq!(proxy.requests().len(), sent, "{no}");
    }
    let error = exited(&run("maybe"), 2).unwrap();
    assert!(
        error.contains("SCIMCTL_INSECURE_HTTP")
            && error.contains("1 or 0, true or false, yes or no, on or off"),
        "{error}"
    );
}

#[test]
fn a_redirect_to_another_host_is_not_followed_and_does_not_carry_the_token() {
    let elsewhere = FakeServer::start(|_, _| {
        response(
            200,
            "application/scim+json",
            &user("u1", "jdoe").to_string(),
        )
    });
    let location = format!("http://localhost:{}/scim/v2/Users/u1", elsewhere.port());
    let server = FakeServer::start(move |_, _| {
        response_with(
            302,
            &[("Location", &location), ("Content-Type", "text/html")],
            "<a>moved</a>",
        )
    });
    let env = TestEnv::new();
    let output = env
        .scimctl_at(&server.url(), TOKEN)
        .args(["users", "get", "u1"])
        .output()
        .unwrap();
    let error = exited(&output, 4).unwrap();
    assert!(error.contains("redirect"), "{error}");
    assert!(
        error.contains(&format!("localhost:{}", elsewhere.port())),
        "{error}"
    );
    assert!(
        elsewhere
            .requests()
            .iter()
            .all(|r| r.header("Authorization").is_none()),
        "the token went to the other host"
    );
    assert!(elsewhere.requests().is_empty(), "the redirect was followed");
    let requests = server.requests();
    assert_eq!(requests.len(), 1, "a refused redirect is not retried");
    all_carry_the_token(&requests, TOKEN);
    assert_token_nowhere(&env, &output);
}

#[test]
fn a_redirect_within_the_same_origin_is_not_followed_either() {
    let server = FakeServer::start(|request, _| {
        if request.path() == "/scim/v2/Users/u1" {
            response_with(301, &[("Location", "/scim/v2/Users/moved-u1")], "")
        } else {
            response(
                200,
                "application/scim+json",
                &user("moved-u1", "jdoe").to_string(),
            )
        }
    });
    let env = TestEnv::new();
    let output = env
        .scimctl_at(&server.url(), TOKEN)
        .args(["users", "get", "u1", "-o", "json"])
        .output()
        .unwrap();
    let error = exited(&output, 4).unwrap();
    assert!(error.contains("/scim/v2/Users/moved-u1"), "{error}");
    assert_eq!(server.requests().len(), 1, "the redirect was followed");
}

// ── where the token comes from ──────────────────────────────────────────────────────────────

fn write_token_file(dir: &Path, name: &str, contents: &str, mode: u32) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    path
}

#[test]
fn a_token_file_with_a_trailing_newline_works() {
    let server = scim_endpoint();
    let env = TestEnv::new();
    let file = write_token_file(env.path(), "scim.token", &format!("{TOKEN}\n"), 0o600);
    let output = env
        .scimctl()
        .env("SCIMCTL_URL", server.url())
        .arg("--token-file")
        .arg(&file)
        .args(["users", "get", "u1", "-o", "json"])
        .output()
        .unwrap();
    exited(&output, 0);
    assert_eq!(json_of(&output)["user"]["userName"], "jdoe");
    assert!(
        !stderr_of(&output).contains("warning:"),
        "{}",
        stderr_of(&output)
    );
    all_carry_the_token(&server.requests(), TOKEN);
    assert_secret_absent("stdout", &output.stdout, TOKEN);
    assert_secret_absent("stderr", &output.stderr, TOKEN);
}

#[test]
fn a_token_file_readable_by_others_gets_a_chmod_600_warning() {
    let server = scim_endpoint();
    let env = TestEnv::new();
    let file = write_token_file(env.path(), "scim.token", &format!("{TOKEN}\n"), 0o644);
    let output = env
        .scimctl()
        .env("SCIMCTL_URL", server.url())
        .arg("--token-file")
        .arg(&file)
        .args(["users", "get", "u1"])
        .output()
        .unwrap();
    exited(&output, 0);
    let stderr = stderr_of(&output);
    let warning = stderr
        .lines()
        .find(|l| l.starts_with("warning:"))
        .unwrap_or_else(|| panic!("no warning:\n{stderr}"));
    assert!(warning.contains("chmod 600"), "{warning}");
    assert!(warning.contains(&file.display().to_string()), "{warning}");
    assert_secret_absent("stderr", &output.stderr, TOKEN);
    all_carry_the_token(&server.requests(), TOKEN);
}

#[test]
fn a_missing_token_file_exits_2_naming_the_path_but_not_any_token() {
    let server = scim_endpoint();
    let env = TestEnv::new();
    let missing = env.path().join("no-such.token");
    // SCIMCTL_TOKEN is set too: --token-file wins, and the error must not fall back to it or show it.
    let output = env
        .scimctl_at(&server.url(), TOKEN)
        .arg("--token-file")
        .arg(&missing)
        .args(["users", "get", "u1"])
        .output()
        .unwrap();
    let error = exited(&output, 2).unwrap();
    assert!(error.contains(&missing.display().to_string()), "{error}");
    assert_token_nowhere(&env, &output);
    assert!(
        server.requests().is_empty(),
        "nothing is sent without a token"
    );
}

#[test]
fn the_token_can_come_from_standard_input() {
    let server = scim_endpoint();
    let env = TestEnv::new();
    let output = env
        .scimctl()
        .env("SCIMCTL_URL", server.url())
        .args([
            "--token-stdin",
            "users",
            "find",
            "--username",
            "jdoe",
            "-o",
            "json",
        ])
        .write_stdin(format!("{TOKEN}\n"))
        .output()
        .unwrap();
    exited(&output, 0);
    assert_eq!(json_of(&output)["users"][0]["id"], "u1");
    all_carry_the_token(&server.requests(), TOKEN);
    assert_token_nowhere(&env, &output);
}

#[test]
fn the_token_is_never_taken_from_the_command_line() {
    // There is no --token flag: a token on argv would end up in shell history and `ps`.
    let env = TestEnv::new();
    let output = env
        .scimctl()
        .env("SCIMCTL_URL", "http://127.0.0.1:9/scim/v2")
        .args(["--token", TOKEN, "users", "list"])
        .output()
        .unwrap();
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    assert_token_nowhere(&env, &output);
    let stderr = stderr_of(&output);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("the token is never taken on the command line"),
        "{stderr}"
    );
    assert!(stderr.trim_end().ends_with("(exit 2)"), "{stderr}");
}
