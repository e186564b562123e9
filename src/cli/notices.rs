//! `duban notices [--unit U] [--kind 提示|催办|督办|整改] [--ledger L] [--format md|txt|docx]
//! [--out DIR] [--record] [--again]`: one notice per unit and kind for the items whose
//! colour calls for it.
//!
//! Printing (no `--out`) is a preview: nothing is recorded and the numbers shown are the
//! next free ones, not taken. `--out DIR` (or `--record`) *issues* the notices: under the
//! workspace lock it takes their numbers from the workspace's sequence, records each notice
//! on its items (kind, number, date, recipient) and saves, then puts the files in place.
//! Issuing a notice whose items already hold the same kind to the same unit dated today is
//! refused with one line unless `--again` is given.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::context::{CliError, Globals, calendar_of};
use super::output::check_folder;
use super::report::select_ledgers;
use crate::domain::{NoticeKind, WarningRules};
use crate::issue::{self, Format, IssueError, Prepared, Request, Scope};
use crate::storage::Workspace;
use crate::text::sanitize;

/// Arguments of `duban notices`.
#[derive(Debug, Args)]
pub struct NoticesArgs {
    /// 只给此单位(单位全称)
    #[arg(long)]
    pub unit: Option<String>,
    /// 只发此类通知单:提示|催办|督办|整改
    #[arg(long)]
    pub kind: Option<String>,
    /// 只含此台账的事项
    #[arg(long)]
    pub ledger: Option<String>,
    /// 输出格式:md|txt|docx
    #[arg(long, default_value = "md")]
    pub format: String,
    /// 把每份通知单写入此文件夹并登记到事项上(发出)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// 不写文件也登记(打印并发出)
    #[arg(long)]
    pub record: bool,
    /// 今天已向同一单位发过同类通知单时仍再发一次
    #[arg(long)]
    pub again: bool,
}

fn parse_format(text: &str) -> Result<Format, CliError> {
    match text.trim() {
        "md" | "markdown" => Ok(Format::Markdown),
        "txt" | "text" => Ok(Format::Text),
        "docx" => Ok(Format::Docx),
        other => Err(CliError::new(format!(
            "未知的输出格式 \"{}\":--format 可用 md、txt、docx",
            sanitize(other)
        ))),
    }
}

/// Parse `--kind`: 提示|催办|督办|整改, the notice names, or the colours 蓝|黄|红|黑.
pub fn parse_kind(text: &str) -> Result<NoticeKind, CliError> {
    let t = text.trim();
    NoticeKind::ALL
        .into_iter()
        .find(|k| {
            k.verb() == t
                || k.label() == t
                || crate::domain::Colour::from_word(t).and_then(|c| c.notice()) == Some(*k)
        })
        .ok_or_else(|| {
            CliError::new(format!(
                "未知的通知单类型 \"{}\":--kind 可用 提示、催办、督办、整改(或 蓝、黄、红、黑)",
                sanitize(text)
            ))
        })
}

/// Check `--unit` names a unit of the workspace (its config or its items).
fn check_unit(workspace: &Workspace, unit: &str) -> Result<(), CliError> {
    let known = workspace.config.units.iter().any(|u| u == unit)
        || workspace
            .ledgers
            .iter()
            .flat_map(|l| &l.ledger.items)
            .any(|i| i.all_units().contains(&unit));
    if known {
        return Ok(());
    }
    let near: Vec<String> = workspace
        .config
        .units
        .iter()
        .filter(|u| u.contains(unit) || unit.contains(u.as_str()))
        .cloned()
        .collect();
    let hint = if near.is_empty() {
        "请用 duban list 查看事项的责任单位".to_string()
    } else {
        format!("是否指:{}", super::edit::brief_list(&near))
    };
    Err(CliError::new(format!(
        "未知的单位 \"{}\":{hint}",
        sanitize(unit)
    )))
}

impl From<IssueError> for CliError {
    fn from(e: IssueError) -> Self {
        match e {
            IssueError::Storage(e) => CliError::from(e),
            IssueError::Nothing { .. } => {
                CliError::new(format!("{e};可用 duban list --color red,black 查看"))
            }
            IssueError::Duplicate(d) => {
                CliError::new(format!("{d};未重复发出。确需再发请加 --again"))
            }
            other => CliError::new(sanitize(&other.to_string()).into_owned()),
        }
    }
}

/// Validate, then preview or issue.
pub fn run(globals: &Globals, args: &NoticesArgs) -> Result<ExitCode, CliError> {
    let format = parse_format(&args.format)?;
    let kind = args.kind.as_deref().map(parse_kind).transpose()?;
    if format == Format::Docx && args.out.is_none() {
        return Err(CliError::new(
            "docx 格式需要 --out 文件夹(例如 --out 通知单)",
        ));
    }
    if let Some(out) = &args.out {
        check_folder("--out", out)?;
    }
    let workspace = globals.open_workspace()?;
    let scope = Scope {
        unit: args.unit.as_deref().map(|u| u.trim().to_string()),
        kind,
        ledger: args.ledger.clone(),
        items: None,
    };
    if let Some(unit) = &scope.unit {
        check_unit(&workspace, unit)?;
    }
    let ledgers = select_ledgers(&workspace, scope.ledger.as_deref())?;
    let today = globals.today_for(Some(&workspace.config));
    let calendar = calendar_of(&workspace)?;
    let issue = args.out.is_some() || args.record;
    if !issue {
        let notices = issue::prepare(
            &ledgers,
            &workspace.config.rules,
            &calendar,
            today,
            &scope,
            &mut workspace.config.notices.clone(),
        )?;
        print_all(&notices, format, &workspace.config.rules);
        eprintln!("(预览:未登记到事项,文号未占用;发出并登记请加 --out 文件夹 或 --record)");
        return Ok(ExitCode::SUCCESS);
    }
    let dir = workspace.dir.clone();
    drop(ledgers);
    drop(workspace);
    let request = Request {
        scope,
        format,
        out: args.out.clone(),
        again: args.again,
        today,
    };
    let issued = issue::issue(&dir, &calendar, &request)?;
    if request.out.is_none() {
        print_all(&issued.notices, format, &issued.rules);
    }
    for (i, notice) in issued.notices.iter().enumerate() {
        let place = issued
            .paths
            .get(i)
            .map(|p| format!(":{}", p.display()))
            .unwrap_or_default();
        let line = format!(
            "已发出{} {} → {}({}项){place}",
            notice.text.kind.label(),
            notice.text.number,
            notice.text.recipient,
            notice.text.items.len()
        );
        if request.out.is_some() {
            outln!("{}", sanitize(&line));
        } else {
            eprintln!("{}", sanitize(&line));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_all(notices: &[Prepared], format: Format, rules: &WarningRules) {
    for (i, notice) in notices.iter().enumerate() {
        if i > 0 {
            super::context::emit(if format == Format::Markdown {
                "\n---\n\n"
            } else {
                "\n"
            });
        }
        if let Ok(bytes) = issue::render(&notice.text, format, rules) {
            super::context::emit(&crate::text::sanitize_multiline(&String::from_utf8_lossy(
                &bytes,
            )));
        }
    }
}
