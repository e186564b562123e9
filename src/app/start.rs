//! How the app was started, as the command line saw it — where today's date came from and
//! whether the workspace was just created — and the messages the first frame shows.

use std::path::PathBuf;

use chrono::NaiveDate;

/// Where the app's today comes from, so the header can mark a date that is not the real one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrigin {
    /// The real date.
    #[default]
    Real,
    /// The workspace's pinned date (`as_of` in `duban.ron`, as the demo data has).
    Pinned,
    /// A date chosen with `--today`.
    Chosen,
}

impl DateOrigin {
    /// How today was resolved from `--today` (`chosen`), the workspace's pinned date and
    /// the real date, by the command line's rule (`--today`, else pinned, else real):
    /// a date equal to the real one is [`DateOrigin::Real`] however it was given.
    pub fn of(chosen: Option<NaiveDate>, pinned: Option<NaiveDate>, real: NaiveDate) -> Self {
        match (chosen, pinned) {
            (Some(date), _) if date != real => DateOrigin::Chosen,
            (None, Some(date)) if date != real => DateOrigin::Pinned,
            _ => DateOrigin::Real,
        }
    }
}

/// What the command line knows about this start that the app cannot find out itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Start {
    /// Where today's date came from.
    pub date: DateOrigin,
    /// The workspace folder, when this start created it from the bundled samples.
    pub created: Option<PathBuf>,
}

/// The short form of how to start a real workspace; the help gives it in full.
const IMPORT_HINT: &str = "新建台账:duban --dir 目录 import 表格文件 --year 年份 · 详见 ?";

/// The messages of the first frame: where a new workspace was made, else (on demo data)
/// how to start a real one. Each fits an 80-column footer when the folder's path does.
pub fn start_messages(start: &Start, demo: bool) -> Vec<String> {
    match &start.created {
        Some(dir) => vec![format!(
            "已在 {} 创建演示工作区 · 新建台账见 ?",
            dir.display()
        )],
        None if demo => vec![format!("演示数据 · {IMPORT_HINT}")],
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 7, day).expect("date")
    }

    #[rstest]
    #[case::nothing_given(None, None, DateOrigin::Real)]
    #[case::today_given_as_the_real_date(Some(10), None, DateOrigin::Real)]
    #[case::another_day_given(Some(1), None, DateOrigin::Chosen)]
    #[case::given_over_a_pinned_date(Some(1), Some(2), DateOrigin::Chosen)]
    #[case::pinned(None, Some(2), DateOrigin::Pinned)]
    #[case::pinned_to_the_real_date(None, Some(10), DateOrigin::Real)]
    fn the_origin_of_today(
        #[case] chosen: Option<u32>,
        #[case] pinned: Option<u32>,
        #[case] expected: DateOrigin,
    ) {
        assert_eq!(
            DateOrigin::of(chosen.map(d), pinned.map(d), d(10)),
            expected
        );
    }

    #[test]
    fn a_real_workspace_opened_again_has_nothing_to_say() {
        assert!(start_messages(&Start::default(), false).is_empty());
    }
}
