//! Terminal setup and restore: raw mode, alternate screen, bracketed paste, and a panic
//! hook that restores the terminal before the message. Frames are written through
//! [`Sgr16`] so that 16-colour terminals get the classic colour codes.

use std::io::{self, Stdout, Write};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};

use super::sgr16::Sgr16;

/// The app's terminal: crossterm on stdout, colours rewritten to the classic codes.
pub type AppTerminal = Terminal<CrosstermBackend<Sgr16<Stdout>>>;

/// The terminal in interactive mode; restored when dropped (also on early return).
pub struct TerminalGuard {
    /// The ratatui terminal.
    pub terminal: AppTerminal,
}

impl TerminalGuard {
    /// Install the restoring panic hook, enter raw mode and the alternate screen.
    pub fn enter() -> io::Result<Self> {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            ratatui::restore();
            hook(info);
        }));
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen)?;
        let terminal = Terminal::new(CrosstermBackend::new(Sgr16::new(io::stdout())))?;
        let _ = execute!(io::stdout(), EnableBracketedPaste);
        Ok(TerminalGuard { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        ratatui::restore();
        let _ = io::stdout().flush();
    }
}
