//! Workbooks and legacy-encoded text made by another tool (openpyxl, Python's codecs:
//! `tests/fixtures/xlsx/make_fixtures.py`) import to the expected items, item by item;
//! bad workbooks are refused with one line naming the file and sheet, writing nothing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use duban::domain::{Item, Ledger};
use duban::import::encoding::decode;
use duban::import::xlsx::{SheetChoice, SheetError, import_workbook};
use duban::import::{ColumnMap, Format, ImportOptions, ImportReport, import_table};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xlsx")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    fs::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn opts() -> ImportOptions {
    ImportOptions {
        title: String::new(),
        base_year: 2024,
        id: "t".into(),
    }
}

fn sheets(name: &str, choice: SheetChoice) -> Vec<(String, ImportReport)> {
    import_workbook(&bytes(name), &choice, &opts(), &ColumnMap::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .into_iter()
        .map(|s| (s.sheet, s.report))
        .collect()
}

/// (id, category, title, deadline, lead unit + units)
type Row<'a> = (&'a str, &'a str, &'a str, &'a str, &'a [&'a str]);

fn assert_items(items: &[Item], want: &[Row]) {
    assert_eq!(items.len(), want.len(), "{items:#?}");
    for (item, (id, category, title, deadline, units)) in items.iter().zip(want) {
        let got = (
            item.id.as_str(),
            item.category.as_str(),
            item.title.as_str(),
            item.deadline.as_str(),
            item.all_units(),
        );
        assert_eq!(got, (*id, *category, *title, *deadline, units.to_vec()));
    }
}

#[test]
fn merged_category_deadline_and_unit_cells_fill_every_row_they_cover() {
    let got = sheets("merged.xlsx", SheetChoice::First);
    let (sheet, report) = &got[0];
    assert_eq!(sheet, "台账");
    assert_eq!(report.ledger.title, "2024年重点工作任务台账");
    assert_items(
        &report.ledger.items,
        &[
            ("1", "制度建设", "修订印章管理办法", "6月底前", &["办公室"]),
            ("2", "制度建设", "制定档案管理制度", "6月底前", &["档案室"]),
            ("3", "制度建设", "建立督办工作规则", "9月底前", &["档案室"]),
            (
                "4",
                "队伍建设",
                "开展业务培训",
                "年底前",
                &["政治部", "法制科"],
            ),
        ],
    );
    assert_eq!(report.unknown_headers, ["备注"]);
    assert_eq!(
        report.ledger.items[0].extra.get("备注").map(String::as_str),
        Some("已列入计划")
    );
    assert!(
        report.ledger.items[1].extra.is_empty(),
        "备注 is not merged"
    );
}

#[test]
fn each_sheet_is_a_ledger_or_one_is_chosen_by_name_or_number() {
    let all = sheets("two_sheets.xlsx", SheetChoice::All);
    let names: Vec<&str> = all.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(names, ["一季度", "二季度"]);
    assert_items(
        &all[0].1.ledger.items,
        &[
            ("1", "", "整理一季度台账", "3月底前", &["办公室"]),
            ("2", "", "报送季度报告", "3月31日前", &["法制科"]),
        ],
    );
    assert_eq!(all[1].1.ledger.title, "二季度");
    for choice in ["二季度", "2"] {
        let one = sheets("two_sheets.xlsx", SheetChoice::Named(choice.into()));
        assert_eq!(one.len(), 1);
        assert_items(
            &one[0].1.ledger.items,
            &[("1", "", "组织半年检查", "6月底前", &["督查室"])],
        );
    }
}

#[test]
fn excel_date_cells_become_deadline_text_and_are_noted() {
    let got = sheets("dates.xlsx", SheetChoice::First);
    let report = &got[0].1;
    assert_items(
        &report.ledger.items,
        &[
            ("1", "", "完成年度评估", "2024年6月30日前", &["法制科"]),
            ("2", "", "建成调解平台", "2024年12月1日前", &["调解科"]),
            ("3", "", "长期坚持", "长期", &["办公室"]),
        ],
    );
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("2 个 Excel 日期") && n.contains("2024年6月30日前")),
        "{:?}",
        report.notes
    );
}

#[test]
fn a_real_table_with_sections_a_spanning_header_and_a_merged_title_imports() {
    let got = sheets("real_table.xlsx", SheetChoice::First);
    let report = &got[0].1;
    assert_eq!(report.ledger.title, "关于优化营商环境重点任务分工方案");
    assert_items(
        &report.ledger.items,
        &[
            (
                "1",
                "知识产权保护方面",
                "加强知识产权保护",
                "2024年底前",
                &["市场监管局"],
            ),
            (
                "2",
                "知识产权保护方面",
                "加强知识产权保护",
                "持续推进",
                &["公安局"],
            ),
            (
                "(一)",
                "政务服务方面",
                "推行一网通办",
                "6月底前",
                &["政务服务中心"],
            ),
        ],
    );
    // The header over two columns keeps both.
    assert_eq!(
        report.ledger.items[0].measures,
        "建立快速维权机制\n设立维权站点"
    );
    assert_eq!(
        report.ledger.items[0].lead_unit.as_deref(),
        Some("市场监管局")
    );
    assert!(
        report.unknown_headers.is_empty(),
        "{:?}",
        report.unknown_headers
    );
    let fields: Vec<&str> = report
        .ledger
        .columns
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(
        fields,
        [
            "category",
            "number",
            "title",
            "measures",
            "measures",
            "deadline",
            "lead_unit"
        ]
    );
}

#[test]
fn gbk_and_utf16_csv_are_decoded_and_say_so() {
    for (name, encoding) in [("gbk.csv", "GBK/GB18030"), ("utf16.csv", "UTF-16LE")] {
        let decoded = decode(&bytes(name), None).expect(name);
        assert_eq!(decoded.encoding, encoding, "{name}");
        let report = import_table(&decoded.text, Format::Auto, opts()).expect(name);
        assert_items(
            &report.ledger.items,
            &[
                (
                    "1",
                    "",
                    "推进公共法律服务体系建设",
                    "6月底前",
                    &["公共法律服务科"],
                ),
                (
                    "2",
                    "",
                    "开展“八五”普法中期评估",
                    "2024年11月20日前完成",
                    &["普法与依法治理科"],
                ),
            ],
        );
    }
}

#[test]
fn bad_workbooks_are_refused_by_kind() {
    let import = |name: &str, choice: SheetChoice| {
        import_workbook(&bytes(name), &choice, &opts(), &ColumnMap::default()).unwrap_err()
    };
    assert_eq!(
        import("protected.xlsx", SheetChoice::First),
        SheetError::Encrypted
    );
    assert_eq!(
        import("corrupt.xlsx", SheetChoice::First),
        SheetError::Unreadable
    );
    assert_eq!(
        import("empty_sheet.xlsx", SheetChoice::First),
        SheetError::Empty("空表".into())
    );
    assert!(matches!(
        import("no_header.xlsx", SheetChoice::First),
        SheetError::Table { sheet, .. } if sheet == "说明"
    ));
    assert!(matches!(
        import("two_sheets.xlsx", SheetChoice::Named("三季度".into())),
        SheetError::NoSuchSheet { wanted, .. } if wanted == "三季度"
    ));
}

fn duban(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
    cmd.arg("--dir").arg(dir).env("USER", "测试员");
    cmd
}

#[test]
fn cli_refuses_bad_workbooks_with_one_chinese_line_and_writes_nothing() {
    let tmp = tempfile::TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    for (name, extra, says) in [
        ("no_header.xlsx", None, "工作表「说明」"),
        ("empty_sheet.xlsx", None, "工作表「空表」"),
        ("corrupt.xlsx", None, "损坏"),
        ("protected.xlsx", None, "密码"),
        ("two_sheets.xlsx", Some("三季度"), "没有工作表「三季度」"),
    ] {
        let mut cmd = duban(&dir);
        cmd.arg("import")
            .arg(fixture(name))
            .args(["--year", "2024"]);
        if let Some(sheet) = extra {
            cmd.args(["--sheet", sheet]);
        }
        let out = cmd.output().expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(err.contains(name) && err.contains(says), "{name}: {err}");
        assert!(!dir.exists(), "{name}: nothing is written");
    }
}

#[test]
fn cli_imports_all_sheets_and_dry_run_writes_nothing() {
    let tmp = tempfile::TempDir::new().expect("tempdir");
    let dir = tmp.path().join("ws");
    let out = duban(&dir)
        .arg("import")
        .arg(fixture("real_table.xlsx"))
        .args(["--year", "2024", "--dry-run"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("识别列:时限要求 → deadline"), "{text}");
    assert!(
        text.contains("事项 1 | 知识产权保护方面 | 加强知识产权保护"),
        "{text}"
    );
    assert!(!dir.exists(), "--dry-run writes nothing");

    let out = duban(&dir)
        .arg("import")
        .arg(fixture("two_sheets.xlsx"))
        .args(["--year", "2024", "--all-sheets"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut files: Vec<String> = fs::read_dir(dir.join("ledgers"))
        .expect("ledgers")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["2024-erjidu.ron", "2024-yijidu.ron"]);
    let ledger: Ledger =
        ron::from_str(&fs::read_to_string(dir.join("ledgers/2024-yijidu.ron")).expect("read"))
            .expect("ron");
    assert_eq!((ledger.title.as_str(), ledger.items.len()), ("一季度", 2));
}

#[test]
fn cli_column_maps_an_unknown_header_by_hand_and_reads_gbk() {
    let tmp = tempfile::TempDir::new().expect("tempdir");
    let table = tmp.path().join("t.csv");
    let (gbk, _, _) = encoding_rs::GB18030.encode("序号,事项,截至\n1,报送总结,12月底前\n");
    fs::write(&table, gbk).expect("write");
    let out = duban(&tmp.path().join("ws"))
        .arg("import")
        .arg(&table)
        .args(["--year", "2024", "--dry-run", "--column", "截至=deadline"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("截至 → deadline"), "{text}");
    assert!(text.contains("按 GBK/GB18030 编码读取"), "{text}");
    assert!(text.contains("报送总结 | 12月底前"), "{text}");
}
