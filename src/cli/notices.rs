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

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::context::{CliError, Globals, calendar_of};
use super::output::{Staged, check_folder, stage};
use super::report::select_ledgers;
use crate::document;
use crate::domain::calendar::WorkCalendar;
use crate::domain::notices::NoticeSettings;
use crate::domain::{Notice, NoticeKind, WarningRules};
use crate::report::notices::{NoticePlan, NoticeText, already_issued, plan};
use crate::report::{Entry, assess_ledgers};
use crate::storage::{self, Workspace};
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Markdown,
    Text,
    Docx,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Docx => "docx",
        }
    }
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

/// The filters, validated.
struct Selection<'a> {
    unit: Option<&'a str>,
    kind: Option<NoticeKind>,
    ledger: Option<&'a str>,
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
    let selection = Selection {
        unit: args.unit.as_deref().map(str::trim),
        kind,
        ledger: args.ledger.as_deref(),
    };
    if let Some(unit) = selection.unit {
        check_unit(&workspace, unit)?;
    }
    select_ledgers(&workspace, selection.ledger)?;
    let today = globals.today_for(Some(&workspace.config));
    let calendar = calendar_of(&workspace)?;
    let issue = args.out.is_some() || args.record;
    if !issue {
        let notices = prepare(
            &workspace,
            &selection,
            &calendar,
            today,
            &mut workspace.config.notices.clone(),
        )?;
        print_all(&notices, format, &workspace.config.rules);
        eprintln!("(预览:未登记到事项,文号未占用;发出并登记请加 --out 文件夹 或 --record)");
        return Ok(ExitCode::SUCCESS);
    }
    let dir = workspace.dir.clone();
    drop(workspace);
    let again = args.again;
    let out = args.out.clone();
    let (notices, staged, rules) =
        storage::update_workspace(&dir, |ws: &mut Workspace| -> Result<_, CliError> {
            select_ledgers(ws, selection.ledger)?;
            let mut settings = ws.config.notices.clone();
            let notices = prepare(ws, &selection, &calendar, today, &mut settings)?;
            if !again {
                refuse_duplicates(ws, &notices, today)?;
            }
            let rules = ws.config.rules.clone();
            let staged = match &out {
                Some(folder) => stage_files(folder, &notices, format, &rules)?,
                None => Vec::new(),
            };
            ws.config.notices = settings;
            record(ws, &notices);
            Ok((notices, staged, rules))
        })?;
    if out.is_none() {
        print_all(&notices, format, &rules);
    }
    let mut paths = Vec::new();
    for file in staged {
        paths.push(file.commit()?);
    }
    for (i, notice) in notices.iter().enumerate() {
        let place = paths
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
        if out.is_some() {
            outln!("{}", sanitize(&line));
        } else {
            eprintln!("{}", sanitize(&line));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A notice with the items it is recorded on.
struct Prepared {
    text: NoticeText,
    /// (ledger id, item id) of each item.
    items: Vec<(String, String)>,
}

/// Plan the notices over the workspace and number them from `settings` (taking numbers).
fn prepare(
    workspace: &Workspace,
    selection: &Selection,
    calendar: &WorkCalendar,
    today: NaiveDate,
    settings: &mut NoticeSettings,
) -> Result<Vec<Prepared>, CliError> {
    let ledgers = select_ledgers(workspace, selection.ledger)?;
    let entries: Vec<Entry> = assess_ledgers(ledgers, &workspace.config.rules, calendar, today);
    let plans: Vec<NoticePlan> = plan(&entries, selection.unit, selection.kind);
    if plans.is_empty() {
        return Err(CliError::new(nothing_to_issue(selection)));
    }
    let reply_by = calendar
        .add_working_days(today, settings.reply_days)
        .unwrap_or(today);
    Ok(plans
        .iter()
        .map(|p| {
            let number = settings.take(p.kind, chrono::Datelike::year(&today));
            let text = NoticeText::new(p, &entries, number, today, reply_by, settings);
            let items = p
                .entries
                .iter()
                .map(|&i| (entries[i].ledger.id.clone(), entries[i].item.id.clone()))
                .collect();
            Prepared { text, items }
        })
        .collect())
}

fn nothing_to_issue(selection: &Selection) -> String {
    let mut what = Vec::new();
    if let Some(u) = selection.unit {
        what.push(format!("单位 {}", sanitize(u)));
    }
    if let Some(k) = selection.kind {
        what.push(k.label().to_string());
    }
    if let Some(l) = selection.ledger {
        what.push(format!("台账 {}", sanitize(l)));
    }
    let scope = if what.is_empty() {
        String::new()
    } else {
        format!("({})", what.join(","))
    };
    format!("没有需要发出的通知单{scope}:没有亮灯的在办事项;可用 duban list --color red,black 查看")
}

/// Refuse when an item already holds the same notice to the same unit dated today.
fn refuse_duplicates(
    workspace: &Workspace,
    notices: &[Prepared],
    today: NaiveDate,
) -> Result<(), CliError> {
    for notice in notices {
        for (ledger, id) in &notice.items {
            let Some(item) = workspace.ledger(ledger).and_then(|l| l.ledger.item(id)) else {
                continue;
            };
            if let Some(number) =
                already_issued(item, notice.text.kind, &notice.text.recipient, today)
            {
                return Err(CliError::new(format!(
                    "今天已向 {} 发过{}({},含事项 {ledger}/{id});未重复发出。确需再发请加 --again",
                    sanitize(&notice.text.recipient),
                    notice.text.kind.label(),
                    sanitize(&number)
                )));
            }
        }
    }
    Ok(())
}

/// Record each notice on its items.
fn record(workspace: &mut Workspace, notices: &[Prepared]) {
    for notice in notices {
        for (ledger, id) in &notice.items {
            if let Some(item) = workspace
                .ledger_mut(ledger)
                .and_then(|l| l.ledger.item_mut(id))
            {
                item.notices.push(Notice {
                    kind: notice.text.kind,
                    date: notice.text.date,
                    recipient: notice.text.recipient.clone(),
                    number: Some(notice.text.number.clone()),
                });
            }
        }
    }
}

fn render(text: &NoticeText, format: Format, rules: &WarningRules) -> Result<Vec<u8>, CliError> {
    let doc = text.document(rules);
    Ok(match format {
        Format::Markdown => document::markdown::render(&doc).into_bytes(),
        Format::Text => document::text::render(&doc).into_bytes(),
        Format::Docx => document::docx::render(&doc).map_err(|e| CliError::new(e.to_string()))?,
    })
}

fn stage_files(
    folder: &Path,
    notices: &[Prepared],
    format: Format,
    rules: &WarningRules,
) -> Result<Vec<Staged>, CliError> {
    notices
        .iter()
        .map(|n| {
            let path = folder.join(format!("{}.{}", n.text.file_stem(), format.extension()));
            stage(&path, &render(&n.text, format, rules)?)
        })
        .collect()
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
        if let Ok(bytes) = render(&notice.text, format, rules) {
            super::context::emit(&crate::text::sanitize_multiline(&String::from_utf8_lossy(
                &bytes,
            )));
        }
    }
}
