//! Leaving: a terminating signal restores the terminal; closing the pane leaves no process.

use rstest::rstest;

use super::disk::items_on_disk;
use super::driver::Session;
use super::process::{signal, wait_for_exit};

/// SIGHUP or SIGTERM, while browsing or with a half-typed note open: duban exits with
/// 128 + the signal (129, 143), the terminal is as it was, and nothing unsaved reaches the
/// disk.
#[rstest]
#[case::hangup_browsing("HUP", &[], "")]
#[case::terminate_browsing("TERM", &[], "")]
#[case::hangup_in_a_note("HUP", &["n"], "挂断时尚未保存")]
#[case::terminate_in_search("TERM", &["/"], "zhjz")]
fn a_terminating_signal_exits_and_restores_the_terminal(
    #[case] name: &str,
    #[case] keys: &[&str],
    #[case] typed: &str,
) {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let before = items_on_disk(session.workspace.path());
    let pid = session.launch_duban();
    session.wait_for_text("237项");
    session.keys(keys);
    if !typed.is_empty() {
        session.type_text(typed);
        session.wait_for_caret_after(typed);
    }
    signal(pid, name);
    wait_for_exit(pid, &format!("SIG{name}"));
    let expected = match name {
        "HUP" => 129,
        _ => 143,
    };
    assert_eq!(
        session.assert_shell_sane(),
        expected,
        "exit code after SIG{name}"
    );
    assert_eq!(
        items_on_disk(session.workspace.path()),
        before,
        "nothing saved"
    );
}

/// The terminal goes away under duban: its pane is closed while another pane keeps the
/// server alive, or the whole tmux server dies (as with a dropped SSH connection).
#[rstest]
#[case::pane_closed(&["kill-pane", "-t", "e2e"])]
#[case::server_killed(&["kill-server"])]
fn losing_the_terminal_leaves_no_duban_behind(#[case] close: &[&str]) {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban();
    session.wait_for_text("蓝");
    // A second pane (not selected) so that closing duban's pane leaves the server up.
    session.tmux(&["split-window", "-d", "-t", "e2e", "cat"]);
    session.tmux(close);
    wait_for_exit(pid, &format!("tmux {close:?}"));
    if close[0] == "kill-pane" {
        assert_eq!(
            session.format("#{window_panes}"),
            "1",
            "the other pane lives"
        );
    }
}

/// Ctrl-C quits from every mode (raw mode turns it into a key, not a signal) and leaves
/// the terminal as it was.
#[rstest]
#[case::browse(&[], "237项")]
#[case::search(&["/"], "Esc 取消")]
#[case::detail(&["Enter"], "Esc 返回")]
#[case::help(&["?"], "帮助 · 按键")]
#[case::filter_menu(&["f"], "空格选择")]
fn ctrl_c_quits_from_every_mode(#[case] keys: &[&str], #[case] shown: &str) {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban();
    session.wait_for_text("237项");
    for key in keys {
        session.keys(&[key]);
    }
    session.wait_for_text(shown);
    session.keys(&["C-c"]);
    wait_for_exit(pid, "Ctrl-C");
    assert_eq!(session.assert_shell_sane(), 0, "duban exits 0 on Ctrl-C");
}
