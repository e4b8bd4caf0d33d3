//! scimctl's own `tracing` events on stderr, through the same escaping and redaction as every
//! other line. Without `-v` only warnings show (a retry, a cache that could not be written),
//! as `note:` lines that `-q` hides like every note; `-v`, `-vv`, `-vvv` add info, debug and
//! trace events, labelled `info:`, `debug:`, `trace:`.

use std::fmt;
use std::io::{self, Write};

use tracing::{Event, Level, Subscriber};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields, MakeWriter};
use tracing_subscriber::registry::LookupSpan;

use super::escape::escape;
use crate::redact::redact;
use crate::settings::OutputSettings;

pub fn init(settings: &OutputSettings, colour: bool) {
    let level = match (settings.verbosity, settings.quiet) {
        (0, true) => "off",
        (0, false) => "warn",
        (1, _) => "info",
        (2, _) => "debug",
        _ => "trace",
    };
    // Only scimctl's own events: libraries' logs could carry headers.
    let filter = tracing_subscriber::EnvFilter::new(format!("off,scimctl={level}"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .event_format(Lines)
        .with_writer(Escaped { colour })
        .init();
}

/// One line per event: `note: …` for a warning, `info: …` (and so on) for the traces of `-v`.
struct Lines;

impl<S, N> FormatEvent<S, N> for Lines
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &Event<'_>,
    ) -> fmt::Result {
        let label = match *event.metadata().level() {
            // `error:` is kept for the one line that ends a failed command.
            Level::ERROR => "warning:",
            Level::WARN => "note:",
            Level::INFO => "info:",
            Level::DEBUG => "debug:",
            Level::TRACE => "trace:",
        };
        write!(writer, "{label} ")?;
        ctx.field_format().format_fields(writer.by_ref(), event)?;
        writeln!(writer)
    }
}

/// stderr, escaped and redacted; each write is one event, which starts with its label and
/// ends with a newline.
struct Escaped {
    colour: bool,
}

impl<'a> MakeWriter<'a> for Escaped {
    type Writer = Escaped;
    fn make_writer(&'a self) -> Self::Writer {
        Escaped {
            colour: self.colour,
        }
    }
}

impl Write for Escaped {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // One event, one line: only the newline that ends it stays.
        let text = String::from_utf8_lossy(buf);
        let body = text.strip_suffix('\n').unwrap_or(&text);
        let mut shown = escape(&redact(body)).into_owned();
        if body.len() < text.len() {
            shown.push('\n');
        }
        let line = match shown.split_once(' ') {
            // The label is scimctl's own (see `Lines`), so only it is coloured.
            Some((label, rest)) if self.colour => {
                let tone = if label == "warning:" {
                    "\x1b[33m"
                } else {
                    "\x1b[2m"
                };
                format!("{tone}{label}\x1b[0m {rest}")
            }
            _ => shown,
        };
        io::stderr().lock().write_all(line.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        io::stderr().flush()
    }
}
