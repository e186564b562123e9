//! Atomic replacement of a file, keeping rotating backups of the previous version.
//!
//! Steps: write a temp file in the target's folder → fsync it → make the backup of the
//! current file durable and rotate ([`super::backup`]) → rename the temp file over the
//! target → fsync the folder. A crash at any point leaves the target either old or new,
//! never partial, and every backup complete; a stray temp file (`.<name>.*.tmp`) may remain
//! and is ignored on load and removed by the next save.
//!
//! A target that is a symbolic link is saved through the link: its final target is
//! replaced atomically in its own folder and the link stays in place.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use super::StorageError;
use super::backup::back_up;

/// A point in a save where a test can make it fail.
///
/// The crash points stop the save and leave whatever is on disk as a process killed there
/// would (including temp files), returning [`StorageError::Injected`]. The disk-full points
/// make a write fail with [`ErrorKind::StorageFull`], like a full disk, and the save then
/// cleans up as it does for any write error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailPoint {
    /// Never fail (normal saves).
    Never,
    /// After the temp file is written, before it is synced.
    AfterTempWrite,
    /// After the temp file is synced, before the backup is made.
    AfterTempSync,
    /// After the new backup's temp file is written, before it is synced.
    AfterBackupWrite,
    /// In the middle of the rotation: the oldest backups have shifted, not yet the newest.
    MidRotation,
    /// After the backups rotate, before the rename.
    AfterBackup,
    /// After the rename, before the folder is synced.
    AfterRename,
    /// The disk fills up while the temp file of the new version is written.
    DiskFullInTemp,
    /// The disk fills up while the new backup is written.
    DiskFullInBackup,
}

impl FailPoint {
    /// Every point where a save can crash, in order.
    pub const ALL: [FailPoint; 6] = [
        FailPoint::AfterTempWrite,
        FailPoint::AfterTempSync,
        FailPoint::AfterBackupWrite,
        FailPoint::MidRotation,
        FailPoint::AfterBackup,
        FailPoint::AfterRename,
    ];

    /// Every point where a save can meet a full disk.
    pub const DISK_FULL: [FailPoint; 2] = [FailPoint::DiskFullInTemp, FailPoint::DiskFullInBackup];
}

/// Write `bytes` to `file`, failing like a full disk when `fail` is `full_here`.
pub(super) fn write_bytes(
    file: &mut impl Write,
    bytes: &[u8],
    fail: FailPoint,
    full_here: FailPoint,
) -> std::io::Result<()> {
    if fail == full_here {
        // Half the bytes reach the disk, then it is full: what ENOSPC does to a write.
        file.write_all(&bytes[..bytes.len() / 2])?;
        return Err(std::io::Error::new(
            ErrorKind::StorageFull,
            "No space left on device (injected by a test)",
        ));
    }
    file.write_all(bytes)
}

pub(super) fn check(fail: FailPoint, here: FailPoint, target: &Path) -> Result<(), StorageError> {
    if fail == here {
        Err(StorageError::Injected {
            path: target.to_path_buf(),
            step: here,
        })
    } else {
        Ok(())
    }
}

/// Replace `target` (inside workspace `dir`) with `bytes`, keeping `backups` previous
/// versions in `<dir>/.backup/` under the target's own name (a link's name, not its target's).
pub(super) fn replace_file(
    dir: &Path,
    target: &Path,
    bytes: &[u8],
    backups: usize,
    fail: FailPoint,
) -> Result<(), StorageError> {
    let name = file_name(target);
    let real = resolve_links(target)?;
    let folder = real.parent().unwrap_or(Path::new("."));
    let real_name = file_name(&real);
    remove_stale_temp_files(folder, &real_name);
    let mut temp = new_temp_file(folder, &real_name, &real)?;
    write_bytes(&mut temp, bytes, fail, FailPoint::DiskFullInTemp)
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
    if backups > 0
        && real.exists()
        && let Err(error) = back_up(dir, &real, &name, backups, fail)
    {
        if matches!(error, StorageError::Injected { .. }) {
            keep_as_crash_would(temp);
        }
        return Err(error);
    }
    if fail == FailPoint::AfterBackup {
        keep_as_crash_would(temp);
        return check(fail, FailPoint::AfterBackup, target);
    }
    temp.persist(&real)
        .map_err(|e| StorageError::io(&real, e.error))?;
    check(fail, FailPoint::AfterRename, target)?;
    sync_dir(folder)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The file a save of `path` must replace: `path` itself, or, when it is a symbolic link,
/// the file at the end of the chain of links (which need not exist yet).
fn resolve_links(path: &Path) -> Result<PathBuf, StorageError> {
    let mut at = path.to_path_buf();
    // As many links as the kernel follows before giving up with ELOOP.
    for _ in 0..40 {
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = fs::read_link(&at).map_err(|e| StorageError::io(&at, e))?;
                at = match at.parent() {
                    Some(parent) if next.is_relative() => parent.join(next),
                    _ => next,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(StorageError::io(
        path,
        std::io::Error::other("符号链接层数过多(可能指向自身);请改为普通文件或修正链接"),
    ))
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
pub(super) fn kept_permissions(permissions: fs::Permissions) -> fs::Permissions {
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
pub(super) fn remove_stale_temp_files(folder: &Path, name: &str) {
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
pub(super) fn keep_as_crash_would(temp: tempfile::NamedTempFile) {
    let _ = temp.into_temp_path().keep();
}

/// Make a rename in `folder` durable.
pub(super) fn sync_dir(folder: &Path) -> Result<(), StorageError> {
    #[cfg(unix)]
    {
        let handle = fs::File::open(folder).map_err(|e| StorageError::io(folder, e))?;
        handle.sync_all().map_err(|e| StorageError::io(folder, e))?;
    }
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}
