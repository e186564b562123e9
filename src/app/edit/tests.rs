use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::domain::edit::Field;
use crate::domain::{Item, Ledger, Status, SubMeasure};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn chars(s: &str) -> Vec<KeyEvent> {
    s.chars().map(|c| key(KeyCode::Char(c))).collect()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 3).expect("valid")
}

fn at() -> NaiveDateTime {
    today().and_hms_opt(10, 0, 0).expect("valid")
}

// ---- text input ----

#[test]
fn text_input_edits_by_grapheme_and_places_the_caret_by_width() {
    let mut t = TextInput::new();
    for k in chars("智慧e\u{301}x") {
        t.handle_key(&k);
    }
    assert_eq!(t.cursor_column(), 2 + 2 + 1 + 1);
    t.left();
    t.left(); // over "x" and the combined "é"
    assert_eq!(t.cursor_column(), 4);
    t.delete(); // removes é (two chars, one grapheme)
    assert_eq!(t.text(), "智慧x");
    t.backspace();
    assert_eq!(t.text(), "智x");
    assert_eq!(t.cursor_column(), 2);
    t.handle_key(&key(KeyCode::End));
    t.handle_key(&key(KeyCode::Char('中')));
    assert_eq!(t.text(), "智x中");
    t.handle_key(&key(KeyCode::Home));
    assert_eq!(t.cursor(), 0);
    t.handle_key(&key(KeyCode::Backspace));
    assert_eq!(t.text(), "智x中");
}

#[test]
fn paste_is_inserted_whole_on_one_line() {
    let mut t = TextInput::with_text("进展:");
    t.insert_str("第一行\r\n第二行\n\u{1b}[31m红");
    assert_eq!(t.text(), "进展:第一行 第二行 [31m红");
    assert_eq!(t.cursor(), t.text().len());
}

#[test]
fn ctrl_w_and_ctrl_u_delete_backwards() {
    let mut t = TextInput::with_text("召开 推进会  ");
    t.handle_key(&ctrl('w'));
    assert_eq!(t.text(), "召开 ");
    t.handle_key(&ctrl('w'));
    assert_eq!(t.text(), "");
    let mut t = TextInput::with_text("abc 中文");
    t.left();
    t.handle_key(&ctrl('u'));
    assert_eq!(t.text(), "文");
    assert_eq!(t.cursor(), 0);
}

#[test]
fn view_scrolls_to_keep_the_caret_visible() {
    let t = TextInput::with_text("一二三四五六");
    let (shown, caret) = t.view(7);
    assert_eq!((shown.as_str(), caret), ("四五六", 6));
    let mut t = t;
    t.home();
    let (shown, caret) = t.view(7);
    assert_eq!((shown.as_str(), caret), ("一二三", 0));
}

proptest! {
    #[test]
    fn text_input_never_panics_and_caret_stays_on_a_boundary(
        ops in proptest::collection::vec((0u8..9, "[a中é\u{301}👍🏽 ]{0,3}"), 0..40),
        cols in 0usize..12,
    ) {
        let mut t = TextInput::new();
        for (op, s) in ops {
            match op {
                0 => t.insert_str(&s),
                1 => t.backspace(),
                2 => t.delete(),
                3 => t.left(),
                4 => t.right(),
                5 => t.kill_word_back(),
                6 => t.kill_to_start(),
                7 => t.home(),
                _ => t.end(),
            }
            prop_assert!(t.text().is_char_boundary(t.cursor()));
            let (shown, caret) = t.view(cols);
            prop_assert!(crate::text::width(&shown) <= cols);
            prop_assert!(caret <= cols);
        }
    }
}

// ---- forms ----

fn item() -> Item {
    Item {
        id: "7".into(),
        number: "7".into(),
        title: "建设智慧矫正中心".into(),
        deadline: "6月底前".into(),
        units: vec!["社区矫正科".into()],
        sub_measures: vec![SubMeasure {
            text: "第一项".into(),
            done: false,
            deadline: None,
            done_on: None,
        }],
        ..Item::default()
    }
}

fn ledger() -> Ledger {
    let mut other = item();
    other.id = "8".into();
    other.number = "8".into();
    Ledger {
        id: "l".into(),
        base_year: 2024,
        items: vec![item(), other],
        ..Ledger::default()
    }
}

fn units() -> Vec<String> {
    vec![
        "社区矫正科".into(),
        "办公室".into(),
        "法治督察科".into(),
        "人民参与和促进法治科".into(),
    ]
}

fn open(kind: EditKind, it: &Item, known: &[String]) -> EditForm {
    let l = ledger();
    let ctx = FormContext {
        today: today(),
        user: "李四",
        base_year: 2024,
        item: Some(it),
        governing_deadline: "6月底前",
        colour: crate::domain::Colour::Red,
        known_units: known,
        targets: 1,
    };
    let _ = l;
    EditForm::open(kind, &ctx).expect("form opens")
}

fn press(form: &mut EditForm, keys: &[KeyEvent]) -> FormOutcome {
    let mut last = FormOutcome::Continue;
    for k in keys {
        last = form.handle_key(k);
    }
    last
}

#[test]
fn note_saves_with_today_and_the_user() {
    let it = item();
    let mut f = open(EditKind::Note, &it, &[]);
    f.paste("完成选址\n");
    let out = press(&mut f, &[key(KeyCode::Enter)]);
    assert_eq!(
        out,
        FormOutcome::Submit(vec![crate::domain::edit::Edit::AddNote {
            date: today(),
            author: "李四".into(),
            text: "完成选址".into(),
        }])
    );
}

#[test]
fn empty_note_is_refused_in_place_and_esc_cancels() {
    let it = item();
    let mut f = open(EditKind::Note, &it, &[]);
    press(&mut f, &chars("  "));
    assert_eq!(press(&mut f, &[key(KeyCode::Enter)]), FormOutcome::Continue);
    assert_eq!(f.message().map(|m| m.text.as_str()), Some("请填写进展"));
    assert_eq!(press(&mut f, &[key(KeyCode::Esc)]), FormOutcome::Cancel);
}

#[test]
fn a_date_that_does_not_exist_is_refused_keeping_the_text() {
    let it = item();
    let mut f = open(EditKind::Note, &it, &[]);
    press(&mut f, &chars("开会"));
    press(&mut f, &[key(KeyCode::Tab), ctrl('u')]);
    press(&mut f, &chars("2024-02-30"));
    assert_eq!(press(&mut f, &[key(KeyCode::Enter)]), FormOutcome::Continue);
    assert_eq!(
        f.message().map(|m| m.text.as_str()),
        Some("日期 2024年2月30日 不存在")
    );
    let EditForm::Fields(form) = &f else {
        panic!("a fields form")
    };
    assert_eq!(form.focus, 1);
    assert_eq!(form.fields[0].value(), "开会");
    assert_eq!(form.fields[1].value(), "2024-02-30");
}

#[test]
fn unparsed_deadline_needs_a_second_enter() {
    let it = item();
    let mut f = open(EditKind::Deadline, &it, &[]);
    press(&mut f, &[ctrl('u')]);
    press(&mut f, &chars("看情况"));
    assert_eq!(press(&mut f, &[key(KeyCode::Enter)]), FormOutcome::Continue);
    assert_eq!(f.message().map(|m| m.level), Some(Level::Warning));
    let EditForm::Fields(form) = &f else {
        panic!("a fields form")
    };
    let preview = form.fields[0].deadline_preview().expect("deadline field");
    assert!(!preview.understood);
    assert!(preview.lines.iter().any(|l| l.contains("未能识别")));
    assert_eq!(
        press(&mut f, &[key(KeyCode::Enter)]),
        FormOutcome::Submit(vec![crate::domain::edit::Edit::SetDeadline {
            text: "看情况".into()
        }])
    );
}

#[test]
fn extension_shows_the_original_and_requires_a_reason() {
    let it = item();
    let mut f = open(EditKind::Extension, &it, &[]);
    let EditForm::Fields(form) = &f else {
        panic!("a fields form")
    };
    assert_eq!(form.notes, vec!["原时限:6月底前".to_string()]);
    press(&mut f, &chars("看情况"));
    press(&mut f, &[key(KeyCode::Enter)]);
    assert_eq!(f.message().map(|m| m.text.as_str()), Some("请填写延期原因"));
    press(&mut f, &chars("施工延误"));
    press(&mut f, &[key(KeyCode::Tab)]);
    press(&mut f, &chars("王局长"));
    press(&mut f, &[key(KeyCode::Enter)]); // unparsed warning
    let out = press(&mut f, &[key(KeyCode::Enter)]);
    assert_eq!(
        out,
        FormOutcome::Submit(vec![crate::domain::edit::Edit::AddExtension {
            new_deadline: "看情况".into(),
            reason: "施工延误".into(),
            approver: "王局长".into(),
            date: today(),
        }])
    );
}

#[test]
fn notice_defaults_follow_the_colour_and_first_unit() {
    let it = item();
    let mut f = open(EditKind::Notice, &it, &[]);
    let out = press(&mut f, &[key(KeyCode::Enter)]);
    assert_eq!(
        out,
        FormOutcome::Submit(vec![crate::domain::edit::Edit::AddNotice {
            kind: crate::domain::NoticeKind::Supervise,
            date: today(),
            recipient: "社区矫正科".into(),
        }])
    );
    let mut f = open(EditKind::Notice, &it, &[]);
    let out = press(&mut f, &[key(KeyCode::Char('1')), key(KeyCode::Enter)]);
    assert!(matches!(
        out,
        FormOutcome::Submit(ref e) if matches!(e[0], crate::domain::edit::Edit::AddNotice { kind: crate::domain::NoticeKind::Reminder, .. })
    ));
}

#[test]
fn raise_picks_a_colour_or_clears() {
    let it = item();
    let mut f = open(EditKind::Raise, &it, &[]);
    press(&mut f, &[key(KeyCode::Char('4')), key(KeyCode::Tab)]);
    press(&mut f, &chars("领导批示"));
    assert_eq!(
        press(&mut f, &[key(KeyCode::Enter)]),
        FormOutcome::Submit(vec![crate::domain::edit::Edit::Raise {
            colour: crate::domain::Colour::Black,
            reason: "领导批示".into()
        }])
    );
    let mut f = open(EditKind::Raise, &it, &[]);
    assert_eq!(
        press(&mut f, &[key(KeyCode::Char('5')), key(KeyCode::Enter)]),
        FormOutcome::Submit(vec![crate::domain::edit::Edit::ClearRaise])
    );
}

#[test]
fn acceptance_and_explanation_forms() {
    let it = item();
    let mut f = open(EditKind::Acceptance, &it, &[]);
    assert_eq!(
        press(&mut f, &[key(KeyCode::Enter)]),
        FormOutcome::Submit(vec![crate::domain::edit::Edit::SetAcceptance {
            date: today(),
            result: "通过".into()
        }])
    );
    let mut f = open(EditKind::Explanation, &it, &[]);
    press(&mut f, &[key(KeyCode::Enter)]);
    assert_eq!(f.message().map(|m| m.text.as_str()), Some("请填写说明"));
    press(&mut f, &chars("资金未到位"));
    assert_eq!(
        press(&mut f, &[key(KeyCode::Enter)]),
        FormOutcome::Submit(vec![crate::domain::edit::Edit::SetExplanation {
            text: "资金未到位".into()
        }])
    );
}

#[test]
fn status_picker_one_key_and_suspension_reason() {
    let it = item();
    let mut f = open(EditKind::Status, &it, &[]);
    assert_eq!(
        press(&mut f, &[key(KeyCode::Char('2'))]),
        FormOutcome::Submit(vec![crate::domain::edit::Edit::SetStatus {
            status: Status::InProgress,
            reason: None
        }])
    );
    let mut f = open(EditKind::Status, &it, &[]);
    assert_eq!(
        press(&mut f, &[key(KeyCode::Char('5'))]),
        FormOutcome::Continue
    );
    assert_eq!(press(&mut f, &[key(KeyCode::Enter)]), FormOutcome::Continue);
    assert_eq!(f.message().map(|m| m.text.as_str()), Some("请填写暂缓原因"));
    press(&mut f, &chars("等待政策"));
    assert_eq!(
        press(&mut f, &[key(KeyCode::Enter)]),
        FormOutcome::Submit(vec![crate::domain::edit::Edit::SetStatus {
            status: Status::Suspended,
            reason: Some("等待政策".into())
        }])
    );
    let mut f = open(EditKind::Status, &it, &[]);
    press(&mut f, &[key(KeyCode::Char('5'))]);
    press(&mut f, &[key(KeyCode::Esc)]); // leaves the reason, back to the list
    assert_eq!(press(&mut f, &[key(KeyCode::Esc)]), FormOutcome::Cancel);
}

#[test]
fn unit_picker_completes_fuzzily_and_replaces() {
    let it = item();
    let known = units();
    let mut f = open(EditKind::Units, &it, &known);
    press(&mut f, &chars("督察"));
    let EditForm::Units(p) = &f else {
        panic!("unit picker")
    };
    assert_eq!(p.candidates[0].unit, "法治督察科");
    assert!(
        p.candidates
            .last()
            .is_some_and(|c| c.is_new && c.unit == "督察")
    );
    press(&mut f, &[key(KeyCode::Enter)]); // take 法治督察科
    press(&mut f, &chars("新单位"));
    press(&mut f, &[key(KeyCode::Enter)]); // only the typed text is offered
    let out = press(&mut f, &[key(KeyCode::Enter)]);
    assert_eq!(
        out,
        FormOutcome::Submit(vec![crate::domain::edit::Edit::SetUnits {
            units: vec!["社区矫正科".into(), "法治督察科".into(), "新单位".into()]
        }])
    );
}

#[test]
fn unit_picker_refuses_an_empty_list() {
    let it = item();
    let mut f = open(EditKind::Units, &it, &units());
    press(&mut f, &[key(KeyCode::Backspace)]);
    assert_eq!(press(&mut f, &[key(KeyCode::Enter)]), FormOutcome::Continue);
    assert_eq!(
        f.message().map(|m| m.text.as_str()),
        Some("请至少选择一个责任单位")
    );
}

#[test]
fn bulk_unit_picker_adds_or_replaces() {
    let known = units();
    let ctx = FormContext::for_selection(3, 2024, today(), "李四", &known);
    let mut f = EditForm::open(EditKind::Units, &ctx).expect("bulk units");
    press(&mut f, &chars("办公"));
    press(&mut f, &[key(KeyCode::Enter)]);
    assert_eq!(
        press(&mut f, &[key(KeyCode::Enter)]),
        FormOutcome::Submit(vec![crate::domain::edit::Edit::AddUnit {
            unit: "办公室".into()
        }])
    );
    assert!(EditForm::open(EditKind::Extension, &ctx).is_err());
}

#[test]
fn sub_measure_checklist_ticks_with_a_date() {
    let it = item();
    let mut f = open(EditKind::SubMeasure, &it, &[]);
    press(&mut f, &[key(KeyCode::Backspace), key(KeyCode::Char('1'))]);
    assert_eq!(
        press(&mut f, &[key(KeyCode::Enter)]),
        FormOutcome::Submit(vec![crate::domain::edit::Edit::ToggleSubMeasure {
            index: 0,
            date: NaiveDate::from_ymd_opt(2024, 6, 1).expect("valid"),
        }])
    );
    let mut bare = item();
    bare.sub_measures.clear();
    let ctx = FormContext {
        today: today(),
        user: "李四",
        base_year: 2024,
        item: Some(&bare),
        governing_deadline: "",
        colour: crate::domain::Colour::None,
        known_units: &[],
        targets: 1,
    };
    assert_eq!(
        EditForm::open(EditKind::SubMeasure, &ctx).err(),
        Some("该事项没有分项措施".to_string())
    );
}

// ---- history ----

#[test]
fn bulk_edit_is_one_step_undone_and_redone() {
    let mut ledgers = vec![ledger()];
    let targets = [Target::new("l", "7"), Target::new("l", "8")];
    let edits = [crate::domain::edit::Edit::SetStatus {
        status: Status::InProgress,
        reason: None,
    }];
    let step = apply_to_targets(&mut ledgers, &targets, &edits, "李四", at()).expect("applies");
    assert_eq!(step.label, "状态改为推进中(2 项)");
    assert_eq!(step.ledger_ids(), vec!["l".to_string()]);
    let mut history = EditHistory::new();
    history.record(step);
    assert!(
        ledgers[0]
            .items
            .iter()
            .all(|i| i.status == Status::InProgress)
    );

    let replay = history.undo(&mut ledgers, "李四", at()).expect("undoable");
    assert_eq!(replay.ledger_ids, vec!["l".to_string()]);
    assert!(replay.conflicts.is_empty());
    assert!(
        ledgers[0]
            .items
            .iter()
            .all(|i| i.status == Status::NotStarted)
    );
    assert_eq!(history.next_redo(), Some("状态改为推进中(2 项)"));

    history.redo(&mut ledgers, "李四", at()).expect("redoable");
    assert!(
        ledgers[0]
            .items
            .iter()
            .all(|i| i.status == Status::InProgress)
    );
    assert!(history.redo(&mut ledgers, "李四", at()).is_none());
}

#[test]
fn refused_bulk_changes_nothing() {
    let mut ledgers = vec![ledger()];
    let before = ledgers.clone();
    let targets = [Target::new("l", "7"), Target::new("l", "missing")];
    let edits = [crate::domain::edit::Edit::AddUnit {
        unit: "办公室".into(),
    }];
    let err = apply_to_targets(&mut ledgers, &targets, &edits, "李四", at()).expect_err("refused");
    assert_eq!(err.item_id, "missing");
    assert_eq!(ledgers, before);
}

#[test]
fn undo_after_someone_else_changed_the_same_field_reports_it() {
    let mut ledgers = vec![ledger()];
    let targets = [Target::new("l", "7")];
    let mine = [crate::domain::edit::Edit::SetStatus {
        status: Status::InProgress,
        reason: None,
    }];
    let mut history = EditHistory::new();
    history.record(apply_to_targets(&mut ledgers, &targets, &mine, "李四", at()).expect("ok"));
    let theirs = [crate::domain::edit::Edit::SetStatus {
        status: Status::Done,
        reason: None,
    }];
    apply_to_targets(&mut ledgers, &targets, &theirs, "王五", at()).expect("ok");
    let replay = history.undo(&mut ledgers, "李四", at()).expect("undoable");
    assert_eq!(replay.conflicts.len(), 1);
    assert_eq!(replay.conflicts[0].1.field, Field::Status);
    assert!(replay.ledger_ids.is_empty());
    assert_eq!(ledgers[0].items[0].status, Status::Done);
}

#[test]
fn recording_clears_redo() {
    let mut ledgers = vec![ledger()];
    let targets = [Target::new("l", "7")];
    let note = |t: &str| crate::domain::edit::Edit::AddNote {
        date: today(),
        author: "李四".into(),
        text: t.into(),
    };
    let mut history = EditHistory::new();
    history
        .record(apply_to_targets(&mut ledgers, &targets, &[note("a")], "李四", at()).expect("ok"));
    history.undo(&mut ledgers, "李四", at());
    history
        .record(apply_to_targets(&mut ledgers, &targets, &[note("b")], "李四", at()).expect("ok"));
    assert_eq!(history.next_redo(), None);
    assert_eq!(history.next_undo(), Some("添加进展"));
    let texts: Vec<_> = ledgers[0].items[0]
        .progress
        .iter()
        .map(|p| p.text.clone())
        .collect();
    assert_eq!(texts, vec!["b".to_string()]);
}

// ---- conflicts ----

fn conflict(ledgers: &[Ledger], keep_mine: bool) -> ConflictEntry {
    let mut mine = ledgers[0].items[0].clone();
    mine.status = Status::InProgress;
    ConflictEntry {
        ledger_id: "l".into(),
        item_id: "7".into(),
        item_label: "7 建设智慧矫正中心".into(),
        field: Field::Status,
        mine: "推进中".into(),
        theirs: "已完成(待验收)".into(),
        keep_mine,
        mine_item: mine,
    }
}

#[test]
fn conflict_popup_needs_a_decision_and_keeping_mine_is_an_undoable_step() {
    let mut ledgers = vec![ledger()];
    ledgers[0].items[0].status = Status::Done; // theirs, on disk
    let mut resolver = ConflictResolver::new(vec![conflict(&ledgers, false)]).expect("some");
    assert_eq!(
        resolver.handle_key(&key(KeyCode::Esc)),
        ConflictOutcome::Continue
    );
    assert!(resolver.message.is_some());
    resolver.handle_key(&key(KeyCode::Char('1')));
    let ConflictOutcome::Resolved(entries) = resolver.handle_key(&key(KeyCode::Enter)) else {
        panic!("resolved")
    };
    let step = resolve_conflicts(&entries, &mut ledgers, "李四", at()).expect("a step");
    assert_eq!(ledgers[0].items[0].status, Status::InProgress);
    assert_eq!(
        ledgers[0].items[0].history.last().map(|h| h.from.as_str()),
        Some("已完成(待验收)")
    );
    let mut history = EditHistory::new();
    history.record(step);
    history.undo(&mut ledgers, "李四", at());
    assert_eq!(ledgers[0].items[0].status, Status::Done);
}

#[test]
fn keeping_theirs_changes_nothing() {
    let mut ledgers = vec![ledger()];
    let before = ledgers.clone();
    assert_eq!(
        resolve_conflicts(&[conflict(&ledgers, false)], &mut ledgers, "李四", at()),
        None
    );
    assert_eq!(ledgers, before);
}

// ---- session ----

#[test]
fn session_applies_a_bulk_status_to_marked_items_as_one_step() {
    let mut ledgers = vec![ledger()];
    let mut session = EditSession::new("李四");
    session.toggle_mark(Target::new("l", "7"));
    session.toggle_mark(Target::new("l", "8"));
    let targets = session.targets(Some(Target::new("l", "7")));
    assert_eq!(targets.len(), 2);
    let known = units();
    let ctx = FormContext::for_selection(2, 2024, today(), "李四", &known);
    session.form = Some(OpenForm {
        form: EditForm::open(EditKind::Status, &ctx).expect("opens"),
        targets,
    });
    let event = session.form_key(&key(KeyCode::Char('3')), &mut ledgers, at());
    assert_eq!(
        event,
        FormEvent::Applied {
            label: "状态改为已完成(2 项)".into(),
            ledger_ids: vec!["l".into()]
        }
    );
    assert!(session.marks.is_empty() && session.form.is_none());
    assert!(ledgers[0].items.iter().all(|i| i.status == Status::Done));
    session.undo(&mut ledgers, at()).expect("undo");
    assert!(
        ledgers[0]
            .items
            .iter()
            .all(|i| i.status == Status::NotStarted)
    );
}

#[test]
fn session_keeps_a_refused_form_open_with_the_domain_message() {
    let mut ledgers = vec![ledger()];
    let mut session = EditSession::new("李四");
    let it = ledgers[0].items[0].clone();
    session.form = Some(OpenForm {
        form: open(EditKind::Acceptance, &it, &[]),
        targets: vec![Target::new("l", "7")],
    });
    let event = session.form_key(&key(KeyCode::Enter), &mut ledgers, at());
    assert_eq!(event, FormEvent::Editing);
    let message = session
        .form
        .as_ref()
        .and_then(|f| f.form.message().cloned());
    assert_eq!(
        message.map(|m| m.text),
        Some("事项状态为未启动,尚未完成,不能验收;请先将状态改为已完成".to_string())
    );
    assert_eq!(
        session.form_key(&key(KeyCode::Esc), &mut ledgers, at()),
        FormEvent::Cancelled
    );
    assert_eq!(ledgers, vec![ledger()]);
}
