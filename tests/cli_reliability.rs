//! The command line under the conditions of issue 8: parallel imports into one workspace,
//! a writer that keeps the lock (`--wait`, exit 3), unreadable ledgers in `list`, broken
//! backups in `check`, and dates outside 1900–2200.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use duban::domain::{Item, Ledger, Status, WorkspaceConfig};
use duban::storage::{
    LockHolder, WorkspaceLock, backup_path, create_workspace, ledger_path, load_config, save_ledger,
};
use rstest::rstest;
use tempfile::TempDir;

fn duban(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
    cmd.arg("--dir")
        .arg(dir)
        .args(["--today", "2023-06-15"])
        .env("USER", "测试员");
    cmd
}

fn ledger(id: &str) -> Ledger {
    Ledger {
        format: 1,
        id: id.into(),
        title: format!("台账{id}"),
        base_year: 2023,
        items: vec![Item {
            id: "1".into(),
            title: "推进智慧矫正中心建设".into(),
            deadline: "5月底前".into(),
            units: vec!["办公室".into()],
            status: Status::InProgress,
            ..Item::default()
        }],
        ..Ledger::default()
    }
}

/// A workspace with ledger `t` (item `1`) saved twice, so `.backup/t.ron.1` exists.
fn workspace() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    let config = WorkspaceConfig {
        units: vec!["办公室".into()],
        ..WorkspaceConfig::default()
    };
    create_workspace(&dir, &config).expect("workspace");
    save_ledger(&dir, &ledger("t"), 5).expect("save");
    let mut second = ledger("t");
    second.title = "台账t(改)".into();
    save_ledger(&dir, &second, 5).expect("save");
    (tmp, dir)
}

#[test]
fn six_parallel_imports_keep_all_twelve_new_units() {
    let (_tmp, dir) = workspace();
    let tables: Vec<PathBuf> = (0..6)
        .map(|n| {
            let path = dir.parent().expect("parent").join(format!("table{n}.csv"));
            fs::write(
                &path,
                format!(
                    "序号,工作任务,完成时间,责任部门\n1,任务甲,3月底前,单位{n}甲\n2,任务乙,6月底前,单位{n}乙\n"
                ),
            )
            .expect("write table");
            path
        })
        .collect();

    let children: Vec<_> = tables
        .iter()
        .enumerate()
        .map(|(n, table)| {
            duban(&dir)
                .arg("import")
                .arg(table)
                .args(["--title", &format!("导入{n}"), "--year", "2023"])
                .args(["--id", &format!("import-{n}")])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("duban starts")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("waited");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    let units = load_config(&dir).expect("config").units;
    for n in 0..6 {
        for suffix in ["甲", "乙"] {
            let unit = format!("单位{n}{suffix}");
            assert!(units.contains(&unit), "{unit} lost; units: {units:?}");
        }
        assert!(ledger_path(&dir, &format!("import-{n}")).is_file());
    }
    assert_eq!(units.len(), 1 + 12, "{units:?}");
}

/// Run `duban --wait SECS note t 1 …` while this test process holds the lock; returns
/// (seconds until the first stderr line, that line, exit code, all of stderr, total seconds).
fn note_while_locked(dir: &Path, wait: &str) -> (f64, String, Option<i32>, String, f64) {
    let start = Instant::now();
    let mut child = duban(dir)
        .args(["--wait", wait, "note", "t", "1", "等锁时写的进展"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("duban starts");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let first = lines.next().expect("a line").expect("utf-8");
    let first_at = start.elapsed().as_secs_f64();
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let status = child.wait().expect("exits");
    let all = std::iter::once(first.clone())
        .chain(rest)
        .collect::<Vec<_>>();
    (
        first_at,
        first,
        status.code(),
        all.join("\n"),
        start.elapsed().as_secs_f64(),
    )
}

#[test]
fn a_writer_kept_waiting_says_so_within_a_second_and_gives_up_with_exit_3() {
    let (_tmp, dir) = workspace();
    let ledger_before = fs::read(ledger_path(&dir, "t")).expect("ledger");
    let backups_before = fs::read_dir(dir.join(".backup")).expect("backups").count();
    let _held = WorkspaceLock::acquire(&dir).expect("this test holds the lock");
    let me = LockHolder::read(&dir).expect("the lock file names its holder");

    let (first_at, first, code, stderr, total) = note_while_locked(&dir, "2");

    assert!(
        first_at < 1.0,
        "the waiting line came after {first_at:.2} s"
    );
    assert!(first.contains("正在等待另一个写入者"), "{first}");
    assert!(
        first.contains(&format!("进程 {}", me.pid)) && first.contains(&me.host),
        "{first}"
    );
    assert_eq!(code, Some(3), "{stderr}");
    assert!(total >= 2.0, "gave up after {total:.2} s");
    let last = stderr.lines().last().expect("a last line");
    assert!(
        last.contains("已等待 2 秒") && last.contains("--wait"),
        "{last}"
    );
    assert_eq!(
        stderr.lines().count(),
        2,
        "one waiting line, one error: {stderr}"
    );
    assert_eq!(
        fs::read(ledger_path(&dir, "t")).expect("ledger"),
        ledger_before
    );
    assert_eq!(
        fs::read_dir(dir.join(".backup")).expect("backups").count(),
        backups_before,
        "nothing written"
    );
}

#[test]
fn a_writer_gets_the_lock_when_the_holder_lets_go_within_the_wait() {
    let (_tmp, dir) = workspace();
    let held = WorkspaceLock::acquire(&dir).expect("this test holds the lock");
    let child = duban(&dir)
        .args(["--wait", "20", "note", "t", "1", "等到锁后写的进展"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("duban starts");
    // Let it start waiting (its waiting line proves it did), then let go.
    let mut child = child;
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let first = lines.next().expect("a line").expect("utf-8");
    assert!(first.contains("正在等待另一个写入者"), "{first}");
    drop(held);
    let status = child.wait().expect("exits");
    assert!(status.success());
    assert!(
        fs::read_to_string(ledger_path(&dir, "t"))
            .expect("ledger")
            .contains("等到锁后写的进展")
    );
}

#[rstest]
#[case(&["--wait", "-1", "note", "t", "1", "x"])]
#[case(&["--wait", "abc", "list"])]
#[case(&["--today", "0001-01-01", "list"])]
#[case(&["--today", "+10000-01-01", "list"])]
#[case(&["--today", "1899-12-31", "check"])]
#[case(&["note", "t", "1", "x", "--date", "0001-01-01"])]
#[case(&["note", "t", "1", "x", "--date", "2201-01-01"])]
fn out_of_range_dates_and_waits_are_refused_in_one_line(#[case] args: &[&str]) {
    let (_tmp, dir) = workspace();
    let before = fs::read(ledger_path(&dir, "t")).expect("ledger");
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .arg("--dir")
        .arg(&dir)
        .args(args)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("1900–2200") || stderr.contains("--wait 的值"),
        "{stderr}"
    );
    assert_eq!(fs::read(ledger_path(&dir, "t")).expect("ledger"), before);
}

#[test]
fn dates_at_the_ends_of_the_range_are_accepted() {
    let (_tmp, dir) = workspace();
    for today in ["1900-01-01", "2200-12-31"] {
        let out = Command::new(env!("CARGO_BIN_EXE_duban"))
            .arg("--dir")
            .arg(&dir)
            .args(["--today", today, "list"])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{today}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn list_exits_1_and_names_a_ledger_it_cannot_read() {
    let (_tmp, dir) = workspace();
    fs::write(
        ledger_path(&dir, "broken"),
        "(format: 1, id: \"broken\", items: [",
    )
    .expect("w");

    let out = duban(&dir)
        .args(["list", "--format", "csv"])
        .output()
        .expect("runs");

    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stdout.contains("推进智慧矫正中心建设"), "{stdout}");
    assert!(stderr.contains("broken.ron"), "{stderr}");
}

#[test]
fn check_reports_each_broken_backup_on_one_line_and_exits_1() {
    let (_tmp, dir) = workspace();
    let clean = duban(&dir).arg("check").output().expect("runs");
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stdout)
    );
    let first = backup_path(&dir, "t.ron", 1);
    let text = fs::read(&first).expect("backup 1");
    fs::write(&first, &text[..text.len() / 2]).expect("truncate");
    fs::write(backup_path(&dir, "t.ron", 2), "").expect("an empty backup 2");

    let out = duban(&dir).arg("check").output().expect("runs");

    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let lines: Vec<&str> = stdout.lines().filter(|l| l.contains("备份损坏")).collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].contains(&*first.to_string_lossy()), "{}", lines[0]);
    assert!(
        lines[1].contains("t.ron.2") && lines[1].contains("0 字节"),
        "{}",
        lines[1]
    );
}
