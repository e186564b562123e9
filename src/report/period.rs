//! A report period: one calendar month (`--period YYYY-MM`).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::domain::deadline::month_end;

/// One calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Period {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

impl Period {
    /// The month containing `date`.
    pub fn of(date: NaiveDate) -> Period {
        Period {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Parse `YYYY-MM`; None for anything else.
    pub fn parse(text: &str) -> Option<Period> {
        let (y, m) = text.trim().split_once('-')?;
        let year: i32 = y.parse().ok()?;
        let month: u32 = m.parse().ok()?;
        let period = Period { year, month };
        (y.len() == 4 && (1..=12).contains(&month) && period.first().is_some()).then_some(period)
    }

    /// The first day.
    pub fn first(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    /// The last day.
    pub fn last(self) -> Option<NaiveDate> {
        month_end(self.year, self.month)
    }

    /// The following month.
    pub fn next(self) -> Period {
        if self.month == 12 {
            Period {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Period {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// 2023年6月.
    pub fn chinese(self) -> String {
        format!("{}年{}月", self.year, self.month)
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_and_step() {
        let p = Period::parse("2023-06").expect("valid");
        assert_eq!(p.to_string(), "2023-06");
        assert_eq!(p.last(), NaiveDate::from_ymd_opt(2023, 6, 30));
        assert_eq!(
            Period::parse("2023-12").map(Period::next),
            Period::parse("2024-01")
        );
        for bad in ["2023-13", "2023-0", "23-06", "2023/06", "六月", ""] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }
}
