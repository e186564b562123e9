use chrono::NaiveDate;

use super::*;
use crate::domain::item::{Extension, Instruction, ProgressEntry};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, m, d).unwrap()
}

fn item() -> Item {
    Item {
        id: "7".into(),
        number: "7".into(),
        title: "建设智慧矫正中心".into(),
        deadline: "6月底前".into(),
        units: vec!["社区矫正管理科".into()],
        status: Status::InProgress,
        progress: vec![ProgressEntry {
            date: day(5, 25),
            author: "张三".into(),
            text: "已完成选址".into(),
        }],
        ..Item::default()
    }
}

#[test]
fn decisions_name_each_new_note_status_extension_and_instruction() {
    let before = item();
    let mut after = before.clone();
    after.status = Status::Done;
    after.progress.push(ProgressEntry {
        date: day(7, 3),
        author: "李四".into(),
        text: "设备已到位".into(),
    });
    after.extensions.push(Extension {
        original: "6月底前".into(),
        new_deadline: "7月底前".into(),
        reason: "设备延迟".into(),
        approver: "王局".into(),
        date: day(7, 3),
        original_due: None,
        new_due: None,
        milestone: None,
    });
    after.instructions.push(Instruction {
        date: day(7, 3),
        author: "李四".into(),
        assignee: "社区矫正管理科".into(),
        text: "两周内完成联调".into(),
        due: "7月15日前".into(),
    });
    let lines = decisions(&before, &after);
    assert_eq!(
        lines,
        vec![
            "状态:推进中 → 已完成",
            "进展:设备已到位",
            "延期:“6月底前” → “7月底前”,理由:设备延迟,批准:王局",
            "督办意见:社区矫正管理科 负责,两周内完成联调,7月15日前办结",
        ]
    );
}

#[test]
fn an_unchanged_item_has_no_decisions_and_nothing_moved() {
    let it = item();
    assert!(decisions(&it, &it).is_empty());
    let mark = ItemMark::of("l", &it, Colour::Red);
    assert!(moved(&mark, &it, Colour::Red).is_empty());
}

#[test]
fn moved_reports_colour_status_and_new_entries_since_the_mark() {
    let before = item();
    let mark = ItemMark::of("l", &before, Colour::Red);
    let mut now = before.clone();
    now.status = Status::Done;
    now.progress.push(before.progress[0].clone());
    now.progress[1].text = "又一条".into();
    now.instructions.push(Instruction {
        date: day(7, 3),
        author: String::new(),
        assignee: "办公室".into(),
        text: "报送材料".into(),
        due: String::new(),
    });
    assert_eq!(
        moved(&mark, &now, Colour::None),
        vec![
            "颜色 红→无",
            "状态 推进中→已完成",
            "新增进展1条",
            "新增督办意见1条"
        ]
    );
}

fn minutes_item(unit: &str, before: Colour, after: Colour, decisions: &[&str]) -> MinutesItem {
    MinutesItem {
        unit: unit.into(),
        ledger_id: "2023-1-zhidu".into(),
        ledger_title: "制度建设规范年".into(),
        item_id: "7".into(),
        number: "7".into(),
        title: "建设智慧矫正中心".into(),
        deadline: "6月底前".into(),
        colour_before: before,
        colour_after: after,
        reason: "逾期6个工作日".into(),
        decisions: decisions.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn minutes_count_colours_before_and_after_and_group_by_unit() {
    let minutes = Minutes {
        title: "督办事项调度会".into(),
        date: day(7, 3),
        attendees: "王局、李科长".into(),
        scope: "黑、红".into(),
        items: vec![
            minutes_item(
                "办公室",
                Colour::Red,
                Colour::None,
                &["状态:推进中 → 已完成"],
            ),
            minutes_item("办公室", Colour::Black, Colour::Black, &[]),
            minutes_item("社区矫正管理科", Colour::Red, Colour::Red, &["进展:x"]),
        ],
    };
    assert_eq!(minutes.counts(false), [1, 2, 0, 0, 0]);
    assert_eq!(minutes.counts(true), [1, 1, 0, 0, 1]);
    assert_eq!(minutes.decided(), 2);
}

#[test]
fn an_extension_of_one_milestone_names_it_and_a_default_deadline_is_not_quoted_empty() {
    let before = Item::default();
    let mut after = before.clone();
    let extension = |milestone: Option<&str>| Extension {
        original: String::new(),
        new_deadline: "2023年7月底前".into(),
        reason: "疫情影响".into(),
        approver: String::new(),
        date: day(6, 26),
        original_due: None,
        new_due: None,
        milestone: milestone.map(str::to_string),
    };
    after.extensions.push(extension(Some("推进年")));
    after.extensions.push(extension(None));
    assert_eq!(
        decisions(&before, &after),
        vec![
            "延期:推进年节点 → “2023年7月底前”,理由:疫情影响",
            "延期:原时限 → “2023年7月底前”,理由:疫情影响",
        ]
    );
}
