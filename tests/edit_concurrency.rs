//! Two TUI states on one workspace (two supervisors on one server): edits to different
//! items both survive, a same-field edit is surfaced as a conflict to resolve, and a state
//! notices the other's saves and reloads them without losing its place or its input.

mod edit_support;

use duban::app::Mode;
use duban::domain::Status;
use edit_support::*;

#[test]
fn edits_to_different_items_of_one_ledger_both_survive() {
    let (_tmp, dir) = workspace();
    let (mut a, mut b) = two_writers(&dir);
    select(&mut a, "1");
    press(&mut a, "s 2");
    select(&mut b, "2");
    press(&mut b, "n");
    type_text(&mut b, "乙的进展");
    press(&mut b, "Enter");
    assert_eq!(
        b.message.as_deref(),
        Some("添加进展 · 已保存(已合并他人的修改)")
    );
    assert_eq!(disk_item(&dir, "1").status, Status::InProgress);
    assert_eq!(disk_item(&dir, "2").progress[0].text, "乙的进展");
    // B now shows A's change too.
    assert_eq!(state_item(&b, "1").status, Status::InProgress);
    // And A's undo later does not take B's note away.
    press(&mut a, "u");
    assert_eq!(disk_item(&dir, "1").status, Status::NotStarted);
    assert_eq!(disk_item(&dir, "2").progress.len(), 1);
}

#[test]
fn a_same_field_conflict_is_surfaced_and_resolved_by_the_user() {
    let (_tmp, dir) = workspace();
    let (_a, mut b) = same_field_conflict(&dir);
    // Theirs (A's 已完成) stays on disk until B decides; B sees the conflict.
    assert_eq!(disk_item(&dir, "3").status, Status::Done);
    assert_eq!(b.mode(), Mode::Edit);
    let resolver = b.edit.conflicts.as_ref().expect("conflict shown");
    assert_eq!(resolver.entries.len(), 1);
    assert_eq!(
        (
            resolver.entries[0].mine.as_str(),
            resolver.entries[0].theirs.as_str()
        ),
        ("推进中", "已完成(待验收)")
    );
    press(&mut b, "Esc");
    assert_eq!(b.mode(), Mode::Edit, "a conflict is never dismissed unseen");
    press(&mut b, "1 Enter");
    assert_eq!(b.mode(), Mode::Browse);
    assert_eq!(disk_item(&dir, "3").status, Status::InProgress);
    let audit = disk_item(&dir, "3").history;
    let authors: Vec<&str> = audit.iter().map(|h| h.author.as_str()).collect();
    assert!(
        authors.contains(&"甲") && authors.contains(&"乙"),
        "{authors:?}"
    );
}

#[test]
fn keeping_theirs_leaves_the_disk_as_the_other_writer_saved_it() {
    let (_tmp, dir) = workspace();
    let (_a, mut b) = same_field_conflict(&dir);
    // 2: keep theirs.
    press(&mut b, "2 Enter");
    assert_eq!(b.message.as_deref(), Some("已保留他人的修改"));
    assert_eq!(disk_item(&dir, "3").status, Status::Done);
    assert_eq!(state_item(&b, "3").status, Status::Done);
}

#[test]
fn a_state_notices_another_writers_save_and_keeps_its_place_and_input() {
    let (_tmp, dir) = workspace();
    let (mut a, mut b) = two_writers(&dir);
    select(&mut b, "2");
    let selected_row = b.view.selected;
    press(&mut b, "n");
    type_text(&mut b, "还没写完");
    select(&mut a, "1");
    press(&mut a, "s 2");

    let changes = duban::tui::poll_disk(&b);
    assert_eq!(changes.len(), 1);
    for action in changes {
        duban::tui::dispatch(&mut b, action, now());
    }
    assert_eq!(b.message.as_deref(), Some("已载入他人修改"));
    assert_eq!(state_item(&b, "1").status, Status::InProgress);
    assert_eq!(b.view.selected, selected_row);
    assert!(duban::tui::poll_disk(&b).is_empty());
    // The note being typed survived the reload and is saved to the right item.
    type_text(&mut b, "的进展");
    press(&mut b, "Enter");
    assert_eq!(disk_item(&dir, "2").progress[0].text, "还没写完的进展");
    assert_eq!(disk_item(&dir, "1").status, Status::InProgress);
}

#[test]
fn the_disk_watch_rereads_only_files_that_changed() {
    let (_tmp, dir) = workspace();
    let (mut a, b) = two_writers(&dir);
    let mut watch = duban::tui::DiskWatch::new(1000);
    assert!(watch.poll(&b).is_empty(), "nothing changed yet");
    select(&mut a, "4");
    press(&mut a, "s 2");
    assert_eq!(watch.poll(&b).len(), 1);
    // Nothing new since the last look (b has not reloaded, but the stamp is the same).
    assert!(watch.poll(&b).is_empty());
}

#[test]
fn an_item_deleted_by_someone_else_but_edited_here_is_kept_and_said() {
    let (_tmp, dir) = workspace();
    let mut b = open(&dir, "乙");
    let mut theirs = on_disk(&dir);
    theirs.items.retain(|i| i.id != "3");
    duban::storage::save_ledger(&dir, &theirs, 2).expect("someone deletes item 3");
    select(&mut b, "3");
    press(&mut b, "s 2");
    assert!(
        b.message
            .as_deref()
            .is_some_and(|m| m.contains("一方删除、一方修改")),
        "{:?}",
        b.message
    );
    assert_eq!(disk_item(&dir, "3").status, Status::InProgress);
}
