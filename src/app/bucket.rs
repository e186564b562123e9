//! Deadline buckets: 已逾期 / 本周 / 本月 / 下月 / 以后 / 无固定期限 (and 已完成).

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::Item;
use crate::domain::assess::Assessment;

/// Where an item's next deadline falls relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DueBucket {
    /// Open and past its deadline.
    Overdue,
    /// Due by this Sunday.
    ThisWeek,
    /// Due by the end of this month.
    ThisMonth,
    /// Due next month.
    NextMonth,
    /// Due later.
    Later,
    /// No date (长期, 按省厅要求, unparsed …).
    NoDate,
    /// Finished (done or accepted).
    Finished,
}

impl DueBucket {
    /// All buckets in display order.
    pub const ALL: [DueBucket; 7] = [
        DueBucket::Overdue,
        DueBucket::ThisWeek,
        DueBucket::ThisMonth,
        DueBucket::NextMonth,
        DueBucket::Later,
        DueBucket::NoDate,
        DueBucket::Finished,
    ];

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            DueBucket::Overdue => "已逾期",
            DueBucket::ThisWeek => "本周",
            DueBucket::ThisMonth => "本月",
            DueBucket::NextMonth => "下月",
            DueBucket::Later => "以后",
            DueBucket::NoDate => "无固定期限",
            DueBucket::Finished => "已完成",
        }
    }

    /// Classify an item by its governing date at `today`.
    pub fn classify(item: &Item, assessment: &Assessment, today: NaiveDate) -> DueBucket {
        if item.status.is_finished() {
            return DueBucket::Finished;
        }
        let Some(due) = assessment.due() else {
            return DueBucket::NoDate;
        };
        Self::of_date(due, today)
    }

    /// The bucket of an open item due on `due`.
    pub fn of_date(due: NaiveDate, today: NaiveDate) -> DueBucket {
        if due < today {
            return DueBucket::Overdue;
        }
        let to_sunday = 6 - today.weekday().num_days_from_monday() as i64;
        let sunday = today + Duration::days(to_sunday);
        let this_month_end = month_end(today.year(), today.month()).unwrap_or(today);
        let next_month_end = this_month_end
            .succ_opt()
            .and_then(|d| month_end(d.year(), d.month()))
            .unwrap_or(this_month_end);
        if due <= sunday {
            DueBucket::ThisWeek
        } else if due <= this_month_end {
            DueBucket::ThisMonth
        } else if due <= next_month_end {
            DueBucket::NextMonth
        } else {
            DueBucket::Later
        }
    }
}

/// The last day of the month of `date`.
fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).and_then(|d| d.pred_opt())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    // 2023-06-26 is a Monday.
    #[rstest]
    #[case("2023-06-25", DueBucket::Overdue)]
    #[case("2023-06-26", DueBucket::ThisWeek)]
    #[case("2023-07-02", DueBucket::ThisWeek)]
    #[case("2023-06-30", DueBucket::ThisWeek)]
    #[case("2023-07-31", DueBucket::NextMonth)]
    #[case("2023-08-01", DueBucket::Later)]
    fn buckets_follow_the_calendar(#[case] due: &str, #[case] bucket: DueBucket) {
        assert_eq!(DueBucket::of_date(d(due), d("2023-06-26")), bucket);
    }

    #[test]
    fn this_month_lies_between_this_week_and_next_month() {
        assert_eq!(
            DueBucket::of_date(d("2023-06-20"), d("2023-06-05")),
            DueBucket::ThisMonth
        );
    }
}
