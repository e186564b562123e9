//! Recovery files: edits the app could not save into their ledger are written, whole
//! ledger by ledger, to `<workspace>/recovery/<id>-<stamp>.ron` (or, when the workspace
//! cannot be written at all, to the same name under the system's temp folder), so the user
//! can compare them with the ledger and copy them over it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::format::ledger_to_string;
use super::{FORMAT_VERSION, StorageError};
use crate::domain::Ledger;

/// The folder of recovery files inside a workspace.
pub const RECOVERY_DIR: &str = "recovery";

/// Write each ledger to its own recovery file named with `stamp` (e.g. `20240603-101500`),
/// first in `<dir>/recovery/`, else in `<temp>/duban-recovery/`. Returns the files
/// written, in the order of `ledgers`. Nothing of the workspace's ledger files is touched.
pub fn write_recovery(
    dir: &Path,
    ledgers: &[&Ledger],
    stamp: &str,
) -> Result<Vec<PathBuf>, StorageError> {
    let inside = dir.join(RECOVERY_DIR);
    match write_all_in(&inside, ledgers, stamp) {
        Ok(paths) => Ok(paths),
        Err(first) => {
            let outside = std::env::temp_dir().join("duban-recovery");
            write_all_in(&outside, ledgers, stamp).map_err(|_| first)
        }
    }
}

fn write_all_in(
    folder: &Path,
    ledgers: &[&Ledger],
    stamp: &str,
) -> Result<Vec<PathBuf>, StorageError> {
    fs::create_dir_all(folder).map_err(|e| StorageError::io(folder, e))?;
    ledgers
        .iter()
        .map(|ledger| {
            let path = folder.join(format!("{}-{stamp}.ron", ledger.id));
            let mut copy = (*ledger).clone();
            copy.format = FORMAT_VERSION;
            write_synced(&path, ledger_to_string(&copy).as_bytes())?;
            Ok(path)
        })
        .collect()
}

/// Create `path` (never replacing a file) with `bytes`, synced to disk. A write that fails
/// (a full disk) removes the partial file, so no empty recovery file is left to mislead.
fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| StorageError::io(path, e))?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if written.is_err() {
        drop(file);
        let _ = fs::remove_file(path);
    }
    written.map_err(|e| StorageError::io(path, e))
}
