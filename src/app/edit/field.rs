//! One field of an edit form: free text, a date, a deadline (with its live reading) or a
//! choice among a few options.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::date_input::parse_date;
use super::preview::{DeadlinePreview, preview};
use super::text_input::TextInput;

/// What a field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text; `required` refuses an empty value.
    Text {
        /// Whether it must be filled.
        required: bool,
    },
    /// A date (typed, checked that it exists).
    Date,
    /// A deadline text, read live by the deadline grammar.
    Deadline {
        /// The ledger's base year.
        base_year: i32,
    },
    /// One of a few options, chosen with ←/→ or the option's number.
    Choice {
        /// The options' labels.
        options: Vec<String>,
        /// The chosen option.
        selected: usize,
    },
}

/// A labelled field with its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    /// The label shown before the input.
    pub label: &'static str,
    /// What it holds.
    pub kind: FieldKind,
    /// The typed text (unused by choices).
    pub input: TextInput,
}

impl FormField {
    /// A text field.
    pub fn text(label: &'static str, required: bool, initial: &str) -> Self {
        Self {
            label,
            kind: FieldKind::Text { required },
            input: TextInput::with_text(initial),
        }
    }

    /// A date field pre-filled with `initial`.
    pub fn date(label: &'static str, initial: NaiveDate) -> Self {
        Self {
            label,
            kind: FieldKind::Date,
            input: TextInput::with_text(&initial.to_string()),
        }
    }

    /// A deadline field.
    pub fn deadline(label: &'static str, base_year: i32, initial: &str) -> Self {
        Self {
            label,
            kind: FieldKind::Deadline { base_year },
            input: TextInput::with_text(initial),
        }
    }

    /// A choice field.
    pub fn choice(label: &'static str, options: Vec<String>, selected: usize) -> Self {
        Self {
            label,
            kind: FieldKind::Choice { options, selected },
            input: TextInput::new(),
        }
    }

    /// Whether the field takes typed text (the terminal cursor is shown in it).
    pub fn takes_text(&self) -> bool {
        !matches!(self.kind, FieldKind::Choice { .. })
    }

    /// The typed text, trimmed.
    pub fn value(&self) -> &str {
        self.input.text().trim()
    }

    /// The chosen option of a choice field (0 for other fields).
    pub fn selected(&self) -> usize {
        match self.kind {
            FieldKind::Choice { selected, .. } => selected,
            _ => 0,
        }
    }

    /// The date of a date field.
    pub fn date_value(&self, today: NaiveDate) -> Result<NaiveDate, String> {
        parse_date(self.input.text(), today)
    }

    /// The live reading of a deadline field.
    pub fn deadline_preview(&self) -> Option<DeadlinePreview> {
        match self.kind {
            FieldKind::Deadline { base_year } => Some(preview(self.input.text(), base_year)),
            _ => None,
        }
    }

    /// Check the value: a required text is filled, a date exists, a deadline is not empty.
    pub fn check(&self, today: NaiveDate) -> Result<(), String> {
        match &self.kind {
            FieldKind::Text { required: true } | FieldKind::Deadline { .. }
                if self.input.is_blank() =>
            {
                Err(format!("请填写{}", self.label))
            }
            FieldKind::Date => self.date_value(today).map(|_| ()),
            _ => Ok(()),
        }
    }

    /// Handle a key meant for this field; returns whether the value (or caret) changed.
    pub fn handle_key(&mut self, key: &KeyEvent) -> bool {
        match &mut self.kind {
            FieldKind::Choice { options, selected } => {
                let n = options.len().max(1);
                match key.code {
                    KeyCode::Left => *selected = (*selected + n - 1) % n,
                    KeyCode::Right | KeyCode::Char(' ') => *selected = (*selected + 1) % n,
                    KeyCode::Char(c) => match c.to_digit(10) {
                        Some(d) if (1..=n as u32).contains(&d) => *selected = d as usize - 1,
                        _ => return false,
                    },
                    _ => return false,
                }
                true
            }
            _ => self.input.handle_key(key),
        }
    }

    /// Insert pasted text (ignored by choices).
    pub fn paste(&mut self, text: &str) {
        if self.takes_text() {
            self.input.insert_str(text);
        }
    }
}
