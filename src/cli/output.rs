//! Writing what `report` and `notices` produce: checked folders and atomic files (temp
//! file in the same folder → fsync → rename), so a failure never leaves half a file.

use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::context::CliError;

/// Check that `dir` is an existing folder duban can write in (by creating and removing a
/// temp file there: permission bits say nothing when running as root).
pub fn check_folder(flag: &str, dir: &Path) -> Result<(), CliError> {
    let shown = dir.display();
    if !dir.is_dir() {
        let what = if dir.exists() {
            "不是文件夹"
        } else {
            "不存在"
        };
        return Err(CliError::new(format!(
            "{flag} 的文件夹 {shown} {what}:请先创建该文件夹或换一个位置"
        )));
    }
    NamedTempFile::with_prefix_in(".duban-check-", dir)
        .map(drop)
        .map_err(|e| {
            CliError::new(format!(
                "{flag} 的文件夹 {shown} 无法写入({e}):请换一个可写的文件夹"
            ))
        })
}

/// The folder a `--out FILE` goes into (its parent, `.` for a bare name), checked, and
/// the file itself must not be a folder.
pub fn check_out_file(path: &Path) -> Result<(), CliError> {
    if path.is_dir() {
        return Err(CliError::new(format!(
            "--out {} 是文件夹:请给出文件名(例如 {}/月报.md)",
            path.display(),
            path.display()
        )));
    }
    check_folder("--out", &parent_of(path))
}

fn parent_of(path: &Path) -> PathBuf {
    crate::storage::staged::parent_of(path)
}

/// A file written in full to a temp file beside its target, not yet in place.
pub use crate::storage::staged::Staged;

/// Write `bytes` to a synced temp file in `target`'s folder.
pub fn stage(target: &Path, bytes: &[u8]) -> Result<Staged, CliError> {
    crate::storage::staged::stage(target, bytes).map_err(|e| CliError::new(e.to_string()))
}

/// Write `bytes` to `target` atomically.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> Result<PathBuf, CliError> {
    stage(target, bytes)?
        .commit()
        .map_err(|e| CliError::new(e.to_string()))
}
