//! Tests of the edits.

mod apply;
mod support;
mod undo;
