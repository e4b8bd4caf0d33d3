//! Questions to a person at the terminal, on stderr. Each returns the io error it got, so
//! Ctrl-C arrives as `Interrupted` (exit 130). Yes/no and text questions are read a line at a
//! time up to Enter (`line`), and Esc dismisses them; menus and the hidden token prompt are
//! dialoguer's.

mod line;

use std::io;

use console::Term;

use super::escape::escape;
use crate::redact::redact;

/// A prompt's text as the terminal gets it: a server's values in it escaped, the token redacted.
fn shown(text: &str) -> String {
    escape(&redact(text)).into_owned()
}

/// Yes or no, `None` when dismissed (Esc); the default is no.
pub fn confirm(prompt: &str) -> io::Result<Option<bool>> {
    confirm_or(prompt, false)
}

/// Yes or no, answered with a line that ends in Enter: y/yes/n/no in any case, nothing for
/// `default`; anything else asks again. `None` when dismissed (Esc). Reading up to Enter
/// leaves nothing behind: `no⏎` never hands an `o` to whatever reads the terminal next.
pub fn confirm_or(prompt: &str, default: bool) -> io::Result<Option<bool>> {
    let term = Term::stderr();
    let prompt = format!(
        "{} {} ",
        shown(prompt),
        if default { "[Y/n]" } else { "[y/N]" }
    );
    loop {
        match line::read(&term, &prompt, "")? {
            line::Ended::Escape => return Ok(None),
            line::Ended::Enter(answer) => match yes_or_no(&answer, default) {
                Some(yes) => return Ok(Some(yes)),
                None => term.write_line(&format!(
                    "  answer y or yes, n or no (Enter: {})",
                    if default { "yes" } else { "no" }
                ))?,
            },
        }
    }
}

/// An answer to a yes/no question; `None` when it is neither.
fn yes_or_no(answer: &str, default: bool) -> Option<bool> {
    match answer.trim().to_lowercase().as_str() {
        "" => Some(default),
        "y" | "yes" => Some(true),
        "n" | "no" => Some(false),
        _ => None,
    }
}

/// One of `items`, `None` when dismissed.
pub fn select(prompt: &str, items: &[String], default: usize) -> io::Result<Option<usize>> {
    let items: Vec<String> = items.iter().map(|item| shown(item)).collect();
    dialoguer::Select::new()
        .with_prompt(shown(prompt))
        .items(&items)
        .default(default)
        .interact_opt()
        .map_err(io_error)
}

/// A line of text, pre-filled with `initial`, asked again until `validate` accepts it.
/// `None` when dismissed with Esc: what was typed is discarded, never taken as the value.
pub fn text(
    prompt: &str,
    initial: &str,
    mut validate: impl FnMut(&String) -> Result<(), String>,
) -> io::Result<Option<String>> {
    let term = Term::stderr();
    if !term.is_term() {
        return Err(io::Error::new(
            io::ErrorKind::NotConnected,
            "not a terminal",
        ));
    }
    let prompt = format!("{}: ", shown(prompt));
    let mut value = shown(initial);
    loop {
        match line::read(&term, &prompt, &value)? {
            line::Ended::Escape => return Ok(None),
            line::Ended::Enter(typed) => match validate(&typed) {
                Ok(()) => return Ok(Some(typed)),
                Err(problem) => {
                    term.write_line(&format!("  {}", shown(&problem)))?;
                    value = typed;
                }
            },
        }
    }
}

fn io_error(error: dialoguer::Error) -> io::Error {
    match error {
        dialoguer::Error::IO(e) => e,
    }
}

/// A token, typed without echo. Ctrl-C ends the wait at once (`Interrupted`, exit 130) with
/// the terminal's echo turned back on.
pub fn secret(prompt: &str) -> io::Result<String> {
    let prompt = prompt.to_string();
    let answer = until_interrupted(move || {
        dialoguer::Password::new()
            .with_prompt(prompt)
            .interact()
            .map_err(io_error)
    });
    if answer
        .as_ref()
        .is_err_and(|e| e.kind() == io::ErrorKind::Interrupted)
    {
        restore_echo();
    }
    answer
}

/// Runs `read`, a read that blocks on a person (standard input, a prompt), on a thread of its
/// own and waits for it or for Ctrl-C, whichever comes first: Ctrl-C gives `Interrupted` at
/// once, and the process can exit 130 with nothing written. The command's own runtime cannot
/// see the signal while its thread is inside a blocking read, so a small runtime on another
/// thread listens for it; the abandoned read ends with the process.
pub fn until_interrupted<T: Send + 'static>(
    read: impl FnOnce() -> io::Result<T> + Send + 'static,
) -> io::Result<T> {
    let watcher = std::thread::spawn(move || -> io::Result<T> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        runtime.block_on(async move {
            let interrupt = Interrupt::listen()?;
            let (sender, answer) = tokio::sync::oneshot::channel();
            std::thread::spawn(move || {
                let _ = sender.send(read());
            });
            tokio::select! {
                answer = answer => answer.unwrap_or_else(|_| Err(io::Error::other("the read stopped without an answer"))),
                () = interrupt.received() => Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted")),
            }
        })
    });
    watcher
        .join()
        .unwrap_or_else(|_| Err(io::Error::other("the read stopped without an answer")))
}

/// SIGINT, listened for from the moment it is created (not from its first poll), so that a
/// Ctrl-C right after the read starts is not lost.
struct Interrupt {
    #[cfg(unix)]
    signal: tokio::signal::unix::Signal,
}

impl Interrupt {
    #[cfg(unix)]
    fn listen() -> io::Result<Interrupt> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Interrupt {
            signal: signal(SignalKind::interrupt())?,
        })
    }

    #[cfg(not(unix))]
    fn listen() -> io::Result<Interrupt> {
        Ok(Interrupt {})
    }

    #[cfg(unix)]
    async fn received(mut self) {
        self.signal.recv().await;
    }

    #[cfg(not(unix))]
    async fn received(self) {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// The hidden prompt turned echo off and is still waiting; its thread cannot be stopped, so
/// echo is turned back on here and the line ended.
fn restore_echo() {
    #[cfg(unix)]
    if let Ok(tty) = std::fs::File::open("/dev/tty") {
        let _ = std::process::Command::new("stty")
            .arg("echo")
            .stdin(tty)
            .status();
    }
    let _ = console::Term::stderr().write_line("");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_no_are_words_in_any_case_and_enter_is_the_default() {
        for yes in ["y", "Y", "yes", "YES", " Yes "] {
            assert_eq!(yes_or_no(yes, false), Some(true), "{yes}");
        }
        for no in ["n", "N", "no", "No"] {
            assert_eq!(yes_or_no(no, true), Some(false), "{no}");
        }
        assert_eq!(yes_or_no("", false), Some(false));
        assert_eq!(yes_or_no("  ", true), Some(true));
        for neither in ["ye", "nope", "yes please", "o", "es", "1"] {
            assert_eq!(yes_or_no(neither, false), None, "{neither}");
        }
    }
}
