//! One journal entry as `scimctl journal show N` prints it for a person.

use super::plan::{Destination, render, show};
use super::{Printer, Tone};
use crate::conflict::journal::{Entry, Status, Values};

/// The entry's status, where and when it ran, its plan (each change before → after), the
/// values it found before writing and read back after, and what to do next.
pub fn entry(entry: &Entry, undo_possible: bool, printer: &Printer) -> String {
    let id = entry.intent.id;
    let mut status = entry.status.to_string();
    if let Some(by) = entry.undone_by {
        status.push_str(&format!(" (undone by entry {by})"));
    }
    let mut lines = vec![
        format!(
            "{} {status}",
            printer.paint(Tone::Bold, &format!("Journal entry {id}:"))
        ),
        format!("  action:    {}", entry.intent.plan.action),
        format!("  endpoint:  {}", entry.intent.endpoint),
        format!("  started:   {}", entry.intent.time),
    ];
    if let Some(undone) = entry.intent.undoes {
        lines.push(format!("  undoes:    entry {undone}"));
    }
    match &entry.completion {
        Some(done) => {
            let steps = entry.intent.plan.steps.len();
            lines.push(format!(
                "  finished:  {} ({} of {steps} step{} done)",
                done.time,
                done.steps_done,
                if steps == 1 { "" } else { "s" }
            ));
            if let Some(reason) = &done.reason {
                lines.push(format!("  reason:    {reason}"));
            }
        }
        None => lines.push("  finished:  never recorded (in doubt)".to_string()),
    }
    let endpoint = Destination {
        url: entry.intent.endpoint.clone(),
        source: None,
    };
    lines.push(render(&entry.intent.plan, &endpoint, printer));
    for (n, values) in entry.intent.before.iter().enumerate() {
        lines.push(values_line(&format!("before step {}", n + 1), values));
    }
    if let Some(done) = &entry.completion {
        for (n, values) in done.after.iter().enumerate() {
            lines.push(values_line(
                &format!("read back after step {}", n + 1),
                values,
            ));
        }
    }
    match entry.status {
        Status::InDoubt => lines.push(format!(
            "Settle it: scimctl journal settle {id} (reads the account back)"
        )),
        Status::Applied if undo_possible && entry.undone_by.is_none() => {
            lines.push(format!("Undo it: scimctl journal undo {id} --dry-run"));
        }
        _ => {}
    }
    lines.join("\n")
}

fn values_line(label: &str, values: &Values) -> String {
    let shown: Vec<String> = values
        .iter()
        .map(|(attribute, value)| format!("{attribute} {}", show(Some(value))))
        .collect();
    let shown = if shown.is_empty() {
        "(nothing)".to_string()
    } else {
        shown.join(", ")
    };
    format!("  {label}: {shown}")
}
