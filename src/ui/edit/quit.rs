//! The question before quitting with edits that could not be saved: how many, why, and
//! where a recovery file goes. The keys are in the footer (from the key map).

use ratatui::Frame;
use ratatui::layout::Rect;

use super::lines::Body;
use super::{MAX_POPUP_WIDTH, render_popup};
use crate::app::State;
use crate::storage::RECOVERY_DIR;
use crate::text;
use crate::ui::Theme;

/// Draw the quit question centred in `area`.
pub fn render_quit_question(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let width = area.width.min(MAX_POPUP_WIDTH).saturating_sub(2) as usize;
    render_popup(
        frame,
        area,
        "退出 · 有修改未能保存",
        body(state, width, theme),
    );
}

/// The body of the quit question.
pub fn body(state: &State, width: usize, theme: &Theme) -> Body {
    let saving = &state.edit.saving;
    let mut b = Body::new(*theme);
    b.text(
        &format!(
            "{} 项修改未能保存到台账文件,直接退出将丢失。",
            saving.pending()
        ),
        width,
    );
    if let Some(failure) = saving.main_failure() {
        wrapped(&mut b, &failure.full(), width);
    }
    let folder = state.catalog.dir.join(RECOVERY_DIR);
    b.text("w:把这些台账写入恢复文件后退出,文件放在", width);
    wrapped(&mut b, &format!("  {}{}", folder.display(), "/"), width);
    b.text("y:放弃这些修改并退出 · n / Esc:返回,继续自动重试", width);
    if let Some(error) = &saving.recovery_error {
        wrapped(&mut b, &format!("恢复文件写入失败:{error}"), width);
    }
    b
}

/// Add `s` as as many lines of at most `width` columns as it takes (at most four).
fn wrapped(b: &mut Body, s: &str, width: usize) {
    let s = text::sanitize(s);
    let mut line = String::new();
    let mut lines = 0;
    for c in s.chars() {
        if text::width(&line) + text::char_width(c) > width.max(1) {
            b.text(&std::mem::take(&mut line), width);
            lines += 1;
            if lines == 3 {
                break;
            }
        }
        line.push(c);
    }
    if !line.is_empty() {
        b.text(&line, width);
    }
}
