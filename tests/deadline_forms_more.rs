//! Deadline forms real ledgers use beyond the seeds: the product decisions of
//! `tests/fixtures/deadline-cases-more.tsv`, read exactly, and further phrases of the same kinds.

mod deadline_table;

use chrono::Datelike;
use duban::domain::calendar::WorkCalendar;
use duban::domain::deadline::{
    Anchor, AnchorSource, Recurrence, dated_from, explain, final_due, parse,
};
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

fn day(text: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// `text` dated from an event on `event`, on the bundled holiday calendar.
fn dated_on(text: &str, year: i32, event: &str) -> duban::domain::deadline::Schedule {
    let anchor = Anchor {
        date: day(event),
        source: AnchorSource::Item,
    };
    dated_from(&parse(text, year), anchor, &WorkCalendar::default()).expect("dated")
}

/// Event-relative terms: external until the event is dated, then one dated milestone
/// counted in working days (holidays and 调休 counted) or calendar days as the text says;
/// the event day is not counted, and a calendar-day term ending on a rest day ends on the
/// next working day. The reading says how.
#[rstest]
#[case("问题反馈后10个工作日内", "2023-06-01", "2023-06-15", "10个工作日")]
// Across 端午 2023: 06-22..24 off, Sunday 06-25 worked.
#[case(
    "收到通知之日起5个工作日内办结",
    "2023-06-19",
    "2023-06-27",
    "5个工作日"
)]
// Across 国庆 2023: 09-29..10-06 off, 10-07 and 10-08 worked.
#[case("接到交办单后3个工作日内", "2023-09-28", "2023-10-09", "3个工作日")]
// Across 春节 2024: 02-10..17 off, Sunday 02-18 worked.
#[case("收到通知后二十个工作日内", "2024-02-05", "2024-03-08", "20个工作日")]
#[case("案件办结后15日内", "2023-06-01", "2023-06-16", "15日")]
// 06-24 is a holiday: moved to the 调休 Sunday 06-25.
#[case("收到后15日内办结", "2023-06-09", "2023-06-25", "15日")]
// 10-07 is the last day of 国庆 2024: moved to 10-08.
#[case("7天内", "2024-09-30", "2024-10-08", "7日")]
#[case("两周内完成", "2024-06-03", "2024-06-17", "2周")]
#[case("信访件转交后两个星期内答复", "2023-09-25", "2023-10-09", "2周")]
#[case("通报下发后三个月以内整改到位", "2024-01-31", "2024-04-30", "3个月")]
// 09-30 is a holiday: moved to the 调休 Saturday 10-07.
#[case("整改通知下达之日起1个月内", "2023-08-31", "2023-10-07", "1个月")]
#[case("督办单送达后半个月内", "2024-03-01", "2024-03-18", "15日")]
#[case("自交办之日起三十日内反馈", "2024-02-01", "2024-03-04", "30日")]
#[case("10个自然日内", "2023-12-22", "2024-01-02", "10日")]
fn event_relative_terms_are_dated_from_the_event(
    #[case] text: &str,
    #[case] event: &str,
    #[case] due: &str,
    #[case] length: &str,
) {
    let year = day(event).year();
    let before = parse(text, year);
    assert_eq!(before.kind.word(), "external", "{text}: {before:?}");
    assert!(before.relative.is_some(), "{text}");
    let after = dated_on(text, year, event);
    assert_eq!(after.kind.word(), "dated", "{text}");
    assert_eq!(final_due(&after), Some(day(due)), "{text}");
    let lines = explain(&after);
    assert_eq!(
        lines[0],
        format!("事件日期{event}起{length},截止{due}"),
        "{text}"
    );
    assert!(!lines.iter().any(|l| l.contains("待上级安排")), "{lines:?}");
}

/// A term moved off a rest day says so.
#[test]
fn a_term_moved_off_a_rest_day_says_so() {
    let lines = explain(&dated_on("收到后15日内办结", 2023, "2023-06-09"));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("2023-06-24为休息日") && l.contains("2023-06-25")),
        "{lines:?}"
    );
    let milestone = &dated_on("收到后15日内办结", 2023, "2023-06-09").milestones[0];
    assert_eq!(milestone.label, "办结", "the words after the term label it");
}

/// 立行立改 and its kin: ongoing (noted) until the day the problem was raised is known,
/// then due that very day.
#[rstest]
#[case("立行立改")]
#[case("即知即改")]
#[case("立即整改到位")]
#[case("马上就改,长期坚持")]
fn immediate_forms_are_due_the_day_they_were_raised(#[case] text: &str) {
    let before = parse(text, 2023);
    assert_eq!(before.kind.word(), "ongoing", "{text}");
    assert!(
        before.notes.iter().any(|n| n.contains("交办")),
        "{:?}",
        before.notes
    );
    let after = dated_on(text, 2023, "2023-06-05");
    assert_eq!(final_due(&after), Some(day("2023-06-05")), "{text}");
    assert_eq!(
        explain(&after)[0],
        "事件日期2023-06-05起立即整改,截止2023-06-05"
    );
}

/// The event's name is kept (or empty when the text names none).
#[rstest]
#[case("问题反馈后10个工作日内", "问题反馈")]
#[case("自收到举报之日起7日内核查", "收到举报")]
#[case("十个工作日内报送", "")]
#[case("15天之内", "")]
fn the_event_is_named_as_written(#[case] text: &str, #[case] event: &str) {
    let term = parse(text, 2024).relative.expect("a term");
    assert_eq!(term.event, event, "{text}");
}

/// A term whose length cannot be counted stays external and cannot be dated.
#[rstest]
#[case("数日内完成")]
#[case("收到后若干个工作日内")]
#[case("接到通知后99999个工作日内")]
fn terms_without_a_countable_length_stay_external(#[case] text: &str) {
    let s = parse(text, 2024);
    assert_eq!(s.kind.word(), "external", "{text}: {s:?}");
    assert!(s.relative.is_none(), "{text}");
    assert!(
        s.notes.iter().any(|n| n.contains("期限长度无法识别")),
        "{:?}",
        s.notes
    );
}

/// Dated parts and one part counted from an event in the same text: before the event is
/// dated the dated parts govern and the rest waits (said in a note); once it is, the
/// counted part joins the plan in date order and the plan ends at the later of them.
#[rstest]
#[case(
    "6月底前完成;其余问题反馈后10个工作日内",
    2023,
    "2023-08-31",
    &["2023-06-30"],
    "2023-09-14",
    "问题反馈"
)]
#[case(
    "收到通知后5个工作日内,12月底前完成",
    2023,
    "2023-06-19",
    &["2023-12-31"],
    "2023-06-27",
    "收到通知"
)]
#[case(
    "9月底前完成排查,整改通知下达之日起1个月内整改到位",
    2023,
    "2023-08-31",
    &["2023-09-30"],
    "2023-10-07",
    "整改通知下达"
)]
#[case(
    "年底前全面完成;新发现问题发现后15日内整改",
    2024,
    "2024-06-09",
    &["2024-12-31"],
    "2024-06-24",
    "新发现问题发现"
)]
#[case(
    "一季度完成摸底,二季度完成整改,其余事项交办后10个工作日内办结",
    2024,
    "2024-07-01",
    &["2024-03-31", "2024-06-30"],
    "2024-07-15",
    "事项交办"
)]
fn a_compound_deadline_keeps_its_dates_and_adds_the_counted_part(
    #[case] text: &str,
    #[case] year: i32,
    #[case] event: &str,
    #[case] dated: &[&str],
    #[case] counted: &str,
    #[case] event_words: &str,
) {
    let before = parse(text, year);
    assert_eq!(before.kind.word(), "dated", "{text}: {before:?}");
    let dues: Vec<String> = before
        .milestones
        .iter()
        .map(|m| m.due.to_string())
        .collect();
    assert_eq!(dues, dated, "{text}");
    let term = before.relative.as_ref().expect("a counted part");
    assert_eq!(term.event, event_words, "{text}");
    assert!(
        explain(&before)
            .iter()
            .any(|l| l.contains("待日期记录到事项后")),
        "{:?}",
        explain(&before)
    );

    let after = dated_on(text, year, event);
    let mut expected: Vec<&str> = dated.to_vec();
    expected.push(counted);
    expected.sort_unstable();
    let dues: Vec<String> = after.milestones.iter().map(|m| m.due.to_string()).collect();
    assert_eq!(dues, expected, "{text}");
    let last = *expected.last().expect("a date");
    assert_eq!(final_due(&after), Some(day(last)), "{text}");
    let lines = explain(&after);
    assert_eq!(lines[0], format!("截止 {last}"), "{lines:?}");
    assert!(lines[1].contains(&format!("截止{counted}")), "{lines:?}");
    assert!(
        !lines.iter().any(|l| l.contains("待日期记录到事项后")),
        "{lines:?}"
    );
}

/// 立行立改 beside a dated part: the immediate part is due the day the problem was raised.
#[test]
fn immediate_beside_a_dated_part_is_due_when_raised() {
    let text = "立行立改,6月底前建立长效机制";
    let before = parse(text, 2023);
    assert_eq!(final_due(&before), Some(day("2023-06-30")));
    let after = dated_on(text, 2023, "2023-05-08");
    let dues: Vec<String> = after.milestones.iter().map(|m| m.due.to_string()).collect();
    assert_eq!(dues, ["2023-05-08", "2023-06-30"]);
}

/// A term that writes its own start date needs no event: it is counted from that date.
#[rstest]
#[case("2023年6月1日起10个工作日内完成", "2023-06-01", "2023-06-15")]
// 30 days from 06-01 is Saturday 07-01: moved to Monday 07-03.
#[case("自2023年6月1日起30日内办结", "2023-06-01", "2023-07-03")]
// 10-07 is the last day of 国庆 2024: moved to 10-08.
#[case("2024年9月30日起7日内", "2024-09-30", "2024-10-08")]
// Two months from 03-01 is 05-01, in 劳动节 2024 (05-01..05-05): moved to 05-06.
#[case("从2024年3月1日起两个月内完成整改", "2024-03-01", "2024-05-06")]
fn a_term_from_a_written_date_is_counted_from_it(
    #[case] text: &str,
    #[case] start: &str,
    #[case] due: &str,
) {
    let read = parse(text, 2020);
    let term = read.relative.as_ref().expect("a counted term");
    assert_eq!(term.from_text, Some(day(start)), "{text}");
    let anchor = Anchor {
        date: day(start),
        source: AnchorSource::Text,
    };
    let dated = dated_from(&read, anchor, &WorkCalendar::default()).expect("dated");
    assert_eq!(final_due(&dated), Some(day(due)), "{text}");
    assert!(
        explain(&dated)[0].starts_with(&format!("起算日期{start}起")),
        "{:?}",
        explain(&dated)
    );
}
