//! scimctl: find who holds a SCIM userName or email, and why an identity provider got 409.
//!
//! The binary (`src/main.rs`) only calls [`main`]; everything is a library so that the
//! integration tests and the fuzz targets can reach each reader directly.

// Only `src/output` writes to the terminal: everything else goes through its `Printer`, which
// escapes what servers and files say and redacts the token.
#![deny(clippy::print_stdout, clippy::print_stderr)]

// Rust 1.89 (for `File::lock`) brings let chains into clippy's reach; nested `if let`s stay
// as written until the code that has them is next changed.

pub mod audit;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config_file;
pub mod conflict;
pub mod credentials;
pub mod exit;
pub mod idp;
pub mod output;
pub mod preflight;
pub mod provider;
pub mod redact;
pub mod sandbox;
pub mod scim;
pub mod settings;
pub mod triage;

use std::process::ExitCode;

use clap::error::ErrorKind;

use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::settings::{Settings, Task};

/// Parses the command line, runs the command, and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match cli::parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return bad_command_line(e, &args),
    };
    let mut before = settings::OutputSettings::before_settings(
        cli.global.color.unwrap_or(cli::ColorChoice::Auto),
    );
    before.format = requested_format();
    let fallback = Printer::new(&before);
    let (settings, task) = match Settings::resolve(&cli.global, &cli.command)
        .and_then(|s| Ok((s, Task::from_command(&cli.command, &cli.global)?)))
    {
        Ok(resolved) => resolved,
        Err(e) => return report(&fallback, &e),
    };
    let printer = Printer::new(&settings.output);
    for warning in &settings.warnings {
        printer.warn(warning);
    }
    output::log::init(&settings.output, printer.colours_stderr());
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            return report(
                &printer,
                &anyhow::Error::from(e).context("cannot start the async runtime"),
            );
        }
    };
    let outcome = runtime.block_on(async {
        if task.handles_interrupts() {
            // A server shuts down cleanly on Ctrl-C and exits 0; it listens for it itself.
            return commands::run(task, &settings, &printer).await;
        }
        commands::interrupt::run_until_interrupted(task, &settings, &printer).await
    });
    match outcome {
        Ok(status) => status.into(),
        Err(e) => report(&printer, &e),
    }
}

/// Prints the error on one line and picks the exit code. A closed stdout (`| head`) is not an
/// error: the reader has what it wanted.
fn report(printer: &Printer, error: &anyhow::Error) -> ExitCode {
    let broken_pipe = error
        .chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe);
    if broken_pipe {
        return ExitStatus::Success.into();
    }
    let status = ExitStatus::of_error(error);
    if status == ExitStatus::Interrupted {
        printer.show_cursor();
    }
    if let Some(filter) = error
        .chain()
        .find_map(|c| c.downcast_ref::<scim::filter::FilterSyntaxError>())
    {
        printer.excerpt(&filter.filter, filter.at, &filter.problem);
    }
    let message = error
        .chain()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(": ");
    fail(printer, &message.replace('\n', " "), status)
}

/// The one line that ends a failed command, `error: … (exit N)`; under -o json or ndjson one
/// JSON object instead, for the script that reads it.
fn fail(printer: &Printer, message: &str, status: ExitStatus) -> ExitCode {
    match printer.format() {
        cli::OutputFormat::Table => {
            printer.error(&format!("{message} (exit {})", status.code()));
        }
        cli::OutputFormat::Json | cli::OutputFormat::Ndjson => {
            printer.json_error(message, status.code(), status.kind());
        }
    }
    status.into()
}

/// The output format the command line (or SCIMCTL_OUTPUT) asks for, read without clap: for
/// an error found before the command line could be parsed, or the settings resolved.
fn requested_format() -> cli::OutputFormat {
    use clap::ValueEnum;
    let args: Vec<String> = std::env::args().skip(1).take_while(|a| a != "--").collect();
    let mut named = None;
    for (i, arg) in args.iter().enumerate() {
        let value = match arg.as_str() {
            "-o" | "--output" => args.get(i + 1).map(String::as_str),
            "--jq" => Some("json"),
            other => other
                .strip_prefix("--output=")
                .or_else(|| other.strip_prefix("-o="))
                .or_else(|| other.strip_prefix("-o"))
                .or_else(|| other.starts_with("--jq=").then_some("json")),
        };
        if let Some(format) = value.and_then(|v| cli::OutputFormat::from_str(v, true).ok()) {
            named = Some(format);
        }
    }
    named
        .or_else(|| {
            let env = std::env::var("SCIMCTL_OUTPUT").ok()?;
            cli::OutputFormat::from_str(&env, true).ok()
        })
        .unwrap_or(cli::OutputFormat::Table)
}

/// clap's own errors, made one line like every other error, with all that clap said kept
/// (the missing arguments, the usage line, its tips), the help of the subcommand that was
/// being parsed, and the exit code. Help and version requests print as clap renders them.
fn bad_command_line(error: clap::Error, args: &[std::ffi::OsString]) -> ExitCode {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let printer = Printer::new(&settings::OutputSettings::before_settings(
            cli::ColorChoice::Auto,
        ));
        let _ = printer.clap_output(&error);
        return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(ExitStatus::Usage.code()));
    }
    let mut message = one_line(&error.render().to_string());
    if message.contains("'--token'") {
        message.push_str("; the token is never taken on the command line: use SCIMCTL_TOKEN, --token-file or --token-stdin");
    }
    // An unexpected word after `auth login` is most likely a token: never repeat it.
    let path = cli::command_path(args);
    if path.starts_with("scimctl auth login") && error.kind() == ErrorKind::UnknownArgument {
        message = "auth login takes no token on the command line: pipe it in with --with-token, or type it at the prompt".into();
    }
    message.push_str(&format!("; see '{path} --help'"));
    let mut before = settings::OutputSettings::before_settings(cli::ColorChoice::Auto);
    before.format = requested_format();
    fail(&Printer::new(&before), &message, ExitStatus::Usage)
}

/// clap's rendered error as one line: its lines joined (a line ending in ':' with the indented
/// lines it introduces), without the leading "error: " and the "For more information" line.
fn one_line(rendered: &str) -> String {
    let mut message = String::new();
    for line in rendered.lines() {
        let text = line.trim();
        if text.is_empty() || text.starts_with("For more information") {
            continue;
        }
        let text = text.strip_prefix("error: ").unwrap_or(text);
        let text = match text.strip_prefix("Usage: ") {
            Some(usage) => format!("usage: {usage}"),
            None => text.to_string(),
        };
        if !message.is_empty() {
            message.push_str(if message.ends_with(':') { " " } else { "; " });
        }
        message.push_str(&text);
    }
    message
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn a_missing_argument_keeps_its_name_and_the_usage_line() {
        let rendered = "error: the following required arguments were not provided:\n  --to <NEW>\n\nUsage: scimctl rename-user --to <NEW> <HOLDER|--username <NAME>>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(rendered),
            "the following required arguments were not provided: --to <NEW>; usage: scimctl rename-user --to <NEW> <HOLDER|--username <NAME>>"
        );
    }
}
