//! The parts of a warning's reason, each with the colour it asks for.
//!
//! The engine collects the clauses that apply, sorts them by colour (most severe first),
//! and writes them into one string separated by `;`, so the reason always starts with
//! the rule that set the colour. Ledger text quoted in a reason (a raise reason, a
//! milestone label, the words of an external deadline) is passed through
//! [`sanitize`], so a reason is always one line without control characters.

use chrono::NaiveDate;
use std::fmt::{self, Write};

use super::Colour;
use super::governing::{DueSource, NoDate};
use super::reporting::ReportPeriod;
use crate::domain::item::ManualRaise;
use crate::domain::workspace::{CalendarMode, WarningRules};
use crate::text::sanitize;

/// One reason for a colour.
#[derive(Debug, Clone, Copy)]
pub enum Clause<'a> {
    /// Open past the ledger's closing date.
    PastClosing {
        /// The ledger's closing date.
        closing: NaiveDate,
    },
    /// The governing date and the signed days to it (negative = overdue).
    Date {
        /// The governing date.
        due: NaiveDate,
        /// Days left (positive) or overdue (negative).
        days: i64,
        /// Today.
        today: NaiveDate,
        /// Where the date comes from.
        source: DueSource<'a>,
        /// The day unit.
        mode: CalendarMode,
    },
    /// No date governs the colour.
    NoDate(NoDate<'a>),
    /// The progress report of a period is missing.
    ReportMissing {
        /// The period whose report is missing.
        period: ReportPeriod,
        /// Today (the period's year is written when it differs).
        today: NaiveDate,
        /// The most recent progress date, if any.
        last: Option<NaiveDate>,
    },
    /// An extension was approved after the original deadline had passed.
    LateExtension {
        /// The original governing due date.
        original_due: NaiveDate,
        /// The day the extension was approved.
        approved: NaiveDate,
    },
    /// A supervisor raised the colour by hand.
    Raised(&'a ManualRaise),
}

impl Clause<'_> {
    /// The colour this clause asks for under `rules`.
    pub fn colour(&self, rules: &WarningRules) -> Colour {
        match *self {
            Clause::PastClosing { .. } => Colour::Black,
            Clause::Date { days, .. } => date_colour(days, rules),
            Clause::NoDate(_) => Colour::None,
            Clause::ReportMissing { .. } | Clause::LateExtension { .. } => Colour::Yellow,
            Clause::Raised(raise) => raise.colour,
        }
    }

    /// Tie-break among clauses of the same colour: lower is written first.
    pub fn priority(&self) -> u8 {
        match self {
            Clause::PastClosing { .. } => 0,
            Clause::Date { .. } => 1,
            Clause::Raised(_) => 2,
            Clause::ReportMissing { .. } => 3,
            Clause::LateExtension { .. } => 4,
            Clause::NoDate(_) => 5,
        }
    }

    /// Write the clause in Chinese.
    pub fn write_to(&self, out: &mut String) -> fmt::Result {
        match *self {
            Clause::PastClosing { closing } => write!(out, "已过台账结项日期({closing})仍未完成"),
            Clause::Date {
                due,
                days,
                today,
                source,
                mode,
            } => write_date(out, due, days, today, source, mode),
            Clause::NoDate(why) => match why {
                NoDate::AllMilestonesMet => out.write_str("各阶段均已完成,待确认完成"),
                NoDate::External(words) => write!(out, "{},尚未设定期限", sanitize(words.trim())),
                NoDate::Waiting { words, assumed } => {
                    write!(out, "有期限部分已完成,其余等待:{}", sanitize(words.trim()))?;
                    if assumed {
                        out.write_str("(未完成的措施视为待外部条件部分)")?;
                    }
                    Ok(())
                }
                NoDate::Ongoing => out.write_str("长期推进,无截止日期"),
                NoDate::Unparsed(_) => out.write_str("期限未能识别"),
                NoDate::Missing => out.write_str("未设定期限"),
            },
            Clause::ReportMissing {
                period,
                today,
                last,
            } => {
                period.write_name(out, today)?;
                match last {
                    Some(last) => write!(out, "未报送进展(最近进展{last})"),
                    None => out.write_str("未报送进展(从未报送)"),
                }
            }
            Clause::LateExtension {
                original_due,
                approved,
            } => write!(out, "逾期后延期(原截止{original_due},{approved}批准)"),
            Clause::Raised(raise) if raise.reason.trim().is_empty() => out.write_str("人工提级"),
            Clause::Raised(raise) => write!(out, "{}(人工提级)", sanitize(raise.reason.trim())),
        }
    }
}

/// The colour for `days` left (positive) or overdue (negative) under `rules`.
pub fn date_colour(days: i64, rules: &WarningRules) -> Colour {
    let overdue = -days;
    if overdue > rules.black_after_days {
        Colour::Black
    } else if overdue > rules.red_after_days {
        Colour::Red
    } else if overdue >= 1 {
        Colour::Yellow
    } else if days <= rules.blue_days_left {
        Colour::Blue
    } else {
        Colour::None
    }
}

fn unit(mode: CalendarMode) -> &'static str {
    match mode {
        CalendarMode::WorkingDays => "个工作日",
        CalendarMode::CalendarDays => "天",
    }
}

fn write_date(
    out: &mut String,
    due: NaiveDate,
    days: i64,
    today: NaiveDate,
    source: DueSource<'_>,
    mode: CalendarMode,
) -> fmt::Result {
    let unit = unit(mode);
    if days < 0 {
        write!(out, "逾期{}{unit}", -days)?;
    } else if due == today {
        out.write_str("今日截止")?;
    } else if due < today {
        write!(out, "已过截止日,逾期不足1{unit}")?;
    } else {
        write!(out, "距截止{days}{unit}")?;
    }
    out.write_char('(')?;
    match source {
        DueSource::Milestone { count, label, .. } if count > 1 && !label.trim().is_empty() => {
            write!(out, "{}", sanitize(label.trim()))?;
        }
        DueSource::Milestone { .. } => {}
        DueSource::Override => out.write_str("设定")?,
        DueSource::Counted(term) => {
            if let Some(anchor) = term.anchor {
                write!(
                    out,
                    "{}{}起{},",
                    anchor.source.label(),
                    anchor.date,
                    term.length.words()
                )?;
            }
        }
        DueSource::Recurrence => out.write_str("本期")?,
        DueSource::YearEnd => out.write_str("年度")?,
    }
    write!(out, "截止{due})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(10, Colour::None)]
    #[case(6, Colour::None)]
    #[case(5, Colour::Blue)]
    #[case(0, Colour::Blue)]
    #[case(-1, Colour::Yellow)]
    #[case(-5, Colour::Yellow)]
    #[case(-6, Colour::Red)]
    #[case(-20, Colour::Red)]
    #[case(-21, Colour::Black)]
    fn default_thresholds(#[case] days: i64, #[case] colour: Colour) {
        assert_eq!(date_colour(days, &WarningRules::default()), colour);
    }

    #[test]
    fn configured_thresholds_are_used() {
        let rules = WarningRules {
            blue_days_left: 10,
            red_after_days: 2,
            black_after_days: 4,
            ..WarningRules::default()
        };
        assert_eq!(date_colour(10, &rules), Colour::Blue);
        assert_eq!(date_colour(-3, &rules), Colour::Red);
        assert_eq!(date_colour(-5, &rules), Colour::Black);
    }
}
