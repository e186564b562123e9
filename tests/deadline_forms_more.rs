//! Deadline forms real ledgers use beyond the seeds: the product decisions of
//! `tests/fixtures/deadline-cases-more.tsv`, read exactly, and further phrases of the same kinds.

mod deadline_table;

use duban::domain::deadline::{Recurrence, final_due, parse};
use rstest::rstest;

#[test]
fn every_row_of_the_more_cases_file_reads_exactly() {
    deadline_table::check_every_row("deadline-cases-more.tsv", 11, true);
}

/// Further dated phrases of the new kinds: (text, base year, due), each noted.
#[rstest]
#[case("国庆节前完成验收", 2024, "2024-09-30")]
#[case("元旦前", 2025, "2024-12-31")]
#[case("元宵节前完成摸排", 2025, "2025-02-11")]
#[case("端午前", 2025, "2025-05-30")]
#[case("中秋节之前", 2023, "2023-09-28")]
#[case("五一劳动节前完成", 2026, "2026-04-30")]
#[case("春节以前走访到位", 2026, "2026-02-16")]
#[case("年中前完成中期评估", 2025, "2025-06-30")]
#[case("三年内全面完成", 2024, "2026-12-31")]
#[case("1年内完成", 2023, "2023-12-31")]
fn new_dated_forms_are_dated_and_noted(#[case] text: &str, #[case] year: i32, #[case] due: &str) {
    let s = parse(text, year);
    assert_eq!(s.kind.word(), "dated", "{text}: {s:?}");
    assert_eq!(
        final_due(&s).map(|d| d.to_string()).as_deref(),
        Some(due),
        "{text}"
    );
    assert_eq!(
        s.milestones[0].label, text,
        "{text}: the words are the label"
    );
    assert!(!s.notes.is_empty(), "{text}: the reading must be noted");
}

/// Year ranges with any dash read as the last year's end, without a start.
#[rstest]
#[case("2025—2027年", "2027-12-31")]
#[case("2024~2025年完成", "2025-12-31")]
#[case("2023至2024年", "2024-12-31")]
#[case("2024－2026年", "2026-12-31")]
fn year_ranges_with_any_dash(#[case] text: &str, #[case] due: &str) {
    let s = parse(text, 2024);
    assert_eq!(s.kind.word(), "dated", "{text}: {s:?}");
    assert_eq!(s.milestones.len(), 1, "{text}");
    assert_eq!(s.milestones[0].due.to_string(), due, "{text}");
    assert_eq!(s.milestones[0].start, None, "{text}");
}

/// Event-relative, conditional and named-period texts are external and say why.
#[rstest]
#[case("接到交办单之日起5个工作日内办结", "工作日")]
#[case("案件办结后15日内", "自然日")]
#[case("收到后30天之内反馈", "自然日")]
#[case("7天内", "自然日")]
#[case("视省厅部署情况而定", "视情况")]
#[case("巡察期间", "期间")]
#[case("全国两会期间完成", "期间")]
fn undated_forms_are_external_and_noted(#[case] text: &str, #[case] word: &str) {
    let s = parse(text, 2024);
    assert_eq!(s.kind.word(), "external", "{text}: {s:?}");
    assert!(final_due(&s).is_none(), "{text}: never guessed as a date");
    assert!(
        s.notes.iter().any(|n| n.contains(word)),
        "{text}: {:?}",
        s.notes
    );
}

#[rstest]
#[case("立行立改")]
#[case("立行立改,长期坚持")]
#[case("即知即改")]
fn immediate_is_ongoing_with_a_note(#[case] text: &str) {
    let s = parse(text, 2024);
    assert_eq!(s.kind.word(), "ongoing", "{text}: {s:?}");
    assert!(s.notes.iter().any(|n| n.contains("立即")), "{:?}", s.notes);
}

/// Half-monthly and half-yearly rules, and a start followed by a recurrence.
#[rstest]
#[case("每半个月报送一次", Recurrence::HalfMonthly)]
#[case("每半月", Recurrence::HalfMonthly)]
#[case("每半年报告一次", Recurrence::HalfYearly)]
#[case("2024年起每年3月底前报送", Recurrence::Yearly { month: 3, day: None })]
#[case("7月1日开始,每季度报送", Recurrence::Quarterly)]
fn recurrences_govern(#[case] text: &str, #[case] rule: Recurrence) {
    let s = parse(text, 2024);
    assert_eq!(s.kind.word(), "recurring", "{text}: {s:?}");
    assert_eq!(s.recurrence, Some(rule), "{text}");
}

#[test]
fn a_start_followed_by_an_end_is_dated_by_the_end() {
    let s = parse("2024年3月1日起实施,6月底前完成", 2024);
    assert_eq!(s.kind.word(), "dated", "{s:?}");
    assert_eq!(
        final_due(&s).map(|d| d.to_string()).as_deref(),
        Some("2024-06-30")
    );
    assert!(
        s.notes.iter().any(|n| n.contains("开始日期")),
        "{:?}",
        s.notes
    );
    // A start alone is still ongoing.
    assert_eq!(parse("5月1日起", 2024).kind.word(), "ongoing");
}

#[test]
fn half_monthly_next_occurrence_is_the_15th_or_the_month_end() {
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    let rule = Recurrence::HalfMonthly;
    assert_eq!(rule.next_on_or_after(d("2024-06-01")), d("2024-06-15"));
    assert_eq!(rule.next_on_or_after(d("2024-06-16")), d("2024-06-30"));
    assert_eq!(rule.next_on_or_after(d("2024-02-16")), d("2024-02-29"));
    assert_eq!(rule.next_on_or_after(d("2024-12-31")), d("2024-12-31"));
}

/// Whole-year wording: 年度内 / 本年度内 / 2025年度末 = the year end.
#[rstest]
#[case("本年度内完成", 2024, "2024-12-31", "完成")]
#[case("年度内", 2025, "2025-12-31", "")]
#[case("2025年度末前完成评估", 2024, "2025-12-31", "完成评估")]
fn whole_year_wording(
    #[case] text: &str,
    #[case] year: i32,
    #[case] due: &str,
    #[case] label: &str,
) {
    let s = parse(text, year);
    assert_eq!(s.kind.word(), "dated", "{text}: {s:?}");
    assert_eq!(s.milestones[0].due.to_string(), due, "{text}");
    assert_eq!(s.milestones[0].label, label, "{text}");
}

#[test]
fn around_a_festival_is_not_a_deadline_before_it() {
    assert_ne!(parse("春节前后走访", 2024).kind.word(), "dated");
}

#[test]
fn a_festival_outside_the_table_is_unparsed_with_a_reason() {
    let s = parse("春节前", 2040);
    assert_eq!(s.kind.word(), "unparsed", "{s:?}");
    assert!(
        s.notes.iter().any(|n| n.contains("内置表")),
        "{:?}",
        s.notes
    );
}
