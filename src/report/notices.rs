//! Notices per unit and kind (提示单 / 催办单 / 督办单 / 整改通知单, seed 001's 四色预警亮灯
//! 机制): which items go into which notice, and the notice as a document.
//!
//! A notice goes to one unit (a lead or responsible unit of its items) and is of the kind
//! its items' colour calls for (蓝→提示, 黄→催办, 红→督办, 黑→整改); an item with two
//! units is in a notice to each.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::legend::{day_unit, legend_lines};
use super::rows::{ItemRow, date_cell};
use super::{Entry, chinese_date};
use crate::document::Document;
use crate::domain::notices::NoticeSettings;
use crate::domain::{Item, NoticeKind, WarningRules};

/// The notices to issue: which kind, to whom, about which entries (indices into the
/// assessed entries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticePlan {
    /// Which notice.
    pub kind: NoticeKind,
    /// The unit it goes to.
    pub recipient: String,
    /// The items, as indices into the entries it was planned from.
    pub entries: Vec<usize>,
}

/// Plan one notice per unit and kind over the open, coloured entries, optionally only for
/// `unit` (exact name) and `kind`. Ordered by unit, then kind (mildest first).
pub fn plan(entries: &[Entry], unit: Option<&str>, kind: Option<NoticeKind>) -> Vec<NoticePlan> {
    plan_items(
        entries.iter().map(|e| (e.item, e.warning.notice())),
        unit,
        kind,
    )
}

/// [`plan`] over items given with the notice their colour calls for (the TUI has them
/// assessed already); the plans' entries are positions in `items`.
pub fn plan_items<'a>(
    items: impl IntoIterator<Item = (&'a Item, Option<NoticeKind>)>,
    unit: Option<&str>,
    kind: Option<NoticeKind>,
) -> Vec<NoticePlan> {
    let mut by_key: BTreeMap<(String, NoticeKind), Vec<usize>> = BTreeMap::new();
    for (index, (item, notice)) in items.into_iter().enumerate() {
        let Some(notice) = notice else {
            continue;
        };
        if kind.is_some_and(|k| k != notice) || !item.status.is_open() {
            continue;
        }
        for recipient in item.all_units() {
            if unit.is_some_and(|u| u != recipient) {
                continue;
            }
            by_key
                .entry((recipient.to_string(), notice))
                .or_default()
                .push(index);
        }
    }
    by_key
        .into_iter()
        .map(|((recipient, kind), entries)| NoticePlan {
            kind,
            recipient,
            entries,
        })
        .collect()
}

/// Whether `item` already holds a notice of `kind` to `recipient` issued on `date`
/// (issuing it again would duplicate it).
pub fn already_issued(
    item: &Item,
    kind: NoticeKind,
    recipient: &str,
    date: NaiveDate,
) -> Option<String> {
    item.notices
        .iter()
        .find(|n| n.kind == kind && n.recipient == recipient && n.date == date)
        .map(|n| n.number.clone().unwrap_or_else(|| "(无文号)".to_string()))
}

/// A notice ready to print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoticeText {
    /// Which notice.
    pub kind: NoticeKind,
    /// Its number (督〔2024〕12号).
    pub number: String,
    /// The unit it goes to.
    pub recipient: String,
    /// The day it is issued.
    pub date: NaiveDate,
    /// The day the reply is due.
    pub reply_by: NaiveDate,
    /// The issuing office.
    pub office: String,
    /// For 督办: who it is copied to.
    pub copy_to: Option<String>,
    /// The items.
    pub items: Vec<ItemRow>,
}

impl NoticeText {
    /// The notice of `plan` with `number`, issued on `date`, reply due `reply_by`.
    pub fn new(
        plan: &NoticePlan,
        entries: &[Entry],
        number: String,
        date: NaiveDate,
        reply_by: NaiveDate,
        settings: &NoticeSettings,
    ) -> NoticeText {
        let copy_to = (plan.kind == NoticeKind::Supervise).then(|| {
            let mut leaders: Vec<&str> = Vec::new();
            for &i in &plan.entries {
                if let Some(leader) = entries[i].item.leader.as_deref().map(str::trim)
                    && !leader.is_empty()
                    && !leaders.contains(&leader)
                {
                    leaders.push(leader);
                }
            }
            if leaders.is_empty() {
                settings.copy_to.clone()
            } else {
                leaders.join("、")
            }
        });
        NoticeText {
            kind: plan.kind,
            number,
            recipient: plan.recipient.clone(),
            date,
            reply_by,
            office: settings.office.clone(),
            copy_to,
            items: plan
                .entries
                .iter()
                .map(|&i| ItemRow::of(&entries[i]))
                .collect(),
        }
    }

    /// A file name for the notice: `督办通知单-市局党群处-督〔2024〕12号`, without
    /// characters that file systems refuse.
    pub fn file_stem(&self) -> String {
        let raw = format!("{}-{}-{}", self.kind.label(), self.recipient, self.number);
        raw.chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
                    || c.is_control()
                {
                    '_'
                } else {
                    c
                }
            })
            .collect()
    }

    /// The notice as a document, laid out after seed 001 and GB/T 9704-2012.
    pub fn document(&self, rules: &WarningRules) -> Document {
        let unit = day_unit(rules);
        let mut doc = Document::new();
        doc.title(format!("《{}》", self.kind.label()));
        doc.centered(&self.number);
        doc.paragraph(format!("{}:", self.recipient));
        doc.paragraph(self.opening(rules));
        let rows = self
            .items
            .iter()
            .enumerate()
            .map(|(n, r)| {
                vec![
                    (n + 1).to_string(),
                    r.ledger.clone(),
                    r.id.clone(),
                    r.title.clone(),
                    r.deadline.clone(),
                    date_cell(r.governing.or(r.due)),
                    r.overdue_days
                        .map_or_else(|| "未逾期".to_string(), |d| d.to_string()),
                    format!("{}:{}", r.colour, r.reason),
                ]
            })
            .collect();
        let overdue = format!("逾期{}", unit.trim_start_matches('个'));
        doc.table(
            &[
                "序号",
                "台账",
                "编号",
                "事项",
                "完成时限",
                "截止日期",
                &overdue,
                "预警原因",
            ],
            rows,
        );
        doc.paragraph(self.requirement());
        doc.paragraph(format!("预警说明:{}。", legend_lines(rules).join(";")));
        doc.right(&self.office);
        doc.right(chinese_date(self.date));
        if let Some(copy) = &self.copy_to {
            doc.paragraph(format!("抄送:{copy}。"));
        }
        doc
    }

    fn opening(&self, rules: &WarningRules) -> String {
        let unit = day_unit(rules);
        let n = self.items.len();
        match self.kind {
            NoticeKind::Reminder => format!(
                "根据红黄蓝黑四色预警机制,你单位以下{n}项工作距完成时限已不足{}{unit},亮蓝灯,现予提示,请抓紧推进,确保按期完成。",
                rules.blue_days_left
            ),
            NoticeKind::Chase => format!(
                "根据红黄蓝黑四色预警机制,你单位以下{n}项工作已逾期或未按期报送进展,亮黄灯,现予催办。"
            ),
            NoticeKind::Supervise => format!(
                "根据红黄蓝黑四色预警机制,你单位以下{n}项工作逾期超过{}{unit},亮红灯,现予督办。",
                rules.red_after_days
            ),
            NoticeKind::Rectify => format!(
                "根据红黄蓝黑四色预警机制,你单位以下{n}项工作逾期超过{}{unit}或台账结项后仍未完成,亮黑灯,现下达整改通知。",
                rules.black_after_days
            ),
        }
    }

    fn requirement(&self) -> String {
        let by = chinese_date(self.reply_by);
        let office = &self.office;
        match self.kind {
            NoticeKind::Reminder => format!("请于{by}前将推进情况报送{office}。"),
            NoticeKind::Chase => format!("请于{by}前将办理进展及逾期原因书面报送{office}。"),
            NoticeKind::Supervise => format!(
                "请单位主要负责人亲自研究,于{by}前将整改落实情况书面报送{office};逾期仍未完成的,将下达整改通知单。"
            ),
            NoticeKind::Rectify => format!(
                "请于{by}前向局务会议作出书面说明(逾期原因、整改措施和完成时限),报送{office};视情予以通报或约谈。"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::WorkCalendar;
    use crate::domain::{CalendarMode, Ledger, Status};
    use crate::report::assess_ledgers;

    fn item(id: &str, deadline: &str, units: &[&str]) -> Item {
        Item {
            id: id.into(),
            title: format!("事项{id}"),
            deadline: deadline.into(),
            units: units.iter().map(|u| u.to_string()).collect(),
            supervisors: vec!["市局督察处".into()],
            status: Status::InProgress,
            ..Item::default()
        }
    }

    #[test]
    fn one_notice_per_unit_and_kind_never_to_the_guiding_department() {
        let ledger = Ledger {
            id: "t".into(),
            base_year: 2023,
            items: vec![
                item("1", "5月底前", &["办公室", "政治部"]),
                item("2", "5月底前", &["办公室"]),
                item("3", "4月底前", &["办公室"]),
                item("4", "12月底前", &["政治部"]),
            ],
            ..Ledger::default()
        };
        let rules = WarningRules {
            monthly_report: false,
            ..WarningRules::default()
        };
        let calendar = WorkCalendar::new(CalendarMode::WorkingDays);
        let today = NaiveDate::from_ymd_opt(2023, 6, 26).expect("date");
        let entries = assess_ledgers([&ledger], &rules, &calendar, today);
        let plans = plan(&entries, None, None);
        let summary: Vec<(&str, NoticeKind, Vec<&str>)> = plans
            .iter()
            .map(|p| {
                let ids = p
                    .entries
                    .iter()
                    .map(|&i| entries[i].item.id.as_str())
                    .collect();
                (p.recipient.as_str(), p.kind, ids)
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("办公室", NoticeKind::Supervise, vec!["1", "2"]),
                ("办公室", NoticeKind::Rectify, vec!["3"]),
                ("政治部", NoticeKind::Supervise, vec!["1"]),
            ]
        );
        let only = plan(&entries, Some("政治部"), Some(NoticeKind::Rectify));
        assert!(only.is_empty());
    }

    #[test]
    fn a_supervise_notice_is_copied_to_the_items_leaders() {
        let mut first = item("1", "5月底前", &["办公室"]);
        first.leader = Some("张副局长".into());
        let ledger = Ledger {
            id: "t".into(),
            base_year: 2023,
            items: vec![first],
            ..Ledger::default()
        };
        let rules = WarningRules::default();
        let calendar = WorkCalendar::new(CalendarMode::WorkingDays);
        let today = NaiveDate::from_ymd_opt(2023, 6, 26).expect("date");
        let entries = assess_ledgers([&ledger], &rules, &calendar, today);
        let plans = plan(&entries, None, None);
        let settings = NoticeSettings::default();
        let text = NoticeText::new(
            &plans[0],
            &entries,
            "督〔2023〕7号".into(),
            today,
            today,
            &settings,
        );
        assert_eq!(text.copy_to.as_deref(), Some("张副局长"));
        let doc = text.document(&rules);
        assert_eq!(doc.title_text(), Some("《督办通知单》"));
        assert_eq!(text.file_stem(), "督办通知单-办公室-督〔2023〕7号");
    }
}
