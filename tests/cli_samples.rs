//! The command line on a copy of the bundled sample workspace (`data/`).

mod support;

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use support::{copy_dir, repo};
use tempfile::TempDir;

/// A private copy of `data/`, so no test can touch the bundled files.
fn samples() -> TempDir {
    let tmp = TempDir::new().expect("tempdir");
    copy_dir(&repo().join("data"), tmp.path());
    tmp
}

fn duban(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
    cmd.arg("--dir").arg(dir);
    cmd
}

#[test]
fn check_on_the_samples_is_clean_with_the_source_counts_and_the_tree() {
    let tmp = samples();
    let out = duban(tmp.path()).arg("check").output().expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(out.status.code(), Some(0), "{text}");
    for (id, count) in [
        ("2022-shanghai", 21),
        ("2023-1-zhidu", 38),
        ("2023-2-jichu", 33),
        ("2023-3-tese", 43),
        ("2023-4-zhongdian", 34),
    ] {
        let line = text
            .lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id} missing in {text}"));
        assert!(line.ends_with(&format!("{count} 项")), "{line}");
    }
    let tree = text
        .lines()
        .find(|l| l.starts_with("2024-xuncha"))
        .expect("rectification ledger");
    assert!(
        tree.contains("反馈问题 5 / 面上问题 22 / 具体问题 41"),
        "{tree}"
    );
}

#[test]
fn list_on_the_samples_shows_all_four_colours_each_with_a_reason() {
    let tmp = samples();
    let out = duban(tmp.path())
        .args(["list", "--format", "csv"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("valid")).collect();
    assert_eq!(rows.len(), 21 + 38 + 33 + 43 + 34 + 5 + 22 + 41);
    let colours: HashSet<&str> = rows.iter().map(|r| r.get(2).expect("colour")).collect();
    for colour in ["red", "yellow", "blue", "black"] {
        assert!(
            colours.contains(colour),
            "no {colour} at the pinned date: {colours:?}"
        );
    }
    assert!(
        rows.iter().all(|r| !r[7].trim().is_empty()),
        "a row without a reason"
    );
    // Sorted by severity: no lighter colour before a heavier one.
    let rank = |c: &str| {
        ["black", "red", "yellow", "blue", "none"]
            .iter()
            .position(|x| *x == c)
    };
    let ranks: Vec<_> = rows.iter().map(|r| rank(&r[2])).collect();
    assert!(
        ranks.windows(2).all(|w| w[0] <= w[1]),
        "not sorted by severity"
    );
}

#[test]
fn search_and_unit_filters_find_the_sample_items() {
    let tmp = samples();
    let out = duban(tmp.path())
        .args(["list", "--format", "json", "--search", "智慧矫正"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let items = v.as_array().expect("array");
    assert!(!items.is_empty());
    // Found where the TUI's search looks: any field of the item, 智慧矫正 written together.
    let ws = duban::storage::load_workspace(tmp.path()).expect("loads");
    let searchable = |ledger: &str, id: &str| {
        let ledger = &ws.ledger(ledger).expect("ledger").ledger;
        let item = ledger.item(id).expect("item");
        let units = item.all_units().join(" ");
        [
            item.title.as_str(),
            &item.number,
            &item.category,
            &units,
            ledger.deadline_text_of(item),
            &item.measures,
        ]
        .join(" ")
    };
    for i in items {
        let (ledger, id) = (i["ledger"].as_str().unwrap(), i["id"].as_str().unwrap());
        assert!(searchable(ledger, id).contains("智慧矫正"), "{i}");
    }
    assert!(
        items
            .iter()
            .any(|i| i["title"].as_str().is_some_and(|t| t.contains("智慧矫正")))
    );
}

#[test]
fn first_use_without_dir_creates_the_demo_workspace_and_says_where() {
    let home = TempDir::new().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .arg("check")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    let created = home.path().join("data/duban/workspace");
    assert!(err.contains(&created.display().to_string()), "{err}");
    assert!(err.contains("演示数据") && err.contains("import"), "{err}");
    let ledgers = fs::read_dir(created.join("ledgers"))
        .expect("ledgers")
        .count();
    assert_eq!(ledgers, 6);
    // Second use: no message, same workspace.
    let again = Command::new(env!("CARGO_BIN_EXE_duban"))
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .arg("check")
        .output()
        .expect("runs");
    assert!(again.status.success() && again.stderr.is_empty());
}
