//! The sequence `]` / `[` walks in the detail view: the rows as they were when the detail
//! was opened, so an item that changes colour or status (and so moves in the table) does
//! not make the walk skip or repeat items.

/// A fixed sequence of catalogue entries and the position in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Walk {
    /// The entries, in the order they were shown.
    pub entries: Vec<u32>,
    /// The position of the entry shown.
    pub pos: usize,
}

impl Walk {
    /// A walk over `entries`, at the position of `current` (or the start).
    pub fn new(entries: Vec<u32>, current: u32) -> Self {
        let pos = entries.iter().position(|&e| e == current).unwrap_or(0);
        Walk { entries, pos }
    }

    /// Step by `delta`; the entry now shown, or None when already at that end.
    pub fn step(&mut self, delta: isize) -> Option<u32> {
        let last = self.entries.len().checked_sub(1)?;
        let next = self.pos.saturating_add_signed(delta).min(last);
        if next == self.pos {
            return None;
        }
        self.pos = next;
        self.entries.get(next).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::Walk;

    #[test]
    fn steps_through_the_fixed_entries_and_stops_at_both_ends() {
        let mut walk = Walk::new(vec![5, 3, 9], 3);
        assert_eq!(walk.step(1), Some(9));
        assert_eq!(walk.step(1), None);
        assert_eq!(walk.step(-1), Some(3));
        assert_eq!(walk.step(-1), Some(5));
        assert_eq!(walk.step(-1), None);
        assert_eq!(Walk::new(Vec::new(), 1).step(1), None);
    }
}
