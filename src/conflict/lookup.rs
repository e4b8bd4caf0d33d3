//! The values a lookup asks about: a userName, an email or an externalId, and whether an
//! account holds one by SCIM's own comparison (the `engine` finds the accounts).

use crate::scim::compare::Attribute;
use crate::scim::filter::FilterForm;
use crate::scim::model::User;

/// A value someone is trying to provision, and the attribute it lives in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LookupKey {
    UserName(String),
    Email(String),
    ExternalId(String),
}

impl LookupKey {
    pub fn kind(&self) -> Attribute {
        match self {
            LookupKey::UserName(_) => Attribute::UserName,
            LookupKey::Email(_) => Attribute::Emails,
            LookupKey::ExternalId(_) => Attribute::ExternalId,
        }
    }

    pub fn attribute(&self) -> &'static str {
        self.kind().scim_name()
    }

    /// The attribute as a person says it: "userName", "email", "externalId".
    pub fn noun(&self) -> &'static str {
        match self {
            LookupKey::Email(_) => "email",
            other => other.attribute(),
        }
    }

    pub fn flag(&self) -> &'static str {
        match self {
            LookupKey::UserName(_) => "username",
            LookupKey::Email(_) => "email",
            LookupKey::ExternalId(_) => "external-id",
        }
    }

    pub fn value(&self) -> &str {
        match self {
            LookupKey::UserName(v) | LookupKey::Email(v) | LookupKey::ExternalId(v) => v,
        }
    }

    pub fn forms(&self) -> &'static [FilterForm] {
        match self {
            LookupKey::UserName(_) => &[FilterForm::UserName],
            LookupKey::ExternalId(_) => &[FilterForm::ExternalId],
            LookupKey::Email(_) => &FilterForm::EMAIL_FORMS,
        }
    }

    /// SCIM's comparison: userName and emails are `caseExact: false` (RFC 7643 §4.1),
    /// externalId is `caseExact: true` (§3.1). An email counts in any slot, primary or not.
    pub fn is_held_by(&self, user: &User) -> bool {
        let attribute = self.kind();
        match self {
            LookupKey::UserName(name) => user
                .user_name
                .as_deref()
                .is_some_and(|u| attribute.equal(u, name)),
            LookupKey::Email(email) => user.email_values().any(|e| attribute.equal(e, email)),
            LookupKey::ExternalId(id) => user
                .external_id
                .as_deref()
                .is_some_and(|e| attribute.equal(e, id)),
        }
    }

    /// How a person would say what was searched for.
    pub fn describe(&self) -> String {
        match self {
            LookupKey::UserName(v) => format!("userName \"{v}\" (ignoring case)"),
            LookupKey::Email(v) => format!("email \"{v}\" (in any of a user's emails)"),
            LookupKey::ExternalId(v) => format!("externalId \"{v}\" (exact)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scim::model::Email;
    use proptest::prelude::*;

    fn user(name: &str, emails: &[&str], external_id: Option<&str>) -> User {
        User {
            user_name: Some(name.into()),
            emails: emails
                .iter()
                .map(|e| Email {
                    value: Some(e.to_string()),
                    ..Email::default()
                })
                .collect(),
            external_id: external_id.map(str::to_string),
            ..User::default()
        }
    }

    #[test]
    fn user_name_ignores_case_and_external_id_does_not() {
        let u = user("JDoe", &[], Some("00uABC"));
        assert!(LookupKey::UserName("jdoe".into()).is_held_by(&u));
        assert!(LookupKey::ExternalId("00uABC".into()).is_held_by(&u));
        assert!(!LookupKey::ExternalId("00uabc".into()).is_held_by(&u));
    }

    #[test]
    fn an_email_counts_in_any_slot() {
        let u = user("jdoe", &["first@example.com", "Second@Example.com"], None);
        assert!(LookupKey::Email("second@example.com".into()).is_held_by(&u));
        assert!(!LookupKey::Email("third@example.com".into()).is_held_by(&u));
    }

    #[test]
    fn non_ascii_case_is_folded() {
        let u = user("JOSÉ", &["JOSÉ@EXÄMPLE.COM"], None);
        assert!(LookupKey::UserName("josé".into()).is_held_by(&u));
        assert!(LookupKey::Email("josé@exämple.com".into()).is_held_by(&u));
    }

    proptest! {
        /// Finding a holder does not depend on the case the admin typed the value in.
        #[test]
        fn matches_are_stable_under_case_changes(name in "[a-zA-Z0-9._-]{1,20}", email in "[a-zA-Z0-9._+-]{1,12}@[a-zA-Z]{1,8}\\.com") {
            let u = user(&name, &[&email], None);
            prop_assert!(LookupKey::UserName(name.to_uppercase()).is_held_by(&u));
            prop_assert!(LookupKey::UserName(name.to_lowercase()).is_held_by(&u));
            prop_assert!(LookupKey::Email(email.to_uppercase()).is_held_by(&u));
        }
    }
}
