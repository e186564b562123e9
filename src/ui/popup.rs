//! Placing a popup and clearing the area under it, so that its borders are drawn whole
//! over any text and no sliver of the screen behind shows beside it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// Below this many columns on each side, a popup takes the whole width: a margin of one or
/// two columns shows only fragments of the screen behind (a border, half a character).
const MIN_SIDE_COLUMNS: u16 = 4;
/// Below this many rows above and below, a popup takes the whole height.
const MIN_SIDE_ROWS: u16 = 2;

/// Where a popup of at most `width`×`height` goes in `area`: centred, or the whole width
/// (height) of `area` when the margins left beside it would be mere slivers.
pub fn place(area: Rect, width: u16, height: u16) -> Rect {
    let fill = |wanted: u16, room: u16, side: u16| {
        if wanted.saturating_add(side * 2) > room {
            room
        } else {
            wanted
        }
    };
    let w = fill(width, area.width, MIN_SIDE_COLUMNS);
    let h = fill(height, area.height, MIN_SIDE_ROWS);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clear `area` for a popup (like ratatui's `Clear`) and blank every wide character that
/// straddles its left or right edge. A Chinese character whose right half falls on the
/// popup's left border would otherwise still be drawn there, hiding the border.
pub fn clear_area(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    Clear.render(area, buf);
    let right = area.right() - 1;
    for y in area.top()..area.bottom() {
        // A symbol starting `k` cells left of the area reaches into it when wider than `k`.
        for k in 1..=area.x.saturating_sub(buf.area.x).min(3) {
            blank_if_wider(buf, Position::new(area.x - k, y), k);
        }
        // The last cell inside must not spill over the right edge.
        blank_if_wider(buf, Position::new(right, y), 1);
    }
}

/// Replace the symbol at `pos` with a space (keeping its style) when it is wider than `width`.
fn blank_if_wider(buf: &mut Buffer, pos: Position, width: u16) {
    if let Some(cell) = buf.cell_mut(pos)
        && cell.symbol().width() > width as usize
    {
        cell.set_symbol(" ");
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::{Block, Paragraph};

    use super::*;

    /// A popup whose left edge falls on the right half of a Chinese character.
    #[test]
    fn the_left_border_is_intact_next_to_chinese_text() {
        let mut terminal = Terminal::new(TestBackend::new(12, 4)).expect("test backend");
        terminal
            .draw(|frame| {
                let full = frame.area();
                frame.render_widget(Paragraph::new(vec!["中文中文中文".into(); 4]), full);
                // Column 3 is the right half of the second character.
                let popup = Rect::new(3, 0, 6, 4);
                clear_area(frame.buffer_mut(), popup);
                frame.render_widget(Block::bordered(), popup);
            })
            .expect("draw");
        terminal.backend().assert_buffer_lines([
            "中 ┌────┐ 文",
            "中 │    │ 文",
            "中 │    │ 文",
            "中 └────┘ 文",
        ]);
    }

    #[test]
    fn a_popup_fills_the_width_rather_than_leave_slivers() {
        let area = Rect::new(0, 2, 80, 21);
        assert_eq!(place(area, 76, 40), area);
        assert_eq!(place(area, 72, 40), Rect::new(4, 2, 72, 21));
        let wide = Rect::new(0, 2, 200, 47);
        assert_eq!(place(wide, 76, 40), Rect::new(62, 5, 76, 40));
        assert_eq!(
            place(Rect::new(0, 0, 80, 41), 76, 40),
            Rect::new(0, 0, 80, 41)
        );
        assert_eq!(place(Rect::new(3, 3, 0, 0), 76, 40), Rect::new(3, 3, 0, 0));
    }

    #[test]
    fn an_area_at_the_edge_or_outside_the_buffer_is_safe() {
        let mut buf = Buffer::with_lines(["中文中文"]);
        clear_area(&mut buf, Rect::new(0, 0, 3, 1));
        clear_area(&mut buf, Rect::new(7, 0, 5, 3));
        clear_area(&mut buf, Rect::new(20, 20, 5, 5));
        assert_eq!(buf, Buffer::with_lines(["    中  "]));
    }
}
