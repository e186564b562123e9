//! A [`Document`] as a Word file (.docx, with the crate docx-rs), laid out after
//! GB/T 9704-2012: the title in 小标宋 二号 centred, body text in 仿宋_GB2312 三号,
//! the document number centred under the title, tables with one header row.

use docx_rs::{AlignmentType, Docx, Paragraph, Run, RunFonts, Table, TableCell, TableRow};

use super::{Block, Document};

/// Body text: 三号 = 16 pt = 32 half-points.
const BODY_SIZE: usize = 32;
/// Title: 二号 = 22 pt.
const TITLE_SIZE: usize = 44;
/// Table text: 四号 = 14 pt, so tables fit the page.
const TABLE_SIZE: usize = 24;
/// The body font.
const BODY_FONT: &str = "仿宋_GB2312";
/// The title font.
const TITLE_FONT: &str = "方正小标宋简体";
/// The heading font.
const HEADING_FONT: &str = "黑体";

/// Why a .docx could not be built.
#[derive(Debug, thiserror::Error)]
#[error("生成 .docx 失败:{0}")]
pub struct DocxError(String);

/// Render `doc` as the bytes of a .docx file.
pub fn render(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let mut docx = Docx::new()
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE);
    for block in &doc.blocks {
        docx = match block {
            Block::Title(t) => docx.add_paragraph(line(
                t,
                TITLE_FONT,
                TITLE_SIZE,
                true,
                Some(AlignmentType::Center),
            )),
            Block::Centered(t) => docx.add_paragraph(line(
                t,
                BODY_FONT,
                BODY_SIZE,
                false,
                Some(AlignmentType::Center),
            )),
            Block::Heading(t) => docx.add_paragraph(line(t, HEADING_FONT, BODY_SIZE, false, None)),
            Block::Paragraph(t) => docx.add_paragraph(line(t, BODY_FONT, BODY_SIZE, false, None)),
            Block::Right(t) => docx.add_paragraph(line(
                t,
                BODY_FONT,
                BODY_SIZE,
                false,
                Some(AlignmentType::Right),
            )),
            Block::Table { header, rows } => docx.add_table(table(header, rows)),
        };
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|e| DocxError(e.to_string()))?;
    Ok(bytes.into_inner())
}

fn fonts(name: &str) -> RunFonts {
    RunFonts::new().east_asia(name).ascii(name).hi_ansi(name)
}

fn line(
    text: &str,
    font: &str,
    size: usize,
    bold: bool,
    align: Option<AlignmentType>,
) -> Paragraph {
    let mut run = Run::new().add_text(text).fonts(fonts(font)).size(size);
    if bold {
        run = run.bold();
    }
    let paragraph = Paragraph::new().add_run(run);
    match align {
        Some(a) => paragraph.align(a),
        None => paragraph,
    }
}

fn cell(text: &str, bold: bool) -> TableCell {
    let mut run = Run::new().add_text(text).size(TABLE_SIZE);
    if bold {
        run = run.bold();
    }
    TableCell::new().add_paragraph(Paragraph::new().add_run(run))
}

fn table(header: &[String], rows: &[Vec<String>]) -> Table {
    let width = header.len();
    let mut out = vec![TableRow::new(
        header.iter().map(|h| cell(h, true)).collect(),
    )];
    for r in rows {
        let mut cells: Vec<TableCell> = r.iter().map(|c| cell(c, false)).collect();
        while cells.len() < width {
            cells.push(cell("", false));
        }
        out.push(TableRow::new(cells));
    }
    Table::new(out)
}
