//! Esc+key read together (reported as Alt+key) resolves as the two keys in turn.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rstest::rstest;

use super::KeyMap;
use crate::app::{Action, Mode};

fn alt(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
}

fn plain(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[rstest]
#[case::browse(Mode::Browse)]
#[case::search(Mode::Search)]
#[case::edit(Mode::Edit)]
#[case::filter_menu(Mode::FilterMenu)]
fn an_unbound_alt_char_is_esc_then_the_char(#[case] mode: Mode) {
    let keys = KeyMap::default();
    assert_eq!(
        keys.keystrokes(&alt('q'), mode),
        vec![plain(KeyCode::Esc), plain(KeyCode::Char('q'))]
    );
}

#[rstest]
#[case::plain_char(plain(KeyCode::Char('q')))]
#[case::esc(plain(KeyCode::Esc))]
#[case::ctrl(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))]
#[case::alt_arrow(KeyEvent::new(KeyCode::Left, KeyModifiers::ALT))]
fn other_keys_stay_one_keystroke(#[case] key: KeyEvent) {
    assert_eq!(KeyMap::default().keystrokes(&key, Mode::Browse), vec![key]);
}

#[test]
fn a_bound_alt_char_is_kept() {
    let mut keys = KeyMap::default();
    let messages = keys.apply_overrides(
        r#"[(action: "Quit", keys: ["Alt-x"], mode: "Browse")]"#,
        "t",
    );
    assert!(messages.is_empty(), "{messages:?}");
    assert_eq!(keys.keystrokes(&alt('x'), Mode::Browse), vec![alt('x')]);
    // Only where it is bound: in search Alt-x is still Esc then x.
    assert_eq!(keys.keystrokes(&alt('x'), Mode::Search).len(), 2);
}

/// The two keystrokes resolve like the keys typed apart: the form or search is left
/// (never typed into) and then `q` quits from the browsing view.
#[rstest]
#[case::search(Mode::Search, Action::Back)]
#[case::form(Mode::Edit, Action::FormKey(plain(KeyCode::Esc)))]
fn esc_then_q_resolves_to_leave_then_quit(#[case] mode: Mode, #[case] leave: Action) {
    let keys = KeyMap::default();
    let strokes = keys.keystrokes(&alt('q'), mode);
    assert_eq!(keys.resolve(&strokes[0], mode), Some(leave));
    assert_eq!(keys.resolve(&strokes[1], Mode::Browse), Some(Action::Quit));
}
