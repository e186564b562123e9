//! Items with their reading and warning at one date: the input of every report.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::NaiveDate;

use crate::domain::calendar::WorkCalendar;
use crate::domain::deadline::{self, Schedule};
use crate::domain::warning::{self, Warning, WarningContext};
use crate::domain::{Item, Ledger, WarningRules};

/// One item of a ledger with the reading of its governing deadline and its warning.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// The ledger it belongs to.
    pub ledger: &'a Ledger,
    /// The item.
    pub item: &'a Item,
    /// How its governing deadline reads (shared between items with the same text).
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
            let schedule = read
                .entry((text, ledger.base_year))
                .or_insert_with(|| Rc::new(deadline::parse(text, ledger.base_year)))
                .clone();
            let warning = warning::evaluate(item, ledger, &schedule, &ctx);
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
