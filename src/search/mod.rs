//! The search index: fuzzy matching (fuzzy-matcher's SkimMatcherV2) over each item's
//! number, title, category, units, deadline text and measures, plus pinyin matching
//! (initials, full pinyin, every reading of a heteronym) over all of them but the
//! measures (long prose would make short initials match almost anything).
//!
//! Built once at load (on a background thread: [`PendingIndex`]); every keystroke either
//! narrows the previous hits (when the query extends the previous one, which is what
//! typing does) or scans all documents with a cheap bit-mask test in front of the matchers.
//!
//! A document matches when the query is a subsequence of its text (exactly when
//! SkimMatcherV2 would match) or its pinyin reads a run of its characters. Every match
//! gets its rank at once (see [`rank`]): contiguous before scattered, word starts before
//! word middles, the title before other fields. The relevance order sorts by that rank,
//! and a Chinese query whose characters occur together somewhere hides the documents
//! where they are merely scattered. Only the highlighted characters of the visible rows
//! ([`SearchIndex::title_highlights`]) may call the skim matcher.

mod background;
pub mod collate;
mod item;
mod query;
mod rank;
mod readings;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub use background::{IndexSource, PendingIndex};
use query::{Prepared, is_subsequence};
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

/// One indexed document (an item). Its text and codes live in the index's
/// [`SearchIndex::text`] and [`SearchIndex::codes`] (no allocation per document).
#[derive(Debug, Clone)]
struct Doc {
    /// Where its text starts in [`SearchIndex::text`]: `title number category units
    /// deadline measures`, separated by spaces; the title comes first, so match positions
    /// below `title_chars` are positions in the title.
    text_at: u32,
    /// Bytes of its text.
    text_len: u32,
    /// Characters of the title.
    title_chars: u32,
    /// Bytes of the title.
    title_bytes: u32,
    /// Where its reading codes start in [`SearchIndex::codes`]: the codes of `title number
    /// category units deadline` (the pinyin-searchable part).
    codes_at: u32,
    /// Number of its codes.
    codes_len: u32,
    /// The set of the lower-cased characters of `text` (see [`char_bits`]).
    text_mask: u128,
    /// Letters that occur in some reading of the name.
    pinyin_mask: u64,
    /// Letters that start some reading of a character of the name.
    initials: u32,
}

/// A document that matched, with its rank (higher is better; see [`rank`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The document (item) index, as given to [`SearchIndex::build`].
    pub doc: u32,
    /// The match's rank, from 0 (scattered) to [`SearchResult::BEST_SCORE`].
    pub score: i64,
}

/// The outcome of one query; kept so the next, longer query can narrow it.
#[derive(Debug, Clone, Default)]
pub struct SearchResult {
    /// The query as searched (trimmed).
    pub query: String,
    /// The matching documents shown, in index order.
    pub hits: Vec<Hit>,
    /// Every matching document, the hidden scattered ones included, when some are hidden
    /// (else empty): a longer query narrows these.
    all: Vec<Hit>,
}

impl SearchResult {
    /// The highest score a hit can have.
    pub const BEST_SCORE: i64 = rank::BEST;

    /// The result of `query` from every matching document: when the query has Chinese
    /// characters and some document has them together, documents that have them only
    /// scattered (协调…解决 for 调解) are hidden.
    fn of(query: String, all: Vec<Hit>, wide: bool) -> SearchResult {
        let contiguous = |h: &Hit| h.score >= rank::CONTIGUOUS;
        if wide && all.iter().any(contiguous) && !all.iter().all(contiguous) {
            SearchResult {
                query,
                hits: all.iter().copied().filter(contiguous).collect(),
                all,
            }
        } else {
            SearchResult {
                query,
                hits: all,
                all: Vec::new(),
            }
        }
    }

    /// Every matching document, hidden ones included.
    fn candidates(&self) -> &[Hit] {
        if self.all.is_empty() {
            &self.hits
        } else {
            &self.all
        }
    }

    /// One byte per document of an index of `docs` documents: 0 when it is not shown,
    /// else its hit's score + 1 (so a higher byte ranks higher).
    pub fn ranks(&self, docs: usize) -> Vec<u8> {
        let mut ranks = vec![0u8; docs];
        for hit in &self.hits {
            if let Some(r) = ranks.get_mut(hit.doc as usize) {
                *r = hit.score.clamp(0, Self::BEST_SCORE) as u8 + 1;
            }
        }
        ranks
    }
}

/// The search index of a catalogue.
pub struct SearchIndex {
    docs: Vec<Doc>,
    /// The text of every document, one after another.
    text: String,
    /// The reading codes of every document, one after another.
    codes: Vec<u16>,
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
        let sources: Vec<IndexSource> = fields.into_iter().map(|f| IndexSource::new(&f)).collect();
        SearchIndex::from_sources(sources)
    }

    fn empty() -> Self {
        SearchIndex {
            docs: Vec::new(),
            text: String::new(),
            codes: Vec::new(),
            table: ReadingTable::new(),
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    /// The text of a document.
    fn text_of(&self, doc: &Doc) -> &str {
        &self.text[doc.text_at as usize..(doc.text_at + doc.text_len) as usize]
    }

    /// The reading codes of a document's name.
    fn codes_of(&self, doc: &Doc) -> &[u16] {
        &self.codes[doc.codes_at as usize..(doc.codes_at + doc.codes_len) as usize]
    }

    /// Re-index one document after its item was edited (its new text is appended to the
    /// index's; the old one stays unused); out-of-range indices are ignored.
    pub fn replace(&mut self, doc_index: u32, source: IndexSource) {
        let doc = self.add(source);
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
        let prepared = Prepared::new(query);
        let query = prepared.text.as_str();
        let narrowed = previous.filter(|p| !p.query.is_empty() && query.starts_with(&p.query));
        let all = match narrowed {
            Some(prev) => self.score_all(prev.candidates(), |h| h.doc, &prepared),
            None => {
                let all: Vec<u32> = (0..self.docs.len() as u32).collect();
                self.score_all(&all, |&d| d, &prepared)
            }
        };
        SearchResult::of(query.to_string(), all, prepared.wide)
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
        if doc.text_mask & q.text_mask == q.text_mask {
            let text = self.text_of(doc);
            if is_subsequence(text, &q.chars, q.exact) {
                best = Some(rank::text_rank(text, doc.title_bytes as usize, q));
            }
        }
        if let Some(pinyin) = &q.pinyin
            && best.is_none_or(|b| b < rank::BEST)
        {
            let codes = self.codes_of(doc);
            let found = if pinyin.len() == 1 {
                // One letter: an initial of some character, known from the mask alone.
                let bit = letter_bit(pinyin[0]) as u32;
                (doc.initials & bit != 0).then(|| {
                    let first = codes.first().map_or(0, |&c| self.table.initials_of(&[c]));
                    rank::initial_letter_rank(doc.title_chars > 0 && first & bit != 0)
                })
            } else if doc.pinyin_mask & q.pinyin_mask == q.pinyin_mask {
                rank::best_pinyin(&self.table, codes, pinyin)
                    .map(|m| rank::pinyin_rank(codes, doc.title_chars as usize, m))
            } else {
                None
            };
            best = best.max(found);
        }
        best.map(|score| Hit {
            doc: doc_index,
            score,
        })
    }

    /// The character positions of the document's title that `query` matched, for
    /// highlighting: where the query occurs as written, else where its pinyin reads,
    /// else the skim matcher's choice of scattered characters.
    pub fn title_highlights(&self, doc_index: u32, query: &str) -> Vec<usize> {
        let q = Prepared::new(query);
        let Some(doc) = self.docs.get(doc_index as usize) else {
            return Vec::new();
        };
        if q.text.is_empty() {
            return Vec::new();
        }
        let title = &self.text_of(doc)[..doc.title_bytes as usize];
        let title_chars = doc.title_chars as usize;
        let mut words = q.words();
        if let (Some(word), None) = (words.next(), words.next())
            && let Some(at) = query::occurrences(title, word, q.exact).next()
        {
            let start = title[..at].chars().count();
            return (start..start + word.chars().count()).collect();
        }
        if let Some(pinyin) = &q.pinyin
            && let Some((start, end)) = self.table.find(&self.codes_of(doc)[..title_chars], pinyin)
        {
            return (start..end).collect();
        }
        self.matcher
            .fuzzy_indices(title, &q.text)
            .map(|(_, positions)| positions)
            .unwrap_or_default()
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
                    .fuzzy_match(idx.text_of(&idx.docs[d as usize]), q)
                    .is_some();
                let cheap = idx.search(q, None).hits.iter().any(|h| h.doc == d);
                let pinyin = Prepared::new(q)
                    .pinyin
                    .and_then(|p| idx.table.find(idx.codes_of(&idx.docs[d as usize]), &p))
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
                "协调银行网点", "指挥中心 Zhi", "专项整治行动", "", "协调各方解决纠纷",
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

    /// Documents of `(title, deadline)`, with the ranked hits of `query`: best first,
    /// equal ranks in index order.
    fn ranked(docs: &[(&str, &str)], query: &str) -> Vec<u32> {
        let idx = SearchIndex::build(docs.iter().map(|&(title, deadline)| SearchFields {
            title,
            deadline,
            ..SearchFields::default()
        }));
        let mut hits = idx.search(query, None).hits;
        hits.sort_by_key(|h| std::cmp::Reverse(h.score));
        hits.iter().map(|h| h.doc).collect()
    }

    const MEDIATION: [(&str, &str); 4] = [
        ("协调各方解决纠纷", "年底前"),
        ("加强人民调解", "年底前"),
        ("调解组织规范化", "6月底前"),
        ("推进调查研究", "长期"),
    ];

    const LONG_TERM: [(&str, &str); 4] = [
        ("筹措经费", "年底前"),
        ("建立长期机制", "年底前"),
        ("推进法治宣传", "长期"),
        ("常态化巡查", "长期"),
    ];

    #[rstest::rstest]
    // 调解 together: at the title's start first, then inside; 协调…解决 is hidden.
    #[case::contiguous_chinese_first(&MEDIATION, "调解", vec![2, 1])]
    // Nothing has 调…研 together: the scattered match is shown.
    #[case::scattered_when_nothing_is_contiguous(&MEDIATION, "调研", vec![3])]
    // 推进 and 调解 both read tj; at a title's start first.
    #[case::pinyin_initials(&MEDIATION, "tj", vec![2, 3, 1])]
    // 长期 as the whole deadline text before 长期 inside a title; 筹措 (cc) never.
    #[case::initial_matches_first(&LONG_TERM, "cq", vec![2, 3, 1])]
    #[case::full_pinyin(&LONG_TERM, "changqi", vec![2, 3, 1])]
    fn ranks_contiguous_and_initial_matches_first(
        #[case] docs: &[(&str, &str)],
        #[case] query: &str,
        #[case] expected: Vec<u32>,
    ) {
        assert_eq!(ranked(docs, query), expected);
    }

    #[test]
    fn narrowing_sees_the_hidden_scattered_matches() {
        // 调 matches all four; 调解 hides 0 (scattered), yet 调解决 narrowed from 调解
        // must find it, as a fresh search does.
        let idx = index(&MEDIATION.map(|(t, _)| t));
        let first = idx.search("调", None);
        let mediation = idx.search("调解", Some(&first));
        assert_eq!(docs(&mediation), vec![1, 2]);
        let research = idx.search("调研", Some(&first));
        assert_eq!(docs(&research), vec![3]);
        let longer = idx.search("调解决", Some(&mediation));
        assert_eq!(docs(&longer), docs(&idx.search("调解决", None)));
        assert_eq!(docs(&longer), vec![0]);
    }

    #[test]
    fn highlights_are_title_positions() {
        let idx = index(&["建设智慧矫正中心"]);
        assert_eq!(idx.title_highlights(0, "zhjz"), vec![2, 3, 4, 5]);
        assert_eq!(idx.title_highlights(0, "矫正"), vec![4, 5]);
        assert!(idx.title_highlights(0, "").is_empty());
    }
}
