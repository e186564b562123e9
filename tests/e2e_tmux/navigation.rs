//! Moving around as a new user does: a colour filter and its one-key clear, and the
//! detail view of the selected item telling the same reason as `duban list`.

use super::disk::{cli_list, record_of};
use super::driver::Session;

/// The table rows on screen: (chip, number, title as shown) of each line right of the
/// group panel that holds a chip (or none) and then a number.
fn table_rows(screen: &str) -> Vec<(String, String, String)> {
    screen
        .lines()
        .filter_map(|line| {
            let (_, table) = line.split_once("││")?;
            let (chip, rest) = match table.split_once(']') {
                Some((chip, rest)) if chip.starts_with('[') => (format!("{chip}]"), rest),
                _ => (String::new(), table),
            };
            let mut words = rest.split_whitespace();
            let number = words.next()?.to_string();
            let title = words.next()?.to_string();
            number
                .starts_with(|c: char| c.is_ascii_digit())
                .then_some((chip, number, title))
        })
        .collect()
}

#[test]
fn a_colour_key_filters_the_table_to_the_list_and_c_clears_it() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let red = cli_list(session.workspace.path(), &["--color", "red"]);
    assert!(!red.is_empty() && red.len() < 18, "red items fit one page");
    let pid = session.launch_duban();
    let all = session.wait_for_text("237项");
    session.keys(&["2"]);
    let screen = session.wait_until("only red rows", |s| {
        let rows = table_rows(s);
        if !s.contains("筛选") {
            return Err("the header does not show the filter".into());
        }
        if rows.len() != red.len() || rows.iter().any(|(chip, ..)| chip != "[红]") {
            return Err(format!("rows {rows:?}, list has {} red", red.len()));
        }
        Ok(())
    });
    let mut shown: Vec<String> = table_rows(&screen).into_iter().map(|r| r.1).collect();
    let mut listed: Vec<String> = red.iter().map(|r| r["id"].clone()).collect();
    shown.sort();
    listed.sort();
    assert_eq!(shown, listed, "the red items of duban list");
    session.keys(&["c"]);
    session.wait_until("the unfiltered table again", |s| {
        let header = s.lines().take(2).collect::<Vec<_>>().join("\n");
        let first = all.lines().take(2).collect::<Vec<_>>().join("\n");
        (header == first)
            .then_some(())
            .ok_or_else(|| format!("header {header:?}, was {first:?}"))
    });
    session.quit(pid);
}

/// The text inside the frame of a full-screen view, its wrapped lines joined and spaces
/// dropped, so a long sentence can be found whatever the wrapping.
fn framed_text(screen: &str) -> String {
    screen
        .lines()
        .filter_map(|l| l.strip_prefix('│')?.strip_suffix('│'))
        .collect::<String>()
        .split_whitespace()
        .collect()
}

#[test]
fn enter_shows_the_same_reason_as_list_and_esc_returns() {
    let Some(mut session) = Session::start(80, 24) else {
        return;
    };
    let pid = session.launch_duban();
    let table = session.wait_until("table rows", |s| {
        (table_rows(s).len() >= 10)
            .then_some(())
            .ok_or_else(|| "too few rows".to_string())
    });
    let (_, number, title) = table_rows(&table).remove(0);
    let record = record_of(session.workspace.path(), &number, &title);
    let reason: String = record["reason"].split_whitespace().collect();
    assert!(!reason.is_empty(), "the first row has a reason: {record:?}");
    session.keys(&["Enter"]);
    session.wait_until("the detail with the reason of duban list", |s| {
        if !s.contains("Esc 返回") {
            return Err("not the detail view".into());
        }
        // Several reasons (joined by ";" in the list) stand one per line in the detail.
        let text = framed_text(s);
        reason
            .split(';')
            .find(|clause| !text.contains(clause))
            .map_or(Ok(()), |clause| {
                Err(format!("no reason {clause:?} of {reason:?}"))
            })
    });
    session.keys(&["Escape"]);
    session.wait_for(&format!("the table with row {number} {title}"), |s| {
        table_rows(s).first() == table_rows(&table).first()
    });
    session.quit(pid);
}
