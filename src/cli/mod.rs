//! The command line (clap): the TUI by default, and the non-interactive commands.

use std::process::ExitCode;

/// Entry point of the `duban` binary.
pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
