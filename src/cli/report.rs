//! `duban report [--kind monthly|rectification|closing] [--ledger L] [--period YYYY-MM]
//! [--format md|csv|json|docx] [--out FILE]`: the monthly, rectification or closing report
//! as of `--today`. Without `--out` it prints (md, csv, json); .docx needs `--out`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::context::{CliError, Globals, calendar_of};
use super::edit::brief_list;
use super::output::{check_out_file, write_atomically};
use crate::document::{self, Document};
use crate::domain::Ledger;
use crate::report::{self, Period, ReportError, assess_ledgers};
use crate::storage::Workspace;
use crate::text::sanitize;

/// Arguments of `duban report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// 报告类型:monthly(月报)|rectification(整改)|closing(结项)
    #[arg(long, default_value = "monthly")]
    pub kind: String,
    /// 只统计此台账(台账编号)
    #[arg(long)]
    pub ledger: Option<String>,
    /// 报告期 YYYY-MM(默认:今天所在月份;结项报告按该年到期的事项)
    #[arg(long)]
    pub period: Option<String>,
    /// 输出格式:md|csv|json|docx
    #[arg(long, default_value = "md")]
    pub format: String,
    /// 写入此文件(原子写入);不给则打印到标准输出
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Monthly,
    Rectification,
    Closing,
}

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Markdown,
    Csv,
    Json,
    Docx,
}

fn parse_kind(text: &str) -> Result<Kind, CliError> {
    match text.trim() {
        "monthly" | "月报" => Ok(Kind::Monthly),
        "rectification" | "整改" => Ok(Kind::Rectification),
        "closing" | "结项" => Ok(Kind::Closing),
        other => Err(CliError::new(format!(
            "未知的报告类型 \"{}\":--kind 可用 monthly(月报)、rectification(整改)、closing(结项)",
            sanitize(other)
        ))),
    }
}

fn parse_format(text: &str) -> Result<Format, CliError> {
    match text.trim() {
        "md" | "markdown" => Ok(Format::Markdown),
        "csv" => Ok(Format::Csv),
        "json" => Ok(Format::Json),
        "docx" => Ok(Format::Docx),
        other => Err(CliError::new(format!(
            "未知的输出格式 \"{}\":--format 可用 md、csv、json、docx",
            sanitize(other)
        ))),
    }
}

/// Parse `--period YYYY-MM` with a one-line error.
pub fn parse_period(text: &str) -> Result<Period, CliError> {
    Period::parse(text).ok_or_else(|| {
        CliError::new(format!(
            "--period 的月份 \"{}\" 无效:应为 YYYY-MM(例如 2023-06)",
            sanitize(text)
        ))
    })
}

/// The ledgers a command works on: all, or the one `--ledger` names (an unknown id is a
/// one-line error listing the ledgers).
pub fn select_ledgers<'a>(
    workspace: &'a Workspace,
    ledger: Option<&str>,
) -> Result<Vec<&'a Ledger>, CliError> {
    let all = workspace.ledgers.iter().map(|l| &l.ledger);
    match ledger {
        None => Ok(all.collect()),
        Some(id) => match workspace.ledger(id) {
            Some(l) => Ok(vec![&l.ledger]),
            None => {
                let known: Vec<String> = all.map(|l| l.id.clone()).collect();
                Err(CliError::new(format!(
                    "没有编号为 \"{}\" 的台账;现有台账:{}",
                    sanitize(id),
                    brief_list(&known)
                )))
            }
        },
    }
}

impl From<ReportError> for CliError {
    fn from(e: ReportError) -> Self {
        CliError::new(sanitize(&e.to_string()).into_owned())
    }
}

/// Validate every flag, build the report, print or write it.
pub fn run(globals: &Globals, args: &ReportArgs) -> Result<ExitCode, CliError> {
    let kind = parse_kind(&args.kind)?;
    let format = parse_format(&args.format)?;
    let period = args.period.as_deref().map(parse_period).transpose()?;
    if format == Format::Docx && args.out.is_none() {
        return Err(CliError::new(
            "docx 格式需要 --out 文件(例如 --out 月报.docx)",
        ));
    }
    if let Some(out) = &args.out {
        check_out_file(out)?;
    }
    let workspace = globals.open_workspace()?;
    let today = globals.today_for(Some(&workspace.config));
    let calendar = calendar_of(&workspace)?;
    let ledgers = select_ledgers(&workspace, args.ledger.as_deref())?;
    let rules = &workspace.config.rules;
    // A monthly report of a past month is taken at that month's last day.
    let period_of_report = period.unwrap_or(Period::of(today));
    let as_of = match kind {
        Kind::Monthly => report::monthly::report_date(period_of_report, today),
        Kind::Rectification | Kind::Closing => today,
    };
    let entries = assess_ledgers(ledgers, rules, &calendar, as_of);
    let name = workspace.config.name.as_str();
    let (doc, json, figures): (Document, String, Vec<report::csv::Figure>) = match kind {
        Kind::Monthly => {
            let r = report::monthly::monthly(name, &entries, period_of_report, today, rules)?;
            (
                r.document(rules),
                to_json(&r)?,
                report::csv::monthly_figures(&r),
            )
        }
        Kind::Rectification => {
            let r = report::rectification::rectification(name, &entries, today)?;
            (
                r.document(),
                to_json(&r)?,
                report::csv::rectification_figures(&r),
            )
        }
        Kind::Closing => {
            let r = report::closing::closing(name, &entries, today, period.map(|p| p.year))?;
            (r.document(), to_json(&r)?, report::csv::closing_figures(&r))
        }
    };
    let bytes = match format {
        Format::Markdown => document::markdown::render(&doc).into_bytes(),
        Format::Json => json.into_bytes(),
        Format::Csv => report::csv::to_csv(&figures)
            .map_err(|e| CliError::new(format!("生成 CSV 失败:{e}")))?
            .into_bytes(),
        Format::Docx => document::docx::render(&doc).map_err(|e| CliError::new(e.to_string()))?,
    };
    match &args.out {
        Some(out) => {
            let path = write_atomically(out, &bytes)?;
            outln!("已写入 {}", path.display());
        }
        None => super::context::emit(&crate::text::sanitize_multiline(&String::from_utf8_lossy(
            &bytes,
        ))),
    }
    Ok(ExitCode::SUCCESS)
}

fn to_json(value: &impl serde::Serialize) -> Result<String, CliError> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| CliError::new(format!("生成 JSON 失败:{e}")))
}
