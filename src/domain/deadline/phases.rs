//! Splitting a deadline text into phases (a phase starts where a time expression starts)
//! and reading each phase's label, percent, detail, measures and trailing clauses.

use super::expr::{Expr, Scan, is_year_range_end, scan};
use super::numerals::{chinese_digit, normalize, read_measures};
use super::relative::{RelativeTerm, immediate, read_term};
use super::resolve::{Resolved, resolve};
use super::schedule::{Milestone, Schedule, ScheduleKind};
use super::undated::{immediate_words, is_external, is_ongoing, read_without_dates};

/// How one milestone's date was read (for the explanation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PhaseReading {
    /// The time expression as written (normalised).
    pub source: String,
    /// What it means, in Chinese (`当月最后一天`).
    pub meaning: String,
}

/// A schedule plus the readings behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reading {
    /// The schedule.
    pub schedule: Schedule,
    /// One reading per milestone, in the same order.
    pub phases: Vec<PhaseReading>,
    /// The recurring expression and the words after it (`每年10月底前`, `报送年度报告`).
    pub recurring: Option<(String, String)>,
}

struct Found {
    expr: Expr,
    start: usize,
    end: usize,
}

/// Read a deadline text (see [`super::parse`]).
pub(crate) fn read(text: &str, base_year: i32) -> Reading {
    let s = normalize(text);
    let mut reading = Reading {
        schedule: Schedule::unparsed(text, base_year),
        phases: Vec::new(),
        recurring: None,
    };
    if s.iter().all(|c| c.is_whitespace()) {
        reading.schedule.notes.push("期限为空".to_string());
        return reading;
    }
    let found = find_expressions(&s);
    if found.is_empty() {
        read_without_dates(&s, &mut reading.schedule);
        return reading;
    }
    match read_phases(&s, &found, base_year, &mut reading) {
        Ok(()) => reading,
        Err(note) => {
            let mut schedule = Schedule::unparsed(text, base_year);
            schedule.notes.push(note);
            Reading {
                schedule,
                phases: Vec::new(),
                recurring: None,
            }
        }
    }
}

fn find_expressions(s: &[char]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match scan(s, i) {
            Scan::Found(expr, end) if end > i => {
                found.push(Found {
                    expr,
                    start: i,
                    end,
                });
                i = end;
            }
            _ => {
                // Never start inside a number: skip the whole run.
                let numeric =
                    |c: &char| c.is_ascii_digit() || chinese_digit(*c).is_some() || *c == '十';
                if numeric(&s[i]) {
                    while s.get(i).is_some_and(numeric) {
                        i += 1;
                    }
                } else {
                    i += 1;
                }
            }
        }
    }
    found
}

fn text_of(s: &[char]) -> String {
    s.iter().collect()
}

/// Clause boundaries of a gap between expressions (separators outside brackets).
fn clauses(s: &[char], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = from;
    for (i, c) in s.iter().enumerate().take(to).skip(from) {
        match *c {
            '(' | '《' | '“' | '[' => depth += 1,
            ')' | '》' | '”' | ']' => depth = (depth - 1).max(0),
            ' ' | ';' | ',' | '。' | ':' if depth == 0 => {
                if i > start {
                    out.push((start, i));
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    if to > start {
        out.push((start, to));
    }
    out
}

/// `第一二三五项` as a whole clause → its measures.
fn measure_prefix(s: &[char], (a, b): (usize, usize)) -> Option<Vec<u32>> {
    if b < a + 3 || s[a] != '第' || s[b - 1] != '项' {
        return None;
    }
    read_measures(&s[a + 1..b - 1])
}

/// The label, percent and detail of a label text.
fn label_parts(raw: &str) -> (String, Option<u8>, Option<String>) {
    let mut label = raw.to_string();
    let mut detail = None;
    if let (Some(open), Some(close)) = (label.find('('), label.rfind(')'))
        && open < close
    {
        let inner = label[open + 1..close].trim().to_string();
        if !inner.is_empty() {
            detail = Some(inner);
        }
        label.replace_range(open..close + ')'.len_utf8(), "");
    }
    let mut percent = None;
    if let Some(pos) = label.find('%') {
        let digits_start = label[..pos]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit())
            .last()
            .map(|(i, _)| i);
        if let Some(ds) = digits_start
            && let Ok(p) = label[ds..pos].parse::<u32>()
            && p <= 100
        {
            percent = u8::try_from(p).ok();
            label.replace_range(ds..pos + 1, "");
        }
    }
    let trimmed = label
        .trim_matches(|c: char| c.is_whitespace() || ";,,。、:".contains(c))
        .to_string();
    (trimmed, percent, detail)
}

/// What a phase's trailing text says.
struct PhaseText {
    label: String,
    external: Option<String>,
    ongoing_after: bool,
    /// A clause counted from an event (`其余问题反馈后10个工作日内`, `立行立改`): its words
    /// (to the end of the phase) and its term.
    relative: Option<(String, RelativeTerm)>,
}

/// The term of a clause counted from an event or due at once, if it is one.
fn relative_clause(clause: &[char]) -> Option<RelativeTerm> {
    match read_term(clause) {
        Ok(Some(term)) => Some(term),
        Ok(None) | Err(_) => immediate_words(&text_of(clause)).map(immediate),
    }
}

fn phase_text(s: &[char], from: usize, to: usize) -> PhaseText {
    let parts = clauses(s, from, to);
    let mut label_end = to;
    let mut external = None;
    let mut ongoing_after = false;
    let mut relative = None;
    for (index, &(a, b)) in parts.iter().enumerate() {
        let clause = text_of(&s[a..b]);
        // After the phase's own words, a clause counted from an event is a part of its own.
        if index > 0
            && let Some(term) = relative_clause(&s[a..to])
        {
            relative = Some((text_of(&s[a..to]).trim().to_string(), term));
            label_end = a;
            break;
        }
        let waits = is_external(&clause) && (index > 0 || clause.contains('待'));
        let later = is_ongoing(&clause) && (index > 0 || clause.contains("后期"));
        if waits {
            external = Some(text_of(&s[a..to]).trim().to_string());
            label_end = a;
            break;
        }
        if later {
            ongoing_after = true;
            label_end = a;
            break;
        }
    }
    PhaseText {
        label: text_of(&s[from..label_end.max(from)]),
        external,
        ongoing_after,
        relative,
    }
}

fn read_phases(
    s: &[char],
    found: &[Found],
    base_year: i32,
    reading: &mut Reading,
) -> Result<(), String> {
    let schedule = &mut reading.schedule;
    let mut ctx_year = base_year;
    let mut ongoing_after = false;
    // The first `…起` start seen (`3月1日起`), if any.
    let mut start_only: Option<String> = None;
    // The measure prefix waiting for the next phase (`第一二三五项`).
    let mut pending_measures = trailing_measures(s, 0, found[0].start);
    // A clause before the first date counted from an event (`收到通知后5个工作日内,12月底前完成`).
    let prefix_end = pending_measures
        .as_ref()
        .map_or(found[0].start, |(at, _, _)| *at);
    if let Some((words, term)) = clauses(s, 0, prefix_end).iter().find_map(|&(a, b)| {
        relative_clause(&s[a..b]).map(|term| (text_of(&s[a..b]).trim().to_string(), term))
    }) {
        add_relative_part(schedule, words, term);
    }
    for (k, f) in found.iter().enumerate() {
        let gap_end = found.get(k + 1).map_or(s.len(), |next| next.start);
        let next_measures = found
            .get(k + 1)
            .and_then(|_| trailing_measures(s, f.end, gap_end));
        let text_end = next_measures.as_ref().map_or(gap_end, |(at, _, _)| *at);
        let text = phase_text(s, f.end, text_end);
        let source = text_of(&s[f.start..f.end]);
        let resolved = resolve(&f.expr, ctx_year).map_err(|e| format!("“{source}”:{e}"))?;
        match resolved {
            Resolved::Milestone {
                start,
                due,
                meaning,
                note,
            } => {
                if expr_has_year(&f.expr) {
                    ctx_year = chrono::Datelike::year(&due);
                }
                let starts_here = matches!(f.expr, Expr::Point(_))
                    && ["起", "开始"]
                        .iter()
                        .any(|w| text.label.trim_start().starts_with(w));
                if starts_here {
                    // `2023年6月1日起10个工作日内`: a term counted from the date written.
                    if let Some(term) = term_from_written_start(&text.label, start.unwrap_or(due)) {
                        schedule.notes.push(format!(
                            "“{source}起{}”从写明的日期{}起算(当日不计入)",
                            term.words,
                            start.unwrap_or(due)
                        ));
                        schedule.relative = Some(term);
                        schedule.external = Some(text_of(&s[f.start..text_end]).trim().to_string());
                        pending_measures = next_measures;
                        continue;
                    }
                    // `3月1日起…` names a start; an end or a recurrence later in the text governs.
                    start_only.get_or_insert(source);
                    pending_measures = next_measures;
                    continue;
                }
                let label_text = if f.expr.labels_itself() {
                    format!("{source}{}", text.label)
                } else {
                    text.label.clone()
                };
                let (mut label, percent, detail) = label_parts(&label_text);
                // A range of whole years (`2024-2026年`) is read as its final year end.
                let start = if matches!(&f.expr, Expr::Range(_, b) if is_year_range_end(b)) {
                    None
                } else {
                    start
                };
                let mut measures = Vec::new();
                if let Some((_, prefix, list)) = pending_measures.take() {
                    label = format!("{prefix}{label}");
                    measures = list;
                }
                schedule.milestones.push(Milestone {
                    start,
                    due,
                    label,
                    percent,
                    detail,
                    measures,
                });
                schedule.notes.extend(note);
                reading.phases.push(PhaseReading { source, meaning });
            }
            Resolved::Recurring(rec, note) => {
                if schedule.recurrence.is_none() {
                    schedule.recurrence = Some(rec);
                    schedule.notes.extend(note);
                    let (label, _, _) = label_parts(&text.label);
                    reading.recurring = Some((source, label));
                }
            }
            Resolved::FullYear(end) => {
                schedule.year_end = Some(end);
            }
        }
        if let Some((words, term)) = text.relative {
            add_relative_part(schedule, words, term);
        }
        if let Some(ext) = text.external {
            schedule.notes.push(format!("“{ext}”无固定日期,待上级安排"));
            schedule.external = Some(match schedule.external.take() {
                Some(previous) => format!("{previous};{ext}"),
                None => ext,
            });
        }
        ongoing_after |= text.ongoing_after;
        pending_measures = next_measures;
    }
    if let Some(source) = start_only {
        if schedule.milestones.is_empty() && schedule.recurrence.is_none() {
            schedule.notes.push(format!(
                "“{source}起”只有开始日期,没有截止日期,按持续推进理解"
            ));
            ongoing_after = true;
        } else {
            schedule
                .notes
                .push(format!("“{source}起”是开始日期,以其后的截止日期或周期为准"));
        }
    }
    schedule.kind = decide_kind(schedule, ongoing_after);
    if schedule.kind == ScheduleKind::Unparsed {
        return Err("未找到可识别的日期或期限用语".to_string());
    }
    Ok(())
}

/// The term of `起10个工作日内完成` after a written date: counted from that date, when the
/// words between the date and the term name no other event.
fn term_from_written_start(label: &str, from: chrono::NaiveDate) -> Option<RelativeTerm> {
    let rest = label.trim_start();
    let rest = rest
        .strip_prefix("起")
        .or_else(|| rest.strip_prefix("开始"))?;
    let chars: Vec<char> = rest.chars().collect();
    let term = read_term(&chars).ok()??;
    term.event.is_empty().then_some(RelativeTerm {
        from_text: Some(from),
        ..term
    })
}

/// Keep a clause counted from an event as a part of a dated text: it waits (like an
/// external part) until its event is dated, then becomes a milestone of its own
/// (see [`super::dated_from`]). A second such clause is kept as waiting words only.
fn add_relative_part(schedule: &mut Schedule, words: String, term: RelativeTerm) {
    if schedule.relative.is_none() {
        schedule.notes.push(term.part_pending_note());
        schedule.relative = Some(term);
    } else {
        schedule
            .notes
            .push(format!("“{words}”无固定日期,待上级安排"));
    }
    schedule.external = Some(match schedule.external.take() {
        Some(previous) => format!("{previous};{words}"),
        None => words,
    });
}

fn expr_has_year(expr: &Expr) -> bool {
    use super::expr::Point;
    let has = |p: &Point| match p {
        Point::Year { year, .. } | Point::Month { year, .. } => year.is_written(),
        _ => false,
    };
    match expr {
        Expr::Point(p) => has(p),
        Expr::Range(a, b) => has(a) || has(b),
        _ => false,
    }
}

/// The `第…项` clause that ends a gap (the measures of the next phase):
/// its start index, its text and its list.
fn trailing_measures(s: &[char], from: usize, to: usize) -> Option<(usize, String, Vec<u32>)> {
    let last = *clauses(s, from, to).last()?;
    let list = measure_prefix(s, last)?;
    Some((last.0, text_of(&s[last.0..last.1]), list))
}

fn decide_kind(schedule: &Schedule, ongoing_after: bool) -> ScheduleKind {
    if !schedule.milestones.is_empty() {
        if ongoing_after {
            ScheduleKind::Ongoing
        } else {
            ScheduleKind::Dated
        }
    } else if schedule.year_end.is_some() || ongoing_after {
        ScheduleKind::Ongoing
    } else if schedule.recurrence.is_some() {
        ScheduleKind::Recurring
    } else if schedule.relative.is_some() {
        // Counted from a date the reading needs a calendar for, or from an event.
        ScheduleKind::External
    } else {
        ScheduleKind::Unparsed
    }
}
