//! The command line (clap): the TUI by default, and the non-interactive commands.
//!
//! One file per command. Every command shares [`context`] for the workspace folder,
//! "today" (the only place the clock is read) and the author of edits.
//! Errors are one line on stderr (argument errors too: [`arg_errors`]); exit codes: 0 ok,
//! 1 problems found (`check`, `list` with an unreadable ledger, an unreadable `deadline`),
//! 2 errors, 3 gave up waiting for another writer (`--wait`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// `println!` for command output: a closed pipe ends output quietly instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::context::emit(&format!("{}\n", format_args!($($arg)*)))
    };
}

mod arg_errors;
pub mod check;
pub mod context;
pub mod deadline;
mod edit;
pub mod event;
pub mod export;
pub mod gen_cmd;
pub mod import;
mod import_read;
pub mod list;
mod list_output;
pub mod merge_sheet;
pub mod note;
pub mod notices;
mod output;
pub mod report;
pub mod status;
pub mod submit;
mod unit_hint;

pub use context::{CliError, Globals};

/// `duban [--dir DIR] [--today YYYY-MM-DD] <command>`.
#[derive(Debug, Parser)]
#[command(
    name = "duban",
    version,
    about = "督办:台账浏览与红黄蓝黑四色预警",
    long_about = "督办:按台账、责任单位和时限浏览工作台账,查看每个事项的红/黄/蓝/黑预警及原因,记录状态和进展。\n不带子命令时打开交互界面。"
)]
pub struct Cli {
    /// 工作区文件夹(默认:用户数据目录下的 duban 工作区)
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// 以此日期为"今天"计算预警(默认:工作区固定的日期,否则本机日期)
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// 写入时最多等待另一个写入者释放工作区锁的秒数(默认 10;超时退出码 3,不写入)
    #[arg(
        long,
        global = true,
        value_name = "SECONDS",
        allow_negative_numbers = true
    )]
    pub wait: Option<String>,
    /// The command; none opens the TUI.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The non-interactive commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查工作区:每个台账的事项数和问题
    Check(check::CheckArgs),
    /// 把表格(Excel/WPS 工作簿、CSV 或竖线分隔)导入为新台账
    Import(import::ImportArgs),
    /// 导出台账为 Excel 工作簿或 CSV
    Export(export::ExportArgs),
    /// 解释一个完成时限如何被读取
    Deadline(deadline::DeadlineArgs),
    /// 列出事项及其预警颜色和原因
    List(list::ListArgs),
    /// 收回单位填写后交回的工作表:比对进展和状态,加 --apply 写入
    MergeSheet(merge_sheet::MergeSheetArgs),
    /// 给事项添加一条进展记录
    Note(note::NoteArgs),
    /// 修改事项状态
    Status(status::StatusArgs),
    /// 登记周期性报送(如每年10月底前的年度报告)某一期已报送
    Submit(submit::SubmitArgs),
    /// 登记期限起算的事件日期(如“问题反馈后10个工作日内”的反馈日、“立行立改”的交办日)
    Event(event::EventArgs),
    /// 生成用于测试和基准的合成工作区
    Gen(gen_cmd::GenArgs),
    /// 按单位生成提示单、催办单、督办单、整改通知单(--out 或 --record 时发出并登记)
    Notices(notices::NoticesArgs),
    /// 月报、整改进展报告、结项验收报告
    Report(report::ReportArgs),
}

/// Entry point of the `duban` binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let args: Vec<String> = std::env::args_os()
                .skip(1)
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            return arg_errors::report(&err, &args);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            context::warn(&format!("duban: {}", err.message));
            ExitCode::from(err.code)
        }
    }
}

/// Run a parsed command line; the exit code on success, a one-line error otherwise.
pub fn run(cli: Cli) -> Result<ExitCode, CliError> {
    let globals = Globals::new(cli.dir, cli.today.as_deref())?.with_wait(cli.wait.as_deref())?;
    match cli.command {
        None => open_tui(&globals),
        Some(Command::Check(args)) => check::run(&globals, &args),
        Some(Command::Import(args)) => import::run(&globals, &args),
        Some(Command::Export(args)) => export::run(&globals, &args),
        Some(Command::Deadline(args)) => deadline::run(&globals, &args),
        Some(Command::List(args)) => list::run(&globals, &args),
        Some(Command::MergeSheet(args)) => merge_sheet::run(&globals, &args),
        Some(Command::Note(args)) => note::run(&globals, &args),
        Some(Command::Submit(args)) => submit::run(&globals, &args),
        Some(Command::Event(args)) => event::run(&globals, &args),
        Some(Command::Status(args)) => status::run(&globals, &args),
        Some(Command::Gen(args)) => gen_cmd::run(&globals, &args),
        Some(Command::Notices(args)) => notices::run(&globals, &args),
        Some(Command::Report(args)) => report::run(&globals, &args),
    }
}

fn open_tui(globals: &Globals) -> Result<ExitCode, CliError> {
    let (workspace, created) = globals.open_or_create_workspace()?;
    let today = globals.today_for(Some(&workspace.config));
    let start = crate::app::Start {
        date: globals.date_origin(&workspace.config),
        created: created.then(|| workspace.dir.clone()),
    };
    // Exit code 2 like every other error (1 is reserved for `check` problems).
    let exit = crate::tui::run(workspace, today, &start)
        .map_err(|e| CliError::new(crate::text::sanitize(&format!("{e:#}")).into_owned()))?;
    if let Some(message) = &exit.message {
        eprintln!("duban: {}", crate::text::sanitize(message));
    }
    Ok(ExitCode::from(exit.code))
}
