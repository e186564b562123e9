//! The TUI on the bundled sample workspace (`data/`, pinned to 2023-06-26): snapshots of
//! every view at 80×24 and 160×48, colours of real items, and searches a new user types.

mod tui_fixture;

use std::collections::BTreeSet;

use duban::app::{Grouping, Mode, SortKey, State};
use duban::cli::list::{ListFilter, collect_rows};
use duban::domain::Colour;
use duban::ui::Theme;
use ratatui::style::Color;
use tui_fixture::{press_at, render, sample_state, titles, type_at};

#[test]
fn snapshots_of_every_view_on_the_sample() {
    let views: [(&str, &[&str], &str); 7] = [
        ("main_by_ledger", &[], ""),
        ("main_by_unit", &["v"], ""),
        ("main_by_deadline", &["v", "v"], ""),
        ("detail", &["Enter"], ""),
        ("help", &["?"], ""),
        ("search_zhjz", &["/"], "zhjz"),
        ("filter_menu", &["f"], ""),
    ];
    for (w, h) in [(80u16, 24u16), (160, 48)] {
        for (name, keys, typed) in views {
            let mut s = sample_state(w, h);
            press_at(&mut s, keys);
            type_at(&mut s, typed);
            insta::assert_snapshot!(
                format!("sample_{name}_{w}x{h}"),
                render(&s, Theme::default()).backend()
            );
        }
    }
}

#[test]
fn header_counts_match_the_catalogue() {
    let s = sample_state(80, 24);
    let mut counts = [0usize; 4];
    for e in &s.catalog.entries {
        if s.catalog.item(e).status.is_open()
            && let Some(slot) = duban::app::colour_slot(e.colour())
        {
            counts[slot] += 1;
        }
    }
    assert_eq!(s.catalog.open_counts(), counts);
    assert!(
        counts.iter().sum::<usize>() > 0,
        "the sample should have warnings on its pinned date"
    );
}

#[test]
fn chips_of_real_items_have_their_colours() {
    let s = sample_state(160, 48);
    let terminal = render(&s, Theme::default());
    let buffer = terminal.backend().buffer();
    // Rows start below header (2), border (1) and column headings (1); the first row is
    // selected (reversed), so check rows 2.. of the visible table.
    let table_x = (0..buffer.area.width)
        .find(|&x| buffer[(x, 4)].symbol() == "[")
        .expect("a chip in the first row");
    for (i, &entry) in s.view.rows.iter().enumerate().skip(1).take(40) {
        let y = 4 + i as u16;
        let colour = s.catalog.entry(entry).unwrap().colour();
        let cell = &buffer[(table_x + 1, y)];
        let expected = match colour {
            Colour::Red => Color::Red,
            Colour::Yellow => Color::Yellow,
            Colour::Blue => Color::Blue,
            Colour::Black => Color::DarkGray,
            Colour::None => continue,
        };
        assert_eq!(cell.bg, expected, "row {i} ({colour:?})");
        assert_ne!(cell.fg, cell.bg);
        assert_eq!(cell.symbol(), colour.label());
    }
}

#[test]
fn a_new_user_finds_items_by_pinyin() {
    for (query, needle) in [
        ("zhjz", "智慧矫正"),
        ("tj", "调解"),
        ("cq", "长期"),
        ("zd", "重点"),
    ] {
        let mut s = sample_state(80, 24);
        press_at(&mut s, &["/"]);
        type_at(&mut s, query);
        assert_eq!(s.mode(), Mode::Search);
        let found = s.view.rows.iter().any(|&i| {
            let e = s.catalog.entry(i).unwrap();
            let item = s.catalog.item(e);
            item.title.contains(needle) || item.current_deadline().contains(needle)
        });
        assert!(found, "{query} should find {needle}");
        assert!(
            s.view.rows.len() < s.catalog.entries.len(),
            "{query} should narrow"
        );
    }
}

/// `(ledger, item)` ids of the rows the TUI shows.
fn shown_ids(s: &State) -> BTreeSet<(String, String)> {
    s.view
        .rows
        .iter()
        .map(|&i| {
            let e = s.catalog.entry(i).unwrap();
            (s.catalog.ledger(e).id.clone(), s.catalog.item(e).id.clone())
        })
        .collect()
}

/// The sample after typing `query` into the search box.
fn searched(query: &str) -> State {
    let mut s = sample_state(80, 24);
    press_at(&mut s, &["/"]);
    type_at(&mut s, query);
    s
}

#[test]
fn list_search_finds_exactly_what_the_tui_finds() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let ws = duban::storage::load_workspace(&dir).expect("data/ loads");
    let calendar = duban::cli::context::calendar_of(&ws).expect("calendar");
    let today = ws.config.as_of.expect("pinned");
    // 提升年 is in the deadline text of 2022-shanghai's items only through the ledger's
    // default deadline, which the table shows for items without their own.
    for query in [
        "zhjz",
        "tj",
        "cq",
        "zd",
        "调解",
        "矫正",
        "提升年",
        "Smart",
        "2023",
    ] {
        let filter = ListFilter {
            search: Some(query.to_string()),
            ..ListFilter::default()
        };
        let listed: BTreeSet<(String, String)> = collect_rows(&ws, &calendar, &filter, today)
            .into_iter()
            .map(|r| (r.ledger, r.id))
            .collect();
        let s = searched(query);
        assert_eq!(listed, shown_ids(&s), "list --search {query}");
        if query != "Smart" {
            assert!(!listed.is_empty(), "{query} finds something");
        }
    }
    let s = searched("提升年");
    assert!(s.view.rows.iter().any(|&i| {
        let item = s.catalog.item(s.catalog.entry(i).unwrap());
        item.current_deadline().is_empty()
    }));
}

#[test]
fn a_chinese_query_shows_only_contiguous_matches_when_there_are_some() {
    let s = sample_state(80, 24);
    let text = |i: u32| {
        let e = s.catalog.entry(i).unwrap();
        let (ledger, item) = (s.catalog.ledger(e), s.catalog.item(e));
        format!(
            "{} {} {} {} {} {}",
            item.title,
            item.number,
            item.category,
            item.all_units().join(" "),
            ledger.deadline_text_of(item),
            item.measures
        )
    };
    let scattered = (0..s.catalog.entries.len() as u32).any(|i| {
        let t = text(i);
        t.find('调').is_some_and(|a| t[a..].contains('解')) && !t.contains("调解")
    });
    assert!(scattered, "the sample has 调…解 apart, the case to hide");
    let s = searched("调解");
    assert!(!s.view.rows.is_empty());
    for &i in &s.view.rows {
        assert!(text(i).contains("调解"), "{}", text(i));
    }
}

#[test]
fn cq_by_relevance_lists_the_long_term_items_first() {
    let mut s = searched("cq");
    s.view.set_sort(&s.catalog, SortKey::Relevance);
    s.refresh();
    let deadlines: Vec<&str> = s
        .view
        .rows
        .iter()
        .map(|&i| {
            let e = s.catalog.entry(i).unwrap();
            s.catalog.ledger(e).deadline_text_of(s.catalog.item(e))
        })
        .collect();
    let long_term = deadlines.iter().filter(|d| **d == "长期").count();
    assert!(
        long_term > 0 && long_term < deadlines.len(),
        "{deadlines:?}"
    );
    assert!(
        deadlines[..long_term].iter().all(|d| *d == "长期"),
        "{deadlines:?}"
    );
}

#[test]
fn zhjz_lists_the_smart_correction_items_first_by_severity() {
    let mut s = sample_state(80, 24);
    press_at(&mut s, &["/"]);
    type_at(&mut s, "zhjz");
    press_at(&mut s, &["Enter"]);
    let shown = titles(&s);
    assert!(shown.iter().any(|t| t.contains("智慧矫正")), "{shown:?}");
    let colours: Vec<Colour> = s
        .view
        .rows
        .iter()
        .map(|&i| s.catalog.entry(i).unwrap().colour())
        .collect();
    assert!(colours.windows(2).all(|w| w[0] >= w[1]), "{colours:?}");
}

#[test]
fn groupings_cover_every_item() {
    let mut s = sample_state(80, 24);
    let total = s.catalog.entries.len();
    assert_eq!(s.view.groups[0].total, total);
    assert_eq!(s.view.groups.len(), 1 + s.catalog.ledgers.len());
    press_at(&mut s, &["v", "v"]);
    assert_eq!(s.view.grouping, Grouping::Deadline);
    let buckets: usize = s.view.groups.iter().skip(1).map(|g| g.total).sum();
    assert_eq!(
        buckets, total,
        "every item is in exactly one deadline bucket"
    );
}

#[test]
fn the_catalogue_assesses_every_item_as_the_domain_does() {
    // The catalogue parses each distinct deadline text once; the result must be assess()'s.
    let s = sample_state(80, 24);
    let rules = &s.catalog.config.rules;
    for e in &s.catalog.entries {
        let expected = duban::domain::assess::assess(
            s.catalog.ledger(e),
            s.catalog.item(e),
            rules,
            &s.catalog.calendar,
            s.today(),
        );
        assert_eq!(e.assessment, expected, "{}", s.catalog.item(e).title);
    }
}

/// The detail names each unit's role as its ledger's column does: 重点工程推进年 item 1's
/// 社区矫正管理科 is its 市局责任部门 (found by `list --unit` and the unit panel alike).
#[test]
fn the_detail_names_each_unit_by_its_ledger_role() {
    let s = sample_state(80, 24);
    let catalog = &s.catalog;
    let entry = catalog
        .entries
        .iter()
        .find(|e| catalog.ledger(e).id == "2023-4-zhongdian" && catalog.item(e).id == "1")
        .expect("zhongdian 1");
    let text: Vec<String> = duban::ui::detail_lines(catalog, entry, &duban::ui::Theme::MONO)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    assert!(
        text.iter()
            .any(|l| l.starts_with("市局责任部门:") && l.contains("社区矫正管理科")),
        "{text:#?}"
    );
}
