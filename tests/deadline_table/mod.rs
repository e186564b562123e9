//! The deadline test tables (`tests/fixtures/deadline-cases*.tsv`): reading their rows and
//! checking every row against the grammar, shared by the test binaries that use them.

use std::path::PathBuf;

use duban::domain::deadline::{Milestone, Schedule, final_due, parse};

/// One row of a table: base year, text, kind, due, milestones, and an optional note
/// (a reading that must be explained).
pub struct Case {
    pub line: usize,
    pub base_year: i32,
    pub text: String,
    pub kind: String,
    pub due: String,
    pub milestones: String,
    pub note: String,
}

/// The rows of `tests/fixtures/<file>` (comments and blank lines skipped).
pub fn cases(file: &str) -> Vec<Case> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(cols.len() >= 5, "{file}:{}: too few columns", i + 1);
            Case {
                line: i + 1,
                base_year: cols[0].parse().expect("base year"),
                text: cols[1].to_string(),
                kind: cols[2].to_string(),
                due: cols[3].to_string(),
                milestones: cols[4].to_string(),
                note: cols.get(5).map_or(String::new(), |n| n.trim().to_string()),
            }
        })
        .collect()
}

/// `DUE[~START]:LABEL[@PERCENT]`, the tables' milestone notation.
fn notation(m: &Milestone) -> String {
    let mut out = m.due.to_string();
    if let Some(start) = m.start {
        out.push_str(&format!("~{start}"));
    }
    out.push(':');
    out.push_str(&m.label);
    if let Some(p) = m.percent {
        out.push_str(&format!("@{p}"));
    }
    out
}

/// A schedule's milestones in the tables' notation (`-` for none).
pub fn milestones_notation(s: &Schedule) -> String {
    if s.milestones.is_empty() {
        return "-".to_string();
    }
    let all: Vec<String> = s.milestones.iter().map(notation).collect();
    all.join(" ; ")
}

/// Read every row of `file` and fail naming each row whose kind, final due date or
/// milestones differ; with `notes_required`, also each row with a note whose reading
/// leaves no note. At least `min_rows` rows must be read.
pub fn check_every_row(file: &str, min_rows: usize, notes_required: bool) {
    let cases = cases(file);
    assert!(cases.len() >= min_rows, "only {} rows read", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let s = parse(&case.text, case.base_year);
        let due = final_due(&s).map_or("-".to_string(), |d| d.to_string());
        let got = (s.kind.word(), due.as_str(), milestones_notation(&s));
        let want = (
            case.kind.as_str(),
            case.due.as_str(),
            case.milestones.clone(),
        );
        if got != want {
            failures.push(format!(
                "line {} «{}»: expected {want:?}, got {got:?} (notes {:?})",
                case.line, case.text, s.notes
            ));
        } else if notes_required && !case.note.is_empty() && s.notes.is_empty() {
            failures.push(format!(
                "line {} «{}»: the reading «{}» must be noted",
                case.line, case.text, case.note
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
