//! The deadline grammar: Chinese deadline text → a [`Schedule`] of milestones.
//!
//! The text is always kept verbatim on the item; the schedule is derived from it
//! (and the ledger's base year) whenever it is needed, so a hand edit of the text
//! is read the same way everywhere.

mod schedule;

pub use schedule::{Milestone, Recurrence, Schedule, ScheduleKind};

/// Parse a deadline text written in a ledger whose deadlines without a year belong to `base_year`.
///
/// Never panics; text that cannot be read yields [`ScheduleKind::Unparsed`].
pub fn parse(text: &str, base_year: i32) -> Schedule {
    Schedule::unparsed(text, base_year)
}
