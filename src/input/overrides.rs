//! The key map override file (`keys.ron`): a list of entries, each naming an action,
//! its keys and optionally the mode:
//!
//! ```ron
//! [
//!     (action: "MoveDown", keys: ["j", "Down", "Ctrl-n"]),
//!     (action: "ToggleColour(Red)", keys: ["r"], mode: "Browse"),
//! ]
//! ```
//!
//! Entries replace the keys of the named action; a bad entry (unknown action, mode or
//! key) is named and skipped, and the defaults stay for it.

use serde::Deserialize;

use super::KeySpec;
use crate::app::{Action, Mode};

/// One entry of the override file as written.
#[derive(Debug, Clone, Deserialize)]
pub struct KeyOverride {
    /// The action, as in the `Action` enum (`"MoveDown"`, `"ToggleColour(Red)"`).
    pub action: String,
    /// The keys (`"j"`, `"Ctrl-r"`, `"PageDown"`).
    pub keys: Vec<String>,
    /// The mode (`"Browse"`, `"Search"`, `"Detail"`, `"Help"`, `"FilterMenu"`); all when absent.
    #[serde(default)]
    pub mode: String,
}

/// An entry whose action, keys and mode all parsed.
#[derive(Debug, Clone)]
pub(super) struct ParsedOverride {
    pub action: Action,
    pub keys: Vec<KeySpec>,
    pub mode: Option<Mode>,
}

/// Parse the file: good entries (with their 1-based number) and messages about bad ones.
pub(super) fn parse(text: &str, source: &str) -> (Vec<(usize, ParsedOverride)>, Vec<String>) {
    let raw: Vec<KeyOverride> = match ron::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return (
                Vec::new(),
                vec![format!(
                    "{source}:{}:{}: {};按键配置未生效,使用默认按键",
                    e.span.start.line, e.span.start.col, e.code
                )],
            );
        }
    };
    let mut good = Vec::new();
    let mut messages = Vec::new();
    for (i, entry) in raw.into_iter().enumerate() {
        let n = i + 1;
        match parse_entry(&entry) {
            Ok(p) => good.push((n, p)),
            Err(e) => messages.push(format!("{source} 第{n}项:{e};已跳过")),
        }
    }
    (good, messages)
}

fn parse_entry(entry: &KeyOverride) -> Result<ParsedOverride, String> {
    let clean = |s: &str| crate::text::sanitize(s).into_owned();
    let action: Action = ron::from_str(&entry.action)
        .map_err(|_| format!("未知的操作 “{}”", clean(&entry.action)))?;
    let mode = match entry.mode.trim() {
        "" => None,
        m => Some(ron::from_str::<Mode>(m).map_err(|_| format!("未知的模式 “{}”", clean(m)))?),
    };
    let keys = entry
        .keys
        .iter()
        .map(|k| KeySpec::parse(k))
        .collect::<Result<Vec<_>, _>>()?;
    if keys.is_empty() {
        return Err("没有给出按键".to_string());
    }
    Ok(ParsedOverride { action, keys, mode })
}
