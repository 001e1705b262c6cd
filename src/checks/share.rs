//! `share`: a percentage or fraction that disagrees with the counts it
//! describes — "1,842 of 2,310 voters, or 74%"; "Of the 2,310 … 1,842, or
//! 74%"; "half of the 3,000 troops, some 1,800".

use rust_decimal::Decimal;

use super::Article;
use super::interval::{self, Interval};
use crate::decimal::render;
use crate::diagnostic::Diagnostic;
use crate::quantity::{Kind, Quantity};
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = &["share", "part", "whole", "actual"];

/// Whether `between` (the text between two figures) says "of": "1,842 of
/// the 2,310", "2.1 million of New York City's 8.4 million".
fn joins_with_of(between: &str) -> bool {
    let lower = between.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.first().is_some_and(|w| *w == "of" || *w == "out")
        && words.len() <= 6
        && !between.contains(['.', ';'])
}

/// Whether the text right before a share introduces it as a restatement:
/// ", or", "(", "or about".
fn restates(before: &str) -> bool {
    let t = before.trim_end();
    if t.len() > 14 {
        return false;
    }
    t.ends_with(", or")
        || t.ends_with('(')
        || t.ends_with("— or")
        || t.ends_with(", that is")
        || t.trim_start() == "—"
        || t.trim_start() == "–"
}

/// Whether a count may be the whole or part in a share (not a date, time or ordinal).
fn is_amount(q: &Quantity) -> bool {
    matches!(
        q.kind,
        Kind::Count | Kind::Number | Kind::Money | Kind::Measure
    ) && q.value.number().is_some()
}

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    check_fraction_of(article, rule, out);
    let text = article.text;
    let qs = &article.quantities;
    let hedge = rule.number("hedge");
    for (s, share) in qs.iter().enumerate() {
        // A percentage, or a fraction written in words ("more than a third").
        let is_percent = share.kind == Kind::Percent && share.unit.as_deref() == Some("percent");
        if !(is_percent || share.kind == Kind::Number && fraction_value(share).is_some()) || s == 0
        {
            continue;
        }
        let part_i = s - 1;
        let part = &qs[part_i];
        if !is_amount(part) || part.sentence != share.sentence {
            continue;
        }
        if !restates(text.get(part.span.end..share.span.start).unwrap_or("")) {
            continue;
        }
        // (part, whole): "N of … M, or X%" (the figure before the share is
        // the whole), or "Of the M …, N, or X%".
        let found = if part_i >= 1
            && is_amount(&qs[part_i - 1])
            && joins_with_of(
                text.get(qs[part_i - 1].span.end..part.span.start)
                    .unwrap_or(""),
            ) {
            // "1,842 of 2,310, or 74%": the part came first.
            Some((part_i - 1, part_i))
        } else {
            (0..part_i)
                .rev()
                .take_while(|&j| qs[j].sentence == share.sentence)
                .take(super::LOOKBACK)
                .find_map(|j| super::sum::is_container(text, &qs[j]).then_some((part_i, j)))
                // "… 2,664 satellites … Of those, 1,984 — more than four in
                // five — …": the whole is the one the sentence before gave.
                .or_else(|| {
                    super::enumeration::whole_in_previous_sentence(text, qs, part_i)
                        .map(|w| (part_i, w))
                })
        };
        let Some((part_i, whole_i)) = found else {
            continue;
        };
        let (p, w) = (&qs[part_i], &qs[whole_i]);
        let (Some(pv), Some(wv)) = (p.value.number(), w.value.number()) else {
            continue;
        };
        if wv <= Decimal::ZERO || pv > wv {
            continue;
        }
        let share_interval = if is_percent {
            interval::of(share, text, true, hedge)
        } else {
            fraction_value(share).and_then(|(_, slack)| {
                interval::of(share, text, false, Decimal::ZERO)
                    .map(|i| i.scale(Decimal::ONE_HUNDRED).widen(slack))
            })
        };
        let (Some(pi), Some(wi), Some(si)) = (
            interval::of(p, text, false, hedge),
            interval::of(w, text, false, hedge),
            share_interval,
        ) else {
            continue;
        };
        let derived: Interval = pi.divided_by(wi).scale(Decimal::ONE_HUNDRED);
        if derived.overlaps(si) {
            continue;
        }
        let actual = (pv * Decimal::ONE_HUNDRED / wv).round_dp(1);
        let values = [
            ("share", share.span.text(text).to_string()),
            ("part", p.number.text(text).to_string()),
            ("whole", w.number.text(text).to_string()),
            ("actual", format!("{}%", render(actual))),
        ];
        // The fix writes the recomputed share the way the share is written.
        let d = rule
            .finding(share.span, &values)
            .with_related(p.span, "the part")
            .with_related(w.span, "the whole");
        // A fraction in words has no digits to rewrite.
        let d = if is_percent {
            d.with_fix(share.number, super::format_like(actual, share, text))
        } else {
            d
        };
        out.push(d);
    }
}

/// A share written as a fraction or percentage of a whole, restated as a
/// count: "a third of the 1,800 jobs, some 450 positions"; "half of the
/// 3,000 troops, some 1,800".
pub fn check_fraction_of(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    for (f, frac) in qs.iter().enumerate() {
        let Some(share) = fraction_value(frac) else {
            continue;
        };
        let (Some(whole), Some(count)) = (qs.get(f + 1), qs.get(f + 2)) else {
            continue;
        };
        // A count on another time base ("… a day, or roughly 40 million
        // barrels a year") is a conversion, not the share.
        if whole.sentence != frac.sentence
            || count.sentence != frac.sentence
            || !is_amount(whole)
            || !is_amount(count)
            || whole.per != count.per
        {
            continue;
        }
        // "… of (the) W": the whole follows the fraction directly.
        let between = text
            .get(frac.span.end..whole.span.start)
            .unwrap_or("")
            .trim()
            .to_lowercase();
        if !matches!(
            between.as_str(),
            "of" | "of the" | "of its" | "of their" | "of all"
        ) {
            continue;
        }
        // ", some M" / ", or M": the count restates the share.
        // The whole may carry a short qualifier first ("jobs at its plant in Ghent,").
        let gap = text
            .get(whole.span.end..count.span.start)
            .unwrap_or("")
            .trim();
        let restated =
            gap.ends_with(',') || gap.ends_with(", or") || gap.ends_with('(') || gap.ends_with('—');
        let qualifier = gap
            .trim_end_matches(", or")
            .trim_end_matches([',', '(', '—']);
        // The qualifier may be a relative clause ("nurses who took part in a
        // survey of staff at Kenya's county hospitals, some 1,200 people").
        if !restated || gap.len() > MAX_QUALIFIER || qualifier.contains([',', ';', '.', '(']) {
            continue;
        }
        let (Some(wi), Some(ci)) = (
            interval::of(whole, text, false, Decimal::ZERO),
            interval::of(count, text, false, Decimal::ZERO),
        ) else {
            continue;
        };
        let derived = wi.scale(share.0).widen(share.1);
        if derived.overlaps(ci) {
            continue;
        }
        let expected = whole.value.number().unwrap_or_default() * share.0;
        let values = [
            ("share", count.span.text(text).to_string()),
            ("part", frac.span.text(text).to_string()),
            ("whole", whole.number.text(text).to_string()),
            (
                "actual",
                super::format_like(expected.round_dp(0), whole, text),
            ),
        ];
        let d = rule
            .finding(count.span, &values)
            .with_related(frac.span.cover(whole.span), "the share")
            .with_related(whole.span, "the whole")
            .with_fix(
                count.number,
                super::format_like(expected.round_dp(0), count, text),
            );
        out.push(d);
    }
}

/// The longest qualifier between a whole and the count that restates its share.
const MAX_QUALIFIER: usize = 100;

/// A fraction or percentage as a factor, and the relative slack its wording
/// allows: "a third" ±5%, "about a third" with its hedge, "40%" to its digit.
fn fraction_value(q: &Quantity) -> Option<(Decimal, Decimal)> {
    let v = q.value.number()?;
    let hedge = if q.approx == crate::quantity::Approx::About {
        Decimal::new(1, 1)
    } else {
        Decimal::new(5, 2)
    };
    match q.kind {
        Kind::Number if !q.written.digits && v > Decimal::ZERO && v < Decimal::ONE => {
            Some((v, hedge))
        }
        Kind::Percent
            if q.unit.as_deref() == Some("percent")
                && v > Decimal::ZERO
                && v <= Decimal::ONE_HUNDRED =>
        {
            Some((v / Decimal::ONE_HUNDRED, hedge))
        }
        _ => None,
    }
}
