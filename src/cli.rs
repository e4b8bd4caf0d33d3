//! The whole command surface, as clap derive types and nothing else. Completions and the man
//! page are generated from these definitions; `settings.rs` turns them into plain settings.

use std::path::PathBuf;

use clap::{ArgAction, ArgGroup, Args, Parser, Subcommand, ValueEnum};

use crate::provider;

pub const EXIT_CODES: &str = "\
Exit codes:
  0    done; a query that matches nobody is still 0
  1    conflicts found (diagnose, checks), or a write refused because the value is taken
  2    usage error: bad flags, unreadable input or configuration, a request too long
       to send, or a confirmation is needed but there is no terminal (pass --yes)
  3    authentication or authorization failed (401/403)
  4    the server refused the request (other 4xx: unknown id, invalid filter,
       mutability, precondition failed), or redirected it (never followed)
  5    server or network unavailable after retries or within --deadline (5xx, 429,
       timeout, TLS, connection), an answer that is not SCIM or not what was asked
       for (another user, a listing that never ends), or a lookup the server cannot
       answer (no proven filter, and more users than --max-scan to read)
  6    a plan was applied only in part, or a write's outcome is unknown (the journal says
       what ran; an unknown outcome stays in doubt there until `journal settle N`)
  130  interrupted (before any write, or after the write in flight finished and was
       recorded)";

const AFTER_HELP: &str = "\
Examples:
  export SCIMCTL_URL=https://api.example.com/scim/v2
  export SCIMCTL_TOKEN=…                   # or --token-file FILE, --token-stdin, a profile
  scimctl doctor                           # can I reach it, is the token good, what works?
  scimctl users find --email jdoe@example.com
  scimctl users find --username JDoe -o json
  scimctl users list --filter 'active eq false' -o ndjson | jq .userName

The token is never taken on the command line: SCIMCTL_TOKEN, --token-file, --token-stdin,
a profile's token-file, or a hidden prompt.";

#[derive(Debug, Parser)]
#[command(
    name = "scimctl",
    version,
    about = "Find who holds a SCIM userName or email, and why your identity provider got HTTP 409",
    long_about = "scimctl talks to a service provider's SCIM 2.0 endpoint (RFC 7644) to find which \
account holds a userName, email or externalId that an identity provider (Okta, Entra ID, Google, \
OneLogin, JumpCloud) failed to provision with HTTP 409.",
    after_help = AFTER_HELP,
    after_long_help = format!("{AFTER_HELP}\n\n{EXIT_CODES}"),
    propagate_version = true,
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Connection")]
pub struct GlobalArgs {
    /// Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2
    #[arg(long, env = "SCIMCTL_URL", global = true, value_name = "URL")]
    pub url: Option<String>,

    /// Read the bearer token from FILE (first line; the file should be private to you)
    #[arg(long, env = "SCIMCTL_TOKEN_FILE", global = true, value_name = "FILE")]
    pub token_file: Option<PathBuf>,

    /// Read the bearer token from standard input
    #[arg(long, global = true)]
    pub token_stdin: bool,

    /// Use the named profile from the configuration file
    #[arg(long, env = "SCIMCTL_PROFILE", global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Configuration file [default: the platform config dir's scimctl/config.toml]
    #[arg(long, env = "SCIMCTL_CONFIG", global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The service provider's rules to apply [default: detected from the URL]
    #[arg(long, env = "SCIMCTL_PROVIDER", global = true, value_name = "NAME",
          value_parser = clap::builder::PossibleValuesParser::new(provider::IDS))]
    pub provider: Option<String>,

    /// Seconds to wait for each request [default: 30]
    #[arg(long, env = "SCIMCTL_TIMEOUT", global = true, value_name = "SECONDS")]
    pub timeout: Option<f64>,

    /// Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]
    #[arg(long, env = "SCIMCTL_MAX_RETRIES", global = true, value_name = "N")]
    pub max_retries: Option<u32>,

    /// Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]
    #[arg(long, env = "SCIMCTL_MAX_SCAN", global = true, value_name = "N")]
    pub max_scan: Option<u64>,
    /// End the whole command within SECONDS: requests, retries, Retry-After waits and pages
    /// [default: no overall limit; each request still has --timeout]
    #[arg(long, env = "SCIMCTL_DEADLINE", global = true, value_name = "SECONDS")]
    pub deadline: Option<f64>,

    /// Read at most N users in one listing or scan [default: twice the server's totalResults
    /// plus 1000, so a server that never stops sending users is stopped]
    #[arg(long, env = "SCIMCTL_MAX_USERS", global = true, value_name = "N",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_users: Option<u64>,

    /// Trust this PEM certificate (a private CA) besides the platform's roots
    #[arg(long, env = "SCIMCTL_CA_CERT", global = true, value_name = "FILE")]
    pub ca_cert: Option<PathBuf>,

    /// Allow sending the token over plain http:// to a host that is not this machine
    #[arg(long, env = "SCIMCTL_INSECURE_HTTP", global = true)]
    pub insecure_http: bool,

    /// Output format for data on stdout
    #[arg(
        short = 'o',
        long,
        env = "SCIMCTL_OUTPUT",
        global = true,
        value_enum,
        help_heading = "Output"
    )]
    pub output: Option<OutputFormat>,

    /// When to use colour (NO_COLOR is honoured in auto)
    #[arg(
        long,
        env = "SCIMCTL_COLOR",
        global = true,
        value_enum,
        value_name = "WHEN",
        help_heading = "Output"
    )]
    pub color: Option<ColorChoice>,

    /// Never prompt; fail instead where input would be needed
    #[arg(long, env = "SCIMCTL_NO_INPUT", global = true, help_heading = "Output")]
    pub no_input: bool,

    /// More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies
    #[arg(short, long, action = ArgAction::Count, global = true, help_heading = "Output",
          conflicts_with = "quiet")]
    pub verbose: u8,

    /// Only data and errors: no notes, hints or progress on stderr
    #[arg(short, long, global = true, help_heading = "Output")]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Tables for people
    Table,
    /// One JSON document with "version": 1
    Json,
    /// One JSON object per line, streamed
    Ndjson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find, show and list users on the endpoint
    #[command(subcommand)]
    Users(UsersCommand),

    /// Explain why provisioning a user got 409: who holds the value, how it collides, what to do
    #[command(
        after_help = "Examples:\n  scimctl diagnose --email jdoe@example.com\n  \
scimctl diagnose --username jdoe --email jdoe@example.com --external-id 00u1abc\n  \
scimctl diagnose --payload failed-user.json          # the SCIM User the IdP tried to create ('-': stdin)\n  \
scimctl diagnose --error 'Automatic provisioning of user jdoe to app Acme failed: Error while creating user jdoe : Conflict. Errors reported by remote server: Email jdoe@example.com already in use by another Pulumi account.'\n  \
scimctl diagnose --payload u.json --error @entra-message.txt -o json   # in CI: exit 1 on conflict\n\n\
The error may be Okta's task or System Log text, an Entra ID provisioning-log message (the SCIM\n\
body after 'Web Response:'), or a raw SCIM error body; a value it names joins the candidate.\n\
Exit 1 when a conflict is found, 0 when the candidate is clear."
    )]
    Diagnose(DiagnoseArgs),

    /// Walk through a 409 at the terminal: diagnose, choose a fix, see the plan, confirm, apply, verify
    #[command(
        after_help = "Examples:\n  scimctl resolve --email jdoe@example.com\n  \
scimctl resolve --payload failed-user.json --error @okta-task.txt\n\n\
Takes the same inputs as diagnose. Needs a terminal: without one it exits 2 and prints the\n\
commands that would do the same (diagnose, then rename-user / release-email / link / provision)."
    )]
    Resolve(DiagnoseArgs),

    /// Rename the userName of the account that holds it, to free it for the incoming user
    #[command(
        after_help = "Examples:\n  scimctl rename-user 2819c223-7f76-453a-919d-413861904646 --to jdoe-contractor --dry-run\n  \
scimctl rename-user --username jdoe --to jdoe-previous --yes\n\n\
Refused when the new name is taken (in any case or normalised form: exit 1) or when the provider\n\
does not allow renames (Pulumi). Every write is shown, confirmed, verified and journaled."
    )]
    #[command(group(ArgGroup::new("holder").required(true).args(["id", "username"])))]
    RenameUser(RenameArgs),

    /// Suggest userNames that the endpoint confirms are free
    #[command(
        after_help = "Examples:\n  scimctl suggest-username jdoe\n  scimctl suggest-username jdoe --count 10 -o json"
    )]
    SuggestUsername {
        /// The name to start from
        base: String,
        /// How many free names to suggest
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=50))]
        count: u32,
    },

    /// Release an email from the account that holds it, keeping its other emails
    #[command(
        after_help = "Examples:\n  scimctl release-email jdoe@example.com --dry-run\n  \
scimctl release-email jdoe@example.com --from 2819c223… --replace-with jdoe+old@example.com --yes\n  \
scimctl release-email jdoe@example.com --from 2819c223… --remove\n\n\
By default the address is replaced with a placeholder on the same domain\n\
(jdoe+released-YYYYMMDD@example.com, or released-YYYYMMDD-jdoe@… where that is taken).\n\
Where the server refuses the path emails[value eq \"…\"] (400 invalidPath or noTarget, 501)\n\
or answers without changing anything, the whole emails list is replaced instead, once, with\n\
every other address kept as stored (the plan says so before you confirm)."
    )]
    ReleaseEmail(ReleaseArgs),

    /// Bind an existing account to the incoming identity, so the identity provider updates it
    #[command(
        after_help = "Examples:\n  scimctl link 2819c223… --payload failed-user.json --dry-run\n  \
scimctl link 2819c223… --username jane.doe@acme.example --external-id 00u999 --activate --yes\n\n\
Sets the holder's userName (what Okta and Entra look users up by) and externalId to the incoming\n\
ones. Refused where the provider cannot (Pulumi: the person connects SSO from their account)."
    )]
    Link(LinkArgs),

    /// Retry the create the identity provider attempted (one POST, never repeated)
    #[command(
        after_help = "Examples:\n  scimctl provision --payload failed-user.json --dry-run\n  \
scimctl provision --payload failed-user.json --username jdoe2 --yes\n\n\
After an ambiguous failure (timeout, dropped connection) it looks the user up to learn whether\n\
the create happened, instead of sending it again."
    )]
    Provision(ProvisionArgs),

    /// The changes scimctl made, and how to undo them
    #[command(subcommand)]
    Journal(JournalCommand),

    /// Store a profile's token in the OS keyring (or a private file), and see where settings come from
    #[command(subcommand)]
    Auth(AuthCommand),

    /// Check the endpoint: reachability, TLS, token, which filters work, page cap, ETags, provider
    #[command(
        after_help = "Examples:\n  scimctl doctor\n  scimctl doctor -o json | jq .filters\n\n\
Exit 0 when the endpoint is usable (warnings are listed, not fatal), 3 when the token is\n\
refused, 5 when the endpoint cannot be reached. What is learned is cached per endpoint."
    )]
    Doctor,

    /// Run a local SCIM service provider that behaves like a real one, to try scimctl or rehearse a fix
    #[command(
        after_help = "Examples:\n  scimctl sandbox                                   # generic RFC rules, tenant 'default'\n  \
scimctl sandbox --provider pulumi --tenant acme --tenant globex --seed examples/faq.json\n  \
scimctl sandbox --state rehearsal.jsonl --seed examples/common-conflicts.json\n\n\
The first two lines on stdout are SCIMCTL_URL=<the first tenant's base URL> and\n\
SCIMCTL_TOKEN=<a generated token> (or SCIMCTL_TOKEN_FILE=<path> with --token-file), so:\n  \
eval \"$(scimctl sandbox | head -2)\"   # in another shell, or read them from a script\n\n\
--provider picks the rules (which values must be unique and where, filters, page caps, ETags,\n\
error texts). Serves until Ctrl-C or SIGTERM, then exits 0."
    )]
    Sandbox(SandboxArgs),

    /// A two-second tour: a sandbox with the support page's two conflicts, and scimctl at work on it
    Demo,

    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  scimctl completions bash > ~/.local/share/bash-completion/completions/scimctl\n  \
scimctl completions zsh > ~/.zfunc/_scimctl\n  scimctl completions fish > ~/.config/fish/completions/scimctl.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff) to stdout
    #[command(after_help = "Example:\n  scimctl man > /usr/local/share/man/man1/scimctl.1")]
    Man,
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Find the users holding a userName, email or externalId, or matching a filter
    #[command(
        after_help = "Examples:\n  scimctl users find --username JDoe            # any case: userName is caseExact false\n  \
scimctl users find --email jdoe@example.com   # in any of a user's emails, primary or not\n  \
scimctl users find --external-id 00u1abc      # exact: externalId is caseExact\n  \
scimctl users find --filter 'name.familyName eq \"Doe\"' -o json\n\n\
A filter's empty answer is believed only once scimctl has proven, with values listed users\n\
hold, that the server applies it and ignores case (doctor shows what was proven). Otherwise\n\
it reads the directory and compares itself (up to --max-scan users), and says so on stderr.\n\
Finding nobody prints an empty list and exits 0; past --max-scan it exits 5 instead of guessing."
    )]
    #[command(group(ArgGroup::new("key").required(true).args(["username", "email", "external_id", "filter"])))]
    Find(FindArgs),

    /// Show one user by its SCIM id
    #[command(
        after_help = "Examples:\n  scimctl users get 2819c223-7f76-453a-919d-413861904646\n  \
scimctl users get 2819c223-7f76-453a-919d-413861904646 -o json\n\nAn unknown id exits 4 with the server's message."
    )]
    Get {
        /// The user's id on the service provider
        id: String,
    },

    /// List users, page by page
    #[command(after_help = "Examples:\n  scimctl users list --limit 20\n  \
scimctl users list --filter 'active eq false' -o ndjson | jq -r .userName\n\n\
Without --limit every matching user is listed; -o ndjson streams them as pages arrive.")]
    List {
        /// A SCIM filter (RFC 7644 §3.4.2.2), checked before it is sent
        #[arg(long, value_name = "FILTER")]
        filter: Option<String>,
        /// List at most N users
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=100_000_000))]
        limit: Option<u64>,
    },
}

/// How a write is carried out.
#[derive(Debug, Args)]
#[command(next_help_heading = "Writing")]
pub struct WriteArgs {
    /// Print the plan and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Apply without asking (needed without a terminal)
    #[arg(short = 'y', long, conflicts_with = "dry_run")]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct RenameArgs {
    /// The id of the account to rename
    pub id: Option<String>,
    /// Or find the account by its current userName
    #[arg(long, value_name = "NAME")]
    pub username: Option<String>,
    /// The new userName
    #[arg(long, value_name = "NEW")]
    pub to: String,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct ReleaseArgs {
    /// The address to release
    pub email: String,
    /// The id of the account holding it (found by lookup when not given)
    #[arg(long, value_name = "ID")]
    pub from: Option<String>,
    /// Put this address in its place
    #[arg(long, value_name = "NEW", conflicts_with = "remove")]
    pub replace_with: Option<String>,
    /// Drop the address instead (unless it is the account's only one)
    #[arg(long)]
    pub remove: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct LinkArgs {
    /// The id of the existing account
    pub holder_id: String,
    /// The SCIM User the identity provider tried to create (JSON file, or - for stdin; at most
    /// 1,000 emails)
    #[arg(long, value_name = "FILE")]
    pub payload: Option<String>,
    /// The incoming userName (overrides the payload's)
    #[arg(long, value_name = "NAME")]
    pub username: Option<String>,
    /// The incoming externalId (overrides the payload's)
    #[arg(long, value_name = "ID")]
    pub external_id: Option<String>,
    /// Also set active=true
    #[arg(long)]
    pub activate: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct ProvisionArgs {
    /// The SCIM User the identity provider tried to create (JSON file, or - for stdin; at most
    /// 1,000 emails)
    #[arg(long, value_name = "FILE")]
    pub payload: String,
    /// Create it with this userName instead
    #[arg(long, value_name = "NEW")]
    pub username: Option<String>,
    /// Create it with this primary email instead
    #[arg(long, value_name = "NEW")]
    pub email: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Store the token for a profile and write the profile (its URL) in the configuration file
    #[command(
        long_about = "Store the token for a profile: in the OS keyring (macOS Keychain, Windows Credential \
Manager, the Secret Service on Linux) or, where there is none (a headless server, CI), in the \
credentials file beside the configuration file (credentials.toml, owner-only). The profile's url \
and where its token is kept (token-store) are written to the configuration file; the token never is. \
The token is read at a hidden prompt, or from standard input with --with-token — never from the \
command line.",
        after_help = "Examples:\n  scimctl auth login --profile acme --url https://api.example.com/scim/v2\n  \
echo \"$TOKEN\" | scimctl auth login --profile ci --url https://api.example.com/scim/v2 --with-token\n  \
scimctl auth login --profile acme --with-token --store file < acme.token\n\n\
The first profile logged in becomes default-profile. Then: scimctl doctor --profile acme"
    )]
    Login(LoginArgs),
    /// Show each connection setting (profile, url, token, provider) and where it comes from
    #[command(
        after_help = "Examples:\n  scimctl auth status\n  scimctl auth status --profile acme -o json\n\n\
The token is never shown: only where it comes from (a flag, SCIMCTL_TOKEN, the keyring,\n\
the credentials file, a profile's token-file) and whether it is there. The token is taken\n\
from, in order: --token-stdin, --token-file / SCIMCTL_TOKEN_FILE, SCIMCTL_TOKEN, the token\n\
auth login stored for the profile, the profile's token-file, a hidden prompt."
    )]
    Status,
    /// Remove the token stored for a profile (the profile's url stays)
    #[command(after_help = "Example:\n  scimctl auth logout --profile acme")]
    Logout,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Read the token from standard input instead of a prompt
    #[arg(long)]
    pub with_token: bool,
    /// Where to keep the token: the OS keyring, the credentials file, or the keyring where
    /// there is one and the file otherwise
    #[arg(long, value_enum, default_value_t = StoreChoice::Auto, value_name = "WHERE")]
    pub store: StoreChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StoreChoice {
    Auto,
    Keyring,
    File,
}

#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// List the changes scimctl made (in doubt: interrupted before its outcome was recorded)
    #[command(
        after_help = "A damaged line (cut off by a crash, NUL bytes, not UTF-8, over 1 MiB) is skipped and named in a warning; -o json lists it under \"damaged\"."
    )]
    List,
    /// Put back what a journal entry changed, if nothing has changed since
    #[command(after_help = "Example:\n  scimctl journal undo 7 --dry-run\n\n\
A userName, email or externalId the undo would put back is looked up first: if another account\n\
now holds it (in any case or normalised form), the undo is refused (exit 1) before any write.\n\
A create is never undone: that would mean deleting the account.")]
    Undo {
        /// The entry's id, from `scimctl journal list`
        id: u64,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Settle an entry in doubt: read the account back and record whether the change was made
    #[command(
        long_about = "Settle an entry in doubt (the process was interrupted, or the server's answer was lost): \
read back each account the entry's plan touched and record the outcome. A change was made if the \
account holds the planned values, and not made if it still holds the values from before. A create \
was made only if an account holds its userName and externalId and was created after the entry began. \
Anything else stays in doubt (exit 6). Nothing is written to the server.",
        after_help = "Example:\n  scimctl journal settle 7\n  scimctl journal settle 7 -o json"
    )]
    Settle {
        /// The entry's id, from `scimctl journal list`
        id: u64,
    },
}

#[derive(Debug, Args)]
pub struct DiagnoseArgs {
    /// The userName the identity provider sent
    #[arg(long, value_name = "NAME")]
    pub username: Option<String>,
    /// An email the identity provider sent (repeatable)
    #[arg(long = "email", value_name = "ADDRESS")]
    pub emails: Vec<String>,
    /// The externalId the identity provider sent
    #[arg(long, value_name = "ID")]
    pub external_id: Option<String>,
    /// The SCIM User the identity provider tried to create (JSON file, or - for stdin; at most
    /// 1,000 emails)
    #[arg(long, value_name = "FILE")]
    pub payload: Option<String>,
    /// The identity provider's error: the text itself, @FILE, or - for stdin
    #[arg(long, value_name = "TEXT|@FILE|-")]
    pub error: Option<String>,
    /// Also read every user, to catch stored values that collide only once normalised
    #[arg(long)]
    pub deep: bool,
}

#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// Address to listen on (loopback unless you say otherwise)
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
    pub host: String,
    /// Port to listen on; 0 picks a free one [default: the port --state recorded, else a free one]
    #[arg(long, value_name = "N")]
    pub port: Option<u16>,
    /// A tenant to serve under /scim/v2/NAME (repeatable; the seed's tenants are added)
    #[arg(long = "tenant", value_name = "NAME")]
    pub tenants: Vec<String>,
    /// Accounts to start with (JSON; see README "Sandbox seed files")
    #[arg(long, value_name = "FILE")]
    pub seed: Option<PathBuf>,
    /// Keep state in FILE: loaded at start, every change saved before it is acknowledged, and
    /// the port, which a restart without --port serves on again
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct FindArgs {
    /// The userName to look for (compared ignoring case)
    #[arg(long, value_name = "NAME")]
    pub username: Option<String>,
    /// The email to look for, in any of a user's emails
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,
    /// The externalId to look for (compared exactly)
    #[arg(long, value_name = "ID")]
    pub external_id: Option<String>,
    /// A raw SCIM filter
    #[arg(long, value_name = "FILTER")]
    pub filter: Option<String>,
}
