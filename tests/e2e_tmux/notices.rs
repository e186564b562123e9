//! 发通知单 as a new user issues it at 80×24: the red items of one unit (the sample's
//! three red items are all 机关党办's, items 1-3 of 2023-1-zhidu), the file in the
//! workspace's notices/ folder, the notice recorded on each item and shown in the detail.

use duban::domain::NoticeKind;
use duban::storage::{ledger_path, load_ledger};

use super::driver::{Session, last_line};

#[test]
fn a_notice_for_a_units_red_items_is_written_recorded_and_shown() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let dir = session.workspace.path().to_path_buf();
    let pid = session.launch_duban();
    session.wait_for_text("237项");
    // The red items, the cursor in the table, the popup on the first one.
    session.keys(&["2", "l", "I"]);
    session.wait_for_text("发通知单");
    session.wait_for_text("范围:本事项");
    session.keys(&["Tab"]);
    session.wait_for_text("机关党办 的全部红色在办事项");
    session.wait_for_text("将发出 1 份通知单,登记到 3 个事项");
    session.keys(&["Enter"]);
    session.wait_for("the footer naming the notice issued", |s| {
        last_line(s).is_some_and(|l| l.contains("督〔2023〕1号 → 机关党办(3项)"))
    });
    // Acknowledged means on disk: the file and the records.
    let file = dir.join("notices/督办通知单-机关党办-督〔2023〕1号.md");
    let md = std::fs::read_to_string(&file).expect("the notice file");
    assert!(md.starts_with("# 《督办通知单》"), "{md}");
    let ledger = load_ledger(&ledger_path(&dir, "2023-1-zhidu"))
        .expect("ledger")
        .ledger;
    for id in ["1", "2", "3"] {
        let notices = &ledger.item(id).expect("item").notices;
        assert_eq!(notices.len(), 1, "item {id}: {notices:?}");
        assert_eq!(notices[0].kind, NoticeKind::Supervise);
        assert_eq!(notices[0].number.as_deref(), Some("督〔2023〕1号"));
    }
    // The detail shows the notice at once.
    session.keys(&["Enter", "G"]);
    session.wait_for_text("已发通知");
    session.wait_for_text("督办通知单 督〔2023〕1号 → 机关党办");
    session.keys(&["Escape"]);
    session.wait_for_text("3项");
    session.quit(pid);
}
