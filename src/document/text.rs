//! A [`Document`] as plain text: tables as one line per row, cells separated by " | ".

use super::{Block, Document};

/// The indent that stands for right alignment (issuing office and date).
const RIGHT_INDENT: &str = "                                ";

/// Render `doc` as plain text.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Title(t) | Block::Centered(t) => out.push_str(&format!("{t}\n")),
            Block::Heading(t) => out.push_str(&format!("\n{t}\n")),
            Block::Paragraph(t) => out.push_str(&format!("{t}\n")),
            // Plain text has no alignment that survives every font: indent instead.
            Block::Right(t) => out.push_str(&format!("\n{RIGHT_INDENT}{t}\n")),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keeps_every_block_in_order() {
        let mut doc = Document::new();
        doc.title("《催办通知单》")
            .paragraph("办公室:")
            .table(
                &["编号", "事项"],
                vec![vec!["26".into(), "舆情\n管理".into()]],
            )
            .right("督查室");
        let text = render(&doc);
        assert_eq!(
            text,
            format!(
                "《催办通知单》\n办公室:\n编号 | 事项\n26 | 舆情 管理\n\n{RIGHT_INDENT}督查室\n"
            )
        );
    }
}
