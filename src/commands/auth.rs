//! `scimctl auth login | status | logout`: a profile's token kept in the OS keyring or the
//! owner-only credentials file, the profile written to the configuration file, and where each
//! setting comes from — never the token itself.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use crate::cli::OutputFormat;
use crate::config_file::ConfigEdit;
use crate::credentials::{StoredToken, TokenStore, keyring_status};
use crate::exit::{ExitStatus, usage};
use crate::output::auth::{Setting, render_login, render_status};
use crate::output::{JSON_VERSION, Printer};
use crate::provider;
use crate::settings::{ConnectionSettings, LoginRequest, Settings, TokenSource, credentials_file};

/// The profile `auth login` writes when none is named and the file has no default.
const DEFAULT_PROFILE: &str = "default";

pub fn login(request: LoginRequest, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let config = config_path(request.config)?;
    let mut edit = ConfigEdit::open(&config)?;
    let profile = request
        .profile
        .or_else(|| edit.default_profile().map(str::to_string))
        .unwrap_or_else(|| DEFAULT_PROFILE.to_string());
    let url = match request
        .url
        .or_else(|| edit.profile_url(&profile).map(str::to_string))
    {
        Some(url) => url,
        None => {
            return Err(usage(format!(
                "profile '{profile}' has no endpoint yet: pass --url URL (scimctl auth login --profile {profile} --url https://…/scim/v2)"
            )));
        }
    };
    check_url(&url)?;
    let (store, no_keyring) = match request.store {
        Some(TokenStore::Keyring) => match keyring_status() {
            Ok(()) => (TokenStore::Keyring, None),
            Err(reason) => {
                return Err(usage(format!(
                    "there is no OS keyring here ({reason}); pass --store file to keep the token in the owner-only credentials file"
                )));
            }
        },
        Some(TokenStore::CredentialsFile) => (TokenStore::CredentialsFile, None),
        None => match keyring_status() {
            Ok(()) => (TokenStore::Keyring, None),
            Err(reason) => (TokenStore::CredentialsFile, Some(reason)),
        },
    };
    let token = read_token(request.with_token, &settings.connection, printer)?;
    let stored = StoredToken {
        profile: profile.clone(),
        store,
        file: credentials_file(&config),
    };
    stored.save(&token)?;
    if let Some(previous) = edit.token_store(&profile).filter(|p| *p != store) {
        // Moved to another store: the old copy of the token goes.
        let _ = StoredToken {
            store: previous,
            ..stored.clone()
        }
        .remove();
    }
    edit.set_login(&profile, &url, store);
    edit.save(&config)?;
    if let Some(reason) = no_keyring {
        printer.note(&format!(
            "no OS keyring here ({reason}): the token is in the credentials file, readable by you alone"
        ));
    }
    let done = LoginDone {
        version: JSON_VERSION,
        profile: &profile,
        url: &url,
        token_store: store,
        credentials_file: (store == TokenStore::CredentialsFile).then_some(&stored.file),
        config_file: &config,
    };
    match printer.format() {
        OutputFormat::Table => printer.data(&render_login(&stored.describe(), &url, &config))?,
        OutputFormat::Json | OutputFormat::Ndjson => printer.json(&done)?,
    }
    Ok(ExitStatus::Success)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LoginDone<'a> {
    version: u32,
    profile: &'a str,
    url: &'a str,
    token_store: TokenStore,
    #[serde(skip_serializing_if = "Option::is_none")]
    credentials_file: Option<&'a PathBuf>,
    config_file: &'a PathBuf,
}

pub fn status(settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let sources = &settings.sources;
    let connection = &settings.connection;
    let url = connection.url.as_ref().map(|u| u.url.clone());
    let provider = match (connection.provider, url.as_deref().map(url::Url::parse)) {
        (Some(chosen), _) => Some(chosen.id.to_string()),
        (None, Some(Ok(url))) => Some(provider::detect(&url, None).provider.id.to_string()),
        (None, _) => None,
    };
    let settings_shown = vec![
        Setting::new("profile", sources.profile_name.clone(), &sources.profile),
        Setting::new("url", url, &sources.url),
        Setting::token(token_present(&connection.token), &sources.token),
        Setting::new("provider", provider, &sources.provider),
    ];
    match printer.format() {
        OutputFormat::Table => printer.data(&render_status(&settings_shown))?,
        OutputFormat::Json | OutputFormat::Ndjson => printer.json(&StatusDocument {
            version: JSON_VERSION,
            settings: &settings_shown,
        })?,
    }
    Ok(ExitStatus::Success)
}

#[derive(Serialize)]
struct StatusDocument<'a> {
    version: u32,
    settings: &'a [Setting],
}

pub fn logout(
    profile: Option<String>,
    config: Option<PathBuf>,
    printer: &Printer,
) -> Result<ExitStatus> {
    let config = config_path(config)?;
    let mut edit = ConfigEdit::open(&config)?;
    let Some(profile) = profile.or_else(|| edit.default_profile().map(str::to_string)) else {
        return Err(usage(
            "which profile? pass --profile NAME (the configuration file has no default-profile)",
        ));
    };
    let Some(store) = edit.token_store(&profile) else {
        printer.note(&format!(
            "profile '{profile}' has no stored token in {}; nothing to remove",
            config.display()
        ));
        return Ok(ExitStatus::Success);
    };
    let stored = StoredToken {
        profile: profile.clone(),
        store,
        file: credentials_file(&config),
    };
    let removed = stored.remove()?;
    edit.clear_token_store(&profile);
    edit.save(&config)?;
    printer.data(&if removed {
        format!(
            "Logged out: removed profile '{profile}''s token from {}",
            stored.describe()
        )
    } else {
        format!(
            "Logged out: {} held no token for profile '{profile}'",
            stored.describe()
        )
    })?;
    Ok(ExitStatus::Success)
}

fn config_path(config: Option<PathBuf>) -> Result<PathBuf> {
    config.ok_or_else(|| usage("no configuration directory on this machine: pass --config FILE"))
}

fn check_url(url: &str) -> Result<()> {
    match url::Url::parse(url.trim()) {
        Ok(parsed) if matches!(parsed.scheme(), "https" | "http") => Ok(()),
        Ok(parsed) => Err(usage(format!(
            "the URL '{url}' is not http(s) (scheme {})",
            parsed.scheme()
        ))),
        Err(e) => Err(usage(format!("the URL '{url}' is not valid: {e}"))),
    }
}

/// The token, from standard input (`--with-token`) or a hidden prompt; never from argv.
fn read_token(
    with_token: bool,
    connection: &ConnectionSettings,
    printer: &Printer,
) -> Result<secrecy::SecretString> {
    let source = if with_token {
        TokenSource::Stdin
    } else if connection.no_input.is_some()
        || !std::io::stdin().is_terminal()
        || !std::io::stderr().is_terminal()
    {
        return Err(usage(
            "no terminal to type the token at: pipe it in with --with-token (echo \"$TOKEN\" | scimctl auth login --with-token)",
        ));
    } else {
        TokenSource::Prompt
    };
    ConnectionSettings {
        token: source,
        ..connection.clone()
    }
    .read_token(printer)
}

/// Whether the token is there to be read, where that can be known without reading a pipe or
/// asking; the token itself is never read into the report.
fn token_present(source: &TokenSource) -> Option<bool> {
    match source {
        TokenSource::Given(_) | TokenSource::Environment => Some(true),
        TokenSource::File(path) => Some(path.is_file()),
        TokenSource::Stored(stored) => Some(stored.load().ok().flatten().is_some()),
        TokenSource::Stdin | TokenSource::Prompt => None,
    }
}
