//! The side panel: the groups of the current grouping with per-colour counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Theme;
use crate::app::{COUNTED_COLOURS, Pane, State, visible_offset};
use crate::text::{fit, width};

/// Draw the group panel.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let view = &state.view;
    let focused = view.focus == Pane::Groups;
    let block = Block::bordered()
        .title(Span::styled(view.grouping.label(), theme.heading()))
        .border_style(if focused {
            theme.heading()
        } else {
            theme.dim()
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    let cols = inner.width as usize;
    if height == 0 || cols == 0 {
        return;
    }
    let offset = visible_offset(0, view.group_cursor, height);
    let mut lines = Vec::with_capacity(height);
    for (i, group) in view.groups.iter().enumerate().skip(offset).take(height) {
        let mut counts: Vec<Span> = Vec::new();
        let mut counts_width = 0;
        for (colour, n) in COUNTED_COLOURS.iter().zip(group.counts) {
            if n > 0 {
                let s = format!(" {}{n}", colour.label());
                counts_width += width(&s);
                counts.push(Span::styled(s, theme.colour_text(*colour)));
            }
        }
        let total = format!(" {}", group.total);
        let label = group.key.short_label(&state.catalog);
        let wanted = width(&label).min(14);
        // Drop the mildest counts first until the label has room.
        while !counts.is_empty() && cols.saturating_sub(counts_width + width(&total)) < wanted {
            if let Some(last) = counts.pop() {
                counts_width -= width(&last.content);
            }
        }
        let label_width = cols.saturating_sub(counts_width + width(&total)).min(cols);
        let mut spans = vec![Span::raw(fit(&label, label_width))];
        if label_width + width(&total) <= cols {
            spans.push(Span::styled(total, theme.dim()));
        }
        spans.extend(counts);
        let mut line = Line::from(spans);
        if i == view.group_cursor {
            line = line.style(if focused {
                theme.selected()
            } else {
                theme.heading()
            });
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
