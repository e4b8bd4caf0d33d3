//! Command-line flags, SCIMCTL_* environment variables (clap reads those, as each flag's twin)
//! and the configuration file's profile, resolved once into plain settings: flags beat the
//! environment, which beats the profile. Commands receive these, never clap types.
//!
//! One exception keeps a write from going somewhere the admin did not say: a profile named with
//! `--profile` on the command line chooses the connection, and the `SCIMCTL_*` connection
//! variables (URL, token, token file, provider, CA certificate, insecure-http) are ignored, each
//! named in a warning. A profile chosen otherwise (`SCIMCTL_PROFILE`, `default-profile`) is
//! overridden by them as before, and each key they override is named in a warning too.

use std::collections::BTreeMap;
use std::fmt;
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
use crate::output::jq::JqExpr;
use crate::output::prompt::until_interrupted;
use crate::preflight::{Mapping, MappingOverride};
use crate::provider::{self, Provider};
use crate::scim::capabilities::{CapabilityCache, DEFAULT_TTL};
use crate::scim::client::{ClientOptions, ScimClient};
use crate::scim::filter;
use crate::scim::model::UserId;
use crate::triage::{ExportFormat, Instant, parse_instant};

const DEFAULT_TIMEOUT_SECS: f64 = 30.0;
const DEFAULT_MAX_RETRIES: u32 = 3;

#[derive(Debug, Clone)]
pub struct OutputSettings {
    pub format: OutputFormat,
    pub color: ColorChoice,
    pub quiet: bool,
    pub verbosity: u8,
    /// `--wide`: tables show every column whole, whatever the width.
    pub wide: bool,
    /// `--jq`: every JSON document printed goes through this expression.
    pub jq: Option<JqExpr>,
}

impl OutputSettings {
    /// For errors reported before the settings are known: a table printer, nothing hidden.
    pub fn before_settings(color: ColorChoice) -> OutputSettings {
        OutputSettings {
            format: OutputFormat::Table,
            color,
            quiet: false,
            verbosity: 0,
            wide: false,
            jq: None,
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

/// The endpoint's URL and what gave it.
#[derive(Debug, Clone)]
pub struct EndpointUrl {
    pub url: String,
    pub source: EndpointSource,
}

/// What gave the endpoint's URL: shown with every plan before a write, and in JSON plans
/// (`"endpoint": {"url": …, "from": "profile", "profile": "staging"}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "kebab-case")]
pub enum EndpointSource {
    /// `--url` on the command line.
    Flag,
    /// `SCIMCTL_URL`.
    Environment,
    /// A profile of the configuration file.
    Profile { profile: String },
    /// The demo's own sandbox.
    Demo,
}

impl fmt::Display for EndpointSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndpointSource::Flag => f.write_str("--url"),
            EndpointSource::Environment => f.write_str("SCIMCTL_URL"),
            EndpointSource::Profile { profile } => write!(f, "profile {profile}"),
            EndpointSource::Demo => f.write_str("the demo's sandbox"),
        }
    }
}

/// What turned prompts off, for the message that says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputOff {
    Flag,
    Environment,
}

impl fmt::Display for InputOff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            InputOff::Flag => "--no-input",
            InputOff::Environment => "SCIMCTL_NO_INPUT",
        })
    }
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
    pub url: Option<EndpointUrl>,
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
    /// `None`: prompts are allowed (where there is a terminal).
    pub no_input: Option<InputOff>,
    /// The profile named with `--profile`, whose connection the environment cannot change.
    pub chosen_profile: Option<String>,
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
    /// Connection variables ignored or overriding the profile, one warning each.
    pub warnings: Vec<String>,
    /// Where the connection settings came from (`scimctl auth status`).
    pub sources: Sources,
}

/// What the user asked for, in the problem's terms.
#[derive(Debug, Clone)]
pub enum Task {
    FindUsers {
        target: FindTarget,
        limit: Option<u64>,
    },
    GetUser {
        id: String,
    },
    ListUsers {
        filter: Option<String>,
        limit: Option<u64>,
    },
    Diagnose(DiagnoseOptions),
    Resolve(DiagnoseOptions),
    Triage(TriageOptions),
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
    JournalList {
        limit: Option<u64>,
    },
    JournalShow {
        id: u64,
    },
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
    Audit,
    Preflight(PreflightOptions),
    Sandbox(SandboxOptions),
    Demo,
    Completions(clap_complete::Shell),
    /// The top page to stdout, or every page into a directory.
    Man {
        dir: Option<PathBuf>,
    },
    Options,
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

/// What `preflight` reads and where it writes the batch plan.
#[derive(Debug, Clone)]
pub struct PreflightOptions {
    pub candidates: PathBuf,
    pub mapping: Option<Mapping>,
    pub map: MappingOverride,
    pub plan: Option<PathBuf>,
}

/// What `triage` reads and where it writes the batch plan.
#[derive(Debug, Clone)]
pub struct TriageOptions {
    pub files: Vec<PathBuf>,
    pub format: Option<ExportFormat>,
    pub since: Option<Instant>,
    pub until: Option<Instant>,
    pub plan: Option<PathBuf>,
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
    pub conditions: crate::sandbox::Conditions,
}

fn sandbox_conditions(args: &crate::cli::SandboxArgs) -> crate::sandbox::Conditions {
    crate::sandbox::Conditions {
        generate: args.generate.map(|users| crate::sandbox::Generate {
            users,
            seed: args.generate_seed.unwrap_or(1),
        }),
        latency: std::time::Duration::from_millis(args.latency),
        rate_limit: args.rate_limit.unwrap_or_default(),
    }
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
        let profile_name = chosen.as_ref().map(|c| c.name.clone());
        let mut env = ConnectionEnvironment::new(args, profile_name.as_deref());
        let jq = args
            .jq
            .as_deref()
            .map(JqExpr::parse)
            .transpose()
            .map_err(usage)?;
        let format = match (args.output, profile.output.as_deref()) {
            (Some(format), _) => format,
            (None, Some(name)) => parse_output(name)?,
            (None, None) => OutputFormat::Table,
        };
        let output = OutputSettings {
            format: match (format, &jq) {
                (OutputFormat::Table, Some(_)) if args.output.is_some() => {
                    return Err(usage(
                        "--jq filters JSON output and cannot go with -o table; leave -o out (--jq implies -o json) or give -o json or -o ndjson",
                    ));
                }
                (OutputFormat::Table, Some(_)) => OutputFormat::Json,
                (format, _) => format,
            },
            color: args.color.unwrap_or(ColorChoice::Auto),
            quiet: args.quiet,
            verbosity: args.verbose,
            wide: args.wide,
            jq,
        };
        let given = args.from_environment;
        let provider_id = env
            .take(
                args.provider.as_deref(),
                given.provider,
                Variable::Provider,
                profile.provider.is_some(),
            )
            .or(profile.provider.as_deref());
        let provider = match provider_id {
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
        let stores_token = profile.token_file.is_some() || profile.token_store.is_some();
        let token_file = env.take(
            args.token_file.as_ref(),
            given.token_file,
            Variable::TokenFile,
            stores_token,
        );
        let token_in_environment = std::env::var_os("SCIMCTL_TOKEN").is_some_and(|t| !t.is_empty());
        let environment_token = env
            .take(
                Some(()).filter(|()| token_in_environment),
                true,
                Variable::Token,
                stores_token,
            )
            .is_some();
        // A variable a named profile overrides is no source of anything.
        let ignored = |from_environment: bool| from_environment && env.chosen.is_some();
        let sources = Sources {
            profile: match &chosen {
                Some(chosen) => chosen.by.clone(),
                None => Source::Unset,
            },
            profile_name: chosen.as_ref().map(|c| c.name.clone()),
            config_file: chosen.as_ref().map(|c| c.file.clone()),
            url: given_by(
                args.url.as_deref().filter(|_| !ignored(given.url)),
                "--url",
                "SCIMCTL_URL",
            )
            .or_else(|| from_profile(&chosen, profile.url.is_some(), "url"))
            .unwrap_or(Source::Unset),
            token: Source::Unset,
            provider: given_by(
                args.provider
                    .as_deref()
                    .filter(|_| !ignored(given.provider)),
                "--provider",
                "SCIMCTL_PROVIDER",
            )
            .or_else(|| from_profile(&chosen, profile.provider.is_some(), "provider"))
            .unwrap_or(Source::Detected),
        };
        let (token, token_from) = token_source(
            args.token_stdin,
            token_file,
            environment_token,
            &profile,
            chosen.as_ref(),
        );
        let sources = Sources {
            token: token_from,
            ..sources
        };
        let url = match env.take(
            args.url.as_ref(),
            given.url,
            Variable::Url,
            profile.url.is_some(),
        ) {
            Some(url) => Some(EndpointUrl {
                url: url.clone(),
                source: if given.url {
                    EndpointSource::Environment
                } else {
                    EndpointSource::Flag
                },
            }),
            None => profile.url.map(|url| EndpointUrl {
                url,
                source: EndpointSource::Profile {
                    profile: profile_name.clone().unwrap_or_default(),
                },
            }),
        };
        let ca_cert = env
            .take(
                args.ca_cert.as_ref(),
                given.ca_cert,
                Variable::CaCert,
                profile.ca_cert.is_some(),
            )
            .cloned()
            .or(profile.ca_cert.map(|p| expand_home(&p)));
        let insecure_http = env
            .take(
                Some(()).filter(|()| args.insecure_http),
                given.insecure_http,
                Variable::InsecureHttp,
                profile.insecure_http.is_some(),
            )
            .is_some()
            || profile.insecure_http.unwrap_or(false);
        let connection = ConnectionSettings {
            url,
            token,
            provider,
            timeout: Duration::from_secs_f64(timeout_secs),
            max_retries: args
                .max_retries
                .or(profile.max_retries)
                .unwrap_or(DEFAULT_MAX_RETRIES),
            deadline,
            max_users: args.max_users,
            ca_cert,
            insecure_http,
            no_input: args.no_input.then_some(if given.no_input {
                InputOff::Environment
            } else {
                InputOff::Flag
            }),
            chosen_profile: env.chosen.map(str::to_string),
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
            warnings: env.warnings,
            sources,
        })
    }
}

/// A `SCIMCTL_*` variable that says where or as whom scimctl connects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variable {
    Url,
    Token,
    TokenFile,
    Provider,
    CaCert,
    InsecureHttp,
}

impl Variable {
    fn name(self) -> &'static str {
        match self {
            Variable::Url => "SCIMCTL_URL",
            Variable::Token => "SCIMCTL_TOKEN",
            Variable::TokenFile => "SCIMCTL_TOKEN_FILE",
            Variable::Provider => "SCIMCTL_PROVIDER",
            Variable::CaCert => "SCIMCTL_CA_CERT",
            Variable::InsecureHttp => "SCIMCTL_INSECURE_HTTP",
        }
    }

    /// The profile key it stands for.
    fn key(self) -> &'static str {
        match self {
            Variable::Url => "url",
            Variable::Token | Variable::TokenFile => "token-file",
            Variable::Provider => "provider",
            Variable::CaCert => "ca-cert",
            Variable::InsecureHttp => "insecure-http",
        }
    }

    /// What to pass instead, to override the profile on purpose.
    fn flag(self) -> &'static str {
        match self {
            Variable::Url => "--url",
            Variable::Token | Variable::TokenFile => "--token-file or --token-stdin",
            Variable::Provider => "--provider",
            Variable::CaCert => "--ca-cert",
            Variable::InsecureHttp => "--insecure-http",
        }
    }
}

/// Decides, variable by variable, whether the environment's connection settings are used, and
/// collects the warnings that say so (see the module's documentation).
struct ConnectionEnvironment<'a> {
    /// The profile named with `--profile` on the command line.
    chosen: Option<&'a str>,
    /// The profile in use otherwise (`SCIMCTL_PROFILE`, `default-profile`).
    other: Option<&'a str>,
    warnings: Vec<String>,
}

impl<'a> ConnectionEnvironment<'a> {
    fn new(args: &GlobalArgs, profile: Option<&'a str>) -> ConnectionEnvironment<'a> {
        let by_flag = args.profile.is_some() && !args.from_environment.profile;
        ConnectionEnvironment {
            chosen: profile.filter(|_| by_flag),
            other: profile.filter(|_| !by_flag),
            warnings: Vec::new(),
        }
    }

    /// `value` as given, unless `variable` gave it (`from_environment`) and a profile named
    /// with `--profile` chooses the connection. `profile_sets`: the profile has the matching key.
    fn take<T>(
        &mut self,
        value: Option<T>,
        from_environment: bool,
        variable: Variable,
        profile_sets: bool,
    ) -> Option<T> {
        if value.is_none() || !from_environment {
            return value;
        }
        let name = variable.name();
        if let Some(profile) = self.chosen {
            self.warnings.push(format!(
                "{name} is ignored: --profile {profile} chooses the connection (to override the profile, pass {})",
                variable.flag()
            ));
            return None;
        }
        if let Some(profile) = self.other.filter(|_| profile_sets) {
            self.warnings.push(format!(
                "{name} overrides the {} of profile {profile} (with --profile {profile} the profile's is used)",
                variable.key()
            ));
        }
        value
    }
}

/// A yes/no value of an environment variable: 1/0, true/false, yes/no, on/off, in any case.
/// Every yes/no `SCIMCTL_*` variable is read with this (clap's, through `cli::environment_flag`).
pub fn parse_yes_no(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// The token's source, in the documented order: `--token-stdin`, `--token-file` /
/// `SCIMCTL_TOKEN_FILE`, `SCIMCTL_TOKEN`, the token `auth login` stored for the profile (keyring
/// or credentials file), the profile's `token-file`, and last a hidden prompt.
fn token_source(
    token_stdin: bool,
    token_file: Option<&PathBuf>,
    environment_token: bool,
    profile: &Profile,
    chosen: Option<&Chosen>,
) -> (TokenSource, Source) {
    if token_stdin {
        return (
            TokenSource::Stdin,
            Source::Flag {
                name: "--token-stdin",
            },
        );
    }
    if let Some(path) = token_file {
        let path_text = path.to_string_lossy();
        let from = given_by(Some(&path_text), "--token-file", "SCIMCTL_TOKEN_FILE");
        return (
            TokenSource::File(path.clone()),
            from.unwrap_or(Source::Unset),
        );
    }
    if environment_token {
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
fn given_by(value: Option<&str>, flag: &'static str, env: &'static str) -> Option<Source> {
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
            Command::Users(UsersCommand::Find(find)) => Task::FindUsers {
                target: find_target(find)?,
                limit: find.limit,
            },
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
            Command::Triage(t) => {
                let instant = |flag: &str, value: &Option<String>| {
                    value
                        .as_deref()
                        .map(|v| {
                            parse_instant(v).ok_or_else(|| {
                                usage(format!(
                                    "--{flag} {v:?} is not a date or time: give e.g. 2026-11-20 or 2026-11-20T09:00:00Z"
                                ))
                            })
                        })
                        .transpose()
                };
                Task::Triage(TriageOptions {
                    files: t.files.clone(),
                    format: t.format,
                    since: instant("since", &t.since)?,
                    until: instant("until", &t.until)?,
                    plan: t.plan.clone(),
                })
            }
            Command::RenameUser(r) => Task::RenameUser {
                holder: match (&r.holder, &r.username) {
                    (Some(id), _) => HolderRef::Id(user_id(id)?.to_string()),
                    (None, Some(name)) => HolderRef::UserName(name.clone()),
                    (None, None) => return Err(usage("give the account's id or --username")),
                },
                to: r.to.clone(),
                write: write_options(&r.write),
            },
            Command::SuggestUsername { base, limit } => Task::SuggestUsername {
                base: base.clone(),
                count: *limit,
            },
            Command::ReleaseEmail(r) => Task::ReleaseEmail {
                email: r.email.clone(),
                from: match r.holder.as_ref().or(r.from.as_ref()) {
                    Some(id) => Some(user_id(id)?.to_string()),
                    None => None,
                },
                replacement: match (&r.to, r.remove) {
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
                    holder_id: user_id(&l.holder)?.to_string(),
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
            Command::Journal(JournalCommand::List { limit }) => Task::JournalList { limit: *limit },
            Command::Journal(JournalCommand::Show { id }) => Task::JournalShow { id: *id },
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
            Command::Audit => Task::Audit,
            Command::Preflight(p) => Task::Preflight(PreflightOptions {
                candidates: p.candidates.clone(),
                mapping: p.mapping,
                map: match &p.map {
                    Some(text) => MappingOverride::parse(text)?,
                    None => MappingOverride::default(),
                },
                plan: p.plan.clone(),
            }),
            Command::Sandbox(sandbox) => Task::Sandbox(SandboxOptions {
                host: sandbox.host.clone(),
                port: sandbox.port,
                tenants: sandbox.tenants.clone(),
                seed: sandbox.seed.clone(),
                state: sandbox.state.clone(),
                token_file: args.token_file.clone(),
                conditions: sandbox_conditions(sandbox),
            }),
            Command::Demo => Task::Demo,
            Command::Completions { shell } => Task::Completions(*shell),
            Command::Man { dir } => Task::Man { dir: dir.clone() },
            Command::Options => Task::Options,
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

/// A user's filter, parsed before anything is sent: an error is a usage error (exit 2) that
/// `report` shows with a caret under the problem.
fn check_filter(text: &str) -> Result<()> {
    filter::parse(text).map(|_| ()).map_err(anyhow::Error::new)
}

impl ConnectionSettings {
    /// Reads the token and builds the client. This is where a missing URL or token is reported.
    pub fn connect(&self, printer: &Printer) -> Result<ScimClient> {
        let url = self.url.as_ref().map(|u| u.url.as_str()).ok_or_else(|| {
            usage(match &self.chosen_profile {
                Some(profile) => format!(
                    "no endpoint: profile {profile} has no url (SCIMCTL_URL is not used with --profile); add url to the profile or pass --url URL"
                ),
                None => "no endpoint: set SCIMCTL_URL, pass --url URL, or choose a profile with --profile".to_string(),
            })
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
                if self.no_input.is_some()
                    || !std::io::stdin().is_terminal()
                    || !std::io::stderr().is_terminal()
                {
                    return Err(usage(match &self.chosen_profile {
                        Some(profile) => format!(
                            "no token: profile {profile} has no token-file (SCIMCTL_TOKEN is not used with --profile); add token-file to the profile, or pass --token-file FILE or --token-stdin"
                        ),
                        None => "no token: set SCIMCTL_TOKEN, pass --token-file FILE or --token-stdin, or set token-file in a profile".to_string(),
                    }));
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
    let config: ConfigFile =
        toml::from_str(&text).map_err(|e| UsageError(config_error(&path, &text, &e)))?;
    let Some(name) = args.profile.clone().or(config.default_profile.clone()) else {
        return Ok((Profile::default(), None));
    };
    let by = match &args.profile {
        Some(name) => given_by(Some(name), "--profile", "SCIMCTL_PROFILE").unwrap_or(Source::Unset),
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
    let profile = config.profiles.get(&name).cloned().ok_or_else(|| {
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
    })?;
    let wrong = |key: &str, expected: String, found: &str| {
        usage(format!(
            "config {}: key profiles.{name}.{key}: expected {expected}, found '{found}'",
            display_home(&path)
        ))
    };
    if let Some(id) = profile.provider.as_deref()
        && provider::by_id(id).is_none()
    {
        return Err(wrong(
            "provider",
            format!("one of {}", provider::IDS.join(", ")),
            id,
        ));
    }
    if let Some(format) = profile.output.as_deref()
        && parse_output(format).is_err()
    {
        return Err(wrong("output", "one of table, json, ndjson".into(), format));
    }
    Ok((profile, Some(chosen)))
}

/// A configuration file that does not parse or does not fit, as one line naming the file, the
/// key, what was expected and the line: `config F: key profiles.acme.url: expected a string,
/// found an integer `42` (line 2)`.
fn config_error(path: &Path, text: &str, error: &toml::de::Error) -> String {
    let message: Vec<&str> = error
        .message()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let message = message.join("; ");
    let problem = match message
        .strip_prefix("invalid type: ")
        .and_then(|m| m.split_once(", expected "))
    {
        Some((found, expected)) => {
            let article = if found.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("expected {expected}, found {article} {found}")
        }
        None => message,
    };
    let mut line = String::new();
    let mut key = String::new();
    if let Some(span) = error.span() {
        let start = span.start.min(text.len());
        line = format!(" (line {})", text[..start].matches('\n').count() + 1);
        if let Some(at) = key_at(text, start) {
            key = format!("key {at}: ");
        }
    }
    format!("config {}: {key}{problem}{line}", display_home(path))
}

/// The dotted key whose line holds byte `at` of a TOML text: the table header above it and
/// the key before its `=` (or the header itself, on a header line).
fn key_at(text: &str, at: usize) -> Option<String> {
    let dotted = |key: &str| {
        key.split('.')
            .map(|part| part.trim().trim_matches(['"', '\'']))
            .collect::<Vec<_>>()
            .join(".")
    };
    let mut table: Option<String> = None;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim();
        let header = line
            .strip_prefix('[')
            .map(|h| h.trim_start_matches('[').split(']').next().unwrap_or(""));
        if let Some(header) = header {
            table = Some(dotted(header));
        }
        if at < offset + raw.len() {
            let key = match (header, line.split_once('=')) {
                (Some(_), _) => return table,
                (None, Some((key, _))) => dotted(key),
                (None, None) => return table,
            };
            return Some(match table {
                Some(table) if !table.is_empty() => format!("{table}.{key}"),
                _ => key,
            });
        }
        offset += raw.len();
    }
    table
}

/// A path under the home directory shown as `~/…`, as people write it.
fn display_home(path: &Path) -> String {
    match directories::BaseDirs::new()
        .and_then(|b| path.strip_prefix(b.home_dir()).ok().map(Path::to_path_buf))
    {
        Some(rest) if !rest.as_os_str().is_empty() => format!("~/{}", rest.display()),
        _ => path.display().to_string(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn error_for(text: &str) -> String {
        let error = toml::from_str::<ConfigFile>(text).expect_err(text);
        config_error(Path::new("/etc/scimctl.toml"), text, &error)
    }

    #[test]
    fn a_value_of_the_wrong_type_names_the_key_the_type_and_the_line() {
        let text = "default-profile = \"acme\"\n\n[profiles.acme]\nurl = \"https://a.example/scim\"\n\n[profiles.staging]\ntimeout = 5\nurl = 42\n";
        assert_eq!(
            error_for(text),
            "config /etc/scimctl.toml: key profiles.staging.url: expected a string, found an integer `42` (line 8)"
        );
    }

    #[test]
    fn an_unknown_key_is_named_with_the_ones_allowed() {
        let error = error_for("[profiles.acme]\nurll = \"https://a.example\"\n");
        assert!(
            error.starts_with("config /etc/scimctl.toml: key profiles.acme.urll: unknown field `urll`, expected one of `url`"),
            "{error}"
        );
        assert!(error.ends_with("(line 2)"), "{error}");
    }

    #[test]
    fn a_syntax_error_says_the_line() {
        let error = error_for("[profiles.acme]\nurl = \"https://a.example\n");
        assert!(
            error.starts_with("config /etc/scimctl.toml: key profiles.acme.url: "),
            "{error}"
        );
        assert!(error.ends_with("(line 2)"), "{error}");
    }

    #[test]
    fn yes_no_variables_take_the_usual_words_in_any_case() {
        for yes in ["1", "true", "TRUE", "yes", "Yes", "on", "ON"] {
            assert_eq!(parse_yes_no(yes), Some(true), "{yes}");
        }
        for no in ["0", "false", "False", "no", "NO", "off", "Off"] {
            assert_eq!(parse_yes_no(no), Some(false), "{no}");
        }
        for neither in ["", "2", "y", "maybe", "enabled"] {
            assert_eq!(parse_yes_no(neither), None, "{neither}");
        }
    }
}
