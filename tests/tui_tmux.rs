//! End to end in a real terminal: the `duban` binary in tmux at 80×24 on a copy of the
//! sample workspace, as a new user would. Skipped (with a note) where tmux is missing.
//!
//! Each wait polls the screen until the expected text appears or a deadline passes.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    /// A tmux server of its own, running `command` in an 80×24 window.
    fn start(name: &str, command: &str) -> Option<Tmux> {
        let socket = format!("duban-test-{name}-{}", std::process::id());
        let ok = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "new-session",
                "-d",
                "-x",
                "80",
                "-y",
                "24",
                command,
            ])
            .status()
            .ok()?
            .success();
        ok.then_some(Tmux { socket })
    }

    fn screen(&self) -> String {
        Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            Command::new("tmux")
                .args(["-L", &self.socket, "send-keys", k])
                .status()
                .unwrap();
        }
    }

    /// Resize the window (the app gets a resize event and redraws).
    fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        Command::new("tmux")
            .args(["-L", &self.socket, "resize-window", "-x", &w, "-y", &h])
            .status()
            .unwrap();
    }

    /// Wait until the screen contains `text`.
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("tmux not installed: skipping the terminal tests");
    }
    ok
}

/// A copy of the sample workspace in a temporary folder.
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::create_dir(dir.path().join("ledgers")).unwrap();
    std::fs::copy(data.join("duban.ron"), dir.path().join("duban.ron")).unwrap();
    for f in std::fs::read_dir(data.join("ledgers")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), dir.path().join("ledgers").join(f.file_name())).unwrap();
    }
    dir
}

fn duban_command(dir: &Path, env: &str) -> String {
    format!(
        "{env} {} --dir {}; echo DUBAN-EXIT-$?; sleep 60",
        env!("CARGO_BIN_EXE_duban"),
        dir.display()
    )
}

/// The pid of the duban process started for `dir`, if it still runs (a zombie waiting
/// to be reaped has an empty command line, so it does not count).
fn duban_pid(dir: &Path) -> Option<String> {
    let wanted = format!(
        "{}\0--dir\0{}\0",
        env!("CARGO_BIN_EXE_duban"),
        dir.display()
    );
    std::fs::read_dir("/proc")
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.bytes().all(|b| b.is_ascii_digit()))
        .find(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| String::from_utf8_lossy(&c) == wanted)
        })
}

/// The open items per colour as `duban list` counts them: "黑9 红3 黄40 蓝5".
fn counts_from_list(dir: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .args([
            "--dir",
            &dir.display().to_string(),
            "list",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut counts = [0; 4];
    for line in text.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        if matches!(fields[3], "done" | "accepted") {
            continue;
        }
        if let Some(i) = ["black", "red", "yellow", "blue"]
            .iter()
            .position(|c| *c == fields[2])
        {
            counts[i] += 1;
        }
    }
    format!(
        "黑{} 红{} 黄{} 蓝{}",
        counts[0], counts[1], counts[2], counts[3]
    )
}

#[test]
fn a_new_user_searches_reads_help_and_quits() {
    if !tmux_available() {
        return;
    }
    let dir = sample_copy();
    let tmux = Tmux::start("user", &duban_command(dir.path(), "")).unwrap();
    let screen = tmux.wait_for("演示数据 · 固定日期 2023-06-26");
    assert!(
        screen.contains("这是演示数据。开始使用真实台账"),
        "{screen}"
    );
    let counts = counts_from_list(dir.path());
    assert!(
        screen.contains(&counts),
        "header should show {counts}:\n{screen}"
    );
    tmux.keys(&["/", "z", "h", "j", "z"]);
    let screen = tmux.wait_for("搜索“zhjz”");
    assert!(screen.contains("智慧矫正"), "{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("237项");
    tmux.keys(&["?"]);
    tmux.wait_for("帮助 · 按键");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Tab 切换");
    assert!(
        !tmux.screen().contains("责任单位"),
        "no units column at 80 columns"
    );
    tmux.resize(120, 30);
    tmux.wait_for("责任单位");
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("DUBAN-EXIT-0");
    assert!(
        !screen.contains("┌"),
        "the terminal was not restored:\n{screen}"
    );
}

#[test]
fn no_color_stays_readable() {
    if !tmux_available() {
        return;
    }
    let dir = sample_copy();
    let tmux = Tmux::start("mono", &duban_command(dir.path(), "NO_COLOR=1")).unwrap();
    let screen = tmux.wait_for("[黑]");
    assert!(
        screen.contains("[红]") && screen.contains("[黄]"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("DUBAN-EXIT-0");
}

#[test]
fn sighup_ends_the_process_and_restores_the_terminal() {
    if !tmux_available() {
        return;
    }
    let dir = sample_copy();
    let tmux = Tmux::start("hup", &duban_command(dir.path(), "")).unwrap();
    tmux.wait_for("┌按台账");
    let pid = duban_pid(dir.path()).expect("duban runs");
    Command::new("kill").args(["-HUP", &pid]).status().unwrap();
    let screen = tmux.wait_for("DUBAN-EXIT-");
    assert!(
        !screen.contains("┌"),
        "the terminal was not restored:\n{screen}"
    );
    assert!(
        duban_pid(dir.path()).is_none(),
        "duban still runs after SIGHUP"
    );
}

#[test]
fn closing_the_pane_leaves_no_process_behind() {
    if !tmux_available() {
        return;
    }
    let dir = sample_copy();
    let tmux = Tmux::start("close", &duban_command(dir.path(), "")).unwrap();
    tmux.wait_for("┌按台账");
    assert!(duban_pid(dir.path()).is_some());
    drop(tmux);
    let deadline = Instant::now() + Duration::from_secs(10);
    // A zombie waiting for its parent to reap it has an empty cmdline: not running.
    while duban_pid(dir.path()).is_some() {
        assert!(
            Instant::now() < deadline,
            "duban still runs after its pane closed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
