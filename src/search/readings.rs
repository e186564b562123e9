//! Pinyin readings of characters, every reading of a heteronym included, and the
//! matcher that finds a pinyin query (initials, full pinyin or a mix) in Chinese text.
//!
//! `调` reads diao and tiao, `长` chang and zhang, `重` zhong and chong, `行` xing and hang:
//! the domain uses both readings, so for the common heteronyms (多音字) of official
//! writing every reading the `pinyin` crate knows is indexed (via
//! [`pinyin::ToPinyinMulti`]) and a query may take any of them at each character. Other
//! characters keep their first reading only: the crate also lists rare readings (育 zhou,
//! 期 ji) that would make `zhjz` match 宣传教育.

use std::collections::HashMap;

use pinyin::ToPinyinMulti;

/// The readings of one character: plain pinyin in lower case, without tones, deduplicated.
#[derive(Debug, Clone, Default)]
struct ReadingSet {
    readings: Vec<&'static str>,
    /// Bit `n` set when some reading starts with letter `a + n`.
    initials: u32,
    /// Bit `n` set when some reading contains letter `a + n` (or digit `n - 26`).
    letters: u64,
}

/// Interned reading sets; a text is stored as a list of codes into this table.
/// Code 0 means "no reading" (punctuation …) and [`SPACE`] white space: a pinyin match
/// crosses neither.
#[derive(Debug, Clone)]
pub struct ReadingTable {
    sets: Vec<ReadingSet>,
    /// Codes of the CJK Unified Ideographs block (U+4E00..=U+9FFF), `u16::MAX` = not seen yet.
    cjk: Vec<u16>,
    by_char: HashMap<char, u16>,
    ascii: Vec<&'static str>,
}

/// The code of white space (which separates the fields of a document): no reading.
pub const SPACE: u16 = 1;

const CJK_FIRST: u32 = 0x4E00;
const CJK_LAST: u32 = 0x9FFF;
const UNSEEN: u16 = u16::MAX;

/// Characters whose every reading is indexed: the common heteronyms of official writing.
pub const HETERONYMS: &str = "调长重行还会乐种朝曾供处差得都干好假间将角觉看了率便参称当地度发分更号和几济\
结卡空累量论难宁强区散少省识数说体为相要应与载扎着正中转作奇藏传单石术系提属校血曲朴查宿尽解\
给降落露薄弹模似圈创殷缝背露划华舍折据兴占缩沓骑识恶";

/// How the syllables with ü are typed on an ASCII keyboard: v (as input methods do) or u.
const U_UMLAUT: [(&str, [&str; 2]); 4] = [
    ("lü", ["lv", "lu"]),
    ("nü", ["nv", "nu"]),
    ("lüe", ["lve", "lue"]),
    ("nüe", ["nve", "nue"]),
];

/// The ASCII spellings of a plain reading (律 lü → lv, lu).
fn ascii_spellings(reading: &'static str) -> Vec<&'static str> {
    match U_UMLAUT.iter().find(|(r, _)| *r == reading) {
        Some((_, spellings)) => spellings.to_vec(),
        None => vec![reading],
    }
}

const ASCII_READINGS: &str = "abcdefghijklmnopqrstuvwxyz0123456789";

/// Bit for an ASCII letter or digit in a `letters` mask.
pub fn letter_bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 0,
    }
}

impl Default for ReadingTable {
    fn default() -> Self {
        Self::new()
    }
}

impl ReadingTable {
    /// A table knowing only ASCII letters and digits (each reads as itself).
    pub fn new() -> Self {
        let ascii: Vec<&'static str> = (0..ASCII_READINGS.len())
            .map(|i| &ASCII_READINGS[i..i + 1])
            .collect();
        ReadingTable {
            sets: vec![ReadingSet::default(), ReadingSet::default()],
            cjk: vec![UNSEEN; (CJK_LAST - CJK_FIRST + 1) as usize],
            by_char: HashMap::new(),
            ascii,
        }
    }

    /// The code of a character, interning its readings on first sight.
    pub fn code(&mut self, c: char) -> u16 {
        if c.is_whitespace() {
            return SPACE;
        }
        let cjk_slot = (c as u32).checked_sub(CJK_FIRST).map(|i| i as usize);
        if let Some(&code) = cjk_slot.and_then(|i| self.cjk.get(i))
            && code != UNSEEN
        {
            return code;
        }
        if let Some(code) = self.by_char.get(&c) {
            return *code;
        }
        let lower = c.to_ascii_lowercase();
        let readings: Vec<&'static str> = if lower.is_ascii_alphanumeric() {
            let i = ASCII_READINGS.find(lower).unwrap_or(0);
            vec![self.ascii[i]]
        } else if let Some(multi) = c.to_pinyin_multi() {
            let mut all: Vec<&'static str> = Vec::new();
            let readings = if HETERONYMS.contains(c) {
                multi.count()
            } else {
                1
            };
            for p in multi.into_iter().take(readings) {
                for spelling in ascii_spellings(p.plain()) {
                    if !all.contains(&spelling) {
                        all.push(spelling);
                    }
                }
            }
            all
        } else {
            Vec::new()
        };
        let code = if readings.is_empty() || self.sets.len() >= UNSEEN as usize - 1 {
            0
        } else {
            let mut set = ReadingSet {
                readings,
                ..ReadingSet::default()
            };
            for r in &set.readings {
                if let Some(&b) = r.as_bytes().first() {
                    set.initials |= letter_bit(b) as u32;
                }
                for &b in r.as_bytes() {
                    set.letters |= letter_bit(b);
                }
            }
            self.sets.push(set);
            (self.sets.len() - 1) as u16
        };
        match cjk_slot.and_then(|i| self.cjk.get_mut(i)) {
            Some(slot) => *slot = code,
            None => {
                self.by_char.insert(c, code);
            }
        }
        code
    }

    /// The codes of a text, one per character (so positions are character indices).
    pub fn encode(&mut self, text: &str) -> Vec<u16> {
        let mut codes = Vec::new();
        self.encode_into(&mut codes, text);
        codes
    }

    /// Append the codes of a text to `codes`.
    pub fn encode_into(&mut self, codes: &mut Vec<u16>, text: &str) {
        codes.extend(text.chars().map(|c| self.code(c)));
    }

    /// The letters mask of an encoded text (for a cheap "cannot match" test).
    pub fn letters_of(&self, codes: &[u16]) -> u64 {
        codes
            .iter()
            .fold(0, |m, &c| m | self.sets[c as usize].letters)
    }

    /// The initials mask of an encoded text: bit `n` when some character has a reading
    /// starting with letter `a + n` (a one-letter pinyin query matches exactly then).
    pub fn initials_of(&self, codes: &[u16]) -> u32 {
        codes
            .iter()
            .fold(0, |m, &c| m | self.sets[c as usize].initials)
    }

    /// Every reading of a character, for display and tests.
    pub fn readings_of(&mut self, c: char) -> Vec<&'static str> {
        let code = self.code(c);
        self.sets[code as usize].readings.clone()
    }

    /// Find `query` (lower-case ASCII letters/digits, at most 63 bytes) in an encoded text:
    /// a run of consecutive characters, each consuming the initial or the whole of one of
    /// its readings, the last one any prefix (so initials `zhjz`, full `zhihuijiaozheng`
    /// and mixes like `zhihuijz` all match 智慧矫正).
    /// Returns the matched character range `start..end`.
    pub fn find(&self, codes: &[u16], query: &[u8]) -> Option<(usize, usize)> {
        self.find_from(codes, query, 0)
    }

    /// [`ReadingTable::find`] for a match starting at character `from` or later.
    pub fn find_from(&self, codes: &[u16], query: &[u8], from: usize) -> Option<(usize, usize)> {
        let m = query.len();
        if m == 0 || m > 63 {
            return None;
        }
        let first = letter_bit(query[0]) as u32;
        let done = 1u64 << m;
        for start in from..codes.len() {
            if self.sets[codes[start] as usize].initials & first == 0 {
                continue;
            }
            let mut reach: u64 = 1;
            for (i, &code) in codes.iter().enumerate().skip(start) {
                let set = &self.sets[code as usize];
                let mut next = 0u64;
                let mut offsets = reach;
                while offsets != 0 {
                    let o = offsets.trailing_zeros() as usize;
                    offsets &= offsets - 1;
                    for r in &set.readings {
                        let common = r
                            .bytes()
                            .zip(&query[o..])
                            .take_while(|(a, b)| a == *b)
                            .count();
                        // A character gives its initial, its whole reading, or (at the
                        // end of the query) any prefix of it: `zhjz`, `zhihuijiaozheng`,
                        // `zhihuijz` and `zhihuijiaozh` all read 智慧矫正, while a partial
                        // syllable in the middle (治 as "zh" then 机 "j") does not.
                        if common >= 1 {
                            next |= 1 << (o + 1);
                        }
                        if common == r.len() || o + common == m {
                            next |= 1 << (o + common);
                        }
                    }
                }
                if next & done != 0 {
                    return Some((start, i + 1));
                }
                reach = next;
                if reach == 0 {
                    break;
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(text: &str, query: &str) -> Option<(usize, usize)> {
        let mut table = ReadingTable::new();
        let codes = table.encode(text);
        table.find(&codes, query.as_bytes())
    }

    #[test]
    fn initials_full_and_mixed_pinyin_match() {
        assert_eq!(finds("建设智慧矫正中心", "zhjz"), Some((2, 6)));
        assert_eq!(finds("建设智慧矫正中心", "zhihuijiaozheng"), Some((2, 6)));
        assert_eq!(finds("建设智慧矫正中心", "zhihuijz"), Some((2, 6)));
        assert_eq!(finds("建设智慧矫正中心", "zhjzx"), None);
        assert_eq!(finds("建设智慧矫正中心", "zhihuijiaozh"), Some((2, 6)));
        // A partial syllable in the middle is not a reading: 整治机制 is not zhjz.
        assert_eq!(finds("整治机制", "zhjz"), None);
    }

    #[test]
    fn every_reading_of_a_heteronym_matches() {
        assert!(finds("深化人民调解工作", "tj").is_some());
        assert!(finds("深化人民调解工作", "tiaojie").is_some());
        assert!(finds("长期坚持", "cq").is_some());
        assert!(finds("重点工程推进年", "zd").is_some());
        assert!(finds("协调银行网点", "yh").is_some());
        assert!(finds("重点工程", "chongdian").is_some());
        // ü is typed v (or u): 律师 = lvshi, lushi, ls.
        assert!(finds("律师行业", "lvshi").is_some());
        assert!(finds("律师行业", "lushi").is_some());
        assert!(finds("律师行业", "ls").is_some());
    }

    #[test]
    fn rare_readings_of_ordinary_characters_do_not_match() {
        // 育 is listed with a rare reading "zhou"; 传教育 must not read as "zhjz".
        assert_eq!(finds("法治宣传教育", "zhjz"), None);
        assert!(finds("法治宣传教育", "xcjy").is_some());
    }

    #[test]
    fn matches_do_not_cross_punctuation() {
        assert_eq!(finds("智、慧", "zhih"), None);
        assert_eq!(finds("智慧", "zhih"), Some((0, 2)));
        assert_eq!(finds("ab2023", "b20"), Some((1, 4)));
    }
}
