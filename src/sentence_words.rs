//! The words of one sentence, each looked up once in the frame lexicon
//! (`rules/frames.toml`): the claims of a sentence's figures read these
//! flags instead of lower-casing and looking up every word of a window
//! around each figure again.

use crate::extract::words::Lower;
use crate::span::Span;

/// The word makes a figure expected, planned or possible (`irrealis`).
pub const IRREALIS: u8 = 1;
/// The word names a period ("year", "month": `period_nouns`).
pub const PERIOD_NOUN: u8 = 1 << 1;

/// The flags of the lexicon's words, and which (first letter, length)
/// pairs they have: most words of a sentence are ruled out by that alone.
struct WordFlags {
    flags: rustc_hash::FxHashMap<String, u8>,
    /// Bit `len` of entry `letter` is set when a word of that length starts
    /// with that letter (a–z, either case).
    shapes: [u32; 26],
}

impl WordFlags {
    fn may_hold(&self, word: &[u8]) -> bool {
        let letter = word.first().map(u8::to_ascii_lowercase).unwrap_or(0);
        letter.is_ascii_lowercase()
            && word.len() < 32
            && self.shapes[usize::from(letter - b'a')] & (1 << word.len()) != 0
    }
}

static WORD_FLAGS: std::sync::LazyLock<WordFlags> = std::sync::LazyLock::new(|| {
    let lex = &*crate::lexicon::FRAMES;
    let mut flags: rustc_hash::FxHashMap<String, u8> = rustc_hash::FxHashMap::default();
    for (set, flag) in [(&lex.irrealis, IRREALIS), (&lex.period_nouns, PERIOD_NOUN)] {
        for w in set {
            *flags.entry(w.to_ascii_lowercase()).or_default() |= flag;
        }
    }
    let mut shapes = [0u32; 26];
    for w in flags.keys() {
        if let Some(&b) = w.as_bytes().first()
            && b.is_ascii_lowercase()
            && w.len() < 32
        {
            shapes[usize::from(b - b'a')] |= 1 << w.len();
        }
    }
    WordFlags { flags, shapes }
});

/// One word: a run of alphabetic characters, and its lexicon flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub flags: u8,
}

/// The words of the sentence read last; [`SentenceWords::read`] reads a new
/// sentence only when it differs from the one held.
#[derive(Debug, Default)]
pub struct SentenceWords {
    sentence: Option<Span>,
    words: Vec<Word>,
}

impl SentenceWords {
    /// The words of `sentence` in `text`, read once per sentence.
    pub fn read(&mut self, text: &str, sentence: Span) -> &[Word] {
        if self.sentence != Some(sentence) {
            self.sentence = Some(sentence);
            self.words.clear();
            let body = text.get(sentence.start..sentence.end).unwrap_or("");
            let bytes = body.as_bytes();
            let mut start = None;
            let mut i = 0;
            while i <= bytes.len() {
                // ASCII bytes are read as they are; other characters decoded.
                let (alphabetic, width) = match bytes.get(i) {
                    None => (false, 1),
                    Some(b) if b.is_ascii() => (b.is_ascii_alphabetic(), 1),
                    Some(_) => body[i..]
                        .chars()
                        .next()
                        .map_or((false, 1), |c| (c.is_alphabetic(), c.len_utf8())),
                };
                if alphabetic {
                    start.get_or_insert(i);
                } else if let Some(s) = start.take() {
                    let flags = if WORD_FLAGS.may_hold(&bytes[s..i]) {
                        Lower::in_text(body, s, i)
                            .and_then(|l| WORD_FLAGS.flags.get(l.as_str()).copied())
                            .unwrap_or(0)
                    } else {
                        0
                    };
                    self.words.push(Word {
                        start: sentence.start + s,
                        end: sentence.start + i,
                        flags,
                    });
                }
                i += width;
            }
        }
        &self.words
    }
}

/// The words of `words` that lie wholly inside `span`.
pub fn within(words: &[Word], span: Span) -> &[Word] {
    let from = words.partition_point(|w| w.start < span.start);
    let to = words.partition_point(|w| w.end <= span.end).max(from);
    &words[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_their_lexicon_flags_and_spans() {
        let text = "Intro. GM plans to cut 10,000 jobs this year, über alles.";
        let sentence = Span::new(7, text.len());
        let mut table = SentenceWords::default();
        let words = table.read(text, sentence).to_vec();
        let spelled: Vec<&str> = words.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(
            spelled,
            [
                "GM", "plans", "to", "cut", "jobs", "this", "year", "über", "alles"
            ]
        );
        let flagged = |flag: u8| -> Vec<&str> {
            words
                .iter()
                .filter(|w| w.flags & flag != 0)
                .map(|w| &text[w.start..w.end])
                .collect()
        };
        assert_eq!(flagged(IRREALIS), ["plans"]);
        assert_eq!(flagged(PERIOD_NOUN), ["year"]);
        // Only words wholly inside the span: "cut 10,000 jobs th" holds two.
        let part = within(&words, Span::new(19, 37));
        let spelled: Vec<&str> = part.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(spelled, ["cut", "jobs"]);
    }
}
