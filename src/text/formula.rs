//! Spreadsheet formula injection (OWASP "CSV injection"): a CSV cell starting with `=`, `+`,
//! `-`, `@`, a tab or a CR is run as a formula by Excel and WPS. [`guard_formula`] puts a
//! `'` before such a cell, so spreadsheets show it as text; [`unguard_formula`] removes
//! exactly that `'` again when duban reads its own CSV, so export → import is lossless.
//!
//! A cell that already starts with `'`s followed by a trigger gets one more `'`, so a
//! title that really begins with `'=` survives the round trip too.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn starts_like_formula(after_quotes: &str) -> bool {
    after_quotes.starts_with(TRIGGERS)
}

/// `cell` with a leading `'` when a spreadsheet would read it as a formula.
pub fn guard_formula(cell: &str) -> Cow<'_, str> {
    if starts_like_formula(cell.trim_start_matches('\'')) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Undo [`guard_formula`]: drop one leading `'` from a cell that starts with `'`s and then
/// a formula character.
pub fn unguard_formula(cell: &str) -> Cow<'_, str> {
    match cell.strip_prefix('\'') {
        Some(rest) if starts_like_formula(rest.trim_start_matches('\'')) => Cow::Borrowed(rest),
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarded_cells_round_trip() {
        for (cell, guarded) in [
            ("=1+2", "'=1+2"),
            ("+SUM(A1)", "'+SUM(A1)"),
            ("-2", "'-2"),
            ("@cmd", "'@cmd"),
            ("\t=x", "'\t=x"),
            ("\r=x", "'\r=x"),
            ("'=already", "''=already"),
            ("''@x", "'''@x"),
            ("'quoted", "'quoted"),
            ("推进建设", "推进建设"),
            ("", ""),
            ("a=b", "a=b"),
        ] {
            assert_eq!(guard_formula(cell), guarded);
            assert_eq!(unguard_formula(guarded), cell, "{guarded:?}");
        }
    }
}
