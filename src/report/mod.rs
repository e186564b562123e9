//! What the office sends out, computed from the domain: notices per unit and colour
//! ([`notices`]) and the monthly, rectification and closing reports ([`monthly`],
//! [`rectification`], [`closing`]). Every figure comes from [`crate::domain::rates`];
//! this layer selects items, groups them and lays the result out as a
//! [`Document`](crate::document::Document). Pure: today is a parameter, nothing here
//! reads files or the clock, so the TUI (meeting mode, dashboard) can call it too.

pub mod assessed;
pub mod closing;
pub mod csv;
pub mod legend;
pub mod minutes;
pub mod monthly;
pub mod notices;
pub mod period;
pub mod rectification;
pub mod rows;

pub use assessed::{Entry, assess_ledgers};
pub use period::Period;

/// Why a report cannot be made (the CLI prints it as one line and exits 2).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// Nothing to report on.
    #[error("{0}")]
    Empty(String),
    /// A ledger that cannot be reported this way.
    #[error("{0}")]
    Unsuitable(String),
}

/// A date as Chinese documents write it: 2023年6月26日.
pub fn chinese_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}
