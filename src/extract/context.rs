//! The context a claim needs: the sentence each quantity is in and the
//! sentence's attribution ("according to Kirby", "Kirby said", "said Kirby").

use crate::extract::words::{self, Lower};
use crate::lexicon::MARKERS;
use crate::quantity::Quantity;
use crate::span::Span;

/// Fills in `sentence` and `attribution` for each quantity (in text order).
pub fn annotate(text: &str, quantities: &mut [Quantity]) {
    let mut cache: Option<(Span, Option<Span>)> = None;
    for q in quantities.iter_mut() {
        let (sentence, attribution) = match cache {
            Some((s, a)) if s.start <= q.span.start && q.span.start < s.end => (s, a),
            _ => {
                let s = sentence_around(text, q.span.start);
                let a = attribution(text, s);
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
/// the next one. Linear in the sentence's length.
pub fn sentence_around(text: &str, at: usize) -> Span {
    let bytes = text.as_bytes();
    let mut start = at.min(bytes.len());
    while start > 0 {
        let b = bytes[start - 1];
        if b == b'\n' {
            break;
        }
        if matches!(b, b'.' | b'!' | b'?') && ends_sentence(text, start - 1) {
            break;
        }
        start -= 1;
    }
    while start < bytes.len() && matches!(bytes[start], b' ' | b'\t' | b'\n' | b'\r') {
        start += 1;
    }
    let mut end = at.min(bytes.len());
    while end < bytes.len() {
        let b = bytes[end];
        if b == b'\n' {
            break;
        }
        if matches!(b, b'.' | b'!' | b'?') && ends_sentence(text, end) {
            end += 1;
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
        end += 1;
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
    let s = sentence.text(text);
    let base = sentence.start;
    let markers = &*MARKERS;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let end = words::word_end(s, i);
        let Some(lower) = Lower::new(&s[i..end]) else {
            i = end.max(i + 1);
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
            && let Some((e, _)) = markers.verbs.match_at(s, i)
        {
            if let Some(src) = name_before(s, i) {
                return Some(Span::new(base + src.start, base + src.end));
            }
            if let Some(src) = name_after(s, e) {
                return Some(Span::new(base + src.start, base + src.end));
            }
        }
        i = end.max(i + 1);
    }
    None
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
