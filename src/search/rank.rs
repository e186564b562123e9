//! How well a document matches a query: one rank, shared by every list that orders by
//! relevance (the TUI's 按匹配度, the unit picker) and by the rule that hides scattered
//! Chinese matches when contiguous ones exist.
//!
//! A rank is a sum of flags, the more important flag worth more than all lesser ones
//! together, so ranks compare as the tuple (contiguous, initial, in title, whole):
//! `/调解` puts 调解 written together above 协调…解决, and `cq` puts the items whose
//! deadline text *is* 长期 above titles with 长期 somewhere inside.

use super::query::{Prepared, occurrences};
use super::readings::{ReadingTable, SPACE};

/// The query occurs as written (each of its words), or its pinyin reads a run of
/// consecutive characters. Without it, the query's characters are merely scattered.
pub(super) const CONTIGUOUS: i64 = 8;
/// The match starts a field or a word (the title, a unit, the deadline text): fields are
/// separated by spaces, while punctuation inside a field starts no word (a long title's
/// clauses would otherwise rank with whole fields).
pub(super) const INITIAL: i64 = 4;
/// The match starts in the title.
pub(super) const IN_TITLE: i64 = 2;
/// The match ends a field or a word.
pub(super) const WHOLE: i64 = 1;
/// The highest rank.
pub(super) const BEST: i64 = CONTIGUOUS + INITIAL + IN_TITLE + WHOLE;

/// Whether a character separates words: white space, which also separates the fields of
/// a document.
fn separates(c: char) -> bool {
    c.is_whitespace()
}

/// Whether `text` has a word boundary before byte `at`.
fn word_starts(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_none_or(separates)
}

/// Whether `text` has a word boundary at byte `end`.
fn word_ends(text: &str, end: usize) -> bool {
    text[end..].chars().next().is_none_or(separates)
}

/// The first occurrence of `needle` in `text` that starts a word, else the first one.
fn best_occurrence(text: &str, needle: &str, exact: bool) -> Option<usize> {
    let mut first = None;
    for at in occurrences(text, needle, exact) {
        if word_starts(text, at) {
            return Some(at);
        }
        first.get_or_insert(at);
    }
    first
}

/// The rank of a text match: `text` (whose first `title_bytes` bytes are the title) has
/// the query's characters in order (checked before).
pub(super) fn text_rank(text: &str, title_bytes: usize, q: &Prepared) -> i64 {
    let mut words = q.words();
    let Some(first) = words.next() else {
        return 0;
    };
    let Some(at) = best_occurrence(text, first, q.exact) else {
        return 0;
    };
    if !words.all(|w| occurrences(text, w, q.exact).next().is_some()) {
        return 0;
    }
    let end = at + first.len();
    CONTIGUOUS
        + flag(word_starts(text, at), INITIAL)
        + flag(at < title_bytes, IN_TITLE)
        + flag(word_ends(text, end), WHOLE)
}

fn flag(set: bool, value: i64) -> i64 {
    if set { value } else { 0 }
}

/// The first pinyin match of `query` in `codes` that starts a word, else the first one.
pub(super) fn best_pinyin(
    table: &ReadingTable,
    codes: &[u16],
    query: &[u8],
) -> Option<(usize, usize)> {
    let first = table.find(codes, query)?;
    let mut found = first;
    loop {
        if code_word_starts(codes, found.0) {
            return Some(found);
        }
        match table.find_from(codes, query, found.0 + 1) {
            Some(next) => found = next,
            None => return Some(first),
        }
    }
}

/// Whether a word starts at character `start` of `codes`.
fn code_word_starts(codes: &[u16], start: usize) -> bool {
    start == 0 || codes[start - 1] == SPACE
}

/// The rank of the pinyin match `start..end` in `codes`, whose first `title_chars`
/// characters are the title.
pub(super) fn pinyin_rank(codes: &[u16], title_chars: usize, (start, end): (usize, usize)) -> i64 {
    CONTIGUOUS
        + flag(code_word_starts(codes, start), INITIAL)
        + flag(start < title_chars, IN_TITLE)
        + flag(codes.get(end).is_none_or(|&c| c == SPACE), WHOLE)
}

/// The rank of a one-letter pinyin query that is the initial of some character (known
/// from a mask, without a scan): best when it is the title's first character.
pub(super) fn initial_letter_rank(title_starts_with_it: bool) -> i64 {
    CONTIGUOUS + flag(title_starts_with_it, INITIAL + IN_TITLE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    const TITLE: &str = "深化人民调解";

    /// `title number units deadline measures`, as a document's text.
    fn text_of(deadline: &str, measures: &str) -> String {
        format!("{TITLE} 3 司法所 {deadline} {measures}")
    }

    #[rstest]
    #[case::title_start("深化", CONTIGUOUS + INITIAL + IN_TITLE)]
    #[case::title_end("调解", CONTIGUOUS + IN_TITLE + WHOLE)]
    #[case::unit_whole("司法所", CONTIGUOUS + INITIAL + WHOLE)]
    #[case::deadline_whole("长期", CONTIGUOUS + INITIAL + WHOLE)]
    #[case::measures_inside("银行", CONTIGUOUS)]
    #[case::scattered("深调", 0)]
    #[case::two_words("人民 银行", CONTIGUOUS + IN_TITLE)]
    #[case::after_punctuation("网点", CONTIGUOUS + WHOLE)]
    fn text_ranks(#[case] query: &str, #[case] expected: i64) {
        let text = text_of("长期", "协调银行,网点");
        assert_eq!(
            text_rank(&text, TITLE.len(), &Prepared::new(query)),
            expected
        );
    }

    #[rstest]
    #[case::deadline_initials("cq", CONTIGUOUS + INITIAL + WHOLE)]
    #[case::title_inside("tj", CONTIGUOUS + IN_TITLE + WHOLE)]
    #[case::title_start_full("shenhua", CONTIGUOUS + INITIAL + IN_TITLE)]
    fn pinyin_ranks(#[case] query: &str, #[case] expected: i64) {
        let mut table = ReadingTable::new();
        let name = format!("{TITLE} 长期");
        let codes = table.encode(&name);
        let found = best_pinyin(&table, &codes, query.as_bytes()).expect("matches");
        assert_eq!(pinyin_rank(&codes, TITLE.chars().count(), found), expected);
    }

    #[test]
    fn a_match_at_a_word_start_is_preferred_to_an_earlier_one() {
        let mut table = ReadingTable::new();
        // 促进长期 (title, cq inside) comes before 长期 (the deadline, cq at its start).
        let codes = table.encode("促进长期 长期");
        assert_eq!(best_pinyin(&table, &codes, b"cq"), Some((5, 7)));
        let text = "促进长期 长期";
        assert_eq!(best_occurrence(text, "长期", false), Some(13));
    }
}
