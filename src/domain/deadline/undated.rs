//! Texts and clauses without a calendar date: external (待…出台后, event-relative,
//! conditional, …期间), immediate (立行立改), ongoing (长期) or not understood.

use super::schedule::{Schedule, ScheduleKind};

fn text_of(s: &[char]) -> String {
    s.iter().collect()
}

/// A text with no date at all: external, ongoing or unparsed.
pub(crate) fn read_without_dates(s: &[char], schedule: &mut Schedule) {
    let whole = text_of(s).trim().to_string();
    if let Some(note) = undated_reading(&whole) {
        schedule.kind = ScheduleKind::External;
        schedule.external = Some(whole);
        schedule.notes.push(note);
    } else if is_immediate(&whole) {
        schedule.kind = ScheduleKind::Ongoing;
        schedule.notes.push(
            "“立行立改”要求立即整改:截止日期为交办当日;交办日期未知时按持续推进理解".to_string(),
        );
    } else if is_external(&whole) {
        schedule.kind = ScheduleKind::External;
        schedule.external = Some(whole);
    } else if is_ongoing(&whole) {
        schedule.kind = ScheduleKind::Ongoing;
    } else {
        schedule
            .notes
            .push("未找到可识别的日期或期限用语".to_string());
    }
}

/// `立行立改` / `即知即改` / `立即整改`: due at once.
fn is_immediate(clause: &str) -> bool {
    ["立行立改", "即知即改", "立即整改", "马上就改", "立即落实"]
        .iter()
        .any(|w| clause.contains(w))
}

/// Undated forms that wait on something that is not a calendar date, with their note:
/// event-relative (`收到通知后10个工作日内`), conditional (`视…而定`), a named period (`…期间`).
fn undated_reading(clause: &str) -> Option<String> {
    let within = [
        "工作日内",
        "日内",
        "天内",
        "天之内",
        "日之内",
        "个月内",
        "周内",
    ]
    .iter()
    .any(|w| clause.contains(w));
    if within {
        let working = clause.contains("工作日");
        return Some(format!(
            "相对事件的期限(“{clause}”):事件日期记录到事项后,按{}计算截止日期;此前待上级安排",
            if working { "工作日" } else { "自然日" }
        ));
    }
    if clause.contains('视') && (clause.contains("而定") || clause.contains("情况")) {
        return Some(format!("有条件的期限(“{clause}”):视情况而定,待上级安排"));
    }
    if clause.contains("期间") {
        return Some(format!(
            "“{clause}”指一个事件或时期而非日历日期,不猜测为年底,待上级明确日期"
        ));
    }
    None
}

/// Words that put a clause in someone else's hands.
pub(crate) fn is_external(clause: &str) -> bool {
    let waits = clause.contains('待')
        && (clause.contains('后') || clause.contains("出台") || clause.contains("通知"));
    let follows = ["按", "根据", "遵照", "听从", "依照"]
        .iter()
        .any(|w| clause.starts_with(w))
        && ["要求", "部署", "安排", "通知", "统一"]
            .iter()
            .any(|w| clause.contains(w));
    waits || follows || clause.contains("另行通知")
}

/// Words that make a clause open-ended.
pub(crate) fn is_ongoing(clause: &str) -> bool {
    ["持续", "长期", "常态化", "后期", "久久为功", "不定期"]
        .iter()
        .any(|w| clause.contains(w))
}
