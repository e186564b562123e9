//! The editing actions of the app's pure update: open a form, route keys into it, apply
//! and undo edits in memory, and ask the loop to save. A save's outcome and a change made
//! by another writer come back as actions too; the view keeps its place through both.

use chrono::{NaiveDate, NaiveDateTime};

use super::leaving;
use super::saving::SaveError;
use super::{DiskChange, SaveReport};
use super::{EditForm, EditKind, FormContext, FormEvent, OpenForm, Target, conflict_entries};
use crate::app::{Action, Catalog, Effect, Mode, Screen, State};
use crate::storage::Workspace;

/// The suffix of the status line while a save is under way.
const SAVING: &str = " · 保存中…";

/// Handle the editing actions; any other action is handed back untouched.
pub fn update_edit(
    state: &mut State,
    action: Action,
    at: NaiveDateTime,
) -> Result<Vec<Effect>, Action> {
    let today = at.date();
    let browsing = matches!(state.mode(), Mode::Browse | Mode::Detail | Mode::Meeting);
    let typed = state
        .edit
        .form
        .as_ref()
        .is_some_and(|open| open.form.has_input());
    Ok(match action {
        Action::Quit if state.edit.prompt.is_some() => Vec::new(),
        Action::Quit if state.mode() == Mode::Edit && typed => leaving::ask_discard(state, true),
        Action::Quit => leaving::request_quit(state),
        Action::ConfirmYes => leaving::confirm(state),
        Action::Back if state.edit.prompt.is_some() => leaving::decline(state),
        Action::WriteRecovery => leaving::write_recovery(state),
        Action::RecoveryWritten(result) => leaving::recovery_written(state, result),
        Action::RetrySaves => leaving::retry(state),
        Action::UserNameSaved(result) => super::naming::name_saved(state, result),
        Action::Edit(kind) if browsing => open_form(state, kind, today),
        Action::ToggleMark if state.mode() == Mode::Browse => toggle_mark(state),
        Action::Back if state.mode() == Mode::Browse && !state.edit.marks.is_empty() => {
            state.edit.marks.clear();
            state.message = Some("已取消全部标记".to_string());
            Vec::new()
        }
        Action::Undo if browsing => replay(state, at, true),
        Action::Redo if browsing => replay(state, at, false),
        Action::FormKey(key) if state.edit.naming.is_some() => {
            super::naming::name_key(state, &key, today)
        }
        Action::FormKey(key) => form_key(state, &key, at),
        Action::FormPaste(text) => {
            state.edit.form_paste(&text);
            Vec::new()
        }
        Action::Saved(report) => saved(state, *report),
        Action::DiskChanged(change) => disk_changed(state, *change),
        other => return Err(other),
    })
}

/// The item under the cursor (table) or shown (detail).
pub fn selected_target(state: &State) -> Option<Target> {
    let entry = match state.screen {
        Screen::Detail { entry, .. } => Some(entry),
        Screen::Browse => state.view.selected_entry(),
        Screen::Meeting { .. } => {
            let stop = state.meetings.active.as_ref()?.current()?;
            return Some(stop.target.clone());
        }
        Screen::Changes => {
            let view = state.meetings.changes.as_ref()?;
            view.items.get(view.cursor).map(|c| c.entry)
        }
        Screen::Dashboard(_) => None,
    }?;
    target_of(&state.catalog, entry as usize)
}

fn target_of(catalog: &Catalog, entry: usize) -> Option<Target> {
    let e = catalog.entries.get(entry)?;
    let ledger = &catalog.ledgers.get(e.ledger)?.ledger;
    let item = ledger.items.get(e.item)?;
    Some(Target::new(&ledger.id, &item.id))
}

/// The catalogue entry of an item.
fn entry_of(catalog: &Catalog, target: &Target) -> Option<usize> {
    catalog.entry_index(&target.ledger_id, &target.item_id)
}

/// Every unit the workspace knows: the configured ones and those named by items.
fn known_units(catalog: &Catalog) -> Vec<String> {
    let mut units: Vec<String> = catalog
        .config
        .units
        .iter()
        .chain(catalog.units.iter())
        .cloned()
        .collect();
    units.sort();
    units.dedup();
    crate::search::collate::sort_by_pinyin(&mut units);
    units
}

/// Open the edit form of `kind` on the marked items, else the selected one (after the
/// name question, the first time an edit is made without a chosen name).
pub(super) fn open_form(state: &mut State, kind: EditKind, today: NaiveDate) -> Vec<Effect> {
    let targets = state.edit.targets(selected_target(state));
    if !targets.is_empty() && super::naming::ask_first(state, kind) {
        return Vec::new();
    }
    let Some(first) = targets.first() else {
        state.message = Some("没有选中的事项".to_string());
        return Vec::new();
    };
    let catalog = &state.catalog;
    let units = known_units(catalog);
    let user = state.edit.who().to_string();
    let opened = match (targets.len(), entry_of(catalog, first)) {
        (1, Some(index)) => {
            let entry = &catalog.entries[index];
            let ctx = FormContext::for_item(
                catalog.ledger(entry),
                catalog.item(entry),
                entry.colour(),
                today,
                &user,
                &units,
            );
            EditForm::open(kind, &ctx)
        }
        (n, Some(index)) => {
            let base_year = catalog.ledger(&catalog.entries[index]).base_year;
            let ctx = FormContext::for_selection(n, base_year, today, &user, &units);
            EditForm::open(kind, &ctx)
        }
        (_, None) => Err("选中的事项已不存在".to_string()),
    };
    match opened {
        Ok(form) => state.edit.form = Some(OpenForm { form, targets }),
        Err(message) => state.message = Some(message),
    }
    Vec::new()
}

fn toggle_mark(state: &mut State) -> Vec<Effect> {
    if let Some(target) = selected_target(state) {
        state.edit.toggle_mark(target);
        state.message = Some(match state.edit.marks.len() {
            0 => "已取消全部标记".to_string(),
            n => format!("已标记 {n} 项(批量改状态/单位/时限)"),
        });
        state.view.move_by(1);
    }
    Vec::new()
}

fn form_key(
    state: &mut State,
    key: &ratatui::crossterm::event::KeyEvent,
    at: NaiveDateTime,
) -> Vec<Effect> {
    if state.edit.conflicts.is_some() {
        let saved = state.edit.conflict_key(key, &mut state.catalog.ledgers, at);
        if state.edit.conflicts.is_some() {
            return Vec::new();
        }
        return match saved {
            Some(items) => changed(state, &items, "已按选择保留我的修改".to_string()),
            None => {
                state.message = Some("已保留他人的修改".to_string());
                Vec::new()
            }
        };
    }
    match state.edit.form_key(key, &mut state.catalog.ledgers, at) {
        FormEvent::Editing => Vec::new(),
        FormEvent::Cancelled => {
            state.message = None;
            Vec::new()
        }
        FormEvent::Applied { label, items, .. } => changed(state, &items, label),
    }
}

fn replay(state: &mut State, at: NaiveDateTime, backwards: bool) -> Vec<Effect> {
    let verb = if backwards { "撤销" } else { "重做" };
    let replay = if backwards {
        state.edit.undo(&mut state.catalog.ledgers, at)
    } else {
        state.edit.redo(&mut state.catalog.ledgers, at)
    };
    let Some(r) = replay else {
        state.message = Some(format!("没有可{verb}的修改"));
        return Vec::new();
    };
    let mut note = format!("已{verb}:{}", r.label);
    if let Some((_, c)) = r.conflicts.first() {
        note = format!(
            "{note};{}已被他人改为“{}”,未{verb}",
            c.field.label(),
            crate::text::truncate(&c.found, 20)
        );
    }
    if !r.missing.is_empty() {
        note.push_str(&format!(";{} 个事项已被删除", r.missing.len()));
    }
    changed(state, &r.items, note)
}

/// Items changed in memory: reassess them, keep the view's place, save their ledgers;
/// `label` is the footer's message until the saves report back.
pub(crate) fn changed(state: &mut State, items: &[Target], label: String) -> Vec<Effect> {
    let mut ledgers: Vec<usize> = Vec::new();
    for target in items {
        if let Some(entry) = entry_of(&state.catalog, target) {
            state.catalog.reassess(entry);
            let ledger = state.catalog.entries[entry].ledger;
            if !ledgers.contains(&ledger) {
                ledgers.push(ledger);
            }
        }
    }
    state.rebuild_view();
    state.edit.saving.changed(items);
    state.message = Some(if ledgers.is_empty() {
        label
    } else {
        let ids = ledgers
            .iter()
            .map(|&i| state.catalog.ledgers[i].ledger.id.clone())
            .collect();
        state.edit.saving.announce = Some((label.clone(), ids));
        format!("{label}{SAVING}")
    });
    ledgers.into_iter().map(Effect::SaveLedger).collect()
}

fn saved(state: &mut State, report: SaveReport) -> Vec<Effect> {
    let Some(index) = state
        .catalog
        .ledgers
        .iter()
        .position(|l| l.ledger.id == report.ledger_id)
    else {
        return Vec::new();
    };
    let id = report.ledger_id;
    let saving = &mut state.edit.saving;
    let announced = match &mut saving.announce {
        Some((label, ids)) => ids.remove(&id).then(|| label.clone()),
        None => None,
    };
    if saving
        .announce
        .as_ref()
        .is_some_and(|(_, ids)| ids.is_empty())
    {
        saving.announce = None;
    }
    match report.result {
        Err(error) => {
            saving.announce = None;
            // Said once; the footer keeps showing the status while retries fail.
            if announced.is_some() || !saving.failures.contains_key(&id) {
                state.message = Some(match &error {
                    SaveError::Busy { .. } => error.short(),
                    SaveError::Failed(_) => {
                        format!("{};修改尚未写入磁盘,将自动重试,也可按 u 撤销", error.full())
                    }
                });
            }
            saving.failures.insert(id.clone(), error);
        }
        Ok(outcome) => {
            let retried = saving.failures.contains_key(&id);
            saving.saved(&id);
            let mine = &state.catalog.ledgers[index].ledger;
            let conflicts = conflict_entries(&outcome.conflicts, mine, &outcome.loaded.ledger);
            state.catalog.ledgers[index] = outcome.loaded;
            state.edit.saved(&id);
            // Not merged: the file now holds exactly what is shown, already assessed.
            if outcome.merged {
                rebuild_catalog(state);
            }
            let saved = match (outcome.merged, retried) {
                (true, _) => "已保存(已合并他人的修改)",
                (false, true) => "已保存(重试成功)",
                (false, false) => "已保存",
            };
            let mut line = match announced {
                // "状态改为已完成 · 保存中…" becomes "状态改为已完成 · 已保存".
                Some(label) => format!("{label} · {saved}"),
                None => saved.to_string(),
            };
            let kept_deleted = outcome
                .conflicts
                .iter()
                .filter(|c| c.field == "(删除)")
                .count();
            if kept_deleted > 0 {
                line.push_str(&format!(
                    ";{kept_deleted} 个事项一方删除、一方修改,已保留(可在文件中核对)"
                ));
            }
            if !conflicts.is_empty() {
                line.push_str(&format!(";{} 处与他人的修改冲突,请选择", conflicts.len()));
            }
            state.message = Some(line);
            if !conflicts.is_empty() {
                state.edit.show_conflicts(conflicts);
            }
        }
    }
    leaving::after_save(state, &id)
}

fn disk_changed(state: &mut State, change: DiskChange) -> Vec<Effect> {
    let Some(current) = state.catalog.ledgers.get(change.index) else {
        return Vec::new();
    };
    match change.loaded {
        Err(e) => state.message = Some(format!("他人修改的台账无法读取,未载入:{e}")),
        Ok(_) if state.edit.base(&current.ledger.id).is_some() => {
            // Unsaved changes here: saving merges theirs in.
            return vec![Effect::SaveLedger(change.index)];
        }
        Ok(loaded) => {
            state.catalog.ledgers[change.index] = loaded;
            rebuild_catalog(state);
            state.message = Some("已载入他人修改".to_string());
        }
    }
    Vec::new()
}

/// Rebuild the catalogue after items may have been added, removed or changed by someone
/// else, keeping the selection, the scroll, the detail shown, the filters and the search.
pub fn rebuild_catalog(state: &mut State) {
    let selected = selected_target(state);
    let detail = match state.screen {
        Screen::Detail { entry, scroll } => {
            Some((target_of(&state.catalog, entry as usize), scroll))
        }
        Screen::Browse | Screen::Meeting { .. } | Screen::Changes | Screen::Dashboard(_) => None,
    };
    // Entry numbers change with the rebuild: the walk and the changes list (by entry)
    // are dropped; a meeting holds targets and goes on.
    state.walk = None;
    if state.meetings.changes.take().is_some() && matches!(state.screen, Screen::Changes) {
        state.screen = Screen::Browse;
    }
    if let Screen::Dashboard(dashboard) = &mut state.screen {
        **dashboard = crate::app::Dashboard::new(&state.catalog);
    }
    let scroll = state.view.scroll;
    let unit_names: Vec<String> = state
        .view
        .filters
        .units
        .iter()
        .filter_map(|&u| state.catalog.units.get(u as usize).cloned())
        .collect();
    let catalog = &mut state.catalog;
    let workspace = Workspace {
        dir: catalog.dir.clone(),
        config: catalog.config.clone(),
        ledgers: std::mem::take(&mut catalog.ledgers),
        broken: std::mem::take(&mut catalog.broken),
    };
    let calendar = std::mem::take(&mut catalog.calendar);
    state.catalog = Catalog::new(workspace, calendar, state.catalog.today);
    state.view.filters.units = unit_names
        .iter()
        .filter_map(|n| state.catalog.units.iter().position(|u| u == n))
        .map(|u| u as u32)
        .collect();
    if !state.search.query.trim().is_empty() {
        state.search.result = None;
        state.search.run(&state.catalog);
    }
    // The old entry numbers mean nothing now: select by item id.
    state.view.rows.clear();
    state.rebuild_view();
    if let Some(pos) = selected
        .and_then(|t| entry_of(&state.catalog, &t))
        .and_then(|e| state.view.rows.iter().position(|&r| r as usize == e))
    {
        state.view.selected = pos;
    }
    state.view.scroll = scroll;
    state.view.clamp();
    if let Some((target, scroll)) = detail {
        state.screen = match target.and_then(|t| entry_of(&state.catalog, &t)) {
            Some(entry) => Screen::Detail {
                entry: entry as u32,
                scroll,
            },
            None => Screen::Browse,
        };
    }
}
