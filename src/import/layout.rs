//! The header row: which column fills which field, and where the item number is printed.

use super::columns::{ColumnMap, Field, recognise_header};
use super::numbering::split_item_number;

/// The columns of a table as read from its header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    /// Each column's header and the field it fills, in order.
    pub columns: Vec<(String, Field)>,
    /// The column holding the title.
    pub title: usize,
    /// The 序号 column, when there is one.
    pub number: Option<usize>,
    /// Notes about columns that could not take the field their header names.
    pub notes: Vec<String>,
}

/// How many headers of a row are recognised.
pub(crate) fn recognised_count(cells: &[String]) -> usize {
    cells
        .iter()
        .filter(|c| recognise_header(c).is_some())
        .count()
}

impl Layout {
    /// Read the header cells. `None` when no column can hold the title.
    #[cfg(test)]
    pub fn from_headers(cells: &[String]) -> Option<Layout> {
        Layout::from_headers_with(cells, &ColumnMap::default())
    }

    /// Read the header cells, headers mapped by hand first. A blank header right after a
    /// named one is the second half of a header cell spanning two columns: it keeps the
    /// column, filling the same field when that field gathers several values (measures,
    /// units, supervisors), else kept as an extra column.
    pub fn from_headers_with(cells: &[String], map: &ColumnMap) -> Option<Layout> {
        let mut columns: Vec<(String, Field)> = Vec::new();
        let mut notes = Vec::new();
        for (index, header) in cells.iter().enumerate() {
            if header.is_empty()
                && let Some((previous, field)) = columns.last().cloned()
                && !previous.starts_with('第')
            {
                let base = previous.trim_end_matches("(续)").to_string();
                let field = match field {
                    Field::Measures | Field::Units | Field::Supervisors => field,
                    _ => Field::Extra,
                };
                notes.push(format!(
                    "第{}列表头空白,是「{base}」跨两列的表头,一并导入为 {}",
                    index + 1,
                    field.name()
                ));
                columns.push((format!("{base}(续)"), field));
                continue;
            }
            let header = if header.is_empty() {
                format!("第{}列", index + 1)
            } else {
                header.clone()
            };
            let taken = |f: Field| columns.iter().any(|(_, g)| *g == f);
            let recognised = map.field_of(&header).or_else(|| recognise_header(&header));
            let field = match recognised {
                Some(Field::Extra) | None => Field::Extra,
                Some(Field::Units) => Field::Units,
                Some(Field::Computed) => Field::Computed,
                Some(Field::Title) if taken(Field::Title) && !taken(Field::Measures) => {
                    notes.push(format!("「{header}」是第二个任务列,作为具体措施导入"));
                    Field::Measures
                }
                Some(f) if taken(f) => {
                    notes.push(format!(
                        "「{header}」与前面的列同为 {},其内容保留在附加列中",
                        f.name()
                    ));
                    Field::Extra
                }
                Some(f) => f,
            };
            columns.push((header, field));
        }
        let title = columns.iter().position(|(_, f)| *f == Field::Title)?;
        let number = columns.iter().position(|(_, f)| *f == Field::Number);
        Some(Layout {
            columns,
            title,
            number,
            notes,
        })
    }

    /// The column whose cells begin with the item number (序号, else the title).
    pub fn numbered_column(&self) -> usize {
        self.number.unwrap_or(self.title)
    }

    /// Whether `cell` starts with an item number as printed in the numbered column.
    pub fn looks_numbered(&self, cell: &str) -> bool {
        if self.number.is_some() {
            let cell = cell.trim().trim_end_matches(['.', '\u{ff0e}', '、']);
            !cell.is_empty() && cell.len() <= 4 && cell.chars().all(|c| c.is_ascii_digit())
        } else {
            split_item_number(cell).is_some()
        }
    }

    /// How many leading cells a row lacks because they were merged with the row above:
    /// the row's first cell holds the item number although the numbered column is further right.
    pub fn merged_lead(&self, cells: &[String]) -> usize {
        let numbered = self.numbered_column();
        if numbered == 0 {
            return 0;
        }
        let first_is_numbered = cells.first().is_some_and(|c| self.looks_numbered(c));
        let own_is_numbered = cells.get(numbered).is_some_and(|c| self.looks_numbered(c));
        if first_is_numbered && !own_is_numbered {
            numbered
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(s: &[&str]) -> Vec<String> {
        s.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn rows_without_the_leading_category_are_detected() {
        let layout = Layout::from_headers(&cells(&[
            "类型",
            "新建(修订)制度名称",
            "完成时限",
            "责任科室",
        ]))
        .unwrap();
        assert_eq!(layout.title, 1);
        assert_eq!(layout.merged_lead(&cells(&["2.《甲》"])), 1);
        assert_eq!(
            layout.merged_lead(&cells(&["13.《乙》", "2月底前", "机关党办"])),
            1
        );
        assert_eq!(
            layout.merged_lead(&cells(&["党的建设类", "1.《丙》", "5月底前"])),
            0
        );
    }

    #[test]
    fn a_second_task_column_becomes_measures_and_no_title_is_none() {
        let layout = Layout::from_headers(&cells(&["任务", "工作任务", "备注"])).unwrap();
        assert_eq!(layout.columns[1].1, Field::Measures);
        assert_eq!(layout.columns[2].1, Field::Extra);
        assert!(Layout::from_headers(&cells(&["完成时限", "责任单位"])).is_none());
    }
}
