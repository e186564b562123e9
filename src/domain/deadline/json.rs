//! The JSON form of a schedule (the `duban deadline --format json` contract).

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::relative::{AnchorSource, RelativeTerm};
use super::schedule::{Recurrence, Schedule, ScheduleKind};

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

/// `{"kind", "due", "milestones": [{"start", "due", "label", "percent", "scope"}],
/// "recurrence", "relative", "note"}`: `due` is [`final_due`] (null for recurring), `scope` the text in
/// brackets of a phase (null when none), `recurrence` the rule (see [`recurrence_json`];
/// null when none, its `next` null here), `relative` the term of a deadline counted from an
/// event (see [`relative_json`]; null when none), `note` joins the notes with `;` (null when none).
pub fn to_json(schedule: &Schedule) -> Value {
    to_json_from(schedule, None)
}

/// [`to_json`] with the recurrence's next occurrence on or after `today`.
pub fn to_json_on(schedule: &Schedule, today: NaiveDate) -> Value {
    to_json_from(schedule, Some(today))
}

fn to_json_from(schedule: &Schedule, today: Option<NaiveDate>) -> Value {
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
                "scope": m.detail,
            })
        })
        .collect();
    let note = if schedule.notes.is_empty() {
        Value::Null
    } else {
        Value::String(schedule.notes.join(";"))
    };
    let recurrence = schedule
        .recurrence
        .map_or(Value::Null, |r| recurrence_json(&r, today));
    json!({
        "kind": schedule.kind.word(),
        "due": date(final_due(schedule)),
        "milestones": milestones,
        "recurrence": recurrence,
        "relative": schedule.relative.as_ref().map_or(Value::Null, relative_json),
        "note": note,
    })
}

/// `{"event", "unit", "count", "from", "source"}` of a deadline counted from an event:
/// `unit` is immediate | working-days | days | weeks | months, `count` null for immediate;
/// `from` the event's date once known (else null) and `source` where it comes from
/// (item | feedback, null while unknown).
pub fn relative_json(term: &RelativeTerm) -> Value {
    json!({
        "event": term.event,
        "unit": term.length.unit_word(),
        "count": term.length.count(),
        "from": term.anchor.map(|a| a.date.to_string()),
        "source": term.anchor.map(|a| match a.source {
            AnchorSource::Item => "item",
            AnchorSource::Feedback => "feedback",
            AnchorSource::Text => "text",
        }),
    })
}

/// `{"every", "month", "day", "next"}`: `every` is weekly | half-monthly | monthly |
/// quarterly | half-yearly | yearly; `month` only for yearly rules; `day` the day of month
/// (null = the month's last day; 15 and null for half-monthly); `next` the first
/// occurrence on or after `today` (null without one).
pub fn recurrence_json(rule: &Recurrence, today: Option<NaiveDate>) -> Value {
    let (every, month, day) = match *rule {
        Recurrence::Weekly => ("weekly", None, None),
        Recurrence::HalfMonthly => ("half-monthly", None, Some(15)),
        Recurrence::Monthly { day } => ("monthly", None, day),
        Recurrence::Quarterly => ("quarterly", None, None),
        Recurrence::HalfYearly => ("half-yearly", None, None),
        Recurrence::Yearly { month, day } => ("yearly", Some(month), day),
    };
    json!({
        "every": every,
        "month": month,
        "day": day,
        "next": today.map(|t| rule.next_on_or_after(t).to_string()),
    })
}
