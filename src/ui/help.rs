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

/// The help's largest size; it fills the width instead of leaving slivers beside it.
const SIZE: (u16, u16) = (76, 40);

/// Where the help goes in the body `area`.
pub(crate) fn area(area: Rect) -> Rect {
    super::popup::place(area, SIZE.0, SIZE.1)
}

/// How to start a real workspace: the short form the demo's footer hint gives, in full.
fn start_lines(theme: &Theme) -> Vec<Line<'static>> {
    vec![
        Line::from(Span::styled("【新建台账】", theme.heading())),
        Line::from(Span::styled(
            "duban --dir 目录 import 表格文件 --year 年份",
            theme.key(),
        )),
        Line::raw("  把 Excel/WPS/CSV 表格导入为新台账,目录即新工作区(可反复导入多个台账)"),
        Line::raw("  --title 标题 指定台账名称;--dry-run 先看表格怎样读,不写入"),
        Line::from(vec![
            Span::styled(fit("duban --dir 目录", 22), theme.key()),
            Span::raw("打开该工作区"),
        ]),
    ]
}

/// Everything the help shows, in order: how to start a real workspace, then
/// [`lines`].
pub(crate) fn content(keys: &KeyMap, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = start_lines(theme);
    out.extend(lines(keys, theme));
    out
}

/// Draw the help over `area`.
pub fn draw(frame: &mut Frame, area: Rect, keys: &KeyMap, scroll: u16, theme: &Theme) {
    let popup = self::area(area);
    crate::ui::popup::clear_area(frame.buffer_mut(), popup);
    let lines = content(keys, theme);
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
