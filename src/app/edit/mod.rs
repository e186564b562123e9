//! Editing in the TUI: the forms that turn keys into [`Edit`]s, the text input they use,
//! and the session's undo/redo history.
//!
//! Forms are small state machines: `handle_key` returns a [`FormOutcome`] — keep going,
//! cancel (without a trace), or submit edits. The caller applies the edits with
//! [`apply_to_targets`]; a refusal goes back to the form with `refuse`, keeping what was
//! typed; a success is recorded in the [`EditHistory`] and saved.

mod actions;
mod checklist;
mod conflict;
mod date_input;
mod field;
mod form;
mod history;
mod leaving;
mod naming;
mod preview;
mod saving;
mod session;
mod status;
mod sync;
mod target;
mod text_input;
mod units;

#[cfg(test)]
mod tests;

pub(crate) use actions::changed;
pub use actions::{rebuild_catalog, selected_target, update_edit};
pub use checklist::{Checklist, ChecklistEntry, ChecklistKind};
pub use conflict::{ConflictEntry, ConflictOutcome, ConflictResolver, resolve_conflicts};
pub use date_input::parse_date;
pub use field::{FieldKind, FormField};
pub use form::{Form, FormKind};
pub use history::{Change, EditHistory, LedgerSet, Replay, Step};
pub use naming::{AfterName, NameQuestion, NameSetting, ask_name_first};
pub use preview::{DeadlinePreview, preview};
pub use saving::{Prompt, SaveError, SaveStatus};
pub use session::{EditSession, FormEvent, OpenForm};
pub use status::{STATUS_KEYS, StatusPicker};
pub use sync::{DiskChange, SaveReport, conflict_entries, field_of};
pub use target::{Target, apply_to_targets};
pub use text_input::TextInput;
pub use units::{Candidate, UnitMode, UnitPicker};

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

use crate::domain::deadline;
use crate::domain::edit::Edit;
use crate::domain::{Colour, Item, Ledger};

/// What a form wants after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormOutcome {
    /// Still editing.
    Continue,
    /// Closed without a change.
    Cancel,
    /// Apply these edits (in order) to the form's target items, as one undo step.
    Submit(Vec<Edit>),
}

/// How serious a message in a form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The input was refused.
    Error,
    /// The input is accepted after a confirmation.
    Warning,
}

/// A message shown in place in a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// How serious.
    pub level: Level,
    /// The text (Chinese).
    pub text: String,
}

impl Message {
    /// A refusal.
    pub fn error(text: String) -> Self {
        Self {
            level: Level::Error,
            text,
        }
    }

    /// A warning that asks for confirmation.
    pub fn warning(text: String) -> Self {
        Self {
            level: Level::Warning,
            text,
        }
    }
}

/// Which edit the user asked for (one per key of the key map).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum EditKind {
    /// Change the status.
    Status,
    /// Add a progress note.
    Note,
    /// Correct the deadline text.
    Deadline,
    /// Record an extension.
    Extension,
    /// Reassign or add units.
    Units,
    /// Tick a sub-measure.
    SubMeasure,
    /// Mark a milestone met.
    Milestone,
    /// Raise the colour by hand.
    Raise,
    /// Record a notice issued.
    Notice,
    /// Record the overdue explanation.
    Explanation,
    /// Record the acceptance.
    Acceptance,
    /// Record a supervision instruction (督办意见).
    Instruction,
    /// Mark an occurrence of a recurring obligation submitted.
    Submit,
    /// Record (or clear) the date of the event a deadline is counted from.
    EventDate,
}

impl EditKind {
    /// Whether the edit can be made to several marked items at once.
    pub fn supports_bulk(self) -> bool {
        matches!(
            self,
            EditKind::Status | EditKind::Units | EditKind::Deadline | EditKind::Note
        )
    }

    /// The Chinese name (help and footer).
    pub fn label(self) -> &'static str {
        match self {
            EditKind::Status => "改状态",
            EditKind::Note => "记进展",
            EditKind::Deadline => "改时限",
            EditKind::Extension => "延期",
            EditKind::Units => "责任单位",
            EditKind::SubMeasure => "分项措施",
            EditKind::Milestone => "节点完成",
            EditKind::Raise => "手动升色",
            EditKind::Notice => "通知单",
            EditKind::Explanation => "逾期说明",
            EditKind::Acceptance => "验收",
            EditKind::Instruction => "督办意见",
            EditKind::Submit => "周期报送",
            EditKind::EventDate => "事件日期",
        }
    }
}

/// What a form needs to know about its target(s) and the user.
#[derive(Debug, Clone)]
pub struct FormContext<'a> {
    /// Today (dates default to it).
    pub today: NaiveDate,
    /// Who is editing (author of notes).
    pub user: &'a str,
    /// The ledger's base year (for reading deadlines).
    pub base_year: i32,
    /// The item edited, or None for a multi-selection.
    pub item: Option<&'a Item>,
    /// The deadline text that governs the item (extension, own or ledger default).
    pub governing_deadline: &'a str,
    /// The item's current warning colour (the default notice follows it).
    pub colour: Colour,
    /// Units known in the workspace (for completion).
    pub known_units: &'a [String],
    /// How many items the edit goes to.
    pub targets: usize,
}

impl<'a> FormContext<'a> {
    /// The context for one item of a ledger.
    pub fn for_item(
        ledger: &'a Ledger,
        item: &'a Item,
        colour: Colour,
        today: NaiveDate,
        user: &'a str,
        known_units: &'a [String],
    ) -> Self {
        Self {
            item: Some(item),
            governing_deadline: ledger.deadline_text_of(item),
            colour,
            ..Self::for_selection(1, ledger.base_year, today, user, known_units)
        }
    }

    /// The context for several marked items.
    pub fn for_selection(
        count: usize,
        base_year: i32,
        today: NaiveDate,
        user: &'a str,
        known_units: &'a [String],
    ) -> Self {
        Self {
            today,
            user,
            base_year,
            item: None,
            governing_deadline: "",
            colour: Colour::None,
            known_units,
            targets: count,
        }
    }

    /// A popup title naming the target: "添加进展 · 7 建设智慧矫正中心" or "… · 已选 3 项".
    pub fn title(&self, what: &str) -> String {
        match self.item {
            Some(item) if self.targets <= 1 => format!("{what} · {} {}", item.number, item.title),
            _ => format!("{what} · 已选 {} 项", self.targets),
        }
    }
}

/// An open edit form of any kind.
#[derive(Debug, Clone)]
pub enum EditForm {
    /// A form of labelled fields.
    Fields(Form),
    /// The status picker.
    Status(StatusPicker),
    /// The unit picker.
    Units(UnitPicker),
    /// A sub-measure or milestone list.
    Checklist(Checklist),
}

impl EditForm {
    /// Open the form for `kind`, or say why it cannot be opened here.
    pub fn open(kind: EditKind, ctx: &FormContext) -> Result<Self, String> {
        if ctx.item.is_none() && !kind.supports_bulk() {
            return Err(format!("{}只能对单个事项操作", kind.label()));
        }
        let fields = |k| Ok(EditForm::Fields(Form::open(k, ctx)));
        match kind {
            EditKind::Status => Ok(EditForm::Status(StatusPicker::new(
                ctx.title("改状态"),
                ctx.item.map(|i| i.status),
            ))),
            EditKind::Note => fields(FormKind::Note),
            EditKind::Deadline => fields(FormKind::Deadline),
            EditKind::Extension => fields(FormKind::Extension),
            EditKind::Raise => fields(FormKind::Raise),
            EditKind::Notice => fields(FormKind::Notice),
            EditKind::Explanation => fields(FormKind::Explanation),
            EditKind::Acceptance => fields(FormKind::Acceptance),
            EditKind::Instruction => fields(FormKind::Instruction),
            EditKind::Submit => {
                let schedule = deadline::parse(ctx.governing_deadline, ctx.base_year);
                if schedule.recurrence.is_none() {
                    return Err("该事项的期限没有周期性报送要求(如“每年10月底前报送”)".to_string());
                }
                fields(FormKind::Submit)
            }
            EditKind::EventDate => {
                let schedule = deadline::parse(ctx.governing_deadline, ctx.base_year);
                if schedule.relative.is_none() {
                    return Err(
                        "该事项的期限不从某个事件起算(如“问题反馈后10个工作日内”)".to_string()
                    );
                }
                fields(FormKind::EventDate)
            }
            EditKind::Units => Ok(EditForm::Units(UnitPicker::new(
                ctx.title("责任单位"),
                ctx.item.map(|i| i.units.as_slice()).unwrap_or(&[]),
                ctx.known_units,
                ctx.item.is_none(),
            ))),
            EditKind::SubMeasure => {
                let item = ctx.item.ok_or("请选择一个事项")?;
                Checklist::sub_measures(ctx.title("分项措施"), item, ctx.today)
                    .map(EditForm::Checklist)
                    .ok_or_else(|| "该事项没有分项措施".to_string())
            }
            EditKind::Milestone => {
                let item = ctx.item.ok_or("请选择一个事项")?;
                let schedule = deadline::parse(ctx.governing_deadline, ctx.base_year);
                Checklist::milestones(ctx.title("节点完成"), item, &schedule, ctx.today)
                    .map(EditForm::Checklist)
                    .ok_or_else(|| "该事项的完成时限没有可标记的节点".to_string())
            }
        }
    }

    /// Handle a key.
    pub fn handle_key(&mut self, key: &KeyEvent) -> FormOutcome {
        match self {
            EditForm::Fields(f) => f.handle_key(key),
            EditForm::Status(f) => f.handle_key(key),
            EditForm::Units(f) => f.handle_key(key),
            EditForm::Checklist(f) => f.handle_key(key),
        }
    }

    /// Handle pasted text (bracketed paste): inserted whole at the caret.
    pub fn paste(&mut self, text: &str) {
        match self {
            EditForm::Fields(f) => f.paste(text),
            EditForm::Status(f) => f.paste(text),
            EditForm::Units(f) => f.paste(text),
            EditForm::Checklist(f) => f.paste(text),
        }
    }

    /// Show a refusal in place, keeping what was typed.
    pub fn refuse(&mut self, text: String) {
        match self {
            EditForm::Fields(f) => f.refuse(text),
            EditForm::Status(f) => f.refuse(text),
            EditForm::Units(f) => f.refuse(text),
            EditForm::Checklist(f) => f.refuse(text),
        }
    }

    /// Whether the user typed something that closing the form would drop.
    pub fn has_input(&self) -> bool {
        match self {
            EditForm::Fields(f) => f.has_input(),
            EditForm::Status(f) => f.reason.as_ref().is_some_and(|r| !r.is_blank()),
            EditForm::Units(f) => f.has_input(),
            EditForm::Checklist(f) => f.has_input(),
        }
    }

    /// The message shown in place, if any.
    pub fn message(&self) -> Option<&Message> {
        match self {
            EditForm::Fields(f) => f.message.as_ref(),
            EditForm::Status(f) => f.message.as_ref(),
            EditForm::Units(f) => f.message.as_ref(),
            EditForm::Checklist(f) => f.message.as_ref(),
        }
    }
}
