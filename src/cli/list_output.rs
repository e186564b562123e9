//! The three output formats of `duban list`: a width-aware table, CSV and JSON.

use std::borrow::Cow;
use std::io::IsTerminal;

use super::list::{ListFilter, ListRow};
use crate::domain::Colour;
use crate::text::{Keep, fit, guard_formula, json_safe, neutralise, truncate, width};

/// The CSV header (a scripting contract).
pub const CSV_HEADER: [&str; 8] = crate::import::LIST_CSV_HEADER;

/// One unit of a listed item in one role, as the ledger's column names the role
/// (牵头单位, 责任科室, 市局责任部门 …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleUnit {
    /// The role.
    pub role: String,
    /// The unit.
    pub unit: String,
}

impl ListFilter {
    /// Whether `--unit` (and `--role`, when given) match this unit in this role; false
    /// without `--unit`.
    pub fn matches_role(&self, role: &str, unit: &str) -> bool {
        self.unit.as_deref().is_some_and(|u| unit.contains(u))
            && self.role.as_deref().is_none_or(|r| role.contains(r))
    }
}

impl From<&crate::domain::UnitRole<'_>> for RoleUnit {
    fn from(r: &crate::domain::UnitRole<'_>) -> Self {
        RoleUnit {
            role: r.role.to_string(),
            unit: r.unit.to_string(),
        }
    }
}

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

/// CSV with the exact header. Text is kept as data (the csv crate quotes as needed) with
/// two guards, so the file is safe in a terminal and in a spreadsheet: control characters
/// other than newline and tab become visible pictures (␛, ␍, ␀ …; C1 and bidi controls
/// `�`), and a cell starting with `= + - @` or a tab gets a leading `'` (undone by
/// `duban import`).
pub fn csv(rows: &[ListRow]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::with_capacity(rows.len() * 96 + 64));
    // Writing to a Vec cannot fail.
    let _ = w.write_record(CSV_HEADER);
    for r in rows {
        let due = r.due.map(|d| d.to_string()).unwrap_or_default();
        let units = r.units.join(";");
        let cells = [
            r.ledger.as_str(),
            r.id.as_str(),
            r.colour.word(),
            r.status.word(),
            due.as_str(),
            units.as_str(),
            r.title.as_str(),
            r.reason.as_str(),
        ];
        let _ = w.write_record(cells.map(csv_cell).iter().map(|c| c.as_bytes()));
    }
    w.into_inner().unwrap_or_default()
}

/// One CSV cell: neutralised for data, then guarded against formulas (borrowed when
/// neither changes anything, as for almost every cell).
fn csv_cell(cell: &str) -> Cow<'_, str> {
    match neutralise(cell, Keep::Data) {
        Cow::Borrowed(clean) => guard_formula(clean),
        Cow::Owned(clean) => Cow::Owned(guard_formula(&clean).into_owned()),
    }
}

/// A JSON array of objects with the CSV's fields (units as an array) plus `roles`, every
/// unit with its role (`[{"role":"市局责任部门","unit":"社区矫正管理科"}, …]`); every control
/// character is a `\uXXXX` escape, so the value is intact and the terminal safe.
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
                "roles": r
                    .roles
                    .iter()
                    .map(|x| serde_json::json!({"role": x.role, "unit": x.unit}))
                    .collect::<Vec<_>>(),
                "title": r.title,
                "reason": r.reason,
            })
        })
        .collect();
    // serde_json escapes C0 controls; C1 and bidi controls get escaped too.
    let text = serde_json::to_string_pretty(&values).unwrap_or_default();
    let mut out = json_safe(&text).into_owned().into_bytes();
    out.push(b'\n');
    out
}

/// Column widths of the table; 0 hides a column.
struct Layout {
    ledger: usize,
    id: usize,
    status: usize,
    due: usize,
    units: usize,
    title: usize,
    reason: usize,
}

/// The colour chip ("■红") is this wide.
const CHIP: usize = 4;

impl Layout {
    /// Narrow terminals (80 columns) drop the status column and shorten the ledger id;
    /// the title takes what is left (at least 8 columns). Units shown with their role
    /// (`--unit`) get a wider column.
    fn for_width(total: usize, rows: &[ListRow], with_roles: bool) -> Layout {
        let widest = |f: &dyn Fn(&ListRow) -> usize, cap: usize| {
            rows.iter().map(f).max().unwrap_or(0).clamp(4, cap)
        };
        let (ledger_cap, status, mut units, reason_min) = match total {
            0..100 => (10, 0, 8, 16),
            100..140 => (14, 6, 14, 20),
            _ => (18, 6, 20, 24),
        };
        if with_roles {
            units = match total {
                0..100 => 16,
                100..140 => 26,
                _ => 32,
            };
        }
        let mut l = Layout {
            ledger: widest(&|r| width(&r.ledger), ledger_cap),
            id: widest(&|r| width(&r.id), 8),
            status,
            due: 10,
            units,
            title: 0,
            reason: 0,
        };
        let shown = [l.ledger, l.id, l.status, l.due, l.units];
        // One gap after the chip and each shown column (title included).
        let gaps = shown.iter().filter(|w| **w > 0).count() + 2;
        let flexible = total.saturating_sub(CHIP + shown.iter().sum::<usize>() + gaps);
        // The reason is what a supervisor reads out: it gets up to 2/5 of the free space.
        let reason_wanted = rows.iter().map(|r| width(&r.reason)).max().unwrap_or(0);
        l.reason = reason_wanted.min((flexible * 2 / 5).max(reason_min)).max(4);
        l.title = flexible.saturating_sub(l.reason).max(8);
        l
    }

    /// The cells of one line, hidden columns left out.
    fn cells(&self, chip: String, texts: [&str; 7]) -> Vec<String> {
        let widths = [
            self.ledger,
            self.id,
            self.status,
            self.due,
            self.units,
            self.title,
            self.reason,
        ];
        let mut cells = vec![chip];
        for (i, (text, w)) in texts.iter().zip(widths).enumerate() {
            if w > 0 {
                // The last column is not padded, so lines carry no trailing blanks.
                cells.push(if i == 6 {
                    truncate(text, w)
                } else {
                    fit(text, w)
                });
            }
        }
        cells
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

/// The units a row shows: with `--unit`, the matched units each after its role
/// (`市局责任部门:社区矫正管理科` — the role first, so a narrow column still shows it);
/// else lead and responsible units.
fn shown_units(row: &ListRow, filter: &ListFilter) -> String {
    if filter.unit.is_none() {
        return row.units.join("、");
    }
    row.roles
        .iter()
        .filter(|r| filter.matches_role(&r.role, &r.unit))
        .map(|r| format!("{}:{}", r.role, r.unit))
        .collect::<Vec<_>>()
        .join("、")
}

/// The table: header, one line per row (all text sanitised and fitted), then the counts.
/// With `--unit` in `filter` the unit column shows the matched units with their roles.
pub fn table(rows: &[ListRow], total: usize, ansi: bool, filter: &ListFilter) -> String {
    let with_roles = filter.unit.is_some();
    let l = Layout::for_width(total, rows, with_roles);
    let mut out = String::with_capacity((rows.len() + 3) * (total + 16));
    let mut push = |cells: Vec<String>| {
        out.push_str(cells.join(" ").trim_end());
        out.push('\n');
    };
    push(l.cells(
        fit("预警", CHIP),
        [
            "台账",
            "编号",
            "状态",
            "截止",
            if with_roles {
                "角色:单位"
            } else {
                "责任单位"
            },
            "事项",
            "原因",
        ],
    ));
    for r in rows {
        let due = r.due.map(|d| d.to_string()).unwrap_or_default();
        let units = shown_units(r, filter);
        push(l.cells(
            chip(r.colour, ansi),
            [
                &r.ledger,
                &r.id,
                r.status.short_label(),
                &due,
                &units,
                &r.title,
                &r.reason,
            ],
        ));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::list::RoleUnit;
    use crate::domain::Status;

    fn row(title: &str, reason: &str, colour: Colour) -> ListRow {
        ListRow {
            ledger: "2023-4-zhongdian".into(),
            id: "12".into(),
            colour,
            status: Status::InProgress,
            due: chrono::NaiveDate::from_ymd_opt(2023, 5, 31),
            units: vec!["社区矫正管理科".into(), "涪城区司法局".into()],
            roles: vec![
                RoleUnit {
                    role: "责任单位".into(),
                    unit: "涪城区司法局".into(),
                },
                RoleUnit {
                    role: "市局责任部门".into(),
                    unit: "社区矫正管理科".into(),
                },
            ],
            title: title.into(),
            reason: reason.into(),
        }
    }

    #[test]
    fn table_lines_fit_the_width_and_carry_no_control_characters() {
        let rows = vec![
            row(
                "推进智慧矫正中心建设,打造全市示范点",
                "逾期17个工作日(5月底前)",
                Colour::Red,
            ),
            row(
                "恶意\u{1b}]0;title\u{7}\u{9b}31m标题\n第二行",
                "\u{1b}[2J",
                Colour::Black,
            ),
            row("", "", Colour::None),
        ];
        for total in [80, 100, 120, 160, 240] {
            let text = table(&rows, total, false, &ListFilter::default());
            assert_eq!(text.lines().count(), 5);
            for line in text.lines() {
                assert!(
                    width(line) <= total,
                    "{total}: {line:?} is {} wide",
                    width(line)
                );
                assert!(!line.chars().any(char::is_control), "{line:?}");
            }
            assert!(
                text.contains("■红") && text.contains("■黑"),
                "labels carry the colour"
            );
        }
        let wide = table(&rows, 160, false, &ListFilter::default());
        assert!(
            wide.contains("逾期17个工作日(5月底前)"),
            "a wide table shows the whole reason"
        );
    }

    #[test]
    fn ansi_colour_only_on_the_chip_when_asked() {
        let rows = vec![row("甲", "逾期", Colour::Black)];
        let all = ListFilter::default();
        assert!(table(&rows, 80, true, &all).contains("\u{1b}[30;47m■黑"));
        assert!(!table(&rows, 80, false, &all).contains('\u{1b}'));
    }

    #[test]
    fn with_a_unit_filter_the_table_shows_the_matched_unit_and_its_role() {
        let rows = vec![row("甲", "逾期", Colour::Red)];
        let filter = ListFilter {
            unit: Some("社区矫正".into()),
            ..ListFilter::default()
        };
        let text = table(&rows, 160, false, &filter);
        assert!(text.contains("市局责任部门:社区矫正管理科"), "{text}");
        assert!(
            !text.contains("涪城区司法局"),
            "only the matched unit: {text}"
        );
        let by_role = ListFilter {
            unit: Some("司法局".into()),
            role: Some("责任".into()),
            ..ListFilter::default()
        };
        assert!(table(&rows, 160, false, &by_role).contains("责任单位:涪城区司法局"));
        for total in [80, 100, 120] {
            let text = table(&rows, total, false, &filter);
            assert!(text.lines().all(|l| width(l) <= total), "{text}");
            assert!(
                text.contains("市局责任部门"),
                "the role survives at {total}: {text}"
            );
        }
    }
}
