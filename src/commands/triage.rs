//! `scimctl triage`: read the exports (no network), fold retries into one entry per
//! candidate, look every conflicting candidate's values up in one pass of the lookup engine,
//! and diagnose each candidate with the very functions `diagnose` uses. Exit 1 on conflict.

use std::collections::HashSet;

use anyhow::Result;

use super::diagnose::{lookup_keys, reported, summary};
use super::session::Session;
use crate::cli::OutputFormat;
use crate::conflict::diagnose::{Diagnosis, Reported, diagnose, holds};
use crate::conflict::engine::{Comparison, Found, SearchTrace};
use crate::conflict::lookup::LookupKey;
use crate::conflict::options::{Choice, Facts, options};
use crate::exit::{ExitStatus, usage};
use crate::output::Printer;
use crate::output::triage::{BatchPlan, Lookup, TriageReport};
use crate::scim::capabilities::write_atomically;
use crate::settings::{Settings, TriageOptions};
use crate::triage::{Group, Groups, InputSummary, Kind, Occurrence, parse_instant, read_export};

/// A conflicting candidate, diagnosed.
pub struct Diagnosed {
    pub group: Group,
    pub diagnosis: Diagnosis,
    pub choices: Vec<Choice>,
}

/// What triage found, for the report and the plan.
pub struct Triage {
    pub inputs: Vec<InputSummary>,
    pub groups: Groups,
    pub diagnosed: Vec<Diagnosed>,
    /// Failures outside `--since`/`--until`, or without a time when those were given.
    pub outside_window: u64,
    pub lookup: Option<Lookup>,
    pub session: Option<Session>,
}

pub async fn run(
    opts: TriageOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let found = triage(&opts, settings, printer).await?;
    let report = TriageReport::new(&found);
    if let Some(path) = &opts.plan {
        let plan = BatchPlan::new(&found);
        let mut bytes = serde_json::to_vec_pretty(&plan)?;
        bytes.push(b'\n');
        write_atomically(path, &bytes)
            .map_err(|e| usage(format!("cannot write the plan to {}: {e}", path.display())))?;
        printer.note(&format!(
            "wrote {} to {}",
            plural(plan.items.len(), "fix", "fixes"),
            path.display()
        ));
    }
    match printer.format() {
        OutputFormat::Table => printer.data(&report.render_text(printer))?,
        OutputFormat::Json => printer.json(&report)?,
        OutputFormat::Ndjson => printer.ndjson_line(&report)?,
    }
    Ok(
        if found.diagnosed.iter().any(|d| d.diagnosis.is_conflict()) {
            ExitStatus::ConflictFound
        } else {
            ExitStatus::Success
        },
    )
}

async fn triage(opts: &TriageOptions, settings: &Settings, printer: &Printer) -> Result<Triage> {
    let mut groups = Groups::default();
    let mut outside_window = 0;
    let inputs = read_export(&opts.files, opts.format, |occurrence: Occurrence| {
        if in_window(&occurrence, opts) {
            groups.add(occurrence);
        } else {
            outside_window += 1;
        }
    })?;
    let conflicts: Vec<&Group> = groups.of_kind(Kind::Conflict).collect();
    if conflicts.is_empty() {
        return Ok(Triage {
            inputs,
            diagnosed: Vec::new(),
            groups,
            outside_window,
            lookup: None,
            session: None,
        });
    }
    let mut session = Session::open(settings, printer)?;
    session.discover_provider(settings).await;
    let provider = session.provider.provider;
    let before = session.client.requests_sent();

    // Every value of every candidate, once: the engine picks filters or one read of the
    // directory, whichever takes fewer requests.
    let mut keys: Vec<LookupKey> = Vec::new();
    let mut seen = HashSet::new();
    for group in &conflicts {
        for key in lookup_keys(&group.candidate) {
            if seen.insert(key.clone()) {
                keys.push(key);
            }
        }
    }
    printer.note(&format!(
        "looking up {} of {}",
        plural(keys.len(), "value", "values"),
        plural(conflicts.len(), "user", "users")
    ));
    let searched = session
        .engine()
        .find(&keys, Comparison::Collision, false)
        .await;
    session.remember();
    let Found { holders, trace } = searched?;
    for note in &trace.notes {
        printer.note(note);
    }
    let lookup = Lookup::of(&trace, keys.len(), session.client.requests_sent() - before);

    let today = crate::clock::today();
    let diagnosed = conflicts
        .into_iter()
        .map(|group| {
            let keys = lookup_keys(&group.candidate);
            let mine: Vec<_> = holders
                .iter()
                .filter(|u| keys.iter().any(|k| holds(k, u, provider)))
                .cloned()
                .collect();
            let reported = group_reported(group);
            let diagnosis = diagnose(&group.candidate, &mine, &reported, provider);
            let choices = options(&Facts {
                diagnosis: &diagnosis,
                candidate: &group.candidate,
                holders: &mine,
                provider,
                payload: None,
                today: &today,
            });
            Diagnosed {
                group: group.clone(),
                diagnosis,
                choices,
            }
        })
        .collect();
    Ok(Triage {
        inputs,
        groups,
        diagnosed,
        outside_window,
        lookup: Some(lookup),
        session: Some(session),
    })
}

/// What every record of the candidate's errors said, as `diagnose --error` reads one.
fn group_reported(group: &Group) -> Reported {
    let mut reported = reported(&group.failure);
    reported.conflict = true;
    reported.named = group.named.clone();
    reported.attributes = group.attributes.clone();
    reported
}

fn in_window(occurrence: &Occurrence, opts: &TriageOptions) -> bool {
    if opts.since.is_none() && opts.until.is_none() {
        return true;
    }
    let Some(at) = occurrence.time.as_deref().and_then(parse_instant) else {
        return false;
    };
    opts.since.is_none_or(|since| at >= since) && opts.until.is_none_or(|until| at < until)
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

impl Diagnosed {
    pub fn error(&self) -> crate::output::diagnose::ErrorSummary {
        summary(&self.group.failure)
    }
}

pub type Trace = SearchTrace;
