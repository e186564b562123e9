//! One transaction over the whole workspace: the config and every ledger read fresh under
//! the lock, changed by one function, and written back before the lock is released — for
//! edits that touch several files at once (issuing notices takes a number from the config
//! and records the notice on items of several ledgers).

use std::path::Path;

use super::atomic::FailPoint;
use super::load::load_workspace;
use super::lock::WorkspaceLock;
use super::save::{write_config_locked, write_ledger_locked};
use super::{StorageError, Workspace};

/// Lock the workspace in `dir`, load it fresh, apply `edit`, then save the config if it
/// changed (first: a number taken is never given twice, even if a later write fails) and
/// every ledger that changed, each atomically; unlock. When `edit` fails nothing is
/// written. Ledgers that do not parse are left out of the workspace `edit` sees and are
/// never written.
pub fn update_workspace<T, E>(
    dir: &Path,
    edit: impl FnOnce(&mut Workspace) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<StorageError>,
{
    let _lock = WorkspaceLock::acquire(dir)?;
    let before = load_workspace(dir)?;
    let mut workspace = before.clone();
    let result = edit(&mut workspace)?;
    if workspace.config != before.config {
        write_config_locked(dir, &workspace.config, FailPoint::Never)?;
    }
    let backups = workspace.config.backups;
    for loaded in &workspace.ledgers {
        let original = before
            .ledgers
            .iter()
            .find(|l| l.ledger.id == loaded.ledger.id);
        if original.is_some_and(|o| o.ledger == loaded.ledger) {
            continue;
        }
        let known_good = original.map(|o| o.fingerprint);
        write_ledger_locked(dir, &loaded.ledger, backups, FailPoint::Never, known_good)?;
    }
    Ok(result)
}
