//! `scimctl auth`: what `login` stored where, and each setting with the place it comes from.
//! The token is never among what is shown: only its source and whether it is there.

use std::path::Path;

use serde::Serialize;

use crate::settings::Source;

/// One line of `auth status`: a setting, its value (never the token's), and its source.
#[derive(Debug, Serialize)]
pub struct Setting {
    pub setting: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// For the token only: whether it is there to be read (absent where that cannot be known
    /// without reading standard input or asking).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
    pub source: Source,
}

impl Setting {
    pub fn new(setting: &'static str, value: Option<String>, source: &Source) -> Setting {
        Setting {
            setting,
            value,
            present: None,
            source: source.clone(),
        }
    }

    pub fn token(present: Option<bool>, source: &Source) -> Setting {
        Setting {
            setting: "token",
            value: None,
            present,
            source: source.clone(),
        }
    }

    fn shown_value(&self) -> String {
        match (&self.value, self.present) {
            (Some(value), _) => value.clone(),
            (None, Some(true)) => "(set; never shown)".into(),
            (None, Some(false)) => "(missing)".into(),
            (None, None) if self.source == Source::Unset => "-".into(),
            (None, None) => "(read when needed)".into(),
        }
    }
}

pub fn render_status(settings: &[Setting]) -> String {
    let width = settings
        .iter()
        .map(|s| s.shown_value().chars().count())
        .max()
        .unwrap_or(0);
    settings
        .iter()
        .map(|s| {
            format!(
                "{:<9} {:<width$}  {}",
                s.setting,
                s.shown_value(),
                describe(&s.source)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn render_login(stored: &str, url: &str, config: &Path) -> String {
    format!(
        "Logged in: the token is in {stored}; the profile (url {url}) is in {}",
        config.display()
    )
}

/// For people: "from the --url flag", "from SCIMCTL_URL", "from url of profile 'acme' in …".
pub fn describe(source: &Source) -> String {
    match source {
        Source::Flag { name } => format!("from the {name} flag"),
        Source::Environment { name } => format!("from {name} in the environment"),
        Source::Profile { profile, key, file } => {
            format!("from {key} of profile '{profile}' in {}", file.display())
        }
        Source::DefaultProfile { file } => format!("from default-profile in {}", file.display()),
        Source::Keyring { profile } => format!("from the OS keyring (profile '{profile}')"),
        Source::CredentialsFile { profile, file } => format!(
            "from the credentials file {} (profile '{profile}')",
            file.display()
        ),
        Source::Prompt => "asked at a hidden prompt when needed".into(),
        Source::Detected => "detected from the URL (doctor confirms it)".into(),
        Source::Unset => "not set".into(),
    }
}
