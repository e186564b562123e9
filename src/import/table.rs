//! `import_table`: a delimited table (pipe or CSV) into a new ledger.

use std::collections::{BTreeMap, HashSet};

use super::cells::{RawRow, csv_rows, pipe_rows};
use super::columns::Field;
use super::error::{ImportError, excerpt};
use super::layout::{Layout, recognised_count};
use super::numbering::{dedupe_repeats, split_item_number};
use super::result::read_result;
use super::units::split_units;
use super::{Format, ImportOptions, ImportReport, new_ledger};
use crate::domain::Item;
use crate::domain::ledger::Column;

/// Import a table into a new ledger.
///
/// The header row is the first row with at least two recognised headers; rows before it
/// are preamble (skipped and reported). Rows that lack the leading cells (merged with the
/// row above) and empty cells of category, goal, deadline, unit, supervisor and leader
/// columns take the value of the row above. An item's id is its printed number (序号
/// column, or the leading `12.` of the title, which is then stripped) when unique.
pub fn import_table(
    text: &str,
    format: Format,
    opts: ImportOptions,
) -> Result<ImportReport, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let rows = match resolve_format(text, format) {
        Format::Csv => csv_rows(text)?,
        _ => pipe_rows(text),
    };
    let header_at = rows
        .iter()
        .position(|r| r.cells.as_deref().is_some_and(|c| recognised_count(c) >= 2))
        .ok_or_else(|| ImportError::NoHeader {
            lines: text.lines().count().max(1),
            first: excerpt(text.lines().find(|l| !l.trim().is_empty()).unwrap_or("")),
        })?;
    let header = &rows[header_at];
    let header_cells = header.cells.clone().unwrap_or_default();
    let layout = Layout::from_headers(&header_cells).ok_or_else(|| ImportError::NoTitleColumn {
        line: header.line,
        headers: header_cells.join(" | "),
    })?;
    let mut builder = Builder::new(layout);
    if header_at > 0 {
        builder.notes.push(format!(
            "跳过表头之前的 {} 行说明文字(第{}–{}行)",
            header_at,
            rows[0].line,
            rows[header_at - 1].line
        ));
    }
    // duban's own CSV guards formula-like cells with a `'`: take it off again.
    let own_csv = header_cells == super::LIST_CSV_HEADER;
    for row in &rows[header_at + 1..] {
        if own_csv {
            builder.add_row(&unguarded(row))?;
        } else {
            builder.add_row(row)?;
        }
    }
    Ok(builder.finish(&opts, header.line))
}

/// `Auto` becomes `Pipe` when some `|` line carries a header row, else `Csv`.
fn resolve_format(text: &str, format: Format) -> Format {
    match format {
        Format::Auto => {
            let pipe_header = pipe_rows(text)
                .iter()
                .any(|r| r.cells.as_deref().is_some_and(|c| recognised_count(c) >= 2));
            if pipe_header {
                Format::Pipe
            } else {
                Format::Csv
            }
        }
        other => other,
    }
}

/// Accumulates items row by row.
struct Builder {
    layout: Layout,
    items: Vec<(usize, Item)>,
    previous: Vec<String>,
    inherited: BTreeMap<usize, Vec<usize>>,
    merged_rows: Vec<usize>,
    notes: Vec<String>,
}

impl Builder {
    fn new(layout: Layout) -> Builder {
        let notes = layout.notes.clone();
        Builder {
            previous: vec![String::new(); layout.columns.len()],
            layout,
            items: Vec::new(),
            inherited: BTreeMap::new(),
            merged_rows: Vec::new(),
            notes,
        }
    }

    fn add_row(&mut self, row: &RawRow) -> Result<(), ImportError> {
        let Some(raw_cells) = &row.cells else {
            return Err(row_error(
                row,
                "不是表格行(没有 |)。表格中间和之后不能有其他文字:请删去这一行,或把它放进单元格",
            ));
        };
        let width = self.layout.columns.len();
        let lead = self.layout.merged_lead(raw_cells);
        if lead > 0 {
            self.merged_rows.push(row.line);
        }
        let mut cells: Vec<String> = vec![String::new(); lead];
        cells.extend(raw_cells.iter().cloned());
        if cells.len() > width {
            return Err(row_error(
                row,
                &format!(
                    "有 {} 个单元格,而表头只有 {} 列。请检查是否多了 | 或逗号(含逗号的单元格请加英文引号)",
                    cells.len(),
                    width
                ),
            ));
        }
        cells.resize(width, String::new());
        for (index, cell) in cells.iter_mut().enumerate() {
            if let Some(once) = dedupe_repeats(cell) {
                self.notes.push(format!(
                    "第{}行「{}」单元格是同一段文字的重复(合并单元格),只保留一次",
                    row.line, self.layout.columns[index].0
                ));
                *cell = once;
            }
            if cell.is_empty()
                && self.layout.columns[index].1.inherits()
                && !self.previous[index].is_empty()
            {
                cell.clone_from(&self.previous[index]);
                self.inherited
                    .entry(index)
                    .or_default()
                    .push(self.items.len());
            }
        }
        if cells[self.layout.title].is_empty() {
            return Err(row_error(
                row,
                &format!(
                    "「{}」为空,每一行都要有任务/名称",
                    self.layout.columns[self.layout.title].0
                ),
            ));
        }
        let item = self.item_from(&cells);
        self.previous = cells;
        self.items.push((row.line, item));
        Ok(())
    }

    fn item_from(&mut self, cells: &[String]) -> Item {
        let mut item = Item::default();
        for ((header, field), value) in self.layout.columns.iter().zip(cells) {
            if value.is_empty() {
                continue;
            }
            match field {
                Field::Number => {
                    item.number = value.trim_end_matches(['.', '\u{ff0e}', '、']).to_string()
                }
                Field::Category => item.category.clone_from(value),
                Field::Goal => item.goal.clone_from(value),
                Field::Title => item.title.clone_from(value),
                Field::Measures => append_text(&mut item.measures, value),
                Field::Deadline => item.deadline.clone_from(value),
                Field::Units => extend_unique(&mut item.units, split_units(value)),
                Field::LeadUnit => {
                    let mut units = split_units(value).into_iter();
                    item.lead_unit = units.next();
                    extend_unique(&mut item.units, units.collect());
                }
                Field::Supervisors => extend_unique(&mut item.supervisors, split_units(value)),
                Field::Leader => item.leader = Some(value.clone()),
                Field::Result => match read_result(value) {
                    Some(reading) => {
                        item.status = reading.status;
                        item.sub_measures = reading.sub_measures;
                    }
                    None => {
                        self.notes.push(format!(
                            "「{header}」的内容「{}」看不出是否完成,保留在附加列中",
                            excerpt(value)
                        ));
                        item.extra.insert(header.clone(), value.clone());
                    }
                },
                Field::Extra => {
                    item.extra.insert(header.clone(), value.clone());
                }
            }
        }
        if self.layout.number.is_none()
            && let Some((number, rest)) = split_item_number(&item.title)
        {
            item.number = number;
            item.title = rest.to_string();
        }
        item
    }

    fn finish(mut self, opts: &ImportOptions, header_line: usize) -> ImportReport {
        let mut ledger = new_ledger(opts);
        if !self.merged_rows.is_empty() {
            let lead: Vec<&str> = self.layout.columns[..self.layout.numbered_column()]
                .iter()
                .map(|(h, _)| h.as_str())
                .collect();
            self.notes.push(format!(
                "{} 行缺少开头的「{}」单元格(合并单元格),已沿用上一行",
                self.merged_rows.len(),
                lead.join("、")
            ));
        }
        let ids = assign_ids(&mut self.items, &mut self.notes);
        for (column, rows) in &self.inherited {
            let names: Vec<&str> = rows.iter().map(|&i| ids[i].as_str()).collect();
            self.notes.push(format!(
                "「{}」空白的 {} 行沿用了上一行的值(合并单元格):条目 {}",
                self.layout.columns[*column].0,
                rows.len(),
                list_ids(&names)
            ));
        }
        ledger.columns = self
            .layout
            .columns
            .iter()
            .map(|(header, field)| Column {
                field: field.name().to_string(),
                header: header.clone(),
            })
            .collect();
        ledger.items = self.items.into_iter().map(|(_, item)| item).collect();
        let recognised = self
            .layout
            .columns
            .iter()
            .filter(|(_, f)| *f != Field::Extra)
            .map(|(h, f)| (h.clone(), f.name().to_string()))
            .collect();
        let unknown_headers: Vec<String> = self
            .layout
            .columns
            .iter()
            .filter(|(_, f)| *f == Field::Extra)
            .map(|(h, _)| h.clone())
            .collect();
        if !unknown_headers.is_empty() {
            self.notes.insert(
                0,
                format!(
                    "第{header_line}行的表头中不认识的列:{},其内容原样保留在附加列中",
                    unknown_headers.join("、")
                ),
            );
        }
        ImportReport {
            ledger,
            recognised,
            unknown_headers,
            notes: self.notes,
        }
    }
}

/// Give every item its printed number as id when unique, else a generated unique id.
/// Returns the ids in item order.
fn assign_ids(items: &mut [(usize, Item)], notes: &mut Vec<String>) -> Vec<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (_, item) in items.iter() {
        if !item.number.is_empty() {
            *counts.entry(item.number.clone()).or_default() += 1;
        }
    }
    // A set: rows without a number each look up a fresh id (a Vec made that quadratic).
    let mut taken: HashSet<String> = counts
        .iter()
        .filter(|(_, n)| **n == 1)
        .map(|(k, _)| k.clone())
        .collect();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut ids = Vec::with_capacity(items.len());
    for (line, item) in items.iter_mut() {
        let id = if item.number.is_empty() {
            let id = unique(format!("r{line}"), &mut taken);
            notes.push(format!("第{line}行没有序号,编号为 {id}"));
            id
        } else if counts[&item.number] == 1 {
            item.number.clone()
        } else {
            let k = seen.entry(item.number.clone()).or_default();
            *k += 1;
            let id = unique(format!("{}-{k}", item.number), &mut taken);
            notes.push(format!(
                "第{line}行的序号 {} 在表中出现 {} 次,编号改为 {id}",
                item.number, counts[&item.number]
            ));
            id
        };
        item.id.clone_from(&id);
        ids.push(id);
    }
    ids
}

fn unique(candidate: String, taken: &mut HashSet<String>) -> String {
    let mut id = candidate.clone();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{candidate}_{n}");
    }
    taken.insert(id.clone());
    id
}

fn list_ids(ids: &[&str]) -> String {
    const SHOWN: usize = 12;
    let mut s = ids
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join("、");
    if ids.len() > SHOWN {
        s.push_str(" 等");
    }
    s
}

fn append_text(target: &mut String, value: &str) {
    if !target.is_empty() {
        target.push('\n');
    }
    target.push_str(value);
}

fn extend_unique(target: &mut Vec<String>, values: Vec<String>) {
    for v in values {
        if !target.contains(&v) {
            target.push(v);
        }
    }
}

/// `row` with [`crate::text::unguard_formula`] applied to every cell.
fn unguarded(row: &RawRow) -> RawRow {
    RawRow {
        cells: row.cells.as_ref().map(|cells| {
            cells
                .iter()
                .map(|c| crate::text::unguard_formula(c).into_owned())
                .collect()
        }),
        ..row.clone()
    }
}

fn row_error(row: &RawRow, message: &str) -> ImportError {
    ImportError::Row {
        line: row.line,
        message: message.to_string(),
        text: excerpt(&row.text),
    }
}
