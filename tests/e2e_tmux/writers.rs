//! Two writers on one ledger: a note added by `duban note` while the TUI user is typing
//! a note of their own is picked up (with a hint), and both notes end on disk.

use std::process::Command;

use super::disk::{cli_list, item_with_note, record_of};
use super::driver::Session;
use super::editing::wait_for_saved;

/// (number, title) of the item an edit form is about, from its title line
/// `┌ 添加进展 · 3 标题 ──┐`, once that line is drawn whole.
fn form_item(screen: &str, form: &str) -> Option<(String, String)> {
    let line = screen
        .lines()
        .find_map(|l| l.split_once(&format!("{form} · ")).map(|(_, rest)| rest))?;
    if !line.contains('┐') {
        return None;
    }
    let mut words = line.split_whitespace();
    let number = words.next()?.to_string();
    let title = words.next()?.trim_end_matches('─').to_string();
    Some((number, title))
}

#[test]
fn another_writer_s_note_arrives_while_typing_and_both_notes_are_kept() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let dir = session.workspace.path().to_path_buf();
    let pid = session.launch_duban();
    session.wait_for_text("蓝");
    session.keys(&["n"]);
    let form = session.wait_until("the note form", |s| {
        form_item(s, "添加进展")
            .map(|_| ())
            .ok_or_else(|| "no whole form title".to_string())
    });
    let (number, title) = form_item(&form, "添加进展").expect("seen by the wait");
    let mine = record_of(&dir, &number, &title);
    session.type_text("本人进展尚在输入");
    session.wait_for_text("本人进展尚在输入");

    // Someone else notes another item of the same ledger from the command line.
    let other = cli_list(&dir, &["--ledger", &mine["ledger"]])
        .into_iter()
        .find(|r| r["id"] != mine["id"])
        .expect("a second item in the ledger");
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .arg("--dir")
        .arg(&dir)
        .args(["note", "--author", "他人"])
        .args([&other["ledger"], &other["id"], "他人同时记录的进展"])
        .output()
        .expect("run duban note");
    assert!(out.status.success(), "duban note failed: {out:?}");

    // The TUI notices, says so, and keeps the half-typed input.
    session.wait_until("the hint about others' changes, input kept", |s| {
        if !s.contains("他人") {
            return Err("no hint about another writer".into());
        }
        if !s.contains("本人进展尚在输入") {
            return Err("the typed input was lost".into());
        }
        Ok(())
    });
    session.keys(&["Enter"]);
    wait_for_saved(&session, "添加进展");
    let (key, _) = item_with_note(&dir, "本人进展尚在输入");
    assert_eq!(
        key,
        (mine["ledger"].clone(), mine["id"].clone()),
        "noted item"
    );
    let (key, item) = item_with_note(&dir, "他人同时记录的进展");
    assert_eq!(key, (other["ledger"].clone(), other["id"].clone()));
    assert_eq!(
        item.progress.last().map(|p| p.author.as_str()),
        Some("他人")
    );
    session.quit(pid);
}
