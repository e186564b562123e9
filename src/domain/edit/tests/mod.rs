//! Tests of the edits.

mod apply;
mod event;
mod support;
mod undo;
