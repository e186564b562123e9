//! Deadlines counted from an event: `问题反馈后10个工作日内`, `收到通知之日起5个工作日内`,
//! `案件办结后15日内`, `N天之内`, `3个月内`, and `立行立改` (due the day the problem was raised).
//!
//! The text alone gives no date: the reading keeps the term ([`RelativeTerm`]) so that,
//! once the event's date is known, [`super::dated_from`] turns it into a dated schedule.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::numerals::{chinese_digit, read_number};

/// How long after the event the work is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TermLength {
    /// 立行立改 / 立即整改: due the day of the event (the day the problem was raised).
    Immediate,
    /// N个工作日: the N-th working day after the event (holidays and 调休 counted).
    WorkingDays(u32),
    /// N日 / N天 / N个自然日: N calendar days after the event.
    Days(u32),
    /// N周: 7·N calendar days after the event.
    Weeks(u32),
    /// N个月: the same day N months after the event (clamped to the month's end).
    Months(u32),
}

impl TermLength {
    /// The length in words (`10个工作日`, `15日`, `立即整改`).
    pub fn words(self) -> String {
        match self {
            TermLength::Immediate => "立即整改".to_string(),
            TermLength::WorkingDays(n) => format!("{n}个工作日"),
            TermLength::Days(n) => format!("{n}日"),
            TermLength::Weeks(n) => format!("{n}周"),
            TermLength::Months(n) => format!("{n}个月"),
        }
    }

    /// The JSON word of the unit (a scripting contract): immediate | working-days | days |
    /// weeks | months.
    pub fn unit_word(self) -> &'static str {
        match self {
            TermLength::Immediate => "immediate",
            TermLength::WorkingDays(_) => "working-days",
            TermLength::Days(_) => "days",
            TermLength::Weeks(_) => "weeks",
            TermLength::Months(_) => "months",
        }
    }

    /// The count (None for [`TermLength::Immediate`]).
    pub fn count(self) -> Option<u32> {
        match self {
            TermLength::Immediate => None,
            TermLength::WorkingDays(n)
            | TermLength::Days(n)
            | TermLength::Weeks(n)
            | TermLength::Months(n) => Some(n),
        }
    }
}

/// Where the date a term counts from comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnchorSource {
    /// Recorded on the item (`Item::event_date`, `duban event`).
    Item,
    /// The feedback date of a rectification ledger: its problems were raised that day
    /// (立行立改 items of a 整改台账 without a date of their own).
    Feedback,
    /// Written in the deadline text itself (`2023年6月1日起10个工作日内`).
    Text,
}

impl AnchorSource {
    /// The date's name in a reading (`事件日期`, `巡察反馈日期`).
    pub fn label(self) -> &'static str {
        match self {
            AnchorSource::Item => "事件日期",
            AnchorSource::Feedback => "整改台账反馈日期",
            AnchorSource::Text => "起算日期",
        }
    }
}

/// The date a term counts from, once known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anchor {
    /// The event's date.
    pub date: NaiveDate,
    /// Where it comes from.
    pub source: AnchorSource,
}

/// A deadline counted from an event, as the text states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelativeTerm {
    /// The words of the term as written (`问题反馈后10个工作日内`).
    pub words: String,
    /// The event as written (`问题反馈`, `收到通知`); empty when the text names none
    /// (`7天内`) — or `交办` for 立行立改.
    pub event: String,
    /// How long after it.
    pub length: TermLength,
    /// The words after the term (`办结`, `报送`), the label of the dated milestone.
    pub action: String,
    /// The day the text itself counts from (`2023年6月1日起10个工作日内`), if it names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_text: Option<NaiveDate>,
    /// The date counted from, once known (set by [`super::dated_from`]).
    pub anchor: Option<Anchor>,
    /// The due date counted from the anchor (set with it).
    pub due: Option<NaiveDate>,
    /// The last day the count reached when it fell on a rest day and was moved to the next
    /// working day (calendar-day terms only), for the explanation.
    pub rolled_from: Option<NaiveDate>,
}

/// The longest term read (ten years of days): longer counts are typos, not deadlines.
pub const MAX_TERM_DAYS: u32 = 3660;

/// Builds a term's length from its count.
type Build = fn(u32) -> TermLength;

/// Units a term ends with, longest first, and how they build its length.
const UNITS: [(&str, Build); 10] = [
    ("个工作日", TermLength::WorkingDays),
    ("工作日", TermLength::WorkingDays),
    ("个自然日", TermLength::Days),
    ("自然日", TermLength::Days),
    ("个星期", TermLength::Weeks),
    ("个月", TermLength::Months),
    ("星期", TermLength::Weeks),
    ("日", TermLength::Days),
    ("天", TermLength::Days),
    ("周", TermLength::Weeks),
];

/// Words that close a term (`10个工作日内`, `15天之内`, `三个月以内`).
const WITHIN: [&str; 3] = ["之内", "以内", "内"];

/// Words joining the event to the term (`…之日起`, `…后`), longest first.
const JOINS: [&str; 8] = ["之日起", "之日后", "之后", "以后", "日起", "起", "后", "内"];

fn starts_with(s: &[char], at: usize, word: &str) -> bool {
    (at..).zip(word.chars()).all(|(i, w)| s.get(i) == Some(&w))
}

fn numeral(c: char) -> bool {
    c.is_ascii_digit() || chinese_digit(c).is_some() || c == '十' || c == '百'
}

fn clean(words: &str) -> String {
    words
        .trim_matches(|c: char| c.is_whitespace() || ";,,。、:()".contains(c))
        .to_string()
}

/// Read the first `N<unit>内` term of a clause (`问题反馈后10个工作日内办结`): the event
/// before it, its length, the action after it. `Ok(None)` when the clause has no such term;
/// `Err(words)` when it has one whose length cannot be read (`数日内`, a count beyond
/// [`MAX_TERM_DAYS`]), with the words of the term.
pub(crate) fn read_term(s: &[char]) -> Result<Option<RelativeTerm>, String> {
    for at in 0..s.len() {
        let Some((unit, build)) = UNITS.iter().find(|(u, _)| starts_with(s, at, u)) else {
            continue;
        };
        let after_unit = at + unit.chars().count();
        let Some(within) = WITHIN.iter().find(|w| starts_with(s, after_unit, w)) else {
            continue;
        };
        let end = after_unit + within.chars().count();
        let mut start = at;
        while start > 0 && numeral(s[start - 1]) {
            start -= 1;
        }
        let count = if start == at {
            // 半个月内 = 15 days; anything else without a number cannot be counted.
            if *unit == "个月" && at > 0 && s[at - 1] == '半' {
                start = at - 1;
                Some(TermLength::Days(15))
            } else {
                None
            }
        } else {
            read_number(s, start)
                .filter(|(_, stop)| *stop == at)
                .map(|(n, _)| build(n))
                .filter(|len| within_limit(*len))
        };
        let Some(length) = count else {
            return Err(s[..end].iter().collect::<String>().trim().to_string());
        };
        let mut event: String = s[..start].iter().collect();
        event = clean(&event);
        for join in JOINS {
            if let Some(stripped) = event.strip_suffix(join) {
                event = stripped.to_string();
                break;
            }
        }
        // 其余/其他 name which part of the work the term covers, not the event.
        for lead in ["自", "从", "于", "在", "其余", "其他", "其它", "剩余"] {
            if let Some(stripped) = event.strip_prefix(lead) {
                event = stripped.to_string();
                break;
            }
        }
        return Ok(Some(RelativeTerm {
            words: s[..end].iter().collect::<String>().trim().to_string(),
            event: clean(&event),
            length,
            action: clean(&s[end..].iter().collect::<String>()),
            from_text: None,
            anchor: None,
            due: None,
            rolled_from: None,
        }));
    }
    Ok(None)
}

fn within_limit(length: TermLength) -> bool {
    match length {
        TermLength::Immediate => true,
        TermLength::WorkingDays(n) | TermLength::Days(n) => n <= MAX_TERM_DAYS,
        TermLength::Weeks(n) => n <= MAX_TERM_DAYS / 7,
        TermLength::Months(n) => n <= MAX_TERM_DAYS / 30,
    }
}

/// The term of a 立行立改 text: due the day the problem was raised (交办), labelled by the
/// words that say so.
pub(crate) fn immediate(words: &str) -> RelativeTerm {
    RelativeTerm {
        words: words.to_string(),
        event: "交办".to_string(),
        length: TermLength::Immediate,
        action: words.to_string(),
        from_text: None,
        anchor: None,
        due: None,
        rolled_from: None,
    }
}

impl RelativeTerm {
    /// The note of a term that is one part of a dated text (`6月底前完成;其余问题反馈后10个
    /// 工作日内`) while its event is not dated: the dated parts light the item, this part
    /// waits. Dropped from the reading once it is dated.
    pub fn part_pending_note(&self) -> String {
        let from = match self.length {
            TermLength::Immediate => "交办日期".to_string(),
            _ if self.event.is_empty() => "事件日期".to_string(),
            _ => format!("“{}”的日期", self.event),
        };
        format!(
            "“{}”从{from}起算:该部分待日期记录到事项后计算截止日期,此前按有日期的部分亮灯",
            self.words
        )
    }

    /// The note of a term whose event is not dated yet: what the text asks and what is
    /// needed to date it. Dropped from the reading once it is dated.
    pub fn pending_note(&self) -> String {
        match self.length {
            TermLength::Immediate => format!(
                "“{}”要求立即整改:截止日期为交办当日;交办日期未知时按持续推进理解",
                self.words
            ),
            TermLength::WorkingDays(_) => format!(
                "相对事件的期限(“{}”):事件日期记录到事项后,按工作日计算截止日期;此前待上级安排",
                self.words
            ),
            _ => format!(
                "相对事件的期限(“{}”):事件日期记录到事项后,按自然日计算截止日期;此前待上级安排",
                self.words
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn term(text: &str) -> Option<RelativeTerm> {
        let s: Vec<char> = text.chars().collect();
        read_term(&s).expect("a readable term")
    }

    #[rstest]
    #[case("问题反馈后10个工作日内", "问题反馈", TermLength::WorkingDays(10), "")]
    #[case(
        "收到通知之日起5个工作日内办结",
        "收到通知",
        TermLength::WorkingDays(5),
        "办结"
    )]
    #[case("自交办之日起三十日内反馈", "交办", TermLength::Days(30), "反馈")]
    #[case("案件办结后15日内", "案件办结", TermLength::Days(15), "")]
    #[case("15天之内", "", TermLength::Days(15), "")]
    #[case("两周内完成", "", TermLength::Weeks(2), "完成")]
    #[case("会议结束后两个星期内", "会议结束", TermLength::Weeks(2), "")]
    #[case(
        "通报下发后三个月以内整改到位",
        "通报下发",
        TermLength::Months(3),
        "整改到位"
    )]
    #[case("接到投诉后10个自然日内", "接到投诉", TermLength::Days(10), "")]
    #[case("督办单送达后半个月内", "督办单送达", TermLength::Days(15), "")]
    fn terms_read_event_length_and_action(
        #[case] text: &str,
        #[case] event: &str,
        #[case] length: TermLength,
        #[case] action: &str,
    ) {
        let t = term(text).expect("a term");
        assert_eq!(
            (t.event.as_str(), t.length, t.action.as_str()),
            (event, length, action),
            "{text}"
        );
    }

    #[rstest]
    #[case("数日内完成")]
    #[case("收到后99999个工作日内")]
    #[case("尽快在日内")]
    fn terms_without_a_readable_length_are_errors(#[case] text: &str) {
        let s: Vec<char> = text.chars().collect();
        assert!(read_term(&s).is_err(), "{text}");
    }

    #[test]
    fn a_clause_without_a_term_has_none() {
        assert_eq!(term("按省厅要求"), None);
        assert_eq!(term("日常工作"), None);
    }
}
