//! The RON file format of ledgers and the workspace config.
//!
//! Output is pretty, stable and hand-editable:
//! - strings are written unescaped (`PrettyConfig::escape_strings(false)`): Chinese stays
//!   Chinese, a newline in a note is a real line break, and a string holding `"` or `\` is
//!   written as a raw string (`r#"…"#`, with as many `#` as needed). ron reads every such
//!   string back exactly — including tabs, ESC and NUL — which the round-trip property
//!   tests in `tests/storage_format.rs` check, so no per-string fallback to escaping is needed;
//! - `#![enable(implicit_some)]` heads every file, so optional fields read `lead_unit: "x"`
//!   instead of `lead_unit: Some("x")` (both forms are accepted when reading);
//! - serializing, parsing and serializing again yields the same bytes.
//!
//! Every file carries a `format` version; a file written by a newer duban is refused.

use std::path::Path;

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Deserialize;
use serde::Serialize;

use super::{FORMAT_VERSION, StorageError};
use crate::domain::meeting::MeetingRecord;
use crate::domain::{Ledger, WorkspaceConfig};

/// The pretty-printer settings of every file duban writes.
fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME)
}

/// The reader settings: `Some(x)` and plain `x` are both accepted for optional fields.
fn read_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

fn to_pretty<T: Serialize>(value: &T) -> String {
    let mut text = ron::Options::default()
        .to_string_pretty(value, pretty_config())
        // Serializing plain data structures into a String cannot fail: no I/O, no maps with
        // non-string keys, and the depth of the model is fixed and small.
        .expect("ledger and config types always serialize to RON");
    text.push('\n');
    text
}

/// Serialize a ledger to its file text.
pub fn ledger_to_string(ledger: &Ledger) -> String {
    to_pretty(ledger)
}

/// Serialize a workspace config to its file text.
pub fn config_to_string(config: &WorkspaceConfig) -> String {
    to_pretty(config)
}

/// Parse a ledger file's text; `path` is used in error messages only.
pub fn parse_ledger(text: &str, path: &Path) -> Result<Ledger, StorageError> {
    let ledger: Ledger = parse_versioned(text, path)?;
    check_version(ledger.format, path)?;
    Ok(ledger)
}

/// Serialize a meeting record to its file text.
pub fn meeting_to_string(record: &MeetingRecord) -> String {
    to_pretty(record)
}

/// Parse a meeting record's text; `path` is used in error messages only.
pub fn parse_meeting(text: &str, path: &Path) -> Result<MeetingRecord, StorageError> {
    let record: MeetingRecord = parse_versioned(text, path)?;
    check_version(record.format, path)?;
    Ok(record)
}

/// Parse a workspace config's text; `path` is used in error messages only.
pub fn parse_config(text: &str, path: &Path) -> Result<WorkspaceConfig, StorageError> {
    let config: WorkspaceConfig = parse_versioned(text, path)?;
    check_version(config.format, path)?;
    Ok(config)
}

/// Only the version of a file, read leniently (unknown fields ignored).
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    format: u32,
}

/// Parse `text`; when it fails, say "written by a newer duban" if that is the reason.
fn parse_versioned<T: for<'de> Deserialize<'de>>(
    text: &str,
    path: &Path,
) -> Result<T, StorageError> {
    match read_options().from_str::<T>(text) {
        Ok(value) => Ok(value),
        Err(error) => {
            if let Ok(probe) = read_options().from_str::<VersionProbe>(text) {
                check_version(probe.format, path)?;
            }
            Err(parse_error(path, &error))
        }
    }
}

fn check_version(found: u32, path: &Path) -> Result<(), StorageError> {
    if found > FORMAT_VERSION {
        return Err(StorageError::NewerFormat {
            path: path.to_path_buf(),
            found,
            supported: FORMAT_VERSION,
        });
    }
    Ok(())
}

/// Turn ron's error into file:line:column plus what was expected.
fn parse_error(path: &Path, error: &ron::error::SpannedError) -> StorageError {
    StorageError::Parse {
        path: path.to_path_buf(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: error.code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Item;

    #[test]
    fn optional_fields_are_written_without_some_and_read_both_ways() {
        let mut ledger = Ledger {
            format: 1,
            id: "t".into(),
            ..Ledger::default()
        };
        ledger.items.push(Item {
            id: "1".into(),
            lead_unit: Some("机关党办".into()),
            ..Item::default()
        });
        let text = ledger_to_string(&ledger);
        assert!(text.starts_with("#![enable(implicit_some)]\n"), "{text}");
        assert!(text.contains("lead_unit: \"机关党办\""), "{text}");
        let with_some = text.replace("lead_unit: \"机关党办\"", "lead_unit: Some(\"机关党办\")");
        let path = Path::new("t.ron");
        assert_eq!(parse_ledger(&with_some, path).unwrap(), ledger);
        assert_eq!(parse_ledger(&text, path).unwrap(), ledger);
    }

    #[test]
    fn newer_version_is_refused_even_with_unknown_fields() {
        let text = "(format: 2, id: \"x\", brand_new_field: 3)";
        let err = parse_ledger(text, Path::new("x.ron")).unwrap_err();
        assert!(
            matches!(err, StorageError::NewerFormat { found: 2, .. }),
            "{err}"
        );
    }
}
