//! The filter menu: statuses, due windows, ledgers and units, each toggled with Space.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Theme;
use crate::app::{FilterOption, State, visible_offset};
use crate::text::truncate;

/// Draw the menu with the cursor on option `cursor`.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, cursor: usize, theme: &Theme) {
    let popup = super::centered(area, 50, 30);
    crate::ui::popup::clear_area(frame.buffer_mut(), popup);
    let block =
        Block::bordered().title(Span::styled(" 筛选 (空格选择, Esc 关闭) ", theme.heading()));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let height = inner.height as usize;
    let cols = inner.width as usize;
    if height == 0 || cols == 0 {
        return;
    }
    let options = FilterOption::all(&state.catalog);
    let offset = visible_offset(0, cursor, height);
    let lines: Vec<Line> = options
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, &option)| {
            let mark = if state.view.filters.has(option) {
                "[x]"
            } else {
                "[ ]"
            };
            let text = format!(
                "{mark} {}:{}",
                option.section(),
                option.label(&state.catalog)
            );
            let style = if i == cursor {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            Line::from(Span::styled(truncate(&text, cols), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
