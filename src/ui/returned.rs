//! Taking back a returned sheet on screen: the prompt for the workbook and its ledger, and
//! the preview of what it would change, grouped (new notes, status changes, rows that match
//! no item, cells units must not change, cells that could not be read), scrollable.

use std::path::Path;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::edit::{Body, MAX_POPUP_WIDTH, message_line, render_popup};
use super::theme::Theme;
use crate::app::Catalog;
use crate::app::returned::{SheetPreview, SheetPrompt, SheetReturn, summary};
use crate::domain::Ledger;
use crate::text::{sanitize, truncate};

/// The widest the preview gets (notes are long; wide terminals show them on one line).
const PREVIEW_WIDTH: u16 = 110;

/// Draw the take-back prompt or preview over `area`.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    returned: &SheetReturn,
    catalog: &Catalog,
    theme: &Theme,
) {
    match returned {
        SheetReturn::Prompt(prompt) => draw_prompt(frame, area, prompt, &catalog.dir, theme),
        SheetReturn::Preview(preview) => {
            let ledger = ledger_of(catalog, preview);
            draw_preview(frame, area, preview, ledger, theme)
        }
    }
}

/// The ledger a preview is for, as now loaded.
pub(crate) fn ledger_of<'a>(catalog: &'a Catalog, preview: &SheetPreview) -> Option<&'a Ledger> {
    catalog
        .ledgers
        .iter()
        .map(|l| &l.ledger)
        .find(|l| l.id == preview.ledger.0)
}

fn draw_prompt(frame: &mut Frame, area: Rect, prompt: &SheetPrompt, dir: &Path, theme: &Theme) {
    let width = area.width.min(MAX_POPUP_WIDTH).saturating_sub(2) as usize;
    let mut b = Body::new(*theme);
    b.text(
        "读入单位交回的表格(duban export 导出后填写的),先预览,确认后写入。",
        width,
    );
    b.input("工作簿", &prompt.input, true, width);
    if let Some((_, title)) = prompt.ledgers.get(prompt.chosen) {
        let line = format!(
            " 台账 {}/{}(↑↓ 切换):{}",
            prompt.chosen + 1,
            prompt.ledgers.len(),
            sanitize(title)
        );
        b.text(&line, width);
    }
    let (choices, more) = prompt.shown_choices();
    if !choices.is_empty() {
        let mut line = format!(" 可选:{}", sanitize(&choices.join("  ")));
        if more > 0 {
            line.push_str(&format!(" …(另有 {more} 个)"));
        }
        b.text(&line, width);
    }
    b.hint(
        &format!(" 相对路径从工作区 {} 起;~ 为主目录", crate::text::path(dir)),
        width,
    );
    b.message(prompt.message.as_ref(), width);
    b.hint("Enter 预览 · Tab 补全 · ↑↓ 台账 · Esc 取消", width);
    render_popup(frame, area, "收回报表", b);
}

/// The grouped list of what the sheet would change and what it reports, wrapped at
/// `width` columns (so its height is exact); items are named with their titles from
/// `ledger`.
pub fn preview_lines(
    preview: &SheetPreview,
    ledger: Option<&Ledger>,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let plan = &preview.plan;
    let title = |id: &str| {
        let title = ledger
            .and_then(|l| l.item(id))
            .map(|i| format!(" {}", truncate(&i.title, 16)))
            .unwrap_or_default();
        format!("{}{title}", sanitize(id))
    };
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut section = |title: String, rows: Vec<String>| {
        if rows.is_empty() {
            return;
        }
        out.push(Line::styled(truncate(&title, width), theme.heading()));
        for row in rows {
            out.extend(wrap(&row, width).into_iter().map(Line::raw));
        }
    };
    section(
        format!("新进展 {} 条(记在单位名下,日期为今天)", plan.notes.len()),
        plan.notes
            .iter()
            .map(|(id, unit, text)| format!("{}〔{unit}〕:{text}", title(id)))
            .collect(),
    );
    section(
        format!("状态变更 {} 项", plan.statuses.len()),
        plan.statuses
            .iter()
            .map(|(id, from, to)| {
                format!(
                    "{}:{} → {}",
                    title(id),
                    from.short_label(),
                    to.short_label()
                )
            })
            .collect(),
    );
    section(
        format!(
            "无法对应 {} 行(序号不在台账中,未写入)",
            plan.unmatched.len()
        ),
        plan.unmatched
            .iter()
            .map(|(line, id)| format!("第{line}行:序号「{id}」"))
            .collect(),
    );
    section(
        format!(
            "不予修改 {} 处(单位不能修改这些列,未采用)",
            plan.forbidden.len()
        ),
        plan.forbidden
            .iter()
            .map(|(line, id, header, before, after)| {
                format!(
                    "第{line}行 {}「{header}」:「{before}」→「{after}」",
                    title(id)
                )
            })
            .collect(),
    );
    section(
        format!("无法读取 {} 处(未写入)", plan.unreadable.len()),
        plan.unreadable
            .iter()
            .map(|(line, message)| format!("第{line}行:{message}"))
            .collect(),
    );
    if out.is_empty() {
        out.extend(
            wrap("表格与台账一致:没有新进展、状态变更或其他差异。", width)
                .into_iter()
                .map(Line::raw),
        );
    }
    out
}

/// `text` (sanitised) as lines of at most `width` columns: the first indented by two
/// columns, the rest by four; cut between characters, as CJK text wraps.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = "  ".to_string();
    let mut used = 2;
    for cluster in crate::text::clusters(text) {
        if used + cluster.width > width && used > 4 {
            lines.push(std::mem::replace(&mut line, "    ".to_string()));
            used = 4;
        }
        line.push_str(&cluster.shown);
        used += cluster.width;
    }
    lines.push(line);
    lines
}

/// Where the preview's parts go in the body `area`: the popup, its two (three with a
/// message) head lines, the scrolled list, the key line.
pub(crate) struct PreviewLayout {
    pub popup: Rect,
    pub head: Rect,
    pub list: Rect,
    pub keys: Rect,
}

/// The preview's layout for `preview` in `area`: as tall as its content, at most the body.
pub(crate) fn preview_layout(
    area: Rect,
    preview: &SheetPreview,
    ledger: Option<&Ledger>,
) -> PreviewLayout {
    let width = PREVIEW_WIDTH.min(area.width);
    let head_rows: u16 = if preview.message.is_some() { 3 } else { 2 };
    let list_width = width.saturating_sub(2) as usize;
    let list_rows = preview_lines(preview, ledger, list_width, &Theme::MONO).len();
    let height = (list_rows.min(u16::MAX as usize) as u16).saturating_add(head_rows + 3);
    let popup = super::popup::place(area, width, height);
    let inner = Block::bordered().inner(popup);
    let [head, list, keys] = Layout::vertical([
        Constraint::Length(head_rows),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(inner);
    PreviewLayout {
        popup,
        head,
        list,
        keys,
    }
}

/// The largest useful scroll of the preview's list in `area`.
pub(crate) fn preview_scroll_limit(
    area: Rect,
    preview: &SheetPreview,
    ledger: Option<&Ledger>,
) -> u16 {
    let layout = preview_layout(area, preview, ledger);
    let rows = preview_lines(preview, ledger, layout.list.width as usize, &Theme::MONO).len();
    rows.saturating_sub(layout.list.height as usize)
        .min(u16::MAX as usize) as u16
}

fn draw_preview(
    frame: &mut Frame,
    area: Rect,
    preview: &SheetPreview,
    ledger: Option<&Ledger>,
    theme: &Theme,
) {
    let layout = preview_layout(area, preview, ledger);
    if layout.popup.width < 3 || layout.popup.height < 3 {
        return;
    }
    crate::ui::popup::clear_area(frame.buffer_mut(), layout.popup);
    let room = layout.popup.width.saturating_sub(4) as usize;
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", truncate("收回报表 · 预览(尚未写入)", room)),
        theme.heading(),
    ));
    frame.render_widget(block, layout.popup);
    let cols = layout.head.width as usize;
    let plan = &preview.plan;
    let file = preview.file.rsplit('/').next().unwrap_or(&preview.file);
    let mut head = vec![Line::raw(truncate(
        &format!(
            "台账「{}」← {} 工作表「{}」",
            sanitize(&preview.ledger.1),
            sanitize(file),
            sanitize(&preview.sheet)
        ),
        cols,
    ))];
    let mut what = if plan.changes_anything() {
        format!("将写入 {}", summary(plan))
    } else {
        "没有需要写入的进展或状态".to_string()
    };
    let reported = plan.unmatched.len() + plan.forbidden.len() + plan.unreadable.len();
    if reported > 0 {
        what.push_str(&format!(";另有 {reported} 处只报告、不写入"));
    }
    head.push(Line::styled(truncate(&what, cols), theme.alert()));
    if let Some(message) = &preview.message {
        head.push(message_line(message, cols, theme));
    }
    frame.render_widget(Paragraph::new(head), layout.head);
    let lines = preview_lines(preview, ledger, layout.list.width as usize, theme);
    let rows = lines.len();
    let max = rows.saturating_sub(layout.list.height as usize);
    let scroll = (preview.scroll as usize).min(max);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown), layout.list);
    let mut keys = if plan.changes_anything() {
        "Enter/y 写入(可按 u 撤销) · Esc 取消".to_string()
    } else {
        "Enter 关闭 · Esc 取消".to_string()
    };
    if max > 0 {
        let last = (scroll + layout.list.height as usize).min(rows);
        keys.push_str(&format!(" · j/k 滚动 {}-{last}/{rows}", scroll + 1));
    }
    frame.render_widget(
        Paragraph::new(Line::styled(truncate(&keys, cols), theme.dim())),
        layout.keys,
    );
}
