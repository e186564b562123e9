//! Validate one edit and apply it to one item, recording who changed what.

use chrono::{NaiveDate, NaiveDateTime};

use super::super::item::{
    Acceptance, AuditEntry, Extension, Instruction, Item, ManualRaise, MilestoneMet, Notice,
    ProgressEntry, Status, Submission,
};
use super::super::warning::Colour;
use super::{Edit, EditError, Field, ItemChange};

/// Validate `edit` and apply it to `item` as `who` at `at` (the moment of the edit on the
/// workspace's clock: today plus the time of day).
///
/// On success the item holds the new values plus an [`AuditEntry`] for every audited field
/// that changed, and the returned [`ItemChange`] holds the item before and after.
/// On error the item is untouched. Milestone indexes are checked against the schedule by
/// [`super::apply_in_ledger`], which knows the ledger's base year.
pub fn apply(
    item: &mut Item,
    edit: &Edit,
    who: &str,
    at: NaiveDateTime,
) -> Result<ItemChange, EditError> {
    let before = item.clone();
    let mut after = item.clone();
    change(&mut after, edit, who, at)?;
    for field in Field::changed(&before, &after) {
        if field.is_audited() {
            after.history.push(AuditEntry {
                at,
                author: who.to_string(),
                field: field.key().to_string(),
                from: field.display(&before),
                to: field.display(&after),
            });
        }
    }
    *item = after.clone();
    Ok(ItemChange {
        item_id: item.id.clone(),
        before,
        after,
    })
}

/// The text trimmed, or an error naming the empty field.
fn required(text: &str, field: &'static str) -> Result<String, EditError> {
    let t = text.trim();
    if t.is_empty() {
        Err(EditError::Empty { field })
    } else {
        Ok(t.to_string())
    }
}

/// Refuse a date after the day of the edit for something that has already happened.
fn not_future(date: NaiveDate, at: NaiveDateTime, field: &'static str) -> Result<(), EditError> {
    if date > at.date() {
        Err(EditError::FutureDate { field, date })
    } else {
        Ok(())
    }
}

fn change(item: &mut Item, edit: &Edit, who: &str, at: NaiveDateTime) -> Result<(), EditError> {
    let today = at.date();
    match edit {
        Edit::SetStatus { status, reason } => set_status(item, *status, reason.as_deref(), today)?,
        Edit::AddNote { date, author, text } => {
            let text = required(text, "进展内容")?;
            not_future(*date, at, "进展日期")?;
            let author = match author.trim() {
                "" => who.to_string(),
                a => a.to_string(),
            };
            item.progress.push(ProgressEntry {
                date: *date,
                author,
                text,
            });
        }
        Edit::SetDeadline { text } => {
            let text = required(text, "完成时限")?;
            if text == item.deadline {
                return Err(EditError::NoChange("完成时限未改变".into()));
            }
            item.deadline = text;
        }
        Edit::AddExtension {
            new_deadline,
            reason,
            approver,
            date,
        } => {
            let new_deadline = required(new_deadline, "新的完成时限")?;
            let reason = required(reason, "延期原因")?;
            not_future(*date, at, "批准日期")?;
            if new_deadline == item.current_deadline() {
                return Err(EditError::NoChange("新的完成时限与现行时限相同".into()));
            }
            item.extensions.push(Extension {
                original: item.current_deadline().to_string(),
                new_deadline,
                reason,
                approver: approver.trim().to_string(),
                date: *date,
                // Left to the warning engine, which reads it from `original` when absent.
                original_due: None,
                new_due: None,
                milestone: None,
            });
        }
        Edit::ExtendMilestone {
            milestone_due,
            label,
            new_deadline,
            new_due,
            reason,
            approver,
            date,
        } => {
            let new_deadline = required(new_deadline, "新的完成时限")?;
            let reason = required(reason, "延期原因")?;
            not_future(*date, at, "批准日期")?;
            if new_due == milestone_due {
                return Err(EditError::NoChange(
                    "新的截止日期与该节点原截止日期相同".into(),
                ));
            }
            item.extensions.push(Extension {
                original: item.current_deadline().to_string(),
                new_deadline,
                reason,
                approver: approver.trim().to_string(),
                date: *date,
                original_due: Some(*milestone_due),
                new_due: Some(*new_due),
                milestone: Some(label.trim().to_string()),
            });
        }
        Edit::SetUnits { units } => {
            let mut clean: Vec<String> = Vec::new();
            for u in units.iter().map(|u| u.trim()).filter(|u| !u.is_empty()) {
                if !clean.iter().any(|c| c == u) {
                    clean.push(u.to_string());
                }
            }
            if clean.is_empty() {
                return Err(EditError::Empty {
                    field: "责任单位"
                });
            }
            if clean == item.units {
                return Err(EditError::NoChange("责任单位未改变".into()));
            }
            item.units = clean;
        }
        Edit::AddUnit { unit } => {
            let unit = required(unit, "责任单位")?;
            if item.units.contains(&unit) {
                return Err(EditError::NoChange(format!("{unit}已是责任单位")));
            }
            item.units.push(unit);
        }
        Edit::ToggleSubMeasure { index, date } => {
            let count = item.sub_measures.len();
            let measure = item
                .sub_measures
                .get_mut(*index)
                .ok_or(EditError::OutOfRange {
                    what: "措施",
                    number: index + 1,
                    count,
                })?;
            if measure.done {
                measure.done = false;
                measure.done_on = None;
            } else {
                not_future(*date, at, "完成日期")?;
                measure.done = true;
                measure.done_on = Some(*date);
            }
        }
        Edit::MarkMilestone { index, label, date } => {
            not_future(*date, at, "完成日期")?;
            if item.milestones_met.iter().any(|m| m.index == *index) {
                return Err(EditError::NoChange(format!(
                    "第{}个节点已标记完成",
                    index + 1
                )));
            }
            item.milestones_met.push(MilestoneMet {
                index: *index,
                label: label.clone(),
                date: *date,
            });
            item.milestones_met.sort_by_key(|m| m.index);
        }
        Edit::UnmarkMilestone { index } => {
            let len = item.milestones_met.len();
            item.milestones_met.retain(|m| m.index != *index);
            if item.milestones_met.len() == len {
                return Err(EditError::NoChange(format!(
                    "第{}个节点尚未标记",
                    index + 1
                )));
            }
        }
        Edit::Raise { colour, reason } => {
            if *colour == Colour::None {
                return Err(EditError::NotAllowed("请选择要升至的颜色".into()));
            }
            let reason = required(reason, "升色原因")?;
            if item
                .raised
                .as_ref()
                .is_some_and(|r| r.colour == *colour && r.reason == reason)
            {
                return Err(EditError::NoChange("已按此颜色和原因升色".into()));
            }
            item.raised = Some(ManualRaise {
                colour: *colour,
                reason,
                date: today,
                by: who.to_string(),
            });
        }
        Edit::ClearRaise => {
            if item.raised.take().is_none() {
                return Err(EditError::NoChange("该事项没有手动升色".into()));
            }
        }
        Edit::AddInstruction {
            date,
            author,
            assignee,
            text,
            due,
        } => {
            let assignee = required(assignee, "承办单位")?;
            let text = required(text, "督办要求")?;
            not_future(*date, at, "日期")?;
            item.instructions.push(Instruction {
                date: *date,
                author: author.trim().to_string(),
                assignee,
                text,
                due: due.trim().to_string(),
            });
        }
        Edit::AddNotice {
            kind,
            date,
            recipient,
        } => {
            let recipient = required(recipient, "接收单位")?;
            not_future(*date, at, "发出日期")?;
            item.notices.push(Notice {
                kind: *kind,
                date: *date,
                recipient,
                number: None,
            });
        }
        Edit::Submit { due, date } => {
            not_future(*date, at, "报送日期")?;
            if item.is_submitted(*due) {
                return Err(EditError::NoChange(format!("截止{due}的一期已登记报送")));
            }
            item.submitted.push(Submission {
                due: *due,
                date: *date,
                by: who.to_string(),
            });
            item.submitted.sort_by_key(|s| s.due);
        }
        Edit::SetEventDate { date } => {
            if let Some(date) = date {
                not_future(*date, at, "事件日期")?;
            }
            if item.event_date == *date {
                return Err(EditError::NoChange(match date {
                    Some(date) => format!("事件日期已是{date}"),
                    None => "该事项没有登记事件日期".to_string(),
                }));
            }
            item.event_date = *date;
        }
        Edit::SetExplanation { text } => {
            let text = required(text, "逾期说明")?;
            if item.overdue_explanation.as_deref() == Some(text.as_str()) {
                return Err(EditError::NoChange("逾期说明未改变".into()));
            }
            item.overdue_explanation = Some(text);
        }
        Edit::SetAcceptance { date, result } => {
            let result = required(result, "验收结果")?;
            not_future(*date, at, "验收日期")?;
            if !item.status.is_finished() {
                return Err(EditError::NotAllowed(format!(
                    "事项状态为{},尚未完成,不能验收;请先将状态改为已完成",
                    item.status.short_label()
                )));
            }
            item.acceptance = Some(Acceptance {
                date: *date,
                result,
            });
            item.status = Status::Accepted;
            item.done_on.get_or_insert(*date);
        }
    }
    Ok(())
}

fn set_status(
    item: &mut Item,
    status: Status,
    reason: Option<&str>,
    today: NaiveDate,
) -> Result<(), EditError> {
    let reason = match status {
        Status::Suspended => Some(
            reason
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .ok_or(EditError::SuspendWithoutReason)?
                .to_string(),
        ),
        _ => None,
    };
    if item.status == status && item.suspend_reason == reason {
        return Err(EditError::NoChange(format!(
            "状态已是{}",
            status.short_label()
        )));
    }
    item.done_on = match status {
        Status::Done | Status::Accepted if item.status.is_finished() => {
            item.done_on.or(Some(today))
        }
        Status::Done | Status::Accepted => Some(today),
        _ => None,
    };
    item.status = status;
    item.suspend_reason = reason;
    Ok(())
}
