//! The rectification report's counts (seed 002): per level (面上问题 / 具体问题), which
//! problems fall inside the concentrated period and how many of them are done.
//!
//! A problem is *in the period* when its final date (see [`final_due`]) is on or before
//! the period's last day; it is *out of the period* otherwise. Extended problems and
//! problems without a date are listed separately and are in no count of the seed's
//! sentence; partly done problems stay where their date puts them (they are open) and are
//! listed separately too.

use chrono::NaiveDate;
use serde::Serialize;

use super::{final_due, is_partly_done, percent};
use crate::domain::deadline::Schedule;
use crate::domain::item::Item;

/// The counts of one level, each with the ids of the problems behind it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LevelCounts {
    /// The level (the items' category: 面上问题, 具体问题 …).
    pub level: String,
    /// 应完成: problems due within the period.
    pub due_in_period: Vec<String>,
    /// 实际完成: of those, the closed ones.
    pub done_in_period: Vec<String>,
    /// 未完成: of those, the open ones.
    pub open_in_period: Vec<String>,
    /// 期外: problems due after the period.
    pub out_of_period: Vec<String>,
    /// 期外已完成.
    pub out_done: Vec<String>,
    /// 期外正稳步推进 (open).
    pub out_open: Vec<String>,
    /// Open problems with some sub-measures done (also in one of the lists above).
    pub partly_done: Vec<String>,
    /// Problems with an approved extension (in no count above).
    pub extended: Vec<String>,
    /// Problems without a final date (in no count above).
    pub no_deadline: Vec<String>,
}

impl LevelCounts {
    /// An empty count for `level`.
    pub fn new(level: &str) -> LevelCounts {
        LevelCounts {
            level: level.to_string(),
            ..LevelCounts::default()
        }
    }

    /// Count one problem whose governing deadline reads as `schedule`, for a period ending
    /// on `period_end`.
    pub fn add(&mut self, id: &str, item: &Item, schedule: &Schedule, period_end: NaiveDate) {
        let closed = item.status.is_finished();
        let id = id.to_string();
        if !closed && is_partly_done(item) {
            self.partly_done.push(id.clone());
        }
        if !item.extensions.is_empty() {
            self.extended.push(id);
            return;
        }
        let Some(due) = final_due(item, schedule) else {
            self.no_deadline.push(id);
            return;
        };
        if due <= period_end {
            self.due_in_period.push(id.clone());
            if closed {
                self.done_in_period.push(id);
            } else {
                self.open_in_period.push(id);
            }
        } else {
            self.out_of_period.push(id.clone());
            if closed {
                self.out_done.push(id);
            } else {
                self.out_open.push(id);
            }
        }
    }

    /// 阶段性整改率: done ÷ due within the period, in percent.
    pub fn phase_rate(&self) -> Option<f64> {
        percent(self.done_in_period.len(), self.due_in_period.len())
    }

    /// Every problem of the level.
    pub fn total(&self) -> usize {
        self.due_in_period.len()
            + self.out_of_period.len()
            + self.extended.len()
            + self.no_deadline.len()
    }
}

/// Count the problems of each level, levels in order of first appearance. Items whose
/// category is in `skip` (e.g. 反馈问题, the headings without a deadline of their own)
/// are left out.
pub fn count_levels<'a>(
    entries: impl IntoIterator<Item = (&'a Item, &'a Schedule)>,
    period_end: NaiveDate,
    skip: &[&str],
) -> Vec<LevelCounts> {
    let mut levels: Vec<LevelCounts> = Vec::new();
    for (item, schedule) in entries {
        let level = item.category.trim();
        if skip.contains(&level) {
            continue;
        }
        let index = match levels.iter().position(|l| l.level == level) {
            Some(i) => i,
            None => {
                levels.push(LevelCounts::new(level));
                levels.len() - 1
            }
        };
        levels[index].add(&item.id, item, schedule, period_end);
    }
    levels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deadline;
    use crate::domain::item::{Extension, Status};

    fn problem(id: &str, level: &str, deadline: &str, status: Status) -> (Item, Schedule) {
        let item = Item {
            id: id.to_string(),
            category: level.to_string(),
            deadline: deadline.to_string(),
            status,
            ..Item::default()
        };
        let schedule = deadline::parse(deadline, 2024);
        (item, schedule)
    }

    #[test]
    fn problems_split_by_the_period_end_and_list_their_ids() {
        let end = NaiveDate::from_ymd_opt(2024, 11, 24).expect("date");
        let mut entries = [
            problem("1", "反馈问题", "", Status::InProgress),
            problem("1.1", "面上问题", "2024年11月20日前完成整改", Status::Done),
            problem(
                "1.2",
                "面上问题",
                "2024年11月24日前完成整改",
                Status::InProgress,
            ),
            problem(
                "1.3",
                "面上问题",
                "2024年12月31日前完成整改",
                Status::Accepted,
            ),
            problem(
                "1.4",
                "面上问题",
                "2025年6月30日前完成整改",
                Status::InProgress,
            ),
            problem("1.1.1", "具体问题", "长期坚持", Status::InProgress),
            problem(
                "1.1.2",
                "具体问题",
                "2024年11月20日前完成整改",
                Status::Done,
            ),
        ];
        entries[4].0.extensions.push(Extension {
            original: "2024年11月20日前完成整改".into(),
            new_deadline: "2025年6月30日前完成整改".into(),
            reason: String::new(),
            approver: String::new(),
            date: end,
            original_due: None,
            new_due: None,
            milestone: None,
        });
        let levels = count_levels(entries.iter().map(|(i, s)| (i, s)), end, &["反馈问题"]);
        assert_eq!(levels.len(), 2);
        let surface = &levels[0];
        assert_eq!(surface.level, "面上问题");
        assert_eq!(surface.due_in_period, ["1.1", "1.2"]);
        assert_eq!(surface.done_in_period, ["1.1"]);
        assert_eq!(surface.open_in_period, ["1.2"]);
        assert_eq!(surface.out_of_period, ["1.3"]);
        assert_eq!(surface.out_done, ["1.3"]);
        assert_eq!(surface.extended, ["1.4"]);
        assert_eq!(surface.phase_rate(), Some(50.0));
        assert_eq!(surface.total(), 4);
        let specific = &levels[1];
        assert_eq!(specific.no_deadline, ["1.1.1"]);
        assert_eq!(specific.done_in_period, ["1.1.2"]);
        assert_eq!(specific.phase_rate(), Some(100.0));
    }
}
