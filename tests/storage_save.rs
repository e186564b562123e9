//! Saving and loading workspaces: atomic saves interrupted at every step, rotating backups,
//! broken files never rewritten, byte-identical re-saves, bundled and empty workspaces.

use std::fs;
use std::path::Path;

use duban::domain::{Item, Ledger, WorkspaceConfig};
use duban::storage::{
    self, BUNDLED_LEDGERS, FailPoint, StorageError, backup_path, config_path, create_from_bundled,
    create_workspace, ledger_path, load_holiday_overrides, load_ledger, load_workspace,
    save_config, save_config_with, save_ledger, save_ledger_with, save_with_merge, update_ledger,
};
use rstest::rstest;

fn ledger(id: &str, titles: &[&str]) -> Ledger {
    Ledger {
        format: 1,
        id: id.into(),
        title: format!("{id} 台账"),
        base_year: 2023,
        items: titles
            .iter()
            .enumerate()
            .map(|(n, t)| Item {
                id: (n + 1).to_string(),
                title: t.to_string(),
                deadline: "5月底前".into(),
                units: vec!["机关党办".into()],
                ..Item::default()
            })
            .collect(),
        ..Ledger::default()
    }
}

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    create_workspace(dir.path(), &WorkspaceConfig::default()).unwrap();
    dir
}

/// Every file name in `folder` (empty when it does not exist).
fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[rstest]
fn interrupted_save_leaves_the_old_or_the_new_file(
    #[values(
        FailPoint::AfterTempWrite,
        FailPoint::AfterTempSync,
        FailPoint::AfterBackup,
        FailPoint::AfterRename
    )]
    step: FailPoint,
) {
    let dir = workspace();
    let old = ledger("l", &["旧标题"]);
    let new = ledger("l", &["新标题", "新增事项"]);
    save_ledger(dir.path(), &old, 5).unwrap();
    let path = ledger_path(dir.path(), "l");
    let old_bytes = fs::read(&path).unwrap();

    let err = save_ledger_with(dir.path(), &new, 5, step).unwrap_err();
    assert!(matches!(err, StorageError::Injected { .. }), "{err}");

    let on_disk = load_ledger(&path).unwrap().ledger;
    if step == FailPoint::AfterRename {
        assert_eq!(on_disk, new);
    } else {
        assert_eq!(fs::read(&path).unwrap(), old_bytes);
    }
    // Whatever the crash left behind, the workspace loads with exactly this one ledger.
    let ws = load_workspace(dir.path()).unwrap();
    assert!(ws.broken.is_empty(), "{:?}", ws.broken);
    assert_eq!(ws.ledgers.len(), 1);
    // A later save succeeds and the leftovers never count as ledgers.
    let newer = ledger("l", &["更新"]);
    save_ledger(dir.path(), &newer, 5).unwrap();
    assert_eq!(load_ledger(&path).unwrap().ledger, newer);
    // That save also cleared the temp file the crash left behind.
    assert_eq!(names_in(&dir.path().join("ledgers")), vec!["l.ron"]);
}

#[rstest]
fn interrupted_config_save_leaves_the_old_config(
    #[values(
        FailPoint::AfterTempWrite,
        FailPoint::AfterTempSync,
        FailPoint::AfterBackup
    )]
    step: FailPoint,
) {
    let dir = workspace();
    let before = fs::read(config_path(dir.path())).unwrap();
    let changed = WorkspaceConfig {
        name: "新名字".into(),
        ..WorkspaceConfig::default()
    };
    save_config_with(dir.path(), &changed, step).unwrap_err();
    assert_eq!(fs::read(config_path(dir.path())).unwrap(), before);
    assert_eq!(
        storage::load_config(dir.path()).unwrap(),
        WorkspaceConfig::default()
    );
}

#[test]
fn backups_rotate_and_keep_at_most_n() {
    let dir = workspace();
    for n in 1..=5 {
        save_ledger(dir.path(), &ledger("l", &[&format!("版本{n}")]), 3).unwrap();
    }
    let names = names_in(&dir.path().join(".backup"));
    assert_eq!(names, vec!["l.ron.1", "l.ron.2", "l.ron.3"]);
    for (backup, version) in [(1, 4), (2, 3), (3, 2)] {
        let text = fs::read_to_string(backup_path(dir.path(), "l.ron", backup)).unwrap();
        assert!(
            text.contains(&format!("版本{version}")),
            "backup {backup}: {text}"
        );
    }
}

#[test]
fn unchanged_save_writes_nothing_and_keeps_backups() {
    let dir = workspace();
    let l = ledger("l", &["一"]);
    save_ledger(dir.path(), &l, 5).unwrap();
    save_ledger(dir.path(), &l, 5).unwrap();
    assert!(names_in(&dir.path().join(".backup")).is_empty());
}

#[test]
fn load_then_save_is_byte_identical() {
    let dir = workspace();
    save_ledger(dir.path(), &ledger("l", &["一\n二", "引号\"和\\反斜杠"]), 5).unwrap();
    let path = ledger_path(dir.path(), "l");
    let before = fs::read(&path).unwrap();
    let loaded = load_ledger(&path).unwrap();
    assert_eq!(storage::ledger_to_string(&loaded.ledger).as_bytes(), before);
}

#[test]
fn bundled_samples_round_trip_byte_identically() {
    for (id, text) in BUNDLED_LEDGERS {
        let parsed = storage::parse_ledger(text, Path::new(id)).unwrap();
        assert_eq!(
            storage::ledger_to_string(&parsed),
            text,
            "data/ledgers/{id}.ron"
        );
        assert_eq!(parsed.id, id);
    }
}

const BROKEN: [(&str, &str); 3] = [
    (
        "truncated",
        "#![enable(implicit_some)]\n(\n    format: 1,\n    id: \"b\",\n    items: [\n        (\n",
    ),
    (
        "wrong_type",
        "(\n    format: 1,\n    id: \"b\",\n    base_year: \"二〇二三\",\n)\n",
    ),
    (
        "unknown_field",
        "(\n    format: 1,\n    id: \"b\",\n    titel: \"错字\",\n)\n",
    ),
];

#[test]
fn broken_ledgers_are_reported_and_never_rewritten() {
    for (case, text) in BROKEN {
        let dir = workspace();
        save_ledger(dir.path(), &ledger("good", &["好"]), 5).unwrap();
        let path = ledger_path(dir.path(), "b");
        save_ledger(dir.path(), &ledger("b", &["原样"]), 5).unwrap();
        let base = load_ledger(&path).unwrap();
        fs::write(&path, text).unwrap();

        let ws = load_workspace(dir.path()).unwrap();
        assert_eq!(ws.ledgers.len(), 1, "{case}: the good ledger stays usable");
        assert_eq!(ws.broken.len(), 1, "{case}");
        let message = &ws.broken[0].message;
        let prefix = format!("{}:", path.display());
        assert!(message.starts_with(&prefix), "{case}: {message}");
        let position: Vec<&str> = message[prefix.len()..].splitn(3, ':').collect();
        assert!(
            position[0].parse::<usize>().unwrap() >= 2,
            "{case}: line in {message}"
        );
        assert!(
            position[1].parse::<usize>().unwrap() >= 1,
            "{case}: column in {message}"
        );
        assert!(message.contains("不会改写"), "{case}: {message}");

        let replacement = ledger("b", &["覆盖"]);
        let err = save_ledger(dir.path(), &replacement, 5).unwrap_err();
        assert!(
            matches!(err, StorageError::RefusedOverwrite { .. }),
            "{case}: {err}"
        );
        assert!(err.to_string().contains("b.ron"), "{case}: {err}");
        let err = update_ledger(dir.path(), "b", 5, |l: &mut Ledger| {
            l.title = "改".into();
            Ok::<(), StorageError>(())
        })
        .unwrap_err();
        assert!(
            matches!(err, StorageError::RefusedOverwrite { .. }),
            "{case}: {err}"
        );
        let err = save_with_merge(dir.path(), &base, &replacement, 5).unwrap_err();
        assert!(
            matches!(err, StorageError::RefusedOverwrite { .. }),
            "{case}: {err}"
        );
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            text,
            "{case}: bytes unchanged"
        );
        assert!(names_in(&dir.path().join(".backup")).is_empty(), "{case}");
    }
}

#[test]
fn a_broken_config_is_never_rewritten() {
    let dir = workspace();
    let path = config_path(dir.path());
    fs::write(&path, "(format: 1, nmae: \"x\")").unwrap();
    let err = load_workspace(dir.path()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("{}:1:", path.display())),
        "{err}"
    );
    let err = save_config(dir.path(), &WorkspaceConfig::default()).unwrap_err();
    assert!(
        matches!(err, StorageError::RefusedOverwrite { .. }),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "(format: 1, nmae: \"x\")"
    );
}

#[test]
fn missing_config_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_workspace(dir.path()).unwrap_err();
    assert!(matches!(err, StorageError::NotAWorkspace { .. }), "{err}");
    assert!(err.to_string().contains("duban.ron"), "{err}");
}

#[test]
fn ledgers_load_sorted_by_id_and_a_misnamed_one_is_a_problem() {
    let dir = workspace();
    for id in ["b", "a", "c"] {
        save_ledger(dir.path(), &ledger(id, &["x"]), 5).unwrap();
    }
    fs::rename(
        ledger_path(dir.path(), "c"),
        ledger_path(dir.path(), "0-renamed"),
    )
    .unwrap();
    let ws = load_workspace(dir.path()).unwrap();
    let ids: Vec<&str> = ws.ledgers.iter().map(|l| l.ledger.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(ws.ledger("b").unwrap().ledger.id, "b");
    assert!(ws.ledger("0-renamed").is_none());
    let problems: Vec<String> = ws
        .ledgers
        .iter()
        .filter_map(|l| l.file_name_problem())
        .collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("0-renamed.ron"), "{problems:?}");
}

#[rstest]
#[case("../escape")]
#[case("a/b")]
#[case(".hidden")]
fn ledger_ids_that_escape_the_folder_are_refused(#[case] id: &str) {
    let dir = workspace();
    let err = save_ledger(dir.path(), &ledger(id, &["x"]), 5).unwrap_err();
    assert!(matches!(err, StorageError::BadId(_)), "{err}");
}

#[cfg(unix)]
#[test]
fn saved_files_follow_the_umask_and_are_not_world_writable() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace();
    save_ledger(dir.path(), &ledger("l", &["x"]), 5).unwrap();
    save_ledger(dir.path(), &ledger("l", &["y"]), 5).unwrap();
    for path in [ledger_path(dir.path(), "l"), config_path(dir.path())] {
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o002, 0, "{} is world-writable", path.display());
        // Owner can read and write, as with a plain File::create.
        assert_eq!(mode & 0o600, 0o600, "{}", path.display());
    }
    // A file someone made world-writable loses that on the next save; the rest is kept.
    let path = ledger_path(dir.path(), "l");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o646)).unwrap();
    save_ledger(dir.path(), &ledger("l", &["z"]), 5).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o644);
}

#[test]
fn bundled_workspace_is_created_once() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("ws");
    create_from_bundled(&target).unwrap();
    let ws = load_workspace(&target).unwrap();
    assert!(ws.config.demo);
    assert!(ws.broken.is_empty(), "{:?}", ws.broken);
    let ids: Vec<&str> = ws.ledgers.iter().map(|l| l.ledger.id.as_str()).collect();
    let mut want: Vec<&str> = BUNDLED_LEDGERS.iter().map(|(id, _)| *id).collect();
    want.sort();
    assert_eq!(ids, want);
    let err = create_from_bundled(&target).unwrap_err();
    assert!(err.to_string().contains("已存在"), "{err}");
}

#[test]
fn holiday_overrides_are_optional() {
    let dir = workspace();
    assert!(load_holiday_overrides(dir.path()).unwrap().is_none());
    fs::write(dir.path().join("holidays.ron"), "(holidays: [])").unwrap();
    let (text, path) = load_holiday_overrides(dir.path()).unwrap().unwrap();
    assert_eq!(text, "(holidays: [])");
    assert!(path.ends_with("holidays.ron"));
}
