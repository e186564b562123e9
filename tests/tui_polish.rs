//! What a first user notices at 80×24, one screen per case: the help covers what is behind
//! it, the warning line never ends in a dangling `·`, long titles end in `…`, no stray
//! double spaces, a chosen date is marked as one, the sort label follows the search, and
//! the demo hint fits the footer.

mod tui_fixture;

use chrono::NaiveDate;
use duban::app::{DateOrigin, SortKey, Start, State, start_messages};
use duban::ui::Theme;
use ratatui::buffer::Buffer;
use rstest::rstest;
use tui_fixture::{press_at, render, sample_state, type_at};

/// The rows of the frame as text, one line per row (the cell under the right half of a
/// wide character is skipped, so each row reads as the terminal shows it).
fn rows(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < area.width {
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                x += duban::text::width(symbol).max(1) as u16;
            }
            line
        })
        .collect()
}

/// The screen of `state` as text (default colours; only the characters are compared).
fn screen(state: &State) -> String {
    rows(render(state, Theme::default()).backend().buffer()).join("\n")
}

/// Put the table cursor on the first row whose item passes `pick`.
fn select(state: &mut State, pick: impl Fn(&duban::domain::Item) -> bool) {
    let row = state
        .view
        .rows
        .iter()
        .position(|&i| pick(state.catalog.item(state.catalog.entry(i).expect("entry"))))
        .expect("an item of that kind in the sample");
    state.view.selected = row;
}

#[test]
fn the_help_over_the_detail_lets_nothing_behind_show_through() {
    let mut s = sample_state(80, 24);
    press_at(&mut s, &["Enter", "?"]);
    let text = screen(&s);
    let lines: Vec<&str> = text.lines().collect();
    // The body (rows 2..23) is the help box from the first column to the last.
    assert!(lines[2].starts_with("┌ 帮助"), "{text}");
    assert!(
        lines[22].starts_with('└') && lines[22].ends_with('┘'),
        "{text}"
    );
    for line in &lines[3..22] {
        assert!(
            line.starts_with('│') && line.ends_with('│'),
            "a sliver of the screen behind shows beside the help: {line:?}\n{text}"
        );
        assert!(!line.starts_with("││") && !line.ends_with("││"), "{line:?}");
    }
    insta::assert_snapshot!("help_over_detail_80x24", text);
}

#[rstest]
#[case::several_reasons("reasons", "2022-shanghai", "3")]
#[case::one_long_reason("long_reason", "2024-xuncha", "2.2")]
#[case::no_colour("no_colour", "2023-2-jichu", "16")]
fn the_warning_line_of_the_detail_reads_whole(
    #[case] name: &str,
    #[case] ledger: &str,
    #[case] item: &str,
) {
    let mut s = sample_state(80, 24);
    let row = s
        .view
        .rows
        .iter()
        .position(|&i| {
            let e = s.catalog.entry(i).expect("entry");
            s.catalog.ledger(e).id == ledger && s.catalog.item(e).id == item
        })
        .unwrap_or_else(|| panic!("{ledger} {item} in the sample"));
    s.view.selected = row;
    press_at(&mut s, &["Enter"]);
    let text = screen(&s);
    let boxed: Vec<&str> = text.lines().filter(|l| l.starts_with('│')).collect();
    for line in &boxed {
        let inner = line.trim_matches('│').trim_end();
        let warning = line.starts_with("│预警");
        assert!(
            !(inner.ends_with('·') || (warning && inner.ends_with(':'))),
            "a dangling separator: {line:?}\n{text}"
        );
        // Two spaces only as indentation, never inside a line.
        assert!(
            !inner.trim_start().contains("  "),
            "a stray double space: {line:?}\n{text}"
        );
    }
    // Every reason that fits a line is on one line, unbroken.
    let entry = s.catalog.entry(s.view.rows[row]).expect("entry");
    for clause in entry.assessment.warning.reason.split(';') {
        if duban::text::width(clause) <= 70 {
            assert!(
                boxed.iter().any(|l| l.contains(clause)),
                "{clause:?} on one line:\n{text}"
            );
        }
    }
    insta::assert_snapshot!(format!("detail_warning_{name}_80x24"), text);
}

#[rstest]
#[case::long_title("long_title", |i: &duban::domain::Item| duban::text::width(&i.title) > 80)]
#[case::no_number("no_number", |i: &duban::domain::Item| i.number.trim().is_empty())]
fn the_detail_title_fits_its_border(
    #[case] name: &str,
    #[case] pick: fn(&duban::domain::Item) -> bool,
) {
    let mut s = sample_state(80, 24);
    select(&mut s, pick);
    press_at(&mut s, &["Enter"]);
    let text = screen(&s);
    let top = text.lines().nth(2).expect("the detail's top border");
    assert!(top.starts_with("┌ ") && !top.starts_with("┌  "), "{top:?}");
    assert!(
        top.ends_with("─┐"),
        "the corner is drawn after the title: {top:?}"
    );
    let title = &s
        .catalog
        .item(
            s.catalog
                .entry(s.view.rows[s.view.selected])
                .expect("entry"),
        )
        .title;
    if duban::text::width(title) > 76 {
        assert!(top.contains('…'), "a cut title ends in …: {top:?}");
    }
    insta::assert_snapshot!(format!("detail_title_{name}_80x24"), text);
}

#[test]
fn milestones_have_one_space_before_their_state() {
    let mut s = sample_state(80, 24);
    // A done item whose one milestone has no label ("1. 2023-01-31 [未单独标记 · 事项已完成]").
    select(&mut s, |i| {
        i.status.is_finished() && i.deadline == "1月底前"
    });
    press_at(&mut s, &["Enter"]);
    let text = screen(&s);
    let milestone = text
        .lines()
        .find(|l| l.starts_with("│  1. "))
        .unwrap_or_else(|| panic!("a milestone line:\n{text}"));
    assert!(!milestone.contains("  ["), "{milestone:?}");
    assert!(milestone.contains(" ["), "{milestone:?}");
    let warning = text
        .lines()
        .find(|l| l.starts_with("│预警"))
        .expect("warning");
    assert!(
        !warning.trim_matches('│').trim_end().contains("  "),
        "{warning:?}"
    );
    insta::assert_snapshot!("detail_milestones_80x24", text);
}

#[test]
fn a_long_progress_note_wraps_after_its_date() {
    let mut s = sample_state(80, 24);
    // A note whose author and text are one long run without spaces.
    select(&mut s, |i| {
        i.number.trim().is_empty() && i.status.is_finished()
    });
    press_at(&mut s, &["Enter"]);
    let text = screen(&s);
    let alone = |l: &str| NaiveDate::parse_from_str(l.trim_matches('│').trim(), "%Y-%m-%d").is_ok();
    assert!(
        !text.lines().any(alone),
        "a date alone on its line:\n{text}"
    );
    assert!(text.contains("  2025-02-21"), "the note is shown:\n{text}");
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// A real (not demo) workspace opened on `today`, its date of origin `origin`.
fn real_workspace_at(today: NaiveDate, origin: DateOrigin) -> State {
    let mut workspace = tui_fixture::workspace();
    workspace.config.demo = false;
    workspace.config.as_of = None;
    let mut s = State::new(workspace, today);
    s.date_origin = origin;
    let now = today.and_time(chrono::NaiveTime::MIN);
    duban::app::update(&mut s, duban::app::Action::Resize(80, 24), now);
    s
}

#[rstest]
#[case::chosen(DateOrigin::Chosen, "指定日期 2025-07-10")]
#[case::real(DateOrigin::Real, "今天 2025-07-10")]
#[case::pinned(DateOrigin::Pinned, "固定日期 2025-07-10")]
fn the_header_says_whether_today_is_the_real_date(
    #[case] origin: DateOrigin,
    #[case] expected: &str,
) {
    let s = real_workspace_at(d(2025, 7, 10), origin);
    let text = screen(&s);
    let header = text.lines().next().expect("header");
    assert!(header.contains(expected), "{header:?}");
    if origin != DateOrigin::Real {
        assert!(!header.contains("今天"), "{header:?}");
    }
    insta::assert_snapshot!(format!("header_date_{origin:?}_80x24"), header);
}

#[test]
fn the_relevance_sort_ends_with_the_search() {
    let mut s = sample_state(80, 24);
    press_at(&mut s, &["/"]);
    type_at(&mut s, "zhjz");
    press_at(&mut s, &["Enter"]);
    while s.view.sort != SortKey::Relevance {
        press_at(&mut s, &["o"]);
    }
    assert!(
        screen(&s)
            .lines()
            .nth(1)
            .expect("line")
            .contains("按匹配度")
    );
    press_at(&mut s, &["Esc"]);
    assert!(!s.search.is_active(), "Esc clears the search");
    let text = screen(&s);
    let second = text.lines().nth(1).expect("second header line");
    // The rows are in severity order again; the choice holds for the next search.
    let expected = format!(
        "按台账 · 按严重程度(搜索时按匹配度) · {}项",
        s.catalog.entries.len()
    );
    assert!(second.starts_with(&expected), "{second:?}");
    insta::assert_snapshot!("sort_after_search_cleared_80x24", text);
}

#[rstest]
#[case::demo_hint("demo_hint", None)]
#[case::first_start("first_start", Some("/home/张三/.local/share/duban/workspace"))]
fn the_start_message_fits_80_columns(#[case] name: &str, #[case] created: Option<&str>) {
    let mut s = sample_state(80, 24);
    let start = Start {
        date: DateOrigin::Pinned,
        created: created.map(Into::into),
    };
    let messages = start_messages(&start, s.catalog.config.demo);
    assert_eq!(messages.len(), 1, "{messages:?}");
    s.message = messages.into_iter().next();
    let text = screen(&s);
    let footer = text.lines().last().expect("footer");
    assert!(!footer.contains('…'), "the message is cut: {footer:?}");
    assert!(footer.contains("?"), "it points to the help: {footer:?}");
    if let Some(dir) = created {
        assert!(footer.contains(dir), "names the folder: {footer:?}");
    } else {
        assert!(footer.contains("import 表格文件 --year 年份"), "{footer:?}");
    }
    insta::assert_snapshot!(format!("start_message_{name}_80x24"), footer);
}

#[test]
fn the_help_tells_how_to_start_a_real_workspace() {
    let mut s = sample_state(80, 24);
    press_at(&mut s, &["?"]);
    let text = screen(&s);
    for needle in [
        "duban --dir 目录 import 表格文件 --year 年份",
        "--title",
        "--dry-run",
    ] {
        assert!(text.contains(needle), "{needle} in the help:\n{text}");
    }
}
