//! The four-colour warning rules and the rates, on the real holiday calendar.
//!
//! Schedules are built by hand so these tests do not depend on the deadline parser.

#[path = "warning_rules/events.rs"]
mod events;
#[path = "warning_rules/item_rules.rs"]
mod item_rules;
#[path = "warning_rules/parents.rs"]
mod parents;
#[path = "warning_rules/rates.rs"]
mod rates;
#[path = "warning_rules/support.rs"]
mod support;
#[path = "warning_rules/thresholds.rs"]
mod thresholds;
