//! From evidence to findings: which account holds which of the candidate's values, how the
//! values compare, and what that means, in words a person can act on. Pure: no I/O.

use serde::Serialize;

use super::candidate::Candidate;
use super::lookup::LookupKey;
use super::normalize::{Match, Warning, WarningKind, classify, inspect};
use crate::provider::Provider;
use crate::scim::model::User;

/// What the identity provider's error said, reduced to what diagnosis uses.
#[derive(Debug, Clone, Default)]
pub struct Reported {
    /// The service provider refused with a uniqueness conflict (409, or 400 + uniqueness).
    pub conflict: bool,
    /// Values the error names as taken.
    pub named: Vec<LookupKey>,
    /// Attributes the error names as taken without saying the value (`userName`, `emails`, `externalId`).
    pub attributes: Vec<&'static str>,
}

/// An account as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HolderView {
    pub id: String,
    pub user_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl HolderView {
    pub fn of(user: &User) -> HolderView {
        HolderView {
            id: user.id.clone().unwrap_or_default(),
            user_name: user.user_name().to_string(),
            active: user.active,
            emails: user.email_values().map(str::to_string).collect(),
            external_id: user.external_id.clone(),
            display_name: user.display_name.clone(),
            last_modified: user.meta.as_ref().and_then(|m| m.last_modified.clone()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub attribute: &'static str,
    /// The candidate's value.
    pub value: String,
    #[serde(rename = "match")]
    pub kind: Match,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder: Option<HolderView>,
    /// The holder's colliding value; absent when hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stored: Option<String>,
    pub explanation: String,
    /// Facts the options weigh: inactive holder, a different externalId, a secondary address.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Flag {
    InactiveHolder,
    /// The holder carries another externalId than the candidate's.
    OtherExternalId,
    /// The colliding address is not the holder's primary one.
    SecondaryEmail,
    /// The candidate's userName and email are held by two different accounts.
    SplitHolders,
}

#[derive(Debug, Clone, Default)]
pub struct Diagnosis {
    pub findings: Vec<Finding>,
    pub warnings: Vec<Warning>,
    /// The service reported a conflict that no finding explains (it named no value, and no
    /// visible account holds one).
    pub unexplained_conflict: bool,
}

impl Diagnosis {
    pub fn is_conflict(&self) -> bool {
        !self.findings.is_empty() || self.unexplained_conflict
    }
}

/// Whether `user` holds `key` by the provider's comparison (exact, case or normalized).
pub fn holds(key: &LookupKey, user: &User, provider: &Provider) -> bool {
    best_match(key, user, provider).is_some()
}

/// The closest of the holder's values for the key's attribute, and how close.
fn best_match(key: &LookupKey, user: &User, provider: &Provider) -> Option<(Match, String)> {
    stored_values(key, user)
        .into_iter()
        .filter_map(|stored| {
            classify(key.attribute(), key.value(), stored, provider.login_rule)
                .map(|m| (m, stored.to_string()))
        })
        .min_by_key(|(m, _)| *m)
}

fn stored_values<'a>(key: &LookupKey, user: &'a User) -> Vec<&'a str> {
    match key {
        LookupKey::UserName(_) => user.user_name.as_deref().into_iter().collect(),
        LookupKey::Email(_) => user.email_values().collect(),
        LookupKey::ExternalId(_) => user.external_id.as_deref().into_iter().collect(),
    }
}

pub fn diagnose(
    candidate: &Candidate,
    holders: &[User],
    reported: &Reported,
    provider: &Provider,
) -> Diagnosis {
    let mut diagnosis = Diagnosis::default();
    for other in candidate.disagreements() {
        diagnosis.warnings.push(Warning {
            attribute: other.attribute.scim_name(),
            value: other.value.clone(),
            kind: WarningKind::SourcesDisagree,
            reason: other.reason.clone(),
        });
    }
    let mut explained: Vec<LookupKey> = Vec::new();
    for key in candidate.keys() {
        // The same value in another spelling adds nothing once one spelling is explained.
        if explained.iter().any(|k| same_key(k, &key)) {
            continue;
        }
        diagnosis
            .warnings
            .extend(inspect(key.attribute(), key.value()));
        let before = diagnosis.findings.len();
        let mut held = false;
        for holder in holders {
            if let Some((kind, stored)) = best_match(&key, holder, provider) {
                held = true;
                diagnosis.findings.push(visible_finding(
                    &key, holder, kind, stored, candidate, provider,
                ));
            }
        }
        let reported_taken = reported.named.iter().any(|n| same_key(n, &key))
            || reported.attributes.contains(&key.attribute());
        if !held && reported.conflict && reported_taken {
            diagnosis.findings.push(hidden_finding(&key, provider));
        }
        if diagnosis.findings.len() > before {
            explained.push(key);
        }
    }
    mark_split_holders(&mut diagnosis.findings);
    // Stable whatever order the server returned users in.
    diagnosis.findings.sort_by(|a, b| {
        (
            attribute_rank(a.attribute),
            &a.value,
            a.kind,
            a.holder.as_ref().map(|h| &h.id),
        )
            .cmp(&(
                attribute_rank(b.attribute),
                &b.value,
                b.kind,
                b.holder.as_ref().map(|h| &h.id),
            ))
    });
    diagnosis.unexplained_conflict = reported.conflict && diagnosis.findings.is_empty();
    diagnosis
}

fn attribute_rank(attribute: &str) -> u8 {
    match attribute {
        "userName" => 0,
        "emails" => 1,
        _ => 2,
    }
}

fn same_key(a: &LookupKey, b: &LookupKey) -> bool {
    a.kind() == b.kind() && a.kind().equal(a.value(), b.value())
}

fn visible_finding(
    key: &LookupKey,
    holder: &User,
    kind: Match,
    stored: String,
    candidate: &Candidate,
    provider: &Provider,
) -> Finding {
    let view = HolderView::of(holder);
    let mut flags = Vec::new();
    let who = match (&view.display_name, holder.email_values().next()) {
        (Some(name), Some(email)) if key.attribute() != "emails" => format!("{name}, {email}"),
        (Some(name), _) => name.clone(),
        (None, _) => format!("userName {}", view.user_name),
    };
    let mut story = format!(
        "{} \"{}\" is held by account {} ({}{}{})",
        noun(key),
        key.value(),
        view.id,
        who,
        if view.active == Some(false) {
            ", inactive"
        } else {
            ""
        },
        view.last_modified
            .as_deref()
            .map(|m| format!(", last modified {m}"))
            .unwrap_or_default(),
    );
    story.push_str(&match kind {
        Match::Exact => ".".to_string(),
        Match::Case => format!("; its \"{stored}\" differs from yours only in letter case, which {} ignores.", provider.name),
        Match::Normalized => format!(
            "; its \"{stored}\" is the same once Unicode forms, spaces and invisible characters are normalised{}.",
            if key.attribute() == "userName" && provider.login_rule != crate::provider::LoginRule::IgnoreCase {
                format!(" (or by {}'s login rule)", provider.name)
            } else {
                String::new()
            }
        ),
        Match::Hidden => unreachable!("a visible holder is never hidden"),
    });
    if view.active == Some(false) {
        flags.push(Flag::InactiveHolder);
        story.push_str(" The account is deactivated (active=false) but still reserves the value.");
    }
    if key.attribute() == "emails" && holder.emails.len() > 1 {
        let primary = holder
            .emails
            .iter()
            .find(|e| e.primary == Some(true))
            .and_then(|e| e.value.as_deref());
        if primary.is_none_or(|p| p != stored) {
            flags.push(Flag::SecondaryEmail);
            let kind = holder
                .emails
                .iter()
                .find(|e| e.value.as_deref() == Some(stored.as_str()))
                .and_then(|e| e.kind.clone())
                .map(|k| format!("a {k} address"))
                .unwrap_or_else(|| "a secondary address".to_string());
            story.push_str(&format!(
                " It is {kind} of that account, not its primary one."
            ));
        }
    }
    if let (Some(mine), Some(theirs)) = (&candidate.external_id, &view.external_id)
        && key.attribute() != "externalId"
        && mine != theirs
    {
        flags.push(Flag::OtherExternalId);
        story.push_str(&format!(
                " It carries externalId {theirs}, not yours ({mine}): the identity provider re-created the user, or another identity provider manages this account."
            ));
    }
    if key.attribute() == "externalId" {
        story.push_str(" The identity provider already provisioned this account: it should update it, not create another.");
    }
    Finding {
        attribute: key.attribute(),
        value: key.value().to_string(),
        kind,
        holder: Some(view),
        stored: Some(stored),
        explanation: story,
        flags,
    }
}

fn hidden_finding(key: &LookupKey, provider: &Provider) -> Finding {
    Finding {
        attribute: key.attribute(),
        value: key.value().to_string(),
        kind: Match::Hidden,
        holder: None,
        stored: None,
        explanation: format!(
            "{} reports {} \"{}\" as taken, but no account visible to this token holds it: {}.",
            provider.name,
            noun(key),
            key.value(),
            provider.hidden_holder
        ),
        flags: Vec::new(),
    }
}

/// When the userName and an email are held by two different accounts, fixing one leaves the other.
fn mark_split_holders(findings: &mut [Finding]) {
    let holder_of = |attribute: &str, findings: &[Finding]| -> Vec<String> {
        findings
            .iter()
            .filter(|f| f.attribute == attribute)
            .filter_map(|f| f.holder.as_ref().map(|h| h.id.clone()))
            .collect()
    };
    let by_name = holder_of("userName", findings);
    let by_email = holder_of("emails", findings);
    if by_name.is_empty() || by_email.is_empty() || by_name.iter().all(|id| by_email.contains(id)) {
        return;
    }
    for finding in findings
        .iter_mut()
        .filter(|f| matches!(f.attribute, "userName" | "emails") && f.holder.is_some())
    {
        let other = if finding.attribute == "userName" {
            &by_email
        } else {
            &by_name
        };
        let others: Vec<&String> = other
            .iter()
            .filter(|id| Some(*id) != finding.holder.as_ref().map(|h| &h.id))
            .collect();
        if others.is_empty() {
            continue;
        }
        finding.flags.push(Flag::SplitHolders);
        finding.explanation.push_str(&format!(
            " The {} is held by a different account ({}): clearing one does not clear the other.",
            if finding.attribute == "userName" {
                "email"
            } else {
                "userName"
            },
            others
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
}

fn noun(key: &LookupKey) -> &'static str {
    match key {
        LookupKey::UserName(_) => "userName",
        LookupKey::Email(_) => "email",
        LookupKey::ExternalId(_) => "externalId",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{GENERIC, by_id};
    use proptest::prelude::*;
    use serde_json::json;

    fn user(value: serde_json::Value) -> User {
        serde_json::from_value(value).unwrap()
    }

    fn candidate(name: &str, email: &str, external_id: Option<&str>) -> Candidate {
        Candidate {
            user_name: Some(name.into()),
            emails: vec![email.into()],
            external_id: external_id.map(str::to_string),
            display_name: None,
            also_looked_up: Vec::new(),
        }
    }

    #[test]
    fn an_inactive_holder_in_a_secondary_slot_with_another_external_id() {
        let holder = user(
            json!({"id": "h1", "userName": "other", "active": false, "externalId": "okta-1",
            "emails": [{"value": "main@x.com", "primary": true}, {"value": "JDoe@X.com", "type": "home"}]}),
        );
        let d = diagnose(
            &candidate("jdoe", "jdoe@x.com", Some("okta-2")),
            &[holder],
            &Reported::default(),
            &GENERIC,
        );
        assert_eq!(d.findings.len(), 1);
        let f = &d.findings[0];
        assert_eq!(
            (f.attribute, f.kind, f.stored.as_deref()),
            ("emails", Match::Case, Some("JDoe@X.com"))
        );
        assert_eq!(
            f.flags,
            [
                Flag::InactiveHolder,
                Flag::SecondaryEmail,
                Flag::OtherExternalId
            ]
        );
        assert!(
            f.explanation.contains("a home address of that account"),
            "{}",
            f.explanation
        );
        assert!(d.is_conflict());
    }

    #[test]
    fn split_holders_and_a_clear_candidate() {
        let a = user(json!({"id": "a", "userName": "jdoe"}));
        let b = user(json!({"id": "b", "userName": "b", "emails": [{"value": "jdoe@x.com"}]}));
        let d = diagnose(
            &candidate("jdoe", "jdoe@x.com", None),
            &[a, b],
            &Reported::default(),
            &GENERIC,
        );
        assert_eq!(d.findings.len(), 2);
        assert!(
            d.findings
                .iter()
                .all(|f| f.flags.contains(&Flag::SplitHolders))
        );
        let clear = diagnose(
            &candidate("new", "new@x.com", None),
            &[],
            &Reported::default(),
            &GENERIC,
        );
        assert!(!clear.is_conflict());
    }

    #[test]
    fn a_value_the_error_names_that_nobody_visible_holds_is_hidden() {
        let reported = Reported {
            conflict: true,
            named: vec![LookupKey::Email("JANE@x.com".into())],
            attributes: vec![],
        };
        let pulumi = by_id("pulumi").unwrap();
        let d = diagnose(
            &candidate("jane", "jane@x.com", None),
            &[],
            &reported,
            pulumi,
        );
        assert_eq!(d.findings.len(), 1);
        assert_eq!(d.findings[0].kind, Match::Hidden);
        assert!(d.findings[0].explanation.contains("another Pulumi account"));
        let unnamed = Reported {
            conflict: true,
            ..Reported::default()
        };
        let d = diagnose(
            &candidate("jane", "jane@x.com", None),
            &[],
            &unnamed,
            pulumi,
        );
        assert!(d.findings.is_empty() && d.unexplained_conflict && d.is_conflict());
    }

    #[test]
    fn normalized_matches_count_and_local_warnings_are_kept() {
        let holder = user(json!({"id": "h", "userName": "jdoe"}));
        let d = diagnose(
            &candidate(" jdoe\u{200B}", "x@y.com", None),
            &[holder],
            &Reported::default(),
            &GENERIC,
        );
        assert_eq!(d.findings[0].kind, Match::Normalized);
        assert_eq!(d.warnings.len(), 2);
    }

    proptest! {
        /// The same holders are found whatever the letter case of the candidate's values and
        /// whatever order the server returned users in.
        #[test]
        fn findings_are_stable(upper in any::<bool>(), reverse in any::<bool>()) {
            let mut users = vec![
                user(json!({"id": "1", "userName": "JDoe"})),
                user(json!({"id": "2", "userName": "x", "emails": [{"value": "jdoe@example.com"}]})),
                user(json!({"id": "3", "userName": "y"})),
            ];
            if reverse { users.reverse(); }
            let case = |s: &str| if upper { s.to_uppercase() } else { s.to_lowercase() };
            let d = diagnose(&candidate(&case("jdoe"), &case("jdoe@example.com"), None), &users, &Reported::default(), &GENERIC);
            let ids: Vec<String> = d.findings.iter().map(|f| f.holder.as_ref().unwrap().id.clone()).collect();
            prop_assert_eq!(ids, vec!["1".to_string(), "2".to_string()]);
        }
    }
}
