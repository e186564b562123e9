//! The preview of a returned sheet: the plan shown before anything is written, and applying
//! it as one undoable edit of the ledger (saved by the loop like any other edit).

use chrono::NaiveDateTime;

use super::{SheetRead, SheetReturn};
use crate::app::edit::Message;
use crate::app::{Effect, State};
use crate::export::Assessing;
use crate::export::merge::{MergePlan, owner_of_sheet, plan_returned};
use crate::import::xlsx::SheetRow;

/// A returned sheet compared with its ledger, waiting for a yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetPreview {
    /// The file, as shown.
    pub file: String,
    /// The sheet read.
    pub sheet: String,
    /// The ledger the sheet is taken back into: id and title.
    pub ledger: (String, String),
    /// The sheet's rows (compared again with the ledger when the user confirms).
    pub rows: Vec<SheetRow>,
    /// What the sheet would change.
    pub plan: MergePlan,
    /// The first line of the list shown.
    pub scroll: u16,
    /// A note shown above the list (the plan was compared again …).
    pub message: Option<Message>,
}

impl SheetPreview {
    /// Scroll the list by `delta` lines (the drawing keeps it within the list).
    pub fn scroll_by(&mut self, delta: i32) -> Vec<Effect> {
        let next = (self.scroll as i64 + delta as i64).clamp(0, u16::MAX as i64);
        self.scroll = next as u16;
        Vec::new()
    }
}

/// "2 条新进展、1 项状态变更" — what applying the plan writes.
pub fn summary(plan: &MergePlan) -> String {
    format!(
        "{} 条新进展、{} 项状态变更",
        plan.notes.len(),
        plan.statuses.len()
    )
}

/// The plan of `rows` for the ledger `ledger_id` as it is now in the catalogue.
fn plan_now(
    state: &State,
    ledger_id: &str,
    rows: &[SheetRow],
    sheet: &str,
) -> Result<MergePlan, String> {
    let catalog = &state.catalog;
    let ledger = catalog
        .ledgers
        .iter()
        .map(|l| &l.ledger)
        .find(|l| l.id == ledger_id)
        .ok_or_else(|| format!("台账 {ledger_id} 已不在工作区中"))?;
    let assessing = Assessing {
        rules: &catalog.config.rules,
        calendar: &catalog.calendar,
        today: catalog.today,
    };
    plan_returned(ledger, &assessing, rows, sheet)
}

/// The loop read the workbook: show its plan, or say in the prompt why not. A sheet that
/// export made for another ledger of the workspace is compared with that ledger (and the
/// preview says so): taking one unit's sheet into the wrong ledger would turn every row
/// into a note.
pub(super) fn sheet_read(state: &mut State, mut read: SheetRead) {
    let mut switched = None;
    if let Ok((sheet, _)) = &read.result {
        let ledgers = state.catalog.ledgers.iter().map(|l| &l.ledger);
        if let Some(owner) = owner_of_sheet(sheet, ledgers)
            && owner.id != read.ledger_id
        {
            let chosen = state
                .catalog
                .ledger_with_id(&read.ledger_id)
                .map(|l| l.ledger.title.as_str())
                .unwrap_or(&read.ledger_id);
            switched = Some(format!(
                "此表按工作表名属于本台账,已改为与它比对(所选为「{}」)",
                crate::text::sanitize(chosen)
            ));
            read.ledger_id = owner.id.clone();
        }
    }
    let outcome = read.result.and_then(|(sheet, rows)| {
        let plan = plan_now(state, &read.ledger_id, &rows, &sheet)?;
        Ok((sheet, rows, plan))
    });
    match outcome {
        Ok((sheet, rows, plan)) => {
            let title = state
                .catalog
                .ledger_with_id(&read.ledger_id)
                .map(|l| l.ledger.title.clone())
                .unwrap_or_default();
            state.returned = Some(SheetReturn::Preview(Box::new(SheetPreview {
                file: read.file,
                sheet,
                ledger: (read.ledger_id, title),
                rows,
                plan,
                scroll: 0,
                message: switched.map(Message::warning),
            })));
        }
        Err(why) => {
            if let Some(SheetReturn::Prompt(prompt)) = &mut state.returned {
                prompt.message = Some(Message::error(format!("{}:{why}", read.file)));
            }
        }
    }
}

/// Write the plan: compared again with the ledger as it is now (another writer's change, an
/// edit since), then applied as one undo step and saved.
pub(super) fn apply(state: &mut State, at: NaiveDateTime) -> Vec<Effect> {
    let Some(SheetReturn::Preview(preview)) = &state.returned else {
        return Vec::new();
    };
    let fresh = plan_now(state, &preview.ledger.0, &preview.rows, &preview.sheet);
    let Some(SheetReturn::Preview(preview)) = &mut state.returned else {
        return Vec::new();
    };
    let plan = match fresh {
        Ok(plan) => plan,
        Err(why) => {
            preview.message = Some(Message::error(why));
            return Vec::new();
        }
    };
    if plan != preview.plan {
        preview.plan = plan;
        preview.scroll = 0;
        preview.message = Some(Message::warning(
            "台账在预览后有变化,已重新比对;请核对后再按 Enter 写入".to_string(),
        ));
        return Vec::new();
    }
    if !plan.changes_anything() {
        state.returned = None;
        state.message = Some("没有需要写入的进展或状态,未写入".to_string());
        return Vec::new();
    }
    let ledger_id = preview.ledger.0.clone();
    let name = file_name(&preview.file);
    let what = summary(&plan);
    let label = format!("收回报表 {name}({what})");
    let edits = plan.edits(at.date());
    match state
        .edit
        .apply_each(&mut state.catalog.ledgers, &ledger_id, &edits, label, at)
    {
        Ok(items) => {
            state.returned = None;
            let message = format!("已收回报表:写入 {what};按 u 撤销");
            crate::app::edit::changed(state, &items, message)
        }
        Err(e) => {
            preview.message = Some(Message::error(format!("未写入:{e}")));
            Vec::new()
        }
    }
}

/// The last part of a path as shown.
fn file_name(file: &str) -> &str {
    file.rsplit('/').next().unwrap_or(file)
}
