//! `list --unit X` for a unit that exists nowhere: say so, and suggest the nearest unit
//! names — by characters, by pinyin (a homophone typo such as 社区较正 finds 社区矫正), and
//! by pinyin initials or full pinyin typed in ASCII (`sqjz`).

use pinyin::ToPinyin;

use super::context::CliError;
use crate::search::ReadingTable;
use crate::storage::Workspace;
use crate::text::sanitize;

/// How many units a refusal suggests.
const SUGGESTED: usize = 3;

/// Every unit name of the workspace: its unit list, then the units named by items.
pub fn known_units(ws: &Workspace) -> Vec<String> {
    let mut units: Vec<String> = ws.config.units.clone();
    let mut seen: std::collections::HashSet<String> = units.iter().cloned().collect();
    for loaded in &ws.ledgers {
        for item in &loaded.ledger.items {
            for unit in item.all_units() {
                if seen.insert(unit.to_string()) {
                    units.push(unit.to_string());
                }
            }
        }
    }
    units
}

/// `Ok` when some unit name contains `query`; else a one-line error naming the nearest units.
pub fn require_unit(units: &[String], query: &str) -> Result<(), CliError> {
    if units.iter().any(|u| u.contains(query)) {
        return Ok(());
    }
    let nearest = nearest_units(units, query, SUGGESTED);
    let hint = if nearest.is_empty() {
        "工作区中没有任何责任单位".to_string()
    } else {
        format!(
            "最接近的单位:{}",
            nearest
                .iter()
                .map(|u| sanitize(u).into_owned())
                .collect::<Vec<_>>()
                .join("、")
        )
    };
    Err(CliError::new(format!(
        "没有责任单位包含 \"{}\";{hint}(--unit 写单位名称中的一段文字即可)",
        sanitize(query)
    )))
}

/// The `count` units closest to `query`, nearest first (ties in workspace order).
pub fn nearest_units(units: &[String], query: &str, count: usize) -> Vec<String> {
    let query = query.trim();
    let mut table = ReadingTable::new();
    let letters = query.to_ascii_lowercase();
    let ascii = !letters.is_empty() && letters.bytes().all(|b| b.is_ascii_alphanumeric());
    let query_chars: Vec<String> = query.chars().map(String::from).collect();
    let query_syllables = syllables(query);
    let mut scored: Vec<(usize, usize, &String)> = units
        .iter()
        .enumerate()
        .map(|(order, unit)| {
            let codes = table.encode(unit);
            let score = if ascii && table.find(&codes, letters.as_bytes()).is_some() {
                0
            } else if ascii {
                let spelled: Vec<String> =
                    syllables(unit).concat().chars().map(String::from).collect();
                let query_letters: Vec<String> = letters.chars().map(String::from).collect();
                substring_distance(&query_letters, &spelled)
            } else {
                let chars: Vec<String> = unit.chars().map(String::from).collect();
                substring_distance(&query_chars, &chars)
                    .min(substring_distance(&query_syllables, &syllables(unit)))
            };
            (score, order, unit)
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(count)
        .map(|(_, _, u)| u.clone())
        .collect()
}

/// One token per character: its plain pinyin, or the character itself.
fn syllables(text: &str) -> Vec<String> {
    text.chars()
        .map(|c| match c.to_pinyin() {
            Some(p) => p.plain().to_string(),
            None => c.to_lowercase().collect(),
        })
        .collect()
}

/// The fewest edits turning `query` into some run of `text` (approximate substring match:
/// the run may start and end anywhere).
fn substring_distance(query: &[String], text: &[String]) -> usize {
    let mut row: Vec<usize> = vec![0; text.len() + 1];
    for (i, q) in query.iter().enumerate() {
        let mut next = vec![i + 1; text.len() + 1];
        for (j, t) in text.iter().enumerate() {
            let substitute = row[j] + usize::from(q != t);
            next[j + 1] = substitute.min(row[j + 1] + 1).min(next[j] + 1);
        }
        row = next;
    }
    row.into_iter().min().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units() -> Vec<String> {
        [
            "办公室",
            "社区矫正管理科",
            "公共法律服务科",
            "涪城区司法局",
            "行政复议与应诉科",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn suggestions_are_pinyin_aware() {
        let near = |q| nearest_units(&units(), q, 1)[0].clone();
        assert_eq!(near("社区较正"), "社区矫正管理科", "homophone typo");
        assert_eq!(near("sqjz"), "社区矫正管理科", "initials");
        assert_eq!(near("fuchengqu"), "涪城区司法局", "full pinyin");
        assert_eq!(
            near("公共法律服物科"),
            "公共法律服务科",
            "one wrong character"
        );
        assert_eq!(near("行政复议科"), "行政复议与应诉科");
    }

    #[test]
    fn a_missing_unit_is_one_line_naming_the_nearest() {
        assert!(require_unit(&units(), "矫正").is_ok());
        let err = require_unit(&units(), "社区较正").expect_err("no such unit");
        assert_eq!(err.code, 2);
        assert!(
            err.message
                .starts_with("没有责任单位包含 \"社区较正\";最接近的单位:社区矫正管理科、"),
            "{}",
            err.message
        );
        assert!(!err.message.contains('\n'));
    }
}
