//! Texts and clauses without a calendar date: external (待…出台后, event-relative,
//! conditional, …期间), immediate (立行立改), ongoing (长期) or not understood.

use super::relative::{immediate, read_term};
use super::schedule::{Schedule, ScheduleKind};

fn text_of(s: &[char]) -> String {
    s.iter().collect()
}

/// A text with no date at all: event-relative, external, immediate, ongoing or unparsed.
pub(crate) fn read_without_dates(s: &[char], schedule: &mut Schedule) {
    let whole = text_of(s).trim().to_string();
    match read_term(s) {
        Ok(Some(term)) => {
            schedule.kind = ScheduleKind::External;
            schedule.external = Some(whole);
            schedule.notes.push(term.pending_note());
            schedule.relative = Some(term);
            return;
        }
        Ok(None) => {}
        Err(words) => {
            schedule.kind = ScheduleKind::External;
            schedule.external = Some(whole);
            schedule.notes.push(format!(
                "相对事件的期限(“{words}”):期限长度无法识别,记录事件日期也无法计算截止日期;待上级明确日期"
            ));
            return;
        }
    }
    if let Some(note) = undated_reading(&whole) {
        schedule.kind = ScheduleKind::External;
        schedule.external = Some(whole);
        schedule.notes.push(note);
    } else if let Some(words) = immediate_words(&whole) {
        schedule.kind = ScheduleKind::Ongoing;
        let term = immediate(words);
        schedule.notes.push(term.pending_note());
        if is_ongoing(&whole) {
            schedule.notes.push(format!(
                "“{whole}”:立即整改,其后长期坚持;整改期限以交办当日为准"
            ));
        }
        schedule.relative = Some(term);
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

/// `立行立改` / `即知即改` / `立即整改`: due at once; the words found.
pub(crate) fn immediate_words(clause: &str) -> Option<&'static str> {
    ["立行立改", "即知即改", "立即整改", "马上就改", "立即落实"]
        .into_iter()
        .find(|w| clause.contains(w))
}

/// Undated forms that wait on something that is not a calendar date, with their note:
/// a term within N of an event whose unit is unusual (`…周内`), conditional (`视…而定`),
/// a named period (`…期间`).
fn undated_reading(clause: &str) -> Option<String> {
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
