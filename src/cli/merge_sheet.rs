//! `duban merge-sheet FILE --ledger L [--sheet S] [--apply]`: take back a sheet a unit
//! returned. Shows what would change; with `--apply` writes the progress notes and status
//! changes as one change under the workspace lock, each with its audit entry.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::context::{CliError, Globals, calendar_of, resolve_author};
use super::edit::{brief_list, update};
use crate::domain::edit::{commit, plan_each};
use crate::export::Assessing;
use crate::export::merge::{MergePlan, owner_of_sheet, plan_returned, read_returned};
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
    let (sheet, rows) = read_returned(&bytes, ledger, args.sheet.as_deref())
        .map_err(|e| CliError::new(format!("{file}:{}", sanitize(&e.to_string()))))?;
    if args.sheet.is_none()
        && let Some(owner) = owner_of_sheet(&sheet, ws.ledgers.iter().map(|l| &l.ledger))
        && owner.id != ledger.id
    {
        return Err(CliError::new(format!(
            "{file}:工作表「{}」是台账 {} 导出的,不是台账 {};请改用 --ledger {},或用 --sheet 指定工作表",
            sanitize(&sheet),
            sanitize(&owner.id),
            sanitize(&ledger.id),
            sanitize(&owner.id)
        )));
    }
    let today = globals.today_for(Some(&ws.config));
    let calendar = calendar_of(&ws)?;
    let assessing = Assessing {
        rules: &ws.config.rules,
        calendar: &calendar,
        today,
    };
    let merge = plan_returned(ledger, &assessing, &rows, &sheet)
        .map_err(|e| CliError::new(format!("{file} {e}")))?;
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
    let edits = merge.edits(at.date());
    let applied = update(&ws.dir, &ledger.id, ws.config.backups, |ledger| {
        let changes = plan_each(ledger, &edits, &who, at).map_err(|e| {
            CliError::new(format!(
                "事项 {}:{};未写入任何修改",
                sanitize(&e.item_id),
                e.error
            ))
        })?;
        commit(ledger, &changes);
        Ok::<usize, CliError>(edits.len())
    })?;
    outln!(
        "已写入 {applied} 项修改到台账 {}(记录人 {})",
        sanitize(&ledger.id),
        sanitize(&who)
    );
    Ok(ExitCode::SUCCESS)
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
