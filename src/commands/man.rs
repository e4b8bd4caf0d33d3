//! `scimctl man [--dir DIR]`: manual pages generated from the clap definition, one per command
//! (`scimctl.1`, `scimctl-diagnose.1`, `scimctl-users-find.1`, …). clap_mangen writes the
//! synopsis and every flag; the examples (as code, not reflowed), the environment and the exit
//! codes are added here from the same definitions.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, EXIT_CODES, MORE_ENVIRONMENT};
use crate::exit::{ExitStatus, usage};
use crate::output::Printer;
use crate::settings::io_reason;

/// One manual page: its file name and its roff text.
#[derive(Debug)]
pub struct Page {
    pub file_name: String,
    pub roff: String,
}

pub fn man(dir: Option<&Path>, printer: &Printer) -> Result<ExitStatus> {
    let pages = pages()?;
    let Some(dir) = dir else {
        printer.generated(&pages[0].roff)?;
        return Ok(ExitStatus::Success);
    };
    let cannot = |e: std::io::Error| {
        usage(format!(
            "cannot write to {}: {}",
            dir.display(),
            io_reason(&e)
        ))
    };
    std::fs::create_dir_all(dir).map_err(cannot)?;
    for page in &pages {
        std::fs::write(dir.join(&page.file_name), &page.roff).map_err(cannot)?;
    }
    printer.note(&format!(
        "wrote {} pages to {} (scimctl.1 and one per subcommand)",
        pages.len(),
        dir.display()
    ));
    Ok(ExitStatus::Success)
}

/// Every page: the top one first, then one per subcommand, depth first.
pub fn pages() -> Result<Vec<Page>> {
    let root = Cli::command();
    let environment = environment(&root);
    let mut pages = Vec::new();
    collect(root, &[], &environment, &mut pages)?;
    Ok(pages)
}

fn collect(
    command: clap::Command,
    path: &[&str],
    environment: &str,
    pages: &mut Vec<Page>,
) -> Result<()> {
    let mut names = vec!["scimctl"];
    names.extend_from_slice(path);
    let display = names.join("-");
    let top = path.is_empty();
    let after_help = command
        .get_after_long_help()
        .or_else(|| command.get_after_help())
        .map(|h| h.to_string())
        .unwrap_or_default();
    let subcommands: Vec<clap::Command> = command
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    let shown = command
        .clone()
        .name(display.clone())
        .display_name(display.clone())
        .bin_name(names.join(" "))
        .after_help(None::<&str>)
        .after_long_help(None::<&str>)
        .disable_help_subcommand(true);
    let mut rendered = Vec::new();
    clap_mangen::Man::new(shown).render(&mut rendered)?;
    let mut roff = String::from_utf8_lossy(&rendered).into_owned();
    let mut extra = examples(if top {
        // The top page's help ends with the exit codes, which get a section of their own.
        after_help.split(EXIT_CODES).next().unwrap_or_default()
    } else {
        &after_help
    });
    extra.push_str(environment);
    if top {
        extra.push_str(&exit_status());
    } else {
        extra.push_str(".SH \"GLOBAL OPTIONS\"\nEvery command also takes the options listed in\n.BR scimctl (1)\n(the endpoint, the token, limits and output).\n");
    }
    extra.push_str(&see_also(top));
    match roff.find("\n.SH VERSION") {
        Some(at) => roff.insert_str(at + 1, &extra),
        None => roff.push_str(&extra),
    }
    pages.push(Page {
        file_name: format!("{display}.1"),
        roff,
    });
    for sub in subcommands {
        let name = sub.get_name().to_string();
        let mut nested = path.to_vec();
        nested.push(&name);
        collect(sub, &nested, environment, pages)?;
    }
    Ok(())
}

/// The help's examples and notes: indented lines are code, kept as written (`.EX`/`.EE`);
/// the rest are paragraphs. The "Examples:" heading becomes the section's.
fn examples(after_help: &str) -> String {
    let mut roff = String::from(".SH EXAMPLES\n");
    let mut in_code = false;
    for line in after_help.lines() {
        let trimmed = line.trim_end();
        if matches!(trimmed, "Examples:" | "Example:") {
            continue;
        }
        let code = trimmed.starts_with("  ");
        if code != in_code {
            roff.push_str(if code { ".EX\n" } else { ".EE\n" });
            in_code = code;
        }
        if trimmed.is_empty() {
            if !in_code {
                roff.push_str(".PP\n");
            }
            continue;
        }
        let text = if code { trimmed.trim_start() } else { trimmed };
        roff.push_str(&escape(text));
        roff.push('\n');
    }
    if in_code {
        roff.push_str(".EE\n");
    }
    roff
}

/// Every SCIMCTL_* variable: the flags' twins (clap's `env` attributes) and the others.
fn environment(root: &clap::Command) -> String {
    let mut roff = String::from(".SH ENVIRONMENT\n");
    let mut entries: Vec<(String, String)> = root
        .get_arguments()
        .filter_map(|arg| {
            let env = arg.get_env()?.to_string_lossy().into_owned();
            let flag = arg
                .get_long()
                .map(|l| format!(" (as \\-\\-{l})"))
                .unwrap_or_default();
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            Some((env, format!("{}{flag}", escape(&help))))
        })
        .collect();
    entries.extend(
        MORE_ENVIRONMENT
            .iter()
            .map(|(name, help)| (name.to_string(), escape(help))),
    );
    entries.sort();
    for (name, help) in entries {
        let _ = write!(roff, ".TP\n.B {name}\n{help}\n");
    }
    roff.push_str(".TP\n.B NO_COLOR\nWhen set and not empty, no colour in auto mode.\n");
    roff
}

fn exit_status() -> String {
    let mut roff = String::from(".SH \"EXIT STATUS\"\n.EX\n");
    for line in EXIT_CODES.lines().skip(1) {
        roff.push_str(&escape(line.strip_prefix("  ").unwrap_or(line)));
        roff.push('\n');
    }
    roff.push_str(".EE\n");
    roff
}

fn see_also(top: bool) -> String {
    if top {
        String::new()
    } else {
        ".SH \"SEE ALSO\"\n.BR scimctl (1)\n".to_string()
    }
}

/// Text for roff: backslashes doubled as `\e`, dashes as `\-` (so a flag copies as typed), and
/// a line that would start with a control character guarded with `\&`.
fn escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_are_code_and_notes_are_paragraphs() {
        let roff = examples(
            "Examples:\n  scimctl doctor\n  scimctl doctor -o json\n\nExit 0 when usable.",
        );
        assert_eq!(
            roff,
            ".SH EXAMPLES\n.EX\nscimctl doctor\nscimctl doctor \\-o json\n.EE\n.PP\nExit 0 when usable.\n"
        );
    }

    #[test]
    fn a_line_starting_with_a_dot_is_not_a_request() {
        assert_eq!(escape(".hidden"), "\\&.hidden");
        assert_eq!(escape("a\\b"), "a\\eb");
    }
}
