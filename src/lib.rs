//! scimctl: find who holds a SCIM userName or email, and why an identity provider got 409.
//!
//! The binary (`src/main.rs`) only calls [`main`]; everything is a library so that the
//! integration tests and the fuzz targets can reach each reader directly.

// Only `src/output` writes to the terminal: everything else goes through its `Printer`, which
// escapes what servers and files say and redacts the token.
#![deny(clippy::print_stdout, clippy::print_stderr)]

// Rust 1.89 (for `File::lock`) brings let chains into clippy's reach; nested `if let`s stay
// as written until the code that has them is next changed.

pub mod cli;
pub mod clock;
pub mod commands;
pub mod config_file;
pub mod conflict;
pub mod credentials;
pub mod exit;
pub mod idp;
pub mod output;
pub mod provider;
pub mod redact;
pub mod sandbox;
pub mod scim;
pub mod settings;

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::settings::{Settings, Task};

/// Parses the command line, runs the command, and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return bad_command_line(e),
    };
    let fallback = Printer::new(&settings::OutputSettings::before_settings(
        cli.global.color.unwrap_or(cli::ColorChoice::Auto),
    ));
    let (settings, task) = match Settings::resolve(&cli.global, &cli.command)
        .and_then(|s| Ok((s, Task::from_command(&cli.command, &cli.global)?)))
    {
        Ok(resolved) => resolved,
        Err(e) => return report(&fallback, &e),
    };
    let printer = Printer::new(&settings.output);
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
    let message = error
        .chain()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(": ");
    printer.error(&format!(
        "{} (exit {})",
        message.replace('\n', " "),
        status.code()
    ));
    status.into()
}

/// clap's own errors, made one line like every other error: the problem, clap's tip, where the
/// help is, and the exit code. Help and version requests print as clap renders them.
fn bad_command_line(error: clap::Error) -> ExitCode {
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
    let rendered = error.render().to_string();
    let problem = rendered
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches("error: ")
        .to_string();
    let mut tips: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .filter_map(|l| {
            l.strip_prefix("tip: ")
                .or_else(|| l.starts_with("[possible values:").then_some(l))
        })
        .collect();
    let command: Vec<&str> = rendered
        .lines()
        .find_map(|l| l.strip_prefix("Usage: "))
        .unwrap_or("scimctl")
        .split_whitespace()
        .take_while(|word| !word.starts_with(['<', '[', '-']))
        .collect();
    let mut message = problem;
    if rendered.contains("'--token'") {
        message.push_str("; the token is never taken on the command line: use SCIMCTL_TOKEN, --token-file or --token-stdin");
    }
    // An unexpected word after `auth login` is most likely a token: never repeat it.
    if command.starts_with(&["scimctl", "auth", "login"])
        && error.kind() == ErrorKind::UnknownArgument
    {
        message = "auth login takes no token on the command line: pipe it in with --with-token, or type it at the prompt".into();
        tips.clear();
    }
    for tip in tips {
        message.push_str(&format!("; {tip}"));
    }
    message.push_str(&format!("; see '{} --help'", command.join(" ")));
    let printer = Printer::new(&settings::OutputSettings::before_settings(
        cli::ColorChoice::Auto,
    ));
    printer.error(&format!("{message} (exit {})", ExitStatus::Usage.code()));
    ExitStatus::Usage.into()
}
