//! Ticking one entry of a list: a sub-measure done, or a milestone of the schedule met,
//! with the date it happened (default today).

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::date_input::parse_date;
use super::text_input::TextInput;
use super::{FormOutcome, Message};
use crate::domain::Item;
use crate::domain::deadline::Schedule;
use crate::domain::edit::Edit;

/// What the list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChecklistKind {
    /// The item's sub-measures.
    SubMeasures,
    /// The milestones of the item's schedule.
    Milestones,
}

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistEntry {
    /// What it is (the measure's text, the milestone's due date and words).
    pub label: String,
    /// The day it was done or met, if it is.
    pub done_on: Option<NaiveDate>,
    /// Whether it is done or met.
    pub done: bool,
}

/// The checklist's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    /// What the list holds.
    pub kind: ChecklistKind,
    /// The popup's title.
    pub title: String,
    /// The entries.
    pub entries: Vec<ChecklistEntry>,
    /// The highlighted entry.
    pub highlighted: usize,
    /// The date recorded when an entry is ticked.
    pub date: TextInput,
    /// An error shown in place.
    pub message: Option<Message>,
    milestone_labels: Vec<String>,
    today: NaiveDate,
}

impl Checklist {
    /// The sub-measures of `item`; None when it has none.
    pub fn sub_measures(title: String, item: &Item, today: NaiveDate) -> Option<Self> {
        if item.sub_measures.is_empty() {
            return None;
        }
        let entries = item
            .sub_measures
            .iter()
            .map(|m| ChecklistEntry {
                label: m.text.clone(),
                done_on: m.done_on,
                done: m.done,
            })
            .collect();
        Some(Self::new(
            ChecklistKind::SubMeasures,
            title,
            entries,
            Vec::new(),
            today,
        ))
    }

    /// The milestones of `schedule` for `item`; None when the schedule has none.
    pub fn milestones(
        title: String,
        item: &Item,
        schedule: &Schedule,
        today: NaiveDate,
    ) -> Option<Self> {
        if schedule.milestones.is_empty() {
            return None;
        }
        let entries: Vec<ChecklistEntry> = schedule
            .milestones
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let met = item.milestones_met.iter().find(|x| x.index == i);
                let label = match m.label.as_str() {
                    "" => m.due.to_string(),
                    words => format!("{} {words}", m.due),
                };
                ChecklistEntry {
                    label,
                    done_on: met.map(|x| x.date),
                    done: met.is_some(),
                }
            })
            .collect();
        let labels = schedule
            .milestones
            .iter()
            .map(|m| m.label.clone())
            .collect();
        let first_open = item_first_open(&entries);
        let mut list = Self::new(ChecklistKind::Milestones, title, entries, labels, today);
        list.highlighted = first_open;
        Some(list)
    }

    fn new(
        kind: ChecklistKind,
        title: String,
        entries: Vec<ChecklistEntry>,
        milestone_labels: Vec<String>,
        today: NaiveDate,
    ) -> Self {
        Self {
            kind,
            title,
            entries,
            highlighted: 0,
            date: TextInput::with_text(&today.to_string()),
            message: None,
            milestone_labels,
            today,
        }
    }

    /// Whether a date other than the default (today) was typed.
    pub fn has_input(&self) -> bool {
        self.date.text() != self.today.to_string()
    }

    /// Handle a key: ↑/↓ (or j/k, or the entry's number) choose; Enter or Space ticks or
    /// unticks; digits and date separators edit the date; Esc cancels.
    pub fn handle_key(&mut self, key: &KeyEvent) -> FormOutcome {
        let n = self.entries.len().max(1);
        match key.code {
            KeyCode::Esc => return FormOutcome::Cancel,
            KeyCode::Up | KeyCode::Char('k') => self.highlighted = (self.highlighted + n - 1) % n,
            KeyCode::Down | KeyCode::Char('j') => self.highlighted = (self.highlighted + 1) % n,
            KeyCode::Enter | KeyCode::Char(' ') => return self.tick(),
            KeyCode::Char(c) if !is_date_char(c) => {}
            _ => {
                if self.date.handle_key(key) {
                    self.message = None;
                }
            }
        }
        FormOutcome::Continue
    }

    /// Insert pasted text into the date.
    pub fn paste(&mut self, text: &str) {
        self.date.insert_str(text);
    }

    /// Show a refusal in place.
    pub fn refuse(&mut self, text: String) {
        self.message = Some(Message::error(text));
    }

    fn tick(&mut self) -> FormOutcome {
        let Some(entry) = self.entries.get(self.highlighted) else {
            return FormOutcome::Continue;
        };
        let index = self.highlighted;
        let date = if entry.done {
            self.today
        } else {
            match parse_date(self.date.text(), self.today) {
                Ok(d) => d,
                Err(text) => {
                    self.message = Some(Message::error(text));
                    return FormOutcome::Continue;
                }
            }
        };
        let edit = match (self.kind, entry.done) {
            (ChecklistKind::SubMeasures, _) => Edit::ToggleSubMeasure { index, date },
            (ChecklistKind::Milestones, true) => Edit::UnmarkMilestone { index },
            (ChecklistKind::Milestones, false) => Edit::MarkMilestone {
                index,
                label: self
                    .milestone_labels
                    .get(index)
                    .cloned()
                    .unwrap_or_default(),
                date,
            },
        };
        FormOutcome::Submit(vec![edit])
    }
}

fn item_first_open(entries: &[ChecklistEntry]) -> usize {
    entries.iter().position(|e| !e.done).unwrap_or(0)
}

fn is_date_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | '年' | '月' | '日')
}
