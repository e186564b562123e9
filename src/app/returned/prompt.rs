//! The take-back prompt: which workbook (typed, Tab-completed) and which ledger it belongs
//! to (↑↓ through the workspace's ledgers, starting at the selected item's).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::path::Completion;
use crate::app::edit::{Message, TextInput};

/// How many completion choices the prompt lists.
const CHOICES_SHOWN: usize = 6;

/// The prompt's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetPrompt {
    /// The path typed (relative to the workspace, `~/…`, or absolute).
    pub input: TextInput,
    /// The workspace's ledgers: (id, title).
    pub ledgers: Vec<(String, String)>,
    /// The ledger chosen (index into `ledgers`).
    pub chosen: usize,
    /// The choices the last Tab found, when there were several.
    pub choices: Vec<String>,
    /// A refusal or a note shown in place.
    pub message: Option<Message>,
}

/// What a key in the prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptOutcome {
    /// Keep typing.
    Continue,
    /// Close the prompt.
    Cancel,
    /// Read this path for the chosen ledger.
    Read,
    /// List the folder of the typed path for completion.
    Complete,
}

impl SheetPrompt {
    /// A prompt over `ledgers`, with `chosen` selected and nothing typed.
    pub fn new(ledgers: Vec<(String, String)>, chosen: usize) -> Self {
        let chosen = chosen.min(ledgers.len().saturating_sub(1));
        Self {
            input: TextInput::new(),
            ledgers,
            chosen,
            choices: Vec::new(),
            message: None,
        }
    }

    /// The chosen ledger's id.
    pub fn ledger_id(&self) -> Option<&str> {
        self.ledgers.get(self.chosen).map(|(id, _)| id.as_str())
    }

    /// The choices to list (at most a few) and how many more there are.
    pub fn shown_choices(&self) -> (&[String], usize) {
        let n = self.choices.len().min(CHOICES_SHOWN);
        (&self.choices[..n], self.choices.len() - n)
    }

    /// Handle a key.
    pub fn handle_key(&mut self, key: &KeyEvent) -> PromptOutcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return PromptOutcome::Cancel,
            KeyCode::Enter if self.input.is_blank() => {
                self.message = Some(Message::error(
                    "请填写交回的工作簿路径(相对工作区,或 ~/…、/…)".to_string(),
                ));
            }
            KeyCode::Enter => return PromptOutcome::Read,
            KeyCode::Tab => return PromptOutcome::Complete,
            KeyCode::Up => self.step_ledger(-1),
            KeyCode::Down | KeyCode::BackTab => self.step_ledger(1),
            KeyCode::Char('p') if ctrl => self.step_ledger(-1),
            KeyCode::Char('n') if ctrl => self.step_ledger(1),
            _ => {
                if self.input.handle_key(key) {
                    self.message = None;
                    self.choices.clear();
                }
            }
        }
        PromptOutcome::Continue
    }

    /// Insert pasted text at the caret.
    pub fn paste(&mut self, text: &str) {
        self.input.insert_str(text);
        self.message = None;
        self.choices.clear();
    }

    /// The folder of `typed` was listed: complete the input, if it still holds `typed`.
    pub fn completed(&mut self, typed: &str, completion: Completion) {
        if self.input.text() != typed {
            return;
        }
        self.choices.clear();
        match completion {
            Completion::None => {
                let name = super::path::split(typed).1;
                self.message = Some(Message::warning(format!(
                    "没有以「{name}」开头的文件夹或工作簿(.xlsx/.xls/.ods)"
                )));
            }
            Completion::Text { text, choices } => {
                self.input.set_text(&text);
                self.choices = choices;
                self.message = None;
            }
        }
    }

    fn step_ledger(&mut self, delta: isize) {
        let n = self.ledgers.len();
        if n > 0 {
            self.chosen = (self.chosen as isize + delta).rem_euclid(n as isize) as usize;
        }
    }
}
