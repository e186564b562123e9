//! `duban notices` on a copy of the sample workspace at its pinned date (2023-06-26):
//! preview, issuing with numbers recorded on the items, the refusal to issue twice, the
//! .docx read back by an independent reader (the zip crate + the XML text), bad input.
//!
//! By hand from data/ledgers/2023-1-zhidu.ron: 机关党办's open items are 1, 2, 3, all
//! 5月底前 and 17 working days overdue on 2023-06-26 → red → one 督办通知单 of three rows.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use duban::domain::NoticeKind;
use duban::storage::{ledger_path, load_config, load_ledger};
use support::{copy_dir, repo};
use tempfile::TempDir;

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

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .collect();
    out.sort();
    out
}

/// The text of word/document.xml inside a .docx, read with the zip crate.
fn document_xml(path: &Path) -> String {
    support::zip_entry(path, "word/document.xml")
}

/// The start of each element `<name>` or `<name …>` in `xml` (not `<name…>` of a longer name).
fn element_starts<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        if after.starts_with('>') || after.starts_with(' ') {
            out.push(after);
        }
        rest = after;
    }
    out
}

/// The texts of the table rows (w:tr) of a document.xml, each row's w:t texts joined by |.
fn table_rows(xml: &str) -> Vec<String> {
    element_starts(xml, "w:tr")
        .into_iter()
        .map(|row| {
            let row = row.split("</w:tr>").next().unwrap_or("");
            element_starts(row, "w:t")
                .into_iter()
                .filter_map(|t| {
                    t.split_once('>')
                        .map(|(_, text)| text.split("</w:t>").next().unwrap_or("").to_string())
                })
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

#[test]
fn a_preview_prints_the_notice_and_records_nothing() {
    let tmp = samples();
    let before = fs::read_to_string(ledger_path(tmp.path(), "2023-1-zhidu")).expect("read");
    let out = duban(tmp.path())
        .args(["notices", "--unit", "机关党办"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        md.starts_with("# 《督办通知单》\n\n**督〔2023〕1号**\n\n机关党办:"),
        "{md}"
    );
    assert!(md.contains("| 1 | 2023-1-zhidu | 1 | 《中共绵阳市司法局委员会党支部党建绩效考核制度》 | 5月底前 | 2023-05-31 | 17 |"), "{md}");
    assert!(
        md.contains("请单位主要负责人亲自研究,于2023年7月3日前"),
        "{md}"
    );
    assert!(md.contains("抄送:分管领导。"), "{md}");
    for colour in [
        "蓝色·提示",
        "黄色·催办",
        "红色·督办",
        "黑色·整改(整改通知单):逾期超过20个工作日",
    ] {
        assert!(md.contains(colour), "legend {colour} missing: {md}");
    }
    let after = fs::read_to_string(ledger_path(tmp.path(), "2023-1-zhidu")).expect("read");
    assert_eq!(before, after, "a preview must not record");
    assert!(
        load_config(tmp.path())
            .expect("config")
            .notices
            .sequences
            .is_empty()
    );
}

#[test]
fn issuing_writes_a_docx_records_the_number_on_each_item_and_refuses_a_second_time() {
    let tmp = samples();
    let out_dir = TempDir::new().expect("out");
    let run = |extra: &[&str]| {
        duban(tmp.path())
            .args([
                "notices",
                "--unit",
                "机关党办",
                "--kind",
                "督办",
                "--format",
                "docx",
                "--out",
            ])
            .arg(out_dir.path())
            .args(extra)
            .output()
            .expect("runs")
    };
    let out = run(&[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = files_in(out_dir.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(name, "督办通知单-机关党办-督〔2023〕1号.docx");

    // An independent reader: unzip and read the XML.
    let xml = document_xml(&files[0]);
    for text in [
        "《督办通知单》",
        "督〔2023〕1号",
        "机关党办:",
        "督查室",
        "2023年6月26日",
        "抄送:分管领导。",
    ] {
        assert!(xml.contains(text), "{text} missing from document.xml");
    }
    let rows = table_rows(&xml);
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(
        rows[0].starts_with("序号|台账|编号|事项|完成时限|截止日期|逾期工作日|预警原因"),
        "{}",
        rows[0]
    );
    for (row, id) in rows[1..].iter().zip(["1", "2", "3"]) {
        assert!(
            row.starts_with(&format!("{id}|2023-1-zhidu|{id}|")),
            "{row}"
        );
        assert!(row.contains("|5月底前|2023-05-31|17|"), "{row}");
    }

    // Recorded on each item, and the sequence moved on in duban.ron.
    let ledger = load_ledger(&ledger_path(tmp.path(), "2023-1-zhidu"))
        .expect("load")
        .ledger;
    for id in ["1", "2", "3"] {
        let notices = &ledger.item(id).expect("item").notices;
        assert_eq!(notices.len(), 1, "item {id}");
        assert_eq!(notices[0].kind, NoticeKind::Supervise);
        assert_eq!(notices[0].recipient, "机关党办");
        assert_eq!(notices[0].number.as_deref(), Some("督〔2023〕1号"));
        assert_eq!(notices[0].date.to_string(), "2023-06-26");
    }
    assert!(ledger.item("4").expect("item 4").notices.is_empty());
    let config = load_config(tmp.path()).expect("config");
    assert_eq!(config.notices.last(NoticeKind::Supervise, 2023), 1);

    // The same notice again: one line, exit 2, nothing written.
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("今天已向 机关党办 发过督办通知单(督〔2023〕1号") && err.contains("--again"),
        "{err}"
    );
    assert_eq!(files_in(out_dir.path()).len(), 1);
    assert_eq!(
        load_config(tmp.path())
            .expect("config")
            .notices
            .last(NoticeKind::Supervise, 2023),
        1
    );

    // --again issues it with the next number.
    let out = run(&["--again"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out_dir
            .path()
            .join("督办通知单-机关党办-督〔2023〕2号.docx")
            .is_file()
    );
    let ledger = load_ledger(&ledger_path(tmp.path(), "2023-1-zhidu"))
        .expect("load")
        .ledger;
    assert_eq!(ledger.item("1").expect("item").notices.len(), 2);
}

#[test]
fn one_notice_per_unit_and_kind_with_one_sequence_per_kind() {
    // 装财科: zhidu 35, 36 (4月底前, 38 working days overdue → black). 机关党办: red.
    let tmp = samples();
    let out_dir = TempDir::new().expect("out");
    for unit in ["装财科", "机关党办"] {
        let out = duban(tmp.path())
            .args(["notices", "--unit", unit, "--format", "md", "--out"])
            .arg(out_dir.path())
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let names: Vec<String> = files_in(out_dir.path())
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "整改通知单-装财科-改〔2023〕1号.md",
            "督办通知单-机关党办-督〔2023〕1号.md"
        ]
    );
    let md = fs::read_to_string(out_dir.path().join(&names[0])).expect("read");
    assert!(
        md.contains("装财科:")
            && md.contains("| 2023-1-zhidu | 35 |")
            && md.contains("| 2023-1-zhidu | 36 |"),
        "{md}"
    );
    assert!(!md.contains("抄送"), "only 督办 is copied: {md}");
}

#[test]
fn bad_input_is_one_chinese_line_and_exit_2_with_nothing_written() {
    let tmp = samples();
    let before = fs::read_to_string(ledger_path(tmp.path(), "2023-1-zhidu")).expect("read");
    let a_file = tmp.path().join("duban.ron");
    let under_file = a_file.join("notices");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["notices".into(), "--unit".into(), "不存在的科".into()],
            "未知的单位",
        ),
        (
            vec!["notices".into(), "--kind".into(), "表扬".into()],
            "未知的通知单类型",
        ),
        (
            vec!["notices".into(), "--format".into(), "pdf".into()],
            "未知的输出格式",
        ),
        (
            vec!["notices".into(), "--format".into(), "docx".into()],
            "docx 格式需要 --out",
        ),
        (
            vec!["notices".into(), "--ledger".into(), "nope".into()],
            "没有编号为 \"nope\" 的台账",
        ),
        (
            vec!["notices".into(), "--unit".into(), "政治部".into()],
            "没有需要发出的通知单",
        ),
        (
            vec![
                "notices".into(),
                "--unit".into(),
                "机关党办".into(),
                "--out".into(),
                under_file.display().to_string(),
            ],
            "不存在",
        ),
        (
            vec!["report".into(), "--kind".into(), "weekly".into()],
            "未知的报告类型",
        ),
        (
            vec!["report".into(), "--period".into(), "2023-13".into()],
            "--period 的月份",
        ),
        (
            vec!["report".into(), "--period".into(), "2019-01".into()],
            "报告期 2019-01 没有事项",
        ),
        (
            vec!["report".into(), "--period".into(), "2030-01".into()],
            "晚于今天",
        ),
        (
            vec![
                "report".into(),
                "--kind".into(),
                "rectification".into(),
                "--ledger".into(),
                "2023-1-zhidu".into(),
            ],
            "没有整改台账",
        ),
        (
            vec![
                "report".into(),
                "--out".into(),
                under_file.join("月报.md").display().to_string(),
            ],
            "不存在",
        ),
        (
            vec![
                "report".into(),
                "--out".into(),
                tmp.path().join("ledgers").display().to_string(),
            ],
            "是文件夹",
        ),
    ];
    for (args, expected) in cases {
        let out = duban(tmp.path()).args(&args).output().expect("runs");
        let err = String::from_utf8(out.stderr).expect("utf-8");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(
            out.stdout.is_empty(),
            "{args:?} printed {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let after = fs::read_to_string(ledger_path(tmp.path(), "2023-1-zhidu")).expect("read");
    assert_eq!(before, after);
    assert!(a_file.is_file());
}

#[test]
fn a_report_written_with_out_is_complete_and_leaves_no_temp_file() {
    let tmp = samples();
    let out_dir = TempDir::new().expect("out");
    let target = out_dir.path().join("月报.docx");
    let out = duban(tmp.path())
        .args(["report", "--format", "docx", "--out"])
        .arg(&target)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(files_in(out_dir.path()), std::slice::from_ref(&target));
    let xml = document_xml(&target);
    assert!(xml.contains("2023年6月督办工作月报"));
    assert!(xml.contains("按单位统计时,事项计入其牵头单位和责任单位,不计入配合单位和指导部门。"));
}
