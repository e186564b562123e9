//! Edits that cannot reach the disk, as a user meets them: a ledger broken by another
//! writer makes `q` ask and the recovery file keep the note; a writer stuck holding the
//! workspace lock gives a "waiting" line at once while keys keep working.

use std::fs;
use std::time::Instant;

use duban::storage::{WorkspaceLock, parse_ledger};

use super::driver::Session;
use super::process::wait_for_exit;

/// Every ledger file of the workspace replaced by text that does not parse.
fn break_every_ledger(dir: &std::path::Path) {
    for entry in fs::read_dir(dir.join("ledgers")).expect("ledger folder") {
        let path = entry.expect("entry").path();
        fs::write(&path, "(broken by another writer").expect("break a ledger");
    }
}

#[test]
fn quitting_after_a_failed_save_asks_and_the_recovery_file_holds_the_note() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let dir = session.workspace.path().to_path_buf();
    let pid = session.launch_duban();
    session.wait_for_text("按严重程度");
    break_every_ledger(&dir);

    session.keys(&["n"]);
    session.wait_for_text("添加进展");
    session.type_text("退出前未能保存的进展");
    session.keys(&["Enter"]);
    session.wait_for_text("未保存 1 项");
    session.keys(&["q"]);
    session.wait_for_text("退出 · 有修改未能保存");
    session.wait_for_text("写入恢复文件并退出");
    session.keys(&["w"]);
    wait_for_exit(pid, "w in the quit question");
    assert_eq!(session.assert_shell_sane(), 1, "unsaved edits exit 1");
    session.wait_for_text("已写入恢复文件");

    let files: Vec<_> = fs::read_dir(dir.join("recovery"))
        .expect("recovery folder in the workspace")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let text = fs::read_to_string(&files[0]).expect("recovery file");
    let ledger = parse_ledger(&text, &files[0]).expect("a whole ledger");
    assert!(
        ledger
            .items
            .iter()
            .any(|i| i.progress.iter().any(|p| p.text == "退出前未能保存的进展")),
        "the note is in {}",
        files[0].display()
    );
}

#[test]
fn a_stuck_lock_holder_gives_a_waiting_line_at_once_and_keys_keep_working() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let dir = session.workspace.path().to_path_buf();
    let pid = session.launch_duban();
    session.wait_for_text("按严重程度");
    // This test process plays the stuck writer: it holds the lock and does nothing.
    let lock = WorkspaceLock::acquire(&dir).expect("take the workspace lock");

    session.keys(&["n"]);
    session.wait_for_text("添加进展");
    session.type_text("等锁时记的进展");
    let pressed = Instant::now();
    session.keys(&["Enter"]);
    let screen = session.wait_for_text("等待其他写入者");
    let waited = pressed.elapsed();
    assert!(
        waited.as_millis() < 1000,
        "the waiting line took {waited:?}"
    );
    assert!(
        screen.contains(&std::process::id().to_string()),
        "names the holder: {screen}"
    );
    session.keys(&["j"]);
    session.wait_for_text(" 2/237 ");

    drop(lock);
    session.wait_for_text("已保存(重试成功)");
    session.wait_for_gone("未保存");
    session.quit(pid);
}

#[test]
fn the_first_edit_without_a_chosen_name_asks_for_one_and_stores_it() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let config = tempfile::TempDir::new().expect("config home");
    let dir = session.workspace.path().to_path_buf();
    let pid = session.launch_duban_with(&format!(
        "-u NO_COLOR DUBAN_AUTHOR= XDG_CONFIG_HOME={}",
        config.path().display()
    ));
    session.wait_for_text("按严重程度");
    session.keys(&["n"]);
    session.wait_for_text("首次记录修改");
    session.wait_for_caret_after("名字:测试员");
    session.keys(&["C-u"]);
    session.type_text("王五");
    session.keys(&["Enter"]);
    session.wait_for_text("添加进展");
    session.type_text("署名后的进展");
    session.keys(&["Enter"]);
    session.wait_for_text("添加进展 · 已保存");
    session.quit(pid);

    let stored = fs::read_to_string(config.path().join("duban").join("author"))
        .expect("name stored in the user's config folder");
    assert_eq!(stored.trim(), "王五");
    let (_, item) = super::disk::item_with_note(&dir, "署名后的进展");
    assert_eq!(item.progress.last().expect("note").author, "王五");
}

/// A signal cannot ask: an edit that still cannot be saved goes to a recovery file, and
/// the exit code is 128 + the signal.
#[test]
fn sigterm_with_an_unsaved_edit_writes_the_recovery_file_and_exits_143() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let dir = session.workspace.path().to_path_buf();
    let pid = session.launch_duban();
    session.wait_for_text("按严重程度");
    break_every_ledger(&dir);
    session.keys(&["n"]);
    session.wait_for_text("添加进展");
    session.type_text("信号前未能保存的进展");
    session.keys(&["Enter"]);
    session.wait_for_text("未保存 1 项");
    super::process::signal(pid, "TERM");
    wait_for_exit(pid, "SIGTERM");
    assert_eq!(session.assert_shell_sane(), 143);
    let files: Vec<_> = fs::read_dir(dir.join("recovery"))
        .expect("recovery folder")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let text = fs::read_to_string(&files[0]).expect("recovery file");
    assert!(text.contains("信号前未能保存的进展"), "{text}");
}
