//! Property tests: the deadline parser never panics, and dated schedules are consistent.

use chrono::{Datelike, NaiveDate};
use duban::domain::calendar::WorkCalendar;
use duban::domain::deadline::{
    Anchor, AnchorSource, MAX_TERM_DAYS, ScheduleKind, dated_from, explain, final_due, parse,
    to_json,
};
use proptest::prelude::*;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1900, 1, 1).expect("date");
    (0i64..109_500).prop_map(move |n| first + chrono::Duration::days(n))
}

const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// 2023 → 二〇二三.
fn chinese_year(y: i32) -> String {
    y.to_string()
        .chars()
        .map(|c| DIGITS[c.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

/// 1..=31 → 一 … 十 … 十一 … 二十 … 三十一.
fn chinese_small(n: u32) -> String {
    let (tens, ones) = (n / 10, n % 10);
    let mut out = String::new();
    if tens > 1 {
        out.push_str(DIGITS[tens as usize]);
    }
    if tens > 0 {
        out.push('十');
    }
    if ones > 0 {
        out.push_str(DIGITS[ones as usize]);
    }
    out
}

/// Pieces deadline texts are made of, including awkward ones.
const PIECES: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "9",
    "10",
    "12",
    "13",
    "20",
    "29",
    "30",
    "31",
    "99",
    "2023",
    "2024",
    "2025",
    "3000",
    "1899",
    "一",
    "二",
    "两",
    "三",
    "十",
    "十一",
    "十二",
    "二十",
    "三十一",
    "〇",
    "零",
    "百",
    "年",
    "月",
    "日",
    "号",
    "前",
    "底",
    "初",
    "末",
    "中旬",
    "上旬",
    "下旬",
    "-",
    "~",
    "至",
    "到",
    "—",
    "季度",
    "第",
    "项",
    "每",
    "周",
    "半年",
    "全年",
    "春节",
    "端午节",
    "中秋",
    "元宵",
    "国庆",
    "元旦",
    "五一劳动节",
    "节",
    "年中",
    "年内",
    "半月",
    "半年",
    "个工作日内",
    "个自然日内",
    "周内",
    "个星期内",
    "个月以内",
    "半个月内",
    "收到通知后",
    "问题反馈后",
    "即知即改",
    "马上就改",
    "立即整改",
    "日内",
    "天之内",
    "之日起",
    "视",
    "而定",
    "期间",
    "立行立改",
    "起",
    "开始",
    "年内",
    "上半年",
    "%",
    "(",
    ")",
    ";",
    ",",
    " ",
    "完成",
    "持续推进",
    "待",
    "出台后",
    "按省厅要求",
    ".",
    "/",
    "\u{FF15}",
    "\u{FF10}",
    "\u{FF0D}",
    "\u{FF5E}",
    "\u{FF1B}",
    "\u{FF0C}",
    "\u{3000}",
    "\u{FF05}",
];

/// Events a term counts from, as ledgers name them (or not at all).
const EVENT_WORDS: &[&str] = &[
    "",
    "问题反馈后",
    "收到通知之日起",
    "自交办之日起",
    "案件办结后",
    "接到投诉",
];
/// Units of a term.
const TERM_UNITS: &[&str] = &[
    "个工作日",
    "工作日",
    "日",
    "天",
    "个自然日",
    "周",
    "个星期",
    "个月",
];
/// What closes a term and what follows it.
const TERM_TAILS: &[&str] = &["内", "之内", "以内办结", "内完成整改"];

fn deadline_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..14).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_on_arbitrary_text(text in any::<String>(), base in any::<i32>()) {
        let s = parse(&text, base);
        let lines = explain(&s);
        prop_assert!(lines.iter().all(|l| !l.chars().any(char::is_control)), "{:?}", lines);
        let _ = to_json(&s);
    }

    #[test]
    fn never_panics_on_deadline_like_text(text in deadline_like(), base in 1890i32..2210) {
        let s = parse(&text, base);
        prop_assert_eq!(&s.text, &text);
        let lines = explain(&s);
        prop_assert!(!lines.is_empty() || s.kind == ScheduleKind::Recurring);
        let _ = to_json(&s);
    }

    #[test]
    fn terms_counted_from_any_event_date_never_panic_and_fall_on_or_after_it(
        text in deadline_like(),
        base in 1890i32..2210,
        event in any_date(),
        feedback in any::<bool>(),
    ) {
        let s = parse(&text, base);
        let anchor = Anchor {
            date: event,
            source: if feedback { AnchorSource::Feedback } else { AnchorSource::Item },
        };
        match dated_from(&s, anchor, &WorkCalendar::default()) {
            None => prop_assert!(s.relative.is_none(), "{}: {:?}", text, s),
            Some(dated) => {
                // A counted term alone becomes a dated reading; as one part of a plan it
                // keeps the plan's kind (长期 after its phases stays 长期), and a plan that
                // waited only on it is dated.
                if s.milestones.is_empty() {
                    prop_assert_eq!(dated.kind, ScheduleKind::Dated);
                } else if s.kind == ScheduleKind::External {
                    prop_assert!(dated.kind == ScheduleKind::Dated || dated.external.is_some());
                } else {
                    prop_assert_eq!(dated.kind, s.kind, "{}", text);
                }
                // The counted part becomes one more milestone; dated parts stay.
                prop_assert_eq!(dated.milestones.len(), s.milestones.len() + 1);
                let counted = dated.relative.as_ref().and_then(|t| t.due).expect("counted");
                prop_assert!(counted >= event, "{}: {} before {}", text, counted, event);
                prop_assert!(dated.milestones.iter().any(|m| m.due == counted));
                let due = final_due(&dated).expect("a date");
                prop_assert!(due >= counted);
                let lines = explain(&dated);
                prop_assert!(lines[0].contains(&due.to_string()), "{:?}", lines);
                prop_assert!(lines.iter().all(|l| !l.chars().any(char::is_control)));
                let _ = to_json(&dated);
            }
        }
    }

    #[test]
    fn composed_terms_read_and_date_without_panicking(
        event_words in prop::sample::select(EVENT_WORDS),
        count in 0u32..5000,
        chinese in any::<bool>(),
        unit in prop::sample::select(TERM_UNITS),
        tail in prop::sample::select(TERM_TAILS),
        event in any_date(),
    ) {
        let number = if chinese && (1..=31).contains(&count) {
            chinese_small(count)
        } else {
            count.to_string()
        };
        let text = format!("{event_words}{number}{unit}{tail}");
        let s = parse(&text, 2024);
        prop_assert_eq!(s.kind, ScheduleKind::External, "{}", text);
        // Ten years at most, whatever the unit: longer is a typo, not a term.
        let limit = match unit {
            "个月" => MAX_TERM_DAYS / 30,
            "周" | "个星期" => MAX_TERM_DAYS / 7,
            _ => MAX_TERM_DAYS,
        };
        if count > limit {
            prop_assert!(s.relative.is_none(), "{}: a typo, not a term", text);
            return Ok(());
        }
        let anchor = Anchor { date: event, source: AnchorSource::Item };
        let dated = dated_from(&s, anchor, &WorkCalendar::default());
        let dated = dated.expect("a countable term is dated");
        prop_assert!(final_due(&dated).is_some_and(|due| due >= event), "{}", text);
    }

    #[test]
    fn written_dates_read_back_exactly(date in any_date(), chinese in any::<bool>(), base in 1950i32..2150) {
        let (y, m, d) = (date.year(), date.month(), date.day());
        let text = if chinese {
            format!("{}年{}月{}日前完成", chinese_year(y), chinese_small(m), chinese_small(d))
        } else {
            format!("{y}年{m}月{d}日前完成")
        };
        let s = parse(&text, base);
        prop_assert_eq!(s.kind, ScheduleKind::Dated, "{}", text);
        prop_assert_eq!(s.due(), Some(date), "{}", text);
        prop_assert_eq!(s.milestones[0].label.as_str(), "完成");
        let iso = parse(&date.format("%Y-%m-%d").to_string(), base);
        prop_assert_eq!(iso.due(), Some(date));
    }

    #[test]
    fn dated_schedules_are_consistent(text in deadline_like(), base in 2000i32..2100) {
        let s = parse(&text, base);
        for m in &s.milestones {
            if let Some(start) = m.start {
                prop_assert!(start <= m.due, "{}: {:?}", text, m);
            }
        }
        if s.kind == ScheduleKind::Dated {
            prop_assert!(!s.milestones.is_empty());
            for m in &s.milestones {
                if let Some(start) = m.start {
                    prop_assert!(start <= m.due, "{}: {:?}", text, m);
                }
                prop_assert!(m.percent.is_none_or(|p| p <= 100));
            }
            let max = s.milestones.iter().map(|m| m.due).max();
            prop_assert_eq!(s.due(), max);
            prop_assert_eq!(final_due(&s), max);
        }
        if s.kind == ScheduleKind::Unparsed {
            prop_assert!(s.milestones.is_empty());
        }
    }
}
