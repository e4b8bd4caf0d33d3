//! Where `scimctl auth login` keeps a profile's token: the OS keyring, or — where there is none
//! (a headless server, CI) — the credentials file beside the configuration file, owner-only.
//! The configuration file names only the store (`token-store`), never the token, and nothing
//! here puts a token in an error message: a damaged credentials file is reported by line.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use crate::exit::usage;
use crate::settings::io_reason;

/// The name of the credentials file, in the configuration file's directory.
pub const CREDENTIALS_FILE: &str = "credentials.toml";

/// Which store holds a profile's token (`token-store` in the profile).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TokenStore {
    /// The OS keyring: macOS Keychain, Windows Credential Manager, the Secret Service on Linux.
    Keyring,
    /// The owner-only credentials file beside the configuration file.
    CredentialsFile,
}

impl TokenStore {
    pub fn name(self) -> &'static str {
        match self {
            TokenStore::Keyring => "keyring",
            TokenStore::CredentialsFile => "credentials-file",
        }
    }
}

/// A profile's token, wherever it is kept.
#[derive(Debug, Clone)]
pub struct StoredToken {
    pub profile: String,
    pub store: TokenStore,
    /// The credentials file (used when `store` is the file; named in messages either way).
    pub file: PathBuf,
}

impl StoredToken {
    /// The token, or `None` when nothing is stored for the profile.
    pub fn load(&self) -> Result<Option<SecretString>> {
        match self.store {
            TokenStore::Keyring => keyring::load(&self.profile),
            TokenStore::CredentialsFile => {
                Ok(CredentialsFile::read(&self.file)?.and_then(|f| f.token(&self.profile)))
            }
        }
    }

    pub fn save(&self, token: &SecretString) -> Result<()> {
        match self.store {
            TokenStore::Keyring => keyring::save(&self.profile, token),
            TokenStore::CredentialsFile => {
                let mut file = CredentialsFile::read(&self.file)?.unwrap_or_default();
                file.set(&self.profile, token);
                file.write(&self.file)
            }
        }
    }

    /// Removes the token; `false` when there was none.
    pub fn remove(&self) -> Result<bool> {
        match self.store {
            TokenStore::Keyring => keyring::remove(&self.profile),
            TokenStore::CredentialsFile => {
                let Some(mut file) = CredentialsFile::read(&self.file)? else {
                    return Ok(false);
                };
                let removed = file.remove(&self.profile);
                if removed {
                    file.write(&self.file)?;
                }
                Ok(removed)
            }
        }
    }

    /// Where it is, for people: "the keyring" or the file's path.
    pub fn describe(&self) -> String {
        match self.store {
            TokenStore::Keyring => format!("the OS keyring (profile '{}')", self.profile),
            TokenStore::CredentialsFile => format!(
                "the credentials file {} (profile '{}')",
                self.file.display(),
                self.profile
            ),
        }
    }
}

/// Whether this machine has an OS keyring scimctl can use; the reason when it has none.
pub fn keyring_status() -> std::result::Result<(), String> {
    keyring::status()
}

/// `credentials.toml`: `[profiles.NAME] token = "…"`, kept as written apart from the profile
/// changed. Read only when no one else can read it; written owner-only, atomically.
#[derive(Debug, Default)]
struct CredentialsFile {
    document: toml_edit::DocumentMut,
}

impl CredentialsFile {
    /// The file, or `None` when it does not exist.
    fn read(path: &Path) -> Result<Option<CredentialsFile>> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(usage(format!(
                    "cannot read the credentials file {}: {}",
                    path.display(),
                    io_reason(&e)
                )));
            }
        };
        refuse_if_shared(path)?;
        // The parser's own message quotes the line, which may hold a token: name the line only.
        let document = text.parse::<toml_edit::DocumentMut>().map_err(|e| {
            let line = e
                .span()
                .map(|span| text.as_bytes()[..span.start.min(text.len())].iter().filter(|b| **b == b'\n').count() + 1);
            usage(format!(
                "the credentials file {} is not valid TOML{}; fix it or remove it and run scimctl auth login again",
                path.display(),
                line.map(|l| format!(" (line {l})")).unwrap_or_default()
            ))
        })?;
        Ok(Some(CredentialsFile { document }))
    }

    fn token(&self, profile: &str) -> Option<SecretString> {
        let token = self.document.get("profiles")?.get(profile)?.get("token")?;
        token
            .as_str()
            .filter(|t| !t.is_empty())
            .map(|t| SecretString::from(t.to_string()))
    }

    fn set(&mut self, profile: &str, token: &SecretString) {
        let profiles = self.document["profiles"].or_insert(toml_edit::table());
        if let Some(table) = profiles.as_table_mut() {
            table.set_implicit(true);
        }
        profiles[profile].or_insert(toml_edit::table())["token"] =
            toml_edit::value(token.expose_secret());
    }

    fn remove(&mut self, profile: &str) -> bool {
        self.document
            .get_mut("profiles")
            .and_then(|p| p.as_table_like_mut())
            .and_then(|p| p.remove(profile))
            .is_some()
    }

    fn write(&self, path: &Path) -> Result<()> {
        let mut text = String::from(HEADER);
        let body = self.document.to_string();
        text.push_str(body.strip_prefix(HEADER).unwrap_or(&body));
        write_private(path, text.as_bytes()).map_err(|e| {
            usage(format!(
                "cannot write the credentials file {}: {}",
                path.display(),
                io_reason(&e)
            ))
        })
    }
}

const HEADER: &str = "# scimctl's stored tokens, one per profile (scimctl auth login / logout).\n\
# Keep it private to you: chmod 600.\n";

/// A file readable by group or others is refused: its tokens may already have leaked.
#[cfg(unix)]
fn refuse_if_shared(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map_err(|e| usage(format!("cannot read {}: {}", path.display(), io_reason(&e))))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(usage(format!(
            "the credentials file {} can be read by other users (mode {:o}), so scimctl will not use it; run: chmod 600 {}",
            path.display(),
            mode & 0o777,
            path.display()
        )));
    }
    Ok(())
}

#[cfg(not(unix))]
fn refuse_if_shared(_path: &Path) -> Result<()> {
    Ok(())
}

/// Writes `bytes` to `path` atomically: a new owner-only file beside it, synced, renamed over
/// it. The directory is created owner-only where it is missing.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let temporary = dir.join(format!(
        ".{}.{}.tmp",
        name.unwrap_or_default(),
        std::process::id()
    ));
    let written = (|| {
        let mut file = private_options().open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

#[cfg(unix)]
fn private_options() -> std::fs::OpenOptions {
    use std::os::unix::fs::OpenOptionsExt;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true).mode(0o600);
    options
}

#[cfg(not(unix))]
fn private_options() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    options
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

#[cfg(feature = "keyring")]
mod keyring {
    //! The OS keyring, through the `keyring` crate: one entry per profile, service "scimctl".

    use anyhow::Result;
    use secrecy::{ExposeSecret, SecretString};

    use crate::exit::usage;

    const SERVICE: &str = "scimctl";

    pub fn status() -> std::result::Result<(), String> {
        ::keyring::Entry::store_status()
            .as_ref()
            .map(|_| ())
            .map_err(one_line)
    }

    fn entry(profile: &str) -> Result<::keyring::Entry> {
        ::keyring::Entry::new(SERVICE, profile)
            .map_err(|e| usage(format!("the OS keyring cannot be used: {}", one_line(&e))))
    }

    pub fn load(profile: &str) -> Result<Option<SecretString>> {
        match entry(profile)?.get_password() {
            Ok(token) => Ok(Some(SecretString::from(token))),
            Err(::keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(usage(format!(
                "cannot read profile '{profile}''s token from the OS keyring: {}",
                one_line(&e)
            ))),
        }
    }

    pub fn save(profile: &str, token: &SecretString) -> Result<()> {
        entry(profile)?
            .set_password(token.expose_secret())
            .map_err(|e| {
                usage(format!(
                    "cannot store the token in the OS keyring: {}; pass --store file to use the credentials file",
                    one_line(&e)
                ))
            })
    }

    pub fn remove(profile: &str) -> Result<bool> {
        match entry(profile)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(::keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(usage(format!(
                "cannot remove profile '{profile}''s token from the OS keyring: {}",
                one_line(&e)
            ))),
        }
    }

    fn one_line(e: &::keyring::Error) -> String {
        e.to_string().replace('\n', " ")
    }
}

#[cfg(not(feature = "keyring"))]
mod keyring {
    //! Built without the `keyring` feature: there is no OS keyring, only the credentials file.

    use anyhow::Result;
    use secrecy::SecretString;

    use crate::exit::usage;

    const MISSING: &str = "this scimctl was built without the keyring feature";

    pub fn status() -> std::result::Result<(), String> {
        Err(MISSING.into())
    }

    pub fn load(_profile: &str) -> Result<Option<SecretString>> {
        Err(usage(format!(
            "{MISSING}; run scimctl auth login --store file"
        )))
    }

    pub fn save(_profile: &str, _token: &SecretString) -> Result<()> {
        Err(usage(format!("{MISSING}; pass --store file")))
    }

    pub fn remove(_profile: &str) -> Result<bool> {
        Err(usage(MISSING))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(dir: &Path, profile: &str) -> StoredToken {
        StoredToken {
            profile: profile.into(),
            store: TokenStore::CredentialsFile,
            file: dir.join("config").join(CREDENTIALS_FILE),
        }
    }

    #[test]
    fn a_token_saved_for_one_profile_is_read_back_and_the_others_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        stored(dir.path(), "acme")
            .save(&SecretString::from("tok-a"))
            .unwrap();
        stored(dir.path(), "globex")
            .save(&SecretString::from("tok-g"))
            .unwrap();
        let read = |p| {
            stored(dir.path(), p)
                .load()
                .unwrap()
                .map(|t| t.expose_secret().to_string())
        };
        assert_eq!(read("acme").as_deref(), Some("tok-a"));
        assert_eq!(read("globex").as_deref(), Some("tok-g"));
        assert!(stored(dir.path(), "acme").remove().unwrap());
        assert_eq!(read("acme"), None);
        assert_eq!(read("globex").as_deref(), Some("tok-g"));
        assert!(!stored(dir.path(), "acme").remove().unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_owner_only_and_refused_once_others_can_read_it() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let token = stored(dir.path(), "acme");
        token.save(&SecretString::from("tok-a")).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&token.file), 0o600);
        assert_eq!(mode(token.file.parent().unwrap()), 0o700);
        std::fs::set_permissions(&token.file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let error = token.load().unwrap_err().to_string();
        assert!(
            error.contains("can be read by other users (mode 644)"),
            "{error}"
        );
        assert!(
            error.contains(&format!("chmod 600 {}", token.file.display())),
            "{error}"
        );
    }

    #[test]
    fn a_damaged_file_is_reported_by_line_without_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let token = stored(dir.path(), "acme");
        token.save(&SecretString::from("tok-a")).unwrap();
        let text = std::fs::read_to_string(&token.file).unwrap();
        std::fs::write(&token.file, format!("{text}token = \"tok-SECRET\" oops\n")).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&token.file, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let error = token.load().unwrap_err().to_string();
        assert!(error.contains("is not valid TOML (line 5)"), "{error}");
        assert!(!error.contains("SECRET"), "{error}");
    }
}
