//! `duban import`: reading the file (workbook or text in any common encoding) into import
//! reports, and printing what was recognised.

use super::context::CliError;
use super::import::{ImportArgs, ImportFormat, Planned};
use crate::import::encoding::{decode, encoding_for_word};
use crate::import::xlsx::{SheetChoice, import_workbook, is_workbook};
use crate::import::{ColumnMap, Format, ImportOptions, ImportReport, import_table_with};
use crate::text::sanitize;

/// How many items `--dry-run` shows.
const DRY_RUN_ITEMS: usize = 5;

/// Read the file named in `args` into one report per table (one per sheet for workbooks).
pub(super) fn read_sheets(
    args: &ImportArgs,
) -> Result<Vec<(Option<String>, ImportReport)>, CliError> {
    let file = args.file.display().to_string();
    let bytes =
        std::fs::read(&args.file).map_err(|e| CliError::new(format!("无法读取 {file}:{e}")))?;
    let columns = ColumnMap::parse(&args.columns).map_err(CliError::new)?;
    let options = ImportOptions {
        title: args.title.clone().unwrap_or_default().trim().to_string(),
        base_year: args.year,
        id: String::new(),
    };
    let workbook = match args.format {
        ImportFormat::Xlsx => true,
        ImportFormat::Auto => is_workbook(&bytes),
        ImportFormat::Pipe | ImportFormat::Csv => false,
    };
    if workbook {
        let choice = match (&args.sheet, args.all_sheets) {
            (_, true) => SheetChoice::All,
            (Some(name), false) => SheetChoice::Named(name.clone()),
            (None, false) => SheetChoice::First,
        };
        let imports = import_workbook(&bytes, &choice, &options, &columns)
            .map_err(|e| CliError::new(format!("{file}:{}", sanitize(&e.to_string()))))?;
        if imports.is_empty() {
            return Err(CliError::new(format!(
                "{file}:没有一个工作表有可识别的表头,未写入台账"
            )));
        }
        return Ok(imports
            .into_iter()
            .map(|i| (Some(i.sheet), i.report))
            .collect());
    }
    if args.sheet.is_some() || args.all_sheets {
        return Err(CliError::new(format!(
            "{file} 不是 Excel/WPS 工作簿,--sheet 和 --all-sheets 只用于工作簿"
        )));
    }
    let forced = args
        .encoding
        .as_deref()
        .map(encoding_for_word)
        .transpose()
        .map_err(|e| CliError::new(e.to_string()))?;
    let decoded = decode(&bytes, forced).map_err(|e| CliError::new(format!("{file}:{e}")))?;
    let format = match args.format {
        ImportFormat::Pipe => Format::Pipe,
        ImportFormat::Csv => Format::Csv,
        _ => Format::Auto,
    };
    let mut report = import_table_with(&decoded.text, format, options, &columns).map_err(|e| {
        let at = match e.line() {
            Some(line) => format!("{file}:{line}"),
            None => file.clone(),
        };
        CliError::new(format!("{at}: {}", sanitize(&e.to_string())))
    })?;
    if decoded.encoding != "UTF-8" || forced.is_some() {
        report.notes.insert(
            0,
            format!("按 {} 编码读取({})", decoded.encoding, decoded.how),
        );
    }
    Ok(vec![(None, report)])
}

/// Print the import's account: the ledger, the columns, the notes; with `dry_run`, also
/// the first items.
pub(super) fn print_report(planned: &Planned, args: &ImportArgs, dry_run: bool) {
    let report = &planned.report;
    let ledger = &report.ledger;
    if let Some(sheet) = &planned.sheet {
        outln!("工作表「{}」:", sanitize(sheet));
    }
    if dry_run {
        outln!(
            "将导入 {} 个事项 → 台账编号 {}",
            ledger.items.len(),
            sanitize(&ledger.id)
        );
    }
    outln!("台账:{}({} 年)", sanitize(&ledger.title), args.year);
    for (header, field) in &report.recognised {
        outln!("  识别列:{} → {}", sanitize(header), sanitize(field));
    }
    for header in &report.unknown_headers {
        outln!("  未识别列(原样保留):{}", sanitize(header));
    }
    for note in &report.notes {
        outln!("  说明:{}", sanitize(note));
    }
    if dry_run {
        for item in ledger.items.iter().take(DRY_RUN_ITEMS) {
            outln!(
                "  事项 {} | {} | {} | {} | {}",
                sanitize(&item.id),
                sanitize(&item.category),
                sanitize(&item.title),
                sanitize(&item.deadline),
                sanitize(&item.all_units().join("、"))
            );
        }
        if ledger.items.len() > DRY_RUN_ITEMS {
            outln!("  …… 共 {} 个事项", ledger.items.len());
        }
    }
}
