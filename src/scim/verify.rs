//! Proving what a server's filters really do (docs/architecture.md, "Trust").
//!
//! A server that answers a filter with nobody may be telling the truth, comparing case-
//! sensitively, or not applying the filter at all. So each form is tried with a value a listed
//! user really holds: the same value in another letter case (found: the filter works and
//! ignores case), then the exact value (found: it works; not found: it matches nothing). A
//! server that also returns users who do not hold the value is ignoring the filter. Only a
//! refusal of a plain value marks a form refused: one value's odd characters never do.

use super::capabilities::{Capabilities, FormFact};
use super::client::ScimClient;
use super::compare::{has_cased_letters, same_ignoring_case, swap_case};
use super::error::ScimError;
use super::filter::FilterForm;
use super::model::User;
use super::query::{UserQuery, collect_users};

/// How many users are read to find values to prove the filters with.
const SAMPLE_SIZE: u64 = 50;
/// A filter answered with more users than this is not looked at further.
const ANSWER_LIMIT: u64 = 20;

/// The first users of the directory, and how many there are.
#[derive(Debug, Clone, Default)]
pub struct Sample {
    pub users: Vec<User>,
    /// From `totalResults`, or counted when the whole directory fit in the sample.
    pub total: Option<u64>,
}

impl Sample {
    /// Whether the sample is the whole directory (it ended before the sample size).
    pub fn is_whole_directory(&self) -> bool {
        self.total == Some(self.users.len() as u64)
    }

    /// Whether the directory has a second user, so that a filter answering only the holder
    /// shows that it excluded someone.
    fn shows_exclusion(&self) -> bool {
        self.users.len() > 1 || self.total.is_some_and(|t| t > 1)
    }
}

/// Every request a verification spent, for `-v` and the benchmark's count.
#[derive(Debug, Clone, Copy, Default)]
pub struct Spent {
    pub requests: u32,
}

pub async fn sample(client: &ScimClient, caps: &mut Capabilities) -> Result<Sample, ScimError> {
    let query = UserQuery {
        filter: None,
        limit: Some(SAMPLE_SIZE),
    };
    let (users, stats) = collect_users(client, caps, &query).await?;
    let counted = ((users.len() as u64) < SAMPLE_SIZE).then_some(users.len() as u64);
    Ok(Sample {
        total: stats.total_results.or(counted),
        users,
    })
}

/// Proves what `form` does and records it in `caps`.
pub async fn verify_form(
    client: &ScimClient,
    caps: &mut Capabilities,
    sample: &Sample,
    form: FilterForm,
    spent: &mut Spent,
) -> Result<FormFact, ScimError> {
    let fact = match held_value(sample, form) {
        Some((holder, value)) => prove(client, caps, sample, form, holder, value, spent).await?,
        None => match ask(client, caps, form, &nobody(form), spent).await? {
            Answer::Users(users) if users.is_empty() => FormFact::Unverified,
            Answer::Users(_) => FormFact::Ignored,
            Answer::Refused => FormFact::Refused,
        },
    };
    tracing::info!("filter form {} is {}", form.label(), fact.label());
    caps.learn(|c| {
        c.filters.insert(form, fact);
    });
    Ok(fact)
}

/// The fast path for an RFC-conforming server: one `or` of every form, each asked for a value
/// a different listed user holds, in another letter case. If every one of those users comes
/// back and nobody else, each form is proven applied and case-insensitive, and `or` with them
/// (`true`, recorded). Otherwise nothing is recorded and each form is proven on its own.
pub async fn verify_together(
    client: &ScimClient,
    caps: &mut Capabilities,
    sample: &Sample,
    forms: &[FilterForm],
    spent: &mut Spent,
) -> Result<bool, ScimError> {
    let mut clauses: Vec<(FilterForm, &str, String)> = Vec::new();
    for &form in forms {
        let taken: Vec<&str> = clauses.iter().map(|(_, id, _)| *id).collect();
        let Some((id, value)) = held_value_among(sample, form, &taken) else {
            return Ok(false);
        };
        if !has_cased_letters(value) || !is_plain(value) {
            return Ok(false);
        }
        clauses.push((form, id, swap_case(value)));
    }
    let holders = clauses.len() as u64;
    if clauses.len() < 2 || sample.total.is_none_or(|t| t <= holders) {
        return Ok(false);
    }
    let filter = scim_v2::filter::Filter::any(clauses.iter().map(|(f, _, v)| f.build(v)))
        .expect("two or more parts make a filter")
        .to_string();
    let Answer::Users(users) = run(client, caps, &filter, spent).await? else {
        return Ok(false);
    };
    let matches =
        |user: &User, clause: &(FilterForm, &str, String)| held_in(clause.0, user, &clause.2);
    let strangers = users.iter().any(|u| !clauses.iter().any(|c| matches(u, c)));
    // Each holder must be matched by its own clause alone, or the answer proves nothing about it.
    let each_found = clauses.iter().enumerate().all(|(i, clause)| {
        users.iter().any(|u| {
            u.id.as_deref() == Some(clause.1)
                && clauses
                    .iter()
                    .enumerate()
                    .all(|(j, other)| i == j || !matches(u, other))
        })
    });
    if strangers || !each_found {
        return Ok(false);
    }
    caps.learn(|c| {
        for (form, _, _) in &clauses {
            c.filters.insert(
                *form,
                FormFact::Verified {
                    ignores_case: Some(true),
                },
            );
        }
        c.or_filter = Some(FormFact::Verified { ignores_case: None });
    });
    tracing::info!(
        "one 'or' filter proved {} at once",
        clauses
            .iter()
            .map(|c| c.0.label())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(true)
}

/// Proves that `or` between two `userName eq` returns both users, and records it.
pub async fn verify_or(
    client: &ScimClient,
    caps: &mut Capabilities,
    sample: &Sample,
    spent: &mut Spent,
) -> Result<FormFact, ScimError> {
    let mut named = sample
        .users
        .iter()
        .filter_map(|u| Some((u.id.as_deref()?, u.user_name.as_deref()?)))
        .filter(|(_, name)| !name.is_empty());
    let fact = match (named.next(), named.next()) {
        (Some((id_a, a)), Some((id_b, b))) => {
            let filter = scim_v2::filter::Filter::any([
                FilterForm::UserName.build(a),
                FilterForm::UserName.build(b),
            ])
            .expect("two parts make a filter")
            .to_string();
            match run(client, caps, &filter, spent).await? {
                Answer::Users(users) => {
                    let found = |id: &str| users.iter().any(|u| u.id.as_deref() == Some(id));
                    let strangers = users.iter().any(|u| {
                        !u.user_name
                            .as_deref()
                            .is_some_and(|n| same_ignoring_case(n, a) || same_ignoring_case(n, b))
                    });
                    if found(id_a) && found(id_b) && !strangers {
                        FormFact::Verified { ignores_case: None }
                    } else {
                        FormFact::Ignored
                    }
                }
                Answer::Refused => FormFact::Refused,
            }
        }
        _ => FormFact::Unverified,
    };
    tracing::info!("'or' between filters is {}", fact.label());
    caps.learn(|c| c.or_filter = Some(fact));
    Ok(fact)
}

#[allow(clippy::too_many_arguments)]
async fn prove(
    client: &ScimClient,
    caps: &mut Capabilities,
    sample: &Sample,
    form: FilterForm,
    holder: &str,
    value: &str,
    spent: &mut Spent,
) -> Result<FormFact, ScimError> {
    let holds = |u: &User| held_in(form, u, value);
    let has_holder = |users: &[User]| users.iter().any(|u| u.id.as_deref() == Some(holder));
    let mut ignores_case = None;
    if has_cased_letters(value) {
        match ask(client, caps, form, &swap_case(value), spent).await? {
            Answer::Users(users) if users.iter().any(|u| !holds(u)) => {
                return Ok(FormFact::Ignored);
            }
            Answer::Users(users) => ignores_case = Some(has_holder(&users)),
            Answer::Refused => return refused(client, caps, form, value, spent).await,
        }
    }
    if ignores_case != Some(true) {
        match ask(client, caps, form, value, spent).await? {
            Answer::Users(users) if users.iter().any(|u| !holds(u)) => {
                return Ok(FormFact::Ignored);
            }
            Answer::Users(users) if !has_holder(&users) => return Ok(FormFact::MatchesNothing),
            Answer::Users(_) => {}
            Answer::Refused => return refused(client, caps, form, value, spent).await,
        }
    }
    // With one user in the directory, "only the holder came back" shows nothing: ask for
    // a value nobody holds, which a filter that is applied answers with nobody.
    if !sample.shows_exclusion() {
        match ask(client, caps, form, &nobody(form), spent).await? {
            Answer::Users(users) if !users.is_empty() => return Ok(FormFact::Ignored),
            Answer::Refused => return refused(client, caps, form, value, spent).await,
            Answer::Users(_) => {}
        }
    }
    Ok(FormFact::Verified { ignores_case })
}

/// A refusal of the held value blames the form only if a plain value is refused too.
async fn refused(
    client: &ScimClient,
    caps: &mut Capabilities,
    form: FilterForm,
    value: &str,
    spent: &mut Spent,
) -> Result<FormFact, ScimError> {
    if is_plain(value) {
        return Ok(FormFact::Refused);
    }
    Ok(match ask(client, caps, form, &nobody(form), spent).await? {
        Answer::Refused => FormFact::Refused,
        Answer::Users(users) if users.is_empty() => FormFact::Unverified,
        Answer::Users(_) => FormFact::Ignored,
    })
}

enum Answer {
    Users(Vec<User>),
    Refused,
}

async fn ask(
    client: &ScimClient,
    caps: &mut Capabilities,
    form: FilterForm,
    value: &str,
    spent: &mut Spent,
) -> Result<Answer, ScimError> {
    run(client, caps, &form.build(value).to_string(), spent).await
}

async fn run(
    client: &ScimClient,
    caps: &mut Capabilities,
    filter: &str,
    spent: &mut Spent,
) -> Result<Answer, ScimError> {
    spent.requests += 1;
    let query = UserQuery {
        filter: Some(filter.to_string()),
        limit: Some(ANSWER_LIMIT),
    };
    match collect_users(client, caps, &query).await {
        Ok((users, _)) => Ok(Answer::Users(users)),
        Err(e) if e.is_filter_refusal() => {
            tracing::info!("the server refused the filter '{filter}': {e}");
            Ok(Answer::Refused)
        }
        Err(e) => Err(e),
    }
}

/// A value some listed user holds in `form`'s attribute, and that user's id: preferably one
/// with letters (so the case rule can be tested), plain characters (so a refusal is the
/// form's fault), and for emails an address in a secondary slot (which `emails.value` must
/// find as well as the primary).
fn held_value(sample: &Sample, form: FilterForm) -> Option<(&str, &str)> {
    held_value_among(sample, form, &[])
}

/// The same, from a user whose id is not in `taken`.
fn held_value_among<'s>(
    sample: &'s Sample,
    form: FilterForm,
    taken: &[&str],
) -> Option<(&'s str, &'s str)> {
    let mut best: Option<(u8, &str, &str)> = None;
    for user in &sample.users {
        let Some(id) = user
            .id
            .as_deref()
            .filter(|id| !id.is_empty() && !taken.contains(id))
        else {
            continue;
        };
        let values: Vec<(&str, bool)> = match form {
            FilterForm::UserName => user
                .user_name
                .as_deref()
                .map(|v| (v, false))
                .into_iter()
                .collect(),
            FilterForm::ExternalId => user
                .external_id
                .as_deref()
                .map(|v| (v, false))
                .into_iter()
                .collect(),
            FilterForm::EmailsValue | FilterForm::EmailsValuePath => user
                .emails
                .iter()
                .filter_map(|e| Some((e.value.as_deref()?, e.primary != Some(true))))
                .collect(),
        };
        for (value, secondary) in values.into_iter().filter(|(v, _)| !v.trim().is_empty()) {
            let score = u8::from(has_cased_letters(value)) * 4
                + u8::from(is_plain(value)) * 2
                + u8::from(secondary);
            if best.is_none_or(|(s, _, _)| score > s) {
                best = Some((score, id, value));
            }
        }
    }
    best.map(|(_, id, value)| (id, value))
}

/// Whether `user` holds `value` in the form's attribute, ignoring case (a server may ignore
/// case even where SCIM says exact; that is not a sign of ignoring the filter).
fn held_in(form: FilterForm, user: &User, value: &str) -> bool {
    match form {
        FilterForm::UserName => user
            .user_name
            .as_deref()
            .is_some_and(|v| same_ignoring_case(v, value)),
        FilterForm::ExternalId => user
            .external_id
            .as_deref()
            .is_some_and(|v| same_ignoring_case(v, value)),
        FilterForm::EmailsValue | FilterForm::EmailsValuePath => {
            user.email_values().any(|v| same_ignoring_case(v, value))
        }
    }
}

fn is_plain(value: &str) -> bool {
    value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "@._+-".contains(c))
}

/// A value nobody holds, in the shape of the form's attribute.
fn nobody(form: FilterForm) -> String {
    let value = format!("scimctl-verify-{:08x}", fastrand::u32(..));
    match form {
        FilterForm::EmailsValue | FilterForm::EmailsValuePath => format!("{value}@example.invalid"),
        FilterForm::UserName | FilterForm::ExternalId => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scim::model::Email;

    fn user(id: &str, name: &str, emails: &[(&str, bool)]) -> User {
        User {
            id: Some(id.into()),
            user_name: Some(name.into()),
            emails: emails
                .iter()
                .map(|(v, primary)| Email {
                    value: Some(v.to_string()),
                    primary: Some(*primary),
                    ..Email::default()
                })
                .collect(),
            ..User::default()
        }
    }

    #[test]
    fn the_held_value_prefers_letters_plain_characters_and_secondary_slots() {
        let sample = Sample {
            users: vec![
                user("1", "1234", &[("a\"b@x.example", true)]),
                user(
                    "2",
                    "JLee",
                    &[("jlee@x.example", true), ("J.Lee@Y.example", false)],
                ),
            ],
            total: Some(2),
        };
        assert_eq!(
            held_value(&sample, FilterForm::UserName),
            Some(("2", "JLee"))
        );
        assert_eq!(
            held_value(&sample, FilterForm::EmailsValue),
            Some(("2", "J.Lee@Y.example"))
        );
        assert_eq!(held_value(&sample, FilterForm::ExternalId), None);
    }

    #[test]
    fn a_lone_user_cannot_show_exclusion() {
        let one = Sample {
            users: vec![user("1", "a", &[])],
            total: Some(1),
        };
        assert!(!one.shows_exclusion());
        let many = Sample {
            users: vec![user("1", "a", &[])],
            total: Some(40),
        };
        assert!(many.shows_exclusion());
    }
}
