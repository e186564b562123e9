//! Notice settings and numbering: 督〔2024〕12号 as GB/T 9704-2012 writes a document number
//! (full year in 〔〕, no 第, no zero padding), one sequence per notice kind and year.

use serde::{Deserialize, Serialize};

use super::item::NoticeKind;

/// The last number given for one notice kind in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeSequence {
    /// Which notice.
    pub kind: NoticeKind,
    /// The year of the numbers.
    pub year: i32,
    /// The last number issued (the next one is `last + 1`).
    pub last: u32,
}

/// How the workspace issues notices (`notices:` in `duban.ron`; every field optional).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NoticeSettings {
    /// The issuing office printed under each notice (签发).
    pub office: String,
    /// The number prefix of 工作提示单 (提 → 提〔2024〕1号).
    pub reminder_prefix: String,
    /// The number prefix of 催办通知单.
    pub chase_prefix: String,
    /// The number prefix of 督办通知单.
    pub supervise_prefix: String,
    /// The number prefix of 整改通知单.
    pub rectify_prefix: String,
    /// The reply is due this many working days after the notice is issued.
    pub reply_days: u32,
    /// Who a 督办通知单 is copied to when its items name no responsible leader.
    pub copy_to: String,
    /// The numbers issued so far, per kind and year.
    pub sequences: Vec<NoticeSequence>,
}

impl Default for NoticeSettings {
    fn default() -> Self {
        NoticeSettings {
            office: "督查室".to_string(),
            reminder_prefix: "提".to_string(),
            chase_prefix: "催".to_string(),
            supervise_prefix: "督".to_string(),
            rectify_prefix: "改".to_string(),
            reply_days: 5,
            copy_to: "分管领导".to_string(),
            sequences: Vec::new(),
        }
    }
}

impl NoticeSettings {
    /// True when nothing differs from the defaults (then `duban.ron` does not mention it).
    pub fn is_default(&self) -> bool {
        *self == NoticeSettings::default()
    }

    /// The number prefix of a notice kind.
    pub fn prefix(&self, kind: NoticeKind) -> &str {
        match kind {
            NoticeKind::Reminder => &self.reminder_prefix,
            NoticeKind::Chase => &self.chase_prefix,
            NoticeKind::Supervise => &self.supervise_prefix,
            NoticeKind::Rectify => &self.rectify_prefix,
        }
    }

    /// The last number issued for `kind` in `year` (0 when none).
    pub fn last(&self, kind: NoticeKind, year: i32) -> u32 {
        self.sequences
            .iter()
            .find(|s| s.kind == kind && s.year == year)
            .map_or(0, |s| s.last)
    }

    /// The number the next notice of `kind` in `year` would get, without taking it.
    pub fn peek(&self, kind: NoticeKind, year: i32) -> String {
        format_number(self.prefix(kind), year, self.last(kind, year) + 1)
    }

    /// Take the next number of `kind` in `year` (the sequence moves on).
    pub fn take(&mut self, kind: NoticeKind, year: i32) -> String {
        let next = self.last(kind, year) + 1;
        match self
            .sequences
            .iter_mut()
            .find(|s| s.kind == kind && s.year == year)
        {
            Some(sequence) => sequence.last = next,
            None => self.sequences.push(NoticeSequence {
                kind,
                year,
                last: next,
            }),
        }
        format_number(self.prefix(kind), year, next)
    }
}

/// A document number: `督〔2024〕12号`.
pub fn format_number(prefix: &str, year: i32, number: u32) -> String {
    format!("{prefix}〔{year}〕{number}号")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_gb_t_9704_and_run_per_kind_and_year() {
        let mut settings = NoticeSettings::default();
        assert_eq!(settings.peek(NoticeKind::Supervise, 2024), "督〔2024〕1号");
        assert_eq!(settings.take(NoticeKind::Supervise, 2024), "督〔2024〕1号");
        assert_eq!(settings.take(NoticeKind::Supervise, 2024), "督〔2024〕2号");
        assert_eq!(settings.take(NoticeKind::Chase, 2024), "催〔2024〕1号");
        assert_eq!(settings.take(NoticeKind::Supervise, 2025), "督〔2025〕1号");
        for _ in 0..9 {
            settings.take(NoticeKind::Supervise, 2024);
        }
        assert_eq!(settings.take(NoticeKind::Supervise, 2024), "督〔2024〕12号");
        assert_eq!(settings.last(NoticeKind::Rectify, 2024), 0);
        assert!(!settings.is_default());
    }

    #[test]
    fn prefixes_are_configurable() {
        let mut settings = NoticeSettings {
            rectify_prefix: "绵司改".to_string(),
            ..NoticeSettings::default()
        };
        assert_eq!(
            settings.take(NoticeKind::Rectify, 2023),
            "绵司改〔2023〕1号"
        );
    }
}
