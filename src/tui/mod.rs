//! The interactive application: terminal setup and restore, signals, and the event loop
//! that turns terminal events into [`Action`]s, runs [`update`] and performs [`Effect`]s.
//!
//! The loop never spins: input is read on its own thread and the loop waits for it with a
//! timeout, exits on SIGHUP / SIGTERM (checked every wake-up; exit code 128 + signal after
//! saving what can be saved), and exits when the terminal fails a read, a write or a size
//! query (a vanished TTY). Failed saves are retried on a timer; saves never wait for the
//! workspace lock, so keys keep working while another writer holds it.

mod effects;
mod notices;
mod sgr16;
mod terminal;

pub use effects::{DiskWatch, dispatch, dispatch_with, flush, poll_disk, save};

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::NaiveDate;
use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::app::{Action, Mode, Start, State, update};
use crate::domain::calendar::WorkCalendar;
use crate::input::KeyMap;
use crate::storage::Workspace;
use crate::ui::{self, Theme};
use terminal::TerminalGuard;

/// How long the loop sleeps waiting for input before checking the signal flags.
const TICK: Duration = Duration::from_millis(250);
/// How often the ledger files are checked for changes by other writers (on idle ticks).
const DISK_POLL: Duration = Duration::from_secs(2);
/// How often failed saves are retried (a busy lock, a full disk, a broken file).
const RETRY: Duration = Duration::from_secs(1);

/// How the interactive app ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exit {
    /// The process's exit code: 0; 1 when edits were left unsaved; 128 + the signal
    /// (129 SIGHUP, 143 SIGTERM) when a signal ended it.
    pub code: u8,
    /// What to print on stderr once the terminal is restored (unsaved edits, recovery files).
    pub message: Option<String>,
}

/// Open the interactive app on a loaded workspace; returns when the user quits, a
/// terminating signal arrives or the terminal goes away.
/// `start` says what the command line knows: where today came from, whether the workspace
/// was just created.
pub fn run(workspace: Workspace, today: NaiveDate, start: &Start) -> anyhow::Result<Exit> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        anyhow::bail!("duban 的交互界面需要在终端中运行;脚本中请使用 duban list 等子命令");
    }
    let (keys, mut messages) = KeyMap::load(&workspace.dir);
    let calendar = load_calendar(&workspace, &mut messages);
    for broken in &workspace.broken {
        messages.push(format!(
            "无法读取(未改动该文件):{}: {}",
            broken.path.display(),
            broken.message
        ));
    }
    let last_meeting = crate::storage::load_last_meeting(&workspace.dir);
    if let Err(e) = &last_meeting {
        messages.push(format!("上次会议记录无法读取:{e}"));
    }
    // The shared author rule; with no name chosen anywhere, the first edit asks for one.
    let author = crate::identity::current_author(None, workspace.config.author.as_deref());
    let mut state = State::with_calendar(workspace, calendar, today);
    state.edit.naming_setting = crate::app::edit::NameSetting {
        ask: author.needs_name(),
        config_dir: crate::identity::user_config_dir(),
    };
    state.edit.user = author.name;
    state.date_origin = start.date;
    messages.extend(crate::app::start_messages(start, state.catalog.config.demo));
    if let Ok(Some(record)) = last_meeting {
        update(
            &mut state,
            Action::MeetingLoaded(Box::new(record)),
            now_on(today),
        );
    }
    let more = messages.len().saturating_sub(1);
    state.message = messages.into_iter().next().map(|first| match more {
        0 => first,
        n => format!("{first}(另有{n}条提示)"),
    });
    // The number of the terminating signal received, 0 while none.
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize)
            .context("无法注册信号处理")?;
    }
    let theme = Theme::from_env();
    let mut guard = TerminalGuard::enter().context("无法初始化终端")?;
    let size = guard.terminal.size().context("无法读取终端大小")?;
    update(
        &mut state,
        Action::Resize(size.width, size.height),
        now_on(today),
    );
    let ended = event_loop(&mut guard, &mut state, &keys, &theme, &stop, today);
    drop(guard);
    match ended {
        Ok(Ended::Quit) => Ok(Exit {
            code: u8::from(state.edit.saving.pending() > 0),
            message: state.edit.saving.exit_summary(),
        }),
        Ok(Ended::Signal(signal)) => Ok(Exit {
            code: 128u8.saturating_add(signal),
            message: flush(&mut state, now_on(today)),
        }),
        // The terminal is gone: keep what can be kept before reporting it.
        Err(e) => match flush(&mut state, now_on(today)) {
            Some(unsaved) => Err(e.context(unsaved)),
            None => Err(e),
        },
    }
}

/// Why the event loop stopped.
enum Ended {
    /// The user quit (every question answered).
    Quit,
    /// A terminating signal arrived (its number).
    Signal(u8),
}

/// The holiday calendar with the workspace's `holidays.ron`; a bad file is reported and
/// the bundled calendar used.
fn load_calendar(workspace: &Workspace, messages: &mut Vec<String>) -> WorkCalendar {
    let mode = workspace.config.rules.calendar;
    match crate::storage::load_holiday_overrides(&workspace.dir) {
        Ok(None) => WorkCalendar::new(mode),
        Ok(Some((text, path))) => match WorkCalendar::from_override_ron(&text) {
            Ok(calendar) => calendar.with_mode(mode),
            Err(e) => {
                messages.push(format!("{}: {e};使用内置节假日", path.display()));
                WorkCalendar::new(mode)
            }
        },
        Err(e) => {
            messages.push(format!("{e};使用内置节假日"));
            WorkCalendar::new(mode)
        }
    }
}

/// What the input thread hands to the loop.
type Input = io::Result<Event>;

/// Read terminal events on their own thread: crossterm's reader can busy-loop when the
/// terminal hangs up, so the loop must never block on it. The thread ends with the process.
fn spawn_reader() -> mpsc::Receiver<Input> {
    let (tx, rx) = mpsc::sync_channel::<Input>(64);
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if tx.send(event).is_err() || failed {
                break;
            }
        }
    });
    rx
}

fn event_loop(
    guard: &mut TerminalGuard,
    state: &mut State,
    keys: &KeyMap,
    theme: &Theme,
    stop: &AtomicUsize,
    today: NaiveDate,
) -> anyhow::Result<Ended> {
    let input = spawn_reader();
    let mut dirty = true;
    let mut last_poll = Instant::now();
    let mut last_retry = Instant::now();
    // Files are read in full at least every 30 s (15 polls), else only when they look changed.
    let mut watch = DiskWatch::new(15);
    loop {
        let signal = stop.load(Ordering::Relaxed);
        if signal != 0 {
            return Ok(Ended::Signal(u8::try_from(signal).unwrap_or(127)));
        }
        // Retried whether keys arrive or not: typing never starves a waiting save.
        if last_retry.elapsed() >= RETRY {
            last_retry = Instant::now();
            if !state.edit.saving.failures.is_empty() {
                dirty = true;
                if dispatch(state, Action::RetrySaves, now_on(today)) {
                    return Ok(Ended::Quit);
                }
            }
        }
        if dirty {
            // A failed write means the terminal is gone: stop rather than spin.
            guard
                .terminal
                .draw(|frame| ui::draw(frame, state, keys, theme))
                .context("终端已断开")?;
            dirty = false;
        }
        let event = match input.recv_timeout(TICK) {
            Ok(event) => event.context("终端已断开")?,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // A hung-up terminal answers every ioctl with EIO: leave instead of waiting.
                ratatui::crossterm::terminal::size().context("终端已断开")?;
                if last_poll.elapsed() >= DISK_POLL {
                    last_poll = Instant::now();
                    for action in watch.poll(state) {
                        dirty = true;
                        if dispatch(state, action, now_on(today)) {
                            return Ok(Ended::Quit);
                        }
                    }
                }
                continue;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => anyhow::bail!("终端已断开"),
        };
        // Esc+key read together arrives as one Alt+key event: it is split into its keystrokes.
        let events = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => keys
                .keystrokes(&key, state.mode())
                .into_iter()
                .map(Event::Key)
                .collect(),
            other => vec![other],
        };
        dirty = true;
        for event in events {
            // Each keystroke is resolved in the mode the one before it left.
            let Some(action) = action_of(event, state, keys) else {
                continue;
            };
            // Saves happen here, before the next frame shows the edit as saved.
            if dispatch(state, action, now_on(today)) {
                return Ok(Ended::Quit);
            }
            if let Some(limit) = ui::scroll_limit(state, keys) {
                state.clamp_scroll(limit);
            }
        }
    }
}

/// The action of one terminal event in the current mode, if any (a key bound to nothing is
/// [`Action::Unbound`]: it still dismisses the message).
fn action_of(event: Event, state: &State, keys: &KeyMap) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            Some(keys.resolve(&key, state.mode()).unwrap_or(Action::Unbound))
        }
        Event::Paste(text) if matches!(state.mode(), Mode::Edit | Mode::SheetPrompt) => {
            Some(Action::FormPaste(text))
        }
        Event::Paste(text) => Some(Action::SearchInsert(text)),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}

/// The moment of an event on the workspace's clock: the app's `today` (which stays the
/// pinned or start date) at the wall-clock time of day, to the second. The only place the
/// interactive app reads the clock.
fn now_on(today: NaiveDate) -> chrono::NaiveDateTime {
    let time = chrono::Local::now().time();
    today.and_time(chrono::Timelike::with_nanosecond(&time, 0).unwrap_or(time))
}
