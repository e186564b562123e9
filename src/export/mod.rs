//! Exporting ledgers as sheets a clerk recognises: one table per ledger with the ledger's
//! own Chinese headers plus 预警/原因/状态/最近进展/延期, and the full progress log.
//!
//! [`table_of`] turns a ledger into rows of text (the same for xlsx and CSV); [`xlsx`]
//! writes a workbook, [`csv`] a UTF-8 CSV with BOM for Excel. The column headers are the
//! ones the importer recognises, so export → import gives the same items back.

pub mod csv;
pub mod merge;
pub mod xlsx;

use chrono::NaiveDate;

use crate::domain::assess::ScheduleCache;
use crate::domain::calendar::WorkCalendar;
use crate::domain::item::Item;
use crate::domain::ledger::Column;
use crate::domain::warning::{self, WarningContext};
use crate::domain::workspace::WarningRules;
use crate::domain::{Colour, Ledger};

/// The header of the id column (the importer reads it back as the item number).
pub const ID_HEADER: &str = "序号";
/// The columns duban adds after the ledger's own, in order.
pub const COMPUTED_HEADERS: [&str; 5] = ["预警", "原因", "状态", "最近进展", "延期"];

/// What a column of the exported table holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    Id,
    Field(String),
    Extra(String),
}

/// A ledger as a table of text: what export writes.
#[derive(Debug, Clone)]
pub struct Table {
    /// The ledger's title.
    pub title: String,
    /// The column headers (the ledger's own, then [`COMPUTED_HEADERS`]).
    pub headers: Vec<String>,
    /// One row per item, one cell per header.
    pub rows: Vec<Vec<String>>,
    /// The warning colour of each row (for the fill of the 预警 cell).
    pub colours: Vec<Colour>,
    /// Index of the 预警 column.
    pub warning_column: usize,
}

/// What a table is assessed with: the rules, the calendar and the as-of day.
pub struct Assessing<'a> {
    /// The workspace's warning rules.
    pub rules: &'a WarningRules,
    /// The working-day calendar.
    pub calendar: &'a WorkCalendar,
    /// The day the warnings are computed for (shown in the title row).
    pub today: NaiveDate,
}

/// The ledger's columns as exported: 序号 first (holding the item id), then each column of
/// the ledger once per field (extra columns by header); a ledger without columns gets the
/// usual four. Computed and status columns are left to the added columns.
fn sources(ledger: &Ledger) -> Vec<(String, Source)> {
    let default_columns = [
        ("category", "类别"),
        ("title", "工作任务"),
        ("deadline", "完成时限"),
        ("units", "责任单位"),
    ]
    .map(|(f, h)| Column {
        field: f.to_string(),
        header: h.to_string(),
    });
    let columns: &[Column] = if ledger.columns.is_empty() {
        &default_columns
    } else {
        &ledger.columns
    };
    let mut out = vec![(ID_HEADER.to_string(), Source::Id)];
    for column in columns {
        let source = match column.field.as_str() {
            "number" | "status" | "computed" => continue,
            "extra" => Source::Extra(column.header.clone()),
            field => Source::Field(field.to_string()),
        };
        let clash = out.iter().any(|(h, s)| *s == source || *h == column.header);
        if !clash {
            out.push((column.header.clone(), source));
        }
    }
    if !out.iter().any(|(_, s)| *s == Source::Field("title".into())) {
        out.insert(1, ("工作任务".to_string(), Source::Field("title".into())));
    }
    out
}

/// The text of one field of an item. Units: the lead unit has its own column when the
/// ledger has one; otherwise it leads the units.
fn field_text(item: &Item, field: &str, has_lead_column: bool) -> String {
    match field {
        "category" => item.category.clone(),
        "goal" => item.goal.clone(),
        "title" => item.title.clone(),
        "measures" => item.measures.clone(),
        "deadline" => item.deadline.clone(),
        "lead_unit" => item.lead_unit.clone().unwrap_or_default(),
        "units" if has_lead_column => item.units.join("、"),
        "units" => item.all_units().join("、"),
        "supervisors" => item.supervisors.join("、"),
        "leader" => item.leader.clone().unwrap_or_default(),
        _ => String::new(),
    }
}

/// The ledger as a table, each item assessed at `assessing.today`.
pub fn table_of(ledger: &Ledger, assessing: &Assessing) -> Table {
    let sources = sources(ledger);
    let has_lead = sources
        .iter()
        .any(|(_, s)| *s == Source::Field("lead_unit".into()));
    let mut headers: Vec<String> = sources.iter().map(|(h, _)| h.clone()).collect();
    let warning_column = headers.len();
    headers.extend(COMPUTED_HEADERS.iter().map(|h| h.to_string()));
    let ctx = WarningContext {
        rules: assessing.rules,
        calendar: assessing.calendar,
        today: assessing.today,
    };
    let mut schedules = ScheduleCache::default();
    let mut rows = Vec::with_capacity(ledger.items.len());
    let mut colours = Vec::with_capacity(ledger.items.len());
    for item in &ledger.items {
        let mut row: Vec<String> = sources
            .iter()
            .map(|(_, source)| match source {
                Source::Id => item.id.clone(),
                Source::Field(f) => field_text(item, f, has_lead),
                Source::Extra(h) => item.extra.get(h).cloned().unwrap_or_default(),
            })
            .collect();
        let schedule = schedules.schedule(ledger, item);
        let warning = warning::evaluate(item, ledger, schedule, &ctx);
        let colour = if item.status.is_open() {
            warning.colour
        } else {
            Colour::None
        };
        row.push(colour.label().to_string());
        row.push(warning.reason.clone());
        row.push(item.status.label().to_string());
        row.push(latest_progress(item));
        row.push(extensions(item));
        rows.push(row);
        colours.push(colour);
    }
    Table {
        title: ledger.title.clone(),
        headers,
        rows,
        colours,
        warning_column,
    }
}

/// "2024-06-01 张三:已完成初稿" — the newest progress entry.
fn latest_progress(item: &Item) -> String {
    item.progress
        .iter()
        .max_by_key(|p| p.date)
        .map(|p| {
            if p.author.is_empty() {
                format!("{} {}", p.date, p.text)
            } else {
                format!("{} {}:{}", p.date, p.author, p.text)
            }
        })
        .unwrap_or_default()
}

/// "6月底前 → 9月底前(原因)" for every extension, oldest first.
fn extensions(item: &Item) -> String {
    item.extensions
        .iter()
        .map(|e| {
            let reason = if e.reason.is_empty() {
                String::new()
            } else {
                format!("({})", e.reason)
            };
            format!("{} → {}{reason}", e.original, e.new_deadline)
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// One row of the progress-log sheet: sheet, item id, date, author, text.
pub fn progress_rows(sheet: &str, ledger: &Ledger) -> Vec<[String; 5]> {
    let mut out = Vec::new();
    for item in &ledger.items {
        for p in &item.progress {
            out.push([
                sheet.to_string(),
                item.id.clone(),
                p.date.to_string(),
                p.author.clone(),
                p.text.clone(),
            ]);
        }
    }
    out
}
