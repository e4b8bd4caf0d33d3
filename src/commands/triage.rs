//! `scimctl triage`: read the exports (no network), fold retries into one entry per
//! candidate, look every conflicting candidate's values up in one pass of the lookup engine,
//! and diagnose each candidate with the very functions `diagnose` uses. Exit 1 on conflict.

use anyhow::Result;

use super::batch::{look_up_all, write_plan};
use super::diagnose::{reported, summary};
use super::session::Session;
use crate::cli::OutputFormat;
use crate::conflict::batch::{self, judge};
use crate::conflict::diagnose::{Diagnosis, Reported};
use crate::conflict::options::Choice;
use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::output::triage::{BatchPlan, Lookup, TriageReport};
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
        write_plan(path, &BatchPlan::new(&found), printer)?;
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
    // Every value of every candidate, once: the engine picks filters or one read of the
    // directory, whichever takes fewer requests.
    let keys = batch::lookup_keys(conflicts.iter().map(|g| &g.candidate));
    printer.note(&format!(
        "looking up {} of {}",
        plural(keys.len(), "value", "values"),
        plural(conflicts.len(), "user", "users")
    ));
    let (holders, lookup) = look_up_all(&mut session, &keys, printer).await?;
    let today = crate::clock::today();
    let diagnosed = conflicts
        .into_iter()
        .map(|group| {
            let judged = judge(
                &group.candidate,
                &holders,
                &group_reported(group),
                provider,
                &today,
            );
            Diagnosed {
                group: group.clone(),
                diagnosis: judged.diagnosis,
                choices: judged.choices,
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
