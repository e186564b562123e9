//! The command line on temporary workspaces: exit codes, output contracts, refusals.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use duban::domain::{Item, Ledger, Status, WorkspaceConfig};
use rstest::rstest;
use tempfile::TempDir;

const TODAY: &str = "2023-06-15";

fn duban(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
    cmd.arg("--dir")
        .arg(dir)
        .env("USER", "测试员")
        .env_remove("NO_COLOR")
        // The author rule reads these: keep the developer's own name out of the tests.
        .env_remove("DUBAN_AUTHOR")
        .env("XDG_CONFIG_HOME", dir.with_extension("config"));
    cmd
}

fn write_ron<T: serde::Serialize>(path: &Path, value: &T) {
    fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::new()).expect("ron");
    fs::write(path, text).expect("write");
}

fn item(id: &str, title: &str, status: Status) -> Item {
    Item {
        id: id.into(),
        number: id.into(),
        title: title.into(),
        deadline: "5月底前".into(),
        units: vec!["办公室".into()],
        status,
        ..Item::default()
    }
}

/// A small handmade workspace: one ledger `t` with three items, one of them hostile text.
fn handmade() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    let config = WorkspaceConfig {
        units: vec!["办公室".into(), "政治部".into()],
        ..WorkspaceConfig::default()
    };
    write_ron(&dir.join("duban.ron"), &config);
    let ledger = Ledger {
        format: 1,
        id: "t".into(),
        title: "测试台账".into(),
        base_year: 2023,
        items: vec![
            item("1", "推进智慧矫正中心建设", Status::InProgress),
            item("2", "恶意\u{1b}[31m标题\u{7}\n第二行", Status::NotStarted),
            item("3", "已完成的事项", Status::Accepted),
        ],
        ..Ledger::default()
    };
    write_ron(&dir.join("ledgers/t.ron"), &ledger);
    (tmp, dir)
}

/// A generated workspace of `items` items.
fn generated(items: usize) -> (TempDir, PathBuf) {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("gen");
    duban(&dir)
        .args([
            "--today",
            TODAY,
            "gen",
            "--items",
            &items.to_string(),
            "--ledgers",
            "3",
        ])
        .assert()
        .success();
    (tmp, dir)
}

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if !path.to_string_lossy().ends_with(".lock") {
                out.insert(path.clone(), fs::read(&path).expect("read"));
            }
        }
    }
    out
}

fn csv_rows(dir: &Path, extra: &[&str]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let out = duban(dir)
        .args(["--today", TODAY, "list", "--format", "csv"])
        .args(extra)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("valid csv record"))
        .collect();
    (header, rows)
}

#[test]
fn list_csv_has_the_exact_header_word_colours_and_a_reason_on_every_row() {
    let (_tmp, dir) = generated(300);
    let (header, rows) = csv_rows(&dir, &[]);
    assert_eq!(
        header.join(","),
        "ledger,id,colour,status,due,units,title,reason"
    );
    assert_eq!(rows.len(), 300, "every item by default");
    for row in &rows {
        assert!(
            ["red", "yellow", "blue", "black", "none"].contains(&&row[2]),
            "{row:?}"
        );
        assert!(!row[7].trim().is_empty(), "row without a reason: {row:?}");
        assert!(
            row[4].is_empty() || chrono::NaiveDate::parse_from_str(&row[4], "%Y-%m-%d").is_ok()
        );
        if &row[3] == "done" || &row[3] == "accepted" {
            assert_eq!(&row[2], "none", "closed items have no colour: {row:?}");
        }
    }
    let (_, open) = csv_rows(&dir, &["--open"]);
    let closed = rows
        .iter()
        .filter(|r| &r[3] == "done" || &r[3] == "accepted")
        .count();
    assert!(closed > 0);
    assert_eq!(open.len(), rows.len() - closed);
}

#[test]
fn list_filters_by_colour_words_in_english_and_chinese_status_and_unit() {
    let (_tmp, dir) = generated(300);
    let (_, none) = csv_rows(&dir, &["--color", "none,黑"]);
    assert!(none.iter().all(|r| &r[2] == "none" || &r[2] == "black"));
    assert!(!none.is_empty());
    let (_, done) = csv_rows(&dir, &["--status", "done"]);
    assert!(!done.is_empty() && done.iter().all(|r| &r[3] == "done"));
    let (_, office) = csv_rows(&dir, &["--unit", "司法局"]);
    assert!(!office.is_empty() && office.iter().all(|r| r[5].contains("司法局")));
}

#[test]
fn hostile_text_is_inert_in_the_table_and_kept_as_data_in_csv() {
    let (_tmp, dir) = handmade();
    let table = duban(&dir)
        .args(["--today", TODAY, "list"])
        .output()
        .expect("runs");
    assert!(table.status.success());
    let text = String::from_utf8(table.stdout).expect("utf-8");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(text.contains("恶意␛[31m标题"), "{text}");
    assert_eq!(
        text.lines().count(),
        1 + 3 + 1,
        "header, one line per item, counts"
    );
    let (_, rows) = csv_rows(&dir, &["--search", "恶意"]);
    assert_eq!(rows.len(), 1);
    // CSV keeps the text and its line break, but never raw control bytes (issue 8.6).
    assert_eq!(&rows[0][6], "恶意␛[31m标题␇\n第二行");
}

#[test]
fn unknown_colour_word_is_one_line_listing_the_valid_words() {
    let (_tmp, dir) = handmade();
    let out = duban(&dir)
        .args(["list", "--color", "red,purple"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("purple") && err.contains("red,yellow,blue,black,none"),
        "{err}"
    );
}

#[test]
fn check_reports_problems_with_exit_1_and_unreadable_files_with_exit_2() {
    let (_tmp, dir) = handmade();
    let mut ledger: Ledger =
        ron::from_str(&fs::read_to_string(dir.join("ledgers/t.ron")).expect("read")).expect("ron");
    ledger.items.push(item("1", "", Status::NotStarted));
    ledger.items[3].units = vec!["不存在科".into()];
    ledger.items[3].parent = Some("99".into());
    write_ron(&dir.join("ledgers/t.ron"), &ledger);
    let out = duban(&dir).arg("check").output().expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(out.status.code(), Some(1), "{text}");
    for needle in [
        "测试台账",
        "4 项",
        "\"1\" 重复 2 次",
        "标题为空",
        "\"不存在科\"",
        "\"99\" 不存在",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in {text}");
    }
    fs::write(dir.join("holidays.ron"), "(holidays: [\"2023-13-01\"])").expect("write");
    let out = duban(&dir).arg("check").output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "a bad holidays.ron is an unreadable file"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("holidays.ron"));
    fs::remove_file(dir.join("holidays.ron")).expect("remove");
    fs::write(
        dir.join("ledgers/bad.ron"),
        "Ledger(\n  id: \"bad\",\n  items: [oops",
    )
    .expect("write");
    let out = duban(&dir).arg("check").output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("bad.ron:3:"),
        "file:line:column expected in {text}"
    );
}

#[test]
fn notes_and_status_changes_reach_the_disk_with_author_and_audit() {
    let (_tmp, dir) = handmade();
    duban(&dir)
        .args([
            "--today",
            TODAY,
            "note",
            "t",
            "1",
            "已召开专题会议",
            "--author",
            "王芳",
        ])
        .assert()
        .success();
    duban(&dir)
        .args([
            "--today",
            TODAY,
            "status",
            "t",
            "2",
            "suspended",
            "--reason",
            "待省厅政策",
        ])
        .assert()
        .success();
    let ledger: Ledger =
        ron::from_str(&fs::read_to_string(dir.join("ledgers/t.ron")).expect("read")).expect("ron");
    let note = ledger.items[0].progress.last().expect("a note");
    assert_eq!(
        (note.text.as_str(), note.author.as_str()),
        ("已召开专题会议", "王芳")
    );
    assert_eq!(note.date.to_string(), TODAY);
    let suspended = &ledger.items[1];
    assert_eq!(suspended.status, Status::Suspended);
    assert_eq!(suspended.suspend_reason.as_deref(), Some("待省厅政策"));
    let audit = suspended
        .history
        .iter()
        .find(|a| a.field == "status")
        .expect("a status audit entry");
    assert_eq!(audit.from, Status::NotStarted.label());
    assert_eq!(
        audit.author, "测试员",
        "login name when no --author and no config author"
    );
    assert_eq!(audit.at.date().to_string(), TODAY);
}

#[rstest]
#[case::invalid_today(&["--today", "2023-02-30", "note", "t", "1", "x"], "--today")]
#[case::invalid_date(&["note", "t", "1", "x", "--date", "6月1日"], "--date")]
#[case::unknown_ledger(&["note", "nope", "1", "x"], "nope")]
#[case::ledger_id_escaping(&["note", "../t", "1", "x"], "../t")]
#[case::unknown_item(&["note", "t", "42", "x"], "42")]
#[case::empty_note(&["note", "t", "1", "  "], "进展内容为空")]
#[case::unknown_status(&["status", "t", "1", "finished"], "finished")]
#[case::suspend_without_reason(&["status", "t", "1", "suspended"], "--reason")]
#[case::future_note_date(&["--today", TODAY, "note", "t", "1", "x", "--date", "2023-07-01"], "2023-07-01")]
#[case::unknown_item_status(&["status", "t", "42", "done"], "42")]
fn bad_input_is_one_line_non_zero_and_writes_nothing(#[case] args: &[&str], #[case] names: &str) {
    let (_tmp, dir) = handmade();
    let before = snapshot(&dir);
    let out = duban(&dir).args(args).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(names), "{err:?} should name {names:?}");
    assert_eq!(snapshot(&dir), before, "nothing may be written");
}

#[test]
fn an_unparsable_ledger_is_never_rewritten() {
    let (_tmp, dir) = handmade();
    let broken = "Ledger(id: \"t\", items: [Item(id: 1)])";
    fs::write(dir.join("ledgers/t.ron"), broken).expect("write");
    for args in [
        &["note", "t", "1", "x"][..],
        &["status", "t", "1", "done"][..],
    ] {
        let out = duban(&dir).args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("t.ron:1:"));
    }
    assert_eq!(
        fs::read_to_string(dir.join("ledgers/t.ron")).expect("read"),
        broken
    );
}

#[test]
fn import_creates_a_workspace_then_refuses_to_overwrite_the_ledger() {
    let tmp = TempDir::new().expect("tempdir");
    let table = tmp.path().join("table.csv");
    fs::write(&table, "序号,具体任务,完成时限,责任单位,备注\n1,建立值班制度,5月底前,办公室,无\n2,修订考勤办法,6月底前,政治部,\n").expect("write");
    let dir = tmp.path().join("new-ws");
    let headless = tmp.path().join("headless.csv");
    fs::write(&headless, "甲,乙\n1,2\n").expect("write");
    let out = duban(&dir)
        .arg("import")
        .arg(&headless)
        .args(["--title", "新台账", "--year", "2024"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("headless.csv"));
    assert!(!dir.exists(), "a failed import creates no workspace");
    let out = duban(&dir)
        .args(["import"])
        .arg(&table)
        .args(["--title", "新台账", "--year", "2024", "--id", "new"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("2 个事项") && text.contains("备注"), "{text}");
    let config: WorkspaceConfig =
        ron::from_str(&fs::read_to_string(dir.join("duban.ron")).expect("config")).expect("ron");
    assert!(!config.demo, "an imported workspace is not demo data");
    let ledger: Ledger =
        ron::from_str(&fs::read_to_string(dir.join("ledgers/new.ron")).expect("ledger"))
            .expect("ron");
    assert_eq!(
        (ledger.title.as_str(), ledger.base_year, ledger.items.len()),
        ("新台账", 2024, 2)
    );
    let check = duban(&dir).arg("check").output().expect("runs");
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert!(String::from_utf8_lossy(&check.stdout).contains("新台账  2 项"));

    let before = snapshot(&dir);
    for id in ["new", "../escape", "a/b"] {
        let out = duban(&dir)
            .args(["import"])
            .arg(&table)
            .args(["--title", "x", "--year", "2024", "--id", id])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "id {id}");
        assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    }
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn deadline_json_has_exactly_the_contract_keys() {
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .args([
            "deadline",
            "--year",
            "2023",
            "--format",
            "json",
            "6月底前建成;12月底前形成工作经验推广",
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "due",
            "kind",
            "milestones",
            "note",
            "recurrence",
            "relative"
        ]
    );
    assert!(
        ["dated", "ongoing", "recurring", "external", "unparsed"]
            .contains(&v["kind"].as_str().expect("kind"))
    );
    for m in v["milestones"].as_array().expect("array") {
        let keys: Vec<&str> = m
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["due", "label", "percent", "scope", "start"]);
    }
}

fn deadline_json(args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn deadline_json_gives_the_rule_and_the_next_occurrence_after_today() {
    let base = ["--today", "2024-06-16", "deadline", "--format", "json"];
    let monthly = deadline_json(&[&base[..], &["每月5日前报送"]].concat());
    assert_eq!(monthly["kind"], "recurring");
    assert_eq!(
        monthly["recurrence"],
        serde_json::json!({"every": "monthly", "month": null, "day": 5, "next": "2024-07-05"})
    );
    let half = deadline_json(&[&base[..], &["每半月报送"]].concat());
    assert_eq!(half["recurrence"]["every"], "half-monthly");
    assert_eq!(half["recurrence"]["next"], "2024-06-30");
    let yearly = deadline_json(&[&base[..], &["每年10月底前报送年度报告"]].concat());
    assert_eq!(
        yearly["recurrence"],
        serde_json::json!({"every": "yearly", "month": 10, "day": null, "next": "2024-10-31"})
    );
    let dated = deadline_json(&[&base[..], &["6月底前"]].concat());
    assert_eq!(dated["recurrence"], serde_json::Value::Null);
}

#[test]
fn deadline_json_gives_the_scope_of_a_phase() {
    let v = deadline_json(&[
        "deadline",
        "--year",
        "2023",
        "--format",
        "json",
        "2023年完成50%(涪城、游仙、仙海);2024年完成100%",
    ]);
    assert_eq!(v["milestones"][0]["scope"], "涪城、游仙、仙海");
    assert_eq!(v["milestones"][1]["scope"], serde_json::Value::Null);
}

#[test]
fn gen_is_deterministic_for_a_seed_and_refuses_a_non_empty_folder() {
    let (_a, dir_a) = generated(120);
    let (_b, dir_b) = generated(120);
    let strip = |m: BTreeMap<PathBuf, Vec<u8>>, base: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        m.into_iter()
            .map(|(p, b)| (p.strip_prefix(base).expect("inside").to_path_buf(), b))
            .collect()
    };
    assert_eq!(
        strip(snapshot(&dir_a), &dir_a),
        strip(snapshot(&dir_b), &dir_b)
    );
    let out = duban(&dir_a)
        .args(["gen", "--items", "5"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_status_that_is_already_set_changes_nothing_and_succeeds() {
    let (_tmp, dir) = handmade();
    let before = snapshot(&dir);
    let out = duban(&dir)
        .args(["status", "t", "1", "in-progress"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("未写入"));
    assert_eq!(snapshot(&dir), before);
}
