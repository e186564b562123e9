//! Why an edit was refused, in words a supervisor can act on.

use chrono::NaiveDate;
use thiserror::Error;

/// An edit that was refused; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    /// A required text field is empty.
    #[error("{field}不能为空")]
    Empty {
        /// The field's Chinese name.
        field: &'static str,
    },
    /// 暂缓 without a reason.
    #[error("暂缓须填写原因")]
    SuspendWithoutReason,
    /// An index into a list that has no such entry.
    #[error("没有第{number}个{what}(共{count}个)")]
    OutOfRange {
        /// What the list holds (措施, 节点).
        what: &'static str,
        /// The 1-based number asked for.
        number: usize,
        /// How many there are.
        count: usize,
    },
    /// A date later than the day of the edit for something that has already happened.
    #[error("{field}{date}晚于今天,请填写实际日期")]
    FutureDate {
        /// The field's Chinese name.
        field: &'static str,
        /// The date given.
        date: NaiveDate,
    },
    /// The edit would not change anything.
    #[error("{0}")]
    NoChange(String),
    /// The edit does not fit the item's state.
    #[error("{0}")]
    NotAllowed(String),
    /// No item with this id.
    #[error("找不到事项 {0}")]
    NoSuchItem(String),
}
