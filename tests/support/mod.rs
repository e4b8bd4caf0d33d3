//! Shared test machinery: an isolated environment for the binary, a fake HTTP server that can
//! misbehave, and the third-party SCIM servers.

#![allow(dead_code)]

pub mod fake_server;
pub mod fault_proxy;
pub mod http;
pub mod node_scenarios;
pub mod node_servers;
pub mod sandbox;
pub mod scim2;
pub mod tls;

use std::path::{Path, PathBuf};

use tempfile::TempDir;

#[allow(unused_imports)] // each test module uses its own subset
pub use fake_server::{
    FakeServer, Recorded, Reply, list_response, response, response_with, scim_error,
};
pub use sandbox::SandboxProcess;
pub use scim2::Scim2Server;
pub use tls::TlsServer;

/// A private home, config and cache for one test, so no test sees another's (or the
/// developer's) files, and files scimctl writes can be inspected.
pub struct TestEnv {
    dir: TempDir,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Where `auth login` writes the profile (the platform config dir under this home).
    pub fn config_file(&self) -> PathBuf {
        self.path()
            .join("config")
            .join("scimctl")
            .join("config.toml")
    }

    /// Where `auth login` keeps tokens when there is no keyring: beside the configuration.
    pub fn credentials_file(&self) -> PathBuf {
        self.path()
            .join("config")
            .join("scimctl")
            .join("credentials.toml")
    }

    pub fn cache_dir(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    /// `scimctl` with a clean environment: no SCIMCTL_* or COLUMNS from the caller, no colour.
    pub fn scimctl(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::from_std(self.std_scimctl());
        cmd.timeout(std::time::Duration::from_secs(120));
        cmd
    }

    /// The same, as a plain `std::process::Command`, for tests that manage pipes themselves.
    pub fn std_scimctl(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("scimctl"));
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("SCIMCTL_") {
                cmd.env_remove(&key);
            }
        }
        cmd.env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("XDG_CACHE_HOME", self.path().join("xdg-cache"))
            .env("SCIMCTL_CACHE_DIR", self.cache_dir())
            .env("NO_COLOR", "1")
            // No session bus, so no OS keyring: `auth login` never touches the developer's.
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                format!("unix:path={}", self.path().join("no-bus").display()),
            )
            .env_remove("RUST_LOG")
            // Output is fitted to COLUMNS when set; a test that wants a width sets it.
            .env_remove("COLUMNS");
        cmd
    }

    /// `scimctl` pointed at `url` with `token`.
    pub fn scimctl_at(&self, url: &str, token: &str) -> assert_cmd::Command {
        let mut cmd = self.scimctl();
        cmd.env("SCIMCTL_URL", url).env("SCIMCTL_TOKEN", token);
        cmd
    }

    /// Every file scimctl left under this environment, with its contents.
    pub fn files_written(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![self.path().to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if let Ok(bytes) = std::fs::read(&path) {
                    out.push((path, bytes));
                }
            }
        }
        out
    }
}

/// Decodes stdout as JSON, with the text in the panic message when it is not.
pub fn json_of(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The lines that report a command's failure: `error: … (exit N)`, or under -o json the one
/// JSON object `{"version":1,"error":{"message":…,"exit":N,"kind":…}}`, given here in the
/// `error:` form after its fields are checked.
pub fn error_lines(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|line| {
            if line.starts_with("error:") {
                return Some(line.to_string());
            }
            let document: serde_json::Value = serde_json::from_str(line).ok()?;
            let error = document.get("error")?;
            assert_eq!(document["version"], 1, "{line}");
            assert!(error["kind"].is_string(), "{line}");
            Some(format!(
                "error: {} (exit {})",
                error["message"].as_str().expect("a message"),
                error["exit"].as_u64().expect("an exit code")
            ))
        })
        .collect()
}
