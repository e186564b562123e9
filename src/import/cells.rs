//! Turning input text into rows of cells, for `|` tables and CSV.

use super::error::ImportError;

/// One line (or CSV record) of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawRow {
    /// 1-based line where the row starts.
    pub line: usize,
    /// The cells (trimmed, trailing empty cells removed), or `None` for a line that is
    /// not a table row (no `|` in a pipe table).
    pub cells: Option<Vec<String>>,
    /// The row's text, for messages.
    pub text: String,
}

/// Split a `|` table: cells separated by `|`, trimmed; a leading `|` (Markdown style) and
/// trailing empty cells are dropped; Markdown rule lines (`---|---`) are skipped.
pub(crate) fn pipe_rows(text: &str) -> Vec<RawRow> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        if raw.trim().is_empty() {
            continue;
        }
        if !raw.contains('|') {
            rows.push(RawRow {
                line,
                cells: None,
                text: raw.to_string(),
            });
            continue;
        }
        let body = raw.trim();
        let body = body.strip_prefix('|').unwrap_or(body);
        let cells: Vec<String> = body.split('|').map(|c| c.trim().to_string()).collect();
        if is_rule_line(&cells) {
            continue;
        }
        rows.push(RawRow {
            line,
            cells: Some(trim_trailing_empty(cells)),
            text: raw.to_string(),
        });
    }
    rows
}

/// Read CSV (comma, `"` quoting, optional UTF-8 BOM) into rows; records may differ in length.
pub(crate) fn csv_rows(text: &str) -> Result<Vec<RawRow>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(text);
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Csv {
            line: e.position().map(|p| lines.line_at(p.byte())).unwrap_or(1),
            message: e.to_string(),
        })?;
        let line = record
            .position()
            .map(|p| lines.line_at(p.byte()))
            .unwrap_or(1);
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        rows.push(RawRow {
            line,
            text: record.iter().collect::<Vec<_>>().join(","),
            cells: Some(trim_trailing_empty(cells)),
        });
    }
    Ok(rows)
}

/// 1-based line numbers of byte offsets asked for in increasing order, counting each
/// newline once: linear in the text, however many records it holds. (The csv reader's own
/// line count skips blank lines, so it cannot be used directly.)
struct LineCounter<'a> {
    bytes: &'a [u8],
    /// Where counting stopped, and the newlines before it.
    at: usize,
    newlines: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            at: 0,
            newlines: 0,
        }
    }

    /// The line of the first character at or after `byte` that is not a line break (a
    /// record's position points at the line break ending the previous record).
    fn line_at(&mut self, byte: u64) -> usize {
        let mut byte = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(byte), Some(b'\n' | b'\r')) {
            byte += 1;
        }
        if byte < self.at {
            // Out of order (never for one reader): count from the start again.
            self.at = 0;
            self.newlines = 0;
        }
        self.newlines += self.bytes[self.at..byte]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.at = byte;
        self.newlines + 1
    }
}

fn trim_trailing_empty(mut cells: Vec<String>) -> Vec<String> {
    while cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    cells
}

fn is_rule_line(cells: &[String]) -> bool {
    let mut any = false;
    for cell in cells {
        if cell.is_empty() {
            continue;
        }
        if !cell.chars().all(|c| matches!(c, '-' | ':' | '=')) {
            return false;
        }
        any = true;
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipe_cells_are_trimmed_and_trailing_empties_dropped() {
        let rows =
            pipe_rows("前言\n类型 | 名称 | 完成时限 | 责任科室 |\n2.《x》 | |||\n---|---|\n");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].cells, None);
        assert_eq!(
            rows[1].cells.as_deref(),
            Some(&["类型", "名称", "完成时限", "责任科室"].map(String::from)[..])
        );
        assert_eq!(rows[2].line, 3);
        assert_eq!(rows[2].cells.as_deref(), Some(&["2.《x》".to_string()][..]));
    }

    #[test]
    fn csv_keeps_quoted_commas_and_line_numbers() {
        let rows = csv_rows("\u{feff}序号,任务\n1,\"甲,乙\"\n\n2,\"多\n行\"\n3,丙\n").unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1].cells.as_ref().unwrap()[1], "甲,乙");
        assert_eq!(rows[2].line, 4);
        assert_eq!(rows[3].line, 6);
    }
}
