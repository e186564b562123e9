//! The duban process under the pane's shell, read from `/proc`: find it, signal it, and
//! wait until it has exited.

use std::fs;
use std::process::Command;
use std::time::Instant;

use super::driver::{DEADLINE, POLL};

/// A process's state letter and parent pid from `/proc/<pid>/stat`; `None` when gone.
fn proc_stat(pid: u32) -> Option<(char, String, u32)> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "pid (comm) S ppid …": comm may hold spaces, so split at the last ')'.
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let comm = stat[open + 1..close].to_string();
    let mut rest = stat[close + 1..].split_whitespace();
    let state = rest.next()?.chars().next()?;
    let ppid = rest.next()?.parse().ok()?;
    Some((state, comm, ppid))
}

/// Live (not zombie) children of `parent` whose command name is `name`.
pub fn children_named(parent: u32, name: &str) -> Vec<u32> {
    let Ok(dir) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            proc_stat(*pid)
                .is_some_and(|(state, comm, ppid)| ppid == parent && comm == name && state != 'Z')
        })
        .collect()
}

/// Whether a process still runs (a zombie has exited: it only waits to be reaped).
pub fn is_running(pid: u32) -> bool {
    proc_stat(pid).is_some_and(|(state, _, _)| !matches!(state, 'Z' | 'X'))
}

/// Poll until process `pid` has exited; fail after [`DEADLINE`].
pub fn wait_for_exit(pid: u32, why: &str) {
    let start = Instant::now();
    while is_running(pid) {
        assert!(
            start.elapsed() < DEADLINE,
            "duban (pid {pid}) still runs {DEADLINE:?} after {why}"
        );
        std::thread::sleep(POLL);
    }
}

/// Send a signal to a process with the `kill` utility.
pub fn signal(pid: u32, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{name} {pid} failed");
}
