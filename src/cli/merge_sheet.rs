//! `duban merge-sheet FILE --ledger L [--sheet S] [--apply]`: take back a sheet a unit
//! returned. Shows what would change; with `--apply` writes the progress notes and status
//! changes as one change under the workspace lock, each with its audit entry.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::context::{CliError, Globals, calendar_of, resolve_author};
use super::edit::{brief_list, update};
use crate::domain::edit::{Edit, apply};
use crate::export::merge::{MergePlan, plan};
use crate::export::{Assessing, table_of};
use crate::import::xlsx::{SheetChoice, read_sheet};
use crate::text::sanitize;

/// Arguments of `duban merge-sheet`.
#[derive(Debug, Args)]
pub struct MergeSheetArgs {
    /// 单位交回的工作簿(由 duban export 导出后填写)
    pub file: PathBuf,
    /// 台账编号
    #[arg(long)]
    pub ledger: String,
    /// 工作表名称或序号(默认:与台账标题同名的工作表,否则第一个)
    #[arg(long)]
    pub sheet: Option<String>,
    /// 写入(不加时只显示将要做的修改)
    #[arg(long)]
    pub apply: bool,
    /// 记录人(默认:工作区配置的记录人,否则登录名)
    #[arg(long)]
    pub author: Option<String>,
}

/// Compare, show, and with `--apply` write.
pub fn run(globals: &Globals, args: &MergeSheetArgs) -> Result<ExitCode, CliError> {
    let ws = globals.open_workspace()?;
    let Some(loaded) = ws.ledger(&args.ledger) else {
        let known: Vec<String> = ws.ledgers.iter().map(|l| l.ledger.id.clone()).collect();
        return Err(CliError::new(format!(
            "没有编号为 \"{}\" 的台账;现有台账:{}",
            sanitize(&args.ledger),
            brief_list(&known)
        )));
    };
    let ledger = &loaded.ledger;
    let file = args.file.display().to_string();
    let bytes =
        std::fs::read(&args.file).map_err(|e| CliError::new(format!("无法读取 {file}:{e}")))?;
    let choice = SheetChoice::Named(
        args.sheet
            .clone()
            .unwrap_or_else(|| ledger.title.chars().take(31).collect()),
    );
    let read = match read_sheet(&bytes, &choice) {
        Err(crate::import::xlsx::SheetError::NoSuchSheet { .. }) if args.sheet.is_none() => {
            read_sheet(&bytes, &SheetChoice::First)
        }
        other => other,
    };
    let (sheet, rows) =
        read.map_err(|e| CliError::new(format!("{file}:{}", sanitize(&e.to_string()))))?;
    let today = globals.today_for(Some(&ws.config));
    let calendar = calendar_of(&ws)?;
    let assessing = Assessing {
        rules: &ws.config.rules,
        calendar: &calendar,
        today,
    };
    let table = table_of(ledger, &assessing);
    let merge = plan(ledger, &table, &rows).ok_or_else(|| {
        CliError::new(format!(
            "{file} 工作表「{}」:没有找到含「序号」和「状态」的表头行;请交回由 duban export 导出的表格",
            sanitize(&sheet)
        ))
    })?;
    show(&merge, &file, &sheet);
    if !args.apply || !merge.changes_anything() {
        if merge.changes_anything() {
            outln!("(未写入:确认无误后加 --apply 写入)");
        } else {
            outln!("没有需要写入的进展或状态");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let who = resolve_author(args.author.as_deref(), &ws.config);
    let at = globals.now_for(Some(&ws.config));
    let edits = edits_of(&merge, at.date());
    let applied = update(&ws.dir, &ledger.id, ws.config.backups, |ledger| {
        for (id, edit) in &edits {
            let item = ledger.item_mut(id).ok_or_else(|| {
                CliError::new(format!("事项 {} 已不在台账中,未写入任何修改", sanitize(id)))
            })?;
            apply(item, edit, &who, at).map_err(|e| {
                CliError::new(format!(
                    "事项 {}:{}:{e};未写入任何修改",
                    sanitize(id),
                    edit.describe()
                ))
            })?;
        }
        Ok::<usize, CliError>(edits.len())
    })?;
    outln!(
        "已写入 {applied} 项修改到台账 {}(记录人 {})",
        sanitize(&ledger.id),
        sanitize(&who)
    );
    Ok(ExitCode::SUCCESS)
}

/// The domain edits of a plan, in sheet order: notes first, then status changes.
fn edits_of(merge: &MergePlan, date: chrono::NaiveDate) -> Vec<(String, Edit)> {
    let mut edits: Vec<(String, Edit)> = merge
        .notes
        .iter()
        .map(|(id, unit, text)| {
            (
                id.clone(),
                Edit::AddNote {
                    date,
                    author: unit.clone(),
                    text: text.clone(),
                },
            )
        })
        .collect();
    edits.extend(merge.statuses.iter().map(|(id, _, to)| {
        (
            id.clone(),
            Edit::SetStatus {
                status: *to,
                reason: None,
            },
        )
    }));
    edits
}

fn show(merge: &MergePlan, file: &str, sheet: &str) {
    outln!("{file} 工作表「{}」:", sanitize(sheet));
    for (id, unit, text) in &merge.notes {
        outln!(
            "  新进展 {}({}):{}",
            sanitize(id),
            sanitize(unit),
            sanitize(text)
        );
    }
    for (id, from, to) in &merge.statuses {
        outln!(
            "  状态 {}:{} → {}",
            sanitize(id),
            from.short_label(),
            to.short_label()
        );
    }
    for (line, id, header, before, after) in &merge.forbidden {
        outln!(
            "  不予修改 第{line}行 事项 {}「{}」:「{}」→「{}」(单位不能修改此列,未采用)",
            sanitize(id),
            sanitize(header),
            sanitize(before),
            sanitize(after)
        );
    }
    for (line, id) in &merge.unmatched {
        outln!("  无法对应 第{line}行:序号「{}」不在台账中", sanitize(id));
    }
    for (line, message) in &merge.unreadable {
        outln!("  无法读取 第{line}行:{}", sanitize(message));
    }
}
