//! `scimctl completions SHELL` and `scimctl options`, both generated from the clap definition.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::Cli;
use crate::exit::ExitStatus;
use crate::output::Printer;

pub fn completions(shell: clap_complete::Shell, printer: &Printer) -> Result<ExitStatus> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "scimctl", &mut script);
    printer.generated(&String::from_utf8_lossy(&script))?;
    Ok(ExitStatus::Success)
}

/// `scimctl options`: the same text as `scimctl help options`.
pub fn options(printer: &Printer) -> Result<ExitStatus> {
    let mut command = crate::cli::command();
    command.build();
    let help = command
        .find_subcommand_mut("options")
        .map(|options| options.render_long_help().to_string())
        .unwrap_or_default();
    printer.generated(&help)?;
    Ok(ExitStatus::Success)
}
