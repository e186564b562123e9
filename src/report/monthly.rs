//! The monthly report (月报): rates per ledger and per unit, the warning lists by colour,
//! items closed in the month, units that have not reported, and the 月度工作推进清单 of
//! the coming month (seed 003: 制定月度工作推进清单,按月推进、督查).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::legend::{day_unit, legend_lines};
use super::rows::{ITEM_HEADER, ItemRow, date_cell, item_cells};
use super::{Entry, Period, ReportError, chinese_date};
use crate::document::Document;
use crate::domain::rates::closing::closed_between;
use crate::domain::rates::{
    NO_UNIT, Rates, count_by_colour, format_percent, rates_by_unit, rates_for,
};
use crate::domain::warning::governing::milestone_met;
use crate::domain::warning::reporting::missing_report;
use crate::domain::{Colour, WarningRules};

/// Which items a unit answers for: its lead and responsible units (never its 配合/指导
/// departments) — the rule every per-unit figure follows.
pub const UNIT_RULE: &str = "按单位统计时,事项计入其牵头单位和责任单位,不计入配合单位和指导部门。";

/// The rates of one group (a ledger or a unit).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RateRow {
    /// The ledger id or unit name.
    pub key: String,
    /// The ledger title (empty for units).
    pub title: String,
    /// The counts.
    pub rates: Rates,
}

/// The items of one colour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColourList {
    /// 黑/红/黄/蓝.
    pub colour: String,
    /// The items, most overdue first.
    pub items: Vec<ItemRow>,
}

/// A unit with the items behind a line of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitItems {
    /// The unit.
    pub unit: String,
    /// Its items.
    pub items: Vec<ItemRow>,
}

impl UnitItems {
    /// Its table row: unit, how many items, the items' references.
    pub fn table_row(&self) -> Vec<String> {
        vec![
            self.unit.clone(),
            self.items.len().to_string(),
            references(&self.items),
        ]
    }
}

/// One line of the coming month's 工作推进清单.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanLine {
    /// The day it falls due.
    pub date: NaiveDate,
    /// What falls due (the milestone's words, 完成时限, or the reporting obligation).
    pub what: String,
    /// The item.
    pub item: ItemRow,
}

/// A unit's 工作推进清单 for the coming month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitPlan {
    /// The unit.
    pub unit: String,
    /// What falls due or must be reported, by date.
    pub lines: Vec<PlanLine>,
    /// Its open items, each of which reports progress by the month's reporting day.
    pub open_items: usize,
}

/// The monthly report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthlyReport {
    /// The report's title.
    pub title: String,
    /// The month reported.
    pub period: Period,
    /// The date the figures are taken at: today, or the period's last day if earlier.
    pub report_date: NaiveDate,
    /// The legend lines.
    pub legend: Vec<String>,
    /// The rates per ledger.
    pub by_ledger: Vec<RateRow>,
    /// All ledgers together.
    pub total: Rates,
    /// The rates per unit (lead and responsible units only).
    pub by_unit: Vec<RateRow>,
    /// Open items with a colour, 黑 → 蓝.
    pub warnings: Vec<ColourList>,
    /// How many items have each colour (黑, 红, 黄, 蓝, none), open and closed.
    pub colour_counts: [usize; 5],
    /// Items closed within the period.
    pub closed: Vec<ItemRow>,
    /// Units with open items whose report for the last period is missing.
    pub not_reported: Vec<UnitItems>,
    /// The coming month's 工作推进清单, per unit.
    pub next_month: Vec<UnitPlan>,
    /// The coming month.
    pub next_period: Period,
}

/// Build the monthly report of `period` as of `today` over `entries` (assessed at the
/// report date, see [`MonthlyReport::report_date`]).
///
/// The items of a period are those of ledgers whose base year is not after the period's
/// year (closed ones included: they are in the rates); none is an error, as is a period
/// after today.
pub fn monthly(
    title: &str,
    entries: &[Entry],
    period: Period,
    today: NaiveDate,
    rules: &WarningRules,
) -> Result<MonthlyReport, ReportError> {
    let (Some(first), Some(last)) = (period.first(), period.last()) else {
        return Err(ReportError::Empty(format!(
            "报告期 {period} 不是有效的月份"
        )));
    };
    if first > today {
        return Err(ReportError::Empty(format!(
            "报告期 {period} 晚于今天 {today}:请用 --period 指定今天或以前的月份"
        )));
    }
    let report_date = report_date(period, today);
    let items: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.ledger.base_year <= period.year)
        .collect();
    if items.is_empty() {
        return Err(ReportError::Empty(format!(
            "报告期 {period} 没有事项(所选台账的年份都晚于该月);请换一个 --period 或 --ledger"
        )));
    }

    let mut by_ledger: Vec<RateRow> = Vec::new();
    let mut total = Rates::default();
    for entry in &items {
        let ledger = entry.ledger;
        if by_ledger.last().is_none_or(|r| r.key != ledger.id) {
            let rates = rates_for(
                items
                    .iter()
                    .filter(|e| std::ptr::eq(e.ledger, ledger))
                    .map(|e| (e.item, &*e.schedule)),
                report_date,
            );
            total += rates;
            by_ledger.push(RateRow {
                key: ledger.id.clone(),
                title: ledger.title.clone(),
                rates,
            });
        }
    }
    let by_unit = rates_by_unit(items.iter().map(|e| (e.item, &*e.schedule)), report_date)
        .into_iter()
        .map(|(key, rates)| RateRow {
            key,
            title: String::new(),
            rates,
        })
        .collect();

    let colour_counts = count_by_colour(items.iter().map(|e| e.warning.colour));
    let warnings = Colour::BY_SEVERITY
        .into_iter()
        .filter(|c| *c != Colour::None)
        .map(|colour| {
            let mut list: Vec<&&Entry> = items
                .iter()
                .filter(|e| e.warning.colour == colour)
                .collect();
            list.sort_by_key(|e| e.warning.days.unwrap_or(i64::MAX));
            ColourList {
                colour: colour.label().to_string(),
                items: list.into_iter().map(|e| ItemRow::of(e)).collect(),
            }
        })
        .collect();
    let closed = items
        .iter()
        .filter(|e| closed_between(e.item, first, last))
        .map(|e| ItemRow::of(e))
        .collect();

    let mut missing: BTreeMap<String, Vec<ItemRow>> = BTreeMap::new();
    for entry in items.iter().filter(|e| supervised(e)) {
        if rules.monthly_report && missing_report(entry.item, rules.report, report_date).is_some() {
            for unit in units_of(entry) {
                missing.entry(unit).or_default().push(ItemRow::of(entry));
            }
        }
    }
    let not_reported = missing
        .into_iter()
        .map(|(unit, items)| UnitItems { unit, items })
        .collect();

    let next_period = period.next();
    let next_month = plan_for(&items, next_period);
    Ok(MonthlyReport {
        title: format!("{title}{}督办工作月报", period.chinese()),
        period,
        report_date,
        legend: legend_lines(rules),
        by_ledger,
        total,
        by_unit,
        warnings,
        colour_counts,
        closed,
        not_reported,
        next_month,
        next_period,
    })
}

/// The date a monthly report of `period` takes its figures at: today, or the period's
/// last day when the period is over (assess the entries at this date).
pub fn report_date(period: Period, today: NaiveDate) -> NaiveDate {
    period.last().map_or(today, |last| today.min(last))
}

/// Open and not suspended: still reports progress.
fn supervised(entry: &Entry) -> bool {
    entry.item.status.is_open() && entry.item.status != crate::domain::Status::Suspended
}

fn units_of(entry: &Entry) -> Vec<String> {
    let units = entry.item.all_units();
    if units.is_empty() {
        vec![NO_UNIT.to_string()]
    } else {
        units.into_iter().map(str::to_string).collect()
    }
}

/// The coming month's list: per unit, unmet milestones and recurring reports that fall in
/// `next`, and the count of open items that report progress monthly.
fn plan_for(items: &[&Entry], next: Period) -> Vec<UnitPlan> {
    let (Some(first), Some(last)) = (next.first(), next.last()) else {
        return Vec::new();
    };
    let mut plans: BTreeMap<String, UnitPlan> = BTreeMap::new();
    for entry in items.iter().filter(|e| supervised(e)) {
        let schedule = &entry.schedule;
        let mut lines = Vec::new();
        for (index, milestone) in schedule.milestones.iter().enumerate() {
            if (first..=last).contains(&milestone.due)
                && !milestone_met(entry.item, schedule, index)
            {
                let what = if milestone.label.trim().is_empty() {
                    "完成时限".to_string()
                } else {
                    milestone.label.clone()
                };
                lines.push((milestone.due, what));
            }
        }
        if let Some(due) = entry
            .item
            .due_override
            .filter(|d| (first..=last).contains(d))
        {
            lines.push((due, "督办确定的完成日期".to_string()));
        }
        if let Some(rule) = schedule.recurrence {
            let occurrence = rule.next_on_or_after(first);
            if occurrence <= last {
                lines.push((occurrence, "定期报送".to_string()));
            }
        }
        for unit in units_of(entry) {
            let plan = plans.entry(unit.clone()).or_insert_with(|| UnitPlan {
                unit,
                lines: Vec::new(),
                open_items: 0,
            });
            plan.open_items += 1;
            for (date, what) in &lines {
                plan.lines.push(PlanLine {
                    date: *date,
                    what: what.clone(),
                    item: ItemRow::of(entry),
                });
            }
        }
    }
    let mut out: Vec<UnitPlan> = plans.into_values().collect();
    for plan in &mut out {
        plan.lines
            .sort_by(|a, b| a.date.cmp(&b.date).then(a.item.id.cmp(&b.item.id)));
    }
    out
}

impl MonthlyReport {
    /// The report as a document (Markdown, text, .docx).
    pub fn document(&self, rules: &WarningRules) -> Document {
        let unit = day_unit(rules);
        let mut doc = Document::new();
        doc.title(&self.title);
        doc.centered(format!("(截至{})", chinese_date(self.report_date)));
        doc.heading("一、完成情况(按台账)");
        doc.paragraph("完成率 = 已完成 ÷ 纳入统计的事项;按期完成率 = 按期完成 ÷ 已到期事项。已延期、无固定期限的事项不纳入统计,单独列出。");
        let mut rows: Vec<Vec<String>> = self
            .by_ledger
            .iter()
            .map(|r| rate_cells(&format!("{} {}", r.key, r.title), &r.rates))
            .collect();
        rows.push(rate_cells("合计", &self.total));
        doc.table(&RATE_HEADER, rows);
        doc.heading("二、完成情况(按单位)");
        doc.paragraph(UNIT_RULE);
        doc.table(
            &RATE_HEADER,
            self.by_unit
                .iter()
                .map(|r| rate_cells(&r.key, &r.rates))
                .collect(),
        );
        doc.heading("三、预警事项");
        doc.paragraph(format!(
            "黑色{}项、红色{}项、黄色{}项、蓝色{}项。",
            self.colour_counts[0],
            self.colour_counts[1],
            self.colour_counts[2],
            self.colour_counts[3]
        ));
        for list in self.warnings.iter().filter(|l| !l.items.is_empty()) {
            doc.paragraph(format!("{}色({}项)", list.colour, list.items.len()));
            doc.table(
                &ITEM_HEADER,
                list.items.iter().map(|r| item_cells(r, unit)).collect(),
            );
        }
        doc.heading(format!("四、本月完成事项({}项)", self.closed.len()));
        if self.closed.is_empty() {
            doc.paragraph("本月无完成事项。");
        } else {
            doc.table(
                &["台账", "编号", "事项", "责任单位", "完成日期"],
                self.closed
                    .iter()
                    .map(|r| {
                        vec![
                            r.ledger.clone(),
                            r.id.clone(),
                            r.title.clone(),
                            r.units.clone(),
                            date_cell(r.done),
                        ]
                    })
                    .collect(),
            );
        }
        doc.heading(format!(
            "五、未按期报送进展的单位({}个)",
            self.not_reported.len()
        ));
        if self.not_reported.is_empty() {
            doc.paragraph("各单位均已报送上期进展。");
        } else {
            doc.table(
                &["单位", "事项数", "事项"],
                self.not_reported.iter().map(UnitItems::table_row).collect(),
            );
        }
        doc.heading(format!("六、{}工作推进清单", self.next_period.chinese()));
        doc.paragraph("各单位在办事项均须按月报送进展;下表列出下月到期的节点和定期报送事项。");
        let mut rows = Vec::new();
        for plan in &self.next_month {
            if plan.lines.is_empty() {
                rows.push(vec![
                    plan.unit.clone(),
                    "—".into(),
                    String::new(),
                    String::new(),
                    format!("在办{}项,按月报送进展", plan.open_items),
                ]);
            }
            for line in &plan.lines {
                rows.push(vec![
                    plan.unit.clone(),
                    line.date.to_string(),
                    line.item.reference(),
                    line.item.title.clone(),
                    line.what.clone(),
                ]);
            }
        }
        doc.table(&["单位", "日期", "事项", "名称", "内容"], rows);
        doc.heading("预警说明");
        for line in &self.legend {
            doc.paragraph(line);
        }
        doc
    }
}

/// The columns of a rates table.
pub const RATE_HEADER: [&str; 8] = [
    "台账/单位",
    "事项",
    "纳入统计",
    "已完成",
    "完成率",
    "已到期",
    "按期完成",
    "按期完成率",
];

/// One row of a rates table.
pub fn rate_cells(name: &str, r: &Rates) -> Vec<String> {
    vec![
        name.to_string(),
        r.total.to_string(),
        r.rated.to_string(),
        r.closed.to_string(),
        format_percent(r.completion_rate()),
        r.already_due.to_string(),
        r.closed_on_time.to_string(),
        format_percent(r.on_time_rate()),
    ]
}

/// `ledger/id, ledger/id …`
pub fn references(rows: &[ItemRow]) -> String {
    rows.iter()
        .map(ItemRow::reference)
        .collect::<Vec<_>>()
        .join("、")
}
