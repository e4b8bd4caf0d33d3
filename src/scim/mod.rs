//! The SCIM 2.0 protocol (RFC 7643, RFC 7644, RFC 9865). Knows nothing of the command line or
//! of conflicts: models, filters, error bodies, paging, retries, and the HTTP client.

pub mod capabilities;
pub mod client;
pub mod compare;
pub mod error;
pub mod error_body;
pub mod filter;
pub mod model;
pub mod paging;
pub mod probe;
pub mod query;
pub mod retry;
pub mod verify;
