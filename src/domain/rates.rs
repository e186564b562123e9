//! Rates reported upward: 完成率, 按期完成率, 阶段性整改率.
