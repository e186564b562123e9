//! What the table shows: grouping, filters, sort, the resulting rows, cursor and scroll.

use super::catalog::Catalog;
use super::filters::Filters;
use super::grouping::{Group, Grouping, build_groups};
use super::search_state::SearchState;
use super::sort::{SortKey, sorted_entries};

/// Which pane has the keyboard in the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    /// The group panel on the left.
    Groups,
    /// The item table.
    #[default]
    Table,
}

/// Lines of the main screen not used by table rows: header (2), footer (1),
/// table border (2) and column headings (1).
pub const CHROME_ROWS: u16 = 6;

/// How many item rows fit in a terminal of `height` rows.
pub fn table_rows_for(height: u16) -> usize {
    height.saturating_sub(CHROME_ROWS).max(1) as usize
}

/// The table's state.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// The side panel's grouping.
    pub grouping: Grouping,
    /// The groups (derived, counted over filtered and searched items).
    pub groups: Vec<Group>,
    /// The chosen group (index into `groups`).
    pub group_cursor: usize,
    /// Active filters.
    pub filters: Filters,
    /// The sort order.
    pub sort: SortKey,
    /// All entries in the sort order (recomputed when the sort changes).
    pub order: Vec<u32>,
    /// The rows shown: entries passing filters and search, in the chosen group, sorted.
    pub rows: Vec<u32>,
    /// The cursor in `rows`.
    pub selected: usize,
    /// The first row shown.
    pub scroll: usize,
    /// The focused pane.
    pub focus: Pane,
    /// Rows that fit in the table (from the last resize).
    pub page: usize,
}

impl View {
    /// A view of the catalogue with the default grouping and sort.
    pub fn new(catalog: &Catalog) -> Self {
        View {
            order: sorted_entries(catalog, SortKey::default()),
            page: table_rows_for(24),
            ..View::default()
        }
    }

    /// The selected entry, if any.
    pub fn selected_entry(&self) -> Option<u32> {
        self.rows.get(self.selected).copied()
    }

    /// Recompute groups and rows after a change of filters, search, grouping or sort,
    /// keeping the cursor on the same item when it is still shown.
    pub fn refresh(&mut self, catalog: &Catalog, search: &SearchState) {
        let keep = self.selected_entry();
        let ranks = search.ranks(catalog.entries.len());
        let shown: Vec<u32> = self
            .order
            .iter()
            .copied()
            .filter(|&i| ranks.as_ref().is_none_or(|r| r[i as usize] != 0))
            .filter(|&i| self.filters.passes(catalog, &catalog.entries[i as usize]))
            .collect();
        let chosen_key = self.groups.get(self.group_cursor).map(|g| g.key);
        self.groups = build_groups(catalog, self.grouping, &shown);
        self.group_cursor = chosen_key
            .and_then(|k| self.groups.iter().position(|g| g.key == k))
            .unwrap_or(0);
        let key = self.groups[self.group_cursor].key;
        let mut rows: Vec<u32> = shown
            .into_iter()
            .filter(|&i| key.contains(&catalog.entries[i as usize]))
            .collect();
        if let (SortKey::Relevance, Some(ranks)) = (self.sort, &ranks) {
            rows = by_rank(&rows, |i| ranks[i as usize]);
        }
        self.rows = rows;
        self.selected = keep
            .and_then(|k| self.rows.iter().position(|&r| r == k))
            .unwrap_or(0);
        self.clamp();
    }

    /// Keep the cursor inside the rows and the scroll around the cursor.
    pub fn clamp(&mut self) {
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.scroll = visible_offset(self.scroll, self.selected, self.page);
    }

    /// Move the cursor by `delta` rows.
    pub fn move_by(&mut self, delta: isize) {
        self.selected = self.selected.saturating_add_signed(delta);
        self.clamp();
    }

    /// Change the grouping; the cursor goes to "全部".
    pub fn set_grouping(&mut self, grouping: Grouping) {
        self.grouping = grouping;
        self.groups.clear();
        self.group_cursor = 0;
    }

    /// Change the sort order.
    pub fn set_sort(&mut self, catalog: &Catalog, sort: SortKey) {
        self.sort = sort;
        self.order = sorted_entries(catalog, sort);
    }
}

/// `rows` by descending rank, equal ranks in their order (the severity order): a
/// counting sort, linear in the rows, since ranks are bytes.
fn by_rank(rows: &[u32], rank: impl Fn(u32) -> u8) -> Vec<u32> {
    let mut next = [0usize; 256];
    for &row in rows {
        next[rank(row) as usize] += 1;
    }
    let mut start = 0;
    for slot in next.iter_mut().rev() {
        (*slot, start) = (start, start + *slot);
    }
    let mut ranked = vec![0; rows.len()];
    for &row in rows {
        let slot = &mut next[rank(row) as usize];
        ranked[*slot] = row;
        *slot += 1;
    }
    ranked
}

/// The first visible row so that `selected` is inside a window of `page` rows,
/// moving `scroll` as little as possible.
pub fn visible_offset(scroll: usize, selected: usize, page: usize) -> usize {
    let page = page.max(1);
    if selected < scroll {
        selected
    } else if selected >= scroll + page {
        selected + 1 - page
    } else {
        scroll
    }
}

#[cfg(test)]
mod tests {
    use super::by_rank;

    #[test]
    fn ranking_is_descending_and_stable() {
        let rows = [7, 3, 9, 1, 4];
        let rank = |row: u32| [0, 2, 0, 1, 2, 0, 0, 1, 0, 2][row as usize];
        assert_eq!(by_rank(&rows, rank), vec![9, 1, 4, 7, 3]);
    }
}
