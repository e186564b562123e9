//! Output files (reports, notices) written whole or not at all: the bytes go to a synced
//! temp file beside the target first, and a rename puts it in place only when everything
//! else (e.g. the save that records a notice) has succeeded.

use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// A file that could not be written: which, and why.
#[derive(Debug, thiserror::Error)]
#[error("无法写入 {}({source}):请检查该文件夹", path.display())]
pub struct WriteError {
    /// The file.
    pub path: PathBuf,
    /// The cause.
    pub source: std::io::Error,
}

/// A file written in full to a temp file beside its target, not yet in place.
#[derive(Debug)]
pub struct Staged {
    temp: NamedTempFile,
    target: PathBuf,
}

/// The folder `target` goes into (`.` for a bare name).
pub fn parent_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Write `bytes` to a synced temp file in `target`'s folder.
pub fn stage(target: &Path, bytes: &[u8]) -> Result<Staged, WriteError> {
    let fail = |source| WriteError {
        path: target.to_path_buf(),
        source,
    };
    let mut temp = NamedTempFile::with_prefix_in(".duban-out-", parent_of(target)).map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    Ok(Staged {
        temp,
        target: target.to_path_buf(),
    })
}

impl Staged {
    /// Put the file in place (an atomic rename over any old file); returns its path.
    pub fn commit(self) -> Result<PathBuf, WriteError> {
        let target = self.target;
        match self.temp.persist(&target) {
            Ok(_) => Ok(target),
            Err(e) => Err(WriteError {
                path: target,
                source: e.error,
            }),
        }
    }
}
