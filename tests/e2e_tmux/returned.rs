//! Issue 12 in a real terminal at 80×24: `R` 收回报表 as a new user meets it — type the
//! path of a returned sheet with Tab completion, choose its ledger, read the preview, write
//! it with Enter, and undo it with `u`; each step on disk as soon as the footer says so.

use super::driver::Session;
use super::editing::wait_for_saved;
use super::returned_support::{
    LEDGER, NOTE, USUAL, ledger_on_disk, returned_sheet, without_history,
};

#[test]
fn a_returned_sheet_is_previewed_applied_and_undone_at_80x24() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let dir = session.workspace.path().to_path_buf();
    returned_sheet(&dir, "回收-机关党办.xlsx", &USUAL, true);
    let before = ledger_on_disk(&dir);
    let pid = session.launch_duban();
    session.wait_for_text("蓝");

    session.keys(&["R"]);
    session.wait_for_text("收回报表");
    session.wait_for_caret_after("工作簿:");
    session.type_text("exports/回");
    session.keys(&["Tab"]);
    session.wait_for_caret_after("exports/回收-机关党办.xlsx");
    // The prompt starts on the selected item's ledger; ↓ until it names the sheet's.
    for _ in 0..6 {
        if session.screen().contains("制度建设规范年”项目台账") {
            break;
        }
        session.keys(&["Down"]);
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    session.wait_for_text("制度建设规范年”项目台账");
    session.keys(&["Enter"]);
    let preview = session.wait_for_text("收回报表 · 预览(尚未写入)");
    for expected in [
        "将写入 1 条新进展、1 项状态变更",
        "〔机关党办〕",
        "推进中 → 已完成",
        "序号「99」",
        "不予修改 1 处",
    ] {
        assert!(preview.contains(expected), "{expected:?}:\n{preview}");
    }
    assert_eq!(ledger_on_disk(&dir), before, "the preview writes nothing");

    session.keys(&["Enter"]);
    wait_for_saved(&session, "已收回报表");
    let screen = session.screen();
    assert!(screen.contains("按 u 撤销"), "{screen}");
    let after = ledger_on_disk(&dir);
    assert_eq!(
        after.item("1").expect("1").status,
        duban::domain::Status::Done
    );
    let note = after
        .item("2")
        .expect("2")
        .progress
        .last()
        .expect("note")
        .clone();
    assert_eq!(
        (note.author.as_str(), note.text.as_str()),
        ("机关党办", NOTE)
    );
    assert_eq!(
        after.item("3").expect("3").title,
        before.item("3").expect("3").title,
        "a changed title is never taken"
    );

    session.keys(&["u"]);
    wait_for_saved(&session, "已撤销:收回报表");
    assert_eq!(
        without_history(ledger_on_disk(&dir)),
        without_history(before),
        "undo restores {LEDGER}"
    );
    session.quit(pid);
}
