//! The deadline grammar: Chinese deadline text → a [`Schedule`] of milestones.
//!
//! The text is always kept verbatim on the item; the schedule is derived from it
//! (and the ledger's base year) whenever it is needed, so a hand edit of the text
//! is read the same way everywhere.
//!
//! Readings chosen where the text is ambiguous (each also leaves a note):
//! - `月初`/`上旬` = by the 10th, `中旬` = by the 20th, `下旬`/`月底`/`月末` = month end, `月中` = the 15th;
//! - `N月` alone (in a phase or range) = the whole month (start the 1st, due its last day);
//! - `2023年` alone, `年内`, `年底` = 12-31; `2025年前` = end of 2025 (noted);
//!   `N月前` = end of month N (noted); `年初` = end of the first quarter, 03-31 (noted);
//! - `…后N个工作日内` / `N日内` / `立行立改` count from an event: external (立行立改: ongoing)
//!   until the event's date is known, then dated by [`dated_from`] (the event day not counted);
//! - `季度末` without a quarter = a quarterly recurrence (noted); bare `每年` = every 12-31 (noted).

mod dating;
mod explain;
mod expr;
mod festivals;
mod json;
mod numerals;
mod numeric;
mod phases;
mod recurring;
mod relative;
mod resolve;
mod schedule;
mod undated;

pub use dating::{dated_from, due_after};
pub use explain::explain;
pub use json::{final_due, recurrence_json, relative_json, to_json, to_json_on};
pub use relative::{Anchor, AnchorSource, MAX_TERM_DAYS, RelativeTerm, TermLength};
pub use schedule::{Milestone, Recurrence, Schedule, ScheduleKind, days_in, month_end};

/// Parse a deadline text written in a ledger whose deadlines without a year belong to `base_year`.
///
/// Never panics and never reads the clock; text that cannot be read yields
/// [`ScheduleKind::Unparsed`] with a note saying why.
pub fn parse(text: &str, base_year: i32) -> Schedule {
    phases::read(text, base_year).schedule
}

#[cfg(test)]
mod tests;
