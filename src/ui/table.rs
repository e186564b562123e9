//! The item table: only the visible rows are built, so a frame costs the same at 100k items.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Row, Table, TableState};

use super::cells::{highlighted, plain};
use super::columns::{Column, days_heading, days_text, layout, units_text};
use super::theme::Theme;
use crate::app::{Pane, State, visible_offset};
use crate::text::{fit, truncate};

/// Draw the table of the view's rows.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let view = &state.view;
    let focused = view.focus == Pane::Table;
    let title = if view.rows.is_empty() {
        " 没有符合条件的事项(按 c 清除筛选) ".to_string()
    } else if state.edit.saving.pending() > 0 {
        format!(
            " {}/{} · *未保存 {} 项 ",
            view.selected + 1,
            view.rows.len(),
            state.edit.saving.pending()
        )
    } else if !state.edit.marks.is_empty() {
        format!(
            " {}/{} · 已标记 {} 项 ",
            view.selected + 1,
            view.rows.len(),
            state.edit.marks.len()
        )
    } else {
        format!(" {}/{} ", view.selected + 1, view.rows.len())
    };
    // Why the selected item has its colour, on the bottom border: triage at 80×24
    // without opening the detail.
    let reason = view
        .selected_entry()
        .and_then(|i| state.catalog.entry(i))
        .map(|e| e.assessment.warning.reason.as_str())
        .filter(|r| !r.is_empty())
        .map(|r| format!(" {} ", truncate(r, (area.width as usize).saturating_sub(6))))
        .unwrap_or_default();
    let block = Block::bordered()
        .title(Span::styled(title, theme.heading()))
        .title_bottom(Span::styled(reason, theme.alert()))
        .border_style(if focused {
            theme.heading()
        } else {
            theme.dim()
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let columns = layout(inner.width as usize);
    let body_rows = inner.height.saturating_sub(1) as usize;
    let offset = visible_offset(view.scroll, view.selected, body_rows);
    let catalog = &state.catalog;
    let query = state.search.result.as_ref().map(|r| r.query.as_str());
    let rows: Vec<Row> = view
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(body_rows)
        .filter_map(|(_, &index)| {
            let entry = catalog.entry(index)?;
            let item = catalog.item(entry);
            let cells = columns.iter().map(|&(column, w)| {
                let style = ratatui::style::Style::new();
                match column {
                    Column::Chip => {
                        let colour = entry.colour();
                        Cell::from(Span::styled(
                            fit(super::theme::Theme::chip_text(colour), w),
                            theme.chip(colour),
                        ))
                    }
                    Column::Number if unsaved(state, entry) => {
                        let mark = if marked(state, entry) { "✓" } else { "" };
                        Cell::from(plain(&format!("*{mark}{}", item.number), w, theme.alert()))
                    }
                    Column::Number if marked(state, entry) => {
                        Cell::from(plain(&format!("✓{}", item.number), w, theme.matched()))
                    }
                    Column::Number => Cell::from(plain(&item.number, w, style)),
                    Column::Title => {
                        let marks = query
                            .map(|q| catalog.index.title_highlights(index, q))
                            .unwrap_or_default();
                        Cell::from(highlighted(&item.title, &marks, w, style, theme.matched()))
                    }
                    Column::Units => Cell::from(plain(&units_text(catalog, entry), w, style)),
                    Column::DeadlineText => Cell::from(plain(
                        catalog.ledger(entry).deadline_text_of(item),
                        w,
                        style,
                    )),
                    Column::DueDate => Cell::from(plain(
                        &entry.due().map(|d| d.to_string()).unwrap_or_default(),
                        w,
                        style,
                    )),
                    Column::Days => Cell::from(plain(&days_text(catalog, entry), w, style)),
                    Column::Status => Cell::from(plain(item.status.short_label(), w, style)),
                    Column::Reason => Cell::from(plain(&entry.assessment.warning.reason, w, style)),
                    Column::LastProgress => Cell::from(plain(
                        &item
                            .last_progress()
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                        w,
                        style,
                    )),
                }
            });
            Some(Row::new(cells.collect::<Vec<_>>()))
        })
        .collect();
    let header = Row::new(
        columns
            .iter()
            .map(|&(c, w)| {
                let heading = if c == Column::Days {
                    days_heading(catalog)
                } else {
                    c.heading()
                };
                Cell::from(Line::from(plain(heading, w, theme.heading())))
            })
            .collect::<Vec<_>>(),
    );
    let widths: Vec<Constraint> = columns
        .iter()
        .map(|&(_, w)| Constraint::Length(w as u16))
        .collect();
    let table = Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .row_highlight_style(if focused {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        });
    let mut table_state = TableState::default()
        .with_selected((!view.rows.is_empty()).then(|| view.selected.saturating_sub(offset)));
    frame.render_stateful_widget(table, inner, &mut table_state);
}

/// Whether the entry's item has edits not yet on disk (shown as * before its number).
fn unsaved(state: &State, entry: &crate::app::Entry) -> bool {
    state.edit.saving.pending() > 0
        && state.edit.saving.is_unsaved(&crate::app::edit::Target::new(
            &state.catalog.ledger(entry).id,
            &state.catalog.item(entry).id,
        ))
}

/// Whether the entry's item is marked for a bulk edit (shown as ✓ before its number).
fn marked(state: &State, entry: &crate::app::Entry) -> bool {
    !state.edit.marks.is_empty()
        && state.edit.marks.contains(&crate::app::edit::Target::new(
            &state.catalog.ledger(entry).id,
            &state.catalog.item(entry).id,
        ))
}
