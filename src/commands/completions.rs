//! `scimctl completions SHELL` and `scimctl man`, both generated from the clap definition.

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

pub fn man(printer: &Printer) -> Result<ExitStatus> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    printer.generated(&String::from_utf8_lossy(&page))?;
    Ok(ExitStatus::Success)
}
