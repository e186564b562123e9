//! A [`Document`] as plain text: tables as one line per row, cells separated by " | ".

use super::{Block, Document};

/// Render `doc` as plain text.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Title(t) | Block::Centered(t) => out.push_str(&format!("{t}\n")),
            Block::Heading(t) => out.push_str(&format!("\n{t}\n")),
            Block::Paragraph(t) => out.push_str(&format!("{t}\n")),
            Block::Right(t) => out.push_str(&format!("{t:>40}\n")),
            Block::Table { header, rows } => {
                out.push_str(&header.join(" | "));
                out.push('\n');
                for r in rows {
                    out.push_str(&r.join(" | ").replace('\n', " "));
                    out.push('\n');
                }
            }
        }
    }
    out
}
