//! Claims: what a rule needs to compare two quantities — the subject they
//! count, who says so, and the role the wording gives them. See
//! `claims.md` in the project's spec for the model.

use std::borrow::Cow;

use crate::quantity::{Kind, MarkerRole, Quantity};
use crate::sentence_words::{IRREALIS, PERIOD_NOUN, SentenceWords, Word};
use crate::span::Span;

/// A quantity's claim context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The head lemma of what is counted or measured ("soldier", "usd").
    /// Unit codes, labels and canonical subjects borrow the static lexicons'
    /// strings; only other lemmas are copied.
    pub head: Option<Cow<'static, str>>,
    /// Lower-case narrowing modifiers ("north korean"), empty when bare.
    pub modifiers: Vec<String>,
    /// Who the figure is attributed to, normalised ("kirby"), if anyone.
    /// Shared by the figures of one attribution (a sentence, a paragraph).
    pub source: Option<std::sync::Arc<str>>,
    /// The source's span in the text.
    pub source_span: Option<Span>,
    pub role: Option<MarkerRole>,
    /// What is said of the figure: frame classes or verbs near it ("destroy", "train").
    /// Classes borrow the lexicon's names; only other verb forms are copied.
    pub frames: Vec<Cow<'static, str>>,
    /// The year the figure is for, when its sentence names one.
    pub year: Option<i16>,
    /// The places and groups the figure's clause names ("The Colombian city
    /// of Cali recorded 450 homicides" → "colombian", "cali"), lower case.
    pub scope: Vec<String>,
    /// Categories a figure lumps together: heads ("death", "injury") or
    /// modifiers of one head ("confirmed", "suspected"). Empty when it counts one.
    pub lumped: Vec<String>,
    /// Frames a figure's predicate lumps together ("were dead or missing",
    /// "had been killed or wounded"): two frame classes, else empty.
    pub lumped_frames: Vec<Cow<'static, str>>,
    /// The subject is a label written before a bare figure ("magnitude 6.8"):
    /// the label says what the figure is, whatever the verb.
    pub labelled: bool,
    /// The figure is said as expected, planned or possible, not as a fact
    /// ("plans to cut 13,000 jobs", "expects to carry 105 million").
    pub irrealis: bool,
    /// The periods its clause names ("last month", "2023", "this year"),
    /// lower case; empty when it names none.
    pub period: Vec<String>,
}

/// Pronouns that refer back to the last named source.
fn is_pronoun(s: &str) -> bool {
    matches!(s, "he" | "she" | "they" | "it" | "we" | "i")
}

/// A source phrase as a message shows it, mid-sentence: without a leading
/// article ("The South Korean intelligence agency" → "South Korean
/// intelligence agency").
pub fn source_name(text: &str, span: Option<Span>) -> String {
    let name = span.map_or("", |s| s.text(text));
    ["The ", "the ", "A ", "a ", "An ", "an "]
        .iter()
        .find_map(|a| name.strip_prefix(a))
        .unwrap_or(name)
        .to_string()
}

/// How many words a source phrase may have.
const SOURCE_WORDS: usize = 9;

/// The source a sentence attributes its figures to, as a phrase: "according
/// to the Madrid tenants' union" → "the Madrid tenants' union"; "A
/// spokeswoman for the Cluj children's hospital said" → its subject; "…,”
/// said John Kirby" → "John Kirby".
pub fn sentence_source(text: &str, sentence: Span, sources: &[usize]) -> Option<Span> {
    let s = text.get(sentence.start..sentence.end)?;
    // Long sentences are read only near their start, like the rules' leads.
    let mut cut = s.len().min(crate::quantity::LEAD_BYTES * 2);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let s = &s[..cut];
    let markers = &*crate::lexicon::MARKERS;
    let bytes = s.as_bytes();
    let mut verb: Option<(usize, usize)> = None;
    // Only the words the scanner flagged as possible attribution words are
    // read, each checked again within the sentence.
    let first = sources.partition_point(|&p| p < sentence.start);
    for &p in &sources[first..] {
        let i = p - sentence.start;
        if i >= bytes.len() {
            break;
        }
        if !bytes[i].is_ascii_alphabetic() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            continue;
        }
        // The probe reads the whole word: its end is the word's end.
        let (end, key) = crate::extract::gate::key_of(s, i);
        if key
            .is_none_or(|k| crate::extract::gate::GATE.flags(k) & crate::extract::gate::SOURCE == 0)
        {
            continue;
        }
        if let Some(lower) = crate::extract::words::Lower::new(&s[i..end]) {
            let w = lower.as_str();
            if markers.before_source.starts_with_word(w)
                && let Some((e, _)) = markers.before_source.match_at(s, i)
            {
                return phrase_after(s, e, SOURCE_WORDS)
                    .map(|p| Span::new(sentence.start + p.start, sentence.start + p.end));
            }
            // Verbs of saying are written in lower case ("the United States"
            // is no "states").
            if verb.is_none()
                && bytes[i].is_ascii_lowercase()
                && markers.verbs.starts_with_word(w)
                && let Some((e, figure_object)) = markers.verbs.match_at(s, i)
                && !(*figure_object && figure_follows(s, e))
            {
                verb = Some((i, e));
            }
        }
    }
    let (vs, ve) = verb?;
    // "X said …", else "…, said X" (a short name after the verb).
    let mut subject = phrase_before(s, vs).or_else(|| phrase_after(s, ve, 5))?;
    if !names_a_source(&s[subject.start..subject.end]) {
        // "CenterPoint Energy, the region's main utility, said": the name
        // before an appositive that names no speaker.
        let before = s[..subject.start].trim_end();
        subject = before
            .strip_suffix(',')
            .and_then(|b| phrase_before(s, b.len()))
            .filter(|p| p.end <= subject.start && names_a_source(&s[p.start..p.end]))?;
    }
    Some(Span::new(
        sentence.start + subject.start,
        sentence.start + subject.end,
    ))
}

/// Whether a figure follows `at` after spaces ("added 133,000", "added $5").
pub fn figure_follows(s: &str, at: usize) -> bool {
    s.get(at..)
        .unwrap_or("")
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€' | '¥'))
}

/// Whether a phrase can name a source: a proper name, or a noun for people or
/// bodies that speak ("officials", "a spokeswoman", "the agency").
fn names_a_source(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let capital = words.iter().enumerate().any(|(k, w)| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !(k == 0 && matches!(*w, "The" | "A" | "An"))
    });
    let noun = words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        // Plain ASCII words need no lower-case copy.
        let owned;
        let lower = crate::extract::words::Lower::new(w);
        let l = match &lower {
            Some(l) => l.as_str(),
            None => {
                owned = w.to_lowercase();
                owned.as_str()
            }
        };
        matches!(
            l,
            "official"
                | "officials"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "agency"
                | "ministry"
                | "government"
                | "police"
                | "organisers"
                | "organizers"
                | "union"
                | "directorate"
                | "authorities"
                | "authority"
                | "department"
                | "office"
                | "governor"
                | "minister"
                | "mayor"
                | "president"
                | "survey"
                | "institute"
                | "report"
                | "figures"
                | "data"
                | "statistics"
                | "researchers"
                | "analysts"
                | "experts"
                | "he"
                | "she"
                | "they"
                | "company"
                | "commission"
                | "council"
                | "committee"
                | "court"
                | "service"
                | "army"
                | "military"
                | "hospital"
                | "group"
                | "operator"
                | "board"
                | "bank"
                | "regulator"
                | "prosecutors"
                | "investigators"
                | "witnesses"
                | "residents"
                | "sources"
                | "media"
        )
    });
    capital || noun
}

/// Where the last clause mark of `s` starts: `, ; " “ ” ( :`. Read as
/// bytes: the curly quotes are the only marks outside ASCII.
fn rfind_clause_mark(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len()).rev().find_map(|i| match b[i] {
        b',' | b';' | b'"' | b'(' | b':' => Some(i),
        0x9c | 0x9d if i >= 2 && b[i - 2] == 0xe2 && b[i - 1] == 0x80 => Some(i - 2),
        _ => None,
    })
}

/// Where the first clause end of `s` starts: `, ; . " “ ” (` or a line break.
fn find_clause_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len()).find(|&i| match b[i] {
        b',' | b';' | b'.' | b'"' | b'(' | b'\n' => true,
        0xe2 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9c | 0x9d)),
        _ => false,
    })
}

/// The noun phrase that ends right before `at`, back to a clause boundary.
fn phrase_before(s: &str, at: usize) -> Option<Span> {
    let head = s.get(..at)?;
    let mark = rfind_clause_mark(head);
    let boundary = mark.map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    let mut start = boundary;
    // Start after "that" ("officials said that …" is handled by the verb).
    if let Some(k) = head[boundary..].rfind(" that ") {
        start = boundary + k + 6;
    }
    let mut phrase = head[start..].trim();
    // "Richard Blanchette, a spokesman for NATO, said": the appositive names
    // the speaker when nothing stands between the comma and the verb.
    if phrase.is_empty()
        && let Some(m) = mark
    {
        let before = &head[..m];
        start = rfind_clause_mark(before).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        phrase = head[start..m].trim();
    }
    // "Iran also said", "police have since said": adverbs and auxiliaries
    // between the speaker and the verb are not part of the name.
    while let Some((rest, last)) = phrase.rsplit_once(' ')
        && is_adverb_or_auxiliary(last)
    {
        phrase = rest.trim_end();
    }
    let words = phrase.split_whitespace().count();
    if words == 0 || words > SOURCE_WORDS || phrase.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let offset = start + (head[start..].len() - head[start..].trim_start().len());
    Some(Span::new(offset, offset + phrase.len()))
}

/// Whether a word between a speaker and a verb of saying is an adverb or an
/// auxiliary ("also", "later", "previously", "has", "had").
fn is_adverb_or_auxiliary(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase()))
        || matches!(
            w,
            "also"
                | "later"
                | "earlier"
                | "again"
                | "then"
                | "now"
                | "since"
                | "still"
                | "has"
                | "have"
                | "had"
                | "was"
                | "were"
                | "is"
                | "are"
                | "will"
                | "would"
        )
}

/// The phrase that starts after `at`, to the end of its clause.
fn phrase_after(s: &str, at: usize, max_words: usize) -> Option<Span> {
    let tail = s.get(at..)?;
    let end = find_clause_end(tail).unwrap_or(tail.len());
    let phrase = tail[..end].trim();
    let words = phrase.split_whitespace().count();
    if words == 0 || words > max_words || phrase.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let offset = at + (tail.len() - tail.trim_start().len());
    Some(Span::new(offset, offset + phrase.len()))
}

/// Normalises a source phrase: lower case, without leading "the".
fn source_key(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut trimmed = lower.as_str();
    for article in ["the ", "a ", "an "] {
        trimmed = trimmed.strip_prefix(article).unwrap_or(trimmed);
    }
    trimmed.trim().to_string()
}

/// The claims of all quantities, in the same order.
pub fn claims(text: &str, quantities: &[Quantity]) -> Vec<Claim> {
    let marks = crate::extract::context::Marks::of(text);
    claims_with(text, quantities, &marks.sources)
}

/// [`claims`] with the attribution words a [`crate::extract::scan`] of the
/// same text found, so the text is not read again for them.
pub fn claims_with(text: &str, quantities: &[Quantity], sources: &[usize]) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::with_capacity(quantities.len());
    let mut paragraphs = Paragraphs {
        text,
        scanned: 0,
        start: 0,
    };
    // The last named source, and the paragraph it was named in, for pronouns
    // and for sentences that continue a quote.
    let mut last_named: Option<(std::sync::Arc<str>, Span, usize)> = None;
    // The last attribution's normalised key.
    let mut key_cache: Option<(Span, std::sync::Arc<str>)> = None;
    // The source of the current sentence, found once per sentence.
    let mut sentence_cache: Option<(Span, Option<Span>)> = None;
    // The words of the current sentence, looked up once.
    let mut sentence_words = SentenceWords::default();
    // The places fronted at the start of the current sentence and paragraph.
    let mut fronted = FrontedPlaces::default();
    let mut fronted_paragraph = FrontedPlaces::default();
    for (i, q) in quantities.iter().enumerate() {
        let paragraph = paragraphs.start_of(q.span.start);
        let attribution = match sentence_cache {
            Some((s, a)) if s == q.sentence => a,
            _ => {
                let a = sentence_source(text, q.sentence, sources).or(q.attribution);
                sentence_cache = Some((q.sentence, a));
                a
            }
        };
        let (source, source_span) = match attribution {
            Some(a) => {
                // Figures of one sentence share its attribution: its key is made once.
                let key = match &key_cache {
                    Some((span, key)) if *span == a => key.clone(),
                    _ => {
                        let key: std::sync::Arc<str> = source_key(a.text(text)).into();
                        key_cache = Some((a, key.clone()));
                        key
                    }
                };
                if is_pronoun(&key) {
                    match &last_named {
                        Some((name, span, _)) => (Some(name.clone()), Some(*span)),
                        None => (None, None),
                    }
                } else {
                    last_named = Some((key.clone(), a, paragraph));
                    (Some(key), Some(a))
                }
            }
            None => match &last_named {
                // An unattributed sentence in the same paragraph continues the source.
                Some((name, span, p)) if *p == paragraph => (Some(name.clone()), Some(*span)),
                _ => (None, None),
            },
        };
        // "the 950 homes": a definite figure refers back to what the article
        // has established; it is not the new claim of the sentence's source.
        let (source, source_span) = if is_definite(text, q) {
            (None, None)
        } else {
            (source, source_span)
        };
        let role = q.marker.map(|m| m.role);
        // Dates, clock times and ordinals count nothing: no check compares
        // them by subject, frame or scope, so only their source and role are kept.
        if matches!(q.kind, Kind::Date | Kind::Time | Kind::Ordinal) {
            out.push(Claim {
                head: None,
                modifiers: Vec::new(),
                source,
                source_span,
                role,
                frames: Vec::new(),
                year: None,
                scope: Vec::new(),
                lumped: Vec::new(),
                lumped_frames: Vec::new(),
                labelled: false,
                irrealis: false,
                period: Vec::new(),
            });
            continue;
        }
        // A bare figure after a level verb: its clause's subject ("Road
        // deaths … rose to 296"), read once for the subject and the frames.
        let level_subject = if q.kind == Kind::Number && q.noun.is_none() {
            subject_before(text, q)
        } else {
            Vec::new()
        };
        let clause = clause_of(text, q);
        let words = sentence_words.read(text, q.sentence);
        let label = label_before(text, q);
        let labelled = label.is_some();
        let (head, modifiers, lumped) = match label {
            Some(l) => (Some(l), Vec::new(), Vec::new()),
            None => subject(text, q, &level_subject),
        };
        out.push(Claim {
            head,
            modifiers,
            source,
            source_span,
            role,
            frames: frames(text, quantities, i, &level_subject),
            scope: with_fronted_places(
                scope(text, q, attribution),
                fronted.of(text, q.sentence.start),
                fronted_paragraph.of(text, paragraph),
            ),
            lumped,
            lumped_frames: lumped_frames(text, q),
            labelled,
            year: year_of(text, quantities, i),
            irrealis: irrealis(text, q, clause, words),
            period: period(text, quantities, i, clause, words),
        });
    }
    out
}

/// The frames of quantity `i`: frame classes and verb forms in a window
/// around it, bounded by its sentence and the neighbouring figures.
fn frames(
    text: &str,
    qs: &[Quantity],
    i: usize,
    level_subject: &[String],
) -> Vec<Cow<'static, str>> {
    let q = &qs[i];
    let lo = i
        .checked_sub(1)
        .map(|j| qs[j].span.end)
        .unwrap_or(0)
        .max(q.sentence.start)
        .max(q.span.start.saturating_sub(50));
    let mut lo = lo;
    while lo < q.span.start && !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = qs
        .get(i + 1)
        .map_or(text.len(), |n| n.span.start)
        .min(q.sentence.end)
        .min(q.span.end + 60);
    while hi > q.span.end && !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let lex = &*crate::lexicon::FRAMES;
    // A word's frame class, else (with `verbs`) the lemma of the verb it is
    // a form of, unless that verb says nothing of the claim ("said").
    let frame_of = |w: &str, verbs: bool| -> Option<Cow<'static, str>> {
        let lower = crate::extract::words::Lower::new(w)?;
        let l = lower.as_str();
        if let Some(class) = lex.class_of.get(l) {
            // The lexicon is static: its class names need no copy.
            return Some(Cow::Borrowed(class.as_str()));
        }
        // A capitalised word is a name ("United States"), not a verb.
        if !verbs || lex.ignore.contains(l) || w.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let lemma = crate::verbs::lemma(l)?;
        if lex.ignore.contains(lemma) || lex.class_of.contains_key(lemma) {
            return lex.class_of.get(lemma).map(|c| Cow::Borrowed(c.as_str()));
        }
        if let Some(class) = lex.class_of_verb.get(lemma) {
            return Some(Cow::Borrowed(class.as_str()));
        }
        Some(Cow::Borrowed(lemma))
    };
    let mut out: Vec<Cow<'static, str>> = Vec::new();
    // The nearest frame word before the figure, within its clause: a verb
    // unless a determiner makes it a noun ("the water").
    let mut back = frame_words_back(text.get(lo..q.span.start.max(lo)).unwrap_or("")).peekable();
    // Past an "of", the figure is a noun's complement ("evidence of the
    // presence of these 2,000 soldiers"): only frame classes are read there.
    let mut complement = false;
    let mut nearest = true;
    while let Some(w) = back.next() {
        if w == "," {
            break;
        }
        // "the economy added 133,000 jobs": a verb of saying with the figure
        // right after it is the figure's own verb.
        if std::mem::take(&mut nearest)
            && let Some(l) = crate::extract::words::Lower::new(w)
            && let Some((e, true)) = crate::lexicon::MARKERS.verbs.match_at(l.as_str(), 0)
            && e == l.as_str().len()
            && let Some(lemma) = crate::verbs::lemma(l.as_str())
        {
            out.push(Cow::Borrowed(
                lex.class_of.get(lemma).map_or(lemma, |c| c.as_str()),
            ));
            break;
        }
        if w.eq_ignore_ascii_case("of") {
            complement = true;
            continue;
        }
        let after_determiner = back.peek().is_some_and(|p| {
            crate::extract::words::Lower::new(p)
                .is_some_and(|l| lex.determiners.contains(l.as_str()))
        });
        if let Some(f) = frame_of(w, !after_determiner && !complement) {
            out.push(f);
            break;
        }
    }
    // A bare figure's subject can carry the frame ("Road deaths … rose to 296").
    if q.kind == Kind::Number && q.noun.is_none() {
        for w in level_subject {
            if let Some(f) = frame_of(w, false)
                && !out.contains(&f)
            {
                out.push(f);
            }
        }
    }
    // The figure's own noun phrase can carry the frame ("1,200 deaths").
    for w in frame_words(q.noun.map_or("", |n| n.text(text))) {
        if let Some(f) = frame_of(w, false)
            && !out.contains(&f)
        {
            out.push(f);
        }
    }
    // Words right after it, up to the end of its clause ("homes lost to the fire").
    let mut after_auxiliary = false;
    let after = text.get(q.span.end.min(hi)..hi).unwrap_or("");
    for w in frame_words(after) {
        if w == ","
            || ["and", "but", "which", "who", "while", "whereas"]
                .iter()
                .any(|b| w.eq_ignore_ascii_case(b))
        {
            break;
        }
        // After the figure a verb is read when its form is verbal ("jobs
        // lost", "people evacuating") or an auxiliary stands before it ("will
        // be cut"); other words there are nouns of the clause.
        let lower = crate::extract::words::Lower::new(w);
        let l = lower.as_ref().map_or("", |l| l.as_str());
        // "the 2.54 million garments it supplies": after a subject pronoun,
        // a word is the verb of a relative clause whose object is the figure.
        // (`w` is a slice of `after`: its offset there is where it starts.)
        let at = (w.as_ptr() as usize).saturating_sub(after.as_ptr() as usize);
        let after_pronoun = after
            .get(..at)
            .unwrap_or("")
            .split(|c: char| !c.is_alphabetic())
            .rfind(|p| !p.is_empty())
            .is_some_and(|p| is_pronoun(&p.to_ascii_lowercase()));
        let verbal = after_auxiliary || after_pronoun || l.ends_with("ed") || l.ends_with("ing");
        after_auxiliary = lex.auxiliaries.contains(l) || (after_auxiliary && l == "been");
        if let Some(f) = frame_of(w, verbal)
            && !out.contains(&f)
        {
            out.push(f);
        }
    }
    out
}

/// The proper nouns of the figure's clause, before and after it, leaving
/// out the source, dates, the figure's own noun phrase and the sentence's
/// first word: the places and groups the figure is scoped to.
fn scope(text: &str, q: &Quantity, source: Option<Span>) -> Vec<String> {
    let lead_start = q.lead_start(text);
    let mut after_end = (q.span.end + 80).min(q.sentence.end);
    while after_end > q.span.end && !text.is_char_boundary(after_end) {
        after_end -= 1;
    }
    let after = text.get(q.span.end..after_end).unwrap_or("");
    let clause_end = q.span.end
        + after
            .bytes()
            .position(|b| matches!(b, b',' | b';' | b':' | b'(' | b'.'))
            .unwrap_or(after.len());
    // A word (split on spaces) at `at` that names a place or group, in lower case.
    let proper = |w: &str, at: usize| -> Option<String> {
        // Most words start in lower case: skip them before trimming.
        if w.as_bytes()
            .first()
            .is_none_or(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            return None;
        }
        let word = w.trim_matches(|c: char| !c.is_alphanumeric());
        let first = word.chars().next()?;
        if !first.is_uppercase() || at == q.sentence.start {
            return None;
        }
        if source
            .or(q.attribution)
            .is_some_and(|a| a.start <= at && at < a.end)
            || q.noun.is_some_and(|n| n.start <= at && at < n.end)
        {
            return None;
        }
        // Plain ASCII words are lower-cased on the stack; only a kept word is copied.
        let small = crate::extract::words::Lower::new(word);
        let owned;
        let lower = match &small {
            Some(l) => l.as_str(),
            None => {
                owned = word.to_lowercase();
                owned.as_str()
            }
        };
        if crate::extract::date::starts_date(lower)
            || matches!(lower, "i" | "mr" | "mrs" | "ms" | "dr" | "the")
        {
            return None;
        }
        Some(lower.to_string())
    };
    let mut found: Vec<String> = Vec::new();
    // Before the figure only the last proper noun counts ("The Colombian
    // city of Cali" is about Cali): read back from the figure to the first.
    // Words are read back from the figure to the start of its clause (a
    // comma, semicolon, colon or bracket) within the figure's lead.
    let before = text.get(lead_start..q.span.start).unwrap_or("");
    let bytes = before.as_bytes();
    let is_clause_mark = |b: u8| matches!(b, b',' | b';' | b':' | b'(');
    let mut end = bytes.len();
    loop {
        let mut start = end;
        while start > 0 && bytes[start - 1] != b' ' && !is_clause_mark(bytes[start - 1]) {
            start -= 1;
        }
        // A clause mark inside a word ends the clause there: only the part
        // after it is read ("Berlin,Paris" → "Paris").
        let clause_ends = start > 0 && is_clause_mark(bytes[start - 1]);
        if let Some(p) = proper(&before[start..end], lead_start + start) {
            found.push(p);
            break;
        }
        if start == 0 || clause_ends {
            break;
        }
        end = start - 1;
    }
    // After it, every one ("at Russian bases").
    let after = text.get(q.span.end..clause_end).unwrap_or("");
    let bytes = after.as_bytes();
    let mut start = 0;
    while start <= bytes.len() {
        let mut end = start;
        while end < bytes.len() && bytes[end] != b' ' {
            end += 1;
        }
        if let Some(p) = proper(&after[start..end], q.span.end + start)
            && !found.contains(&p)
        {
            found.push(p);
        }
        start = end + 1;
    }
    found
}

/// A place fronted at the start of a sentence or paragraph ("In Adelaide,
/// the premier told a rally …"; a paragraph opening "In Perth …") scopes the
/// figures after it.
fn with_fronted_places(
    mut scope: Vec<String>,
    sentence: &[String],
    paragraph: &[String],
) -> Vec<String> {
    for place in sentence.iter().chain(paragraph) {
        if !scope.contains(place) {
            scope.push(place.clone());
        }
    }
    scope
}

/// The [`fronted_places`] of the last sentence or paragraph start asked
/// for: the figures of one sentence share them.
#[derive(Default)]
struct FrontedPlaces {
    start: Option<usize>,
    places: Vec<String>,
}

impl FrontedPlaces {
    fn of(&mut self, text: &str, start: usize) -> &[String] {
        if self.start != Some(start) {
            self.start = Some(start);
            self.places = fronted_places(text, start);
        }
        &self.places
    }
}

/// How long an opening place phrase may be, in bytes ("Across the border
/// in India's Punjab state,").
const FRONTED_BYTES: usize = 80;

/// How many words an opening place phrase may have.
const FRONTED_WORDS: usize = 8;

/// "In Adelaide, …" → "adelaide"; "Across the border in India's Punjab
/// state, …" → "india", "punjab": the proper nouns of an opening phrase
/// that starts with a preposition of place (`place_prepositions` in
/// `rules/lists.toml`) and ends with a comma; after "In", a place named
/// without a comma ("In Perth the premier …") too.
fn fronted_places(text: &str, start: usize) -> Vec<String> {
    let Some(rest) = text.get(start..) else {
        return Vec::new();
    };
    let rest = rest.trim_start();
    let mut cut = rest.len().min(FRONTED_BYTES);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &rest[..cut];
    let first = head.split_whitespace().next().unwrap_or("");
    let opens = crate::extract::words::Lower::new(first).is_some_and(|w| {
        crate::lexicon::LISTS
            .place_prepositions
            .contains(w.as_str())
            && first.starts_with(|c: char| c.is_uppercase())
    });
    if !opens {
        return Vec::new();
    }
    // A phrase of place names where it is: no figure, no verb ("In an
    // attempt to start a debate over freedom of speech in Denmark, …" is
    // about why, not where).
    let of_place = |p: &str| {
        !p.contains(|c: char| c.is_ascii_digit())
            && p.split_whitespace().count() <= FRONTED_WORDS
            && p.split_whitespace().all(|w| {
                let w = w.to_ascii_lowercase();
                w != "to" && !(w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed")))
            })
    };
    let phrase = match head.find([',', '.', ';', ':', '\n']) {
        Some(k) if head.as_bytes()[k] == b',' && of_place(&head[..k]) => &head[..k],
        // Without a comma, only the word right after "In" ("In Perth the
        // premier told a rally …").
        _ if first == "In" => head
            .get(3..)
            .and_then(|a| a.split_whitespace().next())
            .unwrap_or(""),
        _ => return Vec::new(),
    };
    // The opening preposition is no name.
    let opener = phrase.split_whitespace().next() == Some(first);
    phrase
        .split_whitespace()
        .skip(usize::from(opener))
        .filter_map(|w| {
            let w = w
                .trim_end_matches("'s")
                .trim_end_matches("\u{2019}s")
                .trim_matches(|c: char| !c.is_alphabetic());
            let lower = w.to_lowercase();
            (w.starts_with(|c: char| c.is_uppercase())
                && !crate::extract::date::starts_date(&lower))
            .then_some(lower)
        })
        .collect()
}

/// Whether two proper nouns name the same place or group, allowing for
/// demonyms: "russia" and "russian", "colombia" and "colombian".
fn same_name(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    a == b || short.len() >= 5 && long.starts_with(short) && long.len() - short.len() <= 3
}

/// Whether two figures are about the same place or group: either names
/// none, or they share one.
pub fn same_scope(a: &Claim, b: &Claim) -> bool {
    a.scope.is_empty()
        || b.scope.is_empty()
        || a.scope
            .iter()
            .any(|x| b.scope.iter().any(|y| same_name(x, y)))
}

/// "34 people were dead or missing": two frame classes joined by "or"/"and"
/// in the predicate right after the figure.
fn lumped_frames(text: &str, q: &Quantity) -> Vec<Cow<'static, str>> {
    let lex = &*crate::lexicon::FRAMES;
    let mut end = (q.span.end + 60).min(q.sentence.end);
    while end > q.span.end && !text.is_char_boundary(end) {
        end -= 1;
    }
    let after = text.get(q.span.end..end).unwrap_or("");
    // Cheap test first: "or" or "and" standing as a word.
    let b = after.as_bytes();
    let boundary = |k: usize| b.get(k).is_none_or(|c| !c.is_ascii_alphabetic());
    let joined = (0..b.len()).any(|k| {
        matches!(b[k] | 0x20, b'o' | b'a')
            && (k == 0 || boundary(k - 1))
            && [&b"or"[..], &b"and"[..]].iter().any(|w| {
                b.get(k..k + w.len())
                    .is_some_and(|x| x.eq_ignore_ascii_case(w))
                    && boundary(k + w.len())
            })
    });
    if !joined {
        return Vec::new();
    }
    let mut first = [""; 6];
    let mut len = 0;
    for w in after
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(first.len())
    {
        first[len] = w;
        len += 1;
    }
    let words = &first[..len];
    let class = |w: &str| {
        crate::extract::words::Lower::new(w)
            .and_then(|l| lex.class_of.get(l.as_str()))
            .map(|c| Cow::Borrowed(c.as_str()))
    };
    for (k, w) in words.iter().enumerate() {
        if !(w.eq_ignore_ascii_case("or") || w.eq_ignore_ascii_case("and")) || k == 0 {
            continue;
        }
        // Only auxiliaries may stand before the first predicate word.
        let lead_ok = words[..k - 1].iter().all(|a| {
            crate::extract::words::Lower::new(a).is_some_and(|l| {
                matches!(
                    l.as_str(),
                    "were"
                        | "was"
                        | "are"
                        | "is"
                        | "had"
                        | "have"
                        | "has"
                        | "been"
                        | "being"
                        | "either"
                )
            })
        });
        if let (true, Some(a), Some(b)) = (
            lead_ok,
            class(words[k - 1]),
            words.get(k + 1).and_then(|w| class(w)),
        ) && a != b
        {
            return vec![a, b];
        }
    }
    Vec::new()
}

/// Words longer than two letters, and commas (they bound clauses).
fn frame_words(s: &str) -> impl Iterator<Item = &str> {
    let mut chars = s.char_indices();
    // A comma that ended the word just given.
    let mut comma = false;
    std::iter::from_fn(move || {
        if std::mem::take(&mut comma) {
            return Some(",");
        }
        let mut start = None;
        loop {
            let Some((i, c)) = chars.next() else {
                return start.filter(|&st| s.len() - st > 2).map(|st| &s[st..]);
            };
            if c.is_alphabetic() {
                start.get_or_insert(i);
                continue;
            }
            let word = start.take().filter(|&st| i - st > 2).map(|st| &s[st..i]);
            match word {
                Some(w) => {
                    comma = c == ',';
                    return Some(w);
                }
                None if c == ',' => return Some(","),
                None => {}
            }
        }
    })
}

/// `frame_words` read back from the end, nearest first.
fn frame_words_back(s: &str) -> impl Iterator<Item = &str> {
    let mut chars = s.char_indices();
    // A comma that starts (read forward) the word just given.
    let mut comma = false;
    std::iter::from_fn(move || {
        if std::mem::take(&mut comma) {
            return Some(",");
        }
        let mut end = None;
        loop {
            let Some((i, c)) = chars.next_back() else {
                return end
                    .filter(|&e| e > 2 || s[..e].eq_ignore_ascii_case("of"))
                    .map(|e| &s[..e]);
            };
            if c.is_alphabetic() {
                end.get_or_insert(i + c.len_utf8());
                continue;
            }
            let start = i + c.len_utf8();
            // Words of three letters or more, and "of" (it ends a verb's reach).
            match end
                .take()
                .filter(|&e| e - start > 2 || s[start..e].eq_ignore_ascii_case("of"))
            {
                Some(e) => {
                    comma = matches!(c, ',' | ';');
                    return Some(&s[start..e]);
                }
                // A semicolon ends a clause as a comma does.
                None if matches!(c, ',' | ';') => return Some(","),
                None => {}
            }
        }
    })
}

/// The year a figure is for: a date right after it in its clause ("296 in
/// 2023"), else the nearest date before it with no other figure between
/// ("in 2007, 901 soldiers").
fn year_of(text: &str, qs: &[Quantity], i: usize) -> Option<i16> {
    let q = &qs[i];
    let year = |d: &Quantity| match (&d.kind, &d.value) {
        (Kind::Date, crate::quantity::Value::Date(Some(c))) => Some(c.year),
        _ => None,
    };
    if let Some(next) = qs.get(i + 1)
        && next.sentence == q.sentence
        && let Some(y) = year(next)
        && !text
            .get(q.span.end..next.span.start)
            .unwrap_or(",")
            .contains([',', ';'])
    {
        return Some(y);
    }
    qs[..i]
        .iter()
        .rev()
        .take(4)
        .take_while(|p| p.sentence == q.sentence)
        .find(|p| p.kind == Kind::Date || !matches!(p.kind, Kind::Time | Kind::Ordinal))
        .and_then(year)
}

/// Whether two figures are for the same year, when both name one.
fn years_agree(a: &Claim, b: &Claim) -> bool {
    match (a.year, b.year) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Whether two claims say the same thing of their subject: their frames meet,
/// and they are for the same year (when both name one).
pub fn same_frame(a: &Claim, b: &Claim) -> bool {
    years_agree(a, b) && a.frames.iter().any(|f| b.frames.contains(f))
}

/// The figure's clause within its sentence: from the clause mark before it
/// to the one after it (commas, semicolons, colons, brackets, dashes).
fn clause_of(text: &str, q: &Quantity) -> Span {
    let is_mark = |b: u8| matches!(b, b',' | b';' | b':' | b'(' | b')');
    let bytes = text.as_bytes();
    let lo = q.sentence.start.max(q.span.start.saturating_sub(200));
    let start = bytes[lo..q.span.start]
        .iter()
        .rposition(|&b| is_mark(b))
        .map_or(lo, |k| lo + k + 1);
    let hi = q.sentence.end.min(q.span.end + 200).min(text.len());
    let end = bytes[q.span.end.min(hi)..hi]
        .iter()
        .position(|&b| is_mark(b))
        .map_or(hi, |k| q.span.end + k);
    Span::new(start, end.max(q.span.end))
}

/// Whether a figure is said as expected, planned or possible: an irrealis
/// word before it in its clause ("plans to cut", "is
/// expected to reach", "could affect"), or an infinitive "to" before the
/// verb that governs it ("GM to cut 10,000 jobs").
fn irrealis(text: &str, q: &Quantity, clause: Span, words: &[Word]) -> bool {
    let before = crate::sentence_words::within(words, Span::new(clause.start, q.span.start));
    // Anywhere before it in its clause: "Analysts predicted that … 660,000
    // jobs eliminated".
    if before.iter().any(|w| w.flags & IRREALIS != 0) {
        return true;
    }
    let lower = |w: &Word| crate::extract::words::Lower::in_text(text, w.start, w.end);
    // "to" right before the verb that governs the figure.
    matches!(before, [.., to, verb] if text[to.start..to.end].eq_ignore_ascii_case("to")
        && lower(verb).is_some_and(|l| crate::verbs::lemma(l.as_str()).is_some()))
        || {
            // After the figure: "11,000 jobs will be cut".
            crate::sentence_words::within(words, Span::new(q.span.end, clause.end))
                .iter()
                .take(2)
                .any(|w| w.flags & IRREALIS != 0)
        }
}

/// The periods a figure's clause names: its dates and durations after it
/// ("296 in 2023", "last month") and phrases of a period word after a period modifier ("in
/// its current financial year", "this year"), lower case.
fn period(text: &str, qs: &[Quantity], i: usize, clause: Span, words: &[Word]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Dates before the figure are often when it was said ("said on
    // Wednesday that there are 3,000"): only those after it are its period.
    for p in &qs[i + 1..] {
        if p.span.start >= clause.end {
            break;
        }
        if matches!(p.kind, Kind::Date | Kind::Duration) {
            out.push(p.span.text(text).to_lowercase());
        }
    }
    let lex = &*crate::lexicon::FRAMES;
    let words = crate::sentence_words::within(words, clause);
    for (k, w) in words.iter().enumerate() {
        if w.flags & PERIOD_NOUN == 0 || k == 0 {
            continue;
        }
        let mods: Vec<String> = words[..k]
            .iter()
            .rev()
            .take(3)
            .map(|m| text[m.start..m.end].to_lowercase())
            .take_while(|m| lex.period_modifiers.contains(m.as_str()))
            .collect();
        if !mods.is_empty() {
            let mut phrase: Vec<String> = mods.into_iter().rev().collect();
            phrase.push(text[w.start..w.end].to_ascii_lowercase());
            let phrase = phrase.join(" ");
            if !out.iter().any(|o| o.contains(&phrase)) {
                out.push(phrase);
            }
        }
    }
    out
}

/// Whether two figures are for different periods: both name periods and no
/// period of one is named by the other.
pub fn periods_differ(a: &Claim, b: &Claim) -> bool {
    !a.period.is_empty() && !b.period.is_empty() && !a.period.iter().any(|x| b.period.contains(x))
}

/// Whether nothing said of two figures tells them apart: their frames meet
/// or one has none, and they are for the same year when both name one.
pub fn frames_compatible(a: &Claim, b: &Claim) -> bool {
    years_agree(a, b)
        && (a.frames.is_empty()
            || b.frames.is_empty()
            || a.frames.iter().any(|f| b.frames.contains(f)))
}

/// Whether a figure is written as already known: "the 950 homes", "these 3,000".
fn is_definite(text: &str, q: &Quantity) -> bool {
    let before = q.lead(text);
    let last = before.split_whitespace().next_back().unwrap_or("");
    ["the", "these", "those"]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w))
}

/// Paragraph starts for figures in text order, found in one forward pass.
struct Paragraphs<'t> {
    text: &'t str,
    /// How far the text has been scanned for line breaks.
    scanned: usize,
    /// The start of the paragraph holding `scanned`.
    start: usize,
}

impl Paragraphs<'_> {
    /// The start of the paragraph holding `at` (paragraphs end at line
    /// breaks); `at` must not decrease between calls.
    fn start_of(&mut self, at: usize) -> usize {
        let at = at.min(self.text.len());
        if at > self.scanned {
            let bytes = &self.text.as_bytes()[self.scanned..at];
            if let Some(i) = bytes.iter().rposition(|&b| b == b'\n') {
                self.start = self.scanned + i + 1;
            }
            self.scanned = at;
        }
        self.start
    }
}

/// The subject's head lemma, its modifiers, and the categories it lumps.
fn subject(
    text: &str,
    q: &Quantity,
    level_subject: &[String],
) -> (Option<Cow<'static, str>>, Vec<String>, Vec<String>) {
    match q.kind {
        Kind::Count => {
            // Borrowed where already lower case: only kept modifiers are copied.
            let words: Vec<Cow<'_, str>> = q
                .noun
                .map(|n| n.text(text))
                .unwrap_or("")
                .split_whitespace()
                .map(crate::checks::lower)
                .collect();
            // "shut down 4 airlines and grounds 5 others": a word after "and"
            // that a figure follows is a verb of a new clause, not a noun.
            let mut words = words;
            let verb_follows = q.noun.is_some_and(|n| {
                text.get(n.end..)
                    .unwrap_or("")
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())
            });
            if verb_follows && let Some(k) = words.iter().position(|w| w == "and" || w == "or") {
                words.truncate(k);
            }
            noun_subject(q.unit.clone(), &words)
        }
        Kind::Number if q.noun.is_none() => {
            // "estimated the crowd at 12,000": the thing estimated.
            if let Some(object) = estimated_object(text, q) {
                return (Some(object), Vec::new(), Vec::new());
            }
            // "in front of a crowd of 81,452": the group the figure sizes.
            if let Some(group) = sized_group(text, q) {
                return (Some(group), Vec::new(), Vec::new());
            }
            // "Road deaths … rose to 296": the clause's subject before its verb.
            let words = level_subject;
            if words.is_empty() {
                return (None, Vec::new(), Vec::new());
            }
            let coordinated = words.iter().any(|w| w == "and" || w == "or");
            let head = if coordinated {
                let heads: Vec<String> = words
                    .split(|w| w == "and" || w == "or")
                    .filter_map(|part| part.last())
                    .map(|w| crate::extract::noun::lemmatize(w))
                    .collect();
                Some(heads.join(" and "))
            } else {
                words.last().map(|w| crate::extract::noun::lemmatize(w))
            };
            noun_subject(head, words)
        }
        Kind::Money | Kind::Measure | Kind::Percent | Kind::Duration => {
            (q.unit.as_deref().map(unit_code), Vec::new(), Vec::new())
        }
        _ => (None, Vec::new(), Vec::new()),
    }
}

/// A unit code as a claim's head, borrowed from the static units lexicon
/// when it is one of its codes (they all are, as the scanner sets them).
fn unit_code(code: &str) -> Cow<'static, str> {
    match crate::units::lookup(code) {
        Some(u) if u.code == code => Cow::Borrowed(u.code.as_str()),
        _ => Cow::Owned(code.to_string()),
    }
}

/// The subject a lemma counts in ("crowd" → "person").
fn canonical(lemma: String) -> Cow<'static, str> {
    match crate::lexicon::SUBJECTS.same.get(&lemma) {
        // The lexicon is static: its subjects need no copy.
        Some(s) => Cow::Borrowed(s.as_str()),
        None => Cow::Owned(lemma),
    }
}

/// A label noun right before a bare figure: "magnitude 6.8".
fn label_before(text: &str, q: &Quantity) -> Option<Cow<'static, str>> {
    if !matches!(q.kind, Kind::Number | Kind::Count) {
        return None;
    }
    let word = q.lead(text).split_whitespace().next_back()?;
    let lower = crate::extract::words::Lower::new(word)?;
    crate::lexicon::SUBJECTS
        .labels
        .get(lower.as_str())
        .map(|l| Cow::Borrowed(l.as_str()))
}

/// "estimated the crowd at 12,000", "put the toll at 45": the object of an
/// estimate, for a bare figure after "at".
/// The group a bare figure is the size of: "a crowd of 81,452", "its
/// workforce of 20,000" — a determiner, a noun whose WordNet class is a
/// group or kind of people (`[[class]]` in `rules/nouns.toml`), then "of".
/// Other nouns there name a measure or a role ("a total of", "a height
/// of", "a majority of"), not what is counted.
fn sized_group(text: &str, q: &Quantity) -> Option<Cow<'static, str>> {
    use crate::nouns::NounClass;
    let mut words = q.lead(text).split_whitespace().rev();
    if !words.next()?.eq_ignore_ascii_case("of") {
        return None;
    }
    let noun = words.next()?;
    let determiner = crate::extract::words::Lower::new(words.next()?)?;
    if !crate::lexicon::FRAMES
        .determiners
        .contains(determiner.as_str())
        || !noun.bytes().all(|b| b.is_ascii_lowercase())
    {
        return None;
    }
    let class = crate::nouns::class(noun)?;
    matches!(
        class,
        NounClass::Group | NounClass::Person | NounClass::Military
    )
    .then(|| Cow::Owned(crate::extract::noun::lemmatize(noun)))
}

fn estimated_object(text: &str, q: &Quantity) -> Option<Cow<'static, str>> {
    let lead = q.lead(text).trim_end();
    if !(lead.ends_with(" at") || lead.ends_with(" At")) {
        return None;
    }
    let words: Vec<String> = q
        .lead(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let n = words.len();
    if n < 3 || words[n - 1] != "at" {
        return None;
    }
    let verb = words[..n - 2].iter().rev().take(3).any(|w| {
        matches!(
            w.as_str(),
            "estimated"
                | "estimates"
                | "estimate"
                | "put"
                | "puts"
                | "placed"
                | "pegged"
                | "set"
                | "numbered"
                | "counted"
                | "measured"
                | "gauged"
        )
    });
    verb.then(|| canonical(crate::extract::noun::lemmatize(&words[n - 2])))
}

/// Head, modifiers and lumped categories from a lemma and the phrase's words.
fn noun_subject<W: std::ops::Deref<Target = str>>(
    lemma: Option<String>,
    words: &[W],
) -> (Option<Cow<'static, str>>, Vec<String>, Vec<String>) {
    // "10,000 job losses": the event befalls jobs, so it counts jobs.
    let (lemma, words) = match (lemma, words.split_last()) {
        (Some(l), Some((_, body)))
            if crate::lexicon::SUBJECTS.counted_by_modifier.contains(&l)
                && body
                    .last()
                    .is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase())) =>
        {
            (
                body.last().map(|w| crate::extract::noun::lemmatize(w)),
                body,
            )
        }
        (l, _) => (l, words),
    };
    let Some(lemma) = lemma.map(canonical) else {
        return (None, Vec::new(), Vec::new());
    };
    // "the 48382 zip code": an identifier counts nothing.
    if words.iter().any(|w| {
        crate::lexicon::SUBJECTS
            .identifiers
            .contains(w.trim_matches(|c: char| !c.is_alphanumeric()))
    }) {
        return (None, Vec::new(), Vec::new());
    }
    if lemma.contains(" and ") {
        // Coordinated heads: "death and injury".
        let lumped = lemma.split(" and ").map(str::to_string).collect();
        return (Some(lemma), Vec::new(), lumped);
    }
    let body = &words[..words.len().saturating_sub(1)];
    let mut modifiers: Vec<String> = body
        .iter()
        .filter(|w| !matches!(&***w, "and" | "or"))
        .map(|w| w.to_string())
        .collect();
    let mut lumped = Vec::new();
    if let Some(k) = body.iter().position(|w| matches!(&**w, "and" | "or"))
        && k > 0
        && k + 1 < body.len()
    {
        // Coordinated modifiers: "confirmed and suspected cases".
        lumped = vec![body[k - 1].to_string(), body[k + 1].to_string()];
        modifiers.retain(|m| !lumped.contains(m));
    }
    (Some(lemma), modifiers, lumped)
}

/// Verbs that state a level: "rose to 296", "totalled 5,540", "stood at 12".
fn is_level_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "fell"
            | "totalled"
            | "totaled"
            | "totals"
            | "total"
            | "reached"
            | "stood"
            | "stands"
            | "numbered"
            | "climbed"
            | "dropped"
            | "increased"
            | "decreased"
            | "hit"
            | "topped"
            | "exceeded"
            | "jumped"
            | "declined"
            | "grew"
            | "was"
            | "were"
            | "is"
            | "are"
            | "came"
            | "amounted"
    )
}

/// The subject noun phrase of a figure's clause, when the figure follows a
/// level verb: "Road deaths in Victoria rose to 296" → ["road", "deaths"].
fn subject_before(text: &str, q: &Quantity) -> Vec<String> {
    let before = q.lead(text);
    // Cheap test first: a level verb among the last few words.
    let near_verb = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .take(4)
        .any(|w| crate::extract::words::Lower::new(w).is_some_and(|l| is_level_verb(l.as_str())));
    if !near_verb {
        return Vec::new();
    }
    let clause_start = before.rfind([',', ';', ':']).map_or(0, |i| i + 1);
    // Lower-case words borrowed from the text where they already are: only
    // the subject's words are copied, below.
    let words: Vec<Cow<'_, str>> = before[clause_start..]
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(crate::checks::lower)
        .collect();
    let Some(verb) = words.iter().rposition(|w| is_level_verb(w)) else {
        return Vec::new();
    };
    // Only "to"/"at"/"by" may stand between the verb and the figure.
    if words[verb + 1..].iter().any(|w| {
        !matches!(
            &**w,
            "to" | "at" | "by" | "some" | "about" | "nearly" | "almost"
        )
    }) {
        return Vec::new();
    }
    // Start after a verb of saying ("said road deaths …") or "that".
    let from = words[..verb]
        .iter()
        .rposition(|w| {
            matches!(
                &**w,
                "said" | "says" | "that" | "reported" | "showed" | "found"
            )
        })
        .map_or(0, |i| i + 1);
    let mut phrase: Vec<String> = Vec::new();
    for w in &words[from..verb] {
        if matches!(
            &**w,
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "these" | "those"
        ) && phrase.is_empty()
        {
            continue;
        }
        if matches!(
            &**w,
            "in" | "of"
                | "at"
                | "on"
                | "for"
                | "from"
                | "across"
                | "during"
                | "since"
                | "together"
                | "combined"
                | "also"
                | "now"
                | "have"
                | "has"
                | "had"
                | "last"
                | "this"
                | "overall"
        ) {
            break;
        }
        phrase.push(w.to_string());
    }
    if phrase.len() > 6 || phrase.iter().any(|w| w.chars().all(|c| c.is_ascii_digit())) {
        return Vec::new();
    }
    phrase
}

/// Whether two subjects may be the same: equal heads, and modifiers that do
/// not contradict (a bare noun may refer to a narrower earlier one).
pub fn same_subject(a: &Claim, b: &Claim) -> bool {
    match (&a.head, &b.head) {
        // Equal heads, or heads WordNet makes one subject: synonyms or a close
        // hypernym ("troops" and "soldiers", "homes" and "houses").
        (Some(x), Some(y)) if x == y || same_noun(x, y) => {
            a.modifiers.is_empty()
                || b.modifiers.is_empty()
                || a.modifiers.iter().all(|m| b.modifiers.contains(m))
                || b.modifiers.iter().all(|m| a.modifiers.contains(m))
        }
        _ => false,
    }
}

/// Whether two head lemmas name one subject by WordNet (`rules/nouns.tsv`).
/// Unit codes and labels ("usd", "magnitude") are compared as written only.
pub fn same_noun(x: &str, y: &str) -> bool {
    if !x.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    // A WordNet look-up walks hypernym chains (~15 µs); an article asks
    // about the same few pairs of heads again and again, so answers are kept
    // per thread, keyed by the ordered pair.
    thread_local! {
        static SAME: std::cell::RefCell<rustc_hash::FxHashMap<(u64, u64), bool>> =
            std::cell::RefCell::new(rustc_hash::FxHashMap::default());
    }
    let (a, b) = if x <= y { (x, y) } else { (y, x) };
    let hash = |w: &str| {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(w)
    };
    // Keyed by the two heads' hashes (a 128-bit key: no allocation per look-up).
    let key = (hash(a), hash(b));
    SAME.with(|cache| {
        if let Some(&known) = cache.borrow().get(&key) {
            return known;
        }
        let answer = crate::nouns::same_subject(a, b);
        let mut cache = cache.borrow_mut();
        // Bounded: a pathological document cannot grow it without limit.
        if cache.len() > 100_000 {
            cache.clear();
        }
        cache.insert(key, answer);
        answer
    })
}

/// Whether two claims have known, different sources.
pub fn sources_differ(a: &Claim, b: &Claim) -> bool {
    match (&a.source, &b.source) {
        (Some(x), Some(y)) => x != y && !x.contains(&**y) && !y.contains(&**x),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim_of(text: &str, figure: &str) -> Claim {
        let qs = crate::extract::extract(text, &crate::extract::Options::default());
        let i = qs
            .iter()
            .position(|q| q.span.text(text) == figure)
            .unwrap_or_else(|| panic!("no {figure:?} in {text:?}"));
        claims(text, &qs).swap_remove(i)
    }

    #[test]
    fn a_bare_figure_sizing_a_group_counts_the_group() {
        let head = |text: &str, figure: &str| claim_of(text, figure).head;
        assert_eq!(
            head("England won in front of a crowd of 81,452.", "81,452").as_deref(),
            Some("crowd")
        );
        assert_eq!(
            head("MI5 tracks 1,600 suspects with a staff of 2,800.", "2,800").as_deref(),
            Some("staff")
        );
        // A measure or a role is not what is counted.
        assert_eq!(head("The tower reached a height of 828.", "828"), None);
        assert_eq!(head("It won a majority of 12.", "12"), None);
    }

    #[test]
    fn a_verb_after_a_subject_pronoun_is_the_verb_of_its_figure() {
        let c = claim_of(
            "The 2.54 million garments it supplies would each need a device.",
            "2.54 million garments",
        );
        assert!(c.frames.iter().any(|f| f == "supply"), "{:?}", c.frames);
    }

    #[test]
    fn added_before_a_figure_is_its_verb_not_a_verb_of_saying() {
        let c = claim_of(
            "The United States economy added 133,000 jobs in July, the Bureau of Labor Statistics said.",
            "133,000 jobs",
        );
        assert_eq!(c.source.as_deref(), Some("bureau of labor statistics"));
        assert!(c.frames.iter().any(|f| f == "add"), "{:?}", c.frames);
        // Still a verb of saying before a clause.
        let c = claim_of(
            "\"It was hard,\" Smith added, as 40 people waited.",
            "40 people",
        );
        assert_ne!(c.frames.first().map(|f| &**f), Some("add"));
    }

    #[test]
    fn a_semicolon_ends_the_clause_a_frame_is_read_in() {
        let c = claim_of(
            "Icelandic government passes Icesave deal; €12,000 debt per citizen",
            "€12,000 debt",
        );
        assert!(c.frames.iter().all(|f| f != "deal"), "{:?}", c.frames);
    }

    #[test]
    fn a_speaker_is_the_name_before_an_appositive_that_names_none() {
        let c = claim_of(
            "CenterPoint Energy, the region's main utility, said 1,800 customers were without power.",
            "1,800 customers",
        );
        assert_eq!(c.source.as_deref(), Some("centerpoint energy"));
        // A phrase that is no name stays sourceless.
        let c = claim_of(
            "and its owner, the region's main utility, said 1,800 customers were without power.",
            "1,800 customers",
        );
        assert_eq!(c.source, None);
    }

    #[test]
    fn an_event_befalling_each_counted_thing_counts_the_thing() {
        let c = claim_of(
            "The 9,000 job losses will be in services.",
            "9,000 job losses",
        );
        assert_eq!(c.head.as_deref(), Some("job"));
        let c = claim_of(
            "HP will make 9,000 staff redundancies.",
            "9,000 staff redundancies",
        );
        assert_eq!(c.head.as_deref(), Some("staff"));
        // A loss alone is counted as a loss.
        let c = claim_of("The team had 9 losses.", "9 losses");
        assert_eq!(c.head.as_deref(), Some("loss"));
    }

    #[test]
    fn an_opening_place_phrase_scopes_the_figures_after_it() {
        let c = claim_of(
            "Across the border in India's Punjab state, 31 people have died in flooding.",
            "31 people",
        );
        assert!(c.scope.iter().any(|p| p == "india"), "{:?}", c.scope);
        assert!(c.scope.iter().any(|p| p == "punjab"), "{:?}", c.scope);
        let c = claim_of("In Perth the premier said 12 people died.", "12 people");
        assert!(c.scope.iter().any(|p| p == "perth"), "{:?}", c.scope);
        // Not a place phrase: no preposition of place, or no name.
        let c = claim_of(
            "Officials in Delhi, however, said 12 people died.",
            "12 people",
        );
        assert!(c.scope.iter().all(|p| p != "delhi"), "{:?}", c.scope);
        let c = claim_of("In the capital, 12 people died.", "12 people");
        assert!(c.scope.is_empty(), "{:?}", c.scope);
        let c = claim_of(
            "In an attempt to start a debate over freedom of speech in Denmark, the paper printed 12 drawings.",
            "12 drawings",
        );
        assert!(c.scope.is_empty(), "{:?}", c.scope);
    }

    #[test]
    fn adverbs_before_a_verb_of_saying_are_not_the_speaker() {
        let c = claim_of(
            "Iran also said it had 3,000 centrifuges.",
            "3,000 centrifuges",
        );
        assert_eq!(c.source.as_deref(), Some("iran"));
        let c = claim_of("Police have previously said 40 people died.", "40 people");
        assert_eq!(c.source.as_deref(), Some("police"));
    }
}
