//! `duban import FILE --title T --year Y [--id ID] [--format auto|pipe|csv]`: a table → a new ledger.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::context::{CliError, Globals};
use crate::domain::WorkspaceConfig;
use crate::domain::ids::validate_file_id;
use crate::import::{self, Format, ImportOptions};
use crate::storage::{self, CONFIG_FILE, ledger_path};
use crate::text::sanitize;

/// Table format of the input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// 自动判断
    Auto,
    /// 竖线 | 分隔
    Pipe,
    /// CSV
    Csv,
}

/// Arguments of `duban import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// 表格文件(竖线分隔或 CSV,UTF-8)
    pub file: PathBuf,
    /// 台账标题
    #[arg(long)]
    pub title: String,
    /// 台账年份(没写年份的时限属于这一年)
    #[arg(long)]
    pub year: i32,
    /// 台账编号(文件名;默认由标题生成)
    #[arg(long)]
    pub id: Option<String>,
    /// 表格格式
    #[arg(long, value_enum, default_value_t = ImportFormat::Auto)]
    pub format: ImportFormat,
}

/// A file id from a title: `<year>-<pinyin>`, e.g. 制度建设规范年 → `2023-zhidujianshe`.
/// Chinese characters become their plain pinyin, ASCII letters and digits are kept, anything
/// else separates words; the id is cut at a syllable after about 16 letters.
pub fn id_from_title(title: &str, year: i32) -> String {
    use pinyin::ToPinyin;
    let mut id = String::new();
    for c in title.chars() {
        if id.len() >= 16 {
            break;
        }
        if let Some(p) = c.to_pinyin() {
            if id.ends_with(|d: char| d.is_ascii_digit()) {
                id.push('-');
            }
            id.push_str(p.plain());
        } else if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-');
    let year_text = year.to_string();
    if id.is_empty() {
        format!("{year}-ledger")
    } else if id.starts_with(&year_text) {
        id.to_string()
    } else {
        format!("{year}-{id}")
    }
}

/// Import the file into the workspace (creating an empty workspace in an empty or missing folder).
pub fn run(globals: &Globals, args: &ImportArgs) -> Result<ExitCode, CliError> {
    let title = args.title.trim();
    if title.is_empty() {
        return Err(CliError::new("--title 不能为空:请给台账一个标题"));
    }
    if !(1900..=2200).contains(&args.year) {
        return Err(CliError::new(format!(
            "--year {} 不是合理的年份(应在 1900–2200 之间)",
            args.year
        )));
    }
    let id = match &args.id {
        Some(id) => id.trim().to_string(),
        None => id_from_title(title, args.year),
    };
    validate_file_id(&id).map_err(|e| CliError::new(format!("台账编号无效:{e}")))?;
    let text = std::fs::read_to_string(&args.file)
        .map_err(|e| CliError::new(format!("无法读取 {}:{e}", args.file.display())))?;
    let format = match args.format {
        ImportFormat::Auto => Format::Auto,
        ImportFormat::Pipe => Format::Pipe,
        ImportFormat::Csv => Format::Csv,
    };
    let options = ImportOptions {
        title: title.to_string(),
        base_year: args.year,
        id: id.clone(),
    };
    let report = import::import_table(&text, format, options).map_err(|e| {
        let at = match e.line() {
            Some(line) => format!("{}:{line}", args.file.display()),
            None => args.file.display().to_string(),
        };
        CliError::new(format!("{at}: {}", sanitize(&e.to_string())))
    })?;
    if report.ledger.items.is_empty() {
        return Err(CliError::new(format!(
            "{}:没有读到任何事项,未写入台账;请检查表头和分隔符(--format pipe|csv)",
            args.file.display()
        )));
    }
    // Everything is validated before the first byte is written.
    let dir = globals.workspace_dir();
    // A folder that is neither empty nor a workspace is refused before the lock file is
    // created in it.
    existing_workspace(globals)?;
    // The whole read-modify-write (is the id free, the unit list of duban.ron) happens
    // under the workspace lock, so parallel imports keep each other's units.
    let _lock = globals.lock_workspace(&dir)?;
    let existing = existing_workspace(globals)?;
    if ledger_path(&dir, &id).exists() {
        return Err(CliError::new(format!(
            "工作区中已有台账 \"{}\"({}),不会覆盖;请用 --id 指定另一个编号",
            sanitize(&id),
            ledger_path(&dir, &id).display()
        )));
    }
    let mut config = match existing {
        Some(config) => config,
        None => {
            let config = WorkspaceConfig::default();
            storage::create_workspace(&dir, &config)?;
            super::context::warn(&format!("已在 {} 新建空工作区", dir.display()));
            config
        }
    };
    let new_units = add_units(&mut config, &report.ledger);
    storage::save_ledger(&dir, &report.ledger, config.backups)?;
    if new_units > 0 {
        storage::save_config(&dir, &config)?;
    }
    outln!(
        "已导入 {} 个事项 → {}",
        report.ledger.items.len(),
        ledger_path(&dir, &id).display()
    );
    outln!("台账:{}({} 年)", sanitize(title), args.year);
    for (header, field) in &report.recognised {
        outln!("  识别列:{} → {}", sanitize(header), sanitize(field));
    }
    for header in &report.unknown_headers {
        outln!("  未识别列(原样保留):{}", sanitize(header));
    }
    for note in &report.notes {
        outln!("  说明:{}", sanitize(note));
    }
    if new_units > 0 {
        outln!("  新增责任单位 {new_units} 个到工作区单位列表");
    }
    Ok(ExitCode::SUCCESS)
}

/// The config of the workspace in `--dir`; `None` when the folder is empty or missing (a new
/// workspace is then created there); an error for a folder that holds other things.
fn existing_workspace(globals: &Globals) -> Result<Option<WorkspaceConfig>, CliError> {
    let dir = globals.workspace_dir();
    if dir.join(CONFIG_FILE).exists() {
        return Ok(Some(globals.open_config()?.1));
    }
    let empty = std::fs::read_dir(&dir).map_or(true, only_lock_file);
    if !empty {
        return Err(CliError::new(format!(
            "{} 不是空文件夹,也不是 duban 工作区;请指定一个空文件夹或已有工作区(--dir)",
            dir.display()
        )));
    }
    Ok(None)
}

/// Whether a folder's entries are at most duban's lock file (taken before creating a
/// workspace in an empty folder).
pub(crate) fn only_lock_file(entries: std::fs::ReadDir) -> bool {
    entries
        .flatten()
        .all(|e| e.file_name() == storage::LOCK_FILE)
}

/// Add the ledger's units missing from the workspace's unit list; how many were added.
fn add_units(config: &mut WorkspaceConfig, ledger: &crate::domain::Ledger) -> usize {
    let before = config.units.len();
    for item in &ledger.items {
        for unit in item.all_units() {
            if !unit.trim().is_empty() && !config.units.iter().any(|u| u == unit) {
                config.units.push(unit.to_string());
            }
        }
    }
    config.units.len() - before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_titles_are_valid_file_ids() {
        for (title, want) in [
            ("制度建设规范年", "2023-zhidujiansheguifan"),
            ("巡察整改", "2023-xunchazhenggai"),
            ("Plan A/B ../x", "2023-plan-a-b-x"),
            ("2023 重点", "2023-zhongdian"),
            ("2023年度台账", "2023-niandutaizhang"),
            ("///", "2023-ledger"),
        ] {
            let id = id_from_title(title, 2023);
            assert_eq!(id, want);
            assert!(validate_file_id(&id).is_ok(), "{id}");
        }
    }
}
