//! `R` 收回报表 in the TUI: the prompt and the preview drawn at 80×24 and 200×50; the
//! preview lists exactly what `duban merge-sheet` would write; Enter lands exactly those
//! changes on disk as one edit, and `u` restores the ledger exactly (the audit history
//! keeping both the change and its undo). Keys go through the real key map, update and
//! effects (the workbook read and the saves included), as the loop does.

mod returned_support;
mod support;

use std::path::PathBuf;

use duban::app::returned::SheetReturn;
use duban::app::{Action, Mode, State, update};
use duban::domain::Status;
use duban::input::{KeyMap, KeySpec};
use duban::storage::load_workspace;
use duban::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use returned_support::*;
use tempfile::TempDir;

/// A copy of the samples and the app opened on it at the pinned date, as `测试员`.
fn open(w: u16, h: u16) -> (TempDir, PathBuf, State) {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    support::copy_dir(&support::repo().join("data"), &dir);
    let workspace = load_workspace(&dir).expect("loads");
    let today = workspace.config.as_of.expect("pinned");
    let mut state = State::new(workspace, today);
    state.edit.user = "测试员".into();
    let at = now(&state);
    update(&mut state, Action::Resize(w, h), at);
    (tmp, dir, state)
}

fn now(state: &State) -> chrono::NaiveDateTime {
    state.today().and_hms_opt(9, 30, 0).expect("time")
}

/// Press keys by name through the key map, in the mode each leaves.
fn press(state: &mut State, keys: &[&str]) {
    let map = KeyMap::default();
    for k in keys {
        let key = KeySpec::parse(k).expect("key").event();
        if let Some(action) = map.resolve(&key, state.mode()) {
            let at = now(state);
            duban::tui::dispatch(state, action, at);
        }
    }
}

fn type_text(state: &mut State, text: &str) {
    let map = KeyMap::default();
    for c in text.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let action = map.resolve(&key, state.mode()).expect("typed");
        let at = now(state);
        duban::tui::dispatch(state, action, at);
    }
}

/// Put the cursor on an item of the sample ledger, so `R` proposes that ledger.
fn select_ledger(state: &mut State) {
    let pos = state
        .view
        .rows
        .iter()
        .position(|&r| {
            let e = state.catalog.entry(r).expect("entry");
            state.catalog.ledger(e).id == LEDGER
        })
        .expect("a row of the ledger");
    state.view.selected = pos;
}

fn screen(state: &State, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let keys = KeyMap::default();
    t.draw(|f| ui::draw(f, state, &keys, &Theme::default()))
        .expect("draws");
    t
}

fn text_of(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            out.push_str(symbol);
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        out.push('\n');
    }
    out
}

/// Open the prompt on the sample ledger and read `exports/回收.xlsx` into the preview.
fn preview(state: &mut State) {
    select_ledger(state);
    press(state, &["R"]);
    assert_eq!(state.mode(), Mode::SheetPrompt);
    type_text(state, "exports/回收.xlsx");
    press(state, &["Enter"]);
    assert_eq!(state.mode(), Mode::SheetPreview, "{:?}", state.returned);
}

#[test]
fn the_prompt_and_the_preview_at_80x24_and_200x50() {
    for (w, h) in [(80u16, 24u16), (200, 50)] {
        let (_tmp, dir, mut state) = open(w, h);
        returned_sheet(&dir, "回收.xlsx", &USUAL, true);
        select_ledger(&mut state);
        press(&mut state, &["R"]);
        type_text(&mut state, "exports/回");
        // The path shown in the prompt is the temp workspace's; draw a fixed one.
        let real = std::mem::replace(&mut state.catalog.dir, PathBuf::from("/srv/督办/工作区"));
        insta::assert_snapshot!(format!("prompt_{w}x{h}"), screen(&state, w, h).backend());
        state.catalog.dir = real;
        press(&mut state, &["Tab"]);
        let typed = match &state.returned {
            Some(SheetReturn::Prompt(p)) => p.input.text().to_string(),
            other => panic!("{other:?}"),
        };
        assert_eq!(typed, "exports/回收.xlsx", "Tab completes the only match");
        press(&mut state, &["Enter"]);
        assert_eq!(state.mode(), Mode::SheetPreview);
        let t = screen(&state, w, h);
        let shown = text_of(&t);
        for expected in [
            "收回报表 · 预览(尚未写入)",
            "将写入 1 条新进展、1 项状态变更",
            "新进展 1 条",
            "〔机关党办〕",
            "状态变更 1 项",
            "推进中 → 已完成",
            "无法对应 1 行",
            "序号「99」",
            "不予修改 1 处",
        ] {
            assert!(
                shown.contains(expected),
                "{expected:?} at {w}x{h}:\n{shown}"
            );
        }
        insta::assert_snapshot!(format!("preview_{w}x{h}"), t.backend());
    }
}

#[test]
fn a_long_preview_scrolls_with_j_and_page_down_and_stays_within_the_list() {
    let (_tmp, dir, mut state) = open(80, 24);
    let ledger = ledger_on_disk(&dir);
    let notes: Vec<(String, String)> = ledger
        .items
        .iter()
        .map(|i| (i.id.clone(), format!("第{}项已按要求推进", i.id)))
        .collect();
    let edits: Vec<CellEdit> = notes
        .iter()
        .map(|(id, text)| (id.as_str(), "最近进展", text.as_str()))
        .collect();
    returned_sheet(&dir, "回收.xlsx", &edits, false);
    preview(&mut state);
    let top = text_of(&screen(&state, 80, 24));
    assert!(
        top.contains("新进展 38 条") && top.contains("第1项已按要求推进"),
        "{top}"
    );
    assert!(top.contains("j/k 滚动 1-"), "{top}");
    press(&mut state, &["j"]);
    let one = text_of(&screen(&state, 80, 24));
    assert!(
        !one.contains("新进展 38 条") && one.contains("j/k 滚动 2-"),
        "{one}"
    );
    press(
        &mut state,
        &["PageDown", "PageDown", "PageDown", "PageDown", "PageDown"],
    );
    press(&mut state, &["G"]);
    let bottom = text_of(&screen(&state, 80, 24));
    let last = &ledger.items.last().expect("items").id;
    assert!(
        bottom.contains(&format!("第{last}项已按要求推进")),
        "{bottom}"
    );
    // Clamped as the loop does: one k shows one line earlier at once.
    if let Some(limit) = ui::scroll_limit(&state, &KeyMap::default()) {
        state.clamp_scroll(limit);
    }
    press(&mut state, &["k"]);
    let up = text_of(&screen(&state, 80, 24));
    assert_ne!(up, bottom, "k after G scrolls back at once");
    press(&mut state, &["Esc"]);
    assert!(state.returned.is_none());
    assert_eq!(ledger_on_disk(&dir), ledger, "Esc writes nothing");
}

#[test]
fn enter_lands_exactly_the_previewed_changes_and_u_restores_the_ledger() {
    let (_tmp, dir, mut state) = open(80, 24);
    returned_sheet(&dir, "回收.xlsx", &USUAL, true);
    let before = ledger_on_disk(&dir);
    let file_before =
        std::fs::read(dir.join("ledgers").join(format!("{LEDGER}.ron"))).expect("ledger file");
    preview(&mut state);
    assert_eq!(ledger_on_disk(&dir), before, "the preview writes nothing");
    press(&mut state, &["Enter"]);
    assert!(state.returned.is_none());
    let message = state.message.clone().unwrap_or_default();
    assert!(
        message.contains("已收回报表:写入 1 条新进展、1 项状态变更;按 u 撤销")
            && message.contains("已保存"),
        "{message}"
    );
    let after = ledger_on_disk(&dir);
    let today = state.today();
    for (a, b) in after.items.iter().zip(&before.items) {
        match a.id.as_str() {
            "1" => {
                assert_eq!((b.status, a.status), (Status::InProgress, Status::Done));
                assert_eq!(a.done_on, Some(today));
                assert_eq!(a.progress, b.progress);
                assert_eq!(a.history.len(), b.history.len() + 1);
                let audit = a.history.last().expect("audited");
                assert_eq!(
                    (
                        audit.author.as_str(),
                        audit.field.as_str(),
                        audit.to.as_str()
                    ),
                    ("测试员", "status", "已完成(待验收)")
                );
                let mut rest = a.clone();
                (rest.status, rest.done_on, rest.history) =
                    (b.status, b.done_on, b.history.clone());
                assert_eq!(&rest, b, "only the status of item 1 changed");
            }
            "2" => {
                assert_eq!(a.progress.len(), b.progress.len() + 1);
                let note = a.progress.last().expect("the note");
                assert_eq!(
                    (note.date, note.author.as_str(), note.text.as_str()),
                    (today, "机关党办", NOTE)
                );
                let mut rest = a.clone();
                rest.progress.pop();
                assert_eq!(&rest, b, "only a note was added to item 2");
            }
            _ => assert_eq!(
                a, b,
                "item {} untouched (a changed title is not taken)",
                a.id
            ),
        }
    }
    assert_eq!(after.items.len(), before.items.len(), "row 99 adds nothing");
    assert_eq!(
        (&after.title, &after.columns),
        (&before.title, &before.columns)
    );

    press(&mut state, &["u"]);
    let message = state.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("已撤销:收回报表 回收.xlsx") && message.contains("已保存"),
        "{message}"
    );
    let undone = ledger_on_disk(&dir);
    assert_eq!(
        without_history(undone.clone()),
        without_history(before.clone())
    );
    let item = undone.item("1").expect("item 1");
    let trail: Vec<(&str, &str, &str)> = item.history[before.item("1").unwrap().history.len()..]
        .iter()
        .map(|h| (h.field.as_str(), h.from.as_str(), h.to.as_str()))
        .collect();
    assert_eq!(
        trail,
        [
            ("status", "推进中", "已完成(待验收)"),
            ("status", "已完成(待验收)", "推进中")
        ],
        "the audit trail holds the change and its undo"
    );
    for (a, b) in undone.items.iter().zip(&before.items) {
        if a.id != "1" {
            assert_eq!(a, b, "item {} as before, history included", a.id);
        }
    }
    // Redo lands the same changes again.
    press(&mut state, &["Ctrl-r"]);
    let redone = without_history(ledger_on_disk(&dir));
    assert_eq!(redone, without_history(after.clone()));
    assert_ne!(
        std::fs::read(dir.join("ledgers").join(format!("{LEDGER}.ron"))).expect("file"),
        file_before
    );
}

#[test]
fn a_missing_file_or_a_sheet_without_the_header_stays_in_the_prompt_with_one_line() {
    let (_tmp, dir, mut state) = open(80, 24);
    let before = ledger_on_disk(&dir);
    select_ledger(&mut state);
    press(&mut state, &["R", "Enter"]);
    assert_eq!(state.mode(), Mode::SheetPrompt, "nothing typed: stays");
    type_text(&mut state, "exports/没有这个.xlsx");
    press(&mut state, &["Enter"]);
    let Some(SheetReturn::Prompt(prompt)) = &state.returned else {
        panic!("still the prompt: {:?}", state.returned);
    };
    let message = prompt.message.as_ref().expect("a message").text.clone();
    assert!(message.ends_with("没有这个.xlsx:文件不存在"), "{message}");
    assert!(text_of(&screen(&state, 80, 24)).contains("文件不存在"));
    // A workbook that is not an exported sheet.
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .write_string(0, 0, "随便")
        .expect("cell");
    std::fs::create_dir_all(dir.join("exports")).expect("folder");
    book.save(dir.join("exports").join("别的表.xlsx"))
        .expect("saved");
    press(&mut state, &["Ctrl-u"]);
    type_text(&mut state, "exports/别的表.xlsx");
    press(&mut state, &["Enter"]);
    let Some(SheetReturn::Prompt(prompt)) = &state.returned else {
        panic!("still the prompt");
    };
    let message = prompt.message.as_ref().expect("a message").text.clone();
    assert!(
        message.contains("没有找到含「序号」和「状态」的表头行"),
        "{message}"
    );
    press(&mut state, &["Esc"]);
    assert!(state.returned.is_none());
    assert_eq!(ledger_on_disk(&dir), before, "nothing written");
}

#[test]
fn a_sheet_of_another_ledger_is_compared_with_that_ledger() {
    let (_tmp, dir, mut state) = open(80, 24);
    returned_sheet(&dir, "回收.xlsx", &USUAL, false);
    // The cursor on an item of another ledger: R proposes that one.
    let other = state
        .view
        .rows
        .iter()
        .position(|&r| {
            let e = state.catalog.entry(r).expect("entry");
            state.catalog.ledger(e).id != LEDGER
        })
        .expect("another ledger's row");
    state.view.selected = other;
    press(&mut state, &["R"]);
    type_text(&mut state, "exports/回收.xlsx");
    press(&mut state, &["Enter"]);
    let Some(SheetReturn::Preview(preview)) = &state.returned else {
        panic!("a preview: {:?}", state.returned);
    };
    assert_eq!(preview.ledger.0, LEDGER);
    assert_eq!(
        (preview.plan.notes.len(), preview.plan.statuses.len()),
        (1, 1)
    );
    let note = preview.message.as_ref().expect("said").text.clone();
    assert!(note.contains("已改为与它比对"), "{note}");
}

#[test]
fn the_cli_plan_and_the_tui_preview_are_the_same() {
    let (_tmp, dir, mut state) = open(80, 24);
    let file = returned_sheet(&dir, "回收.xlsx", &USUAL, true);
    preview(&mut state);
    let Some(SheetReturn::Preview(preview)) = &state.returned else {
        panic!("a preview");
    };
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_duban"))
        .arg("--dir")
        .arg(&dir)
        .arg("merge-sheet")
        .arg(&file)
        .args(["--ledger", LEDGER])
        .output()
        .expect("runs");
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{printed}");
    for (id, unit, text) in &preview.plan.notes {
        assert!(
            printed.contains(&format!("新进展 {id}({unit}):{text}")),
            "{printed}"
        );
    }
    for (id, from, to) in &preview.plan.statuses {
        let line = format!("状态 {id}:{} → {}", from.short_label(), to.short_label());
        assert!(printed.contains(&line), "{printed}");
    }
    assert_eq!(
        printed.matches("不予修改").count(),
        preview.plan.forbidden.len()
    );
    assert_eq!(
        printed.matches("无法对应").count(),
        preview.plan.unmatched.len()
    );
}

#[test]
fn the_cli_refuses_a_sheet_exported_for_another_ledger_unless_sheet_names_it() {
    let (_tmp, dir, _state) = open(80, 24);
    let file = returned_sheet(&dir, "回收.xlsx", &USUAL, false);
    let before = std::fs::read_to_string(dir.join("ledgers/2023-2-jichu.ron")).expect("file");
    let run = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_duban"))
            .arg("--dir")
            .arg(&dir)
            .arg("merge-sheet")
            .arg(&file)
            .args(["--ledger", "2023-2-jichu", "--apply"])
            .args(extra)
            .output()
            .expect("runs")
    };
    let out = run(&[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("是台账 {LEDGER} 导出的,不是台账 2023-2-jichu"))
            && err.lines().count() == 1,
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("ledgers/2023-2-jichu.ron")).expect("file"),
        before,
        "nothing written"
    );
    // Naming the sheet is the user's explicit choice: taken as asked.
    let forced = run(&["--sheet", "1"]);
    assert!(forced.status.success(), "{forced:?}");
    assert_ne!(
        std::fs::read_to_string(dir.join("ledgers/2023-2-jichu.ron")).expect("file"),
        before
    );
}

#[test]
fn the_first_take_back_without_a_chosen_name_asks_for_it_then_opens_the_prompt() {
    let (_tmp, _dir, mut state) = open(80, 24);
    state.edit.naming_setting.ask = true;
    state.edit.naming_setting.config_dir = None;
    select_ledger(&mut state);
    press(&mut state, &["R"]);
    assert!(state.edit.naming.is_some(), "the name question first");
    assert_eq!(state.mode(), Mode::Edit);
    press(&mut state, &["Ctrl-u"]);
    type_text(&mut state, "王五");
    press(&mut state, &["Enter"]);
    assert_eq!(state.edit.who(), "王五");
    assert_eq!(state.mode(), Mode::SheetPrompt, "then the prompt opens");
    let Some(SheetReturn::Prompt(prompt)) = &state.returned else {
        panic!("the prompt");
    };
    assert_eq!(
        prompt.ledger_id(),
        Some(LEDGER),
        "on the selected item's ledger"
    );
}
