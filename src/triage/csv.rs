//! CSV downloads, their columns found by header name (neither Microsoft, Okta nor Google
//! documents them): Entra's three files joined on the change id, Okta's System Log rows, and
//! Google's list of failures. Each row is rebuilt as the JSON record the other readers know,
//! so that one reader per identity provider interprets them.

use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::export::{ExportFormat, InputSummary, Reading, unreadable};
use super::occurrence::{Occurrence, Position};
use super::{entra, okta};
use crate::conflict::lookup::LookupKey;
use crate::exit::usage;
use crate::idp::parse_failure;

/// What one CSV file is, from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvRole {
    EntraMain,
    EntraSteps,
    EntraModifiedProperties,
    OktaSystemLog,
    GoogleFailures,
}

/// A header cell as compared: lower case, letters and digits only (`Change ID` → `changeid`).
pub(crate) fn normal(header: &str) -> String {
    header
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn role_of(headers: &[String]) -> Option<CsvRole> {
    let has = |names: &[&str]| headers.iter().any(|h| names.contains(&h.as_str()));
    if has(&["eventtype", "legacyeventtype"]) {
        Some(CsvRole::OktaSystemLog)
    } else if has(&["newvalue"]) && has(&["changeid"]) {
        Some(CsvRole::EntraModifiedProperties)
    } else if has(&["changeid"]) && has(&["description", "stepdescription"]) && !has(&["errorcode"])
    {
        Some(CsvRole::EntraSteps)
    } else if has(&["changeid", "cycleid", "jobid"]) {
        Some(CsvRole::EntraMain)
    } else if headers
        .iter()
        .any(|h| h.contains("user") || h.contains("email"))
        && headers
            .iter()
            .any(|h| h.contains("reason") || h.contains("error"))
    {
        Some(CsvRole::GoogleFailures)
    } else {
        None
    }
}

fn split_header(line: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    reader
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(normal).collect())
        .unwrap_or_default()
}

/// The format a first line announces, if it is a header triage knows.
pub fn format_of_header(line: &str) -> Option<ExportFormat> {
    if !line.contains(',') {
        return None;
    }
    role_of(&split_header(line)).map(|role| match role {
        CsvRole::OktaSystemLog => ExportFormat::OktaCsv,
        CsvRole::GoogleFailures => ExportFormat::GoogleCsv,
        _ => ExportFormat::EntraCsv,
    })
}

pub struct CsvExport {
    input: usize,
    path: PathBuf,
    pub role: CsvRole,
    format: ExportFormat,
    headers: Vec<String>,
    reader: csv::Reader<BufReader<File>>,
}

/// Entra's steps and modified properties by change id (only what triage uses: the values
/// Entra sent for userName, emails and externalId, and the steps' texts).
#[derive(Default)]
pub struct EntraJoin {
    properties: HashMap<String, Vec<Value>>,
    steps: HashMap<String, Vec<Value>>,
}

impl CsvExport {
    pub fn open(
        input: usize,
        path: &Path,
        reader: BufReader<File>,
        format: ExportFormat,
    ) -> anyhow::Result<CsvExport> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(reader);
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?
            .iter()
            .map(|h| normal(h.trim_start_matches('\u{feff}')))
            .collect();
        let role = role_of(&headers).filter(|role| fits(*role, format)).ok_or_else(|| {
            usage(format!(
                "{} has no columns triage knows for {} (its header: {}); see 'scimctl triage --help'",
                path.display(),
                format.label(),
                headers.join(", ")
            ))
        })?;
        Ok(CsvExport {
            input,
            path: path.to_path_buf(),
            role,
            format,
            headers,
            reader,
        })
    }

    fn column(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|name| self.headers.iter().position(|h| h == name))
    }

    /// Reads a steps or modified-properties file into `join`.
    pub fn read_companion(mut self, join: &mut EntraJoin) -> anyhow::Result<InputSummary> {
        let mut summary = InputSummary::new(&self.path, self.format);
        let change = self.column(&["changeid"]);
        let properties = self.role == CsvRole::EntraModifiedProperties;
        let name = self.column(&[
            "displayname",
            "name",
            "propertyname",
            "attributename",
            "property",
            "attribute",
            "targetattribute",
        ]);
        let new_value = self.column(&["newvalue"]);
        let step_name = self.column(&["stepname", "name", "step"]);
        let step_type = self.column(&["provisioningsteptype", "steptype", "type"]);
        let status = self.column(&["status", "stepstatus"]);
        let description = self.column(&["description", "stepdescription"]);
        let details = self.column(&["details", "stepdetails"]);
        let mut record = csv::StringRecord::new();
        let mut number = 0;
        while self.read(&mut record)? {
            number += 1;
            let position = self.position(number, &record);
            let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).filter(|v| !v.is_empty());
            let Some(id) = cell(change) else {
                summary.skip(position, "a row without a change id".into());
                continue;
            };
            summary.count_companion();
            if properties {
                let (Some(name), Some(value)) = (cell(name), cell(new_value)) else {
                    continue;
                };
                if entra::key_for(name, value).is_some() {
                    join.properties
                        .entry(id.to_string())
                        .or_default()
                        .push(json!({
                            "displayName": name, "newValue": value
                        }));
                }
            } else {
                let mut step = Map::new();
                for (key, index) in [
                    ("name", step_name),
                    ("provisioningStepType", step_type),
                    ("status", status),
                    ("description", description),
                    ("details", details),
                ] {
                    if let Some(value) = cell(index) {
                        step.insert(key.into(), Value::String(value.to_string()));
                    }
                }
                join.steps
                    .entry(id.to_string())
                    .or_default()
                    .push(Value::Object(step));
            }
        }
        Ok(summary)
    }

    /// Reads a main Entra file, an Okta or a Google CSV, handing each failure on.
    pub fn read_main(
        mut self,
        join: &EntraJoin,
        on_failure: &mut dyn FnMut(Occurrence),
    ) -> anyhow::Result<InputSummary> {
        let mut summary = InputSummary::new(&self.path, self.format);
        let mut record = csv::StringRecord::new();
        let mut number = 0;
        let rows = match self.role {
            CsvRole::EntraMain => Rows::Entra(EntraColumns::of(&self)),
            CsvRole::OktaSystemLog => Rows::Okta,
            _ => Rows::Google {
                user: self
                    .headers
                    .iter()
                    .position(|h| h.contains("email"))
                    .or_else(|| self.headers.iter().position(|h| h.contains("user"))),
                reason: self
                    .headers
                    .iter()
                    .position(|h| h.contains("reason"))
                    .or_else(|| self.headers.iter().position(|h| h.contains("error"))),
            },
        };
        while self.read(&mut record)? {
            number += 1;
            let position = self.position(number, &record);
            let reading = match &rows {
                Rows::Entra(columns) => entra::read(&columns.record(&record, join), position),
                Rows::Okta => okta::read_event(&okta_event(&self.headers, &record), position),
                Rows::Google { user, reason } => google_row(*user, *reason, &record, position),
            };
            summary.take(reading, position, on_failure);
        }
        Ok(summary)
    }

    fn read(&mut self, record: &mut csv::StringRecord) -> anyhow::Result<bool> {
        self.reader.read_record(record).map_err(|e| match e.kind() {
            csv::ErrorKind::Io(io) => unreadable(&self.path, io),
            _ => usage(format!("cannot read {}: {e}", self.path.display())),
        })
    }

    fn position(&self, number: u64, record: &csv::StringRecord) -> Position {
        Position {
            input: self.input,
            record: number,
            line: record.position().map(|p| p.line()),
        }
    }
}

fn fits(role: CsvRole, format: ExportFormat) -> bool {
    match format {
        ExportFormat::OktaCsv => role == CsvRole::OktaSystemLog,
        ExportFormat::GoogleCsv => role == CsvRole::GoogleFailures,
        ExportFormat::EntraCsv => matches!(
            role,
            CsvRole::EntraMain | CsvRole::EntraSteps | CsvRole::EntraModifiedProperties
        ),
        _ => false,
    }
}

enum Rows {
    Entra(EntraColumns),
    Okta,
    Google {
        user: Option<usize>,
        reason: Option<usize>,
    },
}

/// Where the main Entra file keeps each field.
struct EntraColumns {
    fields: Vec<(&'static str, Option<usize>)>,
}

impl EntraColumns {
    fn of(export: &CsvExport) -> EntraColumns {
        let c = |names: &[&str]| export.column(names);
        EntraColumns {
            fields: vec![
                (
                    "activityDateTime",
                    c(&[
                        "date",
                        "activitydatetime",
                        "activitydate",
                        "datetime",
                        "datetimeutc",
                        "time",
                        "timegenerated",
                    ]),
                ),
                ("changeId", c(&["changeid"])),
                ("cycleId", c(&["cycleid"])),
                ("jobId", c(&["jobid"])),
                ("status", c(&["status", "provisioningstatus"])),
                ("errorCode", c(&["errorcode"])),
                (
                    "reason",
                    c(&[
                        "statusreason",
                        "failurereason",
                        "reason",
                        "errorreason",
                        "errormessage",
                        "errordescription",
                        "statusdetails",
                    ]),
                ),
                ("action", c(&["action", "provisioningaction"])),
                (
                    "application",
                    c(&[
                        "serviceprincipalname",
                        "serviceprincipal",
                        "targetsystem",
                        "targetsystemname",
                        "application",
                        "applicationname",
                        "appname",
                    ]),
                ),
                (
                    "sourceName",
                    c(&[
                        "sourceidentityname",
                        "sourceidentitydisplayname",
                        "sourceidentity",
                        "sourcedisplayname",
                    ]),
                ),
                ("sourceId", c(&["sourceidentityid", "sourceid"])),
            ],
        }
    }

    /// The row as a `provisioningObjectSummary`, with its steps and sent values joined.
    fn record(&self, row: &csv::StringRecord, join: &EntraJoin) -> Value {
        let get = |name: &str| {
            self.fields
                .iter()
                .find(|(n, _)| *n == name)
                .and_then(|(_, i)| *i)
                .and_then(|i| row.get(i))
                .filter(|v| !v.is_empty())
                .map(|v| Value::String(v.to_string()))
                .unwrap_or(Value::Null)
        };
        let change = get("changeId");
        let key = change.as_str().unwrap_or_default();
        json!({
            "activityDateTime": get("activityDateTime"),
            "changeId": change,
            "cycleId": get("cycleId"),
            "jobId": get("jobId"),
            "provisioningAction": get("action"),
            "provisioningStatusInfo": {
                "status": get("status"),
                "errorInformation": {"errorCode": get("errorCode"), "reason": get("reason")}
            },
            "servicePrincipal": {"displayName": get("application")},
            "sourceIdentity": {"displayName": get("sourceName"), "id": get("sourceId")},
            "provisioningSteps": join.steps.get(key).cloned().unwrap_or_default(),
            "modifiedProperties": join.properties.get(key).cloned().unwrap_or_default(),
        })
    }
}

/// An Okta System Log row as the `LogEvent` it came from: dotted headers (`outcome.result`)
/// become nested fields; the UI's names (`Event Type`, `Outcome Reason`, `Targets`) map to
/// the API's.
fn okta_event(headers: &[String], row: &csv::StringRecord) -> Value {
    let mut event = Map::new();
    let mut targets = Vec::new();
    for (header, cell) in headers.iter().zip(row.iter()) {
        if cell.is_empty() {
            continue;
        }
        let value = Value::String(cell.to_string());
        let path: &[&str] = match header.as_str() {
            "eventtype" => &["eventType"],
            "legacyeventtype" => &["legacyEventType"],
            "outcome" | "outcomeresult" | "result" => &["outcome", "result"],
            "outcomereason" | "reason" => &["outcome", "reason"],
            "published" | "time" | "date" | "timestamp" => &["published"],
            "displaymessage" | "message" => &["displayMessage"],
            "uuid" | "eventid" => &["uuid"],
            "transactionid" => &["transaction", "id"],
            "target" | "targets" => {
                targets.extend(targets_in(cell));
                continue;
            }
            _ => continue,
        };
        insert(&mut event, path, value);
    }
    // `target.alternateId`-style columns for one target each are kept too.
    if !targets.is_empty() {
        event.insert("target".into(), Value::Array(targets));
    }
    Value::Object(event)
}

fn insert(object: &mut Map<String, Value>, path: &[&str], value: Value) {
    match path {
        [last] => {
            object.insert((*last).into(), value);
        }
        [first, rest @ ..] => {
            let inner = object
                .entry(*first)
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = inner {
                insert(inner, rest, value);
            }
        }
        [] => {}
    }
}

/// Targets as a CSV cell holds them: JSON (`[{"type":"AppUser","alternateId":"…"}]`), or the
/// UI's text `jdoe@acme.com (User), jdoe (AppUser), Acme (AppInstance)`.
fn targets_in(cell: &str) -> Vec<Value> {
    if let Ok(Value::Array(items)) = serde_json::from_str(cell) {
        return items;
    }
    cell.split([';', '\n'])
        .flat_map(|part| part.split("), "))
        .filter_map(|part| {
            let part = part.trim().trim_end_matches(')');
            let (id, kind) = part.rsplit_once(" (")?;
            Some(json!({"alternateId": id.trim(), "type": kind.trim()}))
        })
        .collect()
}

fn google_row(
    user: Option<usize>,
    reason: Option<usize>,
    row: &csv::StringRecord,
    position: Position,
) -> Reading {
    let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).filter(|v| !v.is_empty());
    let Some(reason) = cell(reason) else {
        return Reading::Unknown("a row without a reason".into());
    };
    let mut occurrence = Occurrence::new(position, parse_failure(reason));
    occurrence.failure.identity_provider = Some("Google Workspace");
    // Google sends the user's primary email (in emails, and by default as the userName).
    if let Some(user) = cell(user) {
        if user.contains('@') {
            occurrence.sent.push(LookupKey::Email(user.to_string()));
        }
        occurrence.subject = Some(user.to_string());
    }
    Reading::Failure(Box::new(occurrence))
}
