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
