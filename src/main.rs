//! scimctl: find who holds a SCIM userName or email, and why an identity provider got 409.
//! Everything lives in the library (`src/lib.rs`); this only hands over to it.

fn main() -> std::process::ExitCode {
    scimctl::main()
}
