//! The `preflight` report: version 1 JSON `{"version":1,"candidates":N,"summary":{…},
//! "items":[…]}` with each item in the diagnose report's own field names, and for people a
//! summary by outcome, then every create predicted to fail with its fix.

use std::collections::BTreeMap;

use serde::Serialize;

use super::diagnose::{OptionView, ProviderSummary, describe_candidate};
use super::escape::escape;
use super::triage::Lookup;
use super::{JSON_VERSION, Printer, Tone};
use crate::conflict::candidate::Candidate;
use crate::conflict::diagnose::Finding;
use crate::preflight::{Mapping, Outcome, Prediction};
use crate::provider::Provider;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PreflightReport<'a> {
    pub version: u32,
    pub candidates: usize,
    /// Records that named no userName, email or externalId.
    pub skipped: u64,
    pub mapping: Mapping,
    pub summary: BTreeMap<Outcome, usize>,
    pub items: Vec<ItemView<'a>>,
    pub lookup: &'a Lookup,
    pub provider: ProviderSummary,
    pub endpoint: String,
    pub visibility: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemView<'a> {
    pub row: u64,
    pub candidate: &'a Candidate,
    pub outcome: Outcome,
    /// Whether the create is predicted to be refused.
    pub refused: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collides_with: Option<u64>,
    pub findings: &'a [Finding],
    pub options: Vec<OptionView<'a>>,
}

impl<'a> PreflightReport<'a> {
    pub fn new(
        predictions: &'a [Prediction],
        mapping: Mapping,
        skipped: u64,
        lookup: &'a Lookup,
        provider: &'static Provider,
        endpoint: String,
    ) -> PreflightReport<'a> {
        let mut summary = BTreeMap::new();
        for p in predictions {
            *summary.entry(p.outcome).or_insert(0) += 1;
        }
        PreflightReport {
            version: JSON_VERSION,
            candidates: predictions.len(),
            skipped,
            mapping,
            summary,
            items: predictions
                .iter()
                .map(|p| ItemView {
                    row: p.incoming.row,
                    candidate: &p.incoming.candidate,
                    outcome: p.outcome,
                    refused: p.refused,
                    collides_with: p.collides_with,
                    findings: &p.diagnosis.findings,
                    options: p.choices.iter().map(OptionView::of).collect(),
                })
                .collect(),
            lookup,
            provider: ProviderSummary {
                id: provider.id,
                name: provider.name,
            },
            endpoint,
            visibility: if provider.unseen_holders.is_some() {
                "partial"
            } else {
                "complete"
            },
        }
    }

    pub fn render_text(&self, printer: &Printer) -> String {
        let mut out = vec![format!(
            "{} incoming users checked against {} ({} rules) with {} requests.",
            self.candidates, self.endpoint, self.provider.name, self.lookup.requests
        )];
        if self.skipped > 0 {
            out.push(format!(
                "{} records named no userName, email or externalId and were skipped.",
                self.skipped
            ));
        }
        out.push(String::new());
        for (outcome, count) in &self.summary {
            let tone = match outcome {
                Outcome::Create => Tone::Good,
                Outcome::SamePerson => Tone::Dim,
                _ => Tone::Bad,
            };
            out.push(format!(
                "{count:>6}  {}",
                printer.paint(tone, outcome.label())
            ));
        }
        for item in self.items.iter().filter(|i| i.outcome != Outcome::Create) {
            out.push(String::new());
            let with = item
                .collides_with
                .map(|row| format!(" (row {row} takes it first)"))
                .unwrap_or_default();
            out.push(format!(
                "row {}: {} — {}{with}",
                item.row,
                escape(&describe_candidate(item.candidate)),
                item.outcome.label()
            ));
            for finding in item.findings {
                out.push(format!(
                    "  {}",
                    escape(&printer.server_text(&finding.explanation))
                ));
            }
            if let Some(command) = item
                .options
                .iter()
                .find(|o| o.recommended)
                .and_then(|o| o.command.as_deref())
            {
                out.push(format!("    {command}"));
            }
        }
        if self.visibility == "partial" {
            out.push(String::new());
            out.push("Some accounts can hold values where this token cannot see them, so a predicted create may still be refused.".into());
        }
        out.join("\n")
    }
}
