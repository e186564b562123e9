//! Performing the app's effects (saves) and noticing files other writers changed: the
//! impure half of the loop, kept apart so tests can drive a real workspace without a
//! terminal through [`dispatch`].

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::SystemTime;

use chrono::NaiveDate;

use crate::app::edit::{DiskChange, SaveReport};
use crate::app::{Action, Effect, State, update};
use crate::storage::{changed_on_disk, load_ledger, save_with_merge};

/// Run `action` through the update and perform every effect it asks for — each save is on
/// disk before its outcome is fed back — until nothing is left. Returns true to quit.
pub fn dispatch(state: &mut State, action: Action, today: NaiveDate) -> bool {
    let mut queue = vec![action];
    while let Some(action) = queue.pop() {
        for effect in update(state, action, today) {
            match effect {
                Effect::Quit => {
                    flush(state, today);
                    return true;
                }
                Effect::SaveLedger(index) => queue.extend(save(state, index)),
                Effect::WriteMeeting(output) => {
                    let (minutes, record) = *output;
                    queue.push(write_meeting(&state.catalog.dir, &minutes, &record));
                }
                Effect::Copy(text) => copy_to_clipboard(&text),
            }
        }
    }
    false
}

/// Write a meeting's minutes and record; the outcome comes back as
/// [`Action::MeetingSaved`] with the minutes' path.
pub fn write_meeting(
    dir: &std::path::Path,
    minutes: &crate::domain::meeting::Minutes,
    record: &crate::domain::meeting::MeetingRecord,
) -> Action {
    let files = [("md", minutes.to_markdown().into_bytes())];
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

/// Try once more to save every ledger changed in memory and not yet on disk (after a failed
/// save), before the app exits.
pub fn flush(state: &mut State, today: NaiveDate) {
    let pending: Vec<usize> = state
        .catalog
        .ledgers
        .iter()
        .enumerate()
        .filter(|(_, l)| state.edit.base(&l.ledger.id).is_some())
        .map(|(i, _)| i)
        .collect();
    for index in pending {
        if let Some(action) = save(state, index) {
            update(state, action, today);
        }
    }
}

/// Save the ledger at `index` of the catalogue, merging with whatever another writer put
/// on disk since it was loaded; the outcome comes back as [`Action::Saved`].
pub fn save(state: &State, index: usize) -> Option<Action> {
    let loaded = state.catalog.ledgers.get(index)?;
    let id = loaded.ledger.id.clone();
    let base = state.edit.base(&id).unwrap_or(loaded);
    let result = save_with_merge(
        &state.catalog.dir,
        base,
        &loaded.ledger,
        state.catalog.config.backups,
    )
    .map_err(|e| e.to_string());
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

/// Who is editing: the workspace's configured author, else the login name.
pub fn user_name(configured: Option<&str>) -> String {
    configured
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .or_else(|| {
            ["USER", "LOGNAME", "USERNAME"]
                .iter()
                .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        })
        .unwrap_or_else(|| "未署名".to_string())
}
