//! Where a write goes is always visible: a profile named with --profile beats the SCIMCTL_*
//! connection variables (each ignored one named in a warning), the environment alone or the
//! profile alone choose the endpoint, and every plan and `journal list` name it. Two sandboxes
//! hold the same accounts, so only the server a write really reached has changed.

use serde_json::Value;

use crate::support::{SandboxProcess, TestEnv, json_of, stderr_of};

const COMMON: &str = include_str!("../examples/common-conflicts.json");
/// Holds "CKent" on both sandboxes.
const CLARK: &str = "b1f0c8e2-0000-4000-8000-000000000002";

/// The environment's sandbox, the profile's sandbox, and a configuration naming the second as
/// profile `staging` (with its token in a private file).
struct TwoEndpoints {
    env: TestEnv,
    exported: SandboxProcess,
    staging: SandboxProcess,
    config: std::path::PathBuf,
}

impl TwoEndpoints {
    fn new() -> TwoEndpoints {
        let env = TestEnv::new();
        let seed = env.path().join("seed.json");
        std::fs::write(&seed, COMMON).unwrap();
        let seed = seed.to_str().unwrap().to_string();
        let exported = SandboxProcess::start(&env, &["--seed", &seed]);
        let staging = SandboxProcess::start(&env, &["--seed", &seed]);
        let token_file = env.path().join("staging.token");
        std::fs::write(&token_file, &staging.token).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&token_file, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let config = env.path().join("config.toml");
        std::fs::write(
            &config,
            format!(
                "[profiles.staging]\nurl = \"{}\"\ntoken-file = \"{}\"\n",
                staging.url,
                token_file.display()
            ),
        )
        .unwrap();
        TwoEndpoints {
            env,
            exported,
            staging,
            config,
        }
    }

    /// `scimctl rename-user CLARK --to NEW --yes ARGS`, with the exported sandbox in
    /// SCIMCTL_URL/SCIMCTL_TOKEN when `exported`.
    fn rename(&self, to: &str, exported: bool, args: &[&str]) -> std::process::Output {
        let mut command = self.env.scimctl();
        if exported {
            command
                .env("SCIMCTL_URL", &self.exported.url)
                .env("SCIMCTL_TOKEN", &self.exported.token);
        }
        command
            .env("SCIMCTL_CONFIG", &self.config)
            .env("SCIMCTL_STATE_DIR", self.env.path().join("state"))
            .args(["rename-user", CLARK, "--to", to, "--yes"])
            .args(args)
            .output()
            .unwrap()
    }
}

fn user_name(sandbox: &SandboxProcess) -> Value {
    let clark = sandbox.call("GET", &format!("/Users/{CLARK}"), None);
    assert_eq!(clark.status, 200, "{}", clark.body);
    clark.json()["userName"].clone()
}

fn warnings(output: &std::process::Output) -> Vec<String> {
    stderr_of(output)
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .map(str::to_string)
        .collect()
}

#[test]
fn an_explicit_profile_wins_over_the_environment_and_names_what_it_ignored() {
    let two = TwoEndpoints::new();
    let output = two.rename("ckent-staging", true, &["--profile", "staging"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    // The write reached the profile's server, and only it.
    assert_eq!(user_name(&two.staging), "ckent-staging");
    assert_eq!(user_name(&two.exported), "CKent");
    assert_eq!(
        warnings(&output),
        [
            "warning: SCIMCTL_TOKEN is ignored: --profile staging chooses the connection (to override the profile, pass --token-file or --token-stdin)",
            "warning: SCIMCTL_URL is ignored: --profile staging chooses the connection (to override the profile, pass --url)",
        ],
        "{}",
        stderr_of(&output)
    );
    assert!(
        stdout.contains(&format!("Endpoint: {} (profile staging)", two.staging.url)),
        "{stdout}"
    );

    // -q is data and errors only: no warning, so the JSON plan says where and why.
    let output = two.rename(
        "ckent-quiet",
        true,
        &["--profile", "staging", "-q", "-o", "json"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(stderr_of(&output), "");
    let document = json_of(&output);
    assert_eq!(
        document["endpoint"],
        serde_json::json!({"url": two.staging.url, "from": "profile", "profile": "staging"})
    );
    assert_eq!(user_name(&two.staging), "ckent-quiet");
    assert_eq!(user_name(&two.exported), "CKent");
}

#[test]
fn the_environment_alone_or_the_profile_alone_chooses_the_endpoint() {
    let two = TwoEndpoints::new();
    let output = two.rename("ckent-exported", true, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(warnings(&output).is_empty(), "{}", stderr_of(&output));
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .contains(&format!("Endpoint: {} (SCIMCTL_URL)", two.exported.url)),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(user_name(&two.exported), "ckent-exported");
    assert_eq!(user_name(&two.staging), "CKent");

    let output = two.rename("ckent-profile", false, &["--profile", "staging"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(warnings(&output).is_empty(), "{}", stderr_of(&output));
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .contains(&format!("Endpoint: {} (profile staging)", two.staging.url)),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn a_profile_the_environment_names_is_overridden_by_it_with_a_warning() {
    let two = TwoEndpoints::new();
    let mut command = two.env.scimctl();
    let output = command
        .env("SCIMCTL_URL", &two.exported.url)
        .env("SCIMCTL_TOKEN", &two.exported.token)
        .env("SCIMCTL_PROFILE", "staging")
        .env("SCIMCTL_CONFIG", &two.config)
        .env("SCIMCTL_STATE_DIR", two.env.path().join("state"))
        .args(["rename-user", CLARK, "--to", "ckent-env", "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(user_name(&two.exported), "ckent-env");
    assert_eq!(user_name(&two.staging), "CKent");
    assert_eq!(
        warnings(&output),
        [
            "warning: SCIMCTL_TOKEN overrides the token-file of profile staging (with --profile staging the profile's is used)",
            "warning: SCIMCTL_URL overrides the url of profile staging (with --profile staging the profile's is used)",
        ],
        "{}",
        stderr_of(&output)
    );
}

/// A named profile without a token file does not borrow SCIMCTL_TOKEN (it was meant for the
/// exported endpoint): the error says what to add or pass, and nothing is sent anywhere.
#[test]
fn an_explicit_profile_without_a_token_never_takes_the_environments() {
    let two = TwoEndpoints::new();
    std::fs::write(
        &two.config,
        format!("[profiles.bare]\nurl = \"{}\"\n", two.staging.url),
    )
    .unwrap();
    let output = two.rename("ckent-bare", true, &["--profile", "bare"]);
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: no token: profile bare has no token-file (SCIMCTL_TOKEN is not used with --profile); add token-file to the profile, or pass --token-file FILE or --token-stdin (exit 2)"),
        "{stderr}"
    );
    assert!(!stderr.contains(&two.exported.token), "{stderr}");
    assert_eq!(user_name(&two.staging), "CKent");
    assert_eq!(user_name(&two.exported), "CKent");
}

#[test]
fn journal_list_names_each_entrys_endpoint_by_host_and_path() {
    let two = TwoEndpoints::new();
    assert_eq!(two.rename("ckent-a", true, &[]).status.code(), Some(0));
    assert_eq!(
        two.rename("ckent-b", false, &["--profile", "staging"])
            .status
            .code(),
        Some(0)
    );
    let output = two
        .env
        .scimctl()
        .env("SCIMCTL_STATE_DIR", two.env.path().join("state"))
        .args(["journal", "list"])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let host_and_path = |url: &str| url.trim_start_matches("http://").to_string();
    let rows: Vec<&str> = table
        .lines()
        .filter(|l| l.contains("rename-user"))
        .collect();
    assert_eq!(rows.len(), 2, "{table}");
    assert!(
        rows[0].contains(&host_and_path(&two.exported.url)),
        "{table}"
    );
    assert!(
        rows[1].contains(&host_and_path(&two.staging.url)),
        "{table}"
    );
    assert!(!table.contains(&two.exported.token), "{table}");
    assert!(!table.contains(&two.staging.token), "{table}");
}
