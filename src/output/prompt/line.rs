//! One line of text typed at the terminal, for the text and yes/no prompts: the keys are read
//! one by one (console's raw reads) up to Enter, so nothing typed is left for the next reader,
//! and Esc ends it with nothing. The line is redrawn whole after each key, across as many rows
//! as the terminal wraps it over, so editing in the middle or past the margin shows what is held.

use std::io;

use console::{Key, Term, measure_text_width};

/// How the line ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    Enter(String),
    /// Esc: what was typed is discarded.
    Escape,
}

/// Reads a line after `prompt` (already escaped), starting with `initial` (also escaped).
/// Ctrl-C is console's `Interrupted` error.
pub fn read(term: &Term, prompt: &str, initial: &str) -> io::Result<Ended> {
    let mut line = Line {
        term,
        prompt,
        chars: initial.chars().collect(),
        position: initial.chars().count(),
        row: 0,
    };
    line.draw()?;
    loop {
        let key = term.read_key()?;
        match line.edit(key) {
            Some(Ended::Enter(text)) => {
                line.end_with(&text)?;
                return Ok(Ended::Enter(text));
            }
            Some(Ended::Escape) => {
                line.end_with("")?;
                return Ok(Ended::Escape);
            }
            None => line.draw()?,
        }
    }
}

struct Line<'a> {
    term: &'a Term,
    prompt: &'a str,
    chars: Vec<char>,
    /// The cursor, in characters from the start of the text.
    position: usize,
    /// The cursor's row, counted from the prompt's first row.
    row: usize,
}

impl Line<'_> {
    /// Applies one key; `Some` when it ends the line.
    fn edit(&mut self, key: Key) -> Option<Ended> {
        match key {
            Key::Enter => return Some(Ended::Enter(self.chars.iter().collect())),
            Key::Escape => return Some(Ended::Escape),
            Key::Backspace if self.position > 0 => {
                self.position -= 1;
                self.chars.remove(self.position);
            }
            Key::Del if self.position < self.chars.len() => {
                self.chars.remove(self.position);
            }
            Key::ArrowLeft if self.position > 0 => self.position -= 1,
            Key::ArrowRight if self.position < self.chars.len() => self.position += 1,
            Key::Home => self.position = 0,
            Key::End => self.position = self.chars.len(),
            // Ctrl-U: start again.
            Key::Char('\u{15}') => {
                self.chars.clear();
                self.position = 0;
            }
            Key::Char(c) if !c.is_control() => {
                self.chars.insert(self.position, c);
                self.position += 1;
            }
            _ => {}
        }
        None
    }

    /// Draws the prompt and the text from the prompt's first row, and puts the cursor back.
    fn draw(&mut self) -> io::Result<()> {
        let text: String = self.chars.iter().collect();
        let before: String = self.chars[..self.position].iter().collect();
        self.paint(&text, &before)
    }

    /// The final look of the line (`shown` after the prompt), and the next line.
    fn end_with(&mut self, shown: &str) -> io::Result<()> {
        self.paint(shown, shown)?;
        self.term.write_str("\r\n")?;
        self.term.flush()
    }

    fn paint(&mut self, text: &str, before_cursor: &str) -> io::Result<()> {
        let columns = usize::from(self.term.size().1).max(1);
        let prompt = measure_text_width(self.prompt);
        let end = prompt + measure_text_width(text);
        let cursor = prompt + measure_text_width(before_cursor);
        if self.row > 0 {
            self.term.move_cursor_up(self.row)?;
        }
        self.term.write_str("\r")?;
        self.term.clear_to_end_of_screen()?;
        self.term.write_str(self.prompt)?;
        self.term.write_str(text)?;
        // Text that ends at the right margin leaves the cursor on the margin, not below it.
        if end > 0 && end.is_multiple_of(columns) {
            self.term.write_str("\r\n")?;
        }
        let (row, column) = (cursor / columns, cursor % columns);
        let end_row = end / columns;
        if end_row > row {
            self.term.move_cursor_up(end_row - row)?;
        }
        self.term.write_str("\r")?;
        if column > 0 {
            self.term.move_cursor_right(column)?;
        }
        self.row = row;
        self.term.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line<'static> {
        static TERM: std::sync::OnceLock<Term> = std::sync::OnceLock::new();
        Line {
            term: TERM.get_or_init(Term::stderr),
            prompt: "? ",
            chars: text.chars().collect(),
            position: text.chars().count(),
            row: 0,
        }
    }

    fn typed(line: &mut Line, keys: impl IntoIterator<Item = Key>) -> Option<Ended> {
        keys.into_iter().find_map(|key| line.edit(key))
    }

    #[test]
    fn keys_edit_the_text_where_the_cursor_is() {
        let mut l = line("jdoe");
        let keys = [
            Key::ArrowLeft,
            Key::ArrowLeft,
            Key::Char('-'),
            Key::End,
            Key::Backspace,
            Key::Char('E'),
            Key::Home,
            Key::Del,
            Key::Char('J'),
            Key::Enter,
        ];
        assert_eq!(typed(&mut l, keys), Some(Ended::Enter("Jd-oE".into())));
    }

    #[test]
    fn escape_discards_what_was_typed() {
        let mut l = line("CKent-previous");
        let keys = [Key::Char('x'), Key::Escape, Key::Char('y'), Key::Enter];
        assert_eq!(typed(&mut l, keys), Some(Ended::Escape));
    }

    #[test]
    fn control_characters_and_unknown_keys_are_not_text() {
        let mut l = line("");
        let keys = [
            Key::Char('\u{7}'),
            Key::UnknownEscSeq(vec!['[', '2']),
            Key::Tab,
            Key::Char('a'),
            Key::Char('\u{15}'),
            Key::Char('b'),
            Key::Enter,
        ];
        assert_eq!(typed(&mut l, keys), Some(Ended::Enter("b".into())));
    }
}
