//! Nouns from WordNet 3.0: lemmas, synonyms, close hypernyms, collectives
//! and classes, for telling whether two counted subjects are the same.
//!
//! The table `rules/nouns.tsv` is generated from WordNet 3.0 by
//! `tools/wordnet/generate.py` (format and provenance in
//! `tools/wordnet/README.md`); `rules/nouns.toml` says how far to follow it.
//! Both are embedded and read once, on first use: the table is only split
//! into lines then, and a lemma's or synset's line is parsed when asked for,
//! so a check that never asks pays nothing and one that asks pays little.

use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashMap;

use serde::Deserialize;

use crate::error::Error;

/// The generated table, embedded.
pub const TABLE: &str = include_str!("../rules/nouns.tsv");
/// How the table is read, embedded.
pub const CONFIG: &str = include_str!("../rules/nouns.toml");

/// What kind of thing a noun names, by its most frequent sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NounClass {
    /// Soldiers, troops, armed forces and military units.
    Military,
    /// Casualties, victims, deaths and injuries.
    Casualty,
    /// People and kinds of people.
    Person,
    /// Buildings and dwellings.
    Building,
    /// Vehicles and craft.
    Vehicle,
    Weapon,
    Animal,
    /// Money concepts: revenue, income, cost, budget, debt.
    Money,
    /// Jobs and positions.
    Job,
    /// Groups and organisations.
    Group,
    /// Places and regions.
    Place,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    max_hypernym_steps: u8,
    /// The least depth (hypernym steps from WordNet's root) of a hypernym
    /// that makes two subjects the same.
    min_hypernym_depth: u8,
    /// Percent of the most frequent sense's tagged count.
    min_sense_share: u32,
    members: bool,
    compound_heads: bool,
    detach: Vec<(String, String)>,
    #[serde(rename = "class")]
    classes: Vec<ClassConfig>,
    #[cfg_attr(not(test), allow(dead_code))]
    examples: Examples,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClassConfig {
    name: NounClass,
    anchors: Vec<String>,
}

/// Examples that must hold, read by the tests.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(test), allow(dead_code))]
struct Examples {
    same: Vec<(String, String)>,
    different: Vec<(String, String)>,
    lemmas: Vec<(String, String)>,
    classes: Vec<(String, NounClass)>,
}

/// The table's sections, read in place, and the configuration.
///
/// Loading only finds where the three sections start: a lemma or an
/// irregular form is found by binary search over its section's bytes (they
/// are sorted), and the synsets' line index is built on the first question
/// that needs a synset.
struct Nouns {
    /// "form\tlemma[,lemma]" lines, sorted by form.
    irregular: &'static str,
    /// "lemma\tsenses" lines, sorted by lemma.
    lemmas: &'static str,
    /// "hypernyms\tmembers\tkinds" lines, by synset id.
    synsets: &'static str,
    /// Where each synset's line starts in `synsets`, by id.
    synset_starts: OnceLock<Vec<u32>>,
    config: Config,
    /// Class anchors as synset ids, in the configuration's order.
    anchors: OnceLock<Vec<(u32, NounClass)>>,
    /// Answers already worked out: an article asks about the same few heads
    /// and senses again and again (see [`Memo`]).
    memo: Memo,
}

/// What `same_subject` works out from the table, kept once worked out: each
/// written word's units, each sense's close ancestors and each synset's
/// depth. A new pair of known heads then costs a few set tests instead of
/// some twenty binary searches and hypernym walks.
#[derive(Default)]
struct Memo {
    units: Mutex<FxHashMap<String, Arc<[u32]>>>,
    close: Mutex<FxHashMap<u32, Arc<[u32]>>>,
    depth: Mutex<FxHashMap<u32, u8>>,
}

/// Entries kept per memo table at most: a pathological document cannot
/// grow one without limit.
const MEMO_LIMIT: usize = 100_000;

/// The memoised value for `key`, computed by `make` when absent. A poisoned
/// lock is only a cache that may miss an entry.
fn memo<K, V, Q>(table: &Mutex<FxHashMap<K, V>>, key: &Q, make: impl FnOnce() -> V) -> V
where
    K: std::borrow::Borrow<Q> + std::hash::Hash + Eq,
    Q: std::hash::Hash + Eq + ToOwned<Owned = K> + ?Sized,
    V: Clone,
{
    if let Some(v) = table.lock().unwrap_or_else(|e| e.into_inner()).get(key) {
        return v.clone();
    }
    let v = make();
    let mut t = table.lock().unwrap_or_else(|e| e.into_inner());
    if t.len() >= MEMO_LIMIT {
        t.clear();
    }
    t.insert(key.to_owned(), v.clone());
    v
}

static NOUNS: OnceLock<Nouns> = OnceLock::new();

fn nouns() -> &'static Nouns {
    NOUNS.get_or_init(|| {
        // The embedded files are checked by the tests; should they ever be
        // invalid, numcheck knows no nouns rather than failing.
        load(TABLE, CONFIG).unwrap_or_else(|_| Nouns {
            irregular: "",
            lemmas: "",
            synsets: "",
            synset_starts: OnceLock::new(),
            memo: Memo::default(),
            config: Config {
                max_hypernym_steps: 0,
                min_hypernym_depth: 0,
                min_sense_share: 100,
                members: false,
                compound_heads: false,
                detach: Vec::new(),
                classes: Vec::new(),
                examples: Examples::default(),
            },
            anchors: OnceLock::new(),
        })
    })
}

fn lexicon_error(file: &str, message: impl Into<String>) -> Error {
    Error::Lexicon {
        file: file.to_string(),
        message: message.into(),
    }
}

/// The sections' bodies, without their last line break: found through the
/// "# sections:" header line's byte offsets (checked against the "%name"
/// lines they follow), or else by searching the table.
fn sections(table: &'static str) -> Result<[&'static str; 3], Error> {
    const NAMES: [&str; 3] = ["irregular", "lemmas", "synsets"];
    let header = table
        .get(..table.len().min(4096))
        .or_else(|| table.get(..table.len()))
        .unwrap_or("")
        .lines()
        .find_map(|l| l.strip_prefix("# sections:"));
    let mut starts = [0usize; 3];
    let from_header = header.is_some_and(|h| {
        let words: Vec<&str> = h.split_whitespace().collect();
        words.len() == 6
            && NAMES.iter().enumerate().all(|(i, name)| {
                let start = words[2 * i + 1].parse::<usize>().ok();
                starts[i] = start.unwrap_or(0);
                words[2 * i] == *name
                    && start.is_some_and(|o| {
                        let marker = format!("\n%{name}\n");
                        o >= marker.len() && table.get(o - marker.len()..o) == Some(marker.as_str())
                    })
            })
    });
    if !from_header {
        for (i, name) in NAMES.iter().enumerate() {
            let marker = format!("\n%{name}\n");
            starts[i] = table
                .find(&marker)
                .map(|o| o + marker.len())
                .ok_or_else(|| lexicon_error("rules/nouns.tsv", format!("no %{name} section")))?;
        }
    }
    let mut bodies = [""; 3];
    for i in 0..3 {
        let end = match NAMES.get(i + 1) {
            Some(next) => starts[i + 1].saturating_sub(next.len() + 3),
            None => table.len(),
        };
        let body = table
            .get(starts[i]..end)
            .ok_or_else(|| lexicon_error("rules/nouns.tsv", "sections out of order"))?;
        bodies[i] = body.strip_suffix('\n').unwrap_or(body);
    }
    Ok(bodies)
}

fn load(table: &'static str, config: &str) -> Result<Nouns, Error> {
    let config: Config = toml::from_str(config)
        .map_err(|e| lexicon_error("rules/nouns.toml", crate::error::toml_message(config, &e)))?;
    let [irregular, lemmas, synsets] = sections(table)?;
    Ok(Nouns {
        irregular,
        lemmas,
        synsets,
        synset_starts: OnceLock::new(),
        config,
        anchors: OnceLock::new(),
        memo: Memo::default(),
    })
}

/// The key (text before the first tab) of a table line.
fn key(line: &str) -> &str {
    line.split('\t').next().unwrap_or("")
}

/// The line of a sorted section whose key is `wanted`, by binary search
/// over the section's bytes.
fn find_line(section: &'static str, wanted: &str) -> Option<&'static str> {
    let b = section.as_bytes();
    // Lines starting in lo..hi are still candidates; lo and hi are line starts.
    let (mut lo, mut hi) = (0, b.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = b[lo..mid]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = b[start..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |i| start + i);
        let line = section.get(start..end)?;
        match key(line).cmp(wanted) {
            std::cmp::Ordering::Equal => return Some(line),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

/// Ids in a comma-separated field; malformed ids are skipped.
fn ids(field: &str) -> impl Iterator<Item = u32> + '_ {
    field
        .split(',')
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
}

/// The head of a noun as given, lower case: its last word, without the
/// punctuation around it ("North Korean Soldiers," → "soldiers").
fn head(word: &str) -> String {
    word.split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// A base form of a written word: its lemma, and whether the word is that
/// lemma as written (no inflection read off).
#[derive(Debug, Clone, Copy)]
struct Base {
    lemma: &'static str,
    as_written: bool,
}

impl Nouns {
    /// The line of a lemma, by binary search.
    fn lemma_line(&self, lemma: &str) -> Option<&'static str> {
        find_line(self.lemmas, lemma)
    }

    /// The lemmas of an irregular form ("men" → "man").
    fn irregular_of(&self, form: &str) -> impl Iterator<Item = &'static str> + '_ {
        find_line(self.irregular, form)
            .and_then(|l| l.split('\t').nth(1))
            .unwrap_or("")
            .split(',')
            .filter(|s| !s.is_empty())
    }

    /// The base forms of a lower-case word, as WordNet's morphy finds them:
    /// irregular forms, the word itself, then the regular plural rules.
    fn bases(&self, lower: &str) -> Vec<Base> {
        let mut out: Vec<Base> = Vec::new();
        let mut push = |line: Option<&'static str>, as_written: bool| {
            if let Some(line) = line {
                let lemma = key(line);
                if !out.iter().any(|b| b.lemma == lemma) {
                    out.push(Base { lemma, as_written });
                }
            }
        };
        for lemma in self.irregular_of(lower) {
            push(self.lemma_line(lemma), false);
        }
        push(self.lemma_line(lower), true);
        for (ending, replacement) in &self.config.detach {
            if let Some(stem) = lower.strip_suffix(ending.as_str())
                && !stem.is_empty()
            {
                let candidate = format!("{stem}{replacement}");
                push(self.lemma_line(&candidate), false);
            }
        }
        out
    }

    /// A lemma's senses that count (see `min-sense-share`), most frequent
    /// first: synset ids.
    fn senses(&self, lemma: &str) -> Vec<u32> {
        let Some(line) = self.lemma_line(lemma) else {
            return Vec::new();
        };
        let senses: Vec<(u32, u32)> = line
            .split('\t')
            .nth(1)
            .unwrap_or("")
            .split(' ')
            .filter(|s| *s != "-")
            .filter_map(|s| {
                let (id, count) = s.split_once(':').unwrap_or((s, "0"));
                Some((id.parse().ok()?, count.parse().ok()?))
            })
            .collect();
        let max = senses.iter().map(|s| s.1).max().unwrap_or(0);
        if max == 0 {
            return senses.first().map(|s| s.0).into_iter().collect();
        }
        let share = u64::from(self.config.min_sense_share);
        senses
            .into_iter()
            .filter(|&(_, n)| u64::from(n) * 100 >= share * u64::from(max))
            .map(|s| s.0)
            .collect()
    }

    /// The synset an anchor name "lemma.n.NN" names: the lemma's NNth sense.
    fn named(&self, name: &str) -> Option<u32> {
        let mut parts = name.rsplitn(3, '.');
        let rank: usize = parts.next()?.parse().ok()?;
        if parts.next()? != "n" {
            return None;
        }
        let lemma = parts.next()?;
        let line = self.lemma_line(lemma)?;
        let sense = line
            .split('\t')
            .nth(1)?
            .split(' ')
            .nth(rank.checked_sub(1)?)?;
        sense.split(':').next()?.parse().ok()
    }

    /// One field of a synset's line: 0 hypernyms, 1 members, 2 compound heads.
    fn field(&self, id: u32, field: usize) -> &'static str {
        self.synset_line(id)
            .and_then(|line| line.split('\t').nth(field))
            .unwrap_or("")
    }

    /// A synset's line, by id.
    fn synset_line(&self, id: u32) -> Option<&'static str> {
        let starts = self.synset_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(
                    self.synsets
                        .bytes()
                        .enumerate()
                        .filter(|&(_, c)| c == b'\n')
                        .map(|(i, _)| i + 1),
                )
                .filter_map(|i| u32::try_from(i).ok())
                .collect()
        });
        let start = *starts.get(id as usize)? as usize;
        let rest = self.synsets.get(start..)?;
        Some(rest.split('\n').next().unwrap_or(""))
    }

    /// The class anchors as synset ids; an anchor that names no synset is
    /// left out (the tests check that none does).
    fn anchors(&self) -> &[(u32, NounClass)] {
        self.anchors.get_or_init(|| {
            self.config
                .classes
                .iter()
                .flat_map(|c| c.anchors.iter().map(move |a| (a, c.name)))
                .filter_map(|(a, class)| Some((self.named(a)?, class)))
                .collect()
        })
    }

    /// The synsets a synset is a kind of: its hypernyms, and the heads of its
    /// compound names when the configuration follows them.
    fn parents(&self, id: u32) -> impl Iterator<Item = u32> + '_ {
        let kinds = if self.config.compound_heads {
            self.field(id, 2)
        } else {
            ""
        };
        ids(self.field(id, 0)).chain(ids(kinds))
    }

    /// A synset and its ancestors up to `steps` levels up (all when `None`).
    fn ancestors(&self, id: u32, steps: Option<u8>) -> Vec<u32> {
        let mut seen = vec![id];
        let mut frontier = vec![id];
        let mut level = 0u8;
        while !frontier.is_empty() && steps.is_none_or(|n| level < n) {
            let mut next = Vec::new();
            for &s in &frontier {
                for p in self.parents(s) {
                    if !seen.contains(&p) {
                        seen.push(p);
                        next.push(p);
                    }
                }
            }
            frontier = next;
            level = level.saturating_add(1);
        }
        seen
    }

    /// What a written word counts: its senses, and for a collective written
    /// uninflected, its members.
    fn units(&self, word: &str) -> Vec<u32> {
        let lower = head(word);
        let mut out = Vec::new();
        for base in self.bases(&lower) {
            for sense in self.senses(base.lemma) {
                if !out.contains(&sense) {
                    out.push(sense);
                }
                if self.config.members && base.as_written {
                    for m in ids(self.field(sense, 1)) {
                        if !out.contains(&m) {
                            out.push(m);
                        }
                    }
                }
            }
        }
        out
    }

    fn same_subject(&self, a: &str, b: &str) -> bool {
        let (ha, hb) = (head(a), head(b));
        if ha.is_empty() || hb.is_empty() {
            return false;
        }
        if ha == hb {
            return true;
        }
        let ua = memo(&self.memo.units, a, || self.units(a).into());
        let ub = memo(&self.memo.units, b, || self.units(b).into());
        if ua.is_empty() || ub.is_empty() {
            return false;
        }
        if ua.iter().any(|x| ub.contains(x)) {
            return true;
        }
        let steps = Some(self.config.max_hypernym_steps);
        let covers = |xs: &[u32], ys: &[u32]| {
            xs.iter().any(|&x| {
                let up = memo(&self.memo.close, &x, || self.ancestors(x, steps).into());
                ys.iter().any(|&y| {
                    up.contains(&y)
                        && memo(&self.memo.depth, &y, || self.depth(y))
                            >= self.config.min_hypernym_depth
                })
            })
        };
        covers(&ua, &ub) || covers(&ub, &ua)
    }

    /// The fewest hypernym steps from a synset up to a root ("entity").
    fn depth(&self, id: u32) -> u8 {
        let mut seen = vec![id];
        let mut frontier = vec![id];
        let mut level = 0u8;
        while !frontier.is_empty() {
            let mut next = Vec::new();
            for &s in &frontier {
                let mut parents = ids(self.field(s, 0)).peekable();
                if parents.peek().is_none() {
                    return level;
                }
                for p in parents {
                    if !seen.contains(&p) {
                        seen.push(p);
                        next.push(p);
                    }
                }
            }
            frontier = next;
            level = level.saturating_add(1);
        }
        level
    }

    fn class(&self, word: &str) -> Option<NounClass> {
        let lower = head(word);
        let base = self.bases(&lower).into_iter().next()?;
        let sense = *self.senses(base.lemma).first()?;
        let up = self.ancestors(sense, None);
        self.anchors()
            .iter()
            .find(|(anchor, _)| up.contains(anchor))
            .map(|(_, class)| *class)
    }
}

/// The lemma of a noun as written, case-insensitively: "Troops" → "troops",
/// "people" → "person", "policemen" → "policeman". Given several words, the
/// last is the head ("riot policemen" → "policeman"). `None` when WordNet (as
/// kept in the table) does not know the word as a noun.
pub fn lemma(word: &str) -> Option<&'static str> {
    let n = nouns();
    n.bases(&head(word)).first().map(|b| b.lemma)
}

/// Whether two nouns, as written (any inflection, any case), name the same
/// subject: a sense of each is one synset, or one is a close hypernym of the
/// other (`max-hypernym-steps` in `rules/nouns.toml`), a collective written
/// uninflected counting as its members ("troops", "police"). Pass the words
/// as written: "troops" counts soldiers, its lemma "troop" a unit.
pub fn same_subject(a: &str, b: &str) -> bool {
    nouns().same_subject(a, b)
}

/// The class of a noun's most frequent sense (see `[[class]]` in
/// `rules/nouns.toml`).
pub fn class(word: &str) -> Option<NounClass> {
    nouns().class(word)
}

/// Parses the embedded table and configuration, reporting the first error.
pub fn validate_embedded() -> Result<(), Error> {
    let n = load(TABLE, CONFIG)?;
    validate(&n)
}

/// Checks every line of the table (fields, ids in range, sort order) and
/// that every class anchor names a synset.
fn validate(n: &Nouns) -> Result<(), Error> {
    let bad = |section: &str, line: &str, why: &str| {
        lexicon_error("rules/nouns.tsv", format!("{section} line {line:?}: {why}"))
    };
    let synsets = n.synsets.lines().count();
    let in_range = |field: &str| {
        field.is_empty()
            || field
                .split(',')
                .all(|s| s.parse::<usize>().is_ok_and(|id| id < synsets))
    };
    for (body, section) in [(n.irregular, "%irregular"), (n.lemmas, "%lemmas")] {
        let lines: Vec<&str> = body.lines().collect();
        if let Some(w) = lines.windows(2).find(|w| key(w[0]) >= key(w[1])) {
            return Err(bad(section, w[1], "not sorted by key"));
        }
    }
    for line in n.irregular.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 2 || fields[1].split(',').any(|l| n.lemma_line(l).is_none()) {
            return Err(bad("%irregular", line, "expected form, known lemma(s)"));
        }
    }
    for line in n.lemmas.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let ok = fields.len() == 2
            && !fields[0].is_empty()
            && n.lemma_line(fields[0]) == Some(line)
            && fields[1].split(' ').all(|s| {
                s == "-" || {
                    let (id, count) = s.split_once(':').unwrap_or((s, "0"));
                    in_range(id) && count.parse::<u32>().is_ok()
                }
            });
        if !ok {
            return Err(bad("%lemmas", line, "expected lemma, senses"));
        }
    }
    for line in n.synsets.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 3 || !fields.iter().all(|f| in_range(f)) {
            return Err(bad("%synsets", line, "expected hypernyms, members, kinds"));
        }
    }
    for class in &n.config.classes {
        for anchor in &class.anchors {
            if n.named(anchor).is_none() {
                return Err(lexicon_error(
                    "rules/nouns.toml",
                    format!("class anchor {anchor:?} names no synset of rules/nouns.tsv"),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_parses() {
        validate_embedded().unwrap();
        let n = nouns();
        assert!(n.lemmas.lines().count() > 30_000);
        assert!(n.synsets.lines().count() > 30_000);
        assert!(n.irregular.lines().count() > 500);
        assert_eq!(
            n.anchors().len(),
            n.config
                .classes
                .iter()
                .map(|c| c.anchors.len())
                .sum::<usize>()
        );
        // Every synset line is found by id, the last one too.
        let last = u32::try_from(n.synsets.lines().count() - 1).unwrap();
        assert_eq!(n.synset_line(last), n.synsets.lines().last());
        assert_eq!(n.synset_line(last + 1), None);
    }

    #[test]
    fn the_examples_of_the_rules_file_hold() {
        let ex = &nouns().config.examples;
        let mut failures = Vec::new();
        for (a, b) in &ex.same {
            if !same_subject(a, b) || !same_subject(b, a) {
                failures.push(format!("{a} ~ {b} should be the same subject"));
            }
        }
        for (a, b) in &ex.different {
            if same_subject(a, b) || same_subject(b, a) {
                failures.push(format!("{a} ~ {b} should be different subjects"));
            }
        }
        for (word, expected) in &ex.lemmas {
            if lemma(word) != Some(expected.as_str()) {
                failures.push(format!("lemma({word}) = {:?}, not {expected}", lemma(word)));
            }
        }
        for (word, expected) in &ex.classes {
            if class(word) != Some(*expected) {
                failures.push(format!(
                    "class({word}) = {:?}, not {expected:?}",
                    class(word)
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn unknown_and_odd_input_never_panics() {
        for w in [
            "", "s", "ies", "é", "Straße", "🙂", "x\ty", "--", "'s", "123",
        ] {
            let _ = lemma(w);
            let _ = class(w);
            assert_eq!(same_subject(w, w), !head(w).is_empty());
            let _ = same_subject(w, "people");
        }
        assert_eq!(lemma("qwzxv"), None);
        assert_eq!(lemma("North Korean Soldiers,"), Some("soldier"));
        assert!(same_subject("(peacekeepers)", "the troops"));
        assert!(!same_subject("qwzxv", "people"));
    }

    #[test]
    fn the_header_offsets_find_the_sections_as_a_search_does() {
        let found = sections(TABLE).unwrap();
        let without_header: &'static str = TABLE.replacen("# sections:", "# moved:", 1).leak();
        let searched = sections(without_header).unwrap();
        assert_eq!(found, searched);
        assert!(found[0].starts_with("aardwolves\t"));
        assert!(found[1].ends_with(char::is_numeric));
        assert!(!found[2].ends_with('\n'));
    }

    #[test]
    fn anchors_name_senses_by_rank() {
        let n = nouns();
        let root = n.named("entity.n.01").unwrap();
        assert_eq!(n.depth(root), 0);
        assert_eq!(n.depth(n.named("group.n.01").unwrap()), 2);
        // "force.n.05" is the military unit, not the first sense (physics).
        let unit = n.named("force.n.05").unwrap();
        assert_ne!(Some(unit), n.named("force.n.01"));
        assert_eq!(n.named("force.n.99"), None);
        assert_eq!(n.named("force"), None);
    }

    #[test]
    fn a_bad_config_is_an_error_not_a_panic() {
        assert!(load(TABLE, "max-hypernym-steps = 'x'").is_err());
        let bad_anchor = CONFIG.replace("\"person.n.01\"", "\"nosuchword.n.01\"");
        assert!(validate(&load(TABLE, &bad_anchor).unwrap()).is_err());
        assert!(load("no sections", CONFIG).is_err());
    }
}
