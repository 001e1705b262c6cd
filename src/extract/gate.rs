//! The scanner's word filter: one hash of each word's lower-case letters,
//! looked up in a small table of every word that can start a quantity,
//! which tells which lexicons to ask. An ordinary word ("the", "soldiers")
//! costs that one probe; a word that passes goes on to the exact look-ups
//! of the lexicons its flags name.

use std::sync::LazyLock;

use super::{clock, date, number};
use crate::units;

/// Which look-ups a word may pass: one bit per lexicon.
pub const CLOCK: u16 = 1;
pub const DATE: u16 = 2;
pub const CURRENCY: u16 = 4;
pub const VAGUE: u16 = 8;
pub const NUMBER: u16 = 16;
/// "a", "an", "another", "all", "full", "whole": a unit of time may follow.
pub const ARTICLE: u16 = 32;
/// The first word of an attribution phrase ("said", "according to").
pub const SOURCE: u16 = 64;
/// A word that may follow "a"/"an" in a quantity besides a unit: a number
/// word ("a dozen"), a word of a vague quantifier ("a few").
pub const AFTER_A: u16 = 128;
/// The leading letters of a unit spelling ("km", "hours", "sq").
pub const UNIT: u16 = 256;
/// The last word of a bound phrase ("more than", "nearly").
pub const BOUND_LAST: u16 = 512;
/// The last word of a role marker written before a figure ("of whom").
pub const MARKER_BEFORE_LAST: u16 = 1024;
/// The first word of a role marker written after a figure ("in total").
pub const MARKER_AFTER_FIRST: u16 = 2048;
/// The first word of a time base written after a figure ("a day", "per year").
pub const TIME_AFTER_FIRST: u16 = 4096;
/// The first word of a time base written before a noun ("daily").
pub const TIME_NOUN_FIRST: u16 = 8192;

const SLOTS: usize = 1 << 11;
const FILTER_BITS: usize = 1 << 15;

/// A bit filter in front of an open-addressed table from a word's key to
/// the look-ups it may pass, both small enough to stay in the L1 cache.
/// Each slot packs the key's high bits with the flags in its low 16 bits. Two
/// words with the same key share their flags, so a word is never refused a
/// look-up it would pass.
pub struct Gate {
    /// Held inline (a fixed size): a probe is one load with no bounds check.
    filter: [u64; FILTER_BITS / 64],
    slots: Box<[u64]>,
    words: usize,
}

impl Gate {
    fn insert(&mut self, word: &str, flag: u16) {
        let (_, Some(key)) = key_of(word, 0) else {
            return;
        };
        let bit = key as usize % FILTER_BITS;
        self.filter[bit / 64] |= 1 << (bit % 64);
        let high = key & !0xffff;
        let mut i = (key >> 16) as usize % SLOTS;
        loop {
            let slot = &mut self.slots[i];
            if *slot == 0 || *slot & !0xffff == high {
                if *slot == 0 {
                    self.words += 1;
                    assert!(self.words < SLOTS / 2, "the word gate is too small");
                }
                *slot = high | u64::from(*slot as u16 | flag);
                return;
            }
            i = (i + 1) % SLOTS;
        }
    }

    /// The look-ups the word with this key may pass (0 for most words).
    #[inline]
    pub fn flags(&self, key: u64) -> u16 {
        let bit = key as usize % FILTER_BITS;
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return 0;
        }
        let high = key & !0xffff;
        let mut i = (key >> 16) as usize % SLOTS;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return 0;
            }
            if slot & !0xffff == high {
                return slot as u16;
            }
            i = (i + 1) % SLOTS;
        }
    }
}

/// The gate over every lexicon's first words.
pub static GATE: LazyLock<Gate> = LazyLock::new(|| {
    let mut gate = Gate {
        filter: [0; FILTER_BITS / 64],
        slots: vec![0; SLOTS].into_boxed_slice(),
        words: 0,
    };
    for w in ["a", "an", "another", "all", "full", "whole"] {
        gate.insert(w, ARTICLE);
    }
    for w in ["noon", "midnight"] {
        gate.insert(w, CLOCK);
    }
    for (w, _) in clock::ZONES {
        gate.insert(w, CLOCK);
    }
    for w in date::FIRST_WORDS {
        gate.insert(w, DATE);
    }
    for w in number::WORDS.iter().filter(|w| number::starts_number(w)) {
        gate.insert(w, NUMBER);
    }
    for w in units::currency_first_words() {
        gate.insert(w, CURRENCY);
    }
    for w in first_words(include_str!("../../rules/vague.toml"), "vague") {
        gate.insert(&w, VAGUE);
    }
    for w in first_words(include_str!("../../rules/markers.toml"), "attribution") {
        gate.insert(&w, SOURCE);
    }
    for w in number::WORDS {
        gate.insert(w, AFTER_A);
    }
    let bounds = include_str!("../../rules/bounds.toml");
    let markers = include_str!("../../rules/markers.toml");
    let bases = include_str!("../../rules/time-bases.toml");
    let lists: [(&str, &str, Part, u16); 7] = [
        (bounds, "bound", Part::Last, BOUND_LAST),
        (markers, "increment_before", Part::Last, MARKER_BEFORE_LAST),
        (markers, "total_before", Part::Last, MARKER_BEFORE_LAST),
        (markers, "part_before", Part::Last, MARKER_BEFORE_LAST),
        (markers, "increment_after", Part::First, MARKER_AFTER_FIRST),
        (markers, "total_after", Part::First, MARKER_AFTER_FIRST),
        (
            bases,
            "base",
            Part::First,
            TIME_AFTER_FIRST | TIME_NOUN_FIRST,
        ),
    ];
    for (file, key, part, flag) in lists {
        for w in phrase_words(file, key, part) {
            gate.insert(&w, flag);
        }
    }
    for w in units::spelling_first_words() {
        gate.insert(&w, UNIT);
    }
    for w in all_words(include_str!("../../rules/vague.toml"), "vague") {
        gate.insert(&w, AFTER_A);
    }
    gate
});

/// Whether a phrase whose first word has `flag` may start at the word after
/// the gap at `at` (spaces and one line break). Text that does not start
/// with a plain ASCII word is left to the exact look-up.
#[inline]
pub fn may_match_after(text: &str, at: usize, flag: u16) -> bool {
    passes(flags_after(text, at), flag)
}

/// Whether a phrase whose last word has `flag` may end at the word before
/// the gap before `at`.
#[inline]
pub fn may_match_before(text: &str, at: usize, flag: u16) -> bool {
    passes(flags_before(text, at), flag)
}

/// Whether a word with these flags (from [`flags_after`] or
/// [`flags_before`]) may pass the look-ups of `flag`: `None` passes all.
#[inline]
pub fn passes(flags: Option<u16>, flag: u16) -> bool {
    flags.is_none_or(|f| f & flag != 0)
}

/// The flags of the word after the gap at `at`, for [`passes`]; `None`
/// when that is no plain ASCII word, which every look-up must see.
#[inline]
pub fn flags_after(text: &str, at: usize) -> Option<u16> {
    let start = super::words::skip_gap(text, at);
    if !text
        .as_bytes()
        .get(start)
        .is_some_and(u8::is_ascii_alphabetic)
    {
        return None;
    }
    let (_, key) = key_of(text, start);
    key.map(|k| GATE.flags(k))
}

/// The flags of the word before the gap before `at`, for [`passes`]:
/// `Some(0)` when there is no word, `None` when it is no plain ASCII word.
#[inline]
pub fn flags_before(text: &str, at: usize) -> Option<u16> {
    let end = super::words::skip_gap_back(text, at);
    let start = super::words::word_start(text, end);
    if start == end {
        return Some(0);
    }
    if !text.as_bytes()[start].is_ascii_alphabetic() {
        return None;
    }
    let (_, key) = key_of(text, start);
    key.map(|k| GATE.flags(k))
}

/// The first word of every phrase (string) held anywhere under the table
/// `key` of a lexicon file.
fn first_words(file: &str, key: &str) -> Vec<String> {
    phrase_words(file, key, Part::First)
}

/// Every word of every phrase held under the table `key` of a lexicon file.
fn all_words(file: &str, key: &str) -> Vec<String> {
    phrase_words(file, key, Part::All)
}

/// Which words of a phrase to take.
#[derive(Clone, Copy)]
enum Part {
    First,
    Last,
    All,
}

/// The words (`part`) of each phrase under `key`.
fn phrase_words(file: &str, key: &str, part: Part) -> Vec<String> {
    fn walk(v: &toml::Value, n: Part, out: &mut Vec<String>) {
        match v {
            toml::Value::String(phrase) => {
                let mut words = phrase.split_whitespace().map(str::to_ascii_lowercase);
                match n {
                    Part::First => out.extend(words.next()),
                    Part::Last => out.extend(words.next_back()),
                    Part::All => out.extend(words),
                }
            }
            toml::Value::Array(list) => list.iter().for_each(|v| walk(v, n, out)),
            // A vague quantifier's table: only its `words` are phrases.
            toml::Value::Table(t) => match t.get("words") {
                Some(words) => walk(words, n, out),
                None => t.values().for_each(|v| walk(v, n, out)),
            },
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(table) = file.parse::<toml::Table>()
        && let Some(v) = table.get(key)
    {
        walk(v, part, &mut out);
    }
    out
}

/// Scans the word starting at byte `i` (an ASCII letter): returns its end
/// (as [`super::words::word_end`] does) and the key of its leading letters,
/// lower-cased; `None` when the word is not plain ASCII or is too long to be
/// a lexicon word (the exact look-ups reject those too). The letters are
/// packed eight to a word and folded, so words of up to eight letters get
/// keys of their own.
#[inline(always)]
pub fn key_of(text: &str, i: usize) -> (usize, Option<u64>) {
    let bytes = text.as_bytes();
    let mut h: u64 = 0;
    let mut j = i;
    // Letters first, eight at a time: they make the key. The loop ends with
    // the byte after the letters when the last chunk holds it.
    let after = loop {
        let Some(chunk) = bytes.get(j..j + 8) else {
            // The last few bytes of the text, one at a time.
            let mut part = 0u64;
            let mut n = 0;
            while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
                part |= u64::from(bytes[j] | 0x20) << (8 * n);
                n += 1;
                j += 1;
                if n == 8 {
                    h = mix(h, part);
                    part = 0;
                    n = 0;
                }
            }
            if n > 0 {
                h = mix(h, part);
            }
            break None;
        };
        let raw = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let n = super::words::leading_letters(raw);
        if n == 0 {
            break Some(raw as u8);
        }
        let x = raw | 0x2020_2020_2020_2020;
        if n == 8 {
            h = mix(h, x);
            j += 8;
            continue;
        }
        h = mix(h, x & ((1u64 << (8 * n)) - 1));
        j += n;
        break Some((raw >> (8 * n)) as u8);
    };
    let letters = j - i;
    // Then any digits and letters after them ("Dec31", "covid19"), and a
    // word that runs on into other letters ("café"). A plain ASCII byte
    // that is no digit (a space, a comma) ends most words at once.
    if after.is_none_or(|b| b.is_ascii_digit() || b >= 0x80) {
        while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
            j += 1;
        }
        if bytes.get(j).is_some_and(|&b| b >= 0x80) && super::words::word_char_at(text, j) {
            return (super::words::word_end(text, j), None);
        }
    }
    let key = (h ^ letters as u64).wrapping_mul(0xff51_afd7_ed55_8ccd);
    // Keys are never 0 above the flag bits: a slot of 0 is empty.
    (j, (j - i <= 32).then_some((key ^ (key >> 32)) | 0x1_0000))
}

/// Folds eight lower-case letters into a key.
#[inline(always)]
fn mix(h: u64, part: u64) -> u64 {
    h.rotate_left(29) ^ part.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags_of(word: &str) -> u16 {
        key_of(word, 0).1.map_or(0, |k| GATE.flags(k))
    }

    #[test]
    fn every_lexicon_word_passes() {
        for w in date::FIRST_WORDS {
            assert!(flags_of(w) & DATE != 0, "{w}");
        }
        for (w, _) in clock::ZONES {
            assert!(flags_of(w) & CLOCK != 0, "{w}");
        }
        for w in number::WORDS.iter().filter(|w| number::starts_number(w)) {
            assert!(flags_of(w) & NUMBER != 0, "{w}");
        }
        for w in units::currency_first_words() {
            assert!(flags_of(w) & CURRENCY != 0, "{w}");
        }
        for w in ["few", "several", "dozens", "thousands", "said", "according"] {
            assert!(flags_of(w) != 0, "{w}");
        }
        // Case and glued digits do not matter; ordinary words are refused.
        assert_eq!(flags_of("October"), flags_of("october"));
        assert!(flags_of("Dec31") & DATE != 0);
        assert_eq!(flags_of("soldiers"), 0);
        assert_eq!(flags_of("the"), 0);
        assert!(GATE.words < SLOTS / 2, "{}", GATE.words);
    }

    #[test]
    fn keys_skip_the_word() {
        let t = "Oct. 18, tomorrow’s café";
        assert_eq!(key_of(t, 0).0, 3);
        let at = t.find("tomorrow").unwrap();
        assert_eq!(key_of(t, at).0, at + "tomorrow".len());
        assert!(key_of(t, at).1.is_some());
        let cafe = t.find("café").unwrap();
        assert_eq!(key_of(t, cafe), (t.len(), None));
    }
}
