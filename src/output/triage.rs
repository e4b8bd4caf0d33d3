//! The `triage` report: version 1 JSON for scripts (each item in the diagnose report's own
//! field names), and for people a table of causes, the users under each, and what could not
//! be decided. Also the batch plan `--plan` writes.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::command::command_line;
use super::diagnose::{ErrorSummary, OptionView, ProviderSummary, describe_candidate};
use super::escape::escape;
use super::{JSON_VERSION, Printer, Tone};
use crate::commands::triage::{Diagnosed, Triage, plural};
use crate::conflict::candidate::Candidate;
use crate::conflict::diagnose::Finding;
use crate::conflict::engine::SearchTrace;
use crate::conflict::normalize::Warning;
use crate::conflict::options::{Action, Choice};
use crate::conflict::plan::Plan;
use crate::triage::{Cause, Group, InputSummary, Kind, SourceRef};

/// How the candidates' values were looked up, and what it cost.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lookup {
    /// HTTP requests sent for the lookup (verification, filters, pages; retries included).
    pub requests: u64,
    /// `filters` (one or `or` filters per value) or `scan` (one read of the directory).
    pub method: &'static str,
    pub values: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scanned: Option<u64>,
    pub filters: usize,
}

impl Lookup {
    pub fn of(trace: &SearchTrace, values: usize, requests: u64) -> Lookup {
        Lookup {
            requests,
            method: if trace.scanned.is_some() {
                "scan"
            } else {
                "filters"
            },
            values,
            scanned: trace.scanned,
            filters: trace.filters.len(),
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TriageReport<'a> {
    pub version: u32,
    pub inputs: &'a [InputSummary],
    /// Failures left out by `--since`/`--until` (or without a time when those were given).
    #[serde(skip_serializing_if = "is_zero")]
    pub outside_window: u64,
    pub groups: Vec<GroupView<'a>>,
    pub items: Vec<ItemView<'a>>,
    pub undecided: Vec<Undecided>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lookup: Option<&'a Lookup>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visibility: Option<&'static str>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupView<'a> {
    pub cause: Cause,
    pub label: &'static str,
    pub action: &'static str,
    pub count: usize,
    pub candidates: Vec<&'a Candidate>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemView<'a> {
    pub candidate: &'a Candidate,
    /// The identity provider's own name for the user, looked up because no record said which
    /// values were sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stand_in: Option<&'a str>,
    pub occurrences: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<&'a str>,
    pub sources: Vec<SourceView<'a>>,
    pub verdict: &'static str,
    pub cause: Cause,
    pub findings: &'a [Finding],
    pub options: Vec<OptionView<'a>>,
    #[serde(skip_serializing_if = "<[Warning]>::is_empty")]
    pub warnings: &'a [Warning],
    pub error: ErrorSummary,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unexplained_conflict: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceView<'a> {
    pub path: &'a Path,
    #[serde(flatten)]
    pub at: &'a SourceRef,
}

/// Failures triage could not turn into a candidate.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Undecided {
    pub count: u64,
    pub why: &'static str,
    pub examples: Vec<UndecidedExample>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UndecidedExample {
    pub path: std::path::PathBuf,
    pub record: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl<'a> TriageReport<'a> {
    pub fn new(found: &'a Triage) -> TriageReport<'a> {
        let path = |input: usize| {
            found
                .inputs
                .get(input)
                .map(|i| i.path.as_path())
                .unwrap_or(Path::new("-"))
        };
        let items: Vec<ItemView> = found.diagnosed.iter().map(|d| item(d, &path)).collect();
        let mut by_cause: BTreeMap<Cause, Vec<&Candidate>> = BTreeMap::new();
        for d in &found.diagnosed {
            by_cause
                .entry(Cause::of(&d.diagnosis, &d.choices))
                .or_default()
                .push(&d.group.candidate);
        }
        for group in &found.groups.groups {
            if let Some(cause) = Cause::of_kind(group.kind) {
                by_cause.entry(cause).or_default().push(&group.candidate);
            }
        }
        let mut groups: Vec<GroupView> = by_cause
            .into_iter()
            .map(|(cause, candidates)| GroupView {
                cause,
                label: cause.label(),
                action: cause.action(),
                count: candidates.len(),
                candidates,
            })
            .collect();
        groups.sort_by_key(|g| (g.cause >= Cause::RateLimited, std::cmp::Reverse(g.count)));
        let mut undecided = Vec::new();
        if found.groups.nameless_count > 0 {
            undecided.push(Undecided {
                count: found.groups.nameless_count,
                why: "the record names no user and no value that was sent",
                examples: found
                    .groups
                    .nameless
                    .iter()
                    .map(|(kind, position, failure)| UndecidedExample {
                        path: path(position.input).to_path_buf(),
                        record: position.record,
                        line: position.line,
                        kind: kind_label(*kind),
                        detail: failure.detail.clone(),
                    })
                    .collect(),
            });
        }
        let session = found.session.as_ref();
        TriageReport {
            version: JSON_VERSION,
            inputs: &found.inputs,
            outside_window: found.outside_window,
            groups,
            items,
            undecided,
            lookup: found.lookup.as_ref(),
            provider: session.map(|s| ProviderSummary {
                id: s.provider.provider.id,
                name: s.provider.provider.name,
            }),
            endpoint: session.map(|s| s.client.base_url().to_string()),
            visibility: session.map(|s| {
                if s.provider.provider.unseen_holders.is_some() {
                    "partial"
                } else {
                    "complete"
                }
            }),
        }
    }

    pub fn render_text(&self, printer: &Printer) -> String {
        let mut out = Vec::new();
        for input in self.inputs {
            let mut line = format!(
                "Read {} ({}): {}, {}",
                input.path.display(),
                input.format.label(),
                plural(input.records as usize, "record", "records"),
                plural(input.failures as usize, "failure", "failures"),
            );
            if input.skipped.count > 0 {
                let first: Vec<String> = input
                    .skipped
                    .first
                    .iter()
                    .map(|s| match s.line {
                        Some(line) => format!("line {line}: {}", s.why),
                        None => format!("record {}: {}", s.record, s.why),
                    })
                    .collect();
                line.push_str(&format!(
                    "; {} skipped ({})",
                    input.skipped.count,
                    escape(&first.join("; "))
                ));
            }
            out.push(line);
        }
        if self.outside_window > 0 {
            out.push(format!(
                "{} left out by --since/--until.",
                plural(self.outside_window as usize, "failure was", "failures were")
            ));
        }
        if let (Some(lookup), Some(endpoint)) = (self.lookup, &self.endpoint) {
            out.push(format!(
                "Looked up {} at {endpoint} with {} ({}).",
                plural(lookup.values, "value", "values"),
                plural(lookup.requests as usize, "request", "requests"),
                match lookup.scanned {
                    Some(users) => format!("one read of all {users} users"),
                    None => format!("{} filters", lookup.filters),
                }
            ));
        }
        if self.groups.is_empty() {
            out.push(String::new());
            out.push(printer.paint(Tone::Good, "No provisioning failures in these records."));
            return out.join("\n");
        }
        out.push(String::new());
        let width = self.groups.iter().map(|g| g.label.len()).max().unwrap_or(0);
        out.push(format!(
            "{:>6}  {:<width$}  {}",
            "users", "cause", "what to do"
        ));
        for group in &self.groups {
            let tone = match group.cause {
                Cause::RateLimited | Cause::OtherFailure | Cause::FreeNow => Tone::Dim,
                _ => Tone::Bad,
            };
            out.push(format!(
                "{:>6}  {}  {}",
                group.count,
                printer.paint(tone, &format!("{:<width$}", group.label)),
                group.action
            ));
        }
        for group in &self.groups {
            out.push(String::new());
            out.push(format!(
                "{} ({}): {}",
                group.label, group.count, group.action
            ));
            match group.cause {
                Cause::RateLimited => out.push(
                    "  The service provider throttled these requests: they are not conflicts. Let the identity provider retry after the limit resets (Entra waits for Retry-After; in Okta, Dashboard > Tasks > Retry Selected).".into(),
                ),
                Cause::OtherFailure => out.push(
                    "  Not a uniqueness conflict, so not diagnosed here: read each message below.".into(),
                ),
                _ => {}
            }
            let items = self.items.iter().filter(|i| i.cause == group.cause);
            let mut shown = 0;
            for item in items {
                shown += 1;
                out.push(format!("  {}", self.item_line(item, printer)));
            }
            if shown == 0 {
                for candidate in &group.candidates {
                    out.push(format!("  {}", escape(&describe_candidate(candidate))));
                }
            }
        }
        for undecided in &self.undecided {
            out.push(String::new());
            out.push(format!(
                "Could not be decided ({}): {}.",
                undecided.count, undecided.why
            ));
            for example in &undecided.examples {
                let at = match example.line {
                    Some(line) => format!("line {line}"),
                    None => format!("record {}", example.record),
                };
                out.push(format!(
                    "  {} {at}: {}",
                    example.path.display(),
                    escape(
                        &printer.server_text(example.detail.as_deref().unwrap_or("(no detail)"))
                    )
                ));
            }
        }
        if let Some("partial") = self.visibility {
            out.push(String::new());
            out.push("Some accounts can hold values where this token cannot see them, so a user with no visible holder may still be blocked.".into());
        }
        out.join("\n")
    }

    fn item_line(&self, item: &ItemView, printer: &Printer) -> String {
        let who = escape(&describe_candidate(item.candidate)).into_owned();
        let times = if item.occurrences > 1 {
            format!(" ×{}", item.occurrences)
        } else {
            String::new()
        };
        let finding = item
            .findings
            .first()
            .map(|f| format!(" — {}", escape(&printer.server_text(&f.explanation))))
            .unwrap_or_default();
        let command = item
            .options
            .iter()
            .find(|o| o.recommended)
            .and_then(|o| o.command.clone())
            .map(|c| format!("\n      {c}"))
            .unwrap_or_default();
        format!("{who}{times}{finding}{command}")
    }
}

fn item<'a>(d: &'a Diagnosed, path: &dyn Fn(usize) -> &'a Path) -> ItemView<'a> {
    let group: &Group = &d.group;
    ItemView {
        candidate: &group.candidate,
        stand_in: group.stand_in.as_deref(),
        occurrences: group.occurrences,
        first: group.first.as_deref(),
        last: group.last.as_deref(),
        sources: group
            .sources
            .iter()
            .map(|at| SourceView {
                path: path(at.input),
                at,
            })
            .collect(),
        verdict: if d.diagnosis.is_conflict() {
            "conflict"
        } else {
            "clear"
        },
        cause: Cause::of(&d.diagnosis, &d.choices),
        findings: &d.diagnosis.findings,
        options: d.choices.iter().map(OptionView::of).collect(),
        warnings: &d.diagnosis.warnings,
        error: d.error(),
        unexplained_conflict: d.diagnosis.unexplained_conflict,
    }
}

fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Conflict => "conflict",
        Kind::RateLimited => "rate-limited",
        Kind::Other => "other",
    }
}

/// `triage --plan`: every recommended fix that can run, as the plan the single command
/// would carry out, for `scimctl apply`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchPlan<'a> {
    pub version: u32,
    pub kind: &'static str,
    pub endpoint: String,
    pub provider: &'static str,
    pub created: String,
    pub source: &'static str,
    pub items: Vec<BatchItem<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchItem<'a> {
    pub index: usize,
    pub action: Action,
    pub candidate: &'a Candidate,
    /// The single command that does the same.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    pub plan: &'a Plan,
}

impl<'a> BatchPlan<'a> {
    pub fn new(found: &'a Triage) -> BatchPlan<'a> {
        let session = found.session.as_ref();
        let items = found
            .diagnosed
            .iter()
            .map(|d| (&d.group.candidate, d.choices.as_slice()));
        match session {
            Some(session) => BatchPlan::of(
                items,
                session.client.base_url().to_string(),
                session.provider.provider.id,
                "triage",
            ),
            None => BatchPlan {
                version: JSON_VERSION,
                kind: "batch",
                endpoint: String::new(),
                provider: "generic",
                created: crate::clock::now_rfc3339(),
                source: "triage",
                items: Vec::new(),
            },
        }
    }

    /// Every candidate's recommended fix that can run, with the plan it was judged by.
    pub fn of(
        candidates: impl Iterator<Item = (&'a Candidate, &'a [Choice])>,
        endpoint: String,
        provider: &'static str,
        source: &'static str,
    ) -> BatchPlan<'a> {
        let items = candidates
            .filter_map(|(candidate, choices)| {
                let choice = choices.iter().find(|c| c.recommended && c.feasible)?;
                Some((candidate, choice, choice.plan.as_ref()?))
            })
            .enumerate()
            .map(|(index, (candidate, choice, plan))| BatchItem {
                index,
                action: choice.action(),
                candidate,
                command: command_line(choice),
                plan,
            })
            .collect();
        BatchPlan {
            version: JSON_VERSION,
            kind: "batch",
            endpoint,
            provider,
            created: crate::clock::now_rfc3339(),
            source,
            items,
        }
    }
}
