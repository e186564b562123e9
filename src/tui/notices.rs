//! Performing [`Effect::IssueNotices`](crate::app::Effect::IssueNotices): the same issuing
//! path as `duban notices --out`, without ever waiting for the workspace lock, then the
//! saved ledgers read back so the app shows the notices at once.

use crate::app::{Action, IssuedNotices, NoticeFailure, NoticeOutcome, State};
use crate::issue::{self, IssueError, Request};
use crate::storage::{LockHolder, WorkspaceLock, ledger_path, load_ledger};

/// Issue the notices of `request` in the state's workspace; the outcome comes back as
/// [`Action::NoticesIssued`]. While another writer holds the lock nothing is written and
/// the message says whom to wait for.
pub fn issue_notices(state: &State, request: &Request) -> Action {
    Action::NoticesIssued(Box::new(NoticeOutcome {
        result: issue_now(state, request),
    }))
}

fn issue_now(state: &State, request: &Request) -> Result<IssuedNotices, NoticeFailure> {
    let dir = &state.catalog.dir;
    let other = |e: &dyn std::fmt::Display| NoticeFailure::Other(e.to_string());
    // Held here, the (re-entrant) lock is taken again by the issue without waiting.
    let _lock = match WorkspaceLock::try_acquire(dir) {
        Ok(Some(lock)) => lock,
        Ok(None) => {
            let holder = LockHolder::read(dir)
                .map(|h| format!("({})", h.describe()))
                .unwrap_or_default();
            return Err(NoticeFailure::Other(format!(
                "另一个写入者{holder}正占用工作区锁,请稍后再试"
            )));
        }
        Err(e) => return Err(other(&e)),
    };
    let folder = request
        .out
        .clone()
        .unwrap_or_else(|| dir.join(issue::NOTICES_DIR));
    std::fs::create_dir_all(&folder)
        .map_err(|e| NoticeFailure::Other(format!("无法创建文件夹 {}:{e}", folder.display())))?;
    let issued = issue::issue(dir, &state.catalog.calendar, request).map_err(|e| match e {
        IssueError::Duplicate(d) => NoticeFailure::Duplicate(d),
        other => NoticeFailure::Other(other.to_string()),
    })?;
    let mut ids: Vec<&str> = issued
        .notices
        .iter()
        .flat_map(|n| n.items.iter().map(|(ledger, _)| ledger.as_str()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    // Read back as saved; one that cannot be read is picked up by the disk watch later.
    let ledgers = ids
        .into_iter()
        .filter_map(|id| {
            let path = state
                .catalog
                .ledgers
                .iter()
                .find(|l| l.ledger.id == id)
                .map_or_else(|| ledger_path(dir, id), |l| l.path.clone());
            load_ledger(&path).ok()
        })
        .collect();
    Ok(IssuedNotices {
        notices: issued
            .notices
            .iter()
            .map(|n| {
                (
                    n.text.kind,
                    n.text.number.clone(),
                    n.text.recipient.clone(),
                    n.items.len(),
                )
            })
            .collect(),
        files: issued.paths,
        folder,
        ledgers,
        settings: issued.settings,
    })
}
