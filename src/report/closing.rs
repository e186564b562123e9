//! The closing report (seed 000, 落实结项奖惩): items closed to standard (表彰奖励),
//! items not closed on time with or without their 书面说明, and the units losing award
//! eligibility (取消评先选优资格) with the items that cause it.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::monthly::{UNIT_RULE, references};
use super::rows::{ItemRow, date_cell};
use super::{Entry, ReportError, chinese_date};
use crate::document::Document;
use crate::domain::rates::closing::closing_lists;
use crate::domain::rates::final_due;

/// An item not closed on time, with its written explanation if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LateItem {
    /// The item.
    pub item: ItemRow,
    /// Its 书面说明, if given.
    pub explanation: Option<String>,
}

/// A unit losing award eligibility, with the late items that cause it.
pub use super::monthly::UnitItems as UnitConsequence;

/// The closing report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClosingReport {
    /// Title.
    pub title: String,
    /// The date of the figures.
    pub report_date: NaiveDate,
    /// Only items whose final date falls in this year, when given.
    pub year: Option<i32>,
    /// 表彰奖励 candidates.
    pub commended: Vec<ItemRow>,
    /// Late, with 书面说明.
    pub late_explained: Vec<LateItem>,
    /// Late, 书面说明 missing.
    pub late_unexplained: Vec<LateItem>,
    /// Closed and due but without a done date.
    pub closed_undated: Vec<ItemRow>,
    /// 取消评先选优资格.
    pub units_losing_eligibility: Vec<UnitConsequence>,
}

/// Build the closing report at `today` (restricted to items due in `year` when given).
pub fn closing(
    title: &str,
    entries: &[Entry],
    today: NaiveDate,
    year: Option<i32>,
) -> Result<ClosingReport, ReportError> {
    let selected: Vec<(usize, &Entry)> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            year.is_none_or(|y| final_due(e.item, &e.schedule).is_some_and(|d| d.year() == y))
        })
        .collect();
    if selected.is_empty() {
        return Err(ReportError::Empty(match year {
            Some(y) => format!("{y}年没有到期的事项;请换一个 --period 或 --ledger"),
            None => "所选台账没有事项".to_string(),
        }));
    }
    let lists = closing_lists(
        selected.iter().map(|(i, e)| (*i, e.item, &*e.schedule)),
        today,
    );
    let row = |i: &usize| ItemRow::of(&entries[*i]);
    let late = |i: &usize| LateItem {
        item: row(i),
        explanation: entries[*i].item.overdue_explanation.clone(),
    };
    Ok(ClosingReport {
        title: format!(
            "{title}{}结项验收情况",
            year.map(|y| format!("{y}年")).unwrap_or_default()
        ),
        report_date: today,
        year,
        commended: lists.commended.iter().map(row).collect(),
        late_explained: lists.late_explained.iter().map(late).collect(),
        late_unexplained: lists.late_unexplained.iter().map(late).collect(),
        closed_undated: lists.closed_undated.iter().map(row).collect(),
        units_losing_eligibility: lists
            .units_losing_eligibility
            .iter()
            .map(|(unit, items)| UnitConsequence {
                unit: unit.clone(),
                items: items.iter().map(row).collect(),
            })
            .collect(),
    })
}

impl ClosingReport {
    /// The report as a document.
    pub fn document(&self) -> Document {
        let mut doc = Document::new();
        doc.title(&self.title);
        doc.centered(format!("(截至{})", chinese_date(self.report_date)));
        doc.paragraph("按标准完成项目的,给予表彰奖励和项目支持;不能按期结项的,项目建设单位(部门)负责人要书面向局务会议作出说明,并取消评先选优资格。");
        doc.heading(format!(
            "一、按标准完成的事项(拟表彰奖励,{}项)",
            self.commended.len()
        ));
        doc.table(
            &["台账", "编号", "事项", "责任单位", "截止日期", "完成日期"],
            self.commended
                .iter()
                .map(|r| {
                    vec![
                        r.ledger.clone(),
                        r.id.clone(),
                        r.title.clone(),
                        r.units.clone(),
                        date_cell(r.due),
                        date_cell(r.done),
                    ]
                })
                .collect(),
        );
        doc.heading(format!(
            "二、未按期结项的事项({}项,其中缺书面说明{}项)",
            self.late_explained.len() + self.late_unexplained.len(),
            self.late_unexplained.len()
        ));
        let late_rows = self
            .late_unexplained
            .iter()
            .chain(&self.late_explained)
            .map(|l| {
                vec![
                    l.item.ledger.clone(),
                    l.item.id.clone(),
                    l.item.title.clone(),
                    l.item.units.clone(),
                    date_cell(l.item.due),
                    l.item
                        .done
                        .map_or_else(|| "未完成".to_string(), |d| d.to_string()),
                    l.explanation.clone().unwrap_or_else(|| "缺".to_string()),
                ]
            })
            .collect();
        doc.table(
            &[
                "台账",
                "编号",
                "事项",
                "责任单位",
                "截止日期",
                "完成日期",
                "书面说明",
            ],
            late_rows,
        );
        if !self.closed_undated.is_empty() {
            doc.paragraph(format!(
                "已完成但未记录完成日期、无法判断是否按期的事项{}项:{}。",
                self.closed_undated.len(),
                references(&self.closed_undated)
            ));
        }
        doc.heading(format!(
            "三、取消评先选优资格的单位({}个)",
            self.units_losing_eligibility.len()
        ));
        doc.paragraph(UNIT_RULE);
        doc.table(
            &["单位", "事项数", "未按期结项的事项"],
            self.units_losing_eligibility
                .iter()
                .map(UnitConsequence::table_row)
                .collect(),
        );
        doc
    }
}
