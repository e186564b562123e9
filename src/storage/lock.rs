//! Several writers: the workspace's advisory lock and the fingerprint of a loaded file.

use std::fs::{self, File, OpenOptions};
use std::hash::{DefaultHasher, Hasher};
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
        let path = dir.join(LOCK_FILE);
        fs::create_dir_all(dir).map_err(|e| StorageError::io(dir, e))?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| StorageError::io(&path, e))?;
        fs4::FileExt::lock(&file).map_err(|e| StorageError::io(&path, e))?;
        Ok(WorkspaceLock { file, path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
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
