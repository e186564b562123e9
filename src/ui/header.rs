//! The header: workspace, date (marked when it is not the real one: pinned or chosen),
//! open counts per colour, and the active grouping, sort, filters and search.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::{COUNTED_COLOURS, DateOrigin, SortKey, State};
use crate::text::truncate;

/// Draw the two header lines into `area`.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let width = area.width as usize;
    let catalog = &state.catalog;
    let config = &catalog.config;
    let mut first: Vec<Span> = vec![Span::styled(
        truncate(&format!("督办 · {}", config.name), width.min(30)),
        theme.heading(),
    )];
    first.push(Span::raw("  "));
    // A date that is not the real one is marked, so nobody takes it for today.
    let date = match state.date_origin {
        DateOrigin::Real => None,
        DateOrigin::Pinned => Some("固定日期"),
        DateOrigin::Chosen => Some("指定日期"),
    };
    match (config.demo, date) {
        (true, Some(what)) => first.push(Span::styled(
            format!("演示数据 · {what} {}", catalog.today),
            theme.alert(),
        )),
        (true, None) => {
            first.push(Span::styled("演示数据", theme.alert()));
            first.push(Span::raw(format!(" 今天 {}", catalog.today)));
        }
        (false, Some(what)) => first.push(Span::styled(
            format!("{what} {}", catalog.today),
            theme.alert(),
        )),
        (false, None) => first.push(Span::raw(format!("今天 {}", catalog.today))),
    }
    first.push(Span::raw("  "));
    let counts = catalog.open_counts();
    for (colour, n) in COUNTED_COLOURS.iter().zip(counts) {
        first.push(Span::styled(
            format!("{}{n} ", colour.label()),
            theme.colour_text(*colour),
        ));
    }
    if !catalog.broken.is_empty() {
        first.push(Span::styled(
            format!(" {}个台账文件无法读取", catalog.broken.len()),
            theme.alert(),
        ));
    }
    let view = &state.view;
    // Without a search there is nothing to rank: say which order the rows are really in.
    let sort = match (view.sort, state.search.is_active()) {
        (SortKey::Relevance, false) => "按严重程度(搜索时按匹配度)",
        (key, _) => key.label(),
    };
    let mut second = format!("{} · {sort} · {}项", view.grouping.label(), view.rows.len());
    let filters = view.filters.describe(catalog);
    if !filters.is_empty() {
        second.push_str(" · 筛选 ");
        second.push_str(&filters.join(" "));
    }
    if let Some(hits) = state.search.hit_count() {
        second.push_str(&format!(" · 搜索“{}” {hits}项匹配", state.search.query));
    }
    let lines = vec![
        Line::from(first),
        Line::from(Span::styled(truncate(&second, width), theme.dim())),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}
