//! Questions to a person at the terminal, on stderr (dialoguer's default terminal). Each
//! returns the io error it got, so Ctrl-C arrives as `Interrupted` (exit 130).

use std::io;

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

/// Yes or no with the default Enter gives, `None` when dismissed (Esc).
pub fn confirm_or(prompt: &str, default: bool) -> io::Result<Option<bool>> {
    dialoguer::Confirm::new()
        .with_prompt(shown(prompt))
        .default(default)
        .interact_opt()
        .map_err(io_error)
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
pub fn text(
    prompt: &str,
    initial: &str,
    validate: impl FnMut(&String) -> Result<(), String>,
) -> io::Result<String> {
    dialoguer::Input::<String>::new()
        .with_prompt(shown(prompt))
        .with_initial_text(shown(initial))
        .validate_with(validate)
        .interact_text()
        .map_err(io_error)
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
