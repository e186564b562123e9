//! The list of what changed since the last meeting: one line per item that moved.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Theme;
use crate::app::{ChangesView, State, visible_offset};
use crate::text::{sanitize, truncate};

/// Draw the list.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, view: &ChangesView, theme: &Theme) {
    let title = format!(
        " 自 {} 会议以来的变化 · {} 项 (Enter 详情, Esc 返回) ",
        view.since,
        view.items.len()
    );
    let block = Block::bordered().title(Span::styled(title, theme.heading()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    let cols = inner.width as usize;
    if height == 0 || cols == 0 {
        return;
    }
    let offset = visible_offset(0, view.cursor, height);
    let catalog = &state.catalog;
    let lines: Vec<Line> = view
        .items
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .filter_map(|(i, changed)| {
            let entry = catalog.entry(changed.entry)?;
            let item = catalog.item(entry);
            let colour = entry.colour();
            let text = sanitize(&format!(
                " {} {} · {}",
                item.number,
                item.title,
                changed.what.join(",")
            ))
            .into_owned();
            let chip = Theme::chip_text(colour);
            let rest = truncate(&text, cols.saturating_sub(crate::text::width(chip)));
            let style = if i == view.cursor {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            Some(Line::from(vec![
                Span::styled(chip, theme.chip(colour)),
                Span::styled(rest, style),
            ]))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
