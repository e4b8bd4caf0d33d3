//! Carrying out a plan, safely: re-read what it depends on right before writing and stop if
//! that moved; journal the intent before the first write; send each write once (with If-Match
//! where the server does ETags); after an ambiguous failure, re-read to learn what happened;
//! re-read after writing to verify; journal the outcome. An outcome that cannot be learned is
//! not journaled at all: the entry stays in doubt, never "failed" for a write that may have run.

use std::time::SystemTime;

use reqwest::Method;
use serde_json::Value;

use super::engine::{Comparison, Engine, LookupError, ScanBudget};
use super::in_flight::{self, Writing};
use super::journal::{Completion, Journal, Outcome, Values};
use super::lookup::LookupKey;
use super::plan::{Change, Plan, Step, attribute_value, same_value};
use crate::clock::now_rfc3339;
use crate::provider::Provider;
use crate::scim::capabilities::Capabilities;
use crate::scim::client::ScimClient;
use crate::scim::error::{FailureClass, ScimError};
use crate::scim::model::{PatchOp, PatchOperation, User, UserId};
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
    /// The server answered success, and reading back shows nothing changed at all.
    #[error(
        "the server answered success but changed nothing: reading account {id} back shows {attribute} = {found}, exactly as before{fallback} (journal entry {journal_id})"
    )]
    NoOp {
        id: String,
        attribute: String,
        found: String,
        /// What became of the step's fallback, if it had one.
        fallback: String,
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
    provider: &'static Provider,
    budget: ScanBudget,
    journal: &Journal,
    plan: &Plan,
    undoes: Option<u64>,
) -> Result<Applied, ApplyError> {
    // 1. Right before writing: does the world still look as it did when the plan was made?
    let mut current: Vec<Option<(User, Option<String>)>> = Vec::new();
    // For a create: who holds its userName now, so that after an ambiguous answer an account
    // that already existed is never taken for the one just created (`None`: could not tell).
    let mut existing: Vec<Option<Vec<UserId>>> = Vec::new();
    for step in &plan.steps {
        match step {
            Step::Patch {
                id,
                if_match,
                changes,
                ..
            } => {
                let fetched = client
                    .get_user(id)
                    .await
                    .map_err(|e| moved_if_gone(e, id))?;
                check_unchanged(id, &fetched.user, changes)?;
                if let (Some(planned), Some(now)) = (if_match, &fetched.etag)
                    && planned != now
                    && caps.trusts_etags()
                {
                    return Err(ApplyError::Moved(format!(
                        "account {id} changed since the plan was made (version {planned} is now {now})"
                    )));
                }
                current.push(Some((fetched.user, fetched.etag)));
                existing.push(Some(Vec::new()));
            }
            Step::Post { user, .. } => {
                let holders = match holding_user_name(client, caps, provider, budget, user).await {
                    Ok(holders) => Some(holders.iter().filter_map(User::id).collect()),
                    Err(e) => {
                        tracing::info!(
                            "could not look up who holds the userName before the create: {e}"
                        );
                        None
                    }
                };
                existing.push(holders);
                current.push(None);
            }
        }
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
    // What was sent other than the step's operations (a fallback), for the journal.
    let mut sent_instead: Vec<String> = Vec::new();
    for (n, ((step, read), existing)) in plan.steps.iter().zip(&current).zip(&existing).enumerate()
    {
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
                fallback,
                changes,
                ..
            } => {
                let etag = read
                    .as_ref()
                    .and_then(|(_, e)| e.clone())
                    .filter(|_| caps.trusts_etags());
                let request = PatchRequest {
                    id,
                    operations,
                    changes,
                    etag: etag.as_deref(),
                    journal_id,
                };
                match patch(client, caps.trusts_etags(), &request, fallback.as_deref()).await {
                    Ok((user, Some(why))) => {
                        sent_instead.push(format!(
                            "step {}: {why}, so its fallback (a replace of the whole emails list) was sent instead",
                            n + 1
                        ));
                        Ok((user, id.clone()))
                    }
                    Ok((user, None)) => Ok((user, id.clone())),
                    Err(e) => Err(e),
                }
            }
            Step::Post { user, .. } => {
                create(
                    client,
                    caps,
                    provider,
                    budget,
                    user,
                    existing.as_deref(),
                    journal_id,
                )
                .await
            }
        };
        match outcome {
            Ok((user, id)) => {
                if let Err((attribute, found, expected)) = verify(&user, step.changes()) {
                    // A success that changed nothing is a no-op, not a change half made.
                    let unchanged = check_exactly_as_before(&id, &user, step.changes()).is_ok();
                    let outcome = match (unchanged, n) {
                        (true, 0) => Outcome::Failed,
                        _ => Outcome::Partial,
                    };
                    let stopped = match unchanged {
                        true => "the server answered success but changed nothing",
                        false => "not verified",
                    };
                    finish(
                        journal,
                        journal_id,
                        outcome,
                        n,
                        &results,
                        &ids,
                        reason(&sent_instead, Some(stopped.into())),
                    )?;
                    if unchanged {
                        return Err(ApplyError::NoOp {
                            id: id.to_string(),
                            attribute,
                            found,
                            fallback: if sent_instead.is_empty() {
                                String::new()
                            } else {
                                ", after its fallback (a replace of the whole list) too".into()
                            },
                            journal_id,
                        });
                    }
                    return Err(ApplyError::NotVerified {
                        id: id.to_string(),
                        attribute,
                        found,
                        expected,
                        journal_id,
                    });
                }
                ids.push(Some(id.to_string()));
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
                    reason(&sent_instead, Some(e.to_string())),
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
        reason(&sent_instead, None),
    )?;
    Ok(Applied {
        journal_id,
        results,
    })
}

/// The completion's reason: what was sent instead of a step's operations, then why it stopped.
fn reason(sent_instead: &[String], stopped: Option<String>) -> Option<String> {
    let parts: Vec<String> = sent_instead.iter().cloned().chain(stopped).collect();
    (!parts.is_empty()).then(|| parts.join("; "))
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

pub(super) fn check_unchanged(
    id: &UserId,
    user: &User,
    changes: &[Change],
) -> Result<(), ApplyError> {
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

/// One PATCH of a plan: which account, what to send, what it must change, and its guard.
struct PatchRequest<'a> {
    id: &'a UserId,
    operations: &'a [PatchOperation],
    changes: &'a [Change],
    etag: Option<&'a str>,
    journal_id: u64,
}

/// What one PATCH did, as far as a fallback cares.
enum Written {
    /// Sent and read back (verification is the caller's).
    Done(Box<User>),
    /// The server refused the operations' path, or answered success and changed nothing: the
    /// account is as it was, and the step's fallback may be sent. Says which, for the journal.
    FallBack(String),
}

/// Sends the step's operations once; where the server refuses their path or changes nothing,
/// sends `fallback` once instead (after a fresh read shows the account exactly as planned
/// from). Returns the account read back, and why the fallback was sent if it was.
async fn patch(
    client: &ScimClient,
    trusts_etags: bool,
    request: &PatchRequest<'_>,
    fallback: Option<&[PatchOperation]>,
) -> Result<(User, Option<String>), ApplyError> {
    let why = match write_once(client, request, fallback.is_some()).await? {
        Written::Done(user) => return Ok((*user, None)),
        Written::FallBack(why) => why,
    };
    let Some(fallback) = fallback else {
        unreachable!("write_once falls back only where a fallback was given")
    };
    let id = request.id;
    if in_flight::interrupted() {
        return Err(ApplyError::Partial {
            done: 0,
            total: 1,
            cause: format!("{why}; interrupted (Ctrl-C) before the fallback was sent"),
            journal_id: request.journal_id,
        });
    }
    // The fallback writes the whole attribute: only over exactly what it was built from.
    let fresh = client.get_user(id).await?;
    if let Err(moved) = check_exactly_as_before(id, &fresh.user, request.changes) {
        return Err(ApplyError::Moved(format!(
            "{why}, and before sending the fallback: {moved}"
        )));
    }
    tracing::info!("{why}; sending the fallback instead: the whole list, once");
    let etag = fresh.etag.filter(|_| trusts_etags);
    let retry = PatchRequest {
        operations: fallback,
        etag: etag.as_deref(),
        ..*request
    };
    match write_once(client, &retry, false).await? {
        Written::Done(user) => Ok((*user, Some(why))),
        Written::FallBack(_) => unreachable!("no fallback of a fallback"),
    }
}

async fn write_once(
    client: &ScimClient,
    request: &PatchRequest<'_>,
    may_fall_back: bool,
) -> Result<Written, ApplyError> {
    let PatchRequest {
        id,
        operations,
        changes,
        etag,
        journal_id,
    } = *request;
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
        Err(e) if may_fall_back && is_path_refusal(&e) => {
            return Ok(Written::FallBack(format!(
                "the server refused the path {} ({})",
                paths(operations),
                e.body()
                    .map(|b| b.describe())
                    .unwrap_or_else(|| e.status().unwrap_or(0).to_string())
            )));
        }
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
            // The PATCH may or may not have happened (or the server said it did in an answer
            // that cannot be read): never resend it, read and see.
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
                tracing::info!("{e}; reading account {id} back shows the change was made");
                return Ok(Written::Done(Box::new(now)));
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
    let now = match client.get_user(id).await {
        Ok(fetched) => fetched.user,
        Err(e) => {
            return Err(ApplyError::InDoubt {
                cause: format!(
                    "the server accepted the change, but reading account {id} back failed: {e}"
                ),
                journal_id,
            });
        }
    };
    // Success that changed nothing at all (some servers answer 200 to a path they ignore).
    if may_fall_back
        && verify(&now, changes).is_err()
        && check_exactly_as_before(id, &now, changes).is_ok()
    {
        return Ok(Written::FallBack(format!(
            "the server answered success to {} but reading account {id} back shows nothing changed",
            paths(operations)
        )));
    }
    Ok(Written::Done(Box::new(now)))
}

/// Every attribute a step changes still exactly as it was read when the plan was made (every
/// sub-attribute of every email, not only the addresses): what a whole-attribute write needs.
fn check_exactly_as_before(id: &UserId, user: &User, changes: &[Change]) -> Result<(), String> {
    for change in changes {
        let now = attribute_value(user, &change.attribute);
        if now != change.before {
            return Err(format!(
                "{} of account {id} is no longer exactly as when the plan was made (now {})",
                change.attribute,
                show(now.as_ref())
            ));
        }
    }
    Ok(())
}

/// The server cannot address the operations' path (RFC 7644 §3.5.2: 400 `invalidPath` or
/// `noTarget`), or does not implement it (501): nothing was changed.
fn is_path_refusal(e: &ScimError) -> bool {
    e.status() == Some(501)
        || (e.status() == Some(400)
            && e.body()
                .is_some_and(|b| b.is_scim_type("invalidPath") || b.is_scim_type("noTarget")))
}

fn paths(operations: &[PatchOperation]) -> String {
    let paths: Vec<&str> = operations
        .iter()
        .filter_map(|o| o.path.as_deref())
        .collect();
    paths.join(", ")
}

async fn create(
    client: &ScimClient,
    caps: &mut Capabilities,
    provider: &'static Provider,
    budget: ScanBudget,
    user: &User,
    existing: Option<&[UserId]>,
    journal_id: u64,
) -> Result<(User, UserId), ApplyError> {
    let body = serde_json::to_value(user).expect("a user serialises");
    let in_doubt = |cause: String| ApplyError::InDoubt { cause, journal_id };
    let started = SystemTime::now();
    let sent = client
        .send(
            Method::POST,
            client.url("Users"),
            Some(&body),
            Idempotency::Unsafe,
        )
        .await;
    let (answer, error) = match sent {
        Ok(reply) => match reply.json::<User>().ok().and_then(|created| created.id()) {
            // Created: from here on, a failure to read it back leaves the outcome in doubt.
            Some(id) => {
                return match client.get_user(&id).await {
                    Ok(fetched) => Ok((fetched.user, id)),
                    Err(e) => Err(in_doubt(format!(
                        "the server created account {id}, but reading it back failed: {e}"
                    ))),
                };
            }
            None => (
                format!(
                    "the server answered {} to the create, without the new account's id",
                    reply.status
                ),
                None,
            ),
        },
        Err(e) if is_taken(&e) => {
            return Err(ApplyError::Taken(format!(
                "the server refused the create: {e}"
            )));
        }
        Err(e) if is_ambiguous(&e) => (e.to_string(), Some(e)),
        Err(e) => return Err(e.into()),
    };
    // Did the create happen? Look the userName up rather than send it again, and take an
    // account for the one just made only on evidence (`made_by_this_create`).
    let found = match holding_user_name(client, caps, provider, budget, user).await {
        Ok(found) => found,
        Err(read) => {
            return Err(in_doubt(format!(
                "{answer}, and looking \"{}\" up failed: {read}",
                user.user_name()
            )));
        }
    };
    let new: Vec<(User, UserId)> = found
        .into_iter()
        .filter_map(|u| u.id().map(|id| (u, id)))
        .filter(|(_, id)| existing.is_none_or(|existing| !existing.contains(id)))
        .collect();
    match new.into_iter().next() {
        Some((found, id)) if made_by_this_create(&found, user, existing.is_some(), started) => {
            tracing::info!("{answer}; account {id} is the one it created");
            Ok((found, id))
        }
        Some((_, id)) => Err(in_doubt(format!(
            "{answer}; account {id} now holds \"{}\", but nothing shows it is the one this create made (its externalId differs and its creation time is not after the request)",
            user.user_name()
        ))),
        // Nothing new holds the name: the create did not happen, unless the server said it did.
        None => match error {
            Some(e) if e.success_status().is_none() => Err(e.into()),
            _ => Err(in_doubt(format!(
                "{answer}, and no new account holds \"{}\"",
                user.user_name()
            ))),
        },
    }
}

/// Evidence that `found` is the one this create made: it did not hold the userName right
/// before the request (`looked_before`) and carries the externalId sent, or it was created
/// after the request began.
fn made_by_this_create(
    found: &User,
    sent: &User,
    looked_before: bool,
    started: SystemTime,
) -> bool {
    let same_external_id =
        looked_before && sent.external_id.is_some() && found.external_id == sent.external_id;
    let created_after = found
        .meta
        .as_ref()
        .and_then(|m| m.created.as_deref())
        .and_then(crate::clock::parse_rfc3339)
        .is_some_and(|created| created >= started);
    same_external_id || created_after
}

/// The accounts holding the userName of `user`, by the one lookup engine (a case-sensitive or
/// ignored filter is read around, never believed).
async fn holding_user_name(
    client: &ScimClient,
    caps: &mut Capabilities,
    provider: &'static Provider,
    budget: ScanBudget,
    user: &User,
) -> Result<Vec<User>, LookupError> {
    let mut engine = Engine {
        client,
        caps,
        provider,
        budget,
    };
    let key = LookupKey::UserName(user.user_name().to_string());
    Ok(engine
        .find(std::slice::from_ref(&key), Comparison::Scim, false)
        .await?
        .holders)
}

fn is_taken(e: &ScimError) -> bool {
    e.status() == Some(409)
        || (e.status() == Some(400) && e.body().is_some_and(|b| b.is_scim_type("uniqueness")))
}

/// A failure after which the write may or may not have happened: no answer, a 5xx, a redirect,
/// or a success whose body could not be read (too large, cut short).
fn is_ambiguous(e: &ScimError) -> bool {
    matches!(
        e,
        ScimError::Timeout { .. }
            | ScimError::NoAnswer { .. }
            | ScimError::BrokenAnswer { .. }
            | ScimError::Redirected { .. }
    ) || e.success_status().is_some()
        || (e.class() == FailureClass::Unavailable && e.status().is_some_and(|s| s >= 500))
}

fn moved_if_gone(e: ScimError, id: &UserId) -> ApplyError {
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
    fn a_found_account_is_the_new_one_only_on_evidence() {
        let started = crate::clock::parse_rfc3339("2026-12-01T10:00:00Z").unwrap();
        let sent = user(json!({"userName": "jamie", "externalId": "okta-new"}));
        let same_external_id =
            user(json!({"id": "n", "userName": "jamie", "externalId": "okta-new"}));
        assert!(made_by_this_create(&same_external_id, &sent, true, started));
        assert!(
            !made_by_this_create(&same_external_id, &sent, false, started),
            "an externalId alone, without having looked before, proves nothing"
        );
        let older = user(
            json!({"id": "o", "userName": "Jamie", "externalId": "okta-old",
            "meta": {"created": "2020-01-01T00:00:00Z"}}),
        );
        assert!(!made_by_this_create(&older, &sent, true, started));
        let newer = user(json!({"id": "n", "userName": "jamie",
            "meta": {"created": "2026-12-01T10:00:01.5Z"}}));
        assert!(made_by_this_create(&newer, &sent, false, started));
        let unknown = user(json!({"id": "n", "userName": "jamie"}));
        let no_external_id = user(json!({"userName": "jamie"}));
        assert!(!made_by_this_create(
            &unknown,
            &no_external_id,
            true,
            started
        ));
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
