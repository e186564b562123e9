//! Why an import failed, with the line and the text at fault.

use thiserror::Error;

/// An import that could not produce a ledger. Line numbers are 1-based lines of the input.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// The input has no non-blank line.
    #[error("输入为空:没有可导入的内容")]
    Empty,
    /// No row carries at least two recognised column headers.
    #[error(
        "第1–{lines}行中没有找到表头:表头行至少要有两个可识别的列名(如 类型、具体任务、完成时限、责任单位);\
         第一行是「{first}」。请检查表头文字,或用 --format pipe|csv 指明格式"
    )]
    NoHeader {
        /// How many lines were scanned.
        lines: usize,
        /// The first non-blank line (shortened), to show what was read.
        first: String,
    },
    /// The header row has no column for the item's title.
    #[error(
        "第{line}行的表头没有任务/名称列(如 具体任务、任务、新建(修订)制度名称、问题):{headers}"
    )]
    NoTitleColumn {
        /// The header row's line.
        line: usize,
        /// The headers found.
        headers: String,
    },
    /// A row that cannot be read as an item.
    #[error("第{line}行:{message}:「{text}」")]
    Row {
        /// The row's line.
        line: usize,
        /// What is wrong and what to do.
        message: String,
        /// The row's text (shortened).
        text: String,
    },
    /// The CSV reader refused the input.
    #[error("CSV 第{line}行无法读取:{message}")]
    Csv {
        /// The line where reading stopped.
        line: usize,
        /// The reader's explanation.
        message: String,
    },
}

impl ImportError {
    /// The 1-based input line the error is about, when there is one (for `file:line:` prefixes).
    pub fn line(&self) -> Option<usize> {
        match self {
            ImportError::NoTitleColumn { line, .. }
            | ImportError::Row { line, .. }
            | ImportError::Csv { line, .. } => Some(*line),
            ImportError::Empty | ImportError::NoHeader { .. } => None,
        }
    }
}

/// Shorten and clean a piece of input for an error message.
pub(crate) fn excerpt(text: &str) -> String {
    crate::text::truncate(text.trim(), 60)
}
