//! Sub-measure and milestone lists with their done marks and the date to record.

use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::lines::Body;
use crate::app::edit::{Checklist, ChecklistKind};
use crate::text;
use crate::ui::Theme;

/// The body of a checklist.
pub fn body(list: &Checklist, width: usize, theme: &Theme) -> Body {
    let mut b = Body::new(*theme);
    for (i, entry) in list.entries.iter().enumerate() {
        let mark = if entry.done { "[✓]" } else { "[ ]" };
        let when = entry.done_on.map(|d| format!(" ({d})")).unwrap_or_default();
        let marker = if i == list.highlighted { "▸" } else { " " };
        let line = text::truncate(
            &format!("{marker}{mark} {}. {}{when}", i + 1, entry.label),
            width,
        );
        let style = if i == list.highlighted {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        b.lines.push(Line::styled(line, style));
    }
    b.caret_input("日期", &list.date, width);
    b.message(list.message.as_ref(), width);
    let verb = match list.kind {
        ChecklistKind::SubMeasures => "切换完成",
        ChecklistKind::Milestones => "标记/取消节点",
    };
    b.hint(&format!("↑↓ 选择 · Enter {verb} · Esc 取消"), width);
    b
}
