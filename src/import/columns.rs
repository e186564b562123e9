//! Recognising columns by their Chinese headers.

/// The item field a column fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// 序号: the printed number (and the id when unique).
    Number,
    /// 类型 / category.
    Category,
    /// 目标 / goal.
    Goal,
    /// The task or title (具体任务, 制度名称, 问题 …).
    Title,
    /// 具体措施 / measures.
    Measures,
    /// 完成时限 / 时序进度 / 整改时限: the deadline text.
    Deadline,
    /// 责任单位 / 责任科室 (also 配合单位, appended).
    Units,
    /// 牵头单位.
    LeadUnit,
    /// 市局责任部门 / 指导部门.
    Supervisors,
    /// 责任领导.
    Leader,
    /// 整改结果 / 完成情况: read into status and sub-measures.
    Result,
    /// A column kept verbatim in `item.extra`.
    Extra,
    /// A column duban computes itself (预警, 原因, 最近进展, 延期 of an exported sheet):
    /// skipped on import.
    Computed,
}

impl Field {
    /// Every field, for `--column` help and lookups.
    pub const ALL: [Field; 13] = [
        Field::Number,
        Field::Category,
        Field::Goal,
        Field::Title,
        Field::Measures,
        Field::Deadline,
        Field::Units,
        Field::LeadUnit,
        Field::Supervisors,
        Field::Leader,
        Field::Result,
        Field::Extra,
        Field::Computed,
    ];

    /// The field named `name` (as [`Field::name`] gives it).
    pub fn from_name(name: &str) -> Option<Field> {
        let name = name.trim();
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The field's name as stored in `ledger.columns` and shown in reports.
    pub fn name(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Category => "category",
            Field::Goal => "goal",
            Field::Title => "title",
            Field::Measures => "measures",
            Field::Deadline => "deadline",
            Field::Units => "units",
            Field::LeadUnit => "lead_unit",
            Field::Supervisors => "supervisors",
            Field::Leader => "leader",
            Field::Result => "status",
            Field::Extra => "extra",
            Field::Computed => "computed",
        }
    }

    /// Whether an empty cell of this column takes the value of the row above
    /// (merged cells in the source table).
    pub fn inherits(self) -> bool {
        matches!(
            self,
            Field::Category
                | Field::Goal
                | Field::Deadline
                | Field::Units
                | Field::LeadUnit
                | Field::Supervisors
                | Field::Leader
        )
    }
}

/// Exact header texts (after [`normalise_header`]) and their fields.
const EXACT: &[(&str, Field)] = &[
    ("序号", Field::Number),
    ("编号", Field::Number),
    ("序列号", Field::Number),
    ("类型", Field::Category),
    ("类别", Field::Category),
    ("分类", Field::Category),
    ("项目类型", Field::Category),
    ("项目类别", Field::Category),
    ("板块", Field::Category),
    ("目标", Field::Goal),
    ("工作目标", Field::Goal),
    ("主要目标", Field::Goal),
    ("目标任务", Field::Goal),
    ("任务", Field::Title),
    ("具体任务", Field::Title),
    ("工作任务", Field::Title),
    ("主要任务", Field::Title),
    ("重点任务", Field::Title),
    ("任务内容", Field::Title),
    ("工作内容", Field::Title),
    ("项目", Field::Title),
    ("项目名称", Field::Title),
    ("工作事项", Field::Title),
    ("事项", Field::Title),
    ("新建(修订)制度名称", Field::Title),
    ("制度名称", Field::Title),
    ("问题", Field::Title),
    ("具体问题", Field::Title),
    ("面上问题", Field::Title),
    ("反馈问题", Field::Title),
    ("存在问题", Field::Title),
    ("问题描述", Field::Title),
    ("具体措施", Field::Measures),
    ("措施", Field::Measures),
    ("工作措施", Field::Measures),
    ("整改措施", Field::Measures),
    ("推进措施", Field::Measures),
    ("完成时限", Field::Deadline),
    ("时序进度", Field::Deadline),
    ("整改时限", Field::Deadline),
    ("时间节点", Field::Deadline),
    ("完成时间", Field::Deadline),
    ("时限", Field::Deadline),
    ("截止时间", Field::Deadline),
    ("截止日期", Field::Deadline),
    ("完成期限", Field::Deadline),
    ("时间安排", Field::Deadline),
    ("进度安排", Field::Deadline),
    ("责任科室", Field::Units),
    ("责任单位", Field::Units),
    ("责任部门", Field::Units),
    ("承办单位", Field::Units),
    ("实施单位", Field::Units),
    ("配合单位", Field::Units),
    ("协办单位", Field::Units),
    ("责任主体", Field::Units),
    ("牵头单位", Field::LeadUnit),
    ("牵头部门", Field::LeadUnit),
    ("牵头科室", Field::LeadUnit),
    ("市局责任部门", Field::Supervisors),
    ("指导部门", Field::Supervisors),
    ("督导部门", Field::Supervisors),
    ("市局指导部门", Field::Supervisors),
    ("责任领导", Field::Leader),
    ("分管领导", Field::Leader),
    ("牵头领导", Field::Leader),
    ("时限要求", Field::Deadline),
    ("办结时限", Field::Deadline),
    ("改革举措", Field::Title),
    ("主要内容", Field::Measures),
    ("具体要求", Field::Measures),
    ("工作要求", Field::Measures),
    ("主办", Field::LeadUnit),
    ("主办单位", Field::LeadUnit),
    ("协办", Field::Units),
    ("状态", Field::Result),
    ("整改结果", Field::Result),
    ("预警", Field::Computed),
    ("预警原因", Field::Computed),
    ("原因", Field::Computed),
    ("最近进展", Field::Computed),
    ("延期", Field::Computed),
    ("完成情况", Field::Result),
    ("完成结果", Field::Result),
    // The columns of duban's own `list --format csv`.
    ("id", Field::Number),
    ("title", Field::Title),
    ("units", Field::Units),
];

/// Header endings recognised when no exact entry matches, checked in order.
const ENDINGS: &[(&str, Field)] = &[
    ("责任部门", Field::Supervisors),
    ("名称", Field::Title),
    ("任务", Field::Title),
    ("措施", Field::Measures),
    ("时限", Field::Deadline),
    ("期限", Field::Deadline),
    ("时间", Field::Deadline),
    ("责任单位", Field::Units),
    ("科室", Field::Units),
];

/// Headers mapped to fields by hand (`--column 时限要求=deadline`), before recognition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap(Vec<(String, Field)>);

impl ColumnMap {
    /// Parse `HEADER=FIELD` words; an error names the word and the valid fields.
    pub fn parse(words: &[String]) -> Result<ColumnMap, String> {
        let mut map = Vec::new();
        for word in words {
            let parsed = word
                .split_once('=')
                .and_then(|(h, f)| Some((normalise_header(h), Field::from_name(f)?)))
                .filter(|(h, _)| !h.is_empty());
            match parsed {
                Some(pair) => map.push(pair),
                None => {
                    let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
                    return Err(format!(
                        "--column「{word}」应写成 表头=字段,字段可为:{}",
                        names.join("、")
                    ));
                }
            }
        }
        Ok(ColumnMap(map))
    }

    /// The field a header is mapped to by hand.
    pub fn field_of(&self, header: &str) -> Option<Field> {
        let key = normalise_header(header);
        self.0.iter().find(|(h, _)| *h == key).map(|(_, f)| *f)
    }

    /// How many of `cells` are mapped by hand and not recognised anyway.
    pub fn matches(&self, cells: &[String]) -> usize {
        cells
            .iter()
            .filter(|c| self.field_of(c).is_some() && recognise_header(c).is_none())
            .count()
    }
}

/// Collapse spacing and full-width brackets so `新建(修订) 制度名称` reads like `新建(修订)制度名称`.
pub fn normalise_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | ':' | '\u{ff1a}'))
        .map(|c| match c {
            '\u{ff08}' => '(',
            '\u{ff09}' => ')',
            c => c,
        })
        .collect()
}

/// The field a header fills, or `None` when it is not recognised.
pub fn recognise_header(header: &str) -> Option<Field> {
    let key = normalise_header(header);
    if key.is_empty() {
        return None;
    }
    if let Some((_, field)) = EXACT.iter().find(|(h, _)| *h == key) {
        return Some(*field);
    }
    if key.chars().count() > 12 {
        return None;
    }
    ENDINGS
        .iter()
        .find(|(ending, _)| key.ends_with(ending))
        .map(|(_, field)| *field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("类型", Some(Field::Category))]
    #[case("新建(修订)制度名称", Some(Field::Title))]
    #[case("新建(修订) 制度名称", Some(Field::Title))]
    #[case("市局责任部门", Some(Field::Supervisors))]
    #[case("责任部门", Some(Field::Units))]
    #[case("工作任务", Some(Field::Title))]
    #[case("计划完成时间", Some(Field::Deadline))]
    #[case("时限要求", Some(Field::Deadline))]
    #[case("办结时限", Some(Field::Deadline))]
    #[case("整改时限", Some(Field::Deadline))]
    #[case("改革举措", Some(Field::Title))]
    #[case("重点任务", Some(Field::Title))]
    #[case("主要内容", Some(Field::Measures))]
    #[case("具体要求", Some(Field::Measures))]
    #[case("主办", Some(Field::LeadUnit))]
    #[case("协办", Some(Field::Units))]
    #[case("配合单位", Some(Field::Units))]
    #[case("备注", None)]
    #[case("", None)]
    #[case("索取号", None)]
    fn headers_are_recognised(#[case] header: &str, #[case] expected: Option<Field>) {
        assert_eq!(recognise_header(header), expected);
    }
}
