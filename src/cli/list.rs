//! `duban list`: every item with its warning colour and reason, filtered and sorted by severity.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::context::{CliError, Globals, calendar_of};
use super::edit::brief_list;
use super::list_output;
pub use super::list_output::RoleUnit;

use crate::domain::assess::{ScheduleCache, held_to};
use crate::domain::calendar::WorkCalendar;
use crate::domain::deadline::Schedule;
use crate::domain::warning::{self, WarningContext};
use crate::domain::{Colour, Status};
use crate::search::SearchIndex;
use crate::storage::Workspace;
use crate::text::sanitize;

/// Output format of `duban list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// 按终端宽度排版的表格
    Table,
    /// CSV:ledger,id,colour,status,due,units,title,reason
    Csv,
    /// JSON 数组
    Json,
}

/// Arguments of `duban list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// 颜色,逗号分隔:red,yellow,blue,black,none(或 红,黄,蓝,黑,无)
    #[arg(long, alias = "colour")]
    pub color: Option<String>,
    /// 单位(包含此文字即可),任一角色:牵头、责任、配合、指导、市局责任部门
    #[arg(long)]
    pub unit: Option<String>,
    /// 只按此角色匹配 --unit(列名包含此文字即可,如 市局责任部门、指导、责任)
    #[arg(long)]
    pub role: Option<String>,
    /// 台账编号
    #[arg(long)]
    pub ledger: Option<String>,
    /// 状态,逗号分隔:not-started|in-progress|done|accepted|suspended
    #[arg(long)]
    pub status: Option<String>,
    /// 查找事项(与界面中 / 搜索相同):编号、标题、类型、责任单位、期限、措施中的文字,或拼音(zhjz → 智慧矫正)
    #[arg(long)]
    pub search: Option<String>,
    /// 只列未完成的事项
    #[arg(long)]
    pub open: bool,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// The filters of `duban list`, validated.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Keep these colours (empty = all).
    pub colours: Vec<Colour>,
    /// Keep items with a unit (in any role) containing this text.
    pub unit: Option<String>,
    /// With `unit`: only units in a role whose name contains this text.
    pub role: Option<String>,
    /// Keep this ledger id.
    pub ledger: Option<String>,
    /// Keep these statuses (empty = all).
    pub statuses: Vec<Status>,
    /// Keep the items the TUI's search finds for this query (text or pinyin).
    pub search: Option<String>,
    /// Keep only open (not done/accepted) items.
    pub open_only: bool,
}

/// One listed item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    /// Ledger id.
    pub ledger: String,
    /// Item id.
    pub id: String,
    /// Warning colour (none for closed items).
    pub colour: Colour,
    /// Status.
    pub status: Status,
    /// The governing due date, if any.
    pub due: Option<NaiveDate>,
    /// Lead unit first, then responsible units.
    pub units: Vec<String>,
    /// Every unit with its role, lead first, guiding and supervising departments included
    /// (the `roles` of the JSON output; the table shows the ones `--unit` matched).
    pub roles: Vec<RoleUnit>,
    /// Title.
    pub title: String,
    /// Why it has its colour.
    pub reason: String,
}

fn split_words(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', ',', '、', ' '])
        .map(str::trim)
        .filter(|w| !w.is_empty())
}

/// Parse `--color red,黑,…`; an unknown word is a one-line error listing the valid words.
pub fn parse_colours(s: &str) -> Result<Vec<Colour>, CliError> {
    split_words(s)
        .map(|w| {
            Colour::from_word(w).ok_or_else(|| {
                CliError::new(format!(
                    "未知的颜色 \"{}\";可用:red,yellow,blue,black,none(或 红,黄,蓝,黑,无)",
                    sanitize(w)
                ))
            })
        })
        .collect()
}

fn parse_statuses(s: &str) -> Result<Vec<Status>, CliError> {
    split_words(s).map(super::status::parse_status).collect()
}

impl ListFilter {
    /// Validate the command-line filters.
    pub fn from_args(args: &ListArgs) -> Result<Self, CliError> {
        let nonempty = |o: &Option<String>| {
            o.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        Ok(ListFilter {
            colours: args
                .color
                .as_deref()
                .map(parse_colours)
                .transpose()?
                .unwrap_or_default(),
            unit: nonempty(&args.unit),
            role: nonempty(&args.role),
            ledger: nonempty(&args.ledger),
            statuses: args
                .status
                .as_deref()
                .map(parse_statuses)
                .transpose()?
                .unwrap_or_default(),
            search: nonempty(&args.search),
            open_only: args.open,
        })
    }
}

/// Assess every item of the workspace at `today`, filter, and sort by severity then due date.
pub fn collect_rows(
    ws: &Workspace,
    calendar: &WorkCalendar,
    filter: &ListFilter,
    today: NaiveDate,
) -> Vec<ListRow> {
    let mut rows = Vec::new();
    let ctx = WarningContext {
        rules: &ws.config.rules,
        calendar,
        today,
    };
    let mut schedules = ScheduleCache::default();
    // The TUI's search over every item (document `i` is the `i`-th item of the workspace).
    let found = filter.search.as_deref().map(|q| {
        SearchIndex::of_ledgers(ws.ledgers.iter().map(|l| &l.ledger))
            .search(q, None)
            .ranks(ws.ledgers.iter().map(|l| l.ledger.items.len()).sum())
    });
    let mut first_doc = 0;
    for loaded in &ws.ledgers {
        let ledger = &loaded.ledger;
        let docs = first_doc..first_doc + ledger.items.len();
        first_doc = docs.end;
        if filter.ledger.as_deref().is_some_and(|l| l != ledger.id) {
            continue;
        }
        for (item, doc) in ledger.items.iter().zip(docs) {
            if found.as_ref().is_some_and(|ranks| ranks[doc] == 0) {
                continue;
            }
            if filter.open_only && !item.status.is_open() {
                continue;
            }
            if !filter.statuses.is_empty() && !filter.statuses.contains(&item.status) {
                continue;
            }
            let units: Vec<&str> = item.all_units();
            if filter.unit.is_some()
                && !ledger
                    .unit_roles(item)
                    .iter()
                    .any(|r| filter.matches_role(r.role, r.unit))
            {
                continue;
            }
            let schedule = schedules.schedule(ledger, item);
            let assessment = Assessed {
                warning: warning::evaluate(item, ledger, schedule, &ctx),
                schedule,
            };
            let colour = if item.status.is_open() {
                assessment.warning.colour
            } else {
                Colour::None
            };
            if !filter.colours.is_empty() && !filter.colours.contains(&colour) {
                continue;
            }
            let due = held_to(&assessment.warning, assessment.schedule);
            let reason = if assessment.warning.reason.trim().is_empty() {
                fallback_reason(item.status, colour)
            } else {
                assessment.warning.reason
            };
            rows.push(ListRow {
                ledger: ledger.id.clone(),
                id: item.id.clone(),
                colour,
                status: item.status,
                due,
                units: units.into_iter().map(str::to_string).collect(),
                roles: ledger.unit_roles(item).iter().map(RoleUnit::from).collect(),
                title: item.title.clone(),
                reason,
            });
        }
    }
    rows.sort_by(|a, b| {
        b.colour.cmp(&a.colour).then_with(|| match (a.due, b.due) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        })
    });
    rows
}

/// An item's schedule (borrowed from the per-run cache) and warning.
struct Assessed<'a> {
    schedule: &'a Schedule,
    warning: crate::domain::Warning,
}

/// A reason for rows the warning engine left without one (closed or quiet items).
fn fallback_reason(status: Status, colour: Colour) -> String {
    match (status, colour) {
        (s, _) if s.is_finished() => s.label().to_string(),
        (Status::Suspended, _) => "暂缓".to_string(),
        (_, Colour::None) => "未到预警期".to_string(),
        (_, c) => format!("{}色预警", c.label()),
    }
}

/// Render the rows in `format` (the table `width` columns wide, `colour` = ANSI colours;
/// with `--unit` in `filter`, the table's unit column shows the matched units and roles).
pub fn render(
    rows: &[ListRow],
    format: ListFormat,
    width: usize,
    colour: bool,
    filter: &ListFilter,
) -> Vec<u8> {
    match format {
        ListFormat::Csv => list_output::csv(rows),
        ListFormat::Json => list_output::json(rows),
        ListFormat::Table => list_output::table(rows, width, colour, filter).into_bytes(),
    }
}

/// Everything `duban list` does after parsing, for one workspace folder: load, assess,
/// filter, sort and render (used by the benchmark).
pub fn list_workspace(
    dir: &Path,
    filter: &ListFilter,
    format: ListFormat,
    today: NaiveDate,
    width: usize,
) -> Result<Vec<u8>, CliError> {
    let ws = crate::storage::load_workspace(dir)?;
    let calendar = calendar_of(&ws)?;
    Ok(render(
        &collect_rows(&ws, &calendar, filter, today),
        format,
        width,
        false,
        filter,
    ))
}

/// Run the command: validate the filters, load, assess, print.
pub fn run(globals: &Globals, args: &ListArgs) -> Result<ExitCode, CliError> {
    let filter = ListFilter::from_args(args)?;
    let ws = globals.open_workspace()?;
    if let Some(unit) = &filter.unit {
        super::unit_hint::require_unit(&super::unit_hint::known_units(&ws), unit)?;
    }
    if let Some(id) = &filter.ledger
        && !ws.ledgers.iter().any(|l| &l.ledger.id == id)
    {
        let known: Vec<String> = ws.ledgers.iter().map(|l| l.ledger.id.clone()).collect();
        return Err(CliError::new(format!(
            "没有编号为 \"{}\" 的台账;现有台账:{}",
            sanitize(id),
            brief_list(&known)
        )));
    }
    for broken in &ws.broken {
        eprintln!("duban: 跳过无法读取的台账:{}", sanitize(&broken.message));
    }
    let today = globals.today_for(Some(&ws.config));
    let calendar = calendar_of(&ws)?;
    let rows = collect_rows(&ws, &calendar, &filter, today);
    let (width, colour) = list_output::terminal_style();
    let out = render(&rows, args.format, width, colour, &filter);
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`duban list | head`) is not an error worth reporting.
    let _ = stdout.write_all(&out).and_then(|_| stdout.flush());
    // The rows are printed, but they are not the whole workspace: say so in the exit code.
    Ok(if ws.broken.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assess::assess;
    use crate::storage::LoadedLedger;

    fn workspace(items: usize) -> Workspace {
        let today = NaiveDate::from_ymd_opt(2023, 6, 15).expect("date");
        let (config, ledgers) = crate::r#gen::generate(items, 3, 11, today);
        Workspace {
            dir: "unused".into(),
            config,
            ledgers: ledgers
                .into_iter()
                .map(|l| LoadedLedger::new(l, "unused.ron".into()))
                .collect(),
            broken: Vec::new(),
        }
    }

    #[test]
    fn rows_agree_with_assess_item_by_item_and_are_sorted() {
        let ws = workspace(400);
        let today = ws.config.as_of.expect("pinned");
        let calendar = WorkCalendar::new(ws.config.rules.calendar);
        let rows = collect_rows(&ws, &calendar, &ListFilter::default(), today);
        assert_eq!(rows.len(), 400);
        for row in &rows {
            let ledger = &ws.ledger(&row.ledger).expect("ledger").ledger;
            let item = ledger.item(&row.id).expect("item");
            let a = assess(ledger, item, &ws.config.rules, &calendar, today);
            let colour = if item.status.is_open() {
                a.warning.colour
            } else {
                Colour::None
            };
            assert_eq!(row.colour, colour, "{}/{}", row.ledger, row.id);
            if !a.warning.reason.is_empty() {
                assert_eq!(row.reason, a.warning.reason);
            }
        }
        assert!(rows.windows(2).all(|w| w[0].colour >= w[1].colour));
    }

    #[test]
    fn filters_combine() {
        let ws = workspace(300);
        let today = ws.config.as_of.expect("pinned");
        let calendar = WorkCalendar::new(ws.config.rules.calendar);
        let filter = ListFilter {
            colours: vec![Colour::Red, Colour::Black],
            unit: Some("司法局".into()),
            open_only: true,
            ..ListFilter::default()
        };
        let rows = collect_rows(&ws, &calendar, &filter, today);
        assert!(!rows.is_empty());
        for r in &rows {
            assert!(matches!(r.colour, Colour::Red | Colour::Black));
            assert!(r.units.iter().any(|u| u.contains("司法局")));
            assert!(r.status.is_open());
        }
        assert_eq!(
            parse_colours("红,black、无").expect("valid"),
            vec![Colour::Red, Colour::Black, Colour::None]
        );
        assert!(parse_colours("red,紫").is_err());
    }
}
