//! Performing the app's effects (saves) and noticing files other writers changed: the
//! impure half of the loop, kept apart so tests can drive a real workspace without a
//! terminal through [`dispatch`].

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::SystemTime;

use chrono::NaiveDateTime;

use crate::app::edit::{DiskChange, SaveError, SaveReport};
use crate::app::returned::path::{folder_of, resolve};
use crate::app::returned::{FolderListing, SheetRead, SheetRequest};
use crate::app::{Action, Effect, State, update};
use crate::export::merge::read_returned;
use crate::storage::{
    FailPoint, LockHolder, StorageError, WorkspaceLock, changed_on_disk, load_ledger,
    try_save_with_merge, write_recovery,
};

/// Run `action` through the update and perform every effect it asks for — each save is on
/// disk before its outcome is fed back — until nothing is left. Returns true to quit.
pub fn dispatch(state: &mut State, action: Action, now: NaiveDateTime) -> bool {
    dispatch_with(state, action, now, FailPoint::Never)
}

/// [`dispatch`] whose saves stop at `fail` as if the process died there (tests of failed
/// saves; [`FailPoint::Never`] in the app).
pub fn dispatch_with(
    state: &mut State,
    action: Action,
    now: NaiveDateTime,
    fail: FailPoint,
) -> bool {
    let mut queue = vec![action];
    while let Some(action) = queue.pop() {
        for effect in update(state, action, now) {
            match effect {
                Effect::Quit => return true,
                Effect::SaveLedger(index) => queue.extend(save_with(state, index, fail)),
                Effect::WriteRecovery(indices) => {
                    queue.push(Action::RecoveryWritten(recover(state, &indices)))
                }
                Effect::WriteMeeting(output) => {
                    let (minutes, record) = *output;
                    queue.push(write_meeting(&state.catalog.dir, &minutes, &record));
                }
                Effect::IssueNotices(request) => {
                    queue.push(super::notices::issue_notices(state, &request))
                }
                Effect::Copy(text) => copy_to_clipboard(&text),
                Effect::ReadSheet(request) => queue.push(read_sheet(state, &request)),
                Effect::ListFolder { typed, base } => queue.push(list_folder(typed, &base)),
                Effect::ExportView(ledgers) => queue.push(export_view(state, &ledgers)),
                Effect::SaveUserName { dir, name } => queue.push(Action::UserNameSaved(
                    crate::identity::save_user_name(&dir, &name).map_err(|e| e.to_string()),
                )),
            }
        }
    }
    false
}

/// Take the workspace lock if it is free now, never waiting (the loop must keep reading
/// keys); else say who holds it, followed by `then` (what was therefore not done).
pub fn lock_now(dir: &std::path::Path, then: &str) -> Result<WorkspaceLock, String> {
    match WorkspaceLock::try_acquire(dir) {
        Ok(Some(lock)) => Ok(lock),
        Ok(None) => {
            let holder = LockHolder::read(dir)
                .map(|h| format!("({})", h.describe()))
                .unwrap_or_default();
            Err(format!("另一个写入者{holder}正占用工作区锁,{then}"))
        }
        Err(e) => Err(e.to_string()),
    }
}

/// Write a meeting's minutes and record; the outcome comes back as
/// [`Action::MeetingSaved`] with the minutes' path. Never waits for the workspace lock:
/// while another writer holds it, nothing is written and the message says whom to wait for.
pub fn write_meeting(
    dir: &std::path::Path,
    minutes: &crate::domain::meeting::Minutes,
    record: &crate::domain::meeting::MeetingRecord,
) -> Action {
    // Held here, the (re-entrant) lock is taken again by the write without waiting.
    let _lock = match lock_now(dir, "纪要未写入") {
        Ok(lock) => lock,
        Err(why) => return Action::MeetingSaved(Err(why)),
    };
    let doc = crate::report::minutes::minutes_document(minutes);
    let mut files = vec![("md", crate::document::markdown::render(&doc).into_bytes())];
    match crate::document::docx::render(&doc) {
        Ok(bytes) => files.push(("docx", bytes)),
        Err(e) => return Action::MeetingSaved(Err(e.to_string())),
    }
    let result = crate::storage::write_meeting(dir, record, &files)
        .map(|written| {
            written
                .minutes
                .first()
                .unwrap_or(&written.record)
                .display()
                .to_string()
        })
        .map_err(|e| e.to_string());
    Action::MeetingSaved(result)
}

/// Write the view's ledgers to `<workspace>/exports/视图-<today>-<n>.xlsx` (through a temp
/// file and a rename); the outcome comes back as [`Action::Exported`] with the path.
pub fn export_view(state: &State, ledgers: &[crate::domain::Ledger]) -> Action {
    let catalog = &state.catalog;
    let assessing = crate::export::Assessing {
        rules: &catalog.config.rules,
        calendar: &catalog.calendar,
        today: catalog.today,
    };
    let refs: Vec<&crate::domain::Ledger> = ledgers.iter().collect();
    let result = crate::export::xlsx::workbook(&refs, &assessing)
        .map_err(|e| e.to_string())
        .and_then(|(bytes, _)| {
            let folder = catalog.dir.join("exports");
            std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
            let path = (1..)
                .map(|n| folder.join(format!("视图-{}-{n}.xlsx", catalog.today)))
                .find(|p| !p.exists())
                .unwrap_or_else(|| folder.join("视图.xlsx"));
            write_new_file(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(path.display().to_string())
        });
    Action::Exported(result)
}

/// The user's home folder (for `~` in a typed path).
fn home() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf())
}

/// Read the returned workbook a [`SheetRequest`] names, for its ledger; the outcome comes
/// back as [`Action::SheetRead`].
fn read_sheet(state: &State, request: &SheetRequest) -> Action {
    let path = resolve(&request.typed, &request.base, home().as_deref());
    let file = path.display().to_string();
    let ledger = state.catalog.ledger_with_id(&request.ledger_id);
    let result = match (std::fs::read(&path), ledger) {
        (_, None) => Err(format!("台账 {} 已不在工作区中", request.ledger_id)),
        (Err(e), _) if e.kind() == std::io::ErrorKind::NotFound => Err("文件不存在".to_string()),
        (Err(e), _) if path.is_dir() => Err(format!("这是一个文件夹,请选择其中的工作簿({e})")),
        (Err(e), _) => Err(format!("无法读取:{e}")),
        (Ok(bytes), Some(loaded)) => read_returned(&bytes, &loaded.ledger, None)
            .map_err(|e| crate::text::sanitize(&e.to_string()).into_owned()),
    };
    Action::SheetRead(Box::new(SheetRead {
        file,
        ledger_id: request.ledger_id.clone(),
        result,
    }))
}

/// List the folder of a path being typed; a folder that cannot be listed lists nothing.
fn list_folder(typed: String, base: &std::path::Path) -> Action {
    let folder = folder_of(&typed, base, home().as_deref());
    let entries = std::fs::read_dir(&folder)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().into_string().ok()?;
                    Some((name, e.path().is_dir()))
                })
                .collect()
        })
        .unwrap_or_default();
    Action::FolderListed(Box::new(FolderListing { typed, entries }))
}

/// Write `bytes` to `path` through a synced temp file in the same folder and a rename.
fn write_new_file(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let folder = path.parent().unwrap_or(std::path::Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Put `text` on the clipboard of the terminal (and of the computer the user sits at,
/// over SSH) with OSC 52; nothing when the output is not a terminal.
fn copy_to_clipboard(text: &str) {
    use base64::Engine;
    use std::io::{IsTerminal, Write};
    let mut out = std::io::stdout();
    if !out.is_terminal() {
        return;
    }
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let _ = write!(out, "\x1b]52;c;{encoded}\x07");
    let _ = out.flush();
}

/// Before a forced exit (SIGHUP, SIGTERM): try once more to save every ledger with edits
/// not on disk; what still cannot be saved is written to recovery files. Returns what to
/// tell the user, if anything stayed unsaved.
pub fn flush(state: &mut State, now: NaiveDateTime) -> Option<String> {
    let unsaved = state.edit.saving.unsaved_ledgers();
    let indices: Vec<usize> = ledger_indices(state, &unsaved);
    for &index in &indices {
        if let Some(action) = save(state, index) {
            update(state, action, now);
        }
    }
    let left = ledger_indices(state, &state.edit.saving.unsaved_ledgers());
    if !left.is_empty() {
        let result = recover(state, &left);
        if let Err(e) = &result {
            return Some(format!(
                "{} 项修改未能保存,恢复文件也无法写入:{e}",
                state.edit.saving.pending()
            ));
        }
        update(state, Action::RecoveryWritten(result), now);
    }
    state.edit.saving.exit_summary()
}

fn ledger_indices(state: &State, ids: &std::collections::BTreeSet<String>) -> Vec<usize> {
    (0..state.catalog.ledgers.len())
        .filter(|&i| ids.contains(&state.catalog.ledgers[i].ledger.id))
        .collect()
}

/// Write the ledgers at `indices` to recovery files stamped with the time now.
fn recover(state: &State, indices: &[usize]) -> Result<Vec<PathBuf>, String> {
    let ledgers: Vec<_> = indices
        .iter()
        .filter_map(|&i| state.catalog.ledgers.get(i).map(|l| &l.ledger))
        .collect();
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    write_recovery(&state.catalog.dir, &ledgers, &stamp).map_err(|e| e.to_string())
}

/// Save the ledger at `index` of the catalogue, merging with whatever another writer put
/// on disk since it was loaded; the outcome comes back as [`Action::Saved`]. Never waits
/// for the workspace lock: a busy lock is reported (and the save retried by the timer).
pub fn save(state: &State, index: usize) -> Option<Action> {
    save_with(state, index, FailPoint::Never)
}

fn save_with(state: &State, index: usize, fail: FailPoint) -> Option<Action> {
    let loaded = state.catalog.ledgers.get(index)?;
    let id = loaded.ledger.id.clone();
    let base = state.edit.base(&id).unwrap_or(loaded);
    let result = try_save_with_merge(
        &state.catalog.dir,
        base,
        &loaded.ledger,
        state.catalog.config.backups,
        fail,
    )
    .map_err(|e| match e {
        StorageError::LockTimeout { holder, .. } => SaveError::Busy { holder },
        other => SaveError::Failed(other.to_string()),
    });
    Some(Action::Saved(Box::new(SaveReport {
        index,
        ledger_id: id,
        result,
    })))
}

/// The ledgers whose files another writer changed since they were loaded or saved here,
/// read fresh, as actions for the update.
pub fn poll_disk(state: &State) -> Vec<Action> {
    (0..state.catalog.ledgers.len())
        .filter_map(|index| reread_if_changed(state, index))
        .collect()
}

/// The ledger at `index` read fresh, when its file no longer holds what was loaded or saved.
fn reread_if_changed(state: &State, index: usize) -> Option<Action> {
    let loaded = state.catalog.ledgers.get(index)?;
    if !matches!(changed_on_disk(loaded), Ok(true)) {
        return None;
    }
    let fresh = load_ledger(&loaded.path).map_err(|e| e.to_string());
    Some(Action::DiskChanged(Box::new(DiskChange {
        index,
        loaded: fresh,
    })))
}

/// Watches the ledger files cheaply: a file is read and fingerprinted only when its size or
/// modification time changed since the last look, and every file is read in full every
/// `full_every` polls in case a change kept both.
#[derive(Debug)]
pub struct DiskWatch {
    seen: HashMap<PathBuf, (Option<SystemTime>, u64)>,
    polls: u32,
    full_every: u32,
}

impl DiskWatch {
    /// A watch that reads every file in full every `full_every` polls.
    pub fn new(full_every: u32) -> Self {
        Self {
            seen: HashMap::new(),
            polls: 0,
            full_every: full_every.max(1),
        }
    }

    /// The ledgers another writer changed since they were loaded or saved here.
    pub fn poll(&mut self, state: &State) -> Vec<Action> {
        self.polls = self.polls.wrapping_add(1);
        let full = self.polls.is_multiple_of(self.full_every);
        let mut out = Vec::new();
        for (index, loaded) in state.catalog.ledgers.iter().enumerate() {
            let stamp = std::fs::metadata(&loaded.path)
                .map(|m| (m.modified().ok(), m.len()))
                .unwrap_or((None, 0));
            let looks_changed = self.seen.insert(loaded.path.clone(), stamp) != Some(stamp);
            if looks_changed || full {
                out.extend(reread_if_changed(state, index));
            }
        }
        out
    }
}
