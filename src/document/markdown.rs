//! A [`Document`] as Markdown (GitHub tables).

use super::{Block, Document};

/// Render `doc` as Markdown.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Title(t) => out.push_str(&format!("# {}\n\n", one_line(t))),
            Block::Centered(t) => out.push_str(&format!("**{}**\n\n", one_line(t))),
            Block::Heading(t) => out.push_str(&format!("## {}\n\n", one_line(t))),
            Block::Paragraph(t) => out.push_str(&format!("{}\n\n", one_line(t))),
            Block::Right(t) => out.push_str(&format!("<p align=\"right\">{}</p>\n\n", one_line(t))),
            Block::Table { header, rows } => {
                out.push_str(&row(header));
                out.push('|');
                for _ in header {
                    out.push_str(" --- |");
                }
                out.push('\n');
                for r in rows {
                    let mut cells = r.clone();
                    cells.resize(header.len().max(r.len()), String::new());
                    out.push_str(&row(&cells));
                }
                out.push('\n');
            }
        }
    }
    out
}

fn row(cells: &[String]) -> String {
    let mut line = String::from("|");
    for c in cells {
        line.push(' ');
        line.push_str(&cell(c));
        line.push_str(" |");
    }
    line.push('\n');
    line
}

/// Text on one line (newlines become spaces).
fn one_line(text: &str) -> String {
    text.split(['\n', '\r']).collect::<Vec<_>>().join(" ")
}

/// A table cell: one line, `|` escaped.
fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_escape_pipes_and_keep_one_line_per_row() {
        let mut doc = Document::new();
        doc.title("《督办通知单》")
            .centered("督〔2024〕12号")
            .table(
                &["编号", "事项"],
                vec![vec!["1".into(), "甲|乙\n丙".into()]],
            );
        let md = render(&doc);
        assert!(
            md.starts_with("# 《督办通知单》\n\n**督〔2024〕12号**\n\n"),
            "{md}"
        );
        assert!(
            md.contains("| 编号 | 事项 |\n| --- | --- |\n| 1 | 甲\\|乙 丙 |\n"),
            "{md}"
        );
    }
}
