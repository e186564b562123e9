//! Issue 4 as a new user meets it: the header agrees with `duban list`, pinyin search,
//! help, monochrome, resizing, and hostile text kept inert.

use rstest::rstest;

use super::disk::{cli_open_counts, poison_ledger};
use super::driver::{Session, last_line};
use super::process::is_running;
use super::screen::{fits, frame_fits, header_counts, sgr_colour_codes};

#[test]
fn header_counts_match_cli_list_and_q_restores_the_terminal() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban();
    let mut expected = cli_open_counts(session.workspace.path());
    expected.remove("none");
    for colour in ["black", "red", "yellow", "blue"] {
        expected.entry(colour.to_string()).or_insert(0);
    }
    assert!(
        expected["red"] > 0 && expected["black"] > 0,
        "the sample has red and black items: {expected:?}"
    );
    session.wait_until("header counts equal to `duban list`", |s| {
        let shown = header_counts(s);
        if shown == expected {
            Ok(())
        } else {
            Err(format!("header {shown:?}, list {expected:?}"))
        }
    });
    // Colours are on by default (the NO_COLOR test's check can fail).
    assert!(
        !sgr_colour_codes(&session.screen_with_attributes()).is_empty(),
        "expected coloured output"
    );
    session.quit(pid);
}

/// The search for `zhjz` is complete on screen: the header counts some (not all) hits,
/// the table shows exactly that many rows, and 智慧矫正 is among them.
fn search_hits_shown(screen: &str) -> Result<(), String> {
    let second = screen.lines().nth(1).ok_or("no second header line")?;
    let hits: usize = second
        .split_once("搜索“zhjz”")
        .and_then(|(_, rest)| rest.trim().strip_suffix("项匹配"))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| format!("no hit count for zhjz in {second:?}"))?;
    let rows = screen
        .lines()
        .filter(|l| l.contains("剩") || l.contains("逾期") || l.contains("无固定"))
        .count();
    if hits == 0 || hits >= 237 {
        return Err(format!("{hits} hits"));
    }
    if rows != hits {
        return Err(format!("{rows} rows shown for {hits} hits"));
    }
    if !screen.contains("智慧矫正") {
        return Err("no 智慧矫正 item".into());
    }
    Ok(())
}

#[test]
fn pinyin_initials_find_智慧矫正() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban();
    session.keys(&["/"]);
    session.wait_for("the search line", |s| {
        last_line(s).is_some_and(|l| l.starts_with('/'))
    });
    session.type_text("zhjz");
    session.wait_until("智慧矫正 items, one row per hit", search_hits_shown);
    // Esc leaves the search; then q quits.
    session.keys(&["Escape"]);
    session.wait_for("the search to end", |s| {
        last_line(s).is_some_and(|l| !l.starts_with('/'))
    });
    session.quit(pid);
}

#[test]
fn the_cursor_follows_a_chinese_search_query_for_input_methods() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban();
    session.wait_for_text("237项");
    assert!(!session.cursor().1, "no cursor while browsing");
    session.keys(&["/"]);
    session.wait_for("the search line", |s| {
        last_line(s).is_some_and(|l| l.starts_with('/'))
    });
    session.wait_for_caret_after("/");
    session.type_text("智慧");
    session.wait_for_caret_after("/智慧");
    session.type_text("jz");
    session.wait_for_caret_after("/智慧jz");
    session.keys(&["BSpace"]);
    session.wait_for_caret_after("/智慧j");
    session.keys(&["Escape"]);
    session.wait_for("the search to end", |s| {
        last_line(s).is_some_and(|l| !l.starts_with('/'))
    });
    assert!(!session.cursor().1, "the cursor is hidden again");
    session.quit(pid);
}

#[test]
fn question_mark_shows_the_help_and_esc_closes_it() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban();
    session.keys(&["?"]);
    session.wait_until("the help with its key descriptions", |s| {
        ["帮助 · 按键", "【新建台账】", "下移一行", "搜索", "记进展"]
            .iter()
            .find(|entry| !s.contains(*entry))
            .map_or(Ok(()), |entry| Err(format!("help lacks {entry}")))
    });
    session.keys(&["Escape"]);
    session.wait_for_gone("帮助 · 按键");
    session.quit(pid);
}

/// Monochrome where the environment asks for it: labels carry the meaning.
#[rstest]
#[case::no_color("NO_COLOR=1")]
#[case::dumb_terminal("-u NO_COLOR TERM=dumb")]
fn monochrome_stays_readable(#[case] env: &str) {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban_with(env);
    session.wait_until("colour labels in the table and counts in the header", |s| {
        ["[黑]", "[红]", "[黄]", "黑", "蓝"]
            .iter()
            .find(|label| !s.contains(*label))
            .map_or(Ok(()), |label| Err(format!("no {label}")))
    });
    let styled = session.screen_with_attributes();
    let colours = sgr_colour_codes(&styled);
    assert!(colours.is_empty(), "{env}: output uses colours {colours:?}");
    session.quit(pid);
}

#[test]
fn resizing_redraws_cleanly() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban();
    let first = session.wait_until("an 80×24 frame", |s| frame_fits(s, 80, 24));
    // Larger, smaller, tiny (the layout gives up but must not crash), and back.
    for (width, height) in [(100, 30), (40, 10), (12, 4), (1, 1), (80, 24)] {
        session.resize(width, height);
        session.wait_until(&format!("a {width}×{height} frame"), |s| {
            if width >= 40 {
                frame_fits(s, width, height)
            } else {
                fits(s, width, height)
            }
        });
        assert!(is_running(pid), "duban died at {width}×{height}");
    }
    // Back at 80×24 the screen is exactly the first frame again: nothing left over.
    session.wait_until("the first frame again", |s| {
        if s == first {
            Ok(())
        } else {
            Err(format!("differs from the first frame:\n{first}"))
        }
    });
    session.quit(pid);
}

#[test]
fn escape_sequences_in_ledger_text_stay_inert_in_the_tui_and_list() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let dir = session.workspace.path().to_path_buf();
    poison_ledger(&dir, "2022-shanghai");
    let title = session.format("#{pane_title}");
    let pid = session.launch_duban();
    // The poisoned ledger's items are on screen, their escapes shown as placeholders.
    session.wait_until("an intact frame showing ␛ placeholders", |s| {
        frame_fits(s, 80, 24)?;
        if s.contains('␛') {
            Ok(())
        } else {
            Err("no ␛ placeholder".into())
        }
    });
    // Open the first row's detail (the whole item, notes included), then back.
    session.keys(&["Enter"]);
    session.wait_until("the detail view with placeholders", |s| {
        (s.contains("Esc 返回") && s.contains('␛'))
            .then_some(())
            .ok_or_else(|| "no detail with ␛".to_string())
    });
    assert_eq!(
        session.format("#{pane_title}"),
        title,
        "title changed by TUI"
    );
    session.keys(&["Escape"]);
    session.wait_for_gone("Esc 返回");
    session.quit(pid);

    // The table output of `duban list` in the same terminal.
    session.run_in_shell(&format!(
        "{} --dir '{}' list --ledger 2022-shanghai",
        env!("CARGO_BIN_EXE_duban"),
        dir.display()
    ));
    let screen = session.screen();
    assert!(screen.contains('␛'), "list shows placeholders:\n{screen}");
    assert_eq!(
        session.format("#{pane_title}"),
        title,
        "title changed by list"
    );
}
