//! `scimctl diagnose`: candidate → lookup → findings → options, printed as a story or as the
//! version 1 JSON report. Exit 1 on conflict.

use anyhow::Result;

use super::fix::read_user;
use super::session::Session;
use crate::cli::OutputFormat;
use crate::conflict::candidate::{Candidate, Source};
use crate::conflict::diagnose::{Diagnosis, Reported, diagnose};
use crate::conflict::engine::{Comparison, Found, SearchTrace};
use crate::conflict::lookup::LookupKey;
use crate::conflict::options::{Choice, Facts, PayloadFile, options};
use crate::exit::{ExitStatus, usage};
use crate::idp::{Failure, parse_failure};
use crate::output::Printer;
use crate::output::diagnose::{DiagnoseReport, ErrorSummary};
use crate::scim::model::User;
use crate::settings::{DiagnoseOptions, Input, Settings};

/// Everything a diagnosis found, for `diagnose` to print and `resolve` to act on.
pub struct Investigation {
    pub session: Session,
    pub candidate: Candidate,
    pub failure: Option<Failure>,
    pub diagnosis: Diagnosis,
    pub choices: Vec<Choice>,
    pub trace: SearchTrace,
}

impl Investigation {
    pub fn report(&self) -> DiagnoseReport<'_> {
        let provider = self.session.provider.provider;
        DiagnoseReport::new(
            &self.diagnosis,
            &self.candidate,
            &self.choices,
            self.failure.as_ref().map(summary),
            provider,
            self.session.client.base_url().to_string(),
            &self.trace,
        )
    }
}

pub async fn run(
    opts: DiagnoseOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let found = investigate(&opts, settings, printer).await?;
    let report = found.report();
    match printer.format() {
        OutputFormat::Table => printer.data(&report.render_text(printer))?,
        OutputFormat::Json => printer.json(&report)?,
        OutputFormat::Ndjson => printer.ndjson_line(&report)?,
    }
    Ok(if found.diagnosis.is_conflict() {
        ExitStatus::ConflictFound
    } else {
        ExitStatus::Success
    })
}

/// candidate → lookup → findings → options.
pub async fn investigate(
    opts: &DiagnoseOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<Investigation> {
    let failure = match &opts.error {
        Some(input) => Some(parse_failure(&input.read("the error")?)),
        None => None,
    };
    let payload = match &opts.payload {
        Some(input) => Some(read_user(input)?),
        None => None,
    };
    let candidate = candidate(opts, payload.as_ref(), failure.as_ref())?;
    let mut session = Session::open(settings, printer)?;
    session.discover_provider(settings).await;
    let provider = session.provider.provider;

    let keys = candidate.lookup_keys();
    let searched = session
        .engine()
        .find(&keys, Comparison::Collision, opts.deep)
        .await;
    session.remember();
    let Found { holders, trace } = searched?;
    for note in &trace.notes {
        printer.note(note);
    }

    let reported = failure.as_ref().map(reported).unwrap_or_default();
    let diagnosis = diagnose(&candidate, &holders, &reported, provider);
    // `provision --payload` reads the payload again: only a file can be read twice.
    let payload_file = match (&opts.payload, &payload) {
        (Some(Input::File(path)), Some(user)) => Some(PayloadFile { path, user }),
        _ => None,
    };
    let today = crate::clock::today();
    let choices = options(&Facts {
        diagnosis: &diagnosis,
        candidate: &candidate,
        holders: &holders,
        provider,
        payload: payload_file,
        today: &today,
    });
    Ok(Investigation {
        session,
        candidate,
        failure,
        diagnosis,
        choices,
        trace,
    })
}

/// Flags first, then the payload, then what the error names: the first source of a userName
/// or externalId wins, and emails accumulate.
fn candidate(
    opts: &DiagnoseOptions,
    payload: Option<&User>,
    failure: Option<&Failure>,
) -> Result<Candidate> {
    let mut candidate = Candidate::default();
    let flags = opts
        .user_name
        .iter()
        .cloned()
        .map(LookupKey::UserName)
        .chain(opts.emails.iter().cloned().map(LookupKey::Email))
        .chain(opts.external_id.iter().cloned().map(LookupKey::ExternalId));
    for key in flags {
        if key.value().trim().is_empty() {
            return Err(usage(format!(
                "--{} needs a value that is not empty",
                key.flag()
            )));
        }
        candidate.add(key, Source::Flags);
    }
    if let Some(user) = payload {
        let from_payload = Candidate::from_payload(user);
        candidate.add_all(from_payload.keys(), Source::Payload);
        candidate.display_name = candidate.display_name.take().or(from_payload.display_name);
    }
    if let Some(failure) = failure {
        candidate.add_all(failure.named.iter().cloned(), Source::Error);
    }
    if candidate.is_empty() {
        return Err(usage(
            "nothing to diagnose: give --username, --email, --external-id or --payload, or an --error that names the value",
        ));
    }
    Ok(candidate)
}

pub(super) fn reported(failure: &Failure) -> Reported {
    Reported {
        conflict: failure.is_conflict(),
        named: failure.named.clone(),
        attributes: failure.attributes.clone(),
    }
}

pub(super) fn summary(failure: &Failure) -> ErrorSummary {
    ErrorSummary {
        source: failure.source.label().to_string(),
        identity_provider: failure.identity_provider,
        status: failure.status,
        scim_type: failure.scim_type.clone(),
        detail: failure.detail.clone(),
        conflict: failure.is_conflict(),
    }
}
