//! The first minute of a new user on the demo data: the demo banner, the footer's key
//! hints after the help, and the units column appearing when the window grows.

use super::driver::Session;

#[test]
fn the_demo_banner_footer_hints_and_units_column_show_at_the_right_time() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban();
    // The header names the pinned demo date; the footer says how to start for real.
    session.wait_until("the demo header and the demo banner", |s| {
        [
            "演示数据 · 固定日期 2023-06-26",
            "这是演示数据。开始使用真实台账",
        ]
        .iter()
        .find(|text| !s.contains(*text))
        .map_or(Ok(()), |text| Err(format!("no {text}")))
    });
    session.keys(&["?"]);
    session.wait_for_text("帮助 · 按键");
    session.keys(&["Escape"]);
    let screen = session.wait_for_text("Tab 切换");
    assert!(
        !screen.contains("责任单位"),
        "no units column at 80 columns:\n{screen}"
    );
    session.resize(120, 30);
    session.wait_for_text("责任单位");
    // Back to the starting size, so the scrolling region compares equal on quitting.
    session.resize(80, 24);
    session.wait_for_gone("责任单位");
    session.quit(pid);
}
