//! Every edit a supervisor can make to an item, as data, and how it is applied.
//!
//! An [`Edit`] is validated and applied by [`apply`] (one item) or [`apply_in_ledger`]
//! / [`apply_bulk`] (items of a ledger, all or nothing). Each application returns an
//! [`ItemChange`] holding the item before and after: undo and redo replay the difference
//! with [`transition`], touching only the fields the change touched, so a concurrent
//! change by someone else to another field is never clobbered.

mod apply;
mod bulk;
mod error;
mod field;
mod transition;

pub use apply::apply;
pub use bulk::{
    BulkError, apply_bulk, apply_in_ledger, commit, counts_from_event, plan_bulk, plan_each,
};
pub use error::EditError;
pub use field::Field;
pub use transition::{FieldConflict, Transition, transition};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::item::{Item, NoticeKind, Status};
use super::warning::Colour;

/// One edit of one item, as data (so it can be logged, tested and replayed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edit {
    /// Change the status; 暂缓 needs a reason.
    SetStatus {
        /// The new status.
        status: Status,
        /// Why the item is suspended (required for [`Status::Suspended`], ignored otherwise).
        reason: Option<String>,
    },
    /// Append a progress note.
    AddNote {
        /// The day the progress was reported.
        date: NaiveDate,
        /// Who reported it.
        author: String,
        /// What was reported.
        text: String,
    },
    /// Replace the deadline text (a correction; use [`Edit::AddExtension`] for an extension).
    SetDeadline {
        /// The new text, kept verbatim.
        text: String,
    },
    /// Record an approved extension; the original deadline stays visible.
    AddExtension {
        /// The new deadline text.
        new_deadline: String,
        /// Why it was granted.
        reason: String,
        /// Who approved it (may be empty).
        approver: String,
        /// The day it was approved.
        date: NaiveDate,
    },
    /// Replace the responsible units.
    SetUnits {
        /// The new units (at least one).
        units: Vec<String>,
    },
    /// Add one responsible unit.
    AddUnit {
        /// The unit to add.
        unit: String,
    },
    /// Flip a sub-measure's done flag.
    ToggleSubMeasure {
        /// Index into [`Item::sub_measures`].
        index: usize,
        /// The day it was done (used when it becomes done).
        date: NaiveDate,
    },
    /// Mark a milestone of the schedule met.
    MarkMilestone {
        /// Index into the schedule's milestones.
        index: usize,
        /// The milestone's label (kept so a changed deadline text can be noticed).
        label: String,
        /// The day it was met.
        date: NaiveDate,
    },
    /// Take back a milestone marked met.
    UnmarkMilestone {
        /// Index into the schedule's milestones.
        index: usize,
    },
    /// Raise the warning colour by hand.
    Raise {
        /// The colour (not [`Colour::None`]).
        colour: Colour,
        /// Why (e.g. 领导批示).
        reason: String,
    },
    /// Remove a manual raise.
    ClearRaise,
    /// Record a notice issued.
    AddNotice {
        /// Which notice.
        kind: NoticeKind,
        /// The day it was issued.
        date: NaiveDate,
        /// To whom.
        recipient: String,
    },
    /// Record a supervision instruction (督办意见).
    AddInstruction {
        /// The day it was given.
        date: NaiveDate,
        /// Who recorded it.
        author: String,
        /// Who must act.
        assignee: String,
        /// What must be done.
        text: String,
        /// By when (deadline text; may be empty).
        due: String,
    },
    /// Record the written explanation of an overdue item (书面说明).
    SetExplanation {
        /// The explanation.
        text: String,
    },
    /// Record the acceptance (结项/销号); the status becomes 已结项.
    SetAcceptance {
        /// The day of acceptance.
        date: NaiveDate,
        /// The result.
        result: String,
    },
    /// Extend one milestone of a plan (the rest of the schedule stays).
    ExtendMilestone {
        /// The milestone's due date before the extension.
        milestone_due: NaiveDate,
        /// The milestone's label.
        label: String,
        /// The new deadline as written (its reading gave `new_due`).
        new_deadline: String,
        /// The milestone's new due date.
        new_due: NaiveDate,
        /// Why.
        reason: String,
        /// Who approved it.
        approver: String,
        /// The day it was approved.
        date: NaiveDate,
    },
    /// Record (or, with `None`, clear) the date of the event the item's deadline counts
    /// from (问题反馈后10个工作日内, 立行立改). The event has happened: a date after the day
    /// of the edit is refused.
    SetEventDate {
        /// The event's date; `None` clears it.
        date: Option<NaiveDate>,
    },
    /// Mark the occurrence of the recurring obligation due on `due` submitted on `date`.
    Submit {
        /// The occurrence's due date.
        due: NaiveDate,
        /// The day it was submitted.
        date: NaiveDate,
    },
}

impl Edit {
    /// A short Chinese description of the edit (for the status line and the undo list).
    pub fn describe(&self) -> String {
        match self {
            Edit::SetStatus { status, .. } => format!("状态改为{}", status.short_label()),
            Edit::AddNote { .. } => "添加进展".to_string(),
            Edit::SetDeadline { .. } => "修改期限".to_string(),
            Edit::AddExtension { .. } | Edit::ExtendMilestone { .. } => "登记延期".to_string(),
            Edit::SetUnits { .. } => "修改责任单位".to_string(),
            Edit::AddUnit { unit } => format!("增加责任单位{unit}"),
            Edit::ToggleSubMeasure { index, .. } => format!("切换第{}项措施", index + 1),
            Edit::MarkMilestone { index, .. } => format!("标记第{}个节点完成", index + 1),
            Edit::UnmarkMilestone { index } => format!("取消第{}个节点完成", index + 1),
            Edit::Raise { colour, .. } => format!("手动升为{}色", colour.label()),
            Edit::ClearRaise => "取消手动升色".to_string(),
            Edit::AddNotice { kind, .. } => format!("登记{}", kind.label()),
            Edit::AddInstruction { assignee, .. } => format!("记录督办意见({assignee})"),
            Edit::SetExplanation { .. } => "填写逾期说明".to_string(),
            Edit::SetAcceptance { .. } => "登记验收".to_string(),
            Edit::Submit { due, .. } => format!("登记周期报送(截止{due})"),
            Edit::SetEventDate { date: Some(date) } => format!("登记事件日期{date}"),
            Edit::SetEventDate { date: None } => "清除事件日期".to_string(),
        }
    }
}

/// What one edit did to one item: enough to undo and redo it exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChange {
    /// The item's id.
    pub item_id: String,
    /// The item before the edit.
    pub before: Item,
    /// The item after the edit.
    pub after: Item,
}

impl ItemChange {
    /// The fields whose values differ between before and after (history excluded).
    pub fn fields(&self) -> Vec<Field> {
        Field::changed(&self.before, &self.after)
    }
}

#[cfg(test)]
mod tests;
