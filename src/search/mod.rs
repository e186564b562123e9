//! The search index: fuzzy matching (fuzzy-matcher's SkimMatcherV2) over each item's
//! number, title, category, units, deadline text and measures, plus pinyin matching
//! (initials, full pinyin, every reading of a heteronym) over all of them but the
//! measures (long prose would make short initials match almost anything).
//!
//! Built once at load; every keystroke either narrows the previous hits (when the query
//! extends the previous one, which is what typing does) or scans all documents with a
//! cheap bit-mask test in front of the matchers.
//!
//! Matching and ranking are separate: SkimMatcherV2 matches exactly when the query is a
//! subsequence of the text, so the per-keystroke filter uses that cheap test, and the
//! skim score (dynamic programming over the whole text) is computed only where it is
//! needed: for ranking ([`SearchIndex::fuzzy_score`], the relevance sort) and for the
//! highlighted characters of the visible rows ([`SearchIndex::title_highlights`]).

mod query;
mod readings;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use query::{Prepared, is_subsequence, mask_of, pinyin_score};
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
    /// The deadline text (长期, 12月底前 …).
    pub deadline: &'a str,
    /// The measures text.
    pub measures: &'a str,
}

/// Candidate sets at least this large are scored on two threads.
const PARALLEL_FROM: usize = 20_000;

/// One indexed document (an item).
#[derive(Debug, Clone)]
struct Doc {
    /// `title number category units deadline measures`, separated by spaces; the title comes first so
    /// match positions below `title_chars` are positions in the title.
    text: Box<str>,
    /// Characters of the title.
    title_chars: u32,
    /// Reading codes of `title number category units deadline` (the pinyin-searchable part).
    name_codes: Box<[u16]>,
    /// The set of the lower-cased characters of `text` (see [`char_bits`]).
    text_mask: u128,
    /// Letters that occur in some reading of the name.
    pinyin_mask: u64,
    /// Letters that start some reading of a character of the name.
    initials: u32,
}

impl Doc {
    fn new(f: &SearchFields<'_>, table: &mut ReadingTable) -> Doc {
        let name = format!(
            "{} {} {} {} {}",
            f.title, f.number, f.category, f.units, f.deadline
        );
        let text = format!("{name} {}", f.measures);
        let name_codes = table.encode(&name).into_boxed_slice();
        Doc {
            text_mask: mask_of(&text),
            pinyin_mask: table.letters_of(&name_codes),
            initials: table.initials_of(&name_codes),
            title_chars: f.title.chars().count() as u32,
            text: text.into_boxed_str(),
            name_codes,
        }
    }
}

/// A document that matched, with a cheap score (higher is better): a pinyin match, a
/// contiguous occurrence or a scattered one, in the title or elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The document (item) index, as given to [`SearchIndex::build`].
    pub doc: u32,
    /// The cheap match score.
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

impl SearchIndex {
    /// Index the documents; document `i` is the `i`-th of the iterator.
    pub fn build<'a>(fields: impl IntoIterator<Item = SearchFields<'a>>) -> Self {
        let mut table = ReadingTable::new();
        let docs = fields
            .into_iter()
            .map(|f| Doc::new(&f, &mut table))
            .collect();
        SearchIndex {
            docs,
            table,
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    /// Re-index one document after its item was edited; out-of-range indices are ignored.
    pub fn replace(&mut self, doc_index: u32, fields: SearchFields<'_>) {
        let doc = Doc::new(&fields, &mut self.table);
        if let Some(slot) = self.docs.get_mut(doc_index as usize) {
            *slot = doc;
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
            Some(prev) => self.score_all(&prev.hits, |h| h.doc, &prepared),
            None => {
                let all: Vec<u32> = (0..self.docs.len() as u32).collect();
                self.score_all(&all, |&d| d, &prepared)
            }
        };
        SearchResult {
            query: query.to_string(),
            hits,
        }
    }

    /// Score the candidates, in their order; large sets are split over two threads
    /// (the machine this runs on has at least two cores, and typing must stay fast).
    fn score_all<T: Sync>(
        &self,
        candidates: &[T],
        doc: impl Fn(&T) -> u32 + Sync,
        q: &Prepared,
    ) -> Vec<Hit> {
        let score = |part: &[T]| -> Vec<Hit> {
            part.iter().filter_map(|c| self.score(doc(c), q)).collect()
        };
        if candidates.len() < PARALLEL_FROM {
            return score(candidates);
        }
        let (first, second) = candidates.split_at(candidates.len() / 2);
        std::thread::scope(|scope| {
            let later = scope.spawn(|| score(second));
            let mut hits = score(first);
            match later.join() {
                Ok(rest) => hits.extend(rest),
                Err(_) => hits.extend(score(second)),
            }
            hits
        })
    }

    fn score(&self, doc_index: u32, q: &Prepared) -> Option<Hit> {
        let doc = &self.docs[doc_index as usize];
        let mut best: Option<i64> = None;
        if doc.text_mask & q.text_mask == q.text_mask && is_subsequence(&doc.text, &q.chars) {
            best = Some(
                match doc.text.find(q.text.as_str()) {
                    Some(at) if doc.text[..at].chars().count() < doc.title_chars as usize => 30,
                    Some(_) => 20,
                    None => 10,
                } * q.chars.len() as i64,
            );
        }
        if let Some(pinyin) = &q.pinyin
            && pinyin.len() == 1
        {
            // One letter: an initial of some character, known from the mask alone.
            if doc.initials & letter_bit(pinyin[0]) as u32 != 0 {
                let score = pinyin_score(1, 1, 2);
                best = Some(best.map_or(score, |b| b.max(score)));
            }
        } else if let Some(pinyin) = &q.pinyin
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

    /// The fuzzy-matcher (SkimMatcherV2) score of a document for `query`, or its pinyin
    /// score when that is higher; `None` when it does not match. For ranking.
    pub fn fuzzy_score(&self, doc_index: u32, query: &str) -> Option<i64> {
        let doc = self.docs.get(doc_index as usize)?;
        let query = query.trim();
        let fuzzy = self.matcher.fuzzy_match(&doc.text, query);
        let pinyin = Prepared::new(query).pinyin.and_then(|p| {
            let (start, end) = self.table.find(&doc.name_codes, &p)?;
            Some(pinyin_score(p.len(), start, end))
        });
        fuzzy.max(pinyin)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn index(titles: &[&str]) -> SearchIndex {
        SearchIndex::build(titles.iter().map(|t| SearchFields {
            title: t,
            ..SearchFields::default()
        }))
    }

    #[test]
    fn the_cheap_match_agrees_with_skim() {
        let idx = index(&["建设智慧矫正中心", "Smart Court 2023", "法治 宣传"]);
        for q in [
            "矫正",
            "智心",
            "sc",
            "SC",
            "Sc",
            "court 2",
            "法治 宣",
            "治宣",
            "x",
            "2023",
        ] {
            for d in 0..3 {
                let skim = idx
                    .matcher
                    .fuzzy_match(&idx.docs[d as usize].text, q)
                    .is_some();
                let cheap = idx.search(q, None).hits.iter().any(|h| h.doc == d);
                let pinyin = Prepared::new(q)
                    .pinyin
                    .and_then(|p| idx.table.find(&idx.docs[d as usize].name_codes, &p))
                    .is_some();
                assert_eq!(cheap, skim || pinyin, "query {q:?} doc {d}");
            }
        }
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

    proptest::proptest! {
        /// Typing a query one character at a time (narrowing) finds exactly what a fresh
        /// search finds, for every prefix.
        #[test]
        fn typing_narrows_to_the_fresh_result(query in "[zhjtqcydgx矫正调解长期重点 ]{1,8}") {
            let idx = index(&[
                "建设智慧矫正中心", "深化人民调解工作", "长期坚持法治宣传", "重点工程推进年",
                "协调银行网点", "指挥中心 Zhi", "专项整治行动", "",
            ]);
            let mut typed = String::new();
            let mut prev: Option<SearchResult> = None;
            for c in query.chars() {
                typed.push(c);
                let narrowed = idx.search(&typed, prev.as_ref());
                proptest::prop_assert_eq!(&narrowed.hits, &idx.search(&typed, None).hits, "{}", typed);
                prev = Some(narrowed);
            }
        }
    }

    #[test]
    fn highlights_are_title_positions() {
        let idx = index(&["建设智慧矫正中心"]);
        assert_eq!(idx.title_highlights(0, "zhjz"), vec![2, 3, 4, 5]);
        assert_eq!(idx.title_highlights(0, "矫正"), vec![4, 5]);
        assert!(idx.title_highlights(0, "").is_empty());
    }
}
