//! The searchable text of a ledger item, the same for the TUI's catalogue and
//! `duban list --search`: what the table shows of the item.

use super::{IndexSource, SearchFields, SearchIndex};
use crate::domain::{Item, Ledger};

impl IndexSource {
    /// The searchable text of `item` of `ledger`: number, title, category, units, the
    /// deadline text the table shows (the ledger's default when the item has none) and
    /// the measures.
    pub fn of_item(ledger: &Ledger, item: &Item) -> IndexSource {
        let units = item.every_unit().join(" ");
        IndexSource::new(&SearchFields {
            number: &item.number,
            title: &item.title,
            category: &item.category,
            units: &units,
            deadline: ledger.deadline_text_of(item),
            measures: &item.measures,
        })
    }
}

impl SearchIndex {
    /// An index of every item of `ledgers`, ledger by ledger in source order (document
    /// `i` is the `i`-th item), built on this thread: for one-off searches.
    pub fn of_ledgers<'a>(ledgers: impl IntoIterator<Item = &'a Ledger>) -> SearchIndex {
        SearchIndex::from_sources(
            ledgers
                .into_iter()
                .flat_map(|l| {
                    l.items
                        .iter()
                        .map(move |item| IndexSource::of_item(l, item))
                })
                .collect(),
        )
    }
}
