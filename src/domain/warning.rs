//! The four-colour warning (红黄蓝黑四色预警): colour + a reason a supervisor can read out.
//!
//! Rules (defaults from PRODUCT.md, thresholds in [`WarningRules`]), for each open item:
//! - the governing date is the first unmet milestone (see [`governing`]) of the reading in
//!   force ([`in_force`]: a deadline counted from an event is dated once the event is);
//! - 蓝 · 提示: not overdue and at most `blue_days_left` days left (due today = 0 left);
//! - 黄 · 催办: 1..=`red_after_days` days overdue, or the progress report of the last
//!   period whose report day has passed is missing (see [`reporting`]) — also for items
//!   without a date;
//! - 红 · 督办: more than `red_after_days` overdue;
//! - 黑 · 整改: more than `black_after_days` overdue, or overdue by any amount after the
//!   ledger's closing date (items not overdue then wait for a closing decision);
//! - a parent without a deadline of its own takes its worst open child's colour, and its
//!   reason names that child (see [`parents`]);
//! - a manual raise sets a floor; an extension approved after the original deadline had
//!   passed keeps the item at least yellow (see [`late_extension`]).
//!
//! Done/accepted items have no colour; 暂缓 (suspended) items neither (nor a manual raise).
//! Days are counted as [`WorkCalendar`] documents, in the unit `rules.calendar` names.

pub mod clauses;
pub mod event;
pub mod extensions;
pub mod governing;
mod parents;
pub mod reporting;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cmp::Reverse;

use self::clauses::Clause;
use self::governing::{DueSource, Governing};
use super::calendar::WorkCalendar;
use super::deadline::{self, Schedule, ScheduleKind};
use super::item::{Item, NoticeKind, Status};
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
    /// The date that governs the colour (the next unmet milestone), if any; for
    /// done/accepted/suspended items the schedule's final date, for information.
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
    /// The working-day calendar (holidays and overrides). Its own `mode` is not used
    /// here: `rules.calendar` decides whether working days or calendar days are counted.
    pub calendar: &'a WorkCalendar,
    /// Today (a parameter, never read from the clock here).
    pub today: NaiveDate,
}

/// The most clauses one warning can have (one of each kind, two dates).
const MAX_CLAUSES: usize = 7;

/// Compute the warning of `item` (of `ledger`) whose deadline reads as `schedule`.
///
/// Allocates only the reason string; cheap enough for 100k items per frame.
pub fn evaluate(
    item: &Item,
    ledger: &Ledger,
    schedule: &Schedule,
    ctx: &WarningContext,
) -> Warning {
    evaluate_at(item, ledger, schedule, ctx, 0)
}

/// [`evaluate`] for an item `depth` parents below the item first asked about.
fn evaluate_at(
    item: &Item,
    ledger: &Ledger,
    schedule: &Schedule,
    ctx: &WarningContext,
    depth: usize,
) -> Warning {
    let schedule = &*in_force(schedule, item, ledger, ctx.calendar);
    if let Some(closed) = not_supervised(item, schedule) {
        return closed;
    }
    if schedule.text.trim().is_empty()
        && item.due_override.is_none()
        && let Some(parent) = parents::rollup(item, ledger, ctx, depth)
    {
        return parent;
    }
    let today = ctx.today;
    let mode = ctx.rules.calendar;
    let mut clauses = ClauseList::default();

    let (due, days) = match governing::governing(item, schedule, today) {
        Governing::Date { due, source } => {
            let days = ctx.calendar.days_until_in(mode, today, due);
            clauses.push(Clause::Date {
                due,
                days,
                today,
                source,
                mode,
            });
            (Some(due), Some(days))
        }
        Governing::NoDate(why) => {
            clauses.push(Clause::NoDate(why));
            (None, None)
        }
    };
    if schedule.kind != ScheduleKind::Recurring
        && let Some(rule) = schedule.recurrence
    {
        // The recurring obligation beside the schedule (每年10月底前报送年度报告) lights
        // like any deadline: an unsubmitted past occurrence is overdue.
        let next = governing::governing_occurrence(rule, item, schedule.base_year, today);
        let left = ctx.calendar.days_until_in(mode, today, next);
        if left <= ctx.rules.blue_days_left {
            clauses.push(Clause::Date {
                due: next,
                days: left,
                today,
                source: DueSource::Recurrence,
                mode,
            });
        }
    }
    // The closing date blackens only what is overdue; open items not overdue at closing
    // are listed for a closing decision instead (see [`awaiting_closing_decision`]).
    if let Some(closing) = ledger.closing_date.filter(|closing| today > *closing)
        && days.is_some_and(|d| d < 0)
    {
        clauses.push(Clause::PastClosing { closing });
    }
    if ctx.rules.monthly_report
        && let Some(period) = reporting::missing_report(item, ctx.rules.report, today)
    {
        clauses.push(Clause::ReportMissing {
            period,
            today,
            last: item.last_progress(),
        });
    }
    if let Some((original_due, approved)) = late_extension(item, ledger) {
        clauses.push(Clause::LateExtension {
            original_due,
            approved,
        });
    }
    if let Some(raise) = &item.raised {
        clauses.push(Clause::Raised(raise));
    }

    let rules = ctx.rules;
    let present = &mut clauses.items[..clauses.len];
    present.sort_unstable_by_key(|c| {
        c.map(|c| (Reverse(c.colour(rules)), c.priority()))
            .unwrap_or((Reverse(Colour::None), u8::MAX))
    });
    let colour = present
        .iter()
        .flatten()
        .map(|c| c.colour(rules))
        .max()
        .unwrap_or(Colour::None);
    let mut reason = String::with_capacity(64);
    for (i, clause) in present.iter().flatten().enumerate() {
        if i > 0 {
            reason.push(';');
        }
        // Writing into a String cannot fail.
        let _ = clause.write_to(&mut reason);
    }
    Warning {
        colour,
        reason,
        due,
        days,
    }
}

/// The reading that governs `item`: `schedule` (the reading of its deadline text in force)
/// dated from its event when the date is known (see [`event`]), with its milestone
/// extensions applied (see [`extensions`]); borrowed unchanged when neither applies.
/// The detail view shows this reading, so it always matches the colour.
pub fn in_force<'a>(
    schedule: &'a Schedule,
    item: &Item,
    ledger: &Ledger,
    calendar: &WorkCalendar,
) -> Cow<'a, Schedule> {
    let dated = event::dated(schedule, item, ledger, calendar);
    match extensions::extended(&dated, item) {
        Cow::Borrowed(_) => dated,
        Cow::Owned(extended) => Cow::Owned(extended),
    }
}

/// Whether `item` needs a closing decision on `today`: the ledger's closing date has
/// passed, the item is open (not suspended) and not overdue — 长期, external, recurring or
/// not yet due. Such items are listed (`duban check`), never blackened by the date alone.
pub fn awaiting_closing_decision(
    item: &Item,
    ledger: &Ledger,
    schedule: &Schedule,
    today: NaiveDate,
) -> bool {
    let past_closing = ledger.closing_date.is_some_and(|closing| today > closing);
    let open = matches!(item.status, Status::NotStarted | Status::InProgress);
    past_closing
        && open
        && match governing::governing(item, schedule, today) {
            Governing::Date { due, .. } => due >= today,
            Governing::NoDate(_) => true,
        }
}

/// A fixed-capacity list of clauses (no heap allocation).
#[derive(Default)]
struct ClauseList<'a> {
    items: [Option<Clause<'a>>; MAX_CLAUSES],
    len: usize,
}

impl<'a> ClauseList<'a> {
    fn push(&mut self, clause: Clause<'a>) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = Some(clause);
            self.len += 1;
        }
    }
}

/// Done, accepted and suspended items are not supervised: no colour, a short reason.
fn not_supervised(item: &Item, schedule: &Schedule) -> Option<Warning> {
    let reason = match item.status {
        Status::Done | Status::Accepted => item.status.label().to_string(),
        Status::Suspended => match item.suspend_reason.as_deref().map(str::trim) {
            Some(why) if !why.is_empty() => format!("暂缓:{}", crate::text::sanitize(why)),
            _ => "暂缓".to_string(),
        },
        Status::NotStarted | Status::InProgress => return None,
    };
    Some(Warning {
        colour: Colour::None,
        reason,
        due: schedule.due(),
        days: None,
    })
}

/// The original due date and approval date of the latest extension, when it was approved
/// after that original due date had passed (`approved > original_due`).
///
/// Reading of "colours fall only when … an extension approved before the deadline is
/// recorded": an extension granted after the deadline moves the date, but the item stays
/// at least yellow (催办) until it is done. The original due date is
/// [`Extension::original_due`](super::item::Extension::original_due) when recorded, else
/// the first unmet milestone (or final date) of the extension's `original` text.
pub fn late_extension(item: &Item, ledger: &Ledger) -> Option<(NaiveDate, NaiveDate)> {
    let extension = item.extensions.last()?;
    let original_due = match extension.original_due {
        Some(due) => due,
        None => {
            let original = deadline::parse(&extension.original, ledger.base_year);
            governing::first_unmet(item, &original)
                .map(|(_, due)| due)
                .or_else(|| original.due())?
        }
    };
    (extension.date > original_due).then_some((original_due, extension.date))
}

#[cfg(test)]
mod tests;
