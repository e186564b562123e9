//! The unit picker: the chosen units, the search input and its completions.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::lines::Body;
use crate::app::edit::{Candidate, UnitPicker};
use crate::text;
use crate::ui::Theme;

/// The body of the unit picker.
pub fn body(picker: &UnitPicker, width: usize, theme: &Theme) -> Body {
    let mut b = Body::new(*theme);
    let chosen = if picker.chosen.is_empty() {
        "(无)".to_string()
    } else {
        picker.chosen.join("、")
    };
    b.text(&format!("{}:{chosen}", picker.mode.label()), width);
    b.caret_input("查找", &picker.input, width);
    for (i, c) in picker.candidates.iter().enumerate() {
        b.lines
            .push(candidate_line(c, i == picker.highlighted, width));
    }
    b.message(picker.message.as_ref(), width);
    let tab = if picker.can_switch_mode {
        " · Tab 改为/增加"
    } else {
        ""
    };
    b.hint(
        &format!("Enter 选中 · 空输入 Enter 保存 · 退格删除已选{tab} · Esc 取消"),
        width,
    );
    b
}

/// A completion with its matched characters in bold.
fn candidate_line(c: &Candidate, highlighted: bool, width: usize) -> Line<'static> {
    let marker = if highlighted { "▸ " } else { "  " };
    let suffix = if c.is_new { "(新单位)" } else { "" };
    let room = width.saturating_sub(2 + text::width(suffix));
    let name = text::truncate(&c.unit, room);
    let base = if highlighted {
        Style::default().add_modifier(Modifier::REVERSED)
    } else {
        Style::default()
    };
    let mut spans = vec![Span::styled(marker.to_string(), base)];
    for (i, ch) in name.chars().enumerate() {
        let style = if c.matched.contains(&i) {
            base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            base
        };
        spans.push(Span::styled(ch.to_string(), style));
    }
    spans.push(Span::styled(suffix.to_string(), base));
    Line::from(spans)
}
