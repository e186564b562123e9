//! Reports as CSV: one figure per row, `section,group,measure,value,items` (items: the
//! `ledger/id` references behind a count, separated by spaces) — long enough to reconcile,
//! regular enough for a spreadsheet's pivot table.

use serde::Serialize;

use super::closing::ClosingReport;
use super::monthly::{MonthlyReport, UnitItems};
use super::rectification::RectificationReport;
use super::rows::ItemRow;
use crate::domain::rates::{Rates, format_percent};

/// One figure of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The part of the report (ledger, unit, warning, closed …).
    pub section: String,
    /// The ledger, unit or level the figure is about.
    pub group: String,
    /// What is counted (完成率, 应完成 …).
    pub measure: String,
    /// The value (a count or a percentage).
    pub value: String,
    /// The items behind a count.
    pub items: String,
}

fn figure(section: &str, group: &str, measure: &str, value: String, items: String) -> Figure {
    Figure {
        section: section.to_string(),
        group: group.to_string(),
        measure: measure.to_string(),
        value,
        items,
    }
}

/// One figure per unit: how many items it has in `section`, with their references.
fn unit_figures<'a>(section: &'a str, units: &'a [UnitItems]) -> impl Iterator<Item = Figure> + 'a {
    units.iter().map(move |unit| {
        figure(
            section,
            &unit.unit,
            "事项",
            unit.items.len().to_string(),
            refs(&unit.items),
        )
    })
}

fn refs(rows: &[ItemRow]) -> String {
    rows.iter()
        .map(ItemRow::reference)
        .collect::<Vec<_>>()
        .join(" ")
}

fn rate_figures(out: &mut Vec<Figure>, section: &str, group: &str, r: &Rates) {
    let counts = [
        ("事项", r.total),
        ("纳入统计", r.rated),
        ("已完成", r.closed),
        ("已到期", r.already_due),
        ("按期完成", r.closed_on_time),
        ("未到期", r.not_yet_due),
        ("部分完成", r.partly_done),
        ("已延期", r.extended),
        ("无固定期限", r.no_deadline),
    ];
    for (measure, n) in counts {
        out.push(figure(
            section,
            group,
            measure,
            n.to_string(),
            String::new(),
        ));
    }
    out.push(figure(
        section,
        group,
        "完成率",
        format_percent(r.completion_rate()),
        String::new(),
    ));
    out.push(figure(
        section,
        group,
        "按期完成率",
        format_percent(r.on_time_rate()),
        String::new(),
    ));
}

/// The figures of a monthly report.
pub fn monthly_figures(report: &MonthlyReport) -> Vec<Figure> {
    let mut out = Vec::new();
    for row in &report.by_ledger {
        rate_figures(&mut out, "台账", &row.key, &row.rates);
    }
    rate_figures(&mut out, "台账", "合计", &report.total);
    for row in &report.by_unit {
        rate_figures(&mut out, "单位", &row.key, &row.rates);
    }
    for list in &report.warnings {
        out.push(figure(
            "预警",
            &list.colour,
            "事项",
            list.items.len().to_string(),
            refs(&list.items),
        ));
    }
    out.push(figure(
        "本月完成",
        "",
        "事项",
        report.closed.len().to_string(),
        refs(&report.closed),
    ));
    out.extend(unit_figures("未报送进展", &report.not_reported));
    for plan in &report.next_month {
        let items: Vec<ItemRow> = plan.lines.iter().map(|l| l.item.clone()).collect();
        out.push(figure(
            "下月推进清单",
            &plan.unit,
            "到期节点",
            plan.lines.len().to_string(),
            refs(&items),
        ));
        out.push(figure(
            "下月推进清单",
            &plan.unit,
            "在办事项",
            plan.open_items.to_string(),
            String::new(),
        ));
    }
    out
}

/// The figures of a rectification report (ids are the ledger's item ids).
pub fn rectification_figures(report: &RectificationReport) -> Vec<Figure> {
    let mut out = Vec::new();
    for part in &report.ledgers {
        for level in &part.levels {
            let mut count = |measure: &str, ids: &[String]| {
                let items = ids
                    .iter()
                    .map(|id| format!("{}/{id}", part.ledger))
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push(figure(
                    &part.ledger,
                    &level.level,
                    measure,
                    ids.len().to_string(),
                    items,
                ));
            };
            count("应完成", &level.due_in_period);
            count("实际完成", &level.done_in_period);
            count("未完成", &level.open_in_period);
            count("期外", &level.out_of_period);
            count("期外已完成", &level.out_done);
            count("期外正稳步推进", &level.out_open);
            count("已延期", &level.extended);
            count("无固定期限", &level.no_deadline);
            count("部分完成", &level.partly_done);
            out.push(figure(
                &part.ledger,
                &level.level,
                "阶段性整改率",
                format_percent(level.phase_rate()),
                String::new(),
            ));
        }
    }
    out
}

/// The figures of a closing report.
pub fn closing_figures(report: &ClosingReport) -> Vec<Figure> {
    let late = |list: &[super::closing::LateItem]| {
        let rows: Vec<ItemRow> = list.iter().map(|l| l.item.clone()).collect();
        (rows.len().to_string(), refs(&rows))
    };
    let mut out = vec![figure(
        "表彰奖励",
        "",
        "按标准完成",
        report.commended.len().to_string(),
        refs(&report.commended),
    )];
    let (n, items) = late(&report.late_explained);
    out.push(figure("未按期结项", "", "已书面说明", n, items));
    let (n, items) = late(&report.late_unexplained);
    out.push(figure("未按期结项", "", "缺书面说明", n, items));
    out.push(figure(
        "未按期结项",
        "",
        "完成日期未记录",
        report.closed_undated.len().to_string(),
        refs(&report.closed_undated),
    ));
    out.extend(unit_figures(
        "取消评先选优资格",
        &report.units_losing_eligibility,
    ));
    out
}

/// Write figures as CSV text with a header row.
pub fn to_csv(figures: &[Figure]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for f in figures {
        writer.serialize(f)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
