//! Atomic replacement of a file, keeping rotating backups of the previous version.
//!
//! Steps: write a temp file in the same folder → fsync it → copy the current file to
//! `.backup/<name>.1` (older backups shift to `.2 … .N`) → rename the temp file over the
//! target → fsync the folder. A crash at any point leaves the target either old or new,
//! never partial; a stray temp file (`.<name>.*.tmp`) may remain and is ignored on load.

use std::fs;
use std::io::Write;
use std::path::Path;

use super::{BACKUP_DIR, StorageError, backup_path};

/// A point in a save where a test can make it fail as if the process died there.
///
/// When a save reaches the given point it stops, leaves whatever is on disk as a crash
/// would (including the temp file), and returns [`StorageError::Injected`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailPoint {
    /// Never fail (normal saves).
    Never,
    /// After the temp file is written, before it is synced.
    AfterTempWrite,
    /// After the temp file is synced, before the backups rotate.
    AfterTempSync,
    /// After the backups rotate, before the rename.
    AfterBackup,
    /// After the rename, before the folder is synced.
    AfterRename,
}

impl FailPoint {
    /// Every point where a save can be interrupted, in order.
    pub const ALL: [FailPoint; 4] = [
        FailPoint::AfterTempWrite,
        FailPoint::AfterTempSync,
        FailPoint::AfterBackup,
        FailPoint::AfterRename,
    ];
}

fn check(fail: FailPoint, here: FailPoint, target: &Path) -> Result<(), StorageError> {
    if fail == here {
        Err(StorageError::Injected {
            path: target.to_path_buf(),
            step: here,
        })
    } else {
        Ok(())
    }
}

/// Replace `target` (inside workspace `dir`) with `bytes`, keeping `backups` previous versions.
pub(super) fn replace_file(
    dir: &Path,
    target: &Path,
    bytes: &[u8],
    backups: usize,
    fail: FailPoint,
) -> Result<(), StorageError> {
    let folder = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    remove_stale_temp_files(folder, &name);
    let mut temp = new_temp_file(folder, &name, target)?;
    temp.write_all(bytes)
        .map_err(|e| StorageError::io(temp.path(), e))?;
    if fail == FailPoint::AfterTempWrite {
        keep_as_crash_would(temp);
        return check(fail, FailPoint::AfterTempWrite, target);
    }
    temp.as_file()
        .sync_all()
        .map_err(|e| StorageError::io(temp.path(), e))?;
    if fail == FailPoint::AfterTempSync {
        keep_as_crash_would(temp);
        return check(fail, FailPoint::AfterTempSync, target);
    }
    if backups > 0 && target.exists() {
        rotate_backups(dir, target, &name, backups)?;
    }
    if fail == FailPoint::AfterBackup {
        keep_as_crash_would(temp);
        return check(fail, FailPoint::AfterBackup, target);
    }
    temp.persist(target)
        .map_err(|e| StorageError::io(target, e.error))?;
    check(fail, FailPoint::AfterRename, target)?;
    sync_dir(folder)
}

/// A temp file next to the target, created with the user's umask (like a plain create);
/// an existing target's permissions are kept.
fn new_temp_file(
    folder: &Path,
    name: &str,
    target: &Path,
) -> Result<tempfile::NamedTempFile, StorageError> {
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Filtered by the umask like File::create, but never writable by others even
        // under umask 000 (0664 where File::create would give 0666).
        builder.permissions(fs::Permissions::from_mode(0o664));
    }
    let temp = builder
        .tempfile_in(folder)
        .map_err(|e| StorageError::io(folder, e))?;
    if let Ok(meta) = fs::metadata(target) {
        fs::set_permissions(temp.path(), kept_permissions(meta.permissions()))
            .map_err(|e| StorageError::io(temp.path(), e))?;
    }
    Ok(temp)
}

/// The permissions of the file being replaced, minus write access for others.
fn kept_permissions(permissions: fs::Permissions) -> fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::Permissions::from_mode(permissions.mode() & 0o7775)
    }
    #[cfg(not(unix))]
    permissions
}

/// Remove temp files that interrupted saves of `name` left behind. Saves run under the
/// workspace lock, so no other duban is writing one now. Failures are harmless and ignored.
fn remove_stale_temp_files(folder: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if file_name.starts_with(&prefix) && file_name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Leave the temp file on disk, as a process killed at this point would.
fn keep_as_crash_would(temp: tempfile::NamedTempFile) {
    let _ = temp.into_temp_path().keep();
}

/// Shift `.1 … .N-1` to `.2 … .N` and copy the current file to `.1`.
fn rotate_backups(
    dir: &Path,
    target: &Path,
    name: &str,
    backups: usize,
) -> Result<(), StorageError> {
    let backup_dir = dir.join(BACKUP_DIR);
    fs::create_dir_all(&backup_dir).map_err(|e| StorageError::io(&backup_dir, e))?;
    let oldest = backup_path(dir, name, backups);
    if oldest.exists() {
        fs::remove_file(&oldest).map_err(|e| StorageError::io(&oldest, e))?;
    }
    for n in (1..backups).rev() {
        let from = backup_path(dir, name, n);
        if from.exists() {
            let to = backup_path(dir, name, n + 1);
            fs::rename(&from, &to).map_err(|e| StorageError::io(&from, e))?;
        }
    }
    let newest = backup_path(dir, name, 1);
    fs::copy(target, &newest).map_err(|e| StorageError::io(&newest, e))?;
    Ok(())
}

/// Make a rename in `folder` durable.
fn sync_dir(folder: &Path) -> Result<(), StorageError> {
    #[cfg(unix)]
    {
        let handle = fs::File::open(folder).map_err(|e| StorageError::io(folder, e))?;
        handle.sync_all().map_err(|e| StorageError::io(folder, e))?;
    }
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}
