//! The footer: the keys live in the current mode (from the key map), or a message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::{Mode, State};
use crate::input::KeyMap;
use crate::text::{truncate, width};

/// Draw the footer line.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, keys: &KeyMap, theme: &Theme) {
    let cols = area.width as usize;
    let mode = state.mode();
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    if mode == Mode::Search {
        let prompt = format!("/{}", state.search.query);
        let shown = truncate(&prompt, cols.saturating_sub(2).max(1));
        used += width(&shown) + 1;
        spans.push(Span::styled(shown, theme.heading()));
        spans.push(Span::styled("▏", theme.key()));
        spans.push(Span::raw(" "));
    } else if let Some(message) = &state.message {
        let shown = truncate(message, cols);
        used += width(&shown) + 2;
        spans.push(Span::styled(shown, theme.alert()));
        spans.push(Span::raw("  "));
    }
    for (key, label) in keys.footer(mode) {
        let piece = width(&key) + width(&label) + 2;
        if used + piece > cols {
            break;
        }
        used += piece;
        spans.push(Span::styled(
            crate::text::sanitize(&key).into_owned(),
            theme.key(),
        ));
        // A label starting with "-" continues the key ("1" + "-4 颜色" = "1-4 颜色").
        let gap = if label.starts_with('-') { "" } else { " " };
        spans.push(Span::raw(format!("{gap}{label} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
