//! The rectification report (seed 002): per rectification ledger and per level
//! (面上问题 / 具体问题), "应完成 N,实际完成 M,未完成 K,阶段性整改率 P%;期外 X 个,
//! 已完成 Y 个,正稳步推进 Z 个", each count with the ids of the problems behind it.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Entry, ReportError, chinese_date};
use crate::document::Document;
use crate::domain::rates::format_percent;
use crate::domain::rates::rectification::{LevelCounts, count_levels};
use crate::domain::{LedgerKind, RectificationPeriod};

/// Levels that are headings over the problems (no deadline of their own), not counted.
pub const HEADING_LEVELS: [&str; 1] = ["反馈问题"];

/// The counts of one rectification ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LedgerRectification {
    /// Ledger id.
    pub ledger: String,
    /// Ledger title.
    pub title: String,
    /// The feedback date and period length.
    pub period: RectificationPeriod,
    /// The period's last day.
    pub period_end: NaiveDate,
    /// The counts per level.
    pub levels: Vec<LevelCounts>,
}

/// The rectification report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RectificationReport {
    /// Title.
    pub title: String,
    /// The date of the figures (done = closed by then).
    pub report_date: NaiveDate,
    /// One part per rectification ledger.
    pub ledgers: Vec<LedgerRectification>,
}

/// Build the report over the rectification ledgers among `entries`. A ledger of another
/// kind named by `--ledger`, or a rectification ledger without its period, is an error.
pub fn rectification(
    title: &str,
    entries: &[Entry],
    today: NaiveDate,
) -> Result<RectificationReport, ReportError> {
    let mut ledgers: Vec<LedgerRectification> = Vec::new();
    let mut unsuitable: Vec<String> = Vec::new();
    let mut start = 0;
    while start < entries.len() {
        let ledger = entries[start].ledger;
        let end = start
            + entries[start..]
                .iter()
                .take_while(|e| std::ptr::eq(e.ledger, ledger))
                .count();
        let part = &entries[start..end];
        start = end;
        match (&ledger.kind, ledger.rectification) {
            (_, Some(period)) => {
                let levels = count_levels(
                    part.iter().map(|e| (e.item, &*e.schedule)),
                    period.end(),
                    &HEADING_LEVELS,
                );
                ledgers.push(LedgerRectification {
                    ledger: ledger.id.clone(),
                    title: ledger.title.clone(),
                    period,
                    period_end: period.end(),
                    levels,
                });
            }
            (LedgerKind::Rectification, None) => unsuitable.push(format!(
                "台账 {} 未设置集中整改期:请在台账文件中加上 rectification: (feedback_date: \"2024-07-24\", months: 4)",
                ledger.id
            )),
            _ => {}
        }
    }
    if ledgers.is_empty() {
        return Err(match unsuitable.into_iter().next() {
            Some(why) => ReportError::Unsuitable(why),
            None => ReportError::Unsuitable(
                "所选台账中没有整改台账(设置了反馈日期和集中整改期的台账);请用 --ledger 指定整改台账".to_string(),
            ),
        });
    }
    Ok(RectificationReport {
        title: format!("{title}巡察反馈问题整改进展情况"),
        report_date: today,
        ledgers,
    })
}

/// The seed's sentence for one level.
pub fn sentence(level: &LevelCounts, months: u32) -> String {
    let mut text = format!(
        "{}个{},{months}个月集中整改期内应完成整改{}个,实际完成整改{}个,未完成整改{}个,阶段性整改率为{};{months}个月集中整改期外{}个,已完成整改{}个,正稳步推进{}个。",
        level.total(),
        level.level,
        level.due_in_period.len(),
        level.done_in_period.len(),
        level.open_in_period.len(),
        format_percent(level.phase_rate()),
        level.out_of_period.len(),
        level.out_done.len(),
        level.out_open.len(),
    );
    let separate = [
        ("已延期", &level.extended),
        ("无固定期限", &level.no_deadline),
        ("部分完成", &level.partly_done),
    ];
    let extra: Vec<String> = separate
        .iter()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(label, ids)| format!("{label}{}个", ids.len()))
        .collect();
    if !extra.is_empty() {
        text.push_str(&format!("另:{}(不计入上述完成数)。", extra.join(",")));
    }
    text
}

impl RectificationReport {
    /// The report as a document.
    pub fn document(&self) -> Document {
        let mut doc = Document::new();
        doc.title(&self.title);
        doc.centered(format!("(截至{})", chinese_date(self.report_date)));
        for part in &self.ledgers {
            doc.heading(format!("{} {}", part.ledger, part.title));
            doc.paragraph(format!(
                "反馈日期{},集中整改期{}个月(至{})。整改时限在此日期以前的问题为期内应完成整改,其余为期外。",
                chinese_date(part.period.feedback_date),
                part.period.months,
                chinese_date(part.period_end)
            ));
            for level in &part.levels {
                doc.paragraph(sentence(level, part.period.months));
                doc.table(&["项目", "数量", "问题编号"], level_rows(level));
            }
        }
        doc
    }
}

/// The rows behind the sentence: each count with its ids.
pub fn level_rows(level: &LevelCounts) -> Vec<Vec<String>> {
    let row = |label: &str, ids: &[String]| {
        vec![label.to_string(), ids.len().to_string(), ids.join("、")]
    };
    vec![
        row("期内应完成整改", &level.due_in_period),
        row("期内实际完成整改", &level.done_in_period),
        row("期内未完成整改", &level.open_in_period),
        vec![
            "阶段性整改率".to_string(),
            format_percent(level.phase_rate()),
            String::new(),
        ],
        row("期外", &level.out_of_period),
        row("期外已完成整改", &level.out_done),
        row("期外正稳步推进", &level.out_open),
        row("已延期(不计入)", &level.extended),
        row("无固定期限(不计入)", &level.no_deadline),
        row("部分完成(在办)", &level.partly_done),
    ]
}
