//! How two values can be "the same" without being equal, and what in a candidate's value is
//! suspicious before any server is asked. SCIM defines none of this (research §1.2): these are
//! the comparisons real services make and the traps identity providers fall into.

use unicode_normalization::UnicodeNormalization;

use crate::provider::LoginRule;
use crate::scim::compare::same_ignoring_case;

/// How a holder's stored value relates to the candidate's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Match {
    /// The same string.
    Exact,
    /// Differs only in letter case.
    Case,
    /// Equal after NFKC, trimming and dropping zero-width characters, or after the provider's
    /// login rule (GitHub's, for one).
    Normalized,
    /// The service provider says the value is taken, but no account this token can see holds it.
    Hidden,
}

/// Characters that render as nothing and survive copy-paste from documents and chat.
const ZERO_WIDTH: [char; 6] = [
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}',
];

/// NFKC, zero-width characters removed, surrounding whitespace trimmed.
pub fn normalize(value: &str) -> String {
    value
        .nfkc()
        .filter(|c| !ZERO_WIDTH.contains(c))
        .collect::<String>()
        .trim()
        .to_string()
}

/// How `stored` collides with `candidate` for this attribute, if it does. externalId is
/// `caseExact` (RFC 7643 §3.1): only an exact match collides.
pub fn classify(
    attribute: &str,
    candidate: &str,
    stored: &str,
    login_rule: LoginRule,
) -> Option<Match> {
    if candidate == stored {
        return Some(Match::Exact);
    }
    if attribute == "externalId" {
        return None;
    }
    if same_ignoring_case(candidate, stored) {
        return Some(Match::Case);
    }
    if same_ignoring_case(&normalize(candidate), &normalize(stored)) {
        return Some(Match::Normalized);
    }
    let by_login_rule = attribute == "userName"
        && login_rule != LoginRule::IgnoreCase
        && login_rule.key(&normalize(candidate)) == login_rule.key(&normalize(stored));
    by_login_rule.then_some(Match::Normalized)
}

/// Something about a value that is likely to cause (or hide) a conflict, found without a server.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub attribute: &'static str,
    pub value: String,
    pub kind: WarningKind,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum WarningKind {
    Whitespace,
    ZeroWidth,
    Compatibility,
    MixedScripts,
    EntraTombstone,
    EntraGuest,
    /// The flags, the payload and the error name different values; all are looked up.
    SourcesDisagree,
}

/// The local checks for one candidate value.
pub fn inspect(attribute: &'static str, value: &str) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut warn = |kind, reason: String| {
        warnings.push(Warning {
            attribute,
            value: value.to_string(),
            kind,
            reason,
        });
    };
    if value != value.trim() {
        warn(
            WarningKind::Whitespace,
            "it has leading or trailing whitespace; most services trim it, so it collides with the trimmed value".into(),
        );
    }
    let hidden: Vec<String> = value
        .chars()
        .filter(|c| ZERO_WIDTH.contains(c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    if !hidden.is_empty() {
        warn(
            WarningKind::ZeroWidth,
            format!(
                "it contains invisible characters ({}), usually pasted from a document or chat",
                hidden.join(", ")
            ),
        );
    }
    let without_zero_width: String = value.chars().filter(|c| !ZERO_WIDTH.contains(c)).collect();
    if without_zero_width.nfkc().collect::<String>() != without_zero_width {
        warn(
            WarningKind::Compatibility,
            "it contains compatibility characters (full-width letters, ligatures, …) that Unicode NFKC folds into plain ones".into(),
        );
    }
    if let Some(scripts) = mixed_scripts(value) {
        warn(
            WarningKind::MixedScripts,
            format!(
                "it mixes {scripts}: a look-alike letter makes it a different value that reads the same"
            ),
        );
    }
    if attribute == "userName" && is_entra_tombstone(value) {
        warn(
            WarningKind::EntraTombstone,
            "it looks like an Entra ID soft-delete tombstone (32 hex digits before the UPN): Entra renames a deleted user's UPN this way and sends it with active=false; restoring the user later sends the original UPN again".into(),
        );
    }
    if attribute == "userName" && value.to_ascii_uppercase().contains("#EXT#") {
        warn(
            WarningKind::EntraGuest,
            "it is an Entra ID guest (B2B) UPN containing #EXT#; Entra strips #EXT# and the tenant domain when matching, so the guest may collide with a member of the same name".into(),
        );
    }
    warnings
}

fn is_entra_tombstone(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() > 33 && bytes[..32].iter().all(u8::is_ascii_hexdigit) && value[32..].contains('@')
}

/// "Latin and Cyrillic letters" when a value mixes scripts that have look-alikes.
fn mixed_scripts(value: &str) -> Option<String> {
    let mut scripts: Vec<&str> = Vec::new();
    for c in value.chars().filter(|c| c.is_alphabetic()) {
        let script = match c as u32 {
            0x0041..=0x024F => "Latin",
            0x0370..=0x03FF => "Greek",
            0x0400..=0x04FF => "Cyrillic",
            _ => continue,
        };
        if !scripts.contains(&script) {
            scripts.push(script);
        }
    }
    (scripts.len() > 1).then(|| format!("{} letters", scripts.join(" and ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn matches_from_exact_to_normalized() {
        let rule = LoginRule::IgnoreCase;
        assert_eq!(
            classify("userName", "jdoe", "jdoe", rule),
            Some(Match::Exact)
        );
        assert_eq!(
            classify("userName", "jdoe", "JDoe", rule),
            Some(Match::Case)
        );
        assert_eq!(
            classify("userName", "jdoe", "j\u{200B}doe", rule),
            Some(Match::Normalized)
        );
        assert_eq!(
            classify("userName", " jdoe ", "jdoe", rule),
            Some(Match::Normalized)
        );
        assert_eq!(
            classify("emails", "ｊｄｏｅ@example.com", "jdoe@example.com", rule),
            Some(Match::Normalized)
        );
        assert_eq!(classify("userName", "jdoe", "jdoe2", rule), None);
        assert_eq!(classify("externalId", "00uA", "00ua", rule), None);
        assert_eq!(
            classify("userName", "j.doe@example.com", "J_Doe", LoginRule::GitHub),
            Some(Match::Normalized)
        );
    }

    #[test]
    fn local_checks_name_what_is_wrong() {
        let kinds = |attribute, value| {
            inspect(attribute, value)
                .into_iter()
                .map(|w| w.kind)
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds("userName", "jdoe"), []);
        assert_eq!(kinds("userName", " jdoe"), [WarningKind::Whitespace]);
        assert_eq!(
            kinds("emails", "j\u{200B}doe@example.com"),
            [WarningKind::ZeroWidth]
        );
        assert_eq!(kinds("userName", "ｊdoe"), [WarningKind::Compatibility]);
        assert_eq!(
            kinds("userName", "jd\u{043E}e"),
            [WarningKind::MixedScripts]
        ); // Cyrillic о
        assert_eq!(
            kinds(
                "userName",
                "0123456789abcdef0123456789abcdefjdoe@contoso.com"
            ),
            [WarningKind::EntraTombstone]
        );
        assert_eq!(
            kinds("userName", "jdoe_gmail.com#EXT#@contoso.onmicrosoft.com"),
            [WarningKind::EntraGuest]
        );
        assert_eq!(kinds("userName", "josé"), []);
    }

    proptest! {
        /// Changing the letter case of a value never turns a collision into none.
        #[test]
        fn collisions_survive_case_changes(value in "[a-zA-Z0-9._@+-]{1,30}") {
            let rule = LoginRule::IgnoreCase;
            prop_assert!(classify("userName", &value.to_uppercase(), &value, rule).is_some());
            prop_assert!(classify("emails", &value.to_lowercase(), &value, rule).is_some());
        }
    }
}
