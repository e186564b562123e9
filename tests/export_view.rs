//! `X` exports the rows shown (filters, group, search, sort) to a workbook in the
//! workspace's `exports/` folder; read back with calamine, it holds exactly those items.

mod support;

use calamine::{Reader, Xlsx, open_workbook};
use duban::app::{Action, State, update};
use duban::input::{KeyMap, KeySpec};
use duban::storage::load_workspace;

fn press(state: &mut State, keys: &[&str]) {
    let map = KeyMap::default();
    let today = state.today();
    for k in keys {
        let key = KeySpec::parse(k).expect("key").event();
        if let Some(action) = map.resolve(&key, state.mode()) {
            duban::tui::dispatch(state, action, today.and_time(chrono::NaiveTime::MIN));
        }
    }
}

#[test]
fn the_rows_shown_are_exported_and_nothing_else() {
    let tmp = tempfile::TempDir::new().unwrap();
    support::copy_dir(&support::repo().join("data"), tmp.path());
    let workspace = load_workspace(tmp.path()).unwrap();
    let today = workspace.config.as_of.unwrap();
    let mut state = State::new(workspace, today);
    update(
        &mut state,
        Action::Resize(80, 24),
        today.and_time(chrono::NaiveTime::MIN),
    );
    // Yellow items only, searched for 建设.
    press(&mut state, &["3", "/"]);
    for c in "建设".chars() {
        let now = state.today().and_time(chrono::NaiveTime::MIN);
        duban::tui::dispatch(&mut state, Action::SearchInsert(c.to_string()), now);
    }
    press(&mut state, &["Enter"]);
    let shown: Vec<(String, String)> = state
        .view
        .rows
        .iter()
        .map(|&r| {
            let e = state.catalog.entry(r).unwrap();
            (
                state.catalog.ledger(e).title.clone(),
                state.catalog.item(e).id.clone(),
            )
        })
        .collect();
    assert!(!shown.is_empty() && shown.len() < 40, "{}", shown.len());
    press(&mut state, &["X"]);
    let message = state.message.clone().unwrap_or_default();
    assert!(message.starts_with("已导出当前视图:"), "{message}");
    let path = message.trim_start_matches("已导出当前视图:").to_string();
    assert!(path.contains("/exports/视图-"), "{path}");
    let mut book: Xlsx<_> = open_workbook(&path).expect("a workbook");
    let mut exported = Vec::new();
    for name in book.sheet_names() {
        if name == "进展记录" {
            continue;
        }
        let range = book.worksheet_range(&name).unwrap();
        // Row 0 is the title, row 1 the header; the first column holds the item id.
        for row in range.rows().skip(2) {
            exported.push(row[0].to_string());
        }
    }
    let ids: Vec<String> = shown.iter().map(|(_, id)| id.clone()).collect();
    let mut expected = ids.clone();
    let mut got = exported.clone();
    expected.sort();
    got.sort();
    assert_eq!(got, expected, "the same items");
}
