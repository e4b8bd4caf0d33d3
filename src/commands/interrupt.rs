//! Ctrl-C. Before any write, the command stops at once: exit 130, nothing written. During a
//! write (its intent journaled), the request in flight is not abandoned: it may finish for up
//! to [`WRITE_GRACE`] (a second Ctrl-C stops waiting) and record its outcome, and no further
//! write starts. The exit code then says what the journal knows: 130 when the outcome was
//! recorded as applied or not made, 6 naming the entry when it is in doubt or applied in part.

use std::time::Duration;

use anyhow::Result;

use crate::conflict::in_flight::{self, InFlight};
use crate::conflict::journal::{Journal, Status};
use crate::conflict::plan::undoable;
use crate::exit::{ExitStatus, Failed};
use crate::output::Printer;
use crate::settings::{Settings, Task};

/// How long a write in flight may take to finish after Ctrl-C.
pub const WRITE_GRACE: Duration = Duration::from_secs(5);

pub async fn run_until_interrupted(
    task: Task,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let command = super::run(task, settings, printer);
    tokio::pin!(command);
    tokio::select! {
        result = &mut command => return result,
        _ = tokio::signal::ctrl_c() => {}
    }
    let Some(writing) = in_flight::current() else {
        return Err(Failed(ExitStatus::Interrupted, "interrupted".into()).into());
    };
    in_flight::interrupt();
    printer.note(&format!(
        "interrupted: letting the write of journal entry {} finish and be recorded (up to {} s; Ctrl-C again to stop waiting)",
        writing.id,
        WRITE_GRACE.as_secs()
    ));
    let finished = tokio::select! {
        biased;
        result = &mut command => Some(result),
        () = in_flight::finished() => None,
        () = tokio::time::sleep(WRITE_GRACE) => None,
        _ = tokio::signal::ctrl_c() => None,
    };
    let cause = match finished {
        Some(Err(e)) => Some(format!("{e:#}")),
        _ => None,
    };
    Err(recorded(&writing, cause).into())
}

/// The exit for an interrupted write, from what its journal entry says now.
fn recorded(writing: &InFlight, cause: Option<String>) -> Failed {
    let id = writing.id;
    let entry = Journal::at(writing.journal.clone())
        .read()
        .ok()
        .and_then(|contents| {
            contents
                .entry(id)
                .map(|e| (e.status, undoable(&e.intent.plan).is_ok()))
        });
    let status = entry.map(|(status, _)| status);
    let undo = match entry {
        Some((_, true)) => format!(" (undo: scimctl journal undo {id})"),
        _ => String::new(),
    };
    match status {
        Some(Status::Applied) => Failed(
            ExitStatus::Interrupted,
            format!(
                "interrupted; the write in flight finished first and journal entry {id} records it as applied{undo}"
            ),
        ),
        Some(Status::Failed) => Failed(
            ExitStatus::Interrupted,
            format!(
                "interrupted; the write in flight was not made (journal entry {id}: failed), nothing was changed"
            ),
        ),
        Some(Status::Partial) => Failed(
            ExitStatus::PartiallyApplied,
            format!(
                "interrupted; journal entry {id} was applied only in part and records what ran (scimctl journal list)"
            ),
        ),
        Some(Status::InDoubt) | None => Failed(
            ExitStatus::PartiallyApplied,
            match cause {
                Some(cause) => format!("interrupted during a write: {cause}"),
                None => format!(
                    "interrupted during a write: whether the change of journal entry {id} was made is unknown, so it is left in doubt — once the server answers, scimctl journal settle {id} reads the account back and records what happened"
                ),
            },
        ),
    }
}
