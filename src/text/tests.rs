use super::*;

/// Hostile titles: OSC 52 clipboard write, OSC 0 window title, clear screen, CR, NUL,
/// C1 CSI and OSC, a bidi override.
pub(crate) const HOSTILE: [&str; 7] = [
    "a\u{1b}]52;c;ZXZpbA==\u{7}b",
    "\u{1b}]0;pwned\u{7}标题",
    "\u{1b}[2J清屏",
    "覆盖\r改写",
    "空\u{0}字节",
    "C1\u{9b}31m\u{9d}0;t\u{9c}",
    "反\u{202e}转",
];

fn has_terminal_controls(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_control() && c != '\n' || needs_placeholder(c))
}

#[test]
fn escape_sequences_become_visible() {
    let s = sanitize("a\u{1b}[31mred\u{7}");
    assert_eq!(s, "a␛[31mred␇");
    assert!(!s.chars().any(|c| c.is_control()));
    assert_eq!(sanitize("plain 中文"), "plain 中文");
    assert!(matches!(sanitize("plain 中文"), Cow::Borrowed(_)));
    assert_eq!(sanitize("x\u{9b}y"), "x�y");
    assert_eq!(sanitize("a\r\nb"), "a␍␊b");
    assert_eq!(sanitize_multiline("a\r\nb\tc"), "a␍\nb c");
    for text in HOSTILE {
        for keep in [Keep::Line, Keep::Lines, Keep::Data] {
            let out = neutralise(text, keep);
            assert!(!has_terminal_controls(&out), "{keep:?}: {out:?}");
        }
    }
}

#[test]
fn data_keeps_newlines_tabs_and_clusters() {
    assert_eq!(
        neutralise("甲\n乙\t丙\u{1b}[2J👨\u{200d}👩", Keep::Data),
        "甲\n乙\t丙␛[2J👨\u{200d}👩"
    );
}

#[test]
fn json_escapes_what_a_terminal_obeys_without_changing_the_value() {
    let value = serde_json::json!({ "t": "C1\u{9b}31m 反\u{202e}转 \u{1b}]0;x\u{7}" });
    let raw = serde_json::to_string(&value).expect("json");
    let safe = json_safe(&raw);
    assert!(!has_terminal_controls(&safe), "{safe}");
    let back: serde_json::Value = serde_json::from_str(&safe).expect("still json");
    assert_eq!(back, value);
}

#[test]
fn truncation_is_width_correct() {
    assert_eq!(width("智慧矫正"), 8);
    assert_eq!(truncate("智慧矫正中心", 7), "智慧矫…");
    assert_eq!(width(&truncate("智慧矫正中心", 7)), 7);
    assert_eq!(truncate("智慧矫正中心", 6), "智慧…");
    assert_eq!(truncate("ab", 5), "ab");
    assert_eq!(truncate("abc", 0), "");
    assert_eq!(truncate("智慧", 1), "…");
    assert_eq!(fit("智", 4), "智  ");
}

const FAMILY: &str = "👨\u{200d}👩\u{200d}👧";
const FLAG: &str = "🇨🇳";
const HEART: &str = "\u{2764}\u{fe0f}";

#[test]
fn clusters_are_kept_whole_or_replaced_by_one_mark() {
    // Combining marks stay on their letter: one cluster, one column.
    assert_eq!(sanitize("e\u{301}"), "e\u{301}");
    assert_eq!(width("e\u{301}e\u{301}"), 2);
    assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
    // A flag pair is two columns and never cut in half.
    assert_eq!(width(FLAG), 2);
    assert_eq!(truncate(&format!("中{FLAG}国"), 4), "中…");
    assert_eq!(truncate(&format!("中{FLAG}国"), 5), format!("中{FLAG}…"));
    // Clusters terminals disagree on become one replacement mark of width 1.
    assert_eq!(sanitize(&format!("{FAMILY}家")), "�家");
    assert_eq!(width(&format!("{FAMILY}家")), 3);
    assert_eq!(sanitize(&format!("{HEART}心")), "�心");
    assert_eq!(sanitize("\u{301}a"), "�a", "a lone mark joins nothing");
    // Character indices of the original text are kept for highlighting.
    let ranges: Vec<Range<usize>> = clusters(&format!("a{FAMILY}b")).map(|c| c.chars).collect();
    assert_eq!(ranges, vec![0..1, 1..6, 6..7]);
}

#[test]
fn computed_widths_are_the_widths_ratatui_draws() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    let samples = [
        format!("{FAMILY}家庭"),
        format!("{FLAG}{FLAG}中国"),
        format!("{HEART}爱心"),
        "cafe\u{301} e\u{301}te\u{301}".to_string(),
        "ｶﾞｷﾞ半角".to_string(),
        "👍🏽赞".to_string(),
        "1\u{fe0f}\u{20e3}号".to_string(),
    ];
    for s in samples.iter().map(String::as_str).chain(HOSTILE) {
        for cols in 1..12u16 {
            let text = fit(s, cols as usize);
            // Draw into a wider line pre-filled with 'x': exactly `cols` cells change.
            let mut buf = Buffer::filled(
                Rect::new(0, 0, cols + 2, 1),
                ratatui::buffer::Cell::new("x"),
            );
            let (end, _) = buf.set_stringn(0, 0, &text, usize::from(cols), Style::new());
            assert_eq!(end, cols, "{s:?} at {cols}: {text:?}");
            assert_eq!(buf[(cols, 0)].symbol(), "x", "{s:?} at {cols} overflows");
            let drawn: String = (0..cols)
                .map(|x| buf[(x, 0)].symbol().to_string())
                .collect();
            assert!(!has_terminal_controls(&drawn), "{drawn:?}");
        }
    }
}

/// The character-by-character cut of simple text gives what cutting by grapheme clusters
/// gives, with the width it reports, at every width.
#[test]
fn simple_text_is_cut_as_cutting_by_clusters_cuts_it() {
    let texts = [
        "",
        "a",
        "智慧矫正中心建设",
        "第12项 推进司法所规范化建设,完善“枫桥式”司法所创建标准(2023年)",
        "abc 智慧 de 矫正!~",
        "①②③ — 12月底前",
    ];
    for s in texts {
        assert!(is_simple(s), "{s}");
        for max in 0..=width(s) + 2 {
            let (cut, w) = truncate_measured(s, max);
            assert_eq!(cut, truncate_clusters(s, max), "{s:?} at {max}");
            assert_eq!(w, width(&cut), "{s:?} at {max}");
            assert!(w <= max, "{s:?} at {max}");
            assert_eq!(width(&fit(s, max)), max, "{s:?} at {max}");
        }
    }
    // Text that is not simple still goes by clusters.
    let accented = "e\u{301}e\u{301}e\u{301}";
    assert!(!is_simple(accented));
    assert_eq!(truncate_measured(accented, 2), ("e\u{301}…".to_string(), 2));
}
