//! Command-line flags, SCIMCTL_* environment variables (clap reads those, as each flag's twin)
//! and the configuration file's profile, resolved once into plain settings: flags beat the
//! environment, which beats the profile. Commands receive these, never clap types.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::cli::{
    self, ColorChoice, Command, GlobalArgs, JournalCommand, OutputFormat, UsersCommand,
};
use crate::conflict::engine::ScanBudget;
use crate::conflict::journal::Journal;
use crate::conflict::lookup::LookupKey;
use crate::credentials::{CREDENTIALS_FILE, StoredToken, TokenStore};
use crate::exit::{UsageError, usage};
use crate::output::Printer;
use crate::output::prompt::until_interrupted;
use crate::provider::{self, Provider};
use crate::scim::capabilities::{CapabilityCache, DEFAULT_TTL};
use crate::scim::client::{ClientOptions, ScimClient};
use crate::scim::filter;
use crate::scim::model::UserId;

const DEFAULT_TIMEOUT_SECS: f64 = 30.0;
const DEFAULT_MAX_RETRIES: u32 = 3;

#[derive(Debug, Clone)]
pub struct OutputSettings {
    pub format: OutputFormat,
    pub color: ColorChoice,
    pub quiet: bool,
    pub verbosity: u8,
}

impl OutputSettings {
    /// For errors reported before the settings are known: a table printer, nothing hidden.
    pub fn before_settings(color: ColorChoice) -> OutputSettings {
        OutputSettings {
            format: OutputFormat::Table,
            color,
            quiet: false,
            verbosity: 0,
        }
    }
}

/// Where the token will come from; it is read only when a command needs the endpoint.
#[derive(Debug, Clone)]
pub enum TokenSource {
    /// Handed over in-process (the demo's own sandbox).
    Given(SecretString),
    Stdin,
    File(PathBuf),
    Environment,
    /// Put there by `scimctl auth login`: the OS keyring or the credentials file.
    Stored(StoredToken),
    Prompt,
}

/// Where a setting's value came from, for `scimctl auth status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Source {
    /// A command-line flag, e.g. `--url`.
    Flag { name: &'static str },
    /// An environment variable, e.g. `SCIMCTL_URL`.
    Environment { name: &'static str },
    /// A key of a profile in the configuration file.
    Profile {
        profile: String,
        key: &'static str,
        file: PathBuf,
    },
    /// The configuration file's `default-profile`.
    DefaultProfile { file: PathBuf },
    /// The OS keyring, where `auth login` stored the profile's token.
    Keyring { profile: String },
    /// The credentials file, where `auth login` stored the profile's token.
    CredentialsFile { profile: String, file: PathBuf },
    /// Asked for at a hidden prompt when needed.
    Prompt,
    /// Detected from the endpoint (the provider).
    Detected,
    /// Not set anywhere.
    Unset,
}

/// Where each connection setting came from.
#[derive(Debug, Clone)]
pub struct Sources {
    pub profile: Source,
    /// The profile in use, if any, and the configuration file it is in.
    pub profile_name: Option<String>,
    pub config_file: Option<PathBuf>,
    pub url: Source,
    pub token: Source,
    pub provider: Source,
}

#[derive(Debug, Clone)]
pub struct ConnectionSettings {
    pub url: Option<String>,
    pub token: TokenSource,
    /// Chosen with --provider or in the profile; `None` means detect from the endpoint.
    pub provider: Option<&'static Provider>,
    pub timeout: Duration,
    pub max_retries: u32,
    /// `--deadline`: the whole command ends within this long.
    pub deadline: Option<Duration>,
    /// `--max-users`: at most this many users in one walk.
    pub max_users: Option<u64>,
    pub ca_cert: Option<PathBuf>,
    pub insecure_http: bool,
    pub no_input: bool,
    pub cache_dir: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub output: OutputSettings,
    pub connection: ConnectionSettings,
    /// The journal of changes (`SCIMCTL_STATE_DIR`, else the platform state directory).
    pub journal: Option<PathBuf>,
    /// At most how many users a lookup reads when no proven filter can answer; `None`: all.
    pub max_scan: Option<u64>,
    /// Where the connection settings came from (`scimctl auth status`).
    pub sources: Sources,
}

/// What the user asked for, in the problem's terms.
#[derive(Debug, Clone)]
pub enum Task {
    FindUsers(FindTarget),
    GetUser {
        id: String,
    },
    ListUsers {
        filter: Option<String>,
        limit: Option<u64>,
    },
    Diagnose(DiagnoseOptions),
    Resolve(DiagnoseOptions),
    RenameUser {
        holder: HolderRef,
        to: String,
        write: WriteOptions,
    },
    SuggestUsername {
        base: String,
        count: u32,
    },
    ReleaseEmail {
        email: String,
        from: Option<String>,
        replacement: ReleaseChoice,
        write: WriteOptions,
    },
    Link {
        holder_id: String,
        payload: Option<Input>,
        user_name: Option<String>,
        external_id: Option<String>,
        activate: bool,
        write: WriteOptions,
    },
    Provision {
        payload: Input,
        user_name: Option<String>,
        email: Option<String>,
        write: WriteOptions,
    },
    JournalList,
    JournalUndo {
        id: u64,
        write: WriteOptions,
    },
    JournalSettle {
        id: u64,
    },
    AuthLogin(LoginRequest),
    AuthStatus,
    AuthLogout {
        profile: Option<String>,
        config: Option<PathBuf>,
    },
    Doctor,
    Sandbox(SandboxOptions),
    Demo,
    Completions(clap_complete::Shell),
    Man,
}

/// `scimctl auth login`: which profile, where, and how the token is read and kept.
#[derive(Debug, Clone)]
pub struct LoginRequest {
    /// `--profile`; else the configuration's `default-profile`, else "default".
    pub profile: Option<String>,
    /// `--url`; else the profile's own.
    pub url: Option<String>,
    pub config: Option<PathBuf>,
    /// Read from standard input (`--with-token`) rather than at a hidden prompt.
    pub with_token: bool,
    /// `None`: the keyring where there is one, the credentials file otherwise.
    pub store: Option<TokenStore>,
}

/// How a write is carried out: shown only, confirmed at a prompt, or confirmed by `--yes`.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    pub dry_run: bool,
    pub yes: bool,
}

/// Which account a command acts on.
#[derive(Debug, Clone)]
pub enum HolderRef {
    Id(String),
    UserName(String),
}

/// What `release-email` puts in the address's place.
#[derive(Debug, Clone)]
pub enum ReleaseChoice {
    Placeholder,
    With(String),
    Remove,
}

#[derive(Debug, Clone, Default)]
pub struct DiagnoseOptions {
    pub user_name: Option<String>,
    pub emails: Vec<String>,
    pub external_id: Option<String>,
    pub payload: Option<Input>,
    pub error: Option<Input>,
    pub deep: bool,
}

/// A value given on the command line, in a file, or on standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Text(String),
    File(PathBuf),
    Stdin,
}

impl Input {
    /// `-` is standard input; for inputs that also take text, `@FILE` is a file.
    fn parse(value: &str, takes_text: bool) -> Input {
        match value {
            "-" => Input::Stdin,
            _ if takes_text => match value.strip_prefix('@') {
                Some(path) => Input::File(PathBuf::from(path)),
                None => Input::Text(value.to_string()),
            },
            _ => Input::File(PathBuf::from(value)),
        }
    }

    /// Reads the whole input; `what` names it in errors ("the payload"). Ctrl-C while it waits
    /// (standard input, a named pipe) ends the command at once: exit 130, nothing written.
    pub fn read(&self, what: &str) -> Result<String> {
        match self {
            Input::Text(text) => Ok(text.clone()),
            Input::File(path) => {
                let file = path.clone();
                until_interrupted(move || std::fs::read_to_string(file)).map_err(|e| {
                    interrupted_or(e, |e| {
                        usage(format!(
                            "cannot read {what} file {}: {}",
                            path.display(),
                            io_reason(&e)
                        ))
                    })
                })
            }
            Input::Stdin => read_stdin().map_err(|e| {
                interrupted_or(e, |e| {
                    usage(format!("cannot read {what} from standard input: {e}"))
                })
            }),
        }
    }

    /// Where it came from, for messages.
    pub fn describe(&self) -> String {
        match self {
            Input::Text(_) => "the command line".into(),
            Input::File(path) => path.display().to_string(),
            Input::Stdin => "standard input".into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct SandboxOptions {
    pub host: String,
    /// `None`: the port the state file recorded, else a free one.
    pub port: Option<u16>,
    pub tenants: Vec<String>,
    pub seed: Option<PathBuf>,
    pub state: Option<PathBuf>,
    /// The token the sandbox accepts is read from here instead of generated.
    pub token_file: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub enum FindTarget {
    Holder(LookupKey),
    Filter(String),
}

/// A profile in the configuration file (TOML):
///
/// ```toml
/// default-profile = "acme"
/// [profiles.acme]
/// url = "https://api.example.com/scim/v2"
/// token-file = "~/.config/scimctl/acme.token"
/// provider = "pulumi"
/// ```
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    default_profile: Option<String>,
    #[serde(default)]
    profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Profile {
    url: Option<String>,
    token_file: Option<PathBuf>,
    provider: Option<String>,
    timeout: Option<f64>,
    max_retries: Option<u32>,
    ca_cert: Option<PathBuf>,
    insecure_http: Option<bool>,
    output: Option<String>,
    max_scan: Option<u64>,
    /// Where `scimctl auth login` stored the profile's token (never the token itself).
    token_store: Option<TokenStore>,
}

/// The profile in use: its name, the file it is in, and how it was chosen.
#[derive(Debug, Clone)]
struct Chosen {
    name: String,
    file: PathBuf,
    by: Source,
}

impl Settings {
    /// `auth login` may name a profile (or a configuration file) that does not exist yet: it is
    /// about to write it.
    pub fn resolve(args: &GlobalArgs, command: &Command) -> Result<Settings> {
        let creating = matches!(command, Command::Auth(cli::AuthCommand::Login(_)));
        let (profile, chosen) = load_profile(args, creating)?;
        let output = OutputSettings {
            format: match (args.output, profile.output.as_deref()) {
                (Some(format), _) => format,
                (None, Some(name)) => parse_output(name)?,
                (None, None) => OutputFormat::Table,
            },
            color: args.color.unwrap_or(ColorChoice::Auto),
            quiet: args.quiet,
            verbosity: args.verbose,
        };
        let provider = match args.provider.as_deref().or(profile.provider.as_deref()) {
            Some(id) => Some(provider::by_id(id).ok_or_else(|| {
                usage(format!(
                    "unknown provider '{id}' in the profile; known: {}",
                    provider::IDS.join(", ")
                ))
            })?),
            None => None,
        };
        let timeout_secs = args
            .timeout
            .or(profile.timeout)
            .unwrap_or(DEFAULT_TIMEOUT_SECS);
        if !(timeout_secs.is_finite() && timeout_secs > 0.0 && timeout_secs <= 3600.0) {
            return Err(usage(format!(
                "--timeout must be a number of seconds between 0 and 3600, not {timeout_secs}"
            )));
        }
        let deadline = match args.deadline {
            Some(secs) if secs.is_finite() && secs > 0.0 && secs <= 7.0 * 86_400.0 => {
                Some(Duration::from_secs_f64(secs))
            }
            Some(secs) => {
                return Err(usage(format!(
                    "--deadline must be a number of seconds between 0 and 604800 (a week), not {secs}"
                )));
            }
            None => None,
        };
        let sources = Sources {
            profile: match &chosen {
                Some(chosen) => chosen.by.clone(),
                None => Source::Unset,
            },
            profile_name: chosen.as_ref().map(|c| c.name.clone()),
            config_file: chosen.as_ref().map(|c| c.file.clone()),
            url: given(args.url.as_deref(), "--url", "SCIMCTL_URL")
                .or_else(|| from_profile(&chosen, profile.url.is_some(), "url"))
                .unwrap_or(Source::Unset),
            token: Source::Unset,
            provider: given(args.provider.as_deref(), "--provider", "SCIMCTL_PROVIDER")
                .or_else(|| from_profile(&chosen, profile.provider.is_some(), "provider"))
                .unwrap_or(Source::Detected),
        };
        let (token, token_from) = token_source(args, &profile, chosen.as_ref());
        let sources = Sources {
            token: token_from,
            ..sources
        };
        let connection = ConnectionSettings {
            url: args.url.clone().or(profile.url),
            token,
            provider,
            timeout: Duration::from_secs_f64(timeout_secs),
            max_retries: args
                .max_retries
                .or(profile.max_retries)
                .unwrap_or(DEFAULT_MAX_RETRIES),
            deadline,
            max_users: args.max_users,
            ca_cert: args
                .ca_cert
                .clone()
                .or(profile.ca_cert.map(|p| expand_home(&p))),
            insecure_http: args.insecure_http || profile.insecure_http.unwrap_or(false),
            no_input: args.no_input,
            cache_dir: std::env::var_os("SCIMCTL_CACHE_DIR")
                .map(PathBuf::from)
                .or_else(|| project_dirs().map(|d| d.cache_dir().to_path_buf())),
        };
        Ok(Settings {
            output,
            connection,
            journal: Journal::default_path(),
            max_scan: match args.max_scan.or(profile.max_scan) {
                Some(0) => None,
                Some(n) => Some(n),
                None => ScanBudget::DEFAULT.0,
            },
            sources,
        })
    }
}

/// The token's source, in the documented order: `--token-stdin`, `--token-file` /
/// `SCIMCTL_TOKEN_FILE`, `SCIMCTL_TOKEN`, the token `auth login` stored for the profile (keyring
/// or credentials file), the profile's `token-file`, and last a hidden prompt.
fn token_source(
    args: &GlobalArgs,
    profile: &Profile,
    chosen: Option<&Chosen>,
) -> (TokenSource, Source) {
    if args.token_stdin {
        return (
            TokenSource::Stdin,
            Source::Flag {
                name: "--token-stdin",
            },
        );
    }
    if let Some(path) = &args.token_file {
        let path_text = path.to_string_lossy();
        let from = given(Some(&path_text), "--token-file", "SCIMCTL_TOKEN_FILE");
        return (
            TokenSource::File(path.clone()),
            from.unwrap_or(Source::Unset),
        );
    }
    if std::env::var_os("SCIMCTL_TOKEN").is_some_and(|t| !t.is_empty()) {
        return (
            TokenSource::Environment,
            Source::Environment {
                name: "SCIMCTL_TOKEN",
            },
        );
    }
    if let (Some(store), Some(chosen)) = (profile.token_store, chosen) {
        let stored = StoredToken {
            profile: chosen.name.clone(),
            store,
            file: credentials_file(&chosen.file),
        };
        let from = match store {
            TokenStore::Keyring => Source::Keyring {
                profile: chosen.name.clone(),
            },
            TokenStore::CredentialsFile => Source::CredentialsFile {
                profile: chosen.name.clone(),
                file: stored.file.clone(),
            },
        };
        return (TokenSource::Stored(stored), from);
    }
    if let Some(path) = &profile.token_file {
        let from = from_profile(&chosen.cloned(), true, "token-file").unwrap_or(Source::Unset);
        return (TokenSource::File(expand_home(path)), from);
    }
    (TokenSource::Prompt, Source::Prompt)
}

/// A flag's value came from its environment twin when the variable holds that very value.
fn given(value: Option<&str>, flag: &'static str, env: &'static str) -> Option<Source> {
    let value = value?;
    Some(if std::env::var(env).is_ok_and(|v| v == value) {
        Source::Environment { name: env }
    } else {
        Source::Flag { name: flag }
    })
}

fn from_profile(chosen: &Option<Chosen>, set: bool, key: &'static str) -> Option<Source> {
    let chosen = chosen.as_ref().filter(|_| set)?;
    Some(Source::Profile {
        profile: chosen.name.clone(),
        key,
        file: chosen.file.clone(),
    })
}

/// The configuration file: `--config` / `SCIMCTL_CONFIG`, else the platform's.
pub fn config_file(args: &GlobalArgs) -> Option<PathBuf> {
    args.config
        .clone()
        .or_else(|| project_dirs().map(|d| d.config_dir().join("config.toml")))
}

/// The credentials file `auth login` writes where there is no keyring: beside the configuration.
pub fn credentials_file(config: &Path) -> PathBuf {
    config
        .parent()
        .unwrap_or(Path::new("."))
        .join(CREDENTIALS_FILE)
}

impl Task {
    pub fn from_command(command: &Command, args: &GlobalArgs) -> Result<Task> {
        Ok(match command {
            Command::Users(UsersCommand::Find(find)) => Task::FindUsers(find_target(find)?),
            Command::Users(UsersCommand::Get { id }) => {
                user_id(id)?;
                Task::GetUser { id: id.clone() }
            }
            Command::Users(UsersCommand::List { filter, limit }) => {
                if let Some(f) = filter {
                    check_filter(f)?;
                }
                Task::ListUsers {
                    filter: filter.clone(),
                    limit: *limit,
                }
            }
            Command::Diagnose(d) | Command::Resolve(d) => {
                let options = DiagnoseOptions {
                    user_name: d.username.clone(),
                    emails: d.emails.clone(),
                    external_id: d.external_id.clone(),
                    payload: d.payload.as_deref().map(|p| Input::parse(p, false)),
                    error: d.error.as_deref().map(|e| Input::parse(e, true)),
                    deep: d.deep,
                };
                one_stdin_reader(
                    args.token_stdin,
                    [options.payload.as_ref(), options.error.as_ref()],
                )?;
                if matches!(command, Command::Resolve(_)) {
                    Task::Resolve(options)
                } else {
                    Task::Diagnose(options)
                }
            }
            Command::RenameUser(r) => Task::RenameUser {
                holder: match (&r.id, &r.username) {
                    (Some(id), _) => HolderRef::Id(user_id(id)?.to_string()),
                    (None, Some(name)) => HolderRef::UserName(name.clone()),
                    (None, None) => return Err(usage("give the account's id or --username")),
                },
                to: r.to.clone(),
                write: write_options(&r.write),
            },
            Command::SuggestUsername { base, count } => Task::SuggestUsername {
                base: base.clone(),
                count: *count,
            },
            Command::ReleaseEmail(r) => Task::ReleaseEmail {
                email: r.email.clone(),
                from: match &r.from {
                    Some(id) => Some(user_id(id)?.to_string()),
                    None => None,
                },
                replacement: match (&r.replace_with, r.remove) {
                    (Some(new), _) => ReleaseChoice::With(new.clone()),
                    (None, true) => ReleaseChoice::Remove,
                    (None, false) => ReleaseChoice::Placeholder,
                },
                write: write_options(&r.write),
            },
            Command::Link(l) => {
                let payload = l.payload.as_deref().map(|p| Input::parse(p, false));
                one_stdin_reader(args.token_stdin, [payload.as_ref()])?;
                Task::Link {
                    holder_id: user_id(&l.holder_id)?.to_string(),
                    payload,
                    user_name: l.username.clone(),
                    external_id: l.external_id.clone(),
                    activate: l.activate,
                    write: write_options(&l.write),
                }
            }
            Command::Provision(p) => {
                let payload = Input::parse(&p.payload, false);
                one_stdin_reader(args.token_stdin, [Some(&payload)])?;
                Task::Provision {
                    payload,
                    user_name: p.username.clone(),
                    email: p.email.clone(),
                    write: write_options(&p.write),
                }
            }
            Command::Journal(JournalCommand::List) => Task::JournalList,
            Command::Journal(JournalCommand::Undo { id, write }) => Task::JournalUndo {
                id: *id,
                write: write_options(write),
            },
            Command::Journal(JournalCommand::Settle { id }) => Task::JournalSettle { id: *id },
            Command::Auth(cli::AuthCommand::Login(login)) => {
                one_stdin_reader(
                    args.token_stdin,
                    [login.with_token.then_some(&Input::Stdin)],
                )?;
                Task::AuthLogin(LoginRequest {
                    profile: args.profile.clone(),
                    url: args.url.clone(),
                    config: config_file(args),
                    with_token: login.with_token,
                    store: match login.store {
                        cli::StoreChoice::Auto => None,
                        cli::StoreChoice::Keyring => Some(TokenStore::Keyring),
                        cli::StoreChoice::File => Some(TokenStore::CredentialsFile),
                    },
                })
            }
            Command::Auth(cli::AuthCommand::Status) => Task::AuthStatus,
            Command::Auth(cli::AuthCommand::Logout) => Task::AuthLogout {
                profile: args.profile.clone(),
                config: config_file(args),
            },
            Command::Doctor => Task::Doctor,
            Command::Sandbox(sandbox) => Task::Sandbox(SandboxOptions {
                host: sandbox.host.clone(),
                port: sandbox.port,
                tenants: sandbox.tenants.clone(),
                seed: sandbox.seed.clone(),
                state: sandbox.state.clone(),
                token_file: args.token_file.clone(),
            }),
            Command::Demo => Task::Demo,
            Command::Completions { shell } => Task::Completions(*shell),
            Command::Man => Task::Man,
        })
    }
}

impl Settings {
    pub fn journal(&self) -> Result<Journal> {
        let path = self
            .journal
            .clone()
            .ok_or_else(|| usage("no directory for the journal: set SCIMCTL_STATE_DIR"))?;
        Ok(Journal::at(path))
    }
}

impl Task {
    /// Long-running servers handle Ctrl-C themselves, as a request to stop, not an interruption.
    pub fn handles_interrupts(&self) -> bool {
        matches!(self, Task::Sandbox(_))
    }
}

fn write_options(args: &cli::WriteArgs) -> WriteOptions {
    WriteOptions {
        dry_run: args.dry_run,
        yes: args.yes,
    }
}

/// At most one input may read standard input in one call (docs/architecture.md, "Contracts").
fn one_stdin_reader<const N: usize>(token_stdin: bool, inputs: [Option<&Input>; N]) -> Result<()> {
    let readers =
        usize::from(token_stdin) + inputs.iter().filter(|i| **i == Some(&Input::Stdin)).count();
    if readers > 1 {
        return Err(usage(
            "only one input can read standard input: choose one of --token-stdin, --payload -, --error -",
        ));
    }
    Ok(())
}

fn find_target(find: &cli::FindArgs) -> Result<FindTarget> {
    let key = match (&find.username, &find.email, &find.external_id, &find.filter) {
        (Some(name), None, None, None) => LookupKey::UserName(name.clone()),
        (None, Some(email), None, None) => LookupKey::Email(email.clone()),
        (None, None, Some(id), None) => LookupKey::ExternalId(id.clone()),
        (None, None, None, Some(f)) => {
            check_filter(f)?;
            return Ok(FindTarget::Filter(f.clone()));
        }
        _ => {
            return Err(usage(
                "give exactly one of --username, --email, --external-id or --filter",
            ));
        }
    };
    if key.value().is_empty() {
        return Err(usage(format!(
            "--{} needs a value that is not empty",
            key.flag()
        )));
    }
    Ok(FindTarget::Holder(key))
}

/// An account id given on the command line: never empty, so it never addresses `/Users/`.
pub fn user_id(text: &str) -> Result<UserId> {
    UserId::new(text).map_err(|_| usage(format!("the account id {text:?} is empty; give the id the server shows for the account (scimctl users find …)")))
}

fn check_filter(text: &str) -> Result<()> {
    filter::parse(text).map(|_| ()).map_err(|reason| {
        usage(format!(
            "the filter '{text}' is not valid SCIM filter syntax: {reason}"
        ))
    })
}

impl ConnectionSettings {
    /// Reads the token and builds the client. This is where a missing URL or token is reported.
    pub fn connect(&self, printer: &Printer) -> Result<ScimClient> {
        let url = self.url.as_deref().ok_or_else(|| {
            usage(
                "no endpoint: set SCIMCTL_URL, pass --url URL, or choose a profile with --profile",
            )
        })?;
        let base_url = Url::parse(url.trim())
            .map_err(|e| usage(format!("the URL '{url}' is not valid: {e}")))?;
        let token = self.read_token(printer)?;
        Ok(ScimClient::new(ClientOptions {
            base_url,
            token,
            timeout: self.timeout,
            max_retries: self.max_retries,
            ca_cert: self.ca_cert.clone(),
            insecure_http: self.insecure_http,
            max_users: self.max_users,
            deadline: self.deadline,
        })?)
    }

    pub fn capability_cache(&self) -> CapabilityCache {
        CapabilityCache::new(self.cache_dir.clone(), DEFAULT_TTL)
    }

    /// Reads the token from its source, cleaned as every token is (a byte-order mark, CRLF,
    /// a `Bearer ` prefix), and registers it for redaction.
    pub fn read_token(&self, printer: &Printer) -> Result<SecretString> {
        let token = match &self.token {
            TokenSource::Given(token) => {
                crate::redact::register(token);
                return Ok(token.clone());
            }
            TokenSource::Environment => std::env::var("SCIMCTL_TOKEN")
                .map_err(|_| usage("SCIMCTL_TOKEN is not valid UTF-8"))?,
            TokenSource::Stored(stored) => stored
                .load()?
                .ok_or_else(|| {
                    usage(format!(
                        "no token is stored for profile '{}' in {}; run: scimctl auth login --profile {}",
                        stored.profile,
                        stored.describe(),
                        stored.profile
                    ))
                })?
                .expose_secret()
                .to_string(),
            TokenSource::Stdin => read_stdin().map_err(|e| {
                interrupted_or(e, |e| {
                    usage(format!("cannot read the token from standard input: {e}"))
                })
            })?,
            TokenSource::File(path) => {
                if let Some(warning) = loose_permissions(path) {
                    printer.warn(&warning);
                }
                let file = path.clone();
                until_interrupted(move || std::fs::read_to_string(file)).map_err(|e| {
                    interrupted_or(e, |e| {
                        usage(format!(
                            "cannot read the token file {}: {}",
                            path.display(),
                            io_reason(&e)
                        ))
                    })
                })?
            }
            TokenSource::Prompt => {
                if self.no_input
                    || !std::io::stdin().is_terminal()
                    || !std::io::stderr().is_terminal()
                {
                    return Err(usage(
                        "no token: set SCIMCTL_TOKEN, pass --token-file FILE or --token-stdin, or set token-file in a profile",
                    ));
                }
                crate::output::prompt::secret("SCIM bearer token")
                    .context("reading the token at the prompt")?
            }
        };
        // A file saved by Windows editors starts with a byte-order mark and ends lines in CRLF.
        let token = token.strip_prefix('\u{feff}').unwrap_or(&token);
        let token = token
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        if token.is_empty() {
            return Err(usage(format!(
                "the token from {} is empty",
                self.token.describe()
            )));
        }
        let token = token.strip_prefix("Bearer ").unwrap_or(token).trim();
        let token = SecretString::from(token.to_string());
        // A server may echo it back in an error; from here on it is redacted wherever shown.
        crate::redact::register(&token);
        Ok(token)
    }
}

impl TokenSource {
    fn describe(&self) -> String {
        match self {
            TokenSource::Given(_) => "the caller".into(),
            TokenSource::Stdin => "standard input".into(),
            TokenSource::File(path) => path.display().to_string(),
            TokenSource::Environment => "SCIMCTL_TOKEN".into(),
            TokenSource::Stored(stored) => stored.describe(),
            TokenSource::Prompt => "the prompt".into(),
        }
    }
}

fn load_profile(args: &GlobalArgs, creating: bool) -> Result<(Profile, Option<Chosen>)> {
    let explicit = args.config.is_some();
    let Some(path) = config_file(args) else {
        return match &args.profile {
            Some(name) => Err(usage(format!(
                "profile '{name}' asked for, but there is no configuration directory"
            ))),
            None => Ok((Profile::default(), None)),
        };
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e)
            if e.kind() == std::io::ErrorKind::NotFound
                && (creating || (!explicit && args.profile.is_none())) =>
        {
            return Ok((Profile::default(), None));
        }
        Err(e) => {
            return Err(usage(format!(
                "cannot read the configuration file {}: {}",
                path.display(),
                io_reason(&e)
            )));
        }
    };
    let config: ConfigFile = toml::from_str(&text).map_err(|e| {
        UsageError(format!(
            "the configuration file {} is not valid: {}",
            path.display(),
            e.to_string().lines().next().unwrap_or("")
        ))
    })?;
    let Some(name) = args.profile.clone().or(config.default_profile.clone()) else {
        return Ok((Profile::default(), None));
    };
    let by = match &args.profile {
        Some(name) => given(Some(name), "--profile", "SCIMCTL_PROFILE").unwrap_or(Source::Unset),
        None => Source::DefaultProfile { file: path.clone() },
    };
    let chosen = Chosen {
        name: name.clone(),
        file: path.clone(),
        by,
    };
    if creating && !config.profiles.contains_key(&name) {
        return Ok((Profile::default(), Some(chosen)));
    }
    config
        .profiles
        .get(&name)
        .cloned()
        .map(|p| (p, Some(chosen)))
        .ok_or_else(|| {
            let known: Vec<&str> = config.profiles.keys().map(String::as_str).collect();
            usage(format!(
                "there is no profile '{name}' in {} (profiles: {})",
                path.display(),
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            ))
        })
}

fn parse_output(name: &str) -> Result<OutputFormat> {
    use clap::ValueEnum;
    OutputFormat::from_str(name, true).map_err(|_| {
        usage(format!(
            "output '{name}' in the profile is not one of table, json, ndjson"
        ))
    })
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "scimctl")
}

fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(base)) => base.home_dir().join(rest),
        _ => path.to_path_buf(),
    }
}

/// All of standard input, read so that Ctrl-C is honoured at once.
fn read_stdin() -> std::io::Result<String> {
    until_interrupted(|| {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        Ok(text)
    })
}

/// A read cut short by Ctrl-C stays an interruption (exit 130); any other failure is `other`'s.
fn interrupted_or(
    e: std::io::Error,
    other: impl FnOnce(std::io::Error) -> anyhow::Error,
) -> anyhow::Error {
    if e.kind() == std::io::ErrorKind::Interrupted {
        anyhow::Error::from(e)
    } else {
        other(e)
    }
}

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(unix)]
fn loose_permissions(path: &Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode();
    (mode & 0o077 != 0).then(|| {
        format!(
            "the token file {} can be read by other users (mode {:o}); run: chmod 600 {}",
            path.display(),
            mode & 0o777,
            path.display()
        )
    })
}

#[cfg(not(unix))]
fn loose_permissions(_path: &Path) -> Option<String> {
    None
}
