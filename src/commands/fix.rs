//! The fixes diagnose recommends: `rename-user`, `suggest-username`, `release-email`, `link`,
//! `provision`. Each reads what it needs, builds a plan (pure), and hands it to `carry_out`.

use anyhow::Result;
use serde::Serialize;

use super::session::Session;
use super::write::{Carried, carry_out, refused};
use crate::cli::OutputFormat;
use crate::conflict::candidate::Candidate;
use crate::conflict::diagnose::holds;
use crate::conflict::engine::Comparison;
use crate::conflict::lookup::LookupKey;
use crate::conflict::plan::{self, Incoming, Plan, Replacement};
use crate::exit::{ExitStatus, Failed, usage};
use crate::output::{JSON_VERSION, Printer};
use crate::scim::client::FetchedUser;
use crate::scim::model::User;
use crate::settings::{HolderRef, Input, ReleaseChoice, Settings, WriteOptions, user_id};

pub async fn rename_user(
    holder: HolderRef,
    to: String,
    settings: &Settings,
    printer: &Printer,
    write: WriteOptions,
) -> Result<ExitStatus> {
    let mut session = open(settings, printer).await?;
    let plan = rename_plan(&mut session, holder, &to).await?;
    carry_out(plan, &mut session, settings, printer, write, None)
        .await
        .map(Carried::status)
}

/// The plan that renames `holder` to `to`, refused (exit 1) when another account holds `to`.
pub(super) async fn rename_plan(
    session: &mut Session,
    holder: HolderRef,
    to: &str,
) -> Result<Plan> {
    let holder = match holder {
        HolderRef::Id(id) => session.client.get_user(&user_id(&id)?).await?,
        HolderRef::UserName(name) => the_one_holding(session, LookupKey::UserName(name)).await?,
    };
    let taken_by = holders(session, &[LookupKey::UserName(to.to_string())]).await?;
    let provider = session.provider.provider;
    plan::rename_user(
        &holder.user,
        holder
            .etag
            .as_deref()
            .filter(|_| session.caps.trusts_etags()),
        to,
        taken_by.iter().find(|u| u.id() != Some(holder.id.clone())),
        provider,
    )
    .map_err(refused)
}

#[derive(Serialize)]
struct Suggestions<'a> {
    version: u32,
    base: &'a str,
    free: &'a [String],
}

/// One suggestion as an NDJSON line: every line scimctl streams is an object.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FreeName<'a> {
    user_name: &'a str,
    free: bool,
}

pub async fn suggest_username(
    base: String,
    count: u32,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    if base.trim().is_empty() {
        return Err(usage("give a userName to start from"));
    }
    let mut session = open(settings, printer).await?;
    let provider = session.provider.provider;
    let free = free_user_names(&mut session, &base, &[], count as usize).await?;
    match printer.format() {
        OutputFormat::Table => printer.data(&free.join("\n"))?,
        OutputFormat::Json => printer.json(&Suggestions {
            version: JSON_VERSION,
            base: &base,
            free: &free,
        })?,
        OutputFormat::Ndjson => {
            for name in &free {
                printer.ndjson_line(&FreeName {
                    user_name: name,
                    free: true,
                })?;
            }
        }
    }
    printer.note(&format!(
        "each was looked up on the endpoint and nobody holds it ({} rules)",
        provider.name
    ));
    Ok(ExitStatus::Success)
}

/// Up to `count` userNames that nobody holds by the provider's comparison (nor each other):
/// `preferred` first where free, then `base` numbered (`jdoe2`, `jdoe.2`, `jdoe-2`, … before
/// any `@domain`). Each was looked up on the endpoint.
pub(super) async fn free_user_names(
    session: &mut Session,
    base: &str,
    preferred: &[String],
    count: usize,
) -> Result<Vec<String>> {
    let provider = session.provider.provider;
    let (local, domain) = match base.split_once('@') {
        Some((local, domain)) => (local.to_string(), format!("@{domain}")),
        None => (base.to_string(), String::new()),
    };
    let mut free: Vec<String> = Vec::new();
    let mut first = preferred.to_vec();
    let mut n = 2;
    // Ask in batches (one request each where `or` filters work) until enough are confirmed free.
    while free.len() < count && n < 200 {
        let mut batch = std::mem::take(&mut first);
        batch.extend((n..n + 8).flat_map(|i| {
            [
                format!("{local}{i}{domain}"),
                format!("{local}.{i}{domain}"),
                format!("{local}-{i}{domain}"),
            ]
        }));
        n += 8;
        let keys: Vec<LookupKey> = batch.iter().cloned().map(LookupKey::UserName).collect();
        let taken = holders(session, &keys).await?;
        for name in batch {
            let key = LookupKey::UserName(name.clone());
            let clash = taken.iter().any(|u| holds(&key, u, provider))
                || free
                    .iter()
                    .any(|f| provider.login_rule.key(f) == provider.login_rule.key(&name));
            if !clash && free.len() < count {
                free.push(name);
            }
        }
    }
    Ok(free)
}

pub async fn release_email(
    email: String,
    from: Option<String>,
    choice: ReleaseChoice,
    settings: &Settings,
    printer: &Printer,
    write: WriteOptions,
) -> Result<ExitStatus> {
    let mut session = open(settings, printer).await?;
    let plan = release_plan(&mut session, &email, from, choice).await?;
    carry_out(plan, &mut session, settings, printer, write, None)
        .await
        .map(Carried::status)
}

/// The plan that frees `email` on its holder (`from`, or the one account holding it), putting
/// `choice` in its place; refused (exit 1) when the replacement is itself taken.
pub(super) async fn release_plan(
    session: &mut Session,
    email: &str,
    from: Option<String>,
    choice: ReleaseChoice,
) -> Result<Plan> {
    let holder = match from {
        Some(id) => session.client.get_user(&user_id(&id)?).await?,
        None => the_one_holding(session, LookupKey::Email(email.to_string())).await?,
    };
    let date = crate::clock::today();
    let (local, domain) = email.rsplit_once('@').unwrap_or((email, "invalid"));
    let base = local.split('+').next().unwrap_or(local);
    // The placeholders the plan may use, and a replacement given, must themselves be free.
    let mut wanted = vec![
        format!("{base}+released-{date}@{domain}"),
        format!("released-{date}-{base}@{domain}"),
    ];
    let replacement = match choice {
        ReleaseChoice::Placeholder => Replacement::Placeholder { date },
        ReleaseChoice::With(new) => {
            wanted = vec![new.clone()];
            Replacement::With(new)
        }
        ReleaseChoice::Remove => Replacement::Remove,
    };
    let keys: Vec<LookupKey> = wanted.iter().cloned().map(LookupKey::Email).collect();
    let taken = holders(session, &keys).await?;
    let provider = session.provider.provider;
    let is_taken = |address: &str| {
        taken
            .iter()
            .any(|u| holds(&LookupKey::Email(address.to_string()), u, provider))
    };
    plan::release_email(
        &holder.user,
        holder
            .etag
            .as_deref()
            .filter(|_| session.caps.trusts_etags()),
        email,
        &replacement,
        is_taken,
    )
    .map_err(refused)
}

pub struct LinkRequest {
    pub holder_id: String,
    pub payload: Option<Input>,
    pub user_name: Option<String>,
    pub external_id: Option<String>,
    pub activate: bool,
}

pub async fn link(
    request: LinkRequest,
    settings: &Settings,
    printer: &Printer,
    write: WriteOptions,
) -> Result<ExitStatus> {
    let (holder_id, incoming) = link_incoming(request)?;
    let mut session = open(settings, printer).await?;
    let plan = link_plan(&mut session, &holder_id, &incoming).await?;
    carry_out(plan, &mut session, settings, printer, write, None)
        .await
        .map(Carried::status)
}

/// The account to link and what the identity provider will look it up by; a usage error
/// when there is nothing to link.
pub(super) fn link_incoming(request: LinkRequest) -> Result<(String, Incoming)> {
    let from_payload = match &request.payload {
        Some(input) => Candidate::from_payload(&read_user(input)?),
        None => Candidate::default(),
    };
    let incoming = Incoming {
        user_name: request.user_name.or(from_payload.user_name),
        external_id: request.external_id.or(from_payload.external_id),
        activate: request.activate,
    };
    if incoming.user_name.is_none() && incoming.external_id.is_none() && !incoming.activate {
        return Err(usage(
            "nothing to link: give --payload, --username or --external-id",
        ));
    }
    Ok((request.holder_id, incoming))
}

/// The plan that makes account `holder_id` the one the identity provider finds for `incoming`.
pub(super) async fn link_plan(
    session: &mut Session,
    holder_id: &str,
    incoming: &Incoming,
) -> Result<Plan> {
    let holder = session.client.get_user(&user_id(holder_id)?).await?;
    let provider = session.provider.provider;
    // Another account already answering to the incoming userName or externalId blocks the link.
    let (name_key, external_id_key) = incoming.blocking_keys(provider);
    let keys: Vec<LookupKey> = name_key.iter().chain(&external_id_key).cloned().collect();
    let taken_by = if keys.is_empty() {
        Vec::new()
    } else {
        holders(session, &keys).await?
    };
    let third = |key: &Option<LookupKey>| {
        let key = key.as_ref()?;
        taken_by
            .iter()
            .find(|u| u.id() != Some(holder.id.clone()) && holds(key, u, provider))
    };
    plan::link(
        &holder.user,
        holder
            .etag
            .as_deref()
            .filter(|_| session.caps.trusts_etags()),
        incoming,
        third(&name_key),
        third(&external_id_key),
        provider,
    )
    .map_err(refused)
}

pub async fn provision(
    payload: Input,
    user_name: Option<String>,
    email: Option<String>,
    settings: &Settings,
    printer: &Printer,
    write: WriteOptions,
) -> Result<ExitStatus> {
    let plan = provision_plan(&payload, user_name.as_deref(), email.as_deref())?;
    let mut session = open(settings, printer).await?;
    carry_out(plan, &mut session, settings, printer, write, None)
        .await
        .map(Carried::status)
}

/// The plan that creates the payload's user, with the userName or email overridden if given.
pub(super) fn provision_plan(
    payload: &Input,
    user_name: Option<&str>,
    email: Option<&str>,
) -> Result<Plan> {
    let user = read_user(payload)?;
    plan::provision(user, user_name, email).map_err(refused)
}

/// An endpoint opened for writing: the provider's rules matter, so identify it.
async fn open(settings: &Settings, printer: &Printer) -> Result<Session> {
    let mut session = Session::open(settings, printer)?;
    session.discover_provider(settings).await;
    Ok(session)
}

/// Accounts holding any of `keys`, by the provider's comparison.
pub(super) async fn holders(session: &mut Session, keys: &[LookupKey]) -> Result<Vec<User>> {
    let found = session
        .engine()
        .find(keys, Comparison::Collision, false)
        .await;
    session.remember();
    let found = found?;
    for note in found.trace.notes {
        tracing::info!("{note}");
    }
    Ok(found.holders)
}

/// The single account holding `key`; refuses when none or several do.
async fn the_one_holding(session: &mut Session, key: LookupKey) -> Result<FetchedUser> {
    let found = holders(session, std::slice::from_ref(&key)).await?;
    match found.as_slice() {
        [one] => match one.id() {
            Some(id) => Ok(session.client.get_user(&id).await?),
            None => Err(Failed(
                ExitStatus::Unavailable,
                format!(
                    "the account holding {} \"{}\" came from the server without an id, so no change can address it",
                    key.noun(),
                    key.value()
                ),
            )
            .into()),
        },
        [] => Err(Failed(
            ExitStatus::Refused,
            format!(
                "no account visible to this token holds {} \"{}\"",
                key.noun(),
                key.value()
            ),
        )
        .into()),
        many => Err(usage(format!(
            "{} accounts hold {} \"{}\" ({}); choose one by id",
            many.len(),
            key.noun(),
            key.value(),
            many.iter().map(User::shown_id).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// More emails than any identity provider sends for one person: a payload listing more is a
/// mistake or hostile, and each one would be a lookup.
pub const MAX_PAYLOAD_EMAILS: usize = 1000;

pub(super) fn read_user(input: &Input) -> Result<User> {
    let text = input.read("the payload")?;
    let user: User = serde_json::from_str(&text).map_err(|e| {
        usage(format!(
            "the payload from {} is not a SCIM User (JSON object): {e}",
            input.describe()
        ))
    })?;
    if user.emails.len() > MAX_PAYLOAD_EMAILS {
        return Err(usage(format!(
            "the payload from {} lists {} emails; scimctl reads at most {MAX_PAYLOAD_EMAILS} (no identity provider sends that many for one user): is it the right file?",
            input.describe(),
            user.emails.len()
        )));
    }
    Ok(user)
}
