//! Key chords as text ("j", "Ctrl-r", "PageDown") for the key map file and the help screen.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key with its modifiers, comparable to a terminal key event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    /// The key.
    pub code: KeyCode,
    /// Ctrl / Alt (Shift is part of the character for printable keys).
    pub modifiers: KeyModifiers,
}

const NAMED: [(&str, KeyCode); 14] = [
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Space", KeyCode::Char(' ')),
];

impl KeySpec {
    /// A plain key.
    pub const fn plain(code: KeyCode) -> Self {
        KeySpec {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// Parse "j", "G", "?", "Ctrl-r", "Alt-x", "PageDown", "F1", "Space".
    pub fn parse(text: &str) -> Result<KeySpec, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            if let Some(r) = rest.strip_prefix("Ctrl-") {
                modifiers |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("Alt-") {
                modifiers |= KeyModifiers::ALT;
                rest = r;
            } else {
                break;
            }
        }
        let code = if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == rest) {
            *code
        } else if let Some(n) = rest.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
            KeyCode::F(n)
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_control() => KeyCode::Char(c),
                _ => return Err(format!("无法识别的按键 “{}”", crate::text::sanitize(text))),
            }
        };
        Ok(KeySpec { code, modifiers })
    }

    /// The event a terminal sends for this key (an upper-case letter comes with Shift):
    /// what tests and scripts press by name.
    pub fn event(&self) -> KeyEvent {
        let mut modifiers = self.modifiers;
        if let KeyCode::Char(c) = self.code
            && c.is_ascii_uppercase()
        {
            modifiers |= KeyModifiers::SHIFT;
        }
        KeyEvent::new(self.code, modifiers)
    }

    /// Whether a terminal key event is this key.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        if code == KeyCode::BackTab {
            mods = KeyModifiers::NONE;
        }
        code == self.code && mods == self.modifiers
    }
}

impl std::fmt::Display for KeySpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if let Some((name, _)) = NAMED.iter().find(|(_, c)| *c == self.code) {
            return f.write_str(match *name {
                "Up" => "↑",
                "Down" => "↓",
                "Left" => "←",
                "Right" => "→",
                other => other,
            });
        }
        match self.code {
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("j", KeyCode::Char('j'), KeyModifiers::NONE)]
    #[case("G", KeyCode::Char('G'), KeyModifiers::NONE)]
    #[case("Ctrl-r", KeyCode::Char('r'), KeyModifiers::CONTROL)]
    #[case("PageDown", KeyCode::PageDown, KeyModifiers::NONE)]
    #[case("F1", KeyCode::F(1), KeyModifiers::NONE)]
    #[case("Space", KeyCode::Char(' '), KeyModifiers::NONE)]
    fn parses_key_names(#[case] text: &str, #[case] code: KeyCode, #[case] mods: KeyModifiers) {
        assert_eq!(
            KeySpec::parse(text),
            Ok(KeySpec {
                code,
                modifiers: mods
            })
        );
    }

    #[test]
    fn refuses_unknown_names() {
        assert!(KeySpec::parse("Hyper-x").is_err());
        assert!(KeySpec::parse("").is_err());
    }

    #[test]
    fn shifted_letters_match_their_character() {
        let g = KeySpec::parse("G").unwrap();
        assert!(g.matches(&KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)));
        let ctrl_r = KeySpec::parse("Ctrl-r").unwrap();
        assert!(ctrl_r.matches(&KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)));
        assert!(!ctrl_r.matches(&KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE)));
    }
}
