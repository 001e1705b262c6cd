//! The context a claim needs: the sentence each quantity is in and the
//! sentence's attribution ("according to Kirby", "Kirby said", "said Kirby").

use crate::extract::gate::{GATE, SOURCE, key_of};
use crate::extract::words::{self, Lower};
use crate::lexicon::MARKERS;
use crate::quantity::Quantity;
use crate::span::Span;

/// The longest a sentence may be, in bytes: past this a run of text with no
/// sentence end (a table, a list, hostile input) is cut into pieces, so
/// every scan here stays linear in the text.
pub const MAX_SENTENCE: usize = 2_000;

/// What the scanner noted on its way through the text, so that context
/// needs no second pass over it: the offsets of every byte that may end a
/// sentence (". ! ?" and line breaks) and of every word that may start an
/// attribution ("said", "according to"), both in increasing order.
#[derive(Debug, Default)]
pub struct Marks {
    pub ends: Vec<usize>,
    pub sources: Vec<usize>,
}

impl Marks {
    /// Notes the sentence-end candidates in `text[from..to]`.
    pub fn ends_in(&mut self, bytes: &[u8], from: usize, to: usize) {
        for (k, &b) in bytes[from..to].iter().enumerate() {
            if matches!(b, b'.' | b'!' | b'?' | b'\n') {
                self.ends.push(from + k);
            }
        }
    }

    /// The marks of a whole text (what the scanner notes, found directly).
    pub fn of(text: &str) -> Marks {
        let mut marks = Marks::default();
        marks.ends_in(text.as_bytes(), 0, text.len());
        let bytes = text.as_bytes();
        let gate = &*GATE;
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphabetic() || words::word_char_before(text, i) {
                i += 1;
                continue;
            }
            let (end, key) = key_of(text, i);
            if key.is_some_and(|k| gate.flags(k) & SOURCE != 0) {
                marks.sources.push(i);
            }
            i = end.max(i + 1);
        }
        marks
    }
}

/// Fills in `sentence` and `attribution` for each quantity (in text order),
/// from the marks the scanner left. Each sentence is found once, never
/// looking back past the end of the sentence before, and only the marks are
/// visited, so the whole pass is linear in the text.
pub fn annotate(text: &str, quantities: &mut [Quantity], marks: &Marks) {
    let mut cache: Option<(Span, Option<Span>)> = None;
    for q in quantities.iter_mut() {
        let (sentence, attribution) = match cache {
            Some((s, a)) if s.start <= q.span.start && q.span.start < s.end => (s, a),
            _ => {
                let floor = cache.map_or(0, |(s, _)| s.end);
                let s = sentence_from(text, q.span.start, floor, &marks.ends);
                let a = attribution_from(text, s, &marks.sources);
                cache = Some((s, a));
                (s, a)
            }
        };
        q.sentence = sentence;
        q.attribution = attribution;
    }
}

/// Abbreviations whose period does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    let Some(lower) = Lower::new(word) else {
        return false;
    };
    matches!(
        lower.as_str(),
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "col"
            | "lt"
            | "sgt"
            | "capt"
            | "st"
            | "jr"
            | "sr"
            | "inc"
            | "ltd"
            | "corp"
            | "co"
            | "no"
            | "vs"
            | "etc"
            | "approx"
            | "est"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
            | "a"
            | "p"
            | "m"
            | "u"
            | "s"
            | "d"
            | "c"
            | "e"
            | "i"
            | "fig"
            | "vol"
            | "pp"
            | "ft"
            | "mt"
            | "ave"
            | "blvd"
    ) || (word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// The sentence holding byte `at`: from after the previous sentence end to
/// the next one, at most [`MAX_SENTENCE`] bytes.
pub fn sentence_around(text: &str, at: usize) -> Span {
    sentence_from(text, at, 0, &Marks::of(text).ends)
}

/// [`sentence_around`], looking back no further than `floor` (the end of a
/// sentence already found) and visiting only the candidate ends `ends`.
fn sentence_from(text: &str, at: usize, floor: usize, ends: &[usize]) -> Span {
    let bytes = text.as_bytes();
    let at = at.min(bytes.len());
    let cap = at.saturating_sub(MAX_SENTENCE);
    let floor = floor.min(at).max(cap);
    let k = ends.partition_point(|&m| m < at);
    let mut start = floor;
    for &m in ends[..k].iter().rev() {
        if m < floor {
            break;
        }
        if bytes[m] == b'\n' || ends_sentence(text, m) {
            start = m + 1;
            break;
        }
    }
    if start == cap && cap > 0 {
        // A piece of an over-long sentence: start with a whole word.
        if let Some(sp) = bytes[start..at].iter().position(|&b| b == b' ') {
            start += sp;
        }
    }
    while start < bytes.len() && matches!(bytes[start], b' ' | b'\t' | b'\n' | b'\r') {
        start += 1;
    }
    let limit = (start.max(at) + MAX_SENTENCE).min(bytes.len());
    let mut end = limit;
    for &m in &ends[k..] {
        if m >= limit {
            break;
        }
        if bytes[m] == b'\n' {
            end = m;
            break;
        }
        if ends_sentence(text, m) {
            end = m + 1;
            // Closing quotes belong to the sentence.
            while end < bytes.len() {
                let rest = &text[end..];
                if rest.starts_with('"') || rest.starts_with('\'') || rest.starts_with(')') {
                    end += 1;
                } else if rest.starts_with('”') || rest.starts_with('’') {
                    end += 3;
                } else {
                    break;
                }
            }
            break;
        }
    }
    if end == limit && limit < bytes.len() {
        // No sentence end within the cap: cut after the last space.
        if let Some(sp) = bytes[at..end].iter().rposition(|&b| b == b' ') {
            end = at + sp + 1;
        }
    }
    // Never split a UTF-8 character.
    while end < bytes.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    Span::new(start.min(end), end)
}

/// Whether the punctuation at byte `i` ends a sentence.
fn ends_sentence(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes[i] == b'.' {
        // A decimal point or an abbreviation.
        if bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) {
            return false;
        }
        let ws = words::word_start(text, i);
        if ws < i && is_abbreviation(&text[ws..i]) {
            return false;
        }
    }
    // The next non-space character must start a new sentence (or the text ends).
    let j = words::skip_gap(text, i + 1);
    let rest = &text[j..];
    let Some(c) = rest.chars().next() else {
        return true;
    };
    if j == i + 1 && !matches!(c, '"' | '\'' | '”' | '’' | ')' | '\n') {
        return false;
    }
    c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '”' | '’')
}

/// The source a sentence attributes its content to: "according to X" → X,
/// "X said" → X, "said X" → X, "He added" → He.
pub fn attribution(text: &str, sentence: Span) -> Option<Span> {
    attribution_from(text, sentence, &Marks::of(text).sources)
}

/// [`attribution`], visiting only the words `sources` (the offsets of words
/// that may start an attribution phrase, in order).
fn attribution_from(text: &str, sentence: Span, sources: &[usize]) -> Option<Span> {
    let s = sentence.text(text);
    let base = sentence.start;
    let markers = &*MARKERS;
    let first = sources.partition_point(|&m| m < base);
    for &at in &sources[first..] {
        if at >= sentence.end {
            break;
        }
        let i = at - base;
        let end = words::word_end(s, i);
        let Some(lower) = Lower::new(&s[i..end]) else {
            continue;
        };
        let w = lower.as_str();
        if markers.before_source.starts_with_word(w)
            && let Some((e, _)) = markers.before_source.match_at(s, i)
            && let Some(src) = name_after(s, e)
        {
            return Some(Span::new(base + src.start, base + src.end));
        }
        if markers.verbs.starts_with_word(w)
            && let Some((e, figure_object)) = markers.verbs.match_at(s, i)
            && !(*figure_object && crate::claims::figure_follows(s, e))
            && !inside_name(s, i)
        {
            if let Some(src) = name_before(s, i) {
                return Some(Span::new(base + src.start, base + src.end));
            }
            if let Some(src) = name_after(s, e) {
                return Some(Span::new(base + src.start, base + src.end));
            }
        }
    }
    None
}

/// Whether the word at `i` is capitalised inside a sentence written in
/// sentence case, so part of a name rather than a verb of saying: "in the
/// United States and", "the Daily Claims Register". A title-cased headline
/// ("Obama Says Jobs Grew") capitalises its verbs, so there a capital says
/// nothing.
fn inside_name(s: &str, i: usize) -> bool {
    let capital = s[i..].chars().next().is_some_and(char::is_uppercase);
    let opens = s[..i].chars().all(|c| !c.is_alphanumeric());
    if !capital || opens {
        return false;
    }
    // Sentence case: some word of four letters or more starts lower-case.
    s.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.len() >= 4 && w.chars().next().is_some_and(char::is_lowercase))
}

/// A source written after `at`: capitalised words and their connectors
/// ("Kirby", "the National Intelligence Service", "South Korean intelligence").
fn name_after(s: &str, at: usize) -> Option<Span> {
    let mut pos = at;
    let mut start = None;
    let mut end = at;
    for _ in 0..8 {
        let Some((ws, we)) = words::next_word(s, pos) else {
            break;
        };
        if s[pos..ws].chars().any(|c| !words::is_space(c)) {
            break;
        }
        let word = &s[ws..we];
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let connector = matches!(word, "the" | "of" | "for" | "and");
        let lower_noun = start.is_some() && word.chars().all(|c| c.is_lowercase()) && !connector;
        if capital || (start.is_none() && word == "the") || (start.is_some() && connector) {
            start.get_or_insert(ws);
            if capital {
                end = we;
            }
            pos = we;
        } else if lower_noun
            && matches!(
                word,
                "officials"
                    | "official"
                    | "intelligence"
                    | "sources"
                    | "police"
                    | "authorities"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "ministry"
                    | "agency"
            )
        {
            end = we;
            pos = we;
        } else {
            break;
        }
    }
    let start = start?;
    (end > start).then(|| Span::new(start, end))
}

/// A source written before a verb of saying at `verb`: "Kirby said",
/// "the South Korean intelligence agency reported", "He added".
fn name_before(s: &str, verb: usize) -> Option<Span> {
    let mut pos = words::skip_spaces_back(s, verb);
    if pos == verb && verb > 0 {
        return None;
    }
    let end = pos;
    let mut start = None;
    for _ in 0..8 {
        let Some((ws, we)) = words::prev_word(s, pos) else {
            break;
        };
        if we != pos && s[we..pos].chars().any(|c| !words::is_space(c)) {
            break;
        }
        let word = &s[ws..we];
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let lowercase_ok = matches!(
            word,
            "official"
                | "officials"
                | "intelligence"
                | "agency"
                | "ministry"
                | "police"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "sources"
                | "authorities"
                | "the"
                | "of"
                | "military"
                | "army"
                | "government"
                | "department"
                | "office"
                | "minister"
                | "secretary"
                | "president"
                | "director"
                | "chief"
                | "he"
                | "she"
                | "they"
                | "officers"
                | "analysts"
                | "experts"
                | "organisers"
                | "organizers"
        );
        if capital || lowercase_ok {
            start = Some(ws);
            pos = ws;
            if matches!(word, "He" | "She" | "They" | "he" | "she" | "they") {
                break;
            }
        } else {
            break;
        }
    }
    let start = start?;
    // Trim a leading "the"/"of".
    let mut st = start;
    while let Some((ws, we)) = words::next_word(s, st) {
        if matches!(&s[ws..we], "the" | "of" | "The") && we < end {
            st = words::skip_spaces(s, we);
        } else {
            break;
        }
    }
    (end > st).then(|| Span::new(st, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(t: &str) -> Option<&str> {
        attribution(t, Span::new(0, t.len())).map(|s| s.text(t))
    }

    #[test]
    fn attributions() {
        assert_eq!(
            attr("John Kirby said on Wednesday that 3,000 arrived."),
            Some("John Kirby")
        );
        assert_eq!(
            attr("It arrived by sea, according to Kirby."),
            Some("Kirby")
        );
        assert_eq!(
            attr("The South Korean intelligence agency reported on Wednesday that 1,500 left."),
            Some("South Korean intelligence agency")
        );
        assert_eq!(attr("He added that 5 more came."), Some("He"));
        assert_eq!(attr("Five people died."), None);
        // "States" in a name is no verb of saying; in a title-cased headline
        // a capitalised verb still is one.
        assert_eq!(
            attr(
                "A recall of 870,000 minivans (600,000 in the United States and 270,000 in Canada)."
            ),
            None
        );
        assert_eq!(attr("Kirby Says 3,000 Troops Arrived"), Some("Kirby"));
    }

    #[test]
    fn sentences() {
        let t = "Mr. Kirby said 3,000. U.S. officials said 2.5 million. Next";
        let at = t.find("2.5").unwrap();
        assert_eq!(
            sentence_around(t, at).text(t),
            "U.S. officials said 2.5 million."
        );
        let t2 = "He said, “Russia loses 1,200 a day.” Then";
        let at = t2.find("1,200").unwrap();
        assert_eq!(
            sentence_around(t2, at).text(t2),
            "He said, “Russia loses 1,200 a day.”"
        );
    }
}

#[cfg(test)]
mod cap_tests {
    use super::*;

    #[test]
    fn long_runs_are_cut() {
        let t = "and 12 more ".repeat(1000);
        let s = sentence_around(&t, t.len() / 2);
        assert!(s.end - s.start <= 2 * MAX_SENTENCE);
        assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        let qs = crate::extract::extract(&t, &crate::extract::Options::default());
        assert!(
            qs.iter()
                .all(|q| q.sentence.end - q.sentence.start <= 2 * MAX_SENTENCE)
        );
    }
}
