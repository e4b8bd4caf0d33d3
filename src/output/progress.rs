//! A walk's progress on stderr (pages and users read so far), drawn only when it lasts over a
//! second, only at a terminal and never under -q, and cleared when the walk ends. Notes a
//! lookup tells while it works go out at once, above the progress line.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Printer;
use crate::scim::query::Watch;

/// How long a walk goes unseen before its progress is drawn.
const QUIET_FOR: Duration = Duration::from_secs(1);

pub struct Progress {
    printer: Printer,
    bar: Mutex<Option<ProgressBar>>,
}

impl Progress {
    pub fn new(printer: &Printer) -> Arc<Progress> {
        Arc::new(Progress {
            printer: printer.clone(),
            bar: Mutex::new(None),
        })
    }

    /// The bar of the walk under way, started (hidden for its first second) if there is none.
    fn bar(&self) -> Option<ProgressBar> {
        if !self.printer.shows_progress() {
            return None;
        }
        let mut bar = self.bar.lock().ok()?;
        if bar.is_none() {
            let started = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            started.set_style(
                ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            let shown = started.clone();
            std::thread::spawn(move || {
                std::thread::sleep(QUIET_FOR);
                if !shown.is_finished() {
                    shown.set_draw_target(ProgressDrawTarget::stderr());
                    shown.enable_steady_tick(Duration::from_millis(120));
                }
            });
            *bar = Some(started);
        }
        bar.clone()
    }
}

impl Watch for Progress {
    fn note(&self, text: &str) {
        match self.bar.lock().ok().and_then(|b| b.clone()) {
            Some(bar) => bar.suspend(|| self.printer.note(text)),
            None => self.printer.note(text),
        }
    }

    fn walking(&self, pages: u32, users: u64, total: Option<u64>) {
        if let Some(bar) = self.bar() {
            let of = total.map(|t| format!(" of {t}")).unwrap_or_default();
            let pages = if pages == 1 {
                "1 page".to_string()
            } else {
                format!("{pages} pages")
            };
            bar.set_message(format!("reading users: {users}{of} so far, {pages}"));
        }
    }

    fn walked(&self) {
        if let Some(bar) = self.bar.lock().ok().and_then(|mut b| b.take()) {
            bar.finish_and_clear();
        }
    }
}
