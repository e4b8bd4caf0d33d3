//! Users as a table, as a versioned JSON document, and as NDJSON lines.

use serde::Serialize;

use super::JSON_VERSION;
use super::escape::escape;
use crate::scim::model::User;

/// `{"version": 1, "users": [...]}` plus whatever the command adds about how it searched.
#[derive(Debug, Serialize)]
pub struct UsersDocument<'a, L: Serialize> {
    pub version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lookup: Option<L>,
    #[serde(rename = "totalResults")]
    pub total_results: usize,
    pub users: &'a [User],
}

impl<'a, L: Serialize> UsersDocument<'a, L> {
    pub fn new(users: &'a [User], lookup: Option<L>) -> Self {
        UsersDocument {
            version: JSON_VERSION,
            lookup,
            total_results: users.len(),
            users,
        }
    }
}

/// `{"version": 1, "user": {...}}` for one user.
#[derive(Debug, Serialize)]
pub struct UserDocument<'a> {
    pub version: u32,
    pub user: &'a User,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etag: Option<&'a str>,
}

/// The users table's columns; the id (0) is never shrunk, so it can be copied whole.
pub const HEADER: [&str; 6] = [
    "id",
    "userName",
    "emails",
    "externalId",
    "active",
    "last modified",
];

/// One row per user, each value escaped; every email on a line of its own in the cell.
pub fn rows(users: &[User]) -> Vec<Vec<String>> {
    users
        .iter()
        .map(|user| {
            vec![
                escape(user.shown_id()).into_owned(),
                escape(user.user_name()).into_owned(),
                emails_cell(user),
                escape(user.external_id.as_deref().unwrap_or_default()).into_owned(),
                match user.active {
                    Some(true) => "yes".to_string(),
                    Some(false) => "no".to_string(),
                    None => String::new(),
                },
                escape(
                    user.meta
                        .as_ref()
                        .and_then(|m| m.last_modified.as_deref())
                        .unwrap_or_default(),
                )
                .into_owned(),
            ]
        })
        .collect()
}

/// Every address, the primary first and marked, each with its type: a secondary address is
/// often the one that collides, so none is hidden.
fn emails_cell(user: &User) -> String {
    let mut emails: Vec<_> = user.emails.iter().filter(|e| e.value.is_some()).collect();
    emails.sort_by_key(|e| e.primary != Some(true));
    emails
        .iter()
        .map(|e| {
            let mut tags = Vec::new();
            if e.primary == Some(true) {
                tags.push("primary".to_string());
            }
            if let Some(kind) = &e.kind {
                tags.push(kind.clone());
            }
            let value = escape(e.value.as_deref().unwrap_or(""));
            if tags.is_empty() {
                value.into_owned()
            } else {
                format!("{value} ({})", escape(&tags.join(", ")))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A user's details as label/value lines, for `users get`.
pub fn details(user: &User, etag: Option<&str>) -> String {
    let mut lines = vec![
        ("id", user.shown_id().to_string()),
        ("userName", user.user_name().to_string()),
    ];
    if let Some(name) = &user.display_name {
        lines.push(("displayName", name.clone()));
    }
    if let Some(external_id) = &user.external_id {
        lines.push(("externalId", external_id.clone()));
    }
    if let Some(active) = user.active {
        lines.push(("active", if active { "yes" } else { "no" }.to_string()));
    }
    for (i, email) in emails_cell(user).lines().enumerate() {
        lines.push((if i == 0 { "emails" } else { "" }, email.to_string()));
    }
    if let Some(meta) = &user.meta {
        if let Some(created) = &meta.created {
            lines.push(("created", created.clone()));
        }
        if let Some(modified) = &meta.last_modified {
            lines.push(("last modified", modified.clone()));
        }
    }
    if let Some(etag) = etag {
        lines.push(("version", etag.to_string()));
    }
    let extensions: Vec<&String> = user.rest.keys().filter(|k| k.starts_with("urn:")).collect();
    for (i, urn) in extensions.iter().enumerate() {
        lines.push((if i == 0 { "extensions" } else { "" }, urn.to_string()));
    }
    let width = lines
        .iter()
        .map(|(label, _)| label.len())
        .max()
        .unwrap_or(0);
    lines
        .into_iter()
        .map(|(label, value)| format!("{label:width$}  {}", escape(&value)))
        .collect::<Vec<_>>()
        .join("\n")
}
