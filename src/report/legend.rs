//! The colour legend printed in every notice and report: what each colour means here and
//! its thresholds, from the workspace's rules (meanings differ between bureaus).

use crate::domain::{CalendarMode, Colour, NoticeKind, WarningRules};

/// The day unit of the rules, written after a number: 个工作日 or 天.
pub fn day_unit(rules: &WarningRules) -> &'static str {
    match rules.calendar {
        CalendarMode::WorkingDays => "个工作日",
        CalendarMode::CalendarDays => "天",
    }
}

/// One line per colour, mildest first, e.g.
/// `红色·督办(督办通知单):逾期超过5个工作日`.
pub fn legend_lines(rules: &WarningRules) -> Vec<String> {
    let unit = day_unit(rules);
    let report = if rules.monthly_report {
        ",或未按期报送进展"
    } else {
        ""
    };
    let meaning = |colour: Colour| match colour {
        Colour::Blue => format!("未逾期且距截止不超过{}{unit}", rules.blue_days_left),
        Colour::Yellow => format!("逾期1至{}{unit}{report}", rules.red_after_days),
        Colour::Red => format!("逾期超过{}{unit}", rules.red_after_days),
        Colour::Black => format!(
            "逾期超过{}{unit},或台账结项日期已过仍逾期",
            rules.black_after_days
        ),
        Colour::None => String::new(),
    };
    [Colour::Blue, Colour::Yellow, Colour::Red, Colour::Black]
        .into_iter()
        .filter_map(|colour| {
            let kind = NoticeKind::for_colour(colour)?;
            Some(format!(
                "{}色·{}({}):{}",
                colour.label(),
                kind.verb(),
                kind.label(),
                meaning(colour)
            ))
        })
        .collect()
}

/// The legend as one paragraph: `预警说明:蓝色·提示(…):…;黄色…。`
pub fn legend_paragraph(rules: &WarningRules) -> String {
    format!("预警说明:{}。", legend_lines(rules).join(";"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_follows_the_workspace_thresholds() {
        let rules = WarningRules {
            red_after_days: 3,
            black_after_days: 10,
            calendar: CalendarMode::CalendarDays,
            ..WarningRules::default()
        };
        let lines = legend_lines(&rules);
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0], "蓝色·提示(工作提示单):未逾期且距截止不超过5天");
        assert_eq!(lines[2], "红色·督办(督办通知单):逾期超过3天");
        assert!(lines[3].starts_with("黑色·整改(整改通知单):逾期超过10天"));
        assert!(lines[1].contains("未按期报送进展"));
    }
}
