//! Which date governs an item's colour: the first unmet milestone, an override, the next
//! occurrence, the year end — or why there is none.

use chrono::NaiveDate;

use crate::domain::deadline::{Recurrence, RelativeTerm, Schedule, ScheduleKind};
use crate::domain::item::Item;

/// What the governing date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueSource<'a> {
    /// Milestone `index` (0-based) of `count`, with its label.
    Milestone {
        /// 0-based index into the schedule's milestones.
        index: usize,
        /// How many milestones the schedule has.
        count: usize,
        /// The milestone's label (may be empty).
        label: &'a str,
    },
    /// A date set by a supervisor ([`Item::due_override`]).
    Override,
    /// A term counted from an event whose date is known (问题反馈后10个工作日内 from the
    /// recorded event date, 立行立改 from the day it was raised).
    Counted(&'a RelativeTerm),
    /// The next occurrence of a recurring rule.
    Recurrence,
    /// The year end of an ongoing 全年… item.
    YearEnd,
}

/// Why an open item has no date-based light.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoDate<'a> {
    /// Every milestone is met but the item is not marked done.
    AllMilestonesMet,
    /// The deadline waits on someone else (按省厅要求 …): the words.
    External(&'a str),
    /// The dated parts are met; the rest waits on an outside event (第四项待省上出台政策后…).
    Waiting {
        /// The words of the waiting part.
        words: &'a str,
        /// Whether the unfinished sub-measures were taken to be the waiting part (the text
        /// does not say which measures its date is for).
        assumed: bool,
    },
    /// 长期 / 持续推进 without a year end.
    Ongoing,
    /// The text could not be read: the text.
    Unparsed(&'a str),
    /// There is no deadline text at all.
    Missing,
}

/// The outcome of choosing the governing date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Governing<'a> {
    /// A date governs the colour.
    Date {
        /// The date.
        due: NaiveDate,
        /// Where it comes from.
        source: DueSource<'a>,
    },
    /// No date governs the colour.
    NoDate(NoDate<'a>),
}

/// Whether milestone `index` of `schedule` counts as met for `item`: marked met by index,
/// or (for a per-measure milestone such as 第一二三五项…) all its sub-measures are done,
/// or it is the dated part of a partly-external text whose only unfinished sub-measures
/// can be the waiting part (see [`open_part_is_external`]).
pub fn milestone_met(item: &Item, schedule: &Schedule, index: usize) -> bool {
    if item.milestones_met.iter().any(|m| m.index == index) {
        return true;
    }
    let Some(milestone) = schedule.milestones.get(index) else {
        return false;
    };
    if milestone.measures.is_empty() {
        return open_part_is_external(item, schedule);
    }
    milestone.measures.iter().all(|&n| {
        (n as usize)
            .checked_sub(1)
            .and_then(|i| item.sub_measures.get(i))
            .is_some_and(|m| m.done)
    })
}

/// A text that gives a date for part of the work and puts the rest on an outside event
/// without saying which measures are which ("…前完成整改,…机制待…出台后…"): when the
/// item's unfinished sub-measures are no more than the waiting clauses, they are taken to
/// be the waiting part, so the dated part counts as met (the reason says so).
pub fn open_part_is_external(item: &Item, schedule: &Schedule) -> bool {
    let Some(external) = &schedule.external else {
        return false;
    };
    if item.sub_measures.is_empty() || schedule.milestones.iter().any(|m| !m.measures.is_empty()) {
        return false;
    }
    let waiting = external.split(';').count();
    let open = item.sub_measures.iter().filter(|m| !m.done).count();
    open <= waiting
}

/// The first milestone of `schedule` not met by `item`.
pub fn first_unmet(item: &Item, schedule: &Schedule) -> Option<(usize, NaiveDate)> {
    (0..schedule.milestones.len())
        .find(|&i| !milestone_met(item, schedule, i))
        .map(|i| (i, schedule.milestones[i].due))
}

/// The most occurrences looked at (a weekly rule over ten years).
const MAX_OCCURRENCES: usize = 600;

/// The occurrence of a recurring obligation that governs on `today`: the earliest one due
/// before today and not marked submitted (occurrences count from 1 January of `from_year`,
/// the ledger's base year), else the first one on or after today not yet submitted.
pub fn governing_occurrence(
    rule: Recurrence,
    item: &Item,
    from_year: i32,
    today: NaiveDate,
) -> NaiveDate {
    let start = NaiveDate::from_ymd_opt(from_year, 1, 1)
        .filter(|start| *start <= today)
        .unwrap_or(today);
    let mut due = rule.next_on_or_after(start);
    for _ in 0..MAX_OCCURRENCES {
        if !item.is_submitted(due) {
            return due;
        }
        match due.succ_opt() {
            Some(next) if rule.next_on_or_after(next) > due => due = rule.next_on_or_after(next),
            _ => break,
        }
    }
    due
}

/// Choose the date that governs the colour of an open `item` on `today`.
///
/// - dated: the first unmet milestone (for a term counted from a dated event, its count);
///   when all are met, the supervisor's date for a
///   remaining external part, else no date ("各阶段均已完成,待确认完成");
/// - external / unparsed: the supervisor's date ([`Item::due_override`]) if set;
/// - recurring: the earliest occurrence not submitted (see [`governing_occurrence`]);
/// - ongoing: the year end of a 全年… item, else no date.
pub fn governing<'a>(item: &Item, schedule: &'a Schedule, today: NaiveDate) -> Governing<'a> {
    let overridden = item.due_override.map(|due| Governing::Date {
        due,
        source: DueSource::Override,
    });
    match schedule.kind {
        ScheduleKind::Dated => {
            if let Some((index, due)) = first_unmet(item, schedule) {
                let counted = schedule
                    .relative
                    .as_ref()
                    .filter(|t| t.anchor.is_some() && t.due == Some(due));
                if let Some(term) = counted {
                    return Governing::Date {
                        due,
                        source: DueSource::Counted(term),
                    };
                }
                return Governing::Date {
                    due,
                    source: DueSource::Milestone {
                        index,
                        count: schedule.milestones.len(),
                        label: &schedule.milestones[index].label,
                    },
                };
            }
            match (&schedule.external, overridden) {
                (Some(_), Some(date)) => date,
                (Some(words), None) => Governing::NoDate(NoDate::Waiting {
                    words,
                    assumed: open_part_is_external(item, schedule)
                        && !item.sub_measures.iter().all(|m| m.done),
                }),
                (None, _) if schedule.milestones.is_empty() => {
                    Governing::NoDate(NoDate::Unparsed(&schedule.text))
                }
                (None, _) => Governing::NoDate(NoDate::AllMilestonesMet),
            }
        }
        ScheduleKind::External => overridden.unwrap_or(Governing::NoDate(NoDate::External(
            schedule.external.as_deref().unwrap_or(&schedule.text),
        ))),
        ScheduleKind::Recurring => match schedule.recurrence {
            Some(rule) => Governing::Date {
                due: governing_occurrence(rule, item, schedule.base_year, today),
                source: DueSource::Recurrence,
            },
            None => Governing::NoDate(NoDate::Unparsed(&schedule.text)),
        },
        ScheduleKind::Ongoing => match schedule.year_end {
            Some(due) => Governing::Date {
                due,
                source: DueSource::YearEnd,
            },
            None => Governing::NoDate(NoDate::Ongoing),
        },
        ScheduleKind::Unparsed if schedule.text.trim().is_empty() => {
            overridden.unwrap_or(Governing::NoDate(NoDate::Missing))
        }
        ScheduleKind::Unparsed => {
            overridden.unwrap_or(Governing::NoDate(NoDate::Unparsed(&schedule.text)))
        }
    }
}
