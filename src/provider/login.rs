//! How a provider compares userNames for uniqueness, beyond SCIM's case-insensitivity.

use crate::scim::compare::fold;

/// A provider's rule for turning a userName into the key its uniqueness check compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginRule {
    /// Compared ignoring case, as RFC 7643 says (`caseExact: false`).
    IgnoreCase,
    /// GitHub Enterprise Managed Users: the part before `@` (and after `\`), every run of
    /// characters other than letters and digits turned into one `-`, no leading or trailing `-`,
    /// compared ignoring case. `j.doe@example.com` and `J_Doe` collide as `j-doe`.
    GitHub,
}

impl LoginRule {
    /// The key two userNames collide on when they are equal.
    pub fn key(self, user_name: &str) -> String {
        match self {
            LoginRule::IgnoreCase => fold(user_name),
            LoginRule::GitHub => fold(&github_login(user_name)),
        }
    }
}

fn github_login(user_name: &str) -> String {
    let local = user_name.split('@').next().unwrap_or(user_name);
    let local = local.rsplit('\\').next().unwrap_or(local);
    let mut login = String::with_capacity(local.len());
    for c in local.chars() {
        if c.is_ascii_alphanumeric() {
            login.push(c);
        } else if !login.ends_with('-') {
            login.push('-');
        }
    }
    login.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_normalises_before_comparing() {
        let key = |u| LoginRule::GitHub.key(u);
        assert_eq!(key("j.doe@example.com"), "j-doe");
        assert_eq!(key("J_Doe"), "j-doe");
        assert_eq!(key(r"CORP\jdoe"), "jdoe");
        assert_eq!(key("--a..b--"), "a-b");
        assert_eq!(LoginRule::IgnoreCase.key("JDoe"), "jdoe");
    }
}
