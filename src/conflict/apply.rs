//! Carrying out a plan, safely: re-read what it depends on right before writing and stop if
//! that moved; journal the intent before the first write; send each write once (with If-Match
//! where the server does ETags); after an ambiguous failure, re-read to learn what happened;
//! re-read after writing to verify; journal the outcome. An outcome that cannot be learned is
//! not journaled at all: the entry stays in doubt, never "failed" for a write that may have run.

use reqwest::Method;
use serde_json::Value;

use super::in_flight::{self, Writing};
use super::journal::{Completion, Journal, Outcome, Values};
use super::plan::{Change, Plan, Step, attribute_value, same_value};
use crate::clock::now_rfc3339;
use crate::scim::capabilities::Capabilities;
use crate::scim::client::ScimClient;
use crate::scim::error::{FailureClass, ScimError};
use crate::scim::filter::FilterForm;
use crate::scim::model::{PatchOp, User};
use crate::scim::query::{UserQuery, collect_users};
use crate::scim::retry::Idempotency;

/// What a plan did, once verified.
#[derive(Debug, Clone)]
pub struct Applied {
    pub journal_id: u64,
    /// Per step, the user as read back after it.
    pub results: Vec<User>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// What the plan depends on changed since it was made; nothing was written.
    #[error("{0}; nothing was changed — look again and make a new plan")]
    Moved(String),
    /// The server refused because the value is taken.
    #[error("{0}")]
    Taken(String),
    /// Some steps ran and the rest did not.
    #[error(
        "the plan stopped after step {done} of {total}: {cause} (journal entry {journal_id} records what ran)"
    )]
    Partial {
        done: usize,
        total: usize,
        cause: String,
        journal_id: u64,
    },
    /// The server answered success but reading back shows otherwise.
    #[error(
        "the server accepted the change, but reading account {id} back shows {attribute} = {found}, not {expected} (journal entry {journal_id})"
    )]
    NotVerified {
        id: String,
        attribute: String,
        found: String,
        expected: String,
        journal_id: u64,
    },
    #[error("cannot write the journal {path}: {source}; nothing was changed")]
    Journal {
        path: String,
        source: std::io::Error,
    },
    /// The outcome was not recorded: the entry stays in doubt, whatever was written.
    #[error(
        "cannot record the outcome of journal entry {journal_id} in {path}: {source}; the entry stays in doubt — check the account against its before-values (scimctl journal list -o json)"
    )]
    JournalOutcome {
        path: String,
        source: std::io::Error,
        journal_id: u64,
    },
    /// A write may or may not have happened, and reading back could not tell; the journal
    /// entry is left in doubt rather than called failed.
    #[error(
        "{cause}; whether the change was made is unknown, so journal entry {journal_id} is left in doubt — once the server answers, scimctl journal settle {journal_id} reads the account back and records what happened"
    )]
    InDoubt { cause: String, journal_id: u64 },
    #[error(transparent)]
    Server(#[from] ScimError),
}

/// Applies `plan`; `undoes` names the journal entry this plan reverses, if it does.
pub async fn apply(
    client: &ScimClient,
    caps: &mut Capabilities,
    journal: &Journal,
    plan: &Plan,
    undoes: Option<u64>,
) -> Result<Applied, ApplyError> {
    // 1. Right before writing: does the world still look as it did when the plan was made?
    let mut current: Vec<Option<(User, Option<String>)>> = Vec::new();
    for step in &plan.steps {
        current.push(match step {
            Step::Patch { id, if_match, changes, .. } => {
                let fetched = client.get_user(id).await.map_err(|e| moved_if_gone(e, id))?;
                check_unchanged(id, &fetched.user, changes)?;
                if let (Some(planned), Some(now)) = (if_match, &fetched.etag) {
                    if planned != now && caps.etag != Some(false) {
                        return Err(ApplyError::Moved(format!("account {id} changed since the plan was made (version {planned} is now {now})")));
                    }
                }
                Some((fetched.user, fetched.etag))
            }
            Step::Post { .. } => None,
        });
    }
    // 2. The intent, durably, before the first write.
    let before = plan
        .steps
        .iter()
        .zip(&current)
        .map(|(step, read)| {
            values(
                read.as_ref().map(|(u, _)| u),
                step.changes().iter().map(|c| c.attribute.as_str()),
            )
        })
        .collect();
    let journal_id = journal
        .begin(
            now_rfc3339(),
            client.base_url().as_str(),
            plan,
            before,
            undoes,
        )
        .map_err(|source| ApplyError::Journal {
            path: journal.path().display().to_string(),
            source,
        })?;
    // From here on, Ctrl-C lets the write in flight finish and be recorded (see in_flight).
    let _writing = Writing::start(journal, journal_id);

    // 3. Each write once, verified.
    let mut results = Vec::new();
    let mut ids = Vec::new();
    for (n, (step, read)) in plan.steps.iter().zip(&current).enumerate() {
        if in_flight::interrupted() {
            // Ctrl-C during the step before: no further write is started.
            let outcome = if n == 0 {
                Outcome::Failed
            } else {
                Outcome::Partial
            };
            let cause = "interrupted (Ctrl-C)".to_string();
            finish(
                journal,
                journal_id,
                outcome,
                n,
                &results,
                &ids,
                Some(cause.clone()),
            )?;
            return Err(ApplyError::Partial {
                done: n,
                total: plan.steps.len(),
                cause,
                journal_id,
            });
        }
        let outcome = match step {
            Step::Patch {
                id,
                operations,
                changes,
                ..
            } => {
                let etag = read
                    .as_ref()
                    .and_then(|(_, e)| e.clone())
                    .filter(|_| caps.etag != Some(false));
                patch(client, id, operations, changes, etag.as_deref(), journal_id)
                    .await
                    .map(|user| (user, id.clone()))
            }
            Step::Post { user, .. } => create(client, caps, user, journal_id).await,
        };
        match outcome {
            Ok((user, id)) => {
                match verify(&user, step.changes()) {
                    Ok(()) => {}
                    Err((attribute, found, expected)) => {
                        finish(
                            journal,
                            journal_id,
                            Outcome::Partial,
                            n,
                            &results,
                            &ids,
                            Some("not verified".into()),
                        )?;
                        return Err(ApplyError::NotVerified {
                            id,
                            attribute,
                            found,
                            expected,
                            journal_id,
                        });
                    }
                }
                ids.push(Some(id));
                results.push(user);
            }
            // Nothing is recorded for a write whose outcome is unknown: the entry stays in doubt.
            Err(e @ ApplyError::InDoubt { .. }) => return Err(e),
            Err(e) => {
                let outcome = if n == 0 {
                    Outcome::Failed
                } else {
                    Outcome::Partial
                };
                finish(
                    journal,
                    journal_id,
                    outcome,
                    n,
                    &results,
                    &ids,
                    Some(e.to_string()),
                )?;
                if n == 0 {
                    return Err(e);
                }
                return Err(ApplyError::Partial {
                    done: n,
                    total: plan.steps.len(),
                    cause: e.to_string(),
                    journal_id,
                });
            }
        }
    }
    finish(
        journal,
        journal_id,
        Outcome::Applied,
        plan.steps.len(),
        &results,
        &ids,
        None,
    )?;
    Ok(Applied {
        journal_id,
        results,
    })
}

pub(super) fn finish(
    journal: &Journal,
    id: u64,
    outcome: Outcome,
    steps_done: usize,
    results: &[User],
    ids: &[Option<String>],
    reason: Option<String>,
) -> Result<(), ApplyError> {
    let after = results
        .iter()
        .map(|u| values(Some(u), ["userName", "emails", "externalId", "active"]))
        .collect();
    journal
        .complete(Completion {
            id,
            time: now_rfc3339(),
            outcome,
            steps_done,
            after,
            ids: ids.to_vec(),
            reason,
        })
        .map_err(|source| ApplyError::JournalOutcome {
            path: journal.path().display().to_string(),
            source,
            journal_id: id,
        })
}

/// The named attributes `user` has, by name; absent ones are left out.
fn values<'a>(user: Option<&User>, attributes: impl IntoIterator<Item = &'a str>) -> Values {
    attributes
        .into_iter()
        .filter_map(|a| Some((a.to_string(), attribute_value(user?, a)?)))
        .collect()
}

pub(super) fn check_unchanged(id: &str, user: &User, changes: &[Change]) -> Result<(), ApplyError> {
    for change in changes {
        let now = attribute_value(user, &change.attribute);
        if !same_value(&change.attribute, now.as_ref(), change.before.as_ref()) {
            return Err(ApplyError::Moved(format!(
                "{} of account {id} is now {}, not {} as when the plan was made",
                change.attribute,
                show(now.as_ref()),
                show(change.before.as_ref())
            )));
        }
    }
    Ok(())
}

pub(super) fn verify(user: &User, changes: &[Change]) -> Result<(), (String, String, String)> {
    for change in changes {
        let now = attribute_value(user, &change.attribute);
        // A change of letter case only (CKent → ckent) is verified exactly, or it always would be.
        let case_only = change.attribute == "userName"
            && change.before.is_some()
            && same_value(
                &change.attribute,
                change.before.as_ref(),
                change.after.as_ref(),
            );
        let done = if case_only {
            now == change.after
        } else {
            same_value(&change.attribute, now.as_ref(), change.after.as_ref())
        };
        if !done {
            return Err((
                change.attribute.clone(),
                show(now.as_ref()),
                show(change.after.as_ref()),
            ));
        }
    }
    Ok(())
}

async fn patch(
    client: &ScimClient,
    id: &str,
    operations: &[crate::scim::model::PatchOperation],
    changes: &[Change],
    etag: Option<&str>,
    journal_id: u64,
) -> Result<User, ApplyError> {
    let body =
        serde_json::to_value(PatchOp::new(operations.to_vec())).expect("a PatchOp serialises");
    let sent = client
        .send_if_match(
            Method::PATCH,
            client.user_url(id),
            Some(&body),
            Idempotency::Unsafe,
            etag,
        )
        .await;
    match sent {
        Ok(_) => {}
        Err(e) if e.status() == Some(412) => {
            return Err(ApplyError::Moved(format!(
                "account {id} changed since it was read (the server answered 412 to If-Match {})",
                etag.unwrap_or("")
            )));
        }
        Err(e) if is_taken(&e) => {
            return Err(ApplyError::Taken(format!("the server refused: {e}")));
        }
        Err(e) if is_ambiguous(&e) => {
            // The PATCH may or may not have happened: never resend it, read and see.
            let now = match client.get_user(id).await {
                Ok(fetched) => fetched.user,
                Err(read) => {
                    return Err(ApplyError::InDoubt {
                        cause: format!("{e}, and reading account {id} back failed too: {read}"),
                        journal_id,
                    });
                }
            };
            if verify(&now, changes).is_ok() {
                return Ok(now);
            }
            // Still as before: it did not happen. Anything else: it cannot be told.
            if check_unchanged(id, &now, changes).is_ok() {
                return Err(e.into());
            }
            return Err(ApplyError::InDoubt {
                cause: format!(
                    "{e}, and account {id} now holds neither the old values nor the new"
                ),
                journal_id,
            });
        }
        Err(e) => return Err(e.into()),
    }
    // A 200 carries the resource, a 204 nothing: read back either way, from the source of truth.
    match client.get_user(id).await {
        Ok(fetched) => Ok(fetched.user),
        Err(e) => Err(ApplyError::InDoubt {
            cause: format!(
                "the server accepted the change, but reading account {id} back failed: {e}"
            ),
            journal_id,
        }),
    }
}

async fn create(
    client: &ScimClient,
    caps: &mut Capabilities,
    user: &User,
    journal_id: u64,
) -> Result<(User, String), ApplyError> {
    let body = serde_json::to_value(user).expect("a user serialises");
    let in_doubt = |cause: String| ApplyError::InDoubt { cause, journal_id };
    match client
        .send(
            Method::POST,
            client.url("Users"),
            Some(&body),
            Idempotency::Unsafe,
        )
        .await
    {
        Ok(reply) => {
            // Created: from here on, a failure to read it back leaves the outcome in doubt.
            let created = match reply.json::<User>() {
                Ok(created) if !created.id().is_empty() => created,
                Ok(_) | Err(_) => {
                    return match find_created(client, caps, user).await {
                        Ok(Some(found)) => Ok(found),
                        Ok(None) => Err(in_doubt(format!(
                            "the server answered {} to the create, without the new account's id, and looking \"{}\" up finds nobody",
                            reply.status,
                            user.user_name()
                        ))),
                        Err(e) => Err(in_doubt(format!(
                            "the server answered {} to the create, without the new account's id, and looking it up failed: {e}",
                            reply.status
                        ))),
                    };
                }
            };
            let id = created.id().to_string();
            match client.get_user(&id).await {
                Ok(fetched) => Ok((fetched.user, id)),
                Err(e) => Err(in_doubt(format!(
                    "the server created account {id}, but reading it back failed: {e}"
                ))),
            }
        }
        Err(e) if is_taken(&e) => Err(ApplyError::Taken(format!(
            "the server refused the create: {e}"
        ))),
        Err(e) if is_ambiguous(&e) => {
            // Did the create happen? Look the userName up rather than send it again.
            match find_created(client, caps, user).await {
                Ok(Some(found)) => Ok(found),
                Ok(None) => Err(e.into()),
                Err(read) => Err(in_doubt(format!(
                    "{e}, and looking \"{}\" up failed too: {read}",
                    user.user_name()
                ))),
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// The account holding the userName of `user`, if one does: what a create made.
async fn find_created(
    client: &ScimClient,
    caps: &mut Capabilities,
    user: &User,
) -> Result<Option<(User, String)>, ScimError> {
    let name = user.user_name().to_string();
    let filter = FilterForm::UserName.build(&name).to_string();
    let query = UserQuery {
        filter: Some(filter),
        limit: None,
    };
    let (users, _) = collect_users(client, caps, &query).await?;
    // Re-checked here: servers compare differently, and some ignore a filter.
    Ok(users
        .into_iter()
        .find(|u| u.user_name().eq_ignore_ascii_case(&name))
        .map(|u| {
            let id = u.id().to_string();
            (u, id)
        }))
}

fn is_taken(e: &ScimError) -> bool {
    e.status() == Some(409)
        || (e.status() == Some(400) && e.body().is_some_and(|b| b.is_scim_type("uniqueness")))
}

/// A failure after which the write may or may not have happened.
fn is_ambiguous(e: &ScimError) -> bool {
    matches!(
        e,
        ScimError::Timeout { .. } | ScimError::NoAnswer { .. } | ScimError::BrokenAnswer { .. }
    ) || (e.class() == FailureClass::Unavailable && e.status().is_some_and(|s| s >= 500))
}

fn moved_if_gone(e: ScimError, id: &str) -> ApplyError {
    if e.status() == Some(404) {
        ApplyError::Moved(format!("account {id} no longer exists"))
    } else {
        ApplyError::Server(e)
    }
}

fn show(value: Option<&Value>) -> String {
    match value {
        None => "(absent)".into(),
        Some(Value::Array(items)) => {
            let emails: Vec<&str> = items
                .iter()
                .filter_map(|e| e.get("value").and_then(Value::as_str))
                .collect();
            format!("[{}]", emails.join(", "))
        }
        Some(v) => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn user(value: Value) -> User {
        serde_json::from_value(value).unwrap()
    }

    fn change(attribute: &str, before: Value, after: Value) -> Change {
        Change {
            attribute: attribute.into(),
            before: Some(before),
            after: Some(after),
        }
    }

    #[test]
    fn verification_ignores_the_case_of_a_username_unless_only_the_case_was_changed() {
        let renamed = [change("userName", json!("jdoe"), json!("JDoe-Old"))];
        let folded = user(json!({"id": "1", "userName": "jdoe-old"}));
        assert!(
            verify(&folded, &renamed).is_ok(),
            "a server that stores userNames in lower case did rename it"
        );
        let recased = [change("userName", json!("CKent"), json!("ckent"))];
        let untouched = user(json!({"id": "2", "userName": "CKent"}));
        assert!(verify(&untouched, &recased).is_err());
        let done = user(json!({"id": "2", "userName": "ckent"}));
        assert!(verify(&done, &recased).is_ok());
    }

    #[test]
    fn recorded_values_leave_absent_attributes_out() {
        let u = user(json!({"id": "1", "userName": "jdoe", "active": false}));
        let recorded = values(Some(&u), ["userName", "externalId", "active", "emails"]);
        assert_eq!(
            Value::Object(recorded),
            json!({"userName": "jdoe", "active": false})
        );
        assert!(values(None, ["userName"]).is_empty());
    }
}
