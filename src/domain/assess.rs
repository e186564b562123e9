//! Glue: read an item's deadline and compute its warning in one call.

use chrono::NaiveDate;

use super::calendar::WorkCalendar;
use super::deadline::{self, Schedule};
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
    let warning = warning::evaluate(item, ledger, &schedule, &ctx);
    Assessment { schedule, warning }
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
        assert_eq!(a.warning.reason, "从未报送进展;未设定期限");
        assert_eq!(a.schedule.due(), None);
    }
}
