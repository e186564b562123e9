//! Items with their reading and warning at one date: the input of every report.

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

use chrono::NaiveDate;

use crate::domain::assess::dated_and_evaluated;
use crate::domain::calendar::WorkCalendar;
use crate::domain::deadline::{self, Schedule};
use crate::domain::warning::{Warning, WarningContext};
use crate::domain::{Item, Ledger, WarningRules};

/// One item of a ledger with the reading of its governing deadline and its warning.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// The ledger it belongs to.
    pub ledger: &'a Ledger,
    /// The item.
    pub item: &'a Item,
    /// How its governing deadline reads, dated from its event where that is known (shared
    /// between items with the same text and no event of their own).
    pub schedule: Rc<Schedule>,
    /// Its colour and reason at the report date.
    pub warning: Warning,
}

/// Assess every item of `ledgers` at `today` (each distinct deadline text read once).
pub fn assess_ledgers<'a>(
    ledgers: impl IntoIterator<Item = &'a Ledger>,
    rules: &WarningRules,
    calendar: &WorkCalendar,
    today: NaiveDate,
) -> Vec<Entry<'a>> {
    let ctx = WarningContext {
        rules,
        calendar,
        today,
    };
    let mut read: HashMap<(&'a str, i32), Rc<Schedule>> = HashMap::new();
    let mut out = Vec::new();
    for ledger in ledgers {
        for item in &ledger.items {
            let text = ledger.deadline_text_of(item);
            let read = read
                .entry((text, ledger.base_year))
                .or_insert_with(|| Rc::new(deadline::parse(text, ledger.base_year)));
            // Rates count a term from its event once the event is dated, as colours do.
            let (schedule, warning) = dated_and_evaluated(ledger, item, read, &ctx);
            let schedule = match schedule {
                Cow::Borrowed(_) => read.clone(),
                Cow::Owned(dated) => Rc::new(dated),
            };
            out.push(Entry {
                ledger,
                item,
                schedule,
                warning,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rates::final_due;
    use crate::domain::workspace::CalendarMode;

    #[test]
    fn a_term_counted_from_a_recorded_event_is_rated_against_its_date() {
        let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d).expect("date");
        let item = |id: &str, event_date| Item {
            id: id.into(),
            deadline: "收到通知后5个工作日内".into(),
            event_date,
            ..Item::default()
        };
        let ledger = Ledger {
            base_year: 2024,
            items: vec![item("1", Some(day(6, 3))), item("2", None)],
            ..Ledger::default()
        };
        let calendar = WorkCalendar::new(CalendarMode::WorkingDays);
        let entries = assess_ledgers([&ledger], &WarningRules::default(), &calendar, day(6, 20));
        // 06-03 (Monday) plus five working days, 端午 (06-10) a holiday.
        assert_eq!(
            final_due(entries[0].item, &entries[0].schedule),
            Some(day(6, 11))
        );
        assert_eq!(final_due(entries[1].item, &entries[1].schedule), None);
        assert_eq!(entries[0].warning.due, Some(day(6, 11)));
    }
}
