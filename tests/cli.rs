//! The command-line contract: usage errors, configuration precedence, completions, pipes.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use serde_json::json;

use crate::support::{FakeServer, SandboxProcess, TestEnv, list_response, stderr_of};

fn one_user_server() -> FakeServer {
    FakeServer::start(|_, _| list_response(&[json!({"id": "1", "userName": "jdoe"})], 1))
}

fn assert_usage_error(output: &std::process::Output, needle: &str) {
    let stderr = stderr_of(output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(needle), "expected {needle:?} in: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn completions_in_the_repository_are_fresh() {
    let env = TestEnv::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in [
        ("bash", "scimctl.bash"),
        ("zsh", "_scimctl"),
        ("fish", "scimctl.fish"),
        ("powershell", "_scimctl.ps1"),
        ("elvish", "scimctl.elv"),
    ] {
        let generated = env.scimctl().args(["completions", shell]).output().unwrap();
        assert_eq!(generated.status.code(), Some(0));
        let committed = std::fs::read(dir.join(file)).unwrap_or_default();
        assert!(
            generated.stdout == committed,
            "completions/{file} is stale: run scripts/update-completions and commit the result"
        );
    }
}

#[test]
fn the_man_page_is_generated_from_the_cli() {
    let output = TestEnv::new().scimctl().arg("man").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(
        page.starts_with(".ie"),
        "roff: {}",
        &page[..40.min(page.len())]
    );
    assert!(page.contains("doctor"));
}

#[test]
fn help_documents_the_exit_codes() {
    let output = TestEnv::new().scimctl().arg("--help").output().unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    for line in [
        "0    done",
        "1    conflicts found",
        "2    usage error",
        "3    authentication",
        "4    the server refused",
        "5    server or network unavailable",
        "6    a plan was applied only in part",
        "130  interrupted",
    ] {
        assert!(help.contains(line), "missing {line:?} in --help");
    }
}

#[test]
fn find_needs_exactly_one_key() {
    let env = TestEnv::new();
    let none = env.scimctl().args(["users", "find"]).output().unwrap();
    assert_eq!(none.status.code(), Some(2));
    let two = env
        .scimctl()
        .args(["users", "find", "--username", "a", "--email", "b@x"])
        .output()
        .unwrap();
    assert_eq!(two.status.code(), Some(2));
    let empty = env
        .scimctl_at("http://127.0.0.1:9/v2", "t")
        .args(["users", "find", "--email", ""])
        .output()
        .unwrap();
    assert_usage_error(&empty, "--email needs a value");
}

#[test]
fn a_malformed_filter_is_refused_before_anything_is_sent() {
    let server = one_user_server();
    let output = TestEnv::new()
        .scimctl_at(&server.url(), "t")
        .args(["users", "list", "--filter", "userName equals jdoe"])
        .output()
        .unwrap();
    assert_usage_error(&output, "is not valid SCIM filter syntax");
    assert!(server.requests().is_empty());
}

#[test]
fn a_missing_url_or_token_is_a_usage_error_not_a_prompt() {
    let env = TestEnv::new();
    let no_url = env
        .scimctl()
        .args(["users", "get", "1"])
        .env("SCIMCTL_TOKEN", "t")
        .output()
        .unwrap();
    assert_usage_error(&no_url, "no endpoint: set SCIMCTL_URL");
    let no_token = env
        .scimctl()
        .args(["users", "get", "1", "--url", "http://127.0.0.1:9/v2"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_usage_error(&no_token, "no token: set SCIMCTL_TOKEN");
}

#[test]
fn a_bad_url_and_a_bad_timeout_are_usage_errors() {
    let env = TestEnv::new();
    let url = env
        .scimctl_at("ftp://example.com/scim", "t")
        .args(["users", "get", "1"])
        .output()
        .unwrap();
    assert_usage_error(&url, "must be an http:// or https:// URL");
    let timeout = env
        .scimctl_at("http://127.0.0.1:9/v2", "t")
        .args(["users", "get", "1", "--timeout", "0"])
        .output()
        .unwrap();
    assert_usage_error(&timeout, "--timeout must be");
}

#[test]
fn a_profile_supplies_url_and_token_file_and_flags_beat_it() {
    let server = one_user_server();
    let env = TestEnv::new();
    let token_file = env.path().join("acme.token");
    std::fs::write(&token_file, "profile-token\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&token_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let config = env.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "default-profile = \"acme\"\n[profiles.acme]\nurl = \"{}\"\ntoken-file = \"{}\"\n[profiles.other]\nurl = \"http://127.0.0.1:9/nowhere\"\n",
            server.url(),
            token_file.display()
        ),
    )
    .unwrap();

    let output = env
        .scimctl()
        .args(["users", "find", "--username", "jdoe", "-o", "json"])
        .env("SCIMCTL_CONFIG", &config)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        server.requests()[0].header("authorization"),
        Some("Bearer profile-token")
    );

    // The environment beats a profile it names itself (SCIMCTL_PROFILE); a flag beats the
    // profile's URL. (A profile named with --profile ignores the environment: tests/endpoint.rs.)
    let output = env
        .scimctl()
        .args([
            "users",
            "find",
            "--username",
            "jdoe",
            "--url",
            &server.url(),
        ])
        .env("SCIMCTL_CONFIG", &config)
        .env("SCIMCTL_PROFILE", "other")
        .env("SCIMCTL_TOKEN", "env-token")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        server.requests().last().unwrap().header("authorization"),
        Some("Bearer env-token")
    );
}

#[test]
fn a_broken_configuration_or_unknown_profile_is_a_usage_error() {
    let env = TestEnv::new();
    let config = env.path().join("config.toml");
    std::fs::write(&config, "[profiles.acme]\nurl = 42\n").unwrap();
    let broken = env
        .scimctl()
        .args(["users", "get", "1"])
        .env("SCIMCTL_CONFIG", &config)
        .output()
        .unwrap();
    assert_usage_error(
        &broken,
        "key profiles.acme.url: expected a string, found an integer `42` (line 2) (exit 2)",
    );

    std::fs::write(&config, "[profiles.acme]\nprovider = \"okat\"\n").unwrap();
    let typo = env
        .scimctl()
        .args(["users", "get", "1", "--profile", "acme"])
        .env("SCIMCTL_CONFIG", &config)
        .output()
        .unwrap();
    assert_usage_error(
        &typo,
        "key profiles.acme.provider: expected one of generic, pulumi,",
    );

    std::fs::write(
        &config,
        "[profiles.acme]\nurl = \"https://x.example/scim\"\n",
    )
    .unwrap();
    let unknown = env
        .scimctl()
        .args(["users", "get", "1", "--profile", "nope"])
        .env("SCIMCTL_CONFIG", &config)
        .output()
        .unwrap();
    assert_usage_error(&unknown, "there is no profile 'nope'");

    let missing = env
        .scimctl()
        .args(["users", "get", "1", "--config", "/nonexistent/scimctl.toml"])
        .output()
        .unwrap();
    assert_usage_error(
        &missing,
        "cannot read the configuration file /nonexistent/scimctl.toml",
    );
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let users: Vec<_> = (0..100)
        .map(|n| json!({"id": n.to_string(), "userName": format!("u{n}")}))
        .collect();
    let server = FakeServer::start(move |request, _| {
        let start: usize = request
            .query("startIndex")
            .and_then(|s| s.parse().ok())
            .unwrap_or(1);
        // 10,000 users, 100 a page: far more than a pipe buffer holds.
        let page: Vec<_> = users
            .iter()
            .map(|u| {
                let mut u = u.clone();
                u["id"] = format!("{start}-{}", u["id"].as_str().unwrap()).into();
                u
            })
            .collect();
        list_response(&page, 10_000)
    });
    let env = TestEnv::new();
    let mut child = env
        .std_scimctl()
        .args(["users", "list", "-o", "ndjson"])
        .env("SCIMCTL_URL", server.url())
        .env("SCIMCTL_TOKEN", "t")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("userName"));
    // The reader is gone (stdout dropped above), like `| head -1`.
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(stderr_of(&output).is_empty(), "{}", stderr_of(&output));
}

#[test]
fn version_is_printed() {
    let output = TestEnv::new().scimctl().arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap().trim(),
        format!("scimctl {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn ctrl_c_while_waiting_on_the_server_exits_130() {
    let server =
        FakeServer::start(|_, _| crate::support::Reply::Hang(std::time::Duration::from_secs(30)));
    let env = TestEnv::new();
    let child = env
        .std_scimctl()
        .args(["users", "get", "1"])
        .env("SCIMCTL_URL", server.url())
        .env("SCIMCTL_TOKEN", "t")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the request is in flight, then interrupt as a terminal would.
    while server.requests().is_empty() {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", stderr_of(&output));
    assert!(stderr_of(&output).contains("interrupted"));
}

/// SCIMCTL_NO_INPUT takes 1/0, true/false, yes/no, on/off in any case. Turned on, the refusal to
/// write unconfirmed says --no-input's variable did it (not that there is no terminal) and what
/// to pass instead; anything else is one line naming the variable and the accepted values.
#[test]
fn scimctl_no_input_takes_1_0_yes_no_on_off() {
    let env = TestEnv::new();
    let seed = env.path().join("seed.json");
    std::fs::write(&seed, include_str!("../examples/common-conflicts.json")).unwrap();
    let sandbox = SandboxProcess::start(&env, &["--seed", seed.to_str().unwrap()]);
    let clark = "b1f0c8e2-0000-4000-8000-000000000002";
    let run = |value: Option<&str>, flag: &[&str]| {
        let mut command = env.scimctl_at(&sandbox.url, &sandbox.token);
        if let Some(value) = value {
            command.env("SCIMCTL_NO_INPUT", value);
        }
        command
            .env("SCIMCTL_STATE_DIR", env.path().join("state"))
            .args(["rename-user", clark, "--to", "ckent-old"])
            .args(flag)
            .output()
            .unwrap()
    };
    for yes in ["1", "true", "Yes", "ON"] {
        assert_usage_error(
            &run(Some(yes), &[]),
            "confirmation needed, but input was turned off by SCIMCTL_NO_INPUT; pass --yes to apply (nothing was written)",
        );
    }
    for no in ["0", "FALSE", "no", "off"] {
        assert_usage_error(
            &run(Some(no), &[]),
            "confirmation needed but there is no terminal; pass --yes",
        );
    }
    let bad = run(Some("maybe"), &[]);
    assert_usage_error(
        &bad,
        "SCIMCTL_NO_INPUT accepts 1 or 0, true or false, yes or no, on or off",
    );
    assert_eq!(stderr_of(&bad).lines().count(), 1, "{}", stderr_of(&bad));
    // The flag is named as itself.
    assert_usage_error(
        &run(None, &["--no-input"]),
        "input was turned off by --no-input; pass --yes",
    );
    let clark = sandbox.call("GET", &format!("/Users/{clark}"), None);
    assert_eq!(clark.json()["userName"], "CKent", "nothing was written");
}
