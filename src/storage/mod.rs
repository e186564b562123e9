//! Storage: the RON format, atomic saves with backups, locking and merging.
//!
//! Layout of a workspace folder:
//! - `duban.ron` — the [`WorkspaceConfig`];
//! - `ledgers/<id>.ron` — one [`Ledger`] per file;
//! - `holidays.ron` — optional calendar overrides;
//! - `.backup/<id>.ron.1 … .N` — previous versions (newest is `.1`);
//! - `.duban.lock` — the advisory lock held around every read-modify-write; while held it
//!   names its holder ([`LockHolder`]).

use std::path::{Path, PathBuf};

use crate::domain::ids::IdError;
use crate::domain::{Ledger, WorkspaceConfig};

mod atomic;
mod backup;
mod batch;
pub mod cache;
mod create;
mod format;
mod load;
mod lock;
mod meetings;
pub mod merge;
mod recovery;
mod save;
pub mod staged;

pub use atomic::FailPoint;
pub use backup::{BrokenBackup, broken_backups};
pub use batch::update_workspace;
pub use create::{
    BUNDLED_CONFIG, BUNDLED_LEDGERS, create_from_bundled, create_workspace, default_workspace_dir,
    load_holiday_overrides,
};
pub use format::{config_to_string, ledger_to_string, parse_config, parse_ledger};
pub use load::{changed_on_disk, load_config, load_ledger, load_workspace};
pub use lock::{Fingerprint, LockHolder, WorkspaceLock};
pub use meetings::{MEETINGS_DIR, load_last_meeting, write_meeting};
pub use merge::{Conflict, MergeOutcome};
pub use recovery::{RECOVERY_DIR, write_recovery};
pub use save::{
    save_config, save_config_with, save_ledger, save_ledger_with, save_with_merge,
    try_save_with_merge, update_ledger,
};

/// The current file format version.
pub const FORMAT_VERSION: u32 = 1;
/// The workspace config file name.
pub const CONFIG_FILE: &str = "duban.ron";
/// The folder holding the ledger files.
pub const LEDGER_DIR: &str = "ledgers";
/// The folder holding previous versions of saved files.
pub const BACKUP_DIR: &str = ".backup";
/// The lock file of a workspace.
pub const LOCK_FILE: &str = ".duban.lock";
/// The optional calendar override file.
pub const HOLIDAYS_FILE: &str = "holidays.ron";

/// A ledger as loaded from disk.
#[derive(Debug, Clone)]
pub struct LoadedLedger {
    /// The ledger.
    pub ledger: Ledger,
    /// Where it was read from.
    pub path: PathBuf,
    /// The bytes it was read from, to notice when someone else changed the file.
    pub fingerprint: Fingerprint,
}

impl LoadedLedger {
    /// A ledger whose file bytes are unknown (e.g. built in memory). Its first
    /// [`save_with_merge`] merges with the disk version, which is safe, just slower.
    pub fn new(ledger: Ledger, path: PathBuf) -> LoadedLedger {
        LoadedLedger {
            ledger,
            path,
            fingerprint: Fingerprint::default(),
        }
    }

    /// A problem to report when the ledger's `id` differs from its file name (not fatal:
    /// the ledger loads, but saving writes to `<id>.ron`).
    pub fn file_name_problem(&self) -> Option<String> {
        let stem = self.path.file_stem()?.to_string_lossy();
        (stem != self.ledger.id.as_str()).then(|| {
            format!(
                "{}: 台账编号 id: {:?} 与文件名不一致;请把 id 改为 {:?} 或重命名文件",
                self.path.display(),
                self.ledger.id,
                stem
            )
        })
    }
}

/// A ledger file that could not be read; it is never written by duban.
#[derive(Debug, Clone)]
pub struct BrokenLedger {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it (file:line:column and what was expected) and what to do.
    pub message: String,
}

/// A loaded workspace.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The folder.
    pub dir: PathBuf,
    /// Its config.
    pub config: WorkspaceConfig,
    /// Ledgers that loaded, sorted by id.
    pub ledgers: Vec<LoadedLedger>,
    /// Ledgers that did not load.
    pub broken: Vec<BrokenLedger>,
}

impl Workspace {
    /// The loaded ledger with this id.
    pub fn ledger(&self, id: &str) -> Option<&LoadedLedger> {
        self.ledgers.iter().find(|l| l.ledger.id == id)
    }

    /// The loaded ledger with this id, mutably.
    pub fn ledger_mut(&mut self, id: &str) -> Option<&mut LoadedLedger> {
        self.ledgers.iter_mut().find(|l| l.ledger.id == id)
    }
}

/// Errors of the storage layer. Messages are shown to users, so they say what, where and
/// what to do.
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
    /// A file written by a newer version of duban.
    #[error(
        "{path}: 文件格式版本 {found} 比本程序支持的版本 {supported} 新;请升级 duban 后再打开(本程序不会改写该文件)"
    )]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The file on disk does not parse, so it is not overwritten.
    #[error("{path}: 磁盘上的文件无法解析,为免丢失数据未覆盖它;请先修正该文件。原因:{reason}")]
    RefusedOverwrite {
        /// The file.
        path: PathBuf,
        /// Why the file on disk is considered broken.
        reason: String,
    },
    /// A ledger id that cannot be a file name.
    #[error("台账编号不能作为文件名:{0}")]
    BadId(#[from] IdError),
    /// The workspace has no config file.
    #[error(
        "{path}: 不是 duban 工作区(缺少 {CONFIG_FILE});请用 --dir 指向工作区,或先导入一个台账以新建工作区"
    )]
    NotAWorkspace {
        /// The missing config file.
        path: PathBuf,
    },
    /// A ledger that does not exist.
    #[error("{path}: 台账文件不存在;请用 duban check 查看现有台账")]
    NoSuchLedger {
        /// The missing file.
        path: PathBuf,
    },
    /// Another writer held the workspace lock for longer than the caller would wait;
    /// nothing was written.
    #[error(
        "{path}: 另一个写入者{holder_text}占用工作区锁,已等待 {secs} 秒仍未释放,放弃写入(未写入任何内容)",
        holder_text = holder.as_deref().map(|h| format!("({h})")).unwrap_or_default(),
        secs = waited.as_secs_f32().round()
    )]
    LockTimeout {
        /// The lock file.
        path: PathBuf,
        /// Who holds it, as its lock file says ([`LockHolder::describe`]), when known.
        holder: Option<String>,
        /// How long the caller waited.
        waited: std::time::Duration,
    },
    /// A failure injected by a test through [`FailPoint`].
    #[error("{path}: 保存在 {step:?} 处被测试中断")]
    Injected {
        /// The file being saved.
        path: PathBuf,
        /// Where the save was interrupted.
        step: FailPoint,
    },
}

impl StorageError {
    /// Wrap an I/O error with the path it happened on.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        StorageError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The path of a ledger file in a workspace.
pub fn ledger_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(LEDGER_DIR).join(format!("{id}.ron"))
}

/// The path of the config file of a workspace.
pub fn config_path(dir: &Path) -> PathBuf {
    dir.join(CONFIG_FILE)
}

/// The path of the `n`-th backup (1 = newest) of a file named `file_name` in a workspace.
pub fn backup_path(dir: &Path, file_name: &str, n: usize) -> PathBuf {
    dir.join(BACKUP_DIR).join(format!("{file_name}.{n}"))
}
