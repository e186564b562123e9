//! The round trip a supervisor makes with a unit: `duban export` → the unit edits the sheet
//! in another program (openpyxl: a progress cell, a status, and a title it must not change)
//! → `duban merge-sheet` shows the changes and, with `--apply`, lands exactly the progress
//! and status changes with their audit entries; the changed title is reported, not applied.

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;

use duban::domain::{Ledger, Status};
use tempfile::TempDir;

fn duban(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
    cmd.arg("--dir")
        .arg(dir)
        .args(["--today", "2024-07-15"])
        .env("USER", "督查员");
    cmd
}

/// Whether python3 with openpyxl is here; under CI its absence is a failure, not a skip.
fn openpyxl() -> bool {
    let here = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .status()
        .is_ok_and(|s| s.success());
    if !here {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install openpyxl (pip install openpyxl)"
        );
        eprintln!("skipped: python3 with openpyxl is not installed");
    }
    here
}

fn load(dir: &Path) -> Ledger {
    ron::from_str(&fs::read_to_string(dir.join("ledgers/t.ron")).expect("read")).expect("ron")
}

#[test]
fn a_returned_sheet_lands_its_progress_and_status_but_not_its_title() {
    if !openpyxl() {
        return;
    }
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    support::succeed(
        duban(&dir)
            .arg("import")
            .arg(support::repo().join("tests/fixtures/xlsx/merged.xlsx"))
            .args(["--year", "2024", "--id", "t"]),
    );
    let exported = tmp.path().join("out.xlsx");
    let returned = tmp.path().join("returned.xlsx");
    support::succeed(
        duban(&dir)
            .args(["export", "--ledger", "t", "--out"])
            .arg(&exported),
    );
    let script = support::repo().join("tests/xlsx/edit_returned.py");
    let status = Command::new("python3")
        .arg(&script)
        .arg(&exported)
        .arg(&returned)
        .status()
        .expect("python3 runs");
    assert!(status.success());
    let before = load(&dir);
    let ledger_file = fs::read(dir.join("ledgers/t.ron")).expect("read");

    let preview = support::succeed(
        duban(&dir)
            .arg("merge-sheet")
            .arg(&returned)
            .args(["--ledger", "t"]),
    );
    assert!(
        preview.contains("新进展 2(档案室):档案室已完成制度送审稿"),
        "{preview}"
    );
    assert!(preview.contains("状态 1:未启动 → 推进中"), "{preview}");
    assert!(
        preview.contains("不予修改 第5行 事项 3「工作任务」"),
        "{preview}"
    );
    assert_eq!(
        fs::read(dir.join("ledgers/t.ron")).expect("read"),
        ledger_file,
        "without --apply nothing is written"
    );

    support::succeed(
        duban(&dir)
            .arg("merge-sheet")
            .arg(&returned)
            .args(["--ledger", "t", "--apply"]),
    );
    let after = load(&dir);
    for (a, b) in after.items.iter().zip(&before.items) {
        assert_eq!(a.title, b.title, "titles are never taken from the sheet");
        assert_eq!(a.deadline, b.deadline);
        match a.id.as_str() {
            "1" => {
                assert_eq!(a.status, Status::InProgress);
                assert!(a.progress.is_empty());
                let audit = a.history.last().expect("audited");
                assert_eq!(
                    (audit.field.as_str(), audit.author.as_str()),
                    ("status", "督查员")
                );
            }
            "2" => {
                assert_eq!(a.status, b.status);
                assert_eq!(a.progress.len(), 1);
                let p = &a.progress[0];
                assert_eq!(
                    (
                        p.author.as_str(),
                        p.text.as_str(),
                        p.date.to_string().as_str()
                    ),
                    ("档案室", "档案室已完成制度送审稿", "2024-07-15")
                );
            }
            _ => assert_eq!(a, b, "item {} is untouched", a.id),
        }
    }
    // Taking back the same sheet again adds nothing new for the progress already there.
    let again = support::succeed(
        duban(&dir)
            .arg("merge-sheet")
            .arg(&returned)
            .args(["--ledger", "t"]),
    );
    assert!(!again.contains("状态 1"), "{again}");
}

#[test]
fn a_sheet_without_the_exported_header_is_refused_in_one_line() {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    support::succeed(
        duban(&dir)
            .arg("import")
            .arg(support::repo().join("tests/fixtures/xlsx/merged.xlsx"))
            .args(["--year", "2024", "--id", "t"]),
    );
    let out = duban(&dir)
        .arg("merge-sheet")
        .arg(support::repo().join("tests/fixtures/xlsx/no_header.xlsx"))
        .args(["--ledger", "t", "--apply"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no_header.xlsx 工作表「说明」"), "{err}");
}
