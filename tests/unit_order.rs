//! Unit lists (grouping panel, filter menu, unit picker) are in pinyin order, not code point.

mod tui_fixture;

use duban::app::{FilterOption, GroupKey, Grouping, build_groups};
use duban::search::collate::pinyin_key;
use tui_fixture::state;

fn is_pinyin_sorted(names: &[String]) -> bool {
    names
        .windows(2)
        .all(|w| pinyin_key(&w[0]) <= pinyin_key(&w[1]))
}

#[test]
fn filter_menu_units_are_in_pinyin_order() {
    let s = state(80, 24);
    let names: Vec<String> = FilterOption::all(&s.catalog)
        .into_iter()
        .filter(|o| matches!(o, FilterOption::Unit(_)))
        .map(|o| o.label(&s.catalog))
        .collect();
    assert!(names.len() >= 3, "{names:?}");
    assert!(is_pinyin_sorted(&names), "{names:?}");
    let mut by_code_point = names.clone();
    by_code_point.sort();
    assert_ne!(
        names, by_code_point,
        "the fixture must tell the two orders apart"
    );
}

#[test]
fn catalog_and_grouping_use_pinyin_order_for_ties() {
    let s = state(80, 24);
    let all: Vec<String> = s
        .catalog
        .units_by_pinyin()
        .into_iter()
        .map(|u| s.catalog.units[u as usize].clone())
        .collect();
    assert!(is_pinyin_sorted(&all), "{all:?}");
    assert!(is_pinyin_sorted(&s.catalog.units), "{:?}", s.catalog.units);
    // Groups with the same counts keep pinyin order after the severity sort.
    let shown: Vec<u32> = (0..s.catalog.entries.len() as u32).collect();
    let groups = build_groups(&s.catalog, Grouping::Unit, &shown);
    for w in groups[1..].windows(2) {
        if let (GroupKey::Unit(a), GroupKey::Unit(b)) = (w[0].key, w[1].key)
            && (w[0].counts, w[0].total) == (w[1].counts, w[1].total)
        {
            let (a, b) = (&s.catalog.units[a as usize], &s.catalog.units[b as usize]);
            assert!(pinyin_key(a) <= pinyin_key(b), "{a} before {b}");
        }
    }
}

#[test]
fn the_unit_picker_lists_known_units_in_pinyin_order() {
    use duban::app::edit::UnitPicker;
    let known: Vec<String> = [
        "三台县司法局",
        "涪城区司法局",
        "办公室",
        "安州区司法局",
        "游仙区司法局",
    ]
    .map(String::from)
    .to_vec();
    let picker = UnitPicker::new("责任单位".into(), &[], &known, false);
    let names: Vec<&str> = picker.candidates.iter().map(|c| c.unit.as_str()).collect();
    assert_eq!(
        names,
        [
            "安州区司法局",
            "办公室",
            "涪城区司法局",
            "三台县司法局",
            "游仙区司法局"
        ]
    );
}
