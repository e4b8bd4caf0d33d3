//! `scimctl audit`: read every account once and report those that collide with each other
//! under the provider's rules. Exit 1 when any cluster is found.

use anyhow::Result;

use super::session::Session;
use crate::audit::Auditor;
use crate::cli::OutputFormat;
use crate::exit::{ExitStatus, Failed};
use crate::output::Printer;
use crate::output::audit::AuditReport;
use crate::scim::error::ScimError;
use crate::scim::query::{UserQuery, walk_users};
use crate::settings::Settings;

pub async fn run(settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let mut session = Session::open(settings, printer)?;
    session.discover_provider(settings).await;
    let provider = session.provider.provider;
    printer.note("reading every user to compare them with each other");
    let mut auditor = Auditor::default();
    let walked = walk_users(
        &session.client,
        &mut session.caps,
        &UserQuery::default(),
        |user| {
            auditor.add(&user);
            Ok::<_, ScimError>(true)
        },
    )
    .await;
    session.remember();
    let stats = walked?;
    for note in &stats.notes {
        printer.note(note);
    }
    let audit = auditor.finish(provider);
    // A directory read only in part cannot be called clean.
    let short = stats.total_results.filter(|total| audit.users < *total);
    if stats.stopped_short || short.is_some() {
        return Err(Failed(
            ExitStatus::Unavailable,
            format!(
                "the directory could not be read whole ({} of {} users{}), so the audit would miss collisions with the rest",
                audit.users,
                short.map_or("?".to_string(), |t| t.to_string()),
                stats.notes.last().map(|n| format!(": {n}")).unwrap_or_default()
            ),
        )
        .into());
    }
    let report = AuditReport::new(&audit, provider, session.client.base_url().to_string());
    match printer.format() {
        OutputFormat::Table => printer.data(&report.render_text(printer))?,
        OutputFormat::Json => printer.json(&report)?,
        OutputFormat::Ndjson => printer.ndjson_line(&report)?,
    }
    Ok(if audit.clusters.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::ConflictFound
    })
}
