//! Tables for people: one line per row, columns two spaces apart, no trailing spaces. On a
//! terminal of known width the table is fitted by truncating cells with `…`, free-text columns
//! first; without a width (a pipe) cells are shown whole. Control characters in cells are shown
//! escaped, so data from the monitored environment cannot move the cursor or recolour the screen.

use anstyle::{AnsiColor, Style};
use std::fmt::Write as _;
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

    /// Renders the table to fit `width` columns (unlimited when `None`), coloured or not.
    pub fn render(&self, width: Option<usize>, color: bool) -> String {
        let cells: Vec<Vec<String>> = std::iter::once(&self.header)
            .chain(&self.rows)
            .map(|r| r.iter().map(|c| escape(c)).collect())
            .collect();
        let n = self.header.len();
        let mut widths: Vec<usize> = (0..n)
            .map(|i| {
                cells
                    .iter()
                    .map(|r| r.get(i).map_or(0, |c| display_width(c)))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        if let Some(limit) = width {
            fit(&mut widths, &self.kinds, &self.header, limit);
        }
        let mut out = String::new();
        for (r, row) in cells.iter().enumerate() {
            let mut line = String::new();
            for (i, w) in widths.iter().enumerate() {
                let text = truncate(row.get(i).map_or("", String::as_str), *w);
                let pad = w - display_width(&text);
                if i > 0 {
                    line.push_str("  ");
                }
                let style = match (r, self.kinds[i]) {
                    _ if !color => Style::new(),
                    (0, _) => Style::new().bold(),
                    (_, Kind::Severity) => severity_style(&text),
                    _ => Style::new(),
                };
                let _ = write!(line, "{style}{text}{style:#}");
                if i + 1 < n {
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Shrinks column widths until the row fits `limit`: free-text columns first, widest first,
/// down to `MIN_TEXT`; then any column, widest first, down to its header's width; then any
/// column down to one character.
fn fit(widths: &mut [usize], kinds: &[Kind], header: &[String], limit: usize) {
    let gaps = 2 * widths.len().saturating_sub(1);
    let floors: [&dyn Fn(usize) -> Option<usize>; 3] = [
        &|i| (kinds[i] == Kind::Text).then_some(MIN_TEXT),
        &|i| Some(display_width(&header[i]).max(1)),
        &|_| Some(1),
    ];
    for floor in floors {
        loop {
            let total = widths.iter().sum::<usize>() + gaps;
            if total <= limit {
                return;
            }
            // The columns that can still give way, widest first.
            let mut open: Vec<(usize, usize)> = (0..widths.len())
                .filter_map(|i| floor(i).filter(|f| widths[i] > *f).map(|f| (i, f)))
                .collect();
            open.sort_by_key(|(i, _)| std::cmp::Reverse(widths[*i]));
            let Some(&(i, f)) = open.first() else { break };
            // Down to the next widest that can give way (shared shrinking), or as far as needed.
            let next = open.get(1).map_or(f, |(j, _)| widths[*j]).max(f);
            let step = (widths[i] - next).max(1).min(total - limit);
            widths[i] -= step;
        }
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

/// `s` cut to `width` display columns, ending in `…` when cut.
fn truncate(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
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
             967278  High      Clone of Cloud Acti…  2022-09-29 16:00:00Z\n\
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
        assert!(first.starts_with("\u{1b}[1mID\u{1b}[0m"), "{first:?}");
        assert!(text.contains("\u{1b}[31mHigh\u{1b}[0m"), "{text:?}");
        assert!(!sample().render(None, false).contains('\u{1b}'));
    }
}
