//! Importing source documents into ledgers: delimited tables (the `|` tables of the
//! source documents, and CSV), the structured 巡察整改 report, and the numbered task
//! list of a 实施方案.
//!
//! Every importer returns an [`ImportReport`]: the new ledger plus what was recognised,
//! what was kept without being understood, and notes about every guess it made, so the
//! CLI can show the user exactly what happened.

mod cells;
mod columns;
mod error;
mod layout;
mod numbering;
pub mod plan;
pub mod rectification;
mod result;
pub mod samples;
mod table;
mod units;

pub use columns::{Field, recognise_header};
pub use error::ImportError;
pub use numbering::{dedupe_repeats, split_item_number};
pub use result::{ResultReading, read_result};
pub use table::import_table;
pub use units::split_units;

use crate::domain::Ledger;

/// The header of `duban list --format csv` (a scripting contract). Importing a CSV with
/// exactly this header undoes the formula guard of its cells ([`crate::text::unguard_formula`]).
pub const LIST_CSV_HEADER: [&str; 8] = [
    "ledger", "id", "colour", "status", "due", "units", "title", "reason",
];

/// Which kind of delimited text [`import_table`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Decide from the text: `|` tables when a `|` line carries a header row, else CSV.
    #[default]
    Auto,
    /// Rows of cells separated by `|` (as extracted from the source documents).
    Pipe,
    /// Comma-separated values with optional quoting and an optional UTF-8 BOM.
    Csv,
}

impl Format {
    /// Parse the CLI word (`auto`, `pipe`, `csv`).
    pub fn from_word(word: &str) -> Option<Format> {
        match word.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(Format::Auto),
            "pipe" => Some(Format::Pipe),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// What the new ledger is called and how its deadlines are read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportOptions {
    /// The ledger's title.
    pub title: String,
    /// The year for deadlines written without one.
    pub base_year: i32,
    /// The ledger id (file name); empty lets the caller choose later.
    pub id: String,
}

/// The result of an import: the ledger and an account of how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// The new ledger (format version set, items in source order).
    pub ledger: Ledger,
    /// The recognised columns: (header as printed, item field it fills).
    pub recognised: Vec<(String, String)>,
    /// Headers that were not recognised; their values are kept in `item.extra`.
    pub unknown_headers: Vec<String>,
    /// Everything the importer decided on the user's behalf (Chinese, for display).
    pub notes: Vec<String>,
}

/// A fresh ledger with the options' title, id and year and the current format version.
fn new_ledger(opts: &ImportOptions) -> Ledger {
    Ledger {
        format: crate::storage::FORMAT_VERSION,
        id: opts.id.clone(),
        title: opts.title.clone(),
        base_year: opts.base_year,
        ..Ledger::default()
    }
}
