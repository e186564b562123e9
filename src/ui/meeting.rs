//! Meeting mode on screen: the popup that starts a meeting, the meeting bar over the item
//! shown (the detail view's lines), and the question that ends it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::{Meeting, MeetingSetup, State};
use crate::text::{sanitize, truncate, width};

/// Draw the meeting under way: a bar saying where we are, then the item's detail.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, scroll: u16, theme: &Theme) {
    let Some(meeting) = &state.meetings.active else {
        return;
    };
    let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let text = bar_text(meeting);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            truncate(&text, bar.width as usize),
            theme.heading(),
        ))),
        bar,
    );
    let entry = meeting.current().and_then(|s| {
        state
            .catalog
            .entry_index(&s.target.ledger_id, &s.target.item_id)
    });
    match entry {
        Some(entry) => super::detail::draw(frame, body, state, entry as u32, scroll, theme),
        None => frame.render_widget(
            Paragraph::new("(该事项已被他人删除;按 ] 继续)").block(Block::bordered()),
            body,
        ),
    }
    if meeting.ending {
        draw_end(frame, area, meeting, theme);
    }
}

/// "会议 3/12 · 社区矫正管理科 2/5 · 会前 红": where the meeting is.
pub fn bar_text(meeting: &Meeting) -> String {
    let mut text = format!("会议 {}/{}", meeting.pos + 1, meeting.stops.len());
    if let Some((unit, n, of)) = meeting.unit_position() {
        text.push_str(&format!(" · {} {n}/{of}", sanitize(unit)));
    }
    if let Some(stop) = meeting.current() {
        text.push_str(&format!(
            " · 会前{}",
            crate::domain::meeting::colour_word(stop.colour)
        ));
    }
    text
}

fn draw_end(frame: &mut Frame, area: Rect, meeting: &Meeting, theme: &Theme) {
    let popup = super::centered(area, 44, 6);
    super::popup::clear_area(frame.buffer_mut(), popup);
    let discussed = meeting.reached + 1;
    let lines = vec![
        Line::raw(format!(
            "已研究 {discussed}/{} 项。结束会议并生成会议纪要?",
            meeting.stops.len()
        )),
        Line::raw(""),
        Line::from(vec![
            Span::styled("Enter", theme.key()),
            Span::raw(" 结束并保存纪要  "),
            Span::styled("Esc", theme.key()),
            Span::raw(" 继续开会"),
        ]),
    ];
    let block = Block::bordered().title(Span::styled(" 结束会议 ", theme.heading()));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}

/// Draw the popup that starts a meeting.
pub fn draw_setup(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    setup: &MeetingSetup,
    theme: &Theme,
) {
    let popup = super::centered(area, 64, 10);
    super::popup::clear_area(frame.buffer_mut(), popup);
    let block = Block::bordered().title(Span::styled(" 开始会议 ", theme.heading()));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let cols = inner.width as usize;
    let prompt = "参会人员:";
    let lines = vec![
        Line::raw(truncate(
            &format!(
                "范围:{} · 共 {} 项,按单位逐项研究",
                setup.scope.label(&state.catalog),
                setup.count
            ),
            cols,
        )),
        Line::styled(
            truncate("(先按 1-4 选颜色、在分组栏选台账或单位可改变范围)", cols),
            theme.dim(),
        ),
        Line::raw(""),
        Line::from(vec![
            Span::styled(prompt, theme.heading()),
            Span::raw(sanitize(&setup.attendees).into_owned()),
        ]),
        Line::raw(""),
        Line::from(vec![
            Span::styled("Enter", theme.key()),
            Span::raw(" 开始  "),
            Span::styled("Tab", theme.key()),
            Span::raw(" 含/不含黄色  "),
            Span::styled("Esc", theme.key()),
            Span::raw(" 取消"),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    // The caret after the attendees, so input methods put their window there.
    let caret = width(prompt) + width(&setup.attendees);
    if inner.height > 3 && caret < cols {
        frame.set_cursor_position((inner.x + caret as u16, inner.y + 3));
    }
}
