//! Importing a 巡察整改 progress report (整改落实情况) into a rectification ledger.
//!
//! The report is structured text: `(一)反馈问题:…` opens a feedback problem, `1.面上问题:…`
//! a general problem under it, `(1)具体问题:…` (or a bare `具体问题:…` when it is the only
//! one) a specific problem under that; each problem is followed by `整改情况:`, `整改时限:`
//! and `整改结果:` lines. Lines before the first 反馈问题 are preamble; a chapter heading
//! (`三、…`) after the tree ends it.
//!
//! Ids follow the tree: `1`, `1.2`, `1.2.3`; every item below the top carries its parent id.

use chrono::NaiveDate;

use super::error::{ImportError, excerpt};
use super::result::read_result;
use super::{ImportOptions, ImportReport, new_ledger};
use crate::domain::{Item, LedgerKind, ProgressEntry, Status};

/// Where the progress texts of the report come from: the report's date and author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSource {
    /// The date of the report (its 整改情况 become progress entries of this day).
    pub date: NaiveDate,
    /// Who reported (the signature, e.g. 中共绵阳市司法局党组).
    pub author: String,
}

/// The three levels of the problem tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Feedback,
    General,
    Specific,
}

impl Level {
    fn label(self) -> &'static str {
        match self {
            Level::Feedback => "反馈问题",
            Level::General => "面上问题",
            Level::Specific => "具体问题",
        }
    }
}

/// Import a 巡察整改 report; its 整改情况 texts are dated and signed with the report's
/// last lines (a `YYYY年M月D日` line and the signature above it).
pub fn import_rectification_report(
    text: &str,
    opts: ImportOptions,
) -> Result<ImportReport, ImportError> {
    import_rectification_report_from(text, opts, None)
}

/// Import a 巡察整改 report with the date and author of its 整改情况 given (`None`: read
/// them from the report's signature, as [`import_rectification_report`] does).
pub fn import_rectification_report_from(
    text: &str,
    opts: ImportOptions,
    source: Option<ReportSource>,
) -> Result<ImportReport, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let source = match source.or_else(|| signature(text)) {
        Some(s) => s,
        None => {
            return Err(ImportError::Row {
                line: text.lines().count(),
                message: "找不到报告日期(最后应有「YYYY年M月D日」一行),无法给整改情况记日期".into(),
                text: excerpt(text.lines().last().unwrap_or("")),
            });
        }
    };
    let mut tree = Tree::new(source);
    for (index, raw) in text.lines().enumerate() {
        tree.line(index + 1, raw.trim())?;
        if tree.finished {
            break;
        }
    }
    if tree.items.is_empty() {
        return Err(ImportError::NoHeader {
            lines: text.lines().count(),
            first: excerpt(text.lines().find(|l| !l.trim().is_empty()).unwrap_or("")),
        });
    }
    Ok(tree.finish(&opts))
}

/// Builds the tree line by line.
struct Tree {
    source: ReportSource,
    items: Vec<Item>,
    counters: [usize; 3],
    started: bool,
    finished: bool,
    preamble: usize,
    continued: Vec<usize>,
    notes: Vec<String>,
}

impl Tree {
    fn new(source: ReportSource) -> Tree {
        Tree {
            source,
            items: Vec::new(),
            counters: [0; 3],
            started: false,
            finished: false,
            preamble: 0,
            continued: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn line(&mut self, line: usize, text: &str) -> Result<(), ImportError> {
        if text.is_empty() {
            return Ok(());
        }
        if let Some((level, number, title)) = problem_heading(text) {
            self.started = true;
            return self.open(line, level, number, title);
        }
        if !self.started {
            self.preamble += 1;
            return Ok(());
        }
        if is_chapter_heading(text) {
            self.finished = true;
            return Ok(());
        }
        let Some(item) = self.items.last_mut() else {
            return Ok(());
        };
        if let Some(rest) = field(text, "整改情况") {
            item.progress.push(ProgressEntry {
                date: self.source.date,
                author: self.source.author.clone(),
                text: rest.to_string(),
            });
        } else if let Some(rest) = field(text, "整改时限") {
            item.deadline = rest.trim_end_matches('。').to_string();
        } else if let Some(rest) = field(text, "整改结果") {
            let Some(reading) = read_result(rest) else {
                return Err(row_error(
                    line,
                    "整改结果看不出是否完成(应为「完成整改」或「第一三项完成整改;第二项未完成整改」)",
                    text,
                ));
            };
            item.status = reading.status;
            item.sub_measures = reading.sub_measures;
            item.extra.insert("整改结果".into(), rest.to_string());
        } else if let Some(entry) = item.progress.last_mut() {
            entry.text.push('\n');
            entry.text.push_str(text);
            self.continued.push(line);
        } else {
            return Err(row_error(
                line,
                "问题标题之后应是「整改情况:」「整改时限:」或「整改结果:」",
                text,
            ));
        }
        Ok(())
    }

    fn open(
        &mut self,
        line: usize,
        level: Level,
        number: String,
        title: &str,
    ) -> Result<(), ImportError> {
        let depth = level as usize;
        if depth > 0 && self.counters[depth - 1] == 0 {
            let above = [Level::Feedback, Level::General][depth - 1].label();
            return Err(row_error(
                line,
                &format!("{}之前没有{above}", level.label()),
                title,
            ));
        }
        self.counters[depth] += 1;
        for deeper in &mut self.counters[depth + 1..] {
            *deeper = 0;
        }
        let path: Vec<String> = self.counters[..=depth]
            .iter()
            .map(|n| n.to_string())
            .collect();
        let parent = (depth > 0).then(|| path[..depth].join("."));
        self.items.push(Item {
            id: path.join("."),
            number,
            category: level.label().to_string(),
            title: title.trim().to_string(),
            parent,
            ..Item::default()
        });
        Ok(())
    }

    fn finish(mut self, opts: &ImportOptions) -> ImportReport {
        derive_feedback_status(&mut self.items);
        let mut ledger = new_ledger(opts);
        ledger.kind = LedgerKind::Rectification;
        let count = |level: Level| {
            self.items
                .iter()
                .filter(|i| i.category == level.label())
                .count()
        };
        let mut notes = vec![format!(
            "问题树:{} 个反馈问题、{} 个面上问题、{} 个具体问题;整改情况记为 {} {} 的进展",
            count(Level::Feedback),
            count(Level::General),
            count(Level::Specific),
            self.source.date,
            self.source.author
        )];
        if self.preamble > 0 {
            notes.push(format!(
                "跳过第一个反馈问题之前的 {} 行说明文字",
                self.preamble
            ));
        }
        if !self.continued.is_empty() {
            notes.push(format!(
                "{} 行续接在上一段整改情况之后(第{}行等)",
                self.continued.len(),
                self.continued[0]
            ));
        }
        notes.push("反馈问题本身没有整改时限;其状态由下属面上问题汇总".to_string());
        notes.push("报告没有写明各问题的完成日期,完成日期(done_on)留空".to_string());
        notes.append(&mut self.notes);
        ledger.columns = [
            ("category", "层级"),
            ("title", "问题"),
            ("progress", "整改情况"),
            ("deadline", "整改时限"),
            ("status", "整改结果"),
        ]
        .iter()
        .map(|(field, header)| crate::domain::ledger::Column {
            field: field.to_string(),
            header: header.to_string(),
        })
        .collect();
        ledger.items = self.items;
        let recognised = ledger
            .columns
            .iter()
            .map(|c| (c.header.clone(), c.field.clone()))
            .collect();
        ImportReport {
            ledger,
            recognised,
            unknown_headers: Vec::new(),
            notes,
        }
    }
}

/// A 反馈问题 has no result line of its own: done when all its 面上问题 are done.
fn derive_feedback_status(items: &mut [Item]) {
    let ids: Vec<String> = items
        .iter()
        .filter(|i| i.parent.is_none())
        .map(|i| i.id.clone())
        .collect();
    for id in ids {
        let children: Vec<Status> = items
            .iter()
            .filter(|i| i.parent.as_deref() == Some(id.as_str()))
            .map(|i| i.status)
            .collect();
        let status = if !children.is_empty() && children.iter().all(|s| s.is_finished()) {
            Status::Done
        } else if children.iter().any(|s| *s != Status::NotStarted) {
            Status::InProgress
        } else {
            Status::NotStarted
        };
        if let Some(item) = items.iter_mut().find(|i| i.id == id) {
            item.status = status;
        }
    }
}

/// `(一)反馈问题:…`, `1.面上问题:…`, `(1)具体问题:…` or `具体问题:…`.
fn problem_heading(text: &str) -> Option<(Level, String, &str)> {
    for level in [Level::Feedback, Level::General, Level::Specific] {
        let marker = format!("{}:", level.label());
        let alt = format!("{}\u{ff1a}", level.label());
        let Some(at) = text.find(&marker).or_else(|| text.find(&alt)) else {
            continue;
        };
        let number = text[..at].trim();
        let colon_len = if text[at..].starts_with(&marker) {
            marker.len()
        } else {
            alt.len()
        };
        if number.chars().count() > 5 || (number.is_empty() && level != Level::Specific) {
            continue;
        }
        let number = number.trim_end_matches(['.', '\u{ff0e}', '、']).to_string();
        return Some((level, number, &text[at + colon_len..]));
    }
    None
}

/// `整改情况:…` → the text after the colon.
fn field<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(name)?;
    rest.strip_prefix(':')
        .or_else(|| rest.strip_prefix('\u{ff1a}'))
        .map(str::trim)
}

/// `三、巩固和深化…`: a chapter heading that ends the problem tree.
fn is_chapter_heading(text: &str) -> bool {
    let mut chars = text.chars();
    let mut numerals = 0;
    for c in chars.by_ref() {
        if "一二三四五六七八九十".contains(c) {
            numerals += 1;
        } else {
            return numerals > 0 && c == '、';
        }
    }
    false
}

/// The report's date and author: a last line `YYYY年M月D日` and the line above it.
fn signature(text: &str) -> Option<ReportSource> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let (last, before) = lines.split_last()?;
    let date = NaiveDate::parse_from_str(last, "%Y年%m月%d日").ok()?;
    let author = before.last().map(|s| s.to_string()).unwrap_or_default();
    Some(ReportSource { date, author })
}

fn row_error(line: usize, message: &str, text: &str) -> ImportError {
    ImportError::Row {
        line,
        message: message.to_string(),
        text: excerpt(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "前言\n二、整改落实情况\n(一)反馈问题:甲\n1.面上问题:乙。\n整改情况:做了。\n整改时限:2024年11月20日前完成整改。\n整改结果:完成整改。\n具体问题:丙。\n整改情况:一是。\n续一段。\n整改时限:2024年11月20日前完成整改。\n整改结果:第一三项完成整改;第二项未完成整改。\n三、打算\n(一)不是问题\n中共某局党组\n2025年2月21日\n";

    #[test]
    fn the_tree_has_ids_parents_progress_and_results() {
        let report = import_rectification_report(REPORT, ImportOptions::default()).unwrap();
        let items = &report.ledger.items;
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["1", "1.1", "1.1.1"]);
        assert_eq!(items[1].parent.as_deref(), Some("1"));
        assert_eq!(items[2].parent.as_deref(), Some("1.1"));
        assert_eq!(items[1].deadline, "2024年11月20日前完成整改");
        assert_eq!(items[1].status, Status::Done);
        assert_eq!(items[2].status, Status::InProgress);
        assert_eq!(items[2].sub_measures.len(), 3);
        assert_eq!(items[2].progress[0].text, "一是。\n续一段。");
        assert_eq!(items[2].progress[0].author, "中共某局党组");
        assert_eq!(
            items[2].progress[0].date,
            NaiveDate::from_ymd_opt(2025, 2, 21).unwrap()
        );
        assert_eq!(items[0].status, Status::Done);
        assert_eq!(report.ledger.kind, LedgerKind::Rectification);
    }

    #[test]
    fn a_problem_without_its_parent_names_the_line() {
        let err =
            import_rectification_report("1.面上问题:乙\n2025年2月21日\n", ImportOptions::default())
                .unwrap_err();
        assert!(matches!(err, ImportError::Row { line: 1, .. }), "{err}");
    }
}
