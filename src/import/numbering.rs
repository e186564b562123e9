//! Printed item numbers (`12.`, `32《`) and cells repeated by the extraction of merged cells.

/// Characters that, right after a bare number, show the digits are a quantity, not an item number.
const QUANTITY_AFTER: &str = "年月日号个项次名人件元万亿期届批家所处科条%%‰.-~~至到余多";

/// Split a leading item number off a task text: `12.建立…` → `("12", "建立…")`,
/// `32《…》` → `("32", "《…》")`. Accepts 1–3 digits followed by `.`/`.`/`、`, or directly
/// followed by text that does not make the digits a quantity (`3名`, `2023年`).
/// Returns `None` when the text does not start with an item number.
pub fn split_item_number(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start();
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let rest = &text[digits.len()..];
    let mut chars = rest.chars();
    let next = chars.next()?;
    let number = digits.trim_start_matches('0');
    let number = if number.is_empty() { "0" } else { number }.to_string();
    if matches!(next, '.' | '\u{ff0e}' | '、') {
        let after = chars.as_str();
        // `1.5倍` is a quantity, not item 1.
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        return Some((number, after.trim_start()));
    }
    if next.is_ascii_alphanumeric() || next.is_whitespace() || QUANTITY_AFTER.contains(next) {
        return None;
    }
    Some((number, rest.trim_start()))
}

/// When a cell is the same text repeated (separated by whitespace), as the extraction
/// writes a merged multi-row cell, return the text once; otherwise `None`.
pub fn dedupe_repeats(cell: &str) -> Option<String> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    let n = words.len();
    for period in 1..=n / 2 {
        if !n.is_multiple_of(period) {
            continue;
        }
        if (period..n).all(|i| words[i] == words[i - period]) {
            return Some(words[..period].join(" "));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("12.建立制度", Some(("12", "建立制度")))]
    #[case("2.《关于加强…》", Some(("2", "《关于加强…》")))]
    #[case("32《绵阳市司法局固定资产管理制度》", Some(("32", "《绵阳市司法局固定资产管理制度》")))]
    #[case("32打造“物业纠纷身边调”", Some(("32", "打造“物业纠纷身边调”")))]
    #[case("13、开展", Some(("13", "开展")))]
    #[case("“法治+文创产品”", None)]
    #[case("2023年完成", None)]
    #[case("3名以上专职人民调解员", None)]
    #[case("12348热线", None)]
    #[case("1.5倍", None)]
    #[case("", None)]
    #[case("党的建设类", None)]
    fn item_numbers(#[case] text: &str, #[case] expected: Option<(&str, &str)>) {
        let got = split_item_number(text);
        assert_eq!(
            got.as_ref().map(|(n, r)| (n.as_str(), *r)),
            expected,
            "{text}"
        );
    }

    #[rstest]
    #[case("甲乙 甲乙 甲乙", Some("甲乙"))]
    #[case("a b a b", Some("a b"))]
    #[case("秘书科 法治调研科", None)]
    #[case("一句话", None)]
    #[case("", None)]
    fn repeats(#[case] cell: &str, #[case] expected: Option<&str>) {
        assert_eq!(dedupe_repeats(cell).as_deref(), expected);
    }
}
