//! The progress-log sheet of a workbook written by `duban export`: one row per progress
//! entry, naming the sheet and item it belongs to. Importing such a workbook gives the
//! entries back to the items, so export → import keeps the whole log.

use chrono::NaiveDate;

use super::ImportReport;
use super::cells::RawRow;
use crate::domain::item::ProgressEntry;

/// The sheet's name as `duban export` writes it.
pub const SHEET_NAME: &str = "进展记录";

/// The header row of the progress-log sheet, in order.
pub const HEADERS: [&str; 5] = ["工作表", "序号", "日期", "记录人", "进展内容"];

/// One progress entry read from the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LogRow {
    sheet: String,
    id: String,
    entry: ProgressEntry,
}

/// The entries of a progress-log sheet; `None` when the rows are not one (their first row
/// is not [`HEADERS`]). Rows whose date does not read are skipped.
pub(crate) fn read(rows: &[(RawRow, impl Sized)]) -> Option<Vec<LogRow>> {
    let (first, _) = rows.first()?;
    if first.cells.as_deref()? != HEADERS {
        return None;
    }
    let mut log = Vec::new();
    for (row, _) in &rows[1..] {
        let Some(cells) = &row.cells else { continue };
        let cell = |i: usize| cells.get(i).map(String::as_str).unwrap_or("");
        let Ok(date) = NaiveDate::parse_from_str(cell(2), "%Y-%m-%d") else {
            continue;
        };
        log.push(LogRow {
            sheet: cell(0).to_string(),
            id: cell(1).to_string(),
            entry: ProgressEntry {
                date,
                author: cell(3).to_string(),
                text: cell(4).to_string(),
            },
        });
    }
    Some(log)
}

/// Give the entries of `sheet` to the report's items (by id), noting how many.
pub(crate) fn attach(log: &[LogRow], sheet: &str, report: &mut ImportReport) {
    let mut attached = 0;
    let mut unmatched = 0;
    for row in log.iter().filter(|r| r.sheet == sheet) {
        match report.ledger.item_mut(&row.id) {
            Some(item) => {
                item.progress.push(row.entry.clone());
                attached += 1;
            }
            None => unmatched += 1,
        }
    }
    if attached > 0 {
        report.notes.push(format!(
            "从「{SHEET_NAME}」工作表读入 {attached} 条进展记录"
        ));
    }
    if unmatched > 0 {
        report.notes.push(format!(
            "「{SHEET_NAME}」中有 {unmatched} 条记录的序号在工作表「{sheet}」中找不到,未导入"
        ));
    }
}
