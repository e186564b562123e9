//! The search index: fuzzy matching (fuzzy-matcher's SkimMatcherV2) over each item's
//! number, title, category, units and measures, plus pinyin matching (initials, full
//! pinyin, every reading of a heteronym) over its title, number, category and units.
//!
//! Built once at load; every keystroke either narrows the previous hits (when the query
//! extends the previous one, which is what typing does) or scans all documents with a
//! cheap bit-mask test in front of the matchers.

mod readings;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub use readings::ReadingTable;
use readings::letter_bit;

/// The searchable text of one item, borrowed while the index is built.
#[derive(Debug, Clone, Copy, Default)]
pub struct SearchFields<'a> {
    /// The number as printed.
    pub number: &'a str,
    /// The title.
    pub title: &'a str,
    /// The category / goal.
    pub category: &'a str,
    /// The units, joined.
    pub units: &'a str,
    /// The measures text.
    pub measures: &'a str,
}

/// One indexed document (an item).
#[derive(Debug, Clone)]
struct Doc {
    /// `title number category units measures`, separated by spaces; the title comes first so
    /// match positions below `title_chars` are positions in the title.
    text: Box<str>,
    /// Characters of the title.
    title_chars: u32,
    /// Reading codes of `title number category units` (the pinyin-searchable part).
    name_codes: Box<[u16]>,
    /// Hashed set of the lower-cased characters of `text`.
    text_mask: u64,
    /// Letters that occur in some reading of the name.
    pinyin_mask: u64,
}

/// A document that matched, with its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The document (item) index, as given to [`SearchIndex::build`].
    pub doc: u32,
    /// The match score.
    pub score: i64,
}

/// The outcome of one query; kept so the next, longer query can narrow it.
#[derive(Debug, Clone, Default)]
pub struct SearchResult {
    /// The query as searched (trimmed).
    pub query: String,
    /// The matching documents in index order.
    pub hits: Vec<Hit>,
}

/// The search index of a catalogue.
pub struct SearchIndex {
    docs: Vec<Doc>,
    table: ReadingTable,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("docs", &self.docs.len())
            .finish()
    }
}

fn char_bit(c: char) -> u64 {
    let c = c.to_lowercase().next().unwrap_or(c) as u32;
    1u64 << (c.wrapping_mul(0x9E37_79B9) >> 26)
}

fn mask_of(s: &str) -> u64 {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .fold(0, |m, c| m | char_bit(c))
}

impl SearchIndex {
    /// Index the documents; document `i` is the `i`-th of the iterator.
    pub fn build<'a>(fields: impl IntoIterator<Item = SearchFields<'a>>) -> Self {
        let mut table = ReadingTable::new();
        let docs = fields
            .into_iter()
            .map(|f| {
                let name = format!("{} {} {} {}", f.title, f.number, f.category, f.units);
                let text = format!("{name} {}", f.measures);
                let name_codes = table.encode(&name).into_boxed_slice();
                Doc {
                    text_mask: mask_of(&text),
                    pinyin_mask: table.letters_of(&name_codes),
                    title_chars: f.title.chars().count() as u32,
                    text: text.into_boxed_str(),
                    name_codes,
                }
            })
            .collect();
        SearchIndex {
            docs,
            table,
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    /// The number of indexed documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Search for `query`. When `previous` was a search for a prefix of `query`, only its
    /// hits are re-scored (a longer query never matches more).
    pub fn search(&self, query: &str, previous: Option<&SearchResult>) -> SearchResult {
        let query = query.trim();
        let prepared = Prepared::new(query);
        let narrowed = previous.filter(|p| !p.query.is_empty() && query.starts_with(&p.query));
        let hits = match narrowed {
            Some(prev) => prev
                .hits
                .iter()
                .filter_map(|h| self.score(h.doc, &prepared))
                .collect(),
            None => (0..self.docs.len() as u32)
                .filter_map(|d| self.score(d, &prepared))
                .collect(),
        };
        SearchResult {
            query: query.to_string(),
            hits,
        }
    }

    fn score(&self, doc_index: u32, q: &Prepared) -> Option<Hit> {
        let doc = &self.docs[doc_index as usize];
        let mut best: Option<i64> = None;
        if doc.text_mask & q.text_mask == q.text_mask {
            best = self.matcher.fuzzy_match(&doc.text, &q.text);
        }
        if let Some(pinyin) = &q.pinyin
            && doc.pinyin_mask & q.pinyin_mask == q.pinyin_mask
            && let Some((start, end)) = self.table.find(&doc.name_codes, pinyin)
        {
            let score = pinyin_score(pinyin.len(), start, end);
            best = Some(best.map_or(score, |b| b.max(score)));
        }
        best.map(|score| Hit {
            doc: doc_index,
            score,
        })
    }

    /// The character positions of the document's title that `query` matched, for highlighting.
    pub fn title_highlights(&self, doc_index: u32, query: &str) -> Vec<usize> {
        let query = query.trim();
        let Some(doc) = self.docs.get(doc_index as usize) else {
            return Vec::new();
        };
        if query.is_empty() {
            return Vec::new();
        }
        let title_chars = doc.title_chars as usize;
        if let Some((_, positions)) = self.matcher.fuzzy_indices(&doc.text, query) {
            let in_title: Vec<usize> = positions.into_iter().filter(|&p| p < title_chars).collect();
            if !in_title.is_empty() {
                return in_title;
            }
        }
        if let Some(pinyin) = Prepared::new(query).pinyin
            && let Some((start, end)) = self.table.find(&doc.name_codes, &pinyin)
        {
            return (start..end.min(title_chars)).collect();
        }
        Vec::new()
    }

    /// The reading table (for tests and diagnostics).
    pub fn readings(&self) -> &ReadingTable {
        &self.table
    }
}

/// A pinyin match scores like a good fuzzy match of the same length, better at the start.
fn pinyin_score(query_len: usize, start: usize, end: usize) -> i64 {
    let span = (end - start) as i64;
    let at_start = if start == 0 { 24 } else { 0 };
    18 * query_len as i64 + at_start + 16 - span.min(16)
}

/// A query prepared once per keystroke.
struct Prepared {
    text: String,
    text_mask: u64,
    pinyin: Option<Vec<u8>>,
    pinyin_mask: u64,
}

impl Prepared {
    fn new(query: &str) -> Self {
        let compact: String = query.chars().filter(|c| !c.is_whitespace()).collect();
        let pinyin = (!compact.is_empty()
            && compact.len() <= 63
            && compact.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| compact.to_ascii_lowercase().into_bytes());
        let pinyin_mask = pinyin
            .as_ref()
            .map_or(0, |p| p.iter().fold(0, |m, &b| m | letter_bit(b)));
        Prepared {
            text_mask: mask_of(query),
            text: query.to_string(),
            pinyin,
            pinyin_mask,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(titles: &[&str]) -> SearchIndex {
        SearchIndex::build(titles.iter().map(|t| SearchFields {
            title: t,
            ..SearchFields::default()
        }))
    }

    fn docs(r: &SearchResult) -> Vec<u32> {
        r.hits.iter().map(|h| h.doc).collect()
    }

    #[test]
    fn finds_by_text_initials_and_full_pinyin() {
        let idx = index(&[
            "建设智慧矫正中心",
            "深化人民调解",
            "长期坚持",
            "银行网点法律服务",
        ]);
        assert_eq!(docs(&idx.search("矫正", None)), vec![0]);
        assert_eq!(docs(&idx.search("zhjz", None)), vec![0]);
        assert_eq!(docs(&idx.search("zhihuijiaozheng", None)), vec![0]);
        assert_eq!(docs(&idx.search("tj", None)), vec![1]);
        assert_eq!(docs(&idx.search("cq", None)), vec![2]);
        assert_eq!(docs(&idx.search("yh", None)), vec![3]);
    }

    #[test]
    fn narrowing_gives_the_same_hits_as_a_fresh_search() {
        let idx = index(&["智慧矫正", "指挥中心", "专项整治", "法治政府"]);
        let mut prev = idx.search("z", None);
        for q in ["zh", "zhj", "zhjz"] {
            let narrowed = idx.search(q, Some(&prev));
            assert_eq!(narrowed.hits, idx.search(q, None).hits, "query {q}");
            prev = narrowed;
        }
        assert_eq!(docs(&prev), vec![0]);
    }

    #[test]
    fn highlights_are_title_positions() {
        let idx = index(&["建设智慧矫正中心"]);
        assert_eq!(idx.title_highlights(0, "zhjz"), vec![2, 3, 4, 5]);
        assert_eq!(idx.title_highlights(0, "矫正"), vec![4, 5]);
        assert!(idx.title_highlights(0, "").is_empty());
    }
}
