//! What `triage` and `preflight` share: one lookup of every candidate's values, and the batch
//! plan they write.

use std::path::Path;

use anyhow::Result;

use super::session::Session;
use crate::conflict::engine::{Comparison, Found};
use crate::conflict::lookup::LookupKey;
use crate::exit::usage;
use crate::output::Printer;
use crate::output::triage::{BatchPlan, Lookup};
use crate::scim::capabilities::write_atomically;
use crate::scim::model::User;

/// Every account holding one of `keys`, found in one pass of the engine, and what it cost.
pub async fn look_up_all(
    session: &mut Session,
    keys: &[LookupKey],
    printer: &Printer,
) -> Result<(Vec<User>, Lookup)> {
    let before = session.client.requests_sent();
    let Found { holders, trace } = if keys.is_empty() {
        Found::default()
    } else {
        let searched = session
            .engine()
            .find(keys, Comparison::Collision, false)
            .await;
        session.remember();
        searched?
    };
    for note in &trace.notes {
        printer.note(note);
    }
    let lookup = Lookup::of(&trace, keys.len(), session.client.requests_sent() - before);
    Ok((holders, lookup))
}

/// Writes the batch plan to `path` (whole, or not at all) and says so.
pub fn write_plan(path: &Path, plan: &BatchPlan, printer: &Printer) -> Result<()> {
    let mut bytes = serde_json::to_vec_pretty(plan)?;
    bytes.push(b'\n');
    write_atomically(path, &bytes)
        .map_err(|e| usage(format!("cannot write the plan to {}: {e}", path.display())))?;
    printer.note(&format!(
        "wrote {} to {}",
        super::triage::plural(plan.items.len(), "fix", "fixes"),
        path.display()
    ));
    Ok(())
}
