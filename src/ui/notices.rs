//! The 发通知单 popup: what will be issued (scope, kind, unit, format, the notices with the
//! numbers they take and how many items), and the question before issuing twice.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::{NoticePopup, Reach, State};
use crate::domain::{Colour, NoticeKind};
use crate::issue::Format;
use crate::text::{sanitize, truncate};

/// The popup's largest width (it fits an 80-column terminal with room beside it).
const WIDTH: u16 = 68;
/// At most this many notices are listed; the rest are counted.
const LISTED: usize = 4;

/// The colour whose notice `kind` is.
fn colour_of(kind: NoticeKind) -> Colour {
    match kind {
        NoticeKind::Reminder => Colour::Blue,
        NoticeKind::Chase => Colour::Yellow,
        NoticeKind::Supervise => Colour::Red,
        NoticeKind::Rectify => Colour::Black,
    }
}

/// "督办通知单(红)" in the colour's style.
fn kind_span(kind: NoticeKind, theme: &Theme) -> Span<'static> {
    Span::styled(
        format!("{}({})", kind.label(), colour_of(kind).label()),
        theme.colour_text(colour_of(kind)),
    )
}

fn key_hint(pairs: &[(&str, &str)], theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, label) in pairs {
        spans.push(Span::styled(key.to_string(), theme.key()));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    Line::from(spans)
}

/// The popup's lines for an inner width of `cols`.
pub fn lines(state: &State, popup: &NoticePopup, cols: usize, theme: &Theme) -> Vec<Line<'static>> {
    let clip = |s: &str| truncate(&sanitize(s), cols);
    let title = state
        .catalog
        .entry_index(&popup.target.ledger_id, &popup.target.item_id)
        .map(|i| state.catalog.item(&state.catalog.entries[i]).title.clone())
        .unwrap_or_default();
    let mut out = vec![Line::raw(clip(&format!(
        "事项:{} {} {title}",
        popup.target.ledger_id, popup.target.item_id
    )))];
    let label = Span::styled;
    match popup.reach {
        Reach::Item => {
            let mut line = vec![label("范围:", theme.heading()), Span::raw("本事项 · ")];
            match popup.item_kind {
                Some(kind) => line.push(kind_span(kind, theme)),
                None => line.push(Span::raw("未亮灯,无需发通知单")),
            }
            out.push(Line::from(line));
            out.push(Line::raw(clip(&format!(
                "      发给本事项的全部单位:{}",
                popup.units.join("、")
            ))));
        }
        Reach::Unit => {
            let of = if popup.units.len() > 1 {
                format!("({}/{})", popup.unit + 1, popup.units.len())
            } else {
                String::new()
            };
            out.push(Line::from(vec![
                label("范围:", theme.heading()),
                Span::raw(clip(&format!(
                    "{}{of} 的全部{}色在办事项",
                    popup.unit_name(),
                    colour_of(popup.kind).label()
                ))),
            ]));
            out.push(Line::from(vec![
                label("类型:", theme.heading()),
                kind_span(popup.kind, theme),
            ]));
        }
    }
    let format = match popup.format {
        Format::Docx => "docx(Word)",
        Format::Text => "txt",
        Format::Markdown => "md(Markdown)",
    };
    out.push(Line::from(vec![
        label("格式:", theme.heading()),
        Span::raw(format),
    ]));
    out.push(Line::raw(""));
    let preview = &popup.preview;
    if preview.notices.is_empty() {
        out.push(Line::styled(
            "没有需要发出的通知单(范围内没有该颜色的在办事项)",
            theme.dim(),
        ));
    } else {
        out.push(Line::raw(format!(
            "将发出 {} 份通知单,登记到 {} 个事项:",
            preview.notices.len(),
            preview.items
        )));
        for n in preview.notices.iter().take(LISTED) {
            out.push(Line::raw(clip(&format!(
                "  {} {} → {}({}项)",
                n.kind.label(),
                n.number,
                n.recipient,
                n.items
            ))));
        }
        if preview.notices.len() > LISTED {
            out.push(Line::raw(format!(
                "  …另 {} 份",
                preview.notices.len() - LISTED
            )));
        }
    }
    out.push(Line::styled(
        clip(&format!(
            "文件写入工作区的 {}/ 文件夹,并登记到各事项",
            crate::issue::NOTICES_DIR
        )),
        theme.dim(),
    ));
    out.push(Line::raw(""));
    if let Some(duplicate) = &popup.question {
        out.push(Line::styled(format!("{duplicate}。"), theme.alert()));
        out.push(Line::styled("再发一次?(取新文号)", theme.alert()));
        out.push(key_hint(&[("y", "再发一次"), ("n", "不发")], theme));
    } else if popup.sending {
        out.push(Line::styled("正在发出…", theme.dim()));
    } else {
        let mut keys = vec![("Enter", "发出"), ("Tab", "范围")];
        if popup.reach == Reach::Unit {
            keys.push(("t", "类型"));
            if popup.units.len() > 1 {
                keys.push(("u", "单位"));
            }
        }
        keys.extend([("f", "格式"), ("Esc", "取消")]);
        out.push(key_hint(&keys, theme));
    }
    out
}

/// Draw the popup over `area`.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, popup: &NoticePopup, theme: &Theme) {
    let width = WIDTH.min(area.width);
    let cols = width.saturating_sub(2) as usize;
    let lines = lines(state, popup, cols, theme);
    let height = super::wrapped_rows(&lines, width.saturating_sub(2)) as u16 + 2;
    let rect = super::centered(area, width, height);
    super::popup::clear_area(frame.buffer_mut(), rect);
    let block = Block::bordered().title(Span::styled(" 发通知单 ", theme.heading()));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}
