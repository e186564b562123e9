//! Meeting mode and the detail walk on a private copy of the sample workspace, driven
//! through the real key map, update and effects (saves and minutes written to disk).

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use duban::app::{Action, Screen, State, update};
use duban::domain::Colour;
use duban::input::KeyMap;
use duban::storage::{load_last_meeting, load_workspace};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A copy of `data/` and the state opened on it at its pinned date.
fn sample() -> (tempfile::TempDir, State) {
    let tmp = tempfile::TempDir::new().expect("tempdir");
    support::copy_dir(&support::repo().join("data"), tmp.path());
    let state = open(tmp.path());
    (tmp, state)
}

fn open(dir: &Path) -> State {
    let workspace = load_workspace(dir).expect("sample loads");
    let today = workspace.config.as_of.expect("pinned date");
    let mut state = State::new(workspace, today);
    state.edit.user = "督查室".into();
    update(
        &mut state,
        Action::Resize(80, 24),
        today.and_time(chrono::NaiveTime::MIN),
    );
    state
}

fn key(name: &str) -> KeyEvent {
    duban::input::KeySpec::parse(name)
        .expect("key name")
        .event()
}

/// Press keys through the default key map, the update and the effects.
fn press(state: &mut State, keys: &[&str]) {
    let map = KeyMap::default();
    let now = state.today().and_time(chrono::NaiveTime::MIN);
    for k in keys {
        if let Some(action) = map.resolve(&key(k), state.mode()) {
            duban::tui::dispatch(state, action, now);
        }
    }
}

/// Type text one character at a time (as an input method commits it).
fn type_text(state: &mut State, text: &str) {
    let map = KeyMap::default();
    let now = state.today().and_time(chrono::NaiveTime::MIN);
    for c in text.chars() {
        let k = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(action) = map.resolve(&k, state.mode()) {
            duban::tui::dispatch(state, action, now);
        }
    }
}

/// The (ledger id, item id) of the item on screen in the detail or the meeting.
fn shown(state: &State) -> (String, String) {
    let target = duban::app::edit::selected_target(state).expect("an item on screen");
    (target.ledger_id, target.item_id)
}

/// The open red and black items of the catalogue (the default meeting set).
fn red_and_black(state: &State) -> BTreeSet<(String, String)> {
    let catalog = &state.catalog;
    catalog
        .entries
        .iter()
        .filter(|e| matches!(e.colour(), Colour::Red | Colour::Black))
        .filter(|e| catalog.item(e).status.is_open())
        .map(|e| (catalog.ledger(e).id.clone(), catalog.item(e).id.clone()))
        .collect()
}

#[test]
fn a_meeting_visits_every_red_and_black_item_once_even_after_one_is_closed() {
    let (_tmp, mut state) = sample();
    let expected = red_and_black(&state);
    assert!(expected.len() >= 4, "the sample has red/black items");
    press(&mut state, &["H"]);
    type_text(&mut state, "王局长、李科长");
    press(&mut state, &["Enter"]);
    assert!(matches!(state.screen, Screen::Meeting { .. }));
    let mut seen = vec![shown(&state)];
    // Close the first item (状态 → 已完成): it leaves red, but the walk must not skip.
    press(&mut state, &["s", "3"]);
    for _ in 1..expected.len() {
        press(&mut state, &["]"]);
        seen.push(shown(&state));
    }
    press(&mut state, &["]"]);
    assert_eq!(
        shown(&state),
        *seen.last().unwrap(),
        "stays on the last item"
    );
    let unique: BTreeSet<_> = seen.iter().cloned().collect();
    assert_eq!(unique.len(), seen.len(), "no item twice: {seen:?}");
    assert_eq!(unique, expected);
    // Items come grouped by unit: once a unit's items end, that unit does not come back.
    let meeting = state.meetings.active.as_ref().expect("meeting on");
    let units: Vec<&str> = meeting.stops.iter().map(|s| s.unit.as_str()).collect();
    let mut finished: Vec<&str> = Vec::new();
    for pair in units.windows(2) {
        if pair[0] != pair[1] {
            assert!(
                !finished.contains(&pair[1]),
                "unit {} split: {units:?}",
                pair[1]
            );
            finished.push(pair[0]);
        }
    }
}

#[test]
fn decisions_made_in_a_meeting_are_saved_and_written_to_the_minutes() {
    let (tmp, mut state) = sample();
    press(&mut state, &["H"]);
    type_text(&mut state, "王局长");
    press(&mut state, &["Enter"]);
    let first = shown(&state);
    press(&mut state, &["n"]);
    type_text(&mut state, "主要领导已约谈责任科室");
    press(&mut state, &["Enter"]);
    press(&mut state, &["i"]);
    // The unit is prefilled; Tab to the requirement, then to the due date.
    press(&mut state, &["Tab"]);
    type_text(&mut state, "两周内完成整改并书面报告");
    press(&mut state, &["Tab"]);
    type_text(&mut state, "7月10日前");
    press(&mut state, &["Enter"]);
    press(&mut state, &["]"]);
    let second = shown(&state);
    press(&mut state, &["x"]);
    type_text(&mut state, "9月底前");
    press(&mut state, &["Tab"]);
    type_text(&mut state, "等待省厅批复");
    press(&mut state, &["Enter"]);
    // End: q asks, Esc goes on, q then Enter ends.
    press(&mut state, &["q"]);
    assert_eq!(state.mode(), duban::app::Mode::MeetingEnd);
    press(&mut state, &["Esc"]);
    assert_eq!(state.mode(), duban::app::Mode::Meeting);
    press(&mut state, &["q", "Enter"]);
    assert_eq!(state.screen, Screen::Browse);
    assert!(state.meetings.active.is_none());

    // The edits are on disk.
    let reopened = load_workspace(tmp.path()).expect("loads");
    let item = |(l, i): &(String, String)| {
        reopened
            .ledgers
            .iter()
            .find(|x| &x.ledger.id == l)
            .and_then(|x| x.ledger.item(i))
            .cloned()
            .expect("item on disk")
    };
    let one = item(&first);
    let instruction = one.instructions.last().expect("instruction saved");
    assert_eq!(instruction.text, "两周内完成整改并书面报告");
    assert_eq!(instruction.due, "7月10日前");
    assert_eq!(instruction.author, "督查室");
    assert!(!instruction.assignee.is_empty(), "prefilled with the unit");
    assert_eq!(
        item(&second).extensions.last().unwrap().new_deadline,
        "9月底前"
    );

    // The minutes say what happened.
    let minutes_dir = tmp.path().join("meetings");
    let md = std::fs::read_dir(&minutes_dir)
        .expect("meetings folder")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().ends_with("会议纪要.md"))
        .expect("minutes written");
    let text = std::fs::read_to_string(md.path()).unwrap();
    assert!(text.contains("参会人员:王局长"), "{text}");
    assert!(text.contains("进展:主要领导已约谈责任科室"), "{text}");
    assert!(
        text.contains("督办意见:") && text.contains("两周内完成整改并书面报告,7月10日前办结"),
        "{text}"
    );
    assert!(
        text.contains("延期:") && text.contains("“9月底前”,理由:等待省厅批复"),
        "{text}"
    );
    assert!(
        text.contains("| 会前 |") && text.contains("| 会后 |"),
        "{text}"
    );
    // Only the two items reached are listed.
    assert!(
        text.contains("\n| 1 | ") && text.contains("\n| 2 | "),
        "{text}"
    );
    assert!(!text.contains("\n| 3 | "), "{text}");
    // The same minutes as .docx, read back from its XML.
    let docx = md.path().with_extension("docx");
    let xml = support::zip_entry(&docx, "word/document.xml");
    assert!(xml.contains("督办事项调度会会议纪要"), "{xml}");
    assert!(xml.contains("参会人员:王局长"), "{xml}");
    assert!(xml.contains("两周内完成整改并书面报告"), "{xml}");

    // The record lets the next session show what moved.
    let record = load_last_meeting(tmp.path()).unwrap().expect("record");
    assert_eq!(record.discussed.len(), 2);
    assert_eq!(record.attendees, "王局长");
}

#[test]
fn changes_since_the_last_meeting_list_what_moved_after_it() {
    let (tmp, mut state) = sample();
    press(&mut state, &["H", "Enter", "q", "Enter"]);
    assert!(state.meetings.last.is_some());
    // Nothing moved yet.
    press(&mut state, &["C"]);
    assert_eq!(state.screen, Screen::Browse);
    // A note and a status change after the meeting.
    press(&mut state, &["n"]);
    type_text(&mut state, "会后补报进展");
    press(&mut state, &["Enter"]);
    let noted = shown(&state);
    // A fresh session reads the record from disk.
    let mut state = open(tmp.path());
    let now = state.today().and_time(chrono::NaiveTime::MIN);
    let record = load_last_meeting(tmp.path()).unwrap().unwrap();
    update(&mut state, Action::MeetingLoaded(Box::new(record)), now);
    press(&mut state, &["C"]);
    assert_eq!(state.screen, Screen::Changes);
    let view = state.meetings.changes.as_ref().unwrap();
    assert_eq!(view.items.len(), 1, "{:?}", view.items);
    assert_eq!(view.items[0].what, vec!["新增进展1条"]);
    press(&mut state, &["Enter"]);
    assert_eq!(shown(&state), noted);
    press(&mut state, &["Esc"]);
    assert_eq!(state.screen, Screen::Changes);
}

#[test]
fn next_item_in_the_detail_follows_the_rows_as_they_were_when_it_opened() {
    let (_tmp, mut state) = sample();
    // The red and black filter, as a supervisor does in triage.
    press(&mut state, &["1", "2"]);
    let rows: Vec<(String, String)> = state
        .view
        .rows
        .iter()
        .map(|&r| {
            let e = state.catalog.entry(r).unwrap();
            (
                state.catalog.ledger(e).id.clone(),
                state.catalog.item(e).id.clone(),
            )
        })
        .collect();
    assert!(rows.len() >= 4);
    press(&mut state, &["Enter", "]", "]"]);
    assert_eq!(shown(&state), rows[2]);
    // Item 3 is closed and leaves the filter; ] goes to the 4th of the original rows.
    press(&mut state, &["s", "3"]);
    press(&mut state, &["]"]);
    assert_eq!(shown(&state), rows[3]);
    press(&mut state, &["[", "["]);
    assert_eq!(shown(&state), rows[1]);
}

#[test]
fn the_meeting_setup_counts_its_scope_and_yellow_can_be_added() {
    let (_tmp, mut state) = sample();
    press(&mut state, &["H"]);
    let setup = state.meetings.setup.clone().expect("setup open");
    assert_eq!(setup.count, red_and_black(&state).len());
    press(&mut state, &["Tab"]);
    let with_yellow = state.meetings.setup.as_ref().unwrap().count;
    let yellow = state
        .catalog
        .entries
        .iter()
        .filter(|e| e.colour() == Colour::Yellow && state.catalog.item(e).status.is_open())
        .count();
    assert_eq!(with_yellow, setup.count + yellow);
    press(&mut state, &["Esc"]);
    assert!(state.meetings.setup.is_none());
    assert_eq!(state.screen, Screen::Browse);
}

/// A writer stuck holding the workspace lock never freezes the end of a meeting: the
/// minutes are not written, the message names the holder, and ending again writes them.
#[test]
fn ending_a_meeting_while_another_writer_holds_the_lock_says_so_and_never_waits() {
    let (tmp, state) = sample();
    let lock = duban::storage::WorkspaceLock::acquire(tmp.path()).expect("take the lock");
    let (tx, rx) = std::sync::mpsc::channel();
    // On another thread, so that waiting for the lock fails the test instead of hanging it.
    std::thread::spawn(move || {
        let mut state = state;
        press(&mut state, &["H", "Enter", "q", "Enter"]);
        let _ = tx.send(state);
    });
    let mut state = rx
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("ending the meeting gave up at once instead of waiting for the lock");
    let message = state.message.clone().unwrap_or_default();
    assert!(message.contains("纪要未写入"), "{message}");
    assert!(
        message.contains(&std::process::id().to_string()),
        "{message}"
    );
    assert!(state.meetings.active.is_some(), "the meeting is still open");
    drop(lock);
    press(&mut state, &["q", "Enter"]);
    assert!(state.meetings.active.is_none());
    assert_eq!(state.screen, Screen::Browse);
}
