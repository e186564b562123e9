//! Reading spreadsheets (.xlsx, .xls, .ods through calamine) into the rows the table
//! importer reads, so a workbook imports exactly like the same table as CSV or `|` text.
//!
//! Merged regions are honoured: a region spanning rows gives its value to every row it
//! covers (category, deadline, unit and title cells merged down), while a region spanning
//! only columns keeps its value in its first cell (the title row over the table, a
//! section row, a header over two columns). Excel date cells in a deadline column become
//! deadline text (`2024-06-30` → `2024年6月30日前`).

use std::io::Cursor;

use calamine::{Data, Dimensions, Range, Reader, Sheets, open_workbook_auto_from_rs};
use thiserror::Error;

use super::cells::RawRow;
use super::columns::{ColumnMap, Field};
use super::error::ImportError;
use super::layout::Layout;
use super::progress_sheet;
use super::table::{find_header, import_rows};
use super::{ImportOptions, ImportReport};

/// Which sheets of a workbook to import.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SheetChoice {
    /// The first sheet.
    #[default]
    First,
    /// The sheet with this name, or (for a number) the N-th sheet, 1-based.
    Named(String),
    /// Every sheet with a table, one ledger each.
    All,
}

/// One imported sheet.
#[derive(Debug, Clone)]
pub struct SheetImport {
    /// The sheet's name.
    pub sheet: String,
    /// What the sheet imported to.
    pub report: ImportReport,
}

/// Why a workbook could not be imported. Messages are one Chinese line; the caller adds
/// the file name.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SheetError {
    /// The file is encrypted with an opening password.
    #[error("文件设有打开密码(已加密),无法读取;请在 Excel/WPS 中取消密码后另存再导入")]
    Encrypted,
    /// The file is not a readable workbook.
    #[error(
        "不是可读取的 Excel/WPS 工作簿(文件可能已损坏或不完整);请用 Excel/WPS 打开后另存为 .xlsx 再导入"
    )]
    Unreadable,
    /// `--sheet` names no sheet of the workbook.
    #[error("工作簿中没有工作表「{wanted}」;现有工作表:{known}(可用 --sheet 名称或序号 1、2 …)")]
    NoSuchSheet {
        /// What was asked for.
        wanted: String,
        /// The sheets there are.
        known: String,
    },
    /// A sheet that could not be read.
    #[error("工作表「{sheet}」无法读取:{reason}")]
    Read {
        /// The sheet.
        sheet: String,
        /// Why.
        reason: String,
    },
    /// A sheet without any filled cell.
    #[error("工作表「{0}」是空的,没有可导入的内容;请用 --sheet 选择有表格的工作表")]
    Empty(String),
    /// A sheet whose table could not be imported.
    #[error("工作表「{sheet}」{source}")]
    Table {
        /// The sheet.
        sheet: String,
        /// What the table importer said (with the sheet's row number).
        source: ImportError,
    },
}

/// Whether the bytes are a workbook (zip container or OLE compound file), by content.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&OLE_MAGIC)
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// An OLE compound file holding an `EncryptedPackage` stream: a password-protected workbook.
fn is_encrypted(bytes: &[u8]) -> bool {
    if !bytes.starts_with(&OLE_MAGIC) {
        return false;
    }
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// Import the chosen sheets of a workbook. With [`SheetChoice::All`], sheets without a
/// table are skipped (and said so in the first report's notes) and a sheet written by
/// `duban export` as the progress log gives its entries to the items of the other sheets.
pub fn import_workbook(
    bytes: &[u8],
    choice: &SheetChoice,
    opts: &ImportOptions,
    columns: &ColumnMap,
) -> Result<Vec<SheetImport>, SheetError> {
    if is_encrypted(bytes) {
        return Err(SheetError::Encrypted);
    }
    let mut book =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| SheetError::Unreadable)?;
    let names = book.sheet_names();
    let wanted: Vec<String> = match choice {
        SheetChoice::First => names.first().cloned().into_iter().collect(),
        SheetChoice::Named(name) => vec![pick_sheet(&names, name)?],
        SheetChoice::All => names.clone(),
    };
    if wanted.is_empty() {
        return Err(SheetError::NoSuchSheet {
            wanted: "(第一个)".into(),
            known: "(无)".into(),
        });
    }
    let mut imports = Vec::new();
    let mut skipped = Vec::new();
    let mut logs = Vec::new();
    // The progress log of an exported workbook belongs to whichever sheets are imported.
    for name in names.iter().filter(|n| !wanted.contains(n)) {
        if name == progress_sheet::SHEET_NAME
            && let Some(log) = progress_sheet::read(&sheet_rows(&mut book, name)?)
        {
            logs.extend(log);
        }
    }
    for sheet in wanted {
        let rows = sheet_rows(&mut book, &sheet)?;
        if let Some(log) = progress_sheet::read(&rows) {
            logs.extend(log);
            continue;
        }
        let all = *choice == SheetChoice::All;
        if rows.is_empty() {
            if all {
                skipped.push(format!("「{sheet}」(空)"));
                continue;
            }
            return Err(SheetError::Empty(sheet));
        }
        let mut sheet_opts = opts.clone();
        if all {
            sheet_opts.title = String::new();
        }
        let (rows, mut notes) = dates_to_deadlines(rows, columns);
        match import_rows(&rows, sheet_opts, columns) {
            Ok(mut report) => {
                if report.ledger.title.trim().is_empty() {
                    report.ledger.title.clone_from(&sheet);
                    notes.push(format!("台账标题取工作表名「{sheet}」"));
                }
                report.notes.splice(0..0, notes);
                imports.push(SheetImport { sheet, report });
            }
            Err(ImportError::NoHeader { .. }) if all => {
                skipped.push(format!("「{sheet}」(没有表头)"));
            }
            Err(source) => return Err(SheetError::Table { sheet, source }),
        }
    }
    for import in &mut imports {
        progress_sheet::attach(&logs, &import.sheet, &mut import.report);
    }
    if let Some(first) = imports.first_mut()
        && !skipped.is_empty()
    {
        first
            .report
            .notes
            .push(format!("跳过没有表格的工作表:{}", skipped.join("、")));
    }
    Ok(imports)
}

/// One row of a sheet: its number as Excel shows it, and its cells as text.
pub type SheetRow = (usize, Vec<String>);

/// The rows of one sheet as text (row number as Excel shows it, cells), merged regions
/// applied and date cells as `YYYY-MM-DD`: for reading back a sheet duban exported.
pub fn read_sheet(
    bytes: &[u8],
    choice: &SheetChoice,
) -> Result<(String, Vec<SheetRow>), SheetError> {
    if is_encrypted(bytes) {
        return Err(SheetError::Encrypted);
    }
    let mut book =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| SheetError::Unreadable)?;
    let names = book.sheet_names();
    let sheet = match choice {
        SheetChoice::Named(name) => pick_sheet(&names, name)?,
        _ => names
            .first()
            .cloned()
            .ok_or_else(|| SheetError::NoSuchSheet {
                wanted: "(第一个)".into(),
                known: "(无)".into(),
            })?,
    };
    let rows = sheet_rows(&mut book, &sheet)?
        .into_iter()
        .map(|(raw, _)| (raw.line, raw.cells.unwrap_or_default()))
        .collect::<Vec<_>>();
    if rows.is_empty() {
        return Err(SheetError::Empty(sheet));
    }
    Ok((sheet, rows))
}

/// The sheet named `wanted`, or the N-th for a number.
fn pick_sheet(names: &[String], wanted: &str) -> Result<String, SheetError> {
    let wanted = wanted.trim();
    if let Some(name) = names.iter().find(|n| n.trim() == wanted) {
        return Ok(name.clone());
    }
    if let Ok(n) = wanted.parse::<usize>()
        && n >= 1
        && n <= names.len()
    {
        return Ok(names[n - 1].clone());
    }
    Err(SheetError::NoSuchSheet {
        wanted: wanted.to_string(),
        known: names
            .iter()
            .map(|n| format!("「{n}」"))
            .collect::<Vec<_>>()
            .join("、"),
    })
}

/// A spreadsheet cell as text, with its date when it is an Excel date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Cell {
    text: String,
    date: Option<(i32, u32, u32)>,
}

/// The non-empty rows of a sheet, numbered as Excel numbers them, merged regions applied.
fn sheet_rows(
    book: &mut Sheets<Cursor<&[u8]>>,
    sheet: &str,
) -> Result<Vec<(RawRow, Vec<Cell>)>, SheetError> {
    let read_error = |reason: String| SheetError::Read {
        sheet: sheet.to_string(),
        reason,
    };
    let range = book
        .worksheet_range(sheet)
        .map_err(|e| read_error(e.to_string()))?;
    let merges = match book {
        Sheets::Xlsx(x) => x
            .merge_cells_by_sheet_name(sheet)
            .map_err(|e| read_error(e.to_string()))?,
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        _ => Vec::new(),
    };
    Ok(grid_rows(&range, &merges))
}

fn grid_rows(range: &Range<Data>, merges: &[Dimensions]) -> Vec<(RawRow, Vec<Cell>)> {
    let Some((top, left)) = range.start() else {
        return Vec::new();
    };
    let (height, width) = range.get_size();
    let mut grid: Vec<Vec<Cell>> = range
        .rows()
        .map(|row| row.iter().map(cell_of).collect())
        .collect();
    // A region spanning rows gives its value to the rows below its first.
    for region in merges {
        let (r0, c0) = region.start;
        let (r1, c1) = region.end;
        if r1 <= r0 || r0 < top || c0 < left {
            continue;
        }
        let (r0, r1) = ((r0 - top) as usize, (r1 - top) as usize);
        let (c0, c1) = ((c0 - left) as usize, (c1 - left) as usize);
        if r0 >= height {
            continue;
        }
        for c in c0..=c1.min(width.saturating_sub(1)) {
            let value = grid[r0][c].clone();
            for row in grid.iter_mut().take((r1 + 1).min(height)).skip(r0 + 1) {
                row[c].clone_from(&value);
            }
        }
    }
    let mut rows = Vec::new();
    for (index, mut cells) in grid.into_iter().enumerate() {
        while cells.last().is_some_and(|c| c.text.is_empty()) {
            cells.pop();
        }
        if cells.is_empty() {
            continue;
        }
        let texts: Vec<String> = cells.iter().map(|c| c.text.clone()).collect();
        let raw = RawRow {
            line: top as usize + index + 1,
            text: texts.join(" | "),
            cells: Some(texts),
        };
        rows.push((raw, cells));
    }
    rows
}

fn cell_of(data: &Data) -> Cell {
    let text = match data {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            let date = (i32::from(y), u32::from(m), u32::from(d));
            return Cell {
                text: format!("{y:04}-{m:02}-{d:02}"),
                date: Some(date),
            };
        }
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::DateTimeIso(s) => {
            if let Some(date) = iso_date(s) {
                return Cell {
                    text: s.get(..10).unwrap_or(s).to_string(),
                    date: Some(date),
                };
            }
            s.clone()
        }
        Data::DurationIso(s) => s.clone(),
    };
    Cell { text, date: None }
}

fn iso_date(s: &str) -> Option<(i32, u32, u32)> {
    let date = chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    Some((date.year(), date.month(), date.day()))
}

/// Date cells of deadline columns (below the header) become deadline text; the rows are
/// returned with a note for each column so changed.
fn dates_to_deadlines(
    rows: Vec<(RawRow, Vec<Cell>)>,
    columns: &ColumnMap,
) -> (Vec<RawRow>, Vec<String>) {
    let raws: Vec<RawRow> = rows.iter().map(|(r, _)| r.clone()).collect();
    let Some(header_at) = find_header(&raws, columns) else {
        return (raws, Vec::new());
    };
    let header_cells = raws[header_at].cells.clone().unwrap_or_default();
    let Some(layout) = Layout::from_headers_with(&header_cells, columns) else {
        return (raws, Vec::new());
    };
    let mut changed: Vec<(String, usize, String)> = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    for (index, (mut raw, cells)) in rows.into_iter().enumerate() {
        if index > header_at
            && let Some(texts) = raw.cells.as_mut()
        {
            for (c, cell) in cells.iter().enumerate() {
                let Some((y, m, d)) = cell.date else { continue };
                if layout.columns.get(c).map(|(_, f)| *f) == Some(Field::Deadline) {
                    texts[c] = format!("{y}年{m}月{d}日前");
                    changed.push((layout.columns[c].0.clone(), raw.line, texts[c].clone()));
                }
            }
        }
        out.push(raw);
    }
    let notes = changed
        .first()
        .map(|(header, line, text)| {
            format!(
                "「{header}」中的 {} 个 Excel 日期单元格读作时限文字(如第{line}行 → 「{text}」)",
                changed.len()
            )
        })
        .into_iter()
        .collect();
    (out, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_what_is_a_workbook() {
        assert!(is_workbook(b"PK\x03\x04rest"));
        assert!(is_workbook(&OLE_MAGIC));
        assert!(!is_workbook("序号,任务".as_bytes()));
        let mut encrypted = OLE_MAGIC.to_vec();
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(is_encrypted(&encrypted));
        assert!(!is_encrypted(&OLE_MAGIC));
    }

    #[test]
    fn a_number_picks_the_nth_sheet_and_unknown_names_list_the_sheets() {
        let names = vec!["一季度".to_string(), "二季度".to_string()];
        assert_eq!(pick_sheet(&names, "2").unwrap(), "二季度");
        assert_eq!(pick_sheet(&names, "一季度").unwrap(), "一季度");
        let err = pick_sheet(&names, "三季度").unwrap_err();
        assert!(err.to_string().contains("「一季度」、「二季度」"), "{err}");
    }
}
