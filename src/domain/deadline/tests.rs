//! Table tests for the general forms of the grammar (exact dates).

use chrono::NaiveDate;
use rstest::rstest;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// `(due, start)` of every milestone.
fn dates(text: &str, base: i32) -> Vec<(String, Option<String>)> {
    parse(text, base)
        .milestones
        .iter()
        .map(|m| (m.due.to_string(), m.start.map(|s| s.to_string())))
        .collect()
}

#[rstest]
#[case("5月底前", "2023-05-31")]
#[case("5月底", "2023-05-31")]
#[case("5月末", "2023-05-31")]
#[case("2月底前", "2023-02-28")]
#[case("3月初", "2023-03-10")]
#[case("3月上旬", "2023-03-10")]
#[case("3月中旬", "2023-03-20")]
#[case("3月下旬", "2023-03-31")]
#[case("4月中旬前完成", "2023-04-20")]
#[case("2024年11月20日前", "2024-11-20")]
#[case("11月20日", "2023-11-20")]
#[case("11月20号前", "2023-11-20")]
#[case("2024-11-20", "2024-11-20")]
#[case("2024.11.20", "2024-11-20")]
#[case("2024/11/20", "2024-11-20")]
#[case("年底前", "2023-12-31")]
#[case("年内", "2023-12-31")]
#[case("年底", "2023-12-31")]
#[case("上半年", "2023-06-30")]
#[case("下半年完成", "2023-12-31")]
#[case("一季度", "2023-03-31")]
#[case("第三季度", "2023-09-30")]
#[case("三季度末", "2023-09-30")]
#[case("2024年第二季度末", "2024-06-30")]
#[case("2024年底前", "2024-12-31")]
#[case("2024年上半年", "2024-06-30")]
#[case("十二月底前", "2023-12-31")]
#[case("十一月三十日前", "2023-11-30")]
#[case("二〇二四年三月三十一日前", "2024-03-31")]
#[case("两月底前", "2023-02-28")]
#[case("\u{FF15}月底前", "2023-05-31")]
#[case("\u{FF12}\u{FF10}\u{FF12}\u{FF14}年5月底前", "2024-05-31")]
#[case("2024\u{FF0D}11\u{FF0D}20", "2024-11-20")]
#[case("2024年2月底", "2024-02-29")]
#[case("6月份完成", "2023-06-30")]
#[case("2025年前完成", "2025-12-31")]
#[case("2024年12月31日以前", "2024-12-31")]
#[case("12月20日之前完成", "2023-12-20")]
#[case("3.31前", "2023-03-31")]
#[case("到2022年底", "2022-12-31")]
#[case("到2023年底完成全市司法所外观标识规范化建设", "2023-12-31")]
#[case("3/31日", "2023-03-31")]
fn single_dates(#[case] text: &str, #[case] due: &str) {
    let s = parse(text, 2023);
    assert_eq!(s.kind, ScheduleKind::Dated, "{text}: {s:?}");
    assert_eq!(s.milestones.len(), 1, "{text}: {s:?}");
    assert_eq!(s.due(), Some(d(due)), "{text}");
}

#[rstest]
#[case("4-10月", "2023-10-31", "2023-04-01")]
#[case("4月-10月", "2023-10-31", "2023-04-01")]
#[case("4至10月", "2023-10-31", "2023-04-01")]
#[case("4到10月", "2023-10-31", "2023-04-01")]
#[case("4~10月", "2023-10-31", "2023-04-01")]
#[case("4—10月", "2023-10-31", "2023-04-01")]
#[case("4\u{FF5E}10月", "2023-10-31", "2023-04-01")]
#[case("4\u{FF0D}10月", "2023-10-31", "2023-04-01")]
#[case("4\u{2014}\u{2014}10月", "2023-10-31", "2023-04-01")]
#[case("1-3月", "2023-03-31", "2023-01-01")]
#[case("2023年3月-2024年6月", "2024-06-30", "2023-03-01")]
#[case("2024年3月-6月", "2024-06-30", "2024-03-01")]
#[case("11月1日-20日", "2023-11-20", "2023-11-01")]
#[case("12月", "2023-12-31", "2023-12-01")]
fn ranges(#[case] text: &str, #[case] due: &str, #[case] start: &str) {
    assert_eq!(
        dates(text, 2023),
        vec![(due.to_string(), Some(start.to_string()))],
        "{text}"
    );
}

#[rstest]
#[case("2023年初步建成 2024年全面完成", &["2023-12-31", "2024-12-31"])]
#[case("2023年初步建成2024年全面完成", &["2023-12-31", "2024-12-31"])]
#[case("6月底前建成;12月底前推广", &["2023-06-30", "2023-12-31"])]
#[case("6月底前建成\u{FF1B}12月底前推广", &["2023-06-30", "2023-12-31"])]
#[case("6月底前建成\u{FF0C}12月底前推广", &["2023-06-30", "2023-12-31"])]
#[case("6月底前建成\u{3000}12月底前推广", &["2023-06-30", "2023-12-31"])]
#[case("6月底前建成,12月底前推广", &["2023-06-30", "2023-12-31"])]
#[case("6月底前建成。12月底前推广", &["2023-06-30", "2023-12-31"])]
#[case("6月底前建成12月底前推广", &["2023-06-30", "2023-12-31"])]
#[case("2024年3月底前制定方案,6月底前完成", &["2024-03-31", "2024-06-30"])]
fn several_phases(#[case] text: &str, #[case] dues: &[&str]) {
    let got: Vec<String> = dates(text, 2023).into_iter().map(|(d, _)| d).collect();
    assert_eq!(got, dues, "{text}");
}

#[rstest]
#[case("每月", Recurrence::Monthly { day: None })]
#[case("每月底前报送", Recurrence::Monthly { day: None })]
#[case("每月5日前", Recurrence::Monthly { day: Some(5) })]
#[case("每季度", Recurrence::Quarterly)]
#[case("每半年", Recurrence::HalfYearly)]
#[case("每年10月底前", Recurrence::Yearly { month: 10, day: None })]
#[case("每年3月15日前", Recurrence::Yearly { month: 3, day: Some(15) })]
#[case("每周", Recurrence::Weekly)]
fn recurring_forms(#[case] text: &str, #[case] rec: Recurrence) {
    let s = parse(text, 2023);
    assert_eq!(s.kind, ScheduleKind::Recurring, "{text}");
    assert_eq!(s.recurrence, Some(rec), "{text}");
    assert!(s.milestones.is_empty());
}

#[test]
fn dated_phases_with_a_recurring_part_stay_dated() {
    let s = parse(
        "2022年推进年 2023年提升年 2024年深化年;每年10月底前报送年度报告",
        2022,
    );
    assert_eq!(s.kind, ScheduleKind::Dated);
    let labels: Vec<&str> = s.milestones.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["推进年", "提升年", "深化年"]);
    assert_eq!(s.due(), Some(d("2024-12-31")));
    assert_eq!(
        s.recurrence,
        Some(Recurrence::Yearly {
            month: 10,
            day: None
        })
    );
}

#[rstest]
#[case("2月30日")]
#[case("13月底前")]
#[case("2023年2月29日")]
#[case("3000年底前")]
#[case("1800年")]
#[case("10-4月")]
#[case("第五季度")]
#[case("尽快完成")]
#[case("3.5")]
#[case("")]
fn invalid_or_unknown_is_unparsed_with_a_note(#[case] text: &str) {
    let s = parse(text, 2023);
    assert_eq!(s.kind, ScheduleKind::Unparsed, "{text}: {s:?}");
    assert!(!s.notes.is_empty(), "{text} should say why");
    assert!(s.milestones.is_empty());
}

#[rstest]
#[case("2025年前完成", "2025年底前")]
#[case("年初", "第一季度末")]
#[case("5月前完成", "5月底前")]
#[case("季度末", "每季度")]
fn ambiguous_readings_say_so(#[case] text: &str, #[case] words: &str) {
    let s = parse(text, 2023);
    assert!(
        s.notes.iter().any(|n| n.contains(words)),
        "{text}: {:?}",
        s.notes
    );
}

#[test]
fn percent_detail_and_measures_are_kept() {
    let s = parse("2023年完成50%(涪城、游仙);2024年完成100%", 2023);
    assert_eq!(s.milestones[0].percent, Some(50));
    assert_eq!(s.milestones[0].detail.as_deref(), Some("涪城、游仙"));
    assert_eq!(s.milestones[0].label, "完成");
    assert_eq!(s.milestones[1].percent, Some(100));

    let s = parse("第一项6月底前完成;第二、三项12月底前完成", 2023);
    assert_eq!(s.milestones[0].measures, vec![1]);
    assert_eq!(s.milestones[1].measures, vec![2, 3]);
    assert_eq!(s.milestones[1].label, "第二、三项完成");
}

#[test]
fn full_year_is_ongoing_with_the_year_end() {
    let s = parse("全年整体推进", 2023);
    assert_eq!(s.kind, ScheduleKind::Ongoing);
    assert_eq!(s.year_end, Some(d("2023-12-31")));
    let s = parse("2024年全年推进", 2023);
    assert_eq!(s.year_end, Some(d("2024-12-31")));
    let s = parse("6月底前完成全年任务", 2023);
    assert_eq!(s.kind, ScheduleKind::Dated);
    assert_eq!(s.year_end, None);
    assert_eq!(s.milestones[0].label, "完成全年任务");
}

#[test]
fn explain_names_the_reading() {
    let lines = explain(&parse("5月底前", 2023));
    assert_eq!(lines[0], "截止 2023-05-31(5月底前 = 当月最后一天)");
    assert_eq!(
        explain(&parse("按省厅要求", 2023))[0],
        "无固定日期,待上级安排"
    );
    assert_eq!(
        explain(&parse("尽快", 2023))[0],
        "未能识别,请检查或改写期限文字"
    );
    let lines = explain(&parse("1-3月项目申报 4-10月完成建设", 2023));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("2023-04-01~2023-10-31") && l.contains("完成建设"))
    );
    let lines = explain(&parse("分阶段实施,2025年前完成", 2023));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("说明:") && l.contains("2025年底前"))
    );
    let lines = explain(&parse("每年10月底前报送", 2023));
    assert!(
        lines.iter().any(|l| l.contains("每年10月最后一天前")),
        "{lines:?}"
    );
}

#[test]
fn json_follows_the_cli_contract() {
    let v = to_json(&parse("2023年完成50%(涪城);2024年完成100%", 2023));
    assert_eq!(
        v,
        serde_json::json!({
            "kind": "dated",
            "due": "2024-12-31",
            "milestones": [
                {"start": null, "due": "2023-12-31", "label": "完成", "percent": 50, "scope": "涪城"},
                {"start": null, "due": "2024-12-31", "label": "完成", "percent": 100, "scope": null}
            ],
            "recurrence": null,
            "relative": null,
            "note": null
        })
    );
    let v = to_json(&parse("收到通知之日起5个工作日内办结", 2023));
    assert_eq!(
        v["relative"],
        serde_json::json!({"event": "收到通知", "unit": "working-days", "count": 5, "from": null, "source": null})
    );
    let v = to_json(&parse("全年推进", 2023));
    assert_eq!(v["kind"], "ongoing");
    assert_eq!(v["due"], "2023-12-31");
    let v = to_json(&parse("每月5日前", 2023));
    assert_eq!(v["kind"], "recurring");
    assert_eq!(v["due"], serde_json::Value::Null);
    let v = to_json(&parse("分阶段实施,2025年前完成", 2023));
    assert!(v["note"].as_str().is_some_and(|n| n.contains("2025")));
}

#[rstest]
#[case("2024年1-6月", "2024-06-30", Some("2024-01-01"))]
#[case("2024年3月至6月", "2024-06-30", Some("2024-03-01"))]
#[case("11月-次年2月", "2024-02-29", Some("2023-11-01"))]
#[case("明年3月底前", "2024-03-31", None)]
#[case("次年6月", "2024-06-30", Some("2024-06-01"))]
fn years_from_context(#[case] text: &str, #[case] due: &str, #[case] start: Option<&str>) {
    assert_eq!(
        dates(text, 2023),
        vec![(due.to_string(), start.map(str::to_string))],
        "{text}"
    );
}

#[test]
fn invalid_dates_say_what_is_wrong() {
    assert_eq!(
        parse("2月30日", 2023).notes,
        ["“2月30日”:2023年2月没有30日"]
    );
    assert_eq!(parse("13月", 2023).notes, ["“13月”:月份 13 无效(应为1–12)"]);
}

#[test]
fn a_start_alone_is_ongoing_with_a_note() {
    let s = parse("2024年3月1日起实施", 2023);
    assert_eq!(s.kind, ScheduleKind::Ongoing);
    assert!(s.milestones.is_empty());
    assert!(s.notes[0].contains("只有开始日期"), "{:?}", s.notes);
    let s = parse("3月起至6月底", 2023);
    assert_eq!(s.kind, ScheduleKind::Dated);
    assert_eq!(s.milestones[0].start, Some(d("2023-03-01")));
    assert_eq!(s.milestones[0].due, d("2023-06-30"));
}
