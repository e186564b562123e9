//! The search box: the query, whether it is being typed, and the last result.

use super::catalog::Catalog;
use crate::search::SearchResult;

/// The state of the search.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// The query as typed.
    pub query: String,
    /// Whether keys go into the query.
    pub editing: bool,
    /// The result for `query` (None when the query is empty).
    pub result: Option<SearchResult>,
    /// Results of the shorter queries typed before, shortest first, so Backspace is instant.
    earlier: Vec<SearchResult>,
}

impl SearchState {
    /// Whether a query is narrowing the table.
    pub fn is_active(&self) -> bool {
        self.result.is_some()
    }

    /// Re-run the search after the query changed, narrowing the previous hits when the
    /// query extends the previous one.
    pub fn run(&mut self, catalog: &Catalog) {
        let query = self.query.trim().to_string();
        if query.is_empty() {
            self.clear();
            return;
        }
        if let Some(current) = self.result.take() {
            self.earlier.push(current);
        }
        // Drop remembered results that are not prefixes of the new query.
        while self
            .earlier
            .last()
            .is_some_and(|r| !query.starts_with(r.query.as_str()))
        {
            self.earlier.pop();
        }
        if self.earlier.last().is_some_and(|r| r.query == query) {
            self.result = self.earlier.pop();
            return;
        }
        self.result = Some(catalog.index.search(&query, self.earlier.last()));
    }

    /// Forget the query and every result.
    pub fn clear(&mut self) {
        self.query.clear();
        self.result = None;
        self.earlier.clear();
    }

    /// Each entry's rank (0 = not shown, see [`SearchResult::ranks`]), or None when no
    /// search is active.
    pub fn ranks(&self, entries: usize) -> Option<Vec<u8>> {
        Some(self.result.as_ref()?.ranks(entries))
    }

    /// Number of items matching the query.
    pub fn hit_count(&self) -> Option<usize> {
        self.result.as_ref().map(|r| r.hits.len())
    }
}
