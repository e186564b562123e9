//! The name question before the first edit: what the name is for and where it is kept.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::lines::Body;
use super::{MAX_POPUP_WIDTH, render_popup};
use crate::app::edit::{NameQuestion, NameSetting};
use crate::identity::AUTHOR_FILE;
use crate::ui::Theme;

/// Draw the name question centred in `area`, the cursor at its caret.
pub fn render_name_question(
    frame: &mut Frame,
    area: Rect,
    question: &NameQuestion,
    setting: &NameSetting,
    theme: &Theme,
) {
    let width = area.width.min(MAX_POPUP_WIDTH).saturating_sub(2) as usize;
    let mut b = Body::new(*theme);
    b.text("首次记录修改:您的名字将记在进展和修改记录中。", width);
    match &setting.config_dir {
        Some(dir) => b.text(
            &format!("保存到 {}", dir.join(AUTHOR_FILE).display()),
            width,
        ),
        None => b.text("(找不到用户配置目录,名字只用于本次)", width),
    }
    b.input("名字", &question.input, true, width);
    b.message(question.message.as_ref(), width);
    b.hint("Enter 确定 · Esc 本次沿用登录名,不保存", width);
    render_popup(frame, area, "署名", b);
}
