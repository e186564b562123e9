//! The four-colour warning (红黄蓝黑四色预警): colour + a reason a supervisor can read out.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::WorkCalendar;
use super::deadline::Schedule;
use super::item::{Item, NoticeKind};
use super::ledger::Ledger;
use super::workspace::WarningRules;

/// A warning colour. Ordered by severity: none < 蓝 < 黄 < 红 < 黑.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum Colour {
    /// No warning.
    #[default]
    None,
    /// 蓝 · 提示
    Blue,
    /// 黄 · 催办
    Yellow,
    /// 红 · 督办
    Red,
    /// 黑 · 整改
    Black,
}

impl Colour {
    /// Colours from most to least severe (the order of triage).
    pub const BY_SEVERITY: [Colour; 5] = [
        Colour::Black,
        Colour::Red,
        Colour::Yellow,
        Colour::Blue,
        Colour::None,
    ];

    /// The CLI / CSV word (a scripting contract): red|yellow|blue|black|none.
    pub fn word(self) -> &'static str {
        match self {
            Colour::None => "none",
            Colour::Blue => "blue",
            Colour::Yellow => "yellow",
            Colour::Red => "red",
            Colour::Black => "black",
        }
    }

    /// Parse a CLI word or the Chinese character.
    pub fn from_word(s: &str) -> Option<Colour> {
        match s.trim() {
            "none" | "无" => Some(Colour::None),
            "blue" | "蓝" => Some(Colour::Blue),
            "yellow" | "黄" => Some(Colour::Yellow),
            "red" | "红" => Some(Colour::Red),
            "black" | "黑" => Some(Colour::Black),
            _ => None,
        }
    }

    /// The one-character Chinese label (红/黄/蓝/黑), "" for none.
    pub fn label(self) -> &'static str {
        match self {
            Colour::None => "",
            Colour::Blue => "蓝",
            Colour::Yellow => "黄",
            Colour::Red => "红",
            Colour::Black => "黑",
        }
    }

    /// The notice that goes with the colour.
    pub fn notice(self) -> Option<NoticeKind> {
        NoticeKind::for_colour(self)
    }
}

/// The warning state of one item at one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// The colour.
    pub colour: Colour,
    /// Why, in Chinese ("逾期12个工作日", "距截止3个工作日", "本月未报送进展").
    pub reason: String,
    /// The date that governs the colour (the next unmet milestone), if any.
    pub due: Option<NaiveDate>,
    /// Days left (positive) or overdue (negative) to `due`, in the rules' day unit.
    pub days: Option<i64>,
}

impl Warning {
    /// The notice that goes with this warning's colour.
    pub fn notice(&self) -> Option<NoticeKind> {
        self.colour.notice()
    }
}

/// Everything the engine needs besides the item itself.
pub struct WarningContext<'a> {
    /// The workspace's thresholds.
    pub rules: &'a WarningRules,
    /// The working-day calendar.
    pub calendar: &'a WorkCalendar,
    /// Today (a parameter, never read from the clock here).
    pub today: NaiveDate,
}

/// Compute the warning of `item` (of `ledger`) whose deadline reads as `schedule`.
pub fn evaluate(
    item: &Item,
    ledger: &Ledger,
    schedule: &Schedule,
    ctx: &WarningContext,
) -> Warning {
    let _ = (item, ledger, schedule, ctx);
    Warning {
        colour: Colour::None,
        reason: String::new(),
        due: schedule.due(),
        days: None,
    }
}
