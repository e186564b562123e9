//! Recurring rules: `每周`, `每月5日前`, `每季度`, `每半年`, `每年10月底前`.

use super::expr::{eat_any, skip_before};
use super::numerals::read_number;
use super::schedule::{Recurrence, days_in};

/// After `每`: 每周 / 每月[N日|底][前] / 每季度 / 每半年 / 每年[N月[N日|底]][前].
pub(crate) fn recurring(s: &[char], i: usize) -> Option<(Recurrence, Option<String>, usize)> {
    if let Some(end) = eat_any(s, i, &["周", "星期"]) {
        return Some((Recurrence::Weekly, None, end));
    }
    if let Some(j) = eat_any(s, i, &["月"]) {
        let (day, end) = day_or_end(s, j);
        if day.is_some_and(|d| !(1..=31).contains(&d)) {
            return None;
        }
        return Some((Recurrence::Monthly { day }, None, end));
    }
    if let Some(j) = eat_any(s, i, &["季度", "季"]) {
        let j = eat_any(s, j, &["末", "底"]).unwrap_or(j);
        return Some((Recurrence::Quarterly, None, skip_before(s, j).0));
    }
    if let Some(end) = eat_any(s, i, &["半年"]) {
        let note = "“每半年”按每年6月30日、12月31日前理解".to_string();
        return Some((Recurrence::HalfYearly, Some(note), skip_before(s, end).0));
    }
    if let Some(end) = eat_any(s, i, &["半月", "半个月"]) {
        let note = "“每半月”按每月15日和月底前理解".to_string();
        return Some((Recurrence::HalfMonthly, Some(note), skip_before(s, end).0));
    }
    let j = eat_any(s, i, &["年度", "年"])?;
    if let Some((month, k)) = read_number(s, j)
        && s.get(k) == Some(&'月')
        && (1..=12).contains(&month)
    {
        let (day, end) = day_or_end(s, k + 1);
        let valid = day.is_none_or(|d| (1..=days_in(2024, month)).contains(&d));
        if !valid {
            return None;
        }
        return Some((Recurrence::Yearly { month, day }, None, end));
    }
    let (end, _) = skip_before(s, eat_any(s, j, &["底", "末"]).unwrap_or(j));
    let note = "“每年”未指明日期,按每年12月31日前理解".to_string();
    Some((
        Recurrence::Yearly {
            month: 12,
            day: None,
        },
        Some(note),
        end,
    ))
}

/// `N日`/`N号` → `Some(N)`, `底`/`末`/nothing → `None` (month end); then an optional `前`.
fn day_or_end(s: &[char], i: usize) -> (Option<u32>, usize) {
    if let Some((d, j)) = read_number(s, i)
        && let Some(end) = eat_any(s, j, &["日", "号"])
    {
        return (Some(d), skip_before(s, end).0);
    }
    let j = eat_any(s, i, &["底", "末"]).unwrap_or(i);
    (None, skip_before(s, j).0)
}
