//! What every command shares: the workspace folder, today's date, the author, errors.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{Datelike, NaiveDate};

use crate::domain::WorkspaceConfig;
use crate::domain::calendar::WorkCalendar;
use crate::storage::{self, CONFIG_FILE, StorageError, Workspace, WorkspaceLock};

/// A command's failure: a one-line message for stderr and the process exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    /// What went wrong, where, and what to do (Chinese, one line).
    pub message: String,
    /// The exit code (2 for errors; 1 is reserved for `check` problems; 3 when another
    /// writer held the workspace lock longer than `--wait`).
    pub code: u8,
}

impl CliError {
    /// Bad input or an unreadable file: exit code 2.
    pub fn new(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            code: 2,
        }
    }
}

impl From<StorageError> for CliError {
    fn from(e: StorageError) -> Self {
        if let StorageError::LockTimeout { .. } = &e {
            return CliError {
                message: format!(
                    "{};请稍后重试,或用 --wait 秒数 延长等待",
                    crate::text::sanitize(&e.to_string())
                ),
                code: LOCK_TIMEOUT_EXIT,
            };
        }
        let detail = match &e {
            StorageError::Parse { .. } => "(此文件无法解析,duban 不会改写它;请修正后重试)",
            _ => "",
        };
        CliError::new(format!("{}{detail}", crate::text::sanitize(&e.to_string())))
    }
}

/// The exit code of a command that gave up waiting for the workspace lock.
pub const LOCK_TIMEOUT_EXIT: u8 = 3;

/// How long writing commands wait for another writer without `--wait`.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(10);

/// The global flags, validated.
#[derive(Debug, Clone)]
pub struct Globals {
    /// `--dir`, if given.
    pub dir: Option<PathBuf>,
    /// `--today`, if given.
    pub today: Option<NaiveDate>,
    /// `--wait`: how long a writing command waits for the workspace lock.
    pub wait: Duration,
}

/// The years a date given on the command line may fall in.
pub const DATE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Parse a `YYYY-MM-DD` date given for `flag`, with a one-line error naming the flag and text.
/// Years outside [`DATE_YEARS`] are refused: no ledger is about them, and they are typos.
pub fn parse_date(flag: &str, text: &str) -> Result<NaiveDate, CliError> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        CliError::new(format!(
            "{flag} 的日期 \"{}\" 无效:应为存在的日期,格式 YYYY-MM-DD(例如 2023-06-15)",
            crate::text::sanitize(text)
        ))
    })?;
    if !DATE_YEARS.contains(&date.year()) {
        return Err(CliError::new(format!(
            "{flag} 的日期 \"{}\" 超出支持的范围:年份应在 {}–{} 之间",
            crate::text::sanitize(text),
            DATE_YEARS.start(),
            DATE_YEARS.end()
        )));
    }
    Ok(date)
}

/// Parse `--wait SECONDS` (whole or decimal seconds, 0 to a day).
pub fn parse_wait(text: &str) -> Result<Duration, CliError> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && (0.0..=86_400.0).contains(s))
        .map(Duration::from_secs_f64)
        .ok_or_else(|| {
            CliError::new(format!(
                "--wait 的值 \"{}\" 无效:应为等待另一个写入者的秒数,0 到 86400 之间(例如 10 或 2.5)",
                crate::text::sanitize(text)
            ))
        })
}

impl Globals {
    /// Validate the global flags (before anything is read or written).
    pub fn new(dir: Option<PathBuf>, today: Option<&str>) -> Result<Self, CliError> {
        let today = today.map(|t| parse_date("--today", t)).transpose()?;
        Ok(Globals {
            dir,
            today,
            wait: DEFAULT_WAIT,
        })
    }

    /// Set how long writing commands wait for the workspace lock (`--wait`, if given).
    pub fn with_wait(self, wait: Option<&str>) -> Result<Self, CliError> {
        Ok(Globals {
            wait: wait.map(parse_wait).transpose()?.unwrap_or(DEFAULT_WAIT),
            ..self
        })
    }

    /// Take the lock of the workspace in `dir` for a writing command, waiting at most
    /// `--wait`. While waiting it says so on stderr (within a second, naming the holder when
    /// the lock file does); after the wait it fails with exit code 3, nothing written.
    /// Hold it around the whole read-modify-write: the save functions take it again freely.
    pub fn lock_workspace(&self, dir: &Path) -> Result<WorkspaceLock, CliError> {
        let wait = self.wait;
        let lock = WorkspaceLock::acquire_within(dir, wait, |holder| {
            let who = holder
                .map(|h| format!("({})", h.describe()))
                .unwrap_or_default();
            eprintln!(
                "duban: 正在等待另一个写入者{who}释放工作区锁 {}(最多等 {} 秒,可用 --wait 秒数 调整)",
                crate::text::sanitize(&dir.join(storage::LOCK_FILE).display().to_string()),
                wait.as_secs_f32()
            );
        })?;
        Ok(lock)
    }

    /// The workspace folder: `--dir`, else the default one in the user's data directory.
    pub fn workspace_dir(&self) -> PathBuf {
        self.dir
            .clone()
            .unwrap_or_else(storage::default_workspace_dir)
    }

    /// Today: `--today`, else the workspace's pinned date, else the local date.
    /// This and [`Globals::date_origin`] are where duban reads the date from the clock.
    pub fn today_for(&self, config: Option<&WorkspaceConfig>) -> NaiveDate {
        self.today
            .or_else(|| config.and_then(|c| c.as_of))
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Now, as a timestamp for audit entries: today's date (as resolved) at the local time.
    pub fn now_for(&self, config: Option<&WorkspaceConfig>) -> chrono::NaiveDateTime {
        let time = chrono::Local::now().time();
        self.today_for(config).and_time(time)
    }

    /// Where today's date comes from (the header marks one that is not the real date).
    pub fn date_origin(&self, config: &WorkspaceConfig) -> crate::app::DateOrigin {
        let real = chrono::Local::now().date_naive();
        crate::app::DateOrigin::of(self.today, config.as_of, real)
    }

    /// Load the workspace. The default folder is created from the bundled samples on first
    /// use (with a message on stderr); a `--dir` that holds no workspace is an error.
    pub fn open_workspace(&self) -> Result<Workspace, CliError> {
        Ok(self.open_or_create_workspace()?.0)
    }

    /// Like [`Globals::open_workspace`], also saying whether this call created the folder.
    pub fn open_or_create_workspace(&self) -> Result<(Workspace, bool), CliError> {
        let dir = self.workspace_dir();
        let mut created = false;
        if !dir.join(CONFIG_FILE).exists() {
            if self.dir.is_some() {
                return Err(no_workspace_error(&dir));
            }
            let _lock = self.lock_workspace(&dir)?;
            // Another duban may have created it while this one waited.
            if !dir.join(CONFIG_FILE).exists() {
                storage::create_from_bundled(&dir)?;
                created = true;
                warn(&format!(
                    "已在 {} 创建工作区,内容为内置的演示数据(示例台账)。开始使用真实台账:duban --dir 路径 import 表格文件 --title 标题 --year 年份",
                    dir.display()
                ));
            }
        }
        Ok((storage::load_workspace(&dir)?, created))
    }

    /// Only the workspace config (for edits that need not load every ledger).
    pub fn open_config(&self) -> Result<(PathBuf, WorkspaceConfig), CliError> {
        let ws_dir = self.workspace_dir();
        if !ws_dir.join(CONFIG_FILE).exists() {
            if self.dir.is_some() {
                return Err(no_workspace_error(&ws_dir));
            }
            let ws = self.open_workspace()?;
            return Ok((ws.dir, ws.config));
        }
        let config = read_config(&ws_dir)?;
        Ok((ws_dir, config))
    }

    /// The workspace config if a workspace exists (never creates one).
    pub fn peek_config(&self) -> Option<WorkspaceConfig> {
        read_config(&self.workspace_dir()).ok()
    }
}

/// Read `duban.ron` of the workspace in `dir`.
fn read_config(dir: &Path) -> Result<WorkspaceConfig, CliError> {
    Ok(storage::load_config(dir)?)
}

/// The workspace's working-day calendar: the bundled holidays plus its `holidays.ron`
/// overrides, counting in the rules' day unit. A bad override file is an error naming
/// its line and column.
pub fn calendar_of(workspace: &Workspace) -> Result<WorkCalendar, CliError> {
    calendar_at(&workspace.dir, workspace.config.rules.calendar)
}

/// [`calendar_of`] for the workspace folder `dir` (without loading its ledgers), counting
/// in `mode`.
pub fn calendar_at(
    dir: &Path,
    mode: crate::domain::CalendarMode,
) -> Result<WorkCalendar, CliError> {
    match storage::load_holiday_overrides(dir)? {
        None => Ok(WorkCalendar::new(mode)),
        Some((text, path)) => WorkCalendar::from_override_ron(&text)
            .map(|c| c.with_mode(mode))
            .map_err(|e| {
                CliError::new(format!(
                    "{}:{}(请修正该文件或删除它以使用内置节假日)",
                    path.display(),
                    crate::text::sanitize(&e.to_string())
                ))
            }),
    }
}

fn no_workspace_error(dir: &Path) -> CliError {
    CliError::new(format!(
        "{} 不是 duban 工作区(缺少 {CONFIG_FILE});新建请用:duban --dir {} import 表格文件 --title 标题 --year 年份",
        dir.display(),
        dir.display()
    ))
}

/// The author of an edit, by the one rule of [`crate::identity`]: `--author`, else
/// `DUBAN_AUTHOR`, else the per-user name in the config folder, else the workspace's
/// `author`, else the login name, else 未署名.
pub fn resolve_author(flag: Option<&str>, config: &WorkspaceConfig) -> String {
    crate::identity::current_author(flag, config.author.as_deref()).name
}

/// Write `text` to stdout, neutralised ([`crate::text::sanitize_multiline`]: paths, names
/// and titles in it cannot drive the terminal). A closed pipe (`duban list | head`) ends
/// output quietly instead of panicking like `println!` would.
pub fn emit(text: &str) {
    use std::io::Write;
    let text = crate::text::sanitize_multiline(text);
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush());
}

/// Write a one-line message to stderr, neutralised like [`emit`].
pub fn warn(line: &str) {
    eprintln!("{}", crate::text::sanitize(line));
}
