//! The status picker: one key per status; 暂缓 then asks for a reason.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::text_input::TextInput;
use super::{FormOutcome, Message};
use crate::domain::Status;
use crate::domain::edit::Edit;

/// The key that picks each status, in [`Status::ALL`] order.
pub const STATUS_KEYS: [char; 5] = ['1', '2', '3', '4', '5'];

/// The status picker's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusPicker {
    /// The popup's title.
    pub title: String,
    /// The highlighted status (index into [`Status::ALL`]).
    pub highlighted: usize,
    /// The current status of the single item edited, if one.
    pub current: Option<Status>,
    /// Set once 暂缓 is chosen: the reason being typed.
    pub reason: Option<TextInput>,
    /// An error shown in place.
    pub message: Option<Message>,
}

impl StatusPicker {
    /// A picker for an item whose status is `current` (None for a multi-selection).
    pub fn new(title: String, current: Option<Status>) -> Self {
        let highlighted = current
            .and_then(|c| Status::ALL.iter().position(|s| *s == c))
            .unwrap_or(0);
        Self {
            title,
            highlighted,
            current,
            reason: None,
            message: None,
        }
    }

    /// Handle a key: a status key (or ↑/↓ and Enter) picks; Esc cancels (or leaves the reason).
    pub fn handle_key(&mut self, key: &KeyEvent) -> FormOutcome {
        if let Some(reason) = &mut self.reason {
            match key.code {
                // A typed reason is only dropped after the question (see `has_input`).
                KeyCode::Esc if !reason.is_blank() => return FormOutcome::Cancel,
                KeyCode::Esc => self.reason = None,
                KeyCode::Enter if reason.is_blank() => {
                    self.message = Some(Message::error("请填写暂缓原因".to_string()));
                }
                KeyCode::Enter => {
                    return FormOutcome::Submit(vec![Edit::SetStatus {
                        status: Status::Suspended,
                        reason: Some(reason.text().trim().to_string()),
                    }]);
                }
                _ => {
                    if reason.handle_key(key) {
                        self.message = None;
                    }
                }
            }
            return FormOutcome::Continue;
        }
        let n = Status::ALL.len();
        match key.code {
            KeyCode::Esc => return FormOutcome::Cancel,
            KeyCode::Up | KeyCode::Char('k') => self.highlighted = (self.highlighted + n - 1) % n,
            KeyCode::Down | KeyCode::Char('j') => self.highlighted = (self.highlighted + 1) % n,
            KeyCode::Enter => return self.pick(self.highlighted),
            KeyCode::Char(c) => {
                if let Some(i) = STATUS_KEYS.iter().position(|k| *k == c) {
                    self.highlighted = i;
                    return self.pick(i);
                }
            }
            _ => {}
        }
        FormOutcome::Continue
    }

    /// Insert pasted text into the reason, when it is being typed.
    pub fn paste(&mut self, text: &str) {
        if let Some(reason) = &mut self.reason {
            reason.insert_str(text);
        }
    }

    fn pick(&mut self, i: usize) -> FormOutcome {
        let status = Status::ALL[i % Status::ALL.len()];
        if status == Status::Suspended {
            self.reason = Some(TextInput::new());
            self.message = None;
            return FormOutcome::Continue;
        }
        FormOutcome::Submit(vec![Edit::SetStatus {
            status,
            reason: None,
        }])
    }

    /// Show a refusal in place.
    pub fn refuse(&mut self, text: String) {
        self.message = Some(Message::error(text));
    }
}
