//! The dashboard: a bar chart of the open items by colour of the row under the cursor,
//! then one row per ledger and per unit with its colour counts and rates. The cursor
//! stands on a number; Enter shows the items behind it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Paragraph};

use super::theme::Theme;
use crate::app::{COUNTED_COLOURS, DASH_COLUMNS, DashRow, Dashboard, visible_offset};
use crate::domain::rates::format_percent;
use crate::text::{fit, sanitize, truncate, width};

/// Width of a count column.
const NUM: usize = 5;
/// Width of a rate column.
const RATE: usize = 8;

/// Draw the dashboard in `area`.
pub fn draw(frame: &mut Frame, area: Rect, dashboard: &Dashboard, theme: &Theme) {
    // The chart takes a quarter of the height, at least its 4 bars and border, more bar
    // height when there is room (a bar 2 rows high at 50 lines).
    let chart_height = (area.height / 4).clamp(6, 14).min(area.height);
    let [chart, table] =
        Layout::vertical([Constraint::Length(chart_height), Constraint::Min(0)]).areas(area);
    if let Some(row) = dashboard.rows.get(dashboard.cursor) {
        draw_chart(frame, chart, row, theme);
    }
    draw_table(frame, table, dashboard, theme);
}

fn draw_chart(frame: &mut Frame, area: Rect, row: &DashRow, theme: &Theme) {
    let bars: Vec<Bar> = COUNTED_COLOURS
        .iter()
        .zip(row.colours)
        .map(|(&colour, n)| {
            Bar::default()
                .value(n as u64)
                .label(Line::from(Theme::chip_text(colour)))
                .text_value(format!("{n}项"))
                .style(theme.colour_text(colour))
                .value_style(theme.heading())
        })
        .collect();
    let title = format!(
        " {} · 开放 {} 项 · 完成率 {} · 按期完成率 {} ",
        sanitize(&row.label),
        row.open,
        format_percent(row.rates.completion_rate()),
        format_percent(row.rates.on_time_rate())
    );
    let inner_height = area.height.saturating_sub(2);
    let chart = BarChart::horizontal(bars)
        .block(Block::bordered().title(Span::styled(
            truncate(&title, area.width.saturating_sub(2) as usize),
            theme.heading(),
        )))
        .bar_width((inner_height / 4).max(1))
        .bar_gap(0)
        .direction(Direction::Horizontal);
    frame.render_widget(chart, area);
}

fn draw_table(frame: &mut Frame, area: Rect, dashboard: &Dashboard, theme: &Theme) {
    let block = Block::bordered().title(Span::styled(
        " 总览 · ←→ 选列 ↑↓ 选行 · Enter 看明细 ",
        theme.heading(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cols = inner.width as usize;
    if inner.height < 2 || cols == 0 {
        return;
    }
    let wide = cols >= 100;
    let rate_heads: [&str; 3] = if wide {
        ["完成率", "按期完成率", "阶段性整改率"]
    } else {
        ["完成率", "按期率", "阶段率"]
    };
    // The widest head (阶段性整改率, 12 columns) keeps a gap of two from its neighbour.
    let rate_width = if wide { RATE + 6 } else { RATE };
    // The names take what the numbers leave, but no more than the longest needs: on a
    // wide screen the numbers stay next to their names instead of 100 columns away.
    let longest = (0..dashboard.rows.len())
        .map(|i| width(&row_label(dashboard, i)))
        .max()
        .unwrap_or(0);
    let name_width = cols
        .saturating_sub(NUM * DASH_COLUMNS + rate_width * 3)
        .min(longest + 2)
        .max(4);
    let mut header = vec![Span::styled(fit("", name_width), theme.heading())];
    for colour in COUNTED_COLOURS {
        header.push(Span::styled(
            right(Theme::chip_text(colour), NUM),
            theme.colour_text(colour),
        ));
    }
    header.push(Span::styled(right("开放", NUM), theme.heading()));
    for head in rate_heads {
        header.push(Span::styled(right(head, rate_width), theme.heading()));
    }
    let mut lines = vec![Line::from(header)];
    let height = inner.height as usize - 1;
    let offset = visible_offset(0, dashboard.cursor, height);
    for (i, row) in dashboard.rows.iter().enumerate().skip(offset).take(height) {
        let mut spans = vec![Span::raw(fit(&row_label(dashboard, i), name_width))];
        let numbers = row.colours.iter().copied().chain([row.open]);
        for (column, n) in numbers.enumerate() {
            let style = if i == dashboard.cursor && column == dashboard.column {
                theme.selected()
            } else if i == dashboard.cursor {
                theme.heading()
            } else {
                Style::new()
            };
            spans.push(Span::styled(right(&n.to_string(), NUM), style));
        }
        let rates = [
            row.rates.completion_rate(),
            row.rates.on_time_rate(),
            row.rates.phase_rate(),
        ];
        for rate in rates {
            spans.push(Span::raw(right(&format_percent(rate), rate_width)));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The label of row `i`: 【全部台账】, a ledger, "单位 · …" on the first unit row.
fn row_label(dashboard: &Dashboard, i: usize) -> String {
    let label = sanitize(&dashboard.rows[i].label).into_owned();
    if i == 0 {
        format!("【{label}】")
    } else if i == dashboard.units_from {
        format!("单位 · {label}")
    } else {
        label
    }
}

/// `text` right-aligned in `cells` columns (cut with … when longer).
fn right(text: &str, cells: usize) -> String {
    let text = truncate(text, cells);
    format!("{}{text}", " ".repeat(cells.saturating_sub(width(&text))))
}
