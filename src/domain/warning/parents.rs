//! Parents without a deadline of their own (a 反馈问题 over its 面上问题): they take the
//! most severe colour of their open children — counting the children's own children, so
//! a black 具体问题 under a waiting 面上问题 still shows on its 反馈问题 — and the reason
//! names that child.

use super::{Colour, Warning, WarningContext, evaluate_at};
use crate::domain::deadline;
use crate::domain::item::Item;
use crate::domain::ledger::Ledger;
use crate::text::sanitize;

/// How deep parent chains are followed (a cycle in hand-edited data stops here).
const MAX_DEPTH: usize = 8;

/// The warning of a parent item from its children, or `None` when `item` has no children
/// (or the chain is too deep). `depth` is how many parents are above this evaluation.
pub(super) fn rollup(
    item: &Item,
    ledger: &Ledger,
    ctx: &WarningContext,
    depth: usize,
) -> Option<Warning> {
    if depth >= MAX_DEPTH || item.id.is_empty() {
        return None;
    }
    let descendants = descendants(item, ledger);
    if descendants.is_empty() {
        return None;
    }
    let open: Vec<&Item> = descendants
        .iter()
        .copied()
        .filter(|c| c.status.is_open() && !is_pure_parent(c, ledger))
        .collect();
    let mut worst: Option<(&Item, Warning)> = None;
    for child in &open {
        let schedule = deadline::parse(ledger.deadline_text_of(child), ledger.base_year);
        let w = evaluate_at(child, ledger, &schedule, ctx, depth + 1);
        let worse = worst.as_ref().is_none_or(|(_, best)| {
            (w.colour, std::cmp::Reverse(w.days.unwrap_or(i64::MAX)))
                > (
                    best.colour,
                    std::cmp::Reverse(best.days.unwrap_or(i64::MAX)),
                )
        });
        if worse {
            worst = Some((child, w));
        }
    }
    let mut reason = String::with_capacity(64);
    let (colour, due, days) = match &worst {
        None => {
            reason.push_str("下级事项均已完成,待确认完成");
            (Colour::None, None, None)
        }
        Some((_, w)) if w.colour == Colour::None => {
            reason.push_str(&format!("下级事项{}项推进中,均未预警", open.len()));
            (Colour::None, None, None)
        }
        Some((child, w)) => {
            reason.push_str(&format!(
                "下级事项{}「{}」:{}",
                sanitize(&child.id),
                short_title(&child.title),
                w.reason
            ));
            (w.colour, w.due, w.days)
        }
    };
    if let Some(raise) = item.raised.as_ref().filter(|r| r.colour > colour) {
        let mut raised = String::new();
        let _ = super::clauses::Clause::Raised(raise).write_to(&mut raised);
        reason = format!("{raised};{reason}");
        return Some(Warning {
            colour: raise.colour,
            reason,
            due,
            days,
        });
    }
    Some(Warning {
        colour,
        reason,
        due,
        days,
    })
}

/// Every item below `item` (children, their children …), breadth first, at most
/// [`MAX_DEPTH`] levels down (so a cycle in hand-edited data ends).
fn descendants<'a>(item: &'a Item, ledger: &'a Ledger) -> Vec<&'a Item> {
    let mut out: Vec<&Item> = Vec::new();
    let mut level: Vec<&str> = vec![item.id.as_str()];
    for _ in 0..MAX_DEPTH {
        let next: Vec<&Item> = ledger
            .items
            .iter()
            .filter(|c| {
                c.parent.as_deref().is_some_and(|p| level.contains(&p))
                    && c.id != item.id
                    && !out.iter().any(|o| o.id == c.id)
            })
            .collect();
        if next.is_empty() {
            break;
        }
        level = next.iter().map(|c| c.id.as_str()).collect();
        out.extend(next);
    }
    out
}

/// A parent without a deadline of its own: its colour is its children's, so it is not
/// counted again when an item above it rolls up.
fn is_pure_parent(item: &Item, ledger: &Ledger) -> bool {
    ledger.deadline_text_of(item).trim().is_empty()
        && item.due_override.is_none()
        && ledger
            .items
            .iter()
            .any(|c| c.parent.as_deref() == Some(item.id.as_str()))
}

/// The first 12 characters of a title, with "…" when cut, sanitised.
fn short_title(title: &str) -> String {
    let title = sanitize(title.trim());
    let mut out: String = title.chars().take(12).collect();
    if title.chars().count() > 12 {
        out.push('…');
    }
    out
}
