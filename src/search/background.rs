//! Building the index off the start-up path: the first frame needs no search, so the
//! text of each document is gathered on the caller's thread (it borrows the items), the
//! costly part (pinyin readings, character masks) runs on a background thread, and
//! [`PendingIndex`] waits for it only when a search first needs it.

use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;

use super::query::mask_of;
use super::{Doc, SearchFields, SearchIndex};

/// The searchable text of one document, owned, so the index can be built on another thread.
#[derive(Debug, Clone)]
pub struct IndexSource {
    /// `title number category units deadline measures`, separated by spaces.
    text: String,
    /// Bytes of `text` that are the pinyin-searchable name (all but the measures).
    name_len: usize,
    /// Characters of the title.
    title_chars: u32,
    /// Bytes of the title.
    title_bytes: u32,
}

impl IndexSource {
    /// Gather the text of one document.
    pub fn new(f: &SearchFields<'_>) -> IndexSource {
        let mut text = String::with_capacity(
            f.title.len()
                + f.number.len()
                + f.category.len()
                + f.units.len()
                + f.deadline.len()
                + f.measures.len()
                + 5,
        );
        for (i, part) in [f.title, f.number, f.category, f.units, f.deadline]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(part);
        }
        let name_len = text.len();
        text.push(' ');
        text.push_str(f.measures);
        IndexSource {
            text,
            name_len,
            title_chars: f.title.chars().count() as u32,
            title_bytes: f.title.len() as u32,
        }
    }
}

impl SearchIndex {
    /// Index gathered sources; document `i` is `sources[i]`.
    pub fn from_sources(sources: Vec<IndexSource>) -> SearchIndex {
        let mut index = SearchIndex::empty();
        index.docs.reserve_exact(sources.len());
        index
            .text
            .reserve_exact(sources.iter().map(|s| s.text.len()).sum());
        index
            .codes
            .reserve_exact(sources.iter().map(|s| s.name_len).sum());
        for source in sources {
            let doc = index.add(source);
            index.docs.push(doc);
        }
        index
    }

    /// Append the text and codes of a source (its readings interned in the table); the
    /// document that refers to them.
    pub(super) fn add(&mut self, source: IndexSource) -> Doc {
        let (text_at, codes_at) = (self.text.len(), self.codes.len());
        self.text.push_str(&source.text);
        self.table
            .encode_into(&mut self.codes, &source.text[..source.name_len]);
        let codes = &self.codes[codes_at..];
        Doc {
            text_at: text_at as u32,
            text_len: source.text.len() as u32,
            codes_at: codes_at as u32,
            codes_len: codes.len() as u32,
            text_mask: mask_of(&source.text),
            pinyin_mask: self.table.letters_of(codes),
            initials: self.table.initials_of(codes),
            title_chars: source.title_chars,
            title_bytes: source.title_bytes,
        }
    }

    /// Start indexing `sources` on a background thread.
    pub fn build_in_background(sources: Vec<IndexSource>) -> PendingIndex {
        let building = std::thread::Builder::new()
            .name("duban-index".into())
            .spawn(move || SearchIndex::from_sources(sources));
        match building {
            Ok(handle) => PendingIndex {
                ready: OnceLock::new(),
                building: Mutex::new(Some(handle)),
            },
            // No thread to be had: an empty index keeps the app usable (search finds nothing).
            Err(_) => PendingIndex::ready(SearchIndex::from_sources(Vec::new())),
        }
    }
}

/// A search index that may still be building; using it (through `Deref`) waits until it
/// is ready. If the building thread panicked, the index is empty: search finds nothing
/// rather than taking the app down.
pub struct PendingIndex {
    ready: OnceLock<SearchIndex>,
    building: Mutex<Option<JoinHandle<SearchIndex>>>,
}

impl PendingIndex {
    /// An index that is already built.
    pub fn ready(index: SearchIndex) -> PendingIndex {
        PendingIndex {
            ready: OnceLock::from(index),
            building: Mutex::new(None),
        }
    }

    /// Whether the index can be used without waiting.
    pub fn is_ready(&self) -> bool {
        self.ready.get().is_some()
            || self
                .building
                .lock()
                .map_or(true, |b| b.as_ref().is_none_or(|h| h.is_finished()))
    }

    /// The index, waiting for the background thread if it is still building.
    pub fn wait(&self) -> &SearchIndex {
        self.ready.get_or_init(|| {
            let handle = self
                .building
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .take();
            handle
                .and_then(|h| h.join().ok())
                .unwrap_or_else(|| SearchIndex::from_sources(Vec::new()))
        })
    }
}

impl Deref for PendingIndex {
    type Target = SearchIndex;

    fn deref(&self) -> &SearchIndex {
        self.wait()
    }
}

impl DerefMut for PendingIndex {
    fn deref_mut(&mut self) -> &mut SearchIndex {
        self.wait();
        self.ready
            .get_mut()
            .expect("wait() leaves the index initialised")
    }
}

impl std::fmt::Debug for PendingIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.ready.get() {
            Some(index) => index.fmt(f),
            None => f.write_str("SearchIndex(building)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(title: &str) -> SearchFields<'_> {
        SearchFields {
            number: "3",
            title,
            category: "规范化建设",
            units: "办公室 社区矫正管理科",
            deadline: "长期",
            measures: "协调银行网点,开展人民调解",
        }
    }

    const TITLES: [&str; 4] = ["建设智慧矫正中心", "深化人民调解", "", "Smart Court 2023"];

    #[test]
    fn a_background_index_answers_like_one_built_in_place() {
        let in_place = SearchIndex::build(TITLES.map(fields));
        let background =
            SearchIndex::build_in_background(TITLES.map(|t| IndexSource::new(&fields(t))).into());
        for q in [
            "zhjz", "矫正", "tj", "yh", "cq", "办公", "court", "3", "银行", "x",
        ] {
            assert_eq!(
                background.search(q, None).hits,
                in_place.search(q, None).hits,
                "query {q}"
            );
            for d in 0..TITLES.len() as u32 {
                assert_eq!(
                    background.title_highlights(d, q),
                    in_place.title_highlights(d, q),
                    "{q} {d}"
                );
            }
        }
        assert!(background.is_ready());
    }

    #[test]
    fn the_name_excludes_the_measures_from_pinyin() {
        // 银行 (yh) is only in the measures: found as text, never by its pinyin.
        let source = IndexSource::new(&fields("法治宣传"));
        assert!(!source.text[..source.name_len].contains("银行"));
        let index = SearchIndex::from_sources(vec![source]);
        assert!(index.search("yh", None).hits.is_empty());
        assert_eq!(index.search("银行", None).hits.len(), 1);
    }

    #[test]
    fn a_pending_index_can_be_replaced_into() {
        let mut index = SearchIndex::build_in_background(vec![IndexSource::new(&fields("x"))]);
        index.replace(0, IndexSource::new(&fields("智慧矫正")));
        assert_eq!(index.search("zhjz", None).hits.len(), 1);
        assert_eq!(format!("{index:?}"), "SearchIndex { docs: 1 }");
    }
}
