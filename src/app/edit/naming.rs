//! The first edit made without a chosen name asks for one, prefilled with the login name,
//! and stores it in the per-user config folder (issue 8.15): notes then carry a name the
//! user chose, and later sessions (TUI and CLI) find it there.

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::text_input::TextInput;
use super::{EditKind, Message};
use crate::app::{Effect, State};

/// The name question, open before the edit form the user asked for.
#[derive(Debug, Clone)]
pub struct NameQuestion {
    /// The name being typed (starts as the login name).
    pub input: TextInput,
    /// What to open once answered.
    pub then: AfterName,
    /// A refusal shown in place.
    pub message: Option<Message>,
}

/// What the name question was asked before (and opens once answered).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterName {
    /// An edit form.
    Form(EditKind),
    /// The prompt that takes back a returned sheet.
    ReturnSheet,
}

impl AfterName {
    fn open(self, state: &mut State, today: NaiveDate) -> Vec<Effect> {
        match self {
            AfterName::Form(kind) => super::actions::open_form(state, kind, today),
            AfterName::ReturnSheet => crate::app::returned::open(state),
        }
    }
}

/// Whether to ask for a name, and where the answer is stored.
#[derive(Debug, Clone, Default)]
pub struct NameSetting {
    /// Ask before the next edit (no name chosen anywhere: only the login name is known).
    pub ask: bool,
    /// The per-user config folder the name is written to (`None`: no home folder known).
    pub config_dir: Option<PathBuf>,
}

/// Open the name question instead of the form `kind`, when a name is still to be asked
/// for (once per session). Returns whether it was opened.
pub fn ask_first(state: &mut State, kind: EditKind) -> bool {
    ask_name_first(state, AfterName::Form(kind))
}

/// Open the name question before `then`, when a name is still to be asked for (once per
/// session). Returns whether it was opened.
pub fn ask_name_first(state: &mut State, then: AfterName) -> bool {
    if !state.edit.naming_setting.ask {
        return false;
    }
    state.edit.naming_setting.ask = false;
    state.edit.naming = Some(NameQuestion {
        input: TextInput::with_text(state.edit.user.trim()),
        then,
        message: None,
    });
    true
}

/// A key in the name question: Enter takes the name (stored, then the form opens), Esc
/// keeps the login name for this session only.
pub fn name_key(state: &mut State, key: &KeyEvent, today: NaiveDate) -> Vec<Effect> {
    let Some(question) = &mut state.edit.naming else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Esc => {
            let then = question.then;
            state.edit.naming = None;
            state.message = Some(format!(
                "本次以“{}”署名,未保存名字(可设置 DUBAN_AUTHOR)",
                state.edit.who()
            ));
            then.open(state, today)
        }
        KeyCode::Enter => {
            let name = question.input.text().trim().to_string();
            if name.is_empty() {
                question.message = Some(Message::error("请填写名字".to_string()));
                return Vec::new();
            }
            let then = question.then;
            state.edit.naming = None;
            state.edit.user = name.clone();
            let mut effects: Vec<Effect> = state
                .edit
                .naming_setting
                .config_dir
                .clone()
                .map(|dir| Effect::SaveUserName { dir, name })
                .into_iter()
                .collect();
            effects.extend(then.open(state, today));
            effects
        }
        _ => {
            if question.input.handle_key(key) {
                question.message = None;
            }
            Vec::new()
        }
    }
}

/// The name was stored (where) or could not be (why).
pub fn name_saved(state: &mut State, result: Result<PathBuf, String>) -> Vec<Effect> {
    let name = state.edit.who().to_string();
    state.message = Some(match result {
        Ok(path) => format!(
            "署名“{name}”已保存到 {}(DUBAN_AUTHOR 可临时改用其他名字)",
            path.display()
        ),
        Err(e) => format!("署名未能保存:{e};本次仍以“{name}”署名"),
    });
    Vec::new()
}
