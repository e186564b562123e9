//! The dashboard (总览): per ledger and per unit, open items by colour and the rates
//! reported upward, every number a way into the items behind it.
//!
//! Figures come from [`crate::domain::rates`] (the same counts the reports use) and the
//! catalogue's assessments; the dashboard only arranges them.

use std::collections::BTreeMap;

use super::catalog::{COUNTED_COLOURS, Catalog, colour_slot};
use super::filters::Filters;
use crate::domain::Colour;
use crate::domain::rates::Rates;

/// What a row of the dashboard counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DashKey {
    /// The whole workspace.
    All,
    /// One ledger (index into the catalogue's ledgers).
    Ledger(usize),
    /// One unit (index into the catalogue's units).
    Unit(u32),
}

/// One row: its label, open items per colour `[黑, 红, 黄, 蓝]`, open and all items, and
/// the rates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DashRow {
    /// What it counts.
    pub key: DashKey,
    /// Its label (raw ledger/unit text: sanitise before display).
    pub label: String,
    /// Open items per colour, most severe first.
    pub colours: [usize; 4],
    /// Open items.
    pub open: usize,
    /// The rates at the catalogue's date.
    pub rates: Rates,
}

/// The columns a cursor can stand on: each colour's count, then all open items.
pub const COLUMNS: usize = 5;

/// The dashboard's rows and cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dashboard {
    /// The workspace row, then one per ledger, then one per unit (most severe first).
    pub rows: Vec<DashRow>,
    /// Where the ledger rows end and the unit rows begin (index into `rows`).
    pub units_from: usize,
    /// The row under the cursor.
    pub cursor: usize,
    /// The column under the cursor: 0–3 a colour (黑 红 黄 蓝), 4 all open items.
    pub column: usize,
}

impl Dashboard {
    /// Count the catalogue.
    pub fn new(catalog: &Catalog) -> Self {
        let mut all = Counter::default();
        let mut ledgers: Vec<Counter> = vec![Counter::default(); catalog.ledgers.len()];
        let mut units: BTreeMap<u32, Counter> = BTreeMap::new();
        for entry in &catalog.entries {
            let item = catalog.item(entry);
            let schedule = &entry.assessment.schedule;
            let colour = item.status.is_open().then(|| entry.colour());
            all.add(item, schedule, colour, catalog.today);
            ledgers[entry.ledger].add(item, schedule, colour, catalog.today);
            for &u in &entry.units {
                units
                    .entry(u)
                    .or_default()
                    .add(item, schedule, colour, catalog.today);
            }
        }
        let mut rows = vec![all.row(DashKey::All, "全部台账".to_string())];
        for (i, counter) in ledgers.into_iter().enumerate() {
            let title = super::grouping::short_ledger_title(&catalog.ledgers[i].ledger.title);
            rows.push(counter.row(DashKey::Ledger(i), title.to_string()));
        }
        let units_from = rows.len();
        let mut unit_rows: Vec<DashRow> = units
            .into_iter()
            .map(|(u, counter)| {
                let name = catalog.units.get(u as usize).cloned().unwrap_or_default();
                counter.row(DashKey::Unit(u), name)
            })
            .collect();
        // The units with the most severe open items first.
        unit_rows.sort_by(|a, b| b.colours.cmp(&a.colours).then(a.label.cmp(&b.label)));
        rows.extend(unit_rows);
        Dashboard {
            rows,
            units_from,
            cursor: 0,
            column: COLUMNS - 1,
        }
    }

    /// Move the cursor by rows and columns, staying inside.
    pub fn move_by(&mut self, rows: isize, columns: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(rows).min(last);
        self.column = self.column.saturating_add_signed(columns).min(COLUMNS - 1);
    }

    /// The filters that show the items behind the number under the cursor.
    pub fn drill(&self) -> Option<Filters> {
        let row = self.rows.get(self.cursor)?;
        let mut filters = Filters::default();
        match row.key {
            DashKey::All => {}
            DashKey::Ledger(l) => {
                filters.ledgers.insert(l);
            }
            DashKey::Unit(u) => {
                filters.units.insert(u);
            }
        }
        match COUNTED_COLOURS.get(self.column) {
            Some(&colour) => {
                filters.colours.insert(colour);
            }
            None => filters.statuses.extend(
                crate::domain::Status::ALL
                    .into_iter()
                    .filter(|s| s.is_open()),
            ),
        }
        Some(filters)
    }
}

/// Counts of one row while the catalogue is read.
#[derive(Debug, Clone, Default)]
struct Counter {
    colours: [usize; 4],
    open: usize,
    rates: Rates,
}

impl Counter {
    fn add(
        &mut self,
        item: &crate::domain::Item,
        schedule: &crate::domain::deadline::Schedule,
        open_colour: Option<Colour>,
        today: chrono::NaiveDate,
    ) {
        self.rates.add(item, schedule, today);
        if let Some(colour) = open_colour {
            self.open += 1;
            if let Some(slot) = colour_slot(colour) {
                self.colours[slot] += 1;
            }
        }
    }

    fn row(self, key: DashKey, label: String) -> DashRow {
        DashRow {
            key,
            label,
            colours: self.colours,
            open: self.open,
            rates: self.rates,
        }
    }
}
