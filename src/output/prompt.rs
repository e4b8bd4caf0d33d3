//! Questions to a person at the terminal, on stderr (dialoguer's default terminal). Each
//! returns the io error it got, so Ctrl-C arrives as `Interrupted` (exit 130).

use std::io;

/// Yes or no, `None` when dismissed (Esc); the default is no.
pub fn confirm(prompt: &str) -> io::Result<Option<bool>> {
    confirm_or(prompt, false)
}

/// Yes or no with the default Enter gives, `None` when dismissed (Esc).
pub fn confirm_or(prompt: &str, default: bool) -> io::Result<Option<bool>> {
    dialoguer::Confirm::new()
        .with_prompt(prompt)
        .default(default)
        .interact_opt()
        .map_err(io_error)
}

/// One of `items`, `None` when dismissed.
pub fn select(prompt: &str, items: &[String], default: usize) -> io::Result<Option<usize>> {
    dialoguer::Select::new()
        .with_prompt(prompt)
        .items(items)
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
        .with_prompt(prompt)
        .with_initial_text(initial)
        .validate_with(validate)
        .interact_text()
        .map_err(io_error)
}

fn io_error(error: dialoguer::Error) -> io::Error {
    match error {
        dialoguer::Error::IO(e) => e,
    }
}
