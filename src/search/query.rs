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

/// Whether the query's characters occur in `text` in order (ASCII case-insensitively
/// unless `exact`): exactly when SkimMatcherV2 finds a match. Each character is looked
/// for with `str::find` (a memchr scan) rather than by decoding the text.
pub(super) fn is_subsequence(text: &str, query: &[char], exact: bool) -> bool {
    let mut at = 0;
    for &q in query {
        let rest = &text[at..];
        let found = if !exact && q.is_ascii_lowercase() {
            let (lower, upper) = (q as u8, q.to_ascii_uppercase() as u8);
            rest.bytes().position(|b| b == lower || b == upper)
        } else {
            rest.find(q)
        };
        match found {
            // `at` stays on a character boundary: it moves past a whole character.
            Some(i) => at += i + q.len_utf8(),
            None => return false,
        }
    }
    true
}

/// The byte offsets where `needle` (not empty) occurs in `text`, ASCII case-insensitively
/// unless `exact` (`needle` is lower-case then), overlapping occurrences included.
pub(super) fn occurrences<'t>(text: &'t str, needle: &'t str, exact: bool) -> Occurrences<'t> {
    Occurrences {
        text,
        needle,
        fold: !exact && needle.bytes().any(|b| b.is_ascii_lowercase()),
        from: 0,
    }
}

/// The iterator of [`occurrences`].
pub(super) struct Occurrences<'t> {
    text: &'t str,
    needle: &'t str,
    /// Compare ASCII letters case-insensitively.
    fold: bool,
    /// Where to look next (a character boundary).
    from: usize,
}

impl Iterator for Occurrences<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let first = self.needle.chars().next()?;
        let rest = self.text.get(self.from..)?;
        let at = self.from
            + if self.fold {
                find_folded(rest, self.needle)?
            } else {
                rest.find(self.needle)?
            };
        self.from = at + first.len_utf8();
        Some(at)
    }
}

/// The first offset of lower-case `needle` in `hay`, ASCII letters of `hay` folded. An
/// offset found is a character boundary: the needle starts with an ASCII byte or a
/// UTF-8 leading byte, which never matches inside a character.
fn find_folded(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let last = hay.len().checked_sub(needle.len())?;
    (0..=last).find(|&at| {
        hay[at..at + needle.len()]
            .iter()
            .zip(needle)
            .all(|(h, n)| h.to_ascii_lowercase() == *n)
    })
}

/// A query prepared once per keystroke.
pub(super) struct Prepared {
    /// The query, trimmed.
    pub(super) text: String,
    /// The query as matched against text: lower-case unless it has an upper-case letter
    /// (smart case, as SkimMatcherV2).
    pub(super) folded: String,
    /// The query's characters (as `folded`).
    pub(super) chars: Vec<char>,
    /// Whether case matters (the query has an upper-case letter).
    pub(super) exact: bool,
    /// Whether the query has a character other than ASCII (Chinese): its scattered
    /// matches are shown only when no document matches it contiguously.
    pub(super) wide: bool,
    pub(super) text_mask: u128,
    pub(super) pinyin: Option<Vec<u8>>,
    pub(super) pinyin_mask: u64,
}

impl Prepared {
    pub(super) fn new(query: &str) -> Self {
        let query = query.trim();
        let compact: String = query.chars().filter(|c| !c.is_whitespace()).collect();
        let pinyin = (!compact.is_empty()
            && compact.len() <= 63
            && compact.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| compact.to_ascii_lowercase().into_bytes());
        let pinyin_mask = pinyin
            .as_ref()
            .map_or(0, |p| p.iter().fold(0, |m, &b| m | letter_bit(b)));
        let exact = query.chars().any(char::is_uppercase);
        let folded = if exact {
            query.to_string()
        } else {
            query.to_ascii_lowercase()
        };
        Prepared {
            chars: folded.chars().collect(),
            text_mask: mask_of(query),
            text: query.to_string(),
            folded,
            exact,
            wide: !query.is_ascii(),
            pinyin,
            pinyin_mask,
        }
    }

    /// The query's words (split at white space), as matched against text.
    pub(super) fn words(&self) -> impl Iterator<Item = &str> {
        self.folded.split_whitespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_fold_ascii_case_only_when_asked() {
        let found = |t, n, exact| occurrences(t, n, exact).collect::<Vec<_>>();
        assert_eq!(found("Smart court", "c", false), vec![6]);
        assert_eq!(found("Smart Court", "court", false), vec![6]);
        assert_eq!(found("Smart Court", "court", true), Vec::<usize>::new());
        assert_eq!(found("协调 调解", "调", false), vec![3, 7]);
        assert_eq!(found("调", "调解", false), Vec::<usize>::new());
        assert_eq!(found("aaa", "aa", false), vec![0, 1]);
    }

    #[test]
    fn subsequences_fold_ascii_case_only_when_asked() {
        let chars = |q: &str| q.chars().collect::<Vec<_>>();
        assert!(is_subsequence("Smart Court", &chars("sc"), false));
        assert!(!is_subsequence("Smart Court", &chars("sc"), true));
        assert!(is_subsequence("协调各方解决", &chars("调解"), false));
        assert!(!is_subsequence("协调各方解决", &chars("解调"), false));
        assert!(is_subsequence("", &[], false));
    }
}
