//! A small driver for end-to-end tests in a real terminal: a private tmux server per test
//! (its own socket), one window running a plain bash in which the test starts the real
//! `duban` binary on a temporary copy of the sample workspace, keys sent with
//! `send-keys`, and the screen read with `capture-pane`.
//!
//! Nothing sleeps and hopes: every wait polls the screen (or a process) until a condition
//! holds, within a deadline, and a failure shows the last screen.

use std::cell::Cell;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use super::process::{children_named, wait_for_exit};

/// How long any wait may take before the test fails.
pub const DEADLINE: Duration = Duration::from_secs(10);
/// How often a wait looks again.
pub const POLL: Duration = Duration::from_millis(50);
/// The shell prompt, distinct from anything duban draws.
pub const PROMPT: &str = "e2e$";
/// The tmux target of the only pane.
const TARGET: &str = "e2e";

/// The terminal modes an application can leave switched on, as tmux reports them:
/// alternate screen, cursor shown and its style, keypad modes, mouse reporting, insert,
/// origin and wrap modes, scrolling region.
const PANE_MODES: &str = "alt=#{alternate_on} cursor=#{cursor_flag},#{cursor_style},\
#{cursor_blinking} keypad=#{keypad_cursor_flag},#{keypad_flag} mouse=#{mouse_any_flag},\
#{mouse_button_flag},#{mouse_standard_flag},#{mouse_all_flag},#{mouse_sgr_flag},\
#{mouse_utf8_flag} insert=#{insert_flag} origin=#{origin_flag} wrap=#{wrap_flag} \
region=#{scroll_region_upper}-#{scroll_region_lower}";

static NEXT_SOCKET: AtomicUsize = AtomicUsize::new(0);

/// Why tmux cannot be used, when it is not installed; `None` when it is.
///
/// Under CI (the `CI` variable set, as `.ci/run` runs) a missing tmux is a failure, not a
/// skip: a check that cannot run must not report green.
pub fn tmux_missing() -> Option<String> {
    let missing = tmux_missing_reason();
    if let Some(reason) = &missing {
        assert!(
            std::env::var_os("CI").is_none(),
            "{reason}: under CI the terminal tests must run"
        );
    }
    missing
}

fn tmux_missing_reason() -> Option<String> {
    match Command::new("tmux").arg("-V").output() {
        Ok(out) if out.status.success() => None,
        Ok(out) => panic!(
            "tmux is installed but `tmux -V` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Some("tmux is not installed (CI installs it via .ci/run)".into())
        }
        Err(e) => panic!("cannot run tmux: {e}"),
    }
}

/// A private tmux server with one shell at a fixed size, plus a temporary copy of the
/// sample workspace; the server is killed on drop.
pub struct Session {
    socket: String,
    /// The server's socket file, removed on drop (tmux leaves it behind).
    socket_path: Option<PathBuf>,
    /// The temporary workspace (a copy of `data/`).
    pub workspace: TempDir,
    /// Scratch files the shell writes (`stty -a` output, exit codes).
    scratch: TempDir,
    /// `stty -a` as the shell had it before duban started.
    stty_before: Option<String>,
    /// The pane's terminal mode flags (see [`PANE_MODES`]) before duban started.
    modes_before: Option<String>,
    /// How many command lines [`Session::run_in_shell`] has run.
    commands: Cell<usize>,
}

impl Session {
    /// Start a server with a `width`×`height` window running bash, wait for its prompt.
    /// Returns `None` (after printing why) only when tmux is not installed.
    pub fn start(width: u16, height: u16) -> Option<Session> {
        if let Some(reason) = tmux_missing() {
            eprintln!("skipped: {reason}");
            return None;
        }
        let n = NEXT_SOCKET.fetch_add(1, Ordering::Relaxed);
        let socket = format!("duban-e2e-{}-{n}", std::process::id());
        let workspace = TempDir::new().expect("temp workspace");
        super::support::copy_dir(&super::disk::sample_data(), workspace.path());
        let scratch = TempDir::new().expect("temp scratch dir");
        let mut session = Session {
            socket,
            socket_path: None,
            workspace,
            scratch,
            stty_before: None,
            modes_before: None,
            commands: Cell::new(0),
        };
        let shell = format!(
            "env PS1='{PROMPT} ' HISTFILE= LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile"
        );
        // No config file, no status line (the pane is the whole window), and no wait
        // after Esc in tmux itself.
        session.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            TARGET,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            &shell,
            ";",
            "set",
            "-g",
            "status",
            "off",
            ";",
            "set",
            "-s",
            "escape-time",
            "0",
        ]);
        session.socket_path = Some(PathBuf::from(session.format("#{socket_path}")));
        session.wait_for_prompt();
        Some(session)
    }

    /// Run a tmux command on this server; panics (with stderr) when it fails.
    pub fn tmux(&self, args: &[&str]) -> String {
        let out = self.tmux_output(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn tmux_output(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            // Run from inside a tmux session, the variable would point at that server.
            .env_remove("TMUX")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// Resize the window (duban gets a resize event and redraws).
    pub fn resize(&self, width: usize, height: usize) {
        self.tmux(&[
            "resize-window",
            "-t",
            TARGET,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Press keys by tmux name (`Enter`, `Escape`, `C-r`, `q`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", TARGET];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Type text literally (Chinese included), as keystrokes.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", TARGET, "-l", text]);
    }

    /// Paste text as a terminal would: bracketed paste when the application asked for it.
    pub fn paste(&self, text: &str) {
        self.tmux(&["set-buffer", "-b", "e2e", text]);
        self.tmux(&["paste-buffer", "-p", "-d", "-b", "e2e", "-t", TARGET]);
    }

    /// Type a shell command line and press Enter.
    pub fn shell(&self, command: &str) {
        self.type_text(command);
        self.keys(&["Enter"]);
    }

    /// The visible screen as plain text, one line per row.
    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", TARGET])
    }

    /// The visible screen with its SGR attributes (colours) as escape sequences.
    pub fn screen_with_attributes(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-e", "-t", TARGET])
    }

    /// A tmux format evaluated for the pane (`#{alternate_on}`, `#{pane_pid}`…).
    pub fn format(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", TARGET, format])
            .trim()
            .to_string()
    }

    /// The terminal cursor: (column, row) and whether it is shown.
    pub fn cursor(&self) -> ((usize, usize), bool) {
        let text = self.format("#{cursor_x} #{cursor_y} #{cursor_flag}");
        let numbers: Vec<usize> = text
            .split_whitespace()
            .map(|n| n.parse().expect("a number"))
            .collect();
        ((numbers[0], numbers[1]), numbers[2] == 1)
    }

    /// Poll until the cursor is shown right after `needle` on screen (where an
    /// input method places its window).
    pub fn wait_for_caret_after(&self, needle: &str) {
        self.wait_until(&format!("the cursor after {needle:?}"), |s| {
            let expected = super::screen::position_after(s, needle)
                .ok_or_else(|| format!("no {needle:?} on screen"))?;
            match self.cursor() {
                (at, true) if at == expected => Ok(()),
                (at, shown) => Err(format!(
                    "cursor at {at:?} (shown: {shown}), expected {expected:?}"
                )),
            }
        });
    }

    /// Poll the screen until `check` accepts it; fail with the last screen after
    /// [`DEADLINE`]. Returns the accepted screen.
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        self.wait_until(what, |s| if check(s) { Ok(()) } else { Err(String::new()) })
    }

    /// Poll the screen until `check` returns `Ok` (a frame may be captured half drawn, so
    /// every condition on a screen is waited for, not asserted once); fail after
    /// [`DEADLINE`] with the last reason and the last screen.
    pub fn wait_until(&self, what: &str, check: impl Fn(&str) -> Result<(), String>) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            let reason = match check(&screen) {
                Ok(()) => return screen,
                Err(reason) => reason,
            };
            if start.elapsed() > DEADLINE {
                panic!(
                    "timed out after {DEADLINE:?} waiting for {what}: {reason}\nlast screen:\n{screen}"
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Poll until `needle` is on the screen.
    pub fn wait_for_text(&self, needle: &str) -> String {
        self.wait_for(&format!("{needle:?} on screen"), |s| s.contains(needle))
    }

    /// Poll until `needle` is no longer on the screen.
    pub fn wait_for_gone(&self, needle: &str) -> String {
        self.wait_for(&format!("{needle:?} to leave the screen"), |s| {
            !s.contains(needle)
        })
    }

    /// Poll until the last non-blank line is the bare shell prompt.
    pub fn wait_for_prompt(&self) -> String {
        self.wait_for("the shell prompt", |s| {
            last_line(s).is_some_and(|l| l.trim_end() == PROMPT)
        })
    }

    /// Run a command line in the shell and wait until it has finished and the prompt is
    /// back (a marker computed by the shell proves the line really ran).
    pub fn run_in_shell(&self, command: &str) {
        let n = self.commands.get() + 1;
        self.commands.set(n);
        self.shell(&format!("{command}; echo E2E-DONE-$(({n}*1))"));
        let marker = format!("E2E-DONE-{n}");
        self.wait_for(&format!("the shell to run `{command}`"), |s| {
            s.lines().any(|l| l.trim_end() == marker)
        });
        self.wait_for_prompt();
    }

    /// Start duban on the workspace in colour (`NO_COLOR` removed), after recording the
    /// shell's terminal modes; wait for its first frame; return its pid.
    pub fn launch_duban(&mut self) -> u32 {
        self.launch_duban_with("-u NO_COLOR")
    }

    /// Like [`Session::launch_duban`] with `env` arguments (`NO_COLOR=1`, `TERM=dumb`).
    pub fn launch_duban_with(&mut self, env: &str) -> u32 {
        let dir = format!("--dir {}", quote(self.workspace.path()));
        self.launch_duban_args(env, &dir)
    }

    /// Like [`Session::launch_duban_with`] with duban's own arguments in place of
    /// `--dir <the workspace>` (none: the default workspace; `--today D`).
    pub fn launch_duban_args(&mut self, env: &str, args: &str) -> u32 {
        let before = self.scratch.path().join("before.stty");
        self.run_in_shell(&format!("stty -a > {}", quote(&before)));
        self.stty_before = Some(fs::read_to_string(&before).expect("read stty before"));
        self.modes_before = Some(self.format(PANE_MODES));
        // A chosen name, so edits open their forms at once; a test that sets DUBAN_AUTHOR
        // itself (empty: no name chosen) meets the first-edit name question.
        let author = if env.contains("DUBAN_AUTHOR") {
            ""
        } else {
            "DUBAN_AUTHOR=测试员"
        };
        self.shell(&format!(
            "env {env} USER=测试员 {author} {} {args}",
            quote(Path::new(env!("CARGO_BIN_EXE_duban"))),
        ));
        self.wait_for_text("督办 ·");
        assert_eq!(
            self.format("#{alternate_on}"),
            "1",
            "duban should draw on the alternate screen"
        );
        self.duban_pid()
    }

    /// The pid of the duban process running under the pane's shell.
    pub fn duban_pid(&self) -> u32 {
        let shell: u32 = self.format("#{pane_pid}").parse().expect("pane pid");
        let start = Instant::now();
        loop {
            if let Some(pid) = children_named(shell, "duban").first() {
                return *pid;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "no duban process under shell {shell}"
            );
            std::thread::sleep(POLL);
        }
    }

    /// Leave duban with `q`, wait for it to exit, and check the terminal is as it was.
    pub fn quit(&self, pid: u32) {
        self.keys(&["q"]);
        wait_for_exit(pid, "pressing q");
        assert_eq!(self.assert_shell_sane(), 0, "duban exits 0 on q");
    }

    /// After duban has exited: check that the shell answers a command, the prompt comes
    /// back, the alternate screen is left, the cursor is visible and the terminal modes
    /// are exactly as before duban started. Returns duban's exit code.
    pub fn assert_shell_sane(&self) -> i32 {
        let rc_file = self.scratch.path().join("rc");
        let after = self.scratch.path().join("after.stty");
        self.run_in_shell(&format!(
            "echo $? > {}; stty -a > {}",
            quote(&rc_file),
            quote(&after)
        ));
        assert_eq!(self.format("#{alternate_on}"), "0", "alternate screen left");
        assert_eq!(self.format("#{cursor_flag}"), "1", "cursor visible again");
        assert_eq!(
            Some(self.format(PANE_MODES)),
            self.modes_before,
            "terminal modes (tmux flags) changed by duban: {PANE_MODES}"
        );
        let after = fs::read_to_string(&after).expect("read stty after");
        let modes = stty_modes(&after);
        for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
            assert!(modes.contains(&mode), "stty lacks {mode}: {after}");
        }
        let before = self.stty_before.as_deref().expect("duban was launched");
        assert_eq!(stty_modes(before), modes, "terminal modes changed by duban");
        fs::read_to_string(&rc_file)
            .expect("read exit code")
            .trim()
            .parse()
            .expect("exit code is a number")
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // The server may already be gone (its last pane closed): ignore failures.
        let _ = self.tmux_output(&["kill-server"]);
        if let Some(path) = &self.socket_path {
            let _ = fs::remove_file(path);
        }
    }
}

/// The last non-blank line of a screen.
pub fn last_line(screen: &str) -> Option<&str> {
    screen.lines().rev().find(|l| !l.trim().is_empty())
}

/// `stty -a` without its first line (speed, rows, columns: the size may change) as a
/// list of settings.
fn stty_modes(stty: &str) -> Vec<&str> {
    stty.lines()
        .skip(1)
        .flat_map(|l| l.split([' ', ';']))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Single-quote a path for the shell.
pub fn quote(path: &Path) -> String {
    let text = path.to_str().expect("utf-8 path");
    assert!(!text.contains('\''), "path with a quote: {text}");
    format!("'{text}'")
}
