//! The one escaping function for text shown to people. Values from a server or a file can hold
//! escape sequences (clear the screen, set the window title), bidi overrides that reorder what
//! is read, and zero-width characters that make two different names look alike. Each such
//! character is shown as `\u{…}`, the way Rust's `{:?}` writes it, so it is seen and not obeyed.
//! JSON output is not escaped: serde writes the exact value.

use std::borrow::Cow;

/// How many characters of a server's own text (an error `detail`, a body) a line shows; the
/// rest is cut with a note. `-v` shows the whole text.
pub const SERVER_TEXT_LIMIT: usize = 300;

/// `text` with every control, bidi and format character written as `\u{…}`, newlines too: for
/// one value that must stay on its line (a table cell, a name in a sentence).
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_with(text, |_| false)
}

/// Like [`escape`], but newlines stay: for a whole block of text scimctl laid out itself.
pub fn escape_lines(text: &str) -> Cow<'_, str> {
    escape_with(text, |c| c == '\n')
}

fn escape_with(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_hidden(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) && !keep(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Characters a terminal obeys or hides rather than shows: C0 and C1 controls (ESC, BEL, CR,
/// DEL…), Unicode's format characters (category Cf: bidi embeddings, overrides and isolates,
/// zero-width spaces and joiners, the byte-order mark, tags) and the line and paragraph
/// separators.
pub fn is_hidden(c: char) -> bool {
    c.is_control() || is_format(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Unicode general category Cf (Unicode 16).
fn is_format(c: char) -> bool {
    matches!(c as u32,
        0x00AD
        | 0x0600..=0x0605
        | 0x061C
        | 0x06DD
        | 0x070F
        | 0x0890..=0x0891
        | 0x08E2
        | 0x180E
        | 0x200B..=0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2064
        | 0x2066..=0x206F
        | 0xFEFF
        | 0xFFF9..=0xFFFB
        | 0x110BD
        | 0x110CD
        | 0x13430..=0x1343F
        | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A
        | 0xE0001
        | 0xE0020..=0xE007F)
}

/// `text` cut to `limit` characters, saying how much was left out and where to see it.
pub fn clip(text: &str, limit: usize) -> Cow<'_, str> {
    let total = text.chars().count();
    if total <= limit {
        return Cow::Borrowed(text);
    }
    let kept: String = text.chars().take(limit).collect();
    Cow::Owned(format!(
        "{kept}… ({} more characters; -v shows them all)",
        total - limit
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn terminal_sequences_are_shown_not_obeyed() {
        assert_eq!(
            escape("a\x1b]0;pwned\x07b\x1b[2J"),
            "a\\u{1b}]0;pwned\\u{7}b\\u{1b}[2J"
        );
    }

    #[test]
    fn bidi_and_zero_width_characters_are_visible() {
        assert_eq!(escape("jdoe\u{200b}"), "jdoe\\u{200b}");
        assert_eq!(escape("\u{202e}txt.exe"), "\\u{202e}txt.exe");
        assert_eq!(escape("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        assert_eq!(escape("\u{feff}tok"), "\\u{feff}tok");
        assert_eq!(escape("\u{9b}31m"), "\\u{9b}31m");
    }

    #[test]
    fn plain_text_is_untouched_and_newlines_stay_only_in_blocks() {
        assert!(matches!(escape("José Müller 山田"), Cow::Borrowed(_)));
        assert_eq!(escape("a\nb"), "a\\u{a}b");
        assert_eq!(escape_lines("a\nb\r"), "a\nb\\u{d}");
    }

    #[test]
    fn long_text_is_clipped_with_a_note() {
        assert_eq!(clip("abcdef", 6), "abcdef");
        assert_eq!(
            clip("abcdefgh", 3),
            "abc… (5 more characters; -v shows them all)"
        );
    }

    proptest! {
        #[test]
        fn nothing_hidden_survives(text in any::<String>()) {
            let shown = escape(&text);
            prop_assert!(!shown.chars().any(is_hidden));
        }

        #[test]
        fn visible_text_is_unchanged(text in "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*") {
            prop_assert_eq!(escape(&text), text.as_str());
        }
    }
}
