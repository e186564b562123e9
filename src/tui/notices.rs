//! Performing [`Effect::IssueNotices`](crate::app::Effect::IssueNotices): the same issuing
//! path as `duban notices --out`, without ever waiting for the workspace lock, then the
//! saved ledgers read back so the app shows the notices at once.

use super::effects::lock_now;
use crate::app::{Action, IssuedNotices, NoticeFailure, NoticeOutcome, State};
use crate::issue::{self, IssueError, Request};
use crate::storage::{ledger_path, load_ledger};

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
    // Held here, the (re-entrant) lock is taken again by the issue without waiting.
    let _lock = lock_now(dir, "请稍后再试").map_err(NoticeFailure::Other)?;
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
                .ledger_with_id(id)
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
