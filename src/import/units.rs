//! Splitting a units cell (`公共法律服务科、市法律援助中心 秘书科`) into unit names.
//!
//! The source tables abbreviate shared parts of unit names; three small rules restore them:
//! - an ordinal continuation is joined back: `行政复议与应诉一、二科` is one unit;
//! - bare place names take the suffix of the next full name: `游仙区、安州区司法局` →
//!   游仙区司法局, 安州区司法局;
//! - a bare office ending in 处 takes the prefix of the name before it: `市局监查处、党群处` →
//!   市局监查处, 市局党群处; `安州区司法局、公证处` → 安州区司法局, 安州区公证处.

const SEPARATORS: &[char] = &['、', ',', '\u{ff0c}', ';', '\u{ff1b}', '/', '\u{ff0f}'];
const NUMERALS: &str = "一二三四五六七八九十";
const ORGAN_ENDINGS: &[&str] = &["局", "处", "所", "科", "中心", "会", "室", "办", "院"];

/// Split a units cell into unit names, in order, without duplicates or empty parts.
pub fn split_units(cell: &str) -> Vec<String> {
    let mut raw: Vec<String> = Vec::new();
    for part in cell.split(|c: char| c.is_whitespace() || SEPARATORS.contains(&c)) {
        raw.extend(split_on_and(part.trim()));
    }
    let mut joined: Vec<String> = Vec::new();
    for part in raw.into_iter().filter(|p| !p.is_empty()) {
        match joined.last_mut() {
            Some(prev) if is_ordinal_continuation(prev, &part) => {
                prev.push('、');
                prev.push_str(&part);
            }
            _ => joined.push(part),
        }
    }
    let suffixed = give_bare_places_their_suffix(joined);
    let mut out: Vec<String> = Vec::new();
    for part in suffixed {
        let full = match out.last().and_then(|prev| place_prefix(prev)) {
            Some(prefix) if is_bare_office(&part) => format!("{prefix}{part}"),
            _ => part,
        };
        if !out.contains(&full) {
            out.push(full);
        }
    }
    out
}

/// `三台县司法局及公证处` → `三台县司法局`, `公证处` (only after a complete organ name).
fn split_on_and(part: &str) -> Vec<String> {
    if let Some((left, right)) = part.split_once('及')
        && ORGAN_ENDINGS.iter().any(|e| left.ends_with(e))
        && !right.is_empty()
    {
        return vec![left.to_string(), right.to_string()];
    }
    vec![part.to_string()]
}

/// `二科` after `行政复议与应诉一`: the previous name was cut at an ordinal list.
fn is_ordinal_continuation(prev: &str, part: &str) -> bool {
    let ends_with_numeral = prev.chars().last().is_some_and(|c| NUMERALS.contains(c));
    let starts_with_numeral = part.chars().next().is_some_and(|c| NUMERALS.contains(c));
    ends_with_numeral && starts_with_numeral && part.chars().count() <= 3
}

/// The place (or `市局`) a unit name starts with, when the name goes on after it.
fn place_prefix(name: &str) -> Option<String> {
    if name.starts_with("市局") && name.chars().count() > 2 {
        return Some("市局".to_string());
    }
    if name.starts_with(['全', '各', '省', '市']) {
        return None;
    }
    let chars: Vec<char> = name.chars().collect();
    let end = (1..chars.len().min(5)).find(|&i| matches!(chars[i], '区' | '县' | '市'))?;
    (end + 1 < chars.len()).then(|| chars[..=end].iter().collect())
}

/// A name that is only a place (`涪城区`), waiting for the suffix of a later name.
fn is_bare_place(name: &str) -> bool {
    let n = name.chars().count();
    (2..=5).contains(&n)
        && name.ends_with(['区', '县', '市'])
        && !name.starts_with(['全', '各'])
        && place_prefix(name).is_none()
}

/// A short office name ending in 处 with no place of its own (`公证处`, `党群处`, `复议受理处`).
fn is_bare_office(name: &str) -> bool {
    name.ends_with('处')
        && name.chars().count() <= 6
        && place_prefix(name).is_none()
        && !name.starts_with(['全', '各', '省', '市'])
}

fn give_bare_places_their_suffix(parts: Vec<String>) -> Vec<String> {
    let mut out = parts.clone();
    for i in 0..parts.len() {
        if !is_bare_place(&parts[i]) {
            continue;
        }
        // Only the run of bare places right before a full name shares its suffix.
        let suffix = parts[i + 1..]
            .iter()
            .find(|later| !is_bare_place(later))
            .and_then(|full| place_prefix(full).map(|prefix| full[prefix.len()..].to_string()));
        if let Some(suffix) = suffix.filter(|s| !s.is_empty()) {
            out[i] = format!("{}{suffix}", parts[i]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("机关党办", &["机关党办"])]
    #[case("秘书科 法治调研科", &["秘书科", "法治调研科"])]
    #[case("行政复议与应诉一、二科", &["行政复议与应诉一、二科"])]
    #[case("行政复议与应诉一、二科 三台县司法局、", &["行政复议与应诉一、二科", "三台县司法局"])]
    #[case("社区矫正管理科、信息科,游仙区、安州区司法局", &["社区矫正管理科", "信息科", "游仙区司法局", "安州区司法局"])]
    #[case(
        "公共法律服务管理科,涪城区、江油市、梓潼县、三台县司法局,高新区司法所",
        &["公共法律服务管理科", "涪城区司法局", "江油市司法局", "梓潼县司法局", "三台县司法局", "高新区司法所"]
    )]
    #[case(
        "公共法律服务管理科,安州区司法局、公证处,梓潼县司法局、公证处",
        &["公共法律服务管理科", "安州区司法局", "安州区公证处", "梓潼县司法局", "梓潼县公证处"]
    )]
    #[case("公共法律服务管理科 三台县司法局及公证处", &["公共法律服务管理科", "三台县司法局", "三台县公证处"])]
    #[case("市局监查处、党群处", &["市局监查处", "市局党群处"])]
    #[case("市局办公室、立法一处、立法二处", &["市局办公室", "市局立法一处", "市局立法二处"])]
    #[case("人民参与和促进法治科 仲裁委秘书处", &["人民参与和促进法治科", "仲裁委秘书处"])]
    #[case("公共法律服务管理科 绵州公证处", &["公共法律服务管理科", "绵州公证处"])]
    #[case("全市各社区矫正机构", &["全市各社区矫正机构"])]
    #[case("", &[])]
    #[case("、 ,", &[])]
    fn units_are_split(#[case] cell: &str, #[case] expected: &[&str]) {
        assert_eq!(split_units(cell), expected);
    }
}
