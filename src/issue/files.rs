//! The formats a notice is written in, and laying a notice out in one.

use crate::document;
use crate::domain::WarningRules;
use crate::report::notices::NoticeText;

/// A notice file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown (`.md`).
    Markdown,
    /// Plain text (`.txt`).
    Text,
    /// Word (`.docx`).
    Docx,
}

impl Format {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Docx => "docx",
        }
    }
}

/// The notice laid out in `format`, with the colour legend of `rules`.
pub fn render(text: &NoticeText, format: Format, rules: &WarningRules) -> Result<Vec<u8>, String> {
    let doc = text.document(rules);
    Ok(match format {
        Format::Markdown => document::markdown::render(&doc).into_bytes(),
        Format::Text => document::text::render(&doc).into_bytes(),
        Format::Docx => document::docx::render(&doc).map_err(|e| e.to_string())?,
    })
}
