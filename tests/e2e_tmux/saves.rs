//! Edits against the disk: a status change and its undo leave both steps in the item's
//! history, and a TUI killed with SIGKILL in the middle of saves keeps every note it
//! showed as saved.

use std::path::Path;
use std::time::Duration;

use duban::domain::Status;

use super::disk::{item_with_note, items_on_disk};
use super::driver::Session;
use super::process::{signal, wait_for_exit};
use super::support::copy_dir;

#[test]
fn a_status_change_and_its_undo_are_both_in_the_history_on_disk() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let dir = session.workspace.path().to_path_buf();
    let before = items_on_disk(&dir);
    let pid = session.launch_duban();
    session.wait_for_text("按严重程度");

    session.keys(&["n"]);
    session.wait_for_text("添加进展");
    session.type_text("已召开推进会");
    session.paste("，确定分工\n下周报送");
    session.wait_for_text("已召开推进会，确定分工 下周报送");
    session.keys(&["Enter"]);
    session.wait_for_text("添加进展 · 已保存");

    session.keys(&["s"]);
    session.wait_for_text("改状态");
    session.keys(&["3"]);
    session.wait_for_text("状态改为已完成 · 已保存");
    session.keys(&["u"]);
    session.wait_for_text("已撤销:状态改为已完成 · 已保存");

    signal(pid, "HUP");
    wait_for_exit(pid, "SIGHUP");
    session.assert_shell_sane();

    let (key, item) = item_with_note(&dir, "已召开推进会，确定分工 下周报送");
    let note = item.progress.last().expect("note");
    assert_eq!(note.text, "已召开推进会，确定分工 下周报送");
    assert_eq!(note.author, "测试员");
    let original = &before[&key];
    assert_eq!(item.status, original.status, "the undo is on disk");
    assert_ne!(item.status, Status::Done);
    let status_changes: Vec<(&str, &str)> = item
        .history
        .iter()
        .filter(|h| h.field == "status" && h.author == "测试员")
        .map(|h| (h.from.as_str(), h.to.as_str()))
        .collect();
    assert_eq!(
        status_changes,
        vec![
            (original.status.label(), "已完成(待验收)"),
            ("已完成(待验收)", original.status.label())
        ]
    );
}

#[test]
fn sigkill_of_the_tui_during_saves_keeps_every_note_shown_as_saved() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand::rngs::SmallRng::seed_from_u64(11);
    let mut acknowledged: Vec<String> = Vec::new();
    // Each round has a fresh terminal on the workspace the previous round left behind.
    let mut previous: Option<Session> = None;
    for round in 0..6 {
        let Some(mut session) = Session::start(80, 24) else {
            return;
        };
        if let Some(previous) = previous.take() {
            copy_dir(previous.workspace.path(), session.workspace.path());
        }
        let dir = session.workspace.path().to_path_buf();
        let pid = session.launch_duban();
        session.wait_for_text("按严重程度");
        let saves = rng.random_range(1..=2);
        for n in 0..=saves {
            let text = format!("第{round}轮第{n}条");
            session.keys(&["n"]);
            session.wait_for_text("添加进展");
            session.type_text(&text);
            session.wait_for_text(&text);
            session.keys(&["Enter"]);
            if n == saves {
                // The last one is killed somewhere between the key and the save's end.
                std::thread::sleep(Duration::from_micros(rng.random_range(0..3000)));
                signal(pid, "KILL");
                wait_for_exit(pid, "SIGKILL");
            } else {
                session.wait_for_text("添加进展 · 已保存");
                acknowledged.push(text);
            }
        }
        let on_disk = notes_in_ledger_files(&dir);
        for text in &acknowledged {
            assert!(
                on_disk.contains(text),
                "round {round}: {text} was shown as saved but is lost"
            );
        }
        previous = Some(session);
    }
}

/// Every progress note in the `.ron` ledger files of `dir` (a stray temp file left by
/// the kill is not a ledger and is skipped, as duban skips it).
fn notes_in_ledger_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir.join("ledgers"))
        .expect("ledgers")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".ron"))
        .flat_map(|e| {
            duban::storage::load_ledger(&e.path())
                .expect("every ledger file parses")
                .ledger
                .items
        })
        .flat_map(|i| i.progress.into_iter().map(|p| p.text))
        .collect()
}
