//! `scimctl journal list | undo N`.

use anyhow::Result;
use comfy_table::{Table, presets};
use serde::Serialize;

use super::session::Session;
use super::write::{carry_out, refused};
use crate::cli::OutputFormat;
use crate::conflict::journal::{Entry, Journal};
use crate::conflict::plan::inverse;
use crate::exit::{ExitStatus, Failed, usage};
use crate::output::{JSON_VERSION, Printer};
use crate::settings::{Settings, WriteOptions};

#[derive(Serialize)]
struct JournalDocument<'a> {
    version: u32,
    path: String,
    entries: &'a [Entry],
}

fn read(journal: &Journal) -> Result<Vec<Entry>> {
    journal.entries().map_err(|e| {
        usage(format!(
            "cannot read the journal {}: {e}",
            journal.path().display()
        ))
    })
}

pub fn list(settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let journal = settings.journal()?;
    let entries = read(&journal)?;
    match printer.format() {
        OutputFormat::Json => printer.json(&JournalDocument {
            version: JSON_VERSION,
            path: journal.path().display().to_string(),
            entries: &entries,
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
            let mut table = Table::new();
            table
                .load_style(presets::UTF8_HORIZONTAL_ONLY)
                .set_header(["id", "time", "action", "status", "what", "endpoint"]);
            for entry in &entries {
                let status = match entry.undone_by {
                    Some(by) => format!("{} (undone by {by})", entry.status),
                    None => entry.status.to_string(),
                };
                table.add_row([
                    entry.intent.id.to_string(),
                    entry.intent.time.clone(),
                    entry.intent.plan.action.clone(),
                    status,
                    entry.intent.plan.summary.clone(),
                    entry.intent.endpoint.clone(),
                ]);
            }
            printer.data(&table.to_string())?;
        }
    }
    Ok(ExitStatus::Success)
}

pub async fn undo(
    id: u64,
    settings: &Settings,
    printer: &Printer,
    write: WriteOptions,
) -> Result<ExitStatus> {
    let journal = settings.journal()?;
    let entries = read(&journal)?;
    let entry = entries.iter().find(|e| e.intent.id == id).ok_or_else(|| {
        usage(format!(
            "there is no journal entry {id} (see scimctl journal list)"
        ))
    })?;
    if let Some(by) = entry.undone_by {
        return Err(Failed(
            ExitStatus::Refused,
            format!("journal entry {id} was already undone by entry {by}"),
        )
        .into());
    }
    if entry.status != "applied" {
        return Err(Failed(
            ExitStatus::Refused,
            format!("journal entry {id} is {}: only an applied change can be undone automatically; compare its before-values (scimctl journal list -o json) with the account", entry.status),
        )
        .into());
    }
    let mut session = Session::open(settings, printer)?;
    if session.client.base_url().as_str() != entry.intent.endpoint {
        return Err(usage(format!(
            "journal entry {id} changed {}, not {}; point --url at it",
            entry.intent.endpoint,
            session.client.base_url()
        )));
    }
    let ids = entry
        .completion
        .as_ref()
        .map(|c| c.ids.clone())
        .unwrap_or_default();
    let plan = inverse(&entry.intent.plan, &ids).map_err(refused)?;
    carry_out(plan, &mut session, settings, printer, write, Some(id))
        .await
        .map(|_| ExitStatus::Success)
}
