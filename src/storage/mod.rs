//! Storage: the RON format, atomic saves with backups, locking and merging.
//!
//! Layout of a workspace folder:
//! - `duban.ron` — the [`WorkspaceConfig`];
//! - `ledgers/<id>.ron` — one [`Ledger`] per file;
//! - `holidays.ron` — optional calendar overrides.

use std::path::{Path, PathBuf};

use crate::domain::{Ledger, WorkspaceConfig};

/// The current file format version.
pub const FORMAT_VERSION: u32 = 1;
/// The workspace config file name.
pub const CONFIG_FILE: &str = "duban.ron";
/// The folder holding the ledger files.
pub const LEDGER_DIR: &str = "ledgers";

/// A ledger as loaded from disk.
#[derive(Debug, Clone)]
pub struct LoadedLedger {
    /// The ledger.
    pub ledger: Ledger,
    /// Where it was read from.
    pub path: PathBuf,
}

/// A ledger file that could not be read; it is never written by duban.
#[derive(Debug, Clone)]
pub struct BrokenLedger {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it (file:line:column and what was expected).
    pub message: String,
}

/// A loaded workspace.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The folder.
    pub dir: PathBuf,
    /// Its config.
    pub config: WorkspaceConfig,
    /// Ledgers that loaded, sorted by file name.
    pub ledgers: Vec<LoadedLedger>,
    /// Ledgers that did not load.
    pub broken: Vec<BrokenLedger>,
}

/// Errors of the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// An I/O error on a path.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A RON file that does not parse.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was expected.
        message: String,
    },
}

/// The path of a ledger file in a workspace.
pub fn ledger_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(LEDGER_DIR).join(format!("{id}.ron"))
}
