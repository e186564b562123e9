//! Never dropping work without a word: quitting retries unsaved edits first and asks when
//! they still cannot be saved (write a recovery file, drop them, or stay); a form with
//! typed text asks before it is closed; failed saves are retried on the loop's timer.

use std::path::PathBuf;

use super::saving::Prompt;
use crate::app::{Effect, State};

/// Quit asked: quit at once when every edit is on disk; else retry the saves of the
/// unsaved ledgers first (their outcome decides, see [`after_save`]).
pub fn request_quit(state: &mut State) -> Vec<Effect> {
    let ledgers = state.edit.saving.unsaved_ledgers();
    if ledgers.is_empty() {
        return vec![Effect::Quit];
    }
    let indices = ledger_indices(state, &ledgers);
    if indices.is_empty() {
        state.edit.prompt = Some(Prompt::QuitUnsaved);
        return Vec::new();
    }
    let awaited = indices
        .iter()
        .map(|&i| state.catalog.ledgers[i].ledger.id.clone())
        .collect();
    state.edit.saving.quitting = Some(awaited);
    state.message = Some("正在保存未保存的修改…".to_string());
    indices.into_iter().map(Effect::SaveLedger).collect()
}

/// Ask before dropping typed text; quit (when that was asked) once it is dropped.
pub fn ask_discard(state: &mut State, then_quit: bool) -> Vec<Effect> {
    state.edit.prompt = Some(Prompt::DiscardInput { then_quit });
    Vec::new()
}

/// The answer "yes" to the question shown.
pub fn confirm(state: &mut State) -> Vec<Effect> {
    match state.edit.prompt.take() {
        Some(Prompt::DiscardInput { then_quit }) => {
            state.edit.form = None;
            state.message = Some("已放弃输入的内容".to_string());
            if then_quit {
                return request_quit(state);
            }
            Vec::new()
        }
        // Drop the unsaved edits and quit (the exit code says they were not saved).
        Some(Prompt::QuitUnsaved) => vec![Effect::Quit],
        None => Vec::new(),
    }
}

/// The answer "no" (or Esc): back to the form, or back to work with saves still retried.
pub fn decline(state: &mut State) -> Vec<Effect> {
    if state.edit.prompt.take() == Some(Prompt::QuitUnsaved) {
        state.message = Some(format!(
            "未退出;{} 项修改仍未保存,将自动重试",
            state.edit.saving.pending()
        ));
    }
    Vec::new()
}

/// Write the unsaved ledgers to recovery files (asked from the quit question).
pub fn write_recovery(state: &mut State) -> Vec<Effect> {
    if state.edit.prompt != Some(Prompt::QuitUnsaved) {
        return Vec::new();
    }
    let indices = ledger_indices(state, &state.edit.saving.unsaved_ledgers());
    vec![Effect::WriteRecovery(indices)]
}

/// Recovery files were written (quit now) or could not be (say why, keep asking).
pub fn recovery_written(state: &mut State, result: Result<Vec<PathBuf>, String>) -> Vec<Effect> {
    match result {
        Ok(paths) => {
            state.edit.saving.recovered = paths;
            state.edit.saving.recovery_error = None;
            state.edit.prompt = None;
            vec![Effect::Quit]
        }
        Err(e) => {
            state.edit.saving.recovery_error = Some(e);
            Vec::new()
        }
    }
}

/// The loop's timer: retry the saves that failed (none while a quit waits for its own).
pub fn retry(state: &mut State) -> Vec<Effect> {
    let saving = &state.edit.saving;
    if saving.failures.is_empty() || saving.quitting.is_some() {
        return Vec::new();
    }
    let ledgers = saving.unsaved_ledgers();
    save_effects(state, &ledgers)
}

/// After the save of `ledger_id` reported back: finish a pending quit (everything saved)
/// or turn it into the question (something could not be saved). A quit question still
/// open quits by itself once a retry has saved everything.
pub fn after_save(state: &mut State, ledger_id: &str) -> Vec<Effect> {
    let saving = &mut state.edit.saving;
    if saving.pending() == 0 && state.edit.prompt == Some(Prompt::QuitUnsaved) {
        return vec![Effect::Quit];
    }
    let Some(waiting) = &mut saving.quitting else {
        return Vec::new();
    };
    waiting.remove(ledger_id);
    if !waiting.is_empty() {
        return Vec::new();
    }
    saving.quitting = None;
    if saving.pending() == 0 {
        return vec![Effect::Quit];
    }
    state.edit.prompt = Some(Prompt::QuitUnsaved);
    Vec::new()
}

fn save_effects(state: &State, ledgers: &std::collections::BTreeSet<String>) -> Vec<Effect> {
    ledger_indices(state, ledgers)
        .into_iter()
        .map(Effect::SaveLedger)
        .collect()
}

fn ledger_indices(state: &State, ledgers: &std::collections::BTreeSet<String>) -> Vec<usize> {
    state
        .catalog
        .ledgers
        .iter()
        .enumerate()
        .filter(|(_, l)| ledgers.contains(&l.ledger.id))
        .map(|(i, _)| i)
        .collect()
}
