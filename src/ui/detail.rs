//! The detail of one item: every field, the schedule with each milestone's state, why it
//! has its colour, progress, sub-measures, notices, extensions and history.

use crate::domain::warning::governing::milestone_met;
use crate::domain::warning::in_force;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::{Catalog, Entry, State};
use crate::domain::{Item, Ledger};
use crate::text::{sanitize, sanitize_multiline, truncate};

/// Draw the detail of `entry`, scrolled by `scroll` lines.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, entry: u32, scroll: u16, theme: &Theme) {
    let catalog = &state.catalog;
    let Some(entry) = catalog.entry(entry) else {
        return;
    };
    let item = catalog.item(entry);
    let saving = &state.edit.saving;
    let target = crate::app::edit::Target::new(&catalog.ledger(entry).id, &item.id);
    let heading = heading(&item.number, &item.title);
    // The title ends in "…" where it is cut, one "─" before the corner.
    let room = (area.width as usize).saturating_sub(5);
    let block = if saving.is_unsaved(&target) {
        // Never shown as recorded while it is not on disk: say so on both borders.
        let why = saving
            .failure_of(&target)
            .map(|f| format!(" {} ", f.short()))
            .unwrap_or_default();
        Block::bordered()
            .title(Span::styled(
                format!(" {} ", truncate(&format!("*未保存 · {heading}"), room)),
                theme.alert(),
            ))
            .title_bottom(Span::styled(why, theme.alert()))
    } else {
        Block::bordered().title(Span::styled(
            format!(" {} ", truncate(&heading, room)),
            theme.heading(),
        ))
    };
    let lines = lines(catalog, entry, theme);
    let inner = block.inner(area);
    let rows = super::wrapped_rows(&lines, inner.width);
    let max_scroll = rows
        .saturating_sub(inner.height as usize)
        .min(u16::MAX as usize) as u16;
    let paragraph = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((scroll.min(max_scroll), 0));
    frame.render_widget(paragraph, area);
}

/// "3 加强纪律作风建设": the printed number (when there is one) and the title.
fn heading(number: &str, title: &str) -> String {
    let number = number.trim();
    if number.is_empty() {
        title.to_string()
    } else {
        format!("{number} {title}")
    }
}

fn field<'a>(label: &str, value: &str, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}:"), theme.heading()),
        Span::raw(sanitize(value).into_owned()),
    ])
}

fn section<'a>(label: &str, theme: &Theme) -> Line<'a> {
    Line::from(Span::styled(format!("── {label} ──"), theme.heading()))
}

fn text_block(out: &mut Vec<Line<'static>>, text: &str) {
    for l in sanitize_multiline(text).lines() {
        out.push(Line::raw(format!("  {l}")));
    }
}

/// The lines of the detail view (also used to know how far it can scroll).
pub fn lines(catalog: &Catalog, entry: &Entry, theme: &Theme) -> Vec<Line<'static>> {
    let item = catalog.item(entry);
    let ledger = catalog.ledger(entry);
    let mut out: Vec<Line<'static>> = Vec::new();
    out.push(field(
        "台账",
        &format!("{}({})", ledger.title, ledger.kind.label()),
        theme,
    ));
    // The ids the command line takes (`duban note LEDGER ITEM …`), also for tree items
    // whose printed number is blank.
    let number = if item.number.trim().is_empty() {
        "(无)"
    } else {
        item.number.as_str()
    };
    out.push(field(
        "编号",
        &format!("{number} · 命令行:{} {}", ledger.id, item.id),
        theme,
    ));
    if !item.category.is_empty() {
        out.push(field("类别", &item.category, theme));
    }
    if !item.goal.is_empty() {
        out.push(field("目标", &item.goal, theme));
    }
    out.push(field("标题", &item.title, theme));
    let mut status = item.status.label().to_string();
    if let Some(reason) = &item.suspend_reason {
        status.push_str(&format!("(原因:{reason})"));
    }
    out.push(field("状态", &status, theme));
    warning_lines(&mut out, entry, theme);
    if let Some(raised) = &item.raised {
        out.push(field(
            "人工升级",
            &format!(
                "{} {}({} {})",
                raised.colour.label(),
                raised.reason,
                raised.date,
                raised.by
            ),
            theme,
        ));
    }
    units_lines(&mut out, ledger, item, theme);
    schedule_lines(&mut out, catalog, entry, theme);
    if !item.measures.trim().is_empty() {
        out.push(section("具体措施", theme));
        text_block(&mut out, &item.measures);
    }
    records_lines(&mut out, item, theme);
    out
}

/// "预警:[红] 督办 · 逾期7个工作日". A warning with several reasons lists them one per
/// line below its colour, so no reason is broken across lines and no separator is left
/// dangling at a line's end; with no colour it says 无.
fn warning_lines(out: &mut Vec<Line<'static>>, entry: &Entry, theme: &Theme) {
    let warning = &entry.assessment.warning;
    let colour = entry.colour();
    let mut head = vec![Span::styled("预警:", theme.heading())];
    if colour == crate::domain::Colour::None {
        head.push(Span::raw("无"));
    } else {
        head.push(Span::styled(Theme::chip_text(colour), theme.chip(colour)));
    }
    if let Some(notice) = warning.notice() {
        head.push(Span::raw(format!("{NBSP}{}", notice.verb())));
    }
    let reasons: Vec<&str> = warning
        .reason
        .split(';')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .collect();
    match reasons.as_slice() {
        [] if colour == crate::domain::Colour::None => {}
        [] => head.push(Span::raw(format!("{NBSP}·{NBSP}无预警原因"))),
        // Joined by no-break spaces: a long reason wraps inside itself, never after "·".
        [one] => head.push(Span::raw(format!("{NBSP}·{NBSP}{}", sanitize(one)))),
        several => {
            out.push(Line::from(head));
            for reason in several {
                out.push(Line::raw(format!("  {}", sanitize(reason))));
            }
            return;
        }
    }
    out.push(Line::from(head));
}

/// A space the line wrapping does not break at.
const NBSP: char = '\u{a0}';

/// The units by role, each role named as the ledger's column names it (牵头单位, 责任科室,
/// 市局责任部门 …), so a filter by any role can be checked here.
fn units_lines(out: &mut Vec<Line<'static>>, ledger: &Ledger, item: &Item, theme: &Theme) {
    let mut roles: Vec<(&str, Vec<&str>)> = Vec::new();
    for r in ledger.unit_roles(item) {
        match roles.iter_mut().find(|(role, _)| *role == r.role) {
            Some((_, units)) => units.push(r.unit),
            None => roles.push((r.role, vec![r.unit])),
        }
    }
    for (role, units) in roles {
        out.push(field(role, &units.join("、"), theme));
    }
    if let Some(leader) = &item.leader {
        out.push(field("责任领导", leader, theme));
    }
}

fn schedule_lines(out: &mut Vec<Line<'static>>, catalog: &Catalog, entry: &Entry, theme: &Theme) {
    let item = catalog.item(entry);
    let ledger = catalog.ledger(entry);
    // The reading that governs the colour: dated from its event when the date is known,
    // extensions of one milestone moving it while the rest of the plan stays visible.
    let read = in_force(&entry.assessment.schedule, item, ledger, &catalog.calendar);
    let schedule = &*read;
    let today = catalog.today;
    out.push(section("完成时限", theme));
    out.push(field("原文", ledger.deadline_text_of(item), theme));
    if let Some(date) = item.event_date {
        out.push(field("事件日期", &date.to_string(), theme));
    }
    out.push(field("解读", schedule.kind.label(), theme));
    for line in crate::domain::deadline::explain(schedule) {
        out.push(Line::raw(format!("  {}", sanitize(&line))));
    }
    if !schedule.milestones.is_empty() {
        out.push(Line::from(Span::styled("节点完成情况:", theme.heading())));
    }
    for (i, m) in schedule.milestones.iter().enumerate() {
        let met = item.milestones_met.iter().find(|x| x.index == i);
        let state = match met {
            Some(x) => format!("已完成({})", x.date),
            None if milestone_met(item, schedule, i) => "已完成".to_string(),
            // A done or accepted item shows no milestone as overdue.
            None if item.status.is_finished() => "未单独标记 · 事项已完成".to_string(),
            None if m.due < today => "未完成 · 已过期".to_string(),
            None => "未到期".to_string(),
        };
        let mut text = match m.start {
            Some(start) => format!("  {}. {start} 至 {}", i + 1, m.due),
            None => format!("  {}. {}", i + 1, m.due),
        };
        let label = m.label.trim();
        if !label.is_empty() {
            text.push(' ');
            text.push_str(label);
        }
        if let Some(p) = m.percent {
            text.push_str(&format!(" {p}%"));
        }
        if let Some(d) = &m.detail {
            text.push_str(&format!("({d})"));
        }
        out.push(Line::from(vec![
            Span::raw(sanitize(&text).into_owned()),
            Span::styled(format!(" [{state}]"), theme.dim()),
        ]));
    }
    if let Some(end) = schedule.year_end {
        out.push(Line::raw(format!("  全年推进,年底 {end}")));
    }
    if let Some(r) = schedule.recurrence {
        out.push(Line::raw(format!(
            "  周期报送:下次 {}",
            r.next_on_or_after(today)
        )));
    }
    if let Some(ext) = &schedule.external {
        out.push(Line::raw(format!("  待上级安排:{}", sanitize(ext))));
    }
    if let Some(d) = item.due_override {
        out.push(field("督查室指定日期", &d.to_string(), theme));
    }
    // The reading's notes are among the explanation's lines (说明:…) above.
}

fn records_lines(out: &mut Vec<Line<'static>>, item: &Item, theme: &Theme) {
    if !item.sub_measures.is_empty() {
        out.push(section("子措施", theme));
        for m in &item.sub_measures {
            let mark = if m.done { "[x]" } else { "[ ]" };
            let mut text = format!("  {mark} {}", m.text);
            if let Some(d) = &m.deadline {
                text.push_str(&format!("(时限:{d})"));
            }
            if let Some(d) = m.done_on {
                text.push_str(&format!(" 完成于 {d}"));
            }
            out.push(Line::raw(sanitize(&text).into_owned()));
        }
    }
    out.push(section("进展记录", theme));
    if item.progress.is_empty() {
        out.push(Line::raw("  (尚无进展记录)"));
    }
    for p in item.progress.iter().rev() {
        out.push(Line::raw(
            // A long note wraps inside itself, not after the date.
            sanitize(&format!("  {}{NBSP}{}:{}", p.date, p.author, p.text)).into_owned(),
        ));
    }
    if !item.instructions.is_empty() {
        out.push(section("督办意见", theme));
        for i in item.instructions.iter().rev() {
            let due = if i.due.is_empty() {
                String::new()
            } else {
                format!(",期限:{}", i.due)
            };
            out.push(Line::raw(
                sanitize(&format!(
                    "  {} {} → {}:{}{due}",
                    i.date, i.author, i.assignee, i.text
                ))
                .into_owned(),
            ));
        }
    }
    if !item.notices.is_empty() {
        out.push(section("已发通知", theme));
        for n in &item.notices {
            out.push(Line::raw(
                sanitize(&format!(
                    "  {} {}{} → {}",
                    n.date,
                    n.kind.label(),
                    n.number
                        .as_deref()
                        .map(|number| format!(" {number}"))
                        .unwrap_or_default(),
                    n.recipient
                ))
                .into_owned(),
            ));
        }
    }
    if !item.extensions.is_empty() {
        out.push(section("延期", theme));
        for e in &item.extensions {
            // A plan's milestone moved, or the whole text replaced (an item on its plan's
            // or ledger's deadline has no text of its own).
            let from = match (&e.milestone, e.original.trim()) {
                (Some(label), _) => match e.original_due {
                    Some(due) => format!("{label}节点(原截止{due})"),
                    None => format!("{label}节点"),
                },
                (None, "") => "原时限".to_string(),
                (None, text) => format!("原时限“{text}”"),
            };
            let mut line = format!("  {} {from} → 新时限“{}”", e.date, e.new_deadline);
            if !e.reason.is_empty() {
                line.push_str(&format!(",理由:{}", e.reason));
            }
            if !e.approver.is_empty() {
                line.push_str(&format!(",批准:{}", e.approver));
            }
            out.push(Line::raw(sanitize(&line).into_owned()));
        }
    }
    if let Some(text) = &item.overdue_explanation {
        out.push(section("逾期书面说明", theme));
        text_block(out, text);
    }
    if let Some(a) = &item.acceptance {
        out.push(field("验收", &format!("{} {}", a.date, a.result), theme));
    }
    if let Some(parent) = &item.parent {
        out.push(field("上级问题", parent, theme));
    }
    for (header, text) in &item.extra {
        out.push(field(header, text, theme));
    }
    if !item.history.is_empty() {
        out.push(section("修改记录", theme));
        for h in item.history.iter().rev() {
            out.push(Line::raw(
                sanitize(&format!(
                    "  {} {} {}:{} → {}",
                    h.at.format("%Y-%m-%d %H:%M"),
                    h.author,
                    crate::domain::edit::Field::from_key(&h.field)
                        .map(|f| f.label())
                        .unwrap_or(&h.field),
                    h.from,
                    h.to
                ))
                .into_owned(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::WorkCalendar;
    use crate::domain::{Status, WorkspaceConfig};
    use crate::storage::{LoadedLedger, Workspace};
    use chrono::NaiveDate;

    fn detail_text(event_date: Option<NaiveDate>) -> Vec<String> {
        let item = Item {
            id: "1".into(),
            title: "反馈问题整改".into(),
            deadline: "问题反馈后10个工作日内办结".into(),
            event_date,
            status: Status::InProgress,
            ..Item::default()
        };
        let ledger = Ledger {
            id: "t".into(),
            base_year: 2023,
            items: vec![item],
            ..Ledger::default()
        };
        first_item_text(ledger, NaiveDate::from_ymd_opt(2023, 6, 20).expect("date"))
    }

    /// The detail of the first item of `ledger`, alone in a workspace, at `today`.
    fn first_item_text(ledger: Ledger, today: NaiveDate) -> Vec<String> {
        let workspace = Workspace {
            dir: "unused".into(),
            config: WorkspaceConfig::default(),
            ledgers: vec![LoadedLedger::new(ledger, "t.ron".into())],
            broken: Vec::new(),
        };
        let catalog = Catalog::new(workspace, WorkCalendar::default(), today);
        let entry = catalog.entry(0).expect("entry");
        lines(&catalog, entry, &Theme::MONO)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn an_extended_milestone_says_which_one_moved_not_an_empty_original() {
        let item = Item {
            id: "21".into(),
            title: "加强信息化应用".into(),
            status: Status::InProgress,
            extensions: vec![crate::domain::item::Extension {
                original: String::new(),
                new_deadline: "2023年9月30日前".into(),
                reason: "平台招标延后".into(),
                approver: "张局长".into(),
                date: NaiveDate::from_ymd_opt(2023, 6, 26).expect("date"),
                original_due: NaiveDate::from_ymd_opt(2022, 12, 31),
                new_due: NaiveDate::from_ymd_opt(2023, 9, 30),
                milestone: Some("推进年".into()),
            }],
            ..Item::default()
        };
        let ledger = Ledger {
            id: "t".into(),
            base_year: 2022,
            default_deadline: Some("2022年推进年 2023年提升年 2024年深化年".into()),
            items: vec![item],
            ..Ledger::default()
        };
        let text = first_item_text(ledger, NaiveDate::from_ymd_opt(2023, 6, 26).expect("date"));
        assert!(
            text.iter().any(|l| l.trim()
                == "2023-06-26 推进年节点(原截止2022-12-31) → 新时限“2023年9月30日前”,理由:平台招标延后,批准:张局长"),
            "{text:#?}"
        );
        assert!(!text.iter().any(|l| l.contains("原时限“”")), "{text:#?}");
    }

    #[test]
    fn each_note_of_the_reading_is_shown_once() {
        let text = detail_text(None);
        let notes: Vec<&String> = text
            .iter()
            .filter(|l| l.contains("相对事件的期限"))
            .collect();
        assert_eq!(notes.len(), 1, "{text:#?}");
    }

    #[test]
    fn the_detail_shows_the_event_date_and_the_dated_reading() {
        let text = detail_text(NaiveDate::from_ymd_opt(2023, 6, 1));
        assert!(text.iter().any(|l| l == "事件日期:2023-06-01"), "{text:#?}");
        assert!(
            text.iter()
                .any(|l| l.trim() == "事件日期2023-06-01起10个工作日,截止2023-06-15"),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|l| l.contains("2023-06-15 办结") && l.contains("已过期")),
            "{text:#?}"
        );
        let waiting = detail_text(None);
        assert!(
            !waiting.iter().any(|l| l.starts_with("事件日期")),
            "{waiting:#?}"
        );
        assert!(
            waiting.iter().any(|l| l.contains("事件日期记录到事项后")),
            "{waiting:#?}"
        );
    }
}
