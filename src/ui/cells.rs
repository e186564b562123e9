//! Width-correct text cells: sanitised, cut with `…` at display width, with optional
//! highlighted characters (search matches).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::{char_width, fit, sanitize};

/// `text` cut or padded to exactly `width` columns, in one style.
pub fn plain(text: &str, width: usize, style: Style) -> Span<'static> {
    Span::styled(fit(text, width), style)
}

/// `text` cut to `width` columns, the characters at `marks` (character indices) in
/// `mark_style`; ends in `…` when cut. The line is never wider than `width`.
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
    let clean = sanitize(text);
    let total: usize = clean.chars().map(char_width).sum();
    let budget = if total > width {
        width.saturating_sub(1)
    } else {
        width
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    let mut used = 0;
    for (i, c) in clean.chars().enumerate() {
        let w = char_width(c);
        if used + w > budget {
            break;
        }
        used += w;
        let marked = marks.binary_search(&i).is_ok();
        if marked != run_marked && !run.is_empty() {
            let s = if run_marked { mark_style } else { style };
            spans.push(Span::styled(std::mem::take(&mut run), s));
        }
        run_marked = marked;
        run.push(c);
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
}
