//! `duban deadline [--year Y] [--format text|json] TEXT`: explain how a deadline text reads.
//! Exit 1 when the text cannot be read (the explanation is printed all the same).

use std::process::ExitCode;

use chrono::Datelike;
use clap::{Args, ValueEnum};

use super::context::{CliError, Globals};
use crate::domain::deadline;
use crate::text::sanitize;

/// Output format of `duban deadline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DeadlineFormat {
    /// 文字说明
    Text,
    /// JSON:{"kind","due","milestones","note"}
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
    /// 完成时限原文,例如 "5月底前" 或 "1-3月筹备 后期持续推进"
    pub text: String,
}

/// Parse and print the reading. Needs no workspace (its pinned date is used when one exists).
pub fn run(globals: &Globals, args: &DeadlineArgs) -> Result<ExitCode, CliError> {
    let today = globals.today_for(globals.peek_config().as_ref());
    let year = args.year.unwrap_or(today.year());
    let schedule = deadline::parse(&args.text, year);
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
