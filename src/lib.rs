//! duban (督办): supervise work ledgers (台账) with four-colour warnings.
//!
//! Layers (see README "Architecture"):
//! - [`domain`]: ledgers, items, the deadline grammar, the calendar, warnings, rates.
//!   No terminal, no files, no clock: "today" is always a parameter.
//! - [`storage`]: the RON format, atomic saves, backups, locking, merging.
//! - [`import`]: delimited tables (pipe, CSV) into ledgers.
//! - [`report`]: what the office sends out — notices and reports — computed from the
//!   domain (rates, warnings) and laid out as [`document`]s (Markdown, text, .docx).
//! - [`issue`]: issuing notices under the workspace lock (the CLI's `notices` and the
//!   TUI's 发通知单 share it).
//! - [`cli`]: the non-interactive commands.
//! - [`identity`]: who is editing (the author of edits, one rule for CLI and TUI).
//! - [`gen`]: synthetic workspaces for tests and benchmarks.
//! - [`app`], [`ui`], [`input`], [`tui`]: the interactive application; [`search`] its index.

pub mod app;
pub mod cli;
pub mod document;
pub mod domain;
pub mod export;
pub mod r#gen;
pub mod identity;
pub mod import;
pub mod input;
pub mod issue;
pub mod report;
pub mod search;
pub mod storage;
pub mod text;
pub mod tui;
pub mod ui;
