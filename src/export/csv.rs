//! CSV for Excel: UTF-8 with a byte-order mark (so Excel on Chinese Windows does not read
//! it as GBK), Chinese headers, one row per item. With several ledgers a leading 台账
//! column names each row's ledger. (`duban list --format csv` keeps its own columns for
//! scripts.)

use super::{Assessing, table_of};
use crate::domain::Ledger;

/// The CSV bytes for the ledgers.
pub fn csv(ledgers: &[&Ledger], assessing: &Assessing) -> Vec<u8> {
    let several = ledgers.len() > 1;
    let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
    let mut writer = csv::Writer::from_writer(&mut out);
    let mut header_written: Option<Vec<String>> = None;
    for ledger in ledgers {
        let table = table_of(ledger, assessing);
        let mut headers = table.headers.clone();
        if several {
            headers.insert(0, "台账".to_string());
        }
        if header_written.as_ref() != Some(&headers) {
            // Writing to a Vec cannot fail.
            let _ = writer.write_record(&headers);
            header_written = Some(headers);
        }
        for row in &table.rows {
            let mut record: Vec<String> = row.iter().map(|c| guard_formula(c)).collect();
            if several {
                record.insert(0, ledger.title.clone());
            }
            let _ = writer.write_record(&record);
        }
    }
    drop(writer);
    out
}

/// Excel runs a cell starting with `=`, `+`, `-` or `@` as a formula; a leading `'` keeps
/// it text (the importer of the `out` work strips it again).
fn guard_formula(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}
