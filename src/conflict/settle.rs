//! Settling a journal entry in doubt (`journal settle N`): read back what its plan touched and
//! decide from the accounts themselves whether each write was made. Only evidence settles an
//! entry; anything else leaves it in doubt, with the reason.
//!
//! - A PATCH was made if the account holds the planned after-values, and was not made if it
//!   still holds the before-values; anything else cannot be told.
//! - A create was made only by an account holding the planned userName *and* the plan's
//!   externalId, created (by the server's `meta.created`, to the second) no earlier than the
//!   entry's intent — an account that existed before is never taken for the new one. Nobody
//!   holding the userName means it was not made.

use super::apply::{ApplyError, check_unchanged, finish, verify};
use super::engine::{Comparison, Engine, LookupError, ScanBudget};
use super::journal::{Entry, Journal, Outcome};
use super::lookup::LookupKey;
use super::plan::{Change, Step};
use crate::clock::unix_seconds;
use crate::provider::Provider;
use crate::scim::capabilities::Capabilities;
use crate::scim::client::ScimClient;
use crate::scim::error::ScimError;
use crate::scim::model::User;

/// What settling found.
#[derive(Debug, Clone, PartialEq)]
pub enum Settled {
    /// The outcome is known and now recorded in the journal.
    Recorded { outcome: Outcome, reason: String },
    /// The accounts do not tell; nothing was recorded.
    InDoubt(String),
}

/// What reading one step's account back shows.
#[derive(Debug)]
enum Found {
    Made(Box<User>, String),
    NotMade,
    Unknown(String),
}

/// Reads back every step of `entry` (an entry in doubt) and records its outcome if it can be
/// told. Nothing is written to the server.
pub async fn settle(
    client: &ScimClient,
    caps: &mut Capabilities,
    provider: &'static Provider,
    budget: ScanBudget,
    journal: &Journal,
    entry: &Entry,
) -> Result<Settled, ApplyError> {
    let mut found = Vec::new();
    for step in &entry.intent.plan.steps {
        found.push(read_back(client, caps, provider, budget, step, &entry.intent.time).await?);
    }
    let (outcome, done) = match judge(&found) {
        Ok(judged) => judged,
        Err(reason) => return Ok(Settled::InDoubt(reason)),
    };
    let reason = match outcome {
        Outcome::Applied => "settled by reading the accounts back: they hold the planned values",
        Outcome::Failed => "settled by reading the accounts back: nothing was changed",
        Outcome::Partial => {
            "settled by reading the accounts back: the first steps were made, the rest not"
        }
    }
    .to_string();
    let mut results = Vec::new();
    let mut ids = Vec::new();
    for step in found.into_iter().take(done) {
        if let Found::Made(user, id) = step {
            results.push(*user);
            ids.push(Some(id));
        }
    }
    finish(
        journal,
        entry.intent.id,
        outcome,
        done,
        &results,
        &ids,
        Some(reason.clone()),
    )?;
    Ok(Settled::Recorded { outcome, reason })
}

/// Steps run in order and stop at the first that fails, so what was made is a prefix.
fn judge(found: &[Found]) -> Result<(Outcome, usize), String> {
    if let Some(reason) = found.iter().find_map(|f| match f {
        Found::Unknown(reason) => Some(reason.clone()),
        _ => None,
    }) {
        return Err(reason);
    }
    let done = found
        .iter()
        .take_while(|f| matches!(f, Found::Made(..)))
        .count();
    if let Some(later) = found[done..]
        .iter()
        .position(|f| matches!(f, Found::Made(..)))
    {
        return Err(format!(
            "step {} holds its planned values though step {} before it does not; something else changed the accounts",
            done + later + 1,
            done + 1
        ));
    }
    let outcome = match done {
        0 if !found.is_empty() => Outcome::Failed,
        n if n == found.len() => Outcome::Applied,
        _ => Outcome::Partial,
    };
    Ok((outcome, done))
}

async fn read_back(
    client: &ScimClient,
    caps: &mut Capabilities,
    provider: &'static Provider,
    budget: ScanBudget,
    step: &Step,
    intent_time: &str,
) -> Result<Found, ScimError> {
    match step {
        Step::Patch { id, changes, .. } => {
            let user = match client.get_user(id).await {
                Ok(fetched) => fetched.user,
                Err(e) if e.status() == Some(404) => {
                    return Ok(Found::Unknown(format!("account {id} no longer exists")));
                }
                Err(e) => return Err(e),
            };
            Ok(if verify(&user, changes).is_ok() {
                Found::Made(Box::new(user), id.to_string())
            } else if check_unchanged(id, &user, changes).is_ok() {
                Found::NotMade
            } else {
                Found::Unknown(format!(
                    "account {id} holds neither the values from before the change nor the planned ones"
                ))
            })
        }
        Step::Post { user, changes } => {
            created(client, caps, provider, budget, user, changes, intent_time).await
        }
    }
}

/// Whether the create of `planned` was made, by the evidence described in the module docs.
async fn created(
    client: &ScimClient,
    caps: &mut Capabilities,
    provider: &'static Provider,
    budget: ScanBudget,
    planned: &User,
    changes: &[Change],
    intent_time: &str,
) -> Result<Found, ScimError> {
    let name = planned.user_name();
    let key = LookupKey::UserName(name.to_string());
    let mut engine = Engine {
        client,
        caps,
        provider,
        budget,
    };
    let holders = match engine
        .find(std::slice::from_ref(&key), Comparison::Scim, false)
        .await
    {
        Ok(found) => found.holders,
        Err(LookupError::Scim(e)) => return Err(e),
        Err(cannot_tell) => return Ok(Found::Unknown(cannot_tell.to_string())),
    };
    let holder = match holders.as_slice() {
        [] => return Ok(Found::NotMade),
        [holder] => holder,
        more => {
            return Ok(Found::Unknown(format!(
                "{} accounts hold userName \"{name}\"",
                more.len()
            )));
        }
    };
    let Some(id) = holder.id() else {
        return Ok(Found::Unknown(format!(
            "the account holding userName \"{name}\" came back without an id"
        )));
    };
    if let Some(doubt) = not_evidently_new(holder, planned, intent_time) {
        return Ok(Found::Unknown(format!(
            "account {id} holds userName \"{name}\", but {doubt}"
        )));
    }
    let user = client.get_user(&id).await?.user;
    Ok(match verify(&user, changes) {
        Ok(()) => Found::Made(Box::new(user), id.to_string()),
        Err((attribute, found, expected)) => Found::Unknown(format!(
            "account {id} was created for this entry but holds {attribute} = {found}, not {expected}"
        )),
    })
}

/// Why `holder` may not be the account the entry's create made; `None` when it evidently is.
fn not_evidently_new(holder: &User, planned: &User, intent_time: &str) -> Option<String> {
    let Some(wanted) = planned.external_id.as_deref() else {
        return Some("the plan gave no externalId to tell whether this entry created it".into());
    };
    if holder.external_id.as_deref() != Some(wanted) {
        return Some(match holder.external_id.as_deref() {
            Some(other) => format!(
                "its externalId is \"{other}\", not the plan's \"{wanted}\": it may be an account that existed before"
            ),
            None => format!(
                "it has no externalId (the plan's is \"{wanted}\"): it may be an account that existed before"
            ),
        });
    }
    let Some(created) = holder.meta.as_ref().and_then(|m| m.created.as_deref()) else {
        return Some(
            "the server does not say when it was created, so it may have existed before".into(),
        );
    };
    match (unix_seconds(created), unix_seconds(intent_time)) {
        (Some(at), Some(intent)) if at >= intent => None,
        (Some(_), Some(_)) => Some(format!(
            "it was created at {created}, before this entry's intent ({intent_time})"
        )),
        _ => Some(format!(
            "its creation time \"{created}\" cannot be compared with the intent's ({intent_time})"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn user(value: serde_json::Value) -> User {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn only_a_prefix_of_made_steps_settles() {
        let made = || Found::Made(Box::new(user(json!({"id": "1"}))), "1".into());
        assert_eq!(judge(&[made()]), Ok((Outcome::Applied, 1)));
        assert_eq!(judge(&[Found::NotMade]), Ok((Outcome::Failed, 0)));
        assert_eq!(judge(&[made(), Found::NotMade]), Ok((Outcome::Partial, 1)));
        assert!(judge(&[Found::NotMade, made()]).is_err());
        assert!(judge(&[made(), Found::Unknown("?".into())]).is_err());
    }

    #[test]
    fn a_found_account_is_the_new_one_only_with_its_external_id_and_a_later_creation() {
        let planned = user(json!({"userName": "jamie", "externalId": "okta-1"}));
        let intent = "2026-11-29T14:37:10.490Z";
        let holder = |external: Option<&str>, created: Option<&str>| {
            let mut value = json!({"id": "9", "userName": "jamie"});
            if let Some(e) = external {
                value["externalId"] = json!(e);
            }
            if let Some(c) = created {
                value["meta"] = json!({"created": c});
            }
            user(value)
        };
        let same_second = holder(Some("okta-1"), Some("2026-11-29T14:37:10Z"));
        assert_eq!(not_evidently_new(&same_second, &planned, intent), None);
        for (doubtful, why) in [
            (
                holder(Some("okta-2"), Some("2026-11-29T15:00:00Z")),
                "not the plan's",
            ),
            (holder(None, Some("2026-11-29T15:00:00Z")), "no externalId"),
            (holder(Some("okta-1"), None), "does not say when"),
            (
                holder(Some("okta-1"), Some("2026-11-29T14:37:09Z")),
                "before this entry",
            ),
            (
                holder(Some("okta-1"), Some("yesterday")),
                "cannot be compared",
            ),
        ] {
            let doubt = not_evidently_new(&doubtful, &planned, intent).unwrap();
            assert!(doubt.contains(why), "{doubt}");
        }
        let anonymous = user(json!({"userName": "jamie"}));
        assert!(not_evidently_new(&same_second, &anonymous, intent).is_some());
    }
}
