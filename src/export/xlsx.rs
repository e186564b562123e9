//! Writing ledgers as an .xlsx workbook (rust_xlsxwriter): one sheet per ledger with a
//! title row carrying the as-of date, a bold frozen header with an autofilter, the warning
//! cell filled in its colour *and* labelled 红/黄/蓝/黑, column widths measured in display
//! columns (Chinese counts double), then a sheet holding the full progress log.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::{Assessing, Table, progress_rows, table_of};
use crate::domain::{Colour, Ledger};
use crate::import::progress_sheet;

/// Widest column, in characters.
const MAX_WIDTH: usize = 50;
/// Narrowest column, in characters.
const MIN_WIDTH: usize = 4;
/// Excel's limit on sheet names, in characters.
const SHEET_NAME_MAX: usize = 31;

/// A workbook that could not be built.
#[derive(Debug, thiserror::Error)]
#[error("无法生成 Excel 工作簿:{0}")]
pub struct ExportError(#[from] XlsxError);

/// The fill (background, font) of a warning colour.
pub fn fill_of(colour: Colour) -> Option<(u32, u32)> {
    match colour {
        Colour::None => None,
        Colour::Blue => Some((0x0070C0, 0xFFFFFF)),
        Colour::Yellow => Some((0xFFD700, 0x000000)),
        Colour::Red => Some((0xFF0000, 0xFFFFFF)),
        Colour::Black => Some((0x000000, 0xFFFFFF)),
    }
}

/// The workbook's bytes: one sheet per ledger (named after its title), then the progress log.
/// Returns the bytes and the sheet name given to each ledger.
pub fn workbook(
    ledgers: &[&Ledger],
    assessing: &Assessing,
) -> Result<(Vec<u8>, Vec<String>), ExportError> {
    let mut book = Workbook::new();
    let mut names: Vec<String> = Vec::new();
    let mut log = Vec::new();
    for ledger in ledgers {
        let name = sheet_name(&ledger.title, &ledger.id, &names);
        let table = table_of(ledger, assessing);
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        write_table(sheet, &table, assessing)?;
        log.extend(progress_rows(&name, ledger));
        names.push(name);
    }
    let sheet = book.add_worksheet();
    sheet.set_name(progress_sheet::SHEET_NAME)?;
    write_log(sheet, &log)?;
    Ok((book.save_to_buffer()?, names))
}

fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    assessing: &Assessing,
) -> Result<(), XlsxError> {
    let last_col = (table.headers.len().max(1) - 1) as u16;
    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let title_text = format!("{}(截至 {})", table.title, assessing.today);
    if last_col > 0 {
        sheet.merge_range(0, 0, 0, last_col, &title_text, &title)?;
    } else {
        sheet.write_string_with_format(0, 0, &title_text, &title)?;
    }
    let header = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xD9D9D9));
    for (col, text) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(1, col as u16, text, &header)?;
    }
    let body = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    let fills: Vec<(Colour, Format)> = [Colour::Blue, Colour::Yellow, Colour::Red, Colour::Black]
        .into_iter()
        .filter_map(|c| {
            let (bg, fg) = fill_of(c)?;
            Some((
                c,
                Format::new()
                    .set_bold()
                    .set_align(FormatAlign::Center)
                    .set_border(FormatBorder::Thin)
                    .set_background_color(Color::RGB(bg))
                    .set_font_color(Color::RGB(fg)),
            ))
        })
        .collect();
    for (index, row) in table.rows.iter().enumerate() {
        let r = (index + 2) as u32;
        for (col, text) in row.iter().enumerate() {
            let format = if col == table.warning_column {
                fills
                    .iter()
                    .find(|(c, _)| *c == table.colours[index])
                    .map_or(&body, |(_, f)| f)
            } else {
                &body
            };
            if text.is_empty() {
                sheet.write_blank(r, col as u16, format)?;
            } else {
                sheet.write_string_with_format(r, col as u16, text, format)?;
            }
        }
    }
    sheet.set_freeze_panes(2, 0)?;
    sheet.autofilter(1, 0, (table.rows.len() + 1) as u32, last_col)?;
    for (col, width) in column_widths(&table.headers, &table.rows)
        .into_iter()
        .enumerate()
    {
        sheet.set_column_width(col as u16, width as f64)?;
    }
    Ok(())
}

fn write_log(sheet: &mut Worksheet, log: &[[String; 5]]) -> Result<(), XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9D9D9));
    let headers = progress_sheet::HEADERS.map(String::from);
    for (col, text) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, text, &header)?;
    }
    let wrap = Format::new().set_text_wrap();
    for (index, row) in log.iter().enumerate() {
        for (col, text) in row.iter().enumerate() {
            sheet.write_string_with_format((index + 1) as u32, col as u16, text, &wrap)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let rows: Vec<Vec<String>> = log.iter().map(|r| r.to_vec()).collect();
    for (col, width) in column_widths(&headers, &rows).into_iter().enumerate() {
        sheet.set_column_width(col as u16, width as f64)?;
    }
    Ok(())
}

/// Each column's width in Excel characters: its widest line in display columns (a Chinese
/// character counts two), plus a margin for the filter button, within [`MIN_WIDTH`, `MAX_WIDTH`].
pub fn column_widths(headers: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let line_width = |s: &str| s.lines().map(crate::text::width).max().unwrap_or(0);
    headers
        .iter()
        .enumerate()
        .map(|(col, header)| {
            let widest = rows
                .iter()
                .filter_map(|r| r.get(col))
                .map(|s| line_width(s))
                .max()
                .unwrap_or(0)
                .max(line_width(header) + 2);
            (widest + 2).clamp(MIN_WIDTH, MAX_WIDTH)
        })
        .collect()
}

/// The name export gives the sheet of `ledger` in a workbook of its own.
pub fn sheet_name_of(ledger: &crate::domain::Ledger) -> String {
    sheet_name(&ledger.title, &ledger.id, &[])
}

/// A valid, unique sheet name from a ledger title (Excel forbids `[]:*?/\` and names over
/// 31 characters); the ledger id when the title leaves nothing.
fn sheet_name(title: &str, id: &str, taken: &[String]) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
            .collect::<String>()
            .trim()
            .trim_matches('\'')
            .to_string()
    };
    let mut base: String = clean(title).chars().take(SHEET_NAME_MAX).collect();
    if base.is_empty() {
        base = clean(id).chars().take(SHEET_NAME_MAX).collect();
    }
    if base.is_empty() {
        base = "台账".to_string();
    }
    let mut name = base.clone();
    let mut n = 1;
    while taken.iter().any(|t| t == &name) || name == progress_sheet::SHEET_NAME {
        n += 1;
        let suffix = format!("({n})");
        let keep = SHEET_NAME_MAX - suffix.chars().count();
        name = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let taken = vec!["制度建设".to_string()];
        assert_eq!(sheet_name("制度建设", "a", &taken), "制度建设(2)");
        assert_eq!(sheet_name("a/b:c", "x", &[]), "a_b_c");
        assert_eq!(sheet_name("", "2023-x", &[]), "2023-x");
        let long = "很".repeat(40);
        assert_eq!(sheet_name(&long, "x", &[]).chars().count(), 31);
    }

    #[test]
    fn widths_count_chinese_double_and_are_capped() {
        let headers = vec!["序号".to_string(), "工作任务".to_string()];
        let rows = vec![vec!["1".to_string(), "很".repeat(100)]];
        assert_eq!(column_widths(&headers, &rows), vec![8, MAX_WIDTH]);
        let rows = vec![vec!["1".to_string(), "修订办法\n短".to_string()]];
        assert_eq!(column_widths(&headers, &rows)[1], 12);
    }
}
