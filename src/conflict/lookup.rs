//! Finding the accounts that hold a userName, an email or an externalId, with the fewest
//! requests the server allows: its filter when it evaluates one, the other filter forms when
//! it refuses the first, and a paged scan when it can filter on nothing that helps.
//!
//! What the server returns is checked again here, by SCIM's own comparison rules, because
//! servers compare differently (and some ignore a filter they do not understand).

use serde::Serialize;

use crate::provider::Provider;
use crate::scim::capabilities::Capabilities;
use crate::scim::client::ScimClient;
use crate::scim::error::ScimError;
use crate::scim::filter::FilterForm;
use crate::scim::model::User;
use crate::scim::query::{UserQuery, collect_users, walk_users};

/// A value someone is trying to provision, and the attribute it lives in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupKey {
    UserName(String),
    Email(String),
    ExternalId(String),
}

impl LookupKey {
    pub fn attribute(&self) -> &'static str {
        match self {
            LookupKey::UserName(_) => "userName",
            LookupKey::Email(_) => "emails",
            LookupKey::ExternalId(_) => "externalId",
        }
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
        match self {
            LookupKey::UserName(name) => user
                .user_name
                .as_deref()
                .is_some_and(|u| same_ignoring_case(u, name)),
            LookupKey::Email(email) => user.email_values().any(|e| same_ignoring_case(e, email)),
            LookupKey::ExternalId(id) => user.external_id.as_deref() == Some(id.as_str()),
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

fn same_ignoring_case(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// How the holders were found.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "method", rename_all = "camelCase")]
pub enum LookupMethod {
    /// The server evaluated this filter.
    Filter { filter: String },
    /// The server could not filter on the attribute; every user was read and compared here.
    Scan { scanned: u64 },
}

#[derive(Debug, Clone)]
pub struct Lookup {
    pub holders: Vec<User>,
    pub method: LookupMethod,
    /// For people: which forms were refused, that a scan happened, anything odd the server did.
    pub notes: Vec<String>,
}

pub async fn find_holders(
    client: &ScimClient,
    caps: &mut Capabilities,
    provider: &Provider,
    key: &LookupKey,
) -> Result<Lookup, ScimError> {
    let mut notes = Vec::new();
    for form in usable_forms(caps, provider, key) {
        let filter = form.build(key.value()).to_string();
        if let Some(users) = try_filter(client, caps, form, &filter, &mut notes).await? {
            let holders = users.into_iter().filter(|u| key.is_held_by(u)).collect();
            return Ok(Lookup {
                holders,
                method: LookupMethod::Filter { filter },
                notes,
            });
        }
    }
    if !provider.can_filter(key.attribute()) {
        notes.push(format!(
            "{} cannot filter users by {}",
            provider.name,
            key.noun()
        ));
    }
    let (holders, scanned) = scan(client, caps, &mut notes, key.attribute(), |user| {
        key.is_held_by(user)
    })
    .await?;
    Ok(Lookup {
        holders,
        method: LookupMethod::Scan { scanned },
        notes,
    })
}

/// The filter forms worth trying for `key`: not known to be refused, and either known to work
/// or not documented as unsupported by the provider.
pub fn usable_forms(caps: &Capabilities, provider: &Provider, key: &LookupKey) -> Vec<FilterForm> {
    key.forms()
        .iter()
        .copied()
        .filter(|&form| match caps.filter(form) {
            Some(works) => works,
            None => provider.can_filter(key.attribute()),
        })
        .collect()
}

/// Runs one filtered query. `Ok(None)` when the server refuses the filter (remembered, and
/// noted for people); the users it returned otherwise, not yet re-checked.
pub async fn try_filter(
    client: &ScimClient,
    caps: &mut Capabilities,
    form: FilterForm,
    filter: &str,
    notes: &mut Vec<String>,
) -> Result<Option<Vec<User>>, ScimError> {
    let query = UserQuery {
        filter: Some(filter.to_string()),
        limit: None,
    };
    let walked = collect_users(client, caps, &query).await;
    match walked {
        Ok((users, stats)) => {
            caps.learn(|c| {
                c.filters.insert(form, true);
            });
            notes.extend(stats.notes);
            Ok(Some(users))
        }
        Err(e) if e.is_filter_refusal() => {
            caps.learn(|c| {
                c.filters.insert(form, false);
            });
            notes.push(refusal_note(filter, &e));
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

pub fn refusal_note(filter: &str, e: &ScimError) -> String {
    let reason = e.body().map(|b| b.describe()).unwrap_or_default();
    format!(
        "the server refused the filter '{filter}' ({} {reason})",
        e.status().unwrap_or(0)
    )
}

/// Reads every user and keeps those `holds` accepts; returns them and how many were read.
pub async fn scan(
    client: &ScimClient,
    caps: &mut Capabilities,
    notes: &mut Vec<String>,
    compared: &str,
    holds: impl Fn(&User) -> bool,
) -> Result<(Vec<User>, u64), ScimError> {
    let mut holders = Vec::new();
    let mut scanned = 0u64;
    let stats = walk_users(client, caps, &UserQuery::default(), |user| {
        scanned += 1;
        if holds(&user) {
            holders.push(user);
        }
        Ok::<_, ScimError>(true)
    })
    .await?;
    notes.extend(stats.notes);
    notes.push(format!(
        "so scimctl read all {scanned} users ({}) and compared {compared} itself",
        plural(u64::from(stats.pages), "page"),
    ));
    Ok((holders, scanned))
}

fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
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
