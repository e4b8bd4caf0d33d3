//! Every table scimctl prints, laid out one way: on a terminal, ruled and fitted to its width
//! (the id columns keep their width, the others shrink and wrap first); through a pipe, plain
//! columns with one row per line for `grep` and `awk`; `--wide` never shrinks anything.

use comfy_table::{ColumnConstraint, ContentArrangement, Table, presets};

/// How a table is to be laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The width to fit, when there is one (a terminal, or `COLUMNS`).
    pub width: Option<usize>,
    /// No rules or boxes: stdout is not a terminal.
    pub plain: bool,
    /// `--wide`: every column whole.
    pub wide: bool,
}

/// A table of `rows` under `header`. A cell's values on lines of their own (`\n`) are joined
/// with ", " in a plain table, to keep one row per line. Columns in `whole` (ids) are never
/// shrunk or wrapped.
pub fn render(header: &[&str], rows: &[Vec<String>], whole: &[usize], layout: Layout) -> String {
    let mut table = Table::new();
    table.set_header(header.iter().copied());
    if layout.plain {
        table.load_style(presets::NOTHING);
    } else {
        table.load_style(presets::UTF8_HORIZONTAL_ONLY);
    }
    for row in rows {
        table.add_row(row.iter().map(|cell| {
            if layout.plain {
                cell.replace('\n', ", ")
            } else {
                cell.clone()
            }
        }));
    }
    match layout.width.filter(|_| !layout.wide) {
        Some(width) => {
            table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(u16::try_from(width).unwrap_or(u16::MAX));
            for &column in whole {
                if let Some(column) = table.column_mut(column) {
                    column.set_constraint(ColumnConstraint::ContentWidth);
                }
            }
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    if layout.plain {
        for column in table.column_iter_mut() {
            column.set_padding((0, 2));
        }
    }
    let text = table.to_string();
    // A plain table's last column is padded too; a line ends where its text does.
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "2819c223-7f76-453a-919d-413861904646";

    fn rows() -> Vec<Vec<String>> {
        vec![vec![
            ID.to_string(),
            "jdoe".into(),
            "john.doe@acme.example (primary, work)\njd@acme.example (home)".into(),
            "a summary that is long enough to need wrapping at eighty columns, and then some more words".into(),
        ]]
    }

    const HEADER: [&str; 4] = ["id", "userName", "emails", "what"];

    #[test]
    fn a_terminal_table_fits_and_keeps_ids_whole() {
        let layout = Layout {
            width: Some(80),
            plain: false,
            wide: false,
        };
        let text = render(&HEADER, &rows(), &[0], layout);
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
        assert!(text.contains(ID), "{text}");
    }

    #[test]
    fn a_plain_table_has_no_rules_and_one_row_per_line() {
        let layout = Layout {
            width: None,
            plain: true,
            wide: false,
        };
        let text = render(&HEADER, &rows(), &[0], layout);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[1].starts_with(ID), "{text}");
        assert!(
            lines[1].contains("(primary, work), jd@acme.example"),
            "{text}"
        );
        assert!(!text.contains(['─', '═', '│']), "{text}");
    }

    #[test]
    fn wide_shows_every_column_whole() {
        let layout = Layout {
            width: Some(40),
            plain: false,
            wide: true,
        };
        let text = render(&HEADER, &rows(), &[0], layout);
        assert!(text.contains("and then some more words"), "{text}");
    }
}
