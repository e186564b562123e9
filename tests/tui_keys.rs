//! Key-sequence tests: keys go through the default key map and `update`, and the state
//! is checked — grouping, filtering, search (text and pinyin), detail, help, quit.

mod tui_fixture;

use duban::app::{Action, GroupKey, Grouping, Mode, Pane, Screen, SortKey};
use duban::domain::Colour;
use duban::input::KeyMap;
use tui_fixture::{press, state, titles, type_text};

#[test]
fn default_order_is_severity_then_due_date() {
    let s = state(80, 24);
    let colours: Vec<Colour> = s
        .view
        .rows
        .iter()
        .map(|&i| s.catalog.entry(i).unwrap().colour())
        .collect();
    let mut sorted = colours.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(colours, sorted);
    assert_eq!(titles(&s)[0], "建设智慧矫正中心");
    // The two reds: the earlier due date first.
    assert_eq!(titles(&s)[1], "深化人民调解工作");
    assert_eq!(titles(&s)[2], "重点人员排查整改不到位");
}

#[test]
fn search_finds_by_pinyin_initials_full_pinyin_and_heteronyms() {
    for (query, expected) in [
        ("zhjz", "建设智慧矫正中心"),
        ("zhihuijiaozheng", "建设智慧矫正中心"),
        ("tj", "深化人民调解工作"),
        ("cq", "长期坚持法治宣传教育"),
        ("yh", "协调银行网点设立法律服务点"),
        ("zd", "重点人员排查整改不到位"),
        ("矫正", "建设智慧矫正中心"),
    ] {
        let mut s = state(80, 24);
        press(&mut s, &["/"]);
        assert_eq!(s.mode(), Mode::Search);
        type_text(&mut s, query);
        assert!(
            titles(&s).contains(&expected.to_string()),
            "{query} should find {expected}, found {:?}",
            titles(&s)
        );
        assert!(titles(&s).len() < 8, "{query} should narrow the table");
    }
}

#[test]
fn search_escape_clears_and_enter_keeps_the_matches() {
    let mut s = state(80, 24);
    press(&mut s, &["/"]);
    type_text(&mut s, "zhjz");
    assert_eq!(titles(&s), vec!["建设智慧矫正中心"]);
    press(&mut s, &["Backspace"]);
    assert_eq!(s.search.query, "zhj");
    assert!(titles(&s).contains(&"建设智慧矫正中心".to_string()));
    press(&mut s, &["Esc"]);
    assert_eq!(s.mode(), Mode::Browse);
    assert_eq!(s.view.rows.len(), 8);
    press(&mut s, &["/"]);
    type_text(&mut s, "tj");
    press(&mut s, &["Enter"]);
    assert_eq!(s.mode(), Mode::Browse);
    assert_eq!(titles(&s), vec!["深化人民调解工作"]);
    // Keys are live again: j does not type.
    press(&mut s, &["j"]);
    assert_eq!(s.search.query, "tj");
}

#[test]
fn colour_keys_filter_and_combine_with_search_and_clear_with_one_key() {
    let mut s = state(80, 24);
    press(&mut s, &["2"]);
    assert_eq!(s.view.rows.len(), 2);
    press(&mut s, &["1"]);
    assert_eq!(s.view.rows.len(), 3);
    press(&mut s, &["/"]);
    type_text(&mut s, "zd");
    press(&mut s, &["Enter"]);
    assert_eq!(titles(&s), vec!["重点人员排查整改不到位"]);
    press(&mut s, &["c"]);
    assert!(s.view.filters.is_empty());
    assert!(s.search.query.is_empty());
    assert_eq!(s.view.rows.len(), 8);
}

#[test]
fn filter_menu_toggles_status() {
    let mut s = state(80, 24);
    press(&mut s, &["f"]);
    assert_eq!(s.mode(), Mode::FilterMenu);
    // The first option is 未启动.
    press(&mut s, &["Space"]);
    assert_eq!(s.view.rows.len(), 2);
    press(&mut s, &["Esc"]);
    assert_eq!(s.mode(), Mode::Browse);
    assert_eq!(s.view.rows.len(), 2);
    press(&mut s, &["0"]);
    assert_eq!(s.view.rows.len(), 8);
}

#[test]
fn grouping_cycles_and_groups_choose_rows() {
    let mut s = state(80, 24);
    assert_eq!(s.view.grouping, Grouping::Ledger);
    // 全部 + two ledgers.
    assert_eq!(s.view.groups.len(), 3);
    press(&mut s, &["Tab", "j"]);
    assert_eq!(s.view.focus, Pane::Groups);
    assert_eq!(s.view.groups[s.view.group_cursor].key, GroupKey::Ledger(0));
    assert_eq!(s.view.rows.len(), 5);
    press(&mut s, &["v"]);
    assert_eq!(s.view.grouping, Grouping::Unit);
    let unit = s
        .catalog
        .units
        .iter()
        .position(|u| u == "社区矫正科")
        .unwrap() as u32;
    let cursor = s
        .view
        .groups
        .iter()
        .position(|g| g.key == GroupKey::Unit(unit))
        .unwrap();
    for _ in 0..cursor {
        press(&mut s, &["j"]);
    }
    // An item with several units is in each unit's group.
    assert_eq!(s.view.rows.len(), 2);
    assert_eq!(s.view.groups[cursor].counts, [1, 1, 0, 0]);
    press(&mut s, &["v"]);
    assert_eq!(s.view.grouping, Grouping::Deadline);
    let labels: Vec<String> = s
        .view
        .groups
        .iter()
        .map(|g| g.key.label(&s.catalog))
        .collect();
    assert!(labels.contains(&"已逾期".to_string()), "{labels:?}");
    assert!(labels.contains(&"无固定期限".to_string()), "{labels:?}");
}

#[test]
fn detail_opens_scrolls_and_closes() {
    let mut s = state(80, 24);
    press(&mut s, &["j", "Enter"]);
    let Screen::Detail { entry, scroll } = s.screen.clone() else {
        panic!("detail not open");
    };
    assert_eq!(
        s.catalog.item(s.catalog.entry(entry).unwrap()).title,
        "深化人民调解工作"
    );
    assert_eq!(scroll, 0);
    press(&mut s, &["j", "j"]);
    assert!(matches!(s.screen, Screen::Detail { scroll: 2, .. }));
    press(&mut s, &["Esc"]);
    assert_eq!(s.screen, Screen::Browse);
    assert_eq!(s.view.selected, 1);
}

#[test]
fn navigation_keys_move_and_clamp() {
    let mut s = state(80, 24);
    press(&mut s, &["G"]);
    assert_eq!(s.view.selected, 7);
    press(&mut s, &["j"]);
    assert_eq!(s.view.selected, 7);
    press(&mut s, &["g"]);
    assert_eq!(s.view.selected, 0);
    press(&mut s, &["PageDown"]);
    assert_eq!(s.view.selected, 7);
    press(&mut s, &["k", "Up"]);
    assert_eq!(s.view.selected, 5);
}

#[test]
fn sort_key_cycles() {
    let mut s = state(80, 24);
    press(&mut s, &["o"]);
    assert_eq!(s.view.sort, SortKey::Due);
    press(&mut s, &["o"]);
    assert_eq!(s.view.sort, SortKey::Number);
    assert_eq!(titles(&s)[0], "建设智慧矫正中心");
    assert_eq!(titles(&s)[1], "深化人民调解工作");
}

#[test]
fn help_opens_and_q_quits() {
    let mut s = state(80, 24);
    press(&mut s, &["?"]);
    assert_eq!(s.mode(), Mode::Help);
    assert!(!press(&mut s, &["Esc"]));
    assert_eq!(s.mode(), Mode::Browse);
    assert!(press(&mut s, &["q"]));
}

#[test]
fn key_map_overrides_apply_and_bad_entries_are_named_and_skipped() {
    let mut map = KeyMap::default();
    let messages = map.apply_overrides(
        r#"[
            (action: "MoveDown", keys: ["n"], mode: "Browse"),
            (action: "Fly", keys: ["x"]),
            (action: "MoveUp", keys: ["Hyper-u"]),
            (action: "ToggleColour(Red)", keys: ["r"]),
        ]"#,
        "keys.ron",
    );
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains("第2项") && messages[0].contains("Fly"),
        "{messages:?}"
    );
    assert!(messages[1].contains("第3项"), "{messages:?}");
    let key = tui_fixture::key;
    assert_eq!(map.resolve(&key("n"), Mode::Browse), Some(Action::MoveDown));
    assert_eq!(map.resolve(&key("j"), Mode::Browse), None);
    // The skipped entry keeps its defaults.
    assert_eq!(map.resolve(&key("k"), Mode::Browse), Some(Action::MoveUp));
    assert_eq!(
        map.resolve(&key("r"), Mode::Browse),
        Some(Action::ToggleColour(Colour::Red))
    );
}

#[test]
fn a_broken_key_file_names_the_place_and_keeps_defaults() {
    let mut map = KeyMap::default();
    let messages = map.apply_overrides("[ (action: \"MoveDown\", keys: [\"n\"]", "keys.ron");
    assert_eq!(messages.len(), 1);
    assert!(messages[0].starts_with("keys.ron:1:"), "{messages:?}");
    assert_eq!(map, KeyMap::default());
}

#[test]
fn pasted_text_starts_a_search() {
    let mut s = state(80, 24);
    duban::app::update(
        &mut s,
        Action::SearchInsert("调解".to_string()),
        tui_fixture::now(),
    );
    assert_eq!(s.mode(), Mode::Search);
    assert_eq!(titles(&s), vec!["深化人民调解工作"]);
}

#[test]
fn an_edited_item_is_reassessed_and_reindexed() {
    // The path editing (issue 5) takes: change the item, reassess, rebuild the view.
    let mut s = state(80, 24);
    let index = s
        .catalog
        .entries
        .iter()
        .position(|e| s.catalog.item(e).title == "律师行业党建全覆盖")
        .unwrap();
    let item = s.catalog.item_mut(index).unwrap();
    item.title = "公证服务标准化建设".to_string();
    item.units = vec!["公证管理科".to_string()];
    s.catalog.reassess(index);
    s.rebuild_view();
    assert!(s.catalog.units.contains(&"公证管理科".to_string()));
    press(&mut s, &["/"]);
    type_text(&mut s, "gzfw");
    assert_eq!(titles(&s), vec!["公证服务标准化建设"]);
}

#[test]
fn no_key_is_bound_twice_in_a_mode_and_every_mode_can_quit_or_leave() {
    let map = KeyMap::default();
    for mode in Mode::ALL {
        let mut seen = std::collections::HashSet::new();
        for b in map.bindings(mode) {
            for k in &b.keys {
                assert!(seen.insert(*k), "{k} bound twice in {mode:?}");
            }
        }
        let actions: Vec<Action> = map.bindings(mode).map(|b| b.action.clone()).collect();
        assert!(
            actions.contains(&Action::Quit)
                || actions.contains(&Action::Back)
                || actions.contains(&Action::EndMeeting),
            "{mode:?} has no way out"
        );
        assert!(!map.footer(mode).is_empty(), "{mode:?} has an empty footer");
    }
}

#[test]
fn relevance_sort_puts_the_best_match_first() {
    let mut s = state(80, 24);
    press(&mut s, &["/"]);
    type_text(&mut s, "sh");
    press(&mut s, &["Enter"]);
    // By severity the black item (建设…, 设 reads she) leads.
    assert_eq!(titles(&s)[0], "建设智慧矫正中心");
    press(&mut s, &["o", "o", "o", "o"]);
    assert_eq!(s.view.sort, SortKey::Relevance);
    // A match at the start of the title (深化 = sh) ranks first.
    assert_eq!(titles(&s)[0], "深化人民调解工作");
}

#[test]
fn the_detail_walks_the_table_item_by_item() {
    let mut s = state(80, 24);
    press(&mut s, &["Enter", "j", "]"]);
    let Screen::Detail { entry, scroll } = s.screen.clone() else {
        panic!("detail closed");
    };
    assert_eq!(scroll, 0, "a new item starts at its top");
    assert_eq!(
        s.catalog.item(s.catalog.entry(entry).unwrap()).title,
        titles(&s)[1]
    );
    press(&mut s, &["[", "["]);
    let Screen::Detail { entry, .. } = s.screen.clone() else {
        panic!("detail closed");
    };
    assert_eq!(
        s.catalog.item(s.catalog.entry(entry).unwrap()).title,
        titles(&s)[0]
    );
    press(&mut s, &["Esc"]);
    assert_eq!(s.view.selected, 0);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Any key sequence keeps the state consistent: the cursor is on a row, the group
    /// cursor on a group, the detail on an existing item.
    #[test]
    fn random_key_sequences_keep_the_state_consistent(
        keys in proptest::collection::vec(proptest::sample::select(vec![
            "j", "k", "g", "G", "PageDown", "PageUp", "Tab", "h", "l", "Enter", "Esc", "v", "o",
            "1", "2", "3", "4", "f", "Space", "c", "/", "z", "t", "Backspace", "?", "]", "[",
        ]), 0..40)
    ) {
        let mut s = state(80, 24);
        press(&mut s, &keys);
        let v = &s.view;
        proptest::prop_assert!(v.rows.is_empty() || v.selected < v.rows.len());
        proptest::prop_assert!(v.group_cursor < v.groups.len());
        proptest::prop_assert!(v.scroll <= v.selected || v.rows.is_empty());
        if let Screen::Detail { entry, .. } = s.screen {
            proptest::prop_assert!(s.catalog.entry(entry).is_some());
        }
        let shown: usize = v.groups[v.group_cursor].total;
        proptest::prop_assert_eq!(shown, v.rows.len());
    }
}
