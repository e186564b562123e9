//! Issuing under the workspace lock: plan and number on the workspace as it is on disk,
//! refuse a duplicate unless asked again, stage the files, take the numbers and record the
//! notices in one save, then put the files in place.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::files::{Format, render};
use super::{IssueError, Prepared, Scope, first_duplicate, prepare, record};
use crate::domain::calendar::WorkCalendar;
use crate::domain::notices::NoticeSettings;
use crate::domain::{Ledger, WarningRules};
use crate::storage::staged::{Staged, stage};
use crate::storage::{self, Workspace};

/// The folder of a workspace the TUI writes notices to.
pub const NOTICES_DIR: &str = "notices";

/// What to issue, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Which items.
    pub scope: Scope,
    /// The files' format.
    pub format: Format,
    /// The folder the files go to (it must exist); `None` records without writing files.
    pub out: Option<PathBuf>,
    /// Issue even when an item already holds the same notice dated today.
    pub again: bool,
    /// The issuing date.
    pub today: NaiveDate,
}

/// The notices issued.
#[derive(Debug)]
pub struct Issued {
    /// Each notice with the items it was recorded on.
    pub notices: Vec<Prepared>,
    /// The file of each notice, in order (empty when no folder was given).
    pub paths: Vec<PathBuf>,
    /// The warning rules they were assessed with (their legend is printed in them).
    pub rules: WarningRules,
    /// The workspace's notice settings as saved (the sequences moved on).
    pub settings: NoticeSettings,
}

/// Issue the notices of `request` in the workspace in `dir`: under its lock (waiting for
/// it: callers that must not wait take it first with `WorkspaceLock::try_acquire`; the lock
/// is re-entrant), nothing written unless everything but the final renames succeeded.
pub fn issue(dir: &Path, calendar: &WorkCalendar, request: &Request) -> Result<Issued, IssueError> {
    let today = request.today;
    let (notices, staged, rules, settings) =
        storage::update_workspace(dir, |ws: &mut Workspace| -> Result<_, IssueError> {
            let ledgers: Vec<&Ledger> = ws.ledgers.iter().map(|l| &l.ledger).collect();
            let mut settings = ws.config.notices.clone();
            let rules = ws.config.rules.clone();
            let notices = prepare(
                &ledgers,
                &rules,
                calendar,
                today,
                &request.scope,
                &mut settings,
            )?;
            if !request.again {
                let find = |l: &str, i: &str| ws.ledger(l).and_then(|x| x.ledger.item(i));
                if let Some(duplicate) = first_duplicate(&notices, find, today) {
                    return Err(IssueError::Duplicate(duplicate));
                }
            }
            let staged = match &request.out {
                Some(folder) => stage_files(folder, &notices, request.format, &rules)?,
                None => Vec::new(),
            };
            ws.config.notices = settings.clone();
            record(ws, &notices);
            Ok((notices, staged, rules, settings))
        })?;
    let paths = staged
        .into_iter()
        .map(Staged::commit)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Issued {
        notices,
        paths,
        rules,
        settings,
    })
}

fn stage_files(
    folder: &Path,
    notices: &[Prepared],
    format: Format,
    rules: &WarningRules,
) -> Result<Vec<Staged>, IssueError> {
    notices
        .iter()
        .map(|n| {
            let path = folder.join(format!("{}.{}", n.text.file_stem(), format.extension()));
            let bytes = render(&n.text, format, rules).map_err(IssueError::Render)?;
            Ok(stage(&path, &bytes)?)
        })
        .collect()
}
