//! `duban deadline [--year Y] [--format text|json] [--event-date D] TEXT`: explain how a
//! deadline text reads — with `--event-date`, a deadline counted from an event
//! (问题反馈后10个工作日内, 立行立改) as dated from that day.
//! Exit 1 when the text cannot be read (the explanation is printed all the same).

use std::process::ExitCode;

use chrono::Datelike;
use clap::{Args, ValueEnum};

use super::context::{CliError, Globals, calendar_at, parse_date};
use crate::domain::WorkspaceConfig;
use crate::domain::calendar::WorkCalendar;
use crate::domain::deadline::{self, Anchor, AnchorSource, Schedule};
use crate::text::sanitize;

/// Output format of `duban deadline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DeadlineFormat {
    /// 文字说明
    Text,
    /// JSON:{"kind","due","milestones","recurrence","relative","note"}
    Json,
}

/// Arguments of `duban deadline`.
#[derive(Debug, Args)]
pub struct DeadlineArgs {
    /// 没写年份的日期属于哪一年(默认:今天所在年份)
    #[arg(long)]
    pub year: Option<i32>,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = DeadlineFormat::Text)]
    pub format: DeadlineFormat,
    /// 从某一事件起算的期限(如“收到通知后10个工作日内”“立行立改”):按此事件日期 YYYY-MM-DD 计算截止日期
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub event_date: Option<String>,
    /// 完成时限原文,例如 "5月底前" 或 "1-3月筹备 后期持续推进"
    pub text: String,
}

/// Parse and print the reading. Needs no workspace (its pinned date is used when one exists).
pub fn run(globals: &Globals, args: &DeadlineArgs) -> Result<ExitCode, CliError> {
    let config = globals.peek_config();
    let today = globals.today_for(config.as_ref());
    let year = args.year.unwrap_or(today.year());
    let mut schedule = deadline::parse(&args.text, year);
    let written = schedule.relative.as_ref().and_then(|t| t.from_text);
    if let Some(text) = &args.event_date {
        let date = parse_date("--event-date", text)?;
        schedule = dated_from_event(
            &schedule,
            date,
            AnchorSource::Item,
            globals,
            config.as_ref(),
        )?;
    } else if let Some(date) = written {
        // `2023年6月1日起10个工作日内`: the text names the day it counts from.
        schedule = dated_from_event(
            &schedule,
            date,
            AnchorSource::Text,
            globals,
            config.as_ref(),
        )?;
    }
    match args.format {
        DeadlineFormat::Json => outln!(
            "{}",
            crate::text::json_safe(&deadline::to_json_on(&schedule, today).to_string())
        ),
        DeadlineFormat::Text => {
            for line in deadline::explain(&schedule) {
                outln!("{}", sanitize(&line));
            }
        }
    }
    // What could be read is printed either way; text that could not be read is a failure.
    Ok(if schedule.kind == deadline::ScheduleKind::Unparsed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `schedule` dated from an event on `date`, counted on the workspace's holiday calendar
/// when there is a workspace (its `holidays.ron` included), else on the bundled one.
fn dated_from_event(
    schedule: &Schedule,
    date: chrono::NaiveDate,
    source: AnchorSource,
    globals: &Globals,
    config: Option<&WorkspaceConfig>,
) -> Result<Schedule, CliError> {
    if schedule.relative.is_none() {
        return Err(CliError::new(format!(
            "--event-date 不适用:期限“{}”不是从某一事件起算的期限(如“收到通知后10个工作日内”“立行立改”)",
            sanitize(&schedule.text)
        )));
    }
    let calendar = match config {
        Some(config) => calendar_at(&globals.workspace_dir(), config.rules.calendar)?,
        None => WorkCalendar::default(),
    };
    let anchor = Anchor { date, source };
    deadline::dated_from(schedule, anchor, &calendar).ok_or_else(|| {
        CliError::new(format!(
            "无法从事件日期 {date} 计算期限“{}”的截止日期(超出可表示的日期范围)",
            sanitize(&schedule.text)
        ))
    })
}
