//! Loading a workspace: the config, every ledger that parses, and a report of those that do not.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use super::format::{parse_config, parse_ledger};
use super::lock::Fingerprint;
use super::{BrokenLedger, LEDGER_DIR, LoadedLedger, StorageError, Workspace, config_path};
use crate::domain::WorkspaceConfig;

/// Read a file as UTF-8 text; bytes that are not UTF-8 are a parse error with a position.
pub(super) fn read_text(path: &Path) -> Result<(String, Fingerprint), StorageError> {
    let bytes = fs::read(path).map_err(|e| StorageError::io(path, e))?;
    let fingerprint = Fingerprint::of(&bytes);
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, fingerprint)),
        Err(error) => {
            let good = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let good = String::from_utf8_lossy(good);
            let line = good.matches('\n').count() + 1;
            let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(StorageError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message: "文件不是 UTF-8 编码;请用 UTF-8 保存".to_string(),
            })
        }
    }
}

/// Load the workspace config (`duban.ron`) of `dir`.
pub fn load_config(dir: &Path) -> Result<WorkspaceConfig, StorageError> {
    let path = config_path(dir);
    match read_text(&path) {
        Ok((text, _)) => parse_config(&text, &path),
        Err(StorageError::Io { source, .. }) if source.kind() == ErrorKind::NotFound => {
            Err(StorageError::NotAWorkspace { path })
        }
        Err(other) => Err(other),
    }
}

/// Load one ledger file.
pub fn load_ledger(path: &Path) -> Result<LoadedLedger, StorageError> {
    let (text, fingerprint) = match read_text(path) {
        Err(StorageError::Io { source, .. }) if source.kind() == ErrorKind::NotFound => {
            return Err(StorageError::NoSuchLedger {
                path: path.to_path_buf(),
            });
        }
        other => other?,
    };
    let ledger = parse_ledger(&text, path)?;
    Ok(LoadedLedger {
        ledger,
        path: path.to_path_buf(),
        fingerprint,
    })
}

/// Load the workspace in `dir`: its config (an error if missing or broken) and every
/// `ledgers/*.ron`. Ledgers that fail to load are listed in [`Workspace::broken`] and the
/// others stay usable; loaded ledgers are sorted by id. A ledger whose id differs from its
/// file name loads too: see [`LoadedLedger::file_name_problem`].
pub fn load_workspace(dir: &Path) -> Result<Workspace, StorageError> {
    let config = load_config(dir)?;
    let ledger_dir = dir.join(LEDGER_DIR);
    let mut files = Vec::new();
    match fs::read_dir(&ledger_dir) {
        Ok(entries) => {
            for entry in entries {
                let entry = entry.map_err(|e| StorageError::io(&ledger_dir, e))?;
                let path = entry.path();
                let name = entry.file_name();
                let name = name.to_string_lossy();
                // Dot files are temp files of interrupted saves or editor leftovers.
                if name.ends_with(".ron") && !name.starts_with('.') && path.is_file() {
                    files.push(path);
                }
            }
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(StorageError::io(&ledger_dir, e)),
    }
    files.sort();
    let mut workspace = Workspace {
        dir: dir.to_path_buf(),
        config,
        ledgers: Vec::new(),
        broken: Vec::new(),
    };
    for path in files {
        match load_ledger(&path) {
            Ok(loaded) => workspace.ledgers.push(loaded),
            Err(error) => workspace.broken.push(BrokenLedger {
                path: path.clone(),
                message: format!(
                    "{error}\n  该台账未载入,duban 不会改写此文件;请用文本编辑器修正上述位置(以前的版本在 .backup/ 中)"
                ),
            }),
        }
    }
    workspace
        .ledgers
        .sort_by(|a, b| a.ledger.id.cmp(&b.ledger.id));
    Ok(workspace)
}

/// Whether the file of `loaded` now holds other bytes than those it was loaded from (another
/// duban or an editor changed it, or it was removed). For a TUI to notice and reload.
pub fn changed_on_disk(loaded: &LoadedLedger) -> Result<bool, StorageError> {
    match fs::read(&loaded.path) {
        Ok(bytes) => Ok(Fingerprint::of(&bytes) != loaded.fingerprint),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(true),
        Err(e) => Err(StorageError::io(&loaded.path, e)),
    }
}
