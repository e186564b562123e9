//! `import_table`: a delimited table (pipe or CSV) into a new ledger.

use std::collections::{BTreeMap, HashSet};

use super::cells::{RawRow, csv_rows, pipe_rows};
use super::columns::{ColumnMap, Field};
use super::error::{ImportError, excerpt};
use super::layout::{Layout, recognised_count};
use super::numbering::{dedupe_repeats, split_item_number};
use super::result::read_result;
use super::units::split_units;
use super::{Format, ImportOptions, ImportReport, new_ledger};
use crate::domain::ledger::Column;
use crate::domain::{Item, Status};

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
    import_table_with(text, format, opts, &ColumnMap::default())
}

/// [`import_table`] with headers mapped by hand (`--column 时限要求=deadline`).
pub fn import_table_with(
    text: &str,
    format: Format,
    opts: ImportOptions,
    columns: &ColumnMap,
) -> Result<ImportReport, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let rows = match resolve_format(text, format) {
        Format::Csv => csv_rows(text)?,
        _ => pipe_rows(text),
    };
    import_rows(&rows, opts, columns)
}

/// The index of the header row: the first row with at least two recognised headers.
pub(crate) fn find_header(rows: &[RawRow], columns: &ColumnMap) -> Option<usize> {
    rows.iter().position(|r| {
        r.cells
            .as_deref()
            .is_some_and(|c| recognised_count(c) + columns.matches(c) >= 2)
    })
}

/// Import rows already split into cells (from any text format or a spreadsheet).
/// With an empty `opts.title`, the first preamble row above the header becomes the title.
pub(crate) fn import_rows(
    rows: &[RawRow],
    mut opts: ImportOptions,
    columns: &ColumnMap,
) -> Result<ImportReport, ImportError> {
    if rows.is_empty() {
        return Err(ImportError::Empty);
    }
    let header_at = find_header(rows, columns).ok_or_else(|| ImportError::NoHeader {
        lines: rows.last().map_or(1, |r| r.line),
        first: excerpt(&rows[0].text),
    })?;
    let header = &rows[header_at];
    let header_cells = header.cells.clone().unwrap_or_default();
    let layout = Layout::from_headers_with(&header_cells, columns).ok_or_else(|| {
        ImportError::NoTitleColumn {
            line: header.line,
            headers: header_cells.join(" | "),
        }
    })?;
    let mut builder = Builder::new(layout);
    if header_at > 0 {
        builder.notes.push(format!(
            "跳过表头之前的 {} 行说明文字(第{}–{}行)",
            header_at,
            rows[0].line,
            rows[header_at - 1].line
        ));
        if opts.title.trim().is_empty() {
            let title = without_as_of(&row_text(&rows[0])).to_string();
            builder
                .notes
                .push(format!("台账标题取自表头上方的标题行:「{title}」"));
            opts.title = title;
        }
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

/// A title row written by `duban export` ends with "(截至 2024-07-15)"; the ledger's
/// title is what comes before it.
fn without_as_of(title: &str) -> &str {
    match title.rfind("(截至 ") {
        Some(at) if title.ends_with(')') => title[..at].trim_end(),
        _ => title,
    }
}

/// The text of a row: its non-empty cells joined by a space, else the raw line.
fn row_text(row: &RawRow) -> String {
    match &row.cells {
        Some(cells) => cells
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
        None => row.text.trim().to_string(),
    }
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
    inherited_titles: Vec<usize>,
    section: Option<String>,
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
            inherited_titles: Vec::new(),
            section: None,
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
        if let Some(section) = self.section_row(raw_cells) {
            self.notes.push(format!(
                "第{}行「{}」是分节标题,作为其下事项的类别「{section}」",
                row.line,
                excerpt(&raw_cells[0])
            ));
            if let Some(at) = self
                .layout
                .columns
                .iter()
                .position(|(_, f)| *f == Field::Category)
            {
                self.previous[at].clone_from(&section);
            }
            self.section = Some(section);
            return Ok(());
        }
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
        let title = self.layout.title;
        if cells[title].is_empty() && !self.previous[title].is_empty() {
            cells[title].clone_from(&self.previous[title]);
            self.inherited_titles.push(self.items.len());
        }
        if cells[title].is_empty() {
            return Err(row_error(
                row,
                &format!(
                    "「{}」为空,每一行都要有任务/名称",
                    self.layout.columns[self.layout.title].0
                ),
            ));
        }
        let mut item = self.item_from(&cells);
        if item.category.is_empty()
            && let Some(section) = &self.section
        {
            item.category.clone_from(section);
        }
        self.previous = cells;
        self.items.push((row.line, item));
        Ok(())
    }

    /// The category named by a section row ("一、知识产权保护方面(共5项)"): a row whose only
    /// filled cell is the first, worded as a heading or (when the title is not the first
    /// column) not an item number.
    fn section_row(&self, cells: &[String]) -> Option<String> {
        let first = cells.first()?.trim();
        if first.is_empty() || cells[1..].iter().any(|c| !c.trim().is_empty()) {
            return None;
        }
        if self.layout.columns.len() < 2 {
            return None;
        }
        match section_heading(first) {
            Some(heading) => Some(heading),
            None if self.layout.title != 0 && !self.layout.looks_numbered(first) => {
                Some(first.to_string())
            }
            None => None,
        }
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
                Field::Result if Status::from_word(value).is_some() => {
                    item.status = Status::from_word(value).unwrap_or_default();
                }
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
                Field::Computed => {}
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
        if !self.inherited_titles.is_empty() {
            let names: Vec<&str> = self
                .inherited_titles
                .iter()
                .map(|&i| ids[i].as_str())
                .collect();
            self.notes.push(format!(
                "「{}」空白的 {} 行与上一行合并,沿用了上一行的任务:条目 {}",
                self.layout.columns[self.layout.title].0,
                names.len(),
                list_ids(&names)
            ));
        }
        for (field, what) in [(Field::Deadline, "完成时限"), (Field::Units, "责任单位")] {
            let has = self
                .layout
                .columns
                .iter()
                .any(|(_, f)| *f == field || (field == Field::Units && *f == Field::LeadUnit));
            if !has {
                self.notes.push(format!(
                    "表中没有{what}列:{} 个事项都没有{what},已照常导入,请在 duban 中补上(duban check 会列出)",
                    self.items.len()
                ));
            }
        }
        let has_category = self
            .layout
            .columns
            .iter()
            .any(|(_, f)| *f == Field::Category);
        if !has_category && self.section.is_some() {
            ledger.columns.push(Column {
                field: Field::Category.name().to_string(),
                header: "类别".to_string(),
            });
        }
        ledger.columns.extend(
            self.layout
                .columns
                .iter()
                .filter(|(_, field)| *field != Field::Computed)
                .map(|(header, field)| Column {
                    field: field.name().to_string(),
                    header: header.clone(),
                }),
        );
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

/// "一、知识产权保护方面(共5项)" → "知识产权保护方面"; `None` when the text is not worded
/// as a section heading (a Chinese ordinal before 、, or a bracketed one, or a count).
fn section_heading(text: &str) -> Option<String> {
    const NUMERALS: &str = "一二三四五六七八九十";
    let mut rest = text.trim();
    let mut heading = false;
    let ordinal: String = rest.chars().take_while(|c| NUMERALS.contains(*c)).collect();
    if !ordinal.is_empty()
        && let Some(after) = rest[ordinal.len()..].strip_prefix(['、', '.', '\u{ff0e}'])
    {
        rest = after;
        heading = true;
    } else if let Some(after) = rest.strip_prefix(['(', '\u{ff08}']) {
        let ordinal: String = after
            .chars()
            .take_while(|c| NUMERALS.contains(*c))
            .collect();
        if let Some(after) = after[ordinal.len()..].strip_prefix([')', '\u{ff09}'])
            && !ordinal.is_empty()
        {
            rest = after;
            heading = true;
        }
    }
    if let Some(open) = rest.rfind(['(', '\u{ff08}'])
        && rest[open..].contains('共')
        && rest[open..].contains('项')
        && rest.ends_with([')', '\u{ff09}'])
    {
        rest = &rest[..open];
        heading = true;
    }
    let rest = rest.trim();
    (heading && !rest.is_empty()).then(|| rest.to_string())
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
