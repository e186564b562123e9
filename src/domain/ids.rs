//! Ids that become file names: validated so they cannot escape the workspace.

use thiserror::Error;

/// Why an id was refused.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum IdError {
    /// The id is empty.
    #[error("id is empty")]
    Empty,
    /// The id contains a path separator.
    #[error("id {0:?} contains a path separator (/ or \\); use letters, digits, - or _")]
    Separator(String),
    /// The id is or contains `..`, or starts with a dot.
    #[error("id {0:?} contains \"..\" or starts with \".\"; use letters, digits, - or _")]
    Dots(String),
    /// The id contains a control character.
    #[error("id {0:?} contains a control character")]
    Control(String),
    /// The id is too long.
    #[error("id {0:?} is longer than 100 characters")]
    TooLong(String),
}

/// Check that `id` is safe as a file name inside the workspace.
pub fn validate_file_id(id: &str) -> Result<(), IdError> {
    if id.trim().is_empty() {
        return Err(IdError::Empty);
    }
    if id.contains('/') || id.contains('\\') {
        return Err(IdError::Separator(id.to_string()));
    }
    if id.contains("..") || id.starts_with('.') {
        return Err(IdError::Dots(id.to_string()));
    }
    if id.chars().any(|c| c.is_control()) {
        return Err(IdError::Control(id.to_string()));
    }
    if id.chars().count() > 100 {
        return Err(IdError::TooLong(id.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_escapes_and_accepts_plain_ids() {
        assert!(validate_file_id("2023-zhidu").is_ok());
        assert!(validate_file_id("整改台账").is_ok());
        assert_eq!(validate_file_id(""), Err(IdError::Empty));
        assert!(matches!(
            validate_file_id("../x"),
            Err(IdError::Separator(_))
        ));
        assert!(matches!(validate_file_id(".."), Err(IdError::Dots(_))));
        assert!(matches!(validate_file_id(".hidden"), Err(IdError::Dots(_))));
        assert!(matches!(
            validate_file_id("a\u{1b}b"),
            Err(IdError::Control(_))
        ));
        assert!(matches!(
            validate_file_id("a\\b"),
            Err(IdError::Separator(_))
        ));
    }
}
