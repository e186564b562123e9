//! No edit looks recorded unless it is on disk, and nothing typed or unsaved is dropped
//! without a question: failed saves (injected, a file broken by another writer, a busy
//! lock) show the item as unsaved, are retried, and make quitting ask; a form with typed
//! text asks before Esc or Ctrl-c drops it.

mod edit_support;

use std::time::Duration;

use duban::app::Mode;
use duban::app::edit::{SaveError, Target};
use duban::input::KeyMap;
use duban::storage::{FailPoint, WorkspaceLock};
use duban::ui::{self, Theme};
use edit_support::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(state: &duban::app::State) -> String {
    let mut t = Terminal::new(TestBackend::new(100, 24)).expect("test terminal");
    let keys = KeyMap::default();
    t.draw(|f| ui::draw(f, state, &keys, &Theme::MONO))
        .expect("draws");
    let buffer = t.backend().buffer().clone();
    let mut lines = Vec::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut x = 0;
        // A wide character's second cell is skipped, so text reads as typed.
        while x < buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += duban::text::width(symbol).max(1) as u16;
        }
        lines.push(line);
    }
    lines.join("\n")
}

fn note_texts(dir: &std::path::Path, id: &str) -> Vec<String> {
    disk_item(dir, id)
        .progress
        .into_iter()
        .map(|p| p.text)
        .collect()
}

/// Add a note to item 1 whose save is stopped at `fail`.
fn note_with_failed_save(s: &mut duban::app::State, text: &str, fail: FailPoint) {
    select(s, "1");
    press(s, "n");
    type_text(s, text);
    press_failing(s, "Enter", fail);
}

#[test]
fn an_injected_save_failure_shows_the_item_unsaved_and_a_timer_retry_saves_it() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    note_with_failed_save(&mut s, "磁盘写满时记的", FailPoint::AfterTempSync);

    let item = Target::new(LEDGER, "1");
    assert_eq!(s.edit.saving.pending(), 1);
    assert!(s.edit.saving.is_unsaved(&item));
    assert!(matches!(
        s.edit.saving.failure_of(&item),
        Some(SaveError::Failed(_))
    ));
    assert!(note_texts(&dir, "1").is_empty(), "not on disk");
    let shown = screen(&s);
    assert!(shown.contains("未保存 1 项"), "{shown}");
    assert!(shown.contains("*1 "), "the row is marked: {shown}");
    press(&mut s, "Enter");
    let detail = screen(&s);
    assert!(detail.contains("*未保存 · 1 建设智慧矫正中心"), "{detail}");

    assert!(!retry_saves(&mut s));
    assert_eq!(s.edit.saving.pending(), 0);
    assert_eq!(note_texts(&dir, "1"), vec!["磁盘写满时记的".to_string()]);
    let after = screen(&s);
    assert!(
        !after.contains("未保存 1 项") && !after.contains("*未保存"),
        "{after}"
    );
    assert!(after.contains("已保存(重试成功)"), "{after}");
}

#[test]
fn quitting_with_an_unsaved_edit_asks_and_writes_a_recovery_file() {
    let (_tmp, dir) = workspace();
    let path = dir.join("ledgers/test.ron");
    let mut s = open(&dir, "李四");
    std::fs::write(&path, "(broken by another writer").expect("break the file");
    select(&mut s, "1");
    press(&mut s, "n");
    type_text(&mut s, "不能丢的进展");
    press(&mut s, "Enter");
    assert_eq!(s.edit.saving.pending(), 1);

    assert!(!press_quits(&mut s, "q"), "q does not quit at once");
    assert_eq!(s.mode(), Mode::ConfirmQuit);
    let question = screen(&s);
    assert!(question.contains("1 项修改未能保存"), "{question}");
    assert!(question.contains("写入恢复文件"), "{question}");
    assert!(
        press_quits(&mut s, "w"),
        "quits once the recovery file is written"
    );

    let recovered = &s.edit.saving.recovered;
    assert_eq!(recovered.len(), 1);
    assert!(
        recovered[0].starts_with(dir.join("recovery")),
        "{recovered:?}"
    );
    let text = std::fs::read_to_string(&recovered[0]).expect("recovery file");
    let ledger = duban::storage::parse_ledger(&text, &recovered[0]).expect("a ledger file");
    assert_eq!(
        ledger.item("1").expect("item").progress[0].text,
        "不能丢的进展"
    );
    let summary = s.edit.saving.exit_summary().expect("something to say");
    assert!(
        summary.contains(&recovered[0].display().to_string()),
        "{summary}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        b"(broken by another writer",
        "the broken file is never overwritten"
    );
}

#[test]
fn quit_question_can_be_declined_and_a_later_retry_saves_before_quitting() {
    let (_tmp, dir) = workspace();
    let path = dir.join("ledgers/test.ron");
    let mut s = open(&dir, "李四");
    let good = std::fs::read(&path).expect("read");
    std::fs::write(&path, "(broken").expect("break the file");
    select(&mut s, "2");
    press(&mut s, "s 2");
    assert!(!press_quits(&mut s, "q"));
    assert_eq!(s.mode(), Mode::ConfirmQuit);
    assert!(!press_quits(&mut s, "n"));
    assert_eq!(s.mode(), Mode::Browse);
    assert_eq!(s.edit.saving.pending(), 1);

    // Asked again, then the file is repaired while the question is open: the timer's
    // retry saves and the app quits by itself.
    assert!(!press_quits(&mut s, "q"));
    std::fs::write(&path, good).expect("repair the file");
    assert!(retry_saves(&mut s));
    assert_eq!(s.edit.saving.pending(), 0);
    assert_eq!(
        disk_item(&dir, "2").status,
        duban::domain::Status::InProgress
    );
}

#[test]
fn quitting_retries_a_failed_save_first_and_quits_once_it_is_on_disk() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    note_with_failed_save(&mut s, "重试后保存", FailPoint::AfterTempWrite);
    assert_eq!(s.edit.saving.pending(), 1);
    assert!(press_quits(&mut s, "q"));
    assert_eq!(note_texts(&dir, "1"), vec!["重试后保存".to_string()]);
    assert_eq!(s.edit.saving.exit_summary(), None);
}

#[test]
fn dropping_unsaved_edits_on_quit_is_said_in_the_exit_summary() {
    let (_tmp, dir) = workspace();
    let path = dir.join("ledgers/test.ron");
    let mut s = open(&dir, "李四");
    std::fs::write(&path, "(broken").expect("break the file");
    select(&mut s, "1");
    press(&mut s, "s 2");
    assert!(!press_quits(&mut s, "q"));
    assert!(press_quits(&mut s, "y"));
    assert_eq!(
        s.edit.saving.exit_summary().as_deref(),
        Some("1 项修改未能保存到台账,已放弃")
    );
    assert_eq!(std::fs::read(&path).expect("read"), b"(broken");
}

#[test]
fn a_held_lock_never_blocks_a_save_and_names_the_writer() {
    let (_tmp, dir) = workspace();
    let lock = WorkspaceLock::acquire(&dir).expect("another writer takes the lock");
    let s = open(&dir, "李四");
    // Run the edit on another thread so that a save that waited for the lock fails the
    // test instead of hanging it.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut s = s;
        select(&mut s, "1");
        press(&mut s, "n");
        type_text(&mut s, "等锁时记的");
        press(&mut s, "Enter");
        let _ = tx.send(s);
    });
    let mut s = rx
        .recv_timeout(Duration::from_secs(5))
        .expect("the save gave up at once instead of waiting for the lock");
    let item = Target::new(LEDGER, "1");
    match s.edit.saving.failure_of(&item) {
        Some(SaveError::Busy { holder: Some(h) }) => {
            assert!(h.contains(&std::process::id().to_string()), "{h}")
        }
        other => panic!("expected a busy lock with its holder, got {other:?}"),
    }
    let shown = screen(&s);
    assert!(shown.contains("等待其他写入者"), "{shown}");
    // Keys still work while waiting.
    let selected = s.view.selected;
    press(&mut s, "k");
    assert_eq!(s.view.selected, selected - 1);

    drop(lock);
    retry_saves(&mut s);
    assert_eq!(s.edit.saving.pending(), 0);
    assert_eq!(note_texts(&dir, "1"), vec!["等锁时记的".to_string()]);
}

#[test]
fn esc_with_typed_text_asks_and_n_keeps_editing() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "n");
    type_text(&mut s, "半句话");
    press(&mut s, "Esc");
    assert_eq!(s.mode(), Mode::ConfirmDiscard);
    assert!(screen(&s).contains("放弃已输入的内容?"));
    press(&mut s, "n");
    assert_eq!(s.mode(), Mode::Edit);
    type_text(&mut s, "说完");
    press(&mut s, "Enter");
    assert_eq!(note_texts(&dir, "1"), vec!["半句话说完".to_string()]);
}

#[test]
fn ctrl_c_in_a_form_with_typed_text_asks_before_quitting() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "n");
    type_text(&mut s, "半句话");
    assert!(!press_quits(&mut s, "Ctrl-c"), "not without the question");
    assert_eq!(s.mode(), Mode::ConfirmDiscard);
    assert!(!press_quits(&mut s, "Esc"));
    assert_eq!(s.mode(), Mode::Edit, "Esc answers no");
    assert!(!press_quits(&mut s, "Ctrl-c"));
    assert!(press_quits(&mut s, "y"), "yes drops the text and quits");
    assert!(note_texts(&dir, "1").is_empty());
}

#[test]
fn ctrl_c_in_a_form_with_nothing_typed_quits_at_once() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "n");
    assert!(press_quits(&mut s, "Ctrl-c"));
}

#[test]
fn a_typed_suspension_reason_asks_before_esc_drops_it() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "s 5");
    type_text(&mut s, "等待省厅");
    press(&mut s, "Esc");
    assert_eq!(s.mode(), Mode::ConfirmDiscard);
    press(&mut s, "y");
    assert_eq!(s.mode(), Mode::Browse);
    assert_eq!(
        disk_item(&dir, "1").status,
        duban::domain::Status::NotStarted
    );
}
