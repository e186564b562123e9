//! The conflict popup: each conflicting field with both values and the choice made.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::lines::Body;
use super::{MAX_POPUP_WIDTH, render_popup};
use crate::app::edit::ConflictResolver;
use crate::text;
use crate::ui::Theme;

/// Draw the conflict popup centred in `area`.
pub fn render_conflicts(frame: &mut Frame, area: Rect, resolver: &ConflictResolver, theme: &Theme) {
    let width = area.width.min(MAX_POPUP_WIDTH).saturating_sub(2) as usize;
    render_popup(
        frame,
        area,
        "修改冲突 · 他人同时修改了同一字段",
        body(resolver, width, theme),
    );
}

/// The body of the conflict popup.
pub fn body(resolver: &ConflictResolver, width: usize, theme: &Theme) -> Body {
    let mut b = Body::new(*theme);
    for (i, e) in resolver.entries.iter().enumerate() {
        let focused = i == resolver.highlighted;
        let head_style = if focused {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        };
        let marker = if focused { "▸" } else { " " };
        b.lines.push(Line::styled(
            text::truncate(
                &format!("{marker}{} · {}", e.item_label, e.field.label()),
                width,
            ),
            head_style,
        ));
        let (mine_mark, theirs_mark) = if e.keep_mine {
            ("●", "○")
        } else {
            ("○", "●")
        };
        b.text(&format!("  {mine_mark} 1 我的:{}", e.mine), width);
        b.text(&format!("  {theirs_mark} 2 他人的:{}", e.theirs), width);
    }
    b.message(resolver.message.as_ref(), width);
    b.hint(
        "↑↓ 选择 · 1 用我的 · 2 用他人的 · a 全部切换 · Enter 确认",
        width,
    );
    b
}
