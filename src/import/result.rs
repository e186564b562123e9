//! Reading a result text (整改结果) into a status and per-measure done flags.

use crate::domain::{Status, SubMeasure};

/// What a result text says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultReading {
    /// The status it implies: all done → Done, partly done or not done → InProgress.
    pub status: Status,
    /// Per-measure flags (`第一三项完成整改;第二项未完成整改` → 第一项 ✓, 第二项 ✗, 第三项 ✓),
    /// in ordinal order; empty when the text speaks of the item as a whole.
    pub sub_measures: Vec<SubMeasure>,
}

const ORDINALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Read a result text; `None` when it says nothing recognisable about completion.
pub fn read_result(text: &str) -> Option<ResultReading> {
    let text = text.trim().trim_end_matches(['。', '.']);
    if text.is_empty() {
        return None;
    }
    let mut measures: Vec<(usize, bool)> = Vec::new();
    let mut whole: Option<bool> = None;
    for clause in text.split([';', '\u{ff1b}', ',', '\u{ff0c}', '。']) {
        let clause = clause.trim();
        if clause.is_empty() {
            continue;
        }
        let done = clause_done(clause)?;
        match ordinals_of(clause) {
            Some(ordinals) => {
                for ordinal in ordinals {
                    measures.retain(|(o, _)| *o != ordinal);
                    measures.push((ordinal, done));
                }
            }
            None => whole = Some(whole.unwrap_or(true) && done),
        }
    }
    measures.sort_by_key(|(o, _)| *o);
    let all_done = measures.iter().all(|(_, d)| *d) && whole.unwrap_or(true);
    let status = if all_done {
        Status::Done
    } else {
        Status::InProgress
    };
    let sub_measures = measures
        .into_iter()
        .map(|(ordinal, done)| SubMeasure {
            text: format!("第{}项", ORDINALS[ordinal - 1]),
            done,
            deadline: None,
            done_on: None,
        })
        .collect();
    Some(ResultReading {
        status,
        sub_measures,
    })
}

/// Whether a clause reports completion (`完成整改`, `已完成`) or its absence (`未完成`, `推进中`).
fn clause_done(clause: &str) -> Option<bool> {
    const NOT_DONE: [&str; 6] = ["未完成", "没有完成", "推进中", "正在", "稳步推进", "未整改"];
    if NOT_DONE.iter().any(|w| clause.contains(w)) {
        return Some(false);
    }
    if clause.contains("完成") || clause.contains("已整改") || clause.contains("销号") {
        return Some(true);
    }
    None
}

/// The ordinals of `第一三项…` (1-based), or `None` when the clause names no measures.
fn ordinals_of(clause: &str) -> Option<Vec<usize>> {
    let rest = clause.strip_prefix('第')?;
    let (numerals, _) = rest.split_once('项')?;
    let ordinals: Option<Vec<usize>> = numerals
        .chars()
        .map(|c| ORDINALS.iter().position(|o| *o == c).map(|i| i + 1))
        .collect();
    ordinals.filter(|o| !o.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn flags(r: &ResultReading) -> Vec<(String, bool)> {
        r.sub_measures
            .iter()
            .map(|m| (m.text.clone(), m.done))
            .collect()
    }

    #[rstest]
    #[case("完成整改。", Status::Done, &[])]
    #[case("未完成整改", Status::InProgress, &[])]
    #[case(
        "第一三项完成整改;第二项未完成整改。",
        Status::InProgress,
        &[("第一项", true), ("第二项", false), ("第三项", true)]
    )]
    #[case(
        "第一二三五项完成整改;第四项未完成整改。",
        Status::InProgress,
        &[("第一项", true), ("第二项", true), ("第三项", true), ("第四项", false), ("第五项", true)]
    )]
    #[case("第一项完成整改,第二项未完成整改。", Status::InProgress, &[("第一项", true), ("第二项", false)])]
    #[case("第一项完成整改;第二项完成整改", Status::Done, &[("第一项", true), ("第二项", true)])]
    fn results_are_read(
        #[case] text: &str,
        #[case] status: Status,
        #[case] expected: &[(&str, bool)],
    ) {
        let r = read_result(text).expect(text);
        assert_eq!(r.status, status);
        let expected: Vec<(String, bool)> =
            expected.iter().map(|(t, d)| (t.to_string(), *d)).collect();
        assert_eq!(flags(&r), expected);
    }

    #[rstest]
    #[case("")]
    #[case("另行研究")]
    fn unreadable_results(#[case] text: &str) {
        assert_eq!(read_result(text), None);
    }
}
