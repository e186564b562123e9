//! Deadlines counted from an event, dated by what is known about the item: the event date
//! recorded on it, else — for 立行立改 on a rectification ledger — the day the findings
//! were fed back (its problems were raised that day). Without either the reading stays
//! external (立行立改: ongoing) and says what is missing.

use std::borrow::Cow;

use crate::domain::calendar::WorkCalendar;
use crate::domain::deadline::{Anchor, AnchorSource, Schedule, TermLength, dated_from};
use crate::domain::item::Item;
use crate::domain::ledger::Ledger;

/// The date `schedule`'s term counts from for `item` of `ledger`, if known.
pub fn anchor_of(item: &Item, ledger: &Ledger, schedule: &Schedule) -> Option<Anchor> {
    let term = schedule.relative.as_ref()?;
    if let Some(date) = term.from_text {
        return Some(Anchor {
            date,
            source: AnchorSource::Text,
        });
    }
    if let Some(date) = item.event_date {
        return Some(Anchor {
            date,
            source: AnchorSource::Item,
        });
    }
    match (term.length, ledger.rectification) {
        (TermLength::Immediate, Some(period)) => Some(Anchor {
            date: period.feedback_date,
            source: AnchorSource::Feedback,
        }),
        _ => None,
    }
}

/// `schedule` dated from its event when the date is known (see [`anchor_of`]); borrowed
/// unchanged otherwise.
pub fn dated<'a>(
    schedule: &'a Schedule,
    item: &Item,
    ledger: &Ledger,
    calendar: &WorkCalendar,
) -> Cow<'a, Schedule> {
    anchor_of(item, ledger, schedule)
        .and_then(|anchor| dated_from(schedule, anchor, calendar))
        .map_or(Cow::Borrowed(schedule), Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deadline::parse;
    use crate::domain::ledger::RectificationPeriod;
    use chrono::NaiveDate;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn rectification() -> Ledger {
        Ledger {
            base_year: 2024,
            rectification: Some(RectificationPeriod {
                feedback_date: d("2024-07-24"),
                months: 4,
            }),
            ..Ledger::default()
        }
    }

    #[test]
    fn the_items_own_date_wins_over_the_ledgers_feedback_date() {
        let schedule = parse("立行立改", 2024);
        let mut item = Item::default();
        assert_eq!(
            anchor_of(&item, &rectification(), &schedule),
            Some(Anchor {
                date: d("2024-07-24"),
                source: AnchorSource::Feedback
            })
        );
        item.event_date = Some(d("2024-08-02"));
        assert_eq!(
            anchor_of(&item, &rectification(), &schedule).map(|a| a.source),
            Some(AnchorSource::Item)
        );
    }

    #[test]
    fn immediate_outside_a_rectification_ledger_stays_ongoing() {
        let schedule = parse("立行立改", 2024);
        let calendar = WorkCalendar::default();
        let read = dated(&schedule, &Item::default(), &Ledger::default(), &calendar);
        assert!(matches!(read, Cow::Borrowed(_)));
        assert_eq!(read.kind.word(), "ongoing");
    }

    #[test]
    fn the_feedback_date_does_not_date_an_event_relative_term() {
        // "问题反馈后10个工作日内" names its own event: only the item's date dates it.
        let schedule = parse("问题反馈后10个工作日内", 2024);
        assert_eq!(
            anchor_of(&Item::default(), &rectification(), &schedule),
            None
        );
    }

    #[test]
    fn a_dated_term_reads_as_a_date_and_explains_itself() {
        let schedule = parse("问题反馈后10个工作日内", 2023);
        let item = Item {
            event_date: Some(d("2023-06-01")),
            ..Item::default()
        };
        let calendar = WorkCalendar::default();
        let read = dated(&schedule, &item, &Ledger::default(), &calendar);
        assert_eq!(read.kind.word(), "dated");
        assert_eq!(read.due(), Some(d("2023-06-15")));
        let lines = crate::domain::deadline::explain(&read);
        assert_eq!(lines[0], "事件日期2023-06-01起10个工作日,截止2023-06-15");
        assert!(
            !lines.iter().any(|l| l.contains("此前待上级安排")),
            "{lines:?}"
        );
    }
}
