//! A ledger (台账): a titled list of items from one source document.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::item::Item;

/// What kind of ledger it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum LedgerKind {
    /// 项目台账
    #[default]
    Project,
    /// 整改台账
    Rectification,
    /// 任务分工
    TaskDivision,
    /// 工作清单 / 工作台账
    WorkList,
    /// Anything else, named.
    Other(String),
}

impl LedgerKind {
    /// The Chinese name of the kind.
    pub fn label(&self) -> &str {
        match self {
            LedgerKind::Project => "项目台账",
            LedgerKind::Rectification => "整改台账",
            LedgerKind::TaskDivision => "任务分工",
            LedgerKind::WorkList => "工作清单",
            LedgerKind::Other(s) => s,
        }
    }
}

/// A column the ledger actually uses: the item field it fills and the header as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The item field ("category", "title", "deadline", "units", … or "extra").
    pub field: String,
    /// The header text in the source (类型, 具体任务, 完成时限 …).
    pub header: String,
}

/// The concentrated rectification period (集中整改期) of a rectification ledger: it runs
/// from the day the inspection's findings were fed back for a number of months (seed 002:
/// 7月24日反馈, 4个月集中整改期).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RectificationPeriod {
    /// The day the findings were fed back (反馈日期).
    pub feedback_date: NaiveDate,
    /// The length of the period in months (集中整改期).
    pub months: u32,
}

impl RectificationPeriod {
    /// The last day of the period: `months` months after the feedback date (2024-07-24 + 4
    /// months = 2024-11-24), clamped to the month's end.
    pub fn end(&self) -> NaiveDate {
        self.feedback_date
            .checked_add_months(chrono::Months::new(self.months))
            .unwrap_or(NaiveDate::MAX)
    }
}

/// A ledger: one RON file in the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Ledger {
    /// The file format version (see `storage::FORMAT_VERSION`).
    pub format: u32,
    /// The ledger's id; also its file name (`<id>.ron`).
    pub id: String,
    /// Its title.
    pub title: String,
    /// The year for deadlines written without one.
    pub base_year: i32,
    /// The kind of ledger.
    pub kind: LedgerKind,
    /// The source document (title, number or file).
    pub source: String,
    /// The day the ledger closes (结项/验收); items open past it are black.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closing_date: Option<NaiveDate>,
    /// The rectification period of a 整改台账 (feedback date and length), for the
    /// 阶段性整改率 report; absent on other ledgers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rectification: Option<RectificationPeriod>,
    /// A deadline text that applies to items with none of their own
    /// (e.g. the yearly phases of a three-year plan).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_deadline: Option<String>,
    /// The columns the ledger uses, in source order.
    pub columns: Vec<Column>,
    /// The items, in source order.
    pub items: Vec<Item>,
}

/// One unit of an item in one role (牵头单位, 责任单位, 指导部门, 市局责任部门 …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitRole<'a> {
    /// The role as the ledger's column names it (its header), else 牵头单位/责任单位/指导部门.
    pub role: &'a str,
    /// The unit.
    pub unit: &'a str,
}

impl Ledger {
    /// The header of the column that fills item field `field`, if the ledger names it.
    pub fn header_of(&self, field: &str) -> Option<&str> {
        self.columns
            .iter()
            .find(|c| c.field == field)
            .map(|c| c.header.as_str())
    }

    /// Every unit of `item` with its role, lead first: both responsible-unit roles and
    /// guiding/supervising ones (the 重点工程推进年 ledger's 市局责任部门 is one of the
    /// latter), kept apart by role but all filterable.
    pub fn unit_roles<'a>(&'a self, item: &'a Item) -> Vec<UnitRole<'a>> {
        let lead = self.header_of("lead_unit").unwrap_or("牵头单位");
        let units = self.header_of("units").unwrap_or("责任单位");
        let supervisors = self.header_of("supervisors").unwrap_or("指导部门");
        let mut out = Vec::new();
        for (role, list) in [
            (lead, item.lead_unit.as_slice()),
            (units, item.units.as_slice()),
            (supervisors, item.supervisors.as_slice()),
        ] {
            for unit in list {
                out.push(UnitRole { role, unit });
            }
        }
        out
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The item with this id, mutably.
    pub fn item_mut(&mut self, id: &str) -> Option<&mut Item> {
        self.items.iter_mut().find(|i| i.id == id)
    }

    /// The deadline text that governs an item: its own (or extension's), else the ledger default.
    pub fn deadline_text_of<'a>(&'a self, item: &'a Item) -> &'a str {
        let own = item.current_deadline();
        if own.trim().is_empty() {
            self.default_deadline.as_deref().unwrap_or("")
        } else {
            own
        }
    }
}
