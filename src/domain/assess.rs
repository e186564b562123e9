//! Glue: read an item's deadline and compute its warning in one call.

use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::HashMap;

use super::calendar::WorkCalendar;
use super::deadline::{self, Schedule, ScheduleKind};
use super::item::Item;
use super::ledger::Ledger;
use super::warning::{self, Warning, WarningContext};
use super::workspace::WarningRules;

/// An item's schedule and warning at one date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// How the governing deadline text reads.
    pub schedule: Schedule,
    /// The warning colour and its reason.
    pub warning: Warning,
}

impl Assessment {
    /// The date the item is held to: the one its colour is counted from, else the final
    /// date of a dated reading. None for 长期 / external / recurring readings, whose dates
    /// (a preparation phase of `1-3月筹备 后期持续推进`) govern nothing once past.
    pub fn due(&self) -> Option<NaiveDate> {
        held_to(&self.warning, &self.schedule)
    }
}

/// See [`Assessment::due`]: for callers that hold the warning and the reading apart.
pub fn held_to(warning: &Warning, schedule: &Schedule) -> Option<NaiveDate> {
    warning.due.or_else(|| match schedule.kind {
        ScheduleKind::Dated => schedule.due(),
        _ => None,
    })
}

/// Read the item's governing deadline (extension, own text or ledger default) and evaluate it.
pub fn assess(
    ledger: &Ledger,
    item: &Item,
    rules: &WarningRules,
    calendar: &WorkCalendar,
    today: NaiveDate,
) -> Assessment {
    let schedule = deadline::parse(ledger.deadline_text_of(item), ledger.base_year);
    let ctx = WarningContext {
        rules,
        calendar,
        today,
    };
    assess_read(ledger, item, &schedule, &ctx)
}

/// [`assess`] for a reading of the item's governing deadline already made (see
/// [`ScheduleCache`]): the reading kept is dated from the item's event where that is known
/// ([`warning::event::dated`]), so colours, rates and the detail count from the same dates.
pub fn assess_read(
    ledger: &Ledger,
    item: &Item,
    read: &Schedule,
    ctx: &WarningContext,
) -> Assessment {
    let (schedule, warning) = dated_and_evaluated(ledger, item, read, ctx);
    Assessment {
        schedule: schedule.into_owned(),
        warning,
    }
}

/// [`assess_read`] keeping the reading borrowed when no event dates it (reports share one
/// reading between the items of the same text).
pub fn dated_and_evaluated<'a>(
    ledger: &Ledger,
    item: &Item,
    read: &'a Schedule,
    ctx: &WarningContext,
) -> (Cow<'a, Schedule>, Warning) {
    let schedule = warning::event::dated(read, item, ledger, ctx.calendar);
    let warning = warning::evaluate(item, ledger, &schedule, ctx);
    (schedule, warning)
}

/// Reads each distinct deadline text (with its base year) once: ledgers repeat their texts
/// (merged cells, 年底前, 长期 …) and parsing dominates the cost of assessing many items.
/// The schedules are the same as [`deadline::parse`] gives per item.
#[derive(Debug, Default)]
pub struct ScheduleCache<'a> {
    read: HashMap<(&'a str, i32), Schedule>,
}

impl<'a> ScheduleCache<'a> {
    /// The reading of the deadline text that governs `item` (see [`Ledger::deadline_text_of`]).
    pub fn schedule(&mut self, ledger: &'a Ledger, item: &'a Item) -> &Schedule {
        let text = ledger.deadline_text_of(item);
        self.read
            .entry((text, ledger.base_year))
            .or_insert_with(|| deadline::parse(text, ledger.base_year))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::item::Status;
    use crate::domain::warning::Colour;
    use crate::domain::workspace::CalendarMode;

    #[test]
    fn an_item_without_any_deadline_is_flagged_and_explained() {
        let ledger = Ledger {
            base_year: 2023,
            ..Ledger::default()
        };
        let item = Item {
            status: Status::InProgress,
            ..Item::default()
        };
        let today = NaiveDate::from_ymd_opt(2023, 5, 10).expect("valid date");
        let rules = WarningRules::default();
        let calendar = WorkCalendar::new(CalendarMode::WorkingDays);
        let a = assess(&ledger, &item, &rules, &calendar, today);
        assert_eq!(a.warning.colour, Colour::Yellow);
        assert_eq!(a.warning.reason, "4月未报送进展(从未报送);未设定期限");
        assert_eq!(a.schedule.due(), None);
    }

    #[test]
    fn the_cache_reads_like_parse_and_keys_on_the_base_year() {
        let item = Item {
            deadline: "5月底前".to_string(),
            ..Item::default()
        };
        let l2023 = Ledger {
            base_year: 2023,
            ..Ledger::default()
        };
        let l2024 = Ledger {
            base_year: 2024,
            ..Ledger::default()
        };
        let mut cache = ScheduleCache::default();
        assert_eq!(
            cache.schedule(&l2023, &item),
            &deadline::parse("5月底前", 2023)
        );
        assert_eq!(
            cache.schedule(&l2024, &item),
            &deadline::parse("5月底前", 2024)
        );
        assert_ne!(
            cache.schedule(&l2023, &item).due(),
            cache.schedule(&l2024, &item).due()
        );
        assert_eq!(cache.read.len(), 2);
    }

    #[test]
    fn a_past_preparation_phase_of_an_ongoing_item_holds_it_to_no_date() {
        let ledger = Ledger {
            base_year: 2023,
            ..Ledger::default()
        };
        let item = |deadline: &str| Item {
            status: Status::InProgress,
            deadline: deadline.to_string(),
            ..Item::default()
        };
        let rules = WarningRules {
            monthly_report: false,
            ..WarningRules::default()
        };
        let calendar = WorkCalendar::new(CalendarMode::WorkingDays);
        let today = NaiveDate::from_ymd_opt(2023, 6, 26).expect("valid date");
        let ongoing = assess(
            &ledger,
            &item("1-3月筹备 后期持续推进"),
            &rules,
            &calendar,
            today,
        );
        assert_eq!(ongoing.warning.colour, Colour::None);
        assert_eq!(ongoing.due(), None, "{:?}", ongoing.warning);
        let dated = assess(&ledger, &item("3月底前"), &rules, &calendar, today);
        assert_eq!(dated.due(), NaiveDate::from_ymd_opt(2023, 3, 31));
    }

    #[test]
    fn the_reading_kept_is_dated_from_the_items_event() {
        let ledger = Ledger {
            base_year: 2024,
            ..Ledger::default()
        };
        let item = Item {
            status: Status::InProgress,
            deadline: "收到通知后5个工作日内".to_string(),
            event_date: NaiveDate::from_ymd_opt(2024, 6, 3),
            ..Item::default()
        };
        let calendar = WorkCalendar::new(CalendarMode::WorkingDays);
        let today = NaiveDate::from_ymd_opt(2024, 6, 20).expect("valid date");
        let a = assess(&ledger, &item, &WarningRules::default(), &calendar, today);
        let due = NaiveDate::from_ymd_opt(2024, 6, 11);
        assert_eq!(a.schedule.kind, ScheduleKind::Dated);
        assert_eq!(a.schedule.due(), due);
        assert_eq!(crate::domain::rates::final_due(&item, &a.schedule), due);
        assert_eq!(a.warning.due, due);
    }
}
