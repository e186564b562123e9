//! The table importer on CSV, duplicate numbers and bad input.

use std::fs;
use std::path::PathBuf;

use duban::import::{Format, ImportError, ImportOptions, import_table};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tables")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn opts() -> ImportOptions {
    ImportOptions {
        title: "测试台账".into(),
        base_year: 2023,
        id: "t".into(),
    }
}

#[test]
fn csv_with_quotes_bom_and_an_unknown_header() {
    let report = import_table(&fixture("quoted.csv"), Format::Auto, opts()).expect("csv imports");
    let items = &report.ledger.items;
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].id, "1");
    assert_eq!(items[0].title, "建立台账,按月调度");
    assert_eq!(items[0].units, ["办公室", "政治部"]);
    assert_eq!(items[1].title, "起草\"两个规范\"实施细则");
    // An empty deadline cell takes the row above's (merged cell).
    assert_eq!(items[1].deadline, "3月底前");
    assert_eq!(items[2].units, ["行政复议与应诉一、二科"]);
    assert_eq!(report.unknown_headers, ["备注"]);
    assert_eq!(
        items[0].extra.get("备注").map(String::as_str),
        Some("已列入局务会议题")
    );
    assert!(items[1].extra.is_empty());
    assert!(
        report.notes.iter().any(|n| n.contains("备注")),
        "{:?}",
        report.notes
    );
    let fields: Vec<(&str, &str)> = report
        .recognised
        .iter()
        .map(|(h, f)| (h.as_str(), f.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("序号", "number"),
            ("工作任务", "title"),
            ("完成时间", "deadline"),
            ("责任部门", "units")
        ]
    );
    let columns: Vec<&str> = report
        .ledger
        .columns
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(columns, ["number", "title", "deadline", "units", "extra"]);
}

#[test]
fn duplicate_numbers_get_unique_ids_and_a_note() {
    let report = import_table(&fixture("duplicates.txt"), Format::Pipe, opts()).expect("imports");
    let ids: Vec<&str> = report.ledger.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["1", "2-1", "2-2", "3"]);
    assert_eq!(report.ledger.items[1].number, "2");
    assert!(
        report.notes.iter().any(|n| n.contains("2-1")),
        "{:?}",
        report.notes
    );
    assert!(
        report.notes.iter().any(|n| n.contains("说明文字")),
        "preamble reported: {:?}",
        report.notes
    );
}

#[test]
fn a_stray_line_inside_the_table_is_an_error_naming_it() {
    let err = import_table(&fixture("garbage_row.txt"), Format::Auto, opts()).unwrap_err();
    match &err {
        ImportError::Row { line, text, .. } => {
            assert_eq!(*line, 3);
            assert_eq!(text, "这一行不是表格行");
        }
        other => panic!("unexpected error {other:?}"),
    }
    assert!(err.to_string().starts_with("第3行"), "{err}");
}

#[test]
fn too_many_cells_and_missing_titles_are_errors_with_lines() {
    let text = "序号 | 任务 | 完成时限 |\n1 | 甲 | 3月底前 | 多余 |\n";
    let err = import_table(text, Format::Pipe, opts()).unwrap_err();
    assert!(matches!(err, ImportError::Row { line: 2, .. }), "{err}");
    let text = "序号 | 任务 | 完成时限 |\n1 |  | 3月底前 |\n";
    let err = import_table(text, Format::Pipe, opts()).unwrap_err();
    assert!(matches!(err, ImportError::Row { line: 2, .. }), "{err}");
}

#[test]
fn garbage_without_a_header_is_refused() {
    let err = import_table("\u{1b}[31m乱码 xx\nfoo,bar\n", Format::Auto, opts()).unwrap_err();
    assert!(
        matches!(err, ImportError::NoHeader { lines: 2, .. }),
        "{err}"
    );
    assert!(
        !err.to_string().contains('\u{1b}'),
        "escape sequences are neutralised"
    );
    assert_eq!(
        import_table("  \n", Format::Auto, opts()),
        Err(ImportError::Empty)
    );
    let err = import_table("完成时限,责任单位\n3月底前,办公室\n", Format::Csv, opts()).unwrap_err();
    assert!(
        matches!(err, ImportError::NoTitleColumn { line: 1, .. }),
        "{err}"
    );
}

#[test]
fn a_broken_csv_quote_names_the_line() {
    let text = "序号,任务\n1,\"未闭合\n";
    match import_table(text, Format::Csv, opts()) {
        Err(ImportError::Csv { line, .. }) => assert!(line >= 2, "line {line}"),
        // The csv crate accepts an unterminated quote at end of input; then the text is kept.
        Ok(report) => assert_eq!(report.ledger.items[0].title, "未闭合"),
        Err(other) => panic!("unexpected error {other}"),
    }
}

proptest! {
    #[test]
    fn import_never_panics(text in "\\PC{0,200}", pipe in any::<bool>()) {
        let format = if pipe { Format::Pipe } else { Format::Auto };
        let _ = import_table(&text, format, opts());
    }

    #[test]
    fn imported_ids_are_unique(rows in proptest::collection::vec(("[0-9]{0,2}", "[甲乙丙丁]{1,3}"), 1..12)) {
        let mut text = String::from("序号 | 任务 | 完成时限 |\n");
        for (number, title) in &rows {
            text.push_str(&format!("{number} | {title} | 3月底前 |\n"));
        }
        let report = import_table(&text, Format::Pipe, opts()).expect("valid table");
        let mut ids: Vec<&str> = report.ledger.items.iter().map(|i| i.id.as_str()).collect();
        prop_assert_eq!(ids.len(), rows.len());
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), rows.len());
    }
}

#[test]
fn full_width_punctuation_is_read_like_ascii() {
    // Headers and cells as typed in a Chinese office suite: （）、，and a full-width dot.
    let text = "类型 | 新建\u{ff08}修订\u{ff09}制度名称 | 完成时限 | 责任科室 |\n\
                综合类 | 1\u{ff0e}《甲》 | 3月底前 | 办公室\u{ff0c}政治部 |\n\
                2\u{ff0e}《乙》 | |||\n";
    let report = import_table(text, Format::Auto, opts()).expect("imports");
    let items = &report.ledger.items;
    assert_eq!(report.recognised[1].1, "title");
    assert_eq!(items.len(), 2);
    assert_eq!(items[1].id, "2");
    assert_eq!(items[1].title, "《乙》");
    assert_eq!(items[1].category, "综合类");
    assert_eq!(items[1].units, ["办公室", "政治部"]);
}
