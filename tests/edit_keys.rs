//! Key-sequence tests of every edit action on a temp workspace: each asserts the state and
//! the file on disk, including cancel, invalid input, undo and redo.

mod edit_support;

use duban::app::Mode;
use duban::domain::{Colour, NoticeKind, Status};
use edit_support::*;

#[test]
fn note_typed_in_chinese_is_saved_with_today_and_the_user() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "n");
    assert_eq!(s.mode(), Mode::Edit);
    type_text(&mut s, "完成选址");
    press(&mut s, "Enter");
    assert_eq!(s.mode(), Mode::Browse);
    assert_eq!(s.message.as_deref(), Some("添加进展 · 已保存"));
    let note = disk_item(&dir, "1").progress.pop().expect("note on disk");
    assert_eq!(
        (note.date, note.author.as_str(), note.text.as_str()),
        (today(), "李四", "完成选址")
    );
    assert_eq!(state_item(&s, "1"), disk_item(&dir, "1"));
}

#[test]
fn pasted_note_is_taken_whole_on_one_line() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "2");
    press(&mut s, "n");
    type_text(&mut s, "会议:");
    paste(&mut s, "已起草办法\n征求意见中");
    press(&mut s, "Enter");
    assert_eq!(
        disk_item(&dir, "2").progress[0].text,
        "会议:已起草办法 征求意见中"
    );
}

#[test]
fn cancel_leaves_no_trace_and_an_empty_note_is_refused_in_place() {
    let (_tmp, dir) = workspace();
    let before = std::fs::read(dir.join("ledgers/test.ron")).expect("read");
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "n");
    type_text(&mut s, "不要了");
    press(&mut s, "Esc");
    assert_eq!(
        s.mode(),
        Mode::ConfirmDiscard,
        "typed text is not dropped unasked"
    );
    press(&mut s, "y");
    assert_eq!(s.mode(), Mode::Browse);
    assert_eq!(s.message.as_deref(), Some("已放弃输入的内容"));
    // Nothing typed: Esc closes at once.
    press(&mut s, "n Esc");
    assert_eq!(s.mode(), Mode::Browse);
    press(&mut s, "n Enter");
    assert_eq!(s.mode(), Mode::Edit);
    assert_eq!(form_message(&s).as_deref(), Some("请填写进展"));
    press(&mut s, "Esc");
    assert!(state_item(&s, "1").progress.is_empty());
    assert_eq!(
        std::fs::read(dir.join("ledgers/test.ron")).expect("read"),
        before
    );
}

#[test]
fn a_note_date_that_does_not_exist_is_refused_keeping_the_text() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "n");
    type_text(&mut s, "补记");
    press(&mut s, "Tab Ctrl-u");
    type_text(&mut s, "2024-02-30");
    press(&mut s, "Enter");
    assert_eq!(
        form_message(&s).as_deref(),
        Some("日期 2024年2月30日 不存在")
    );
    assert!(disk_item(&dir, "1").progress.is_empty());
    press(&mut s, "Backspace Backspace");
    type_text(&mut s, "29");
    press(&mut s, "Enter");
    assert_eq!(form_message(&s), None);
    let note = &disk_item(&dir, "1").progress[0];
    assert_eq!(note.text, "补记");
    assert_eq!(note.date.to_string(), "2024-02-29");
}

#[test]
fn status_change_undo_and_redo_each_reach_the_disk() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "3");
    press(&mut s, "s 2");
    assert_eq!(disk_item(&dir, "3").status, Status::InProgress);
    let audit = disk_item(&dir, "3").history.pop().expect("audited");
    assert_eq!(
        (
            audit.author.as_str(),
            audit.field.as_str(),
            audit.to.as_str()
        ),
        ("李四", "status", "推进中")
    );
    press(&mut s, "u");
    assert_eq!(s.message.as_deref(), Some("已撤销:状态改为推进中 · 已保存"));
    assert_eq!(disk_item(&dir, "3").status, Status::NotStarted);
    assert_eq!(state_item(&s, "3").status, Status::NotStarted);
    press(&mut s, "Ctrl-r");
    assert_eq!(disk_item(&dir, "3").status, Status::InProgress);
    press(&mut s, "Ctrl-r");
    assert_eq!(s.message.as_deref(), Some("没有可重做的修改"));
}

#[test]
fn suspension_asks_for_a_reason() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "2");
    press(&mut s, "s 5 Enter");
    assert_eq!(form_message(&s).as_deref(), Some("请填写暂缓原因"));
    type_text(&mut s, "等待省厅政策");
    press(&mut s, "Enter");
    let item = disk_item(&dir, "2");
    assert_eq!(item.status, Status::Suspended);
    assert_eq!(item.suspend_reason.as_deref(), Some("等待省厅政策"));
}

#[test]
fn deadline_edit_warns_when_unparsed_and_saves_on_confirmation() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "e Ctrl-u");
    type_text(&mut s, "尽快办理");
    press(&mut s, "Enter");
    assert!(form_message(&s).is_some_and(|m| m.contains("未能识别")));
    assert_eq!(disk_item(&dir, "1").deadline, "2024年6月30日前");
    press(&mut s, "Enter");
    assert_eq!(disk_item(&dir, "1").deadline, "尽快办理");
    press(&mut s, "u");
    assert_eq!(disk_item(&dir, "1").deadline, "2024年6月30日前");
}

#[test]
fn extension_keeps_the_original_deadline() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "x");
    type_text(&mut s, "2024年9月30日前");
    press(&mut s, "Enter");
    assert_eq!(form_message(&s).as_deref(), Some("请填写延期原因"));
    type_text(&mut s, "施工延误");
    press(&mut s, "Tab");
    type_text(&mut s, "王局长");
    press(&mut s, "Enter");
    if s.mode() == Mode::Edit {
        press(&mut s, "Enter"); // confirmation when the grammar does not read the text
    }
    let item = disk_item(&dir, "1");
    let ext = item.extensions.last().expect("extension on disk");
    assert_eq!(
        (
            ext.original.as_str(),
            ext.new_deadline.as_str(),
            ext.approver.as_str()
        ),
        ("2024年6月30日前", "2024年9月30日前", "王局长")
    );
    assert_eq!(item.deadline, "2024年6月30日前");
}

#[test]
fn units_are_picked_with_fuzzy_completion() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "a");
    type_text(&mut s, "办公");
    press(&mut s, "Enter Enter");
    assert_eq!(
        disk_item(&dir, "1").units,
        vec!["社区矫正科".to_string(), "办公室".to_string()]
    );
    press(&mut s, "a Backspace Backspace Enter");
    assert_eq!(form_message(&s).as_deref(), Some("请至少选择一个责任单位"));
    press(&mut s, "Esc");
}

#[test]
fn sub_measure_toggles_and_milestone_without_a_schedule_says_why() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "4");
    press(&mut s, "m Down Enter");
    let item = disk_item(&dir, "4");
    assert!(!item.sub_measures[0].done && item.sub_measures[1].done);
    assert_eq!(item.sub_measures[1].done_on, Some(today()));
    select(&mut s, "1");
    press(&mut s, "m");
    assert_eq!(s.mode(), Mode::Browse);
    assert_eq!(s.message.as_deref(), Some("该事项没有分项措施"));
}

#[test]
fn raise_notice_explanation_and_acceptance() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "2");
    press(&mut s, "r 3 Tab");
    type_text(&mut s, "领导批示");
    press(&mut s, "Enter");
    let raised = disk_item(&dir, "2").raised.expect("raised on disk");
    assert_eq!(
        (raised.colour, raised.reason.as_str()),
        (Colour::Red, "领导批示")
    );

    press(&mut s, "N 2 Enter");
    let notice = disk_item(&dir, "2").notices.pop().expect("notice on disk");
    assert_eq!(
        (notice.kind, notice.date, notice.recipient.as_str()),
        (NoticeKind::Chase, today(), "法治督察科")
    );

    press(&mut s, "E");
    type_text(&mut s, "资金未到位");
    press(&mut s, "Enter");
    assert_eq!(
        disk_item(&dir, "2").overdue_explanation.as_deref(),
        Some("资金未到位")
    );

    press(&mut s, "A Enter");
    assert!(form_message(&s).is_some_and(|m| m.contains("尚未完成")));
    press(&mut s, "Esc s 3 A Enter");
    let item = disk_item(&dir, "2");
    assert_eq!(item.status, Status::Accepted);
    assert_eq!(item.acceptance.map(|a| a.result), Some("通过".to_string()));
}

#[test]
fn bulk_status_on_marked_items_is_one_undo_step() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    let first_two: Vec<String> = s.view.rows[s.view.selected..s.view.selected + 2]
        .iter()
        .map(|&r| {
            let e = &s.catalog.entries[r as usize];
            s.catalog.ledgers[e.ledger].ledger.items[e.item].id.clone()
        })
        .collect();
    press(&mut s, "Space Space");
    assert_eq!(s.edit.marks.len(), 2);
    press(&mut s, "s 2");
    for id in &first_two {
        assert_eq!(disk_item(&dir, id).status, Status::InProgress, "item {id}");
    }
    assert!(s.edit.marks.is_empty());
    press(&mut s, "u");
    for id in &first_two {
        assert_eq!(disk_item(&dir, id).status, Status::NotStarted, "item {id}");
    }
}

#[test]
fn edits_from_the_detail_view_apply_to_the_item_shown() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "3");
    press(&mut s, "Enter");
    assert_eq!(s.mode(), Mode::Detail);
    press(&mut s, "s 3");
    assert_eq!(disk_item(&dir, "3").status, Status::Done);
    assert_eq!(disk_item(&dir, "3").done_on, Some(today()));
    assert_eq!(s.mode(), Mode::Detail);
}

#[test]
fn a_deadline_the_grammar_reads_saves_on_one_enter_with_its_reading_shown() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "e Ctrl-u");
    type_text(&mut s, "9月底前");
    let open_form = s.edit.form.as_ref().expect("form open");
    let duban::app::edit::EditForm::Fields(form) = &open_form.form else {
        panic!("deadline form")
    };
    let preview = form.fields[0].deadline_preview().expect("live preview");
    assert!(preview.understood);
    assert!(
        preview.lines.iter().any(|l| l.contains("2024-09-30")),
        "{:?}",
        preview.lines
    );
    press(&mut s, "Enter");
    assert_eq!(s.mode(), Mode::Browse);
    assert_eq!(disk_item(&dir, "1").deadline, "9月底前");
}

#[test]
fn milestone_of_a_phased_deadline_is_marked_with_its_date() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "2");
    press(&mut s, "e Ctrl-u");
    type_text(&mut s, "1-3月项目申报 4-10月完成建设");
    press(&mut s, "Enter");
    assert_eq!(
        disk_item(&dir, "2").deadline,
        "1-3月项目申报 4-10月完成建设"
    );
    press(&mut s, "M Backspace");
    type_text(&mut s, "1");
    press(&mut s, "Enter");
    let met = disk_item(&dir, "2").milestones_met;
    assert_eq!(met.len(), 1);
    assert_eq!((met[0].index, met[0].label.as_str()), (0, "项目申报"));
    assert_eq!(met[0].date.to_string(), "2024-06-01");
    // The next time the list opens on the first unmet milestone; Esc changes nothing.
    press(&mut s, "M Esc");
    assert_eq!(disk_item(&dir, "2").milestones_met.len(), 1);
    press(&mut s, "u");
    assert!(disk_item(&dir, "2").milestones_met.is_empty());
}

#[test]
fn a_refused_save_is_reported_never_overwrites_a_broken_file_and_is_retried_on_quit() {
    let (_tmp, dir) = workspace();
    let path = dir.join("ledgers/test.ron");
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "n");
    type_text(&mut s, "第一条");
    press(&mut s, "Enter");
    let good = std::fs::read(&path).expect("read");
    std::fs::write(&path, "(broken").expect("break the file");

    press(&mut s, "n");
    type_text(&mut s, "第二条");
    press(&mut s, "Enter");
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.starts_with("保存失败")),
        "{:?}",
        s.message
    );
    assert_eq!(std::fs::read(&path).expect("read"), b"(broken");
    assert_eq!(state_item(&s, "1").progress.len(), 2);

    std::fs::write(&path, good).expect("repair the file");
    let quit = duban::tui::dispatch(&mut s, duban::app::Action::Quit, now());
    assert!(quit);
    let texts: Vec<String> = disk_item(&dir, "1")
        .progress
        .into_iter()
        .map(|p| p.text)
        .collect();
    assert_eq!(texts, vec!["第一条".to_string(), "第二条".to_string()]);
}

#[test]
fn esc_clears_marks() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "Space");
    assert_eq!(s.edit.marks.len(), 1);
    press(&mut s, "Esc");
    assert!(s.edit.marks.is_empty());
    assert_eq!(s.message.as_deref(), Some("已取消全部标记"));
}

#[test]
fn bulk_unit_and_deadline_changes_are_one_step_each() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    let mark = |s: &mut duban::app::State, id: &str| {
        select(s, id);
        press(s, "Space");
    };
    mark(&mut s, "1");
    mark(&mut s, "3");
    press(&mut s, "a");
    type_text(&mut s, "fzdck");
    press(&mut s, "Enter Enter");
    for id in ["1", "3"] {
        assert!(
            disk_item(&dir, id)
                .units
                .contains(&"法治督察科".to_string()),
            "{id}"
        );
    }
    assert_eq!(disk_item(&dir, "2").units, vec!["法治督察科".to_string()]);

    mark(&mut s, "1");
    mark(&mut s, "3");
    press(&mut s, "e");
    type_text(&mut s, "9月底前");
    press(&mut s, "Enter");
    for id in ["1", "3"] {
        assert_eq!(disk_item(&dir, id).deadline, "9月底前", "{id}");
    }
    press(&mut s, "u");
    for id in ["1", "3"] {
        assert_eq!(disk_item(&dir, id).deadline, "2024年6月30日前", "{id}");
        assert!(
            disk_item(&dir, id)
                .units
                .contains(&"法治督察科".to_string()),
            "{id}"
        );
    }
    press(&mut s, "u");
    assert_eq!(disk_item(&dir, "1").units, vec!["社区矫正科".to_string()]);
    assert_eq!(disk_item(&dir, "3").units, vec!["办公室".to_string()]);
}

#[test]
fn edit_keys_are_remappable_and_listed_in_help_and_footer() {
    use duban::app::Action;
    use duban::app::edit::EditKind;
    use duban::input::KeyMap;
    let mut map = KeyMap::default();
    let messages = map.apply_overrides(
        r#"[
            (action: "Undo", keys: ["U"]),
            (action: "Edit(Status)", keys: ["S"], mode: "Browse"),
        ]"#,
        "keys.ron",
    );
    assert!(messages.is_empty(), "{messages:?}");
    assert_eq!(map.resolve(&key("U"), Mode::Browse), Some(Action::Undo));
    assert_eq!(map.resolve(&key("U"), Mode::Detail), Some(Action::Undo));
    assert_eq!(map.resolve(&key("u"), Mode::Browse), None);
    assert_eq!(
        map.resolve(&key("S"), Mode::Browse),
        Some(Action::Edit(EditKind::Status))
    );
    // Detail keeps its default for status (the override named Browse only).
    assert_eq!(
        map.resolve(&key("s"), Mode::Detail),
        Some(Action::Edit(EditKind::Status))
    );

    let defaults = KeyMap::default();
    let footer: Vec<String> = defaults
        .footer(Mode::Browse)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    for k in [
        "s", "n", "e", "x", "a", "Space", "u", "Ctrl-r", "m", "M", "r", "N", "E", "A",
    ] {
        assert!(
            footer.iter().any(|f| f == k),
            "{k} missing from the footer: {footer:?}"
        );
    }
    let help: Vec<Action> = defaults
        .bindings(Mode::Detail)
        .map(|b| b.action.clone())
        .collect();
    assert!(help.contains(&Action::Redo) && help.contains(&Action::Edit(EditKind::Milestone)));
}

#[test]
fn a_bulk_edit_across_two_ledgers_saves_both_and_undoes_both() {
    let (_tmp, dir) = workspace();
    let mut second = on_disk(&dir);
    second.id = "second".into();
    second.title = "第二台账".into();
    duban::storage::save_ledger(&dir, &second, 2).expect("second ledger");
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "Space");
    let other_row = s
        .view
        .rows
        .iter()
        .position(|&r| {
            s.catalog.ledgers[s.catalog.entries[r as usize].ledger]
                .ledger
                .id
                == "second"
        })
        .expect("second ledger shown");
    s.view.selected = other_row;
    press(&mut s, "Space s 2");
    assert_eq!(s.message.as_deref(), Some("状态改为推进中(2 项) · 已保存"));
    let second_disk = || {
        duban::storage::load_ledger(&dir.join("ledgers/second.ron"))
            .expect("parses")
            .ledger
    };
    assert_eq!(disk_item(&dir, "1").status, Status::InProgress);
    let changed: Vec<_> = second_disk()
        .items
        .iter()
        .filter(|i| i.status == Status::InProgress)
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(changed.len(), 1);
    press(&mut s, "u");
    assert_eq!(disk_item(&dir, "1").status, Status::NotStarted);
    assert!(
        second_disk()
            .items
            .iter()
            .all(|i| i.status == Status::NotStarted)
    );
}
