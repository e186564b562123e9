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
}

impl SearchState {
    /// Whether a query is narrowing the table.
    pub fn is_active(&self) -> bool {
        self.result.is_some()
    }

    /// Re-run the search after the query changed, narrowing the previous hits when the
    /// query extends the previous one.
    pub fn run(&mut self, catalog: &Catalog) {
        if self.query.trim().is_empty() {
            self.result = None;
            return;
        }
        let previous = self.result.take();
        self.result = Some(catalog.index.search(&self.query, previous.as_ref()));
    }

    /// Scores per entry (None = no match), or None when no search is active.
    pub fn scores(&self, entries: usize) -> Option<Vec<Option<i64>>> {
        let result = self.result.as_ref()?;
        let mut scores = vec![None; entries];
        for hit in &result.hits {
            if let Some(s) = scores.get_mut(hit.doc as usize) {
                *s = Some(hit.score);
            }
        }
        Some(scores)
    }

    /// Number of items matching the query.
    pub fn hit_count(&self) -> Option<usize> {
        self.result.as_ref().map(|r| r.hits.len())
    }
}
