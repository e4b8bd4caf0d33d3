//! Changes `scimctl auth login` and `logout` make to the configuration file: one profile's
//! `url` and `token-store`, and `default-profile` where none is set. Everything else in the file
//! — other profiles, comments, order — stays as written. The token itself is never written here.

use std::path::Path;

use anyhow::Result;

use crate::credentials::{TokenStore, write_private};
use crate::exit::usage;
use crate::settings::io_reason;

/// The configuration file, parsed so that it can be written back as it was.
pub struct ConfigEdit {
    document: toml_edit::DocumentMut,
}

impl ConfigEdit {
    /// The file at `path`, or an empty one when it does not exist yet.
    pub fn open(path: &Path) -> Result<ConfigEdit> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => {
                return Err(usage(format!(
                    "cannot read the configuration file {}: {}",
                    path.display(),
                    io_reason(&e)
                )));
            }
        };
        let document = text.parse::<toml_edit::DocumentMut>().map_err(|e| {
            usage(format!(
                "the configuration file {} is not valid: {}",
                path.display(),
                e.to_string().lines().next().unwrap_or("")
            ))
        })?;
        Ok(ConfigEdit { document })
    }

    pub fn default_profile(&self) -> Option<&str> {
        self.document.get("default-profile")?.as_str()
    }

    pub fn profile_url(&self, profile: &str) -> Option<&str> {
        self.document
            .get("profiles")?
            .get(profile)?
            .get("url")?
            .as_str()
    }

    /// Where `auth login` put the profile's token, if it did.
    pub fn token_store(&self, profile: &str) -> Option<TokenStore> {
        let name = self
            .document
            .get("profiles")?
            .get(profile)?
            .get("token-store")?
            .as_str()?;
        [TokenStore::Keyring, TokenStore::CredentialsFile]
            .into_iter()
            .find(|store| store.name() == name)
    }

    /// Sets the profile's endpoint and token store; makes it the default where there is none.
    pub fn set_login(&mut self, profile: &str, url: &str, store: TokenStore) {
        if self.default_profile().is_none() {
            self.document["default-profile"] = toml_edit::value(profile);
        }
        let table = self.profile_mut(profile);
        table["url"] = toml_edit::value(url);
        table["token-store"] = toml_edit::value(store.name());
    }

    /// Forgets where the profile's token was stored; the rest of the profile stays.
    pub fn clear_token_store(&mut self, profile: &str) -> bool {
        self.document
            .get_mut("profiles")
            .and_then(|p| p.get_mut(profile))
            .and_then(|p| p.as_table_like_mut())
            .and_then(|p| p.remove("token-store"))
            .is_some()
    }

    fn profile_mut(&mut self, profile: &str) -> &mut toml_edit::Item {
        let profiles = self.document["profiles"].or_insert(toml_edit::table());
        if let Some(table) = profiles.as_table_mut() {
            table.set_implicit(true);
        }
        profiles[profile].or_insert(toml_edit::table())
    }

    /// Written atomically and owner-only (it names where tokens are, and may name token files).
    pub fn save(&self, path: &Path) -> Result<()> {
        write_private(path, self.document.to_string().as_bytes()).map_err(|e| {
            usage(format!(
                "cannot write the configuration file {}: {}",
                path.display(),
                io_reason(&e)
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_adds_its_profile_and_keeps_the_rest_of_the_file_as_written() {
        let text = "# my endpoints\n[profiles.staging]\nurl = \"https://s.example.com/v2\" # old\ntimeout = 10\n";
        let mut edit = ConfigEdit {
            document: text.parse().unwrap(),
        };
        edit.set_login(
            "acme",
            "https://api.example.com/scim/v2",
            TokenStore::CredentialsFile,
        );
        let written = edit.document.to_string();
        assert!(written.starts_with("default-profile = \"acme\"\n# my endpoints\n[profiles.staging]\nurl = \"https://s.example.com/v2\" # old\ntimeout = 10\n"), "{written}");
        assert!(written.contains("[profiles.acme]\nurl = \"https://api.example.com/scim/v2\"\ntoken-store = \"credentials-file\"\n"), "{written}");
        assert!(edit.clear_token_store("acme"));
        assert!(!edit.document.to_string().contains("token-store"));
    }
}
