//! Start to first frame (issue 4: under 1 s at 100,000 items), measured the way a user
//! meets it: a fresh process opens a `duban gen --items N` workspace from disk (files in
//! the page cache, as on a second start), builds the state and draws its first 200×50 frame.
//!
//! `cargo bench --bench startup` writes the workspace once (`duban gen` defaults: one
//! ledger per 2,000 items, seed 1), then starts this binary again as a child process
//! several times. Each child reports its phases and its peak resident memory (VmHWM),
//! so one run's allocations never inflate the next run's figures. Set
//! `DUBAN_BENCH_ITEMS` for another size and `DUBAN_BENCH_RUNS` for more runs.
//!
//! Measured on the 2-core development machine (load ~1.2), 100,000 items in 50 files
//! (99 MB of RON), 2026-11-22, median of 7 runs:
//! - now: read RON 490 ms + state 159 ms → first frame at 655 ms (max 679 ms); the first
//!   search keystroke is answered at 746 ms; peak RSS 252 MB;
//! - before (files parsed one by one, the index built before the first frame): read
//!   ~950–1100 ms + state ~270–340 ms → first frame at 1.20–1.37 s; peak RSS 257 MB.
//!
//! The figures assume free cores: during other builds on the same two cores (load
//! average ~6) one set of runs took 2.7–3.0 s to the first frame.
//! The `duban` binary itself, timed from exec to its first 200×50 frame in a pseudo-
//! terminal: 1.20–1.23 s before, 0.67–0.70 s now.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use chrono::NaiveDate;
use duban::app::{Action, State, update};
use duban::domain::calendar::WorkCalendar;
use duban::input::KeyMap;
use duban::storage;
use duban::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Set in the child processes: the workspace folder to open.
const CHILD_ENV: &str = "DUBAN_STARTUP_CHILD";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 26).unwrap()
}

fn main() {
    match std::env::var(CHILD_ENV) {
        Ok(dir) => child(Path::new(&dir)),
        Err(_) => parent(),
    }
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Write the workspace as `duban gen --items N` does.
fn write_workspace(dir: &Path, items: usize) {
    let ledgers = (items / 2000).max(6);
    let (config, generated) = duban::r#gen::generate(items, ledgers, 1, today());
    storage::create_workspace(dir, &config).unwrap();
    for ledger in &generated {
        storage::save_ledger(dir, ledger, config.backups).unwrap();
    }
}

/// One child's figures, in milliseconds (memory in MB).
#[derive(Debug, Clone, Copy)]
struct Run {
    read: f64,
    state: f64,
    frame: f64,
    index_ready: f64,
    process: f64,
    peak_mb: f64,
}

fn parent() {
    let items = env_number("DUBAN_BENCH_ITEMS", 100_000);
    let runs = env_number("DUBAN_BENCH_RUNS", 7).max(1);
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    write_workspace(dir.path(), items);
    println!(
        "wrote a duban gen workspace of {items} items in {:.1} s; {runs} fresh processes:",
        t.elapsed().as_secs_f64()
    );
    let exe = std::env::current_exe().unwrap();
    let mut results = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let output = Command::new(&exe)
            .env(CHILD_ENV, dir.path())
            .output()
            .unwrap();
        let process = t.elapsed().as_secs_f64() * 1e3;
        assert!(
            output.status.success(),
            "child failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let line = String::from_utf8_lossy(&output.stdout);
        let v: Vec<f64> = line
            .split_whitespace()
            .map(|x| x.parse().unwrap())
            .collect();
        let run = Run {
            read: v[0],
            state: v[1],
            frame: v[2],
            index_ready: v[3],
            peak_mb: v[4],
            process,
        };
        println!(
            "  read RON {:.0} ms, state {:.0} ms, first frame at {:.0} ms, first search keystroke answered at {:.0} ms; process spawn→exit {:.0} ms; peak RSS {:.0} MB",
            run.read, run.state, run.frame, run.index_ready, run.process, run.peak_mb
        );
        results.push(run);
    }
    let stat = |f: fn(&Run) -> f64| {
        let mut xs: Vec<f64> = results.iter().map(f).collect();
        xs.sort_by(f64::total_cmp);
        (xs[xs.len() / 2], xs[xs.len() - 1])
    };
    let (frame_median, frame_max) = stat(|r| r.frame);
    let (read_median, _) = stat(|r| r.read);
    let (state_median, _) = stat(|r| r.state);
    let (index_median, _) = stat(|r| r.index_ready);
    let (_, peak_max) = stat(|r| r.peak_mb);
    println!(
        "start to first frame at {items} items: median {frame_median:.0} ms (read {read_median:.0} + state {state_median:.0}), max {frame_max:.0} ms; first search keystroke answered at {index_median:.0} ms; peak RSS {peak_max:.0} MB"
    );
}

/// Open the workspace as `duban` does, draw the first frame, report, and exit without
/// freeing anything (the app would go on running).
fn child(dir: &Path) {
    let start = Instant::now();
    let workspace = storage::load_workspace(dir).unwrap();
    let read = start.elapsed();
    let calendar = WorkCalendar::new(workspace.config.rules.calendar);
    let today = workspace.config.as_of.unwrap_or_else(today);
    let mut state = State::with_calendar(workspace, calendar, today);
    let now = today.and_time(chrono::NaiveTime::MIN);
    update(&mut state, Action::Resize(200, 50), now);
    let built = start.elapsed();
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let (keys, theme) = (KeyMap::default(), Theme::default());
    terminal
        .draw(|f| ui::draw(f, &state, &keys, &theme))
        .unwrap();
    let frame = start.elapsed();
    // The first search keystroke needs the index: how long after start it is ready.
    update(&mut state, Action::StartSearch, now);
    update(&mut state, Action::SearchInsert("z".into()), now);
    let index_ready = start.elapsed();
    std::hint::black_box(&state);
    println!(
        "{:.1} {:.1} {:.1} {:.1} {:.1}",
        read.as_secs_f64() * 1e3,
        (built - read).as_secs_f64() * 1e3,
        frame.as_secs_f64() * 1e3,
        index_ready.as_secs_f64() * 1e3,
        peak_rss_mb()
    );
    std::process::exit(0);
}

/// The peak resident memory of this process (VmHWM), in MB.
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}
