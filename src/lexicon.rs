//! Word lexicons held as data under `rules/` and embedded in the binary:
//! vague quantifiers, bound and hedge words, context markers, attribution
//! verbs and time bases. Each is parsed once, on first use.

use std::sync::LazyLock;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::error::Error;
use crate::extract::words::{Lower, word_char_at, word_char_before};
use crate::quantity::{Approx, MarkerRole};

/// The embedded lexicon files, by name, for validation and `numcheck explain`.
pub const FILES: &[(&str, &str)] = &[
    ("rules/vague.toml", include_str!("../rules/vague.toml")),
    ("rules/bounds.toml", include_str!("../rules/bounds.toml")),
    ("rules/markers.toml", include_str!("../rules/markers.toml")),
    (
        "rules/time-bases.toml",
        include_str!("../rules/time-bases.toml"),
    ),
    ("rules/frames.toml", include_str!("../rules/frames.toml")),
    (
        "rules/subjects.toml",
        include_str!("../rules/subjects.toml"),
    ),
    ("rules/lists.toml", include_str!("../rules/lists.toml")),
];

fn parse<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, Error> {
    toml::from_str(text).map_err(|e| Error::Lexicon {
        file: file.to_string(),
        message: crate::error::toml_message(text, &e),
    })
}

fn embedded<T: for<'de> Deserialize<'de>>(file: &str) -> T {
    let text = FILES
        .iter()
        .find(|(name, _)| *name == file)
        .map_or("", |(_, text)| *text);
    match parse(file, text) {
        Ok(v) => v,
        // The embedded files are checked by `tests::embedded_lexicons_parse`.
        Err(e) => panic!("embedded lexicon is invalid: {e}"),
    }
}

/// A set of multi-word phrases, matched case-insensitively on word
/// boundaries before or after a position, longest first.
#[derive(Debug, Default)]
pub struct PhraseSet<T> {
    phrases: Vec<(Vec<String>, T)>,
    by_first: FxHashMap<String, Vec<usize>>,
    by_last: FxHashMap<String, Vec<usize>>,
}

impl<T> PhraseSet<T> {
    pub fn new() -> Self {
        PhraseSet {
            phrases: Vec::new(),
            by_first: FxHashMap::default(),
            by_last: FxHashMap::default(),
        }
    }

    pub fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = phrase
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect();
        let (Some(first), Some(last)) = (words.first().cloned(), words.last().cloned()) else {
            return;
        };
        let i = self.phrases.len();
        self.phrases.push((words, value));
        self.by_first.entry(first).or_default().push(i);
        self.by_last.entry(last).or_default().push(i);
        // Longest phrases first, so the first match is the longest.
        let phrases = &self.phrases;
        for list in [&mut self.by_first, &mut self.by_last] {
            for v in list.values_mut() {
                v.sort_by_key(|&j| std::cmp::Reverse(phrases[j].0.len()));
            }
        }
    }

    /// Whether some phrase starts with this lower-case word.
    pub fn starts_with_word(&self, lower: &str) -> bool {
        self.by_first.contains_key(lower)
    }

    /// The longest phrase that starts at `at` (a word start); returns its end.
    pub fn match_at(&self, text: &str, at: usize) -> Option<(usize, &T)> {
        // A phrase may start with punctuation ("/day"): then its first token
        // is that character and the word after it.
        let lead = text.get(at..)?.chars().next()?;
        let from = if lead.is_alphanumeric() {
            at
        } else {
            at + lead.len_utf8()
        };
        let first_end = crate::extract::words::word_end(text, from);
        let lower = Lower::in_text(text, at, first_end)?;
        let cands = self.by_first.get(lower.as_str())?;
        // Every candidate starts with this word (the look-up compared it, and
        // it ends where the word does), and the gap after it is the same for
        // all: both are read once here, not once per candidate.
        let mut gap = None;
        cands.iter().find_map(|&j| {
            let (words, value) = &self.phrases[j];
            let [_, rest @ ..] = words.as_slice() else {
                return None;
            };
            if rest.is_empty() {
                return Some((first_end, value));
            }
            let g = *gap.get_or_insert_with(|| gap_forward(text, first_end));
            let end = match_forward(text, first_end, g, rest)?;
            Some((end, value))
        })
    }

    /// The longest phrase that ends at `at` (skipping spaces before `at`);
    /// returns its start.
    pub fn match_before(&self, text: &str, at: usize) -> Option<(usize, &T)> {
        let end = gap_back(text, at);
        let start = crate::extract::words::word_start(text, end);
        if start == end {
            return None;
        }
        let lower = Lower::in_text(text, start, end)?;
        let cands = self.by_last.get(lower.as_str())?;
        // Every candidate ends with this word (the look-up compared it, and
        // no word char comes before a word's start), and the gap before it is
        // the same for all: both are read once here, not once per candidate.
        let mut gap = None;
        cands.iter().find_map(|&j| {
            let (words, value) = &self.phrases[j];
            let [rest @ .., _] = words.as_slice() else {
                return None;
            };
            if rest.is_empty() {
                return Some((start, value));
            }
            let g = *gap.get_or_insert_with(|| gap_back(text, start));
            let start = match_backward(text, start, g, rest)?;
            Some((start, value))
        })
    }

    /// The longest phrase starting after the spaces at `at`.
    pub fn match_after(&self, text: &str, at: usize) -> Option<(usize, usize, &T)> {
        let start = gap_forward(text, at);
        self.match_at(text, start)
            .map(|(end, value)| (start, end, value))
    }
}

/// Skips spaces and at most one line break forward.
fn gap_forward(text: &str, at: usize) -> usize {
    crate::extract::words::skip_gap(text, at)
}

/// Skips spaces and at most one line break backward.
fn gap_back(text: &str, i: usize) -> usize {
    crate::extract::words::skip_gap_back(text, i)
}

/// Matches `words` forward after a word ending at `at`, the gap after which
/// ends at `gap`; a word may be a punctuation token such as "/" or "%".
/// Returns the end.
fn match_forward(text: &str, at: usize, gap: usize, words: &[String]) -> Option<usize> {
    let mut i = at;
    for (k, w) in words.iter().enumerate() {
        let j = if k == 0 { gap } else { gap_forward(text, i) };
        // Punctuation-led tokens ("/day") may follow without a space.
        if j == i && w.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        i = j;
        let end = i + w.len();
        let slice = text.get(i..end)?;
        if !slice.eq_ignore_ascii_case(w) {
            return None;
        }
        if w.as_bytes().last().is_some_and(u8::is_ascii_alphanumeric) && word_char_at(text, end) {
            return None;
        }
        i = end;
    }
    Some(i)
}

/// Matches `words` backward before a word starting at `end`, the gap before
/// which starts at `gap`. Returns the start.
fn match_backward(text: &str, end: usize, gap: usize, words: &[String]) -> Option<usize> {
    let mut i = end;
    for (k, w) in words.iter().rev().enumerate() {
        let j = if k == 0 { gap } else { gap_back(text, i) };
        if j == i {
            return None;
        }
        i = j;
        let start = i.checked_sub(w.len())?;
        let slice = text.get(start..i)?;
        if !slice.eq_ignore_ascii_case(w) {
            return None;
        }
        if w.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric)
            && word_char_before(text, start)
        {
            return None;
        }
        i = start;
    }
    Some(i)
}

// ---------------------------------------------------------------- vague

/// What a vague quantifier implies.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vague {
    pub words: Vec<String>,
    pub low: Decimal,
    pub high: Option<Decimal>,
    /// A representative value (the JSON `value`).
    pub value: Decimal,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VagueFile {
    vague: Vec<Vague>,
}

pub static VAGUE: LazyLock<PhraseSet<Vague>> = LazyLock::new(|| {
    let file: VagueFile = embedded("rules/vague.toml");
    let mut set = PhraseSet::new();
    for v in file.vague {
        for w in &v.words {
            set.insert(w, v.clone());
        }
    }
    set
});

// ---------------------------------------------------------------- bounds

/// A bound or hedge word written before a number.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bound {
    pub words: Vec<String>,
    pub approx: Approx,
    /// For hedges: the relative tolerance below the value ("about": 0.1).
    #[serde(default)]
    pub below: Option<Decimal>,
    /// For hedges: the relative tolerance above the value.
    #[serde(default)]
    pub above: Option<Decimal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BoundFile {
    bound: Vec<Bound>,
}

impl<'de> Deserialize<'de> for Approx {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match s.as_str() {
            "exact" => Approx::Exact,
            "about" => Approx::About,
            "at-least" => Approx::AtLeast,
            "more-than" => Approx::MoreThan,
            "at-most" => Approx::AtMost,
            "less-than" => Approx::LessThan,
            "range" => Approx::Range,
            "vague" => Approx::Vague,
            other => {
                return Err(serde::de::Error::custom(format!(
                    "unknown approx {other:?}"
                )));
            }
        })
    }
}

pub static BOUNDS: LazyLock<PhraseSet<Bound>> = LazyLock::new(|| {
    let file: BoundFile = embedded("rules/bounds.toml");
    let mut set = PhraseSet::new();
    for b in file.bound {
        for w in &b.words {
            set.insert(w, b.clone());
        }
    }
    set
});

// ---------------------------------------------------------------- markers

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkerFile {
    increment_before: Vec<String>,
    increment_after: Vec<String>,
    /// Increment markers after which the counted noun is read ("3,000
    /// additional troops"); the others also compare ("500,000 more jobs").
    increment_before_noun: Vec<String>,
    total_before: Vec<String>,
    total_after: Vec<String>,
    part_before: Vec<String>,
    disagreement: Vec<String>,
    disagreement_after: Vec<String>,
    attribution: AttributionWords,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributionWords {
    /// Verbs of saying: "said", "told", "estimated".
    verbs: Vec<String>,
    /// Phrases that introduce the source: "according to".
    before_source: Vec<String>,
    /// Verbs of saying that take a figure as object ("added 133,000 jobs").
    figure_object: Vec<String>,
}

/// Context markers and attribution words.
pub struct Markers {
    /// Role markers written before the figure.
    pub before: PhraseSet<MarkerRole>,
    /// Role markers written after the figure or its noun.
    pub after: PhraseSet<MarkerRole>,
    /// Increment markers between a figure and its counted noun.
    pub before_noun: PhraseSet<()>,
    /// Verbs of saying; `true` for those that, followed by a figure, are
    /// its verb and say nothing ("the economy added 133,000 jobs").
    pub verbs: PhraseSet<bool>,
    pub before_source: PhraseSet<()>,
    /// Words in a figure's sentence that mark two sources as disagreeing.
    pub disagreement: Vec<String>,
    /// Words after the later figure's sentence, in its paragraph, that do.
    pub disagreement_after: Vec<String>,
}

pub static MARKERS: LazyLock<Markers> = LazyLock::new(|| {
    let file: MarkerFile = embedded("rules/markers.toml");
    let mut before = PhraseSet::new();
    for (list, role) in [
        (&file.increment_before, MarkerRole::Increment),
        (&file.total_before, MarkerRole::Total),
        (&file.part_before, MarkerRole::Part),
    ] {
        for w in list {
            before.insert(w, role);
        }
    }
    let mut after = PhraseSet::new();
    for (list, role) in [
        (&file.increment_after, MarkerRole::Increment),
        (&file.total_after, MarkerRole::Total),
    ] {
        for w in list {
            after.insert(w, role);
        }
    }
    let mut before_noun = PhraseSet::new();
    for w in &file.increment_before_noun {
        before_noun.insert(w, ());
    }
    let mut verbs = PhraseSet::new();
    for w in &file.attribution.verbs {
        verbs.insert(w, file.attribution.figure_object.contains(w));
    }
    let mut before_source = PhraseSet::new();
    for w in &file.attribution.before_source {
        before_source.insert(w, ());
    }
    Markers {
        before,
        after,
        before_noun,
        verbs,
        before_source,
        disagreement: file.disagreement,
        disagreement_after: file.disagreement_after,
    }
});

// ---------------------------------------------------------------- time bases

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeBaseFile {
    base: Vec<TimeBase>,
    /// Words after a time base that make it a point in time, not a rate.
    not_a_rate_before: Vec<String>,
    /// "-ing" words that are no participle: "200 people during a day".
    not_participles: Vec<String>,
    /// Phrases before a figure that restate the one before it on another
    /// base: "…, or", "an average of", "that amounts to".
    restates_before: Vec<String>,
    /// Words in a figure's clause that put it in another time than a plain
    /// statement: "would", "will", "expected".
    projected_before: Vec<String>,
    /// Words before a figure that count it per member of a group: "each".
    distributive_before: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeBase {
    per: String,
    /// Written after the figure: "a day", "per day", "every day", "/day".
    after: Vec<String>,
    /// Written before the counted noun: "daily", "annual".
    #[serde(default)]
    before_noun: Vec<String>,
}

/// The time bases: phrase → canonical base ("day", "week", "month", "year", "hour").
pub struct TimeBases {
    pub after: PhraseSet<&'static str>,
    pub before_noun: PhraseSet<&'static str>,
    /// "a year later", "a day ago": the word that follows (lower case).
    pub not_a_rate_before: Vec<String>,
    /// "-ing" words that are prepositions, not participles (lower case).
    pub not_participles: Vec<String>,
    /// Phrases written before a figure that restates the previous figure.
    pub restates_before: PhraseSet<()>,
    /// Words before a figure that make it a projection, not a record (lower case).
    pub projected_before: Vec<String>,
    /// Words before a figure that make it a figure per member (lower case).
    pub distributive_before: Vec<String>,
}

pub static TIME_BASES: LazyLock<TimeBases> = LazyLock::new(|| {
    let file: TimeBaseFile = embedded("rules/time-bases.toml");
    let mut after = PhraseSet::new();
    let mut before_noun = PhraseSet::new();
    for b in file.base {
        let per: &'static str = intern(&b.per);
        for w in &b.after {
            after.insert(w, per);
        }
        for w in &b.before_noun {
            before_noun.insert(w, per);
        }
    }
    let mut restates_before = PhraseSet::new();
    for w in &file.restates_before {
        restates_before.insert(w, ());
    }
    TimeBases {
        after,
        before_noun,
        not_participles: file
            .not_participles
            .iter()
            .map(|w| w.to_lowercase())
            .collect(),
        restates_before,
        projected_before: file
            .projected_before
            .iter()
            .map(|w| w.to_lowercase())
            .collect(),
        distributive_before: file
            .distributive_before
            .iter()
            .map(|w| w.to_lowercase())
            .collect(),
        not_a_rate_before: file
            .not_a_rate_before
            .iter()
            .map(|w| w.to_lowercase())
            .collect(),
    }
});

/// The canonical names of time bases, as `'static` strings.
fn intern(s: &str) -> &'static str {
    match s {
        "second" => "second",
        "minute" => "minute",
        "hour" => "hour",
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "quarter" => "quarter",
        "year" => "year",
        _ => "other",
    }
}

// ---------------------------------------------------------------- frames

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameFile {
    ignore: Vec<String>,
    determiners: Vec<String>,
    auxiliaries: Vec<String>,
    irrealis: Vec<String>,
    refer_back: Vec<String>,
    part_quantifiers: Vec<String>,
    period_nouns: Vec<String>,
    period_modifiers: Vec<String>,
    running_total: Vec<String>,
    contrast: Vec<String>,
    audience_nouns: Vec<String>,
    classes: std::collections::BTreeMap<String, Vec<String>>,
}

/// Frame words: word → class name; words that say nothing of a claim.
pub struct Frames {
    pub class_of: FxHashMap<String, String>,
    /// The class of a verb whose past form ("-ed") a class lists
    /// ("scrapped" is listed: "scrap", "scraps" and "scrapping" are read as
    /// the same verb). Read only for words used as verbs: a listed form's
    /// lemma may also be a noun ("ground"). Other listed forms keep their
    /// sense to themselves ("runs" is listed for a length, "ran" is no length).
    pub class_of_verb: FxHashMap<&'static str, String>,
    pub ignore: rustc_hash::FxHashSet<String>,
    /// Words after which a verb form is a noun ("the water", "its cut").
    pub determiners: rustc_hash::FxHashSet<String>,
    /// Words after which a verb form after a figure is its predicate
    /// ("jobs will be cut").
    pub auxiliaries: rustc_hash::FxHashSet<String>,
    /// Words that make a figure expected, planned or possible.
    pub irrealis: rustc_hash::FxHashSet<String>,
    /// Words before a figure that make it one already given ("these 2,000").
    pub refer_back: rustc_hash::FxHashSet<String>,
    /// Words that take a part of a whole named after "of" ("most of the 85,000").
    pub part_quantifiers: rustc_hash::FxHashSet<String>,
    /// Words for periods ("year", "month") and the words that fix which one
    /// ("last", "current financial").
    pub period_nouns: rustc_hash::FxHashSet<String>,
    pub period_modifiers: rustc_hash::FxHashSet<String>,
    /// Words and phrases that make a figure a running total ("so far",
    /// "since", "to date"), lower case.
    pub running_total: Vec<String>,
    /// Words and phrases that mark two figures as compared, not restated
    /// ("compared to", "by way of comparison", "against"), lower case.
    pub contrast: Vec<String>,
    /// Nouns whose figure counts the people in them ("a crowd of 81,452").
    pub audience_nouns: rustc_hash::FxHashSet<String>,
}

pub static FRAMES: LazyLock<Frames> = LazyLock::new(|| {
    let file: FrameFile = embedded("rules/frames.toml");
    let mut class_of = FxHashMap::default();
    for (class, words) in file.classes {
        for w in words {
            class_of.insert(w, class.clone());
        }
    }
    let mut class_of_verb = FxHashMap::default();
    for (w, class) in &class_of {
        if w.ends_with("ed")
            && let Some(lemma) = crate::verbs::lemma(w)
            && !class_of.contains_key(lemma)
        {
            class_of_verb.entry(lemma).or_insert_with(|| class.clone());
        }
    }
    Frames {
        class_of,
        class_of_verb,
        ignore: file.ignore.into_iter().collect(),
        determiners: file.determiners.into_iter().collect(),
        auxiliaries: file.auxiliaries.into_iter().collect(),
        irrealis: file.irrealis.into_iter().collect(),
        refer_back: file.refer_back.into_iter().collect(),
        part_quantifiers: file.part_quantifiers.into_iter().collect(),
        period_nouns: file.period_nouns.into_iter().collect(),
        period_modifiers: file.period_modifiers.into_iter().collect(),
        running_total: file.running_total,
        contrast: file.contrast,
        audience_nouns: file.audience_nouns.into_iter().collect(),
    }
});

// ---------------------------------------------------------------- lists

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListFile {
    breaks: Vec<String>,
    breaks_before_part: Vec<String>,
    previous_whole: Vec<String>,
    remainder: Vec<String>,
    place_prepositions: Vec<String>,
}

/// Words that shape lists of parts (`rules/lists.toml`).
pub struct Lists {
    /// Words anywhere between two figures that end a list.
    pub breaks: rustc_hash::FxHashSet<String>,
    /// Words that end a list only right before the next figure.
    pub breaks_before_part: rustc_hash::FxHashSet<String>,
    /// "Of these, …": words after a sentence's opening "of" that name the
    /// previous sentence's figure as the whole.
    pub previous_whole: rustc_hash::FxHashSet<String>,
    /// "the remaining 219": words that make a figure the rest of a whole.
    pub remainder: rustc_hash::FxHashSet<String>,
    /// Words after which a share's proper noun names its whole's place.
    pub place_prepositions: rustc_hash::FxHashSet<String>,
}

pub static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let file: ListFile = embedded("rules/lists.toml");
    Lists {
        breaks: file.breaks.into_iter().collect(),
        breaks_before_part: file.breaks_before_part.into_iter().collect(),
        previous_whole: file.previous_whole.into_iter().collect(),
        remainder: file.remainder.into_iter().collect(),
        place_prepositions: file.place_prepositions.into_iter().collect(),
    }
});

// ---------------------------------------------------------------- subjects

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubjectFile {
    labels: Vec<String>,
    identifiers: Vec<String>,
    counted_by_modifier: Vec<String>,
    same: std::collections::BTreeMap<String, Vec<String>>,
}

/// Subject words: synonyms mapped to the subject they count, and labels.
pub struct Subjects {
    pub same: FxHashMap<String, String>,
    /// Nouns after which a figure is an identifier ("zip code", "flight").
    pub identifiers: rustc_hash::FxHashSet<String>,
    pub labels: rustc_hash::FxHashSet<String>,
    /// Nouns for an event that happens to each of the things the noun
    /// before them names ("10,000 job losses" counts jobs).
    pub counted_by_modifier: rustc_hash::FxHashSet<String>,
}

pub static SUBJECTS: LazyLock<Subjects> = LazyLock::new(|| {
    let file: SubjectFile = embedded("rules/subjects.toml");
    let mut same = FxHashMap::default();
    for (subject, words) in file.same {
        for w in words {
            same.insert(w, subject.clone());
        }
    }
    Subjects {
        same,
        identifiers: file.identifiers.into_iter().collect(),
        labels: file.labels.into_iter().collect(),
        counted_by_modifier: file.counted_by_modifier.into_iter().collect(),
    }
});

/// Parses every embedded lexicon, reporting the first error.
pub fn validate_embedded() -> Result<(), Error> {
    for (name, text) in FILES {
        match *name {
            "rules/vague.toml" => parse::<VagueFile>(name, text).map(drop)?,
            "rules/bounds.toml" => parse::<BoundFile>(name, text).map(drop)?,
            "rules/markers.toml" => parse::<MarkerFile>(name, text).map(drop)?,
            "rules/time-bases.toml" => parse::<TimeBaseFile>(name, text).map(drop)?,
            "rules/frames.toml" => parse::<FrameFile>(name, text).map(drop)?,
            "rules/subjects.toml" => parse::<SubjectFile>(name, text).map(drop)?,
            "rules/lists.toml" => parse::<ListFile>(name, text).map(drop)?,
            _ => {}
        }
    }
    // The WordNet noun table and its settings (rules/nouns.tsv, rules/nouns.toml).
    crate::nouns::validate_embedded()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_parse() {
        validate_embedded().unwrap();
    }

    #[test]
    fn phrases_match_on_word_boundaries() {
        let mut set = PhraseSet::new();
        set.insert("more than", 1);
        set.insert("than", 2);
        set.insert("per day", 3);
        set.insert("/day", 4);
        let t = "rose by more than  3,000 per day";
        let n = t.find('3').unwrap();
        assert_eq!(set.match_before(t, n), Some((t.find("more").unwrap(), &1)));
        let end = t.find(" per").unwrap();
        assert_eq!(set.match_after(t, end).map(|m| m.2), Some(&3));
        assert_eq!(set.match_after("3/day", 1).map(|m| m.2), Some(&4));
        assert!(
            set.match_before("smore than 3", 11)
                .is_none_or(|m| *m.1 == 2)
        );
        assert!(set.match_after("per days", 0).is_none());
    }

    #[test]
    fn time_bases_and_vague_words_load() {
        assert!(TIME_BASES.after.match_at("every day", 0).is_some());
        assert!(VAGUE.match_at("tens of thousands of", 0).is_some());
        assert!(BOUNDS.match_before("at least 5", 9).is_some());
    }
}
