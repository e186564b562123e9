//! The terminal: setup, restore, signals and the event loop.
