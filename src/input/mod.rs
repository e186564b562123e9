//! The key map as data: defaults in code, an optional RON override.
