//! Matching figures that state the same quantity (same subject, frame, time
//! and unit) and cannot agree — shared by the `conflict` and `source` kinds.
//! Claims are indexed by subject head; each is compared with a bounded number
//! of earlier claims for the same head, so matching is linear in the number
//! of quantities.

use std::borrow::Cow;

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
        .filter(|c| !refer_back || c.referred || c.restated)
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
        // Money and measures need a noun saying what they are of.
        let head = match q.kind {
            Kind::Count | Kind::Number => claims[i].head.as_deref(),
            _ => q
                .noun
                .map(|n| n.text(text))
                .and_then(|n| n.split_whitespace().last()),
        };
        let Some(head) = head else { continue };
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
                    .is_some_and(|h| h != head && crate::claims::same_noun(h, head))
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
            if punit != unit {
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
                Kind::Count | Kind::Number => same_subject(&claims[j], &claims[i]),
                _ => modifiers_agree(text, p, q),
            };
            // A measure attached to its noun ("the 1.2km tunnel") is a property
            // of the thing itself; other figures must be said in the same frame.
            let attributive = q.kind == Kind::Measure && p.noun.is_some() && q.noun.is_some()
                || claims[i].labelled && claims[j].labelled;
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
            if !same || !scoped || !(attributive || shared_frame || referred || restated) {
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
            let said = qs.iter().zip(claims).filter(|(q, cl)| {
                !in_headline(q)
                    && q.kind == qs[c.later].kind
                    && cl.head == claims[c.later].head
                    && same_modifiers(cl, &claims[c.later])
                    && same_frame(h, cl)
            });
            said.count() == 1
        }
    });
    out
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

/// Whether the text marks two figures as disagreeing ("far higher than
/// Seoul's estimate", "disputed", "while police put the figure at").
pub fn marked(article: &Article<'_>, a: &Quantity, b: &Quantity) -> bool {
    let text = article.text;
    [a.sentence, b.sentence].iter().any(|s| {
        let t = s.text(text).to_lowercase();
        [
            "higher than",
            "lower than",
            "more than the",
            "fewer than the",
            "disputed",
            "dispute",
            "whereas",
            " while ",
            "in contrast",
            "contradict",
            "however",
            "differ",
            "estimate of",
            "put the figure",
            "put the number",
            "than the",
            "compared with",
            "by contrast",
            "but ",
        ]
        .iter()
        .any(|m| t.contains(m))
    })
}
