//! Character normalisation and number reading (Arabic, full-width and Chinese numerals).

/// Normalise a deadline text char by char (the length in chars never changes):
/// full-width ASCII → half-width, every dash/tilde → `-`, full-width space and tabs → space,
/// Chinese punctuation that separates phases → its ASCII twin.
pub(crate) fn normalize(text: &str) -> Vec<char> {
    text.chars().map(normalize_char).collect()
}

fn normalize_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => {
            let half = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            normalize_char(half)
        }
        '\u{3000}' | '\t' | '\r' | '\n' | '\u{00A0}' => ' ',
        '~' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{301C}' => '-',
        _ => c,
    }
}

/// The value of one Chinese digit character (`〇零一二两三四五六七八九`).
pub(crate) fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || c == '十' || c == '百'
}

/// Read a number starting at `i`: ASCII digits, or a run of Chinese numerals
/// (`十二`, `三十一`, `二〇二三`). Returns the value (saturating) and the index after it.
pub(crate) fn read_number(s: &[char], i: usize) -> Option<(u32, usize)> {
    let first = *s.get(i)?;
    if first.is_ascii_digit() {
        let mut j = i;
        let mut value: u32 = 0;
        while let Some(c) = s.get(j).filter(|c| c.is_ascii_digit()) {
            value = value
                .saturating_mul(10)
                .saturating_add(c.to_digit(10).unwrap_or(0));
            j += 1;
        }
        return Some((value, j));
    }
    if !is_chinese_numeral(first) {
        return None;
    }
    let mut j = i;
    while s.get(j).is_some_and(|c| is_chinese_numeral(*c)) {
        j += 1;
    }
    chinese_value(&s[i..j]).map(|v| (v, j))
}

/// The value of a run of Chinese numerals: positional when it has no `十`/`百`
/// (`二〇二三` = 2023), otherwise compositional (`三十一` = 31, `十一` = 11).
fn chinese_value(run: &[char]) -> Option<u32> {
    if run.is_empty() {
        return None;
    }
    if !run.iter().any(|c| *c == '十' || *c == '百') {
        return run.iter().try_fold(0u32, |acc, c| {
            Some(acc.saturating_mul(10).saturating_add(chinese_digit(*c)?))
        });
    }
    let mut total: u32 = 0;
    let mut current: Option<u32> = None;
    for c in run {
        match *c {
            '十' => {
                total = total.saturating_add(current.unwrap_or(1).saturating_mul(10));
                current = None;
            }
            '百' => {
                total = total.saturating_add(current.unwrap_or(1).saturating_mul(100));
                current = None;
            }
            d => {
                let digit = chinese_digit(d)?;
                current = Some(
                    current
                        .unwrap_or(0)
                        .saturating_mul(10)
                        .saturating_add(digit),
                );
            }
        }
    }
    Some(total.saturating_add(current.unwrap_or(0)))
}

/// Read the measure list of a `第…项` prefix body (`一二三五` → 1,2,3,5; `十二` → 12;
/// `1、2、3` → 1,2,3; `1-3` → 1,2,3). Returns `None` when it is not a measure list.
pub(crate) fn read_measures(body: &[char]) -> Option<Vec<u32>> {
    if body.is_empty() {
        return None;
    }
    let is_sep = |c: char| matches!(c, '、' | ',' | '和' | '及');
    let mut measures = Vec::new();
    let mut i = 0;
    while i < body.len() {
        if is_sep(body[i]) {
            i += 1;
            continue;
        }
        let (value, end) = read_number(body, i)?;
        let run = &body[i..end];
        let chinese_digits_only = run.iter().all(|c| chinese_digit(*c).is_some());
        if chinese_digits_only && run.len() > 1 {
            measures.extend(run.iter().filter_map(|c| chinese_digit(*c)));
        } else if body.get(end) == Some(&'-') || body.get(end) == Some(&'至') {
            let (to, after) = read_number(body, end + 1)?;
            if to < value || to - value > 50 {
                return None;
            }
            measures.extend(value..=to);
            i = after;
            continue;
        } else {
            measures.push(value);
        }
        i = end;
    }
    if measures.is_empty() || measures.contains(&0) {
        return None;
    }
    Some(measures)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn num(text: &str) -> Option<u32> {
        let s: Vec<char> = text.chars().collect();
        read_number(&s, 0).map(|(v, _)| v)
    }

    #[rstest]
    #[case("12", 12)]
    #[case("一", 1)]
    #[case("十", 10)]
    #[case("十一", 11)]
    #[case("十二", 12)]
    #[case("二十", 20)]
    #[case("三十一", 31)]
    #[case("两", 2)]
    #[case("二〇二三", 2023)]
    #[case("二零二四", 2024)]
    #[case("一百零五", 105)]
    fn reads_numbers(#[case] text: &str, #[case] value: u32) {
        assert_eq!(num(text), Some(value), "{text}");
    }

    #[test]
    fn huge_digit_runs_saturate() {
        assert_eq!(num("99999999999999999999"), Some(u32::MAX));
    }

    #[test]
    fn normalizes_full_width() {
        let s: String = normalize("5月底前~").into_iter().collect();
        assert_eq!(s, "5月底前-");
    }

    #[rstest]
    #[case("一二三五", vec![1, 2, 3, 5])]
    #[case("十二", vec![12])]
    #[case("1、2、3", vec![1, 2, 3])]
    #[case("1-3", vec![1, 2, 3])]
    #[case("四", vec![4])]
    fn reads_measure_lists(#[case] body: &str, #[case] expected: Vec<u32>) {
        let s: Vec<char> = body.chars().collect();
        assert_eq!(read_measures(&s), Some(expected));
    }
}
