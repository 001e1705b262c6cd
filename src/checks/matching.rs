//! Matching figures that state the same quantity (same subject, frame, time
//! and unit) and cannot agree — shared by the `conflict` and `source` kinds.
//! Claims are indexed by subject head; each is compared with a bounded number
//! of earlier claims for the same head, so matching is linear in the number
//! of quantities.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::Article;
use super::interval::{self, Interval};
use crate::claims::{same_frame, same_scope, same_subject};
use crate::quantity::{Approx, Kind, MarkerRole, Quantity};
use crate::units;

/// Earlier claims compared with each claim, per subject.
const WINDOW: usize = 8;

/// A pair of figures for the same quantity that cannot both be right.
#[derive(Debug, Clone, Copy)]
pub struct Clash {
    pub earlier: usize,
    pub later: usize,
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
        .filter(|c| !refer_back || refers_back(article.text, &article.quantities[c.later]))
        .collect()
}

fn find_clashes(article: &Article<'_>) -> Vec<Clash> {
    let text = article.text;
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
        let earlier = by_head.entry(head).or_default();
        for &j in earlier.iter().rev().take(WINDOW) {
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
            if !same
                || !same_scope(&claims[j], &claims[i])
                || !(attributive || same_frame(&claims[j], &claims[i]))
            {
                continue;
            }
            if claims[j].role == Some(MarkerRole::Total)
                || claims[i].role == Some(MarkerRole::Total)
            {
                continue;
            }
            if !piv.overlaps(iv) {
                out.push(Clash {
                    earlier: j,
                    later: i,
                });
                break;
            }
        }
        earlier.push(i);
    }
    out
}

/// Whether a figure is written as referring back to one already given:
/// "the 950 homes", "these 3,000 soldiers", "the same 40".
fn refers_back(text: &str, q: &Quantity) -> bool {
    let lead = q.lead(text).trim_end();
    let last = lead
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    // "11 of the 23 suspects", "most of the 85,000": a whole named for a part.
    let part_of = lead
        .rsplit(|c: char| c.is_whitespace())
        .nth(1)
        .is_some_and(|w| w.eq_ignore_ascii_case("of"));
    matches!(last.as_str(), "the" | "these" | "those" | "same")
        && !part_of
        && q.approx != Approx::Vague
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
