//! Which export a file is (from its content, or `--format`), and reading every input into
//! occurrences: failures handed on one at a time, everything else counted.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Serialize;

use super::csv::{CsvExport, CsvRole};
use super::json::{Item, JsonRecords};
use super::occurrence::{Occurrence, Position};
use super::{entra, okta};
use crate::exit::usage;

/// The export formats triage reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    /// Entra ID records as JSON: the portal's download (an array), a Graph page
    /// (`{"value":[…]}`), NDJSON, or a Log Analytics `AADProvisioningLogs` export.
    EntraJson,
    /// Entra ID's CSV download: `ProvisioningLogs`, `…_ProvisioningSteps` and
    /// `…_ModifiedProperties`, given together.
    EntraCsv,
    /// Okta System Log events as JSON: the API's array, NDJSON, or event-hook envelopes.
    OktaJson,
    /// Okta's System Log CSV download.
    OktaCsv,
    /// Google Workspace's "Download list" of provisioning failures.
    GoogleCsv,
    /// Failure texts pasted one per line (Okta tasks, Entra messages, SCIM error bodies).
    Text,
}

impl ExportFormat {
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::EntraJson => "entra-json",
            ExportFormat::EntraCsv => "entra-csv",
            ExportFormat::OktaJson => "okta-json",
            ExportFormat::OktaCsv => "okta-csv",
            ExportFormat::GoogleCsv => "google-csv",
            ExportFormat::Text => "text",
        }
    }
}

/// What one record turned out to be.
pub enum Reading {
    Failure(Box<Occurrence>),
    /// A provisioning record that did not fail.
    Fine,
    /// A record about something else (a sign-in event in a System Log export).
    NotProvisioning,
    /// Not a record triage can read, and why.
    Unknown(String),
}

/// Records that could not be read: how many, and the first few with why.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub count: u64,
    pub first: Vec<SkippedRecord>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SkippedRecord {
    pub record: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    pub why: String,
}

/// How many of the first skipped records are reported.
const SKIPPED_SHOWN: usize = 5;

impl Skipped {
    fn add(&mut self, position: Position, why: String) {
        self.count += 1;
        if self.first.len() < SKIPPED_SHOWN {
            self.first.push(SkippedRecord {
                record: position.record,
                line: position.line,
                why,
            });
        }
    }
}

/// One input as read.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputSummary {
    pub path: PathBuf,
    pub format: ExportFormat,
    /// Every record read, failed or not.
    pub records: u64,
    pub failures: u64,
    /// Records about something other than provisioning users.
    #[serde(skip_serializing_if = "is_zero")]
    pub other_events: u64,
    pub skipped: Skipped,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl InputSummary {
    pub(super) fn new(path: &Path, format: ExportFormat) -> InputSummary {
        InputSummary {
            path: path.to_path_buf(),
            format,
            records: 0,
            failures: 0,
            other_events: 0,
            skipped: Skipped::default(),
        }
    }

    /// Counts one record, handing a failure on.
    pub(super) fn take(
        &mut self,
        reading: Reading,
        position: Position,
        on_failure: &mut dyn FnMut(Occurrence),
    ) {
        self.records += 1;
        match reading {
            Reading::Failure(occurrence) => {
                self.failures += 1;
                on_failure(*occurrence);
            }
            Reading::Fine => {}
            Reading::NotProvisioning => self.other_events += 1,
            Reading::Unknown(why) => self.skipped.add(position, why),
        }
    }

    /// A row of a file that only completes another (Entra's steps, modified properties).
    pub(super) fn count_companion(&mut self) {
        self.records += 1;
    }

    pub(super) fn skip(&mut self, position: Position, why: String) {
        self.records += 1;
        self.skipped.add(position, why);
    }
}

/// Reads every input, handing each failure to `on_failure` as it is read; the summaries say
/// what each input held. An input that cannot be opened or read, or is no export triage
/// knows, is a usage error (exit 2) naming it.
pub fn read_export(
    paths: &[PathBuf],
    forced: Option<ExportFormat>,
    mut on_failure: impl FnMut(Occurrence),
) -> anyhow::Result<Vec<InputSummary>> {
    let mut summaries = Vec::new();
    let mut csvs = Vec::new();
    for (input, path) in paths.iter().enumerate() {
        let mut reader = open(path)?;
        let format = match forced {
            Some(format) => format,
            None => detect(path, reader.fill_buf().map_err(|e| unreadable(path, &e))?)?,
        };
        match format {
            ExportFormat::EntraJson | ExportFormat::OktaJson => {
                let mut summary = InputSummary::new(path, format);
                read_json(reader, input, format, &mut summary, &mut on_failure)
                    .map_err(|e| unreadable(path, &e))?;
                summaries.push(summary);
            }
            ExportFormat::Text => {
                let mut summary = InputSummary::new(path, format);
                read_text(reader, input, &mut summary, &mut on_failure)
                    .map_err(|e| unreadable(path, &e))?;
                summaries.push(summary);
            }
            ExportFormat::EntraCsv | ExportFormat::OktaCsv | ExportFormat::GoogleCsv => {
                csvs.push(CsvExport::open(input, path, reader, format)?);
            }
        }
    }
    // Entra's steps and modified properties are read first: the main file's rows join them.
    let (companions, mains): (Vec<_>, Vec<_>) = csvs.into_iter().partition(|c| {
        matches!(
            c.role,
            CsvRole::EntraSteps | CsvRole::EntraModifiedProperties
        )
    });
    let mut joined = super::csv::EntraJoin::default();
    for companion in companions {
        summaries.push(companion.read_companion(&mut joined)?);
    }
    for main in mains {
        summaries.push(main.read_main(&joined, &mut on_failure)?);
    }
    summaries.sort_by_key(|s| paths.iter().position(|p| *p == s.path));
    Ok(summaries)
}

fn open(path: &Path) -> anyhow::Result<BufReader<File>> {
    let file = File::open(path).map_err(|e| unreadable(path, &e))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(usage(format!(
            "{} is a directory, not an export",
            path.display()
        )));
    }
    Ok(BufReader::with_capacity(256 * 1024, file))
}

pub(super) fn unreadable(path: &Path, e: &std::io::Error) -> anyhow::Error {
    usage(format!("cannot read {}: {e}", path.display()))
}

/// The format, from the first bytes: JSON (and whose records), CSV (by its header), or text.
fn detect(path: &Path, head: &[u8]) -> anyhow::Result<ExportFormat> {
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else {
        // An empty file: nothing to read, in whatever format.
        return Ok(ExportFormat::Text);
    };
    if head.contains(&0) {
        return Err(usage(format!(
            "{} is not an export triage reads: it is binary (give a JSON, NDJSON, CSV or text file)",
            path.display()
        )));
    }
    let text = String::from_utf8_lossy(&head[start..]);
    if text.starts_with('[') || text.starts_with('{') {
        // Okta's events carry eventType; Entra's records carry provisioning fields.
        let okta = [
            "\"eventType\"",
            "\"legacyEventType\"",
            "com.okta.event_hook",
        ]
        .iter()
        .any(|k| text.contains(k));
        return Ok(if okta {
            ExportFormat::OktaJson
        } else {
            ExportFormat::EntraJson
        });
    }
    let first_line = text.lines().next().unwrap_or("");
    if let Some(format) = super::csv::format_of_header(first_line) {
        return Ok(format);
    }
    Ok(ExportFormat::Text)
}

fn read_json(
    reader: impl Read,
    input: usize,
    format: ExportFormat,
    summary: &mut InputSummary,
    on_failure: &mut dyn FnMut(Occurrence),
) -> std::io::Result<()> {
    JsonRecords::new(reader, input).for_each(|item| match item {
        Item::Record(value, position) => {
            let reading = if okta::is_event(&value) {
                okta::read_event(&value, position)
            } else if entra::is_record(&value) {
                entra::read(&value, position)
            } else {
                Reading::Unknown(match value {
                    serde_json::Value::Object(_) => format!(
                        "neither an Entra provisioning record nor an Okta System Log event (read as {})",
                        format.label()
                    ),
                    _ => "not a JSON object".into(),
                })
            };
            summary.take(reading, position, on_failure);
        }
        Item::Broken(position, why) => summary.skip(position, why),
    })
}

fn read_text(
    reader: impl BufRead,
    input: usize,
    summary: &mut InputSummary,
    on_failure: &mut dyn FnMut(Occurrence),
) -> std::io::Result<()> {
    let mut record = 0;
    for (index, line) in reader.split(b'\n').enumerate() {
        let line = line?;
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        record += 1;
        let position = Position {
            input,
            record,
            line: Some(index as u64 + 1),
        };
        summary.take(okta::read_task_line(line, position), position, on_failure);
    }
    Ok(())
}
