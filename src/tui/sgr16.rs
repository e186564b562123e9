//! A writer adapter that turns crossterm's 256-colour SGR codes for the 16 named colours
//! (`ESC[38;5;9m`) into the classic codes every terminal knows (`ESC[91m`), so that
//! 16-colour terminals (Xshell, SecureCRT, plain consoles) do not misread the `5` as blink.
//!
//! Plain text passes straight through; only an escape sequence is held back until its
//! final byte (at most [`MAX_SEQUENCE`] bytes), so one sequence split over several
//! `write` calls is rewritten exactly as if it had been written whole.

use std::io::{self, Write};

/// The longest escape sequence held back; a longer one is passed through unchanged.
const MAX_SEQUENCE: usize = 64;

const ESC: u8 = 0x1b;

/// Wraps a writer and rewrites `38;5;N` / `48;5;N` (N < 16) in SGR sequences to the
/// classic 16-colour parameters; everything else is written byte for byte.
pub struct Sgr16<W: Write> {
    inner: W,
    /// An escape sequence begun but not yet finished (starts with ESC when non-empty).
    pending: Vec<u8>,
}

impl<W: Write> Sgr16<W> {
    /// Wrap `inner`.
    pub fn new(inner: W) -> Self {
        Sgr16 {
            inner,
            pending: Vec::with_capacity(MAX_SEQUENCE),
        }
    }

    /// Feed one byte; completed output is appended to `out`.
    fn push(&mut self, byte: u8, out: &mut Vec<u8>) {
        if self.pending.is_empty() {
            if byte == ESC {
                self.pending.push(byte);
            } else {
                out.push(byte);
            }
            return;
        }
        if self.pending.len() == 1 {
            if byte == b'[' {
                self.pending.push(byte);
            } else {
                // Not a CSI: pass the ESC on and read this byte afresh.
                out.append(&mut self.pending);
                self.push(byte, out);
            }
            return;
        }
        match byte {
            // Final byte: the sequence is complete.
            0x40..=0x7e => {
                self.pending.push(byte);
                rewrite_csi(&self.pending, out);
                self.pending.clear();
            }
            // Parameter and intermediate bytes.
            0x20..=0x3f if self.pending.len() < MAX_SEQUENCE - 1 => self.pending.push(byte),
            // Malformed or too long: pass what we hold on and read this byte afresh.
            _ => {
                out.append(&mut self.pending);
                self.push(byte, out);
            }
        }
    }
}

impl<W: Write> Write for Sgr16<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len() + 8);
        for &byte in buf {
            self.push(byte, &mut out);
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    /// Flushes the wrapped writer; an unfinished escape sequence stays held back.
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Append the complete CSI sequence `seq` (`ESC [ ... final`) to `out`, with the
/// 16 named colours of an SGR sequence in their classic form.
fn rewrite_csi(seq: &[u8], out: &mut Vec<u8>) {
    let params = &seq[2..seq.len() - 1];
    let is_sgr = seq.last() == Some(&b'm')
        && params
            .iter()
            .all(|b| b.is_ascii_digit() || *b == b';' || *b == b':');
    if !is_sgr {
        out.extend_from_slice(seq);
        return;
    }
    let groups: Vec<&[u8]> = params.split(|b| *b == b';').collect();
    let mut rewritten: Vec<Vec<u8>> = Vec::with_capacity(groups.len());
    let mut i = 0;
    while i < groups.len() {
        let extended = matches!(groups[i], b"38" | b"48" | b"58");
        let taken = match groups.get(i + 1) {
            Some(&b"5") if extended => 3,
            Some(&b"2") if extended => 5,
            _ => 1,
        };
        let end = (i + taken).min(groups.len());
        let classic = (taken == 3)
            .then(|| classic_code(groups[i], groups.get(i + 2)?))
            .flatten();
        match classic {
            Some(code) => rewritten.push(code.to_string().into_bytes()),
            None => rewritten.extend(groups[i..end].iter().map(|g| g.to_vec())),
        }
        i = end;
    }
    out.extend_from_slice(b"\x1b[");
    out.extend_from_slice(&rewritten.join(&b';'));
    out.push(b'm');
}

/// The classic SGR parameter for `38;5;N` / `48;5;N` with N < 16, if it is one.
fn classic_code(selector: &[u8], index: &[u8]) -> Option<u16> {
    if index.is_empty() || !index.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n: u16 = std::str::from_utf8(index).ok()?.parse().ok()?;
    let base = match selector {
        b"38" => 30,
        b"48" => 40,
        _ => return None,
    };
    match n {
        0..=7 => Some(base + n),
        8..=15 => Some(base + 60 + n - 8),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::Terminal;
    use ratatui::backend::CrosstermBackend;
    use ratatui::style::{Color, Style};
    use ratatui::text::Span;
    use rstest::rstest;

    /// The bytes written for `input` given in pieces of the given lengths (then the rest).
    fn through(input: &[u8], cuts: &[usize]) -> Vec<u8> {
        let mut writer = Sgr16::new(Vec::new());
        let mut rest = input;
        for &len in cuts {
            let (head, tail) = rest.split_at(len.min(rest.len()));
            writer.write_all(head).unwrap();
            rest = tail;
        }
        writer.write_all(rest).unwrap();
        writer.flush().unwrap();
        writer.inner
    }

    fn whole(input: &str) -> String {
        String::from_utf8(through(input.as_bytes(), &[])).unwrap()
    }

    #[rstest]
    #[case("\x1b[38;5;0m", "\x1b[30m")]
    #[case("\x1b[38;5;1m", "\x1b[31m")]
    #[case("\x1b[38;5;7m", "\x1b[37m")]
    #[case("\x1b[38;5;8m", "\x1b[90m")]
    #[case("\x1b[38;5;9m", "\x1b[91m")]
    #[case("\x1b[38;5;15m", "\x1b[97m")]
    #[case("\x1b[48;5;0m", "\x1b[40m")]
    #[case("\x1b[48;5;4m", "\x1b[44m")]
    #[case("\x1b[48;5;8m", "\x1b[100m")]
    #[case("\x1b[48;5;15m", "\x1b[107m")]
    #[case("\x1b[1;38;5;9;48;5;0m", "\x1b[1;91;40m")]
    #[case("\x1b[38;5;9;48;5;200m", "\x1b[91;48;5;200m")]
    #[case("a\x1b[38;5;3mb\x1b[48;5;11mc", "a\x1b[33mb\x1b[103mc")]
    fn named_colours_get_their_classic_codes(#[case] input: &str, #[case] expected: &str) {
        assert_eq!(whole(input), expected);
    }

    #[rstest]
    #[case::indexed_256("\x1b[38;5;16m\x1b[48;5;255m")]
    #[case::true_colour("\x1b[38;2;255;0;0m\x1b[48;2;0;0;0m")]
    // The 48;5;1 here is the green and blue of an RGB colour, not a 256-colour code.
    #[case::rgb_that_looks_indexed("\x1b[38;2;48;5;1m")]
    #[case::underline_colour("\x1b[58;5;9m")]
    #[case::colon_form("\x1b[38:5:9m")]
    #[case::plain_sgr("\x1b[0m\x1b[1;4m\x1b[39;49m\x1b[m")]
    #[case::cursor_and_erase("\x1b[12;40H\x1b[2J\x1b[?25l\x1b[?1049h")]
    #[case::private_sgr_like("\x1b[?38;5;9m")]
    #[case::osc_title("\x1b]2;38;5;9m\x07")]
    #[case::lone_escapes_and_text("\x1bx 督办 \x1b\x1bq")]
    fn everything_else_passes_unchanged(#[case] input: &str) {
        assert_eq!(whole(input), input);
    }

    #[test]
    fn an_overlong_sequence_passes_unchanged() {
        let input = format!("\x1b[{}m\x1b[38;5;9m", "1;".repeat(40));
        let expected = format!("\x1b[{}m\x1b[91m", "1;".repeat(40));
        assert_eq!(whole(&input), expected);
    }

    #[test]
    fn flush_keeps_an_unfinished_sequence_until_it_completes() {
        let mut writer = Sgr16::new(Vec::new());
        writer.write_all(b"ok\x1b[38;5").unwrap();
        writer.flush().unwrap();
        assert_eq!(writer.inner, b"ok");
        writer.write_all(b";12m!").unwrap();
        assert_eq!(writer.inner, b"ok\x1b[94m!");
    }

    fn stream() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            Just(b"\x1b[38;5;9m".to_vec()),
            Just(b"\x1b[1;38;5;1;48;5;8m".to_vec()),
            Just(b"\x1b[48;5;123m".to_vec()),
            Just(b"\x1b[38;2;1;2;3m".to_vec()),
            Just(b"\x1b[5;1H".to_vec()),
            Just("台账".as_bytes().to_vec()),
            Just(b"\x1b".to_vec()),
            Just(b"\x1b[".to_vec()),
            proptest::collection::vec(any::<u8>(), 0..8),
        ];
        proptest::collection::vec(piece, 0..20).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn chunking_never_changes_the_output(
            input in stream(),
            cuts in proptest::collection::vec(0usize..12, 0..40),
        ) {
            prop_assert_eq!(through(&input, &cuts), through(&input, &[]));
        }
    }

    #[test]
    fn split_at_every_byte_gives_the_same_output() {
        let input = b"x\x1b[0;1;38;5;9;48;5;0m\xe5\x8f\xb0\x1b[48;5;200m\x1b[2J";
        let expected = through(input, &[]);
        assert_eq!(
            expected,
            b"x\x1b[0;1;91;40m\xe5\x8f\xb0\x1b[48;5;200m\x1b[2J"
        );
        assert_eq!(through(input, &[1; 64]), expected);
        for cut in 0..input.len() {
            assert_eq!(through(input, &[cut]), expected, "split at {cut}");
        }
    }

    #[test]
    fn a_ratatui_frame_uses_classic_colour_codes() {
        let mut written = Vec::new();
        let backend = CrosstermBackend::new(Sgr16::new(&mut written));
        let mut terminal = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 10, 2)),
            },
        )
        .unwrap();
        terminal
            .draw(|frame| {
                let style = Style::new().fg(Color::Red).bg(Color::DarkGray);
                frame.render_widget(Span::styled("红", style), frame.area());
            })
            .unwrap();
        drop(terminal);
        let bytes = String::from_utf8_lossy(&written).into_owned();
        // Red is palette entry 1 and DarkGray entry 8: crossterm alone writes 38;5;1;48;5;8.
        assert!(bytes.contains("\x1b[31;100m红"), "{bytes:?}");
        assert!(
            !bytes.contains("38;5;") && !bytes.contains("48;5;"),
            "{bytes:?}"
        );
    }
}
