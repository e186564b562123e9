//! Importing a 巡察整改 report (placeholder).
