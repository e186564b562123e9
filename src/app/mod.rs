//! The interactive application's state, actions and pure update function.
pub mod edit;
