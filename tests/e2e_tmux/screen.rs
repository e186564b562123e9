//! Reading a captured screen: header counts and dates, colour attributes, frame geometry.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

/// The per-colour counts of the header's first line, e.g. `黑9 红3 黄40 蓝5`.
pub fn header_counts(screen: &str) -> BTreeMap<String, usize> {
    let header = screen.lines().next().expect("a header line");
    let mut counts = BTreeMap::new();
    for word in header.split_whitespace() {
        for (label, colour) in [
            ("黑", "black"),
            ("红", "red"),
            ("黄", "yellow"),
            ("蓝", "blue"),
        ] {
            if let Some(n) = word.strip_prefix(label).and_then(|n| n.parse().ok()) {
                counts.insert(colour.to_string(), n);
            }
        }
    }
    counts
}

/// The date the app treats as today: the header shows it (pinned in the demo data).
pub fn header_date(screen: &str) -> NaiveDate {
    let header = screen.lines().next().expect("header");
    header
        .split_whitespace()
        .find_map(|w| NaiveDate::parse_from_str(w, "%Y-%m-%d").ok())
        .unwrap_or_else(|| panic!("no date in the header {header:?}"))
}

/// The colour parameters (foreground or background, default colours excepted) of every
/// SGR sequence in a `capture-pane -e` screen.
pub fn sgr_colour_codes(styled: &str) -> Vec<String> {
    let mut found = Vec::new();
    for rest in styled.split("\x1b[").skip(1) {
        let Some(params) = rest.split_once('m').map(|(p, _)| p) else {
            continue;
        };
        if !params.chars().all(|c| c.is_ascii_digit() || c == ';') {
            continue;
        }
        for param in params.split(';') {
            let colour = matches!(
                param.parse::<u32>(),
                Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
            );
            if colour {
                found.push(params.to_string());
                break;
            }
        }
    }
    found
}

/// The screen has `height` rows, none wider than `width`, and the header starts the first
/// (when there is room for its first character).
pub fn fits(screen: &str, width: usize, height: usize) -> Result<(), String> {
    let lines: Vec<&str> = screen.lines().collect();
    if lines.len() != height {
        return Err(format!("{} rows", lines.len()));
    }
    if let Some(line) = lines.iter().find(|l| l.width() > width) {
        return Err(format!("line wider than {width}: {line:?}"));
    }
    if width >= 2 && !lines[0].starts_with('督') {
        return Err(format!("no header: {:?}", lines[0]));
    }
    Ok(())
}

/// Every line fits the width, the frame's top border spans the width and the bottom
/// border sits just above the footer: a fresh frame of this size, not the remains of
/// another.
pub fn frame_fits(screen: &str, width: usize, height: usize) -> Result<(), String> {
    fits(screen, width, height)?;
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .find(|l| l.starts_with('┌'))
        .ok_or("no frame")?;
    if !top.ends_with('┐') || top.width() != width {
        return Err(format!("top border does not span {width} columns: {top:?}"));
    }
    match lines.iter().rposition(|l| l.starts_with('└')) {
        Some(row) if row == height - 2 => Ok(()),
        row => Err(format!("bottom border on row {row:?}, not {}", height - 2)),
    }
}

/// Where a caret placed right after `needle` sits: (column, row), on the lowest line
/// holding it (input lines are at the bottom or in a popup).
pub fn position_after(screen: &str, needle: &str) -> Option<(usize, usize)> {
    screen
        .lines()
        .enumerate()
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .find_map(|(row, line)| {
            let start = line.find(needle)?;
            Some((line[..start + needle.len()].width(), row))
        })
}

/// The character that starts at display column `col` of `line`: `None` past the end or
/// when `col` is the right half of a wide character (hidden under it).
pub fn char_at(line: &str, col: usize) -> Option<char> {
    let mut at = 0;
    for c in line.chars() {
        if at == col {
            return Some(c);
        }
        at += c.to_string().width();
        if at > col {
            return None;
        }
    }
    None
}

/// The popup whose title holds `title` has its whole left border: `┌`, then `│` on every
/// row, then `└`, all in one column — the column of its bottom-left corner.
pub fn popup_left_border(screen: &str, title: &str) -> Result<(), String> {
    let lines: Vec<&str> = screen.lines().collect();
    let (top, title_col) = lines
        .iter()
        .enumerate()
        .find_map(|(row, l)| l.find(title).map(|i| (row, l[..i].width())))
        .ok_or_else(|| format!("no popup titled {title:?}"))?;
    let (bottom, col) = lines
        .iter()
        .enumerate()
        .skip(top + 1)
        .find_map(|(row, line)| {
            let col = (0..title_col)
                .rev()
                .find(|&c| char_at(line, c) == Some('└'))?;
            (char_at(line, col + 1) == Some('─')).then_some((row, col))
        })
        .ok_or_else(|| format!("no bottom border under {title:?}"))?;
    for (row, line) in lines.iter().enumerate().take(bottom).skip(top) {
        let expected = if row == top { '┌' } else { '│' };
        if char_at(line, col) != Some(expected) {
            return Err(format!(
                "row {row} has {:?} at column {col}, not {expected:?}: {line:?}",
                char_at(line, col)
            ));
        }
    }
    Ok(())
}
