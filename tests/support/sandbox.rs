//! `scimctl sandbox` as a child process: started with any flags, its two announcement lines
//! read, stopped with SIGTERM (or killed) when the test ends.

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdout, Stdio};

use super::TestEnv;
use super::http::{Response, request};

pub struct SandboxProcess {
    child: Child,
    /// Kept open so the sandbox never writes into a closed pipe.
    _stdout: BufReader<ChildStdout>,
    /// `SCIMCTL_URL`, the first tenant's base URL.
    pub url: String,
    /// `SCIMCTL_TOKEN` (or, with --token-file, the `SCIMCTL_TOKEN_FILE` path).
    pub token: String,
    pub port: u16,
    /// The second line's name: `SCIMCTL_TOKEN` or `SCIMCTL_TOKEN_FILE`.
    pub token_line: String,
}

impl SandboxProcess {
    pub fn start(env: &TestEnv, args: &[&str]) -> SandboxProcess {
        let mut child = env
            .std_scimctl()
            .arg("sandbox")
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start scimctl sandbox");
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = |expected: &str| {
            let mut text = String::new();
            stdout.read_line(&mut text).unwrap();
            let (name, value) = text
                .trim_end()
                .split_once('=')
                .unwrap_or_else(|| panic!("expected {expected}=…, got {text:?}"));
            (name.to_string(), value.to_string())
        };
        let (url_name, url) = line("SCIMCTL_URL");
        assert_eq!(url_name, "SCIMCTL_URL");
        let (token_line, token) = line("SCIMCTL_TOKEN");
        let port = url
            .trim_start_matches("http://127.0.0.1:")
            .split('/')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {url}"));
        SandboxProcess {
            child,
            _stdout: stdout,
            url,
            token,
            port,
            token_line,
        }
    }

    /// The path part of the first tenant's URL, e.g. `/scim/v2/acme`.
    pub fn base_path(&self) -> String {
        self.url
            .splitn(4, '/')
            .nth(3)
            .map(|p| format!("/{p}"))
            .unwrap_or_default()
    }

    /// One authenticated request; `path` is relative to the first tenant (`/Users`).
    pub fn call(&self, method: &str, path: &str, body: Option<&serde_json::Value>) -> Response {
        let auth = format!("Bearer {}", self.token);
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        request(
            self.port,
            method,
            &format!("{}{path}", self.base_path()),
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/scim+json"),
            ],
            &body,
        )
        .expect("the sandbox answers")
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends a signal and waits for the exit code.
    pub fn stop_with(mut self, signal: &str) -> Option<i32> {
        let _ = std::process::Command::new("kill")
            .args([signal, &self.child.id().to_string()])
            .status();
        let status = self.child.wait().unwrap();
        status.code()
    }
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = std::process::Command::new("kill")
                .args(["-TERM", &self.child.id().to_string()])
                .status();
            let _ = self.child.wait();
        }
    }
}
