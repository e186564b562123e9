//! Esc followed at once by another key. Over a slow SSH link (or from a fast typist) the
//! two arrive in one read, and crossterm reports them as a single Alt+key: the Esc is
//! lost. A user who presses Esc (leave the search, cancel the form) and then `q` expects
//! both keys to act — except that a form with typed text first asks whether to drop it,
//! and `q` is no answer to that question.

use rstest::rstest;

use super::disk::items_on_disk;
use super::driver::Session;
use super::process::wait_for_exit;

#[rstest]
#[case::search(&["/"], "zhjz", "Esc 取消", false)]
#[case::note_form(&["n"], "未想保存的进展", "添加进展", true)]
fn esc_then_q_in_one_read_leaves_the_input_and_quits(
    #[case] open: &[&str],
    #[case] text: &str,
    #[case] shown: &str,
    #[case] asks: bool,
) {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let dir = session.workspace.path().to_path_buf();
    let before = items_on_disk(&dir);
    let pid = session.launch_duban();
    session.wait_for_text("237项");
    session.keys(open);
    session.wait_for_text(shown);
    session.type_text(text);
    session.wait_for_caret_after(text);
    // One send-keys call: tmux writes both keys to the terminal together.
    session.keys(&["Escape", "q"]);
    if asks {
        // The Esc was seen (the question is up); the q answered nothing.
        session.wait_for_text("放弃已输入的内容?");
        assert!(super::process::is_running(pid), "q is no answer");
        session.keys(&["y"]);
        session.wait_for_gone("添加进展");
        session.keys(&["q"]);
    }
    wait_for_exit(pid, "Esc then q");
    session.assert_shell_sane();
    assert_eq!(items_on_disk(&dir), before, "nothing saved");
}
