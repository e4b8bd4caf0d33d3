//! What the admin can do about the findings, ranked, each feasible or not under the provider's
//! rules, with the reason and — where scimctl can carry it out — the exact command. Follows the
//! support page's logic: an email held by the same person can be linked or released; a taken
//! username is renamed, never linked on the name alone (usernames are no proof of identity).

use serde::Serialize;

use super::candidate::Candidate;
use super::diagnose::{Diagnosis, Finding, Flag, HolderView};
use super::normalize::normalize;
use crate::provider::Provider;
use crate::scim::compare::same_ignoring_case;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    RenameUser,
    ReleaseEmail,
    Link,
    Provision,
    ContactSupport,
    IdpChange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub action: Action,
    pub feasible: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    pub why: String,
    /// For `link`: how strong the evidence is that the holder is the same person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<&'static str>,
}

/// The options for a diagnosis, most useful first, without duplicates.
pub fn options(
    diagnosis: &Diagnosis,
    candidate: &Candidate,
    provider: &Provider,
    payload: Option<&str>,
) -> Vec<Choice> {
    let mut choices: Vec<Choice> = Vec::new();
    let mut add = |choice: Choice| {
        if !choices.iter().any(|c| {
            c.action == choice.action
                && c.command == choice.command
                && (c.command.is_some() || c.why == choice.why)
        }) {
            choices.push(choice);
        }
    };
    if !diagnosis.is_conflict() {
        add(Choice {
            action: Action::Provision,
            feasible: true,
            command: payload.map(|file| format!("scimctl provision --payload {}", shell_word(file))),
            why: match provider.unseen_holders {
                None => "No account holds the candidate's values: retrying the create (or the assignment in the identity provider) should succeed.".into(),
                Some(reason) => format!("No account visible to this token holds the candidate's values, so retry the create (or the assignment in the identity provider). It may still be refused: {reason}; if it is, run diagnose again with that error (--error) to learn which value the service says is taken."),
            },
            evidence: None,
        });
        return choices;
    }
    for finding in &diagnosis.findings {
        match (finding.attribute, &finding.holder) {
            (_, None) => hidden(finding, provider, &mut add),
            ("userName", Some(_)) => {
                user_name_taken(finding, diagnosis, candidate, provider, &mut add)
            }
            ("emails", Some(_)) => email_taken(finding, candidate, provider, &mut add),
            (_, Some(holder)) => add(Choice {
                action: Action::IdpChange,
                feasible: true,
                command: None,
                why: format!(
                    "Account {} already carries this externalId: the identity provider provisioned it before. Make the identity provider match it instead of creating (Okta: import users from the app and confirm the match; Entra ID: check the matching attributes of the userName/externalId mapping).",
                    holder.id
                ),
                evidence: None,
            }),
        }
    }
    if diagnosis.unexplained_conflict {
        add(Choice {
            action: Action::ContactSupport,
            feasible: true,
            command: None,
            why: format!(
                "The service reported a conflict without naming the value, and no account visible to this token holds the candidate's userName, emails or externalId: {}. Run again with --error and the identity provider's full message, or {}.",
                provider.hidden_holder, provider.support
            ),
            evidence: None,
        });
    }
    // What can be done comes first; what cannot, with its reason, after (the sort is stable).
    choices.sort_by_key(|c| !c.feasible);
    choices
}

fn user_name_taken(
    finding: &Finding,
    diagnosis: &Diagnosis,
    candidate: &Candidate,
    provider: &Provider,
    add: &mut impl FnMut(Choice),
) {
    let holder = holder_of(finding);
    let stored = finding.stored.as_deref().unwrap_or(&finding.value);
    let suffix = if holder.active == Some(false) {
        "inactive"
    } else {
        "previous"
    };
    add(Choice {
        action: Action::RenameUser,
        feasible: provider.user_name_mutable,
        command: provider.user_name_mutable.then(|| {
            format!(
                "scimctl rename-user {} --to {}",
                holder.id,
                shell_word(&format!("{stored}-{suffix}"))
            )
        }),
        why: if provider.user_name_mutable {
            format!(
                "Frees \"{stored}\" by renaming account {} (the holder keeps their account, under a new name); then retry the create.",
                holder.id
            )
        } else {
            format!(
                "{} does not allow changing a userName through SCIM; change the incoming userName instead.",
                provider.name
            )
        },
        evidence: None,
    });
    add(Choice {
        action: Action::IdpChange,
        feasible: true,
        command: None,
        why: format!(
            "Send another userName for {}: in Okta, the app's \"Application username format\" or the user's app username; in Entra ID, the attribute mapping for userName. Then retry provisioning.",
            candidate
                .display_name
                .as_deref()
                .unwrap_or("the incoming person")
        ),
        evidence: None,
    });
    // A username alone is no proof of identity; link only when the same account holds an email too.
    let same_account_holds_email = diagnosis
        .findings
        .iter()
        .any(|f| f.attribute == "emails" && f.holder.as_ref().is_some_and(|h| h.id == holder.id));
    if same_account_holds_email {
        link(
            finding,
            candidate,
            provider,
            "the same account also holds the candidate's email",
            add,
        );
    }
}

fn email_taken(
    finding: &Finding,
    candidate: &Candidate,
    provider: &Provider,
    add: &mut impl FnMut(Choice),
) {
    let holder = holder_of(finding);
    let evidence = same_person_evidence(finding, candidate);
    if evidence != "weak" {
        link(finding, candidate, provider, reason_for(evidence), add);
    }
    add(Choice {
        action: Action::ReleaseEmail,
        feasible: true,
        command: Some(format!(
            "scimctl release-email {} --from {}",
            shell_word(finding.stored.as_deref().unwrap_or(&finding.value)),
            holder.id
        )),
        why: format!(
            "Frees the address on account {} ({}), keeping its other emails; by default it is replaced with a tagged placeholder on the same domain.{}",
            holder.id,
            holder.display_name.as_deref().unwrap_or(&holder.user_name),
            if finding.flags.contains(&Flag::InactiveHolder) {
                " The account is inactive, so nobody loses mail they use."
            } else {
                ""
            }
        ),
        evidence: None,
    });
    if evidence == "weak" {
        link(
            finding,
            candidate,
            provider,
            "only the email matches: link only after confirming it is the same person",
            add,
        );
    }
}

fn link(
    finding: &Finding,
    candidate: &Candidate,
    provider: &Provider,
    reason: &str,
    add: &mut impl FnMut(Choice),
) {
    let holder = holder_of(finding);
    let possible = provider.stores_external_id && provider.user_name_mutable;
    let mut command = format!("scimctl link {}", holder.id);
    if let Some(name) = &candidate.user_name {
        command.push_str(&format!(" --username {}", shell_word(name)));
    }
    if let Some(external_id) = &candidate.external_id {
        command.push_str(&format!(" --external-id {}", shell_word(external_id)));
    }
    if finding.flags.contains(&Flag::InactiveHolder) {
        command.push_str(" --activate");
    }
    // Linking needs what the identity provider will look the account up by.
    let knows_identity = candidate.user_name.is_some() || candidate.external_id.is_some();
    add(Choice {
        action: Action::Link,
        feasible: possible,
        command: (possible && knows_identity).then_some(command),
        why: if possible {
            format!(
                "Makes account {} the one the identity provider finds on its next sync ({reason}), so it updates that account instead of creating another.{}",
                holder.id,
                if knows_identity {
                    ""
                } else {
                    " Give the userName your identity provider sends: scimctl link ID --username NAME."
                }
            )
        } else {
            format!(
                "{} cannot link through SCIM (userName immutable or externalId not stored); {}.",
                provider.name, provider.support
            )
        },
        evidence: Some(same_person_evidence(finding, candidate)),
    });
}

fn hidden(finding: &Finding, provider: &Provider, add: &mut impl FnMut(Choice)) {
    add(Choice {
        action: Action::ContactSupport,
        feasible: true,
        command: None,
        why: format!(
            "Only the holder's owner or the provider can release \"{}\": {}.",
            finding.value, provider.support
        ),
        evidence: None,
    });
    add(Choice {
        action: Action::IdpChange,
        feasible: true,
        command: None,
        why: format!(
            "Or provision the person with another {} (change it in the identity provider's profile or attribute mapping), then retry.",
            if finding.attribute == "emails" {
                "email"
            } else {
                finding.attribute
            }
        ),
        evidence: None,
    });
}

/// The account behind a finding the lookup saw (every finding but a hidden one).
fn holder_of(finding: &Finding) -> &HolderView {
    finding
        .holder
        .as_ref()
        .expect("a visible finding has a holder")
}

/// How strongly the data says the holder of an email is the incoming person.
fn same_person_evidence(finding: &Finding, candidate: &Candidate) -> &'static str {
    let holder = holder_of(finding);
    let external_id =
        candidate.external_id.is_some() && candidate.external_id == holder.external_id;
    let same_name = |a: &str, b: &str| same_ignoring_case(&normalize(a), &normalize(b));
    let user_name = candidate
        .user_name
        .as_deref()
        .is_some_and(|u| same_name(u, &holder.user_name));
    let display = match (&candidate.display_name, &holder.display_name) {
        (Some(a), Some(b)) => same_name(a, b),
        _ => false,
    };
    match (external_id, user_name || display) {
        (true, _) => "strong",
        (false, true) => "moderate",
        (false, false) => "weak",
    }
}

fn reason_for(evidence: &str) -> &'static str {
    match evidence {
        "strong" => "same email and the same externalId: strong evidence it is the same person",
        _ => {
            "same email and a matching name: fair evidence it is the same person; confirm before linking"
        }
    }
}

/// Quotes a value for a POSIX shell when it needs it.
pub fn shell_word(value: &str) -> String {
    if !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@._+-/:=,".contains(c))
    {
        value.to_string()
    } else {
        format!("'{}'", value.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflict::diagnose::{Reported, diagnose};
    use crate::conflict::lookup::LookupKey;
    use crate::provider::{GENERIC, by_id};
    use crate::scim::model::User;
    use serde_json::json;

    fn user(value: serde_json::Value) -> User {
        serde_json::from_value(value).unwrap()
    }

    fn actions(choices: &[Choice]) -> Vec<(Action, bool)> {
        choices.iter().map(|c| (c.action, c.feasible)).collect()
    }

    #[test]
    fn a_taken_username_is_renamed_never_linked_on_the_name_alone() {
        let candidate = Candidate {
            user_name: Some("jdoe".into()),
            emails: vec!["jamie@x.com".into()],
            ..Candidate::default()
        };
        let holders = [user(
            json!({"id": "h", "userName": "jdoe", "emails": [{"value": "john@x.com"}]}),
        )];
        let d = diagnose(&candidate, &holders, &Reported::default(), &GENERIC);
        let choices = options(&d, &candidate, &GENERIC, None);
        assert_eq!(
            actions(&choices),
            [(Action::RenameUser, true), (Action::IdpChange, true)]
        );
        assert_eq!(
            choices[0].command.as_deref(),
            Some("scimctl rename-user h --to jdoe-previous")
        );

        let pulumi = by_id("pulumi").unwrap();
        let choices = options(
            &diagnose(&candidate, &holders, &Reported::default(), pulumi),
            &candidate,
            pulumi,
            None,
        );
        assert_eq!(
            actions(&choices),
            [(Action::IdpChange, true), (Action::RenameUser, false)]
        );
        assert!(
            choices[1].command.is_none() && choices[1].why.contains("Pulumi Cloud does not allow")
        );
    }

    #[test]
    fn an_email_held_by_the_same_person_is_linked_first() {
        let candidate = Candidate {
            user_name: Some("jdoe".into()),
            emails: vec!["jdoe@x.com".into()],
            external_id: Some("okta-9".into()),
            display_name: Some("Jane Doe".into()),
            also_looked_up: Vec::new(),
        };
        let holders = [user(
            json!({"id": "h", "userName": "jane", "displayName": "Jane Doe", "active": false, "emails": [{"value": "jdoe@x.com"}]}),
        )];
        let d = diagnose(&candidate, &holders, &Reported::default(), &GENERIC);
        let choices = options(&d, &candidate, &GENERIC, None);
        assert_eq!(
            actions(&choices),
            [(Action::Link, true), (Action::ReleaseEmail, true)]
        );
        assert_eq!(choices[0].evidence, Some("moderate"));
        assert_eq!(
            choices[0].command.as_deref(),
            Some("scimctl link h --username jdoe --external-id okta-9 --activate")
        );
        assert_eq!(
            choices[1].command.as_deref(),
            Some("scimctl release-email jdoe@x.com --from h")
        );
    }

    #[test]
    fn hidden_holders_and_clear_candidates() {
        let candidate = Candidate {
            emails: vec!["jane@x.com".into()],
            ..Candidate::default()
        };
        let pulumi = by_id("pulumi").unwrap();
        let reported = Reported {
            conflict: true,
            named: vec![LookupKey::Email("jane@x.com".into())],
            attributes: vec![],
        };
        let choices = options(
            &diagnose(&candidate, &[], &reported, pulumi),
            &candidate,
            pulumi,
            None,
        );
        assert_eq!(
            actions(&choices),
            [(Action::ContactSupport, true), (Action::IdpChange, true)]
        );
        assert!(choices[0].why.contains("Connect SAML SSO"));

        let clear = options(
            &diagnose(&candidate, &[], &Reported::default(), &GENERIC),
            &candidate,
            &GENERIC,
            Some("user.json"),
        );
        assert_eq!(actions(&clear), [(Action::Provision, true)]);
        assert_eq!(
            clear[0].command.as_deref(),
            Some("scimctl provision --payload user.json")
        );
    }
}
