//! scim2-server (PyPI), a SCIM 2.0 server nobody here wrote, started per test on a free
//! loopback port with a bearer token. `scripts/test` installs it into `.venv`; if it is
//! missing, these tests fail with instructions: they never skip.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub struct Scim2Server {
    child: Child,
    pub port: u16,
    pub token: String,
}

impl Scim2Server {
    pub fn start() -> Scim2Server {
        let binary = binary();
        let token = format!("scim2-test-token-{}", std::process::id());
        // scim2-server cannot report the port it picked for --port 0, so pick one here. A
        // race with another process for the port is retried.
        for _ in 0..5 {
            let port = free_port();
            let child = Command::new(&binary)
                .args([
                    "--hostname",
                    "127.0.0.1",
                    "--port",
                    &port.to_string(),
                    "--bearer-token",
                    &token,
                ])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
            let mut server = Scim2Server {
                child,
                port,
                token: token.clone(),
            };
            if server.wait_ready() {
                return server;
            }
        }
        panic!("scim2-server did not become ready on any of 5 ports");
    }

    /// The base URL scimctl is given.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/v2", self.port)
    }

    fn wait_ready(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return false;
            }
            if get(self.port, "/v2/ServiceProviderConfig").is_some_and(|(status, _)| status == 200)
            {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        false
    }

    /// Creates a user over HTTP (as an identity provider would) and returns the server's copy.
    pub fn create_user(&self, user: Value) -> Value {
        let (status, body) = http(
            self.port,
            "POST",
            "/v2/Users",
            Some(&self.token),
            Some(&user.to_string()),
        )
        .expect("scim2-server answers POST /Users");
        assert_eq!(status, 201, "creating {user} failed: {body}");
        serde_json::from_str(&body).unwrap()
    }

    /// Creates `count` plain users named `{prefix}-{n:03}`.
    pub fn create_users(&self, prefix: &str, count: usize) {
        for n in 0..count {
            self.create_user(json!({
                "userName": format!("{prefix}-{n:03}"),
                "emails": [{"value": format!("{prefix}-{n:03}@example.com"), "primary": true}],
            }));
        }
    }
}

impl Drop for Scim2Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn binary() -> PathBuf {
    let path = std::env::var_os("SCIM2_SERVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/scim2-server")
        });
    assert!(
        path.exists(),
        "scim2-server is not installed at {} — run the tests with scripts/test, which installs it \
         (or set SCIM2_SERVER to its path). These tests do not skip.",
        path.display()
    );
    path
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn get(port: u16, path: &str) -> Option<(u16, String)> {
    http(port, "GET", path, None, None)
}

/// One request to scim2-server: the tests must not depend on scimctl to set up the state they
/// check scimctl against.
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Option<(u16, String)> {
    let auth = token.map(|t| format!("Bearer {t}"));
    let mut headers = vec![("Content-Type", "application/scim+json")];
    if let Some(auth) = &auth {
        headers.push(("Authorization", auth));
    }
    let response = super::http::request(port, method, path, &headers, body.unwrap_or(""))?;
    Some((response.status, response.body))
}
