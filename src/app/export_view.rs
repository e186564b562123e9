//! Export of the current view (filters, group, search, sort) to a workbook: the update
//! gathers the rows shown into ledgers, the loop writes the file.

use super::State;
use super::effect::Effect;
use crate::domain::Ledger;

/// The rows shown, as ledgers holding only those items in the order shown (ledgers in the
/// order their first item appears).
pub fn view_ledgers(state: &State) -> Vec<Ledger> {
    let catalog = &state.catalog;
    let mut out: Vec<(usize, Ledger)> = Vec::new();
    for &row in &state.view.rows {
        let Some(entry) = catalog.entry(row) else {
            continue;
        };
        let slot = match out.iter().position(|(l, _)| *l == entry.ledger) {
            Some(slot) => slot,
            None => {
                let mut ledger = catalog.ledger(entry).clone();
                ledger.items.clear();
                out.push((entry.ledger, ledger));
                out.len() - 1
            }
        };
        out[slot].1.items.push(catalog.item(entry).clone());
    }
    out.into_iter().map(|(_, l)| l).collect()
}

/// Ask the loop to export the view, or say there is nothing to export.
pub fn export(state: &mut State) -> Vec<Effect> {
    let ledgers = view_ledgers(state);
    if ledgers.is_empty() {
        state.message = Some("当前视图没有事项可导出".to_string());
        return Vec::new();
    }
    state.message = Some("正在导出当前视图…".to_string());
    vec![Effect::ExportView(ledgers)]
}
