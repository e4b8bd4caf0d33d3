//! The token, redacted wherever a server might echo it back (`401 Invalid credentials: Bearer
//! tok-…`): error lines, notes, `-v` traces, data, and the journal's reasons. The client knows
//! the token it sends, so it registers it here once read; every writer asks [`redact`].

use std::borrow::Cow;
use std::sync::RwLock;

use secrecy::{ExposeSecret, SecretString};

/// What a redacted token reads as.
pub const REDACTED: &str = "(redacted)";

/// Tokens shorter than this are not searched for: a three-letter test token would blank out
/// every word that contains it, and no real bearer token is that short.
const SHORTEST: usize = 8;

static SECRETS: RwLock<Vec<SecretString>> = RwLock::new(Vec::new());

/// From now on, `token` never reaches the terminal or a file scimctl writes.
pub fn register(token: &SecretString) {
    if token.expose_secret().chars().count() < SHORTEST {
        return;
    }
    if let Ok(mut secrets) = SECRETS.write()
        && !secrets
            .iter()
            .any(|s| s.expose_secret() == token.expose_secret())
    {
        secrets.push(token.clone());
    }
}

/// `text` with every registered token (bare, or after `Bearer `) replaced by `(redacted)`.
pub fn redact(text: &str) -> Cow<'_, str> {
    let Ok(secrets) = SECRETS.read() else {
        return Cow::Borrowed(text);
    };
    let mut out = Cow::Borrowed(text);
    for secret in secrets.iter() {
        let token = secret.expose_secret();
        if out.contains(token) {
            out = Cow::Owned(out.replace(token, REDACTED));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_echoed_token_is_redacted_and_other_text_kept() {
        register(&SecretString::from("tok-unit-test-0123456789"));
        assert_eq!(
            redact("401 Invalid credentials: Bearer tok-unit-test-0123456789 (exit 3)"),
            "401 Invalid credentials: Bearer (redacted) (exit 3)"
        );
        assert!(matches!(redact("nothing secret"), Cow::Borrowed(_)));
    }

    #[test]
    fn short_tokens_are_not_searched_for() {
        register(&SecretString::from("abc"));
        assert_eq!(redact("abcdef"), "abcdef");
    }
}
