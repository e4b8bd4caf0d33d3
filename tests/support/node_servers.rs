//! The two Node SCIM servers nobody here wrote, started per test as child processes:
//! better-auth's SCIM plugin on its in-memory adapter (`tests/servers/better-auth.mjs`) and
//! SCIMMY with scimmy-routers over a small in-memory store (`tests/servers/scimmy.mjs`). Each
//! picks a free loopback port and announces `SCIM_URL=…` and `SCIM_TOKEN=…`; it is killed when
//! the test ends. `scripts/test` installs their npm packages (pinned by
//! `tests/servers/package-lock.json`); if they are missing, these tests fail with instructions:
//! they never skip.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Output, Stdio};

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};

use super::http::{Response, request};
use super::{TestEnv, json_of, stderr_of};

/// Which server to run.
#[derive(Clone, Copy, Debug)]
pub enum NodeSoftware {
    BetterAuth,
    Scimmy,
}

impl NodeSoftware {
    fn script(self) -> PathBuf {
        let (variable, file) = match self {
            NodeSoftware::BetterAuth => ("BETTER_AUTH_SERVER", "better-auth.mjs"),
            NodeSoftware::Scimmy => ("SCIMMY_SERVER", "scimmy.mjs"),
        };
        let servers = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/servers");
        let script = std::env::var_os(variable)
            .map(PathBuf::from)
            .unwrap_or_else(|| servers.join(file));
        let modules = script.with_file_name("node_modules");
        assert!(
            script.exists() && modules.is_dir(),
            "{} is missing, or node_modules beside it — run the tests with scripts/test, which \
             installs its npm packages (or run `npm ci` in {} and set {variable}). These tests \
             do not skip.",
            script.display(),
            servers.display()
        );
        script
    }
}

pub struct NodeServer {
    child: Child,
    /// Kept open so the server never writes into a closed pipe.
    _stdout: BufReader<ChildStdout>,
    /// The base URL scimctl is given, e.g. `http://127.0.0.1:41234/scim/v2`.
    pub url: String,
    pub token: String,
    pub port: u16,
    /// The path part of `url`, e.g. `/scim/v2`.
    pub base_path: String,
}

impl NodeServer {
    pub fn better_auth() -> NodeServer {
        NodeServer::start(NodeSoftware::BetterAuth)
    }

    pub fn scimmy() -> NodeServer {
        NodeServer::start(NodeSoftware::Scimmy)
    }

    pub fn start(software: NodeSoftware) -> NodeServer {
        let script = software.script();
        let mut child = Command::new("node")
            .arg(&script)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start node {}: {e}", script.display()));
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = |name: &str| {
            let mut text = String::new();
            stdout.read_line(&mut text).unwrap();
            text.trim_end()
                .strip_prefix(&format!("{name}="))
                .unwrap_or_else(|| panic!("{software:?} should announce {name}=…, said {text:?}"))
                .to_string()
        };
        let url = line("SCIM_URL");
        let token = line("SCIM_TOKEN");
        let rest = url
            .strip_prefix("http://127.0.0.1:")
            .unwrap_or_else(|| panic!("{software:?} is not on 127.0.0.1: {url}"));
        let (port, path) = rest.split_once('/').unwrap_or((rest, ""));
        NodeServer {
            child,
            _stdout: stdout,
            port: port.parse().unwrap(),
            base_path: format!("/{path}"),
            url,
            token,
        }
    }

    /// One authenticated request; `path` is relative to the base URL (`/Users`).
    pub fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Response {
        self.call_with(method, path, &[], body)
    }

    /// The same, with more headers (`If-Match`).
    pub fn call_with(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Response {
        let auth = format!("Bearer {}", self.token);
        let mut all = vec![
            ("Authorization", auth.as_str()),
            ("Content-Type", "application/scim+json"),
        ];
        all.extend_from_slice(headers);
        let body = body.map(Value::to_string).unwrap_or_default();
        request(
            self.port,
            method,
            &format!("{}{path}", self.base_path),
            &all,
            &body,
        )
        .expect("the server answers")
    }

    /// `POST /Users` as an identity provider sends it, whatever the answer.
    pub fn post_user(&self, user: &Value) -> Response {
        let mut user = user.clone();
        user["schemas"] = json!(["urn:ietf:params:scim:schemas:core:2.0:User"]);
        self.call("POST", "/Users", Some(&user))
    }

    /// Creates a user and returns the server's copy.
    pub fn create_user(&self, user: Value) -> Value {
        let response = self.post_user(&user);
        assert_eq!(response.status, 201, "creating {user}: {}", response.body);
        response.json()
    }

    pub fn get_user(&self, id: &str) -> Value {
        let response = self.call("GET", &format!("/Users/{id}"), None);
        assert_eq!(response.status, 200, "GET /Users/{id}: {}", response.body);
        response.json()
    }

    pub fn delete_user(&self, id: &str) {
        let response = self.call("DELETE", &format!("/Users/{id}"), None);
        assert_eq!(
            response.status, 204,
            "DELETE /Users/{id}: {}",
            response.body
        );
    }

    /// What the identity provider asks before it creates: `GET /Users?filter=<filter>`.
    pub fn filter_users(&self, filter: &str) -> Vec<Value> {
        let encoded = utf8_percent_encode(filter, NON_ALPHANUMERIC);
        let response = self.call("GET", &format!("/Users?filter={encoded}"), None);
        assert_eq!(response.status, 200, "filter {filter}: {}", response.body);
        response.json()["Resources"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Every user the server stores (the tests keep fewer than one page).
    pub fn all_users(&self) -> Vec<Value> {
        let response = self.call("GET", "/Users", None);
        assert_eq!(response.status, 200, "GET /Users: {}", response.body);
        let list = response.json();
        let users = list["Resources"].as_array().cloned().unwrap_or_default();
        assert_eq!(list["totalResults"], users.len(), "all on one page: {list}");
        users
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for NodeServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Jordan Lee, as the identity provider first provisioned them: the holder in every scenario.
pub fn jordan_lee(server: &NodeServer) -> Value {
    server.create_user(json!({
        "userName": "JLee",
        "externalId": "ext-1",
        "name": {"givenName": "Jordan", "familyName": "Lee"},
        "emails": [
            {"value": "jordan.lee@acme.example", "type": "work", "primary": true},
            {"value": "jl.home@example.org", "type": "home"}
        ],
    }))
}

pub fn id_of(user: &Value) -> String {
    user["id"].as_str().unwrap().to_string()
}

/// The userNames of a `users find -o json` document.
pub fn user_names(doc: &Value) -> Vec<&str> {
    doc["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["userName"].as_str().unwrap())
        .collect()
}

/// The values of a stored user's emails, in the server's order.
pub fn email_values(user: &Value) -> Vec<String> {
    user["emails"]
        .as_array()
        .map(|emails| {
            emails
                .iter()
                .map(|e| e["value"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// `scimctl` pointed at one server, with its journal inside the test's directory, no retries
/// (a 5xx must show, not be retried away), and an empty standard input (so never a terminal).
pub struct Scimctl<'a> {
    env: &'a TestEnv,
    server: &'a NodeServer,
}

impl<'a> Scimctl<'a> {
    pub fn at(env: &'a TestEnv, server: &'a NodeServer) -> Scimctl<'a> {
        Scimctl { env, server }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.env
            .scimctl_at(&self.server.url, &self.server.token)
            .env("SCIMCTL_STATE_DIR", self.env.path().join("state"))
            .env("SCIMCTL_MAX_RETRIES", "0")
            .write_stdin("")
            .args(args)
            .output()
            .expect("scimctl runs")
    }

    /// Runs with `-o json`, expects `code`, and returns the document.
    pub fn json_exit(&self, args: &[&str], code: i32) -> Value {
        let output = self.run(&[args, &["-o", "json"]].concat());
        exited(&output, code, args);
        json_of(&output)
    }

    /// Runs with `-o json`, expects exit 0, and returns the document.
    pub fn json(&self, args: &[&str]) -> Value {
        self.json_exit(args, 0)
    }

    /// Runs and expects `code` with one `error:` line ending in `(exit code)`; returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let output = self.run(args);
        exited(&output, code, args);
        let stderr = stderr_of(&output);
        let errors = crate::support::error_lines(&stderr);
        assert_eq!(errors.len(), 1, "one error line expected:\n{stderr}");
        assert!(
            errors[0].ends_with(&format!("(exit {code})")),
            "{}",
            errors[0]
        );
        stderr
    }

    /// The identity provider's create, refused by the server: the payload and the server's own
    /// 409 body, saved as files the way an admin would save them. Returns `--payload FILE` and
    /// `--error @FILE` values.
    pub fn refused_create(&self, name: &str, user: &Value) -> (String, String) {
        let response = self.server.post_user(user);
        assert_eq!(response.status, 409, "{user}: {}", response.body);
        let payload = self.file(&format!("{name}.json"), &user.to_string());
        let error = self.file(&format!("{name}-409.json"), &response.body);
        (payload, format!("@{error}"))
    }

    /// What `diagnose --payload` predicts, checked by sending the same create with plain HTTP:
    /// a conflict must be answered 409, a clear candidate 201.
    pub fn prediction_holds(&self, name: &str, user: &Value) {
        let payload = self.file(&format!("{name}.json"), &user.to_string());
        let report = json_of(&self.run(&["diagnose", "--payload", &payload, "-o", "json"]));

        let created = self.server.post_user(user);

        let expected = match report["verdict"].as_str() {
            Some("conflict") => 409,
            Some("clear") => 201,
            other => panic!("verdict {other:?}: {report}"),
        };
        assert_eq!(
            created.status, expected,
            "{user} was diagnosed {report}; the server said {}",
            created.body
        );
    }

    /// Options are decisions: each one `diagnose` calls feasible has a command that, run with
    /// `--dry-run`, builds its plan (exit 0); exactly one is recommended.
    pub fn options_are_decisions(&self, report: &Value) {
        let options = report["options"].as_array().unwrap();
        let recommended = options.iter().filter(|o| o["recommended"] == true).count();
        assert_eq!(
            recommended, 1,
            "exactly one option is recommended: {report}"
        );
        for option in options.iter().filter(|o| o["feasible"] == true) {
            let Some(command) = option["command"].as_str() else {
                continue;
            };
            let words: Vec<&str> = command.split_whitespace().collect();
            assert_eq!(words[0], "scimctl", "{command}");
            let output = self.run(&[&words[1..], &["--dry-run"]].concat());
            assert_eq!(
                output.status.code(),
                Some(0),
                "feasible option `{command}` does not build its plan: {}",
                stderr_of(&output)
            );
        }
    }

    /// Writes `contents` into the test's directory and returns the path, for `--payload` and
    /// `--error @FILE`.
    pub fn file(&self, name: &str, contents: &str) -> String {
        let path = self.env.path().join(name);
        std::fs::write(&path, contents).unwrap();
        path.display().to_string()
    }
}

fn exited(output: &Output, code: i32, args: &[&str]) {
    let stderr = stderr_of(output);
    assert!(!stderr.contains("panicked"), "a panic:\n{stderr}");
    assert_eq!(
        output.status.code(),
        Some(code),
        "scimctl {args:?}\nstdout:\n{}\nstderr:\n{stderr}",
        String::from_utf8_lossy(&output.stdout)
    );
}

/// A `-o json` write's outcome: applied and verified by reading back; returns the journal id
/// and the last result (the account as the server answered the last write).
pub fn applied(doc: &Value, action: &str) -> (u64, Value) {
    assert_eq!(doc["dryRun"], false, "{doc}");
    assert_eq!(doc["plan"]["action"], action, "{doc}");
    assert_eq!(doc["applied"]["verified"], true, "{doc}");
    let results = doc["applied"]["results"].as_array().unwrap();
    let last = results.last().unwrap_or_else(|| panic!("no result: {doc}"));
    (doc["applied"]["journalId"].as_u64().unwrap(), last.clone())
}

/// A diagnose report's findings as (attribute, value, match, holder's id).
pub fn findings(report: &Value) -> Vec<(String, String, String, Option<String>)> {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let holder = f["holder"]["id"].as_str().map(str::to_string);
            (
                text(&f["attribute"]),
                text(&f["value"]),
                text(&f["match"]),
                holder,
            )
        })
        .collect()
}
