//! TLS is verified, a private CA is trusted only when given with --ca-cert, and a TLS failure is
//! a one-line error with a hint, not a retry loop.

use serde_json::json;

use crate::support::{TestEnv, TlsServer, json_of, stderr_of};

fn server() -> TlsServer {
    let body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": 1,
        "Resources": [{"id": "1", "userName": "jdoe"}],
    });
    TlsServer::start(body.to_string())
}

#[test]
fn a_certificate_from_an_unknown_ca_is_refused_with_a_hint() {
    let server = server();
    let output = TestEnv::new()
        .scimctl_at(&server.url(), "t")
        .args(["users", "find", "--username", "jdoe"])
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(5));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("TLS with https://localhost"), "{stderr}");
    assert!(stderr.contains("--ca-cert"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
}

#[test]
fn ca_cert_trusts_a_private_ca() {
    let server = server();
    let output = TestEnv::new()
        .scimctl_at(&server.url(), "t")
        .args([
            "users",
            "find",
            "--username",
            "jdoe",
            "-o",
            "json",
            "--ca-cert",
        ])
        .arg(server.ca_pem())
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(json_of(&output)["users"][0]["userName"], "jdoe");
}

#[test]
fn a_ca_cert_that_is_not_a_certificate_is_a_usage_error() {
    let env = TestEnv::new();
    let bogus = env.path().join("not-a-cert.pem");
    std::fs::write(&bogus, "hello").unwrap();
    let output = env
        .scimctl_at("https://localhost:9/scim/v2", "t")
        .args(["users", "get", "1", "--ca-cert"])
        .arg(&bogus)
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    assert!(stderr_of(&output).contains("cannot read the CA certificate"));
}
