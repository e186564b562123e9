//! `duban export`: the workbook read back by an independent reader (calamine) and its XML
//! checked for fills, the frozen header, the autofilter and column widths; the CSV for
//! Excel; and export → import giving the same items back.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};
use duban::domain::{Ledger, Status};
use tempfile::TempDir;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xlsx")
        .join(name)
}

fn duban(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
    cmd.arg("--dir")
        .arg(dir)
        .args(["--today", "2024-07-15"])
        .env("USER", "测试员");
    cmd
}

/// A workspace with the merged fixture imported (id `t`), one note and one status change.
fn workspace(tmp: &TempDir) -> PathBuf {
    let dir = tmp.path().join("ws");
    support::succeed(
        duban(&dir)
            .arg("import")
            .arg(fixture("merged.xlsx"))
            .args(["--year", "2024", "--id", "t"]),
    );
    support::succeed(duban(&dir).args([
        "note",
        "t",
        "2",
        "已完成初稿",
        "--date",
        "2024-07-01",
        "--author",
        "档案室",
    ]));
    support::succeed(duban(&dir).args(["status", "t", "4", "done"]));
    dir
}

fn load(dir: &Path, id: &str) -> Ledger {
    let text = fs::read_to_string(dir.join("ledgers").join(format!("{id}.ron"))).expect("read");
    ron::from_str(&text).expect("ron")
}

fn cell(range: &calamine::Range<Data>, row: usize, col: usize) -> String {
    range
        .get((row, col))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

#[test]
fn the_workbook_reads_back_with_cells_fills_frozen_header_and_widths() {
    let tmp = TempDir::new().expect("tempdir");
    let dir = workspace(&tmp);
    let out = tmp.path().join("导出.xlsx");
    let said = support::succeed(duban(&dir).arg("export").arg("--out").arg(&out));
    assert!(said.contains("1 个台账、4 个事项"), "{said}");

    let mut book: Xlsx<_> = open_workbook(&out).expect("calamine opens it");
    assert_eq!(book.sheet_names(), ["2024年重点工作任务台账", "进展记录"]);
    let sheet = book
        .worksheet_range("2024年重点工作任务台账")
        .expect("sheet");
    assert_eq!(
        cell(&sheet, 0, 0),
        "2024年重点工作任务台账(截至 2024-07-15)"
    );
    let headers: Vec<String> = (0..11).map(|c| cell(&sheet, 1, c)).collect();
    assert_eq!(
        headers,
        [
            "序号",
            "类型",
            "工作任务",
            "完成时限",
            "责任单位",
            "备注",
            "预警",
            "原因",
            "状态",
            "最近进展",
            "延期"
        ]
    );
    // Item 1: 6月底前 is 11 working days overdue on 2024-07-15 → red.
    let row1: Vec<String> = (0..9).map(|c| cell(&sheet, 2, c)).collect();
    assert_eq!(
        &row1[..7],
        [
            "1",
            "制度建设",
            "修订印章管理办法",
            "6月底前",
            "办公室",
            "已列入计划",
            "红"
        ]
    );
    assert!(row1[7].contains("逾期"), "{row1:?}");
    assert_eq!(row1[8], "未启动");
    assert_eq!(cell(&sheet, 3, 9), "2024-07-01 档案室:已完成初稿");
    assert_eq!(
        (cell(&sheet, 5, 6), cell(&sheet, 5, 8)),
        (String::new(), "已完成(待验收)".into())
    );
    let log = book.worksheet_range("进展记录").expect("log");
    let log_row: Vec<String> = (0..5).map(|c| cell(&log, 1, c)).collect();
    assert_eq!(
        log_row,
        [
            "2024年重点工作任务台账",
            "2",
            "2024-07-01",
            "档案室",
            "已完成初稿"
        ]
    );

    let xml = support::zip_entry(&out, "xl/worksheets/sheet1.xml");
    assert!(
        xml.contains(r#"ySplit="2""#) && xml.contains(r#"state="frozen""#),
        "frozen header: {xml}"
    );
    assert!(xml.contains(r#"<autoFilter ref="A2:K6""#), "autofilter");
    assert!(
        xml.contains(r#"<mergeCell ref="A1:K1""#),
        "title row spans the table"
    );
    // 工作任务: 8 characters of 2 columns each (16) + 2 margin.
    assert!(
        xml.contains(r#"<col min="3" max="3" width="18.7109375""#),
        "{xml}"
    );
    let styles = support::zip_entry(&out, "xl/styles.xml");
    assert!(styles.contains(r#"<fgColor rgb="FFFF0000"/>"#), "red fill");
    // The red cell's style has that fill: find the s= of G3 and check it is not the body's.
    let style_of = |cell: &str| {
        let at = xml.find(&format!(r#"<c r="{cell}" s=""#)).expect(cell);
        xml[at..].split('"').nth(3).expect("s").to_string()
    };
    assert_ne!(style_of("G3"), style_of("F3"));
}

#[test]
fn export_then_import_gives_the_same_items_back() {
    let tmp = TempDir::new().expect("tempdir");
    let dir = workspace(&tmp);
    let out = tmp.path().join("t.xlsx");
    support::succeed(
        duban(&dir)
            .arg("export")
            .args(["--ledger", "t"])
            .arg("--out")
            .arg(&out),
    );
    let again = tmp.path().join("again");
    support::succeed(
        duban(&again)
            .arg("import")
            .arg(&out)
            .args(["--year", "2024", "--id", "t"]),
    );
    let (before, after) = (load(&dir, "t"), load(&again, "t"));
    assert_eq!(after.title, before.title);
    assert_eq!(after.items.len(), before.items.len());
    for (a, b) in after.items.iter().zip(&before.items) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.title, b.title);
        assert_eq!(a.category, b.category);
        assert_eq!(a.deadline, b.deadline);
        assert_eq!(a.all_units(), b.all_units());
        assert_eq!(a.status, b.status);
        assert_eq!(a.progress, b.progress);
        assert_eq!(a.extra, b.extra);
    }
    assert_eq!(after.items[3].status, Status::Done);
}

#[test]
fn csv_for_excel_has_a_bom_and_chinese_headers() {
    let tmp = TempDir::new().expect("tempdir");
    let dir = workspace(&tmp);
    let out = tmp.path().join("t.csv");
    support::succeed(
        duban(&dir)
            .args(["export", "--format", "csv"])
            .arg("--out")
            .arg(&out),
    );
    let bytes = fs::read(&out).expect("read");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("序号,类型,工作任务,完成时限,责任单位,备注,预警,原因,状态,最近进展,延期")
    );
    assert!(
        lines
            .next()
            .expect("row")
            .starts_with("1,制度建设,修订印章管理办法,6月底前,办公室,已列入计划,红,")
    );
}
