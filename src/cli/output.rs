//! Writing what `report` and `notices` produce: checked folders and atomic files (temp
//! file in the same folder → fsync → rename), so a failure never leaves half a file.

use std::io::Write;
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
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A file written in full to a temp file beside its target, not yet in place.
#[derive(Debug)]
pub struct Staged {
    temp: NamedTempFile,
    target: PathBuf,
}

/// Write `bytes` to a synced temp file in `target`'s folder.
pub fn stage(target: &Path, bytes: &[u8]) -> Result<Staged, CliError> {
    let folder = parent_of(target);
    let fail = |e: std::io::Error| {
        CliError::new(format!("无法写入 {}({e}):请检查该文件夹", target.display()))
    };
    let mut temp = NamedTempFile::with_prefix_in(".duban-out-", &folder).map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    Ok(Staged {
        temp,
        target: target.to_path_buf(),
    })
}

impl Staged {
    /// Put the file in place (an atomic rename over any old file); returns its path.
    pub fn commit(self) -> Result<PathBuf, CliError> {
        let target = self.target;
        self.temp.persist(&target).map_err(|e| {
            CliError::new(format!(
                "无法写入 {}({}):请检查该文件夹",
                target.display(),
                e.error
            ))
        })?;
        Ok(target)
    }
}

/// Write `bytes` to `target` atomically.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> Result<PathBuf, CliError> {
    stage(target, bytes)?.commit()
}
