//! `scimctl users find | get | list`.

use anyhow::Result;
use serde::Serialize;

use super::session::Session;
use crate::cli::OutputFormat;
use crate::conflict::engine::Comparison;
use crate::exit::ExitStatus;
use crate::output::users::{HEADER, UserDocument, UsersDocument, details, rows};
use crate::output::{JSON_VERSION, Printer};
use crate::scim::query::{UserQuery, collect_users, walk_users};
use crate::settings::{FindTarget, Settings, user_id};

/// How a lookup was answered.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
enum Method {
    /// A proven filter answered.
    Filter,
    /// scimctl read the directory and compared itself.
    Scan,
}

/// How `users find` searched, in the JSON document.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct LookupReport {
    attribute: &'static str,
    value: String,
    method: Method,
    #[serde(skip_serializing_if = "Option::is_none")]
    filter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scanned: Option<u64>,
    /// Requests spent proving what the server's filters do (absent once known).
    #[serde(skip_serializing_if = "Option::is_none")]
    verification_requests: Option<u32>,
}

pub async fn find(
    target: FindTarget,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    find_at_most(target, None, settings, printer).await
}

/// `users find [--limit N]`: the holders found, at most `limit` of them.
pub async fn find_at_most(
    target: FindTarget,
    limit: Option<u64>,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let mut session = Session::open(settings, printer)?;
    let (mut users, report, nobody) = match target {
        FindTarget::Holder(key) => {
            let found = session
                .engine()
                .find(std::slice::from_ref(&key), Comparison::Scim, false)
                .await;
            session.remember();
            let found = found?;
            for note in &found.trace.notes {
                printer.note(note);
            }
            let report = LookupReport {
                attribute: key.attribute(),
                value: key.value().to_string(),
                method: if found.trace.scanned.is_some() {
                    Method::Scan
                } else {
                    Method::Filter
                },
                filter: found.trace.filters.first().cloned(),
                scanned: found.trace.scanned,
                verification_requests: Some(found.trace.verification_requests).filter(|n| *n > 0),
            };
            (
                found.holders,
                Some(report),
                format!("No user holds {}.", key.describe()),
            )
        }
        FindTarget::Filter(filter) => {
            let query = UserQuery {
                filter: Some(filter.clone()),
                limit,
            };
            let users = collect(&mut session, &query, printer).await?;
            (
                users,
                None,
                format!("No user matches the filter '{filter}'."),
            )
        }
    };
    if let Some(limit) = limit.and_then(|n| usize::try_from(n).ok())
        && users.len() > limit
    {
        printer.note(&format!(
            "showing {limit} of the {} users found (--limit {limit})",
            users.len()
        ));
        users.truncate(limit);
    }
    print_users(&users, report, &nobody, printer)?;
    Ok(ExitStatus::Success)
}

pub async fn get(id: &str, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let session = Session::open(settings, printer)?;
    let fetched = session.client.get_user(&user_id(id)?).await?;
    match printer.format() {
        OutputFormat::Table => printer.data(&details(&fetched.user, fetched.etag.as_deref()))?,
        OutputFormat::Json => printer.json(&UserDocument {
            version: JSON_VERSION,
            user: &fetched.user,
            etag: fetched.etag.as_deref(),
        })?,
        OutputFormat::Ndjson => printer.ndjson_line(&fetched.user)?,
    }
    Ok(ExitStatus::Success)
}

pub async fn list(
    filter: Option<String>,
    limit: Option<u64>,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let mut session = Session::open(settings, printer)?;
    let query = UserQuery { filter, limit };
    if printer.format() == OutputFormat::Ndjson {
        // Stream: each user is written as its page arrives, nothing is collected.
        let walked = walk_users(&session.client, &mut session.caps, &query, |user| {
            printer.ndjson_line(&user)?;
            Ok::<_, anyhow::Error>(true)
        })
        .await;
        session.remember();
        for note in walked?.notes {
            printer.note(&note);
        }
        return Ok(ExitStatus::Success);
    }
    let users = collect(&mut session, &query, printer).await?;
    print_users(&users, None::<LookupReport>, "No users matched.", printer)?;
    Ok(ExitStatus::Success)
}

async fn collect(
    session: &mut Session,
    query: &UserQuery,
    printer: &Printer,
) -> Result<Vec<crate::scim::model::User>> {
    let collected = collect_users(&session.client, &mut session.caps, query).await;
    session.remember();
    let (users, stats) = collected?;
    for note in stats.notes {
        printer.note(&note);
    }
    Ok(users)
}

fn print_users<L: Serialize>(
    users: &[crate::scim::model::User],
    lookup: Option<L>,
    nobody: &str,
    printer: &Printer,
) -> Result<()> {
    match printer.format() {
        OutputFormat::Json => printer.json(&UsersDocument::new(users, lookup))?,
        OutputFormat::Ndjson => {
            for user in users {
                printer.ndjson_line(user)?;
            }
        }
        OutputFormat::Table if users.is_empty() => printer.note(nobody),
        OutputFormat::Table => printer.table(&HEADER, &rows(users), &[0])?,
    }
    Ok(())
}
