//! The reporting cadence: which period's progress report is due, and whether it is missing.
//!
//! PRODUCT.md: a report is missing when the last period whose report day has passed has no
//! progress entry dated inside that period or later. Monthly at month end, on 06-26 a note
//! of 05-25 is May's report; on 07-03 June's report is missing unless a note is dated 06-01
//! or later.

use chrono::{Datelike, Duration, NaiveDate};
use std::fmt::{self, Write};

use crate::domain::deadline::month_end;
use crate::domain::item::Item;
use crate::domain::workspace::{ReportCadence, ReportEvery};

/// One reporting period and the day its report is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportPeriod {
    /// The cadence it belongs to.
    pub every: ReportEvery,
    /// Its first day.
    pub start: NaiveDate,
    /// Its last day.
    pub end: NaiveDate,
    /// The day its report is due (a note on or before it, dated in the period, is on time).
    pub report_by: NaiveDate,
}

impl ReportPeriod {
    /// Name the period in Chinese as a reason does ("5月", "6月上半月", "2023年第二季度",
    /// "6月19日至6月25日当周"); the year is written when it is not `today`'s.
    pub fn write_name(&self, out: &mut String, today: NaiveDate) -> fmt::Result {
        let start = self.start;
        if start.year() != today.year() || self.every == ReportEvery::Quarterly {
            write!(out, "{}年", start.year())?;
        }
        match self.every {
            ReportEvery::Monthly => write!(out, "{}月", start.month()),
            ReportEvery::HalfMonthly => {
                let half = if start.day() == 1 { "上" } else { "下" };
                write!(out, "{}月{half}半月", start.month())
            }
            ReportEvery::Weekly => write!(
                out,
                "{}月{}日至{}月{}日当周",
                start.month(),
                start.day(),
                self.end.month(),
                self.end.day()
            ),
            ReportEvery::Quarterly => {
                let q = ["一", "二", "三", "四"][((start.month() - 1) / 3) as usize];
                write!(out, "第{q}季度")
            }
        }
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The day `day` of a month, clamped to its last day (`None` = the last day).
fn day_in(y: i32, m: u32, day: Option<u32>) -> Option<NaiveDate> {
    let end = month_end(y, m)?;
    match day {
        None => Some(end),
        Some(d) => ymd(y, m, d.clamp(1, end.day())),
    }
}

/// The period of `cadence` that contains `date`.
pub fn period_containing(cadence: ReportCadence, date: NaiveDate) -> Option<ReportPeriod> {
    let (y, m) = (date.year(), date.month());
    let every = cadence.every;
    let (start, end, report_by) = match every {
        ReportEvery::Monthly => {
            let end = month_end(y, m)?;
            (ymd(y, m, 1)?, end, day_in(y, m, cadence.day)?)
        }
        ReportEvery::HalfMonthly => {
            if date.day() <= 15 {
                let mid = ymd(y, m, 15)?;
                (ymd(y, m, 1)?, mid, mid)
            } else {
                let end = month_end(y, m)?;
                (ymd(y, m, 16)?, end, end)
            }
        }
        ReportEvery::Weekly => {
            let start = date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
            let end = start + Duration::days(6);
            let weekday = cadence.day.unwrap_or(7).clamp(1, 7);
            (start, end, start + Duration::days(i64::from(weekday - 1)))
        }
        ReportEvery::Quarterly => {
            let first = (m - 1) / 3 * 3 + 1;
            let last = first + 2;
            (
                ymd(y, first, 1)?,
                month_end(y, last)?,
                day_in(y, last, cadence.day)?,
            )
        }
    };
    Some(ReportPeriod {
        every,
        start,
        end,
        report_by,
    })
}

/// The last period whose report day has passed on `today` (the report is due by then).
pub fn last_due_period(cadence: ReportCadence, today: NaiveDate) -> Option<ReportPeriod> {
    let current = period_containing(cadence, today)?;
    if current.report_by < today {
        return Some(current);
    }
    let previous = period_containing(cadence, current.start.pred_opt()?)?;
    if previous.report_by < today {
        Some(previous)
    } else {
        // A report day after the period's end (not configurable today): one more back.
        period_containing(cadence, previous.start.pred_opt()?)
    }
}

/// The period whose report is missing on `today`, if any: the last period whose report
/// day has passed, when no progress entry is dated inside it or later.
pub fn missing_report(
    item: &Item,
    cadence: ReportCadence,
    today: NaiveDate,
) -> Option<ReportPeriod> {
    let period = last_due_period(cadence, today)?;
    let reported = item.progress.iter().any(|p| p.date >= period.start);
    (!reported).then_some(period)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::item::ProgressEntry;
    use rstest::rstest;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn name(p: &ReportPeriod, today: &str) -> String {
        let mut s = String::new();
        p.write_name(&mut s, d(today)).expect("write");
        s
    }

    fn item_with(note: Option<&str>) -> Item {
        let mut item = Item::default();
        if let Some(date) = note {
            item.progress.push(ProgressEntry {
                date: d(date),
                author: String::new(),
                text: "进展".into(),
            });
        }
        item
    }

    fn cadence(every: ReportEvery, day: Option<u32>) -> ReportCadence {
        ReportCadence { every, day }
    }

    /// PRODUCT.md's example, monthly at month end.
    #[rstest]
    #[case("2023-06-26", Some("2023-05-25"), None)]
    #[case("2023-07-03", Some("2023-05-25"), Some("6月"))]
    #[case("2023-07-03", Some("2023-06-01"), None)]
    #[case("2023-06-30", Some("2023-05-02"), None)]
    #[case("2023-06-26", Some("2023-04-30"), Some("5月"))]
    #[case("2023-06-26", None, Some("5月"))]
    #[case("2024-01-05", Some("2023-11-20"), Some("2023年12月"))]
    fn monthly_at_month_end(
        #[case] today: &str,
        #[case] note: Option<&str>,
        #[case] missing: Option<&str>,
    ) {
        let c = cadence(ReportEvery::Monthly, None);
        let got = missing_report(&item_with(note), c, d(today)).map(|p| name(&p, today));
        assert_eq!(got.as_deref(), missing);
    }

    #[rstest]
    #[case("2023-06-25", Some("2023-04-30"), Some("5月"))]
    #[case("2023-06-25", Some("2023-05-30"), None)]
    #[case("2023-06-26", Some("2023-05-30"), Some("6月"))]
    #[case("2023-06-26", Some("2023-06-20"), None)]
    fn monthly_by_the_25th(
        #[case] today: &str,
        #[case] note: Option<&str>,
        #[case] missing: Option<&str>,
    ) {
        let c = cadence(ReportEvery::Monthly, Some(25));
        let got = missing_report(&item_with(note), c, d(today)).map(|p| name(&p, today));
        assert_eq!(got.as_deref(), missing);
    }

    #[rstest]
    #[case("2023-06-15", Some("2023-05-10"), Some("5月下半月"))]
    #[case("2023-06-15", Some("2023-05-20"), None)]
    #[case("2023-06-16", Some("2023-05-20"), Some("6月上半月"))]
    #[case("2023-06-16", Some("2023-06-02"), None)]
    #[case("2023-07-01", Some("2023-06-10"), Some("6月下半月"))]
    fn half_monthly(
        #[case] today: &str,
        #[case] note: Option<&str>,
        #[case] missing: Option<&str>,
    ) {
        let c = cadence(ReportEvery::HalfMonthly, None);
        let got = missing_report(&item_with(note), c, d(today)).map(|p| name(&p, today));
        assert_eq!(got.as_deref(), missing);
    }

    #[test]
    fn weekly_and_quarterly_name_their_period() {
        // 2023-06-26 is a Monday: last week (06-19..06-25) was due on Sunday 06-25.
        let weekly = cadence(ReportEvery::Weekly, None);
        let p = missing_report(&item_with(None), weekly, d("2023-06-26")).expect("missing");
        assert_eq!(name(&p, "2023-06-26"), "6月19日至6月25日当周");
        // Due on Friday: on Saturday the current week is due.
        let friday = cadence(ReportEvery::Weekly, Some(5));
        let p = last_due_period(friday, d("2023-06-24")).expect("period");
        assert_eq!(p.start, d("2023-06-19"));

        let quarterly = cadence(ReportEvery::Quarterly, None);
        let p = missing_report(&item_with(Some("2023-03-30")), quarterly, d("2023-07-03"))
            .expect("missing");
        assert_eq!(name(&p, "2023-07-03"), "2023年第二季度");
        assert!(
            missing_report(&item_with(Some("2023-04-01")), quarterly, d("2023-07-03")).is_none()
        );
    }
}
