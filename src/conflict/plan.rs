//! Plans: the unit of change. A plan is pure data — the SCIM operations to send and what each
//! changes (before → after), plus what must still hold when it runs — built from what was read,
//! under the provider's rules. Nothing here touches the network: `apply` does.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::diagnose::holds;
use super::lookup::LookupKey;
use super::normalize::classify;
use crate::provider::{LoginRule, Provider};
use crate::scim::compare::{Attribute, fold};
use crate::scim::model::{PatchKind, PatchOperation, User, UserId};

pub const PLAN_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub version: u32,
    /// `rename-user`, `release-email`, `link`, `provision`, or `undo`.
    pub action: String,
    /// One sentence for a person: what the plan does.
    pub summary: String,
    pub steps: Vec<Step>,
    /// Things the person should weigh before confirming (a rebinding of externalId, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "UPPERCASE")]
pub enum Step {
    /// PATCH /Users/{id}: a validated, non-empty id, so a plan never addresses the collection.
    Patch {
        id: UserId,
        /// The version read when the plan was made: sent as If-Match where the server does ETags.
        #[serde(default, skip_serializing_if = "Option::is_none", rename = "ifMatch")]
        if_match: Option<String>,
        operations: Vec<PatchOperation>,
        /// The same change as one whole-attribute `replace`, sent instead of `operations` only
        /// when the server refuses their path (400 `invalidPath`/`noTarget`, 501) or answers
        /// success while changing nothing — and only after a fresh read shows the account still
        /// exactly as the fallback was built from. Journaled with the plan, before any write.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fallback: Option<Vec<PatchOperation>>,
        changes: Vec<Change>,
    },
    /// POST /Users.
    Post {
        user: Box<User>,
        changes: Vec<Change>,
    },
}

/// One attribute's value before and after (whole values: `emails` is the whole list). The
/// before-values are the preconditions: the plan runs only if they still hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub attribute: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
}

impl Step {
    pub fn changes(&self) -> &[Change] {
        match self {
            Step::Patch { changes, .. } | Step::Post { changes, .. } => changes,
        }
    }

    /// The id of the user the step writes (`None` for a create).
    pub fn target(&self) -> Option<&UserId> {
        match self {
            Step::Patch { id, .. } => Some(id),
            Step::Post { .. } => None,
        }
    }
}

/// Why a plan cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The new value is held by another account.
    #[error("{attribute} \"{value}\" is already held by account {holder}")]
    Taken {
        attribute: &'static str,
        value: String,
        holder: String,
    },
    /// The provider does not allow this through SCIM; `instead` says what to do.
    #[error("{0}")]
    NotPossible(String),
    /// The request makes no sense for this account.
    #[error("{0}")]
    Invalid(String),
}

/// The id a plan addresses `holder` by; a holder the server sent without one cannot be changed.
fn target_of(holder: &User) -> Result<UserId, Refusal> {
    holder.id().ok_or_else(|| {
        Refusal::Invalid(format!(
            "account \"{}\" came without an id from the server, so no change can address it",
            holder.user_name()
        ))
    })
}

/// The id of an account holding a value, for the refusal that names it.
fn holder_name(other: &User) -> String {
    other.shown_id().to_string()
}

/// The value of one attribute of a user, as plans compare it.
pub fn attribute_value(user: &User, attribute: &str) -> Option<Value> {
    match attribute {
        "userName" => user.user_name.clone().map(Value::String),
        "externalId" => user.external_id.clone().map(Value::String),
        "active" => user.active.map(Value::Bool),
        "emails" => (!user.emails.is_empty())
            .then(|| serde_json::to_value(&user.emails).expect("emails serialise")),
        other => user.rest.get(other).cloned(),
    }
}

/// Whether a value read back equals the planned one, by SCIM's comparison (`scim::compare`).
/// Emails compare as the set of addresses (ignoring case and order, and what the server adds
/// such as `display`); userName ignoring case; externalId and everything else exactly.
pub fn same_value(attribute: &str, a: Option<&Value>, b: Option<&Value>) -> bool {
    match attribute {
        "emails" => email_set(a) == email_set(b),
        "userName" => match (a.and_then(Value::as_str), b.and_then(Value::as_str)) {
            (Some(x), Some(y)) => Attribute::UserName.equal(x, y),
            (x, y) => x == y,
        },
        _ => a == b,
    }
}

/// The addresses of an `emails` value, each by the key SCIM's comparison is equal on.
fn email_set(value: Option<&Value>) -> Vec<String> {
    let mut set: Vec<String> = value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|e| e.get("value")?.as_str().map(fold))
                .collect()
        })
        .unwrap_or_default();
    set.sort();
    set
}

fn replace(path: &str, value: Value) -> PatchOperation {
    PatchOperation {
        op: PatchKind::Replace,
        path: Some(path.to_string()),
        value: Some(value),
    }
}

fn value_path(email: &str) -> String {
    format!(
        "emails[value eq {}]",
        serde_json::to_string(email).expect("a string serialises")
    )
}

/// `rename-user`: the holder's userName becomes `to`. `taken_by` is the account already holding
/// `to` (in any case or normalised form), if one does.
pub fn rename_user(
    holder: &User,
    etag: Option<&str>,
    to: &str,
    taken_by: Option<&User>,
    provider: &Provider,
) -> Result<Plan, Refusal> {
    if !provider.user_name_mutable {
        return Err(Refusal::NotPossible(format!(
            "{} does not allow changing a userName through SCIM (it answers 400 {}); change the userName your identity provider sends for the incoming person instead (Okta: the app's Application username format; Entra ID: the userName attribute mapping), then retry provisioning",
            provider.name, provider.errors.immutable_scim_type
        )));
    }
    if to.trim().is_empty() || to != to.trim() {
        return Err(Refusal::Invalid(format!(
            "the new userName {to:?} is empty or has surrounding spaces"
        )));
    }
    let id = target_of(holder)?;
    if let Some(other) = taken_by.filter(|o| o.id() != Some(id.clone())) {
        return Err(Refusal::Taken {
            attribute: "userName",
            value: to.to_string(),
            holder: holder_name(other),
        });
    }
    if holder.user_name() == to {
        return Err(Refusal::Invalid(format!(
            "account {id} is already named \"{to}\""
        )));
    }
    Ok(Plan {
        version: PLAN_VERSION,
        action: "rename-user".into(),
        summary: format!(
            "Rename account {id} from \"{}\" to \"{to}\".",
            holder.user_name()
        ),
        steps: vec![Step::Patch {
            id,
            if_match: etag.map(str::to_string),
            operations: vec![replace("userName", json!(to))],
            fallback: None,
            changes: vec![Change {
                attribute: "userName".into(),
                before: attribute_value(holder, "userName"),
                after: Some(json!(to)),
            }],
        }],
        warnings: Vec::new(),
    })
}

/// What `release-email` puts in place of the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replacement {
    /// A tagged placeholder on the same domain, free under the provider's comparison.
    Placeholder {
        date: String,
    },
    With(String),
    Remove,
}

/// `release-email`: frees exactly `email` on the holder, keeping its other addresses.
pub fn release_email(
    holder: &User,
    etag: Option<&str>,
    email: &str,
    replacement: &Replacement,
    placeholder_taken: impl Fn(&str) -> bool,
) -> Result<Plan, Refusal> {
    let id = target_of(holder)?;
    // The address SCIM's `eq` finds, else the one a lookup finds by normalised form: the
    // account `users find` names as the holder is never said not to hold it.
    let position = |same: &dyn Fn(&str) -> bool| {
        holder
            .emails
            .iter()
            .position(|e| e.value.as_deref().is_some_and(same))
    };
    let Some(index) = position(&|v| Attribute::Emails.equal(v, email))
        .or_else(|| position(&|v| classify("emails", email, v, LoginRule::IgnoreCase).is_some()))
    else {
        return Err(Refusal::Invalid(format!(
            "account {id} does not hold {email}"
        )));
    };
    let stored = holder.emails[index].value.clone().unwrap_or_default();
    let mut warnings = Vec::new();
    let new_value = match replacement {
        Replacement::Remove if holder.emails.len() > 1 => None,
        Replacement::Remove => {
            warnings.push(format!("{stored} is the account's only email; removing it would leave none, so it is replaced with a placeholder instead"));
            Some(placeholder(
                &stored,
                &today_or(replacement),
                &placeholder_taken,
            )?)
        }
        Replacement::With(new) => {
            if Attribute::Emails.equal(new, &stored) {
                return Err(Refusal::Invalid(format!(
                    "the replacement {new} is the address being released"
                )));
            }
            if placeholder_taken(new) {
                return Err(Refusal::Taken {
                    attribute: "emails",
                    value: new.clone(),
                    holder: "another account".into(),
                });
            }
            Some(new.clone())
        }
        Replacement::Placeholder { date } => Some(placeholder(&stored, date, &placeholder_taken)?),
    };
    let mut after = holder.emails.clone();
    let operations = match &new_value {
        Some(new) => {
            after[index].value = Some(new.clone());
            vec![replace(
                &format!("{}.value", value_path(&stored)),
                json!(new),
            )]
        }
        None => {
            after.remove(index);
            vec![PatchOperation {
                op: PatchKind::Remove,
                path: Some(value_path(&stored)),
                value: None,
            }]
        }
    };
    let after_value =
        (!after.is_empty()).then(|| serde_json::to_value(&after).expect("emails serialise"));
    // Several servers refuse the value-filter path (400 invalidPath or noTarget, 501) or answer
    // 200 and change nothing; a whole-list replace, every other address as stored, works there.
    let fallback = after_value
        .clone()
        .map(|whole| vec![replace("emails", whole)]);
    warnings.push(format!(
        "if the server refuses the path {} or answers without changing it, scimctl re-reads the account and, only if its emails are still exactly as read now, replaces the whole emails list instead, every other address kept as stored",
        value_path(&stored)
    ));
    Ok(Plan {
        version: PLAN_VERSION,
        action: "release-email".into(),
        summary: match &new_value {
            Some(new) => format!(
                "Replace {stored} with {new} on account {id} ({}), keeping its other emails.",
                holder.user_name()
            ),
            None => format!(
                "Remove {stored} from account {id} ({}), keeping its other emails.",
                holder.user_name()
            ),
        },
        steps: vec![Step::Patch {
            id,
            if_match: etag.map(str::to_string),
            operations,
            fallback,
            changes: vec![Change {
                attribute: "emails".into(),
                before: attribute_value(holder, "emails"),
                after: after_value,
            }],
        }],
        warnings,
    })
}

fn today_or(replacement: &Replacement) -> String {
    match replacement {
        Replacement::Placeholder { date } => date.clone(),
        _ => crate::clock::today(),
    }
}

/// `jdoe+released-20261129@example.com`, or — where that is taken (a provider that folds
/// plus-tags sees it as the original) — `released-20261129-jdoe@example.com`.
fn placeholder(email: &str, date: &str, taken: &impl Fn(&str) -> bool) -> Result<String, Refusal> {
    let (local, domain) = email.rsplit_once('@').unwrap_or((email, "invalid"));
    let base = local.split('+').next().unwrap_or(local);
    let candidates = [
        format!("{base}+released-{date}@{domain}"),
        format!("released-{date}-{base}@{domain}"),
        format!("released-{date}-{base}-{:04x}@{domain}", fastrand::u16(..)),
    ];
    candidates.into_iter().find(|c| !taken(c)).ok_or_else(|| {
        Refusal::Invalid(format!(
            "no free placeholder for {email}; give one with --to"
        ))
    })
}

/// What the identity provider will look the user up by, from the payload and flags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Incoming {
    pub user_name: Option<String>,
    pub external_id: Option<String>,
    pub activate: bool,
}

impl Incoming {
    /// The values another account must not already answer to for a link: the userName, and
    /// the externalId where the provider stores one.
    pub fn blocking_keys(&self, provider: &Provider) -> (Option<LookupKey>, Option<LookupKey>) {
        let name = self.user_name.clone().map(LookupKey::UserName);
        let external_id = self
            .external_id
            .clone()
            .filter(|_| provider.stores_external_id)
            .map(LookupKey::ExternalId);
        (name, external_id)
    }
}

/// `link`: the existing account becomes the one the identity provider finds on its next sync.
/// `user_name_taken_by` and `external_id_taken_by` are accounts already holding the incoming
/// values, if any do: the identity provider would then find two.
pub fn link(
    holder: &User,
    etag: Option<&str>,
    incoming: &Incoming,
    user_name_taken_by: Option<&User>,
    external_id_taken_by: Option<&User>,
    provider: &Provider,
) -> Result<Plan, Refusal> {
    if !provider.stores_external_id || !provider.user_name_mutable {
        return Err(Refusal::NotPossible(format!(
            "{} cannot link accounts through SCIM (it does not keep externalId, or userNames cannot change); {}",
            provider.name, provider.support
        )));
    }
    let id = target_of(holder)?;
    let is_holder = |other: &&User| other.id() == Some(id.clone());
    let mut operations = Vec::new();
    let mut changes = Vec::new();
    let mut warnings = Vec::new();
    if let Some(name) = incoming
        .user_name
        .as_deref()
        .filter(|n| *n != holder.user_name())
    {
        if let Some(other) = user_name_taken_by.filter(|o| !is_holder(o)) {
            return Err(Refusal::Taken {
                attribute: "userName",
                value: name.to_string(),
                holder: holder_name(other),
            });
        }
        operations.push(replace("userName", json!(name)));
        changes.push(Change {
            attribute: "userName".into(),
            before: attribute_value(holder, "userName"),
            after: Some(json!(name)),
        });
    }
    if let Some(external_id) = incoming
        .external_id
        .as_deref()
        .filter(|x| Some(*x) != holder.external_id.as_deref())
    {
        if let Some(other) = external_id_taken_by.filter(|o| !is_holder(o)) {
            return Err(Refusal::Taken {
                attribute: "externalId",
                value: external_id.to_string(),
                holder: holder_name(other),
            });
        }
        if let Some(old) = &holder.external_id {
            warnings.push(format!(
                "externalId {old} → {external_id}: the account is bound to another identity (the identity provider re-created the user, or another identity provider manages it); after this, only the new one will find it"
            ));
        }
        operations.push(replace("externalId", json!(external_id)));
        changes.push(Change {
            attribute: "externalId".into(),
            before: attribute_value(holder, "externalId"),
            after: Some(json!(external_id)),
        });
    }
    if incoming.activate && holder.active != Some(true) {
        operations.push(replace("active", json!(true)));
        changes.push(Change {
            attribute: "active".into(),
            before: attribute_value(holder, "active"),
            after: Some(json!(true)),
        });
    }
    if operations.is_empty() {
        return Err(Refusal::Invalid(format!(
            "account {id} already carries the incoming userName and externalId; nothing to link"
        )));
    }
    if provider.id == "github-emu" {
        warnings.push("GitHub: ad-hoc SCIM writes outside the identity provider's app make later synchronisations fail; prefer fixing the mapping in the identity provider".into());
    }
    Ok(Plan {
        version: PLAN_VERSION,
        action: "link".into(),
        summary: format!(
            "Bind account {id} ({}) to the incoming identity, so the identity provider updates it instead of creating another.",
            holder.user_name()
        ),
        steps: vec![Step::Patch {
            id,
            if_match: etag.map(str::to_string),
            operations,
            fallback: None,
            changes,
        }],
        warnings,
    })
}

/// `provision`: one POST of the user the identity provider tried to create.
pub fn provision(
    mut user: User,
    user_name: Option<&str>,
    email: Option<&str>,
) -> Result<Plan, Refusal> {
    user.id = None;
    user.meta = None;
    if let Some(name) = user_name {
        user.user_name = Some(name.to_string());
    }
    if let Some(email) = email {
        // The override takes the primary address's place (or the first's, or is added).
        let index = user
            .emails
            .iter()
            .position(|e| e.primary == Some(true))
            .or((!user.emails.is_empty()).then_some(0));
        match index {
            Some(i) => user.emails[i].value = Some(email.to_string()),
            None => user.emails.push(crate::scim::model::Email {
                value: Some(email.to_string()),
                primary: Some(true),
                ..Default::default()
            }),
        }
    }
    if user
        .user_name
        .as_deref()
        .is_none_or(|u| u.trim().is_empty())
    {
        return Err(Refusal::Invalid(
            "the payload has no userName; give one with --username".into(),
        ));
    }
    if user.schemas.is_empty() {
        user.schemas = vec![crate::scim::model::USER_SCHEMA.to_string()];
    }
    let changes = ["userName", "emails", "externalId"]
        .iter()
        .filter_map(|a| {
            attribute_value(&user, a).map(|v| Change {
                attribute: a.to_string(),
                before: None,
                after: Some(v),
            })
        })
        .collect();
    Ok(Plan {
        version: PLAN_VERSION,
        action: "provision".into(),
        summary: format!(
            "Create user \"{}\" (the create the identity provider attempted).",
            user.user_name()
        ),
        steps: vec![Step::Post {
            user: Box::new(user),
            changes,
        }],
        warnings: Vec::new(),
    })
}

/// Whether the change `plan` made can be undone by scimctl: a create cannot (undoing it would
/// mean deleting the account, which scimctl never does: a DELETE cannot itself be undone, and
/// some servers keep the deleted account's email reserved, so it would not even put the
/// directory back as it was).
pub fn undoable(plan: &Plan) -> Result<(), Refusal> {
    if plan.steps.iter().any(|s| matches!(s, Step::Post { .. })) {
        return Err(Refusal::NotPossible(
            "undoing a create would delete the account; do that deliberately (scimctl does not delete users)".into(),
        ));
    }
    Ok(())
}

/// The plan that puts back what `plan` changed, given the values it left (`after`). `ids` are
/// the ids the journal recorded per step; `version` the version of an account read now, sent
/// as If-Match (pass `None`s where the server's ETags are not trusted).
pub fn inverse(
    plan: &Plan,
    ids: &[Option<String>],
    version: impl Fn(&UserId) -> Option<String>,
) -> Result<Plan, Refusal> {
    undoable(plan)?;
    let mut steps = Vec::new();
    // Every step is inverted, whether or not an id was recorded for it (a PATCH names its own).
    for (n, step) in plan.steps.iter().enumerate().rev() {
        let recorded = ids
            .get(n)
            .cloned()
            .flatten()
            .and_then(|id| UserId::new(id).ok());
        let Some(id) = recorded.or_else(|| step.target().cloned()) else {
            return Err(Refusal::Invalid(
                "the create's new id was not recorded".into(),
            ));
        };
        let operations = step
            .changes()
            .iter()
            .map(|c| match &c.before {
                Some(before) => replace(&c.attribute, before.clone()),
                None => PatchOperation {
                    op: PatchKind::Remove,
                    path: Some(c.attribute.clone()),
                    value: None,
                },
            })
            .collect();
        let changes = step
            .changes()
            .iter()
            .map(|c| Change {
                attribute: c.attribute.clone(),
                before: c.after.clone(),
                after: c.before.clone(),
            })
            .collect();
        steps.push(Step::Patch {
            if_match: version(&id),
            id,
            operations,
            fallback: None,
            changes,
        });
    }
    Ok(Plan {
        version: PLAN_VERSION,
        action: "undo".into(),
        summary: format!(
            "Put back what this {} changed: {}",
            plan.action, plan.summary
        ),
        steps,
        warnings: Vec::new(),
    })
}

/// The values `plan` would give an account that it does not hold now, with the account: what
/// must be free for the plan to run, as the forward command checks before it renames, releases
/// or links (a userName, an email or an externalId put back by an undo may have been taken
/// since).
pub fn values_given(plan: &Plan) -> Vec<(UserId, LookupKey)> {
    let mut given = Vec::new();
    for step in &plan.steps {
        let Some(id) = step.target() else { continue };
        for change in step.changes() {
            let before = change.before.as_ref();
            let keys: Vec<LookupKey> = match change.attribute.as_str() {
                "userName" | "externalId" => change
                    .after
                    .as_ref()
                    .and_then(Value::as_str)
                    .filter(|after| before.and_then(Value::as_str) != Some(*after))
                    .map(|after| match change.attribute.as_str() {
                        "userName" => LookupKey::UserName(after.to_string()),
                        _ => LookupKey::ExternalId(after.to_string()),
                    })
                    .into_iter()
                    .collect(),
                "emails" => {
                    let held = email_set(before);
                    addresses(change.after.as_ref())
                        .filter(|a| !held.contains(&fold(a)))
                        .map(|a| LookupKey::Email(a.to_string()))
                        .collect()
                }
                _ => Vec::new(),
            };
            given.extend(keys.into_iter().map(|key| (id.clone(), key)));
        }
    }
    given
}

fn addresses(value: Option<&Value>) -> impl Iterator<Item = &str> {
    value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| e.get("value")?.as_str())
}

/// Refuses `plan` when another account than the one it writes already holds a value it would
/// give (`values_given`), by the provider's comparison: in any case or normalised form.
/// `holders` are the accounts a lookup of those values found.
pub fn refuse_taken(plan: &Plan, holders: &[User], provider: &Provider) -> Result<(), Refusal> {
    for (target, key) in values_given(plan) {
        let other = holders
            .iter()
            .find(|u| u.id().as_ref() != Some(&target) && holds(&key, u, provider));
        if let Some(other) = other {
            return Err(Refusal::Taken {
                attribute: key.attribute(),
                value: key.value().to_string(),
                holder: holder_name(other),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::{GENERIC, by_id};

    fn user(value: Value) -> User {
        serde_json::from_value(value).unwrap()
    }

    fn holder() -> User {
        user(
            json!({"id": "h", "userName": "jdoe", "externalId": "okta-333", "active": false,
            "emails": [{"value": "jdoe@example.com", "primary": true}, {"value": "j@home.example", "type": "home"}]}),
        )
    }

    #[test]
    fn rename_is_one_replace_guarded_by_the_version() {
        let plan =
            rename_user(&holder(), Some("W/\"3\""), "jdoe-previous", None, &GENERIC).unwrap();
        let Step::Patch {
            if_match,
            operations,
            changes,
            ..
        } = &plan.steps[0]
        else {
            panic!()
        };
        assert_eq!(if_match.as_deref(), Some("W/\"3\""));
        assert_eq!(
            serde_json::to_value(operations).unwrap(),
            json!([{"op": "replace", "path": "userName", "value": "jdoe-previous"}])
        );
        assert_eq!(changes[0].before, Some(json!("jdoe")));
        let taken = user(json!({"id": "other", "userName": "JDoe-Previous"}));
        assert!(matches!(
            rename_user(&holder(), None, "jdoe-previous", Some(&taken), &GENERIC),
            Err(Refusal::Taken { .. })
        ));
        assert!(matches!(
            rename_user(&holder(), None, "x", None, by_id("pulumi").unwrap()),
            Err(Refusal::NotPossible(_))
        ));
    }

    #[test]
    fn release_targets_exactly_that_address_with_a_free_placeholder() {
        let date = "20261129".to_string();
        let plan = release_email(
            &holder(),
            None,
            "JDOE@example.com",
            &Replacement::Placeholder { date: date.clone() },
            |_| false,
        )
        .unwrap();
        let Step::Patch {
            operations,
            changes,
            ..
        } = &plan.steps[0]
        else {
            panic!()
        };
        assert_eq!(
            operations[0].path.as_deref(),
            Some("emails[value eq \"jdoe@example.com\"].value")
        );
        assert_eq!(
            operations[0].value,
            Some(json!("jdoe+released-20261129@example.com"))
        );
        assert_eq!(
            changes[0].after.as_ref().unwrap()[1]["value"],
            "j@home.example",
            "other emails kept"
        );

        // Where the plus-tagged form is taken (the provider folds plus-tags), another local part.
        let folded = release_email(
            &holder(),
            None,
            "jdoe@example.com",
            &Replacement::Placeholder { date },
            |c| c.contains('+'),
        )
        .unwrap();
        let Step::Patch { operations, .. } = &folded.steps[0] else {
            panic!()
        };
        assert_eq!(
            operations[0].value,
            Some(json!("released-20261129-jdoe@example.com"))
        );

        let removed = release_email(
            &holder(),
            None,
            "j@home.example",
            &Replacement::Remove,
            |_| false,
        )
        .unwrap();
        let Step::Patch { operations, .. } = &removed.steps[0] else {
            panic!()
        };
        assert_eq!(operations[0].op, PatchKind::Remove);
        let only = user(json!({"id": "o", "userName": "o", "emails": [{"value": "o@x.com"}]}));
        let kept = release_email(&only, None, "o@x.com", &Replacement::Remove, |_| false).unwrap();
        assert!(
            !kept.warnings.is_empty(),
            "never leaves an account without an email"
        );
    }

    #[test]
    fn link_rebinds_and_says_so() {
        let incoming = Incoming {
            user_name: Some("jane.doe".into()),
            external_id: Some("okta-999".into()),
            activate: true,
        };
        let plan = link(&holder(), None, &incoming, None, None, &GENERIC).unwrap();
        let attributes: Vec<&str> = plan.steps[0]
            .changes()
            .iter()
            .map(|c| c.attribute.as_str())
            .collect();
        assert_eq!(attributes, ["userName", "externalId", "active"]);
        assert!(plan.warnings[0].contains("okta-333 → okta-999"));
        assert!(matches!(
            link(
                &holder(),
                None,
                &incoming,
                None,
                None,
                by_id("pulumi").unwrap()
            ),
            Err(Refusal::NotPossible(_))
        ));
        // A third account already carrying the incoming externalId: two would answer to it.
        let third = user(json!({"id": "t", "userName": "someone", "externalId": "okta-999"}));
        assert!(matches!(
            link(&holder(), None, &incoming, None, Some(&third), &GENERIC),
            Err(Refusal::Taken {
                attribute: "externalId",
                ..
            })
        ));
        // The holder itself is no obstacle.
        let itself = holder();
        assert!(
            link(
                &holder(),
                None,
                &incoming,
                Some(&itself),
                Some(&itself),
                &GENERIC
            )
            .is_ok()
        );
    }

    #[test]
    fn the_inverse_puts_the_before_values_back_and_is_idempotent_in_shape() {
        let plan = rename_user(&holder(), None, "jdoe-previous", None, &GENERIC).unwrap();
        let undo = inverse(&plan, &[None], |_| None).unwrap();
        assert_eq!(undo.steps[0].changes()[0].after, Some(json!("jdoe")));
        let redo = inverse(&undo, &[None], |_| None).unwrap();
        assert_eq!(redo.steps[0].changes(), plan.steps[0].changes());
        // No ids recorded still inverts every step, never an empty plan.
        assert_eq!(inverse(&plan, &[], |_| None).unwrap().steps.len(), 1);
        // A create is never undone (it would mean deleting), whether or not its id is known.
        let create = provision(holder(), None, None).unwrap();
        for ids in [&[][..], &[Some("new".to_string())][..]] {
            assert!(matches!(
                inverse(&create, ids, |_| None),
                Err(Refusal::NotPossible(_))
            ));
        }
    }

    #[test]
    fn usernames_compare_ignoring_case_as_scim_does() {
        let (a, b) = (json!("JDoe"), json!("jdoe"));
        assert!(same_value("userName", Some(&a), Some(&b)));
        assert!(!same_value("userName", Some(&a), Some(&json!("jdoe2"))));
        assert!(!same_value("userName", Some(&a), None));
        assert!(
            !same_value("externalId", Some(&a), Some(&b)),
            "externalId is caseExact"
        );
    }

    #[test]
    fn emails_compare_as_sets_of_addresses() {
        let a = json!([{"value": "A@x.com", "primary": true}, {"value": "b@x.com"}]);
        let b = json!([{"value": "b@x.com", "display": "B"}, {"value": "a@x.com"}]);
        assert!(same_value("emails", Some(&a), Some(&b)));
        assert!(!same_value("emails", Some(&a), None));
    }

    #[test]
    fn release_keeps_a_fallback_that_replaces_the_whole_list_with_the_others_as_stored() {
        let mut stored = holder();
        stored.emails[1]
            .rest
            .insert("display".into(), json!("Jay at home"));
        let plan = release_email(
            &stored,
            None,
            "jdoe@example.com",
            &Replacement::Remove,
            |_| false,
        )
        .unwrap();
        let Step::Patch { fallback, .. } = &plan.steps[0] else {
            panic!()
        };
        let fallback = fallback.as_ref().expect("a fallback");
        assert_eq!(
            serde_json::to_value(fallback).unwrap(),
            json!([{"op": "replace", "path": "emails", "value": [
                {"value": "j@home.example", "type": "home", "display": "Jay at home"}
            ]}])
        );
        assert!(
            plan.warnings
                .iter()
                .any(|w| w.contains("whole emails list"))
        );
        let rename = rename_user(&holder(), None, "x", None, &GENERIC).unwrap();
        assert!(matches!(
            &rename.steps[0],
            Step::Patch { fallback: None, .. }
        ));
    }

    #[test]
    fn an_undo_is_refused_when_the_value_it_puts_back_is_now_held_in_another_case() {
        let renamed = rename_user(&holder(), None, "jdoe-old", None, &GENERIC).unwrap();
        let undo = inverse(&renamed, &[Some("h".into())], |_| Some("W/\"9\"".into())).unwrap();
        let Step::Patch { if_match, .. } = &undo.steps[0] else {
            panic!()
        };
        assert_eq!(if_match.as_deref(), Some("W/\"9\""), "the undo is guarded");
        assert_eq!(
            values_given(&undo),
            [(
                UserId::new("h").unwrap(),
                LookupKey::UserName("jdoe".into())
            )]
        );
        let incoming = user(json!({"id": "new", "userName": "JDOE"}));
        assert_eq!(
            refuse_taken(&undo, &[incoming], &GENERIC),
            Err(Refusal::Taken {
                attribute: "userName",
                value: "jdoe".into(),
                holder: "new".into()
            })
        );
        let itself = user(json!({"id": "h", "userName": "jdoe-old"}));
        assert_eq!(refuse_taken(&undo, &[itself], &GENERIC), Ok(()));
        // An email put back by undoing a release must be free too.
        let released = release_email(
            &holder(),
            None,
            "j@home.example",
            &Replacement::Remove,
            |_| false,
        )
        .unwrap();
        let undo = inverse(&released, &[], |_| None).unwrap();
        assert_eq!(
            values_given(&undo),
            [(
                UserId::new("h").unwrap(),
                LookupKey::Email("j@home.example".into())
            )]
        );
        assert!(undoable(&provision(holder(), None, None).unwrap()).is_err());
    }

    mod unicode {
        use super::*;
        use crate::scim::compare::swap_case;
        use proptest::prelude::*;

        fn holding(name: &str, emails: &[&str]) -> User {
            user(json!({"id": "h", "userName": name,
                "emails": emails.iter().map(|e| json!({"value": e})).collect::<Vec<_>>()}))
        }

        proptest! {
            /// A userName read back in another letter case, in any script, is the planned one.
            #[test]
            fn usernames_are_the_same_in_any_case(name in "\\PC{1,24}") {
                let a = json!(name);
                prop_assert!(same_value("userName", Some(&a), Some(&json!(name.to_uppercase()))));
                prop_assert!(same_value("userName", Some(&a), Some(&json!(swap_case(&name)))));
                let longer = json!(format!("{}x", name));
                prop_assert!(!same_value("externalId", Some(&a), Some(&longer)));
            }

            /// Emails compare as sets of addresses, in any case and order.
            #[test]
            fn email_lists_are_the_same_in_any_case_and_order(a in "\\PC{1,16}", b in "\\PC{1,16}") {
                let stored = json!([{"value": a}, {"value": b}]);
                let read = json!([{"value": b.to_uppercase()}, {"value": swap_case(&a)}]);
                prop_assert!(same_value("emails", Some(&stored), Some(&read)));
            }

            /// The account `users find` names as holding an address is the one release-email
            /// releases it from, whatever case it is typed in.
            #[test]
            fn release_finds_the_address_in_any_case(local in "\\PC{1,16}", other in "\\PC{1,16}") {
                let address = format!("{local}@exämple.com");
                let kept = format!("{other}@elsewhere.example");
                let holder = holding("h", &[&address, &kept]);
                for typed in [address.to_uppercase(), address.to_lowercase(), swap_case(&address)] {
                    let key = LookupKey::Email(typed.clone());
                    prop_assert!(key.is_held_by(&holder));
                    let plan = release_email(&holder, None, &typed, &Replacement::Remove, |_| false);
                    let plan = plan.map_err(|e| TestCaseError::fail(e.to_string()))?;
                    let after = plan.steps[0].changes()[0].after.clone().unwrap();
                    prop_assert_eq!(after, json!([{"value": kept.clone()}]));
                }
            }

            /// An undo never puts a userName back over another account holding it in any case.
            #[test]
            fn undo_is_refused_over_a_holder_in_any_case(name in "\\PC{1,24}") {
                prop_assume!(name.trim() == name && !name.trim().is_empty());
                let new_name = format!("{name}-old");
                let renamed = rename_user(&holding(&name, &[]), None, &new_name, None, &GENERIC);
                let renamed = renamed.map_err(|e| TestCaseError::fail(e.to_string()))?;
                let undo = inverse(&renamed, &[], |_| None).unwrap();
                for spelling in [name.to_uppercase(), swap_case(&name)] {
                    let other = user(json!({"id": "other", "userName": spelling}));
                    let refused = matches!(refuse_taken(&undo, &[other], &GENERIC), Err(Refusal::Taken { .. }));
                    prop_assert!(refused);
                }
            }
        }
    }
}
