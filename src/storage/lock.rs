//! Several writers: the workspace's advisory lock and the fingerprint of a loaded file.

use std::fs::{self, File, OpenOptions};
use std::hash::{DefaultHasher, Hasher};
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};

use super::{LOCK_FILE, StorageError};

/// An exclusive advisory lock on a workspace (`<dir>/.duban.lock`), held until dropped.
///
/// Every duban process takes it around each read-modify-write of a workspace file, so two
/// writers never interleave. It is advisory: editors and other programs ignore it.
#[derive(Debug)]
pub struct WorkspaceLock {
    file: File,
    path: PathBuf,
}

impl WorkspaceLock {
    /// Wait for and take the lock of the workspace in `dir`.
    pub fn acquire(dir: &Path) -> Result<WorkspaceLock, StorageError> {
        let (file, path) = open_lock_file(dir)?;
        fs4::FileExt::lock(&file).map_err(|e| StorageError::io(&path, e))?;
        Ok(WorkspaceLock { file, path }.signed())
    }

    /// Take the lock of the workspace in `dir` if no one holds it; `Ok(None)` when another
    /// writer does (never waits, so an interactive caller can say so and retry).
    pub fn try_acquire(dir: &Path) -> Result<Option<WorkspaceLock>, StorageError> {
        let (file, path) = open_lock_file(dir)?;
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => Ok(Some(WorkspaceLock { file, path }.signed())),
            Err(fs4::TryLockError::WouldBlock) => Ok(None),
            Err(fs4::TryLockError::Error(e)) => Err(StorageError::io(&path, e)),
        }
    }

    /// Who holds the lock of the workspace in `dir`, as its holder wrote it into the lock
    /// file ("进程 1234 · 主机 host"); None when the file says nothing readable.
    pub fn holder(dir: &Path) -> Option<String> {
        let text = fs::read_to_string(dir.join(LOCK_FILE)).ok()?;
        let line = text.lines().next()?.trim();
        (!line.is_empty()).then(|| crate::text::sanitize(line).into_owned())
    }

    /// Write who holds the lock into the lock file, for writers that have to wait.
    /// Best effort: a lock file that cannot be written still locks.
    fn signed(mut self) -> Self {
        let host = fs::read_to_string("/proc/sys/kernel/hostname")
            .or_else(|_| fs::read_to_string("/etc/hostname"))
            .map(|h| h.trim().to_string())
            .unwrap_or_default();
        let mut line = format!("进程 {}", std::process::id());
        if !host.is_empty() {
            line.push_str(&format!(" · 主机 {host}"));
        }
        let _ = self.file.set_len(0);
        let _ = self.file.rewind();
        let _ = writeln!(self.file, "{line}");
        self
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Open (creating) the lock file of the workspace in `dir`.
fn open_lock_file(dir: &Path) -> Result<(File, PathBuf), StorageError> {
    let path = dir.join(LOCK_FILE);
    fs::create_dir_all(dir).map_err(|e| StorageError::io(dir, e))?;
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| StorageError::io(&path, e))?;
    Ok((file, path))
}

impl Drop for WorkspaceLock {
    fn drop(&mut self) {
        // Closing the file releases the lock as well; unlocking first makes it explicit.
        let _ = fs4::FileExt::unlock(&self.file);
    }
}

/// What a file's bytes were when loaded: length and a hash of the content.
///
/// Compared before a save to notice that someone else changed the file meanwhile. A
/// missing file has the fingerprint of empty content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
}

impl Fingerprint {
    /// The fingerprint of these bytes.
    pub fn of(bytes: &[u8]) -> Fingerprint {
        let mut hasher = DefaultHasher::new();
        hasher.write(bytes);
        Fingerprint {
            len: bytes.len() as u64,
            hash: hasher.finish(),
        }
    }
}
