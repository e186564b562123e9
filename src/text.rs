//! Text safety and display width, shared by the TUI and every terminal output.
//!
//! Ledger text comes from other people's spreadsheets: control characters and
//! escape sequences are replaced by visible placeholders before they reach a terminal.
//! Widths count CJK characters as two columns.

use std::borrow::Cow;
use unicode_width::UnicodeWidthChar;

/// Replace control characters (C0, DEL, C1) with visible placeholders: U+2400-block pictures
/// for C0 (␛ for ESC, ␊ for a newline …) and `�` for C1 and other invisibles, so no escape
/// sequence can reach the terminal. Tabs become a space.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_placeholder) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(placeholder).collect())
}

/// Like [`sanitize`] but newlines are kept (for multi-line detail views).
pub fn sanitize_multiline(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && needs_placeholder(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if c == '\n' { c } else { placeholder(c) })
            .collect(),
    )
}

fn needs_placeholder(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn placeholder(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
        '\u{7f}' => '␡',
        c if needs_placeholder(c) => '�',
        c => c,
    }
}

/// The display width of `s` in terminal columns (CJK = 2), after sanitising.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// The display width of one (sanitised) character.
pub fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(placeholder(c)).unwrap_or(0)
}

/// Sanitise and cut `s` to at most `max` columns, ending in `…` when cut.
/// Never splits a wide character; the result is never wider than `max`.
pub fn truncate(s: &str, max: usize) -> String {
    let clean = sanitize(s);
    if width(&clean) <= max {
        return clean.into_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in clean.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Sanitise and pad (or cut) `s` to exactly `cols` columns.
pub fn fit(s: &str, cols: usize) -> String {
    let mut t = truncate(s, cols);
    let w = width(&t);
    t.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let s = sanitize("a\u{1b}[31mred\u{7}");
        assert_eq!(s, "a␛[31mred␇");
        assert!(!s.chars().any(|c| c.is_control()));
        assert_eq!(sanitize("plain 中文"), "plain 中文");
        assert_eq!(sanitize("x\u{9b}y"), "x�y");
    }

    #[test]
    fn truncation_is_width_correct() {
        assert_eq!(width("智慧矫正"), 8);
        assert_eq!(truncate("智慧矫正中心", 7), "智慧矫…");
        assert_eq!(width(&truncate("智慧矫正中心", 7)), 7);
        assert_eq!(truncate("智慧矫正中心", 6), "智慧…");
        assert_eq!(truncate("ab", 5), "ab");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("智慧", 1), "…");
        assert_eq!(fit("智", 4), "智  ");
    }
}
