//! Terminal setup and restore: raw mode, alternate screen, bracketed paste, and a panic
//! hook (installed by `ratatui::try_init`) that restores the terminal before the message.

use std::io::{self, Write};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;

/// The terminal in interactive mode; restored when dropped (also on early return).
pub struct TerminalGuard {
    /// The ratatui terminal.
    pub terminal: DefaultTerminal,
}

impl TerminalGuard {
    /// Enter raw mode and the alternate screen.
    pub fn enter() -> io::Result<Self> {
        let terminal = ratatui::try_init()?;
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
