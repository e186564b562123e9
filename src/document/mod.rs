//! A small document model for what the office sends out (notices, reports, minutes):
//! a title, centred lines, headings, paragraphs and tables. Each output format renders
//! the same [`Document`]: Markdown ([`markdown`]), plain text ([`text`]) and Word
//! ([`docx`]), so a new kind of document is written once.

pub mod docx;
pub mod markdown;
pub mod text;

use serde::Serialize;

/// One block of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Block {
    /// The document's title (《督办通知单》), centred and large.
    Title(String),
    /// A centred line under the title (the document number, a date line).
    Centered(String),
    /// A section heading.
    Heading(String),
    /// A paragraph of running text.
    Paragraph(String),
    /// A line aligned right (issuing office and date).
    Right(String),
    /// A table: a header row and body rows (rows may be shorter than the header).
    Table {
        /// The column headers.
        header: Vec<String>,
        /// The rows.
        rows: Vec<Vec<String>>,
    },
}

/// A document: blocks in reading order, built with the chaining methods.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Document {
    /// The blocks.
    pub blocks: Vec<Block>,
}

impl Document {
    /// An empty document.
    pub fn new() -> Document {
        Document::default()
    }

    /// Add the title.
    pub fn title(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Title(text.into()));
        self
    }

    /// Add a centred line.
    pub fn centered(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Centered(text.into()));
        self
    }

    /// Add a heading.
    pub fn heading(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading(text.into()));
        self
    }

    /// Add a paragraph.
    pub fn paragraph(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Paragraph(text.into()));
        self
    }

    /// Add a right-aligned line.
    pub fn right(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Right(text.into()));
        self
    }

    /// Add a table.
    pub fn table(&mut self, header: &[&str], rows: Vec<Vec<String>>) -> &mut Self {
        self.blocks.push(Block::Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows,
        });
        self
    }

    /// The title, if the document has one.
    pub fn title_text(&self) -> Option<&str> {
        self.blocks.iter().find_map(|b| match b {
            Block::Title(t) => Some(t.as_str()),
            _ => None,
        })
    }
}
