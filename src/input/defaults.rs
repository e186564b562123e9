//! The default key bindings: one line per binding, with the Chinese description that the
//! help screen shows and, where it fits, the short label of the footer.

use super::{Binding, KeySpec};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::edit::EditKind;
use crate::app::{Action, Mode};
use crate::domain::Colour;

/// (mode, keys, action, description, footer label)
type Row = (
    Mode,
    &'static [&'static str],
    Action,
    &'static str,
    Option<&'static str>,
);

fn rows() -> Vec<Row> {
    use Action::*;
    use Mode::{Browse, Detail, Search};
    const EDIT: Mode = Mode::Edit;
    const MENU: Mode = Mode::FilterMenu;
    const HELP: Mode = Mode::Help;
    vec![
        (Browse, &["j", "Down"], MoveDown, "下移一行", None),
        (Browse, &["k", "Up"], MoveUp, "上移一行", None),
        (Browse, &["PageDown", "Ctrl-f"], PageDown, "下翻一页", None),
        (Browse, &["PageUp", "Ctrl-b"], PageUp, "上翻一页", None),
        (Browse, &["g", "Home"], Top, "到第一行", None),
        (Browse, &["G", "End"], Bottom, "到最后一行", None),
        (
            Browse,
            &["Tab", "BackTab"],
            NextPane,
            "在分组栏和事项表之间切换",
            Some("切换"),
        ),
        (Browse, &["h", "Left"], FocusGroups, "转到分组栏", None),
        (Browse, &["l", "Right"], FocusTable, "转到事项表", None),
        (
            Browse,
            &["Enter"],
            Open,
            "查看事项详情 / 选定分组",
            Some("详情"),
        ),
        (
            Browse,
            &["/"],
            StartSearch,
            "搜索(支持拼音首字母和全拼)",
            Some("搜索"),
        ),
        (
            Browse,
            &["s"],
            Edit(EditKind::Status),
            "改状态(标记多项时批量)",
            Some("状态"),
        ),
        (
            Browse,
            &["n"],
            Edit(EditKind::Note),
            "记进展(日期默认今天)",
            Some("进展"),
        ),
        (Browse, &["u"], Undo, "撤销上一次修改(并保存)", Some("撤销")),
        (
            Browse,
            &["v"],
            CycleGrouping,
            "切换分组:按台账 → 按单位 → 按期限",
            Some("分组"),
        ),
        (
            Browse,
            &["o"],
            CycleSort,
            "切换排序(严重程度/截止日期/编号/进展/匹配度)",
            Some("排序"),
        ),
        (
            Browse,
            &["1"],
            ToggleColour(Colour::Black),
            "只看/取消 黑色(整改)",
            Some("-4 颜色"),
        ),
        (
            Browse,
            &["2"],
            ToggleColour(Colour::Red),
            "只看/取消 红色(督办)",
            None,
        ),
        (
            Browse,
            &["3"],
            ToggleColour(Colour::Yellow),
            "只看/取消 黄色(催办)",
            None,
        ),
        (
            Browse,
            &["4"],
            ToggleColour(Colour::Blue),
            "只看/取消 蓝色(提示)",
            None,
        ),
        (
            Browse,
            &["f"],
            Action::FilterMenu,
            "筛选菜单:状态、期限、台账、单位",
            Some("筛选"),
        ),
        (
            Browse,
            &["c", "0"],
            ClearFilters,
            "清除全部筛选和搜索",
            Some("清除"),
        ),
        (Browse, &["Esc"], Back, "清除搜索", None),
        (
            Browse,
            &["Space"],
            ToggleMark,
            "标记/取消标记(多选批量修改)",
            Some("标记"),
        ),
        (
            Browse,
            &["e"],
            Edit(EditKind::Deadline),
            "修改完成时限(实时显示解读)",
            Some("时限"),
        ),
        (
            Browse,
            &["x"],
            Edit(EditKind::Extension),
            "登记延期(原时限保留)",
            Some("延期"),
        ),
        (
            Browse,
            &["a"],
            Edit(EditKind::Units),
            "改派/增加责任单位",
            Some("单位"),
        ),
        (
            Browse,
            &["m"],
            Edit(EditKind::SubMeasure),
            "分项措施完成/取消",
            Some("措施"),
        ),
        (
            Browse,
            &["M"],
            Edit(EditKind::Milestone),
            "标记节点完成",
            Some("节点"),
        ),
        (
            Browse,
            &["r"],
            Edit(EditKind::Raise),
            "手动升色(须填原因)",
            Some("升色"),
        ),
        (
            Browse,
            &["N"],
            Edit(EditKind::Notice),
            "登记通知单",
            Some("通知"),
        ),
        (
            Browse,
            &["E"],
            Edit(EditKind::Explanation),
            "填写逾期说明",
            Some("说明"),
        ),
        (
            Browse,
            &["A"],
            Edit(EditKind::Acceptance),
            "登记验收(结项/销号)",
            Some("验收"),
        ),
        (
            Browse,
            &["b"],
            Edit(EditKind::Submit),
            "周期报送登记(如每年10月底前的年度报告)",
            None,
        ),
        (Browse, &["Ctrl-r"], Redo, "重做被撤销的修改", Some("重做")),
        (Browse, &["?"], Action::Help, "帮助", Some("帮助")),
        (Browse, &["q", "Ctrl-c"], Quit, "退出", Some("退出")),
        (
            Search,
            &["Enter"],
            SearchAccept,
            "结束输入,保留搜索结果",
            Some("确定"),
        ),
        (Search, &["Esc"], Back, "清空搜索并返回", Some("取消")),
        (Search, &["Backspace"], SearchBackspace, "删除一个字", None),
        (
            Search,
            &["Down", "Ctrl-n"],
            MoveDown,
            "下移一行",
            Some("选择"),
        ),
        (Search, &["Up", "Ctrl-p"], MoveUp, "上移一行", None),
        (Search, &["PageDown"], PageDown, "下翻一页", None),
        (Search, &["PageUp"], PageUp, "上翻一页", None),
        (Search, &["Ctrl-c"], Quit, "退出", None),
        (Detail, &["j", "Down"], MoveDown, "向下滚动", None),
        (Detail, &["k", "Up"], MoveUp, "向上滚动", None),
        (Detail, &["PageDown", "Space"], PageDown, "下翻一页", None),
        (Detail, &["PageUp"], PageUp, "上翻一页", None),
        (Detail, &["]"], NextItem, "下一个事项", Some("下一项")),
        (Detail, &["["], PreviousItem, "上一个事项", None),
        (Detail, &["g", "Home"], Top, "到顶部", None),
        (Detail, &["G", "End"], Bottom, "到底部", None),
        (
            Detail,
            &["Esc", "h", "Left"],
            Back,
            "返回事项表",
            Some("返回"),
        ),
        (
            Detail,
            &["s"],
            Edit(EditKind::Status),
            "改状态",
            Some("状态"),
        ),
        (Detail, &["n"], Edit(EditKind::Note), "记进展", Some("进展")),
        (
            Detail,
            &["e"],
            Edit(EditKind::Deadline),
            "修改完成时限",
            Some("时限"),
        ),
        (
            Detail,
            &["x"],
            Edit(EditKind::Extension),
            "登记延期",
            Some("延期"),
        ),
        (
            Detail,
            &["a"],
            Edit(EditKind::Units),
            "改派/增加责任单位",
            Some("单位"),
        ),
        (
            Detail,
            &["m"],
            Edit(EditKind::SubMeasure),
            "分项措施完成/取消",
            Some("措施"),
        ),
        (
            Detail,
            &["M"],
            Edit(EditKind::Milestone),
            "标记节点完成",
            Some("节点"),
        ),
        (
            Detail,
            &["r"],
            Edit(EditKind::Raise),
            "手动升色",
            Some("升色"),
        ),
        (
            Detail,
            &["N"],
            Edit(EditKind::Notice),
            "登记通知单",
            Some("通知"),
        ),
        (
            Detail,
            &["E"],
            Edit(EditKind::Explanation),
            "填写逾期说明",
            Some("说明"),
        ),
        (
            Detail,
            &["A"],
            Edit(EditKind::Acceptance),
            "登记验收",
            Some("验收"),
        ),
        (Detail, &["b"], Edit(EditKind::Submit), "周期报送登记", None),
        (Detail, &["u"], Undo, "撤销上一次修改", Some("撤销")),
        (Detail, &["Ctrl-r"], Redo, "重做", Some("重做")),
        (Detail, &["?"], Action::Help, "帮助", Some("帮助")),
        (Detail, &["q", "Ctrl-c"], Quit, "退出", Some("退出")),
        // The form takes every key; these rows only name the main ones for footer and help.
        (
            EDIT,
            &["Enter"],
            form_key(KeyCode::Enter),
            "保存(日期默认今天,署名为当前用户)",
            Some("保存"),
        ),
        (
            EDIT,
            &["Tab"],
            form_key(KeyCode::Tab),
            "下一项 / 切换模式",
            Some("下一项"),
        ),
        (
            EDIT,
            &["Esc"],
            form_key(KeyCode::Esc),
            "取消,不留痕迹",
            Some("取消"),
        ),
        (EDIT, &["Ctrl-c"], Quit, "退出(未保存的输入放弃)", None),
        (MENU, &["j", "Down"], MoveDown, "下移", None),
        (MENU, &["k", "Up"], MoveUp, "上移", None),
        (MENU, &["PageDown"], PageDown, "下翻一页", None),
        (MENU, &["PageUp"], PageUp, "上翻一页", None),
        (MENU, &["g", "Home"], Top, "到第一项", None),
        (MENU, &["G", "End"], Bottom, "到最后一项", None),
        (
            MENU,
            &["Space", "Enter"],
            ToggleOption,
            "选中/取消该项",
            Some("选择"),
        ),
        (
            MENU,
            &["c", "0"],
            ClearFilters,
            "清除全部筛选",
            Some("清除"),
        ),
        (MENU, &["Esc", "f"], Back, "关闭菜单", Some("关闭")),
        (MENU, &["Ctrl-c"], Quit, "退出", None),
        (HELP, &["j", "Down"], MoveDown, "向下滚动", None),
        (HELP, &["k", "Up"], MoveUp, "向上滚动", None),
        (HELP, &["PageDown", "Space"], PageDown, "下翻一页", None),
        (HELP, &["PageUp"], PageUp, "上翻一页", None),
        (HELP, &["Esc", "?", "q"], Back, "关闭帮助", Some("关闭")),
        (HELP, &["Ctrl-c"], Quit, "退出", None),
    ]
}

/// A key passed on to the open edit form.
fn form_key(code: KeyCode) -> Action {
    Action::FormKey(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The default bindings.
pub fn default_bindings() -> Vec<Binding> {
    rows()
        .into_iter()
        .map(|(mode, keys, action, desc, footer)| Binding {
            mode,
            keys: keys.iter().filter_map(|k| KeySpec::parse(k).ok()).collect(),
            action,
            desc: desc.to_string(),
            footer: footer.map(str::to_string),
        })
        .collect()
}
