//! The command line as an attacker and a new user meet it: no control characters reach the
//! terminal, CSV cells cannot become formulas (and import undoes the guard), argument
//! errors are one Chinese line, and the author of an edit follows one documented rule.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use duban::domain::{Item, Ledger, Status, WorkspaceConfig};
use tempfile::TempDir;

const TODAY: &str = "2023-06-15";

/// `duban --dir DIR` with a controlled environment: no login name, no `DUBAN_AUTHOR`, and a
/// private config folder (`XDG_CONFIG_HOME`).
fn duban(dir: &Path, config_home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
    cmd.arg("--dir")
        .arg(dir)
        .env_remove("USER")
        .env_remove("LOGNAME")
        .env_remove("USERNAME")
        .env_remove("DUBAN_AUTHOR")
        .env_remove("NO_COLOR")
        .env("XDG_CONFIG_HOME", config_home);
    cmd
}

fn write_ron<T: serde::Serialize>(path: &Path, value: &T) {
    fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::new()).expect("ron");
    fs::write(path, text).expect("write");
}

/// A workspace in `<tmp>/ws` with one ledger `t` whose items carry `titles`.
fn workspace(titles: &[&str]) -> (TempDir, PathBuf) {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    let config = WorkspaceConfig {
        units: vec![
            "办公室".into(),
            "社区矫正管理科".into(),
            "公共法律服务科".into(),
        ],
        ..WorkspaceConfig::default()
    };
    write_ron(&dir.join("duban.ron"), &config);
    let items = titles
        .iter()
        .enumerate()
        .map(|(i, title)| Item {
            id: (i + 1).to_string(),
            number: (i + 1).to_string(),
            title: title.to_string(),
            deadline: "5月底前".into(),
            units: vec!["办公室".into()],
            status: Status::InProgress,
            ..Item::default()
        })
        .collect();
    let ledger = Ledger {
        format: 1,
        id: "t".into(),
        title: "测试台账".into(),
        base_year: 2023,
        items,
        ..Ledger::default()
    };
    write_ron(&dir.join("ledgers/t.ron"), &ledger);
    (tmp, dir)
}

fn read_ledger(path: &Path) -> Ledger {
    ron::from_str(&fs::read_to_string(path).expect("read")).expect("ron")
}

fn note_author(env: &[(&str, &str)], flag: Option<&str>, stored: Option<&str>) -> String {
    let (tmp, dir) = workspace(&["甲"]);
    let config_home = tmp.path().join("config");
    if let Some(name) = stored {
        duban::identity::save_user_name(&config_home.join("duban"), name).expect("stored");
    }
    let mut cmd = duban(&dir, &config_home);
    cmd.args(["--today", TODAY, "note", "t", "1", "进展"]);
    if let Some(a) = flag {
        cmd.args(["--author", a]);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.assert().success();
    let ledger = read_ledger(&dir.join("ledgers/t.ron"));
    ledger.items[0]
        .progress
        .last()
        .expect("a note")
        .author
        .clone()
}

#[test]
fn the_author_follows_one_rule_flag_env_user_config_login_unnamed() {
    let all = [("DUBAN_AUTHOR", "李四"), ("USER", "zhang")];
    assert_eq!(note_author(&all, Some("王芳"), Some("王五")), "王芳");
    assert_eq!(note_author(&all, None, Some("王五")), "李四");
    assert_eq!(
        note_author(&[("USER", "zhang")], None, Some("王五")),
        "王五"
    );
    assert_eq!(note_author(&[("USER", "zhang")], None, None), "zhang");
    assert_eq!(note_author(&[("LOGNAME", "li")], None, None), "li");
    assert_eq!(note_author(&[], None, None), "未署名");
}

/// Titles that attack a terminal or a spreadsheet.
const HOSTILE: [&str; 12] = [
    "剪贴板\u{1b}]52;c;ZXZpbA==\u{7}",
    "\u{1b}]0;pwned\u{7}窗口标题",
    "\u{1b}[2J清屏",
    "覆盖\r改写",
    "空\u{0}字节",
    "C1\u{9b}31m\u{9d}0;t\u{9c}",
    "=HYPERLINK(\"http://x\",\"点我\")",
    "+SUM(A1:A9)",
    "-2+3",
    "@cmd",
    "'=本来就有引号",
    "多\n行",
];

/// Fails when `bytes` hold anything a terminal would obey: C0 controls other than newline,
/// DEL, C1 controls (as UTF-8), bidi overrides.
fn assert_terminal_safe(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(
        bad.is_empty(),
        "{what}: raw control characters {bad:?} in {text}"
    );
}

fn output(cmd: &mut Command) -> (Vec<u8>, Vec<u8>, i32) {
    let out = cmd.output().expect("runs");
    (out.stdout, out.stderr, out.status.code().unwrap_or(-1))
}

#[test]
fn no_output_format_writes_raw_control_characters() {
    let (tmp, dir) = workspace(&HOSTILE);
    let config_home = tmp.path().join("config");
    for format in ["table", "csv", "json"] {
        let (stdout, stderr, code) =
            output(duban(&dir, &config_home).args(["--today", TODAY, "list", "--format", format]));
        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&stderr));
        assert_terminal_safe(&stdout, format);
        assert_terminal_safe(&stderr, format);
    }
    let (json, _, _) =
        output(duban(&dir, &config_home).args(["--today", TODAY, "list", "--format", "json"]));
    let rows: serde_json::Value = serde_json::from_slice(&json).expect("valid json");
    let titles: Vec<&str> = rows
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["title"].as_str())
        .collect();
    for title in HOSTILE {
        assert!(titles.contains(&title), "JSON keeps {title:?} intact");
    }
    for format in ["text", "json"] {
        // An argument cannot hold NUL.
        for text in HOSTILE.iter().filter(|t| !t.contains('\0')) {
            let (stdout, stderr, _) =
                output(duban(&dir, &config_home).args(["deadline", "--format", format, text]));
            assert_terminal_safe(&stdout, "deadline");
            assert_terminal_safe(&stderr, "deadline");
        }
    }
    let (stdout, stderr, _) = output(duban(&dir, &config_home).args(["--today", TODAY, "check"]));
    assert_terminal_safe(&stdout, "check");
    assert_terminal_safe(&stderr, "check");
}

#[test]
fn csv_cells_cannot_become_formulas_and_import_undoes_the_guard() {
    let (tmp, dir) = workspace(&HOSTILE);
    let config_home = tmp.path().join("config");
    let (csv_bytes, stderr, code) =
        output(duban(&dir, &config_home).args(["--today", TODAY, "list", "--format", "csv"]));
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&stderr));
    let mut reader = csv::Reader::from_reader(csv_bytes.as_slice());
    assert_eq!(
        reader.headers().expect("header").iter().collect::<Vec<_>>(),
        [
            "ledger", "id", "colour", "status", "due", "units", "title", "reason"
        ]
    );
    for record in reader.records() {
        let record = record.expect("record");
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula-like cell {cell:?}"
            );
        }
    }
    // Export → import: every title that has no control character comes back exactly.
    let file = tmp.path().join("export.csv");
    fs::write(&file, &csv_bytes).expect("write export");
    let target = tmp.path().join("again");
    let (stdout, stderr, code) = output(duban(&target, &config_home).args([
        "import",
        file.to_str().expect("utf-8 path"),
        "--title",
        "再导入",
        "--year",
        "2023",
        "--id",
        "again",
    ]));
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&stderr));
    assert_terminal_safe(&stdout, "import report");
    let ledger = read_ledger(&target.join("ledgers/again.ron"));
    let titles: Vec<&str> = ledger.items.iter().map(|i| i.title.as_str()).collect();
    let expected: Vec<&str> = HOSTILE
        .iter()
        .copied()
        .filter(|t| !t.chars().any(|c| c.is_control() && c != '\n'))
        .collect();
    for title in &expected {
        assert!(titles.contains(title), "{title:?} lost in {titles:?}");
    }
    assert_eq!(ledger.items.len(), HOSTILE.len());
}

#[test]
fn paths_and_names_in_messages_are_neutralised() {
    let tmp = TempDir::new().expect("tempdir");
    let config_home = tmp.path().join("config");
    let evil = tmp.path().join("x\u{1b}]0;pwned\u{7}");
    // Not a workspace: the error quotes the path.
    let (stdout, stderr, code) = output(duban(&evil, &config_home).arg("check"));
    assert_eq!(code, 2);
    assert_terminal_safe(&stdout, "check stdout");
    assert_terminal_safe(&stderr, "check stderr");
    assert!(String::from_utf8_lossy(&stderr).contains("␛]0;pwned␇"));
    // A workspace there: the report's header quotes it; an import creating one too.
    let table = tmp.path().join("表\u{1b}[2J.csv");
    fs::write(&table, "序号,具体任务,完成时限\n1,甲,5月底前\n").expect("write");
    let (stdout, stderr, code) = output(duban(&evil, &config_home).args([
        "import",
        table.to_str().expect("utf-8"),
        "--title",
        "标题\u{1b}]0;t\u{7}",
        "--year",
        "2023",
        "--id",
        "t",
    ]));
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&stderr));
    assert_terminal_safe(&stdout, "import stdout");
    assert_terminal_safe(&stderr, "import stderr");
    let (stdout, stderr, _) = output(duban(&evil, &config_home).arg("check"));
    assert_terminal_safe(&stdout, "check stdout");
    assert_terminal_safe(&stderr, "check stderr");
    assert!(String::from_utf8_lossy(&stdout).contains("␛]0;pwned␇"));
    // A file name in an error message.
    let (_, stderr, code) = output(duban(&evil, &config_home).args([
        "import",
        tmp.path().join("无\u{1b}[2J.csv").to_str().expect("utf-8"),
        "--title",
        "x",
        "--year",
        "2023",
    ]));
    assert_eq!(code, 2);
    assert_terminal_safe(&stderr, "missing file");
}

fn one_line(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr).into_owned();
    assert_eq!(text.lines().count(), 1, "one line expected: {text}");
    text.trim_end().to_string()
}

#[test]
fn argument_errors_are_one_chinese_line_with_exit_2() {
    let (tmp, dir) = workspace(&["甲"]);
    let config_home = tmp.path().join("config");
    let (stdout, stderr, code) = output(duban(&dir, &config_home).args(["list", "--colr", "red"]));
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    let line = one_line(&stderr);
    assert!(
        line.starts_with("duban: 参数错误:未知选项 --colr")
            && line.ends_with("(用 duban list --help 查看用法)"),
        "{line}"
    );
    let (_, stderr, code) = output(duban(&dir, &config_home).args(["list", "--format", "xml"]));
    assert_eq!(code, 2);
    assert!(one_line(&stderr).contains("--format 的值 \"xml\" 无效;可用:table、csv、json"));
    for flag in ["--help", "--version"] {
        let (stdout, stderr, code) = output(duban(&dir, &config_home).arg(flag));
        assert_eq!(code, 0, "{flag}: {}", String::from_utf8_lossy(&stderr));
        assert!(!stdout.is_empty(), "{flag} prints");
    }
}

#[test]
fn an_unreadable_deadline_exits_1_and_still_explains() {
    let (tmp, dir) = workspace(&["甲"]);
    let config_home = tmp.path().join("config");
    let (stdout, _, code) = output(duban(&dir, &config_home).args(["deadline", "等领导定"]));
    assert_eq!(code, 1);
    assert!(String::from_utf8_lossy(&stdout).contains("未能识别"));
    let (_, _, code) = output(duban(&dir, &config_home).args(["deadline", "5月底前"]));
    assert_eq!(code, 0);
}

#[test]
fn an_unknown_unit_is_refused_with_the_nearest_units() {
    let (tmp, dir) = workspace(&["甲"]);
    let config_home = tmp.path().join("config");
    let (stdout, stderr, code) =
        output(duban(&dir, &config_home).args(["--today", TODAY, "list", "--unit", "社区较正"]));
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    let line = one_line(&stderr);
    assert!(
        line.starts_with("duban: 没有责任单位包含 \"社区较正\";最接近的单位:社区矫正管理科"),
        "{line}"
    );
    let (_, _, code) =
        output(duban(&dir, &config_home).args(["--today", TODAY, "list", "--unit", "办公"]));
    assert_eq!(code, 0);
}
