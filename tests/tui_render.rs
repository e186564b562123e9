//! Rendering tests on TestBackend: snapshots of every view at 80×24 and 160×48, styled
//! assertions (a red chip is red, a black chip is visible, NO_COLOR has no colours),
//! hostile text stays inert, and no size panics.

mod tui_fixture;

use duban::app::State;
use duban::input::KeyMap;
use duban::ui::{self, Theme};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use tui_fixture::{press, render, state, type_text};

/// Every view after a key sequence, named for its snapshot.
fn views() -> Vec<(&'static str, Vec<&'static str>, Option<&'static str>)> {
    vec![
        ("main_by_ledger", vec![], None),
        ("main_by_unit", vec!["v"], None),
        ("main_by_deadline", vec!["v", "v"], None),
        ("detail", vec!["Enter"], None),
        ("help", vec!["?"], None),
        ("filter_menu", vec!["f", "j", "Space"], None),
        ("search_active", vec!["/"], Some("zhjz")),
        ("filtered_red_black", vec!["1", "2"], None),
    ]
}

#[test]
fn snapshots_of_every_view_at_80x24_and_160x48() {
    for (w, h) in [(80u16, 24u16), (160, 48)] {
        for (name, keys, typed) in views() {
            let mut s = state(w, h);
            press(&mut s, &keys);
            if let Some(text) = typed {
                type_text(&mut s, text);
            }
            let terminal = render(&s, Theme::default());
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
        }
    }
}

/// The cells where `needle` starts, scanning row by row.
fn find(buffer: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let area = buffer.area;
    let first = needle.chars().next().unwrap().to_string();
    let mut out = Vec::new();
    for y in 0..area.height {
        for x in 0..area.width {
            if buffer[(x, y)].symbol() != first {
                continue;
            }
            let mut rest = String::new();
            let mut cx = x;
            while cx < area.width && rest.chars().count() < needle.chars().count() {
                let sym = buffer[(cx, y)].symbol();
                rest.push_str(sym);
                cx += duban::text::width(sym).max(1) as u16;
            }
            if rest == needle {
                out.push((x, y));
            }
        }
    }
    out
}

#[test]
fn a_red_chip_is_red_and_a_black_chip_is_visible_on_black() {
    let s = state(80, 24);
    let terminal = render(&s, Theme::default());
    let buffer = terminal.backend().buffer();
    // Row 0 of the table (the black item) is selected and reversed; check the red ones below.
    let reds = find(buffer, "[红]");
    assert!(!reds.is_empty(), "no red chip drawn");
    for (x, y) in &reds {
        let cell = &buffer[(*x + 1, *y)];
        assert!(
            cell.bg == Color::Red || cell.fg == Color::Red,
            "red chip at {x},{y} is {:?}/{:?}",
            cell.fg,
            cell.bg
        );
    }
    let blacks = find(buffer, "[黑]");
    assert!(!blacks.is_empty(), "no black chip drawn");
    for (x, y) in blacks {
        let cell = &buffer[(x + 1, y)];
        assert_ne!(
            cell.fg, cell.bg,
            "black chip text must differ from its background"
        );
        assert!(
            !(cell.bg == Color::Black || cell.bg == Color::Reset) || cell.fg != Color::Black,
            "black chip must not be black on black"
        );
        assert_ne!(
            cell.bg,
            Color::Black,
            "black chip needs a visible background"
        );
    }
}

#[test]
fn no_color_keeps_labels_and_uses_no_colours() {
    let s = state(80, 24);
    let terminal = render(&s, Theme::MONO);
    let buffer = terminal.backend().buffer();
    for label in ["[黑]", "[红]", "[黄]", "[蓝]"] {
        assert!(
            !find(buffer, label).is_empty(),
            "{label} missing in monochrome"
        );
    }
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset, "colour in monochrome: {cell:?}");
        assert_eq!(cell.bg, Color::Reset, "colour in monochrome: {cell:?}");
    }
}

#[test]
fn search_matches_are_highlighted_in_the_title() {
    let mut s = state(80, 24);
    press(&mut s, &["/"]);
    type_text(&mut s, "zhjz");
    let terminal = render(&s, Theme::default());
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "智慧矫正")[0];
    assert_eq!(buffer[(x, y)].fg, Color::LightCyan);
    let (bx, by) = find(buffer, "建设")[0];
    assert_ne!(buffer[(bx, by)].fg, Color::LightCyan);
}

#[test]
fn hostile_text_is_shown_as_placeholders() {
    let mut s = state(120, 30);
    press(&mut s, &["G", "Enter"]);
    for terminal in [render(&s, Theme::default()), {
        press(&mut s, &["Esc"]);
        render(&s, Theme::default())
    }] {
        let buffer = terminal.backend().buffer();
        assert!(
            buffer
                .content()
                .iter()
                .all(|c| !c.symbol().chars().any(|ch| ch.is_control())),
            "a control character reached the screen"
        );
        assert!(
            !find(buffer, "␛[31m").is_empty(),
            "escape not shown as placeholder"
        );
    }
}

#[test]
fn the_demo_date_is_marked() {
    let s = state(80, 24);
    let terminal = render(&s, Theme::default());
    let buffer = terminal.backend().buffer();
    assert!(!find(buffer, "演示数据 · 固定日期 2023-06-26").is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn no_size_panics(w in 0u16..260, h in 0u16..90, view in 0usize..8) {
        let (_, keys, typed) = views().swap_remove(view);
        let mut s = state(w, h);
        press(&mut s, &keys);
        if let Some(text) = typed {
            type_text(&mut s, text);
        }
        render(&s, Theme::default());
        render(&s, Theme::MONO);
    }
}

#[test]
fn tiny_sizes_do_not_panic() {
    for (w, h) in [(0, 0), (1, 1), (0, 10), (10, 0), (2, 3), (5, 5), (20, 4)] {
        for (_, keys, typed) in views() {
            let mut s = state(w, h);
            press(&mut s, &keys);
            if let Some(text) = typed {
                type_text(&mut s, text);
            }
            render(&s, Theme::default());
        }
    }
}

#[test]
fn the_detail_scrolls_to_its_last_line_and_back_at_once() {
    let keys = KeyMap::default();
    let mut s = state(80, 12);
    press(&mut s, &["Enter", "G"]);
    let limit = ui::scroll_limit(&s, &keys).expect("the detail is shown");
    assert!(limit > 0, "the fixture's detail is longer than 7 rows");
    s.clamp_scroll(limit);
    let terminal = render(&s, Theme::default());
    assert!(
        !find(terminal.backend().buffer(), "已召开推进会").is_empty(),
        "last line not shown"
    );
    press(&mut s, &["k"]);
    assert!(matches!(s.screen, duban::app::Screen::Detail { scroll, .. } if scroll == limit - 1));
    let limit_help = {
        press(&mut s, &["?"]);
        ui::scroll_limit(&s, &keys).expect("help is shown")
    };
    assert!(limit_help > 0, "help is longer than the window");
}

#[test]
fn an_empty_workspace_renders_and_navigates() {
    let mut workspace = tui_fixture::workspace();
    workspace.ledgers.clear();
    let mut s = State::new(workspace, tui_fixture::today());
    duban::app::update(
        &mut s,
        duban::app::Action::Resize(80, 24),
        tui_fixture::now(),
    );
    press(
        &mut s,
        &[
            "j", "G", "Enter", "Tab", "j", "Enter", "v", "o", "f", "Space", "Esc", "/",
        ],
    );
    type_text(&mut s, "zhjz");
    let terminal = render(&s, Theme::default());
    assert!(!find(terminal.backend().buffer(), "没有符合条件的事项").is_empty());
}
