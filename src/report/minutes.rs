//! The minutes of a meeting (会议纪要) as a [`Document`]: date, attendees, the count of
//! items by colour before and after, and each item discussed with what was decided.

use crate::document::Document;
use crate::domain::meeting::{Minutes, colour_word};

/// Lay out `minutes` as a document (rendered to Markdown and .docx alike).
pub fn minutes_document(minutes: &Minutes) -> Document {
    let mut doc = Document::new();
    doc.title(format!("{}会议纪要", minutes.title));
    doc.centered(super::chinese_date(minutes.date));
    let attendees = match minutes.attendees.trim() {
        "" => "(未填写)",
        names => names,
    };
    doc.paragraph(format!("参会人员:{attendees}"));
    doc.paragraph(format!(
        "研究范围:{};共研究 {} 项,其中 {} 项作出决定。",
        minutes.scope,
        minutes.items.len(),
        minutes.decided()
    ));
    doc.heading("预警情况(会前 / 会后)");
    let mut header = vec![""];
    header.extend(Minutes::count_headings());
    let counts = minutes
        .count_rows()
        .into_iter()
        .map(|(label, counts)| {
            std::iter::once(label.to_string())
                .chain(counts.iter().map(|n| n.to_string()))
                .collect()
        })
        .collect();
    doc.table(&header, counts);
    doc.heading("研究事项");
    let rows = minutes
        .items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let colour = if item.colour_before == item.colour_after {
                colour_word(item.colour_before).to_string()
            } else {
                format!(
                    "{}→{}",
                    colour_word(item.colour_before),
                    colour_word(item.colour_after)
                )
            };
            let decided = if item.decisions.is_empty() {
                "听取汇报,无新决定".to_string()
            } else {
                item.decisions.join(";")
            };
            vec![
                (n + 1).to_string(),
                item.unit.clone(),
                format!(
                    "{} {}({} {})",
                    item.number, item.title, item.ledger_id, item.item_id
                ),
                colour,
                item.deadline.clone(),
                format!("{}", item.reason),
                decided,
            ]
        })
        .collect();
    doc.table(
        &[
            "序号",
            "责任单位",
            "事项(台账 编号)",
            "预警",
            "完成时限",
            "预警原因",
            "会议决定",
        ],
        rows,
    );
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Colour;
    use crate::domain::meeting::MinutesItem;
    use chrono::NaiveDate;

    #[test]
    fn the_minutes_list_attendees_counts_and_each_decision() {
        let item = |unit: &str, before, after, decisions: &[&str]| MinutesItem {
            unit: unit.into(),
            ledger_id: "2023-1-zhidu".into(),
            ledger_title: "制度建设规范年".into(),
            item_id: "7".into(),
            number: "7".into(),
            title: "建设智慧矫正中心".into(),
            deadline: "6月底前".into(),
            colour_before: before,
            colour_after: after,
            reason: "逾期6个工作日".into(),
            decisions: decisions.iter().map(|d| d.to_string()).collect(),
        };
        let minutes = Minutes {
            title: "督办事项调度会".into(),
            date: NaiveDate::from_ymd_opt(2023, 7, 3).unwrap(),
            attendees: "王局、李科长".into(),
            scope: "黑、红".into(),
            items: vec![
                item(
                    "办公室",
                    Colour::Red,
                    Colour::None,
                    &["状态:推进中 → 已完成", "进展:x"],
                ),
                item("办公室", Colour::Black, Colour::Black, &[]),
            ],
        };
        let md = crate::document::markdown::render(&minutes_document(&minutes));
        assert!(md.starts_with("# 督办事项调度会会议纪要\n"), "{md}");
        assert!(md.contains("**2023年7月3日**"), "{md}");
        assert!(md.contains("参会人员:王局、李科长"), "{md}");
        assert!(md.contains("共研究 2 项,其中 1 项作出决定"), "{md}");
        assert!(md.contains("| 会前 | 1 | 1 | 0 | 0 | 0 |"), "{md}");
        assert!(md.contains("| 会后 | 1 | 0 | 0 | 0 | 1 |"), "{md}");
        assert!(md.contains("| 红→无 |"), "{md}");
        assert!(md.contains("状态:推进中 → 已完成;进展:x"), "{md}");
        assert!(md.contains("听取汇报,无新决定"), "{md}");
    }
}
