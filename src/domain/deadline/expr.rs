//! Time expressions: the shapes of a single date, a range or a recurring rule,
//! recognised at one position of a normalised text.

use super::festivals::{Festival, festival_before};
use super::numerals::read_number;
use super::numeric::{month_day, numeric_date};
use super::recurring::recurring;
use super::schedule::Recurrence;

/// Which part of a month a point names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthPart {
    /// `N月` alone: the whole month.
    Whole,
    /// `月底` / `月末`.
    End,
    /// `下旬` (kept apart for the explanation).
    Late,
    /// `月初` / `上旬`: by the 10th.
    Early,
    /// `中旬`: by the 20th.
    MidDecade,
    /// `月中`: the 15th.
    Middle,
    /// `N日` / `N号`.
    Day(u32),
    /// `N月前`: read as the month's end (with a note).
    Before,
}

/// Which part of a year a point names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearPart {
    /// `2023年` alone: by the year end.
    Whole,
    /// `年底` / `年末` / `年内`.
    End,
    /// `2025年前`: read as the year end (with a note).
    Before,
    /// `年初`: read as the end of the first quarter (with a note).
    Start,
    /// `上半年`.
    FirstHalf,
    /// `下半年`.
    SecondHalf,
    /// `一季度` … `四季度` (validated later).
    Quarter(u32),
    /// `年中`: read as 06-30 (with a note).
    Mid,
}

/// The year a point names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// No year written: the context year (the base year, or the last year written before).
    Context,
    /// A year as written (validated later).
    Given(u32),
    /// `次年` / `明年` / `翌年` / `来年`: the year after the context year.
    Next,
}

impl YearRef {
    /// Whether the text names the year (so later phases take it as their context).
    pub(crate) fn is_written(self) -> bool {
        self != YearRef::Context
    }
}

/// One point in time as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    /// A year-level point.
    Year { year: YearRef, part: YearPart },
    /// A month-level point.
    Month {
        year: YearRef,
        month: u32,
        part: MonthPart,
    },
    /// `20日` — only as the end of a range started by a month point.
    DayOnly(u32),
    /// A bare number — only as the start of a range (`4-10月`).
    Bare(u32),
}

/// A recognised time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expr {
    /// One point.
    Point(Point),
    /// `start-end`.
    Range(Point, Point),
    /// `每…` (with a note when the reading is a choice).
    Recurring(Recurrence, Option<String>),
    /// `全年`: ongoing until the year end .
    FullYear(YearRef),
    /// `端午节前`: the day before the festival in the context year.
    Festival(Festival),
    /// `两年内`: by the end of the N-th year, the context year counting as the first.
    WithinYears(u32),
}

impl Expr {
    /// Forms whose words are their own label (`端午节前`, `两年内完成`, `2024-2026年`).
    pub(crate) fn labels_itself(&self) -> bool {
        match self {
            Expr::Festival(_) | Expr::WithinYears(_) => true,
            Expr::Point(Point::Year {
                part: YearPart::Mid,
                ..
            }) => true,
            Expr::Range(_, b) => is_year_range_end(b),
            _ => false,
        }
    }
}

/// The end of a range of whole years (`2024-2026年`).
pub(crate) fn is_year_range_end(p: &Point) -> bool {
    matches!(
        p,
        Point::Year {
            year: YearRef::Given(_),
            part: YearPart::Whole | YearPart::End | YearPart::Before,
        }
    )
}

/// The outcome of looking for an expression at one position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scan {
    /// No expression starts here.
    Nothing,
    /// An expression spanning up to the given index (exclusive).
    Found(Expr, usize),
}

/// Words after `初` that make it part of a word (`初步`, `初审`), not `年初`/`月初`.
const NOT_EARLY: &[char] = &[
    '步', '审', '稿', '验', '见', '具', '选', '评', '核', '始', '期',
];

fn at(s: &[char], i: usize, word: &str) -> bool {
    let n = word.chars().count();
    s.get(i..i + n)
        .is_some_and(|slice| slice.iter().copied().eq(word.chars()))
}

/// If one of `words` starts at `i`, the index after it.
pub(crate) fn eat_any(s: &[char], i: usize, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .find(|w| at(s, i, w))
        .map(|w| i + w.chars().count())
}

/// Skip an optional "before" suffix (`前`, `以前`, `之前`, `为止`, `止`).
pub(crate) fn skip_before(s: &[char], i: usize) -> (usize, bool) {
    match eat_any(s, i, &["以前", "之前", "为止", "前", "止"]) {
        Some(j) => (j, true),
        None => (i, false),
    }
}

fn is_early(s: &[char], i: usize) -> bool {
    s.get(i) == Some(&'初') && !s.get(i + 1).is_some_and(|c| NOT_EARLY.contains(c))
}

/// Look for a time expression starting exactly at `i`.
pub(crate) fn scan(s: &[char], i: usize) -> Scan {
    if s.get(i) == Some(&'每') {
        return match recurring(s, i + 1) {
            Some((rec, note, end)) => Scan::Found(Expr::Recurring(rec, note), end),
            None => Scan::Nothing,
        };
    }
    if let Some(end) = eat_any(s, i, &["季度末", "季末"]) {
        let note = "“季度末”未指明季度,按每季度最后一天理解".to_string();
        return Scan::Found(Expr::Recurring(Recurrence::Quarterly, Some(note)), end);
    }
    // `全年` opens a phase (`全年整体推进`); inside a label (`完成全年任务`) it is just a word.
    let phase_start = i == 0 || s.get(i - 1).is_some_and(|c| " ;,。、:()".contains(*c));
    if let Some(end) = eat_any(s, i, &["全年"]).filter(|_| phase_start) {
        return Scan::Found(Expr::FullYear(YearRef::Context), end);
    }
    if let Some((festival, end)) = festival_before(s, i) {
        return Scan::Found(Expr::Festival(festival), end);
    }
    if let Some((n, j)) = read_number(s, i)
        && (1..=20).contains(&n)
        && let Some(end) = eat_any(s, j, &["年内", "年之内", "年以内"])
    {
        return Scan::Found(Expr::WithinYears(n), end);
    }
    let Some((first, after_first)) = point(s, i) else {
        return Scan::Nothing;
    };
    if let Point::Year {
        year,
        part: YearPart::Whole,
    } = first
        && let Some(end) = eat_any(s, after_first, &["全年"])
    {
        return Scan::Found(Expr::FullYear(year), end);
    }
    if let Some(found) = month_range_in_year(s, first, after_first) {
        return found;
    }
    if let Some(after_sep) = range_separator(s, after_first)
        && let Some((second, end)) = point(s, after_sep)
        && !matches!(second, Point::Bare(_))
    {
        return Scan::Found(Expr::Range(first, second), end);
    }
    match first {
        Point::Bare(_) | Point::DayOnly(_) => Scan::Nothing,
        p => Scan::Found(Expr::Point(p), after_first),
    }
}

/// `2024年1-6月`: a month range after a written year takes that year.
fn month_range_in_year(s: &[char], first: Point, after_year: usize) -> Option<Scan> {
    let Point::Year {
        year,
        part: YearPart::Whole,
    } = first
    else {
        return None;
    };
    let (Point::Bare(n), after_n) = point(s, after_year)? else {
        return None;
    };
    let after_sep = range_separator(s, after_n)?;
    match point(s, after_sep)? {
        (
            Point::Month {
                year: YearRef::Context,
                month,
                part,
            },
            end,
        ) => {
            let second = Point::Month { year, month, part };
            Some(Scan::Found(Expr::Range(Point::Bare(n), second), end))
        }
        _ => None,
    }
}

/// A range separator (`-` after normalisation, `至`, `到`), possibly doubled or spaced.
fn range_separator(s: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    while s.get(j) == Some(&' ') {
        j += 1;
    }
    if s.get(j) == Some(&'起') {
        j += 1;
    }
    let c = *s.get(j)?;
    if !matches!(c, '-' | '至' | '到') {
        return None;
    }
    j += 1;
    while s.get(j).is_some_and(|c| *c == '-' || *c == ' ') {
        j += 1;
    }
    Some(j)
}

/// A point in time starting at `i` (relative words, a year, a month, a numeric date,
/// a quarter, or a bare number that may start a range).
fn point(s: &[char], i: usize) -> Option<(Point, usize)> {
    if let Some((part, end)) = year_relative(s, i) {
        return Some((
            Point::Year {
                year: YearRef::Context,
                part,
            },
            end,
        ));
    }
    if let Some(after) = eat_any(s, i, &["今年", "本年", "当年"]) {
        return Some(year_tail(s, after, YearRef::Context));
    }
    if let Some(after) = eat_any(s, i, &["次年", "明年", "翌年", "来年", "第二年"]) {
        return Some(year_tail(s, after, YearRef::Next));
    }
    let (n, j) = read_number(s, i)?;
    match s.get(j) {
        Some('年') => Some(year_tail(s, j + 1, YearRef::Given(n))),
        Some('月') => Some(month_tail(s, j + 1, YearRef::Context, n)),
        Some('日') | Some('号') => Some((Point::DayOnly(n), skip_before(s, j + 1).0)),
        Some('季') => {
            let (part, end) = quarter_tail(s, j, n)?;
            Some((
                Point::Year {
                    year: YearRef::Context,
                    part,
                },
                end,
            ))
        }
        Some('.') | Some('/') | Some('-') if j - i == 4 => {
            numeric_date(s, j, n).or(Some((Point::Bare(n), j)))
        }
        Some('.') | Some('/') if j - i <= 2 && s[i].is_ascii_digit() => {
            month_day(s, j, n).or(Some((Point::Bare(n), j)))
        }
        _ => Some((Point::Bare(n), j)),
    }
}

/// Year-level words that take the context year: 年底/年末/年内/年初/上半年/下半年/第N季度.
fn year_relative(s: &[char], i: usize) -> Option<(YearPart, usize)> {
    if let Some(end) = eat_any(
        s,
        i,
        &["年度内", "年度末", "年度底", "年底", "年末", "年内"],
    ) {
        return Some((YearPart::End, skip_before(s, end).0));
    }
    if s.get(i) == Some(&'年') && is_early(s, i + 1) {
        return Some((YearPart::Start, skip_before(s, i + 2).0));
    }
    if let Some(end) = eat_any(s, i, &["上半年"]) {
        return Some((YearPart::FirstHalf, skip_before(s, end).0));
    }
    if let Some(end) = eat_any(s, i, &["下半年"]) {
        return Some((YearPart::SecondHalf, skip_before(s, end).0));
    }
    if let Some(end) =
        eat_any(s, i, &["年中"]).filter(|e| !s.get(*e).is_some_and(|c| "期央心".contains(*c)))
    {
        return Some((YearPart::Mid, skip_before(s, end).0));
    }
    if s.get(i) == Some(&'第') {
        let (n, j) = read_number(s, i + 1)?;
        return quarter_tail(s, j, n);
    }
    None
}

/// After a quarter number: `季度` / `季`, then optional `末`/`底`/`前`.
fn quarter_tail(s: &[char], i: usize, n: u32) -> Option<(YearPart, usize)> {
    let mut j = eat_any(s, i, &["季度", "季"])?;
    j = eat_any(s, j, &["末", "底", "内"]).unwrap_or(j);
    Some((YearPart::Quarter(n), skip_before(s, j).0))
}

/// What follows `Y年` (or `今年`).
fn year_tail(s: &[char], i: usize, year: YearRef) -> (Point, usize) {
    let with = |part| Point::Year { year, part };
    if let Some(end) = eat_any(s, i, &["年底", "年末", "底", "末", "内"]) {
        return (with(YearPart::End), skip_before(s, end).0);
    }
    if is_early(s, i) {
        return (with(YearPart::Start), skip_before(s, i + 1).0);
    }
    if let Some(end) = eat_any(s, i, &["以前", "之前", "前"]) {
        return (with(YearPart::Before), end);
    }
    if let Some(end) = eat_any(s, i, &["上半年"]) {
        return (with(YearPart::FirstHalf), skip_before(s, end).0);
    }
    if let Some(end) = eat_any(s, i, &["下半年"]) {
        return (with(YearPart::SecondHalf), skip_before(s, end).0);
    }
    let quarter_start = if s.get(i) == Some(&'第') { i + 1 } else { i };
    if let Some((n, j)) = read_number(s, quarter_start) {
        if let Some((part, end)) = quarter_tail(s, j, n) {
            return (with(part), end);
        }
        if s.get(j) == Some(&'月') && quarter_start == i {
            return month_tail(s, j + 1, year, n);
        }
    }
    if let Some(end) = eat_any(s, i, &["度内", "度末", "度底"]) {
        return (with(YearPart::End), skip_before(s, end).0);
    }
    let end = eat_any(s, i, &["度"]).unwrap_or(i);
    (with(YearPart::Whole), end)
}

/// What follows `N月`.
fn month_tail(s: &[char], i: usize, year: YearRef, month: u32) -> (Point, usize) {
    let i = eat_any(s, i, &["份"]).unwrap_or(i);
    let with = |part| Point::Month { year, month, part };
    if let Some((d, j)) = read_number(s, i)
        && let Some(end) = eat_any(s, j, &["日", "号"])
    {
        return (with(MonthPart::Day(d)), skip_before(s, end).0);
    }
    if let Some(end) = eat_any(s, i, &["底", "末"]) {
        return (with(MonthPart::End), skip_before(s, end).0);
    }
    if let Some(end) = eat_any(s, i, &["下旬"]) {
        return (with(MonthPart::Late), skip_before(s, end).0);
    }
    if let Some(end) = eat_any(s, i, &["上旬"]) {
        return (with(MonthPart::Early), skip_before(s, end).0);
    }
    if is_early(s, i) {
        return (with(MonthPart::Early), skip_before(s, i + 1).0);
    }
    if let Some(end) = eat_any(s, i, &["中旬"]) {
        return (with(MonthPart::MidDecade), skip_before(s, end).0);
    }
    if let Some(end) = eat_any(s, i, &["中"]) {
        return (with(MonthPart::Middle), skip_before(s, end).0);
    }
    if let Some(end) = eat_any(s, i, &["以前", "之前", "前"]) {
        return (with(MonthPart::Before), end);
    }
    (with(MonthPart::Whole), i)
}
