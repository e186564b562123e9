//! A returned sheet as a unit makes it: the ledger exported by duban's own export, read
//! back, edited cell by cell, and written again as a workbook by rust_xlsxwriter (another
//! writer than export's, like the unit's Excel or WPS).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use duban::domain::Ledger;
use duban::domain::calendar::WorkCalendar;
use duban::export::Assessing;
use duban::import::xlsx::{SheetChoice, read_sheet};
use duban::storage::{load_ledger, load_workspace};

/// The ledger of the sample workspace the tests take a sheet back into.
pub const LEDGER: &str = "2023-1-zhidu";
/// The sheet's text for item 2's new progress.
pub const NOTE: &str = "指导意见已经局党委会审议通过,近期印发";
/// The title a unit changed for item 3 (never applied).
pub const CHANGED_TITLE: &str = "改过的标题";

/// The ledger as now on disk in the workspace `dir`.
pub fn ledger_on_disk(dir: &Path) -> Ledger {
    load_ledger(&dir.join("ledgers").join(format!("{LEDGER}.ron")))
        .expect("ledger file parses")
        .ledger
}

/// What a unit changes in the exported rows: `(item id, header, new text)`; a row with
/// id `99` is added.
pub type CellEdit<'a> = (&'a str, &'a str, &'a str);

/// The usual return: item 1 done, a note on item 2, item 3's title changed, a row 99.
pub const USUAL: [CellEdit; 3] = [
    ("1", "状态", "已完成"),
    ("2", "最近进展", NOTE),
    ("3", "新建(修订)制度名称", CHANGED_TITLE),
];

/// Export the ledger of `dir` as duban does (assessed on `today`), apply `edits` to the
/// rows, add a row `99` when `extra_row`, and write the sheet to `dir/exports/name`.
pub fn returned_sheet(dir: &Path, name: &str, edits: &[CellEdit], extra_row: bool) -> PathBuf {
    let ledger = ledger_on_disk(dir);
    let config = load_workspace(dir).expect("workspace loads").config;
    let calendar = WorkCalendar::new(config.rules.calendar);
    let assessing = Assessing {
        rules: &config.rules,
        calendar: &calendar,
        today: config.as_of.expect("the samples pin a date"),
    };
    let (bytes, _) = duban::export::xlsx::workbook(&[&ledger], &assessing).expect("export");
    let sheet = duban::export::xlsx::sheet_name_of(&ledger);
    let (_, mut rows) = read_sheet(&bytes, &SheetChoice::Named(sheet.clone())).expect("read back");
    let header_at = rows
        .iter()
        .position(|(_, cells)| cells.first().is_some_and(|c| c == "序号"))
        .expect("a header row");
    let header = rows[header_at].1.clone();
    for (id, column, text) in edits {
        let c = header.iter().position(|h| h == column).expect("the column");
        let row = rows
            .iter_mut()
            .find(|(_, cells)| cells.first().is_some_and(|v| v == id))
            .expect("the row");
        if row.1.len() <= c {
            row.1.resize(c + 1, String::new());
        }
        row.1[c] = text.to_string();
    }
    if extra_row {
        let line = rows.last().map(|(l, _)| l + 1).unwrap_or(1);
        rows.push((line, vec!["99".to_string(), "新增的事项".to_string()]));
    }
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(&sheet).expect("sheet name");
    for (line, cells) in &rows {
        for (c, text) in cells.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string((*line - 1) as u32, c as u16, text)
                    .expect("cell");
            }
        }
    }
    let folder = dir.join("exports");
    std::fs::create_dir_all(&folder).expect("exports folder");
    let path = folder.join(name);
    book.save(&path).expect("workbook saved");
    path
}

/// The ledger with every item's audit history dropped (what undo must restore exactly;
/// the history keeps both the change and its undo).
pub fn without_history(mut ledger: Ledger) -> Ledger {
    for item in &mut ledger.items {
        item.history.clear();
    }
    ledger
}
