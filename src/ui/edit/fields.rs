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
        // "1蓝", but "1.2022-12-31 推进年": a number must not run into an option's digits.
        let sep = if option.starts_with(|c: char| c.is_ascii_digit()) {
            "."
        } else {
            ""
        };
        let label = if i == selected {
            format!("[{}{sep}{}] ", i + 1, option)
        } else {
            format!("{}{sep}{}  ", i + 1, option)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn option_numbers_never_run_into_options_that_start_with_digits() {
        let dated = vec![
            "2022-12-31 推进年".to_string(),
            "2023-12-31 提升年".to_string(),
        ];
        let field = FormField::choice("延期节点", dated.clone(), 0);
        let line = text_of(&choice_line(&field, &dated, 0, false, 80));
        assert_eq!(
            line,
            " 延期节点:[1.2022-12-31 推进年] 2.2023-12-31 提升年  "
        );
        let colours = vec!["黄".to_string(), "红".to_string()];
        let field = FormField::choice("颜色", colours.clone(), 1);
        assert_eq!(
            text_of(&choice_line(&field, &colours, 1, true, 80)),
            "▸颜色:1黄  [2红] "
        );
    }
}
