//! Text safety and display width, shared by the TUI and every terminal output.
//!
//! Ledger text comes from other people's spreadsheets, and paths and names from the
//! user's disk: before any of it reaches a terminal, [`neutralise`] replaces control
//! characters and escape sequences (ESC, BEL, CR, NUL, C1 such as CSI U+009B, bidi
//! overrides, zero-width characters) by visible placeholders, so no output can set the
//! window title, write the clipboard (OSC 52) or clear the screen.
//!
//! Display works on grapheme clusters, like ratatui: a cluster is kept whole with the
//! width ratatui gives it when terminals agree on it (one character, a character with
//! combining marks, a flag pair), and is replaced by one `�` (width 1) when they do not
//! (emoji joined by ZWJ, variation selectors, skin-tone modifiers): no cluster is ever
//! split, and the widths computed here are the widths drawn, so no stale cells remain.
//! Widths count CJK characters as two columns.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Shown instead of a character or cluster that cannot be shown safely.
pub const REPLACEMENT: char = '�';

/// What [`neutralise`] may keep besides printable text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// One terminal line: no newline (shown as ␊), tabs become a space.
    Line,
    /// Several terminal lines: newlines kept.
    Lines,
    /// Data files (CSV): newlines, tabs and zero-width joiners kept, grapheme clusters
    /// untouched; only characters that can drive or mislead a terminal are replaced.
    Data,
}

/// The neutralising function every output goes through: control characters (C0, DEL, C1)
/// become visible placeholders — U+2400-block pictures for C0 (␛ for ESC, ␍ for CR, ␀ for
/// NUL …), `�` for C1 and invisible format characters (bidi overrides, zero-width space) —
/// and, except in [`Keep::Data`], clusters terminals draw differently become one `�`.
pub fn neutralise(s: &str, keep: Keep) -> Cow<'_, str> {
    if is_simple(s) {
        return Cow::Borrowed(s);
    }
    let out: String = match keep {
        Keep::Data => s
            .chars()
            .map(|c| match c {
                '\n' | '\t' | '\u{200c}' | '\u{200d}' => c,
                c => placeholder(c),
            })
            .collect(),
        _ => clusters_with(s, keep).map(|c| c.shown).collect(),
    };
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// [`neutralise`] for one terminal line (messages, table cells, paths in errors).
pub fn sanitize(s: &str) -> Cow<'_, str> {
    neutralise(s, Keep::Line)
}

/// Like [`sanitize`] but newlines are kept (for multi-line detail views).
pub fn sanitize_multiline(s: &str) -> Cow<'_, str> {
    neutralise(s, Keep::Lines)
}

/// Like [`sanitize`] for a path (`--dir`, a ledger file) quoted in a message.
pub fn path(p: &std::path::Path) -> String {
    sanitize(&p.to_string_lossy()).into_owned()
}

/// JSON text made safe for a terminal without changing its value: characters that
/// serde_json writes raw but a terminal may obey (C1, bidi overrides, zero-width
/// characters) become `\uXXXX` escapes. Such characters can only occur inside strings,
/// where the escape means the same character.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    if !json.chars().any(|c| !c.is_ascii() && needs_placeholder(c)) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if !c.is_ascii() && needs_placeholder(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One grapheme cluster of a text as displayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster<'a> {
    /// The character indices (in the original text) the cluster covers.
    pub chars: Range<usize>,
    /// What is shown for it (neutralised).
    pub shown: Cow<'a, str>,
    /// Its width in terminal columns, as ratatui draws it.
    pub width: usize,
}

/// The grapheme clusters of `s` as one terminal line shows them.
pub fn clusters(s: &str) -> impl Iterator<Item = Cluster<'_>> {
    clusters_with(s, Keep::Line)
}

fn clusters_with(s: &str, keep: Keep) -> impl Iterator<Item = Cluster<'_>> {
    let mut next_char = 0;
    s.graphemes(true).map(move |g| {
        let count = g.chars().count();
        let chars = next_char..next_char + count;
        next_char += count;
        let shown = shown_cluster(g, keep);
        let width = cluster_width(&shown);
        Cluster {
            chars,
            shown,
            width,
        }
    })
}

fn shown_cluster(g: &str, keep: Keep) -> Cow<'_, str> {
    let keep_char = |c: char| c == '\n' && keep != Keep::Line;
    let mut chars = g.chars();
    let (Some(first), rest) = (chars.next(), chars.as_str()) else {
        return Cow::Borrowed(g);
    };
    if g.chars().any(char::is_control) {
        return Cow::Owned(
            g.chars()
                .map(|c| if keep_char(c) { c } else { placeholder(c) })
                .collect(),
        );
    }
    if rest.is_empty() {
        return if needs_placeholder(first) || UnicodeWidthChar::width(first) == Some(0) {
            // A lone zero-width mark would join whatever the terminal drew before it.
            Cow::Owned(placeholder_or_replacement(first).to_string())
        } else {
            Cow::Borrowed(g)
        };
    }
    let combining = !needs_placeholder(first)
        && UnicodeWidthChar::width(first).is_some_and(|w| w > 0)
        && rest.chars().all(is_combining);
    let flag = g.chars().count() == 2 && g.chars().all(is_regional_indicator);
    if combining || flag {
        Cow::Borrowed(g)
    } else {
        Cow::Owned(REPLACEMENT.to_string())
    }
}

/// The width ratatui gives a (neutralised) cluster.
fn cluster_width(shown: &str) -> usize {
    match shown.len() {
        0 => 0,
        1 => 1,
        _ => {
            shown.width()
                + shown
                    .chars()
                    .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
                    .count()
        }
    }
}

/// A mark drawn on the character before it (accents, Hangul vowels), not a joiner or
/// a presentation selector.
fn is_combining(c: char) -> bool {
    UnicodeWidthChar::width(c) == Some(0) && !needs_placeholder(c) && !is_selector(c)
        || matches!(c, '\u{ff9e}' | '\u{ff9f}')
}

fn is_selector(c: char) -> bool {
    matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}' | '\u{e0000}'..='\u{e007f}')
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1f1e6}'..='\u{1f1ff}')
}

/// Text whose every character is a cluster of its own with nothing to neutralise: plain
/// ASCII, CJK ideographs and their punctuation (the fast path for ledger text).
fn is_simple(s: &str) -> bool {
    s.chars().all(|c| {
        matches!(c,
            ' '..='~'
            | '\u{a1}'..='\u{ac}'
            | '\u{ae}'..='\u{2ff}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205e}'
            | '\u{2190}'..='\u{23ff}'
            | '\u{2460}'..='\u{25ff}'
            | '\u{3000}'..='\u{3029}'
            | '\u{3030}'..='\u{303f}'
            | '\u{3400}'..='\u{4dbf}'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{ff01}'..='\u{ff60}')
    })
}

fn needs_placeholder(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn placeholder(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or(REPLACEMENT),
        '\u{7f}' => '␡',
        c if needs_placeholder(c) => REPLACEMENT,
        c => c,
    }
}

fn placeholder_or_replacement(c: char) -> char {
    if needs_placeholder(c) {
        placeholder(c)
    } else {
        REPLACEMENT
    }
}

/// The display width of `s` in terminal columns (CJK = 2), after sanitising.
pub fn width(s: &str) -> usize {
    if is_simple(s) {
        return s.chars().map(simple_width).sum();
    }
    clusters(s).map(|c| c.width).sum()
}

fn simple_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(1)
}

/// The display width of one (sanitised) character.
pub fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(placeholder(c)).unwrap_or(0)
}

/// Sanitise and cut `s` to at most `max` columns, ending in `…` when cut.
/// Never splits a wide character or a grapheme cluster; the result is never wider than `max`.
pub fn truncate(s: &str, max: usize) -> String {
    truncate_measured(s, max).0
}

/// [`truncate`] and the width of its result. Simple text (every character a cluster of its
/// own, see [`is_simple`]) is cut character by character without segmenting it into
/// grapheme clusters: `duban list` cuts every title of the workspace this way.
fn truncate_measured(s: &str, max: usize) -> (String, usize) {
    if !is_simple(s) {
        let t = truncate_clusters(s, max);
        let w = width(&t);
        return (t, w);
    }
    let total: usize = s.chars().map(simple_width).sum();
    if total <= max {
        return (s.to_string(), total);
    }
    if max == 0 {
        return (String::new(), 0);
    }
    let mut used = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let w = simple_width(c);
        if used + w > max - 1 {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    let mut out = String::with_capacity(end + '…'.len_utf8());
    out.push_str(&s[..end]);
    out.push('…');
    (out, used + 1)
}

/// [`truncate`] by grapheme clusters, for any text.
fn truncate_clusters(s: &str, max: usize) -> String {
    if width(s) <= max {
        return sanitize(s).into_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for cluster in clusters(s) {
        if used + cluster.width > max - 1 {
            break;
        }
        used += cluster.width;
        out.push_str(&cluster.shown);
    }
    out.push('…');
    out
}

/// Sanitise and pad (or cut) `s` to exactly `cols` columns.
pub fn fit(s: &str, cols: usize) -> String {
    let (mut t, w) = truncate_measured(s, cols);
    t.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    t
}

mod formula;
pub use formula::{guard_formula, unguard_formula};

#[cfg(test)]
mod tests;
