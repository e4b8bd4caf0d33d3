//! `scimctl auth login | status | logout` (README "The token"): the token read from standard
//! input or a hidden prompt, kept in the keyring or the owner-only credentials file, found
//! again by every command through the profile — and never in argv, output, errors or the
//! configuration file.

use std::os::unix::fs::PermissionsExt;

use serde_json::Value;

use crate::secrets::{
    TOKEN, TOKEN_CORE, all_carry_the_token, assert_secret_absent, exited, scim_endpoint,
};
use crate::support::{TestEnv, json_of, stderr_of};

const OTHER_TOKEN: &str = "tok-OTHER-0987654321";

fn login(env: &TestEnv, url: &str, extra: &[&str]) -> std::process::Output {
    env.scimctl()
        .args([
            "auth",
            "login",
            "--profile",
            "acme",
            "--url",
            url,
            "--with-token",
        ])
        .args(extra)
        .write_stdin(format!("{TOKEN}\n"))
        .output()
        .unwrap()
}

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The token is in no stream and in no file but the credentials file.
fn only_in_the_credentials_file(env: &TestEnv, output: &std::process::Output) {
    for needle in [TOKEN, TOKEN_CORE] {
        assert_secret_absent("stdout", &output.stdout, needle);
        assert_secret_absent("stderr", &output.stderr, needle);
        for (path, bytes) in env.files_written() {
            if path != env.credentials_file() {
                assert_secret_absent(&path.display().to_string(), &bytes, needle);
            }
        }
    }
}

fn status(env: &TestEnv) -> Value {
    let output = env
        .scimctl()
        .args(["auth", "status", "-o", "json"])
        .output()
        .unwrap();
    exited(&output, 0);
    only_in_the_credentials_file(env, &output);
    json_of(&output)
}

fn source_of(status: &Value, setting: &str) -> Value {
    status["settings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["setting"] == setting)
        .unwrap_or_else(|| panic!("no {setting} in {status}"))["source"]
        .clone()
}

#[test]
fn a_login_without_a_keyring_keeps_the_token_owner_only_and_every_command_finds_it() {
    let server = scim_endpoint();
    let env = TestEnv::new();
    let output = login(&env, &server.url(), &[]);
    exited(&output, 0);
    assert!(
        stderr_of(&output).contains("no OS keyring here"),
        "{}",
        stderr_of(&output)
    );
    let credentials = env.credentials_file();
    assert!(
        String::from_utf8_lossy(&output.stdout).contains(&credentials.display().to_string()),
        "login names the file: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(mode(&credentials), 0o600);
    let config = std::fs::read_to_string(env.config_file()).unwrap();
    assert!(
        config.contains("token-store = \"credentials-file\""),
        "{config}"
    );
    assert!(config.contains(&server.url()), "{config}");
    only_in_the_credentials_file(&env, &output);

    // No SCIMCTL_URL, no SCIMCTL_TOKEN: the default profile and its stored token.
    let output = env
        .scimctl()
        .args(["users", "get", "u1", "-o", "json", "-vvv"])
        .output()
        .unwrap();
    exited(&output, 0);
    assert_eq!(json_of(&output)["user"]["userName"], "jdoe");
    all_carry_the_token(&server.requests(), TOKEN);
    only_in_the_credentials_file(&env, &output);
}

#[test]
fn the_environment_beats_the_stored_token_and_status_says_so() {
    let server = scim_endpoint();
    let env = TestEnv::new();
    exited(&login(&env, &server.url(), &["--store", "file"]), 0);
    let stored = status(&env);
    assert_eq!(source_of(&stored, "token")["kind"], "credentials-file");
    assert_eq!(source_of(&stored, "url")["kind"], "profile");
    assert_eq!(source_of(&stored, "profile")["kind"], "default-profile");

    let output = env
        .scimctl()
        .env("SCIMCTL_TOKEN", OTHER_TOKEN)
        .args(["users", "get", "u1"])
        .output()
        .unwrap();
    exited(&output, 0);
    all_carry_the_token(&server.requests(), OTHER_TOKEN);

    let output = env
        .scimctl()
        .env("SCIMCTL_TOKEN", OTHER_TOKEN)
        .env("SCIMCTL_URL", server.url())
        .args(["auth", "status", "--profile", "acme"])
        .output()
        .unwrap();
    exited(&output, 0);
    // A profile named with --profile chooses the whole connection: the variables are ignored,
    // each with a warning, and status says where each setting really comes from.
    let table = String::from_utf8_lossy(&output.stdout);
    assert!(table.contains("from the credentials file"), "{table}");
    assert!(table.contains("from url of profile 'acme'"), "{table}");
    assert!(table.contains("from the --profile flag"), "{table}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("SCIMCTL_TOKEN is ignored"), "{stderr}");
    assert!(stderr.contains("SCIMCTL_URL is ignored"), "{stderr}");
    assert_secret_absent("auth status", &output.stdout, OTHER_TOKEN);
    only_in_the_credentials_file(&env, &output);
}

#[test]
fn logout_removes_the_token_and_the_profile_then_has_none() {
    let server = scim_endpoint();
    let env = TestEnv::new();
    exited(&login(&env, &server.url(), &[]), 0);
    let output = env.scimctl().args(["auth", "logout"]).output().unwrap();
    exited(&output, 0);
    let credentials = std::fs::read_to_string(env.credentials_file()).unwrap();
    assert!(!credentials.contains(TOKEN_CORE), "{credentials}");
    assert_eq!(source_of(&status(&env), "token")["kind"], "prompt");

    let output = env.scimctl().args(["users", "get", "u1"]).output().unwrap();
    let error = exited(&output, 2).unwrap();
    assert!(error.contains("no token"), "{error}");
    assert!(
        server.requests().is_empty(),
        "nothing is sent without a token"
    );
}

#[test]
fn a_credentials_file_others_can_read_is_refused_naming_it_and_the_chmod() {
    let server = scim_endpoint();
    let env = TestEnv::new();
    exited(&login(&env, &server.url(), &[]), 0);
    let credentials = env.credentials_file();
    std::fs::set_permissions(&credentials, std::fs::Permissions::from_mode(0o644)).unwrap();
    let output = env.scimctl().args(["users", "get", "u1"]).output().unwrap();
    let error = exited(&output, 2).unwrap();
    assert!(
        error.contains(&format!("chmod 600 {}", credentials.display())),
        "{error}"
    );
    assert!(server.requests().is_empty(), "nothing is sent");
    only_in_the_credentials_file(&env, &output);
}

#[test]
fn login_takes_no_token_on_the_command_line_and_asks_for_a_pipe_without_a_terminal() {
    let env = TestEnv::new();
    let url = "https://api.example.com/scim/v2";
    // A token typed as an argument is refused without being repeated.
    let output = env
        .scimctl()
        .args(["auth", "login", "--url", url, "--with-token", TOKEN])
        .output()
        .unwrap();
    let error = exited(&output, 2).unwrap();
    assert!(error.contains("--with-token"), "{error}");
    only_in_the_credentials_file(&env, &output);
    // No terminal and no --with-token: nothing to read the token from.
    let output = env
        .scimctl()
        .args(["auth", "login", "--url", url])
        .output()
        .unwrap();
    let error = exited(&output, 2).unwrap();
    assert!(error.contains("--with-token"), "{error}");
    assert!(!env.config_file().exists(), "nothing is written");
    // Asked for the keyring where there is none: refused, with the way out.
    let output = login(&env, url, &["--store", "keyring"]);
    let error = exited(&output, 2).unwrap();
    assert!(error.contains("--store file"), "{error}");
    assert!(!env.credentials_file().exists(), "nothing is written");
}
