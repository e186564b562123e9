//! `duban event LEDGER ITEM --date D [--author A]` (or `--clear`): record the date of the
//! event an item's deadline counts from (问题反馈后10个工作日内: the day of the feedback;
//! 立行立改: the day the problem was raised). The deadline then reads as a date and the
//! item lights like any dated item.

use std::process::ExitCode;

use clap::Args;

use super::context::{CliError, Globals, calendar_of, parse_date};
use super::edit;
use crate::domain::deadline;
use crate::domain::edit::{Edit, counts_from_event};
use crate::domain::warning::event::dated;
use crate::text::sanitize;

/// Arguments of `duban event`.
#[derive(Debug, Args)]
pub struct EventArgs {
    /// 台账编号(文件名,不含 .ron)
    pub ledger: String,
    /// 事项编号
    pub item: String,
    /// 事件发生的日期 YYYY-MM-DD(如问题反馈、收到通知、交办之日;不能晚于今天)
    #[arg(long, value_name = "YYYY-MM-DD", required_unless_present = "clear")]
    pub date: Option<String>,
    /// 清除已登记的事件日期
    #[arg(long, conflicts_with = "date")]
    pub clear: bool,
    /// 记录人(默认:工作区配置的记录人,否则登录名)
    #[arg(long)]
    pub author: Option<String>,
}

/// Check that the item's deadline counts from an event, then record the date under the lock
/// and say what the deadline now reads as.
pub fn run(globals: &Globals, args: &EventArgs) -> Result<ExitCode, CliError> {
    let date = args
        .date
        .as_deref()
        .map(|d| parse_date("--date", d))
        .transpose()?;
    let ws = globals.open_workspace()?;
    let Some(ledger) = ws
        .ledgers
        .iter()
        .map(|l| &l.ledger)
        .find(|l| l.id == args.ledger)
    else {
        return Err(CliError::new(format!(
            "没有台账 \"{}\":请用 duban check 查看台账编号",
            sanitize(&args.ledger)
        )));
    };
    let Some(item) = ledger.item(&args.item) else {
        return Err(CliError::new(format!(
            "台账 {} 中没有事项 \"{}\":请用 duban list --ledger {} 查看事项编号",
            sanitize(&ledger.id),
            sanitize(&args.item),
            sanitize(&ledger.id)
        )));
    };
    if date.is_some() {
        counts_from_event(ledger.deadline_text_of(item), ledger.base_year)
            .map_err(|e| CliError::new(format!("事项 {}:{e}", sanitize(&item.id))))?;
    }
    let calendar = calendar_of(&ws)?;
    let applied = edit::edit_item(
        globals,
        &args.ledger,
        &args.item,
        args.author.as_deref(),
        |_, _| Edit::SetEventDate { date },
    )?;
    let Some(change) = applied.change else {
        return Ok(ExitCode::SUCCESS);
    };
    let what = match date {
        Some(date) => format!("已登记事件日期 {date}"),
        None => "已清除事件日期".to_string(),
    };
    let schedule = deadline::parse(ledger.deadline_text_of(&change.after), ledger.base_year);
    let reading = dated(&schedule, &change.after, ledger, &calendar);
    let first = deadline::explain(&reading)
        .into_iter()
        .next()
        .unwrap_or_default();
    outln!(
        "{what}:{} / {}({});期限“{}”:{}",
        sanitize(&args.ledger),
        sanitize(&args.item),
        sanitize(&applied.author),
        sanitize(&schedule.text),
        sanitize(&first)
    );
    Ok(ExitCode::SUCCESS)
}
