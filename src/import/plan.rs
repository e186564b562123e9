//! Importing the numbered task list of a 实施方案 (placeholder).
