//! Matching figures that state the same quantity (same subject, frame, time
//! and unit) and cannot agree — shared by the `conflict` and `source` kinds.
//! Claims are indexed by subject head; each is compared with a bounded number
//! of earlier claims for the same head, so matching is linear in the number
//! of quantities.

use std::borrow::Cow;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::Article;
use super::interval::{self, Interval};
use crate::claims::{frames_compatible, same_frame, same_scope, same_subject};
use crate::quantity::{Approx, Kind, MarkerRole, Quantity};
use crate::units;

/// Earlier claims compared with each claim, per subject.
const WINDOW: usize = 8;

/// Recent counted figures searched for a head related by meaning, and how
/// far back in the text (a WordNet look-up costs microseconds: the search
/// stays local, where another word for the same subject is written).
const RELATED_WINDOW: usize = 6;
const RELATED_BYTES: usize = 1_500;

/// A pair of figures for the same quantity that cannot both be right.
#[derive(Debug, Clone, Copy)]
pub struct Clash {
    pub earlier: usize,
    pub later: usize,
    /// The later figure refers back to the earlier ("these 2,000 soldiers").
    pub referred: bool,
    /// The later figure is the body's first statement of a headline's figure.
    pub restated: bool,
    /// Nothing said tells them apart: the same subject and unit, and no
    /// contrary evidence (see [`undistinguished`]), so the later restates
    /// the earlier.
    pub unmarked: bool,
    /// Something positive pairs them: the same frame, a property of one
    /// named thing, a reference or a restated headline. Only such pairs
    /// are compared across sources (`source-disagreement`).
    pub evidenced: bool,
}

/// The interval of a figure in comparable units (measures in base units),
/// keyed by what it counts (bare numbers count their claim's subject).
fn comparable<'c>(
    q: &'c Quantity,
    claim: &'c crate::claims::Claim,
) -> Option<(Cow<'c, str>, Interval)> {
    let iv = interval::stated(q)?;
    match q.kind {
        Kind::Measure => {
            let u = units::lookup(q.unit.as_deref()?)?;
            if u.dimension == units::Dimension::Temperature {
                return None;
            }
            Some((Cow::Owned(format!("{:?}", u.dimension)), iv.scale(u.factor)))
        }
        Kind::Money => Some((Cow::Borrowed(q.unit.as_deref()?), iv)),
        Kind::Count | Kind::Number => Some((Cow::Borrowed(claim.head.as_deref()?), iv)),
        _ => None,
    }
}

/// Every clash in the article, later figure last. With `refer_back`, the
/// later figure must refer back to an earlier one ("the 950 homes") unless
/// both are properties of one named thing; attributed figures from two
/// sources are compared without it (`source-disagreement`).
pub fn clashes(article: &Article<'_>, refer_back: bool) -> Vec<Clash> {
    // The later figure's wording alone decides whether it refers back, so
    // the clashes that need it are those found without it, filtered.
    let all = article.clashes.get_or_init(|| find_clashes(article));
    all.iter()
        .copied()
        .filter(|c| {
            if refer_back {
                c.referred || c.restated || c.unmarked
            } else {
                c.evidenced
            }
        })
        .collect()
}

/// The article's headline: a first paragraph of one short line that does
/// not end a sentence ("DaimlerChrysler plans to cut 13,000 jobs").
fn headline(text: &str) -> Option<crate::span::Span> {
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    let end = rest.find('\n').unwrap_or(rest.len());
    let line = rest[..end].trim_end();
    // A paragraph of its own: a blank line, or the end of the text, after it.
    let after = &rest[end..];
    let own_paragraph = after
        .get(1..)
        .is_none_or(|a| a.lines().next().is_none_or(|l| l.trim().is_empty()));
    let words = line.split_whitespace().count();
    (own_paragraph
        && (2..=20).contains(&words)
        && !line.ends_with(['.', '!', '?', '"', '\u{201d}', ':']))
    .then(|| crate::span::Span::new(start, start + line.len()))
}

fn find_clashes(article: &Article<'_>) -> Vec<Clash> {
    let text = article.text;
    let headline = headline(text);
    let in_headline =
        |q: &Quantity| headline.is_some_and(|h| h.start <= q.span.start && q.span.end <= h.end);
    // Heads the body has already counted: a headline's figure is restated by
    // the body's first figure for its subject.
    let mut body_heads: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    // Counted figures in text order, for heads related by meaning.
    let mut recent: Vec<usize> = Vec::new();
    let qs = &article.quantities;
    let claims = &article.claims;
    let mut by_head: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let series = distinct_values(article);
    let mut out = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        // Bare numbers take part when a label or an estimate names them.
        let named_number = q.kind == Kind::Number
            && claims[i].head.is_some()
            && (claims[i].labelled || claims[i].frames.iter().any(|f| f == "attend"));
        if !matches!(q.kind, Kind::Count | Kind::Money | Kind::Measure) && !named_number {
            continue;
        }
        if matches!(
            claims[i].role,
            Some(MarkerRole::Increment | MarkerRole::Part)
        ) {
            continue;
        }
        // "the world's eight richest countries", "the four warmest years": a
        // ranked set named by its size, not a count of the subject.
        if claims[i].modifiers.iter().any(|m| is_superlative(m)) {
            continue;
        }
        let Some(head) = head_of(text, q, &claims[i]) else {
            continue;
        };
        let Some((unit, iv)) = comparable(q, &claims[i]) else {
            continue;
        };
        // Earlier figures for the same head, and recent ones whose head
        // WordNet makes the same subject ("troops" … "soldiers"), nearest first.
        let mut candidates: Vec<usize> = by_head
            .get(head)
            .map(|e| e.iter().rev().take(WINDOW).copied().collect())
            .unwrap_or_default();
        if matches!(q.kind, Kind::Count | Kind::Number) {
            for &j in recent
                .iter()
                .rev()
                .take(RELATED_WINDOW)
                .take_while(|&&j| qs[j].span.end + RELATED_BYTES >= q.span.start)
            {
                if claims[j]
                    .head
                    .as_deref()
                    .is_some_and(|h| h != head && related_heads(h, head))
                {
                    candidates.push(j);
                }
            }
            candidates.sort_unstable_by(|a, b| b.cmp(a));
        }
        for &j in &candidates {
            let p = &qs[j];
            if p.per != q.per || (p.approx == Approx::Vague && q.approx == Approx::Vague) {
                continue;
            }
            let Some((punit, piv)) = comparable(p, &claims[j]) else {
                continue;
            };
            // Counts compare by head, money and measures by unit. Of heads
            // related by meaning, only an audience and the people in it ("a
            // crowd of 81,452" … "the 81,542 spectators") are one quantity
            // here: two kinds of people ("51 Lebanese" … "83 people") may be
            // a part and its whole, and are paired by `undistinguished` only
            // through the same head.
            let one_audience = matches!(p.kind, Kind::Count | Kind::Number)
                && matches!(q.kind, Kind::Count | Kind::Number)
                && audience_and_people(&punit, &unit);
            if punit != unit && !one_audience {
                continue;
            }
            // A lumped figure ("confirmed and suspected cases") and a single
            // category are different quantities (see combined-category).
            if claims[i].lumped != claims[j].lumped
                || claims[i].lumped_frames != claims[j].lumped_frames
            {
                continue;
            }
            let same = match q.kind {
                Kind::Count | Kind::Number => subjects_match(&claims[j], &claims[i]),
                _ => modifiers_agree(text, p, q),
            };
            // A measure attached to its noun ("the 1.2km tunnel") is a property
            // of the thing itself; other figures must be said in the same frame.
            let attributive = q.kind == Kind::Measure && p.noun.is_some() && q.noun.is_some()
                || claims[i].labelled && claims[j].labelled
                || p.written.attributive && q.written.attributive && p.sentence != q.sentence;
            let (cj, ci) = (&claims[j], &claims[i]);
            if crate::claims::periods_differ(cj, ci) {
                continue;
            }
            let shared_frame = same_frame(cj, ci);
            // A figure referring back names an earlier one: "these 2,000
            // soldiers" whatever is now said of it (unless frames or years
            // contradict), "the 950 homes" when said in the same frame; never
            // a narrower subject than the one it refers to.
            let referred = match reference(text, q) {
                Reference::Demonstrative => frames_compatible(cj, ci),
                Reference::Definite => shared_frame || attributive,
                Reference::None => false,
            } && ci
                .modifiers
                .iter()
                .all(|m| cj.modifiers.contains(m) || says_what_happened(m));
            // A headline's figure is restated by the body's first figure for
            // the same narrowed subject in the same frame, said as firmly
            // ("DaimlerChrysler plans to cut 13,000 jobs" … "announced it would
            // cut 11,000 jobs"); money by the same noun phrase ("a $4.9 billion
            // hostile bid" … "a $6.0 billion hostile bid").
            let first_in_body = in_headline(p) && !in_headline(q) && !body_heads.contains(head);
            let restated = first_in_body
                && cj.irrealis == ci.irrealis
                && p.approx != Approx::Vague
                && q.approx != Approx::Vague
                && ((shared_frame && same_modifiers(cj, ci))
                    || (q.kind == Kind::Money
                        && same_noun_phrase(text, p, q)
                        && frames_compatible(cj, ci)));
            // Places and groups: the same, or (for a restatement or a
            // reference) one's named in the other's sentence ("Shop Direct to
            // cut 1,150 jobs" … "Shop Direct group, one of the UK's retailers,
            // is to cut 1,450 jobs in Merseyside").
            let scoped = same_scope(cj, ci)
                || ((restated || referred)
                    && (named_in(text, &cj.scope, q.sentence)
                        || named_in(text, &ci.scope, p.sentence)));
            let evidenced = attributive || shared_frame || referred || restated;
            // Without positive evidence, the absence of contrary evidence
            // pairs them: a later figure for the same subject restates an
            // earlier one unless something said tells them apart. A subject
            // given three or more different values is a series, not one
            // figure restated; a headline is restated only as above.
            let unmarked = same
                && !in_headline(p)
                && !in_headline(q)
                && series.get(head).is_none_or(|&n| n < SERIES)
                && undistinguished(article, j, i, reference(text, q) != Reference::None);
            if !same || !(scoped && evidenced || unmarked) {
                continue;
            }
            if cj.role == Some(MarkerRole::Total) || ci.role == Some(MarkerRole::Total) {
                continue;
            }
            // The nearest figure it can be compared with decides: agreeing
            // with it, the later figure clashes with nothing older. A
            // reference may point past it ("these 18 countries" after "the
            // eight richest countries" names the headline's "18 poorest
            // nations"): it clashes only when no figure for the subject agrees.
            let agreeing_antecedent = referred
                && !restated
                && candidates.iter().any(|&k| {
                    k != j
                        && same_subject(&claims[k], ci)
                        && comparable(&qs[k], &claims[k])
                            .is_some_and(|(u, kv)| u == unit && kv.overlaps(iv))
                });
            if !piv.overlaps(iv) && !agreeing_antecedent {
                out.push(Clash {
                    earlier: j,
                    later: i,
                    referred,
                    restated,
                    unmarked,
                    evidenced: evidenced && scoped,
                });
            }
            break;
        }
        by_head.entry(head).or_default().push(i);
        if matches!(q.kind, Kind::Count | Kind::Number) {
            recent.push(i);
        }
        if !in_headline(q) {
            body_heads.insert(head);
        }
    }
    // A headline may sum the body ("kill 23 people" … "killing 12 people" …
    // "killing 11"): it is restated only where the body says it once.
    out.retain(|c| {
        !c.restated || {
            let h = &claims[c.earlier];
            let later = &qs[c.later];
            let key = head_of(text, later, &claims[c.later]);
            let others = qs.iter().zip(claims).enumerate().filter(|&(k, (q, cl))| {
                k != c.later
                    && !in_headline(q)
                    && q.kind == later.kind
                    && head_of(text, q, cl) == key
                    && same_modifiers(cl, &claims[c.later])
                    && same_frame(h, cl)
            });
            others.count() == 0
        }
    });
    out
}

/// What a figure is keyed by: its claim's head for counts, the last word
/// of its noun for money and measures (which need a noun saying what they
/// are of).
fn head_of<'a>(text: &'a str, q: &Quantity, claim: &'a crate::claims::Claim) -> Option<&'a str> {
    match q.kind {
        Kind::Count | Kind::Number => claim.head.as_deref(),
        _ => q
            .noun
            .map(|n| n.text(text))
            .and_then(|n| n.split_whitespace().last()),
    }
}

/// For each head, how many values the article gives it that cannot be one
/// figure (intervals that meet none of the others already counted), counted
/// up to `SERIES`: all a caller asks is whether it is a series, and a
/// document with thousands of figures for one head stays linear.
fn distinct_values<'a>(article: &'a Article<'_>) -> FxHashMap<&'a str, usize> {
    let text = article.text;
    let mut seen: FxHashMap<&str, Vec<Interval>> = FxHashMap::default();
    for (q, claim) in article.quantities.iter().zip(&article.claims) {
        if !matches!(
            q.kind,
            Kind::Count | Kind::Number | Kind::Money | Kind::Measure
        ) || q.approx == Approx::Vague
        {
            continue;
        }
        let (Some(head), Some((_, iv))) = (head_of(text, q, claim), comparable(q, claim)) else {
            continue;
        };
        let values = seen.entry(head).or_default();
        if values.len() < SERIES && !values.iter().any(|v| v.overlaps(iv)) {
            values.push(iv);
        }
    }
    seen.into_iter().map(|(h, v)| (h, v.len())).collect()
}

/// Whether two heads name one subject: WordNet makes them one, or one is
/// an audience ("a crowd of 81,452") and the other counts people ("the
/// 81,542 spectators").
fn related_heads(a: &str, b: &str) -> bool {
    crate::claims::same_noun(a, b) || audience_and_people(a, b)
}

/// Whether one head is an audience ("crowd") and the other counts people
/// ("spectators").
fn audience_and_people(a: &str, b: &str) -> bool {
    let audience = &crate::lexicon::FRAMES.audience_nouns;
    let person = |w: &str| crate::nouns::class(w) == Some(crate::nouns::NounClass::Person);
    (audience.contains(a) && person(b)) || (audience.contains(b) && person(a))
}

/// [`same_subject`], with an audience counting its people.
fn subjects_match(a: &crate::claims::Claim, b: &crate::claims::Claim) -> bool {
    same_subject(a, b)
        || match (&a.head, &b.head) {
            (Some(x), Some(y)) => {
                x != y && related_heads(x, y) && (a.modifiers.is_empty() || b.modifiers.is_empty())
            }
            _ => false,
        }
}

/// Whether nothing said of two figures for one subject tells them apart, so
/// that the later (`i`) restates the earlier (`j`). Contrary evidence (see
/// `claims.md`): one said as a fact and the other as expected; frames that
/// differ (a figure referring back, "the 150 soldiers", may be said with a
/// new verb, but not in another frame class: killed against injured); years
/// or periods that differ, or a period named for the later only; a later subject
/// narrowed by a modifier or a place the earlier lacks; a running total
/// ("so far", "since"); a comparison ("compared to", "against"). Roles
/// (increments, parts, totals), rates, vague words and lumped categories
/// are ruled out by the caller.
fn undistinguished(article: &Article<'_>, j: usize, i: usize, refers: bool) -> bool {
    let text = article.text;
    let (p, q) = (&article.quantities[j], &article.quantities[i]);
    let (cj, ci) = (&article.claims[j], &article.claims[i]);
    // A figure that sizes a thing ("its 500 seat requirement", "the site of
    // 3,000-centrifuge machines") is a property of the thing, true whatever
    // the modal verb of its clause ("would leave the parliament short of its
    // 500 seat requirement"): a fact said against an expectation tells two
    // figures apart only when neither is such a property.
    let property = p.written.attributive || q.written.attributive;
    if cj.irrealis != ci.irrealis && !property
        || p.approx == Approx::Vague
        || q.approx == Approx::Vague
    {
        return false;
    }
    // Two figures for one noun in one sentence are listed side by side
    // ("231 seats in the House and 55 seats in the Senate"); figures an
    // order of magnitude apart are different quantities, not one figure
    // misremembered or left from an earlier draft.
    if p.sentence == q.sentence || !near_in_size(p, q) {
        return false;
    }
    // Two estimates or bounds ("more than 30 people" … "nearly two dozen
    // people") are approximations, each true of its moment; a handful (under
    // ten) is counted too often for two counts of one noun to be one figure.
    if p.approx != Approx::Exact && q.approx != Approx::Exact {
        return false;
    }
    let (Some(x), Some(y)) = (p.value.number(), q.value.number()) else {
        return false;
    };
    if x < MIN_RESTATED || y.is_zero() {
        return false;
    }
    // Counts must count a noun ("2004 interferes", "767 s" are no counts);
    // money and measures the same thing, named word for word ("a $900
    // billion economic stimulus package" … "bill" is another thing).
    let counted = match q.kind {
        Kind::Count | Kind::Number => ci
            .head
            .as_deref()
            .is_some_and(|h| h.len() > 2 && crate::nouns::lemma(h).is_some()),
        _ => same_noun_phrase(text, p, q),
    };
    if !counted {
        return false;
    }
    if cj.year.zip(ci.year).is_some_and(|(a, b)| a != b) {
        return false;
    }
    let frames_ok = frames_compatible(cj, ci)
        || refers && {
            let lex = &*crate::lexicon::FRAMES;
            let is_class = |f: &str| lex.class_of.values().any(|c| c == f);
            fn classes<'c>(
                c: &'c crate::claims::Claim,
                is_class: &dyn Fn(&str) -> bool,
            ) -> Vec<&'c str> {
                c.frames
                    .iter()
                    .map(|f| f.as_ref())
                    .filter(|f| is_class(f))
                    .collect()
            }
            let (a, b) = (classes(cj, &is_class), classes(ci, &is_class));
            a.is_empty() || b.is_empty() || a.iter().any(|f| b.contains(f))
        };
    if !frames_ok || crate::claims::periods_differ(cj, ci) {
        return false;
    }
    // A later figure that names a period the earlier does not is for that
    // period ("80 people landed" … "135,000 people visited the UK last
    // year"); one that names none continues the earlier's.
    if cj.period.is_empty() && !ci.period.is_empty() && !refers {
        return false;
    }
    let narrowed = ci
        .modifiers
        .iter()
        .any(|m| !cj.modifiers.contains(m) && !says_what_happened(m));
    let placed = !ci.scope.is_empty() && (cj.scope.is_empty() || !same_scope(cj, ci));
    if narrowed || placed {
        return false;
    }
    let qs = &article.quantities;
    let moved = moved(article, j, i);
    // Parallel rows ("497 positive votes, 93 negative votes and 71
    // abstentions" … "522 votes in favour, 70 negative votes and 69
    // abstentions"): sentences that count two or more of the same things
    // report two events side by side.
    let heads = |s: crate::span::Span| -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        // Quantities are in text order: only the sentence's own are read.
        let first = qs.partition_point(|x| x.span.start < s.start);
        for (x, c) in qs[first..]
            .iter()
            .zip(&article.claims[first..])
            .take_while(|(x, _)| x.span.start < s.end)
        {
            if x.sentence == s
                && x.kind == Kind::Count
                && let Some(h) = c.head.as_deref()
                && !out.contains(&h)
            {
                out.push(h);
            }
        }
        out
    };
    let later_heads = heads(q.sentence);
    let parallel = heads(p.sentence)
        .iter()
        .filter(|h| later_heads.contains(h))
        .count()
        >= PARALLEL;
    if moved || parallel {
        return false;
    }
    let lex = &*crate::lexicon::FRAMES;
    // The earlier figure's sentence, and the later figure's paragraph up to
    // its sentence's end ("A similar attack occurred Wednesday … 25 crew
    // members were on board" is another event than the 17 crew members).
    // (Read back at most `PARAGRAPH_BYTES`, so that a document without line
    // breaks is not read whole for every pair.)
    let mut floor = q.sentence.start.saturating_sub(PARAGRAPH_BYTES);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let paragraph = text
        .get(floor..q.sentence.start)
        .and_then(|before| before.rfind('\n'))
        .map_or(floor, |k| floor + k + 1);
    let sentences = [
        p.sentence.text(text).to_lowercase(),
        text.get(paragraph.min(q.sentence.start)..q.sentence.end)
            .unwrap_or("")
            .to_lowercase(),
    ];
    let said = |phrases: &[String]| {
        sentences
            .iter()
            .any(|s| phrases.iter().any(|w| has_phrase(s, w)))
    };
    !said(&lex.contrast) && !aggregate(article, p, q)
}

/// Whether a date written between two figures (after the earlier's
/// sentence) that the earlier's sentence does not name moves the story to
/// another day or event ("17 crew members were on board … A similar attack
/// occurred Wednesday … 25 crew members were on board").
pub fn moved(article: &Article<'_>, j: usize, i: usize) -> bool {
    let (text, qs) = (article.text, &article.quantities);
    let earlier = qs[j].sentence.text(text);
    let end = qs[j].sentence.end;
    let after_earlier = j + 1 + qs[j + 1..i].partition_point(|d| d.span.start < end);
    qs[after_earlier..i]
        .iter()
        .any(|d| d.kind == Kind::Date && !earlier.contains(d.span.text(text)))
}

/// How far apart (as a ratio) a restated figure may be from the figure it
/// restates: a slip changes a digit or keeps an earlier draft's figure; two
/// counts further apart than this are of different things.
const RESTATED_RATIO: Decimal = Decimal::from_parts(2, 0, 0, false, 0);

/// How far back a paragraph is read for words that tell two figures apart
/// (a long news paragraph is under 2 KB).
const PARAGRAPH_BYTES: usize = 4096;

/// How many different values make a head's figures a series, not one
/// figure restated.
const SERIES: usize = 3;

/// How many of the same things two sentences count to be parallel rows.
const PARALLEL: usize = 2;

/// The smallest earlier figure paired by the absence of contrary evidence
/// alone (a restatement may be slipped below it).
const MIN_RESTATED: Decimal = Decimal::from_parts(10, 0, 0, false, 0);

/// Whether two figures are within [`RESTATED_RATIO`] of each other.
fn near_in_size(a: &Quantity, b: &Quantity) -> bool {
    let (Some(x), Some(y)) = (a.value.number(), b.value.number()) else {
        return false;
    };
    let (lo, hi) = if x <= y { (x, y) } else { (y, x) };
    lo > Decimal::ZERO && lo.checked_mul(RESTATED_RATIO).is_some_and(|m| hi <= m)
}

/// Whether one figure's sentence makes it a running total or an aggregate
/// and the other's does not ("in all", "so far", "collectively";
/// `running_total` in `rules/frames.toml`): a total and a count for one day,
/// place or member are different quantities, whoever gives them. Two running
/// totals ("since fighting broke out") may disagree.
pub fn aggregate(article: &Article<'_>, a: &Quantity, b: &Quantity) -> bool {
    running_total(article, a) != running_total(article, b)
}

/// Whether a figure's sentence makes it a running total or an aggregate.
pub fn running_total(article: &Article<'_>, q: &Quantity) -> bool {
    let s = q.sentence.text(article.text).to_lowercase();
    crate::lexicon::FRAMES
        .running_total
        .iter()
        .any(|w| has_phrase(&s, w))
}

/// Whether a lower-case phrase is written in a lower-case text as whole words.
fn has_phrase(text: &str, phrase: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    text.match_indices(phrase).any(|(k, _)| {
        !word(text[..k].chars().next_back()) && !word(text[k + phrase.len()..].chars().next())
    })
}

/// How a figure's wording refers back to one already given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reference {
    /// "these 3,000 soldiers", "those 40", "the same 40".
    Demonstrative,
    /// "the 950 homes".
    Definite,
    None,
}

/// Whether a figure refers back to one already given ("these 2,000 soldiers",
/// "the 950 homes"): it restates an earlier figure rather than adding one.
pub fn refers_back(text: &str, q: &Quantity) -> bool {
    reference(text, q) != Reference::None
}

fn reference(text: &str, q: &Quantity) -> Reference {
    if q.approx == Approx::Vague {
        return Reference::None;
    }
    let lead = q.lead(text).trim_end();
    let mut words = lead.rsplit(|c: char| c.is_whitespace());
    let last = words.next().unwrap_or("");
    let lex = &*crate::lexicon::FRAMES;
    // "11 of the 23 suspects", "most of the 85,000": a whole named for a part;
    // "the option of the 15 GB plan": a thing named, not a figure referred to
    // (but "the presence of these 2,000 soldiers" refers back).
    let demonstrative = crate::extract::words::Lower::new(last)
        .is_some_and(|l| lex.refer_back.contains(l.as_str()));
    // "of the 20 member cabinet": a thing named with its size is the one
    // already named, wherever it stands.
    if q.written.attributive && last.eq_ignore_ascii_case("the") {
        return Reference::Definite;
    }
    if words.next().is_some_and(|w| w.eq_ignore_ascii_case("of"))
        && (!demonstrative
            || words.next().is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_digit())
                    || crate::extract::words::Lower::new(w)
                        .is_some_and(|l| lex.part_quantifiers.contains(l.as_str()))
            }))
    {
        return Reference::None;
    }
    let l = crate::extract::words::Lower::new(last);
    match l.as_ref().map(|l| l.as_str()) {
        Some(w) if lex.refer_back.contains(w) => Reference::Demonstrative,
        Some("the") => Reference::Definite,
        _ => Reference::None,
    }
}

/// Whether one of the scope words is written as a word in a sentence.
fn named_in(text: &str, scope: &[String], sentence: crate::span::Span) -> bool {
    let s = sentence.text(text);
    scope.iter().any(|w| {
        s.match_indices(|c: char| c.is_uppercase()).any(|(k, _)| {
            let rest = &s[k..];
            rest.len() >= w.len()
                && rest.is_char_boundary(w.len())
                && rest[..w.len()].to_lowercase() == *w
                && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
    })
}

/// Whether two figures are followed by the same noun phrase, word for word.
fn same_noun_phrase(text: &str, a: &Quantity, b: &Quantity) -> bool {
    match (a.noun, b.noun) {
        (Some(x), Some(y)) => {
            let (x, y) = (x.text(text), y.text(text));
            x.split_whitespace()
                .map(str::to_lowercase)
                .eq(y.split_whitespace().map(str::to_lowercase))
        }
        _ => false,
    }
}

/// Whether a modifier says what happened to the things counted rather than
/// which things they are: a frame word or a participle ("the 460 cancelled
/// flights" are the flights cancelled, not a narrower kind of flight).
fn says_what_happened(modifier: &str) -> bool {
    crate::lexicon::FRAMES.class_of.contains_key(modifier)
        || (modifier.ends_with("ed") && crate::verbs::lemma(modifier).is_some())
}

/// Whether a modifier is a superlative adjective ("richest", "largest",
/// "busiest"): an "-est" word that is no noun ("forest", "protest").
fn is_superlative(m: &str) -> bool {
    m.len() > 5 && m.ends_with("est") && crate::nouns::lemma(m).is_none()
}

/// Whether two subjects are narrowed by the same modifiers.
fn same_modifiers(a: &crate::claims::Claim, b: &crate::claims::Claim) -> bool {
    a.modifiers.len() == b.modifiers.len() && a.modifiers.iter().all(|m| b.modifiers.contains(m))
}

/// For money and measures: the nouns after the figures name the same thing
/// ("1.2km Kestrel Hill tunnel", "1,500-metre tunnel").
fn modifiers_agree(text: &str, a: &Quantity, b: &Quantity) -> bool {
    let words = |q: &Quantity| -> Vec<String> {
        q.noun
            .map(|n| n.text(text))
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (ma, mb) = (
        &wa[..wa.len().saturating_sub(1)],
        &wb[..wb.len().saturating_sub(1)],
    );
    ma.is_empty()
        || mb.is_empty()
        || ma.iter().all(|m| mb.contains(m))
        || mb.iter().all(|m| ma.contains(m))
}

/// Whether the text marks two figures as disagreeing: a word of
/// `disagreement` (`rules/markers.toml`) in either sentence ("far higher
/// than Seoul's estimate", "disputed"), or of `disagreement_after` in the
/// later figure's paragraph after its sentence ("… has not been confirmed
/// by NATO").
pub fn marked(article: &Article<'_>, a: &Quantity, b: &Quantity) -> bool {
    let text = article.text;
    let markers = &*crate::lexicon::MARKERS;
    let in_sentence = [a.sentence, b.sentence].iter().any(|s| {
        let t = s.text(text).to_lowercase();
        markers.disagreement.iter().any(|m| t.contains(m.as_str()))
    });
    // The rest of the later figure's paragraph (read at most
    // `PARAGRAPH_BYTES`).
    let rest = text.get(b.sentence.end..).unwrap_or("");
    let mut end = rest.find('\n').unwrap_or(rest.len()).min(PARAGRAPH_BYTES);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let after = rest[..end].to_lowercase();
    in_sentence
        || markers
            .disagreement_after
            .iter()
            .any(|m| has_phrase(&after, m))
}
