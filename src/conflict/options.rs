//! What the admin can do about the findings: typed fixes, each feasible only if the plan
//! builder its command uses (`plan::rename_user`, `plan::release_email`, `plan::link`,
//! `plan::provision`) accepts it with what the lookup read, and exactly one recommended from
//! the evidence. Follows the support page's logic: a holder who is plainly the incoming person
//! is linked (or the identity provider made to match it); a name a different person holds is
//! renamed, never linked on the name alone (usernames are no proof of identity); an email held
//! by someone else is released. Pure: the command lines people see are rendered by `output`.

use std::path::PathBuf;

use serde::Serialize;

use super::candidate::Candidate;
use super::diagnose::{Diagnosis, Finding, Flag, holds};
use super::lookup::LookupKey;
use super::normalize::normalize;
use super::plan::{self, Incoming, Plan, Refusal, Replacement};
use crate::provider::Provider;
use crate::scim::compare::{Attribute, same_ignoring_case};
use crate::scim::model::{User, UserId};

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

/// One thing to do, in the problem's words, with exactly what the command needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Free the userName by renaming the account holding it.
    RenameUser { holder: UserId, to: String },
    /// Free the address on the account holding it (a placeholder takes its place).
    ReleaseEmail { email: String, from: UserId },
    /// Make the existing account the one the identity provider finds for the incoming person.
    Link { holder: UserId, incoming: Incoming },
    /// Create the user the identity provider tried to create, from the failed payload's file.
    Provision { payload: Option<PathBuf> },
    /// Something to change in the identity provider, not here.
    IdpChange { change: IdpChange },
    /// Only the holder's owner or the provider can help.
    ContactSupport { value: Option<String> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdpChange {
    /// Send another value for this attribute.
    SendAnother(Attribute),
    /// Make the identity provider match (and then update) this existing account.
    MatchExisting(UserId),
}

impl Fix {
    pub fn action(&self) -> Action {
        match self {
            Fix::RenameUser { .. } => Action::RenameUser,
            Fix::ReleaseEmail { .. } => Action::ReleaseEmail,
            Fix::Link { .. } => Action::Link,
            Fix::Provision { .. } => Action::Provision,
            Fix::IdpChange { .. } => Action::IdpChange,
            Fix::ContactSupport { .. } => Action::ContactSupport,
        }
    }
}

/// How strongly the data says a holder is the incoming person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    /// The same externalId, or the same userName, email and name.
    Strong,
    /// The same email and a matching userName or name.
    Moderate,
    /// Only the email.
    Weak,
}

/// A value a fix cannot be carried out without, that the diagnosis did not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needed {
    /// The userName the identity provider sends for the incoming person (what it looks up).
    IncomingUserName,
    /// The failed create's payload, as a file `provision` can read.
    PayloadFile,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub fix: Fix,
    pub feasible: bool,
    /// Exactly one feasible choice of a list is recommended.
    pub recommended: bool,
    pub why: String,
    /// What the fix still needs before it can run (then no command is shown).
    pub needs: Option<Needed>,
    /// For `link`: how strong the evidence is that the holder is the same person.
    pub evidence: Option<Evidence>,
    /// The plan this fix is, where it was built from what the lookup read (without the
    /// holder's ETag: whoever applies it reads the account again first).
    pub plan: Option<Plan>,
}

impl Choice {
    pub fn action(&self) -> Action {
        self.fix.action()
    }

    fn new(fix: Fix, built: Result<String, Refusal>) -> Choice {
        let (feasible, why) = match built {
            Ok(why) => (true, why),
            Err(refusal) => (false, sentence(&refusal.to_string())),
        };
        Choice {
            fix,
            feasible,
            recommended: false,
            why,
            needs: None,
            evidence: None,
            plan: None,
        }
    }

    /// A fix whose plan was built (or refused) from what the lookup read: the plan is kept,
    /// so that a batch (`triage --plan`) writes the very plan the option was judged by.
    fn planned(fix: Fix, built: Result<Plan, Refusal>, why: String) -> Choice {
        let plan = built.as_ref().ok().cloned();
        Choice {
            plan,
            ..Choice::new(fix, built.map(|_| why))
        }
    }

    fn advice(fix: Fix, why: String) -> Choice {
        Choice::new(fix, Ok(why))
    }
}

/// The failed create, where it came from a file that `provision --payload` can read again.
#[derive(Debug, Clone, Copy)]
pub struct PayloadFile<'a> {
    pub path: &'a std::path::Path,
    pub user: &'a User,
}

/// What the options are chosen from.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub diagnosis: &'a Diagnosis,
    pub candidate: &'a Candidate,
    /// The accounts the lookup found, as the server sent them: the plans are built from them.
    pub holders: &'a [User],
    pub provider: &'a Provider,
    pub payload: Option<PayloadFile<'a>>,
    /// Today's date (`YYYYMMDD`), for the placeholder a release would put in place.
    pub today: &'a str,
}

/// The options for a diagnosis: the recommended one first, then the other feasible ones, then
/// what cannot be done here with the reason; without duplicates.
pub fn options(facts: &Facts) -> Vec<Choice> {
    let mut choices = Choices::default();
    if facts.diagnosis.is_conflict() {
        for finding in &facts.diagnosis.findings {
            match (finding.attribute, holder_of(facts, finding)) {
                (_, None) => hidden(finding, facts.provider, &mut choices),
                ("userName", Some(holder)) => user_name_taken(finding, holder, facts, &mut choices),
                ("emails", Some(holder)) => email_taken(finding, holder, facts, &mut choices),
                (_, Some(holder)) => external_id_taken(holder, facts, &mut choices),
            }
        }
        if facts.diagnosis.unexplained_conflict {
            choices.add(Choice::advice(
                Fix::ContactSupport { value: None },
                format!(
                    "The service reported a conflict without naming the value, and no account visible to this token holds the candidate's userName, emails or externalId: {}. Run again with --error and the identity provider's full message, or {}.",
                    facts.provider.hidden_holder, facts.provider.support
                ),
            ));
        }
    } else {
        choices.add(provision(facts));
    }
    let mut choices = choices.0;
    recommend(&mut choices);
    // The stable sort keeps the findings' order within each group.
    choices.sort_by_key(|c| (!c.recommended, !c.feasible));
    choices
}

/// Choices without repeats: two findings leading to the same fix are one option.
#[derive(Default)]
struct Choices(Vec<Choice>);

impl Choices {
    fn add(&mut self, choice: Choice) {
        if !self.0.iter().any(|c| c.fix == choice.fix) {
            self.0.push(choice);
        }
    }
}

/// The account behind a visible finding, as the server sent it.
fn holder_of<'a>(facts: &Facts<'a>, finding: &Finding) -> Option<&'a User> {
    let view = finding.holder.as_ref()?;
    facts
        .holders
        .iter()
        .find(|u| u.id.as_deref().unwrap_or_default() == view.id)
}

/// Another account than `holder` that holds `key`, if the lookup found one.
fn other_holder<'a>(facts: &Facts<'a>, holder: &User, key: &LookupKey) -> Option<&'a User> {
    facts
        .holders
        .iter()
        .find(|u| u.id != holder.id && holds(key, u, facts.provider))
}

/// A holder without a usable id cannot be changed: only the identity provider can help.
fn unaddressable(holder: &User, attribute: Attribute, choices: &mut Choices) {
    choices.add(Choice::advice(
        Fix::IdpChange {
            change: IdpChange::SendAnother(attribute),
        },
        format!(
            "Account \"{}\" came from the server without an id, so scimctl cannot change it; send another {} from the identity provider, then retry provisioning.",
            holder.user_name(),
            noun(attribute)
        ),
    ));
}

fn user_name_taken(finding: &Finding, holder: &User, facts: &Facts, choices: &mut Choices) {
    let Some(id) = holder.id() else {
        return unaddressable(holder, Attribute::UserName, choices);
    };
    let provider = facts.provider;
    let stored = finding.stored.as_deref().unwrap_or(&finding.value);
    let suffix = if finding.flags.contains(&Flag::InactiveHolder) {
        "inactive"
    } else {
        "previous"
    };
    let to = format!("{stored}-{suffix}");
    let taken_by = other_holder(facts, holder, &LookupKey::UserName(to.clone()));
    let built = plan::rename_user(holder, None, &to, taken_by, provider);
    let why = format!(
        "Frees \"{stored}\" by renaming account {id} (the holder keeps their account, under a new name); then retry the create."
    );
    choices.add(Choice::planned(
        Fix::RenameUser { holder: id, to },
        built,
        why,
    ));
    choices.add(Choice::advice(
        Fix::IdpChange {
            change: IdpChange::SendAnother(Attribute::UserName),
        },
        format!(
            "Send another userName for {}: in Okta, the app's \"Application username format\" or the user's app username; in Entra ID, the attribute mapping for userName. Then retry provisioning.",
            facts
                .candidate
                .display_name
                .as_deref()
                .unwrap_or("the incoming person")
        ),
    ));
    // A username alone is no proof of identity: link only when the same account holds an email too.
    if let Some(same) = same_person(holder, facts) {
        link(holder, same, facts, choices);
    }
}

fn email_taken(finding: &Finding, holder: &User, facts: &Facts, choices: &mut Choices) {
    let Some(id) = holder.id() else {
        return unaddressable(holder, Attribute::Emails, choices);
    };
    let same = same_person(holder, facts);
    let weak = same.as_ref().is_none_or(|s| s.evidence == Evidence::Weak);
    if let Some(same) = same.clone().filter(|_| !weak) {
        link(holder, same, facts, choices);
    }
    let email = finding
        .stored
        .clone()
        .unwrap_or_else(|| finding.value.clone());
    let replacement = Replacement::Placeholder {
        date: facts.today.to_string(),
    };
    let placeholder_taken = |address: &str| {
        facts
            .holders
            .iter()
            .any(|u| holds(&LookupKey::Email(address.to_string()), u, facts.provider))
    };
    let built = plan::release_email(holder, None, &email, &replacement, placeholder_taken);
    let why = format!(
        "Frees the address on account {id} ({}), keeping its other emails; by default it is replaced with a tagged placeholder on the same domain.{}",
        holder.display_name.as_deref().unwrap_or(holder.user_name()),
        if finding.flags.contains(&Flag::InactiveHolder) {
            " The account is inactive, so nobody loses mail they use."
        } else {
            ""
        }
    );
    choices.add(Choice::planned(
        Fix::ReleaseEmail { email, from: id },
        built,
        why,
    ));
    if let Some(same) = same.filter(|_| weak) {
        link(holder, same, facts, choices);
    }
}

fn external_id_taken(holder: &User, facts: &Facts, choices: &mut Choices) {
    let Some(id) = holder.id() else {
        return unaddressable(holder, Attribute::ExternalId, choices);
    };
    choices.add(Choice::advice(
        Fix::IdpChange {
            change: IdpChange::MatchExisting(id.clone()),
        },
        format!(
            "Account {id} already carries this externalId: the identity provider provisioned it before. Make the identity provider match it instead of creating (Okta: import users from the app and confirm the match; Entra ID: check the matching attributes of the userName/externalId mapping)."
        ),
    ));
    if let Some(same) = same_person(holder, facts) {
        link(holder, same, facts, choices);
    }
}

/// The link option for `holder`, feasible if `plan::link` builds it from the candidate's
/// userName and externalId; without either, it says what it needs instead of a command.
fn link(holder: &User, same: SamePerson, facts: &Facts, choices: &mut Choices) {
    let Some(id) = holder.id() else { return };
    let match_existing = Fix::IdpChange {
        change: IdpChange::MatchExisting(id.clone()),
    };
    let provider = facts.provider;
    let candidate = facts.candidate;
    let incoming = Incoming {
        user_name: candidate.user_name.clone(),
        external_id: candidate.external_id.clone(),
        activate: holder.active == Some(false),
    };
    let (name_key, external_id_key) = incoming.blocking_keys(provider);
    let third = |key: &Option<LookupKey>| other_holder(facts, holder, key.as_ref()?);
    let built = plan::link(
        holder,
        None,
        &incoming,
        third(&name_key),
        third(&external_id_key),
        provider,
    );
    let knows_identity = incoming.user_name.is_some() || incoming.external_id.is_some();
    let makes = format!(
        "Makes account {id} the one the identity provider finds on its next sync ({}), so it updates that account instead of creating another.",
        same.reason
    );
    let mut choice = match (built, knows_identity) {
        (Err(refusal @ (Refusal::NotPossible(_) | Refusal::Taken { .. })), _) => Choice::new(
            Fix::Link {
                holder: id,
                incoming,
            },
            Err(refusal),
        ),
        (built, true) => Choice::planned(
            Fix::Link {
                holder: id,
                incoming,
            },
            built,
            makes,
        ),
        (_, false) => Choice {
            needs: Some(Needed::IncomingUserName),
            ..Choice::advice(
                Fix::Link {
                    holder: id,
                    incoming,
                },
                format!(
                    "{makes} It needs the userName your identity provider sends for this person: run diagnose again with --username (or the failed payload with --payload), or let resolve ask for it."
                ),
            )
        },
    };
    choice.evidence = Some(same.evidence);
    let plainly = same.evidence == Evidence::Strong;
    choices.add(choice);
    if plainly {
        choices.add(Choice::advice(
            match_existing,
            format!(
                "Or let the identity provider update account {} itself: make it match the existing account instead of creating (Okta: import users from the app and confirm the match; Entra ID: check the matching attributes of the userName mapping).",
                holder.shown_id()
            ),
        ));
    }
}

fn hidden(finding: &Finding, provider: &Provider, choices: &mut Choices) {
    choices.add(Choice::advice(
        Fix::ContactSupport {
            value: Some(finding.value.clone()),
        },
        format!(
            "Only the holder's owner or the provider can release \"{}\": {}.",
            finding.value, provider.support
        ),
    ));
    let attribute = match finding.attribute {
        "userName" => Attribute::UserName,
        "emails" => Attribute::Emails,
        _ => Attribute::ExternalId,
    };
    choices.add(Choice::advice(
        Fix::IdpChange {
            change: IdpChange::SendAnother(attribute),
        },
        format!(
            "Or provision the person with another {} (change it in the identity provider's profile or attribute mapping), then retry.",
            noun(attribute)
        ),
    ));
}

/// Nothing is in the way: create the user now from the payload file, or let the identity
/// provider retry.
fn provision(facts: &Facts) -> Choice {
    let why = match facts.provider.unseen_holders {
        None => "No account holds the candidate's values: retrying the create (or the assignment in the identity provider) should succeed.".to_string(),
        Some(reason) => format!("No account visible to this token holds the candidate's values, so retry the create (or the assignment in the identity provider). It may still be refused: {reason}; if it is, run diagnose again with that error (--error) to learn which value the service says is taken."),
    };
    match facts.payload {
        Some(payload) => Choice::new(
            Fix::Provision {
                payload: Some(payload.path.to_path_buf()),
            },
            plan::provision(payload.user.clone(), None, None).map(|_| why),
        ),
        None => Choice {
            needs: Some(Needed::PayloadFile),
            ..Choice::advice(Fix::Provision { payload: None }, why)
        },
    }
}

/// Why a holder may be the incoming person, and how strongly.
#[derive(Debug, Clone)]
struct SamePerson {
    evidence: Evidence,
    reason: &'static str,
}

/// How strongly the data says `holder` is the incoming person; `None` when nothing but the
/// userName (or nothing at all) matches: a userName is no proof of identity.
fn same_person(holder: &User, facts: &Facts) -> Option<SamePerson> {
    let candidate = facts.candidate;
    let id = holder.id.as_deref().unwrap_or_default();
    let holds_finding = |attribute: &str| {
        facts
            .diagnosis
            .findings
            .iter()
            .any(|f| f.attribute == attribute && f.holder.as_ref().is_some_and(|h| h.id == id))
    };
    let external_id = match (&candidate.external_id, &holder.external_id) {
        (Some(mine), Some(theirs)) => Attribute::ExternalId.equal(mine, theirs),
        _ => false,
    };
    let email = holds_finding("emails");
    let user_name = holds_finding("userName");
    let name = match (&candidate.display_name, &holder.display_name) {
        (Some(a), Some(b)) => same_ignoring_case(&normalize(a), &normalize(b)),
        _ => false,
    };
    let (evidence, reason) = match (external_id, email, user_name, name) {
        (true, ..) => (
            Evidence::Strong,
            "the same externalId: the identity provider already knows this account",
        ),
        (false, true, true, true) => (
            Evidence::Strong,
            "the same userName, email and name: plainly the same person, re-created in the identity provider with a new externalId",
        ),
        (false, true, true, false) => (
            Evidence::Moderate,
            "the same userName and email: fair evidence it is the same person; confirm before linking",
        ),
        (false, true, false, true) => (
            Evidence::Moderate,
            "the same email and a matching name: fair evidence it is the same person; confirm before linking",
        ),
        (false, true, false, false) => (
            Evidence::Weak,
            "only the email matches: link only after confirming it is the same person",
        ),
        (false, false, ..) => return None,
    };
    Some(SamePerson { evidence, reason })
}

/// Marks the one feasible choice the evidence favours: the holder is plainly the incoming
/// person → link it (or, where that cannot be built, let the identity provider match it);
/// then a likely same person on an active account → link (resolve asks for confirmation);
/// then the first finding's own fix (rename a different person's name, release an email an
/// inactive account or someone else holds, create when clear);
/// then support; then a change in the identity provider.
fn recommend(choices: &mut [Choice]) {
    let rank = |c: &Choice| match (&c.fix, c.evidence) {
        (Fix::Link { .. }, Some(Evidence::Strong)) => 0,
        (
            Fix::IdpChange {
                change: IdpChange::MatchExisting(_),
            },
            _,
        ) => 1,
        // Not an inactive account on moderate evidence: names and addresses get reused when
        // people leave, and activating it would hand a former colleague's account over.
        (Fix::Link { incoming, .. }, Some(Evidence::Moderate)) if !incoming.activate => 2,
        (Fix::RenameUser { .. } | Fix::ReleaseEmail { .. } | Fix::Provision { .. }, _) => 3,
        (Fix::ContactSupport { .. }, _) => 4,
        (Fix::IdpChange { .. }, _) => 5,
        (Fix::Link { .. }, _) => 6,
    };
    for choice in choices.iter_mut() {
        choice.recommended = false;
    }
    if let Some(best) = choices
        .iter_mut()
        .filter(|c| c.feasible)
        .min_by_key(|c| rank(c))
    {
        best.recommended = true;
    }
}

fn noun(attribute: Attribute) -> &'static str {
    match attribute {
        Attribute::Emails => "email",
        other => other.scim_name(),
    }
}

/// A refusal as a sentence for the report (its first word may be an attribute's own name,
/// `userName`, so the letter case is kept).
fn sentence(text: &str) -> String {
    if text.ends_with('.') {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflict::diagnose::{Reported, diagnose};
    use crate::provider::{GENERIC, by_id};
    use serde_json::json;

    fn user(value: serde_json::Value) -> User {
        serde_json::from_value(value).unwrap()
    }

    fn id(text: &str) -> UserId {
        UserId::new(text).unwrap()
    }

    /// The options for `candidate` when the lookup found `holders`.
    fn choose(
        candidate: &Candidate,
        holders: &[User],
        reported: &Reported,
        provider: &Provider,
    ) -> Vec<Choice> {
        let diagnosis = diagnose(candidate, holders, reported, provider);
        options(&Facts {
            diagnosis: &diagnosis,
            candidate,
            holders,
            provider,
            payload: None,
            today: "20261201",
        })
    }

    fn actions(choices: &[Choice]) -> Vec<(Action, bool)> {
        choices.iter().map(|c| (c.action(), c.feasible)).collect()
    }

    /// Exactly one feasible option is recommended, and it comes first.
    fn recommended(choices: &[Choice]) -> &Choice {
        let marked: Vec<&Choice> = choices.iter().filter(|c| c.recommended).collect();
        assert_eq!(marked.len(), 1, "{choices:#?}");
        assert!(marked[0].feasible && choices[0].recommended, "{choices:#?}");
        marked[0]
    }

    fn jordan() -> User {
        user(
            json!({"id": "j", "userName": "JLee", "externalId": "okta-1", "displayName": "Jordan Lee",
            "emails": [{"value": "jordan.lee@acme.example", "primary": true}]}),
        )
    }

    fn incoming_jordan(external_id: &str) -> Candidate {
        Candidate {
            user_name: Some("jlee".into()),
            emails: vec!["Jordan.Lee@acme.example".into()],
            external_id: Some(external_id.into()),
            display_name: Some("Jordan Lee".into()),
            also_looked_up: Vec::new(),
        }
    }

    #[test]
    fn a_name_a_different_person_holds_is_renamed_never_linked_on_the_name_alone() {
        let candidate = Candidate {
            user_name: Some("jdoe".into()),
            emails: vec!["jamie@x.com".into()],
            ..Candidate::default()
        };
        let holders = [user(
            json!({"id": "h", "userName": "jdoe", "emails": [{"value": "john@x.com"}]}),
        )];
        let choices = choose(&candidate, &holders, &Reported::default(), &GENERIC);
        assert_eq!(
            actions(&choices),
            [(Action::RenameUser, true), (Action::IdpChange, true)]
        );
        assert_eq!(
            recommended(&choices).fix,
            Fix::RenameUser {
                holder: id("h"),
                to: "jdoe-previous".into()
            }
        );

        // Where userNames cannot change, the builder's refusal is the reason, and the
        // identity provider's side is what is recommended.
        let pulumi = by_id("pulumi").unwrap();
        let choices = choose(&candidate, &holders, &Reported::default(), pulumi);
        assert_eq!(
            actions(&choices),
            [(Action::IdpChange, true), (Action::RenameUser, false)]
        );
        assert!(recommended(&choices).action() == Action::IdpChange);
        assert!(
            choices[1].why.starts_with("Pulumi Cloud does not allow"),
            "{}",
            choices[1].why
        );
    }

    /// Same userName, email and name, a new externalId: the identity provider re-created the
    /// person. Renaming would give them a second account; linking is recommended.
    #[test]
    fn the_incoming_person_plainly_is_linked() {
        let candidate = incoming_jordan("okta-2");
        let choices = choose(&candidate, &[jordan()], &Reported::default(), &GENERIC);
        let best = recommended(&choices);
        assert_eq!(best.evidence, Some(Evidence::Strong));
        assert_eq!(
            best.fix,
            Fix::Link {
                holder: id("j"),
                incoming: Incoming {
                    user_name: Some("jlee".into()),
                    external_id: Some("okta-2".into()),
                    activate: false,
                }
            }
        );
        let rename = choices
            .iter()
            .find(|c| c.action() == Action::RenameUser)
            .unwrap();
        assert!(rename.feasible && !rename.recommended);
        assert!(choices.iter().any(|c| c.fix
            == Fix::IdpChange {
                change: IdpChange::MatchExisting(id("j"))
            }));
    }

    /// The same externalId and nothing to change: `plan::link` refuses, so the identity
    /// provider is to match the account it already provisioned.
    #[test]
    fn the_same_external_id_with_nothing_to_link_lets_the_identity_provider_match() {
        let candidate = Candidate {
            user_name: Some("JLee".into()),
            external_id: Some("okta-1".into()),
            ..Candidate::default()
        };
        let choices = choose(&candidate, &[jordan()], &Reported::default(), &GENERIC);
        assert_eq!(
            recommended(&choices).fix,
            Fix::IdpChange {
                change: IdpChange::MatchExisting(id("j"))
            }
        );
        let link = choices.iter().find(|c| c.action() == Action::Link).unwrap();
        assert!(
            !link.feasible && link.why.contains("nothing to link"),
            "{link:?}"
        );
    }

    #[test]
    fn an_email_an_inactive_different_person_holds_is_released() {
        let candidate = Candidate {
            user_name: Some("bwayne2".into()),
            emails: vec!["bwayne@x.com".into()],
            display_name: Some("Bea Wayne".into()),
            ..Candidate::default()
        };
        let holders = [user(
            json!({"id": "b", "userName": "bwayne", "displayName": "Bruce Wayne", "active": false,
                "emails": [{"value": "bwayne@x.com"}]}),
        )];
        let choices = choose(&candidate, &holders, &Reported::default(), &GENERIC);
        let best = recommended(&choices);
        assert_eq!(
            best.fix,
            Fix::ReleaseEmail {
                email: "bwayne@x.com".into(),
                from: id("b")
            }
        );
        assert!(best.why.contains("inactive"), "{}", best.why);
        let link = choices.iter().find(|c| c.action() == Action::Link).unwrap();
        assert_eq!(link.evidence, Some(Evidence::Weak));
    }

    /// Same email and name, another userName: likely the same person. Link is recommended (the
    /// walk-through still asks for confirmation) — unless the account is inactive: addresses
    /// are reused when people leave, so its email is released instead, and a link would
    /// activate it.
    #[test]
    fn an_email_and_name_the_same_person_holds_is_linked_first_unless_inactive() {
        let candidate = Candidate {
            user_name: Some("jdoe".into()),
            emails: vec!["jdoe@x.com".into()],
            external_id: Some("okta-9".into()),
            display_name: Some("Jane Doe".into()),
            also_looked_up: Vec::new(),
        };
        let jane = |active: bool| {
            [user(
                json!({"id": "h", "userName": "jane", "displayName": "Jane Doe", "active": active, "emails": [{"value": "jdoe@x.com"}]}),
            )]
        };
        let choices = choose(&candidate, &jane(true), &Reported::default(), &GENERIC);
        assert_eq!(
            actions(&choices),
            [(Action::Link, true), (Action::ReleaseEmail, true)]
        );
        let best = recommended(&choices);
        assert_eq!(best.evidence, Some(Evidence::Moderate));
        assert!(matches!(&best.fix, Fix::Link { incoming, .. } if !incoming.activate));

        let choices = choose(&candidate, &jane(false), &Reported::default(), &GENERIC);
        assert_eq!(recommended(&choices).action(), Action::ReleaseEmail);
        let link = choices.iter().find(|c| c.action() == Action::Link).unwrap();
        assert!(matches!(&link.fix, Fix::Link { incoming, .. } if incoming.activate));
    }

    /// The userName is Jordan's, the email Casey's: linking Casey would leave two accounts
    /// answering to the incoming person, and `plan::link` says so.
    #[test]
    fn link_is_infeasible_when_the_username_and_email_have_different_holders() {
        let casey = user(
            json!({"id": "c", "userName": "casey", "emails": [{"value": "casey@acme.example"}]}),
        );
        let candidate = Candidate {
            user_name: Some("jlee".into()),
            emails: vec!["casey@acme.example".into()],
            external_id: Some("okta-9".into()),
            ..Candidate::default()
        };
        let choices = choose(
            &candidate,
            &[jordan(), casey],
            &Reported::default(),
            &GENERIC,
        );
        let link = choices.iter().find(|c| c.action() == Action::Link).unwrap();
        assert!(!link.feasible, "{link:?}");
        assert!(
            link.why
                .contains("userName \"jlee\" is already held by account j"),
            "{}",
            link.why
        );
        assert_eq!(recommended(&choices).action(), Action::RenameUser);
        assert!(
            choices.iter().all(|c| c.feasible || !c.recommended),
            "{choices:#?}"
        );
    }

    #[test]
    fn a_link_without_a_known_username_says_what_it_needs() {
        let candidate = Candidate {
            emails: vec!["jordan.lee@acme.example".into()],
            display_name: Some("Jordan Lee".into()),
            ..Candidate::default()
        };
        let choices = choose(&candidate, &[jordan()], &Reported::default(), &GENERIC);
        let link = choices.iter().find(|c| c.action() == Action::Link).unwrap();
        assert!(link.feasible && link.recommended, "{link:?}");
        assert_eq!(link.needs, Some(Needed::IncomingUserName));
        assert!(link.why.contains("--username"), "{}", link.why);
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
        let choices = choose(&candidate, &[], &reported, pulumi);
        assert_eq!(
            actions(&choices),
            [(Action::ContactSupport, true), (Action::IdpChange, true)]
        );
        assert_eq!(recommended(&choices).action(), Action::ContactSupport);
        assert!(choices[0].why.contains("Connect SAML SSO"));

        let clear = choose(&candidate, &[], &Reported::default(), &GENERIC);
        assert_eq!(actions(&clear), [(Action::Provision, true)]);
        assert_eq!(recommended(&clear).needs, Some(Needed::PayloadFile));

        // With the payload's file, provision is built from it; one without a userName is not.
        let diagnosis = diagnose(&candidate, &[], &Reported::default(), &GENERIC);
        let facts = |user| Facts {
            diagnosis: &diagnosis,
            candidate: &candidate,
            holders: &[],
            provider: &GENERIC,
            payload: Some(PayloadFile {
                path: std::path::Path::new("user.json"),
                user,
            }),
            today: "20261201",
        };
        let sam = user(json!({"userName": "sam"}));
        let choices = options(&facts(&sam));
        assert_eq!(
            recommended(&choices).fix,
            Fix::Provision {
                payload: Some("user.json".into())
            }
        );
        assert_eq!(choices[0].needs, None);
        let nameless = user(json!({"emails": [{"value": "jane@x.com"}]}));
        let choices = options(&facts(&nameless));
        assert!(!choices[0].feasible && choices[0].why.contains("no userName"));
        assert!(!choices[0].recommended);
    }
}
