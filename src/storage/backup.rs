//! Backups of saved files (`.backup/<name>.1 … .N`, newest first): made with the same
//! discipline as a save, and checked.
//!
//! A new backup is written to a temp file in `.backup/` and synced before anything moves;
//! only then do the older ones shift up (each by one atomic rename, the oldest dropping
//! out) and the new one is renamed to `.1`. So a full disk leaves every backup as it was,
//! and a kill at any point leaves complete backups only (at worst one number missing).
//! A version already kept as `.1` is not kept again, so saves that keep failing after the
//! backup step do not push older versions out.

use std::fs;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

use super::atomic::{
    FailPoint, check, keep_as_crash_would, kept_permissions, remove_stale_temp_files, sync_dir,
    write_bytes,
};
use super::format::{parse_config, parse_ledger};
use super::{BACKUP_DIR, CONFIG_FILE, StorageError, backup_path};

/// Keep the current content of `current` as backup `.1` of `name` in workspace `dir`,
/// shifting older backups up to `.backups`. Called before `current` is replaced.
pub(super) fn back_up(
    dir: &Path,
    current: &Path,
    name: &str,
    backups: usize,
    fail: FailPoint,
) -> Result<(), StorageError> {
    let backup_dir = dir.join(BACKUP_DIR);
    fs::create_dir_all(&backup_dir).map_err(|e| StorageError::io(&backup_dir, e))?;
    remove_stale_temp_files(&backup_dir, name);

    let mut bytes = Vec::new();
    let meta = fs::File::open(current)
        .and_then(|mut f| {
            f.read_to_end(&mut bytes)?;
            f.metadata()
        })
        .map_err(|e| StorageError::io(current, e))?;
    let newest = backup_path(dir, name, 1);
    if fs::read(&newest).is_ok_and(|b| b == bytes) {
        // Already kept (a save interrupted after its backup): rotating again would push an
        // older version out for a copy of this one.
        return Ok(());
    }
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&backup_dir)
        .map_err(|e| StorageError::io(&backup_dir, e))?;
    fs::set_permissions(temp.path(), kept_permissions(meta.permissions()))
        .map_err(|e| StorageError::io(temp.path(), e))?;
    // On a write error the temp file is dropped (removed) and no backup has moved.
    write_bytes(&mut temp, &bytes, fail, FailPoint::DiskFullInBackup)
        .map_err(|e| StorageError::io(temp.path(), e))?;
    if fail == FailPoint::AfterBackupWrite {
        keep_as_crash_would(temp);
        return check(fail, FailPoint::AfterBackupWrite, current);
    }
    temp.as_file()
        .sync_all()
        .map_err(|e| StorageError::io(temp.path(), e))?;

    // The new backup is durable: shift the older ones, oldest first (a rename over `.N`
    // drops the oldest).
    for n in (1..backups).rev() {
        let from = backup_path(dir, name, n);
        match fs::rename(&from, backup_path(dir, name, n + 1)) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => continue,
            Err(e) => return Err(StorageError::io(&from, e)),
        }
        if fail == FailPoint::MidRotation {
            keep_as_crash_would(temp);
            return check(fail, FailPoint::MidRotation, current);
        }
    }
    temp.persist(&newest)
        .map_err(|e| StorageError::io(&newest, e.error))?;
    sync_dir(&backup_dir)
}

/// A backup that does not parse (it would not help to restore from it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenBackup {
    /// The backup file.
    pub path: PathBuf,
    /// Why it does not parse: file:line:column and what was expected.
    pub message: String,
}

/// Parse every backup in `<dir>/.backup/` (ledgers as ledgers, `duban.ron.N` as a config)
/// and return those that do not parse, sorted by path. Temp files of interrupted saves
/// (dot files) are not backups and are skipped; a missing folder holds no broken backup.
pub fn broken_backups(dir: &Path) -> Result<Vec<BrokenBackup>, StorageError> {
    let backup_dir = dir.join(BACKUP_DIR);
    let entries = match fs::read_dir(&backup_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StorageError::io(&backup_dir, e)),
    };
    let mut broken = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| StorageError::io(&backup_dir, e))?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some((original, number)) = file_name.rsplit_once('.') else {
            continue;
        };
        if file_name.starts_with('.')
            || number.parse::<usize>().is_err()
            || !original.ends_with(".ron")
        {
            continue;
        }
        let path = entry.path();
        let parsed = fs::read(&path)
            .map_err(|e| StorageError::io(&path, e))
            .and_then(|bytes| {
                let text = String::from_utf8(bytes).map_err(|_| StorageError::Parse {
                    path: path.clone(),
                    line: 1,
                    column: 1,
                    message: "文件不是 UTF-8 编码".to_string(),
                })?;
                if text.is_empty() {
                    return Err(StorageError::Parse {
                        path: path.clone(),
                        line: 1,
                        column: 1,
                        message: "文件为空(0 字节)".to_string(),
                    });
                }
                if original == CONFIG_FILE {
                    parse_config(&text, &path).map(|_| ())
                } else {
                    parse_ledger(&text, &path).map(|_| ())
                }
            });
        if let Err(error) = parsed {
            broken.push(BrokenBackup {
                path,
                message: error.to_string(),
            });
        }
    }
    broken.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(broken)
}
