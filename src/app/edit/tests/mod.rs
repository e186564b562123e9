//! Tests of the editing state machines.

mod event_form;
mod forms;
mod history;
mod input;
mod leaving;
mod support;
