//! The one place where SCIM values are compared. Every lookup, diagnosis, plan, pre-check and
//! the sandbox ask here whether two values are the same, so they can never disagree.
//!
//! RFC 7643 says userName and emails are `caseExact: false` and externalId `caseExact: true`,
//! but not what "ignoring case" means outside ASCII. scimctl compares canonically decomposed
//! text after full case mapping, upper then lower (close to Unicode §3.13's caseless match,
//! with the Unicode version of Rust's own tables, so it agrees with every other case change the
//! program makes): `STRASSE` ≡ `straße`, `ﬁle` ≡ `FILE`, `JOSÉ` ≡ `josé` whether the É is one code
//! point or two. Lowercasing alone is not enough: it leaves `ß`, `ﬁ` and final sigma apart.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// The User attributes a conflict can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Attribute {
    #[serde(rename = "userName")]
    UserName,
    #[serde(rename = "emails")]
    Emails,
    #[serde(rename = "externalId")]
    ExternalId,
}

impl Attribute {
    /// SCIM's name for it, as in filters, JSON and the diagnose report.
    pub fn scim_name(self) -> &'static str {
        match self {
            Attribute::UserName => "userName",
            Attribute::Emails => "emails",
            Attribute::ExternalId => "externalId",
        }
    }

    /// Whether SCIM compares it exactly (RFC 7643 §3.1, §4.1).
    pub fn case_exact(self) -> bool {
        self == Attribute::ExternalId
    }

    /// SCIM's `eq` for this attribute.
    pub fn equal(self, a: &str, b: &str) -> bool {
        if self.case_exact() {
            a == b
        } else {
            same_ignoring_case(a, b)
        }
    }
}

/// The key two values ignoring case are equal on: full upper then lower case, then NFD. Case
/// is mapped before decomposing so that a value and its upper-case form always get the same
/// key: decomposing first would let canonical reordering move a combining mark past `ͅ`
/// (U+0345) on one side only, since its upper case `Ι` is not a combining mark.
pub fn fold(value: &str) -> String {
    if value.is_ascii() {
        return value.to_ascii_lowercase();
    }
    // Until nothing changes: `ẞ` lowers to `ß`, which only the next round takes to `ss`.
    let mut folded = value.to_uppercase().to_lowercase();
    for _ in 0..3 {
        let again = folded.to_uppercase().to_lowercase();
        if again == folded {
            break;
        }
        folded = again;
    }
    folded.nfd().collect()
}

/// Equal ignoring letter case, by Unicode's canonical caseless match.
pub fn same_ignoring_case(a: &str, b: &str) -> bool {
    a == b || fold(a) == fold(b)
}

/// Whether changing the letter case of `value` gives another string: a probe that swaps case
/// learns nothing from a value without cased letters.
pub fn has_cased_letters(value: &str) -> bool {
    value.chars().any(|c| c.is_lowercase() || c.is_uppercase())
}

/// The same value with every letter's case swapped (`JDoe` → `jdOE`), for testing how a server
/// compares. Letters whose case changes length (ß) are left as they are.
pub fn swap_case(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            let swapped: Vec<char> = if c.is_uppercase() {
                c.to_lowercase().collect()
            } else {
                c.to_uppercase().collect()
            };
            match swapped.as_slice() {
                [one] => *one,
                _ => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn full_case_folding_not_lowercasing() {
        assert!(same_ignoring_case("STRASSE", "straße"));
        assert!(same_ignoring_case("JOSÉ@EXAMPLE.COM", "josé@example.com"));
        assert!(same_ignoring_case("Jose\u{301}", "JOSÉ")); // decomposed vs precomposed
        assert!(same_ignoring_case("ΣΊΣΥΦΟΣ", "σίσυφος"));
        assert!(same_ignoring_case("ﬁle", "FILE"));
        // Found by the property tests: capital sharp s, and a mark after ypogegrammeni.
        assert!(same_ignoring_case("ẞ", "ß"));
        assert_eq!(fold("ẞ"), fold(&fold("ẞ")));
        assert!(same_ignoring_case("ῷ\u{6df}", &"ῷ\u{6df}".to_uppercase()));
        assert!(!same_ignoring_case("jdoe", "jdoe2"));
    }

    #[test]
    fn external_id_is_exact() {
        assert!(Attribute::ExternalId.equal("00uA", "00uA"));
        assert!(!Attribute::ExternalId.equal("00uA", "00ua"));
        assert!(Attribute::UserName.equal("JDoe", "jdoe"));
        assert!(Attribute::Emails.equal("A@B.C", "a@b.c"));
    }

    #[test]
    fn swapping_case() {
        assert_eq!(swap_case("JDoe"), "jdOE");
        assert_eq!(swap_case("straße"), "STRAßE");
        assert!(!has_cased_letters("1234-_."));
        assert!(has_cased_letters("ä1"));
    }

    proptest! {
        /// Any string equals itself in any letter case, whatever script it is written in.
        #[test]
        fn equal_under_case_changes(value in "\\PC{0,24}") {
            prop_assert!(same_ignoring_case(&value, &value.to_uppercase()));
            prop_assert!(same_ignoring_case(&value, &value.to_lowercase()));
            prop_assert!(same_ignoring_case(&value, &swap_case(&value)));
        }

        /// Folding is idempotent and symmetric: the fold is a key, not a one-way comparison.
        #[test]
        fn fold_is_a_key(a in "\\PC{0,16}", b in "\\PC{0,16}") {
            prop_assert_eq!(fold(&fold(&a)), fold(&a));
            prop_assert_eq!(same_ignoring_case(&a, &b), same_ignoring_case(&b, &a));
        }
    }
}
