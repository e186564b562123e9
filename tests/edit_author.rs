//! The author of TUI edits: with no name chosen anywhere (only the login name known), the
//! first edit asks once for a name, prefilled with the login name, and stores it in the
//! per-user config folder, where the shared author rule finds it.

mod edit_support;

use duban::app::Mode;
use duban::app::edit::NameSetting;
use duban::identity::{AUTHOR_FILE, AuthorSource, author};
use edit_support::*;

/// A state as the TUI opens it for login `zhang` with no name chosen; names go to `cfg`.
fn unnamed(dir: &std::path::Path, cfg: &std::path::Path) -> duban::app::State {
    let mut s = open(dir, "zhang");
    s.edit.naming_setting = NameSetting {
        ask: true,
        config_dir: Some(cfg.to_path_buf()),
    };
    s
}

#[test]
fn the_first_edit_asks_for_a_name_once_and_stores_it_for_later_sessions() {
    let (tmp, dir) = workspace();
    let cfg = tmp.path().join("config");
    let mut s = unnamed(&dir, &cfg);
    select(&mut s, "1");
    press(&mut s, "n");
    let question = s.edit.naming.as_ref().expect("the name question is open");
    assert_eq!(
        question.input.text(),
        "zhang",
        "prefilled with the login name"
    );
    assert_eq!(s.mode(), Mode::Edit);
    press(&mut s, "Ctrl-u");
    type_text(&mut s, "张三");
    press(&mut s, "Enter");
    assert!(s.edit.naming.is_none());
    assert!(s.edit.form.is_some(), "the note form opens after the name");
    let stored = std::fs::read_to_string(cfg.join(AUTHOR_FILE)).expect("name stored");
    assert_eq!(stored.trim(), "张三");
    assert!(
        s.message.as_deref().is_some_and(|m| m.contains("已保存到")),
        "{:?}",
        s.message
    );
    type_text(&mut s, "署名测试");
    press(&mut s, "Enter");
    assert_eq!(disk_item(&dir, "1").progress[0].author, "张三");

    // Asked once: the next edit opens its form at once.
    press(&mut s, "n");
    assert!(s.edit.naming.is_none());
    assert!(s.edit.form.is_some());
    // The shared rule finds the stored name (no DUBAN_AUTHOR, login zhang).
    let env = |k: &str| (k == "USER").then(|| "zhang".to_string());
    let found = author(None, None, &env, Some(&cfg));
    assert_eq!(
        (found.name.as_str(), found.source),
        ("张三", AuthorSource::UserConfig)
    );
}

#[test]
fn esc_keeps_the_login_name_for_this_session_and_stores_nothing() {
    let (tmp, dir) = workspace();
    let cfg = tmp.path().join("config");
    let mut s = unnamed(&dir, &cfg);
    select(&mut s, "2");
    press(&mut s, "s");
    assert!(s.edit.naming.is_some());
    press(&mut s, "Esc");
    assert!(s.edit.form.is_some(), "the status picker opens");
    press(&mut s, "2");
    assert!(!cfg.join(AUTHOR_FILE).exists());
    let history = disk_item(&dir, "2").history;
    assert_eq!(history.last().expect("audit entry").author, "zhang");
}

#[test]
fn an_empty_name_is_refused_in_place() {
    let (tmp, dir) = workspace();
    let mut s = unnamed(&dir, &tmp.path().join("config"));
    select(&mut s, "1");
    press(&mut s, "n Ctrl-u Enter");
    let question = s.edit.naming.as_ref().expect("still asking");
    assert_eq!(
        question.message.as_ref().map(|m| m.text.as_str()),
        Some("请填写名字")
    );
}
