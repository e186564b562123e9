//! Colours and styles: the 16-colour palette, or monochrome (`NO_COLOR`, `TERM=dumb`)
//! where only bold/reverse/underline are used and the labels carry the meaning.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::Colour;

/// How the UI is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours may be used.
    pub colour: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme { colour: true }
    }
}

impl Theme {
    /// Monochrome: no colours at all.
    pub const MONO: Theme = Theme { colour: false };

    /// The theme for the environment: monochrome when `NO_COLOR` is set (non-empty) or
    /// `TERM` is `dumb`.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        Theme {
            colour: !(no_color || dumb),
        }
    }

    /// The chip text of a warning colour: `[红]`, 4 columns (blank for none).
    pub fn chip_text(colour: Colour) -> &'static str {
        match colour {
            Colour::None => "    ",
            Colour::Blue => "[蓝]",
            Colour::Yellow => "[黄]",
            Colour::Red => "[红]",
            Colour::Black => "[黑]",
        }
    }

    /// The chip style: a coloured block with contrasting text. Black is white on dark grey,
    /// so it stays visible on a black background.
    pub fn chip(&self, colour: Colour) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        if !self.colour {
            return match colour {
                Colour::Black | Colour::Red => bold.add_modifier(Modifier::REVERSED),
                Colour::None => Style::new(),
                _ => bold,
            };
        }
        match colour {
            Colour::None => Style::new(),
            Colour::Blue => bold.fg(Color::White).bg(Color::Blue),
            Colour::Yellow => bold.fg(Color::Black).bg(Color::Yellow),
            Colour::Red => bold.fg(Color::White).bg(Color::Red),
            Colour::Black => bold.fg(Color::White).bg(Color::DarkGray),
        }
    }

    /// Text in the colour of a warning (counts in the header and panel).
    pub fn colour_text(&self, colour: Colour) -> Style {
        if !self.colour {
            return Style::new().add_modifier(Modifier::BOLD);
        }
        match colour {
            Colour::Blue => Style::new().fg(Color::LightBlue),
            Colour::Yellow => Style::new().fg(Color::Yellow),
            Colour::Red => Style::new().fg(Color::LightRed),
            Colour::Black => Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            Colour::None => Style::new(),
        }
    }

    /// The selected row or option.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Characters matched by the search.
    pub fn matched(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if self.colour {
            s.fg(Color::LightCyan)
        } else {
            s
        }
    }

    /// Headings, titles, the focused pane's border.
    pub fn heading(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if self.colour { s.fg(Color::Cyan) } else { s }
    }

    /// Less important text (labels, hints).
    pub fn dim(&self) -> Style {
        if self.colour {
            Style::new().fg(Color::Gray)
        } else {
            Style::new()
        }
    }

    /// The demo-data marker and warnings.
    pub fn alert(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if self.colour {
            s.fg(Color::LightYellow)
        } else {
            s.add_modifier(Modifier::REVERSED)
        }
    }

    /// Keys in the footer and help.
    pub fn key(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if self.colour {
            s.fg(Color::LightGreen)
        } else {
            s
        }
    }
}
