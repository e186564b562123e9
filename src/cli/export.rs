//! `duban export [--ledger L] [--format xlsx|csv] [--out FILE]`: ledgers as a workbook (one
//! sheet per ledger plus the progress log) or a CSV for Excel.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::context::{CliError, Globals, calendar_of};
use super::edit::brief_list;
use crate::domain::Ledger;
use crate::export::{self, Assessing};
use crate::text::sanitize;

/// Output format of `duban export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Excel 工作簿(.xlsx)
    Xlsx,
    /// 带 BOM 的 UTF-8 CSV(Excel 可直接打开)
    Csv,
}

/// Arguments of `duban export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// 只导出这个台账(默认全部)
    #[arg(long)]
    pub ledger: Option<String>,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = ExportFormat::Xlsx)]
    pub format: ExportFormat,
    /// 输出文件(默认:当前文件夹下的 台账编号-日期.xlsx)
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Export the chosen ledgers.
pub fn run(globals: &Globals, args: &ExportArgs) -> Result<ExitCode, CliError> {
    let ws = globals.open_workspace()?;
    for broken in &ws.broken {
        eprintln!("duban: 跳过无法读取的台账:{}", sanitize(&broken.message));
    }
    let ledgers: Vec<&Ledger> = match &args.ledger {
        Some(id) => vec![
            &ws.ledger(id)
                .ok_or_else(|| {
                    let known: Vec<String> =
                        ws.ledgers.iter().map(|l| l.ledger.id.clone()).collect();
                    CliError::new(format!(
                        "没有编号为 \"{}\" 的台账;现有台账:{}",
                        sanitize(id),
                        brief_list(&known)
                    ))
                })?
                .ledger,
        ],
        None => ws.ledgers.iter().map(|l| &l.ledger).collect(),
    };
    if ledgers.is_empty() {
        return Err(CliError::new("工作区中没有台账,没有可导出的内容"));
    }
    let today = globals.today_for(Some(&ws.config));
    let calendar = calendar_of(&ws)?;
    let assessing = Assessing {
        rules: &ws.config.rules,
        calendar: &calendar,
        today,
    };
    let extension = match args.format {
        ExportFormat::Xlsx => "xlsx",
        ExportFormat::Csv => "csv",
    };
    let out = args.out.clone().unwrap_or_else(|| {
        let stem = args.ledger.clone().unwrap_or_else(|| "duban".to_string());
        PathBuf::from(format!("{stem}-{today}.{extension}"))
    });
    let bytes = match args.format {
        ExportFormat::Xlsx => {
            export::xlsx::workbook(&ledgers, &assessing)
                .map_err(|e| CliError::new(e.to_string()))?
                .0
        }
        ExportFormat::Csv => export::csv::csv(&ledgers, &assessing),
    };
    write_atomically(&out, &bytes)?;
    let items: usize = ledgers.iter().map(|l| l.items.len()).sum();
    outln!(
        "已导出 {} 个台账、{items} 个事项(截至 {today})→ {}",
        ledgers.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Write `bytes` to `path` through a temporary file in the same folder, so a reader never
/// sees half a file and a failed export leaves no file behind.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    super::output::write_atomically(path, bytes).map(|_| ())
}
