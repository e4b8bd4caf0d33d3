//! The fixes diagnose recommends: `rename-user`, `suggest-username`, `release-email`, `link`,
//! `provision`. Each reads what it needs, builds a plan (pure), and hands it to `carry_out`.

use anyhow::Result;
use serde::Serialize;

use super::session::Session;
use super::write::{carry_out, refused};
use crate::cli::OutputFormat;
use crate::conflict::candidate::Candidate;
use crate::conflict::diagnose::holds;
use crate::conflict::lookup::LookupKey;
use crate::conflict::plan::{self, Incoming, Replacement};
use crate::conflict::search::find_holders_of_all;
use crate::exit::{ExitStatus, Failed, usage};
use crate::output::{JSON_VERSION, Printer};
use crate::scim::client::FetchedUser;
use crate::scim::model::User;
use crate::settings::{HolderRef, Input, ReleaseChoice, Settings, WriteOptions};

pub async fn rename_user(
    holder: HolderRef,
    to: String,
    settings: &Settings,
    printer: &Printer,
    write: WriteOptions,
) -> Result<ExitStatus> {
    let mut session = open(settings, printer).await?;
    let holder = match holder {
        HolderRef::Id(id) => session.client.get_user(&id).await?,
        HolderRef::UserName(name) => {
            the_one_holding(&mut session, LookupKey::UserName(name)).await?
        }
    };
    let taken_by = holders(&mut session, &[LookupKey::UserName(to.clone())]).await?;
    let provider = session.provider.provider;
    let plan = plan::rename_user(
        &holder.user,
        holder.etag.as_deref(),
        &to,
        taken_by.iter().find(|u| u.id != holder.user.id),
        provider,
    )
    .map_err(refused)?;
    carry_out(plan, &mut session, settings, printer, write, None).await
}

#[derive(Serialize)]
struct Suggestions<'a> {
    version: u32,
    base: &'a str,
    free: &'a [String],
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
    let (local, domain) = match base.split_once('@') {
        Some((local, domain)) => (local.to_string(), format!("@{domain}")),
        None => (base.clone(), String::new()),
    };
    let mut free = Vec::new();
    let mut n = 2;
    // Ask in batches (one request each where `or` filters work) until enough are confirmed free.
    while free.len() < count as usize && n < 200 {
        let batch: Vec<String> = (n..n + 8)
            .flat_map(|i| {
                [
                    format!("{local}{i}{domain}"),
                    format!("{local}.{i}{domain}"),
                    format!("{local}-{i}{domain}"),
                ]
            })
            .collect();
        n += 8;
        let keys: Vec<LookupKey> = batch.iter().cloned().map(LookupKey::UserName).collect();
        let taken = holders(&mut session, &keys).await?;
        for name in batch {
            let key = LookupKey::UserName(name.clone());
            let clash = taken.iter().any(|u| holds(&key, u, provider))
                || free
                    .iter()
                    .any(|f: &String| provider.login_rule.key(f) == provider.login_rule.key(&name));
            if !clash && free.len() < count as usize {
                free.push(name);
            }
        }
    }
    match printer.format() {
        OutputFormat::Table => printer.data(&free.join("\n"))?,
        OutputFormat::Json => printer.json(&Suggestions {
            version: JSON_VERSION,
            base: &base,
            free: &free,
        })?,
        OutputFormat::Ndjson => {
            for name in &free {
                printer.ndjson_line(name)?;
            }
        }
    }
    printer.note(&format!(
        "each was looked up on the endpoint and nobody holds it ({} rules)",
        provider.name
    ));
    Ok(ExitStatus::Success)
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
    let holder = match from {
        Some(id) => session.client.get_user(&id).await?,
        None => the_one_holding(&mut session, LookupKey::Email(email.clone())).await?,
    };
    let date = crate::clock::today();
    let (local, domain) = email.rsplit_once('@').unwrap_or((&email, "invalid"));
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
    let taken = holders(&mut session, &keys).await?;
    let provider = session.provider.provider;
    let is_taken = |address: &str| {
        taken
            .iter()
            .any(|u| holds(&LookupKey::Email(address.to_string()), u, provider))
    };
    let plan = plan::release_email(
        &holder.user,
        holder.etag.as_deref(),
        &email,
        &replacement,
        is_taken,
    )
    .map_err(refused)?;
    carry_out(plan, &mut session, settings, printer, write, None).await
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
    let mut session = open(settings, printer).await?;
    let holder = session.client.get_user(&request.holder_id).await?;
    let taken_by = match &incoming.user_name {
        Some(name) => holders(&mut session, &[LookupKey::UserName(name.clone())]).await?,
        None => Vec::new(),
    };
    let provider = session.provider.provider;
    let third = taken_by.iter().find(|u| u.id != holder.user.id);
    let plan = plan::link(
        &holder.user,
        holder.etag.as_deref(),
        &incoming,
        third,
        provider,
    )
    .map_err(refused)?;
    carry_out(plan, &mut session, settings, printer, write, None).await
}

pub async fn provision(
    payload: Input,
    user_name: Option<String>,
    email: Option<String>,
    settings: &Settings,
    printer: &Printer,
    write: WriteOptions,
) -> Result<ExitStatus> {
    let user = read_user(&payload)?;
    let plan = plan::provision(user, user_name.as_deref(), email.as_deref()).map_err(refused)?;
    let mut session = open(settings, printer).await?;
    carry_out(plan, &mut session, settings, printer, write, None).await
}

/// An endpoint opened for writing: the provider's rules matter, so identify it.
async fn open(settings: &Settings, printer: &Printer) -> Result<Session> {
    let mut session = Session::open(settings, printer)?;
    session.discover_provider(settings).await;
    Ok(session)
}

/// Accounts holding any of `keys`, by the provider's comparison.
async fn holders(session: &mut Session, keys: &[LookupKey]) -> Result<Vec<User>> {
    let provider = session.provider.provider;
    let (users, trace) = find_holders_of_all(
        &session.client,
        &mut session.caps,
        provider,
        keys,
        false,
        |k, u| holds(k, u, provider),
    )
    .await?;
    session.remember();
    for note in trace.notes {
        tracing::info!("{note}");
    }
    Ok(users)
}

/// The single account holding `key`; refuses when none or several do.
async fn the_one_holding(session: &mut Session, key: LookupKey) -> Result<FetchedUser> {
    let found = holders(session, std::slice::from_ref(&key)).await?;
    match found.as_slice() {
        [one] => Ok(session.client.get_user(one.id()).await?),
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
            many.iter().map(|u| u.id()).collect::<Vec<_>>().join(", ")
        ))),
    }
}

fn read_user(input: &Input) -> Result<User> {
    let text = input.read("the payload")?;
    serde_json::from_str(&text).map_err(|e| {
        usage(format!(
            "the payload from {} is not a SCIM User (JSON object): {e}",
            input.describe()
        ))
    })
}
