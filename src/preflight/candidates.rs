//! Reading the users an identity provider will send, and the values it will send for each.
//!
//! Default mappings (research "preflight"): Entra ID sends userPrincipalName as userName, mail
//! as the work email and objectId as externalId; Okta sends the Okta username (login) as the
//! app username, the primary email, and the Okta user id as externalId; SCIM Users are taken
//! as they are. `--map userName=COL,email=COL,externalId=COL` names other columns or fields.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use clap::ValueEnum;
use serde::Serialize;
use serde_json::Value;

use crate::conflict::candidate::{Candidate, Source};
use crate::conflict::lookup::LookupKey;
use crate::exit::usage;
use crate::idp::{field, text_field};
use crate::triage::csv::normal;
use crate::triage::json::{Item, JsonRecords};

/// Whose default attribute mapping gives the values sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mapping {
    /// userPrincipalName → userName, mail → emails (work), objectId (id) → externalId.
    Entra,
    /// login (credentials.userName for app users) → userName, email → emails, id → externalId.
    Okta,
    /// The record is a SCIM User: userName, emails, externalId as they are.
    Scim,
}

/// Fields named on the command line instead of the mapping's defaults.
#[derive(Debug, Clone, Default)]
pub struct MappingOverride {
    pub user_name: Option<String>,
    pub email: Option<String>,
    pub external_id: Option<String>,
}

impl MappingOverride {
    /// `userName=COL,email=COL,externalId=COL` (any subset).
    pub fn parse(text: &str) -> anyhow::Result<MappingOverride> {
        let mut map = MappingOverride::default();
        for part in text.split(',').filter(|p| !p.trim().is_empty()) {
            let (attribute, column) = part.split_once('=').ok_or_else(|| {
                usage(format!("--map {text:?}: {part:?} is not ATTRIBUTE=COLUMN (e.g. userName=upn,email=mail)"))
            })?;
            let column = Some(column.trim().to_string()).filter(|c| !c.is_empty());
            match normal(attribute).as_str() {
                "username" => map.user_name = column,
                "email" | "emails" | "mail" => map.email = column,
                "externalid" => map.external_id = column,
                other => {
                    return Err(usage(format!(
                        "--map: {other:?} is not userName, email or externalId"
                    )));
                }
            }
        }
        Ok(map)
    }
}

/// One user the identity provider will send.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// 1-based row (CSV) or record (JSON).
    pub row: u64,
    pub candidate: Candidate,
}

/// Reads the candidates file; the mapping is detected from the records unless given.
pub fn read_candidates(
    path: &Path,
    mapping: Option<Mapping>,
    overrides: &MappingOverride,
) -> anyhow::Result<(Vec<Incoming>, Mapping, u64)> {
    let file =
        File::open(path).map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
    let mut reader = BufReader::with_capacity(256 * 1024, file);
    let head = reader
        .fill_buf()
        .map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
    let first = head
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
    let mut skipped = 0;
    let mut incoming = Vec::new();
    let mut detected = mapping;
    if matches!(first, Some(b'[' | b'{')) {
        let mut failure = None;
        JsonRecords::new(reader, 0)
            .for_each(|item| match item {
                Item::Record(record, position) => {
                    let mapping = *detected.get_or_insert_with(|| mapping_of_json(&record));
                    match from_json(&record, mapping, overrides) {
                        Some(candidate) => incoming.push(Incoming {
                            row: position.record,
                            candidate,
                        }),
                        None => skipped += 1,
                    }
                }
                Item::Broken(..) => skipped += 1,
            })
            .unwrap_or_else(|e| failure = Some(e));
        if let Some(e) = failure {
            return Err(usage(format!("cannot read {}: {e}", path.display())));
        }
    } else {
        let mut csv = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(reader);
        let headers: Vec<String> = csv
            .headers()
            .map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?
            .iter()
            .map(|h| normal(h.trim_start_matches('\u{feff}')))
            .collect();
        let mapping = *detected.get_or_insert_with(|| mapping_of_header(&headers));
        let columns = Columns::of(&headers, mapping, overrides);
        if columns.user_name.is_none() && columns.email.is_none() && columns.external_id.is_none() {
            return Err(usage(format!(
                "{} has no column for userName, email or externalId (its header: {}); name them with --map userName=COL,email=COL",
                path.display(),
                headers.join(", ")
            )));
        }
        let mut row = csv::StringRecord::new();
        let mut number = 0;
        loop {
            match csv.read_record(&mut row) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => return Err(usage(format!("cannot read {}: {e}", path.display()))),
            }
            number += 1;
            let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).filter(|v| !v.is_empty());
            let keys = [
                cell(columns.user_name).map(|v| LookupKey::UserName(v.into())),
                cell(columns.email).map(|v| LookupKey::Email(v.into())),
                cell(columns.external_id).map(|v| LookupKey::ExternalId(v.into())),
            ];
            let mut candidate = Candidate::default();
            candidate.add_all(keys.into_iter().flatten(), Source::Export);
            candidate.display_name = cell(columns.display_name).map(str::to_string);
            if candidate.is_empty() {
                skipped += 1;
                continue;
            }
            incoming.push(Incoming {
                row: number,
                candidate,
            });
        }
    }
    Ok((incoming, detected.unwrap_or(Mapping::Scim), skipped))
}

struct Columns {
    user_name: Option<usize>,
    email: Option<usize>,
    external_id: Option<usize>,
    display_name: Option<usize>,
}

impl Columns {
    fn of(headers: &[String], mapping: Mapping, overrides: &MappingOverride) -> Columns {
        let find = |names: &[&str]| {
            names
                .iter()
                .find_map(|n| headers.iter().position(|h| h == n))
        };
        let named = |given: &Option<String>, defaults: &[&str]| match given {
            Some(column) => find(&[normal(column).as_str()]),
            None => find(defaults),
        };
        let (user_name, email, external_id): (&[&str], &[&str], &[&str]) = match mapping {
            Mapping::Entra => (
                &["userprincipalname", "upn"],
                &["mail", "email"],
                &["objectid", "id"],
            ),
            Mapping::Okta => (
                &["login", "username", "oktausername"],
                &["email", "primaryemail"],
                &["id", "oktaid", "userid"],
            ),
            Mapping::Scim => (
                &["username"],
                &["email", "emails", "emailsvalue", "mail"],
                &["externalid"],
            ),
        };
        Columns {
            user_name: named(&overrides.user_name, user_name),
            email: named(&overrides.email, email),
            external_id: named(&overrides.external_id, external_id),
            display_name: find(&["displayname", "name", "fullname"]),
        }
    }
}

fn mapping_of_header(headers: &[String]) -> Mapping {
    let has = |name: &str| headers.iter().any(|h| h == name);
    if has("userprincipalname") || has("objectid") {
        Mapping::Entra
    } else if has("login") {
        Mapping::Okta
    } else {
        Mapping::Scim
    }
}

fn mapping_of_json(record: &Value) -> Mapping {
    if field(record, "userPrincipalName").is_some() {
        Mapping::Entra
    } else if field(record, "profile").is_some() || field(record, "credentials").is_some() {
        Mapping::Okta
    } else {
        Mapping::Scim
    }
}

/// A field given by name, as `--map` names it (dotted paths reach into objects).
fn path_text(record: &Value, path: &str) -> Option<String> {
    let mut value = record.clone();
    for part in path.split('.') {
        value = field(&value, part)?.into_owned();
    }
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

fn from_json(record: &Value, mapping: Mapping, overrides: &MappingOverride) -> Option<Candidate> {
    let pick = |given: &Option<String>, default: &dyn Fn() -> Option<String>| match given {
        Some(path) => path_text(record, path),
        None => default(),
    };
    let profile = || field(record, "profile");
    let (user_name, email, external_id) = match mapping {
        Mapping::Entra => (
            pick(&overrides.user_name, &|| {
                text_field(record, "userPrincipalName")
            }),
            pick(&overrides.email, &|| text_field(record, "mail")),
            pick(&overrides.external_id, &|| text_field(record, "id")),
        ),
        Mapping::Okta => (
            pick(&overrides.user_name, &|| {
                field(record, "credentials")
                    .and_then(|c| text_field(&c, "userName"))
                    .or_else(|| profile().and_then(|p| text_field(&p, "login")))
            }),
            pick(&overrides.email, &|| {
                profile().and_then(|p| text_field(&p, "email"))
            }),
            pick(&overrides.external_id, &|| text_field(record, "id")),
        ),
        Mapping::Scim => (
            pick(&overrides.user_name, &|| text_field(record, "userName")),
            pick(&overrides.email, &|| None),
            pick(&overrides.external_id, &|| text_field(record, "externalId")),
        ),
    };
    let mut candidate = Candidate::default();
    candidate.add_all(
        user_name
            .map(LookupKey::UserName)
            .into_iter()
            .chain(email.map(LookupKey::Email))
            .chain(external_id.map(LookupKey::ExternalId)),
        Source::Export,
    );
    if mapping == Mapping::Scim
        && overrides.email.is_none()
        && let Ok(user) = serde_json::from_value::<crate::scim::model::User>(record.clone())
    {
        candidate.add_all(
            user.email_values().map(|e| LookupKey::Email(e.to_string())),
            Source::Export,
        );
    }
    candidate.display_name = text_field(record, "displayName");
    (!candidate.is_empty()).then_some(candidate)
}
