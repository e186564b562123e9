//! The status picker: the five statuses with their keys, then the 暂缓 reason.

use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::lines::Body;
use crate::app::edit::{STATUS_KEYS, StatusPicker};
use crate::domain::Status;
use crate::text;
use crate::ui::Theme;

/// The body of the status picker.
pub fn body(picker: &StatusPicker, width: usize, theme: &Theme) -> Body {
    let mut b = Body::new(*theme);
    for (i, status) in Status::ALL.iter().enumerate() {
        let current = if picker.current == Some(*status) {
            "(当前)"
        } else {
            ""
        };
        let marker = if i == picker.highlighted { "▸" } else { " " };
        let line = text::truncate(
            &format!("{marker}{} {}{current}", STATUS_KEYS[i], status.label()),
            width,
        );
        let style = if i == picker.highlighted {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        b.lines.push(Line::styled(line, style));
    }
    match &picker.reason {
        Some(reason) => {
            b.input("暂缓原因", reason, true, width);
            b.message(picker.message.as_ref(), width);
            b.hint("Enter 保存 · Esc 返回", width);
        }
        None => {
            b.message(picker.message.as_ref(), width);
            b.hint("按数字键选择 · ↑↓ Enter · Esc 取消", width);
        }
    }
    b
}
