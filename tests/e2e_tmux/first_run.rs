//! The first minute of a new user: the workspace made on the first start and where, the
//! demo banner, the footer's key hints after the help, the units column appearing when the
//! window grows; and a date chosen with `--today` marked as such on a real workspace.

use std::fs;

use super::driver::{Session, last_line, quote};

#[test]
fn the_demo_banner_footer_hints_and_units_column_show_at_the_right_time() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban();
    // The header names the pinned demo date; the footer says how to start for real, whole
    // at 80 columns, and where the rest is.
    session.wait_until("the demo header and the demo banner", |s| {
        [
            "演示数据 · 固定日期 2023-06-26",
            "演示数据 · 新建台账:duban --dir 目录 import 表格文件 --year 年份 · 详见 ?",
        ]
        .iter()
        .find(|text| !s.contains(*text))
        .map_or(Ok(()), |text| Err(format!("no {text}")))
    });
    let screen = session.screen();
    let footer = last_line(&screen).unwrap_or_default();
    assert!(!footer.contains('…'), "the hint is cut: {footer:?}");
    session.keys(&["?"]);
    // The help gives the command in full.
    session.wait_until("the help's part on new ledgers", |s| {
        ["帮助 · 按键", "【新建台账】", "--title 标题", "--dry-run"]
            .iter()
            .find(|text| !s.contains(*text))
            .map_or(Ok(()), |text| Err(format!("no {text}")))
    });
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

#[test]
fn the_first_start_says_in_the_app_where_the_workspace_was_made() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    // No workspace yet in this data directory: duban makes one there from the samples.
    let data = session.workspace.path().join("data");
    let dir = data.join("duban/workspace");
    let env = format!("XDG_DATA_HOME={} HOME={}", quote(&data), quote(&data));
    let pid = session.launch_duban_args(&env, "");
    let told = format!("已在 {} 创建演示工作区", dir.display());
    let screen = session.wait_for_text(&told);
    assert!(dir.join("duban.ron").is_file(), "made in {}", dir.display());
    let footer = last_line(&screen).unwrap_or_default();
    assert!(!footer.contains('…'), "the message fits: {footer:?}");
    session.quit(pid);
}

#[test]
fn a_chosen_date_on_a_real_workspace_is_marked_as_chosen() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    // A real workspace: the samples without the demo flag and the pinned date.
    let config = session.workspace.path().join("duban.ron");
    let text = fs::read_to_string(&config).expect("duban.ron");
    let real = text
        .replace("demo: true,", "demo: false,")
        .replace("as_of: \"2023-06-26\",", "");
    assert_ne!(real, text, "the sample config names its demo flag and date");
    fs::write(&config, real).expect("write duban.ron");
    let dir = format!(
        "--dir {} --today 2025-07-10",
        quote(session.workspace.path())
    );
    let pid = session.launch_duban_args("-u NO_COLOR", &dir);
    let screen = session.wait_for_text("指定日期 2025-07-10");
    assert!(!screen.contains("今天 2025-07-10"), "{screen}");
    assert!(
        !screen.contains("演示数据 ·"),
        "not marked as demo data: {screen}"
    );
    session.quit(pid);
}
