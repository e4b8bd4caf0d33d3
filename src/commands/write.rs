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
use crate::output::plan::{AppliedSummary, Destination, PlanDocument, render};
use crate::output::prompt::confirm;
use crate::output::wrap::unbroken;
use crate::settings::{Settings, WriteOptions};

/// What became of a plan that was shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carried {
    DryRun,
    Declined,
    /// Applied and verified; the journal entry's id.
    Applied(u64),
}

impl Carried {
    /// The command's exit status: a plan declined at the prompt is cancelled, not done.
    pub fn status(self) -> ExitStatus {
        match self {
            Carried::Declined => ExitStatus::Cancelled,
            Carried::DryRun | Carried::Applied(_) => ExitStatus::Success,
        }
    }
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
    let endpoint = Destination::new(
        session.client.base_url(),
        settings.connection.url.as_ref().map(|u| &u.source),
    );
    // -q leaves out the plan unless it is the answer (--dry-run); a prompt still shows it.
    let shown = (printer.format() == OutputFormat::Table && !printer.quiet()) || write.dry_run;
    if shown {
        show(&plan, &endpoint, printer, write.dry_run)?;
    }
    if write.dry_run {
        printer.note("dry run: nothing was written");
        return Ok(Carried::DryRun);
    }
    if !write.yes {
        if let Some(off) = settings.connection.no_input {
            return Err(usage(format!(
                "confirmation needed, but input was turned off by {off}; pass --yes to apply (nothing was written)"
            )));
        }
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            return Err(usage(
                "confirmation needed but there is no terminal; pass --yes to apply (nothing was written)",
            ));
        }
        // Nothing is applied unseen: when the plan was not shown above, it is shown here.
        if !shown {
            printer.before_prompt(&render(&plan, &endpoint, printer));
        }
        if confirm("Apply this plan?")? != Some(true) {
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
                Ok(()) => printer.outcome(&format!(
                    "done: the change was verified by reading the account back; journal entry {id} (undo: {})",
                    unbroken(&format!("scimctl journal undo {id}"))
                ))?,
                Err(_) => {
                    printer.outcome(&format!(
                        "done: the change was verified by reading the account back; journal entry {id}"
                    ))?;
                    printer.note(NO_UNDO_OF_A_CREATE);
                }
            }
        }
        OutputFormat::Json | OutputFormat::Ndjson => {
            let document = PlanDocument::new(
                &plan,
                &endpoint,
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

fn show(plan: &Plan, endpoint: &Destination, printer: &Printer, dry_run: bool) -> Result<()> {
    let document = || PlanDocument::new(plan, endpoint, dry_run, None);
    match printer.format() {
        OutputFormat::Table => printer.data(&render(plan, endpoint, printer))?,
        OutputFormat::Json => printer.json(&document())?,
        OutputFormat::Ndjson => printer.ndjson_line(&document())?,
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
