//! 发通知单 from the TUI on a private copy of the sample workspace at its pinned date
//! (2023-06-26), driven through the real key map, update and effects: the popup as drawn,
//! the files written and the notices recorded on the items (the same path as
//! `duban notices --out`), and the question before issuing the same notice twice.
//!
//! By hand from data/ledgers/2023-1-zhidu.ron: the sample's three red items are 1, 2 and 3
//! of 2023-1-zhidu, all 机关党办's and 5月底前 (17 working days overdue) → one
//! 督办通知单 of three items, 督〔2023〕1号.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use duban::app::{Action, Mode, Reach, Screen, State, update};
use duban::domain::NoticeKind;
use duban::input::KeyMap;
use duban::storage::{ledger_path, load_config, load_ledger, load_workspace};
use duban::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyEvent;

const LEDGER: &str = "2023-1-zhidu";
const UNIT: &str = "机关党办";

fn sample() -> (tempfile::TempDir, State) {
    let tmp = tempfile::TempDir::new().expect("tempdir");
    support::copy_dir(&support::repo().join("data"), tmp.path());
    let state = open(tmp.path(), 80, 24);
    (tmp, state)
}

fn open(dir: &Path, width: u16, height: u16) -> State {
    let workspace = load_workspace(dir).expect("sample loads");
    let today = workspace.config.as_of.expect("pinned date");
    let mut state = State::new(workspace, today);
    state.edit.user = "督查室".into();
    update(
        &mut state,
        Action::Resize(width, height),
        today.and_time(chrono::NaiveTime::MIN),
    );
    state
}

fn key(name: &str) -> KeyEvent {
    duban::input::KeySpec::parse(name)
        .expect("key name")
        .event()
}

/// Press keys through the default key map, the update and the effects.
fn press(state: &mut State, keys: &[&str]) {
    let map = KeyMap::default();
    let now = state.today().and_time(chrono::NaiveTime::MIN);
    for k in keys {
        let action = map
            .resolve(&key(k), state.mode())
            .unwrap_or_else(|| panic!("{k} is bound in {:?}", state.mode()));
        duban::tui::dispatch(state, action, now);
    }
}

fn render(state: &State) -> Terminal<TestBackend> {
    let (w, h) = state.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|frame| ui::draw(frame, state, &KeyMap::default(), &Theme::default()))
        .expect("draw");
    terminal
}

fn notice_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = fs::read_dir(dir.join("notices")) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = read.map(|e| e.expect("entry").path()).collect();
    out.sort();
    out
}

/// The numbers of the notices item `id` of the sample's 2023-1-zhidu holds on disk.
fn numbers_on_disk(dir: &Path, id: &str) -> Vec<String> {
    let loaded = load_ledger(&ledger_path(dir, LEDGER)).expect("ledger loads");
    let item = loaded.ledger.item(id).expect("item");
    item.notices
        .iter()
        .map(|n| {
            assert_eq!(n.kind, NoticeKind::Supervise);
            assert_eq!(n.recipient, UNIT);
            n.number.clone().unwrap_or_default()
        })
        .collect()
}

fn detail_text(state: &State) -> String {
    let Screen::Detail { entry, .. } = state.screen else {
        panic!("not in the detail: {:?}", state.screen);
    };
    let entry = state.catalog.entry(entry).expect("entry");
    ui::detail_lines(&state.catalog, entry, &Theme::MONO)
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_popup_at_80x24_and_200x50() {
    for (w, h) in [(80u16, 24u16), (200, 50)] {
        let tmp = tempfile::TempDir::new().expect("tempdir");
        support::copy_dir(&support::repo().join("data"), tmp.path());
        let mut state = open(tmp.path(), w, h);
        // The red items, the first selected; the popup on it, then on its unit's red items.
        press(&mut state, &["2", "l", "I"]);
        assert_eq!(state.mode(), Mode::Notices);
        insta::assert_snapshot!(format!("item_{w}x{h}"), render(&state).backend());
        press(&mut state, &["Tab"]);
        insta::assert_snapshot!(format!("unit_{w}x{h}"), render(&state).backend());
    }
}

#[test]
fn the_popup_previews_one_notice_per_unit_and_kind_with_the_number_it_takes() {
    let (_tmp, mut state) = sample();
    press(&mut state, &["2", "l", "I"]);
    let popup = state.notices.as_ref().expect("popup open");
    assert_eq!(popup.reach, Reach::Item);
    assert_eq!(popup.item_kind, Some(NoticeKind::Supervise));
    assert_eq!(popup.preview.notices.len(), 1);
    assert_eq!(popup.preview.items, 1);
    press(&mut state, &["Tab"]);
    let popup = state.notices.as_ref().expect("popup open");
    assert_eq!(popup.unit_name(), UNIT);
    let notice = &popup.preview.notices[0];
    assert_eq!(
        (notice.number.as_str(), notice.items, popup.preview.items),
        ("督〔2023〕1号", 3, 3)
    );
    // Another colour of the same unit: 机关党办 has nothing yellow open, nothing to issue.
    press(&mut state, &["t", "t", "t"]);
    let popup = state.notices.as_ref().expect("popup open");
    assert_eq!(popup.kind, NoticeKind::Chase);
    assert!(popup.preview.notices.is_empty());
    press(&mut state, &["Enter"]);
    assert_eq!(state.mode(), Mode::Notices, "nothing issued, popup stays");
    assert!(
        state
            .message
            .as_deref()
            .is_some_and(|m| m.contains("没有需要发出的通知单")),
        "{:?}",
        state.message
    );
    press(&mut state, &["Esc"]);
    assert_eq!(state.mode(), Mode::Browse);
}

#[test]
fn issuing_from_the_tui_writes_the_file_and_records_the_notice_on_each_item() {
    let (tmp, mut state) = sample();
    let dir = tmp.path();
    press(&mut state, &["2", "l", "Enter", "I", "Tab", "Enter"]);
    assert!(state.notices.is_none(), "the popup closes once issued");
    let message = state.message.clone().unwrap_or_default();
    assert!(
        message.contains("督办通知单 督〔2023〕1号 → 机关党办(3项)")
            && message.contains(&dir.join("notices").display().to_string()),
        "{message}"
    );
    let files = notice_files(dir);
    assert_eq!(
        files,
        vec![dir.join("notices/督办通知单-机关党办-督〔2023〕1号.md")]
    );
    let md = fs::read_to_string(&files[0]).expect("read notice");
    assert!(
        md.starts_with("# 《督办通知单》\n\n**督〔2023〕1号**\n\n机关党办:"),
        "{md}"
    );
    for id in ["1", "2", "3"] {
        assert_eq!(numbers_on_disk(dir, id), ["督〔2023〕1号"], "item {id}");
    }
    let config = load_config(dir).expect("config");
    assert_eq!(config.notices.last(NoticeKind::Supervise, 2023), 1);
    // The detail shows it at once, from the saved ledger.
    assert!(matches!(state.screen, Screen::Detail { .. }));
    assert!(
        detail_text(&state).contains("2023-06-26 督办通知单 督〔2023〕1号 → 机关党办"),
        "{}",
        detail_text(&state)
    );
    // The next one takes the next number, also in Word.
    press(&mut state, &["I", "f", "Enter", "y"]);
    let docx = dir.join("notices/督办通知单-机关党办-督〔2023〕2号.docx");
    let xml = support::zip_entry(&docx, "word/document.xml");
    assert!(
        xml.contains("督〔2023〕2号") && xml.contains("机关党办"),
        "{xml}"
    );
}

#[test]
fn issuing_the_same_notice_twice_asks_first_and_no_writes_nothing() {
    let (tmp, mut state) = sample();
    let dir = tmp.path();
    press(&mut state, &["2", "l", "I", "Tab", "Enter"]);
    assert_eq!(notice_files(dir).len(), 1);
    let ledger_before = fs::read(ledger_path(dir, LEDGER)).expect("read");
    press(&mut state, &["I", "Tab", "Enter"]);
    assert_eq!(state.mode(), Mode::NoticeAgain, "asks before issuing again");
    let question = ui_text(&state);
    assert!(
        question.contains("今天已向 机关党办 发过督办通知单(督〔2023〕1号"),
        "{question}"
    );
    press(&mut state, &["n"]);
    assert_eq!(state.mode(), Mode::Notices, "back in the popup");
    assert_eq!(notice_files(dir).len(), 1, "no is nothing written");
    assert_eq!(
        fs::read(ledger_path(dir, LEDGER)).expect("read"),
        ledger_before
    );
    press(&mut state, &["Enter", "y"]);
    assert_eq!(state.mode(), Mode::Browse);
    assert_eq!(notice_files(dir).len(), 2);
    assert_eq!(
        numbers_on_disk(dir, "1"),
        ["督〔2023〕1号", "督〔2023〕2号"]
    );
}

#[test]
fn a_notice_another_writer_issued_meanwhile_is_asked_about_too() {
    let (tmp, mut state) = sample();
    let dir = tmp.path();
    press(&mut state, &["2", "l", "I", "Tab"]);
    // `duban notices --record` by someone else, after the popup opened.
    let request = duban::issue::Request {
        scope: duban::issue::Scope {
            unit: Some(UNIT.into()),
            ..Default::default()
        },
        format: duban::issue::Format::Markdown,
        out: None,
        again: false,
        today: state.today(),
    };
    duban::issue::issue(dir, &state.catalog.calendar, &request).expect("issued by the CLI path");
    assert!(state.notices.as_ref().unwrap().preview.duplicate.is_none());
    press(&mut state, &["Enter"]);
    assert_eq!(state.mode(), Mode::NoticeAgain, "found under the lock");
    assert!(
        notice_files(dir).is_empty(),
        "nothing written before the answer"
    );
    press(&mut state, &["y"]);
    assert_eq!(
        numbers_on_disk(dir, "2"),
        ["督〔2023〕1号", "督〔2023〕2号"]
    );
    assert_eq!(notice_files(dir).len(), 1);
}

#[test]
fn a_notice_issued_in_a_meeting_is_recorded_and_the_meeting_goes_on() {
    let (tmp, mut state) = sample();
    press(&mut state, &["2", "H", "Enter"]);
    assert_eq!(state.mode(), Mode::Meeting);
    let before = state.meetings.active.as_ref().unwrap().pos;
    press(&mut state, &["I", "Enter"]);
    assert_eq!(state.mode(), Mode::Meeting);
    assert_eq!(state.meetings.active.as_ref().unwrap().pos, before);
    assert_eq!(notice_files(tmp.path()).len(), 1);
    press(&mut state, &["]"]);
    assert_eq!(state.meetings.active.as_ref().unwrap().pos, before + 1);
    // The minutes name the notice with its number.
    press(&mut state, &["q", "Enter"]);
    let minutes = fs::read_dir(tmp.path().join("meetings"))
        .expect("meetings folder")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .expect("minutes written");
    let text = fs::read_to_string(minutes).expect("read minutes");
    assert!(
        text.contains("发出督办通知单 督〔2023〕1号:机关党办"),
        "{text}"
    );
}

/// Everything drawn, as text.
fn ui_text(state: &State) -> String {
    let terminal = render(state);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut x = 0;
        while x < buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            // A wide character covers the cell after it.
            x += duban::text::width(symbol).max(1) as u16;
        }
        out.push('\n');
    }
    out
}
