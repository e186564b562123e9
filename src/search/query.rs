//! A query prepared once per keystroke, and the cheap tests that rule documents out.

use super::readings::letter_bit;

/// One bit per ASCII letter/digit (exact), the other 92 bits hashed from other characters,
/// so an ASCII query rules out Chinese-only text at once.
pub(super) fn char_bits(c: char) -> u128 {
    let lower = c.to_ascii_lowercase();
    match lower {
        'a'..='z' => 1 << (lower as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + lower as u32 - '0' as u32),
        _ => {
            // Han characters have no case: skip the case tables for them.
            let c = if ('\u{4e00}'..='\u{9fff}').contains(&c) {
                c as u32
            } else {
                c.to_lowercase().next().unwrap_or(c) as u32
            };
            1u128 << (36 + (c.wrapping_mul(0x9E37_79B9) >> 16) % 92)
        }
    }
}

pub(super) fn mask_of(s: &str) -> u128 {
    s.chars().fold(0, |m, c| m | char_bits(c))
}

/// Whether the query's characters occur in `text` in order (ASCII case-insensitively):
/// exactly when SkimMatcherV2 finds a match.
pub(super) fn is_subsequence(text: &str, query: &[char]) -> bool {
    // Smart case, as the matcher: an upper-case letter in the query makes it exact.
    let exact = query.iter().any(|c| c.is_uppercase());
    let mut rest = query.iter().peekable();
    for c in text.chars() {
        match rest.peek() {
            None => return true,
            Some(&&q) if q == c || (!exact && q == c.to_ascii_lowercase()) => {
                rest.next();
            }
            Some(_) => {}
        }
    }
    rest.peek().is_none()
}

/// A pinyin match scores like a good fuzzy match of the same length, better at the start.
pub(super) fn pinyin_score(query_len: usize, start: usize, end: usize) -> i64 {
    let span = (end - start) as i64;
    let at_start = if start == 0 { 24 } else { 0 };
    18 * query_len as i64 + at_start + 16 - span.min(16)
}

/// A query prepared once per keystroke.
pub(super) struct Prepared {
    pub(super) text: String,
    /// The query's non-space characters; lower-case when the query is (smart case).
    pub(super) chars: Vec<char>,
    pub(super) text_mask: u128,
    pub(super) pinyin: Option<Vec<u8>>,
    pub(super) pinyin_mask: u64,
}

impl Prepared {
    pub(super) fn new(query: &str) -> Self {
        let compact: String = query.chars().filter(|c| !c.is_whitespace()).collect();
        let pinyin = (!compact.is_empty()
            && compact.len() <= 63
            && compact.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| compact.to_ascii_lowercase().into_bytes());
        let pinyin_mask = pinyin
            .as_ref()
            .map_or(0, |p| p.iter().fold(0, |m, &b| m | letter_bit(b)));
        Prepared {
            chars: query.chars().collect(),
            text_mask: mask_of(query),
            text: query.to_string(),
            pinyin,
            pinyin_mask,
        }
    }
}
