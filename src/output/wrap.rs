//! Prose laid out to the terminal's width by scimctl itself, so the terminal never breaks a
//! line mid-word. Lines break only at spaces; a word longer than the width (an id, a URL)
//! stays whole. A command is never broken inside a word: from `$ ` to the end of its line it
//! is one unit, moved to a line of its own when it does not fit, and broken between shell
//! words with a ` \` continuation only when it is wider than the terminal. A command inside a
//! sentence is kept on one line with [`unbroken`].

use textwrap::{Options, WordSeparator, WordSplitter};

/// Stands for a space that must not become a line break; shown as a space.
const KEEP_SPACE: char = '\u{FDDE}';

/// `text` (a command, an id with spaces) kept on one line when prose around it is wrapped.
pub fn unbroken(text: &str) -> String {
    text.replace(' ', &KEEP_SPACE.to_string())
}

/// Every line of `text` wrapped to `width` columns (none: left as it is). A continuation
/// starts under the line's text, past its indent and list marker (`1. `, `- `, `note: `).
pub fn lay_out(text: &str, width: Option<usize>) -> String {
    let laid = match width {
        Some(width) => text
            .split('\n')
            .map(|line| lay_out_line(line, width.max(20)))
            .collect::<Vec<_>>()
            .join("\n"),
        None => text.to_string(),
    };
    laid.replace(KEEP_SPACE, " ")
}

fn lay_out_line(line: &str, width: usize) -> String {
    if textwrap::core::display_width(line) <= width {
        return line.to_string();
    }
    let (lead, rest) = split_lead(line);
    lay_out_parts(lead, rest, width)
}

/// `label text` wrapped to `width`, continuing under `text` (a `note:` line on stderr).
pub fn lay_out_labelled(label: &str, text: &str, width: Option<usize>) -> String {
    let line = format!("{label} {text}");
    let laid = match width {
        Some(width) if textwrap::core::display_width(&line) > width => {
            lay_out_parts(&format!("{label} "), text, width.max(20))
        }
        _ => line,
    };
    laid.replace(KEEP_SPACE, " ")
}

fn lay_out_parts(lead: &str, rest: &str, width: usize) -> String {
    let hang = " ".repeat(textwrap::core::display_width(lead));
    let (prose, command) = match command_start(rest) {
        Some(at) => (rest[..at].trim_end(), Some(&rest[at..])),
        None => (rest, None),
    };
    let mut lines: Vec<String> = if prose.is_empty() {
        Vec::new()
    } else {
        let options = Options::new(width)
            .initial_indent(lead)
            .subsequent_indent(&hang)
            .break_words(false)
            .word_separator(WordSeparator::AsciiSpace)
            .word_splitter(WordSplitter::NoHyphenation);
        textwrap::wrap(prose, options)
            .into_iter()
            .map(|l| l.into_owned())
            .collect()
    };
    if let Some(command) = command {
        let fits = lines.last().is_some_and(|l| {
            textwrap::core::display_width(l) + 1 + textwrap::core::display_width(command) <= width
        });
        if fits {
            let last = lines.pop().unwrap_or_default();
            lines.push(format!("{last} {command}"));
        } else {
            let first = if lines.is_empty() { lead } else { &hang };
            lines.extend(command_lines(command, first, &hang, width));
        }
    }
    lines.join("\n")
}

/// The indent and list marker (`1. `, `- `, `Plan: `) a line starts with, or its columns
/// (`ok    token  accepted; …`: text after a gap of two spaces near the start), and the rest:
/// a continuation goes under the rest.
fn split_lead(line: &str) -> (&str, &str) {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let after = &line[indent..];
    let lead = match list_marker(after) {
        Some(marker) => {
            let rest = &after[marker..];
            marker + rest.len() - rest.trim_start_matches(' ').len()
        }
        None => column_gap(after).unwrap_or(0),
    };
    line.split_at(indent + lead)
}

/// `1.`, `-`, `!`, `=>` or a short label such as `note:`, `Plan:` or `To do:`, followed by a
/// space.
fn list_marker(text: &str) -> Option<usize> {
    let word = text.split(' ').next().filter(|_| text.contains(' '))?;
    let plain = strip_ansi(word);
    let digits = plain.chars().take_while(char::is_ascii_digit).count();
    if matches!(plain.as_str(), "-" | "!" | "=>") || (digits > 0 && plain[digits..] == *".") {
        return Some(word.len());
    }
    // A label of one or two words ending in ':'.
    let end = text.find(": ").filter(|at| *at > 0 && *at <= 20)?;
    let label = strip_ansi(&text[..end]);
    let short = label.len() <= 12 && label.split(' ').count() <= 2;
    (short && label.chars().all(|c| c.is_alphabetic() || c == ' ')).then_some(end + 1)
}

/// Where text resumes after the last gap of two or more spaces in the first columns.
fn column_gap(text: &str) -> Option<usize> {
    const NEAR_THE_START: usize = 40;
    let mut end = None;
    let mut i = 0;
    while let Some(at) = text[i..].find("  ").map(|a| a + i) {
        if at >= NEAR_THE_START {
            break;
        }
        let spaces = text[at..].len() - text[at..].trim_start_matches(' ').len();
        // A command after a gap is laid out as a command, under the line's indent.
        if at > 0 && at + spaces < text.len() && !text[at + spaces..].starts_with("$ ") {
            end = Some(at + spaces);
        }
        i = at + spaces;
    }
    end
}

/// `text` without the colour sequences (`ESC [ … m`) scimctl put in.
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_sequence = false;
    for c in text.chars() {
        match (in_sequence, c) {
            (false, '\x1b') => in_sequence = true,
            (false, c) => out.push(c),
            (true, 'm') => in_sequence = false,
            (true, _) => {}
        }
    }
    out
}

/// A menu item that fits on one line of a terminal `width` wide (after the menu's `> `), cut
/// with `…` where it must be: an item wider than the terminal would wrap, and the menu, which
/// counts lines, would leave stale ones behind when it redraws. Escaped first, so what is cut
/// is what is shown.
pub fn menu_item(text: &str, width: Option<usize>) -> String {
    let text = super::escape::escape(text).into_owned();
    let Some(room) = width.map(|w| w.saturating_sub(3).max(10)) else {
        return text;
    };
    if textwrap::core::display_width(&text) <= room {
        return text;
    }
    let mut kept = String::new();
    for c in text.chars() {
        if textwrap::core::display_width(&kept) + textwrap::core::display_width(&c.to_string()) + 1
            > room
        {
            break;
        }
        kept.push(c);
    }
    format!("{}…", kept.trim_end())
}

/// Where a `$ command` begins in `text`: at its start, or after a space.
fn command_start(text: &str) -> Option<usize> {
    if text.starts_with("$ ") {
        return Some(0);
    }
    text.find(" $ ").map(|at| at + 1)
}

/// A command on lines of its own, broken between shell words with ` \` where it must be.
fn command_lines(command: &str, first: &str, hang: &str, width: usize) -> Vec<String> {
    let continued = format!("{hang}    ");
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut empty = true;
    for word in shell_words(command) {
        let word_width = textwrap::core::display_width(word);
        let room = textwrap::core::display_width(&line) + 1 + word_width + 2;
        if !empty && room > width {
            line.push_str(" \\");
            lines.push(std::mem::replace(&mut line, continued.clone()));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    lines.push(line);
    lines
}

/// The words of a POSIX shell command line, each with its quotes: a space inside quotes (or
/// escaped) does not end a word.
fn shell_words(command: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = None;
    let mut quote = None;
    let mut escaped = false;
    for (i, c) in command.char_indices() {
        if start.is_none() {
            if c == ' ' {
                continue;
            }
            start = Some(i);
        }
        match (quote, c) {
            _ if escaped => escaped = false,
            (None, '\\') | (Some('"'), '\\') => escaped = true,
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => {
                words.extend(start.take().map(|s| &command[s..i]));
            }
            _ => {}
        }
    }
    words.extend(start.map(|s| &command[s..]));
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest(text: &str) -> usize {
        text.lines()
            .map(textwrap::core::display_width)
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn prose_breaks_at_spaces_under_its_own_indent() {
        let text = "   userName \"jdoe\" is held by account 2819c223-7f76-453a-919d-413861904646 (John Doe, john.doe@acme.example, last modified 2026-12-01).";
        let laid = lay_out(text, Some(60));
        assert!(widest(&laid) <= 60, "{laid}");
        assert!(
            laid.contains("2819c223-7f76-453a-919d-413861904646"),
            "{laid}"
        );
        assert!(
            laid.lines()
                .skip(1)
                .all(|l| l.starts_with("   ") && !l.starts_with("    ")),
            "{laid}"
        );
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(laid.split_whitespace().collect::<Vec<_>>(), words);
    }

    #[test]
    fn a_list_item_continues_under_its_text() {
        let laid = lay_out(
            "1. change what the identity provider sends for the incoming person",
            Some(30),
        );
        assert!(laid.lines().skip(1).all(|l| l.starts_with("   ")), "{laid}");
        let laid = lay_out(
            "note: Pulumi Cloud cannot filter users by email, so scimctl reads",
            Some(30),
        );
        assert!(
            laid.lines().skip(1).all(|l| l.starts_with("      ")),
            "{laid}"
        );
    }

    #[test]
    fn columns_continue_under_the_last_one() {
        let line = "  ok    uniqueness     /Schemas declares unique: userName (global), emails.value (global)";
        let laid = lay_out(line, Some(60));
        let hang = line.find("/Schemas").unwrap();
        assert!(
            laid.lines()
                .skip(1)
                .all(|l| l.len() - l.trim_start().len() == hang),
            "{laid}"
        );
        let laid = lay_out(
            "Plan: Replace sam.lee@acme.example with sam.lee+released@acme.example on account 9e10",
            Some(50),
        );
        assert!(
            laid.lines().skip(1).all(|l| l.starts_with("      ")),
            "{laid}"
        );
        let laid = lay_out(
            "To do: Send another userName for the incoming person: in Okta, the app's format",
            Some(50),
        );
        assert!(
            laid.lines().skip(1).all(|l| l.starts_with("       ")),
            "{laid}"
        );
    }

    #[test]
    fn a_word_wider_than_the_line_stays_whole() {
        let id = "x".repeat(50);
        let laid = lay_out(&format!("the account {id} holds it"), Some(30));
        assert!(laid.lines().any(|l| l.trim() == id), "{laid}");
    }

    /// The rule that matters: a command is never broken inside a word, so what a person
    /// copies runs as shown.
    #[test]
    fn a_command_is_never_broken_inside_a_word() {
        let line = "     $ scimctl release-email sam.lee@acme.example --from 9e107d9d-372b-4a66-9c9b-fb0e7f2b8c3d --replace-with 'j doe@x.com'";
        for width in [20, 40, 60, 80, 100] {
            let laid = lay_out(line, Some(width));
            let joined = laid.replace(" \\\n", " ");
            let joined: Vec<&str> = joined.split_whitespace().collect();
            let words: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(joined, words, "width {width}:\n{laid}");
            assert!(laid.contains("'j doe@x.com'"), "{laid}");
            for l in laid.lines().take(laid.lines().count() - 1) {
                assert!(
                    l.ends_with(" \\"),
                    "width {width}: a broken line ends with \\:\n{laid}"
                );
            }
        }
        assert_eq!(lay_out(line, Some(200)), line);
    }

    #[test]
    fn a_command_after_prose_moves_to_its_own_line() {
        let laid = lay_out(
            "2. Why?   $ scimctl diagnose --username jdoe --email jamie.doe@acme.example",
            Some(70),
        );
        assert_eq!(
            laid,
            "2. Why?\n   $ scimctl diagnose --username jdoe --email jamie.doe@acme.example"
        );
    }

    #[test]
    fn an_unbroken_span_stays_on_one_line() {
        let text = format!(
            "done: the change was verified by reading the account back; journal entry 1 (undo: {})",
            unbroken("scimctl journal undo 1")
        );
        let laid = lay_out(&text, Some(60));
        assert!(
            laid.lines().any(|l| l.contains("scimctl journal undo 1")),
            "{laid}"
        );
        assert!(widest(&laid) <= 60, "{laid}");
        assert_eq!(lay_out(&text, None), text.replace(KEEP_SPACE, " "));
    }

    #[test]
    fn a_menu_item_fits_one_line() {
        let item = "Let the identity provider match \"jdoe\" and update it (you do this in the identity provider)";
        for width in [20, 40, 80] {
            let fitted = menu_item(item, Some(width));
            assert!(
                textwrap::core::display_width(&fitted) + 2 <= width,
                "{width}: {fitted}"
            );
            assert!(fitted.ends_with('…') && !fitted.contains('\n'), "{fitted}");
        }
        assert_eq!(menu_item(item, Some(200)), item);
        assert_eq!(menu_item(item, None), item);
    }

    #[test]
    fn shell_words_keep_their_quotes() {
        assert_eq!(
            shell_words(r"scimctl rename-user h --to 'j doe'\''s' x\ y"),
            [
                "scimctl",
                "rename-user",
                "h",
                "--to",
                r"'j doe'\''s'",
                r"x\ y"
            ]
        );
    }
}
