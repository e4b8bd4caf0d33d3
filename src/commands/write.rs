//! What every command that writes has in common: show the plan, stop there on --dry-run, get
//! a confirmation (a prompt, or --yes; never silently without a terminal), apply it safely,
//! and report the outcome with the exit code docs/architecture.md gives it.

use std::io::IsTerminal;

use anyhow::Result;

use super::session::Session;
use crate::cli::OutputFormat;
use crate::conflict::apply::{ApplyError, apply};
use crate::conflict::engine::ScanBudget;
use crate::conflict::plan::{Plan, Refusal, undoable};
use crate::exit::{ExitStatus, Failed, usage};
use crate::output::Printer;
use crate::output::plan::{AppliedSummary, PlanDocument, render};
use crate::output::prompt::confirm;
use crate::settings::{Settings, WriteOptions};

/// What became of a plan that was shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carried {
    DryRun,
    Declined,
    /// Applied and verified; the journal entry's id.
    Applied(u64),
}

/// Shows `plan`, and applies it if confirmed; `undoes` names the journal entry it reverses.
pub async fn carry_out(
    plan: Plan,
    session: &mut Session,
    settings: &Settings,
    printer: &Printer,
    write: WriteOptions,
    undoes: Option<u64>,
) -> Result<Carried> {
    if printer.format() == OutputFormat::Table || write.dry_run {
        show(&plan, printer, write.dry_run)?;
    }
    if write.dry_run {
        printer.note("dry run: nothing was written");
        return Ok(Carried::DryRun);
    }
    if !write.yes {
        let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        if settings.connection.no_input || !terminal {
            return Err(usage(
                "confirmation needed but there is no terminal; pass --yes to apply (nothing was written)",
            ));
        }
        // Nothing is applied unseen: with -o json the plan was not shown, so the prompt shows it.
        let question = match printer.format() {
            OutputFormat::Table => "Apply this plan?".to_string(),
            OutputFormat::Json | OutputFormat::Ndjson => {
                format!("{}\nApply this plan?", render(&plan, printer))
            }
        };
        if confirm(&question)? != Some(true) {
            printer.note("nothing was changed");
            return Ok(Carried::Declined);
        }
    }
    let journal = settings.journal()?;
    let applied = apply(
        &session.client,
        &mut session.caps,
        session.provider.provider,
        ScanBudget(session.max_scan),
        &journal,
        &plan,
        undoes,
    )
    .await;
    session.remember();
    let applied = applied.map_err(failure)?;
    match printer.format() {
        OutputFormat::Table => {
            let id = applied.journal_id;
            match undoable(&plan) {
                Ok(()) => printer.data(&format!(
                    "done: the change was verified by reading the account back; journal entry {id} (undo: scimctl journal undo {id})"
                ))?,
                Err(_) => {
                    printer.data(&format!(
                        "done: the change was verified by reading the account back; journal entry {id}"
                    ))?;
                    printer.note(NO_UNDO_OF_A_CREATE);
                }
            }
        }
        OutputFormat::Json | OutputFormat::Ndjson => {
            let document = PlanDocument::new(
                &plan,
                false,
                Some(AppliedSummary {
                    journal_id: applied.journal_id,
                    verified: true,
                    results: &applied.results,
                }),
            );
            if printer.format() == OutputFormat::Json {
                printer.json(&document)?;
            } else {
                printer.ndjson_line(&document)?;
            }
        }
    }
    Ok(Carried::Applied(applied.journal_id))
}

/// Why no undo is offered after a create: undoing it would mean deleting the account.
const NO_UNDO_OF_A_CREATE: &str = "scimctl does not undo a create: that would mean deleting the account, and a DELETE cannot itself be undone (some servers even keep a deleted account's email reserved); delete it deliberately if it must go";

fn show(plan: &Plan, printer: &Printer, dry_run: bool) -> Result<()> {
    match printer.format() {
        OutputFormat::Table => printer.data(&render(plan, printer))?,
        OutputFormat::Json => printer.json(&PlanDocument::new(plan, dry_run, None))?,
        OutputFormat::Ndjson => printer.ndjson_line(&PlanDocument::new(plan, dry_run, None))?,
    }
    Ok(())
}

/// A plan that cannot be made, as the error and exit code it deserves.
pub fn refused(refusal: Refusal) -> anyhow::Error {
    match refusal {
        Refusal::Taken { .. } => Failed(ExitStatus::ConflictFound, refusal.to_string()).into(),
        Refusal::NotPossible(_) => Failed(ExitStatus::Refused, refusal.to_string()).into(),
        Refusal::Invalid(_) => usage(refusal.to_string()),
    }
}

pub(super) fn failure(error: ApplyError) -> anyhow::Error {
    let error = match error {
        ApplyError::Server(e) => return e.into(),
        other => other,
    };
    let status = match &error {
        ApplyError::Moved(_) => ExitStatus::Refused,
        ApplyError::Taken(_) => ExitStatus::ConflictFound,
        ApplyError::Partial { .. } => ExitStatus::PartiallyApplied,
        ApplyError::NotVerified { .. } | ApplyError::NoOp { .. } => ExitStatus::PartiallyApplied,
        // Something may have been written: never the "nothing happened" codes.
        ApplyError::InDoubt { .. } | ApplyError::JournalOutcome { .. } => {
            ExitStatus::PartiallyApplied
        }
        ApplyError::Journal { .. } | ApplyError::Server(_) => ExitStatus::Usage,
    };
    Failed(status, error.to_string()).into()
}
