//! Creating workspaces (empty, or from the bundled samples), the default location, and the
//! optional holiday overrides.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::format::{parse_config, parse_ledger};
use super::lock::WorkspaceLock;
use super::save::{save_config, save_ledger};
use super::{HOLIDAYS_FILE, LEDGER_DIR, StorageError, config_path};
use crate::domain::WorkspaceConfig;

/// The bundled demo config (`data/duban.ron`).
pub const BUNDLED_CONFIG: &str = include_str!("../../data/duban.ron");

/// The bundled sample ledgers (`data/ledgers/<id>.ron`): id and file text.
pub const BUNDLED_LEDGERS: [(&str, &str); 6] = [
    (
        "2022-shanghai",
        include_str!("../../data/ledgers/2022-shanghai.ron"),
    ),
    (
        "2023-1-zhidu",
        include_str!("../../data/ledgers/2023-1-zhidu.ron"),
    ),
    (
        "2023-2-jichu",
        include_str!("../../data/ledgers/2023-2-jichu.ron"),
    ),
    (
        "2023-3-tese",
        include_str!("../../data/ledgers/2023-3-tese.ron"),
    ),
    (
        "2023-4-zhongdian",
        include_str!("../../data/ledgers/2023-4-zhongdian.ron"),
    ),
    (
        "2024-xuncha",
        include_str!("../../data/ledgers/2024-xuncha.ron"),
    ),
];

/// Create an empty workspace in `dir`: the folder, `ledgers/` and `duban.ron`.
///
/// An existing `duban.ron` is never replaced (the call fails and says so). The check and
/// the writes happen under the workspace lock.
pub fn create_workspace(dir: &Path, config: &WorkspaceConfig) -> Result<(), StorageError> {
    let _lock = WorkspaceLock::acquire(dir)?;
    let path = config_path(dir);
    if path.exists() {
        return Err(StorageError::io(
            &path,
            std::io::Error::new(
                ErrorKind::AlreadyExists,
                "工作区已存在,未改动;请换一个文件夹或直接使用它",
            ),
        ));
    }
    let ledgers = dir.join(LEDGER_DIR);
    fs::create_dir_all(&ledgers).map_err(|e| StorageError::io(&ledgers, e))?;
    save_config(dir, config)
}

/// Create a workspace in `dir` holding the bundled sample ledgers and demo config.
///
/// The files are parsed and written through the normal save path, so they get the current
/// format. Fails (changing nothing) if `dir` already holds a workspace. The whole creation
/// holds the workspace lock.
pub fn create_from_bundled(dir: &Path) -> Result<(), StorageError> {
    let config = parse_config(BUNDLED_CONFIG, Path::new("data/duban.ron"))?;
    let mut ledgers = Vec::new();
    for (id, text) in BUNDLED_LEDGERS {
        ledgers.push(parse_ledger(
            text,
            &PathBuf::from(format!("data/ledgers/{id}.ron")),
        )?);
    }
    let _lock = WorkspaceLock::acquire(dir)?;
    create_workspace(dir, &config)?;
    for ledger in &ledgers {
        save_ledger(dir, ledger, config.backups)?;
    }
    Ok(())
}

/// Where the user's workspace lives by default: `<data dir>/duban/workspace`
/// (e.g. `~/.local/share/duban/workspace` on Linux); `./duban-workspace` when the system
/// names no home folder.
pub fn default_workspace_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "duban")
        .map(|dirs| dirs.data_dir().join("workspace"))
        .unwrap_or_else(|| PathBuf::from("duban-workspace"))
}

/// The text of the workspace's optional `holidays.ron` and its path; `None` when absent.
///
/// Parsing is left to the calendar (`WorkCalendar::from_override_ron`).
pub fn load_holiday_overrides(dir: &Path) -> Result<Option<(String, PathBuf)>, StorageError> {
    let path = dir.join(HOLIDAYS_FILE);
    match fs::read_to_string(&path) {
        Ok(text) => Ok(Some((text, path))),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StorageError::io(&path, e)),
    }
}
