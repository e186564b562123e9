//! A single-line text input that works with Chinese: edits by grapheme, caret by width.
//!
//! Input methods deliver committed text as ordinary characters (or as a paste), so
//! characters are simply inserted as they come; nothing here interprets composition.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;

use crate::text;

/// The text being typed and the caret (a byte offset on a grapheme boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
}

impl TextInput {
    /// An empty input.
    pub fn new() -> Self {
        Self::default()
    }

    /// An input holding `initial` (made single-line), caret at the end.
    pub fn with_text(initial: &str) -> Self {
        let mut input = Self::new();
        input.insert_str(initial);
        input
    }

    /// The text typed so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether nothing (or only spaces) has been typed.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The caret as a byte offset into [`Self::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The caret's display column from the start of the text (CJK counts two).
    pub fn cursor_column(&self) -> usize {
        text::width(&self.text[..self.cursor])
    }

    /// Insert one typed character at the caret; control characters are ignored
    /// (a tab or newline becomes a space).
    pub fn insert_char(&mut self, c: char) {
        if let Some(c) = single_line(c) {
            self.text.insert(self.cursor, c);
            self.cursor += c.len_utf8();
        }
    }

    /// Insert pasted text whole at the caret: newlines (CRLF counted once) and tabs become
    /// spaces, other control characters are dropped.
    pub fn insert_str(&mut self, pasted: &str) {
        let clean: String = pasted
            .replace("\r\n", "\n")
            .chars()
            .filter_map(single_line)
            .collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    /// Delete the grapheme before the caret.
    pub fn backspace(&mut self) {
        if let Some(start) = self.prev_boundary() {
            self.text.replace_range(start..self.cursor, "");
            self.cursor = start;
        }
    }

    /// Delete the grapheme after the caret.
    pub fn delete(&mut self) {
        if let Some(end) = self.next_boundary() {
            self.text.replace_range(self.cursor..end, "");
        }
    }

    /// Move the caret one grapheme left.
    pub fn left(&mut self) {
        if let Some(p) = self.prev_boundary() {
            self.cursor = p;
        }
    }

    /// Move the caret one grapheme right.
    pub fn right(&mut self) {
        if let Some(n) = self.next_boundary() {
            self.cursor = n;
        }
    }

    /// Move the caret to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Move the caret to the end.
    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Delete everything before the caret (Ctrl-U).
    pub fn kill_to_start(&mut self) {
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    /// Delete the word before the caret and the spaces after it (Ctrl-W).
    pub fn kill_word_back(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Replace the whole text (caret at the end).
    pub fn set_text(&mut self, new_text: &str) {
        self.text.clear();
        self.cursor = 0;
        self.insert_str(new_text);
    }

    /// Handle an editing key; returns whether the key was used.
    /// Enter, Esc, Tab and arrows up/down are left to the form.
    pub fn handle_key(&mut self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL)
            && !key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Char('u') if ctrl => self.kill_to_start(),
            KeyCode::Char('w') if ctrl => self.kill_word_back(),
            KeyCode::Char('a') if ctrl => self.home(),
            KeyCode::Char('e') if ctrl => self.end(),
            KeyCode::Char('b') if ctrl => self.left(),
            KeyCode::Char('f') if ctrl => self.right(),
            KeyCode::Char('h') if ctrl => self.backspace(),
            KeyCode::Char(_) if ctrl => return false,
            KeyCode::Char(c) => self.insert_char(c),
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            KeyCode::Left => self.left(),
            KeyCode::Right => self.right(),
            KeyCode::Home => self.home(),
            KeyCode::End => self.end(),
            _ => return false,
        }
        true
    }

    /// The part of the text to show in `cols` columns, sanitised, and the caret's column in
    /// it: scrolled so the caret is always visible.
    pub fn view(&self, cols: usize) -> (String, usize) {
        if cols == 0 {
            return (String::new(), 0);
        }
        let caret = self.cursor_column();
        let start = if caret < cols {
            0
        } else {
            // Drop graphemes from the front until the caret fits in the last column.
            let mut start = 0;
            let mut dropped = 0;
            for (i, g) in self.text[..self.cursor].grapheme_indices(true) {
                if caret - dropped < cols {
                    break;
                }
                dropped += text::width(g);
                start = i + g.len();
            }
            start
        };
        let shown = clip(&self.text[start..], cols);
        (shown, caret - text::width(&self.text[..start]))
    }

    fn prev_boundary(&self) -> Option<usize> {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }
}

fn single_line(c: char) -> Option<char> {
    match c {
        '\n' | '\r' | '\t' => Some(' '),
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// Sanitise `s` and cut it to at most `cols` columns without an ellipsis (the caret may sit
/// in the last column).
fn clip(s: &str, cols: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text::sanitize(s).chars() {
        let w = text::char_width(c);
        if used + w > cols {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}
