//! Reading a date typed into a form: `2024-06-03`, `2024/6/3`, `2024.6.3`,
//! `2024年6月3日`, without a year (`6-3`, `6月3日`: this year), or 今天 / 昨天 / 前天.

use chrono::{Datelike, NaiveDate};

/// Read a typed date; a date that does not exist or text that is not a date is refused
/// with a message saying what was typed and how to write it.
pub fn parse_date(typed: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let t = typed.trim();
    if t.is_empty() {
        return Err("请填写日期,例如 2024-06-03".to_string());
    }
    let back = match t {
        "今天" => Some(0),
        "昨天" => Some(1),
        "前天" => Some(2),
        _ => None,
    };
    if let Some(days) = back {
        return today
            .checked_sub_days(chrono::Days::new(days))
            .ok_or_else(|| format!("日期“{t}”超出范围"));
    }
    let numbers: Vec<&str> = t
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let parsed: Option<Vec<u32>> = numbers.iter().map(|p| p.trim().parse().ok()).collect();
    let (y, m, d) = match parsed.as_deref() {
        Some([y, m, d]) => (*y as i32, *m, *d),
        Some([m, d]) => (today.year(), *m, *d),
        _ => {
            return Err(format!("无法识别日期“{t}”,请按 2024-06-03 的格式填写"));
        }
    };
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("日期 {y}年{m}月{d}日 不存在"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 6, 3).expect("valid")
    }

    #[rstest]
    #[case("2024-06-03", 2024, 6, 3)]
    #[case(" 2024/6/1 ", 2024, 6, 1)]
    #[case("2023.12.31", 2023, 12, 31)]
    #[case("2024年2月29日", 2024, 2, 29)]
    #[case("5-20", 2024, 5, 20)]
    #[case("5月20日", 2024, 5, 20)]
    #[case("今天", 2024, 6, 3)]
    #[case("昨天", 2024, 6, 2)]
    fn reads_common_forms(#[case] typed: &str, #[case] y: i32, #[case] m: u32, #[case] d: u32) {
        assert_eq!(
            parse_date(typed, today()),
            NaiveDate::from_ymd_opt(y, m, d).ok_or_else(String::new)
        );
    }

    #[rstest]
    #[case("2023-02-29", "日期 2023年2月29日 不存在")]
    #[case("2024-13-01", "日期 2024年13月1日 不存在")]
    #[case("明天", "无法识别日期“明天”,请按 2024-06-03 的格式填写")]
    #[case("", "请填写日期,例如 2024-06-03")]
    #[case("2024", "无法识别日期“2024”,请按 2024-06-03 的格式填写")]
    fn refuses_dates_that_do_not_exist(#[case] typed: &str, #[case] message: &str) {
        assert_eq!(parse_date(typed, today()), Err(message.to_string()));
    }
}
