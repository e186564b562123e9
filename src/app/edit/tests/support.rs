//! Shared fixtures of the editing tests.

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::super::*;
use crate::domain::{Item, Ledger, SubMeasure};

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

pub fn chars(s: &str) -> Vec<KeyEvent> {
    s.chars().map(|c| key(KeyCode::Char(c))).collect()
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 3).expect("valid")
}

/// Today at 00:00, the moment the app's update is driven at in these tests.
pub fn midnight() -> NaiveDateTime {
    today().and_time(chrono::NaiveTime::MIN)
}

pub fn at() -> NaiveDateTime {
    today().and_hms_opt(10, 0, 0).expect("valid")
}

pub fn item() -> Item {
    Item {
        id: "7".into(),
        number: "7".into(),
        title: "建设智慧矫正中心".into(),
        deadline: "6月底前".into(),
        units: vec!["社区矫正科".into()],
        sub_measures: vec![SubMeasure {
            text: "第一项".into(),
            done: false,
            deadline: None,
            done_on: None,
        }],
        ..Item::default()
    }
}

pub fn ledger() -> Ledger {
    let mut other = item();
    other.id = "8".into();
    other.number = "8".into();
    Ledger {
        id: "l".into(),
        base_year: 2024,
        items: vec![item(), other],
        ..Ledger::default()
    }
}

pub fn units() -> Vec<String> {
    vec![
        "社区矫正科".into(),
        "办公室".into(),
        "法治督察科".into(),
        "人民参与和促进法治科".into(),
    ]
}

pub fn open(kind: EditKind, it: &Item, known: &[String]) -> EditForm {
    let l = ledger();
    let ctx = FormContext {
        today: today(),
        user: "李四",
        base_year: 2024,
        item: Some(it),
        governing_deadline: "6月底前",
        colour: crate::domain::Colour::Red,
        known_units: known,
        targets: 1,
    };
    let _ = l;
    EditForm::open(kind, &ctx).expect("form opens")
}

pub fn press(form: &mut EditForm, keys: &[KeyEvent]) -> FormOutcome {
    let mut last = FormOutcome::Continue;
    for k in keys {
        last = form.handle_key(k);
    }
    last
}

/// The context of a form for `it` governed by `deadline`.
pub fn ctx_for<'a>(it: &'a Item, deadline: &'a str) -> FormContext<'a> {
    FormContext {
        today: today(),
        user: "李四",
        base_year: 2024,
        item: Some(it),
        governing_deadline: deadline,
        colour: crate::domain::Colour::None,
        known_units: &[],
        targets: 1,
    }
}
