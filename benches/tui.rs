//! TUI speed (issue 4): one search keystroke (query update → re-filter → re-sort → render
//! a 200×50 frame) at 10k and 100k items, a 200×50 frame, and load → first frame.
//!
//! Besides criterion's means, the bench prints the p50/p99 of single keystrokes over
//! many typed queries. Start-up and memory in a fresh process: `benches/startup.rs`.
//!
//! Measured on the 2-core development machine, shared with other builds (load ~1.3),
//! on `duban gen`-style data (seed 7, 10 ledgers), 2026-11-22:
//! - search keystroke, default sort: 10k p50 1.3 ms / p99 3.5 ms; 100k p50 7.4 ms / p99 17 ms;
//! - search keystroke, relevance sort (SkimMatcherV2 scores up to 5000 shown rows):
//!   10k p99 9 ms; 100k p50 9 ms / p99 17 ms (scoring every row: p99 142 ms);
//! - a 200×50 frame at 100k items: 2.1 ms (only visible rows are built);
//! - start from disk at 100k: reading the RON 0.59 s (files parsed on both cores), assess
//!   0.15 s, first frame at 0.74 s; the search index is built in the background and ready
//!   60 ms later. (Before: read 1.1 s, assess + index 0.45 s, first frame 1.55 s.) The RSS
//!   this bench prints (~310 MB) is of a process that generated and wrote the data first;
//!   a fresh process opening the same 100k items peaks at 252 MB (`benches/startup.rs`).

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::app::{Action, SortKey, State, update};
use duban::input::KeyMap;
use duban::storage::{LoadedLedger, Workspace};
use duban::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A `duban gen`-style workspace of `n` items in 10 ledgers (deterministic).
fn workspace(n: usize) -> Workspace {
    let (config, ledgers) = duban::r#gen::generate(n, 10, 7, today());
    Workspace {
        dir: std::env::temp_dir(),
        config,
        ledgers: ledgers
            .into_iter()
            .map(|l| {
                let path = format!("ledgers/{}.ron", l.id).into();
                LoadedLedger::new(l, path)
            })
            .collect(),
        broken: Vec::new(),
    }
}

/// The moment of every action: today at 00:00.
fn now() -> chrono::NaiveDateTime {
    today().and_time(chrono::NaiveTime::MIN)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 26).unwrap()
}

struct Screen {
    terminal: Terminal<TestBackend>,
    keys: KeyMap,
    theme: Theme,
}

impl Screen {
    fn new() -> Self {
        Screen {
            terminal: Terminal::new(TestBackend::new(200, 50)).unwrap(),
            keys: KeyMap::default(),
            theme: Theme::default(),
        }
    }
    fn draw(&mut self, state: &State) {
        let (keys, theme) = (&self.keys, &self.theme);
        self.terminal
            .draw(|f| ui::draw(f, state, keys, theme))
            .unwrap();
    }
}

fn open(n: usize) -> State {
    let mut state = State::new(workspace(n), today());
    update(&mut state, Action::Resize(200, 50), now());
    state
}

/// One keystroke: the action, then a frame.
fn keystroke(state: &mut State, screen: &mut Screen, action: Action) {
    update(state, action, now());
    screen.draw(state);
}

/// Type each query from scratch (the first key scans everything), then clear it.
fn type_queries(
    state: &mut State,
    screen: &mut Screen,
    queries: &[&str],
    samples: &mut Vec<Duration>,
) {
    update(state, Action::StartSearch, now());
    for q in queries {
        for c in q.chars() {
            let t = Instant::now();
            keystroke(state, screen, Action::SearchInsert(c.to_string()));
            samples.push(t.elapsed());
        }
        let t = Instant::now();
        keystroke(state, screen, Action::SearchBackspace);
        samples.push(t.elapsed());
        update(state, Action::Back, now());
        update(state, Action::StartSearch, now());
    }
    update(state, Action::Back, now());
}

const QUERIES: &[&str] = &[
    "zhjz",
    "tj",
    "矫正",
    "cq",
    "fzxc",
    "zhihuijiaozheng",
    "yh",
    "规范",
    "zd",
    "律师",
];

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i]
}

fn rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[inline(never)] // a named frame for `valgrind --tool=callgrind --toggle-collect=*report_percentiles*`
fn report_percentiles(n: usize, state: &mut State, sort: SortKey) {
    let mut screen = Screen::new();
    let previous = state.view.sort;
    state.view.set_sort(&state.catalog, sort);
    let mut samples = Vec::new();
    for _ in 0..5 {
        type_queries(state, &mut screen, QUERIES, &mut samples);
    }
    let p50 = percentile(&mut samples, 0.5);
    let p99 = percentile(&mut samples, 0.99);
    let max = percentile(&mut samples, 1.0);
    state.view.set_sort(&state.catalog, previous);
    println!(
        "search keystroke at {n} items ({}): {} keystrokes, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        sort.label(),
        samples.len(),
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3
    );
}

/// Where a keystroke's time goes at this size: a fresh search, the view refresh, a frame.
fn report_breakdown(n: usize, state: &mut State) {
    let mut screen = Screen::new();
    for q in ["z", "zh", "矫", "zhjz"] {
        let t = Instant::now();
        let result = state.catalog.index.search(q, None);
        let search = t.elapsed();
        state.search.query = q.to_string();
        state.search.run(&state.catalog);
        let t = Instant::now();
        state.refresh();
        let refresh = t.elapsed();
        let t = Instant::now();
        screen.draw(state);
        let draw = t.elapsed();
        println!(
            "  {n} items, fresh query {q:?}: {} hits, search {:.1} ms, refresh {:.1} ms, frame {:.1} ms",
            result.hits.len(),
            search.as_secs_f64() * 1e3,
            refresh.as_secs_f64() * 1e3,
            draw.as_secs_f64() * 1e3
        );
        state.search.clear();
    }
    state.refresh();
}

/// Start to first frame as the app does it: read the RON files, assess, index, draw.
fn report_start_from_disk(n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(n);
    std::fs::create_dir_all(dir.path().join("ledgers")).unwrap();
    std::fs::write(
        dir.path().join(duban::storage::CONFIG_FILE),
        duban::storage::config_to_string(&ws.config),
    )
    .unwrap();
    for l in &ws.ledgers {
        std::fs::write(
            duban::storage::ledger_path(dir.path(), &l.ledger.id),
            duban::storage::ledger_to_string(&l.ledger),
        )
        .unwrap();
    }
    drop(ws);
    let t = Instant::now();
    let loaded = duban::storage::load_workspace(dir.path()).unwrap();
    let read = t.elapsed();
    let mut state = State::new(loaded, today());
    update(&mut state, Action::Resize(200, 50), now());
    let built = t.elapsed();
    Screen::new().draw(&state);
    let frame = t.elapsed();
    state.catalog.index.wait();
    println!(
        "start from disk, {n} items: read RON {:.0} ms, assess {:.0} ms, first frame at {:.0} ms, search index ready at {:.0} ms; \
         RSS of this process {:.0} MB (it also generated the data: benches/startup.rs measures a fresh process)",
        read.as_secs_f64() * 1e3,
        (built - read).as_secs_f64() * 1e3,
        frame.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3,
        rss_mb().unwrap_or(0.0)
    );
}

fn benches(c: &mut Criterion) {
    // `DUBAN_BENCH_KEYSTROKES=<items>`: only the keystroke percentiles at that size, in both
    // orders (a quick before/after comparison, also under callgrind).
    if let Ok(n) = std::env::var("DUBAN_BENCH_KEYSTROKES") {
        let n: usize = n.parse().expect("DUBAN_BENCH_KEYSTROKES=<number of items>");
        let mut state = open(n);
        state.catalog.index.wait();
        report_percentiles(n, &mut state, SortKey::Severity);
        report_percentiles(n, &mut state, SortKey::Relevance);
        return;
    }
    report_start_from_disk(100_000);
    let big = workspace(100_000);
    let t = Instant::now();
    let mut big = {
        let mut state = State::new(big, today());
        update(&mut state, Action::Resize(200, 50), now());
        state
    };
    let mut screen = Screen::new();
    screen.draw(&big);
    let frame = t.elapsed();
    big.catalog.index.wait();
    println!(
        "in memory, 100000 items: assess → first 200x50 frame {:.0} ms; search index ready at {:.0} ms",
        frame.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3
    );
    let mut small = open(10_000);
    small.catalog.index.wait();
    report_breakdown(100_000, &mut big);
    report_percentiles(10_000, &mut small, SortKey::Severity);
    report_percentiles(100_000, &mut big, SortKey::Severity);
    // Ranking by relevance scores every shown row with SkimMatcherV2 on each keystroke.
    report_percentiles(10_000, &mut small, SortKey::Relevance);
    report_percentiles(100_000, &mut big, SortKey::Relevance);

    for (n, state) in [(10_000usize, &mut small), (100_000, &mut big)] {
        let mut screen = Screen::new();
        c.bench_function(&format!("search_type_zhjz_{n}"), |b| {
            b.iter(|| {
                let mut samples = Vec::new();
                type_queries(state, &mut screen, &["zhjz"], &mut samples);
                black_box(samples.len())
            })
        });
    }
    c.bench_function("render_200x50_100000", |b| {
        let mut screen = Screen::new();
        b.iter(|| screen.draw(black_box(&big)))
    });
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("load_to_first_frame_10000", |b| {
        b.iter(|| {
            let state = open(10_000);
            let mut screen = Screen::new();
            screen.draw(&state);
        })
    });
    group.finish();
}

criterion_group!(tui, benches);
criterion_main!(tui);
