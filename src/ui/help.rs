//! The help overlay, generated from the key map: every binding of every mode.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Theme;
use crate::app::Mode;
use crate::input::{KeyMap, keys_text};
use crate::text::{fit, sanitize};

/// The help text lines.
pub fn lines(keys: &KeyMap, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for mode in Mode::ALL {
        out.push(Line::from(Span::styled(
            format!("【{}】", mode.label()),
            theme.heading(),
        )));
        for b in keys.bindings(mode) {
            out.push(Line::from(vec![
                Span::styled(fit(&keys_text(b), 22), theme.key()),
                Span::raw(sanitize(&b.desc).into_owned()),
            ]));
        }
        if mode == Mode::Search {
            out.push(Line::raw(
                "  其他字符直接输入;可输入拼音首字母(zhjz)或全拼(zhihuijiaozheng)",
            ));
        }
        if mode == Mode::Edit {
            for note in crate::ui::edit::FORM_HELP {
                out.push(Line::raw(format!("  {note}")));
            }
        }
    }
    out
}

/// Draw the help over `area`.
pub fn draw(frame: &mut Frame, area: Rect, keys: &KeyMap, scroll: u16, theme: &Theme) {
    let popup = super::centered(area, 76, 40);
    crate::ui::popup::clear_area(frame.buffer_mut(), popup);
    let lines = lines(keys, theme);
    let max = lines
        .len()
        .saturating_sub(popup.height.saturating_sub(2) as usize) as u16;
    let block = Block::bordered().title(Span::styled(" 帮助 · 按键 (Esc 关闭) ", theme.heading()));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max), 0)),
        popup,
    );
}
