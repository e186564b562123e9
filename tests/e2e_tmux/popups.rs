//! Popups drawn over CJK text keep their borders: a popup whose left edge falls on the
//! right half of a wide character of the panel below must not lose its border there.

use rstest::rstest;

use super::driver::Session;
use super::screen::popup_left_border;

#[rstest]
#[case::help("?", "帮助 · 按键")]
#[case::status_picker("s", "改状态 · ")]
#[case::units_picker("a", "责任单位 · ")]
fn a_popup_keeps_its_left_border_over_chinese_text(#[case] key: &str, #[case] title: &str) {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban();
    session.wait_for_text("237项");
    session.keys(&[key]);
    session.wait_until(&format!("the {title} popup with its left border"), |s| {
        popup_left_border(s, title)
    });
    session.keys(&["Escape"]);
    session.wait_for_gone(title);
    session.quit(pid);
}

/// The checker itself on a popup whose left edge meets no wide character.
#[test]
fn the_filter_menu_keeps_its_left_border() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban();
    session.wait_for_text("237项");
    session.keys(&["f"]);
    session.wait_until("the filter menu with its left border", |s| {
        popup_left_border(s, "筛选 (")
    });
    session.keys(&["Escape"]);
    session.wait_for_gone("筛选 (");
    session.quit(pid);
}
