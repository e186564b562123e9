//! The event-date form: dates a deadline counted from an event, or clears the date.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;

use super::super::*;
use super::support::*;
use crate::domain::edit::Edit;

const COUNTED: &str = "收到通知后5个工作日内";

#[test]
fn it_opens_on_today_and_records_the_typed_date() {
    let it = item();
    let mut f = EditForm::open(EditKind::EventDate, &ctx_for(&it, COUNTED)).expect("opens");
    let EditForm::Fields(form) = &f else {
        panic!("fields form")
    };
    assert_eq!(form.fields[0].value(), today().to_string());
    assert!(form.notes[0].contains(COUNTED), "{:?}", form.notes);
    let mut keys = vec![ctrl('u')];
    keys.extend(chars("2024-06-03"));
    keys.push(key(KeyCode::Enter));
    assert_eq!(
        press(&mut f, &keys),
        FormOutcome::Submit(vec![Edit::SetEventDate {
            date: NaiveDate::from_ymd_opt(2024, 6, 3),
        }])
    );
}

#[test]
fn it_shows_the_recorded_date_and_an_emptied_field_clears_it() {
    let mut it = item();
    it.event_date = NaiveDate::from_ymd_opt(2024, 5, 20);
    let mut f = EditForm::open(EditKind::EventDate, &ctx_for(&it, COUNTED)).expect("opens");
    let EditForm::Fields(form) = &f else {
        panic!("fields form")
    };
    assert_eq!(form.fields[0].value(), "2024-05-20");
    assert_eq!(
        press(&mut f, &[ctrl('u'), key(KeyCode::Enter)]),
        FormOutcome::Submit(vec![Edit::SetEventDate { date: None }])
    );
}

#[test]
fn a_date_that_does_not_read_is_refused_in_place() {
    let it = item();
    let mut f = EditForm::open(EditKind::EventDate, &ctx_for(&it, COUNTED)).expect("opens");
    let mut keys = vec![ctrl('u')];
    keys.extend(chars("下周一"));
    keys.push(key(KeyCode::Enter));
    assert_eq!(press(&mut f, &keys), FormOutcome::Continue);
    let EditForm::Fields(form) = &f else {
        panic!("fields form")
    };
    let message = form.message.as_ref().expect("a message");
    assert!(message.text.contains("下周一"), "{message:?}");
}

#[test]
fn it_is_refused_for_a_deadline_not_counted_from_an_event() {
    let it = item();
    let refused = EditForm::open(EditKind::EventDate, &ctx_for(&it, "6月底前"));
    assert!(refused.is_err_and(|e| e.contains("不从某个事件起算")));
}
