//! Taking back a sheet a unit returned (issue 12), in the TUI: a prompt for the workbook
//! and its ledger, a preview of what it would change — the same plan `duban merge-sheet`
//! shows, from the same code — and, on confirmation, one undoable edit saved like any other.
//!
//! The update stays pure: reading the workbook and listing a folder for Tab are effects the
//! loop performs ([`Effect::ReadSheet`], [`Effect::ListFolder`]), their results come back
//! as actions.

pub mod path;
mod preview;
mod prompt;

pub use preview::{SheetPreview, summary};
pub use prompt::{PromptOutcome, SheetPrompt};

use std::path::PathBuf;

use chrono::NaiveDateTime;

use crate::app::edit::Message;
use crate::app::{Action, Effect, Mode, State};
use crate::import::xlsx::SheetRow;

/// The take-back flow, while open.
#[derive(Debug, Clone)]
pub enum SheetReturn {
    /// Choosing the workbook and the ledger.
    Prompt(SheetPrompt),
    /// Looking at what the sheet would change.
    Preview(Box<SheetPreview>),
}

/// What the loop is asked to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRequest {
    /// The path as typed.
    pub typed: String,
    /// What a relative path is relative to (the workspace folder).
    pub base: PathBuf,
    /// The ledger the sheet is taken back into.
    pub ledger_id: String,
}

/// What the loop read for a [`SheetRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SheetRead {
    /// The file read, as shown to the user.
    pub file: String,
    /// The ledger it is for.
    pub ledger_id: String,
    /// The sheet's name and rows, or why the file could not be read (one line).
    pub result: Result<(String, Vec<SheetRow>), String>,
}

/// A folder listed for Tab.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FolderListing {
    /// The path as typed when Tab was pressed.
    pub typed: String,
    /// The folder's entries: (name, is a folder).
    pub entries: Vec<(String, bool)>,
}

/// Handle the actions of the take-back flow; any other action is handed back untouched.
pub fn update_returned(
    state: &mut State,
    action: Action,
    at: NaiveDateTime,
) -> Result<Vec<Effect>, Action> {
    if action == Action::ReturnSheet && state.mode() == Mode::Browse {
        return Ok(open(state));
    }
    match (&mut state.returned, action) {
        // A late answer for a prompt already closed.
        (None, Action::SheetRead(_) | Action::FolderListed(_)) => Ok(Vec::new()),
        (Some(SheetReturn::Prompt(prompt)), Action::FormKey(key)) => {
            Ok(match prompt.handle_key(&key) {
                PromptOutcome::Continue => Vec::new(),
                PromptOutcome::Cancel => {
                    state.returned = None;
                    Vec::new()
                }
                PromptOutcome::Read => read(state),
                PromptOutcome::Complete => vec![Effect::ListFolder {
                    typed: prompt.input.text().to_string(),
                    base: state.catalog.dir.clone(),
                }],
            })
        }
        (Some(SheetReturn::Prompt(prompt)), Action::FormPaste(text)) => {
            prompt.paste(&text);
            Ok(Vec::new())
        }
        (Some(SheetReturn::Prompt(prompt)), Action::FolderListed(listing)) => {
            prompt.completed(
                &listing.typed,
                path::complete(&listing.typed, &listing.entries),
            );
            Ok(Vec::new())
        }
        (Some(SheetReturn::Prompt(_)), Action::SheetRead(read)) => {
            preview::sheet_read(state, *read);
            Ok(Vec::new())
        }
        (Some(SheetReturn::Preview(preview)), action) => match action {
            Action::MoveDown => Ok(preview.scroll_by(1)),
            Action::MoveUp => Ok(preview.scroll_by(-1)),
            Action::PageDown => Ok(preview.scroll_by(10)),
            Action::PageUp => Ok(preview.scroll_by(-10)),
            Action::Top => Ok(preview.scroll_by(i32::MIN / 2)),
            Action::Bottom => Ok(preview.scroll_by(i32::MAX / 2)),
            Action::Back => {
                state.returned = None;
                state.message = Some("已取消收回报表,未写入任何修改".to_string());
                Ok(Vec::new())
            }
            Action::ApplySheet => Ok(preview::apply(state, at)),
            other => Err(other),
        },
        (_, other) => Err(other),
    }
}

/// Open the prompt on the selected item's ledger (after the name question, the first time).
pub fn open(state: &mut State) -> Vec<Effect> {
    if crate::app::edit::ask_name_first(state, crate::app::edit::AfterName::ReturnSheet) {
        return Vec::new();
    }
    let ledgers: Vec<(String, String)> = state
        .catalog
        .ledgers
        .iter()
        .map(|l| (l.ledger.id.clone(), l.ledger.title.clone()))
        .collect();
    if ledgers.is_empty() {
        state.message = Some("工作区没有台账,无法收回报表".to_string());
        return Vec::new();
    }
    let selected = crate::app::edit::selected_target(state)
        .and_then(|t| ledgers.iter().position(|(id, _)| *id == t.ledger_id))
        .unwrap_or(0);
    state.returned = Some(SheetReturn::Prompt(SheetPrompt::new(ledgers, selected)));
    Vec::new()
}

/// Ask the loop to read the typed workbook.
fn read(state: &mut State) -> Vec<Effect> {
    let Some(SheetReturn::Prompt(prompt)) = &mut state.returned else {
        return Vec::new();
    };
    let Some(ledger_id) = prompt.ledger_id() else {
        prompt.message = Some(Message::error("没有可选的台账".to_string()));
        return Vec::new();
    };
    vec![Effect::ReadSheet(Box::new(SheetRequest {
        typed: prompt.input.text().trim().to_string(),
        base: state.catalog.dir.clone(),
        ledger_id: ledger_id.to_string(),
    }))]
}
