//! End-to-end: the real `duban` binary in a real terminal (tmux), driven as a new user
//! would drive it, on a temporary copy of the sample workspace. Each test has its own tmux
//! server; the tests skip (with a printed reason) only when tmux is not installed.
#![cfg(target_os = "linux")]

#[path = "e2e_tmux/browse.rs"]
mod browse;
#[path = "e2e_tmux/disk.rs"]
mod disk;
#[path = "e2e_tmux/driver.rs"]
mod driver;
#[path = "e2e_tmux/editing.rs"]
mod editing;
#[path = "e2e_tmux/escape_key.rs"]
mod escape_key;
#[path = "e2e_tmux/first_run.rs"]
mod first_run;
#[path = "e2e_tmux/lifecycle.rs"]
mod lifecycle;
#[path = "e2e_tmux/navigation.rs"]
mod navigation;
#[path = "e2e_tmux/notices.rs"]
mod notices;
#[path = "e2e_tmux/popups.rs"]
mod popups;
#[path = "e2e_tmux/process.rs"]
mod process;
#[path = "e2e_tmux/returned.rs"]
mod returned;
#[path = "returned_support/mod.rs"]
mod returned_support;
#[path = "e2e_tmux/saves.rs"]
mod saves;
#[path = "e2e_tmux/screen.rs"]
mod screen;
mod support;
#[path = "e2e_tmux/unsaved.rs"]
mod unsaved;
#[path = "e2e_tmux/writers.rs"]
mod writers;
