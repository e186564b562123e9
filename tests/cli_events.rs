//! The command line for deadlines counted from an event: `duban event` records the event's
//! date, `duban deadline --event-date` shows the dated reading.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use duban::domain::{Item, Ledger, Status, WorkspaceConfig};
use tempfile::TempDir;

fn duban(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
    cmd.arg("--dir")
        .arg(dir)
        .env("USER", "测试员")
        .env("NO_COLOR", "1")
        .env_remove("DUBAN_AUTHOR")
        .env("XDG_CONFIG_HOME", dir.with_extension("config"));
    cmd
}

fn write_ron<T: serde::Serialize>(path: &Path, value: &T) {
    fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::new()).expect("ron");
    fs::write(path, text).expect("write");
}

fn item(id: &str, deadline: &str) -> Item {
    Item {
        id: id.into(),
        number: id.into(),
        title: format!("事项{id}"),
        deadline: deadline.into(),
        units: vec!["办公室".into()],
        status: Status::InProgress,
        ..Item::default()
    }
}

/// One ledger `t`: 1 counts from an event, 2 is 立行立改, 3 has a plain date.
fn workspace() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    let config = WorkspaceConfig {
        as_of: chrono::NaiveDate::from_ymd_opt(2023, 6, 26),
        ..WorkspaceConfig::default()
    };
    write_ron(&dir.join("duban.ron"), &config);
    let ledger = Ledger {
        format: 1,
        id: "t".into(),
        title: "测试台账".into(),
        base_year: 2023,
        items: vec![
            item("1", "问题反馈后10个工作日内办结"),
            item("2", "立行立改"),
            item("3", "5月底前"),
        ],
        ..Ledger::default()
    };
    write_ron(&dir.join("ledgers/t.ron"), &ledger);
    (tmp, dir)
}

fn run(cmd: &mut Command) -> (Option<i32>, String, String) {
    let out = cmd.output().expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

fn list_json(dir: &Path) -> serde_json::Value {
    let (code, out, err) = run(duban(dir).args(["list", "--format", "json"]));
    assert_eq!(code, Some(0), "{err}");
    serde_json::from_str(&out).expect("json")
}

fn row<'a>(rows: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    rows.as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == id)
        .expect("row")
}

fn ledger_text(dir: &Path) -> String {
    fs::read_to_string(dir.join("ledgers/t.ron")).expect("ledger")
}

#[test]
fn recording_the_event_date_dates_the_deadline_and_lights_the_item() {
    let (_tmp, dir) = workspace();
    let before = list_json(&dir);
    assert_eq!(
        row(&before, "1")["colour"],
        "yellow",
        "only the missing May report"
    );
    assert!(
        row(&before, "1")["reason"]
            .as_str()
            .is_some_and(|r| r.contains("尚未设定期限")),
        "{}",
        row(&before, "1")
    );
    let (code, out, err) = run(duban(&dir).args([
        "event",
        "t",
        "1",
        "--date",
        "2023-06-01",
        "--author",
        "王督查",
    ]));
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out.trim(),
        "已登记事件日期 2023-06-01:t / 1(王督查);期限“问题反馈后10个工作日内办结”:事件日期2023-06-01起10个工作日,截止2023-06-15"
    );
    let text = ledger_text(&dir);
    assert!(text.contains("event_date: \"2023-06-01\""), "{text}");
    assert!(text.contains("field: \"event_date\""), "audited: {text}");
    let after = list_json(&dir);
    let one = row(&after, "1");
    // 06-16 … 06-26 with 端午 (06-22..24 off, 06-25 worked): six working days overdue.
    assert_eq!(one["colour"], "red", "{one}");
    assert_eq!(one["due"], "2023-06-15");
    assert!(
        one["reason"].as_str().is_some_and(
            |r| r.starts_with("逾期6个工作日(事件日期2023-06-01起10个工作日,截止2023-06-15)")
        ),
        "{one}"
    );
    // Once more is no change and writes nothing.
    let (code, out, _) = run(duban(&dir).args(["event", "t", "1", "--date", "2023-06-01"]));
    assert_eq!(code, Some(0));
    assert!(out.contains("未写入"), "{out}");
    assert_eq!(ledger_text(&dir), text);
    // Cleared, it waits again.
    let (code, out, err) = run(duban(&dir).args(["event", "t", "1", "--clear"]));
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("已清除事件日期"), "{out}");
    assert!(!ledger_text(&dir).contains("event_date: "));
}

#[test]
fn immediate_is_due_the_day_it_was_raised() {
    let (_tmp, dir) = workspace();
    assert_eq!(row(&list_json(&dir), "2")["due"], serde_json::Value::Null);
    let (code, _, err) = run(duban(&dir).args(["event", "t", "2", "--date", "2023-06-19"]));
    assert_eq!(code, Some(0), "{err}");
    let two = list_json(&dir);
    let two = row(&two, "2");
    assert_eq!(two["due"], "2023-06-19");
    assert!(
        two["reason"].as_str().is_some_and(
            |r| r.contains("逾期4个工作日(事件日期2023-06-19起立即整改,截止2023-06-19)")
        ),
        "{two}"
    );
}

#[test]
fn bad_event_dates_are_refused_in_one_line_and_nothing_is_written() {
    let (_tmp, dir) = workspace();
    let before = ledger_text(&dir);
    for (args, says) in [
        (vec!["event", "t", "1", "--date", "2023-06-27"], "晚于今天"),
        (
            vec!["event", "t", "3", "--date", "2023-06-01"],
            "不是从某一事件起算的期限",
        ),
        (
            vec!["event", "t", "1", "--date", "2023-02-30"],
            "--date 的日期",
        ),
        (vec!["event", "t", "9", "--date", "2023-06-01"], "没有事项"),
        (vec!["event", "x", "1", "--date", "2023-06-01"], "没有台账"),
        (vec!["event", "t", "1"], "缺少必需的参数 --date"),
        (
            vec!["event", "t", "1", "--clear", "--date", "2023-06-01"],
            "不能与",
        ),
    ] {
        let (code, out, err) = run(duban(&dir).args(&args));
        assert_eq!(code, Some(2), "{args:?}: {out}{err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(ledger_text(&dir), before);
}

#[test]
fn event_waits_for_the_lock_like_every_writer() {
    let (_tmp, dir) = workspace();
    let _held = duban::storage::WorkspaceLock::acquire(&dir).expect("lock");
    let (code, _, err) =
        run(duban(&dir).args(["--wait", "0.2", "event", "t", "1", "--date", "2023-06-01"]));
    assert_eq!(code, Some(3), "{err}");
    assert!(!ledger_text(&dir).contains("event_date"));
}

#[test]
fn check_flags_an_event_date_the_deadline_does_not_use() {
    let (_tmp, dir) = workspace();
    let path = dir.join("ledgers/t.ron");
    let text = ledger_text(&dir).replacen(
        "deadline: \"5月底前\",",
        "deadline: \"5月底前\",\n            event_date: \"2023-05-02\",",
        1,
    );
    fs::write(&path, text).expect("write");
    let (code, out, _) = run(duban(&dir).arg("check"));
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("事项 3:登记了事件日期 2023-05-02"), "{out}");
}

#[test]
fn deadline_shows_the_dated_reading_with_an_event_date() {
    let tmp = TempDir::new().expect("tempdir");
    let nowhere = tmp.path().join("none");
    let (code, out, err) = run(duban(&nowhere).args([
        "deadline",
        "--year",
        "2023",
        "--event-date",
        "2023-06-09",
        "收到后15日内办结",
    ]));
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "事件日期2023-06-09起15日,截止2023-06-25");
    assert!(out.contains("2023-06-24为休息日"), "{out}");
    let (code, out, _) = run(duban(&nowhere).args([
        "deadline",
        "--format",
        "json",
        "--event-date",
        "2023-06-01",
        "问题反馈后10个工作日内",
    ]));
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["kind"], "dated");
    assert_eq!(v["due"], "2023-06-15");
    assert_eq!(
        v["relative"],
        serde_json::json!({"event": "问题反馈", "unit": "working-days", "count": 10, "from": "2023-06-01", "source": "item"})
    );
    let (code, _, err) =
        run(duban(&nowhere).args(["deadline", "--event-date", "2023-06-01", "5月底前"]));
    assert_eq!(code, Some(2));
    assert!(err.contains("--event-date 不适用"), "{err}");
}
