//! Temporary stand-in for `crate::import` until the importer lands on `main`.

use crate::domain::{Item, Ledger};

/// The table format of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Guess from the text.
    Auto,
    /// `|`-separated.
    Pipe,
    /// Comma-separated.
    Csv,
}

/// What the import needs besides the text.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The ledger title.
    pub title: String,
    /// The base year.
    pub base_year: i32,
    /// The ledger id.
    pub id: String,
}

/// What an import produced and recognised.
#[derive(Debug, Clone)]
pub struct ImportReport {
    /// The new ledger.
    pub ledger: Ledger,
    /// Header → field.
    pub recognised: Vec<(String, String)>,
    /// Headers kept verbatim.
    pub unknown_headers: Vec<String>,
    /// Remarks.
    pub notes: Vec<String>,
}

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ImportError(String);

/// Read a table into a ledger (minimal stand-in).
pub fn import_table(
    text: &str,
    format: Format,
    options: ImportOptions,
) -> Result<ImportReport, ImportError> {
    let sep = match format {
        Format::Pipe => '|',
        Format::Csv => ',',
        Format::Auto => {
            if text.lines().next().unwrap_or("").contains('|') {
                '|'
            } else {
                ','
            }
        }
    };
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let headers: Vec<String> = lines
        .next()
        .ok_or_else(|| ImportError("表格为空".into()))?
        .split(sep)
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .collect();
    let field_of = |h: &str| match h {
        "序号" => Some("number"),
        "具体任务" | "任务" => Some("title"),
        "完成时限" | "时序进度" | "整改时限" => Some("deadline"),
        "责任单位" | "责任科室" => Some("units"),
        "类型" => Some("category"),
        _ => None,
    };
    let mut recognised = Vec::new();
    let mut unknown = Vec::new();
    for h in &headers {
        match field_of(h) {
            Some(f) => recognised.push((h.clone(), f.to_string())),
            None => unknown.push(h.clone()),
        }
    }
    let mut ledger = Ledger {
        format: 1,
        id: options.id,
        title: options.title,
        base_year: options.base_year,
        ..Ledger::default()
    };
    for (n, line) in lines.enumerate() {
        let mut item = Item {
            id: (n + 1).to_string(),
            number: (n + 1).to_string(),
            ..Item::default()
        };
        for (h, cell) in headers.iter().zip(line.split(sep).map(str::trim)) {
            match field_of(h) {
                Some("number") => {
                    item.id = cell.to_string();
                    item.number = cell.to_string();
                }
                Some("title") => item.title = cell.to_string(),
                Some("deadline") => item.deadline = cell.to_string(),
                Some("units") => item.units = vec![cell.to_string()],
                Some("category") => item.category = cell.to_string(),
                _ => {
                    item.extra.insert(h.clone(), cell.to_string());
                }
            }
        }
        ledger.items.push(item);
    }
    Ok(ImportReport {
        ledger,
        recognised,
        unknown_headers: unknown,
        notes: Vec::new(),
    })
}
