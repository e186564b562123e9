//! Rates reported upward: 完成率, 按期完成率, 阶段性整改率.
//!
//! Definitions (PRODUCT.md "Rates"), for one group of items at a report date:
//! - **完成率** = closed (done or accepted) ÷ all *rated* items;
//! - **按期完成率** = items closed on time (done date ≤ final due) ÷ rated items already
//!   due (final due < report date);
//! - **阶段性整改率** = items closed ÷ rated items due by the report date (final due ≤
//!   report date) — the source's "4个月集中整改期内应完成整改30个,实际完成整改28个 … 93.3%".
//!
//! *Rated* items have a final date (a dated schedule, or a supervisor's date for an
//! external deadline) and no extension. Extended items and items without a deadline
//! (长期/持续, 按…要求 without a date, recurring, unreadable) are counted separately and
//! are never in a numerator or a denominator. Partly done items (some sub-measures
//! done, not all) stay in the denominators — they are due and not finished — and are
//! counted separately too. The separate counts may overlap (an extended item can be
//! partly done).
//!
//! The done date of a closed item is [`Item::done_on`], else its acceptance date; a
//! closed, already-due item with neither cannot be shown on time and is counted in
//! [`Rates::closed_undated`].

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::AddAssign;

use super::deadline::{Schedule, ScheduleKind};
use super::item::Item;
use super::warning::Colour;

pub mod closing;
pub mod rectification;

/// The key [`rates_by_unit`] uses for items without any unit.
pub const NO_UNIT: &str = "未指定单位";

/// The counts behind the rates of one group of items (a ledger, a unit …) at one date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Rates {
    /// Every item of the group.
    pub total: usize,
    /// Items with a final date and no extension (the rates' population).
    pub rated: usize,
    /// Rated items that are closed (done or accepted): 完成率's numerator.
    pub closed: usize,
    /// Rated items due by the report date (due ≤ report date): 阶段性整改率's denominator.
    pub due_by_report: usize,
    /// Of those, the closed ones: 阶段性整改率's numerator.
    pub closed_when_due: usize,
    /// Rated items already due (due < report date): 按期完成率's denominator.
    pub already_due: usize,
    /// Of those, closed with a done date on or before the due date: 按期完成率's numerator.
    pub closed_on_time: usize,
    /// Of those, closed but with no done or acceptance date (on time unknown).
    pub closed_undated: usize,
    /// Rated items due after the report date.
    pub not_yet_due: usize,
    /// Of those, the ones already closed (shown, never in a numerator).
    pub not_yet_due_closed: usize,
    /// Open items with some but not all sub-measures done (all items of the group).
    pub partly_done: usize,
    /// Items with an approved extension (outside the rates).
    pub extended: usize,
    /// Of those, the closed ones.
    pub extended_closed: usize,
    /// Items without a final date (outside the rates).
    pub no_deadline: usize,
    /// Of those, the closed ones.
    pub no_deadline_closed: usize,
}

impl Rates {
    /// Count one item whose governing deadline reads as `schedule`.
    pub fn add(&mut self, item: &Item, schedule: &Schedule, report_date: NaiveDate) {
        self.total += 1;
        let closed = item.status.is_finished();
        if !closed && is_partly_done(item) {
            self.partly_done += 1;
        }
        if !item.extensions.is_empty() {
            self.extended += 1;
            self.extended_closed += closed as usize;
            return;
        }
        let Some(due) = final_due(item, schedule) else {
            self.no_deadline += 1;
            self.no_deadline_closed += closed as usize;
            return;
        };
        self.rated += 1;
        self.closed += closed as usize;
        if due > report_date {
            self.not_yet_due += 1;
            self.not_yet_due_closed += closed as usize;
            return;
        }
        self.due_by_report += 1;
        self.closed_when_due += closed as usize;
        if due < report_date {
            self.already_due += 1;
            if closed {
                match done_date(item) {
                    Some(done) if done <= due => self.closed_on_time += 1,
                    Some(_) => {}
                    None => self.closed_undated += 1,
                }
            }
        }
    }

    /// 完成率: closed ÷ rated items, in percent (None when there are none).
    pub fn completion_rate(&self) -> Option<f64> {
        percent(self.closed, self.rated)
    }

    /// 按期完成率: closed on time ÷ items already due, in percent.
    pub fn on_time_rate(&self) -> Option<f64> {
        percent(self.closed_on_time, self.already_due)
    }

    /// 阶段性整改率: closed ÷ items due by the report date, in percent.
    pub fn phase_rate(&self) -> Option<f64> {
        percent(self.closed_when_due, self.due_by_report)
    }

    /// One line for reports, e.g.
    /// `完成率 90.9%(20/22);按期完成率 …;阶段性整改率 100%(19/19);另:部分完成2项`.
    pub fn summary(&self) -> String {
        let mut line = format!(
            "完成率 {}({}/{});按期完成率 {}({}/{});阶段性整改率 {}({}/{})",
            format_percent(self.completion_rate()),
            self.closed,
            self.rated,
            format_percent(self.on_time_rate()),
            self.closed_on_time,
            self.already_due,
            format_percent(self.phase_rate()),
            self.closed_when_due,
            self.due_by_report,
        );
        let separate = [
            ("未到期", self.not_yet_due),
            ("部分完成", self.partly_done),
            ("已延期", self.extended),
            ("无固定期限", self.no_deadline),
            ("完成日期未记录", self.closed_undated),
        ];
        let mut first = true;
        for (label, count) in separate.into_iter().filter(|(_, n)| *n > 0) {
            line.push_str(if first { ";另:" } else { "," });
            line.push_str(&format!("{label}{count}项"));
            first = false;
        }
        line
    }
}

impl AddAssign for Rates {
    fn add_assign(&mut self, other: Rates) {
        self.total += other.total;
        self.rated += other.rated;
        self.closed += other.closed;
        self.due_by_report += other.due_by_report;
        self.closed_when_due += other.closed_when_due;
        self.already_due += other.already_due;
        self.closed_on_time += other.closed_on_time;
        self.closed_undated += other.closed_undated;
        self.not_yet_due += other.not_yet_due;
        self.not_yet_due_closed += other.not_yet_due_closed;
        self.partly_done += other.partly_done;
        self.extended += other.extended;
        self.extended_closed += other.extended_closed;
        self.no_deadline += other.no_deadline;
        self.no_deadline_closed += other.no_deadline_closed;
    }
}

/// The rates of a group of items (e.g. one ledger) at `report_date`.
pub fn rates_for<'a>(
    entries: impl IntoIterator<Item = (&'a Item, &'a Schedule)>,
    report_date: NaiveDate,
) -> Rates {
    let mut rates = Rates::default();
    for (item, schedule) in entries {
        rates.add(item, schedule, report_date);
    }
    rates
}

/// The rates per unit: each item counts for every one of its units (lead unit and
/// responsible units); items without a unit go under [`NO_UNIT`].
pub fn rates_by_unit<'a>(
    entries: impl IntoIterator<Item = (&'a Item, &'a Schedule)>,
    report_date: NaiveDate,
) -> BTreeMap<String, Rates> {
    let mut by_unit: BTreeMap<String, Rates> = BTreeMap::new();
    for (item, schedule) in entries {
        let units = item.all_units();
        if units.is_empty() {
            by_unit
                .entry(NO_UNIT.to_string())
                .or_default()
                .add(item, schedule, report_date);
        }
        for unit in units {
            by_unit
                .entry(unit.to_string())
                .or_default()
                .add(item, schedule, report_date);
        }
    }
    by_unit
}

/// How many items have each colour, indexed like [`Colour::BY_SEVERITY`]
/// (黑, 红, 黄, 蓝, none) — the counts of the overdue lists of a report.
pub fn count_by_colour(colours: impl IntoIterator<Item = Colour>) -> [usize; 5] {
    let mut counts = [0; 5];
    for colour in colours {
        if let Some(i) = Colour::BY_SEVERITY.iter().position(|c| *c == colour) {
            counts[i] += 1;
        }
    }
    counts
}

/// `n ÷ d` in percent, or None when `d` is 0.
pub fn percent(n: usize, d: usize) -> Option<f64> {
    (d > 0).then(|| n as f64 * 100.0 / d as f64)
}

/// A percentage as the source prints it: one decimal, none when whole
/// (28/30 → "93.3%", 19/19 → "100%"); "—" when there is nothing to rate.
pub fn format_percent(value: Option<f64>) -> String {
    match value {
        None => "—".to_string(),
        Some(v) => {
            let tenths = (v * 10.0).round();
            if tenths % 10.0 == 0.0 {
                format!("{:.0}%", tenths / 10.0)
            } else {
                format!("{:.1}%", tenths / 10.0)
            }
        }
    }
}

/// The final date an item is rated against: the last milestone of a dated schedule, or
/// the supervisor's date of an external deadline; None for items without a deadline.
pub fn final_due(item: &Item, schedule: &Schedule) -> Option<NaiveDate> {
    match schedule.kind {
        ScheduleKind::Dated => schedule.due(),
        ScheduleKind::External => item.due_override,
        ScheduleKind::Ongoing | ScheduleKind::Recurring | ScheduleKind::Unparsed => None,
    }
}

/// The day a closed item was finished: its done date, else its acceptance date.
pub fn done_date(item: &Item) -> Option<NaiveDate> {
    item.done_on.or(item.acceptance.as_ref().map(|a| a.date))
}

/// Some but not all sub-measures are done.
pub fn is_partly_done(item: &Item) -> bool {
    let done = item.sub_measures.iter().filter(|m| m.done).count();
    done > 0 && done < item.sub_measures.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(28, 30, "93.3%")]
    #[case(19, 19, "100%")]
    #[case(1, 3, "33.3%")]
    #[case(2, 3, "66.7%")]
    #[case(1, 8, "12.5%")]
    #[case(1, 2, "50%")]
    #[case(0, 7, "0%")]
    #[case(0, 0, "—")]
    fn percentages_print_like_the_source(#[case] n: usize, #[case] d: usize, #[case] text: &str) {
        assert_eq!(format_percent(percent(n, d)), text);
    }
}
