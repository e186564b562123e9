//! The header: workspace, date (marked when pinned demo data), open counts per colour,
//! and the active grouping, sort, filters and search.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::{COUNTED_COLOURS, State};
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
    if config.demo && config.as_of.is_some() {
        first.push(Span::styled(
            format!("演示数据 · 固定日期 {}", catalog.today),
            theme.alert(),
        ));
    } else if config.demo {
        first.push(Span::styled("演示数据", theme.alert()));
        first.push(Span::raw(format!(" 今天 {}", catalog.today)));
    } else {
        first.push(Span::raw(format!("今天 {}", catalog.today)));
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
    let mut second = format!(
        "{} · {} · {}项",
        view.grouping.label(),
        view.sort.label(),
        view.rows.len()
    );
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
