//! The command line for the colour rules: closing decisions, recurring submissions, roles.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use duban::domain::{Item, Ledger, Status, WorkspaceConfig};
use support::{copy_dir, repo};
use tempfile::TempDir;

fn duban(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
    cmd.arg("--dir")
        .arg(dir)
        .env("USER", "测试员")
        .env("NO_COLOR", "1");
    cmd
}

fn write_ron<T: serde::Serialize>(path: &Path, value: &T) {
    fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::new()).expect("ron");
    fs::write(path, text).expect("write");
}

fn item(id: &str, title: &str, deadline: &str) -> Item {
    Item {
        id: id.into(),
        number: id.into(),
        title: title.into(),
        deadline: deadline.into(),
        units: vec!["办公室".into()],
        status: Status::InProgress,
        ..Item::default()
    }
}

fn workspace(ledger: Ledger) -> (TempDir, PathBuf) {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    write_ron(&dir.join("duban.ron"), &WorkspaceConfig::default());
    write_ron(&dir.join(format!("ledgers/{}.ron", ledger.id)), &ledger);
    (tmp, dir)
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The sample workspace copied to a temporary folder (edits never touch `data/`).
fn samples() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    copy_dir(&repo().join("data"), &dir);
    (tmp, dir)
}

#[test]
fn check_lists_open_items_not_overdue_at_closing_for_a_decision() {
    let ledger = Ledger {
        format: 1,
        id: "t".into(),
        title: "测试台账".into(),
        base_year: 2023,
        closing_date: NaiveDate::from_ymd_opt(2024, 1, 31),
        items: vec![
            item("1", "长期工作", "长期"),
            item("2", "按要求推进", "按省厅要求"),
            item("3", "逾期事项", "5月底前"),
            item("4", "明年的事项", "2025年底前"),
        ],
        ..Ledger::default()
    };
    let (_tmp, dir) = workspace(ledger);
    let out = stdout(duban(&dir).args(["--today", "2024-02-05", "check"]));
    for id in ["1", "2", "4"] {
        assert!(out.contains(&format!("结项待决定:事项 {id}「")), "{out}");
    }
    assert!(!out.contains("结项待决定:事项 3「"), "{out}");
    let list = stdout(duban(&dir).args(["--today", "2024-02-05", "list", "--format", "csv"]));
    let black: Vec<&str> = list.lines().filter(|l| l.contains(",black,")).collect();
    assert_eq!(black.len(), 1, "{list}");
    assert!(black[0].starts_with("t,3,"), "{list}");
    let before = stdout(duban(&dir).args(["--today", "2024-01-20", "check"]));
    assert!(!before.contains("结项待决定"), "{before}");
}

#[test]
fn the_samples_carry_no_invented_closing_date() {
    let (_tmp, dir) = samples();
    let list = stdout(duban(&dir).args(["--today", "2024-02-05", "list", "--format", "csv"]));
    let black_long_term = list
        .lines()
        .filter(|l| l.contains(",black,") && (l.contains("长期") || l.contains("结项日期")))
        .count();
    assert_eq!(black_long_term, 0, "{list}");
    for entry in fs::read_dir(dir.join("ledgers")).expect("ledgers") {
        let text = fs::read_to_string(entry.expect("entry").path()).expect("read");
        assert!(
            !text.contains("closing_date"),
            "an invented closing date is back"
        );
    }
}

fn reason_of(dir: &Path, today: &str, ledger: &str, id: &str) -> String {
    let list = stdout(duban(dir).args([
        "--today", today, "list", "--ledger", ledger, "--format", "csv",
    ]));
    let mut reader = csv::Reader::from_reader(list.as_bytes());
    reader
        .records()
        .map(|r| r.expect("csv row"))
        .find(|r| &r[1] == id)
        .map(|r| format!("{}|{}", &r[2], &r[7]))
        .unwrap_or_else(|| panic!("no row {id}: {list}"))
}

#[test]
fn a_yearly_report_goes_overdue_until_submitted() {
    let (_tmp, dir) = samples();
    let before = reason_of(&dir, "2023-11-02", "2022-shanghai", "4");
    assert!(
        before.contains("逾期2个工作日(本期截止2023-10-31)"),
        "{before}"
    );
    let out = duban(&dir)
        .args([
            "--today",
            "2023-11-02",
            "submit",
            "2022-shanghai",
            "4",
            "--period",
            "2023",
            "--date",
            "2023-11-01",
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("截止2023-10-31的一期"));
    let after = reason_of(&dir, "2023-11-02", "2022-shanghai", "4");
    assert!(!after.contains("2023-10-31"), "{after}");
    // Twice is no change; an item without a recurring rule is refused in one line.
    let again = duban(&dir)
        .args([
            "--today",
            "2023-11-02",
            "submit",
            "2022-shanghai",
            "4",
            "--period",
            "2023",
        ])
        .output()
        .expect("runs");
    assert!(again.status.success());
    let refused = duban(&dir)
        .args(["submit", "2023-1-zhidu", "2"])
        .output()
        .expect("runs");
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("没有周期性报送要求"), "{err}");
}

fn ids(dir: &Path, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["list", "--format", "csv"];
    args.extend_from_slice(extra);
    let list = stdout(duban(dir).args(&args));
    let mut reader = csv::Reader::from_reader(list.as_bytes());
    reader
        .records()
        .map(|r| r.expect("csv row"))
        .filter(|r| &r[0] == "2023-4-zhongdian")
        .map(|r| r[1].to_string())
        .collect()
}

/// The 重点工程推进年 ledger's 市局责任部门 is a unit too: filterable, and by role.
#[test]
fn list_unit_matches_every_role_and_role_narrows_it() {
    let (_tmp, dir) = samples();
    let mut all = ids(&dir, &["--unit", "社区矫正管理科"]);
    all.sort();
    let mut by_role = ids(
        &dir,
        &["--unit", "社区矫正管理科", "--role", "市局责任部门"],
    );
    by_role.sort();
    let five: Vec<String> = ["1", "19", "28", "5", "8"].map(String::from).to_vec();
    assert_eq!(all, five);
    assert_eq!(by_role, five);
    assert!(ids(&dir, &["--unit", "社区矫正管理科", "--role", "牵头"]).is_empty());
}

/// The role is shown where it breaks no contract: the JSON rows carry every unit with its
/// role, the table shows the matched unit after its role; the CSV header is unchanged.
#[test]
fn list_shows_the_role_in_json_and_in_the_table() {
    let (_tmp, dir) = samples();
    let json = stdout(duban(&dir).args([
        "list",
        "--ledger",
        "2023-4-zhongdian",
        "--unit",
        "社区矫正管理科",
        "--format",
        "json",
    ]));
    let rows: serde_json::Value = serde_json::from_str(&json).expect("json");
    let first = rows
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == "1")
        .expect("item 1");
    let roles = first["roles"].as_array().expect("roles");
    assert!(
        roles.contains(&serde_json::json!({"role": "市局责任部门", "unit": "社区矫正管理科"})),
        "{first}"
    );
    // The units field keeps its meaning (responsible units only).
    assert!(
        !first["units"]
            .as_array()
            .expect("units")
            .contains(&"社区矫正管理科".into()),
        "{first}"
    );
    let table = stdout(duban(&dir).env("COLUMNS", "160").args([
        "list",
        "--unit",
        "社区矫正管理科",
        "--role",
        "市局",
    ]));
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].contains("角色:单位"), "{table}");
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains("市局责任部门:社区矫正管理科"))
            .count(),
        5,
        "{table}"
    );
    let narrow = stdout(duban(&dir).env("COLUMNS", "80").args([
        "list",
        "--unit",
        "社区矫正管理科",
        "--role",
        "市局",
    ]));
    assert!(
        narrow
            .lines()
            .skip(1)
            .take(5)
            .all(|l| l.contains("市局责任部门")),
        "the role survives at 80 columns: {narrow}"
    );
    let csv = stdout(duban(&dir).args(["list", "--unit", "社区矫正管理科", "--format", "csv"]));
    assert_eq!(
        csv.lines().next(),
        Some("ledger,id,colour,status,due,units,title,reason")
    );
}
