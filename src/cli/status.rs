//! `duban status LEDGER ITEM WORD [--reason R]`: change an item's status, with an audit entry.

use std::process::ExitCode;

use clap::Args;

use super::context::{CliError, Globals};
use super::edit;
use crate::domain::Status;
use crate::domain::edit::Edit;
use crate::text::sanitize;

/// Arguments of `duban status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// 台账编号(文件名,不含 .ron)
    pub ledger: String,
    /// 事项编号
    pub item: String,
    /// 新状态:not-started|in-progress|done|accepted|suspended(或 未启动/推进中/已完成/已结项/暂缓)
    pub status: String,
    /// 原因(暂缓时必填)
    #[arg(long)]
    pub reason: Option<String>,
    /// 修改人(默认:工作区配置的记录人,否则登录名)
    #[arg(long)]
    pub author: Option<String>,
}

/// The status for a CLI word, or a one-line error listing the valid words.
pub fn parse_status(word: &str) -> Result<Status, CliError> {
    Status::from_word(word).ok_or_else(|| {
        let words: Vec<&str> = Status::ALL.iter().map(|s| s.word()).collect();
        CliError::new(format!(
            "未知的状态 \"{}\";可用:{}",
            sanitize(word),
            words.join("|")
        ))
    })
}

/// Validate, then change the status under the ledger's lock.
pub fn run(globals: &Globals, args: &StatusArgs) -> Result<ExitCode, CliError> {
    let status = parse_status(&args.status)?;
    let reason = args
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if status == Status::Suspended && reason.is_none() {
        return Err(CliError::new("暂缓需要原因:请加 --reason \"暂缓原因\""));
    }
    let applied = edit::edit_item(
        globals,
        &args.ledger,
        &args.item,
        args.author.as_deref(),
        |_, _| Edit::SetStatus {
            status,
            reason: reason.map(str::to_string),
        },
    )?;
    if let Some(change) = applied.change {
        outln!(
            "已修改状态:{} / {} {} → {}({})",
            sanitize(&args.ledger),
            sanitize(&args.item),
            change.before.status.label(),
            status.label(),
            sanitize(&applied.author)
        );
    }
    Ok(ExitCode::SUCCESS)
}
