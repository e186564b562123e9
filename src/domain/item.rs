//! One supervised item (a project, task or rectification problem) and its records.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::warning::Colour;

/// The life cycle of an item: 未启动 → 推进中 → 已完成(待验收) → 已结项/已销号, plus 暂缓.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum Status {
    /// 未启动
    #[default]
    NotStarted,
    /// 推进中
    InProgress,
    /// 已完成(待验收)
    Done,
    /// 已结项 / 已销号
    Accepted,
    /// 暂缓 (the reason is kept in [`Item::suspend_reason`])
    Suspended,
}

impl Status {
    /// All statuses in life-cycle order.
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Accepted,
        Status::Suspended,
    ];

    /// The CLI / CSV word for the status (a scripting contract).
    pub fn word(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::InProgress => "in-progress",
            Status::Done => "done",
            Status::Accepted => "accepted",
            Status::Suspended => "suspended",
        }
    }

    /// Parse a CLI word (English) or the Chinese label.
    pub fn from_word(s: &str) -> Option<Status> {
        let s = s.trim();
        Status::ALL
            .into_iter()
            .find(|st| st.word() == s || st.label() == s || st.short_label() == s)
    }

    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "未启动",
            Status::InProgress => "推进中",
            Status::Done => "已完成(待验收)",
            Status::Accepted => "已结项",
            Status::Suspended => "暂缓",
        }
    }

    /// A short Chinese label for narrow columns.
    pub fn short_label(self) -> &'static str {
        match self {
            Status::NotStarted => "未启动",
            Status::InProgress => "推进中",
            Status::Done => "已完成",
            Status::Accepted => "已结项",
            Status::Suspended => "暂缓",
        }
    }

    /// Done or accepted: the work itself is finished (no warning colour).
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Done | Status::Accepted)
    }

    /// Still to be supervised (not finished).
    pub fn is_open(self) -> bool {
        !self.is_finished()
    }
}

/// One entry of the append-only progress log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressEntry {
    /// The day the progress was reported.
    pub date: NaiveDate,
    /// Who recorded it.
    #[serde(default)]
    pub author: String,
    /// What was reported (free text).
    pub text: String,
}

/// A sub-measure of an item (第一项、第二项 …) with its own done flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubMeasure {
    /// The measure's text or label (e.g. "第一项" or the measure's words).
    pub text: String,
    /// Whether this measure is done.
    #[serde(default)]
    pub done: bool,
    /// Its own deadline text, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// The day it was marked done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<NaiveDate>,
}

/// A milestone of the parsed schedule marked met (by index into the schedule's milestones).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestoneMet {
    /// Index into [`crate::domain::deadline::Schedule::milestones`].
    pub index: usize,
    /// The milestone's label when it was marked, so a changed deadline text can be noticed.
    #[serde(default)]
    pub label: String,
    /// The day it was met.
    pub date: NaiveDate,
}

/// One occurrence of a recurring obligation (每年10月底前报送年度报告) marked submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// The occurrence's due date (identifies the occurrence: 2023-10-31 for 2023's report).
    pub due: NaiveDate,
    /// The day it was submitted.
    pub date: NaiveDate,
    /// Who recorded it.
    #[serde(default)]
    pub by: String,
}

/// The four notices of the four-colour mechanism.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NoticeKind {
    /// 工作提示单 (blue)
    Reminder,
    /// 催办通知单 (yellow)
    Chase,
    /// 督办通知单 (red)
    Supervise,
    /// 整改通知单 (black)
    Rectify,
}

impl NoticeKind {
    /// All notice kinds, mildest first.
    pub const ALL: [NoticeKind; 4] = [
        NoticeKind::Reminder,
        NoticeKind::Chase,
        NoticeKind::Supervise,
        NoticeKind::Rectify,
    ];

    /// The notice's Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            NoticeKind::Reminder => "工作提示单",
            NoticeKind::Chase => "催办通知单",
            NoticeKind::Supervise => "督办通知单",
            NoticeKind::Rectify => "整改通知单",
        }
    }

    /// The short verb: 提示 / 催办 / 督办 / 整改.
    pub fn verb(self) -> &'static str {
        match self {
            NoticeKind::Reminder => "提示",
            NoticeKind::Chase => "催办",
            NoticeKind::Supervise => "督办",
            NoticeKind::Rectify => "整改",
        }
    }

    /// The notice that goes with a warning colour.
    pub fn for_colour(colour: Colour) -> Option<NoticeKind> {
        match colour {
            Colour::None => None,
            Colour::Blue => Some(NoticeKind::Reminder),
            Colour::Yellow => Some(NoticeKind::Chase),
            Colour::Red => Some(NoticeKind::Supervise),
            Colour::Black => Some(NoticeKind::Rectify),
        }
    }
}

/// A notice issued to a unit about an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// Which notice.
    pub kind: NoticeKind,
    /// The day it was issued.
    pub date: NaiveDate,
    /// The unit (or person) it was sent to.
    pub recipient: String,
    /// The notice's document number (督〔2024〕12号), when duban numbered it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
}

/// An approved extension of the deadline. The original stays visible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// The deadline text before the extension.
    pub original: String,
    /// The new deadline text (parsed by the same grammar).
    pub new_deadline: String,
    /// Why the extension was granted.
    #[serde(default)]
    pub reason: String,
    /// Who approved it.
    #[serde(default)]
    pub approver: String,
    /// The day it was approved.
    pub date: NaiveDate,
    /// The governing due date of `original` when the extension was recorded; the warning
    /// engine compares it with `date` (an extension approved after the deadline had passed
    /// keeps the item at least yellow). When absent, `original` is parsed instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_due: Option<NaiveDate>,
    /// For an extension of one milestone of a plan: the new due date of that milestone
    /// (the milestone due on `original_due`, labelled `milestone`). The rest of the
    /// schedule and any recurring obligation stay; `new_deadline` is then the words of the
    /// new date only. `None` = the whole deadline text is replaced by `new_deadline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_due: Option<NaiveDate>,
    /// The label of the milestone moved (see `new_due`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone: Option<String>,
}

/// The acceptance (结项/销号) of a finished item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    /// The day of acceptance.
    pub date: NaiveDate,
    /// The result (e.g. 通过, 完成整改).
    pub result: String,
}

/// A supervisor's manual raise of the warning colour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManualRaise {
    /// The colour the item is raised to (at least).
    pub colour: Colour,
    /// Why (e.g. 领导批示).
    pub reason: String,
    /// The day it was raised.
    pub date: NaiveDate,
    /// Who raised it.
    #[serde(default)]
    pub by: String,
}

/// A supervision instruction (督办意见) decided about an item, typically in a meeting:
/// who must act, what, and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instruction {
    /// The day it was given.
    pub date: NaiveDate,
    /// Who recorded it.
    #[serde(default)]
    pub author: String,
    /// The unit or person who must act.
    pub assignee: String,
    /// What must be done.
    pub text: String,
    /// By when, as deadline text (read by the deadline grammar); empty when not set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
}

/// One recorded change: who changed what, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    /// When the change was made (local time, given by the caller).
    pub at: NaiveDateTime,
    /// Who made it.
    pub author: String,
    /// The field changed (e.g. "status", "deadline").
    pub field: String,
    /// The value before.
    #[serde(default)]
    pub from: String,
    /// The value after.
    #[serde(default)]
    pub to: String,
}

/// One item of a ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Item {
    /// Stable id, unique in its ledger (usually the printed number).
    pub id: String,
    /// The number as printed in the source ("12", "(3)", "二").
    pub number: String,
    /// 类型 / category.
    pub category: String,
    /// 目标 / goal.
    pub goal: String,
    /// The title or task (具体任务, 制度名称, 面上问题 …).
    pub title: String,
    /// 具体措施 / measures text.
    pub measures: String,
    /// The deadline text exactly as written (完成时限 / 时序进度 / 整改时限).
    pub deadline: String,
    /// A date set by a supervisor for an `external` deadline (按省厅要求 …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_override: Option<NaiveDate>,
    /// The date of the event a deadline counted from an event starts from (问题反馈后10个
    /// 工作日内: the day of the feedback; 立行立改: the day the problem was raised), once a
    /// supervisor records it; the deadline then reads as a date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_date: Option<NaiveDate>,
    /// 牵头单位 (lead unit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_unit: Option<String>,
    /// 责任单位 / 责任科室 (responsible units).
    pub units: Vec<String>,
    /// 指导部门 / 市局责任部门 (guiding or supervising departments).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub supervisors: Vec<String>,
    /// 责任领导 (responsible leader).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// Current status.
    pub status: Status,
    /// Why the item is suspended (暂缓).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspend_reason: Option<String>,
    /// The day the work was finished (status became Done), for on-time rates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done_on: Option<NaiveDate>,
    /// Append-only progress log.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<ProgressEntry>,
    /// Sub-measures, each with its own done flag.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sub_measures: Vec<SubMeasure>,
    /// Milestones of the schedule marked met.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub milestones_met: Vec<MilestoneMet>,
    /// Notices issued.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notice>,
    /// Supervision instructions (督办意见), oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub instructions: Vec<Instruction>,
    /// Occurrences of the recurring obligation marked submitted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub submitted: Vec<Submission>,
    /// Written explanation for an overdue item (书面说明).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue_explanation: Option<String>,
    /// Approved extensions, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<Extension>,
    /// Acceptance (结项/销号).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acceptance: Option<Acceptance>,
    /// Parent item id (反馈问题 → 面上问题 → 具体问题).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Manual raise of the colour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raised: Option<ManualRaise>,
    /// Columns of the source the model has no field for, kept verbatim (header → text).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
    /// Who changed what, when.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<AuditEntry>,
}

impl Item {
    /// The deadline text in force: the newest extension that replaced the whole text,
    /// else the original text. Extensions of one milestone (`new_due`) keep the text and
    /// move their milestone when the text is read (see `warning::extensions`).
    pub fn current_deadline(&self) -> &str {
        self.extensions
            .iter()
            .rev()
            .find(|e| e.new_due.is_none())
            .map(|e| e.new_deadline.as_str())
            .unwrap_or(&self.deadline)
    }

    /// Whether the occurrence of the recurring obligation due on `due` is submitted.
    pub fn is_submitted(&self, due: NaiveDate) -> bool {
        self.submitted.iter().any(|s| s.due == due)
    }

    /// The most recent progress date, if any.
    pub fn last_progress(&self) -> Option<NaiveDate> {
        self.progress.iter().map(|p| p.date).max()
    }

    /// Every unit named on the item in any role: lead, responsible, then guiding or
    /// supervising departments (指导部门, 市局责任部门), without duplicates. For grouping
    /// and filtering; responsibility itself (rates, awards) uses [`Item::all_units`].
    pub fn every_unit(&self) -> Vec<&str> {
        let mut out = self.all_units();
        for u in &self.supervisors {
            if !out.contains(&u.as_str()) {
                out.push(u.as_str());
            }
        }
        out
    }

    /// All units of the item: the lead unit first, then the responsible units (no duplicates).
    pub fn all_units(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for u in self.lead_unit.iter().chain(self.units.iter()) {
            if !out.contains(&u.as_str()) {
                out.push(u.as_str());
            }
        }
        out
    }
}
