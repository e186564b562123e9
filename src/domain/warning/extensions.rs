//! Extensions of one milestone: the plan stays, the milestone moves.
//!
//! PRODUCT.md: an extension moves the milestone it is granted for (by default the first
//! unmet one) and keeps the rest of the schedule and any recurring obligation; it never
//! replaces a multi-year plan with one date. Such extensions carry the moved milestone's
//! old and new dates, so applying them needs no parsing.

use std::borrow::Cow;

use crate::domain::deadline::Schedule;
use crate::domain::item::Item;

/// `schedule` (the reading of the item's text in force) with the item's milestone
/// extensions applied in order; borrowed unchanged when there are none. An extension whose
/// milestone is no longer in the text (the text was corrected since) is skipped.
pub fn extended<'a>(schedule: &'a Schedule, item: &Item) -> Cow<'a, Schedule> {
    let mut moves = item
        .extensions
        .iter()
        .filter_map(|e| Some((e.original_due?, e.new_due?, e.milestone.as_deref())))
        .peekable();
    if moves.peek().is_none() {
        return Cow::Borrowed(schedule);
    }
    let mut out = schedule.clone();
    for (from, to, label) in moves {
        let found = out
            .milestones
            .iter_mut()
            .find(|m| m.due == from && label.is_none_or(|l| l.is_empty() || l == m.label));
        if let Some(m) = found {
            m.due = to;
            if m.start.is_some_and(|start| start > to) {
                m.start = None;
            }
        }
    }
    Cow::Owned(out)
}
