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
}

impl Field {
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
    ("整改结果", Field::Result),
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
    #[case("备注", None)]
    #[case("", None)]
    #[case("索取号", None)]
    fn headers_are_recognised(#[case] header: &str, #[case] expected: Option<Field>) {
        assert_eq!(recognise_header(header), expected);
    }
}
