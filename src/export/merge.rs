//! Taking back a sheet a unit returns: the rows of an exported sheet compared with the
//! ledger, item by item (matched by 序号 = item id). New text in 最近进展 (or an added
//! 进展情况 column) becomes a progress note attributed to the item's unit, a changed 状态 a
//! status change; changed cells units must not change (title, deadline, units …) and rows
//! that match no item are reported, never applied.

use chrono::NaiveDate;

use super::{Assessing, COMPUTED_HEADERS, ID_HEADER, Table, table_of};
use crate::domain::edit::Edit;
use crate::domain::{Ledger, Status};
use crate::import::xlsx::{SheetChoice, SheetError, SheetRow, read_sheet};

/// Headers a returning unit may add for its progress report.
const PROGRESS_HEADERS: [&str; 3] = ["最近进展", "进展情况", "工作进展"];

/// What a returned sheet would change, as data (applied by the caller under the lock).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergePlan {
    /// New progress notes: (item id, unit the note is attributed to, text).
    pub notes: Vec<(String, String, String)>,
    /// Status changes: (item id, from, to).
    pub statuses: Vec<(String, Status, Status)>,
    /// Rows whose 序号 matches no item: (sheet row, 序号).
    pub unmatched: Vec<(usize, String)>,
    /// Cells units must not change: (sheet row, item id, header, ledger's text, sheet's text).
    pub forbidden: Vec<(usize, String, String, String, String)>,
    /// Cells that could not be read (an unknown status word …): (sheet row, message).
    pub unreadable: Vec<(usize, String)>,
}

impl MergePlan {
    /// Whether applying the plan changes anything.
    pub fn changes_anything(&self) -> bool {
        !self.notes.is_empty() || !self.statuses.is_empty()
    }

    /// The domain edits that apply the plan, each with its item id, in sheet order: notes
    /// (dated `date`, the day the sheet is taken back) first, then status changes.
    pub fn edits(&self, date: NaiveDate) -> Vec<(String, Edit)> {
        let notes = self.notes.iter().map(|(id, unit, text)| {
            let note = Edit::AddNote {
                date,
                author: unit.clone(),
                text: text.clone(),
            };
            (id.clone(), note)
        });
        let statuses = self.statuses.iter().map(|(id, _, to)| {
            let status = Edit::SetStatus {
                status: *to,
                reason: None,
            };
            (id.clone(), status)
        });
        notes.chain(statuses).collect()
    }
}

/// Read the sheet of a returned workbook that belongs to `ledger`: the sheet named `sheet`
/// when given; else the one named like the ledger's title (as export names it), else the
/// first sheet.
pub fn read_returned(
    bytes: &[u8],
    ledger: &Ledger,
    sheet: Option<&str>,
) -> Result<(String, Vec<SheetRow>), SheetError> {
    let choice = SheetChoice::Named(
        sheet
            .map(str::to_string)
            .unwrap_or_else(|| super::xlsx::sheet_name_of(ledger)),
    );
    match read_sheet(bytes, &choice) {
        Err(SheetError::NoSuchSheet { .. }) if sheet.is_none() => {
            read_sheet(bytes, &SheetChoice::First)
        }
        other => other,
    }
}

/// The ledger among `ledgers` whose exported sheet bears the name `sheet`, if any: a sheet
/// read for one ledger may turn out to be another's.
pub fn owner_of_sheet<'a>(
    sheet: &str,
    ledgers: impl IntoIterator<Item = &'a Ledger>,
) -> Option<&'a Ledger> {
    ledgers
        .into_iter()
        .find(|l| super::xlsx::sheet_name_of(l) == sheet.trim())
}

/// Compare a returned sheet's rows with `ledger` as it would be exported now (see [`plan`]);
/// the error is the one line to show when the sheet has no exported header.
pub fn plan_returned(
    ledger: &Ledger,
    assessing: &Assessing,
    rows: &[SheetRow],
    sheet: &str,
) -> Result<MergePlan, String> {
    let table = table_of(ledger, assessing);
    plan(ledger, &table, rows).ok_or_else(|| {
        format!(
            "工作表「{}」:没有找到含「序号」和「状态」的表头行;请交回由 duban export 导出的表格",
            crate::text::sanitize(sheet)
        )
    })
}

/// Compare the sheet's rows (`(row number, cells)`, header row included) with `table`, the
/// ledger as it would be exported now. `None` when no row is a header with 序号 and 状态.
pub fn plan(ledger: &Ledger, table: &Table, rows: &[(usize, Vec<String>)]) -> Option<MergePlan> {
    let header_at = rows.iter().position(|(_, cells)| {
        cells.iter().any(|c| c == ID_HEADER) && cells.iter().any(|c| c == "状态")
    })?;
    let header = &rows[header_at].1;
    let col = |name: &str| header.iter().position(|h| h == name);
    let id_col = col(ID_HEADER)?;
    let status_col = col("状态");
    let progress_cols: Vec<(usize, &str)> = PROGRESS_HEADERS
        .iter()
        .filter_map(|h| col(h).map(|c| (c, *h)))
        .collect();
    let mut plan = MergePlan::default();
    for (line, cells) in &rows[header_at + 1..] {
        let cell = |c: usize| cells.get(c).map(|s| s.trim()).unwrap_or("");
        let id = cell(id_col);
        if id.is_empty() {
            continue;
        }
        let Some(index) = ledger.items.iter().position(|i| i.id == id) else {
            plan.unmatched.push((*line, id.to_string()));
            continue;
        };
        let item = &ledger.items[index];
        let exported = &table.rows[index];
        // Cells of the ledger's own columns must come back as they went out.
        for (c, name) in table.headers.iter().enumerate() {
            if c == 0 || COMPUTED_HEADERS.contains(&name.as_str()) {
                continue;
            }
            if let Some(at) = col(name)
                && cell(at) != exported[c].trim()
            {
                plan.forbidden.push((
                    *line,
                    id.to_string(),
                    name.clone(),
                    exported[c].clone(),
                    cell(at).to_string(),
                ));
            }
        }
        if let Some(c) = status_col {
            let word = cell(c);
            match Status::from_word(word) {
                Some(status) if status != item.status => {
                    if status == Status::Suspended {
                        plan.unreadable.push((
                            *line,
                            format!("事项 {id} 改为暂缓需要原因,请在 duban 中修改"),
                        ));
                    } else {
                        plan.statuses.push((id.to_string(), item.status, status));
                    }
                }
                Some(_) => {}
                None if word.is_empty() => {}
                None => plan.unreadable.push((
                    *line,
                    format!("事项 {id} 的状态「{word}」不认识(可填 未启动/推进中/已完成/已结项)"),
                )),
            }
        }
        let latest = &exported[table.warning_column + 3];
        for (c, name) in &progress_cols {
            let text = cell(*c);
            let unchanged = *name == "最近进展" && text == latest.trim();
            if text.is_empty() || unchanged {
                continue;
            }
            let unit = item
                .all_units()
                .first()
                .map(|u| u.to_string())
                .unwrap_or_else(|| "回收表".to_string());
            plan.notes.push((id.to_string(), unit, text.to_string()));
        }
    }
    Some(plan)
}
