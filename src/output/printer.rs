use std::io::{self, IsTerminal, Write};

use serde::Serialize;

use crate::cli::{ColorChoice, OutputFormat};
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
}

#[derive(Debug, Clone)]
pub struct Printer {
    format: OutputFormat,
    quiet: bool,
    color_stdout: bool,
    color_stderr: bool,
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
            // JSON is never coloured, whatever --color says: it is for programs.
            color_stdout: settings.format == OutputFormat::Table
                && decide(io::stdout().is_terminal()),
            color_stderr: decide(io::stderr().is_terminal()),
        }
    }

    pub fn format(&self) -> OutputFormat {
        self.format
    }

    /// Whether stderr gets colour, for the log lines that -v prints there.
    pub fn colours_stderr(&self) -> bool {
        self.color_stderr
    }

    pub fn stdout_is_terminal(&self) -> bool {
        io::stdout().is_terminal()
    }

    /// Data: one or more lines to stdout.
    pub fn data(&self, text: &str) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        out.flush()
    }

    /// A whole JSON document to stdout, pretty-printed.
    pub fn json<T: Serialize>(&self, value: &T) -> io::Result<()> {
        let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
        self.data(&text)
    }

    /// One JSON object per line, flushed at once so a consumer sees it while the walk goes on.
    pub fn ndjson_line<T: Serialize>(&self, value: &T) -> io::Result<()> {
        let text = serde_json::to_string(value).map_err(io::Error::other)?;
        self.data(&text)
    }

    pub fn paint(&self, tone: Tone, text: &str) -> String {
        paint(self.color_stdout, tone, text)
    }

    /// Something a person may want to know (how a lookup was done). Hidden by -q.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            self.stderr_line(&format!(
                "{} {text}",
                paint(self.color_stderr, Tone::Dim, "note:")
            ));
        }
    }

    /// Something a person should act on. Hidden by -q as well: -q promises only data and errors.
    pub fn warn(&self, text: &str) {
        if !self.quiet {
            self.stderr_line(&format!(
                "{} {text}",
                paint(self.color_stderr, Tone::Warning, "warning:")
            ));
        }
    }

    pub fn error(&self, text: &str) {
        self.stderr_line(&format!(
            "{} {text}",
            paint(self.color_stderr, Tone::Bad, "error:")
        ));
    }

    fn stderr_line(&self, text: &str) {
        // Nothing useful can be done if stderr itself is gone.
        let _ = writeln!(io::stderr().lock(), "{text}");
    }
}

fn paint(enabled: bool, tone: Tone, text: &str) -> String {
    if enabled {
        format!("{}{text}\x1b[0m", tone.ansi())
    } else {
        text.to_string()
    }
}
