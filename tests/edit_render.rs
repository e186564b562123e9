//! The edit forms in the whole frame, and a property: whatever keys are pressed, the app
//! never panics and what it shows is what is on disk (every save is synchronous).

mod edit_support;

use duban::input::KeyMap;
use duban::ui::{self, Theme};
use edit_support::*;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::layout::Position;

fn frame(state: &duban::app::State, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    let keys = KeyMap::default();
    t.draw(|f| ui::draw(f, state, &keys, &Theme::default()))
        .expect("draws");
    t
}

#[test]
fn note_form_over_the_table_at_80x24_with_the_cursor_at_the_caret() {
    let (_tmp, dir) = workspace();
    let mut s = open(&dir, "李四");
    select(&mut s, "1");
    press(&mut s, "n");
    type_text(&mut s, "已完成选址");
    let mut t = frame(&s, 80, 24);
    insta::assert_snapshot!(t.backend());
    // Body rows 2..23 (header 2, footer 1); the popup (5 rows, 72 wide) is centred in them.
    let cursor = t.backend_mut().get_cursor_position().expect("cursor");
    let popup_y = 2 + (21 - 5) / 2;
    assert_eq!(cursor, Position::new(4 + 1 + 6 + 10, popup_y + 1));
}

#[test]
fn conflict_popup_at_160x48() {
    let (_tmp, dir) = workspace();
    let (_a, b) = same_field_conflict(&dir);
    insta::assert_snapshot!(frame(&b, 160, 48).backend());
}

/// Keys that reach every edit action and the inside of every form.
const KEYS: [&str; 24] = [
    "s",
    "n",
    "e",
    "x",
    "a",
    "m",
    "M",
    "r",
    "N",
    "E",
    "A",
    "Space",
    "u",
    "Ctrl-r",
    "Enter",
    "Esc",
    "Tab",
    "j",
    "k",
    "1",
    "2",
    "3",
    "5",
    "Backspace",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]
    #[test]
    fn any_keys_keep_the_screen_and_the_disk_in_step(
        keys in proptest::collection::vec((0..KEYS.len(), "[a中 ]{0,2}"), 1..40)
    ) {
        let (_tmp, dir) = workspace();
        let mut s = open(&dir, "李四");
        for (k, text) in keys {
            press(&mut s, KEYS[k]);
            if s.edit.form.is_some() {
                type_text(&mut s, &text);
            }
            frame(&s, 80, 24);
            if !s.edit.is_active() {
                let shown = &s.catalog.ledgers[0].ledger;
                prop_assert_eq!(shown, &on_disk(&dir));
            }
        }
    }
}
