//! `duban note LEDGER ITEM TEXT [--date D] [--author A]`: append a progress entry.

use std::process::ExitCode;

use clap::Args;

use super::context::{CliError, Globals, parse_date, resolve_author};
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
    let (dir, config) = globals.open_config()?;
    edit::require_ledger(&dir, &args.ledger)?;
    let author = resolve_author(args.author.as_deref(), &config);
    let at = globals.now_for(Some(&config));
    let date = date.unwrap_or(at.date());
    let edit = Edit::AddNote {
        date,
        author: author.clone(),
        text: text.to_string(),
    };
    let done = edit::apply_edit(
        &dir,
        &args.ledger,
        &args.item,
        config.backups,
        &edit,
        &author,
        at,
    )?;
    if done.is_some() {
        outln!(
            "已记录进展:{} / {} {date} {}",
            sanitize(&args.ledger),
            sanitize(&args.item),
            sanitize(&author)
        );
    }
    Ok(ExitCode::SUCCESS)
}
