//! `scimctl preflight`: read the users an identity provider will send (no network), look all
//! their values up in one pass of the lookup engine, and predict every create. Exit 1 when
//! any create is predicted to fail.

use anyhow::Result;

use super::batch::{look_up_all, write_plan};
use super::session::Session;
use crate::cli::OutputFormat;
use crate::conflict::batch;
use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::output::preflight::PreflightReport;
use crate::output::triage::BatchPlan;
use crate::preflight::{Mapping, predict, read_candidates};
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
    let keys = batch::lookup_keys(incoming.iter().map(|i| &i.candidate));
    printer.note(&format!(
        "looking up {} values of {} incoming users ({} mapping)",
        keys.len(),
        incoming.len(),
        mapping_label(mapping)
    ));
    let (holders, lookup) = look_up_all(&mut session, &keys, printer).await?;
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
        write_plan(path, &plan, printer)?;
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
