//! Tests of the editing state machines.

mod forms;
mod history;
mod input;
mod leaving;
mod support;
