//! The JSON form of a schedule (the `duban deadline --format json` contract).

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::schedule::{Schedule, ScheduleKind};

/// The final date as the CLI reports it: the last milestone of a dated schedule, the year
/// end of an ongoing `全年…` schedule; `None` for ongoing-without-year-end, recurring
/// (its next occurrence depends on today), external and unparsed schedules.
pub fn final_due(schedule: &Schedule) -> Option<NaiveDate> {
    match schedule.kind {
        ScheduleKind::Dated => schedule.due(),
        ScheduleKind::Ongoing => schedule.year_end,
        ScheduleKind::Recurring | ScheduleKind::External | ScheduleKind::Unparsed => None,
    }
}

/// `{"kind", "due", "milestones": [{"start", "due", "label", "percent"}], "note"}`:
/// `due` is [`final_due`] (null for recurring), `note` joins the notes with `;` (null when none).
pub fn to_json(schedule: &Schedule) -> Value {
    let date = |d: Option<NaiveDate>| d.map_or(Value::Null, |d| Value::String(d.to_string()));
    let milestones: Vec<Value> = schedule
        .milestones
        .iter()
        .map(|m| {
            json!({
                "start": date(m.start),
                "due": m.due.to_string(),
                "label": m.label,
                "percent": m.percent,
            })
        })
        .collect();
    let note = if schedule.notes.is_empty() {
        Value::Null
    } else {
        Value::String(schedule.notes.join(";"))
    };
    json!({
        "kind": schedule.kind.word(),
        "due": date(final_due(schedule)),
        "milestones": milestones,
        "note": note,
    })
}
