//! Decoding the bytes of a text table (CSV or `|` table) into a `String` before it is parsed.
//!
//! Excel on Chinese Windows saves CSV in GBK (code page 936), "Unicode text" in UTF-16 with a
//! byte-order mark, and WPS may write UTF-8 with or without a BOM. The encoding is taken from
//! a byte-order mark, else UTF-8 when the bytes are valid UTF-8, else UTF-16 when every
//! other byte is zero, else the guess of `chardetng` (GBK/GB18030 for Chinese text). The
//! user can force one with `--encoding`.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};
use thiserror::Error;

/// Text decoded from a file, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text (without a byte-order mark).
    pub text: String,
    /// The encoding used, as users name it (`UTF-8`, `GBK/GB18030`, `UTF-16LE` …).
    pub encoding: &'static str,
    /// How the encoding was chosen (Chinese, for the import report).
    pub how: &'static str,
}

/// Why the bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// `--encoding` named an encoding this build does not know.
    #[error("不认识的编码「{0}」;可用:utf-8、gbk、gb18030、utf-16le、utf-16be")]
    UnknownEncoding(String),
    /// The bytes are not valid in the chosen encoding.
    #[error(
        "按 {encoding} 解码失败(第{line}行有无效字节);请用 --encoding 指定正确的编码(utf-8、gbk、utf-16le …),或在 Excel 中另存为“CSV UTF-8”"
    )]
    Malformed {
        /// The encoding tried.
        encoding: &'static str,
        /// The 1-based line holding the first invalid byte.
        line: usize,
    },
}

/// Look up an `--encoding` word (`utf-8`, `gbk`, `gb18030`, `utf-16`, `utf-16le`, `utf-16be`).
pub fn encoding_for_word(word: &str) -> Result<&'static Encoding, DecodeError> {
    let w = word.trim().to_ascii_lowercase();
    match w.as_str() {
        "utf-16" | "utf16" | "unicode" => return Ok(UTF_16LE),
        "gbk" | "cp936" | "936" | "gb2312" => return Ok(GB18030),
        _ => {}
    }
    Encoding::for_label(w.as_bytes())
        .filter(|e| [UTF_8, GB18030, UTF_16LE, UTF_16BE].contains(e) || e.name() == "GBK")
        .map(|e| if e.name() == "GBK" { GB18030 } else { e })
        .ok_or_else(|| DecodeError::UnknownEncoding(word.to_string()))
}

/// Decode `bytes`, with the encoding `forced` when given, else detected.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    let bom = Encoding::for_bom(bytes);
    let (encoding, how, skip) = match (forced, bom) {
        (Some(e), Some((b, len))) if b == e => (e, "按 --encoding 指定", len),
        (Some(e), _) => (e, "按 --encoding 指定", 0),
        (None, Some((e, len))) => (e, "由字节顺序标记(BOM)判断", len),
        (None, None) => {
            let (e, how) = detect(bytes);
            (e, how, 0)
        }
    };
    let body = &bytes[skip..];
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(body)
        .ok_or_else(|| DecodeError::Malformed {
            encoding: display_name(encoding),
            line: first_bad_line(encoding, body),
        })?;
    let text = match text {
        Cow::Borrowed(s) => s.to_string(),
        Cow::Owned(s) => s,
    };
    Ok(Decoded {
        text,
        encoding: display_name(encoding),
        how,
    })
}

/// The encoding of bytes without a byte-order mark.
fn detect(bytes: &[u8]) -> (&'static Encoding, &'static str) {
    if std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, "内容是有效的 UTF-8");
    }
    if let Some(e) = utf16_without_bom(bytes) {
        return (e, "每隔一个字节为零,按 UTF-16 读取");
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    let guess = if guess.name() == "GBK" {
        GB18030
    } else {
        guess
    };
    (guess, "按内容推测")
}

/// UTF-16 without a BOM: ASCII-heavy text has zero high bytes at odd (LE) or even (BE) offsets.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zero_odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let zero_even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    if zero_odd * 3 >= pairs && zero_even == 0 {
        Some(UTF_16LE)
    } else if zero_even * 3 >= pairs && zero_odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The 1-based line of the first byte sequence that does not decode.
fn first_bad_line(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    let _ = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    out.matches('\n').count() + 1
}

/// What users call an encoding.
fn display_name(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 {
        "GBK/GB18030"
    } else {
        encoding.name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "序号,工作任务\r\n1,推进“八五”普法\r\n";

    #[test]
    fn gbk_utf16_and_utf8_are_detected() {
        let (gbk, _, _) = GB18030.encode(TEXT);
        let got = decode(&gbk, None).unwrap();
        assert_eq!((got.text.as_str(), got.encoding), (TEXT, "GBK/GB18030"));

        let mut utf16 = vec![0xFF, 0xFE];
        for unit in TEXT.encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        let got = decode(&utf16, None).unwrap();
        assert_eq!((got.text.as_str(), got.encoding), (TEXT, "UTF-16LE"));
        let got = decode(&utf16[2..], None).unwrap();
        assert_eq!((got.text.as_str(), got.encoding), (TEXT, "UTF-16LE"));

        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(TEXT.as_bytes());
        let got = decode(&bom, None).unwrap();
        assert_eq!((got.text.as_str(), got.encoding), (TEXT, "UTF-8"));
    }

    #[test]
    fn a_forced_encoding_that_does_not_fit_names_the_line() {
        let (gbk, _, _) = GB18030.encode(TEXT);
        let err = decode(&gbk, Some(UTF_8)).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Malformed {
                encoding: "UTF-8",
                line: 1
            }
        );
        assert_eq!(encoding_for_word("GBK").unwrap(), GB18030);
        assert!(encoding_for_word("latin-9x").is_err());
    }
}
