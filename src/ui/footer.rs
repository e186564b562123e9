//! The footer: the keys live in the current mode (from the key map), the save status while
//! edits are not on disk ("未保存 2 项 · 等待其他写入者…"), and a message or question.

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
        // The terminal cursor sits at the caret, so input methods place their window there.
        let caret = area.x.saturating_add(width(&shown) as u16);
        if caret < area.x.saturating_add(area.width) {
            frame.set_cursor_position((caret, area.y));
        }
        spans.push(Span::styled(shown, theme.heading()));
        spans.push(Span::raw("  "));
    } else if mode == Mode::ConfirmDiscard {
        let question = "放弃已输入的内容?";
        used += width(question) + 2;
        spans.push(Span::styled(question, theme.alert()));
        spans.push(Span::raw("  "));
    }
    let saving = &state.edit.saving;
    // A question leaves the line to its keys (the quit question shows the status itself).
    let asking = matches!(mode, Mode::ConfirmDiscard | Mode::ConfirmQuit);
    if saving.pending() > 0 && !matches!(mode, Mode::Search | Mode::ConfirmQuit) {
        let mut status = format!("未保存 {} 项", saving.pending());
        if let Some(failure) = saving.main_failure() {
            status.push_str(&format!(" · {}", failure.short()));
        }
        let shown = truncate(&status, cols.saturating_sub(used));
        used += width(&shown) + 2;
        spans.push(Span::styled(shown, theme.alert()));
        spans.push(Span::raw("  "));
    }
    if mode != Mode::Search
        && !asking
        && let Some(message) = &state.message
    {
        let shown = truncate(message, cols.saturating_sub(used));
        used += width(&shown) + 2;
        spans.push(Span::styled(shown, theme.alert()));
        spans.push(Span::raw("  "));
    }
    let all = keys.footer(mode);
    let piece_width = |(key, label): &(String, String)| width(key) + width(label) + 2;
    // The last two (help, quit) are kept whenever the others do not all fit.
    let tail = all.len().saturating_sub(2);
    let reserved: usize = if used + all.iter().map(piece_width).sum::<usize>() > cols {
        all[tail..].iter().map(piece_width).sum()
    } else {
        0
    };
    let mut budget = cols.saturating_sub(reserved);
    let mut shown: Vec<&(String, String)> = Vec::new();
    for (i, entry) in all.iter().enumerate() {
        if i == tail {
            budget = cols;
        }
        if used + piece_width(entry) > budget {
            if i < tail {
                continue;
            }
            break;
        }
        used += piece_width(entry);
        shown.push(entry);
    }
    for (key, label) in shown {
        spans.push(Span::styled(
            crate::text::sanitize(key).into_owned(),
            theme.key(),
        ));
        // A label starting with "-" continues the key ("1" + "-4 颜色" = "1-4 颜色").
        let gap = if label.starts_with('-') { "" } else { " " };
        spans.push(Span::raw(format!("{gap}{label} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
