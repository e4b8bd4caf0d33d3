use std::io::{self, IsTerminal, Write};

use serde::Serialize;

use super::escape::{SERVER_TEXT_LIMIT, clip, escape, escape_lines};
use super::jq::JqExpr;
use super::table::{self, Layout};
use super::wrap::{lay_out, lay_out_labelled};
use crate::cli::{ColorChoice, OutputFormat};
use crate::redact::redact;
use crate::settings::OutputSettings;

/// How a piece of text should look when colour is on.
#[derive(Debug, Clone, Copy)]
pub enum Tone {
    Good,
    Warning,
    Bad,
    Dim,
    Bold,
}

/// Painted text is marked with Unicode noncharacters (set aside for a program's internal use),
/// not with escape sequences: the writer escapes every ESC it is given, so the colour scimctl
/// chose is put in only at the end, after the text from servers has been made harmless.
const TONES: [Tone; 5] = [Tone::Good, Tone::Warning, Tone::Bad, Tone::Dim, Tone::Bold];
const FIRST_MARK: u32 = 0xFDD0;
const END_MARK: char = '\u{FDDF}';

impl Tone {
    fn ansi(self) -> &'static str {
        match self {
            Tone::Good => "\x1b[32m",
            Tone::Warning => "\x1b[33m",
            Tone::Bad => "\x1b[31m",
            Tone::Dim => "\x1b[2m",
            Tone::Bold => "\x1b[1m",
        }
    }

    fn mark(self) -> char {
        char::from_u32(FIRST_MARK + self as u32).unwrap_or(END_MARK)
    }

    fn of_mark(c: char) -> Option<Tone> {
        let index = (c as u32).checked_sub(FIRST_MARK)?;
        TONES.get(index as usize).copied()
    }
}

#[derive(Debug, Clone)]
pub struct Printer {
    format: OutputFormat,
    quiet: bool,
    verbose: bool,
    color_stdout: bool,
    color_stderr: bool,
    stdout_terminal: bool,
    /// The widths text is laid out to: `COLUMNS`, else the terminal's; none through a pipe.
    stdout_width: Option<usize>,
    stderr_width: Option<usize>,
    wide: bool,
    jq: Option<JqExpr>,
}

/// `COLUMNS` when it is set to a number, else the width of the terminal `term` is; none when
/// it is not a terminal (a file or a pipe takes lines of any length).
fn width_of(term: &console::Term) -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok());
    columns
        .filter(|c: &usize| *c > 0)
        .or_else(|| term.size_checked().map(|(_, w)| usize::from(w)))
}

impl Printer {
    pub fn new(settings: &OutputSettings) -> Printer {
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let decide = |is_terminal: bool| match settings.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color_env,
        };
        Printer {
            format: settings.format,
            quiet: settings.quiet,
            verbose: settings.verbosity > 0,
            // JSON is never coloured, whatever --color says: it is for programs.
            color_stdout: settings.format == OutputFormat::Table
                && decide(io::stdout().is_terminal()),
            color_stderr: decide(io::stderr().is_terminal()),
            stdout_terminal: io::stdout().is_terminal(),
            stdout_width: width_of(&console::Term::stdout()),
            stderr_width: width_of(&console::Term::stderr()),
            wide: settings.wide,
            jq: settings.jq.clone(),
        }
    }

    /// Whether progress may be drawn: stderr is a terminal and -q was not given.
    pub fn shows_progress(&self) -> bool {
        !self.quiet && io::stderr().is_terminal()
    }

    /// How wide prose on stderr may be (a menu item, a progress line).
    pub fn stderr_width(&self) -> Option<usize> {
        self.stderr_width
    }

    pub fn format(&self) -> OutputFormat {
        self.format
    }

    /// Whether stderr gets colour, for the log lines that -v prints there.
    pub fn colours_stderr(&self) -> bool {
        self.color_stderr
    }

    /// Data: one or more lines to stdout. As text, every control, bidi and zero-width
    /// character in it is shown escaped (`\u{1b}`) and the lines are wrapped to the width
    /// (`wrap`); JSON is written exactly, as serde escaped it. A token a server echoed is
    /// redacted in both.
    pub fn data(&self, text: &str) -> io::Result<()> {
        let text = redact(text);
        let shown = match self.format {
            OutputFormat::Table => lay_out(
                &finish(&escape_lines(&text), self.color_stdout),
                self.stdout_width,
            ),
            OutputFormat::Json | OutputFormat::Ndjson => text.into_owned(),
        };
        write_out(&shown)
    }

    /// A table to stdout (cells already escaped): ruled and fitted to the terminal, plain
    /// through a pipe, every column whole with `--wide`; columns in `whole` (ids) never shrink.
    pub fn table(&self, header: &[&str], rows: &[Vec<String>], whole: &[usize]) -> io::Result<()> {
        let layout = Layout {
            width: self.stdout_width,
            plain: !self.stdout_terminal,
            wide: self.wide,
        };
        let text = table::render(header, rows, whole, layout);
        write_out(&lay_out(&finish(&redact(&text), self.color_stdout), None))
    }

    /// A line for people about what was done (`done: …`), on stdout with the data; -q drops
    /// it, as the exit status says the same.
    pub fn outcome(&self, text: &str) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        self.data(text)
    }

    /// Whether -q was given.
    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// A document scimctl generated itself (a completion script, the man page), byte for byte.
    pub fn generated(&self, text: &str) -> io::Result<()> {
        write_out(text)
    }

    /// A whole JSON document to stdout, pretty-printed (or through `--jq`).
    pub fn json<T: Serialize>(&self, value: &T) -> io::Result<()> {
        if let Some(jq) = &self.jq {
            return self.jq_lines(jq, value);
        }
        let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
        self.data(&text)
    }

    /// One JSON object per line, flushed at once so a consumer sees it while the walk goes on.
    pub fn ndjson_line<T: Serialize>(&self, value: &T) -> io::Result<()> {
        if let Some(jq) = &self.jq {
            return self.jq_lines(jq, value);
        }
        let text = serde_json::to_string(value).map_err(io::Error::other)?;
        self.data(&text)
    }

    /// `--jq`'s results, one a line. Exact through a pipe; on a terminal a string's hidden
    /// characters are shown escaped, as in a table.
    fn jq_lines<T: Serialize>(&self, jq: &JqExpr, value: &T) -> io::Result<()> {
        for line in jq.lines(value).map_err(io::Error::other)? {
            let line = redact(&line);
            if self.stdout_terminal {
                write_out(&escape(&line))?;
            } else {
                write_out(&line)?;
            }
        }
        Ok(())
    }

    /// The error that ends a command, under -o json or ndjson: one JSON object on stderr,
    /// `{"version": 1, "error": {"message": …, "exit": N, "kind": …}}`.
    pub fn json_error(&self, message: &str, exit: u8, kind: &str) {
        #[derive(Serialize)]
        struct ErrorDocument<'a> {
            version: u32,
            error: Failure<'a>,
        }
        #[derive(Serialize)]
        struct Failure<'a> {
            message: &'a str,
            exit: u8,
            kind: &'a str,
        }
        let message = redact(message);
        let document = ErrorDocument {
            version: super::JSON_VERSION,
            error: Failure {
                message: &message,
                exit,
                kind,
            },
        };
        if let Ok(text) = serde_json::to_string(&document) {
            let _ = writeln!(io::stderr().lock(), "{text}");
        }
    }

    /// `text` in `tone` when stdout is coloured; the colour is put in by [`Printer::data`].
    pub fn paint(&self, tone: Tone, text: &str) -> String {
        format!("{}{text}{END_MARK}", tone.mark())
    }

    /// A server's own text (an error detail, a body) for a line: whole under -v, otherwise cut
    /// at [`SERVER_TEXT_LIMIT`] characters.
    pub fn server_text<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        if self.verbose {
            std::borrow::Cow::Borrowed(text)
        } else {
            clip(text, SERVER_TEXT_LIMIT)
        }
    }

    /// Something a person may want to know (how a lookup was done). Hidden by -q.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            self.stderr_line(Tone::Dim, "note:", text);
        }
    }

    /// Something a person should act on. Hidden by -q as well: -q promises only data and errors.
    pub fn warn(&self, text: &str) {
        if !self.quiet {
            self.stderr_line(Tone::Warning, "warning:", text);
        }
    }

    pub fn error(&self, text: &str) {
        // The line that ends a failed command stays one line, whatever the width.
        let line = format!(
            "{} {}",
            self.paint(Tone::Bad, "error:"),
            escape(&redact(text))
        );
        let _ = writeln!(
            io::stderr().lock(),
            "{}",
            lay_out(&finish(&line, self.color_stderr), None)
        );
    }

    /// The text a person gave (a filter), with a caret under byte `at` and `label` after it,
    /// shown on stderr before the error about it. Hidden characters are shown escaped, and the
    /// caret still lands under the right one.
    pub fn excerpt(&self, text: &str, at: usize, label: &str) {
        let before = text.get(..at).unwrap_or(text);
        let indent = console::measure_text_width(&escape(&redact(before)));
        let label = redact(label);
        let caret = format!("{}^ {}", " ".repeat(indent), escape(&label));
        let caret = self.paint(Tone::Bad, &caret);
        let lines = format!("  {}\n  {caret}", escape(&redact(text)));
        let _ = writeln!(io::stderr().lock(), "{}", finish(&lines, self.color_stderr));
    }

    /// Lines a person must see before answering a prompt (a plan, when stdout carries JSON):
    /// to stderr, escaped like data, and not hidden by -q.
    pub fn before_prompt(&self, text: &str) {
        let shown = finish(&escape_lines(&redact(text)), self.color_stderr);
        let _ = writeln!(io::stderr().lock(), "{shown}");
    }

    /// After Ctrl-C at a prompt: the cursor shown again and the line ended, where there is a
    /// terminal to restore (a pipe or a file gets no escape sequence).
    pub fn restore_terminal(&self) {
        let term = console::Term::stderr();
        if term.is_term() {
            let _ = term.show_cursor();
            let _ = term.write_line("");
        }
    }

    /// The cursor shown again (a prompt may have hidden it), only on a terminal.
    pub fn show_cursor(&self) {
        let term = console::Term::stderr();
        if term.is_term() {
            let _ = term.show_cursor();
        }
    }

    /// `--help` and `--version`, as clap renders them.
    pub fn clap_output(&self, message: &clap::Error) -> io::Result<()> {
        message.print()
    }

    /// One message, one line: a newline inside it (a server's multi-line detail) is shown as
    /// `\u{a}`, so no text can pass for a line of its own.
    fn stderr_line(&self, tone: Tone, label: &str, text: &str) {
        let label = finish(&self.paint(tone, label), self.color_stderr);
        let text = finish(&escape(&redact(text)), self.color_stderr);
        let line = lay_out_labelled(&label, &text, self.stderr_width);
        // Nothing useful can be done if stderr itself is gone.
        let _ = writeln!(io::stderr().lock(), "{line}");
    }
}

fn write_out(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Text whose hidden characters are already escaped, with the tone marks turned into colour
/// (or dropped when colour is off).
fn finish(text: &str, colour: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match (Tone::of_mark(c), c == END_MARK) {
            (_, true) if colour => out.push_str("\x1b[0m"),
            (Some(tone), _) if colour => out.push_str(tone.ansi()),
            (None, false) => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_is_put_in_after_escaping() {
        let printer = Printer::new(&OutputSettings::before_settings(ColorChoice::Never));
        let line = format!("{} \x1b[2J", printer.paint(Tone::Bad, "CONFLICT"));
        let escaped = escape_lines(&line);
        assert_eq!(finish(&escaped, true), "\x1b[31mCONFLICT\x1b[0m \\u{1b}[2J");
        assert_eq!(finish(&escaped, false), "CONFLICT \\u{1b}[2J");
    }
}
