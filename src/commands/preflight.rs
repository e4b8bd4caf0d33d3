//! `scimctl preflight`: read the users an identity provider will send (no network), look all
//! their values up in one pass of the lookup engine, and predict every create. Exit 1 when
//! any create is predicted to fail.

use std::collections::HashSet;

use anyhow::Result;

use super::diagnose::lookup_keys;
use super::session::Session;
use crate::cli::OutputFormat;
use crate::conflict::engine::{Comparison, Found};
use crate::conflict::lookup::LookupKey;
use crate::exit::{ExitStatus, usage};
use crate::output::Printer;
use crate::output::preflight::PreflightReport;
use crate::output::triage::{BatchPlan, Lookup};
use crate::preflight::{Mapping, predict, read_candidates};
use crate::scim::capabilities::write_atomically;
use crate::settings::{PreflightOptions, Settings};

pub async fn run(
    opts: PreflightOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let (incoming, mapping, skipped) = read_candidates(&opts.candidates, opts.mapping, &opts.map)?;
    let mut session = Session::open(settings, printer)?;
    session.discover_provider(settings).await;
    let provider = session.provider.provider;
    let before = session.client.requests_sent();
    let mut keys: Vec<LookupKey> = Vec::new();
    let mut seen = HashSet::new();
    for item in &incoming {
        for key in lookup_keys(&item.candidate) {
            if seen.insert(key.clone()) {
                keys.push(key);
            }
        }
    }
    printer.note(&format!(
        "looking up {} values of {} incoming users ({} mapping)",
        keys.len(),
        incoming.len(),
        mapping_label(mapping)
    ));
    let Found { holders, trace } = if keys.is_empty() {
        Found::default()
    } else {
        let searched = session
            .engine()
            .find(&keys, Comparison::Collision, false)
            .await;
        session.remember();
        searched?
    };
    for note in &trace.notes {
        printer.note(note);
    }
    let lookup = Lookup::of(&trace, keys.len(), session.client.requests_sent() - before);
    let predictions = predict(incoming, &holders, provider, &crate::clock::today());
    let report = PreflightReport::new(
        &predictions,
        mapping,
        skipped,
        &lookup,
        provider,
        session.client.base_url().to_string(),
    );
    if let Some(path) = &opts.plan {
        let plan = BatchPlan::of(
            predictions
                .iter()
                .map(|p| (&p.incoming.candidate, p.choices.as_slice())),
            session.client.base_url().to_string(),
            provider.id,
            "preflight",
        );
        let mut bytes = serde_json::to_vec_pretty(&plan)?;
        bytes.push(b'\n');
        write_atomically(path, &bytes)
            .map_err(|e| usage(format!("cannot write the plan to {}: {e}", path.display())))?;
        printer.note(&format!(
            "wrote {} fixes to {}",
            plan.items.len(),
            path.display()
        ));
    }
    match printer.format() {
        OutputFormat::Table => printer.data(&report.render_text(printer))?,
        OutputFormat::Json => printer.json(&report)?,
        OutputFormat::Ndjson => printer.ndjson_line(&report)?,
    }
    Ok(if predictions.iter().any(|p| p.refused) {
        ExitStatus::ConflictFound
    } else {
        ExitStatus::Success
    })
}

pub(crate) fn mapping_label(mapping: Mapping) -> &'static str {
    match mapping {
        Mapping::Entra => "Entra ID",
        Mapping::Okta => "Okta",
        Mapping::Scim => "SCIM",
    }
}
