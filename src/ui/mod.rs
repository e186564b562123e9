//! Rendering: one file per view or widget; widgets borrow the state and only format it.
pub mod edit;
