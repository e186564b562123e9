//! Saving: atomic writes under the workspace lock, never over a file that does not parse,
//! plus the two read-modify-write helpers the CLI ([`update_ledger`]) and the TUI
//! ([`save_with_merge`]) use.

use std::borrow::Cow;
use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use super::atomic::{FailPoint, replace_file};
use super::format::{config_to_string, ledger_to_string, parse_config, parse_ledger};
use super::load::read_text;
use super::lock::{Fingerprint, WorkspaceLock};
use super::merge::{MergeOutcome, merge_ledgers};
use super::{FORMAT_VERSION, LEDGER_DIR, LoadedLedger, StorageError, config_path, ledger_path};
use crate::domain::ids::validate_file_id;
use crate::domain::{Ledger, WorkspaceConfig};

/// The current content of a file that is about to be replaced.
enum OnDisk {
    /// There is no file yet.
    Missing,
    /// The file's text and fingerprint.
    Text(String, Fingerprint),
}

/// Read the file at `path`; a file that cannot be read as text is refused for overwriting.
fn read_on_disk(path: &Path) -> Result<OnDisk, StorageError> {
    match read_text(path) {
        Ok((text, fingerprint)) => Ok(OnDisk::Text(text, fingerprint)),
        Err(StorageError::Io { source, .. }) if source.kind() == ErrorKind::NotFound => {
            Ok(OnDisk::Missing)
        }
        Err(error @ StorageError::Io { .. }) => Err(error),
        Err(other) => Err(refused(path, &other)),
    }
}

fn refused(path: &Path, error: &StorageError) -> StorageError {
    StorageError::RefusedOverwrite {
        path: path.to_path_buf(),
        reason: error.to_string(),
    }
}

/// The ledger with the current format version (cloned only when it differs).
fn current_format(ledger: &Ledger) -> Cow<'_, Ledger> {
    if ledger.format == FORMAT_VERSION {
        Cow::Borrowed(ledger)
    } else {
        let mut copy = ledger.clone();
        copy.format = FORMAT_VERSION;
        Cow::Owned(copy)
    }
}

/// Write `text` to `path` unless the disk already holds exactly it. Returns the new fingerprint.
fn write_if_changed(
    dir: &Path,
    path: &Path,
    text: &str,
    disk: &OnDisk,
    backups: usize,
    fail: FailPoint,
) -> Result<Fingerprint, StorageError> {
    if let OnDisk::Text(old, fingerprint) = disk
        && old == text
    {
        return Ok(*fingerprint);
    }
    replace_file(dir, path, text.as_bytes(), backups, fail)?;
    Ok(Fingerprint::of(text.as_bytes()))
}

/// Write a ledger (already locked): refuses to replace a file that does not parse.
/// `known_good` is the fingerprint of a version that parsed, which need not be parsed again.
pub(super) fn write_ledger_locked(
    dir: &Path,
    ledger: &Ledger,
    backups: usize,
    fail: FailPoint,
    known_good: Option<Fingerprint>,
) -> Result<LoadedLedger, StorageError> {
    validate_file_id(&ledger.id)?;
    let path = ledger_path(dir, &ledger.id);
    let folder = dir.join(LEDGER_DIR);
    fs::create_dir_all(&folder).map_err(|e| StorageError::io(&folder, e))?;
    let disk = read_on_disk(&path)?;
    if let OnDisk::Text(text, fingerprint) = &disk
        && known_good != Some(*fingerprint)
    {
        parse_ledger(text, &path).map_err(|e| refused(&path, &e))?;
    }
    let ledger = current_format(ledger);
    let text = ledger_to_string(&ledger);
    let fingerprint = write_if_changed(dir, &path, &text, &disk, backups, fail)?;
    Ok(LoadedLedger {
        ledger: ledger.into_owned(),
        path,
        fingerprint,
    })
}

/// Save a ledger to `<dir>/ledgers/<id>.ron` atomically, keeping `backups` previous versions.
///
/// It replaces whatever is on disk (use [`update_ledger`] or [`save_with_merge`] to keep
/// others' changes) but never a file that does not parse: that is refused with an error
/// naming the file.
pub fn save_ledger(dir: &Path, ledger: &Ledger, backups: usize) -> Result<(), StorageError> {
    save_ledger_with(dir, ledger, backups, FailPoint::Never)
}

/// [`save_ledger`] that stops at `fail` as if the process died there (for tests).
#[doc(hidden)]
pub fn save_ledger_with(
    dir: &Path,
    ledger: &Ledger,
    backups: usize,
    fail: FailPoint,
) -> Result<(), StorageError> {
    let _lock = WorkspaceLock::acquire(dir)?;
    write_ledger_locked(dir, ledger, backups, fail, None).map(|_| ())
}

/// Save the workspace config to `<dir>/duban.ron` atomically, keeping `config.backups`
/// previous versions; never over a config that does not parse.
pub fn save_config(dir: &Path, config: &WorkspaceConfig) -> Result<(), StorageError> {
    save_config_with(dir, config, FailPoint::Never)
}

/// [`save_config`] that stops at `fail` as if the process died there (for tests).
#[doc(hidden)]
pub fn save_config_with(
    dir: &Path,
    config: &WorkspaceConfig,
    fail: FailPoint,
) -> Result<(), StorageError> {
    fs::create_dir_all(dir).map_err(|e| StorageError::io(dir, e))?;
    let _lock = WorkspaceLock::acquire(dir)?;
    write_config_locked(dir, config, fail)
}

/// Write the config (the workspace lock already held): never over a config that does not
/// parse, and not at all when the disk already holds the same text.
pub(super) fn write_config_locked(
    dir: &Path,
    config: &WorkspaceConfig,
    fail: FailPoint,
) -> Result<(), StorageError> {
    let path = config_path(dir);
    let disk = read_on_disk(&path)?;
    if let OnDisk::Text(text, _) = &disk {
        parse_config(text, &path).map_err(|e| refused(&path, &e))?;
    }
    let text = if config.format == FORMAT_VERSION {
        config_to_string(config)
    } else {
        config_to_string(&WorkspaceConfig {
            format: FORMAT_VERSION,
            ..config.clone()
        })
    };
    write_if_changed(dir, &path, &text, &disk, config.backups, fail).map(|_| ())
}

/// Change one ledger as a transaction: lock the workspace, read the ledger fresh from disk,
/// apply `edit`, save atomically, unlock. Concurrent updates (other processes included)
/// therefore never lose each other's changes.
///
/// When `edit` fails nothing is written and its error is returned. The ledger must exist;
/// a ledger file that does not parse is reported and left untouched.
pub fn update_ledger<T, E>(
    dir: &Path,
    id: &str,
    backups: usize,
    edit: impl FnOnce(&mut Ledger) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<StorageError>,
{
    validate_file_id(id).map_err(StorageError::from)?;
    let _lock = WorkspaceLock::acquire(dir)?;
    let path = ledger_path(dir, id);
    let text = match read_on_disk(&path)? {
        OnDisk::Text(text, _) => text,
        OnDisk::Missing => return Err(StorageError::NoSuchLedger { path }.into()),
    };
    let mut ledger = parse_ledger(&text, &path).map_err(|e| refused(&path, &e))?;
    let result = edit(&mut ledger)?;
    let ledger = current_format(&ledger);
    let new_text = ledger_to_string(&ledger);
    if new_text != text {
        replace_file(dir, &path, new_text.as_bytes(), backups, FailPoint::Never)?;
    }
    Ok(result)
}

/// Save `edited` (which started as `base`) without overwriting changes others made since
/// `base` was loaded: under the lock, if the file is still `base` it is simply replaced;
/// otherwise the disk version is merged with ours per item and per field (see
/// [`super::merge`]), conflicts keep the disk's value and are returned.
pub fn save_with_merge(
    dir: &Path,
    base: &LoadedLedger,
    edited: &Ledger,
    backups: usize,
) -> Result<MergeOutcome, StorageError> {
    validate_file_id(&edited.id)?;
    let _lock = WorkspaceLock::acquire(dir)?;
    merge_locked(dir, base, edited, backups, FailPoint::Never)
}

/// [`save_with_merge`] that never waits for the lock: when another writer holds it, nothing
/// is written and [`StorageError::LockTimeout`] (after no wait) names the holder. Stops at `fail` as if the process
/// died there (tests; [`FailPoint::Never`] otherwise). For the interactive app, whose
/// keys must keep working while another writer is stuck.
pub fn try_save_with_merge(
    dir: &Path,
    base: &LoadedLedger,
    edited: &Ledger,
    backups: usize,
    fail: FailPoint,
) -> Result<MergeOutcome, StorageError> {
    validate_file_id(&edited.id)?;
    let Some(_lock) = WorkspaceLock::try_acquire(dir)? else {
        return Err(StorageError::LockTimeout {
            path: dir.join(super::LOCK_FILE),
            holder: super::LockHolder::read(dir).map(|h| h.describe()),
            waited: std::time::Duration::ZERO,
        });
    };
    merge_locked(dir, base, edited, backups, fail)
}

/// The body of [`save_with_merge`], with the lock held.
fn merge_locked(
    dir: &Path,
    base: &LoadedLedger,
    edited: &Ledger,
    backups: usize,
    fail: FailPoint,
) -> Result<MergeOutcome, StorageError> {
    let path = ledger_path(dir, &edited.id);
    let theirs = match read_on_disk(&path)? {
        OnDisk::Text(_, fingerprint) if fingerprint == base.fingerprint => None,
        OnDisk::Missing => None,
        OnDisk::Text(text, fingerprint) => {
            let theirs = parse_ledger(&text, &path).map_err(|e| refused(&path, &e))?;
            Some((theirs, fingerprint))
        }
    };
    match theirs {
        None => Ok(MergeOutcome {
            loaded: write_ledger_locked(dir, edited, backups, fail, Some(base.fingerprint))?,
            merged: false,
            conflicts: Vec::new(),
        }),
        Some((theirs, fingerprint)) => {
            let (merged, conflicts) = merge_ledgers(&base.ledger, edited, &theirs);
            Ok(MergeOutcome {
                loaded: write_ledger_locked(dir, &merged, backups, fail, Some(fingerprint))?,
                merged: true,
                conflicts,
            })
        }
    }
}
