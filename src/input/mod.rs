//! The key map as data: default bindings in code ([`defaults`]), an optional RON override
//! file (`keys.ron`), and the pure lookup [`KeyMap::resolve`]. The help screen and the
//! footer are generated from the same bindings.

mod defaults;
mod key;
mod notice_keys;
mod overrides;

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Action, Mode};
pub use key::KeySpec;
pub use overrides::KeyOverride;

/// The name of the key map override file (in the workspace folder or the config folder).
pub const KEYS_FILE: &str = "keys.ron";

/// One binding: in `mode`, any of `keys` does `action`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Where the binding is live.
    pub mode: Mode,
    /// The keys (the first is shown first).
    pub keys: Vec<KeySpec>,
    /// What the keys do.
    pub action: Action,
    /// The help text (Chinese).
    pub desc: String,
    /// The short label in the footer, if the binding is shown there.
    pub footer: Option<String>,
}

/// All bindings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            bindings: defaults::default_bindings(),
        }
    }
}

impl KeyMap {
    /// The key map for a workspace: defaults, then `keys.ron` from the user's config
    /// folder, then from the workspace folder. Returns the messages about bad entries.
    pub fn load(workspace_dir: &Path) -> (KeyMap, Vec<String>) {
        let mut map = KeyMap::default();
        let mut messages = Vec::new();
        let config =
            directories::ProjectDirs::from("", "", "duban").map(|d| d.config_dir().join(KEYS_FILE));
        let candidates: Vec<PathBuf> = config
            .into_iter()
            .chain(std::iter::once(workspace_dir.join(KEYS_FILE)))
            .collect();
        for path in candidates {
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    messages.extend(map.apply_overrides(&text, &path.display().to_string()))
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => messages.push(format!("{}: 无法读取按键配置:{e}", path.display())),
            }
        }
        (map, messages)
    }

    /// Apply an override file's text; `source` names it in messages. Every bad entry is
    /// named and skipped; the others apply.
    pub fn apply_overrides(&mut self, text: &str, source: &str) -> Vec<String> {
        let (entries, mut messages) = overrides::parse(text, source);
        for (n, entry) in entries {
            if let Err(e) = self.apply(&entry) {
                messages.push(format!("{source} 第{n}项:{e};已跳过"));
            }
        }
        messages
    }

    fn apply(&mut self, entry: &overrides::ParsedOverride) -> Result<(), String> {
        let mut found = false;
        for b in &mut self.bindings {
            if b.action == entry.action && entry.mode.is_none_or(|m| m == b.mode) {
                b.keys = entry.keys.clone();
                found = true;
            }
        }
        if found {
            return Ok(());
        }
        let Some(mode) = entry.mode else {
            return Err(format!("{:?} 没有默认按键,请写明 mode", entry.action));
        };
        self.bindings.push(Binding {
            mode,
            keys: entry.keys.clone(),
            action: entry.action.clone(),
            desc: format!("{:?}", entry.action),
            footer: None,
        });
        Ok(())
    }

    /// The action of a key in a mode. In search mode, printable characters not bound to
    /// anything are typed into the query; in an edit form every unbound key goes to the form.
    pub fn resolve(&self, key: &KeyEvent, mode: Mode) -> Option<Action> {
        let bound = |mode: Mode| {
            self.bindings
                .iter()
                .find(|b| b.mode == mode && b.keys.iter().any(|k| k.matches(key)))
        };
        if let Some(b) = bound(mode).or_else(|| mode.fallback().and_then(bound)) {
            return Some(b.action.clone());
        }
        match (mode, key.code) {
            // An open edit form takes every key not bound in its mode (typing, Enter, Esc…).
            (Mode::Edit | Mode::SheetPrompt, _) => Some(Action::FormKey(*key)),
            (Mode::Search | Mode::MeetingSetup, KeyCode::Char(c))
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::SearchInsert(c.to_string()))
            }
            _ => None,
        }
    }

    /// The keystrokes a terminal key event stands for in `mode`. Esc followed at once by a
    /// key (a slow link, a fast typist) reaches the app in one read, which crossterm reports
    /// as Alt+key; when no binding of `mode` uses that Alt combination, the event is taken
    /// as Esc and then the key without Alt. Resolve each in the mode current at its turn.
    pub fn keystrokes(&self, key: &KeyEvent, mode: Mode) -> Vec<KeyEvent> {
        let bound = self
            .bindings(mode)
            .chain(mode.fallback().into_iter().flat_map(|m| self.bindings(m)))
            .any(|b| b.keys.iter().any(|k| k.matches(key)));
        match key.code {
            KeyCode::Char(_) if key.modifiers.contains(KeyModifiers::ALT) && !bound => {
                let mut plain = *key;
                plain.modifiers.remove(KeyModifiers::ALT);
                let esc = KeyEvent::new_with_kind(KeyCode::Esc, KeyModifiers::NONE, key.kind);
                vec![esc, plain]
            }
            _ => vec![*key],
        }
    }

    /// The bindings live in a mode, in order.
    pub fn bindings(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.mode == mode)
    }

    /// The footer of a mode: (first key, short label) per binding shown there.
    pub fn footer(&self, mode: Mode) -> Vec<(String, String)> {
        self.bindings(mode)
            .filter_map(|b| {
                let label = b.footer.as_ref()?;
                let key = b.keys.first()?;
                Some((key.to_string(), label.clone()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;

/// The keys of a binding as shown in help: "j / ↓".
pub fn keys_text(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join(" / ")
}
