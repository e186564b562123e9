//! The result of reading a deadline text.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::relative::RelativeTerm;

/// What kind of deadline a text describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ScheduleKind {
    /// One or more milestones with dates.
    Dated,
    /// 长期 / 持续推进 / 全年…: no date-based light (全年 carries the year end).
    Ongoing,
    /// 每月 / 每季度 / 每年N月底前: the next occurrence from today.
    Recurring,
    /// 按省厅要求 / 根据…部署 / 待…出台后: no date until a supervisor sets one.
    External,
    /// Not understood: kept, shown and flagged.
    Unparsed,
}

impl ScheduleKind {
    /// The JSON / CLI word (a scripting contract).
    pub fn word(self) -> &'static str {
        match self {
            ScheduleKind::Dated => "dated",
            ScheduleKind::Ongoing => "ongoing",
            ScheduleKind::Recurring => "recurring",
            ScheduleKind::External => "external",
            ScheduleKind::Unparsed => "unparsed",
        }
    }

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            ScheduleKind::Dated => "定期",
            ScheduleKind::Ongoing => "持续",
            ScheduleKind::Recurring => "周期",
            ScheduleKind::External => "待上级安排",
            ScheduleKind::Unparsed => "未能识别",
        }
    }
}

/// One milestone of a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// The start of a range phase (`4-10月` starts 04-01), if any.
    pub start: Option<NaiveDate>,
    /// The day it is due.
    pub due: NaiveDate,
    /// The words of the phase (项目申报, 完成建设 …); may be empty.
    pub label: String,
    /// The share of the work due by then (50, 100), if stated.
    pub percent: Option<u8>,
    /// A parenthesised detail kept from the text (e.g. the list of districts).
    pub detail: Option<String>,
    /// The sub-measures (1-based) this milestone is for (第一二三五项 → [1,2,3,5]); empty = all.
    pub measures: Vec<u32>,
}

/// A recurring reporting rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Recurrence {
    /// 每周.
    Weekly,
    /// 每月 (by `day`, or the month's last day when `None`).
    Monthly {
        /// Day of month, `None` = month end.
        day: Option<u32>,
    },
    /// 每半月 (by the 15th and by the month's last day).
    HalfMonthly,
    /// 每季度 (by the quarter's last day).
    Quarterly,
    /// 每半年 (by 06-30 and 12-31).
    HalfYearly,
    /// 每年 M月D日 / 每年M月底前.
    Yearly {
        /// Month.
        month: u32,
        /// Day of month, `None` = month end.
        day: Option<u32>,
    },
}

/// The reading of one deadline text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// The text as written.
    pub text: String,
    /// The base year used for dates written without one.
    pub base_year: i32,
    /// What kind of deadline this is.
    pub kind: ScheduleKind,
    /// The dated milestones, in order.
    pub milestones: Vec<Milestone>,
    /// For ongoing 全年… items: the year's end.
    pub year_end: Option<NaiveDate>,
    /// A recurring reporting rule, if the text has one.
    pub recurrence: Option<Recurrence>,
    /// A part of the text that waits on someone else (待…出台后, 按省厅要求 …).
    pub external: Option<String>,
    /// A deadline counted from an event (问题反馈后10个工作日内, 立行立改): the term, and
    /// once the event is dated (see [`super::dated_from`]) the date it counts from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relative: Option<RelativeTerm>,
    /// Readings worth saying out loud (ambiguities, ignored words), in Chinese.
    pub notes: Vec<String>,
}

impl Schedule {
    /// A schedule for text that could not be read.
    pub fn unparsed(text: &str, base_year: i32) -> Schedule {
        Schedule {
            text: text.to_string(),
            base_year,
            kind: ScheduleKind::Unparsed,
            milestones: Vec::new(),
            year_end: None,
            recurrence: None,
            external: None,
            relative: None,
            notes: Vec::new(),
        }
    }

    /// The final date: the last milestone's due date, or the year end of an ongoing 全年 item.
    pub fn due(&self) -> Option<NaiveDate> {
        self.milestones
            .iter()
            .map(|m| m.due)
            .max()
            .or(self.year_end)
    }
}

/// The last day of a month (`月底`).
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
}

impl Recurrence {
    /// The first occurrence on or after `today`.
    pub fn next_on_or_after(&self, today: NaiveDate) -> NaiveDate {
        let y = today.year();
        let m = today.month();
        let clamp = |yy: i32, mm: u32, day: Option<u32>| -> Option<NaiveDate> {
            let end = month_end(yy, mm)?;
            match day {
                None => Some(end),
                Some(d) => NaiveDate::from_ymd_opt(yy, mm, d.min(end.day())),
            }
        };
        let candidates: Vec<Option<NaiveDate>> = match *self {
            Recurrence::Weekly => {
                let days = (6 - today.weekday().num_days_from_monday() as i64).rem_euclid(7);
                vec![today.checked_add_signed(chrono::Duration::days(days))]
            }
            Recurrence::Monthly { day } => {
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                vec![clamp(y, m, day), clamp(ny, nm, day)]
            }
            Recurrence::HalfMonthly => {
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                vec![
                    clamp(y, m, Some(15)),
                    month_end(y, m),
                    clamp(ny, nm, Some(15)),
                ]
            }
            Recurrence::Quarterly => {
                let q_end = ((m - 1) / 3 + 1) * 3;
                vec![month_end(y, q_end), month_end(y + 1, 3)]
            }
            Recurrence::HalfYearly => vec![month_end(y, 6), month_end(y, 12)],
            Recurrence::Yearly { month, day } => {
                vec![clamp(y, month, day), clamp(y + 1, month, day)]
            }
        };
        candidates
            .into_iter()
            .flatten()
            .find(|d| *d >= today)
            .unwrap_or(today)
    }
}

/// The number of days in a month (0 for an invalid month or year).
pub fn days_in(year: i32, month: u32) -> u32 {
    month_end(year, month).map(|d| d.day()).unwrap_or(0)
}
