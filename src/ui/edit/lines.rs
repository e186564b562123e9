//! Building blocks of a form's body: an input line with its caret, a message line.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use crate::app::edit::{Level, Message, TextInput};
use crate::text;
use crate::ui::Theme;

/// The lines of a popup's body and where the caret is (row, column inside the border).
#[derive(Debug)]
pub struct Body {
    /// The lines, already cut to the popup's width.
    pub lines: Vec<Line<'static>>,
    /// The caret, when a text input has the focus.
    pub caret: Option<(u16, u16)>,
    /// The styles (colour or monochrome).
    pub theme: Theme,
}

impl Body {
    /// An empty body styled with `theme`.
    pub fn new(theme: Theme) -> Self {
        Self {
            lines: Vec::new(),
            caret: None,
            theme,
        }
    }

    /// Add a line of plain (sanitised, cut) text.
    pub fn text(&mut self, s: &str, width: usize) {
        self.lines.push(Line::raw(text::truncate(s, width)));
    }

    /// Add a line of dimmed help text.
    pub fn hint(&mut self, s: &str, width: usize) {
        self.lines
            .push(Line::styled(text::truncate(s, width), self.theme.dim()));
    }

    /// Add a labelled input; when `focused`, the caret is placed in it.
    pub fn input(&mut self, label: &str, input: &TextInput, focused: bool, width: usize) {
        let (line, caret_col) = input_line(label, input, focused, width);
        if focused {
            self.caret = Some((self.lines.len() as u16, caret_col as u16));
        }
        self.lines.push(line);
    }

    /// Add the one input of a list popup: the caret is in it, the `▸` marker stays on the
    /// list's highlighted line.
    pub fn caret_input(&mut self, label: &str, input: &TextInput, width: usize) {
        let (line, caret_col) = input_line(&format!(" {label}"), input, false, width);
        self.caret = Some((self.lines.len() as u16, caret_col as u16));
        self.lines.push(line);
    }

    /// Add the message line, if there is a message.
    pub fn message(&mut self, message: Option<&Message>, width: usize) {
        if let Some(m) = message {
            self.lines.push(message_line(m, width, &self.theme));
        }
    }
}

/// A labelled input line (`label:text`) and the caret's column in it. The focused input is
/// marked with `▸` and underlined, so the focus is visible without colour.
pub fn input_line(
    label: &str,
    input: &TextInput,
    focused: bool,
    width: usize,
) -> (Line<'static>, usize) {
    let marker = if focused { "▸" } else { " " };
    let head = text::truncate(&format!("{marker}{label}:"), width);
    let head_w = text::width(&head);
    let room = width.saturating_sub(head_w);
    let (shown, caret) = input.view(room.saturating_sub(1).max(1).min(room));
    let style = if focused {
        Style::default().add_modifier(Modifier::UNDERLINED)
    } else {
        Style::default()
    };
    let head_style = if focused {
        Style::default().add_modifier(Modifier::BOLD)
    } else {
        Style::default()
    };
    (
        Line::from(vec![
            Span::styled(head, head_style),
            Span::styled(shown, style),
        ]),
        (head_w + caret).min(width.saturating_sub(1)),
    )
}

/// A message line: errors start with `✗` (red), warnings with `!` (the alert style), so the
/// meaning survives a monochrome terminal.
pub fn message_line(message: &Message, width: usize, theme: &Theme) -> Line<'static> {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let (mark, style) = match message.level {
        Level::Error if theme.colour => ("✗ ", bold.fg(Color::LightRed)),
        Level::Error => ("✗ ", bold.add_modifier(Modifier::REVERSED)),
        Level::Warning => ("! ", theme.alert()),
    };
    Line::styled(
        text::truncate(&format!("{mark}{}", message.text), width),
        style,
    )
}
