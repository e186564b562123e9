//! A temp workspace and a driver that feeds key presses through the real key map, update
//! and effects (saves included), as the TUI's loop does.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use duban::app::{State, edit::Target};
use duban::domain::{Item, Ledger, SubMeasure, WorkspaceConfig};
use duban::input::KeyMap;
use duban::storage::{create_workspace, load_ledger, load_workspace, save_ledger};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The ledger of the tests.
pub const LEDGER: &str = "test";

/// The app's today.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 3).expect("valid date")
}

/// The moment the keys are pressed at: today at 00:00.
pub fn now() -> chrono::NaiveDateTime {
    today().and_time(chrono::NaiveTime::MIN)
}

fn item(id: &str, title: &str, unit: &str) -> Item {
    Item {
        id: id.into(),
        number: id.into(),
        title: title.into(),
        deadline: "2024年6月30日前".into(),
        units: vec![unit.into()],
        ..Item::default()
    }
}

/// A workspace with one ledger of four items (item 4 has two sub-measures).
pub fn workspace() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    let config = WorkspaceConfig {
        name: "测试工作区".into(),
        units: vec!["办公室".into(), "法治督察科".into(), "社区矫正科".into()],
        backups: 2,
        ..WorkspaceConfig::default()
    };
    create_workspace(&dir, &config).expect("workspace created");
    let mut fourth = item("4", "整改问题", "法治督察科");
    fourth.sub_measures = vec![
        SubMeasure {
            text: "第一项".into(),
            done: false,
            deadline: None,
            done_on: None,
        },
        SubMeasure {
            text: "第二项".into(),
            done: false,
            deadline: None,
            done_on: None,
        },
    ];
    let ledger = Ledger {
        format: 1,
        id: LEDGER.into(),
        title: "测试台账".into(),
        base_year: 2024,
        items: vec![
            item("1", "建设智慧矫正中心", "社区矫正科"),
            item("2", "制定督察办法", "法治督察科"),
            item("3", "完善值班制度", "办公室"),
            fourth,
        ],
        ..Ledger::default()
    };
    save_ledger(&dir, &ledger, 2).expect("ledger saved");
    (tmp, dir)
}

/// A TUI state opened on the workspace, editing as `user`.
pub fn open(dir: &Path, user: &str) -> State {
    let mut state = State::new(load_workspace(dir).expect("loads"), today());
    state.edit.user = user.to_string();
    state
}

/// The ledger as now on disk.
pub fn on_disk(dir: &Path) -> Ledger {
    load_ledger(&dir.join("ledgers").join(format!("{LEDGER}.ron")))
        .expect("ledger file parses")
        .ledger
}

/// The item as now on disk.
pub fn disk_item(dir: &Path, id: &str) -> Item {
    on_disk(dir).item(id).cloned().expect("item on disk")
}

/// The item as the state holds it.
pub fn state_item(state: &State, id: &str) -> Item {
    state
        .catalog
        .ledgers
        .iter()
        .find_map(|l| l.ledger.item(id))
        .cloned()
        .expect("item in state")
}

/// Put the table's cursor on item `id`.
pub fn select(state: &mut State, id: &str) {
    let target = Target::new(LEDGER, id);
    let pos = state
        .view
        .rows
        .iter()
        .position(|&r| {
            let e = &state.catalog.entries[r as usize];
            let l = &state.catalog.ledgers[e.ledger].ledger;
            Target::new(&l.id, &l.items[e.item].id) == target
        })
        .expect("item shown");
    state.view.selected = pos;
}

/// One key as the terminal sends it: "s", "Enter", "Esc", "Tab", "Ctrl-r", "Ctrl-u", "Space"…
pub fn key(spec: &str) -> KeyEvent {
    let (mods, rest) = match spec.strip_prefix("Ctrl-") {
        Some(r) => (KeyModifiers::CONTROL, r),
        None => (KeyModifiers::NONE, spec),
    };
    let code = match rest {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "Backspace" => KeyCode::Backspace,
        "Down" => KeyCode::Down,
        "Up" => KeyCode::Up,
        "Space" => KeyCode::Char(' '),
        other => KeyCode::Char(other.chars().next().expect("a key")),
    };
    KeyEvent::new(code, mods)
}

/// Press keys (space-separated specs) through the default key map, update and effects.
pub fn press(state: &mut State, keys: &str) {
    let map = KeyMap::default();
    for spec in keys.split_whitespace() {
        let k = key(spec);
        let action = map
            .resolve(&k, state.mode())
            .unwrap_or(duban::app::Action::Unbound);
        duban::tui::dispatch(state, action, now());
    }
}

/// Press one key (a spec as for [`press`]); returns whether the app quit on it.
pub fn press_quits(state: &mut State, spec: &str) -> bool {
    let map = KeyMap::default();
    match map.resolve(&key(spec), state.mode()) {
        Some(action) => duban::tui::dispatch(state, action, now()),
        None => false,
    }
}

/// Press keys like [`press`], with every save they cause stopped at `fail` as if the
/// process died there (an injected write failure).
pub fn press_failing(state: &mut State, keys: &str, fail: duban::storage::FailPoint) {
    let map = KeyMap::default();
    for spec in keys.split_whitespace() {
        if let Some(action) = map.resolve(&key(spec), state.mode()) {
            duban::tui::dispatch_with(state, action, now(), fail);
        }
    }
}

/// The loop's timer fired: failed saves are retried.
pub fn retry_saves(state: &mut State) -> bool {
    duban::tui::dispatch(state, duban::app::Action::RetrySaves, now())
}

/// Type text into the open form character by character (as an input method commits it).
pub fn type_text(state: &mut State, text: &str) {
    let map = KeyMap::default();
    for c in text.chars() {
        let k = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(action) = map.resolve(&k, state.mode()) {
            duban::tui::dispatch(state, action, now());
        }
    }
}

/// Paste text (bracketed paste) into the open form.
pub fn paste(state: &mut State, text: &str) {
    duban::tui::dispatch(
        state,
        duban::app::Action::FormPaste(text.to_string()),
        now(),
    );
}

/// The form's message in place, if a form is open.
pub fn form_message(state: &State) -> Option<String> {
    state
        .edit
        .form
        .as_ref()
        .and_then(|f| f.form.message().map(|m| m.text.clone()))
}

/// Two supervisors, 甲 (first) and 乙 (second), on the workspace in `dir`.
pub fn two_writers(dir: &Path) -> (State, State) {
    (open(dir, "甲"), open(dir, "乙"))
}

/// 甲 sets item 3 to 已完成(待验收) and saves; then 乙, who loaded the workspace before,
/// sets the same item to 推进中: 乙's save meets a same-field conflict.
pub fn same_field_conflict(dir: &Path) -> (State, State) {
    let (mut a, mut b) = two_writers(dir);
    select(&mut a, "3");
    press(&mut a, "s 3");
    select(&mut b, "3");
    press(&mut b, "s 2");
    (a, b)
}
