//! The text input.

use proptest::prelude::*;
use ratatui::crossterm::event::KeyCode;

use super::super::*;
use super::support::*;

#[test]
fn text_input_edits_by_grapheme_and_places_the_caret_by_width() {
    let mut t = TextInput::new();
    for k in chars("智慧e\u{301}x") {
        t.handle_key(&k);
    }
    assert_eq!(t.cursor_column(), 2 + 2 + 1 + 1);
    t.left();
    t.left(); // over "x" and the combined "é"
    assert_eq!(t.cursor_column(), 4);
    t.delete(); // removes é (two chars, one grapheme)
    assert_eq!(t.text(), "智慧x");
    t.backspace();
    assert_eq!(t.text(), "智x");
    assert_eq!(t.cursor_column(), 2);
    t.handle_key(&key(KeyCode::End));
    t.handle_key(&key(KeyCode::Char('中')));
    assert_eq!(t.text(), "智x中");
    t.handle_key(&key(KeyCode::Home));
    assert_eq!(t.cursor(), 0);
    t.handle_key(&key(KeyCode::Backspace));
    assert_eq!(t.text(), "智x中");
}

#[test]
fn paste_is_inserted_whole_on_one_line() {
    let mut t = TextInput::with_text("进展:");
    t.insert_str("第一行\r\n第二行\n\u{1b}[31m红");
    assert_eq!(t.text(), "进展:第一行 第二行 [31m红");
    assert_eq!(t.cursor(), t.text().len());
}

#[test]
fn ctrl_w_and_ctrl_u_delete_backwards() {
    let mut t = TextInput::with_text("召开 推进会  ");
    t.handle_key(&ctrl('w'));
    assert_eq!(t.text(), "召开 ");
    t.handle_key(&ctrl('w'));
    assert_eq!(t.text(), "");
    let mut t = TextInput::with_text("abc 中文");
    t.left();
    t.handle_key(&ctrl('u'));
    assert_eq!(t.text(), "文");
    assert_eq!(t.cursor(), 0);
}

#[test]
fn view_scrolls_to_keep_the_caret_visible() {
    let t = TextInput::with_text("一二三四五六");
    let (shown, caret) = t.view(7);
    assert_eq!((shown.as_str(), caret), ("四五六", 6));
    let mut t = t;
    t.home();
    let (shown, caret) = t.view(7);
    assert_eq!((shown.as_str(), caret), ("一二三", 0));
}

proptest! {
    #[test]
    fn text_input_never_panics_and_caret_stays_on_a_boundary(
        ops in proptest::collection::vec((0u8..9, "[a中é\u{301}👍🏽 ]{0,3}"), 0..40),
        cols in 0usize..12,
    ) {
        let mut t = TextInput::new();
        for (op, s) in ops {
            match op {
                0 => t.insert_str(&s),
                1 => t.backspace(),
                2 => t.delete(),
                3 => t.left(),
                4 => t.right(),
                5 => t.kill_word_back(),
                6 => t.kill_to_start(),
                7 => t.home(),
                _ => t.end(),
            }
            prop_assert!(t.text().is_char_boundary(t.cursor()));
            let (shown, caret) = t.view(cols);
            prop_assert!(crate::text::width(&shown) <= cols);
            prop_assert!(caret <= cols);
        }
    }
}
