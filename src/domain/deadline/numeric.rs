//! Dates written with digits and separators: `2024-11-20`, `2024.11.20`, `2024/11`, `3.31前`.

use super::expr::{MonthPart, Point, YearRef, eat_any, skip_before};
use super::numerals::read_number;

/// `2024-11-20`, `2024.11.20`, `2024/11/20` (the same separator twice), or `2024.11` / `2024/11`.
pub(crate) fn numeric_date(s: &[char], i: usize, year: u32) -> Option<(Point, usize)> {
    let sep = *s.get(i)?;
    let (month, j) = read_number(s, i + 1).filter(|(_, j)| j - (i + 1) <= 2)?;
    if !s.get(i + 1)?.is_ascii_digit() {
        return None;
    }
    if s.get(j) == Some(&sep)
        && let Some((day, k)) = read_number(s, j + 1).filter(|(_, k)| k - (j + 1) <= 2)
    {
        let k = eat_any(s, k, &["日", "号"]).unwrap_or(k);
        let (end, _) = skip_before(s, k);
        let part = MonthPart::Day(day);
        return Some((
            Point::Month {
                year: YearRef::Given(year),
                month,
                part,
            },
            end,
        ));
    }
    if sep == '-' {
        return None;
    }
    let (end, _) = skip_before(s, j);
    Some((
        Point::Month {
            year: YearRef::Given(year),
            month,
            part: MonthPart::Whole,
        },
        end,
    ))
}

/// `3.31前` / `3/31日`: month and day without a year, only with a `前`/`日`/`号` after
/// them (so that a decimal such as `3.5` is not a date).
pub(crate) fn month_day(s: &[char], i: usize, month: u32) -> Option<(Point, usize)> {
    if !s.get(i + 1)?.is_ascii_digit() {
        return None;
    }
    let (day, j) = read_number(s, i + 1).filter(|(_, j)| j - (i + 1) <= 2)?;
    let k = eat_any(s, j, &["日", "号"]).unwrap_or(j);
    let (end, before) = skip_before(s, k);
    if k == j && !before {
        return None;
    }
    let part = MonthPart::Day(day);
    let year = YearRef::Context;
    Some((Point::Month { year, month, part }, end))
}
