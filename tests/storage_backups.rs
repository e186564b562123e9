//! Backups made with the discipline of a save (issue 8.2): a full disk rotates nothing out,
//! a crash at any step leaves only complete backups, and broken backups are found.
//! Saving through a symbolic link (issue 8.4).

use std::fs;
use std::path::Path;

use duban::domain::{Item, Ledger, WorkspaceConfig};
use duban::storage::{
    self, FailPoint, StorageError, backup_path, broken_backups, config_path, create_workspace,
    ledger_path, load_ledger, save_config, save_ledger, save_ledger_with,
};
use rstest::rstest;

const KEEP: usize = 3;

fn ledger(version: usize) -> Ledger {
    Ledger {
        format: 1,
        id: "l".into(),
        title: "备份测试".into(),
        base_year: 2023,
        items: vec![Item {
            id: "1".into(),
            title: format!("版本{version}"),
            deadline: "5月底前".into(),
            ..Item::default()
        }],
        ..Ledger::default()
    }
}

/// A workspace whose ledger `l` was saved `KEEP + 1` times: backups `.1 … .3` hold
/// versions 3, 2, 1 and the file holds version 4.
fn workspace_with_full_backups() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    create_workspace(dir.path(), &WorkspaceConfig::default()).expect("workspace");
    for version in 1..=KEEP + 1 {
        save_ledger(dir.path(), &ledger(version), KEEP).expect("save");
    }
    dir
}

/// The bytes of the ledger file and of every backup slot (`None` for a missing one).
fn snapshot(dir: &Path) -> Vec<Option<Vec<u8>>> {
    let mut files = vec![fs::read(ledger_path(dir, "l")).ok()];
    for n in 1..=KEEP + 1 {
        files.push(fs::read(backup_path(dir, "l.ron", n)).ok());
    }
    files
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[rstest]
fn a_full_disk_fails_the_save_and_keeps_every_file_and_backup(
    #[values(FailPoint::DiskFullInTemp, FailPoint::DiskFullInBackup)] step: FailPoint,
) {
    let dir = workspace_with_full_backups();
    let before = snapshot(dir.path());

    // Failed saves, again and again, must not rotate good backups out.
    for version in 5..8 {
        let err = save_ledger_with(dir.path(), &ledger(version), KEEP, step).unwrap_err();
        match err {
            StorageError::Io { source, .. } => {
                assert_eq!(source.kind(), std::io::ErrorKind::StorageFull)
            }
            other => panic!("expected the disk-full error, got {other}"),
        }
    }

    assert_eq!(snapshot(dir.path()), before);
    assert_eq!(names_in(&dir.path().join("ledgers")), ["l.ron"]);
    assert_eq!(
        names_in(&dir.path().join(".backup")),
        ["l.ron.1", "l.ron.2", "l.ron.3"]
    );
    // Once there is room again, the save goes through and rotates once.
    save_ledger(dir.path(), &ledger(9), KEEP).expect("save");
    let after = snapshot(dir.path());
    assert_eq!(after[1], before[0], "the file of version 4 is now backup 1");
    assert_eq!(after[2], before[1]);
    assert_eq!(after[3], before[2]);
}

#[rstest]
fn a_crash_at_any_step_leaves_only_complete_backups(
    #[values(
        FailPoint::AfterTempWrite,
        FailPoint::AfterTempSync,
        FailPoint::AfterBackupWrite,
        FailPoint::MidRotation,
        FailPoint::AfterBackup,
        FailPoint::AfterRename
    )]
    step: FailPoint,
) {
    let dir = workspace_with_full_backups();
    // Crash three times in a row at the same step (the issue emptied .1–.3 with three kills).
    for version in 5..8 {
        let err = save_ledger_with(dir.path(), &ledger(version), KEEP, step).unwrap_err();
        assert!(matches!(err, StorageError::Injected { .. }), "{err}");
        assert_eq!(broken_backups(dir.path()).expect("readable"), []);
        for n in 1..=KEEP {
            if let Ok(bytes) = fs::read(backup_path(dir.path(), "l.ron", n)) {
                assert!(!bytes.is_empty(), "backup {n} is empty after {step:?}");
            }
        }
        load_ledger(&ledger_path(dir.path(), "l")).expect("the ledger still loads");
    }
    // The next save works and clears the temp files the crashes left.
    save_ledger(dir.path(), &ledger(10), KEEP).expect("save");
    assert_eq!(names_in(&dir.path().join("ledgers")), ["l.ron"]);
    assert!(
        names_in(&dir.path().join(".backup"))
            .iter()
            .all(|n| !n.starts_with('.')),
        "{:?}",
        names_in(&dir.path().join(".backup"))
    );
    assert_eq!(broken_backups(dir.path()).expect("readable"), []);
}

#[test]
fn saves_that_keep_failing_after_the_backup_keep_older_versions() {
    let dir = workspace_with_full_backups();
    let before = snapshot(dir.path());
    for version in 5..9 {
        save_ledger_with(dir.path(), &ledger(version), KEEP, FailPoint::AfterBackup).unwrap_err();
    }
    let after = snapshot(dir.path());
    assert_eq!(after[0], before[0], "the file is still version 4");
    assert_eq!(after[1], before[0], "backup 1 is version 4, kept once");
    assert_eq!(after[2], before[1], "backup 2 is still version 3");
    assert_eq!(after[3], before[2], "backup 3 is still version 2");
}

#[test]
fn broken_backups_are_found_and_temp_files_are_not_backups() {
    let dir = workspace_with_full_backups();
    save_config(
        dir.path(),
        &WorkspaceConfig {
            name: "改名".into(),
            ..WorkspaceConfig::default()
        },
    )
    .expect("config saved, so duban.ron.1 exists");
    let backups = dir.path().join(".backup");
    fs::write(backup_path(dir.path(), "l.ron", 2), "").expect("empty it");
    let truncated = fs::read(backup_path(dir.path(), "l.ron", 3)).expect("read");
    fs::write(
        backup_path(dir.path(), "l.ron", 3),
        &truncated[..truncated.len() / 2],
    )
    .expect("truncate it");
    fs::write(backup_path(dir.path(), "duban.ron", 2), "(units: [").expect("break it");
    fs::write(backups.join(".l.ron.x1y2.tmp"), "").expect("a leftover temp file");

    let broken = broken_backups(dir.path()).expect("readable");

    let names: Vec<String> = broken
        .iter()
        .map(|b| b.path.file_name().expect("name").to_string_lossy().into())
        .collect();
    assert_eq!(names, ["duban.ron.2", "l.ron.2", "l.ron.3"]);
    assert!(
        broken[1].message.contains("0 字节"),
        "{}",
        broken[1].message
    );
    assert!(
        broken
            .iter()
            .all(|b| b.message.contains(&*b.path.to_string_lossy())),
        "{broken:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_ledger_that_is_a_symlink_is_saved_through_the_link() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    create_workspace(dir.path(), &WorkspaceConfig::default()).expect("workspace");
    let elsewhere = dir.path().join("shared");
    fs::create_dir_all(&elsewhere).expect("mkdir");
    let real = elsewhere.join("real.ron");
    fs::write(&real, storage::ledger_to_string(&ledger(1))).expect("write");
    let link = ledger_path(dir.path(), "l");
    // A relative link, as `ln -s ../shared/real.ron` makes.
    symlink(Path::new("../shared/real.ron"), &link).expect("symlink");

    save_ledger(dir.path(), &ledger(2), KEEP).expect("save through the link");

    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link was replaced by a regular file"
    );
    assert_eq!(load_ledger(&real).expect("target").ledger, ledger(2));
    assert_eq!(load_ledger(&link).expect("via link").ledger, ledger(2));
    let backup = fs::read_to_string(backup_path(dir.path(), "l.ron", 1)).expect("backup");
    assert!(backup.contains("版本1"), "{backup}");
    assert_eq!(names_in(&elsewhere), ["real.ron"], "no temp file left");
}

#[cfg(unix)]
#[test]
fn a_config_that_is_a_symlink_is_saved_through_the_link() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    let real_dir = tempfile::tempdir().expect("tempdir");
    let real = real_dir.path().join("team.ron");
    fs::write(
        &real,
        storage::config_to_string(&WorkspaceConfig::default()),
    )
    .expect("write");
    symlink(&real, config_path(dir.path())).expect("symlink");
    let renamed = WorkspaceConfig {
        name: "共享配置".into(),
        ..WorkspaceConfig::default()
    };

    save_config(dir.path(), &renamed).expect("save");

    assert!(
        fs::symlink_metadata(config_path(dir.path()))
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(storage::load_config(dir.path()).expect("load"), renamed);
    assert!(
        fs::read_to_string(&real)
            .expect("target")
            .contains("共享配置")
    );
}
