//! Width-correct text cells: sanitised, cut with `…` at display width, with optional
//! highlighted characters (search matches).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::{Cluster, fit};

/// `text` cut or padded to exactly `width` columns, in one style.
pub fn plain(text: &str, width: usize, style: Style) -> Span<'static> {
    Span::styled(fit(text, width), style)
}

/// `text` cut to `width` columns, the characters at `marks` (character indices) in
/// `mark_style`; ends in `…` when cut. The line is never wider than `width`, and grapheme
/// clusters are never split (a cluster is marked when any of its characters is).
pub fn highlighted(
    text: &str,
    marks: &[usize],
    width: usize,
    style: Style,
    mark_style: Style,
) -> Line<'static> {
    if marks.is_empty() {
        return Line::from(plain(text, width, style));
    }
    let clusters: Vec<Cluster> = crate::text::clusters(text).collect();
    let total: usize = clusters.iter().map(|c| c.width).sum();
    let budget = if total > width {
        width.saturating_sub(1)
    } else {
        width
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    let mut used = 0;
    // Whole grapheme clusters only; a cluster is marked when any of its characters is.
    for cluster in &clusters {
        if used + cluster.width > budget {
            break;
        }
        used += cluster.width;
        let first_mark = marks.partition_point(|&m| m < cluster.chars.start);
        let marked = marks
            .get(first_mark)
            .is_some_and(|&m| m < cluster.chars.end);
        if marked != run_marked && !run.is_empty() {
            let s = if run_marked { mark_style } else { style };
            spans.push(Span::styled(std::mem::take(&mut run), s));
        }
        run_marked = marked;
        run.push_str(&cluster.shown);
    }
    if !run.is_empty() {
        let s = if run_marked { mark_style } else { style };
        spans.push(Span::styled(run, s));
    }
    if total > width && width > 0 {
        spans.push(Span::styled("…", style));
        used += 1;
    }
    if used < width {
        spans.push(Span::styled(" ".repeat(width - used), style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn highlighted_cells_keep_width() {
        let s = Style::new();
        let line = highlighted("建设智慧矫正中心", &[2, 3], 9, s, s);
        assert_eq!(text_of(&line), "建设智慧…");
        assert_eq!(line.width(), 9);
        let line = highlighted("ab", &[0], 4, s, s);
        assert_eq!(text_of(&line), "ab  ");
        let line = highlighted("智慧", &[0], 1, s, s);
        assert_eq!(text_of(&line), "…");
    }

    #[test]
    fn clusters_are_never_split_and_leave_no_stale_cells() {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        use ratatui::widgets::Paragraph;
        let (s, m) = (Style::new(), Style::new().bold());
        let flag = "🇨🇳";
        let family = "👨\u{200d}👩\u{200d}👧";
        // A flag pair does not fit in one column before the ellipsis: it is left out whole.
        assert_eq!(
            text_of(&highlighted(&format!("{flag}中"), &[0], 2, s, m)),
            "… "
        );
        let line = highlighted(&format!("{family}中{flag}"), &[1, 6], 6, s, m);
        assert_eq!(text_of(&line), format!("�中{flag} "));
        assert_eq!(
            line.spans[0].style, m,
            "a cluster is marked by any of its characters"
        );
        assert_eq!(line.spans[1].style, s);
        assert_eq!(line.spans[2].style, m);

        let mut terminal = Terminal::new(TestBackend::new(8, 3)).expect("terminal");
        let draw = |terminal: &mut Terminal<TestBackend>, lines: Vec<Line<'static>>| {
            terminal
                .draw(|f| f.render_widget(Paragraph::new(lines), f.area()))
                .expect("draw");
        };
        draw(&mut terminal, vec![Line::from("xxxxxxxx"); 3]);
        let cell = |text: &str| {
            // Marked the same style, so the buffer compares by symbols.
            let mut l = highlighted(text, &[0], 7, s, s);
            l.spans.push(Span::raw("|"));
            l
        };
        draw(
            &mut terminal,
            vec![
                cell(&format!("{family}{family}家")),
                cell(&format!("{flag}{flag}{flag}{flag}")),
                cell("\u{2764}\u{fe0f}e\u{301}\u{1b}]0;x\u{7}"),
            ],
        );
        // What the screen shows: each cell's symbol, cells covered by a wide one skipped.
        let buffer = terminal.backend().buffer();
        let shown: Vec<String> = (0..3)
            .map(|y| {
                let mut row = String::new();
                let mut x = 0;
                while x < 8 {
                    let symbol = buffer[(x, y)].symbol();
                    row.push_str(symbol);
                    x += ratatui::text::Span::raw(symbol).width().max(1) as u16;
                }
                row
            })
            .collect();
        assert_eq!(
            shown,
            [
                "��家   |".to_string(),
                format!("{flag}{flag}{flag}…|"),
                "�e\u{301}␛]0;…|".to_string(),
            ]
        );
    }
}
