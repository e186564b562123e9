//! Shared by `note` and `status`: find the ledger and item, then edit under the ledger's lock.

use std::path::Path;

use super::context::{CliError, Globals, resolve_author};
use crate::domain::ids::validate_file_id;
use chrono::NaiveDateTime;

use crate::domain::edit::{Edit, EditError, ItemChange, apply};
use crate::domain::{Item, Ledger};
use crate::storage::{LEDGER_DIR, ledger_path};
use crate::text::sanitize;

/// How many known ids an error lists before "…".
const LIST_AT_MOST: usize = 12;

/// Check that `ledger_id` names a ledger file of the workspace in `dir`.
pub fn require_ledger(dir: &Path, ledger_id: &str) -> Result<(), CliError> {
    validate_file_id(ledger_id).map_err(|e| CliError::new(format!("台账编号无效:{e}")))?;
    if ledger_path(dir, ledger_id).is_file() {
        return Ok(());
    }
    let mut known: Vec<String> = std::fs::read_dir(dir.join(LEDGER_DIR))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.strip_suffix(".ron").map(str::to_string)
                })
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    known.sort();
    Err(CliError::new(format!(
        "没有编号为 \"{}\" 的台账;现有台账:{}",
        sanitize(ledger_id),
        brief_list(&known)
    )))
}

/// The item `item_id` of `ledger`, or a one-line error listing the ledger's item ids.
pub fn find_item<'a>(ledger: &'a mut Ledger, item_id: &str) -> Result<&'a mut Item, CliError> {
    if ledger.item(item_id).is_none() {
        let known: Vec<String> = ledger.items.iter().map(|i| i.id.clone()).collect();
        return Err(CliError::new(format!(
            "台账 {} 中没有编号为 \"{}\" 的事项;现有编号:{}",
            sanitize(&ledger.id),
            sanitize(item_id),
            brief_list(&known)
        )));
    }
    Ok(ledger
        .item_mut(item_id)
        .expect("the item was found just above"))
}

/// A command-line edit as applied: the change (`None` when it would change nothing and
/// nothing was written), who made it and when.
pub struct Applied {
    /// What changed on the item.
    pub change: Option<ItemChange>,
    /// The author: `--author`, else the workspace's recorder, else the login name.
    pub author: String,
    /// The edit's time (the workspace's pinned date when it has one).
    pub at: NaiveDateTime,
}

/// What `note` and `status` share once their arguments are valid: open the workspace,
/// check the ledger exists, settle the author (`author_flag` first) and the time, then
/// apply the edit that `make` builds from them to item `item_id` under the ledger's lock.
pub fn edit_item(
    globals: &Globals,
    ledger_id: &str,
    item_id: &str,
    author_flag: Option<&str>,
    make: impl FnOnce(&str, NaiveDateTime) -> Edit,
) -> Result<Applied, CliError> {
    let (dir, config) = globals.open_config()?;
    // Waits at most --wait for another writer; the save below takes the lock again freely.
    let _lock = globals.lock_workspace(&dir)?;
    require_ledger(&dir, ledger_id)?;
    let author = resolve_author(author_flag, &config);
    let at = globals.now_for(Some(&config));
    let edit = make(&author, at);
    let change = apply_edit(&dir, ledger_id, item_id, config.backups, &edit, &author, at)?;
    Ok(Applied { change, author, at })
}

/// Apply one domain edit to item `item_id` of the ledger under its lock (fresh read → apply →
/// atomic save), as `who` at `at`, with the same validation and audit entries as the TUI.
/// `Ok(None)` when the edit would change nothing (nothing is written).
pub fn apply_edit(
    dir: &Path,
    ledger_id: &str,
    item_id: &str,
    backups: usize,
    edit: &Edit,
    who: &str,
    at: NaiveDateTime,
) -> Result<Option<ItemChange>, CliError> {
    let outcome = update(dir, ledger_id, backups, |ledger| {
        let item = find_item(ledger, item_id)?;
        apply(item, edit, who, at).map_err(|e| match e {
            // Nothing would change: abort the update so the file is not rewritten.
            EditError::NoChange(why) => Abort::NoChange(why),
            e => Abort::Refused(CliError::new(format!("{}:{e}", edit.describe()))),
        })
    });
    match outcome {
        Ok(change) => Ok(Some(change)),
        Err(Abort::NoChange(why)) => {
            outln!("{}(未写入)", sanitize(&why));
            Ok(None)
        }
        Err(Abort::Refused(e)) => Err(e),
    }
}

/// Why an edit under the lock stopped without saving.
enum Abort {
    /// The edit would change nothing.
    NoChange(String),
    /// Refused (bad input, unknown item, unreadable file).
    Refused(CliError),
}

impl From<CliError> for Abort {
    fn from(e: CliError) -> Self {
        Abort::Refused(e)
    }
}

impl From<crate::storage::StorageError> for Abort {
    fn from(e: crate::storage::StorageError) -> Self {
        Abort::Refused(e.into())
    }
}

/// Lock the ledger, read it fresh, apply `edit`, save atomically; nothing is written on error.
pub fn update<T, E: From<crate::storage::StorageError>>(
    dir: &Path,
    ledger_id: &str,
    backups: usize,
    edit: impl FnOnce(&mut Ledger) -> Result<T, E>,
) -> Result<T, E> {
    crate::storage::update_ledger(dir, ledger_id, backups, edit)
}

/// "a, b, c 等 N 个" — a short, sanitised list of ids for error messages.
pub fn brief_list(ids: &[String]) -> String {
    if ids.is_empty() {
        return "(无)".to_string();
    }
    let shown: Vec<String> = ids
        .iter()
        .take(LIST_AT_MOST)
        .map(|s| sanitize(s).into_owned())
        .collect();
    let mut out = shown.join(", ");
    if ids.len() > LIST_AT_MOST {
        out.push_str(&format!(" 等共 {} 个", ids.len()));
    }
    out
}
