//! The dashboard on the sample workspace at its pinned date: its numbers are the
//! catalogue's, every number drills into exactly the items it counts, and it reads at
//! 80×24 and uses the room at 200×50.

mod tui_fixture;

use duban::app::{COUNTED_COLOURS, DashKey, Dashboard, Screen, State};
use duban::domain::Colour;
use duban::ui::Theme;
use tui_fixture::{press_at, render, sample_state};

/// The text of the frame, one string per line.
fn screen(state: &State) -> Vec<String> {
    let terminal = render(state, Theme::MONO);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..buffer.area.width {
                let symbol = buffer[(x, y)].symbol();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                skip = duban::text::width(symbol).saturating_sub(1);
                line.push_str(symbol);
            }
            line
        })
        .collect()
}

/// The dashboard shown.
fn shown(state: &State) -> &Dashboard {
    match &state.screen {
        Screen::Dashboard(dashboard) => dashboard,
        other => panic!("not on the dashboard: {other:?}"),
    }
}

/// Open items of a colour (`None`: all open items) in ledger `ledger` (or all).
fn count(state: &State, ledger: Option<usize>, colour: Option<Colour>) -> usize {
    let c = &state.catalog;
    c.entries
        .iter()
        .filter(|e| c.item(e).status.is_open())
        .filter(|e| ledger.is_none_or(|l| e.ledger == l))
        .filter(|e| colour.is_none_or(|col| e.colour() == col))
        .count()
}

#[test]
fn each_number_is_the_catalogue_s_and_enter_shows_exactly_those_items() {
    let mut s = sample_state(80, 24);
    press_at(&mut s, &["D"]);
    let dashboard = shown(&s).clone();
    let all = &dashboard.rows[0];
    assert_eq!(all.key, DashKey::All);
    for (slot, colour) in COUNTED_COLOURS.iter().enumerate() {
        assert_eq!(
            all.colours[slot],
            count(&s, None, Some(*colour)),
            "{colour:?}"
        );
    }
    assert_eq!(all.open, count(&s, None, None));
    // The second ledger's red items: down one row, to the 红 column, Enter.
    press_at(&mut s, &["j", "Home"]);
    press_at(&mut s, &["j"]);
    let row = shown(&s).rows[1].clone();
    let DashKey::Ledger(ledger) = row.key else {
        panic!("row 1 is a ledger: {:?}", row.key)
    };
    press_at(&mut s, &["h", "h", "h", "h", "h", "l"]);
    assert_eq!(shown(&s).column, 1);
    press_at(&mut s, &["Enter"]);
    assert_eq!(s.screen, Screen::Browse);
    assert_eq!(s.view.rows.len(), row.colours[1]);
    assert_eq!(
        s.view.rows.len(),
        count(&s, Some(ledger), Some(Colour::Red))
    );
    // Back to the dashboard, a unit row's open items.
    press_at(&mut s, &["c", "D", "G", "Enter"]);
    assert_eq!(s.screen, Screen::Browse);
    assert!(s.view.rows.iter().all(|&r| {
        let e = s.catalog.entry(r).unwrap();
        s.catalog.item(e).status.is_open()
    }));
}

#[test]
fn the_dashboard_reads_at_80x24_and_uses_the_room_at_200x50() {
    let mut small = sample_state(80, 24);
    press_at(&mut small, &["D"]);
    let text = screen(&small).join("\n");
    let rows = &shown(&small).rows;
    assert!(text.contains("全部台账"), "{text}");
    assert!(text.contains("完成率") && text.contains("按期率"), "{text}");
    // All four bars of the chart, each with its count.
    for (slot, c) in ["黑", "红", "黄", "蓝"].iter().enumerate() {
        let bar = format!("[{c}] {}项", rows[0].colours[slot]);
        assert!(text.contains(&bar), "{bar} missing:\n{text}");
    }
    let mut big = sample_state(200, 50);
    press_at(&mut big, &["D"]);
    let text = screen(&big).join("\n");
    assert!(text.contains("阶段性整改率"), "{text}");
    // The heads keep apart, and the numbers stand next to the names, not across the
    // screen from them.
    let lines = screen(&big);
    let header = lines
        .iter()
        .find(|l| l.contains("阶段性整改率"))
        .expect("the table header");
    assert!(header.contains("按期完成率  阶段性整改率"), "{header}");
    let first_count = header.find("[黑]").expect("the 黑 column");
    let longest = shown(&big)
        .rows
        .iter()
        .map(|r| duban::text::width(&r.label))
        .max()
        .unwrap_or(0);
    assert!(
        duban::text::width(&header[..first_count]) <= longest + 12,
        "numbers far from the names:\n{header}"
    );
    // Every ledger and unit row fits on the big screen.
    for row in &shown(&big).rows[1..10] {
        let label: String = row.label.chars().take(4).collect();
        assert!(text.contains(&label), "{label} missing:\n{text}");
    }
}
