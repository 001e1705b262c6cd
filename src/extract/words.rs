//! Word-level helpers over UTF-8 text: finding word boundaries, skipping
//! spaces, and reading the words around a position without allocating.

/// Whether a character belongs to a word (letters, digits, apostrophes inside words).
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether the byte at `i` starts a char that belongs to a word.
#[inline]
pub fn word_char_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(i..)
            .and_then(|s| s.chars().next())
            .is_some_and(is_word_char),
        None => false,
    }
}

/// Whether the char ending just before `i` belongs to a word.
#[inline(always)]
pub fn word_char_before(text: &str, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let b = text.as_bytes()[i - 1];
    if b.is_ascii() {
        return b.is_ascii_alphanumeric();
    }
    char_before_is_word(text, i)
}

/// [`word_char_before`] past a non-ASCII byte (rare: kept out of line so
/// the ASCII test inlines everywhere).
#[inline(never)]
fn char_before_is_word(text: &str, i: usize) -> bool {
    text.get(..i)
        .and_then(|s| s.chars().next_back())
        .is_some_and(is_word_char)
}

/// Whether `c` is a horizontal space (ASCII space, tab, no-break and thin spaces).
#[inline]
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2002}' | '\u{2003}'
    )
}

/// Whether `c` is any whitespace a phrase may span (spaces and single line breaks).
#[inline]
pub fn is_gap(c: char) -> bool {
    is_space(c) || c == '\n' || c == '\r'
}

/// The offset after the spaces starting at `i` (no line breaks).
#[inline]
pub fn skip_spaces(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b == b' ' || b == b'\t' {
            i += 1;
        } else if b < 0x80 {
            break;
        } else {
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(c) if is_space(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The offset after the whitespace starting at `i`, crossing at most one line break.
pub fn skip_gap(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut breaks = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII bytes are judged as they are; only others are decoded.
        match b {
            b'\n' => {
                breaks += 1;
                if breaks > 1 {
                    break;
                }
                i += 1;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            0..0x80 => break,
            _ => match text.get(i..).and_then(|s| s.chars().next()) {
                Some(c) if is_gap(c) => i += c.len_utf8(),
                _ => break,
            },
        }
    }
    i
}

/// The offset before the spaces ending at `i` (no line breaks).
#[inline]
pub fn skip_spaces_back(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i > 0 {
        let b = bytes[i - 1];
        if b == b' ' || b == b'\t' {
            i -= 1;
        } else if b < 0x80 {
            break;
        } else {
            match text.get(..i).and_then(|s| s.chars().next_back()) {
                Some(c) if is_space(c) => i -= c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The offset before the whitespace ending at `i`, crossing at most one line break.
pub fn skip_gap_back(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut breaks = 0;
    while i > 0 && i <= bytes.len() {
        // ASCII bytes are judged as they are; only others are decoded.
        match bytes[i - 1] {
            b'\n' => {
                breaks += 1;
                if breaks > 1 {
                    break;
                }
                i -= 1;
            }
            b' ' | b'\t' | b'\r' => i -= 1,
            0..0x80 => break,
            _ => match text.get(..i).and_then(|s| s.chars().next_back()) {
                Some(c) if is_gap(c) => i -= c.len_utf8(),
                _ => break,
            },
        }
    }
    i
}

/// The end of the word starting at `i` (letters and digits, with inner
/// apostrophes and periods of abbreviations left out).
#[inline]
pub fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    // Plain ASCII letters and digits eight at a time (most words end in
    // their first chunk), then byte by byte past anything else.
    while let Some(chunk) = bytes.get(i..i + 8) {
        let n = leading_alphanumerics(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        i += n;
        if n < 8 {
            if bytes[i] < 0x80 {
                return i;
            }
            break;
        }
    }
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(c) if is_word_char(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The end of the run of ASCII letters starting at byte `i`, read eight
/// bytes at a time (most words are shorter than that).
#[inline]
pub fn letters_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let n = leading_letters(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        i += n;
        if n < 8 {
            return i;
        }
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

/// How many of the eight bytes of `x` (in little-endian order) are ASCII
/// letters before the first that is not.
#[inline]
pub fn leading_letters(x: u64) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = x | 0x2020_2020_2020_2020;
    let x7 = x & LOW7;
    // Per byte: at least 'a', and not past 'z', and plain ASCII (no byte
    // carries into the next).
    let letter = (x7 + 0x1f1f_1f1f_1f1f_1f1f) & !(x7 + 0x0505_0505_0505_0505) & !x & HIGH;
    ((!letter & HIGH).trailing_zeros() / 8) as usize
}

/// How many of the eight bytes of `x` (in little-endian order) are ASCII
/// letters or digits before the first that is not.
#[inline]
pub fn leading_alphanumerics(x: u64) -> usize {
    ((!alphanumeric_bytes(x) & HIGH).trailing_zeros() / 8) as usize
}

/// How many of the eight bytes of `x` (in little-endian order) are ASCII
/// letters or digits after the last that is not.
#[inline]
pub fn trailing_alphanumerics(x: u64) -> usize {
    ((!alphanumeric_bytes(x) & HIGH).leading_zeros() / 8) as usize
}

const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is an ASCII letter or digit.
#[inline]
fn alphanumeric_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x7 = x & LOW7;
    let l7 = (x | 0x2020_2020_2020_2020) & LOW7;
    // Per byte, as in `leading_letters`: a letter, or at least '0' and not
    // past '9'; and plain ASCII.
    let letter = (l7 + 0x1f1f_1f1f_1f1f_1f1f) & !(l7 + 0x0505_0505_0505_0505);
    let digit = (x7 + 0x5050_5050_5050_5050) & !(x7 + 0x4646_4646_4646_4646);
    (letter | digit) & !x & HIGH
}

/// The start of the word ending at `i`.
#[inline]
pub fn word_start(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    // Plain ASCII letters and digits eight at a time, as in `word_end`.
    while i >= 8 {
        let Some(chunk) = bytes.get(i - 8..i) else {
            return i;
        };
        let n = trailing_alphanumerics(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        i -= n;
        if n < 8 {
            if bytes[i - 1] < 0x80 {
                return i;
            }
            break;
        }
    }
    while i > 0 {
        let b = bytes[i - 1];
        if b.is_ascii_alphanumeric() {
            i -= 1;
        } else if b < 0x80 {
            break;
        } else {
            match text.get(..i).and_then(|s| s.chars().next_back()) {
                Some(c) if is_word_char(c) => i -= c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// A small lower-case copy of a word, on the stack. Words longer than the
/// buffer are not lexicon words and come back as `None`.
#[derive(Clone, Copy)]
pub struct Lower {
    buf: [u8; 32],
    len: usize,
}

impl Lower {
    /// The empty word.
    pub const EMPTY: Lower = Lower {
        buf: [0; 32],
        len: 0,
    };

    #[inline]
    pub fn new(word: &str) -> Option<Lower> {
        Lower::in_text(word, 0, word.len())
    }

    /// The word `text[s..e]` (as `Lower::new(text.get(s..e)?)`), read
    /// straight from the text eight bytes at a time: most words take one
    /// step, with no copy of the slice first.
    #[inline(always)]
    pub fn in_text(text: &str, s: usize, e: usize) -> Option<Lower> {
        text.get(s..e)?;
        let len = e - s;
        if len > 32 {
            return None;
        }
        let bytes = text.as_bytes();
        let mut buf = [0u8; 32];
        for (k, chunk) in buf.chunks_exact_mut(8).enumerate().take(len.div_ceil(8)) {
            let at = s + 8 * k;
            let mut x = match bytes.get(at..at + 8) {
                Some(full) => u64::from_le_bytes(full.try_into().unwrap_or([0; 8])),
                // Near the end of the text: the last few bytes one by one.
                None => bytes[at..e]
                    .iter()
                    .rev()
                    .fold(0, |x, &b| (x << 8) | u64::from(b)),
            };
            // Only the word's own bytes (the buffer's tail stays zeros).
            if len - 8 * k < 8 {
                x &= (1u64 << (8 * (len - 8 * k))) - 1;
            }
            if x & HIGH != 0 {
                return None;
            }
            // Per byte: at least 'A' and not past 'Z' (no byte carries).
            let upper = (x + 0x3f3f_3f3f_3f3f_3f3f) & !(x + 0x2525_2525_2525_2525) & HIGH;
            chunk.copy_from_slice(&(x | (upper >> 2)).to_le_bytes());
        }
        Some(Lower { buf, len })
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        let bytes = &self.buf[..self.len];
        debug_assert!(bytes.is_ascii());
        // SAFETY: `new` accepts only ASCII words and lower-cases them as
        // ASCII, so the buffer holds ASCII, which is always valid UTF-8.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }
}

/// The word that ends at or before `i` (skipping spaces), as a span.
pub fn prev_word(text: &str, i: usize) -> Option<(usize, usize)> {
    let end = skip_spaces_back(text, i);
    let start = word_start(text, end);
    (start < end).then_some((start, end))
}

/// The word that starts at or after `i` (skipping spaces), as a span.
pub fn next_word(text: &str, i: usize) -> Option<(usize, usize)> {
    let start = skip_spaces(text, i);
    let end = word_end(text, start);
    (start < end).then_some((start, end))
}

/// Whether the text at `i` starts with `word` (ASCII, case-insensitive) as a whole word.
pub fn word_is(text: &str, i: usize, word: &str) -> bool {
    let end = i + word.len();
    text.get(i..end)
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
        && !word_char_at(text, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_spaces() {
        let t = "about 1,200 “deaths”\u{a0}and";
        assert_eq!(word_end(t, 0), 5);
        assert_eq!(skip_spaces(t, 5), 6);
        assert_eq!(prev_word(t, 6), Some((0, 5)));
        let and = t.find("and").unwrap();
        assert_eq!(skip_spaces_back(t, and), and - 2);
        assert!(word_is(t, 0, "ABOUT"));
        assert!(!word_is(t, 0, "abou"));
        assert_eq!(Lower::new("Wednesday").unwrap().as_str(), "wednesday");
        assert!(Lower::new("café").is_none());
        let t = "Say WEDNESDAY, or Thursday";
        for (s, e) in [(0, 3), (4, 13), (4, 8), (18, 26), (18, 21), (26, 26)] {
            assert_eq!(
                Lower::in_text(t, s, e).unwrap().as_str(),
                t[s..e].to_ascii_lowercase()
            );
        }
        assert!(Lower::in_text(t, 20, 40).is_none());
        let all: String = (0x20u8..0x7f).map(char::from).collect();
        for w in all.as_bytes().chunks(29) {
            let w = std::str::from_utf8(w).unwrap();
            assert_eq!(Lower::new(w).unwrap().as_str(), w.to_ascii_lowercase());
        }
        assert!(Lower::new(&"a".repeat(33)).is_none());
        assert_eq!(
            Lower::new(&"AB".repeat(16)).unwrap().as_str(),
            "ab".repeat(16)
        );
        let t = b"October 18, Wednesday.x Zz@[`{";
        assert_eq!(letters_end(t, 0), 7);
        assert_eq!(letters_end(t, 12), 21);
        assert_eq!(letters_end(t, 22), 23);
        assert_eq!(letters_end(t, 24), 26);
        assert_eq!(letters_end(b"abc", 0), 3);
        let t = "word19 x9/y:z@[`{ abcdefghij0123456789_ end2café naïve";
        for i in 0..t.len() {
            if t.is_char_boundary(i) {
                let slow = t[i..]
                    .char_indices()
                    .find(|&(_, c)| !is_word_char(c))
                    .map_or(t.len(), |(k, _)| i + k);
                assert_eq!(word_end(t, i), slow, "{i}");
                let back = t[..i]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| !is_word_char(c))
                    .map_or(0, |(k, c)| k + c.len_utf8());
                assert_eq!(word_start(t, i), back, "{i}");
            }
        }
        let g = "a \u{a0}\n \r\n\tb";
        assert_eq!(skip_gap(g, 1), 7);
        assert_eq!(skip_gap_back(g, 9), 5);
    }
}
