//! Drawing the edit forms as popups over the browsing view. Each form kind turns its state
//! into lines (and the caret's place) in its own file; this file frames them in a popup and
//! puts the terminal cursor at the caret, so input methods open their window there.

mod checklist;
mod conflicts;
mod fields;
mod lines;
mod naming;
mod quit;
mod status;
mod units;

pub use conflicts::render_conflicts;
pub use lines::{Body, input_line, message_line};
pub use naming::render_name_question;
pub use quit::render_quit_question;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::app::edit::EditForm;
use crate::text;
use crate::ui::Theme;

/// How the edit forms are used (the help screen's section on them).
pub const FORM_HELP: [&str; 5] = [
    "Enter 保存(日期默认今天,署名为当前用户);Esc 取消(已输入内容时先询问)",
    "Tab / ↑↓ 在字段间移动;←→ 或数字键选择选项",
    "Ctrl-U 删至行首 · Ctrl-W 删一个词 · Home/End · 粘贴整段(换行变空格)",
    "输入有误时在原处提示并保留已输入内容;期限未能识别时再按 Enter 确认",
    "保存后按 u 撤销、Ctrl-r 重做;撤销只改回本次修改的字段",
];

/// The widest a form popup gets.
pub const MAX_POPUP_WIDTH: u16 = 72;

/// Draw `form` as a popup centred in `area` and place the terminal cursor at its caret.
pub fn render_form(frame: &mut Frame, area: Rect, form: &EditForm, theme: &Theme) {
    let width = area.width.min(MAX_POPUP_WIDTH);
    let inner_width = width.saturating_sub(2) as usize;
    let (title, body) = match form {
        EditForm::Fields(f) => (f.title.as_str(), fields::body(f, inner_width, theme)),
        EditForm::Status(f) => (f.title.as_str(), status::body(f, inner_width, theme)),
        EditForm::Units(f) => (f.title.as_str(), units::body(f, inner_width, theme)),
        EditForm::Checklist(f) => (f.title.as_str(), checklist::body(f, inner_width, theme)),
    };
    render_popup(frame, area, title, body);
}

/// Draw a titled popup holding `body`, centred in `area`, with the cursor at its caret.
pub fn render_popup(frame: &mut Frame, area: Rect, title: &str, body: Body) {
    let width = area.width.min(MAX_POPUP_WIDTH);
    let height = (body.lines.len() as u16 + 2).min(area.height);
    if width < 3 || height < 3 {
        return;
    }
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let inner_width = width.saturating_sub(4) as usize;
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", text::truncate(title, inner_width)))
        .title_style(Style::default().add_modifier(Modifier::BOLD));
    let inner = block.inner(popup);
    crate::ui::popup::clear_area(frame.buffer_mut(), popup);
    frame.render_widget(Paragraph::new(body.lines).block(block), popup);
    if let Some((row, col)) = body.caret
        && row < inner.height
        && col < inner.width
    {
        frame.set_cursor_position(Position::new(inner.x + col, inner.y + row));
    }
}

#[cfg(test)]
mod tests;
