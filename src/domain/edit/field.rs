//! The fields an edit can touch, compared, copied and shown one at a time.

use super::super::item::Item;

/// A group of item fields that an edit changes together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Status with its suspend reason and done date.
    Status,
    /// The deadline text.
    Deadline,
    /// The date of the event a deadline counted from an event starts from.
    EventDate,
    /// The responsible units.
    Units,
    /// The progress log (append-only list).
    Progress,
    /// Sub-measures and their done flags.
    SubMeasures,
    /// Milestones marked met (list).
    Milestones,
    /// Notices issued (append-only list).
    Notices,
    /// Occurrences of a recurring obligation marked submitted (list).
    Submissions,
    /// Extensions (append-only list).
    Extensions,
    /// Supervision instructions (append-only list).
    Instructions,
    /// The manual raise.
    Raise,
    /// The overdue explanation.
    Explanation,
    /// The acceptance.
    Acceptance,
}

impl Field {
    /// Every editable field.
    pub const ALL: [Field; 14] = [
        Field::Status,
        Field::Deadline,
        Field::EventDate,
        Field::Units,
        Field::Progress,
        Field::SubMeasures,
        Field::Milestones,
        Field::Notices,
        Field::Submissions,
        Field::Extensions,
        Field::Instructions,
        Field::Raise,
        Field::Explanation,
        Field::Acceptance,
    ];

    /// The key used in audit entries and conflict reports.
    pub fn key(self) -> &'static str {
        match self {
            Field::Status => "status",
            Field::Deadline => "deadline",
            Field::EventDate => "event_date",
            Field::Units => "units",
            Field::Progress => "progress",
            Field::SubMeasures => "sub_measures",
            Field::Milestones => "milestones",
            Field::Notices => "notices",
            Field::Submissions => "submitted",
            Field::Extensions => "extension",
            Field::Instructions => "instructions",
            Field::Raise => "raise",
            Field::Explanation => "explanation",
            Field::Acceptance => "acceptance",
        }
    }

    /// The field an audit entry's key names.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The Chinese name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Field::Status => "状态",
            Field::Deadline => "完成时限",
            Field::EventDate => "事件日期",
            Field::Units => "责任单位",
            Field::Progress => "进展",
            Field::SubMeasures => "分项措施",
            Field::Milestones => "节点",
            Field::Notices => "通知单",
            Field::Submissions => "周期报送",
            Field::Extensions => "延期",
            Field::Instructions => "督办意见",
            Field::Raise => "手动升色",
            Field::Explanation => "逾期说明",
            Field::Acceptance => "验收",
        }
    }

    /// Whether the field is a list whose entries are added and removed one by one
    /// (so two people can add entries at once without a conflict).
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Field::Progress
                | Field::Milestones
                | Field::Notices
                | Field::Submissions
                | Field::Extensions
                | Field::Instructions
        )
    }

    /// Whether `a` and `b` hold the same value of this field.
    pub fn same(self, a: &Item, b: &Item) -> bool {
        match self {
            Field::Status => {
                a.status == b.status
                    && a.suspend_reason == b.suspend_reason
                    && a.done_on == b.done_on
            }
            Field::Deadline => a.deadline == b.deadline,
            Field::EventDate => a.event_date == b.event_date,
            Field::Units => a.units == b.units,
            Field::Progress => a.progress == b.progress,
            Field::SubMeasures => a.sub_measures == b.sub_measures,
            Field::Milestones => a.milestones_met == b.milestones_met,
            Field::Notices => a.notices == b.notices,
            Field::Submissions => a.submitted == b.submitted,
            Field::Extensions => a.extensions == b.extensions,
            Field::Instructions => a.instructions == b.instructions,
            Field::Raise => a.raised == b.raised,
            Field::Explanation => a.overdue_explanation == b.overdue_explanation,
            Field::Acceptance => a.acceptance == b.acceptance,
        }
    }

    /// Copy this field's value from `src` into `dst`.
    pub fn copy(self, dst: &mut Item, src: &Item) {
        match self {
            Field::Status => {
                dst.status = src.status;
                dst.suspend_reason = src.suspend_reason.clone();
                dst.done_on = src.done_on;
            }
            Field::Deadline => dst.deadline = src.deadline.clone(),
            Field::EventDate => dst.event_date = src.event_date,
            Field::Units => dst.units = src.units.clone(),
            Field::Progress => dst.progress = src.progress.clone(),
            Field::SubMeasures => dst.sub_measures = src.sub_measures.clone(),
            Field::Milestones => dst.milestones_met = src.milestones_met.clone(),
            Field::Notices => dst.notices = src.notices.clone(),
            Field::Submissions => dst.submitted = src.submitted.clone(),
            Field::Extensions => dst.extensions = src.extensions.clone(),
            Field::Instructions => dst.instructions = src.instructions.clone(),
            Field::Raise => dst.raised = src.raised.clone(),
            Field::Explanation => dst.overdue_explanation = src.overdue_explanation.clone(),
            Field::Acceptance => dst.acceptance = src.acceptance.clone(),
        }
    }

    /// The fields whose values differ between `a` and `b`.
    pub fn changed(a: &Item, b: &Item) -> Vec<Field> {
        Field::ALL.into_iter().filter(|f| !f.same(a, b)).collect()
    }

    /// The field's value in words (for audit entries and conflict popups).
    pub fn display(self, item: &Item) -> String {
        match self {
            Field::Status => match (&item.suspend_reason, item.status) {
                (Some(r), crate::domain::Status::Suspended) => format!("暂缓({r})"),
                (_, s) => s.label().to_string(),
            },
            Field::Deadline => item.deadline.clone(),
            Field::EventDate => item.event_date.map(|d| d.to_string()).unwrap_or_default(),
            Field::Units => item.units.join("、"),
            Field::Progress => item
                .progress
                .last()
                .map(|p| format!("{} {} {}", p.date, p.author, p.text))
                .unwrap_or_default(),
            Field::SubMeasures => item
                .sub_measures
                .iter()
                .enumerate()
                .map(|(i, m)| format!("{}{}", i + 1, if m.done { "✓" } else { "·" }))
                .collect::<Vec<_>>()
                .join(" "),
            Field::Milestones => item
                .milestones_met
                .iter()
                .map(|m| format!("{}@{}", m.index + 1, m.date))
                .collect::<Vec<_>>()
                .join(" "),
            Field::Notices => item
                .notices
                .last()
                .map(|n| format!("{} {} {}", n.kind.label(), n.date, n.recipient))
                .unwrap_or_default(),
            Field::Submissions => item
                .submitted
                .iter()
                .map(|s| format!("{}@{}", s.due, s.date))
                .collect::<Vec<_>>()
                .join(" "),
            // The deadline in force: the last extension's, else the item's own text.
            Field::Extensions => match item.extensions.last() {
                Some(e) => match &e.milestone {
                    Some(label) => format!("{label}节点延至{}", e.new_deadline),
                    None => e.new_deadline.clone(),
                },
                None if item.deadline.trim().is_empty() => "(原时限)".to_string(),
                None => item.deadline.clone(),
            },
            Field::Instructions => item
                .instructions
                .last()
                .map(|i| format!("{} {}:{}", i.date, i.assignee, i.text))
                .unwrap_or_default(),
            Field::Raise => item
                .raised
                .as_ref()
                .map(|r| format!("{}({})", r.colour.label(), r.reason))
                .unwrap_or_default(),
            Field::Explanation => item.overdue_explanation.clone().unwrap_or_default(),
            Field::Acceptance => item
                .acceptance
                .as_ref()
                .map(|a| format!("{} {}", a.date, a.result))
                .unwrap_or_default(),
        }
    }

    /// Whether changes of this field are written to the item's audit history
    /// (progress notes carry their own author and date; notices and milestones their date).
    pub fn is_audited(self) -> bool {
        matches!(
            self,
            Field::Status
                | Field::Deadline
                | Field::EventDate
                | Field::Units
                | Field::Extensions
                | Field::Raise
                | Field::Acceptance
                | Field::Explanation
                | Field::SubMeasures
                | Field::Milestones
                | Field::Submissions
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::item::Extension;
    use chrono::NaiveDate;

    fn extension(original: &str, milestone: Option<&str>) -> Extension {
        Extension {
            original: original.into(),
            new_deadline: "7月31日前".into(),
            reason: "需征求省厅意见".into(),
            approver: "王局长".into(),
            date: NaiveDate::from_ymd_opt(2023, 6, 26).expect("date"),
            original_due: NaiveDate::from_ymd_opt(2023, 5, 31),
            new_due: milestone.and(NaiveDate::from_ymd_opt(2023, 7, 31)),
            milestone: milestone.map(String::from),
        }
    }

    /// The audit entry of an extension reads "old → new", never the old text twice
    /// ("5月底前 → 5月底前 → 7月31日前"), and a plan's milestone says which one moved.
    #[test]
    fn an_extension_is_shown_as_the_deadline_in_force() {
        let mut item = Item {
            deadline: "5月底前".into(),
            ..Item::default()
        };
        assert_eq!(Field::Extensions.display(&item), "5月底前");
        item.extensions.push(extension("5月底前", None));
        assert_eq!(Field::Extensions.display(&item), "7月31日前");
        let mut plan = Item::default();
        assert_eq!(Field::Extensions.display(&plan), "(原时限)");
        plan.extensions.push(extension("", Some("推进年")));
        assert_eq!(Field::Extensions.display(&plan), "推进年节点延至7月31日前");
    }
}
