//! The units lexicon (`rules/units.toml`): measures, currencies, percentages
//! and time units, with conversion factors held as data.
//!
//! The lexicon is parsed and validated once, on first use. Matching a unit
//! after a number reads at most a few tokens into a stack buffer and looks each
//! prefix up in hash maps; the common case (a number followed by an ordinary
//! word) costs one lookup and no allocation.

use std::sync::LazyLock;

use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use crate::error::Error;
use crate::extract::words::{is_gap, is_space, skip_gap, skip_spaces, word_end, word_is};

/// The embedded lexicon file, by name.
pub const FILE: (&str, &str) = ("rules/units.toml", include_str!("../rules/units.toml"));

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    Length,
    Area,
    Volume,
    Mass,
    Temperature,
    Speed,
    Energy,
    Power,
    Data,
    /// Data per second (Mbps); base byte/s.
    DataRate,
    Time,
    Currency,
    Percent,
    /// Plane angle; base radian. A bare "degrees" lands here, marked ambiguous.
    Angle,
}

/// One unit of the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Normalised code: "km", "usd", "percent", "year".
    pub code: String,
    pub dimension: Dimension,
    /// Multiply by this to get the dimension's base unit (m, m2, l, kg, k, m/s,
    /// j, w, byte, byte/s, s, rad); for a currency subunit, the parent currency.
    pub factor: Decimal,
    /// Add this after multiplying (temperatures).
    pub offset: Decimal,
    /// The written number times `scale` is the value in `code` ("30 MUSD" is
    /// 30 000 000 usd, "a fortnight" is 2 weeks). One for most spellings.
    pub scale: Decimal,
    /// The spelling has another common reading ("tons", "¥", bare "degrees").
    pub ambiguous: bool,
    /// For a currency subunit ("cent"), the currency `factor` converts to.
    pub subunit_of: Option<String>,
    /// Factors of the spelling's other common readings (an imperial pint
    /// beside the US one): a conversion that uses any of them is right.
    pub other_factors: Vec<Decimal>,
}

/// A unit written after a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitMatch {
    /// Byte offset where the unit's text starts (after any space or hyphen).
    pub start: usize,
    pub end: usize,
    pub unit: &'static Unit,
}

/// The unit written right after a number ending at `at` ("km", " per cent", "-year").
pub fn unit_after(text: &str, at: usize) -> Option<UnitMatch> {
    LEXICON.unit_after(text, at)
}

/// A currency written before a number, starting at `at` ("$", "US$", "€",
/// "USD ", "Rs "). Returns the offset where the number may start.
pub fn currency_before(text: &str, at: usize) -> Option<(usize, &'static Unit)> {
    LEXICON.currency_before(text, at)
}

/// Whether a lower-cased word can start a currency prefix ("usd", "rs", "isk", "us").
/// A word that runs on into digits ("usd115") counts by its letters.
pub fn starts_currency(word_lower: &str) -> bool {
    let n = word_lower
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    n > 0 && LEXICON.before_first.contains(&word_lower[..n])
}

/// Every word [`starts_currency`] accepts, for the scanner's word filter.
pub fn currency_first_words() -> impl Iterator<Item = &'static str> {
    LEXICON.before_first.iter().map(String::as_str)
}

/// The leading letters (lower case) of every unit spelling written after a
/// number, for the scanner's word filter.
pub fn spelling_first_words() -> impl Iterator<Item = String> {
    let lex = &*LEXICON;
    lex.words
        .keys()
        .chain(lex.symbols.keys())
        .chain(lex.attached.keys())
        .map(|k| {
            k.chars()
                .take_while(char::is_ascii_alphabetic)
                .map(|c| c.to_ascii_lowercase())
                .collect()
        })
}

/// The unit with this code (the spelling with scale 1).
pub fn lookup(code: &str) -> Option<&'static Unit> {
    let lex = &*LEXICON;
    lex.by_code.get(code).map(|&i| &lex.units[i])
}

/// Every unit of the lexicon, in file order (scaled spellings included).
pub fn all() -> &'static [Unit] {
    &LEXICON.units
}

/// Converts `value` written in `from` to `to`, through the dimension's base
/// unit. `None` across dimensions, between different currencies, or on overflow.
pub fn convert(value: Decimal, from: &Unit, to: &Unit) -> Option<Decimal> {
    if from.dimension != to.dimension {
        return None;
    }
    if from.dimension == Dimension::Currency {
        let base = |u: &Unit| u.subunit_of.clone().unwrap_or_else(|| u.code.clone());
        if base(from) != base(to) {
            return None;
        }
    }
    let base = value
        .checked_mul(from.scale)?
        .checked_mul(from.factor)?
        .checked_add(from.offset)?;
    base.checked_sub(to.offset)?
        .checked_div(to.factor)?
        .checked_div(to.scale)
}

/// Parses and validates the embedded lexicon (for `cargo test` and start-up checks).
pub fn validate_embedded() -> Result<(), Error> {
    Lexicon::parse(FILE.1).map(|_| ())
}

// ------------------------------------------------------------------ the file

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileDoc {
    #[serde(default)]
    age_suffixes: Vec<String>,
    #[serde(default)]
    unspaced_prefixes: Vec<String>,
    #[serde(default)]
    choice: Vec<ChoiceDoc>,
    #[serde(default)]
    veto: Vec<VetoDoc>,
    unit: Vec<UnitDoc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct VetoDoc {
    spellings: Vec<String>,
    next_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct UnitDoc {
    code: String,
    dimension: Dimension,
    factor: String,
    offset: Option<String>,
    scale: Option<String>,
    #[serde(default)]
    ambiguous: bool,
    subunit_of: Option<String>,
    #[serde(default)]
    other_factors: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    symbols: Vec<String>,
    #[serde(default)]
    attached: Vec<String>,
    #[serde(default)]
    compound: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    before_symbols: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ChoiceDoc {
    words: Vec<String>,
    default: String,
    money: String,
    money_cues: Vec<String>,
    mass_cues: Vec<String>,
}

// ------------------------------------------------------------------ the lexicon

/// What a spelling after a number resolves to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    Unit(usize),
    Choice(usize),
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    target: Target,
    /// Only after a number that follows a unit of the same dimension ("5 ft 2 in").
    compound: bool,
}

#[derive(Debug)]
struct Choice {
    default: usize,
    money: usize,
    money_cues: FxHashSet<String>,
    mass_cues: FxHashSet<String>,
}

#[derive(Debug, Default)]
struct Lexicon {
    units: Vec<Unit>,
    by_code: FxHashMap<String, usize>,
    /// Normalised lower-case spellings after a number.
    words: FxHashMap<String, Entry>,
    /// Normalised case-sensitive spellings after a number.
    symbols: FxHashMap<String, Entry>,
    /// Case-sensitive spellings only when touching the number.
    attached: FxHashMap<String, usize>,
    /// Lower-case keys that a longer spelling continues.
    prefixes: FxHashSet<String>,
    /// Currency prefixes, normalised lower case (no dots, no spaces).
    before: FxHashMap<String, usize>,
    /// Currency prefixes matched exactly.
    before_exact: FxHashMap<String, usize>,
    /// Lower-case leading letters of every prefix.
    before_first: FxHashSet<String>,
    unspaced: FxHashSet<String>,
    age_suffixes: Vec<Vec<String>>,
    choices: Vec<Choice>,
    /// Spellings (as written) that are not units before these lower-case words.
    vetoes: FxHashMap<String, FxHashSet<String>>,
    /// While parsing: the words a [[choice]] resolves.
    claimed: FxHashSet<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| match Lexicon::parse(FILE.1) {
    Ok(lex) => lex,
    // The embedded file is checked by `tests::embedded_lexicon_is_valid`.
    Err(e) => panic!("embedded lexicon is invalid: {e}"),
});

fn err(message: impl Into<String>) -> Error {
    Error::Lexicon {
        file: FILE.0.to_string(),
        message: message.into(),
    }
}

fn decimal(code: &str, field: &str, s: &str) -> Result<Decimal, Error> {
    let ok = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    match s.parse::<Decimal>() {
        Ok(d) if ok => Ok(d),
        _ => Err(err(format!(
            "unit {code:?}: {field} {s:?} is not a decimal string"
        ))),
    }
}

/// Normalises a spelling from the file the way the matcher reads text.
fn normalise(word: &str, lower: bool) -> Option<(String, Vec<String>)> {
    let word = word.trim().trim_end_matches('.');
    let mut reader = KeyReader::new(word, 0);
    let mut partial = Vec::new();
    let mut last = None;
    while reader.next_token() {
        let key = if lower {
            reader.lower.as_str()
        } else {
            reader.exact.as_str()
        };
        if let Some(prev) = last.replace(key.to_string()) {
            partial.push(prev);
        }
    }
    let key = last?;
    (reader.at == word.len()).then_some((key, partial))
}

/// A prefix's normalised key: lower case, without dots and spaces.
fn before_key(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '.' && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Lexicon {
    fn parse(text: &str) -> Result<Lexicon, Error> {
        let doc: FileDoc =
            toml::from_str(text).map_err(|e| err(e.to_string().replace('\n', " ")))?;
        let mut lex = Lexicon::default();
        for c in &doc.choice {
            for w in &c.words {
                let (key, _) = normalise(w, true).ok_or_else(|| err(format!("bad word {w:?}")))?;
                lex.claimed.insert(key);
            }
        }
        for u in &doc.unit {
            let code = u.code.as_str();
            if code.is_empty() || code.chars().any(|c| c.is_ascii_uppercase()) {
                return Err(err(format!("unit code {code:?} must be lower case")));
            }
            let unit = Unit {
                code: u.code.clone(),
                dimension: u.dimension,
                factor: decimal(code, "factor", &u.factor)?,
                offset: match &u.offset {
                    Some(s) => decimal(code, "offset", s)?,
                    None => Decimal::ZERO,
                },
                scale: match &u.scale {
                    Some(s) => decimal(code, "scale", s)?,
                    None => Decimal::ONE,
                },
                ambiguous: u.ambiguous,
                subunit_of: u.subunit_of.clone(),
                other_factors: u
                    .other_factors
                    .iter()
                    .map(|f| decimal(code, "other-factors", f))
                    .collect::<Result<_, _>>()?,
            };
            if unit.factor <= Decimal::ZERO || unit.scale <= Decimal::ZERO {
                return Err(err(format!(
                    "unit {code:?}: factor and scale must be positive"
                )));
            }
            if (u.before.len() + u.before_symbols.len()) > 0
                && unit.dimension != Dimension::Currency
            {
                return Err(err(format!("unit {code:?}: only currencies have `before`")));
            }
            let i = lex.units.len();
            // `lookup` finds the plain spelling: scale 1, and not ambiguous
            // when the code also has a plain entry ("tonne" over "tons").
            if unit.scale == Decimal::ONE {
                match lex.by_code.get(code).map(|&j| lex.units[j].ambiguous) {
                    None => {
                        lex.by_code.insert(u.code.clone(), i);
                    }
                    Some(true) if !unit.ambiguous => {
                        lex.by_code.insert(u.code.clone(), i);
                    }
                    Some(false) if !unit.ambiguous => {
                        return Err(err(format!("unit {code:?} has two plain entries")));
                    }
                    Some(_) => {}
                }
            }
            lex.units.push(unit);
            let unit_entry = Entry {
                target: Target::Unit(i),
                compound: false,
            };
            for w in &u.words {
                lex.add_after(code, w, true, unit_entry)?;
            }
            for w in &u.symbols {
                lex.add_after(code, w, false, unit_entry)?;
            }
            for w in &u.compound {
                let e = Entry {
                    compound: true,
                    ..unit_entry
                };
                lex.add_after(code, w, true, e)?;
            }
            for w in &u.attached {
                if lex.attached.insert(w.clone(), i).is_some() {
                    return Err(err(format!("{w:?} is attached to two units")));
                }
            }
            for w in &u.before {
                lex.add_before(w, before_key(w), i, false)?;
            }
            for w in &u.before_symbols {
                lex.add_before(w, w.clone(), i, true)?;
            }
        }
        for u in &lex.units {
            if let Some(parent) = &u.subunit_of
                && !lex.by_code.contains_key(parent)
            {
                return Err(err(format!("unit {:?}: no currency {parent:?}", u.code)));
            }
        }
        for (k, c) in doc.choice.iter().enumerate() {
            let find = |code: &str| {
                lex.by_code
                    .get(code)
                    .copied()
                    .ok_or_else(|| err(format!("choice: no unit {code:?}")))
            };
            lex.choices.push(Choice {
                default: find(&c.default)?,
                money: find(&c.money)?,
                money_cues: c
                    .money_cues
                    .iter()
                    .map(|s| s.to_ascii_lowercase())
                    .collect(),
                mass_cues: c.mass_cues.iter().map(|s| s.to_ascii_lowercase()).collect(),
            });
            for w in &c.words {
                let (key, _) = normalise(w, true).ok_or_else(|| err(format!("bad word {w:?}")))?;
                let e = lex
                    .words
                    .get_mut(&key)
                    .ok_or_else(|| err(format!("choice word {w:?} belongs to no unit")))?;
                e.target = Target::Choice(k);
            }
        }
        for v in &doc.veto {
            for sp in &v.spellings {
                lex.vetoes
                    .entry(sp.clone())
                    .or_default()
                    .extend(v.next_words.iter().map(|w| w.to_ascii_lowercase()));
            }
        }
        lex.age_suffixes = doc
            .age_suffixes
            .iter()
            .map(|s| s.split_whitespace().map(str::to_ascii_lowercase).collect())
            .collect();
        lex.unspaced = doc
            .unspaced_prefixes
            .iter()
            .map(|s| s.to_ascii_lowercase())
            .collect();
        Ok(lex)
    }

    fn add_after(&mut self, code: &str, w: &str, lower: bool, e: Entry) -> Result<(), Error> {
        let (key, partial) =
            normalise(w, lower).ok_or_else(|| err(format!("unit {code:?}: bad spelling {w:?}")))?;
        for p in partial {
            self.prefixes.insert(p.to_lowercase());
        }
        let map = if lower { &self.words } else { &self.symbols };
        if let Some(old) = map.get(&key)
            && let (Target::Unit(j), Target::Unit(i)) = (old.target, e.target)
        {
            let (a, b) = (&self.units[j], &self.units[i]);
            if (a.code != b.code || a.scale != b.scale) && !self.claimed.contains(&key) {
                return Err(err(format!(
                    "{w:?} is written for both {:?} and {:?}: add a [[choice]]",
                    a.code, b.code
                )));
            }
            // The first unit keeps the word until a [[choice]] claims it.
            return Ok(());
        }
        let map = if lower {
            &mut self.words
        } else {
            &mut self.symbols
        };
        map.insert(key, e);
        Ok(())
    }

    fn add_before(&mut self, w: &str, key: String, i: usize, exact: bool) -> Result<(), Error> {
        let map = if exact {
            &mut self.before_exact
        } else {
            &mut self.before
        };
        // Spellings that normalise alike ("US$", "U.S.$") may repeat within a unit.
        if key.is_empty() || map.insert(key.clone(), i).is_some_and(|j| j != i) {
            return Err(err(format!(
                "currency prefix {w:?} is empty or names two units"
            )));
        }
        let lead = |s: &str| -> String {
            s.chars()
                .take_while(char::is_ascii_alphabetic)
                .map(|c| c.to_ascii_lowercase())
                .collect()
        };
        for first in [lead(w), lead(&key)] {
            if !first.is_empty() {
                self.before_first.insert(first);
            }
        }
        Ok(())
    }

    fn unit_after(&'static self, text: &str, at: usize) -> Option<UnitMatch> {
        let bytes = text.as_bytes();
        let &b = bytes.get(at)?;
        let (start, touching) = if b == b'-' {
            (at + 1, false)
        } else {
            let s = skip_gap(text, at);
            (s, s == at)
        };
        let &first = bytes.get(start)?;
        // "20 (kg)", "20 [kg]".
        let close = match first {
            b'(' => Some(b')'),
            b'[' => Some(b']'),
            b'{' => Some(b'}'),
            b'<' => Some(b'>'),
            _ => None,
        };
        if let Some(close) = close {
            if b == b'-' {
                return None;
            }
            let inner = skip_spaces(text, start + 1);
            let (end, unit) = self.match_at(text, inner, false, at)?;
            let after = skip_spaces(text, end);
            return (bytes.get(after) == Some(&close)).then_some(UnitMatch {
                start,
                end: after + 1,
                unit,
            });
        }
        let (mut end, unit) = self.match_at(text, start, touching, at)?;
        if unit.dimension == Dimension::Time {
            end = self.age_suffix(text, end).unwrap_or(end);
        }
        Some(UnitMatch { start, end, unit })
    }

    /// The longest unit spelling starting at `start`.
    fn match_at(
        &'static self,
        text: &str,
        start: usize,
        touching: bool,
        num_end: usize,
    ) -> Option<(usize, &'static Unit)> {
        // Most words after a number are no unit ("12 dogs"): one probe of
        // the word gate, which knows the leading letters of every spelling.
        if text
            .as_bytes()
            .get(start)
            .is_some_and(u8::is_ascii_alphabetic)
        {
            use crate::extract::gate;
            let (_, key) = gate::key_of(text, start);
            if key.is_some_and(|k| gate::GATE.flags(k) & gate::UNIT == 0) {
                return None;
            }
        }
        let mut reader = KeyReader::new(text, start);
        let mut best: Option<(usize, Entry)> = None;
        let mut first = true;
        while reader.next_token() {
            let end = reader.at;
            // Each key is read as text once per token.
            let (exact, lower) = (reader.exact.as_str(), reader.lower.as_str());
            if first
                && touching
                && let Some(&i) = self.attached.get(exact)
            {
                best = Some((
                    end,
                    Entry {
                        target: Target::Unit(i),
                        compound: false,
                    },
                ));
            }
            first = false;
            let hit = self.symbols.get(exact).or_else(|| self.words.get(lower));
            if let Some(&e) = hit
                && (!e.compound || self.after_bigger_unit(text, num_end, e))
            {
                best = Some((end, e));
            }
            if !self.prefixes.contains(lower) {
                break;
            }
        }
        let (end, e) = best?;
        if let Some(next) = self.vetoes.get(&text[start..end])
            && let Some((s, e)) = crate::extract::words::next_word(text, end)
            && s == skip_spaces(text, end)
            && next.contains(&text[s..e].to_ascii_lowercase())
        {
            return None;
        }
        let i = match e.target {
            Target::Unit(i) => i,
            Target::Choice(k) => self.choose(&self.choices[k], text, num_end, end),
        };
        Some((end, &self.units[i]))
    }

    /// "5 ft 2 in": whether the number before `num_end` follows a unit of the
    /// same dimension as `e`.
    fn after_bigger_unit(&self, text: &str, num_end: usize, e: Entry) -> bool {
        let Target::Unit(i) = e.target else {
            return false;
        };
        let bytes = text.as_bytes();
        let mut j = num_end;
        while j > 0 && (bytes[j - 1].is_ascii_digit() || matches!(bytes[j - 1], b'.' | b',' | b'/'))
        {
            j -= 1;
        }
        let prev_end = crate::extract::words::skip_spaces_back(text, j);
        if prev_end == j {
            return false;
        }
        let prev_start = crate::extract::words::word_start(text, prev_end);
        let Some(w) = crate::extract::words::Lower::new(&text[prev_start..prev_end]) else {
            return false;
        };
        self.words.get(w.as_str()).is_some_and(|p| match p.target {
            Target::Unit(k) => k != i && self.units[k].dimension == self.units[i].dimension,
            Target::Choice(_) => false,
        })
    }

    /// Resolves a word written for two units ("pounds") from the sentence.
    fn choose(&self, c: &Choice, text: &str, num_end: usize, unit_end: usize) -> usize {
        // "pounds of flour" weighs; "361 million pounds" is money after a cue.
        let next_is_of = crate::extract::words::next_word(text, unit_end)
            .is_some_and(|(s, e)| text[s..e].eq_ignore_ascii_case("of"));
        let window_start = sentence_start(text, num_end);
        let window = &text[window_start..num_end];
        let mut money = window.contains(['£', '$', '€']);
        let mut i = 0;
        while i < window.len() {
            let end = word_end(window, i);
            if end == i {
                i += window[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let w = window[i..end].to_ascii_lowercase();
            if c.mass_cues.contains(&w) {
                return c.default;
            }
            money |= c.money_cues.contains(&w);
            i = end;
        }
        if money && !next_is_of {
            c.money
        } else {
            c.default
        }
    }

    /// "old", "of age" after a time unit: the end of the suffix.
    fn age_suffix(&self, text: &str, end: usize) -> Option<usize> {
        let mut at = if text.as_bytes().get(end) == Some(&b'-') {
            end + 1
        } else {
            skip_spaces(text, end)
        };
        'next: for words in &self.age_suffixes {
            let mut i = at;
            for (k, w) in words.iter().enumerate() {
                if k > 0 {
                    let j = skip_spaces(text, i);
                    if j == i {
                        continue 'next;
                    }
                    i = j;
                }
                if !word_is(text, i, w) {
                    continue 'next;
                }
                i += w.len();
            }
            at = i;
            return Some(at);
        }
        None
    }

    fn currency_before(&'static self, text: &str, at: usize) -> Option<(usize, &'static Unit)> {
        let bytes = text.as_bytes();
        let c = text.get(at..)?.chars().next()?;
        if !c.is_ascii_alphabetic() {
            let end = at + c.len_utf8();
            let i = *self.before.get(&text[at..end])?;
            return Some((end, &self.units[i]));
        }
        // Letters with inner dots: "U.S.", "Rs", "HK", "usd" of "usd115".
        let mut key = KeyBuf::new();
        let mut i = at;
        loop {
            let n = bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            if !key.push_lower(&text[i..i + n]) {
                return None;
            }
            i += n;
            if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
            {
                i += 1;
            } else {
                break;
            }
        }
        let letters_end = i;
        if bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() && !b.is_ascii_digit())
        {
            return None;
        }
        if let Some(&b) = bytes.get(i)
            && b >= 0x80
            && text[i..].chars().next().is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        let after_dot = if bytes.get(i) == Some(&b'.') {
            i + 1
        } else {
            i
        };
        // A sign after the letters: "US$", "HK $", "C$".
        let sign_at = skip_spaces(text, after_dot);
        let mut k2 = KeyBuf::new();
        let mut tmp = [0u8; 4];
        if (sign_at == after_dot || !self.unspaced.contains(key.as_str()))
            && let Some(s) = text.get(sign_at..).and_then(|s| s.chars().next())
            && !s.is_alphanumeric()
            && !is_gap(s)
            && k2.push_lower(key.as_str())
            && k2.push_lower(s.encode_utf8(&mut tmp))
            && let Some(&u) = self.before.get(k2.as_str())
        {
            return Some((sign_at + s.len_utf8(), &self.units[u]));
        }
        // A code alone: "USD 20", "ISK 24,766", "Rs. 500", "usd115".
        let u = self
            .before_exact
            .get(&text[at..letters_end])
            .or_else(|| self.before.get(key.as_str()))?;
        let num = skip_spaces(text, after_dot);
        let next = bytes.get(num)?;
        let starts_number = next.is_ascii_digit()
            || next.is_ascii_alphabetic()
                && crate::extract::words::Lower::new(&text[num..word_end(text, num)])
                    .is_some_and(|w| crate::extract::number::starts_number(w.as_str()));
        starts_number.then(|| (after_dot, &self.units[*u]))
    }
}

/// Where the sentence containing `at` starts, looking back at most 160 bytes.
fn sentence_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let floor = at.saturating_sub(160);
    let mut i = at;
    while i > floor {
        let b = bytes[i - 1];
        let stop = matches!(b, b'!' | b'?' | b';' | b'\n')
            || b == b'.' && bytes.get(i).is_some_and(|n| n.is_ascii_whitespace());
        if stop {
            break;
        }
        i -= 1;
    }
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

// ------------------------------------------------------------------ reading keys

/// A small key on the stack.
struct KeyBuf {
    buf: [u8; 48],
    len: usize,
}

impl KeyBuf {
    fn new() -> KeyBuf {
        KeyBuf {
            buf: [0; 48],
            len: 0,
        }
    }

    fn push(&mut self, s: &str) -> bool {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return false;
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        true
    }

    /// Pushes `s` with ASCII letters lower-cased (others as written; the
    /// few non-ASCII letters in units are lower case already, "µ", "μ").
    fn push_lower(&mut self, s: &str) -> bool {
        let start = self.len;
        if !self.push(s) {
            return false;
        }
        self.buf[start..self.len].make_ascii_lowercase();
        true
    }

    fn as_str(&self) -> &str {
        // Whole UTF-8 strings and ASCII separators only: always valid.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// Reads a unit spelling token by token: a token is a run of letters and
/// digits (with "°", "²", "³"), or one other symbol ("%", "$", "€").
/// Between tokens, spaces (one line break at most) and "-" read as one space,
/// "/" with any spaces as "/", and "." as "." (". " when a space follows).
struct KeyReader<'a> {
    text: &'a str,
    at: usize,
    lower: KeyBuf,
    exact: KeyBuf,
    started: bool,
}

#[inline]
fn is_run_char(c: char) -> bool {
    c.is_alphanumeric() || c == '°' || c == 'º'
}

impl<'a> KeyReader<'a> {
    fn new(text: &'a str, at: usize) -> Self {
        KeyReader {
            text,
            at,
            lower: KeyBuf::new(),
            exact: KeyBuf::new(),
            started: false,
        }
    }

    /// Reads the separator (after the first token) and the next token into
    /// both keys; false when there is no token or the key is full.
    fn next_token(&mut self) -> bool {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = self.at;
        let mut sep: &str = "";
        if self.started {
            match bytes.get(i) {
                Some(b'-') => {
                    sep = " ";
                    i += 1;
                }
                Some(b'/') => {
                    sep = "/";
                    i = skip_spaces(text, i + 1);
                }
                Some(b'.') => {
                    let j = skip_spaces(text, i + 1);
                    sep = if j > i + 1 { ". " } else { "." };
                    i = j;
                }
                _ => {
                    let j = skip_gap(text, i);
                    if j > i {
                        if bytes.get(j) == Some(&b'/') {
                            sep = "/";
                            i = skip_spaces(text, j + 1);
                        } else {
                            sep = " ";
                            i = j;
                        }
                    }
                }
            }
        }
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
            return false;
        };
        let end = if is_run_char(c) {
            let mut j = i;
            if bytes[i].is_ascii_alphanumeric() {
                // Fast path for ASCII words.
                while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                }
            }
            while let Some(d) = text.get(j..).and_then(|s| s.chars().next()) {
                if !is_run_char(d) {
                    break;
                }
                j += d.len_utf8();
            }
            j
        } else if is_space(c) || matches!(c, '-' | '/' | '.' | '\n' | '\r') {
            return false;
        } else {
            i + c.len_utf8()
        };
        let token = &text[i..end];
        if !(self.lower.push(sep)
            && self.exact.push(sep)
            && self.lower.push_lower(token)
            && self.exact.push(token))
        {
            return false;
        }
        self.started = true;
        self.at = end;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_is_valid() {
        validate_embedded().unwrap();
        assert!(lookup("km").is_some());
    }

    #[test]
    fn rejects_unknown_fields_and_bad_factors() {
        let bad_field =
            "[[unit]]\ncode = \"x\"\ndimension = \"length\"\nfactor = \"1\"\ncolour = 1\n";
        assert!(Lexicon::parse(bad_field).is_err());
        let bad_factor = "[[unit]]\ncode = \"x\"\ndimension = \"length\"\nfactor = \"1e3\"\n";
        assert!(Lexicon::parse(bad_factor).is_err());
        let float = "[[unit]]\ncode = \"x\"\ndimension = \"length\"\nfactor = 1.5\n";
        assert!(Lexicon::parse(float).is_err());
        let homonym = "[[unit]]\ncode = \"x\"\ndimension = \"length\"\nfactor = \"1\"\nwords = [\"zz\"]\n\
                       [[unit]]\ncode = \"y\"\ndimension = \"mass\"\nfactor = \"1\"\nwords = [\"zz\"]\n";
        assert!(Lexicon::parse(homonym).is_err());
    }

    /// The unit code found after the number that ends just before `marker`
    /// ("|" in the text), and the text the unit spans.
    fn after(s: &str) -> Option<(String, String)> {
        let at = s.find('|').unwrap();
        let text = s.replacen('|', "", 1);
        unit_after(&text, at).map(|m| (m.unit.code.clone(), text[m.start..m.end].to_string()))
    }

    fn code_after(s: &str) -> Option<String> {
        after(s).map(|(c, _)| c)
    }

    fn before(s: &str) -> Option<(String, String)> {
        currency_before(s, 0).map(|(end, u)| (u.code.clone(), s[end..].to_string()))
    }

    #[test]
    fn percentages() {
        for (s, code) in [
            ("12|%", "percent"),
            ("12| %", "percent"),
            ("12| per cent of voters", "percent"),
            ("12| percent", "percent"),
            ("12| pct", "percent"),
            ("5|pc rise", "percent"),
            ("2| percentage points", "percentage-point"),
            ("2| percentage point", "percentage-point"),
            ("25| basis points", "basis-point"),
            ("25| bps", "basis-point"),
            ("25|bp", "basis-point"),
        ] {
            assert_eq!(code_after(s).as_deref(), Some(code), "{s}");
        }
        assert_eq!(lookup("percent").unwrap().dimension, Dimension::Percent);
        assert_eq!(lookup("basis-point").unwrap().dimension, Dimension::Percent);
    }

    #[test]
    fn currencies_before() {
        for (s, code, rest) in [
            ("$3bn", "usd", "3bn"),
            ("US$1.2 billion", "usd", "1.2 billion"),
            ("U.S.$ 100", "usd", " 100"),
            ("us $ 150 million", "usd", " 150 million"),
            ("C$16", "cad", "16"),
            ("A$5", "aud", "5"),
            ("HK$ 10.05", "hkd", " 10.05"),
            ("€12m", "eur", "12m"),
            ("£8.10 million", "gbp", "8.10 million"),
            ("¥500", "jpy", "500"),
            ("₹500", "inr", "500"),
            ("R$ 20", "brl", " 20"),
            ("USD 20", "usd", " 20"),
            ("usd115", "usd", "115"),
            ("EUR 125", "eur", " 125"),
            ("GBP 350", "gbp", " 350"),
            ("ISK 24,766 million", "isk", " 24,766 million"),
            ("Rs 5 crore", "inr", " 5 crore"),
            ("Rs. 500", "inr", " 500"),
            ("RMB 10", "cny", " 10"),
            ("TRY 50", "try", " 50"),
        ] {
            assert_eq!(before(s), Some((code.to_string(), rest.to_string())), "{s}");
        }
        for s in [
            "a $5 fund",
            "USD",
            "usd is",
            "try 5 times",
            "Rs",
            "US 5",
            "A320",
            "s $5",
        ] {
            assert_eq!(before(s), None, "{s}");
        }
        assert_eq!(before("MUSD 60").unwrap().0, "usd");
        assert_eq!(
            currency_before("MUSD 60", 0).unwrap().1.scale,
            Decimal::from(1_000_000)
        );
        for w in ["usd", "us", "u", "rs", "isk", "c", "hk", "usd115", "a"] {
            assert!(starts_currency(w), "{w}");
        }
        for w in ["the", "soldiers", "in"] {
            assert!(!starts_currency(w), "{w}");
        }
    }

    #[test]
    fn currencies_after() {
        for (s, code) in [
            ("300| euros", "eur"),
            ("5| dollars", "usd"),
            ("50| dollar", "usd"),
            ("20| US dollars", "usd"),
            ("20| u.s. dollars", "usd"),
            ("10| pounds sterling", "gbp"),
            ("50| yuan", "cny"),
            ("1,000| rupees", "inr"),
            ("125| EUR", "eur"),
            ("115|usd", "usd"),
            ("10| $", "usd"),
            ("10| €", "eur"),
            ("10,000| swiss francs", "chf"),
            ("125| australian dollars", "aud"),
            ("450,000| yen", "jpy"),
            ("40| rmb", "cny"),
            ("10| turkish lira", "try"),
            ("50| cents", "cent"),
            ("12|-cent-a-share", "cent"),
            ("197| pence", "penny"),
            ("50|p coin", "penny"),
        ] {
            assert_eq!(code_after(s).as_deref(), Some(code), "{s}");
        }
        assert_eq!(lookup("cent").unwrap().subunit_of.as_deref(), Some("usd"));
    }

    #[test]
    fn pounds_are_mass_unless_money_is_near() {
        for (s, code) in [
            (
                "its quarterly operating profit improved to 361 million| pounds",
                "gbp",
            ),
            ("the deal is worth 5| pounds", "gbp"),
            ("and this baby is over two| pounds.", "lb"),
            ("a metric ton is equal to 2,204.62| pounds.", "lb"),
            ("stopped eating lunch to drop 25| pounds.", "lb"),
            ("police seized 1.5 million| pounds of cocaine", "lb"),
            ("it weighs 5| pounds", "lb"),
            ("5| pounds", "lb"),
            ("200|lbs", "lb"),
            ("the £ fell; it weighs 3| pounds", "lb"),
        ] {
            assert_eq!(code_after(s).as_deref(), Some(code), "{s}");
        }
    }

    #[test]
    fn measures() {
        for (s, code) in [
            ("5| km", "km"),
            ("10|km", "km"),
            ("5|-km race", "km"),
            ("325| kilometer", "km"),
            ("500| metres", "m"),
            ("100| meters", "m"),
            ("1|m", "m"),
            ("1.8|m tall", "m"),
            ("a 700|m stretch", "m"),
            ("1|m is equal to 10 dm", "m"),
            ("12| m", "m"),
            ("300|mm", "mm"),
            ("200| miles", "mi"),
            ("six|-mile", "mi"),
            ("776|-foot", "ft"),
            ("10| feet", "ft"),
            ("4| inches", "in"),
            ("3|-inch", "in"),
            ("12| ft 2 in", "ft"),
            ("12 ft 2| in", "in"),
            ("5 feet 2| in", "in"),
            ("10| yards", "yd"),
            ("190| km2", "km2"),
            ("190| km²", "km2"),
            ("190| sq km", "km2"),
            ("190| sq. km", "km2"),
            ("660| square meters", "m2"),
            ("24703|m2", "m2"),
            ("5| square kilometres", "km2"),
            ("5| square miles", "mi2"),
            ("45|-acre", "acre"),
            ("10| hectares", "ha"),
            ("10| ha", "ha"),
            ("5| litres", "l"),
            ("5| L", "l"),
            ("75|ml", "ml"),
            ("130| gallons", "gal"),
            ("500,000| barrels", "bbl"),
            ("9| cubic metres", "m3"),
            ("9| cubic feet", "ft3"),
            ("5|kg", "kg"),
            ("20| (kg)", "kg"),
            ("20| [kg]", "kg"),
            ("150| microgram", "ug"),
            ("120| μg", "ug"),
            ("5| g", "g"),
            ("68|-ounce", "oz"),
            ("100|t", "t"),
            ("16,000| metric tons", "t"),
            ("25| tonnes", "t"),
            ("1,458,000| tons", "t"),
            ("10| kilometers per hour", "kmh"),
            ("10|kph", "kmh"),
            ("10|kmph", "kmh"),
            ("10|km/hr", "kmh"),
            ("10| km/h", "kmh"),
            ("188| miles an hour", "mph"),
            ("60| mph", "mph"),
            ("20| knots", "kn"),
            ("5| m/s", "m/s"),
            ("5| kWh", "kwh"),
            ("5| kilowatt-hours", "kwh"),
            ("5| TWh", "twh"),
            ("5| MW", "mw"),
            ("5| gigawatts", "gw"),
            ("300| hp", "hp"),
            ("100| W", "w"),
            ("16|-bit", "bit"),
            ("100| MB", "mb"),
            ("100| Mb", "mbit"),
            ("2| TB", "tb"),
            ("100| Mbps", "mbps"),
            ("0.8|rad", "rad"),
        ] {
            assert_eq!(code_after(s).as_deref(), Some(code), "{s}");
        }
        let tons = lookup("t").unwrap();
        assert!(!tons.ambiguous);
        assert!(unit_after("5 tons", 1).unwrap().unit.ambiguous);
    }

    #[test]
    fn temperatures() {
        for (s, code) in [
            ("30|°C", "c"),
            ("30| °C", "c"),
            ("30|° C", "c"),
            ("30| degrees Celsius", "c"),
            ("30| degrees c", "c"),
            ("6| deg c", "c"),
            ("10.5| celcius", "c"),
            ("30|C", "c"),
            ("100|F", "f"),
            ("100|°F", "f"),
            ("98.6| degrees f", "f"),
            ("45| degrees Fahrenheit", "f"),
            ("100.2| degrees farenheit", "f"),
            ("300| kelvin", "k"),
            ("98| degrees", "degree"),
            ("85|°", "degree"),
        ] {
            assert_eq!(code_after(s).as_deref(), Some(code), "{s}");
        }
        let c = lookup("c").unwrap();
        let f = lookup("f").unwrap();
        assert_eq!(
            convert(Decimal::from(100), c, f).unwrap().round_dp(6),
            Decimal::from(212)
        );
        assert_eq!(
            convert(Decimal::from(-40), f, c).unwrap().round_dp(6),
            Decimal::from(-40)
        );
    }

    #[test]
    fn durations_and_ages() {
        for (s, code, span) in [
            ("three| weeks", "week", "weeks"),
            ("18|-month", "month", "month"),
            ("two and a half| years", "year", "years"),
            ("5| years old", "year", "years old"),
            ("30|-year-old", "year", "year-old"),
            ("3| years of age", "year", "years of age"),
            ("87| yo", "year", "yo"),
            ("90| day old", "day", "day old"),
            ("3|h", "hour", "h"),
            ("3| hrs", "hour", "hrs"),
            ("3|day", "day", "day"),
            ("5| min", "minute", "min"),
            ("123| sec", "second", "sec"),
            ("two| decades", "decade", "decades"),
            ("a| century", "century", "century"),
            ("a| fortnight", "week", "fortnight"),
            ("another| business day", "day", "business day"),
        ] {
            assert_eq!(after(s), Some((code.to_string(), span.to_string())), "{s}");
        }
        let fortnight = unit_after("a fortnight", 1).unwrap().unit;
        assert_eq!(fortnight.scale, Decimal::TWO);
        let week = lookup("week").unwrap();
        assert_eq!(week.scale, Decimal::ONE);
    }

    #[test]
    fn not_units() {
        for s in [
            "5| members",
            "3| in the morning",
            "3| in",
            "5| a day",
            "5| M",
            "100| C",
            "100| F-16s",
            "5|G network",
            "5| mills",
            "5| kilometresque",
            "5| soldiers",
            "2024| ",
            "5|",
            "70|m passengers",
            "42|m eligible voters",
            "2006| HP",
            "5| Tons", // capitalised but still a word: see below
        ] {
            if s == "5| Tons" {
                assert_eq!(code_after(s).as_deref(), Some("t"));
                continue;
            }
            assert_eq!(code_after(s), None, "{s}");
        }
    }

    #[test]
    fn conversions_use_the_data() {
        let mi = lookup("mi").unwrap();
        let km = lookup("km").unwrap();
        let v = convert(Decimal::from(5), mi, km).unwrap();
        assert_eq!(v.round_dp(5), rust_decimal_macros_free("8.04672"));
        let usd = lookup("usd").unwrap();
        let cent = lookup("cent").unwrap();
        assert_eq!(
            convert(Decimal::from(50), cent, usd).unwrap(),
            rust_decimal_macros_free("0.5")
        );
        assert_eq!(convert(Decimal::ONE, usd, lookup("eur").unwrap()), None);
        assert_eq!(convert(Decimal::ONE, km, usd), None);
    }

    fn rust_decimal_macros_free(s: &str) -> Decimal {
        s.parse().unwrap()
    }
}
