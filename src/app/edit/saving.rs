//! Whether every edit is on disk: the items changed in memory and not yet saved, why their
//! ledgers' last saves failed, and the questions asked before anything typed or unsaved is
//! dropped. Typed data, so the UI and the exit code read it instead of messages.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::Target;

/// Why a ledger's save did not reach the disk.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SaveError {
    /// Another writer holds the workspace lock; `holder` is what its lock file says.
    Busy {
        /// "进程 1234 · 主机 name", when the lock file says.
        holder: Option<String>,
    },
    /// The save failed; the text names the file and the cause.
    Failed(String),
}

/// A question that must be answered before something is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// Drop what was typed into the open form? `then_quit` when asked by a quit key.
    DiscardInput {
        /// Quit once the input is dropped.
        then_quit: bool,
    },
    /// Quit although some edits could not be saved?
    QuitUnsaved,
}

/// The save status of the session.
#[derive(Debug, Clone, Default)]
pub struct SaveStatus {
    /// Items changed in memory whose ledger has not been saved since.
    pub unsaved: BTreeSet<Target>,
    /// Per ledger id: why its last save failed (cleared when a save succeeds).
    pub failures: BTreeMap<String, SaveError>,
    /// The label of the last edit and the ledgers whose saves will confirm it.
    pub announce: Option<(String, BTreeSet<String>)>,
    /// Quit was asked and saves were retried first: the ledgers still to report back.
    pub quitting: Option<BTreeSet<String>>,
    /// Recovery files written for edits that could not be saved.
    pub recovered: Vec<PathBuf>,
    /// Why the last attempt to write recovery files failed.
    pub recovery_error: Option<String>,
}

impl SaveStatus {
    /// How many items have edits not yet on disk.
    pub fn pending(&self) -> usize {
        self.unsaved.len()
    }

    /// Whether this item has edits not yet on disk.
    pub fn is_unsaved(&self, target: &Target) -> bool {
        !self.unsaved.is_empty() && self.unsaved.contains(target)
    }

    /// The ledgers holding unsaved items.
    pub fn unsaved_ledgers(&self) -> BTreeSet<String> {
        self.unsaved.iter().map(|t| t.ledger_id.clone()).collect()
    }

    /// Items were changed in memory (their ledgers are about to be saved).
    pub fn changed(&mut self, items: &[Target]) {
        self.unsaved.extend(items.iter().cloned());
    }

    /// A ledger was saved: its items are on disk.
    pub fn saved(&mut self, ledger_id: &str) {
        self.unsaved.retain(|t| t.ledger_id != ledger_id);
        self.failures.remove(ledger_id);
    }

    /// Why the save of an unsaved item's ledger failed last, if it did.
    pub fn failure_of(&self, target: &Target) -> Option<&SaveError> {
        self.failures.get(&target.ledger_id)
    }

    /// The failure to show for the whole session: a busy lock first (it clears by itself),
    /// else any other.
    pub fn main_failure(&self) -> Option<&SaveError> {
        self.failures
            .values()
            .find(|e| matches!(e, SaveError::Busy { .. }))
            .or_else(|| self.failures.values().next())
    }

    /// What to say on the terminal after the app has exited with edits not on disk.
    pub fn exit_summary(&self) -> Option<String> {
        let n = self.pending();
        if n == 0 {
            return None;
        }
        Some(if self.recovered.is_empty() {
            format!("{n} 项修改未能保存到台账,已放弃")
        } else {
            let paths: Vec<String> = self
                .recovered
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            format!(
                "{n} 项修改未能保存到台账,已写入恢复文件:{};核对后可复制到工作区的 ledgers/ 下替换同名台账",
                paths.join("、")
            )
        })
    }
}

impl SaveError {
    /// One short line for the footer and the detail.
    pub fn short(&self) -> String {
        match self {
            SaveError::Busy { holder: Some(h) } => {
                format!("等待其他写入者释放工作区锁({h}),自动重试中")
            }
            SaveError::Busy { holder: None } => "等待其他写入者释放工作区锁,自动重试中".to_string(),
            SaveError::Failed(_) => "保存失败,自动重试中".to_string(),
        }
    }

    /// The whole reason, with the file and the cause.
    pub fn full(&self) -> String {
        match self {
            SaveError::Failed(text) => format!("保存失败:{text}"),
            busy => busy.short(),
        }
    }
}
