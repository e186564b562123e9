//! Dating a deadline counted from an event once the event's date is known.
//!
//! Counting follows the rules for legal time limits (期间): the day of the event is not
//! counted; `N个工作日` is the N-th working day after it on the holiday calendar (调休
//! make-up days count as working days); `N日`/`N周`/`N个月` count calendar days, and when
//! the last day is a rest day (weekend or holiday) the term ends on the next working day.
//! `立行立改` is due the day of the event itself.

use chrono::NaiveDate;

use super::relative::{Anchor, RelativeTerm, TermLength};
use super::schedule::{Milestone, Schedule, ScheduleKind};
use crate::domain::calendar::WorkCalendar;

/// The due date of `term` counted from `from`, and the last day of the count when it fell
/// on a rest day and was moved to the next working day. None past the last representable
/// date.
pub fn due_after(
    term: TermLength,
    from: NaiveDate,
    calendar: &WorkCalendar,
) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let counted = match term {
        TermLength::Immediate => return Some((from, None)),
        TermLength::WorkingDays(n) => {
            let mut day = from;
            for _ in 0..n {
                day = day.succ_opt()?;
                while !calendar.is_working_day(day) {
                    day = day.succ_opt()?;
                }
            }
            return Some((day, None));
        }
        TermLength::Days(n) => from.checked_add_days(chrono::Days::new(n.into()))?,
        TermLength::Weeks(n) => from.checked_add_days(chrono::Days::new(u64::from(n) * 7))?,
        TermLength::Months(n) => from.checked_add_months(chrono::Months::new(n))?,
    };
    let mut due = counted;
    // Never more than a few weeks of rest days in a row (the longest holiday is a week).
    for _ in 0..60 {
        if calendar.is_working_day(due) {
            break;
        }
        due = due.succ_opt()?;
    }
    Some((due, (due != counted).then_some(counted)))
}

/// The reading of `schedule` once the event its deadline counts from is dated by `anchor`:
/// one dated milestone (labelled by the words after the term), the term kept with its
/// anchor so the explanation can say how the date was counted. None when the schedule does
/// not count from an event, or the date cannot be counted.
pub fn dated_from(
    schedule: &Schedule,
    anchor: Anchor,
    calendar: &WorkCalendar,
) -> Option<Schedule> {
    let term = schedule.relative.as_ref()?;
    if term.anchor.is_some() {
        return None;
    }
    let (due, rolled_from) = due_after(term.length, anchor.date, calendar)?;
    let mut out = schedule.clone();
    let part_of_plan = !schedule.milestones.is_empty();
    let milestone = Milestone {
        start: None,
        due,
        label: if part_of_plan && term.action.is_empty() {
            term.words.clone()
        } else {
            term.action.clone()
        },
        percent: None,
        detail: None,
        measures: Vec::new(),
    };
    if part_of_plan {
        // One part of a dated text (`收到通知后5个工作日内,12月底前完成`): it joins the other
        // milestones in date order and no longer waits.
        let at = out.milestones.partition_point(|m| m.due <= due);
        out.milestones.insert(at, milestone);
        let waiting: Vec<&str> = schedule
            .external
            .as_deref()
            .unwrap_or("")
            .split(';')
            .filter(|part| !part.is_empty() && !part.contains(term.words.as_str()))
            .collect();
        out.external = (!waiting.is_empty()).then(|| waiting.join(";"));
        out.notes.retain(|n| *n != term.part_pending_note());
        // A plan that waited only on this part is now dated; 长期 after its phases stays so.
        if out.kind == ScheduleKind::External && out.external.is_none() {
            out.kind = ScheduleKind::Dated;
        }
    } else {
        out.kind = ScheduleKind::Dated;
        out.external = None;
        out.milestones = vec![milestone];
    }
    // The note that said the date was missing no longer applies.
    let pending = term.pending_note();
    out.notes.retain(|n| *n != pending);
    if let Some(last) = rolled_from {
        out.notes.push(format!(
            "期限末日{last}为休息日,顺延至其后第一个工作日{due}"
        ));
    }
    out.relative = Some(RelativeTerm {
        anchor: Some(anchor),
        due: Some(due),
        rolled_from,
        ..term.clone()
    });
    Some(out)
}

/// The explanation's first line for a dated term:
/// `事件日期2023-06-01起10个工作日,截止2023-06-15`.
pub(crate) fn dated_line(term: &RelativeTerm) -> Option<String> {
    let (anchor, due) = (term.anchor?, term.due?);
    Some(format!(
        "{}{}起{},截止{due}",
        anchor.source.label(),
        anchor.date,
        term.length.words()
    ))
}
