//! Deterministic demo progress for the sample ledgers (demo workspace only).
//!
//! At the pinned date (2023-06-26) the 2023 items get a realistic mix: most items due by
//! April are done (a few left open: 黑), about half of the 5月底前 ones are done (the rest 红),
//! 6月底前 items are in progress (蓝, or 黄 without a June report), later and year-long items
//! are in progress, mostly with a June note (others 黄). The choice per item is a fixed hash
//! of its ledger and id, so regenerating gives the same files.

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::{Item, Ledger, MilestoneMet, ProgressEntry, Status, Submission};

/// The author of every demo note.
const DEMO_AUTHOR: &str = "演示数据";

/// Demo statuses and notes for a 2023 project ledger.
pub fn progress_2023(ledger: &mut Ledger, as_of: NaiveDate) {
    let id = ledger.id.clone();
    for item in &mut ledger.items {
        let roll = spread(&id, &item.id);
        let due = month_end_deadline(&item.deadline, ledger.base_year);
        match due {
            Some(due) if due.month() <= 4 && due < as_of => {
                if roll < 8 {
                    finish(item, due - Duration::days(i64::from(roll) + 2));
                } else {
                    note(item, due - Duration::days(12), "正在起草,尚未完成");
                }
            }
            Some(due) if due < as_of => {
                if roll < 5 {
                    finish(item, due - Duration::days(i64::from(roll)));
                } else {
                    note(item, due - Duration::days(10), "已形成初稿,正在征求意见");
                }
            }
            Some(due) if due.month() == as_of.month() => {
                let day = if roll < 6 { 15 + roll } else { 0 };
                note_in_month(item, as_of, day, "按计划推进,月底前完成");
            }
            _ => {
                mark_past_phases(item, ledger.base_year, as_of);
                match roll {
                    0..=6 => note_in_month(item, as_of, 5 + 2 * roll, "按时序进度推进中"),
                    7 | 8 => note(
                        item,
                        date(as_of.year(), 5, 18 + roll),
                        "已制定方案,正在推进",
                    ),
                    _ => {}
                }
            }
        }
    }
}

/// Demo progress for the Shanghai plan: the 2022 推进年 phase met and the 2022 yearly
/// report submitted (a few tasks left behind),
/// a 2023 note on most tasks, task 16's own 2022 year-end target done.
pub fn progress_shanghai(ledger: &mut Ledger, as_of: NaiveDate) {
    let id = ledger.id.clone();
    for item in &mut ledger.items {
        let roll = spread(&id, &item.id);
        if !item.deadline.is_empty() && item.deadline.contains("2022年底") {
            finish(item, date(2022, 12, 20));
            continue;
        }
        if roll < 9 {
            item.milestones_met.push(MilestoneMet {
                index: 0,
                label: "推进年".into(),
                date: date(2022, 12, 30),
            });
            // The 2022 yearly self-report (每年10月底前) was sent on time.
            item.submitted.push(Submission {
                due: date(2022, 10, 31),
                date: date(2022, 10, 28),
                by: DEMO_AUTHOR.into(),
            });
        }
        if roll < 7 {
            note_in_month(item, as_of, 6 + 2 * roll, "提升年工作按清单推进中");
        } else {
            note(item, date(2023, 4, 20), "已梳理问题清单");
        }
    }
}

/// Mark the phases of a phased deadline (`1-3月项目申报 4-10月完成建设 …`) that ended
/// before the pinned date as met, three days before their end. Phases are counted as the
/// deadline grammar counts milestones: each part that starts with a digit.
fn mark_past_phases(item: &mut Item, year: i32, as_of: NaiveDate) {
    let parts = item
        .deadline
        .split([' ', ';', ','])
        .filter(|p| p.starts_with(|c: char| c.is_ascii_digit()));
    let mut met = Vec::new();
    for (index, part) in parts.enumerate() {
        let Some((range, label)) = part.split_once('月') else {
            continue;
        };
        let Some((_, end)) = range.split_once('-') else {
            continue;
        };
        let Some(end) = end.parse::<u32>().ok().and_then(|m| month_end(year, m)) else {
            continue;
        };
        if end < as_of {
            met.push(MilestoneMet {
                index,
                label: label.to_string(),
                date: end - Duration::days(3),
            });
        }
    }
    item.milestones_met.extend(met);
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    next.pred_opt()
}

/// A deadline of the form `N月底前…` in the base year.
fn month_end_deadline(text: &str, year: i32) -> Option<NaiveDate> {
    let (month, rest) = text.split_once("月底前")?;
    if !rest.is_empty() && rest != "完成" {
        return None;
    }
    month_end(year, month.parse().ok()?)
}

fn finish(item: &mut Item, on: NaiveDate) {
    item.status = Status::Done;
    item.done_on = Some(on);
    item.progress.push(ProgressEntry {
        date: on,
        author: DEMO_AUTHOR.into(),
        text: "已完成,材料已报市局办公室".into(),
    });
}

fn note(item: &mut Item, on: NaiveDate, text: &str) {
    item.status = Status::InProgress;
    item.progress.push(ProgressEntry {
        date: on,
        author: DEMO_AUTHOR.into(),
        text: text.into(),
    });
}

/// A note on `day` of the pinned month (no note when `day` is 0 or not before the pinned day).
fn note_in_month(item: &mut Item, as_of: NaiveDate, day: u32, text: &str) {
    item.status = Status::InProgress;
    if day == 0 || day >= as_of.day() {
        return;
    }
    note(item, date(as_of.year(), as_of.month(), day), text);
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A fixed pseudo-random digit 0–9 for an item.
fn spread(ledger: &str, item: &str) -> u32 {
    let hash = ledger
        .bytes()
        .chain([b'/'])
        .chain(item.bytes())
        .fold(17u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    hash % 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_end_deadlines_are_read_and_others_are_not() {
        assert_eq!(month_end_deadline("5月底前", 2023), Some(date(2023, 5, 31)));
        assert_eq!(
            month_end_deadline("2月底前完成", 2023),
            Some(date(2023, 2, 28))
        );
        assert_eq!(month_end_deadline("全年整体推进", 2023), None);
        assert_eq!(month_end_deadline("6月底前建成;12月底前形成", 2023), None);
    }

    #[test]
    fn phases_that_ended_are_marked_met() {
        let mut item = Item {
            deadline: "1-3月项目申报 4-10月完成建设 12月底司法部验收".into(),
            ..Item::default()
        };
        mark_past_phases(&mut item, 2023, date(2023, 6, 26));
        assert_eq!(item.milestones_met.len(), 1);
        assert_eq!(item.milestones_met[0].index, 0);
        assert_eq!(item.milestones_met[0].label, "项目申报");
        assert_eq!(item.milestones_met[0].date, date(2023, 3, 28));
    }
}
