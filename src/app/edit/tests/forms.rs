//! The forms as state machines.

use chrono::NaiveDate;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::super::*;
use super::support::*;
use crate::domain::Status;

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

#[test]
fn unit_picker_finds_units_by_pinyin_initials() {
    let it = item();
    let known = units();
    let mut f = open(EditKind::Units, &it, &known);
    press(&mut f, &chars("bgs"));
    let EditForm::Units(p) = &f else {
        panic!("unit picker")
    };
    assert_eq!(p.candidates[0].unit, "办公室");
    assert_eq!(p.candidates[0].matched, vec![0, 1, 2]);
}

fn any_key() -> impl Strategy<Value = KeyEvent> {
    use ratatui::crossterm::event::KeyModifiers;
    let code = prop_oneof![
        proptest::char::any().prop_map(KeyCode::Char),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Backspace),
        Just(KeyCode::Delete),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Home),
        Just(KeyCode::End),
    ];
    let mods = prop_oneof![
        Just(KeyModifiers::NONE),
        Just(KeyModifiers::CONTROL),
        Just(KeyModifiers::ALT),
        Just(KeyModifiers::SHIFT),
    ];
    (code, mods).prop_map(|(c, m)| KeyEvent::new(c, m))
}

const KINDS: [EditKind; 11] = [
    EditKind::Status,
    EditKind::Note,
    EditKind::Deadline,
    EditKind::Extension,
    EditKind::Units,
    EditKind::SubMeasure,
    EditKind::Milestone,
    EditKind::Raise,
    EditKind::Notice,
    EditKind::Explanation,
    EditKind::Acceptance,
];

proptest! {
    /// Any keys into any form never panic; whatever it submits is applied or refused
    /// cleanly by the domain.
    #[test]
    fn forms_take_any_keys(kind in 0..KINDS.len(), keys in proptest::collection::vec(any_key(), 0..30)) {
        let it = item();
        let known = units();
        let ctx = FormContext {
            today: today(),
            user: "李四",
            base_year: 2024,
            item: Some(&it),
            governing_deadline: "1-3月项目申报 4-10月完成建设",
            colour: crate::domain::Colour::Red,
            known_units: &known,
            targets: 1,
        };
        let mut form = EditForm::open(KINDS[kind], &ctx).expect("opens");
        for k in &keys {
            match form.handle_key(k) {
                FormOutcome::Submit(edits) => {
                    let mut ledgers = vec![ledger()];
                    let targets = [Target::new("l", "7")];
                    let _ = apply_to_targets(&mut ledgers, &targets, &edits, "李四", at());
                    break;
                }
                FormOutcome::Cancel => break,
                FormOutcome::Continue => {}
            }
        }
    }
}

#[test]
fn deadline_form_says_when_an_extension_governs() {
    let mut it = item();
    it.extensions.push(crate::domain::Extension {
        original: "6月底前".into(),
        new_deadline: "9月底前".into(),
        reason: "延误".into(),
        approver: String::new(),
        date: today(),
        original_due: None,
        new_due: None,
        milestone: None,
    });
    let ctx = FormContext {
        today: today(),
        user: "李四",
        base_year: 2024,
        item: Some(&it),
        governing_deadline: "9月底前",
        colour: crate::domain::Colour::None,
        known_units: &[],
        targets: 1,
    };
    let EditForm::Fields(form) = EditForm::open(EditKind::Deadline, &ctx).expect("opens") else {
        panic!("fields form")
    };
    assert_eq!(form.fields[0].value(), "6月底前");
    assert!(
        form.notes[0].contains("现行时限:9月底前"),
        "{:?}",
        form.notes
    );
}

#[test]
fn submit_offers_the_earliest_unsubmitted_occurrence_and_records_it() {
    let it = item();
    let text = "2024年深化年;每年10月底前报送年度报告";
    let mut f = EditForm::open(EditKind::Submit, &ctx_for(&it, text)).expect("opens");
    let out = press(&mut f, &[key(KeyCode::Enter)]);
    assert_eq!(
        out,
        FormOutcome::Submit(vec![crate::domain::edit::Edit::Submit {
            due: NaiveDate::from_ymd_opt(2024, 10, 31).expect("date"),
            date: today(),
        }])
    );
    let refused = EditForm::open(EditKind::Submit, &ctx_for(&it, "6月底前"));
    assert!(refused.is_err_and(|e| e.contains("没有周期性报送要求")));
}

#[test]
fn an_extension_of_a_plan_moves_the_first_unmet_milestone_by_default() {
    let mut it = item();
    let text = "2022年推进年 2023年提升年 2024年深化年;每年10月底前报送年度报告";
    it.milestones_met.push(crate::domain::MilestoneMet {
        index: 0,
        label: "推进年".into(),
        date: NaiveDate::from_ymd_opt(2022, 12, 30).expect("date"),
    });
    let mut ctx = ctx_for(&it, text);
    ctx.base_year = 2022;
    let mut f = EditForm::open(EditKind::Extension, &ctx).expect("opens");
    f.paste("2023年7月底前");
    press(&mut f, &[key(KeyCode::Tab)]);
    f.paste("场地未落实");
    let out = press(&mut f, &[key(KeyCode::Enter)]);
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    assert_eq!(
        out,
        FormOutcome::Submit(vec![crate::domain::edit::Edit::ExtendMilestone {
            milestone_due: date(2023, 12, 31),
            label: "提升年".into(),
            new_deadline: "2023年7月底前".into(),
            new_due: date(2023, 7, 31),
            reason: "场地未落实".into(),
            approver: String::new(),
            date: today(),
        }])
    );
}
