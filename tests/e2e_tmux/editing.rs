//! Issue 5 as a new user meets it: notes typed and pasted in Chinese, a status changed
//! and undone, each acknowledged edit on disk, and the terminal sane after SIGHUP.

use duban::domain::Status;

use super::disk::{file_names, item_with_note, items_on_disk};
use super::driver::{Session, last_line};
use super::process::{is_running, signal, wait_for_exit};
use super::screen::header_date;

/// The digit that picks `status` in the status picker on screen, once it is drawn.
fn picker_digit(screen: &str, status: Status) -> Option<String> {
    screen.lines().find_map(|line| {
        // `│ 3 已完成(待验收)` or `│▸2 推进中(当前)`; not a table row's `逾期119   推进中`.
        let (before, _) = line.split_once(status.label())?;
        let mut back = before.trim_end().chars().rev();
        let (digit, mark) = (back.next()?, back.next()?);
        (digit.is_ascii_digit() && matches!(mark, ' ' | '▸')).then(|| digit.to_string())
    })
}

/// Wait until the footer acknowledges an edit: its message names the edit (`what`) and
/// says it is saved.
pub fn wait_for_saved(session: &Session, what: &str) {
    session.wait_for(&format!("“{what} … 已保存” in the footer"), |s| {
        last_line(s).is_some_and(|l| l.contains(what) && l.contains("已保存"))
    });
}

#[test]
fn a_note_typed_and_pasted_and_an_undone_status_survive_sighup() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let dir = session.workspace.path().to_path_buf();
    let original = items_on_disk(&dir);
    let pid = session.launch_duban();
    let today = header_date(&session.wait_for_text("蓝"));

    // A progress note on the selected item: typed in Chinese, then a bracketed paste
    // holding a line break (a paste is text, not an Enter that saves half a note).
    session.keys(&["n"]);
    session.wait_for_text("添加进展");
    session.type_text("已召开推进会");
    session.wait_for_caret_after("已召开推进会");
    session.paste("，材料已报送\n下周复查");
    session.wait_for_caret_after("下周复查");
    session.keys(&["Enter"]);
    wait_for_saved(&session, "添加进展");
    // Acknowledged means on disk: no waiting for the file.
    let (key, item) = item_with_note(&dir, "已召开推进会");
    let before = &original[&key];
    assert_eq!(
        item.progress.len(),
        before.progress.len() + 1,
        "one new note"
    );
    let note = item.progress.last().expect("the new note");
    assert!(
        note.text.starts_with("已召开推进会，材料已报送") && note.text.ends_with("下周复查"),
        "typed and pasted text, whole: {:?}",
        note.text
    );
    assert!(!note.text.chars().any(char::is_control), "{:?}", note.text);
    assert_eq!(note.author, "测试员", "the login name");
    assert_eq!(note.date, today);

    // A status change through the picker, undone, redone, undone again: each on disk
    // as soon as the screen says so.
    let target = if before.status == Status::Done {
        Status::InProgress
    } else {
        Status::Done
    };
    session.keys(&["s"]);
    let picker = session.wait_until("the status picker", |s| {
        picker_digit(s, target)
            .map(|_| ())
            .ok_or_else(|| format!("no {} to pick", target.label()))
    });
    let digit = picker_digit(&picker, target).expect("seen by the wait");
    session.keys(&[&digit]);
    wait_for_saved(&session, "状态改为");
    assert_eq!(items_on_disk(&dir)[&key].status, target, "status saved");
    for (keys, marker, status) in [
        ("u", "已撤销", before.status),
        ("C-r", "已重做", target),
        ("u", "已撤销", before.status),
    ] {
        session.keys(&[keys]);
        wait_for_saved(&session, marker);
        assert_eq!(items_on_disk(&dir)[&key].status, status, "after {keys}");
    }

    signal(pid, "HUP");
    wait_for_exit(pid, "SIGHUP");
    session.assert_shell_sane();
    let after = items_on_disk(&dir);
    assert_eq!(after[&key].status, before.status, "the undo is on disk");
    assert_eq!(after[&key].progress, item.progress, "the note is on disk");
}

#[test]
fn closing_the_pane_mid_input_keeps_the_acknowledged_note_and_no_partial_file() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let dir = session.workspace.path().to_path_buf();
    let files_before = file_names(&dir.join("ledgers"));
    let pid = session.launch_duban();
    session.wait_for_text("蓝");
    session.keys(&["n"]);
    session.wait_for_text("添加进展");
    session.type_text("督办会已部署");
    session.wait_for_text("督办会已部署");
    session.keys(&["Enter"]);
    wait_for_saved(&session, "添加进展");
    // A second note, typed but not saved, when the connection drops.
    session.keys(&["n"]);
    session.wait_for_text("添加进展");
    session.type_text("尚未保存的进展");
    session.wait_for_text("尚未保存的进展");
    session.tmux(&["kill-pane", "-t", "e2e"]);
    wait_for_exit(pid, "closing its tmux pane");
    item_with_note(&dir, "督办会已部署");
    assert!(
        !items_on_disk(&dir)
            .values()
            .any(|item| item.progress.iter().any(|p| p.text.contains("尚未保存"))),
        "an unsaved input reached the disk"
    );
    assert_eq!(
        file_names(&dir.join("ledgers")),
        files_before,
        "no temporary or partial files left among the ledgers"
    );
}

#[test]
fn edit_keys_show_in_the_footer_and_the_help() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban();
    // On demo data the first footer is a hint on starting a real workspace; any key (here
    // `g`, to the top, where the selection already is) brings the key footer.
    session.wait_for_text("237项");
    session.keys(&["g"]);
    session.wait_until("the edit keys in the footer", |s| {
        let footer = last_line(s).unwrap_or_default();
        ["s 状态", "n 进展", "u 撤销"]
            .iter()
            .find(|k| !footer.contains(*k))
            .map_or(Ok(()), |k| Err(format!("footer lacks {k}")))
    });
    session.keys(&["?"]);
    let mut screen = session.wait_for_text("帮助 · 按键");
    let mut missing = vec!["s", "n", "u", "Ctrl-r"];
    // Page through the help until every edit key has been seen (in order, so a few
    // pages at most); each page must differ from the last.
    for _ in 0..10 {
        // An entry starts right after the popup's left border: `│s     改状态…`.
        missing.retain(|key| !screen.contains(&format!("│{key} ")));
        if missing.is_empty() {
            break;
        }
        session.keys(&["PageDown"]);
        let previous = screen.clone();
        screen = session.wait_for("the next help page", |s| s != previous);
    }
    assert!(missing.is_empty(), "help lacks {missing:?}:\n{screen}");
    session.keys(&["Escape"]);
    session.wait_for_gone("帮助 · 按键");
    session.quit(pid);
}

#[test]
fn a_note_form_survives_resizing_with_its_text_and_caret() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let dir = session.workspace.path().to_path_buf();
    let pid = session.launch_duban();
    session.wait_for_text("237项");
    session.keys(&["n"]);
    session.wait_for_text("添加进展");
    session.type_text("缩放窗口时的进展");
    session.wait_for_caret_after("缩放窗口时的进展");
    for (width, height) in [(40, 10), (12, 4), (1, 1), (100, 30), (80, 24)] {
        session.resize(width, height);
        session.wait_for(&format!("a {width}×{height} screen"), |s| {
            s.lines().count() == height
        });
        assert!(is_running(pid), "duban died at {width}×{height}");
    }
    session.wait_for_caret_after("缩放窗口时的进展");
    session.keys(&["Enter"]);
    wait_for_saved(&session, "添加进展");
    item_with_note(&dir, "缩放窗口时的进展");
    session.quit(pid);
}
