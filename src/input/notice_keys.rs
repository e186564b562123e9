//! The default keys of the 发通知单 popup and of its question before issuing twice.

use super::defaults::Row;
use crate::app::{Action, Mode};

pub(super) fn rows() -> Vec<Row> {
    use Action::*;
    use Mode::{NoticeAgain, Notices};
    vec![
        (
            Notices,
            &["Enter"],
            Open,
            "发出并登记到事项(文件写入工作区的 notices 文件夹)",
            Some("发出"),
        ),
        (
            Notices,
            &["Tab"],
            NoticeToggleReach,
            "范围:本事项 / 本单位同色的全部事项",
            Some("范围"),
        ),
        (
            Notices,
            &["t"],
            NoticeNextKind,
            "类型(颜色):提示(蓝)→ 催办(黄)→ 督办(红)→ 整改(黑)",
            Some("类型"),
        ),
        (
            Notices,
            &["u"],
            NoticeNextUnit,
            "换单位(事项有多个单位时)",
            Some("单位"),
        ),
        (
            Notices,
            &["f"],
            NoticeNextFormat,
            "格式:md / docx",
            Some("格式"),
        ),
        (Notices, &["Esc", "q"], Back, "取消", Some("取消")),
        (
            NoticeAgain,
            &["y"],
            NoticeIssueAgain,
            "仍再发一次(取新文号)",
            Some("再发一次"),
        ),
        (NoticeAgain, &["n", "Esc"], Back, "不发", Some("不发")),
    ]
}
