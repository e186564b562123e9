//! The three output formats of `duban list`: a width-aware table, CSV and JSON.

use std::io::IsTerminal;

use super::list::ListRow;
use crate::domain::Colour;
use crate::text::{fit, truncate, width};

/// The CSV header (a scripting contract).
pub const CSV_HEADER: [&str; 8] = [
    "ledger", "id", "colour", "status", "due", "units", "title", "reason",
];

/// Table width and whether to use ANSI colours, from the terminal (or `COLUMNS`, else 100).
pub fn terminal_style() -> (usize, bool) {
    let stdout = std::io::stdout();
    let is_tty = stdout.is_terminal();
    let from_env = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    let width = if is_tty {
        ratatui::crossterm::terminal::size()
            .map(|(w, _)| w as usize)
            .ok()
            .or(from_env)
    } else {
        from_env
    }
    .unwrap_or(100);
    let colour = is_tty
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb");
    (width, colour)
}

/// CSV with the exact header; text is kept as data (the csv crate quotes as needed).
pub fn csv(rows: &[ListRow]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::with_capacity(rows.len() * 96 + 64));
    // Writing to a Vec cannot fail.
    let _ = w.write_record(CSV_HEADER);
    for r in rows {
        let due = r.due.map(|d| d.to_string()).unwrap_or_default();
        let units = r.units.join(";");
        let _ = w.write_record([
            r.ledger.as_str(),
            r.id.as_str(),
            r.colour.word(),
            r.status.word(),
            due.as_str(),
            units.as_str(),
            r.title.as_str(),
            r.reason.as_str(),
        ]);
    }
    w.into_inner().unwrap_or_default()
}

/// A JSON array of objects with the CSV's fields (units as an array).
pub fn json(rows: &[ListRow]) -> Vec<u8> {
    let values: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            serde_json::json!({
                "ledger": r.ledger,
                "id": r.id,
                "colour": r.colour.word(),
                "status": r.status.word(),
                "due": r.due.map(|d| d.to_string()),
                "units": r.units,
                "title": r.title,
                "reason": r.reason,
            })
        })
        .collect();
    let mut out = serde_json::to_vec_pretty(&values).unwrap_or_default();
    out.push(b'\n');
    out
}

/// Column widths of the table for a terminal `total` columns wide.
struct Layout {
    ledger: usize,
    id: usize,
    status: usize,
    due: usize,
    units: usize,
    title: usize,
    reason: usize,
}

impl Layout {
    fn for_width(total: usize, rows: &[ListRow]) -> Layout {
        let widest = |f: &dyn Fn(&ListRow) -> usize, cap: usize, min: usize| {
            rows.iter().map(f).max().unwrap_or(0).clamp(min, cap)
        };
        let id = widest(&|r| width(&r.id), 8, 4);
        let ledger = if total >= 110 {
            widest(&|r| width(&r.ledger), 16, 4)
        } else {
            0
        };
        let status = 6;
        let due = 10;
        let units = if total >= 100 { 16 } else { 10 };
        let reason = if total >= 100 { 20 } else { 14 };
        // colour chip (4) + the gaps between the columns present.
        let gaps = 7 + usize::from(ledger > 0);
        let fixed = 4 + ledger + id + status + due + units + reason + gaps;
        let title = total.saturating_sub(fixed).max(8);
        Layout {
            ledger,
            id,
            status,
            due,
            units,
            title,
            reason,
        }
    }
}

fn chip(colour: Colour, ansi: bool) -> String {
    let label = match colour {
        Colour::None => "  ".to_string(),
        c => c.label().to_string(),
    };
    let text = format!("{}{label}", if colour == Colour::None { "  " } else { "■" });
    let text = fit(&text, 4);
    if !ansi {
        return text;
    }
    let sgr = match colour {
        Colour::None => return text,
        Colour::Blue => "34",
        Colour::Yellow => "33",
        Colour::Red => "31",
        // Black text on white, so it is visible on a black background.
        Colour::Black => "30;47",
    };
    format!("\x1b[{sgr}m{text}\x1b[0m")
}

/// The table: header, one line per row (all text sanitised and fitted), then the counts.
pub fn table(rows: &[ListRow], total: usize, ansi: bool) -> String {
    let l = Layout::for_width(total, rows);
    let mut out = String::with_capacity((rows.len() + 3) * (total + 16));
    let line = |cells: Vec<String>, out: &mut String| {
        out.push_str(cells.join(" ").trim_end());
        out.push('\n');
    };
    let header = |name: &str, w: usize| fit(name, w);
    let mut head = vec![fit("预警", 4)];
    if l.ledger > 0 {
        head.push(header("台账", l.ledger));
    }
    head.extend([
        header("编号", l.id),
        header("状态", l.status),
        header("截止", l.due),
        header("责任单位", l.units),
        header("事项", l.title),
        header("原因", l.reason),
    ]);
    line(head, &mut out);
    for r in rows {
        let mut cells = vec![chip(r.colour, ansi)];
        if l.ledger > 0 {
            cells.push(fit(&r.ledger, l.ledger));
        }
        cells.extend([
            fit(&r.id, l.id),
            fit(r.status.short_label(), l.status),
            fit(&r.due.map(|d| d.to_string()).unwrap_or_default(), l.due),
            fit(&r.units.join("、"), l.units),
            fit(&r.title, l.title),
            truncate(&r.reason, l.reason),
        ]);
        line(cells, &mut out);
    }
    let count = |c: Colour| rows.iter().filter(|r| r.colour == c).count();
    out.push_str(&format!(
        "共 {} 项:黑 {} · 红 {} · 黄 {} · 蓝 {}\n",
        rows.len(),
        count(Colour::Black),
        count(Colour::Red),
        count(Colour::Yellow),
        count(Colour::Blue)
    ));
    out
}
