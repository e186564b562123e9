//! The working-day calendar: Chinese statutory holidays and 调休 make-up days.
//!
//! The bundled data (the `chinese_holiday` crate) covers 2004-01-01 ..= 2026-12-25;
//! outside that range Monday–Friday are working days. A workspace's `holidays.ron`
//! (see [`overrides`]) adds or corrects days, and always wins.
//!
//! Counting rule, used everywhere (warning thresholds, notices):
//! - days **left** until `due` = the number of counting days `d` with `today < d <= due`
//!   (so a deadline due today has 0 days left, and tomorrow's has 1);
//! - days **overdue** = the number of counting days `d` with `due < d <= today`
//!   (so the first working day after the deadline makes an item 1 day overdue).
//!
//! "Counting days" are working days in [`CalendarMode::WorkingDays`] and every
//! day in [`CalendarMode::CalendarDays`]. Counting is O(1) plus the overrides inside the
//! range (a precomputed prefix sum over the bundled years), so it is cheap enough to
//! run for every item on every frame.

mod bundled;
pub mod overrides;

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::ops::Bound::{Excluded, Included};

use super::workspace::CalendarMode;

pub use bundled::{BUNDLED_FIRST, BUNDLED_LAST};
pub use overrides::{OverrideError, parse_overrides};

/// Counts days between dates, in working days (Chinese calendar) or calendar days.
#[derive(Debug, Clone, Default)]
pub struct WorkCalendar {
    /// Working days or calendar days.
    pub mode: CalendarMode,
    /// Workspace overrides: date → is it a working day.
    pub overrides: BTreeMap<NaiveDate, bool>,
}

impl WorkCalendar {
    /// A calendar on the bundled holiday data.
    pub fn new(mode: CalendarMode) -> Self {
        WorkCalendar {
            mode,
            overrides: BTreeMap::new(),
        }
    }

    /// A working-day calendar with the overrides of a `holidays.ron` text
    /// (format in [`overrides`]); set [`WorkCalendar::mode`] afterwards if needed.
    pub fn from_override_ron(text: &str) -> Result<Self, OverrideError> {
        Ok(WorkCalendar {
            mode: CalendarMode::WorkingDays,
            overrides: parse_overrides(text)?,
        })
    }

    /// The same calendar counting in `mode`.
    pub fn with_mode(mut self, mode: CalendarMode) -> Self {
        self.mode = mode;
        self
    }

    /// Whether `date` is a working day: an override if there is one, else the bundled
    /// holiday data (Monday–Friday outside 2004..=2026). Independent of [`Self::mode`].
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if let Some(v) = self.overrides.get(&date) {
            return *v;
        }
        bundled::base_is_working(date)
    }

    /// Whether the bundled data knows `date`'s holidays (else only weekends and overrides count).
    pub fn is_bundled(date: NaiveDate) -> bool {
        (BUNDLED_FIRST..=BUNDLED_LAST).contains(&date)
    }

    /// Signed days from `today` to `due` in this calendar's mode: days left (positive)
    /// when `due` is after today, days overdue (negative) when before; 0 when due today
    /// (or when no counting day lies between). See the module doc for the exact rule.
    pub fn working_days_until(&self, today: NaiveDate, due: NaiveDate) -> i64 {
        self.days_until_in(self.mode, today, due)
    }

    /// [`Self::working_days_until`] counted in `mode` instead of this calendar's own mode.
    pub fn days_until_in(&self, mode: CalendarMode, today: NaiveDate, due: NaiveDate) -> i64 {
        if due >= today {
            self.count_in(mode, today, due)
        } else {
            -self.count_in(mode, due, today)
        }
    }

    /// The number of counting days `d` with `after < d <= through` in `mode`
    /// (0 when `through <= after`).
    pub fn count_in(&self, mode: CalendarMode, after: NaiveDate, through: NaiveDate) -> i64 {
        if through <= after {
            return 0;
        }
        match mode {
            CalendarMode::CalendarDays => (through - after).num_days(),
            CalendarMode::WorkingDays => self.count_working_days(after, through),
        }
    }

    /// The `n`-th counting day after `date` in this calendar's mode (`n = 0` gives `date`),
    /// e.g. the reply date of a notice "限3个工作日内". None past the last representable date.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day = day.succ_opt()?;
            if self.mode == CalendarMode::CalendarDays || self.is_working_day(day) {
                left -= 1;
            }
        }
        Some(day)
    }

    /// The number of working days `d` with `after < d <= through` (0 when `through <= after`).
    pub fn count_working_days(&self, after: NaiveDate, through: NaiveDate) -> i64 {
        if through <= after {
            return 0;
        }
        let mut count = bundled::base_working_prefix(through) - bundled::base_working_prefix(after);
        for (date, working) in self.overrides.range((Excluded(after), Included(through))) {
            count += *working as i64 - bundled::base_is_working(*date) as i64;
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[rstest]
    #[case(d(2023, 9, 28), true)] // Thursday before the holiday
    #[case(d(2023, 9, 29), false)] // 中秋
    #[case(d(2023, 10, 2), false)] // 国庆, a Monday
    #[case(d(2023, 10, 6), false)]
    #[case(d(2023, 10, 7), true)] // 调休 Saturday
    #[case(d(2023, 10, 8), true)] // 调休 Sunday
    #[case(d(2023, 10, 14), false)] // plain Saturday
    #[case(d(2024, 2, 4), true)] // 春节调休 Sunday
    #[case(d(2030, 1, 1), true)] // Tuesday, no bundled data: Mon–Fri
    #[case(d(1999, 12, 31), true)] // Friday before the bundled range
    fn working_days_on_the_bundled_calendar(#[case] date: NaiveDate, #[case] working: bool) {
        let cal = WorkCalendar::new(CalendarMode::WorkingDays);
        assert_eq!(cal.is_working_day(date), working, "{date}");
    }

    #[rstest]
    // National Day 2023: 09-29..10-06 off, 10-07 and 10-08 worked.
    #[case(d(2023, 9, 28), d(2023, 10, 6), 0)]
    #[case(d(2023, 9, 28), d(2023, 10, 7), 1)]
    #[case(d(2023, 9, 28), d(2023, 10, 9), 3)]
    #[case(d(2023, 10, 9), d(2023, 10, 9), 0)]
    #[case(d(2023, 10, 9), d(2023, 9, 28), -3)]
    #[case(d(2023, 1, 1), d(2023, 12, 31), 249)] // 2023 had 249 official working days
    fn signed_working_days(#[case] today: NaiveDate, #[case] due: NaiveDate, #[case] days: i64) {
        let cal = WorkCalendar::new(CalendarMode::WorkingDays);
        assert_eq!(cal.working_days_until(today, due), days);
    }

    #[test]
    fn calendar_days_mode_counts_every_day() {
        let cal = WorkCalendar::new(CalendarMode::CalendarDays);
        assert_eq!(cal.working_days_until(d(2023, 9, 28), d(2023, 10, 9)), 11);
        assert_eq!(cal.working_days_until(d(2023, 10, 9), d(2023, 9, 28)), -11);
        assert_eq!(cal.working_days_until(d(2023, 10, 9), d(2023, 10, 9)), 0);
    }

    #[test]
    fn overrides_win_and_are_counted() {
        let cal = WorkCalendar::from_override_ron(
            "(holidays: [\"2027-01-01\", \"2023-10-09\"], workdays: [\"2027-01-02\"])",
        )
        .expect("valid");
        assert!(!cal.is_working_day(d(2027, 1, 1))); // Friday made a holiday
        assert!(cal.is_working_day(d(2027, 1, 2))); // Saturday made a workday
        assert!(!cal.is_working_day(d(2023, 10, 9))); // corrects bundled data too
        assert_eq!(cal.count_working_days(d(2026, 12, 31), d(2027, 1, 4)), 2);
        assert_eq!(cal.count_working_days(d(2023, 9, 28), d(2023, 10, 9)), 2);
    }

    #[rstest]
    #[case(CalendarMode::WorkingDays, d(2023, 9, 28), 1, d(2023, 10, 7))] // over 国庆 to 调休 Sat
    #[case(CalendarMode::WorkingDays, d(2023, 9, 28), 3, d(2023, 10, 9))]
    #[case(CalendarMode::WorkingDays, d(2023, 10, 13), 0, d(2023, 10, 13))]
    #[case(CalendarMode::CalendarDays, d(2023, 9, 28), 3, d(2023, 10, 1))]
    fn adding_working_days(
        #[case] mode: CalendarMode,
        #[case] from: NaiveDate,
        #[case] n: u32,
        #[case] expected: NaiveDate,
    ) {
        let cal = WorkCalendar::new(mode);
        assert_eq!(cal.add_working_days(from, n), Some(expected));
        assert_eq!(cal.working_days_until(from, expected), n as i64);
    }

    fn naive_count(cal: &WorkCalendar, after: NaiveDate, through: NaiveDate) -> i64 {
        after
            .iter_days()
            .skip(1)
            .take_while(|x| *x <= through)
            .filter(|x| cal.is_working_day(*x))
            .count() as i64
    }

    proptest! {
        #[test]
        fn prefix_counting_matches_day_by_day(
            start in -2000i64..12000,
            len in 0i64..800,
            holiday in 0i64..800,
            workday in 0i64..800,
        ) {
            let origin = d(2000, 1, 1);
            let after = origin + chrono::Duration::days(start);
            let through = after + chrono::Duration::days(len);
            let mut cal = WorkCalendar::new(CalendarMode::WorkingDays);
            cal.overrides.insert(after + chrono::Duration::days(holiday), false);
            cal.overrides.insert(after + chrono::Duration::days(workday + 1), true);
            prop_assert_eq!(cal.count_working_days(after, through), naive_count(&cal, after, through));
            prop_assert_eq!(cal.working_days_until(through, after), -naive_count(&cal, after, through));
        }
    }
}
