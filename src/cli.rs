//! The whole command surface, as clap derive types and nothing else. Completions and the man
//! page are generated from these definitions; `settings.rs` turns them into plain settings.

use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{ArgAction, ArgGroup, ArgMatches, Args, Parser, Subcommand, ValueEnum};

use crate::preflight::Mapping;
use crate::provider;
use crate::triage::ExportFormat;

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
  7    cancelled at a prompt: the plan declined, \"Nothing\" chosen, or Esc at the first
       question (nothing was written)
  130  interrupted (before any write, or after the write in flight finished and was
       recorded)";

/// Environment variables scimctl reads that are no flag's twin (the token is never a flag).
pub const MORE_ENVIRONMENT: [(&str, &str); 3] = [
    (
        "SCIMCTL_TOKEN",
        "The bearer token for the endpoint. Never given on the command line.",
    ),
    (
        "SCIMCTL_STATE_DIR",
        "Where the journal of changes is kept [default: the platform state directory].",
    ),
    (
        "SCIMCTL_CACHE_DIR",
        "Where what was learned about each endpoint is cached [default: the platform cache directory].",
    ),
];

const AFTER_HELP: &str = "\
Examples:
  export SCIMCTL_URL=https://api.example.com/scim/v2
  export SCIMCTL_TOKEN=…             # or --token-file FILE, --token-stdin, a profile
  scimctl doctor                     # can I reach it, is the token good, what works?
  scimctl users find --email jdoe@example.com
  scimctl users find --username JDoe -o json
  scimctl users list --filter 'active eq false' -o ndjson | jq .userName
  scimctl demo                       # a tour on a local sandbox: no endpoint needed

The token is never taken on the command line: SCIMCTL_TOKEN, --token-file,
--token-stdin, a profile's token-file, or a hidden prompt. Each command's --help
has its examples; scimctl help options lists the options every command takes.";

/// The last lines of every subcommand's help: where the options every command takes are.
const GLOBAL_OPTIONS: &str = "\
Global options (--url, --profile, -o, -q, -v, …): scimctl help options";

/// The command line as it is parsed and shown: each subcommand's help lists its own flags and
/// examples, and the options every command takes are listed once, by `scimctl help options`
/// (they are still accepted everywhere). Completions and manuals use [`Cli::command`] as is.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let root = Cli::command();
    let globals: Vec<clap::Arg> = root
        .get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect();
    root.mut_subcommands(|sub| {
        if sub.get_name() == "options" {
            sub
        } else {
            with_global_options_hidden(sub, &globals)
        }
    })
}

/// `sub` and its subcommands with hidden copies of `globals` (clap then propagates no other
/// copy) and a footer that says where they are described.
fn with_global_options_hidden(sub: clap::Command, globals: &[clap::Arg]) -> clap::Command {
    let sub = globals
        .iter()
        .fold(sub, |sub, arg| sub.arg(arg.clone().hide(true)))
        .mut_subcommands(|nested| with_global_options_hidden(nested, globals));
    let footer = |help: Option<&clap::builder::StyledStr>| match help {
        Some(help) => format!("{help}\n\n{GLOBAL_OPTIONS}"),
        None => GLOBAL_OPTIONS.to_string(),
    };
    let after_help = footer(sub.get_after_help());
    let after_long_help = sub.get_after_long_help().map(|h| footer(Some(h)));
    let sub = sub.after_help(after_help);
    match after_long_help {
        Some(long) => sub.after_long_help(long),
        None => sub,
    }
}

/// Parses `args` (the program name first) with [`command`].
pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::FromArgMatches;
    let mut command = command();
    let matches = command.try_get_matches_from_mut(args)?;
    let mut cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command))?;
    cli.global.from_environment = FromEnvironment::of(&matches);
    Ok(cli)
}

/// The subcommand `args` (the program name first) were aimed at, as typed in help:
/// `scimctl users find`. Values of options are skipped, so `--profile users` names no command.
pub fn command_path(args: &[std::ffi::OsString]) -> String {
    let mut current = command();
    let mut path = vec![current.get_name().to_string()];
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(flag) = word.strip_prefix('-') {
            let takes_value = |arg: &clap::Arg| arg.get_action().takes_values();
            let arg = match flag.strip_prefix('-') {
                Some(long) if !long.contains('=') => {
                    current.get_arguments().find(|a| a.get_long() == Some(long))
                }
                Some(_) => None,
                // `-o json` takes the next word; `-ojson` and `-vv` do not.
                None => flag
                    .chars()
                    .next()
                    .filter(|_| flag.chars().count() == 1)
                    .and_then(|short| {
                        current
                            .get_arguments()
                            .find(|a| a.get_short() == Some(short))
                    }),
            };
            if arg.is_some_and(takes_value) {
                words.next();
            }
            continue;
        }
        let Some(sub) = current.find_subcommand(word.as_ref()).cloned() else {
            continue;
        };
        path.push(sub.get_name().to_string());
        current = sub;
    }
    path.join(" ")
}

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
    #[arg(long, env = "SCIMCTL_INSECURE_HTTP", global = true,
          value_parser = environment_flag("SCIMCTL_INSECURE_HTTP"))]
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

    /// Filter the JSON output through a jq expression, as gh does: strings print as they are,
    /// other values as compact JSON, one per line [implies -o json]
    #[arg(long, global = true, value_name = "EXPR", help_heading = "Output")]
    pub jq: Option<String>,

    /// Show every table column whole, however wide the terminal
    #[arg(long, global = true, help_heading = "Output")]
    pub wide: bool,

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
    #[arg(long, env = "SCIMCTL_NO_INPUT", global = true, help_heading = "Output",
          value_parser = environment_flag("SCIMCTL_NO_INPUT"))]
    pub no_input: bool,

    /// More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies
    #[arg(short, long, action = ArgAction::Count, global = true, help_heading = "Output",
          conflicts_with = "quiet")]
    pub verbose: u8,

    /// Only data and errors: no notes, hints or progress on stderr
    #[arg(short, long, global = true, help_heading = "Output")]
    pub quiet: bool,

    /// Which of these settings an environment variable gave, rather than the command line.
    #[arg(skip)]
    pub from_environment: FromEnvironment,
}

/// The settings that say where and as whom scimctl connects (and --no-input, for its messages),
/// each true when its `SCIMCTL_*` variable gave it (a flag on the command line leaves it false).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FromEnvironment {
    pub url: bool,
    pub token_file: bool,
    pub provider: bool,
    pub ca_cert: bool,
    pub insecure_http: bool,
    pub profile: bool,
    pub no_input: bool,
}

impl FromEnvironment {
    fn of(matches: &ArgMatches) -> FromEnvironment {
        let env = |id: &str| matches.value_source(id) == Some(ValueSource::EnvVariable);
        FromEnvironment {
            url: env("url"),
            token_file: env("token_file"),
            provider: env("provider"),
            ca_cert: env("ca_cert"),
            insecure_http: env("insecure_http"),
            profile: env("profile"),
            no_input: env("no_input"),
        }
    }
}

/// A yes/no `SCIMCTL_*` variable behind a flag: 1/0, true/false, yes/no, on/off in any case.
/// (Given as the flag itself, clap hands over "true".)
fn environment_flag(
    variable: &'static str,
) -> impl Fn(&str) -> Result<bool, String> + Clone + Send + Sync + 'static {
    move |value| {
        crate::settings::parse_yes_no(value).ok_or_else(|| {
            format!("{variable} accepts 1 or 0, true or false, yes or no, on or off")
        })
    }
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
    #[command(
        subcommand,
        after_help = "\
Examples:
  scimctl users find --email jdoe@example.com
  scimctl users get 2819c223-7f76-453a-919d-413861904646
  scimctl users list --limit 20"
    )]
    Users(UsersCommand),

    /// Explain why provisioning a user got 409: who holds the value, how it collides, what to do
    #[command(after_help = "\
Examples:
  scimctl diagnose --email jdoe@example.com
  scimctl diagnose --username jdoe --email jdoe@example.com --external-id 00u1
  scimctl diagnose --payload failed-user.json   # the User the IdP sent
  scimctl diagnose --error 'Email jdoe@example.com already in use.'
  scimctl diagnose --error @okta-task.txt       # Okta's task text, in a file
  scimctl diagnose --payload u.json --error @entra.txt -o json  # 1: conflict

The error may be Okta's task or System Log text, an Entra ID provisioning-log
message (the SCIM body after 'Web Response:'), or a raw SCIM error body; a
value it names joins the candidate. Exit 1 when a conflict is found, 0 when the
candidate is clear.")]
    Diagnose(DiagnoseArgs),

    /// Diagnose every provisioning failure in an identity provider's export at once
    #[command(after_help = "\
Examples:
  scimctl triage ~/Downloads/ProvisioningLogs.json  # Entra portal download
  scimctl triage okta-system-log.json --since 2026-11-20
  scimctl triage ProvisioningLogs*.csv              # Entra's three CSV files
  scimctl triage tasks.txt                          # Okta task texts
  scimctl triage export.ndjson -o json --plan fixes.json  # CI

Reads Entra ID (portal JSON, Graph pages, NDJSON, Log Analytics rows, the three
CSV files), Okta (System Log JSON, NDJSON, event hooks, CSV, task texts) and
Google Workspace's failure list, detected from the content. Retries of one
user count once; each distinct value is looked up once, with filters or one
read of the directory, whichever takes fewer requests; each user is diagnosed
exactly as diagnose would. Rate-limited failures are never taken for
conflicts. Nothing is written to the service provider. Exit 1 when any
conflict is found, 0 when none.")]
    Triage(TriageArgs),

    /// Walk through a 409 at the terminal: diagnose, choose a fix, see the plan, confirm, apply, verify
    #[command(after_help = "\
Examples:
  scimctl resolve --email jdoe@example.com
  scimctl resolve --payload failed-user.json --error @okta-task.txt

Takes the same inputs as diagnose. Needs a terminal: without one it exits 2 and
prints the commands that would do the same (diagnose, then rename-user /
release-email / link / provision).")]
    Resolve(DiagnoseArgs),

    /// Rename the userName of the account that holds it, to free it for the incoming user
    #[command(after_help = "\
Examples:
  scimctl rename-user 2819c223-7f76-453a-919d-413861904646 --to jd2 --dry-run
  scimctl rename-user --username jdoe --to jdoe-old --yes  # whoever holds jdoe

Refused when the new name is taken (in any case or normalised form: exit 1) or
when the provider does not allow renames (Pulumi). Every write is shown,
confirmed, verified and journaled.")]
    #[command(group(ArgGroup::new("account").required(true).args(["holder", "username"])))]
    RenameUser(RenameArgs),

    /// Suggest userNames that the endpoint confirms are free
    #[command(after_help = "\
Examples:
  scimctl suggest-username jdoe
  scimctl suggest-username jdoe --limit 10 -o json")]
    SuggestUsername {
        /// The name to start from
        base: String,
        /// How many free names to suggest
        #[arg(long, alias = "count", value_name = "N", default_value_t = 5,
              value_parser = clap::value_parser!(u32).range(1..=50))]
        limit: u32,
    },

    /// Release an email from the account that holds it, keeping its other emails
    #[command(after_help = "\
Examples:
  scimctl release-email jdoe@example.com --dry-run
  scimctl release-email jdoe@example.com 2819c223… --to jd@example.net --yes
  scimctl release-email jdoe@example.com 2819c223… --remove

By default the address is replaced with a placeholder on the same domain
(jdoe+released-YYYYMMDD@example.com, or released-YYYYMMDD-jdoe@… where that is
taken). Where the server refuses the path emails[value eq \"…\"] (400 invalidPath
or noTarget, 501) or answers without changing anything, the whole emails list
is replaced instead, once, with every other address kept as stored (the plan
says so before you confirm).")]
    ReleaseEmail(ReleaseArgs),

    /// Bind an existing account to the incoming identity, so the identity provider updates it
    #[command(after_help = "\
Examples:
  scimctl link 2819c223… --payload failed-user.json --dry-run
  scimctl link 2819c223… --username jdoe --external-id 00u999 --activate --yes

Sets the holder's userName (what Okta and Entra look users up by) and
externalId to the incoming ones. Refused where the provider cannot (Pulumi: the
person connects SSO from their account).")]
    Link(LinkArgs),

    /// Retry the create the identity provider attempted (one POST, never repeated)
    #[command(after_help = "\
Examples:
  scimctl provision --payload failed-user.json --dry-run
  scimctl provision --payload failed-user.json --username jdoe2 --yes

After an ambiguous failure (timeout, dropped connection) it looks the user up
to learn whether the create happened, instead of sending it again.")]
    Provision(ProvisionArgs),

    /// The changes scimctl made, and how to undo them
    #[command(
        subcommand,
        after_help = "\
Examples:
  scimctl journal list
  scimctl journal show 7
  scimctl journal undo 7 --dry-run

The journal is a local file (SCIMCTL_STATE_DIR, else the platform's state
directory)."
    )]
    Journal(JournalCommand),

    /// Predict which creates will 409 before the identity provider sends them, with the fix for each
    #[command(after_help = "\
Examples:
  scimctl preflight --candidates entra-users.csv
  scimctl preflight --candidates okta-app-users.json -o json --plan pre.json
  scimctl preflight --candidates users.csv --map userName=Email,externalId=Id

Reads the users an identity provider is about to provision: a CSV (Entra's
userPrincipalName, mail, objectId; Okta's login, email, id; or columns named
with --map), SCIM Users (JSON or NDJSON), a Graph /users page, or Okta's
/api/v1/users or /apps/{id}/users JSON. Computes the values the identity
provider sends by its default mapping (--mapping), looks every value up once,
and predicts each create under the provider's rules: create, conflict (with
diagnose's findings and options), same-person (link rather than create), or
collides-with-candidate (two incoming users take one value). Nothing is
written. Exit 1 when any create is predicted to fail, 0 when none.")]
    Preflight(PreflightArgs),

    /// Find accounts that collide with each other: case, NFKC, invisible and look-alike letters, shared emails, externalIds
    #[command(after_help = "\
Examples:
  scimctl audit
  scimctl audit -o json | jq '.clusters[] | {rule, key}'

Reads every user once and groups the accounts whose userNames are equal
ignoring case, after NFKC, without invisible characters, with look-alike
letters read as Latin, or under the provider's login rule (GitHub); that share
an email in any slot; or that carry the same externalId. Each group is
reported under the first rule that joins it, and says when an inactive
account holds the value too. Accounts without an externalId are counted.
Exit 1 when any group is found, 0 when none, 5 when the directory cannot be
read whole.")]
    Audit,

    /// Store a profile's token in the OS keyring (or a private file), and see where settings come from
    #[command(
        subcommand,
        after_help = "\
Examples:
  scimctl auth login --profile acme --url https://api.example.com/scim/v2
  scimctl auth status
  scimctl auth logout --profile acme"
    )]
    Auth(AuthCommand),

    /// Check the endpoint: reachability, TLS, token, which filters work, page cap, ETags, provider
    #[command(after_help = "\
Examples:
  scimctl doctor
  scimctl doctor -o json | jq .filters

Exit 0 when the endpoint is usable (warnings are listed, not fatal), 3 when the
token is refused, 5 when the endpoint cannot be reached. What is learned is
cached per endpoint.")]
    Doctor,

    /// Run a local SCIM service provider that behaves like a real one, to try scimctl or rehearse a fix
    #[command(after_help = "\
Examples:
  scimctl sandbox                       # generic RFC rules, tenant 'default'
  scimctl sandbox --provider pulumi --tenant acme --seed examples/faq.json
  scimctl sandbox --state rehearsal.jsonl --seed examples/common-conflicts.json
  scimctl sandbox --generate 100000 --generate-seed 7   # a large directory
  scimctl sandbox --provider aws --latency 50 --rate-limit default
  scimctl sandbox --rate-limit 5/s      # the 6th request in a second gets 429

The first two lines on stdout are SCIMCTL_URL=<the first tenant's base URL> and
SCIMCTL_TOKEN=<a generated token> (or SCIMCTL_TOKEN_FILE=<path> with
--token-file). To serve in the background and use it from the same shell:
  scimctl sandbox > sandbox.env &      # stop it later with: kill %1
  until [ \"$(wc -l < sandbox.env)\" -ge 2 ]; do sleep 0.1; done
  export $(head -2 sandbox.env)
  scimctl users list

--provider picks the rules (which values must be unique and where, filters,
page caps, ETags, error texts). --rate-limit default applies the profile's
documented limits per tenant: aws 40 reads/s and 25 writes/s; slack 1,000
reads/min, 600 writes/min (bursts of 180) and 180 creates/min (bursts of 20);
github-emu 15,000 requests/h and 1,000 creates/h; the others document none.
Serves until Ctrl-C or SIGTERM, then exits 0.")]
    Sandbox(SandboxArgs),

    /// A two-second tour: a sandbox with the support page's two conflicts, and scimctl at work on it
    #[command(after_help = "\
Example:
  scimctl demo

Needs no endpoint and no token: the sandbox runs inside the process and is gone
when the tour ends. Its changes go to a journal of its own, never yours.")]
    Demo,

    /// Print a shell completion script
    #[command(after_help = "\
Examples:
  mkdir -p ~/.local/share/bash-completion/completions
  scimctl completions bash > ~/.local/share/bash-completion/completions/scimctl
  mkdir -p ~/.zfunc && scimctl completions zsh > ~/.zfunc/_scimctl
  # and in ~/.zshrc, before compinit: fpath+=(~/.zfunc)
  mkdir -p ~/.config/fish/completions
  scimctl completions fish > ~/.config/fish/completions/scimctl.fish")]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff), or write one page per command with --dir
    #[command(after_help = "\
Examples:
  scimctl man > scimctl.1
  scimctl man --dir ~/.local/share/man/man1  # scimctl.1, scimctl-diagnose.1, …

man finds pages under ~/.local/share/man when ~/.local/bin is on PATH (see
manpath(1)).")]
    Man {
        /// Write scimctl.1 and a page per subcommand into DIR (created if missing)
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },

    /// The options every command takes: the endpoint, the token, limits and output
    #[command(after_help = "\
Examples:
  scimctl help options
  scimctl users find --email jdoe@example.com --profile staging -o json

Each option also has a SCIMCTL_* environment variable (shown in brackets); a
flag beats the variable, which beats the profile in the configuration file.")]
    Options,
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Find the users holding a userName, email or externalId, or matching a filter
    #[command(after_help = "\
Examples:
  scimctl users find --username JDoe            # in any letter case
  scimctl users find --email jdoe@example.com   # in any of a user's emails
  scimctl users find --external-id 00u1abc      # exactly: caseExact
  scimctl users find --filter 'name.familyName eq \"Doe\"' -o json

A filter's empty answer is believed only once scimctl has proven, with values
listed users hold, that the server applies it and ignores case (doctor shows
what was proven). Otherwise it reads the directory and compares itself (up to
--max-scan users), and says so on stderr. Finding nobody prints an empty list
and exits 0; past --max-scan it exits 5 instead of guessing.")]
    #[command(group(ArgGroup::new("key").required(true).args(["username", "email", "external_id", "filter"])))]
    Find(FindArgs),

    /// Show one user by its SCIM id
    #[command(after_help = "\
Examples:
  scimctl users get 2819c223-7f76-453a-919d-413861904646
  scimctl users get 2819c223-7f76-453a-919d-413861904646 -o json

An unknown id exits 4 with the server's message.")]
    Get {
        /// The user's id on the service provider
        id: String,
    },

    /// List users, page by page
    #[command(after_help = "\
Examples:
  scimctl users list --limit 20
  scimctl users list --filter 'active eq false' -o ndjson | jq -r .userName

Without --limit every matching user is listed; -o ndjson streams them as pages
arrive.")]
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
    /// The account to rename: its id (scimctl users find shows it)
    #[arg(value_name = "HOLDER")]
    pub holder: Option<String>,
    /// Or the userName to free: the account that holds it is renamed
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
    /// The account holding it: its id [default: found by looking the address up]
    #[arg(value_name = "HOLDER")]
    pub holder: Option<String>,
    /// The old spelling of HOLDER
    #[arg(long, value_name = "ID", hide = true, conflicts_with = "holder")]
    pub from: Option<String>,
    /// Put this address in its place [default: a placeholder on the same domain]
    #[arg(
        long,
        value_name = "NEW",
        alias = "replace-with",
        conflicts_with = "remove"
    )]
    pub to: Option<String>,
    /// Drop the address instead (unless it is the account's only one)
    #[arg(long)]
    pub remove: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct LinkArgs {
    /// The existing account to bind: its id (scimctl users find shows it)
    #[arg(value_name = "HOLDER")]
    pub holder: String,
    /// The SCIM User the identity provider tried to create (JSON file, or - for stdin; at most
    /// 1,000 emails)
    #[arg(long, value_name = "FILE")]
    pub payload: Option<String>,
    /// The incoming userName, set on the holder (overrides the payload's)
    #[arg(long, value_name = "NAME")]
    pub username: Option<String>,
    /// The incoming externalId, set on the holder (overrides the payload's)
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
    /// The incoming userName to create it with (overrides the payload's)
    #[arg(long, value_name = "NAME")]
    pub username: Option<String>,
    /// The incoming primary email to create it with (overrides the payload's)
    #[arg(long, value_name = "ADDRESS")]
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
        after_help = "\
Examples:
  scimctl auth login --profile acme --url https://api.example.com/scim/v2
  echo \"$TOKEN\" | scimctl auth login --profile ci --with-token
  scimctl auth login --profile acme --with-token --store file

The first profile logged in becomes default-profile. Then: scimctl doctor"
    )]
    Login(LoginArgs),
    /// Show each connection setting (profile, url, token, provider) and where it comes from
    #[command(after_help = "\
Examples:
  scimctl auth status
  scimctl auth status --profile acme -o json

The token is never shown: only where it comes from (a flag, SCIMCTL_TOKEN, the
keyring, the credentials file, a profile's token-file) and whether it is there.
The token is taken from, in order: --token-stdin, --token-file or
SCIMCTL_TOKEN_FILE, SCIMCTL_TOKEN, the token auth login stored for the
profile, the profile's token-file, a hidden prompt. A profile named with
--profile ignores the SCIMCTL_* connection variables.")]
    Status,
    /// Remove the token stored for a profile (the profile's url stays)
    #[command(after_help = "\
Examples:
  scimctl auth logout --profile acme")]
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
    #[command(after_help = "\
Examples:
  scimctl journal list
  scimctl journal list --limit 5 -o json

A damaged line (cut off by a crash, NUL bytes, not UTF-8, over 1 MiB) is
skipped and named in a warning; -o json lists it under \"damaged\".")]
    List {
        /// Show only the N most recent entries
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
        limit: Option<u64>,
    },
    /// Show one entry: its plan, the values before and after, the endpoint and the outcome
    #[command(after_help = "\
Examples:
  scimctl journal show 7
  scimctl journal show 7 -o json

Reads only the local journal: no endpoint or token is needed.")]
    Show {
        /// The entry's id, from `scimctl journal list`
        id: u64,
    },
    /// Put back what a journal entry changed, if nothing has changed since
    #[command(after_help = "\
Examples:
  scimctl journal show 7              # what it changed
  scimctl journal undo 7 --dry-run

A userName, email or externalId the undo would put back is looked up first: if
another account now holds it (in any case or normalised form), the undo is
refused (exit 1) before any write. A create is never undone: that would mean
deleting the account.")]
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
        after_help = "\
Examples:
  scimctl journal settle 7
  scimctl journal settle 7 -o json"
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
pub struct PreflightArgs {
    /// The users the identity provider will send (CSV, JSON or NDJSON)
    #[arg(long, value_name = "FILE")]
    pub candidates: PathBuf,
    /// Whose default attribute mapping gives the values sent [default: detected from the file]
    #[arg(long, value_enum, value_name = "IDP")]
    pub mapping: Option<Mapping>,
    /// Columns or fields to read instead: userName=COL,email=COL,externalId=COL
    #[arg(long, value_name = "ATTR=COL,…")]
    pub map: Option<String>,
    /// Write every recommended fix that can run as one batch plan (JSON) to FILE
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TriageArgs {
    /// The exports to read (JSON, NDJSON, CSV or text; Entra's three CSV files together)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Read the files as this format instead of detecting it from their content
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ExportFormat>,
    /// Only failures at or after TIME (2026-11-20, or 2026-11-20T09:00:00Z)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only failures before TIME
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Write every recommended fix that can run as one batch plan (JSON) to FILE
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
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
    /// Start with N made-up, realistic users besides the seed's, spread over the tenants
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub generate: Option<u64>,
    /// The seed --generate draws from: the same seed gives the same users [default: 1]
    #[arg(long, value_name = "S", requires = "generate")]
    pub generate_seed: Option<u64>,
    /// Answer every request MS milliseconds late, like a service across the internet
    #[arg(long, value_name = "MS", default_value_t = 0,
          value_parser = clap::value_parser!(u64).range(0..=600_000))]
    pub latency: u64,
    /// Per-tenant limit: N/s, N/min or N/h for every request, or 'default' for the --provider's
    /// documented limits; excess requests get 429 with Retry-After [default: no limit]
    #[arg(long, value_name = "RATE")]
    pub rate_limit: Option<crate::sandbox::RateLimit>,
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
    /// Show at most N users
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=100_000_000))]
    pub limit: Option<u64>,
}
