//! Several writers: locked read-modify-write updates lose nothing, and a save over a file
//! changed by someone else merges per item and per field, surfacing conflicts.

use std::path::Path;
use std::thread;

use chrono::NaiveDate;
use duban::domain::{
    AuditEntry, Item, Ledger, Notice, NoticeKind, ProgressEntry, Status, WorkspaceConfig,
};
use duban::storage::merge::{merge_ledgers, merge_log};
use duban::storage::{
    StorageError, changed_on_disk, create_workspace, ledger_path, load_ledger, save_ledger,
    save_with_merge, update_ledger,
};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, d).unwrap()
}

fn note(d: u32, author: &str, text: &str) -> ProgressEntry {
    ProgressEntry {
        date: day(d),
        author: author.into(),
        text: text.into(),
    }
}

fn base_ledger() -> Ledger {
    Ledger {
        format: 1,
        id: "l".into(),
        title: "制度建设规范年".into(),
        base_year: 2023,
        items: ["1", "2", "3"]
            .iter()
            .map(|id| Item {
                id: id.to_string(),
                title: format!("事项{id}"),
                deadline: "5月底前".into(),
                units: vec!["机关党办".into()],
                progress: vec![note(1, "张", "已启动")],
                ..Item::default()
            })
            .collect(),
        ..Ledger::default()
    }
}

fn workspace_with_base() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    create_workspace(dir.path(), &WorkspaceConfig::default()).unwrap();
    save_ledger(dir.path(), &base_ledger(), 5).unwrap();
    dir
}

fn add_note(dir: &Path, author: &str, n: usize) -> Result<(), StorageError> {
    update_ledger(dir, "l", 5, |ledger: &mut Ledger| {
        let item = ledger.item_mut("2").expect("item 2 exists");
        item.progress
            .push(note(2, author, &format!("{author} 第{n}条")));
        Ok(())
    })
}

#[test]
fn concurrent_updates_from_threads_all_survive() {
    let dir = workspace_with_base();
    let writers: Vec<_> = ["甲", "乙"]
        .into_iter()
        .map(|author| {
            let dir = dir.path().to_path_buf();
            thread::spawn(move || {
                for n in 0..40 {
                    add_note(&dir, author, n).unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let ledger = load_ledger(&ledger_path(dir.path(), "l")).unwrap().ledger;
    let notes = &ledger.item("2").unwrap().progress;
    assert_eq!(notes.len(), 1 + 80);
    for author in ["甲", "乙"] {
        for n in 0..40 {
            let text = format!("{author} 第{n}条");
            assert!(notes.iter().any(|p| p.text == text), "missing {text}");
        }
    }
}

#[test]
fn a_failed_edit_writes_nothing() {
    let dir = workspace_with_base();
    let path = ledger_path(dir.path(), "l");
    let before = std::fs::read(&path).unwrap();
    let result: anyhow::Result<()> = update_ledger(dir.path(), "l", 5, |ledger: &mut Ledger| {
        ledger.title = "半途而废".into();
        Err(anyhow::anyhow!("没有这个事项"))
    });
    assert_eq!(result.unwrap_err().to_string(), "没有这个事项");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// A caller-defined error type the storage error converts into (as a CLI's would).
#[derive(Debug)]
enum CallerError {
    Storage(StorageError),
}

impl From<StorageError> for CallerError {
    fn from(error: StorageError) -> Self {
        CallerError::Storage(error)
    }
}

#[test]
fn updating_a_missing_ledger_is_an_error_in_the_callers_type() {
    let dir = workspace_with_base();
    let result: Result<(), CallerError> =
        update_ledger(dir.path(), "nope", 5, |_: &mut Ledger| Ok(()));
    let CallerError::Storage(err) = result.unwrap_err();
    assert!(matches!(err, StorageError::NoSuchLedger { .. }), "{err}");
    assert!(err.to_string().contains("nope.ron"), "{err}");
}

#[test]
fn unchanged_file_is_saved_plainly() {
    let dir = workspace_with_base();
    let base = load_ledger(&ledger_path(dir.path(), "l")).unwrap();
    let mut ours = base.ledger.clone();
    ours.item_mut("1").unwrap().status = Status::InProgress;
    assert!(!changed_on_disk(&base).unwrap());
    let outcome = save_with_merge(dir.path(), &base, &ours, 5).unwrap();
    assert!(changed_on_disk(&base).unwrap());
    assert!(!changed_on_disk(&outcome.loaded).unwrap());
    assert!(!outcome.merged);
    assert!(outcome.conflicts.is_empty());
    assert_eq!(outcome.loaded.ledger, ours);
    // The returned fingerprint is the new base: a second save needs no merge.
    ours.item_mut("1").unwrap().status = Status::Done;
    let again = save_with_merge(dir.path(), &outcome.loaded, &ours, 5).unwrap();
    assert!(!again.merged);
}

/// Two TUI sessions load the same file; the second saves after the first.
fn two_sessions(
    mine: impl FnOnce(&mut Ledger),
    theirs: impl FnOnce(&mut Ledger),
) -> (Ledger, duban::storage::MergeOutcome) {
    let dir = workspace_with_base();
    let path = ledger_path(dir.path(), "l");
    let base_mine = load_ledger(&path).unwrap();
    let base_theirs = load_ledger(&path).unwrap();
    let mut their_edit = base_theirs.ledger.clone();
    theirs(&mut their_edit);
    save_with_merge(dir.path(), &base_theirs, &their_edit, 5).unwrap();
    let mut my_edit = base_mine.ledger.clone();
    mine(&mut my_edit);
    let outcome = save_with_merge(dir.path(), &base_mine, &my_edit, 5).unwrap();
    let on_disk = load_ledger(&path).unwrap();
    assert_eq!(on_disk.ledger, outcome.loaded.ledger);
    assert_eq!(on_disk.fingerprint, outcome.loaded.fingerprint);
    (on_disk.ledger, outcome)
}

#[test]
fn edits_to_different_items_both_survive() {
    let (disk, outcome) = two_sessions(
        |l| l.item_mut("1").unwrap().status = Status::Done,
        |l| l.item_mut("3").unwrap().deadline = "6月底前".into(),
    );
    assert!(outcome.merged);
    assert!(outcome.conflicts.is_empty(), "{:?}", outcome.conflicts);
    assert_eq!(disk.item("1").unwrap().status, Status::Done);
    assert_eq!(disk.item("3").unwrap().deadline, "6月底前");
}

#[test]
fn different_fields_of_one_item_both_survive() {
    let (disk, outcome) = two_sessions(
        |l| l.item_mut("2").unwrap().status = Status::InProgress,
        |l| l.item_mut("2").unwrap().units.push("社区矫正局".into()),
    );
    assert!(outcome.conflicts.is_empty(), "{:?}", outcome.conflicts);
    let item = disk.item("2").unwrap();
    assert_eq!(item.status, Status::InProgress);
    assert_eq!(item.units, ["机关党办", "社区矫正局"]);
}

#[test]
fn same_field_changed_differently_is_a_conflict_and_disk_keeps_theirs() {
    let (disk, outcome) = two_sessions(
        |l| l.item_mut("2").unwrap().deadline = "7月底前".into(),
        |l| l.item_mut("2").unwrap().deadline = "6月底前".into(),
    );
    assert_eq!(outcome.conflicts.len(), 1, "{:?}", outcome.conflicts);
    let conflict = &outcome.conflicts[0];
    assert_eq!(
        (
            conflict.ledger.as_str(),
            conflict.item.as_str(),
            conflict.field.as_str()
        ),
        ("l", "2", "deadline")
    );
    assert_eq!(conflict.ours, "\"7月底前\"");
    assert_eq!(conflict.theirs, "\"6月底前\"");
    assert_eq!(disk.item("2").unwrap().deadline, "6月底前");
}

/// The event date a deadline counts from merges like any other scalar field.
#[test]
fn an_event_date_merges_like_other_fields() {
    let (disk, outcome) = two_sessions(
        |l| l.item_mut("2").unwrap().event_date = Some(day(5)),
        |l| l.item_mut("2").unwrap().status = Status::InProgress,
    );
    assert!(outcome.conflicts.is_empty(), "{:?}", outcome.conflicts);
    let item = disk.item("2").unwrap();
    assert_eq!(
        (item.event_date, item.status),
        (Some(day(5)), Status::InProgress)
    );
    let (disk, outcome) = two_sessions(
        |l| l.item_mut("2").unwrap().event_date = Some(day(5)),
        |l| l.item_mut("2").unwrap().event_date = Some(day(7)),
    );
    let fields: Vec<&str> = outcome.conflicts.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["event_date"]);
    assert_eq!(
        disk.item("2").unwrap().event_date,
        Some(day(7)),
        "disk keeps theirs"
    );
}

#[test]
fn progress_notes_from_both_sides_are_united() {
    let (disk, outcome) = two_sessions(
        |l| {
            let item = l.item_mut("2").unwrap();
            item.progress.push(note(5, "甲", "召开推进会"));
            item.status = Status::InProgress;
        },
        |l| {
            let item = l.item_mut("2").unwrap();
            item.progress.push(note(6, "乙", "形成初稿"));
            item.notices.push(Notice {
                kind: NoticeKind::Chase,
                date: day(6),
                recipient: "机关党办".into(),
                number: None,
            });
        },
    );
    assert!(outcome.conflicts.is_empty(), "{:?}", outcome.conflicts);
    let item = disk.item("2").unwrap();
    let texts: Vec<&str> = item.progress.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["已启动", "形成初稿", "召开推进会"]);
    assert_eq!(item.status, Status::InProgress);
    assert_eq!(item.notices.len(), 1);
}

#[test]
fn items_added_on_both_sides_are_kept_in_place() {
    let (disk, outcome) = two_sessions(
        |l| {
            l.items.insert(
                1,
                Item {
                    id: "1a".into(),
                    title: "我方新增".into(),
                    ..Item::default()
                },
            )
        },
        |l| {
            l.items.push(Item {
                id: "4".into(),
                title: "对方新增".into(),
                ..Item::default()
            })
        },
    );
    assert!(outcome.conflicts.is_empty(), "{:?}", outcome.conflicts);
    let ids: Vec<&str> = disk.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["1", "1a", "2", "3", "4"]);
}

#[test]
fn deleting_an_item_the_other_side_changed_keeps_it_and_says_so() {
    let (disk, outcome) = two_sessions(
        |l| l.items.retain(|i| i.id != "3"),
        |l| l.item_mut("3").unwrap().status = Status::Done,
    );
    assert_eq!(disk.item("3").unwrap().status, Status::Done);
    assert_eq!(outcome.conflicts.len(), 1);
    assert_eq!(outcome.conflicts[0].field, "(删除)");
}

#[test]
fn deleting_an_unchanged_item_deletes_it() {
    let (disk, outcome) = two_sessions(
        |l| l.items.retain(|i| i.id != "3"),
        |l| l.item_mut("1").unwrap().status = Status::Done,
    );
    assert!(outcome.conflicts.is_empty());
    let ids: Vec<&str> = disk.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["1", "2"]);
}

#[test]
fn log_merge_keeps_additions_and_applies_removals() {
    let base = [1, 2, 3];
    // Ours removed 2 (an undo) and added 4; theirs added 5.
    assert_eq!(merge_log(&base, &[1, 3, 4], &[1, 2, 3, 5]), [1, 3, 5, 4]);
}

#[test]
fn ledger_fields_follow_the_same_rule() {
    let base = base_ledger();
    let mut ours = base.clone();
    ours.title = "我方标题".into();
    ours.base_year = 2024;
    let mut theirs = base.clone();
    theirs.title = "对方标题".into();
    theirs.items[0].history.push(AuditEntry {
        at: day(7).and_hms_opt(8, 0, 0).unwrap(),
        author: "乙".into(),
        field: "status".into(),
        from: "未启动".into(),
        to: "推进中".into(),
    });
    let (merged, conflicts) = merge_ledgers(&base, &ours, &theirs);
    assert_eq!(merged.title, "对方标题");
    assert_eq!(merged.base_year, 2024);
    assert_eq!(merged.items[0].history.len(), 1);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        (conflicts[0].item.as_str(), conflicts[0].field.as_str()),
        ("", "title")
    );
}

/// Set in a child process of [`concurrent_updates_from_processes_all_survive`].
const CHILD_DIR: &str = "DUBAN_STORAGE_TEST_CHILD_DIR";
const CHILD_AUTHOR: &str = "DUBAN_STORAGE_TEST_CHILD_AUTHOR";
const NOTES_PER_PROCESS: usize = 60;

/// Runs only inside a child process: adds notes to the workspace named by the environment.
#[test]
fn child_writer() {
    let (Ok(dir), Ok(author)) = (std::env::var(CHILD_DIR), std::env::var(CHILD_AUTHOR)) else {
        return;
    };
    for n in 0..NOTES_PER_PROCESS {
        add_note(Path::new(&dir), &author, n).unwrap();
    }
}

#[test]
fn concurrent_updates_from_processes_all_survive() {
    let dir = workspace_with_base();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = ["丙", "丁"]
        .into_iter()
        .map(|author| {
            std::process::Command::new(&exe)
                .args(["--exact", "child_writer", "--test-threads=1"])
                .env(CHILD_DIR, dir.path())
                .env(CHILD_AUTHOR, author)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let ledger = load_ledger(&ledger_path(dir.path(), "l")).unwrap().ledger;
    let notes = &ledger.item("2").unwrap().progress;
    assert_eq!(notes.len(), 1 + 2 * NOTES_PER_PROCESS);
    for author in ["丙", "丁"] {
        let count = notes.iter().filter(|p| p.author == author).count();
        assert_eq!(count, NOTES_PER_PROCESS, "{author}");
    }
}

#[test]
fn a_ledger_with_unknown_fingerprint_saves_through_a_harmless_merge() {
    let dir = workspace_with_base();
    let path = ledger_path(dir.path(), "l");
    let base = duban::storage::LoadedLedger::new(base_ledger(), path.clone());
    let mut ours = base_ledger();
    ours.item_mut("3").unwrap().status = Status::Suspended;
    let outcome = save_with_merge(dir.path(), &base, &ours, 5).unwrap();
    assert!(outcome.merged);
    assert!(outcome.conflicts.is_empty());
    assert_eq!(load_ledger(&path).unwrap().ledger, ours);
}
