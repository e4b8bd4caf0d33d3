//! `scimctl journal list | show N | undo N | settle N`.

use anyhow::Result;
use serde::Serialize;

use super::session::Session;
use super::write::{Carried, carry_out, failure, refused};
use crate::cli::OutputFormat;
use crate::conflict::engine::ScanBudget;
use crate::conflict::journal::{Contents, Damage, Entry, Journal, Status};
use crate::conflict::lookup::LookupKey;
use crate::conflict::plan::{Plan, Refusal, inverse, refuse_taken, undoable, values_given};
use crate::conflict::settle::{Settled, settle as settle_entry};
use crate::exit::{ExitStatus, Failed, usage};
use crate::output::escape::escape;
use crate::output::plan::host_and_path;
use crate::output::{self, JSON_VERSION, Printer};
use crate::scim::model::UserId;
use crate::settings::{Settings, WriteOptions};

#[derive(Serialize)]
struct JournalDocument<'a> {
    version: u32,
    path: String,
    entries: &'a [Entry],
    /// Lines that could not be read, and why; left out when there are none.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    damaged: &'a [Damage],
}

/// One entry under `-o json`: `journal show N`, and `journal settle N` once it is recorded.
#[derive(Serialize)]
struct EntryDocument<'a> {
    version: u32,
    entry: &'a Entry,
}

/// Reads the journal; damaged lines are skipped and named in a warning, never fatal.
fn read(journal: &Journal, printer: &Printer) -> Result<Contents> {
    let contents = journal.read().map_err(|e| {
        usage(format!(
            "cannot read the journal {}: {e}",
            journal.path().display()
        ))
    })?;
    if !contents.damaged.is_empty() {
        let lines: Vec<String> = contents.damaged.iter().map(Damage::to_string).collect();
        printer.warn(&format!(
            "the journal {} has {} damaged line(s), skipped: {}",
            journal.path().display(),
            lines.len(),
            lines.join("; ")
        ));
    }
    Ok(contents)
}

pub fn list(settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    list_latest(None, settings, printer)
}

/// `journal list [--limit N]`: the entries in order, only the `limit` most recent if given.
pub fn list_latest(
    limit: Option<u64>,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let journal = settings.journal()?;
    let Contents {
        mut entries,
        damaged,
        ..
    } = read(&journal, printer)?;
    if let Some(limit) = limit.and_then(|n| usize::try_from(n).ok()) {
        entries.drain(..entries.len().saturating_sub(limit));
    }
    match printer.format() {
        OutputFormat::Json => printer.json(&JournalDocument {
            version: JSON_VERSION,
            path: journal.path().display().to_string(),
            entries: &entries,
            damaged: &damaged,
        })?,
        OutputFormat::Ndjson => {
            for entry in &entries {
                printer.ndjson_line(entry)?;
            }
        }
        OutputFormat::Table if entries.is_empty() => printer.note(&format!(
            "the journal {} is empty",
            journal.path().display()
        )),
        OutputFormat::Table => {
            let rows: Vec<Vec<String>> = entries
                .iter()
                .map(|entry| {
                    let status = match entry.undone_by {
                        Some(by) => format!("{} (undone by {by})", entry.status),
                        None => entry.status.to_string(),
                    };
                    vec![
                        entry.intent.id.to_string(),
                        entry.intent.time.clone(),
                        entry.intent.plan.action.clone(),
                        status,
                        escape(&entry.intent.plan.summary).into_owned(),
                        escape(&host_and_path(&entry.intent.endpoint)).into_owned(),
                    ]
                })
                .collect();
            printer.table(
                &["id", "time", "action", "status", "what", "endpoint"],
                &rows,
                &[0, 1, 2, 3],
            )?;
        }
    }
    Ok(ExitStatus::Success)
}

/// `journal show N`: one entry, whole. Reads only the local journal.
pub fn show(id: u64, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let journal = settings.journal()?;
    let contents = read(&journal, printer)?;
    let entry = find(&contents, id)?;
    match printer.format() {
        OutputFormat::Table => printer.data(&output::journal::entry(
            entry,
            undoable(&entry.intent.plan).is_ok(),
            printer,
        ))?,
        OutputFormat::Json | OutputFormat::Ndjson => entry_document(entry, printer)?,
    }
    Ok(ExitStatus::Success)
}

/// `{"version": 1, "entry": {…}}`, whole under `-o json`, on one line under `-o ndjson`.
fn entry_document(entry: &Entry, printer: &Printer) -> Result<()> {
    let document = EntryDocument {
        version: JSON_VERSION,
        entry,
    };
    match printer.format() {
        OutputFormat::Ndjson => printer.ndjson_line(&document)?,
        _ => printer.json(&document)?,
    }
    Ok(())
}

pub async fn undo(
    id: u64,
    settings: &Settings,
    printer: &Printer,
    write: WriteOptions,
) -> Result<ExitStatus> {
    let journal = settings.journal()?;
    let contents = read(&journal, printer)?;
    let entry = find(&contents, id)?;
    if let Some(by) = entry.undone_by {
        return Err(Failed(
            ExitStatus::Refused,
            format!("journal entry {id} was already undone by entry {by}"),
        )
        .into());
    }
    if entry.status != Status::Applied {
        let settle = if entry.status == Status::InDoubt {
            format!(" (scimctl journal settle {id} reads the account back to settle it first)")
        } else {
            String::new()
        };
        return Err(Failed(
            ExitStatus::Refused,
            format!("journal entry {id} is {}: only an applied change can be undone automatically; compare its before-values (scimctl journal show {id}) with the account{settle}", entry.status),
        )
        .into());
    }
    undoable(&entry.intent.plan).map_err(refused)?;
    let mut session = session_for(entry, settings, printer)?;
    session.discover_provider(settings).await;
    let plan = inverse_plan(&mut session, entry).await?;
    // The same pre-checks the forward command makes: a value put back must still be free.
    let given = values_given(&plan);
    if !given.is_empty() {
        let keys: Vec<LookupKey> = given.into_iter().map(|(_, key)| key).collect();
        let holders = super::fix::holders(&mut session, &keys).await?;
        refuse_taken(&plan, &holders, session.provider.provider)
            .map_err(|refusal| cannot_undo(id, refusal))?;
    }
    let carried = carry_out(plan, &mut session, settings, printer, write, Some(id)).await?;
    if let Carried::Applied(undo) = &carried {
        printer.note(&format!(
            "what entry {id} changed and its undo put back: scimctl journal show {id}; scimctl journal show {undo}"
        ));
    }
    Ok(carried.status())
}

/// The inverse of `entry`'s plan, each step guarded by the version of its account read now
/// where the server's ETags are trusted (apply re-reads again right before writing).
async fn inverse_plan(session: &mut Session, entry: &Entry) -> Result<Plan> {
    let ids = entry
        .completion
        .as_ref()
        .map(|c| c.ids.clone())
        .unwrap_or_default();
    let unguarded = inverse(&entry.intent.plan, &ids, |_| None).map_err(refused)?;
    let mut versions: Vec<(UserId, String)> = Vec::new();
    if session.caps.trusts_etags() {
        for id in unguarded.steps.iter().filter_map(|s| s.target()) {
            let fetched = session.client.get_user(id).await?;
            if let Some(etag) = fetched.etag {
                versions.push((id.clone(), etag));
            }
        }
    }
    inverse(&entry.intent.plan, &ids, |id| {
        versions
            .iter()
            .find(|(of, _)| of == id)
            .map(|(_, etag)| etag.clone())
    })
    .map_err(refused)
}

/// An undo refused because a value it would put back is taken: exit 1, as for the command.
fn cannot_undo(id: u64, refusal: Refusal) -> anyhow::Error {
    match refusal {
        Refusal::Taken { .. } => Failed(
            ExitStatus::ConflictFound,
            format!("journal entry {id} cannot be undone: {refusal}; nothing was changed"),
        )
        .into(),
        other => refused(other),
    }
}

/// `journal settle N`: reads back what an entry in doubt touched and records its outcome.
pub async fn settle(id: u64, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let journal = settings.journal()?;
    let contents = read(&journal, printer)?;
    let entry = find(&contents, id)?;
    if entry.status != Status::InDoubt {
        return Err(usage(format!(
            "journal entry {id} is {}, not in doubt: there is nothing to settle",
            entry.status
        )));
    }
    let mut session = session_for(entry, settings, printer)?;
    let settled = settle_entry(
        &session.client,
        &mut session.caps,
        session.provider.provider,
        ScanBudget(session.max_scan),
        &journal,
        entry,
    )
    .await;
    session.remember();
    match settled.map_err(failure)? {
        Settled::InDoubt(reason) => Err(Failed(
            ExitStatus::PartiallyApplied,
            format!("journal entry {id} stays in doubt: {reason}; compare the account with its before-values (scimctl journal show {id})"),
        )
        .into()),
        Settled::Recorded { .. } => {
            // Read again for the entry as recorded (its damage was already reported).
            let contents = journal.read()?;
            let entry = find(&contents, id)?;
            match printer.format() {
                OutputFormat::Table => {
                    let reason = entry
                        .completion
                        .as_ref()
                        .and_then(|c| c.reason.as_deref())
                        .unwrap_or_default();
                    let undo = if entry.status == Status::Applied
                        && undoable(&entry.intent.plan).is_ok()
                    {
                        format!(" (undo: scimctl journal undo {id})")
                    } else {
                        String::new()
                    };
                    printer.data(&format!(
                        "journal entry {id} is now {}: {reason}{undo}",
                        entry.status
                    ))?;
                }
                OutputFormat::Json | OutputFormat::Ndjson => entry_document(entry, printer)?,
            }
            Ok(ExitStatus::Success)
        }
    }
}

fn find(contents: &Contents, id: u64) -> Result<&Entry> {
    contents.entry(id).ok_or_else(|| {
        usage(format!(
            "there is no journal entry {id} (see scimctl journal list)"
        ))
    })
}

/// A session on the endpoint `entry` changed; any other is a usage error.
fn session_for(entry: &Entry, settings: &Settings, printer: &Printer) -> Result<Session> {
    let session = Session::open(settings, printer)?;
    if session.client.base_url().as_str() != entry.intent.endpoint {
        return Err(usage(format!(
            "journal entry {} changed {}, not {}; point --url at it",
            entry.intent.id,
            entry.intent.endpoint,
            session.client.base_url()
        )));
    }
    Ok(session)
}
