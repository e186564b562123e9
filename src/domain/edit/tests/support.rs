//! Fixtures of the edit tests.

use chrono::{NaiveDate, NaiveDateTime};

use super::super::*;
use crate::domain::item::{Item, SubMeasure};
use crate::domain::ledger::Ledger;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

pub fn at() -> NaiveDateTime {
    day(2024, 6, 3).and_hms_opt(9, 30, 0).expect("valid time")
}

pub fn item() -> Item {
    Item {
        id: "7".into(),
        number: "7".into(),
        title: "建设智慧矫正中心".into(),
        deadline: "6月底前".into(),
        units: vec!["社区矫正科".into()],
        sub_measures: vec![
            SubMeasure {
                text: "第一项".into(),
                done: false,
                deadline: None,
                done_on: None,
            },
            SubMeasure {
                text: "第二项".into(),
                done: true,
                deadline: None,
                done_on: Some(day(2024, 5, 1)),
            },
        ],
        ..Item::default()
    }
}

pub fn note(text: &str) -> Edit {
    Edit::AddNote {
        date: day(2024, 6, 3),
        author: "张三".into(),
        text: text.into(),
    }
}

pub fn ledger() -> Ledger {
    let mut second = item();
    second.id = "8".into();
    second.deadline = "1-3月项目申报 4-10月完成建设".into();
    Ledger {
        id: "l".into(),
        base_year: 2024,
        items: vec![item(), second],
        ..Ledger::default()
    }
}
