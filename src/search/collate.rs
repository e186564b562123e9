//! Sorting Chinese names the way people look them up: by pinyin, not by code point
//! (安州 before 涪城 before 三台), for the unit lists of the interface.

use std::cmp::Ordering;

use pinyin::ToPinyin;

/// The sort key of a name: each character's plain pinyin (first reading) in lower case,
/// or the character itself in lower case when it has none, separated so that a
/// syllable never runs into the next (`xi an` ≠ `xian`).
pub fn pinyin_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len() * 3);
    for c in name.chars() {
        match c.to_pinyin() {
            Some(p) => key.push_str(p.plain()),
            None => key.extend(c.to_lowercase()),
        }
        key.push(' ');
    }
    key
}

/// Compare two names by pinyin, then by code point so that distinct names never tie.
pub fn pinyin_cmp(a: &str, b: &str) -> Ordering {
    pinyin_key(a).cmp(&pinyin_key(b)).then_with(|| a.cmp(b))
}

/// Sort names by pinyin (see [`pinyin_cmp`]).
pub fn sort_by_pinyin<S: AsRef<str>>(names: &mut [S]) {
    names.sort_by_cached_key(|n| (pinyin_key(n.as_ref()), n.as_ref().to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_sort_by_pinyin_not_code_point() {
        let mut units = vec![
            "三台县司法局",
            "涪城区司法局",
            "安州区司法局",
            "游仙区司法局",
            "梓潼县司法局",
        ];
        // Code point order would put 三 (U+4E09) first and 涪 (U+6DAA) near the end.
        sort_by_pinyin(&mut units);
        assert_eq!(
            units,
            vec![
                "安州区司法局",
                "涪城区司法局",
                "三台县司法局",
                "游仙区司法局",
                "梓潼县司法局"
            ]
        );
    }

    #[test]
    fn latin_and_chinese_mix_and_never_tie() {
        assert_eq!(pinyin_cmp("市局", "市局"), Ordering::Equal);
        assert_eq!(pinyin_cmp("西安", "先"), Ordering::Less); // "xi an" < "xian"
        assert_eq!(pinyin_cmp("A组", "办公室"), Ordering::Less);
    }
}
