use chrono::NaiveDate;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Position;
use ratatui::style::Color;

use super::*;
use crate::app::edit::{ConflictEntry, ConflictResolver, EditForm, EditKind, FormContext};
use crate::domain::edit::Field;
use crate::domain::{Colour, Item, SubMeasure};

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn item() -> Item {
    Item {
        id: "7".into(),
        number: "7".into(),
        title: "建设智慧矫正中心".into(),
        deadline: "6月底前".into(),
        units: vec!["社区矫正科".into()],
        sub_measures: vec![SubMeasure {
            text: "第一项\u{1b}[31m".into(),
            done: true,
            deadline: None,
            done_on: NaiveDate::from_ymd_opt(2024, 5, 1),
        }],
        ..Item::default()
    }
}

fn open(kind: EditKind, it: &Item) -> EditForm {
    let known = vec!["社区矫正科".to_string(), "办公室".to_string()];
    let ctx = FormContext {
        today: NaiveDate::from_ymd_opt(2024, 6, 3).expect("valid"),
        user: "李四",
        base_year: 2024,
        item: Some(it),
        governing_deadline: "6月底前",
        colour: Colour::Red,
        known_units: &known,
        targets: 1,
    };
    EditForm::open(kind, &ctx).expect("opens")
}

fn draw(form: &EditForm, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| render_form(f, f.area(), form, &crate::ui::Theme::default()))
        .expect("draws");
    terminal
}

fn screen(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = crate::text::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        let kept = out.trim_end_matches(' ').len();
        out.truncate(kept);
        out.push('\n');
    }
    out.trim_start_matches('\n').to_string()
}

#[test]
fn note_form_at_80x24_places_the_cursor_after_the_chinese_text() {
    let it = item();
    let mut form = open(EditKind::Note, &it);
    for c in "完成选址".chars() {
        form.handle_key(&key(c));
    }
    let mut t = draw(&form, 80, 24);
    insta::assert_snapshot!(screen(&t));
    // The popup is 72 wide at x = 4 and 5 high at y = 9; the input is its first body line,
    // after the label "▸进展:" (6 columns) and the typed text (8 columns).
    let cursor = t.backend_mut().get_cursor_position().expect("cursor");
    assert_eq!(cursor, Position::new(4 + 1 + 6 + 8, 9 + 1));
}

#[test]
fn refusal_is_red_and_marked_and_the_typed_text_stays() {
    let it = item();
    let mut form = open(EditKind::Note, &it);
    form.handle_key(&KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    form.handle_key(&key('x'));
    form.handle_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let t = draw(&form, 80, 24);
    let text = screen(&t);
    assert!(text.contains("✗ 请填写进展"), "{text}");
    let buf = t.backend().buffer();
    let (x, y) = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .find(|&(x, y)| buf[(x, y)].symbol() == "✗")
        .expect("error mark drawn");
    assert_eq!(buf[(x, y)].fg, Color::LightRed);
}

#[test]
fn every_form_renders_at_160x48_with_hostile_text_inert() {
    let it = item();
    for kind in [
        EditKind::Status,
        EditKind::Deadline,
        EditKind::Extension,
        EditKind::Units,
        EditKind::SubMeasure,
        EditKind::Raise,
        EditKind::Notice,
        EditKind::Explanation,
        EditKind::Acceptance,
    ] {
        let t = draw(&open(kind, &it), 160, 48);
        let text = screen(&t);
        assert!(
            !text.contains('\u{1b}'),
            "{kind:?}: escape reached the screen"
        );
        insta::assert_snapshot!(format!("form_{kind:?}_160x48"), text);
    }
}

#[test]
fn conflict_popup_lists_both_values() {
    let resolver = ConflictResolver::new(vec![ConflictEntry {
        ledger_id: "l".into(),
        item_id: "7".into(),
        item_label: "7 建设智慧矫正中心".into(),
        field: Field::Status,
        mine: "推进中".into(),
        theirs: "已完成(待验收)".into(),
        keep_mine: false,
        mine_item: item(),
    }])
    .expect("has conflicts");
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    t.draw(|f| render_conflicts(f, f.area(), &resolver, &crate::ui::Theme::default()))
        .expect("draws");
    let text = screen(&t);
    assert!(text.contains("○ 1 我的:推进中"), "{text}");
    assert!(text.contains("● 2 他人的:已完成(待验收)"), "{text}");
}

proptest! {
    #[test]
    fn forms_never_panic_at_any_size(w in 0u16..90, h in 0u16..30, k in 0usize..4) {
        let it = item();
        let kind = [EditKind::Note, EditKind::Status, EditKind::Units, EditKind::Extension][k];
        let mut form = open(kind, &it);
        for c in "很长的一段中文进展说明文字超过宽度".chars() {
            form.handle_key(&key(c));
        }
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        t.draw(|f| render_form(f, f.area(), &form, &crate::ui::Theme::default())).expect("draws");
    }
}

#[test]
fn monochrome_refusal_keeps_its_mark_without_colour() {
    let it = item();
    let mut form = open(EditKind::Note, &it);
    form.handle_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    t.draw(|f| render_form(f, f.area(), &form, &crate::ui::Theme::MONO))
        .expect("draws");
    let buf = t.backend().buffer();
    let cells: Vec<_> = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .map(|p| &buf[p])
        .collect();
    assert!(
        cells
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    let mark = cells
        .iter()
        .find(|c| c.symbol() == "✗")
        .expect("mark drawn");
    assert!(mark.modifier.contains(ratatui::style::Modifier::REVERSED));
}

#[test]
fn help_explains_the_forms_and_lists_the_edit_keys() {
    let lines = crate::ui::help_lines(&crate::input::KeyMap::default(), &crate::ui::Theme::MONO);
    let text: Vec<String> = lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    assert!(text.iter().any(|l| l.contains("【编辑表单】")));
    assert!(
        text.iter()
            .any(|l| l.contains("Esc 取消(已输入内容时先询问)"))
    );
    assert!(text.iter().any(|l| l.contains("【放弃输入的确认】")));
    assert!(text.iter().any(|l| l.contains("【有未保存修改时退出】")));
    for desc in [
        "改状态",
        "记进展",
        "登记延期",
        "撤销上一次修改",
        "重做被撤销的修改",
    ] {
        assert!(
            text.iter().any(|l| l.contains(desc)),
            "{desc} missing from help"
        );
    }
}
