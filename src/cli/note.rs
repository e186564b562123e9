//! `duban note LEDGER ITEM TEXT [--date D] [--author A]`: append a progress entry.

use std::process::ExitCode;

use clap::Args;

use super::context::{CliError, Globals, parse_date};
use super::edit;
use crate::domain::edit::Edit;
use crate::text::sanitize;

/// Arguments of `duban note`.
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// 台账编号(文件名,不含 .ron)
    pub ledger: String,
    /// 事项编号
    pub item: String,
    /// 进展内容
    pub text: String,
    /// 进展日期 YYYY-MM-DD(默认今天)
    #[arg(long)]
    pub date: Option<String>,
    /// 记录人(默认:工作区配置的记录人,否则登录名)
    #[arg(long)]
    pub author: Option<String>,
}

/// Validate, then append the note under the ledger's lock.
pub fn run(globals: &Globals, args: &NoteArgs) -> Result<ExitCode, CliError> {
    let text = args.text.trim();
    if text.is_empty() {
        return Err(CliError::new("进展内容为空:请在事项编号后写上进展文字"));
    }
    let date = args
        .date
        .as_deref()
        .map(|d| parse_date("--date", d))
        .transpose()?;
    let applied = edit::edit_item(
        globals,
        &args.ledger,
        &args.item,
        args.author.as_deref(),
        |author, at| Edit::AddNote {
            date: date.unwrap_or(at.date()),
            author: author.to_string(),
            text: text.to_string(),
        },
    )?;
    if applied.change.is_some() {
        let date = date.unwrap_or(applied.at.date());
        outln!(
            "已记录进展:{} / {} {date} {}",
            sanitize(&args.ledger),
            sanitize(&args.item),
            sanitize(&applied.author)
        );
    }
    Ok(ExitCode::SUCCESS)
}
