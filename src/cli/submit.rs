//! `duban submit LEDGER ITEM [--period P] [--date D] [--author A]`: mark one occurrence of
//! an item's recurring obligation (每年10月底前报送年度报告, 每月5日前报送) submitted.

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::context::{CliError, Globals, parse_date};
use super::edit;
use crate::domain::deadline::{self, Recurrence, month_end};
use crate::domain::edit::Edit;
use crate::domain::warning::governing::governing_occurrence;
use crate::text::sanitize;

/// Arguments of `duban submit`.
#[derive(Debug, Args)]
pub struct SubmitArgs {
    /// 台账编号(文件名,不含 .ron)
    pub ledger: String,
    /// 事项编号
    pub item: String,
    /// 哪一期:年 2023、月 2023-06 或该期截止日 2023-10-31(默认:最早一期未报送的)
    #[arg(long)]
    pub period: Option<String>,
    /// 报送日期 YYYY-MM-DD(默认今天)
    #[arg(long)]
    pub date: Option<String>,
    /// 记录人(默认:工作区配置的记录人,否则登录名)
    #[arg(long)]
    pub author: Option<String>,
}

/// The occurrence of `rule` that `period` names: a due date, the first in a month
/// (`2023-06`) or the first in a year (`2023`).
pub fn occurrence_of(rule: Recurrence, period: &str) -> Result<NaiveDate, String> {
    let period = period.trim();
    let bad = || {
        format!(
            "--period \"{}\" 无法识别:请写年(2023)、月(2023-06)或该期截止日(2023-10-31)",
            sanitize(period)
        )
    };
    let parts: Vec<&str> = period.split('-').collect();
    let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
    let (first, last) = match parts.as_slice() {
        [y] => {
            let y = num(y)? as i32;
            (
                NaiveDate::from_ymd_opt(y, 1, 1),
                NaiveDate::from_ymd_opt(y, 12, 31),
            )
        }
        [y, m] => {
            let (y, m) = (num(y)? as i32, num(m)?);
            (NaiveDate::from_ymd_opt(y, m, 1), month_end(y, m))
        }
        [_, _, _] => {
            let day = NaiveDate::parse_from_str(period, "%Y-%m-%d").map_err(|_| bad())?;
            (Some(day), Some(day))
        }
        _ => return Err(bad()),
    };
    let (Some(first), Some(last)) = (first, last) else {
        return Err(bad());
    };
    let due = rule.next_on_or_after(first);
    if due > last {
        return Err(format!(
            "--period \"{}\" 内没有该事项的报送截止日(下一期截止 {due}):请写该期的截止日",
            sanitize(period)
        ));
    }
    Ok(due)
}

/// Find the item's recurring rule, settle the occurrence, then record it under the lock.
pub fn run(globals: &Globals, args: &SubmitArgs) -> Result<ExitCode, CliError> {
    let ws = globals.open_workspace()?;
    let today = globals.today_for(Some(&ws.config));
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
    let schedule = deadline::parse(ledger.deadline_text_of(item), ledger.base_year);
    let Some(rule) = schedule.recurrence else {
        return Err(CliError::new(format!(
            "事项 {} 的期限“{}”没有周期性报送要求(如“每年10月底前报送”),无需登记报送",
            sanitize(&item.id),
            sanitize(&schedule.text)
        )));
    };
    let due = match args.period.as_deref() {
        Some(period) => occurrence_of(rule, period).map_err(CliError::new)?,
        None => governing_occurrence(rule, item, ledger.base_year, today),
    };
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
        |_, at| Edit::Submit {
            due,
            date: date.unwrap_or(at.date()),
        },
    )?;
    if applied.change.is_some() {
        outln!(
            "已登记报送:{} / {} 截止{due}的一期,{} {}",
            sanitize(&args.ledger),
            sanitize(&args.item),
            date.unwrap_or(applied.at.date()),
            sanitize(&applied.author)
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn periods_name_one_occurrence() {
        let yearly = Recurrence::Yearly {
            month: 10,
            day: None,
        };
        assert_eq!(occurrence_of(yearly, "2023"), Ok(d("2023-10-31")));
        assert_eq!(occurrence_of(yearly, "2023-10-31"), Ok(d("2023-10-31")));
        assert!(occurrence_of(yearly, "2023-10-30").is_err());
        assert!(occurrence_of(yearly, "2023-06").is_err());
        let monthly = Recurrence::Monthly { day: Some(5) };
        assert_eq!(occurrence_of(monthly, "2023-06"), Ok(d("2023-06-05")));
        assert!(occurrence_of(monthly, "六月").is_err());
    }
}
