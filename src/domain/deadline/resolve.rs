//! Turning a recognised expression into dates, given the context year.

use chrono::{Datelike, NaiveDate};

use super::expr::{Expr, MonthPart, Point, YearPart, YearRef};
use super::schedule::{Recurrence, month_end};

/// The earliest and latest year a deadline may name.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// What one expression means in dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// A milestone date (with a start for ranges and whole months).
    Milestone {
        start: Option<NaiveDate>,
        due: NaiveDate,
        meaning: String,
        note: Option<String>,
    },
    /// A recurring rule.
    Recurring(Recurrence, Option<String>),
    /// 全年: ongoing until this year end.
    FullYear(NaiveDate),
}

/// One point's dates: the first day it covers, its due day, and how it reads.
struct Span {
    first: NaiveDate,
    due: NaiveDate,
    whole_month: bool,
    meaning: String,
    note: Option<String>,
}

/// Resolve an expression; `Err` carries a Chinese note saying what is invalid.
pub(crate) fn resolve(expr: &Expr, ctx_year: i32) -> Result<Resolved, String> {
    match expr {
        Expr::Recurring(rec, note) => Ok(Resolved::Recurring(*rec, note.clone())),
        Expr::Festival(f) => {
            let day = f.date(ctx_year)?;
            let due = day
                .pred_opt()
                .ok_or_else(|| format!("年份 {ctx_year} 无效"))?;
            let source = if f.is_lunar() {
                "农历节日,取内置节日表"
            } else {
                "固定日期"
            };
            Ok(Resolved::Milestone {
                start: None,
                due,
                meaning: format!("{}({day})前一天", f.name()),
                note: Some(format!(
                    "“{}节前”按{ctx_year}年{}({day},{source})的前一天即 {due} 理解",
                    f.name(),
                    f.name()
                )),
            })
        }
        Expr::WithinYears(n) => {
            let y = year_of(YearRef::Context, ctx_year)?.saturating_add(*n as i32 - 1);
            let y = year_of(YearRef::Given(y.max(0) as u32), ctx_year)?;
            let due = ymd(y, 12, 31)?;
            Ok(Resolved::Milestone {
                start: None,
                due,
                meaning: format!("第{n}年(含当年)最后一天"),
                note: Some(format!("“{n}年内”把{ctx_year}年算作第一年,按 {due} 前理解")),
            })
        }
        Expr::FullYear(year) => {
            let y = year_of(*year, ctx_year)?;
            Ok(Resolved::FullYear(ymd(y, 12, 31)?))
        }
        Expr::Point(p) => {
            let span = span(p, ctx_year)?;
            Ok(Resolved::Milestone {
                start: span.whole_month.then_some(span.first),
                due: span.due,
                meaning: span.meaning,
                note: span.note,
            })
        }
        Expr::Range(a, b) => {
            let (a, b) = inherit(*a, *b)?;
            let from = span(&a, ctx_year)?;
            let to = span(&b, from.due.year())?;
            if from.first > to.due {
                return Err(format!(
                    "起始日期 {} 晚于截止日期 {},请检查区间",
                    from.first, to.due
                ));
            }
            let note = match (from.note, to.note) {
                (Some(x), Some(y)) => Some(format!("{x};{y}")),
                (x, y) => x.or(y),
            };
            Ok(Resolved::Milestone {
                start: Some(from.first),
                due: to.due,
                meaning: format!("区间,自 {} 起至 {} 止", from.first, to.due),
                note,
            })
        }
    }
}

/// Complete the two ends of a range from each other (`4-10月`, `2023年3月-6月`, `11月1-20日`).
fn inherit(a: Point, b: Point) -> Result<(Point, Point), String> {
    let invalid = || "区间的写法无法识别".to_string();
    let a = match (a, b) {
        (Point::Bare(n), Point::Year { year, part }) => match part {
            YearPart::Quarter(_) => Point::Year {
                year,
                part: YearPart::Quarter(n),
            },
            _ => Point::Year {
                year: YearRef::Given(n),
                part: YearPart::Whole,
            },
        },
        (Point::Bare(n), Point::Month { year, .. }) => Point::Month {
            year,
            month: n,
            part: MonthPart::Whole,
        },
        (Point::Bare(_), _) | (Point::DayOnly(_), _) => return Err(invalid()),
        (a, _) => a,
    };
    let b = match (a, b) {
        (Point::Month { year, month, .. }, Point::DayOnly(d)) => Point::Month {
            year,
            month,
            part: MonthPart::Day(d),
        },
        (_, Point::DayOnly(_)) | (_, Point::Bare(_)) => return Err(invalid()),
        (
            Point::Month { year, .. } | Point::Year { year, .. },
            Point::Month {
                year: YearRef::Context,
                month,
                part,
            },
        ) => Point::Month { year, month, part },
        (_, b) => b,
    };
    Ok((a, b))
}

fn year_of(year: YearRef, ctx_year: i32) -> Result<i32, String> {
    let y = match year {
        YearRef::Given(y) => i32::try_from(y).unwrap_or(i32::MAX),
        YearRef::Context => ctx_year,
        YearRef::Next => ctx_year.saturating_add(1),
    };
    if YEARS.contains(&y) {
        Ok(y)
    } else {
        Err(format!("年份 {y} 超出可识别范围(1900–2200)"))
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("{y}年{m}月没有{d}日"))
}

fn end_of(y: i32, m: u32) -> Result<NaiveDate, String> {
    month_end(y, m).ok_or_else(|| format!("月份 {m} 无效(应为1–12)"))
}

fn span(p: &Point, ctx_year: i32) -> Result<Span, String> {
    let plain = |first, due, meaning: &str| Span {
        first,
        due,
        whole_month: false,
        meaning: meaning.to_string(),
        note: None,
    };
    match *p {
        Point::Year { year, part } => {
            let y = year_of(year, ctx_year)?;
            let jan1 = ymd(y, 1, 1)?;
            let dec31 = ymd(y, 12, 31)?;
            Ok(match part {
                YearPart::Whole => plain(jan1, dec31, "当年最后一天(12月31日)"),
                YearPart::End => plain(jan1, dec31, "当年最后一天(12月31日)"),
                YearPart::Before => Span {
                    note: Some(format!("“{y}年前”有歧义,按“{y}年底前”即 {dec31} 理解")),
                    ..plain(jan1, dec31, "按当年12月31日理解")
                },
                YearPart::Start => Span {
                    note: Some("“年初”按第一季度末(3月31日)理解".to_string()),
                    ..plain(jan1, ymd(y, 3, 31)?, "按第一季度末即3月31日理解")
                },
                YearPart::Mid => Span {
                    note: Some("“年中”按6月30日理解".to_string()),
                    ..plain(jan1, ymd(y, 6, 30)?, "年中,即6月30日")
                },
                YearPart::FirstHalf => plain(jan1, ymd(y, 6, 30)?, "上半年末(6月30日)"),
                YearPart::SecondHalf => plain(ymd(y, 7, 1)?, dec31, "下半年末(12月31日)"),
                YearPart::Quarter(q) => {
                    if !(1..=4).contains(&q) {
                        return Err(format!("季度 {q} 无效(应为1–4)"));
                    }
                    let first = ymd(y, q * 3 - 2, 1)?;
                    let due = end_of(y, q * 3)?;
                    plain(first, due, "该季度最后一天")
                }
            })
        }
        Point::Month { year, month, part } => {
            let y = year_of(year, ctx_year)?;
            if !(1..=12).contains(&month) {
                return Err(format!("月份 {month} 无效(应为1–12)"));
            }
            let first = ymd(y, month, 1)?;
            let end = end_of(y, month)?;
            Ok(match part {
                MonthPart::Whole => Span {
                    whole_month: true,
                    ..plain(first, end, "整月,当月1日至最后一天")
                },
                MonthPart::End => plain(end, end, "当月最后一天"),
                MonthPart::Late => plain(ymd(y, month, 21)?, end, "下旬末,即当月最后一天"),
                MonthPart::Early => plain(first, ymd(y, month, 10)?, "上旬末,即当月10日"),
                MonthPart::MidDecade => {
                    plain(ymd(y, month, 11)?, ymd(y, month, 20)?, "中旬末,即当月20日")
                }
                MonthPart::Middle => {
                    let mid = ymd(y, month, 15)?;
                    plain(mid, mid, "月中,即当月15日")
                }
                MonthPart::Day(d) => {
                    let day = NaiveDate::from_ymd_opt(y, month, d)
                        .ok_or_else(|| format!("{y}年{month}月没有{d}日"))?;
                    plain(day, day, "指定日期")
                }
                MonthPart::Before => Span {
                    note: Some(format!("“{month}月前”有歧义,按“{month}月底前”理解")),
                    ..plain(first, end, "按当月最后一天理解")
                },
            })
        }
        Point::DayOnly(_) | Point::Bare(_) => Err("单独的日或数字无法确定日期".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_year_is_an_error() {
        let p = Point::Year {
            year: YearRef::Given(3000),
            part: YearPart::Whole,
        };
        assert!(resolve(&Expr::Point(p), 2023).unwrap_err().contains("3000"));
    }

    #[test]
    fn reversed_range_is_an_error() {
        let a = Point::Bare(10);
        let b = Point::Month {
            year: YearRef::Context,
            month: 4,
            part: MonthPart::Whole,
        };
        assert!(resolve(&Expr::Range(a, b), 2023).is_err());
    }
}
