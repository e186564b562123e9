//! The unit picker: choose responsible units from the known ones with fuzzy completion,
//! pinyin initials and full pinyin included (`bgs` finds 办公室), through the app's search
//! index.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::text_input::TextInput;
use super::{FormOutcome, Message};
use crate::domain::edit::Edit;
use crate::search::{SearchFields, SearchIndex};

/// How many completions are shown.
pub const MAX_CANDIDATES: usize = 8;

/// Whether the chosen units replace the item's units or are added to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitMode {
    /// Replace (改派).
    Replace,
    /// Add (增加).
    Add,
}

impl UnitMode {
    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            UnitMode::Replace => "改为",
            UnitMode::Add => "增加",
        }
    }
}

/// One completion offered for the typed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The unit's name.
    pub unit: String,
    /// True when it is the typed text itself, not a known unit.
    pub is_new: bool,
    /// Char indices of the matched characters (for highlighting).
    pub matched: Vec<usize>,
}

/// The unit picker's state.
#[derive(Debug, Clone)]
pub struct UnitPicker {
    /// The popup's title.
    pub title: String,
    /// The units chosen so far.
    pub chosen: Vec<String>,
    /// The text typed to find a unit.
    pub input: TextInput,
    /// Completions for the typed text.
    pub candidates: Vec<Candidate>,
    /// The highlighted completion.
    pub highlighted: usize,
    /// Replace or add.
    pub mode: UnitMode,
    /// Whether the mode can be switched (a multi-selection).
    pub can_switch_mode: bool,
    /// An error shown in place.
    pub message: Option<Message>,
    known: Vec<String>,
    index: Arc<SearchIndex>,
    /// The units chosen when the picker opened.
    opened: Vec<String>,
}

impl UnitPicker {
    /// A picker starting from `current` units (empty for a multi-selection, which may then
    /// switch between replacing and adding with Tab), completing over `known` units
    /// (listed in pinyin order).
    pub fn new(title: String, current: &[String], known: &[String], bulk: bool) -> Self {
        let mut known = known.to_vec();
        crate::search::collate::sort_by_pinyin(&mut known);
        let mut picker = Self {
            title,
            chosen: current.to_vec(),
            opened: current.to_vec(),
            input: TextInput::new(),
            candidates: Vec::new(),
            highlighted: 0,
            mode: if bulk {
                UnitMode::Add
            } else {
                UnitMode::Replace
            },
            can_switch_mode: bulk,
            message: None,
            index: Arc::new(SearchIndex::build(known.iter().map(|u| SearchFields {
                title: u,
                ..SearchFields::default()
            }))),
            known,
        };
        picker.refresh();
        picker
    }

    /// Whether anything was typed or chosen that closing the picker would drop.
    pub fn has_input(&self) -> bool {
        !self.input.is_blank() || self.chosen != self.opened
    }

    /// Handle a key. Typing filters; ↑/↓ choose a completion; Enter adds it (or, with
    /// nothing typed, saves); Backspace on empty input removes the last chosen unit;
    /// Tab switches replace/add for a multi-selection; Esc cancels.
    pub fn handle_key(&mut self, key: &KeyEvent) -> FormOutcome {
        match key.code {
            KeyCode::Esc => return FormOutcome::Cancel,
            KeyCode::Enter if self.input.is_blank() => return self.submit(),
            KeyCode::Enter => self.take_highlighted(),
            KeyCode::Up => self.highlighted = self.highlighted.saturating_sub(1),
            KeyCode::Down => {
                if self.highlighted + 1 < self.candidates.len() {
                    self.highlighted += 1;
                }
            }
            KeyCode::Tab if self.can_switch_mode => {
                self.mode = match self.mode {
                    UnitMode::Replace => UnitMode::Add,
                    UnitMode::Add => UnitMode::Replace,
                };
            }
            KeyCode::Backspace if self.input.text().is_empty() => {
                self.chosen.pop();
                self.refresh();
            }
            _ => {
                if self.input.handle_key(key) {
                    self.message = None;
                    self.refresh();
                }
            }
        }
        FormOutcome::Continue
    }

    /// Insert pasted text into the search.
    pub fn paste(&mut self, text: &str) {
        self.input.insert_str(text);
        self.refresh();
    }

    /// Show a refusal in place.
    pub fn refuse(&mut self, text: String) {
        self.message = Some(Message::error(text));
    }

    fn take_highlighted(&mut self) {
        if let Some(c) = self.candidates.get(self.highlighted) {
            self.chosen.push(c.unit.clone());
            self.input = TextInput::new();
            self.refresh();
        }
    }

    fn submit(&mut self) -> FormOutcome {
        if self.chosen.is_empty() {
            self.message = Some(Message::error("请至少选择一个责任单位".to_string()));
            return FormOutcome::Continue;
        }
        match self.mode {
            UnitMode::Replace => FormOutcome::Submit(vec![Edit::SetUnits {
                units: self.chosen.clone(),
            }]),
            UnitMode::Add => FormOutcome::Submit(
                self.chosen
                    .iter()
                    .map(|u| Edit::AddUnit { unit: u.clone() })
                    .collect(),
            ),
        }
    }

    /// Recompute the completions for the typed text: known units not yet chosen, best
    /// match first (fuzzy or pinyin); the typed text itself is offered last when it is not
    /// a known unit.
    fn refresh(&mut self) {
        let query = self.input.text().trim().to_string();
        let mut scored: Vec<(i64, Candidate)> = if query.is_empty() {
            self.known
                .iter()
                .map(|u| (0, candidate(u, Vec::new())))
                .collect()
        } else {
            self.index
                .search(&query, None)
                .hits
                .into_iter()
                .filter_map(|hit| {
                    let unit = self.known.get(hit.doc as usize)?;
                    let matched = self.index.title_highlights(hit.doc, &query);
                    Some((hit.score, candidate(unit, matched)))
                })
                .collect()
        };
        scored.retain(|(_, c)| !self.chosen.contains(&c.unit));
        scored.sort_by_key(|s| std::cmp::Reverse(s.0));
        self.candidates = scored
            .into_iter()
            .map(|(_, c)| c)
            .take(MAX_CANDIDATES)
            .collect();
        if !query.is_empty() && !self.known.contains(&query) && !self.chosen.contains(&query) {
            self.candidates.push(Candidate {
                unit: query,
                is_new: true,
                matched: Vec::new(),
            });
        }
        self.highlighted = self
            .highlighted
            .min(self.candidates.len().saturating_sub(1));
    }
}

fn candidate(unit: &str, matched: Vec<usize>) -> Candidate {
    Candidate {
        unit: unit.to_string(),
        is_new: false,
        matched,
    }
}
