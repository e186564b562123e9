//! The RON format: hostile strings round trip unescaped, re-saves are byte-identical,
//! broken files give file:line:column, newer versions are refused.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use duban::domain::{
    AuditEntry, Item, Ledger, LedgerKind, Notice, NoticeKind, ProgressEntry, Status, SubMeasure,
    WorkspaceConfig,
};
use duban::storage::{
    StorageError, config_to_string, ledger_to_string, parse_config, parse_ledger,
};
use proptest::prelude::*;
use rstest::rstest;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, d).unwrap()
}

/// A ledger whose every kind of string field holds `text`.
fn ledger_with(texts: &[String]) -> Ledger {
    let t = |i: usize| texts[i % texts.len()].clone();
    let mut extra = BTreeMap::new();
    extra.insert(t(0), t(1));
    Ledger {
        format: 1,
        id: "hostile".into(),
        title: t(0),
        base_year: 2023,
        kind: LedgerKind::Other(t(1)),
        source: t(2),
        default_deadline: Some(t(3)),
        items: vec![Item {
            id: t(4),
            title: t(5),
            measures: t(6),
            deadline: t(7),
            lead_unit: Some(t(8)),
            units: vec![t(9), t(10)],
            status: Status::Suspended,
            suspend_reason: Some(t(11)),
            progress: vec![ProgressEntry {
                date: day(1),
                author: t(12),
                text: t(13),
            }],
            sub_measures: vec![SubMeasure {
                text: t(14),
                done: true,
                deadline: Some(t(15)),
                done_on: None,
            }],
            notices: vec![Notice {
                kind: NoticeKind::Chase,
                date: day(2),
                recipient: t(16),
                number: Some(t(17)),
            }],
            extra,
            history: vec![AuditEntry {
                at: day(3).and_hms_opt(9, 30, 0).unwrap(),
                author: t(17),
                field: "status".into(),
                from: t(18),
                to: t(19),
            }],
            ..Item::default()
        }],
        ..Ledger::default()
    }
}

/// Strings built to break a writer that does not escape.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\#r\n\t\r\u{1b}\u{0}\u{7f}\u{feff}\u{2028}督办)(,:]{0,12}",
        Just("\"#".to_string()),
        Just("r#\"x\"#".to_string()),
        Just("\"##\"###".to_string()),
        Just("\\".to_string()),
        Just("结尾反斜杠\\".to_string()),
        Just("a\"".to_string()),
        Just(String::new()),
        Just("\u{1b}[31m红\u{1b}[0m".to_string()),
        Just("行一\r\n行二\n\t缩进".to_string()),
        Just("/* not a comment */ // nor this".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Unescaped output reads back identically and re-serializes to the same bytes.
    #[test]
    fn hostile_strings_round_trip(texts in proptest::collection::vec(hostile(), 1..21)) {
        let ledger = ledger_with(&texts);
        let text = ledger_to_string(&ledger);
        let back = parse_ledger(&text, Path::new("hostile.ron"));
        prop_assert!(back.is_ok(), "{:?}\n{}", back.err(), text);
        let back = back.unwrap();
        prop_assert_eq!(&back, &ledger);
        prop_assert_eq!(ledger_to_string(&back), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Any truncation or single-byte corruption is an error with a position inside the
    /// file, never a panic.
    #[test]
    fn damaged_files_give_positioned_errors(cut in 0.0f64..1.0, junk in "[\\x00-\\x7f]") {
        let text = sample_text();
        let mut at = (text.len() as f64 * cut) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let lines = text.lines().count();
        for damaged in [text[..at].to_string(), format!("{}{junk}{}", &text[..at], &text[at..])] {
            match parse_ledger(&damaged, Path::new("x.ron")) {
                Err(StorageError::Parse { line, column, .. }) => {
                    prop_assert!(line >= 1 && line <= lines + 1 && column >= 1);
                }
                // A digit landing in `format: 1` makes a "newer" file: refused, also fine.
                Err(StorageError::NewerFormat { .. }) | Ok(_) => {}
                Err(other) => prop_assert!(false, "unexpected error {}", other),
            }
        }
    }
}

#[test]
fn chinese_and_line_breaks_are_written_as_they_are() {
    let ledger = ledger_with(&["制度建设\n第二行".to_string(), "引号\"在内".to_string()]);
    let text = ledger_to_string(&ledger);
    assert!(text.contains("title: \"制度建设\n第二行\""), "{text}");
    assert!(text.contains("kind: Other(r#\"引号\"在内\"#)"), "{text}");
    assert!(!text.contains("\\u"), "{text}");
}

#[test]
fn config_round_trips_byte_identically() {
    let config = WorkspaceConfig {
        units: vec!["机关党办".into(), "社区矫正局".into()],
        as_of: Some(day(15)),
        demo: true,
        ..WorkspaceConfig::default()
    };
    let text = config_to_string(&config);
    let back = parse_config(&text, Path::new("duban.ron")).unwrap();
    assert_eq!(back, config);
    assert_eq!(config_to_string(&back), text);
}

fn sample_text() -> String {
    ledger_to_string(&ledger_with(&["台账".to_string()]))
}

/// The 1-based line and column of the first occurrence of `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap();
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

#[rstest]
#[case::wrong_type("    base_year: 2023,", "    base_year: \"二〇二三\",", "base_year: ")]
#[case::unknown_field("    source: \"台账\",", "    sourse: \"台账\",", "sourse")]
#[case::unknown_item_field(
    "            measures: \"台账\",",
    "            measure: \"台账\",",
    "measure:"
)]
#[case::bad_status("            status: Suspended,", "            status: 暂缓,", "暂缓")]
fn broken_ledger_reports_file_line_column(
    #[case] good: &str,
    #[case] bad: &str,
    #[case] culprit: &str,
) {
    let text = sample_text();
    assert!(
        text.contains(good),
        "fixture line {good:?} missing from\n{text}"
    );
    let broken = text.replacen(good, bad, 1);
    let err = parse_ledger(&broken, Path::new("ledgers/x.ron")).unwrap_err();
    let StorageError::Parse { line, column, .. } = &err else {
        panic!("expected a parse error, got {err}");
    };
    let (want_line, want_column) = position_of(&broken, culprit);
    assert_eq!(*line, want_line, "{err}");
    assert!(
        (want_column..=want_column + culprit.chars().count()).contains(column),
        "column {column} not at {culprit:?} (col {want_column}): {err}"
    );
    assert!(
        err.to_string()
            .starts_with(&format!("ledgers/x.ron:{line}:{column}: ")),
        "{err}"
    );
}

#[test]
fn truncated_ledger_reports_where_it_ends() {
    let text = sample_text();
    let cut = &text[..text.len() / 2];
    let err = parse_ledger(cut, Path::new("ledgers/x.ron")).unwrap_err();
    let StorageError::Parse { line, message, .. } = &err else {
        panic!("expected a parse error, got {err}");
    };
    // ron points at the end of the last complete token: the last line with content.
    assert_eq!(*line, cut.trim_end().matches('\n').count() + 1, "{err}");
    assert!(!message.is_empty());
}

#[test]
fn unknown_field_message_names_the_field() {
    let broken = sample_text().replacen("    source:", "    sourse:", 1);
    let message = parse_ledger(&broken, Path::new("x.ron"))
        .unwrap_err()
        .to_string();
    assert!(message.contains("sourse"), "{message}");
}

#[rstest]
#[case::ledger("(format: 7, id: \"x\")")]
#[case::ledger_with_new_fields("(format: 2, id: \"x\", owner: \"新字段\")")]
fn newer_ledger_format_is_refused(#[case] text: &str) {
    let err = parse_ledger(text, Path::new("x.ron")).unwrap_err();
    assert!(matches!(err, StorageError::NewerFormat { .. }), "{err}");
    assert!(err.to_string().contains("升级"), "{err}");
}

#[test]
fn newer_config_format_is_refused() {
    let err = parse_config("(format: 2)", Path::new("duban.ron")).unwrap_err();
    assert!(
        matches!(err, StorageError::NewerFormat { found: 2, .. }),
        "{err}"
    );
}

/// The event date a deadline counts from is optional: a file without it (every file written
/// before it existed) loads, and a file with it round trips and is still format 1.
#[test]
fn the_event_date_is_optional_and_round_trips() {
    let text = "(format: 1, id: \"x\", base_year: 2023, items: [(id: \"1\", deadline: \"收到通知后5个工作日内\")])";
    let old = parse_ledger(text, Path::new("x.ron")).expect("an old file loads");
    assert_eq!(old.items[0].event_date, None);
    let mut ledger = old.clone();
    ledger.items[0].event_date = Some(day(5));
    let written = ledger_to_string(&ledger);
    assert!(written.contains("event_date: \"2023-06-05\""), "{written}");
    assert!(written.contains("format: 1"), "{written}");
    assert_eq!(
        parse_ledger(&written, Path::new("x.ron")).expect("reads back"),
        ledger
    );
    assert!(!ledger_to_string(&old).contains("event_date"));
}
