//! Tables for people: one line per row, columns two spaces apart, no trailing spaces. On a
//! terminal of known width the table is fitted by truncating cells with `…`, free-text columns
//! first; without a width (a pipe) cells are shown whole. Control characters in cells are shown
//! escaped, so data from the monitored environment cannot move the cursor or recolour the screen.

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthChar;

/// How a column behaves when the table must shrink, and how it is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// Short values (IDs, statuses, times): shrunk only after every free-text column.
    #[default]
    Fixed,
    /// Free text (names, descriptions): shrunk first.
    Text,
    /// A severity: coloured by its value.
    Severity,
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    header: Vec<String>,
    kinds: Vec<Kind>,
    rows: Vec<Vec<String>>,
}

/// A free-text column is not shrunk below this many columns while another can give way.
const MIN_TEXT: usize = 12;

impl Table {
    pub fn new(columns: &[(&str, Kind)]) -> Table {
        Table {
            header: columns.iter().map(|(h, _)| (*h).to_owned()).collect(),
            kinds: columns.iter().map(|(_, k)| *k).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn header(&self) -> &[String] {
        &self.header
    }

    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    /// Renders the table to fit `width` columns (unlimited when `None`), coloured or not,
    /// through comfy-table: no borders, columns two spaces apart, one line a row cut with `…`,
    /// free-text columns given way first, no trailing spaces.
    pub fn render(&self, width: Option<usize>, color: bool) -> String {
        use comfy_table::{Attribute, Cell, ColumnConstraint, ContentArrangement, Row, Width};
        let n = self.header.len();
        let mut t = comfy_table::Table::new();
        t.load_style(comfy_table::TableStyle::new())
            .force_no_tty()
            .set_truncation_indicator("…");
        if color {
            // Styled text only, not its padding: lines still end without trailing spaces.
            t.enforce_styling().style_text_only();
        }
        let mut header: Row = self
            .header
            .iter()
            .map(|h| {
                let cell = Cell::new(escape(h));
                if color {
                    cell.add_attribute(Attribute::Bold)
                } else {
                    cell
                }
            })
            .collect::<Vec<_>>()
            .into();
        header.max_height(1);
        t.set_header(header);
        for r in &self.rows {
            let mut row: Row = (0..n)
                .map(|i| {
                    let text = escape(r.get(i).map_or("", String::as_str));
                    let mut cell = Cell::new(&text);
                    if let (true, Kind::Severity) = (color, self.kinds[i]) {
                        let (fg, bold) = severity_color(&text);
                        if let Some(fg) = fg {
                            cell = cell.fg(fg);
                        }
                        if bold {
                            cell = cell.add_attribute(Attribute::Bold);
                        }
                    }
                    cell
                })
                .collect::<Vec<_>>()
                .into();
            row.max_height(1);
            t.add_row(row);
        }
        // Content widths, as people see them.
        let widths: Vec<usize> = (0..n)
            .map(|i| {
                std::iter::once(&self.header)
                    .chain(&self.rows)
                    .map(|r| r.get(i).map_or(0, |c| display_width(&escape(c))))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for (i, col) in t.column_iter_mut().enumerate() {
            col.set_padding((0, if i + 1 < n { 2 } else { 0 }));
        }
        match width {
            None => {
                t.set_content_arrangement(ContentArrangement::Disabled);
            }
            Some(limit) => {
                t.set_content_arrangement(ContentArrangement::Dynamic)
                    .set_width(limit.min(u16::MAX as usize) as u16);
                // Short columns keep their width while the free-text ones can give way down
                // to a few characters; past that, comfy-table shares the cut among all.
                let gaps = 2 * n.saturating_sub(1);
                let fixed: usize = (0..n)
                    .filter(|i| self.kinds[*i] != Kind::Text)
                    .map(|i| widths[i])
                    .sum();
                let texts = self.kinds.iter().filter(|k| **k == Kind::Text).count();
                // What the free-text columns may shrink to: a few characters each, or what is
                // left beside the short ones.
                let room = limit.saturating_sub(fixed + gaps) / texts.max(1);
                let floor = room.min(MIN_TEXT);
                if floor >= 2 || (texts == 0 && fixed + gaps <= limit) {
                    for (i, col) in t.column_iter_mut().enumerate() {
                        // comfy-table's widths include the column's padding.
                        let pad = if i + 1 < n { 2 } else { 0 };
                        let w = |n: usize| Width::Fixed((n + pad).min(u16::MAX as usize) as u16);
                        col.set_constraint(if self.kinds[i] != Kind::Text {
                            ColumnConstraint::Absolute(w(widths[i]))
                        } else {
                            ColumnConstraint::LowerBoundary(w(widths[i].min(floor)))
                        });
                    }
                }
            }
        }
        let mut out = t.trim_fmt();
        out.push('\n');
        out
    }
}

/// The colour of a severity in a table (comfy-table's colours): critical and high red (critical
/// bold), medium yellow.
fn severity_color(severity: &str) -> (Option<comfy_table::Color>, bool) {
    use comfy_table::Color;
    match severity.trim().to_ascii_lowercase().as_str() {
        "critical" | "1" => (Some(Color::DarkRed), true),
        "high" | "2" => (Some(Color::DarkRed), false),
        "medium" | "3" => (Some(Color::DarkYellow), false),
        _ => (None, false),
    }
}

/// The colour of a severity: critical and high red, medium yellow.
pub fn severity_style(severity: &str) -> Style {
    let s = severity.trim().to_ascii_lowercase();
    let color = match s.as_str() {
        "critical" | "1" => Some(AnsiColor::Red),
        "high" | "2" => Some(AnsiColor::Red),
        "medium" | "3" => Some(AnsiColor::Yellow),
        _ => None,
    };
    let style = Style::new().fg_color(color.map(Into::into));
    if s == "critical" || s == "1" {
        style.bold()
    } else {
        style
    }
}

/// Control characters shown as escapes (`\n`, `\t`, `\u{1b}`); everything else as is.
pub fn escape(s: &str) -> String {
    crate::output::escape_controls(s)
}

pub fn display_width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new(&[
            ("ID", Kind::Fixed),
            ("Severity", Kind::Severity),
            ("Name", Kind::Text),
            ("Start", Kind::Fixed),
        ]);
        t.push(vec![
            "967278".into(),
            "High".into(),
            "Clone of Cloud Activity log ingestion failure detected".into(),
            "2022-09-29 16:00:00Z".into(),
        ]);
        t.push(vec![
            "1".into(),
            "Low".into(),
            "tab\there\u{1b}[31m".into(),
            "2022-09-29 17:00:00Z".into(),
        ]);
        t
    }

    #[test]
    fn whole_cells_without_a_width() {
        assert_eq!(
            sample().render(None, false),
            "ID      Severity  Name                                                    Start\n\
             967278  High      Clone of Cloud Activity log ingestion failure detected  2022-09-29 16:00:00Z\n\
             1       Low       tab\\there\\u{1b}[31m                                     2022-09-29 17:00:00Z\n"
        );
    }

    #[test]
    fn free_text_shrinks_first_to_fit() {
        let text = sample().render(Some(60), false);
        assert_eq!(
            text,
            "ID      Severity  Name                  Start\n\
             967278  High      Clone of Cloud…       2022-09-29 16:00:00Z\n\
             1       Low       tab\\there\\u{1b}[31m   2022-09-29 17:00:00Z\n"
        );
        assert!(text
            .lines()
            .all(|l| display_width(l) <= 60 && !l.ends_with(' ')));
        // Narrower than the fixed columns: everything gives way, and no line is longer.
        let tiny = sample().render(Some(30), false);
        assert!(tiny.lines().all(|l| display_width(l) <= 30), "{tiny}");
    }

    #[test]
    fn colour_marks_the_header_and_severities() {
        let text = sample().render(None, true);
        let first = text.lines().next().unwrap();
        assert!(first.starts_with("\u{1b}[1mID"), "{first:?}");
        assert!(text.contains("\u{1b}[38;5;1mHigh\u{1b}[39m"), "{text:?}");
        assert!(text.lines().all(|l| !l.ends_with(' ')), "{text:?}");
        assert!(!sample().render(None, false).contains('\u{1b}'));
    }
}
