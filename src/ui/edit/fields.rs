//! A form of labelled fields, with the live reading of a deadline field under it.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::lines::Body;
use crate::app::edit::{FieldKind, Form, FormField};
use crate::text;
use crate::ui::Theme;

/// The body of a fields form.
pub fn body(form: &Form, width: usize, theme: &Theme) -> Body {
    let mut b = Body::new(*theme);
    for note in &form.notes {
        b.hint(note, width);
    }
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        match &field.kind {
            FieldKind::Choice { options, selected } => {
                b.lines
                    .push(choice_line(field, options, *selected, focused, width));
            }
            _ => b.input(field.label, &field.input, focused, width),
        }
        if let Some(preview) = field.deadline_preview() {
            for line in preview.lines {
                b.hint(&format!("    {line}"), width);
            }
        }
    }
    b.message(form.message.as_ref(), width);
    b.hint("Enter 保存 · Tab 下一项 · Esc 取消", width);
    b
}

fn choice_line(
    field: &FormField,
    options: &[String],
    selected: usize,
    focused: bool,
    width: usize,
) -> Line<'static> {
    let marker = if focused { "▸" } else { " " };
    let mut spans = vec![Span::raw(format!("{marker}{}:", field.label))];
    let mut used = text::width(&spans[0].content);
    for (i, option) in options.iter().enumerate() {
        let label = if i == selected {
            format!("[{}{}] ", i + 1, option)
        } else {
            format!("{}{}  ", i + 1, option)
        };
        let w = text::width(&label);
        if used + w > width {
            break;
        }
        used += w;
        let style = if i == selected {
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::default()
        };
        spans.push(Span::styled(label, style));
    }
    Line::from(spans)
}
