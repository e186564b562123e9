//! The workspace's `holidays.ron`: days the bundled calendar does not know (yet).
//!
//! Format (RON; both lists optional, dates as `"YYYY-MM-DD"` strings):
//!
//! ```ron
//! (
//!     // days off that would otherwise be working days (statutory holidays)
//!     holidays: ["2027-01-01", "2027-02-05", "2027-02-08"],
//!     // days that would otherwise be off (调休 make-up Saturdays/Sundays)
//!     workdays: ["2027-02-07"],
//! )
//! ```
//!
//! An override always wins over the bundled data, so the file can also correct it.
//! A date listed in both lists is an error.

use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use thiserror::Error;

/// Why a `holidays.ron` override file was refused.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum OverrideError {
    /// The file is not valid RON of the expected shape.
    #[error(
        "holidays.ron:{line}:{column}: {message}; expected (holidays: [\"YYYY-MM-DD\", …], workdays: [\"YYYY-MM-DD\", …])"
    )]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the RON reader said.
        message: String,
    },
    /// An entry is not a date.
    #[error(
        "holidays.ron:{line}:{column}: {list}[{index}] = {text:?} is not a date; write it as \"YYYY-MM-DD\""
    )]
    BadDate {
        /// `holidays` or `workdays`.
        list: &'static str,
        /// 0-based position in the list.
        index: usize,
        /// The entry as written.
        text: String,
        /// 1-based line of the entry (0 if it could not be located).
        line: usize,
        /// 1-based column of the entry (0 if it could not be located).
        column: usize,
    },
    /// A date is listed both as a holiday and as a workday.
    #[error(
        "holidays.ron:{line}:{column}: {date} is listed both in holidays and in workdays; keep it in one list"
    )]
    Conflict {
        /// The date.
        date: NaiveDate,
        /// 1-based line of its workdays entry (0 if it could not be located).
        line: usize,
        /// 1-based column of its workdays entry (0 if it could not be located).
        column: usize,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OverrideFile {
    #[serde(default)]
    holidays: Vec<String>,
    #[serde(default)]
    workdays: Vec<String>,
}

/// Read a `holidays.ron` text into date → is-working-day overrides.
pub fn parse_overrides(text: &str) -> Result<BTreeMap<NaiveDate, bool>, OverrideError> {
    let file: OverrideFile = ron::from_str(text).map_err(|e| OverrideError::Syntax {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    let mut out = BTreeMap::new();
    for (list, entries, working) in [
        ("holidays", &file.holidays, false),
        ("workdays", &file.workdays, true),
    ] {
        for (index, entry) in entries.iter().enumerate() {
            let (line, column) = locate(text, entry);
            let date = NaiveDate::parse_from_str(entry.trim(), "%Y-%m-%d").map_err(|_| {
                OverrideError::BadDate {
                    list,
                    index,
                    text: entry.clone(),
                    line,
                    column,
                }
            })?;
            if let Some(previous) = out.insert(date, working)
                && previous != working
            {
                return Err(OverrideError::Conflict { date, line, column });
            }
        }
    }
    Ok(out)
}

/// The 1-based line and column of the first `"entry"` in `text`, or (0, 0).
fn locate(text: &str, entry: &str) -> (usize, usize) {
    let quoted = format!("\"{entry}\"");
    let Some(at) = text.find(&quoted) else {
        return (0, 0);
    };
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn reads_both_lists() {
        let map = parse_overrides(
            "(\n  holidays: [\"2027-01-01\", \"2027-02-08\"],\n  workdays: [\"2027-02-07\"],\n)",
        )
        .expect("valid file");
        assert_eq!(map.get(&d(2027, 1, 1)), Some(&false));
        assert_eq!(map.get(&d(2027, 2, 8)), Some(&false));
        assert_eq!(map.get(&d(2027, 2, 7)), Some(&true));
        assert_eq!(map.len(), 3);
    }

    #[test]
    fn empty_file_and_missing_lists_are_fine() {
        assert!(parse_overrides("()").expect("valid").is_empty());
        assert_eq!(
            parse_overrides("(workdays: [\"2027-02-07\"])")
                .expect("valid")
                .len(),
            1
        );
    }

    #[test]
    fn bad_entry_is_named_with_its_position() {
        let err = parse_overrides("(\n  holidays: [\"2027-01-01\",\n    \"2027-02-30\"],\n)")
            .expect_err("Feb 30 is not a date");
        assert_eq!(
            err,
            OverrideError::BadDate {
                list: "holidays",
                index: 1,
                text: "2027-02-30".to_string(),
                line: 3,
                column: 5,
            }
        );
        assert!(err.to_string().contains("holidays.ron:3:5"));
        assert!(err.to_string().contains("\"2027-02-30\""));
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let err = parse_overrides("(\n holidays: [2027-01-01],\n)").expect_err("unquoted date");
        assert!(
            matches!(err, OverrideError::Syntax { line: 2, .. }),
            "{err:?}"
        );
        let err = parse_overrides("(holiday: [])").expect_err("unknown field");
        assert!(err.to_string().contains("holiday"), "{err}");
    }

    #[test]
    fn a_date_in_both_lists_is_refused() {
        let err = parse_overrides("(holidays: [\"2027-02-07\"], workdays: [\"2027-02-07\"])")
            .expect_err("conflict");
        assert!(matches!(err, OverrideError::Conflict { .. }));
        assert!(err.to_string().contains("2027-02-07"));
    }
}
