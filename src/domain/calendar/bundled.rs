//! The bundled holiday data (the `chinese_holiday` crate), precomputed once as prefix sums.
//!
//! The crate answers one date at a time and panics outside its range, so every
//! lookup goes through [`base_is_working`] / [`base_working_prefix`], which fall
//! back to Monday–Friday outside [`BUNDLED_FIRST`]`..=`[`BUNDLED_LAST`].

use chinese_holiday::{Ymd, chinese_holiday};
use chrono::{Datelike, NaiveDate};
use std::sync::OnceLock;

/// The first day the bundled data covers.
pub const BUNDLED_FIRST: NaiveDate = match NaiveDate::from_ymd_opt(2004, 1, 1) {
    Some(d) => d,
    None => panic!("valid constant date"),
};

/// The last day the bundled data covers (the crate stops at 2026-12-25).
pub const BUNDLED_LAST: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 25) {
    Some(d) => d,
    None => panic!("valid constant date"),
};

/// Per-day corrections of the Monday–Friday rule over the bundled range.
struct Corrections {
    /// `prefix[i]` = Σ over the first `i + 1` bundled days of (bundled working − weekday working).
    prefix: Vec<i32>,
}

fn corrections() -> &'static Corrections {
    static TABLE: OnceLock<Corrections> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut prefix = Vec::with_capacity(9000);
        let mut running = 0i32;
        let mut day = BUNDLED_FIRST;
        while day <= BUNDLED_LAST {
            running += bundled_is_working(day) as i32 - is_weekday(day) as i32;
            prefix.push(running);
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        Corrections { prefix }
    })
}

/// Ask the crate; only called for dates inside the bundled range.
fn bundled_is_working(day: NaiveDate) -> bool {
    // The range check above guarantees the year fits in u16 and the crate's assert holds.
    let ymd = Ymd::new(day.year() as u16, day.month() as u8, day.day() as u8);
    chinese_holiday(ymd).is_workday()
}

/// Monday to Friday.
pub fn is_weekday(day: NaiveDate) -> bool {
    day.weekday().num_days_from_monday() < 5
}

/// Whether `day` is a working day on the bundled calendar (Mon–Fri outside its range).
pub fn base_is_working(day: NaiveDate) -> bool {
    if (BUNDLED_FIRST..=BUNDLED_LAST).contains(&day) {
        bundled_is_working(day)
    } else {
        is_weekday(day)
    }
}

/// A cumulative count of working days up to and including `day` (from an arbitrary origin).
///
/// Only differences are meaningful: the number of working days `d` with
/// `a < d <= b` is `base_working_prefix(b) - base_working_prefix(a)`. O(1).
pub fn base_working_prefix(day: NaiveDate) -> i64 {
    weekday_prefix(day) + correction_prefix(day)
}

/// Mon–Fri days up to and including `day`, counted from 0001-01-01 (a Monday).
fn weekday_prefix(day: NaiveDate) -> i64 {
    // Day index k = 0 for 0001-01-01; weekdays are k mod 7 in 0..5.
    let count = day.num_days_from_ce() as i64; // days with index < count are 0..count
    5 * count.div_euclid(7) + count.rem_euclid(7).min(5)
}

fn correction_prefix(day: NaiveDate) -> i64 {
    let table = &corrections().prefix;
    if day < BUNDLED_FIRST {
        0
    } else if day > BUNDLED_LAST {
        table.last().copied().unwrap_or(0) as i64
    } else {
        table[(day - BUNDLED_FIRST).num_days() as usize] as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn weekday_prefix_counts_single_days() {
        // 2023-10-09 is a Monday, 2023-10-14 a Saturday.
        assert_eq!(
            weekday_prefix(d(2023, 10, 9)) - weekday_prefix(d(2023, 10, 8)),
            1
        );
        assert_eq!(
            weekday_prefix(d(2023, 10, 14)) - weekday_prefix(d(2023, 10, 13)),
            0
        );
        assert_eq!(weekday_prefix(d(1, 1, 1)), 1);
    }

    #[test]
    fn bundled_range_edges_do_not_panic() {
        assert!(!base_is_working(d(2004, 1, 1))); // 元旦
        assert!(base_is_working(d(2026, 12, 25))); // Friday, last bundled day
        assert!(!base_is_working(d(2026, 12, 26))); // Saturday, fallback
        assert!(base_is_working(d(2003, 12, 31))); // Wednesday, fallback
        assert!(base_is_working(d(2027, 10, 1))); // Friday: no 2027 data bundled
    }
}
