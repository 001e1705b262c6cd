//! `increment`: "an additional / another / a further N" whose base comes
//! from a different source, with no stated total that settles the sum.

use super::Article;
use crate::claims::{same_subject, sources_differ};
use crate::diagnostic::Diagnostic;
use crate::quantity::{Approx, Kind, MarkerRole};
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = &["increment", "base", "base_source", "source", "total"];

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let claims = &article.claims;
    for (i, q) in qs.iter().enumerate() {
        if claims[i].role != Some(MarkerRole::Increment)
            || !matches!(q.kind, Kind::Count | Kind::Money)
        {
            continue;
        }
        let Some(inc) = q.value.number() else {
            continue;
        };
        // The base: the nearest earlier figure for the same subject that is
        // not itself an increment, in an earlier sentence.
        let candidate = |j: usize| {
            let b = &qs[j];
            b.kind == q.kind
                && b.approx != Approx::Vague
                && b.sentence.end <= q.sentence.start
                && claims[j].role != Some(MarkerRole::Increment)
                // "these 2,000 soldiers" restates an earlier figure: the base
                // is what it refers to.
                && !super::matching::refers_back(text, b)
                && same_subject(&claims[j], &claims[i])
        };
        // One said in the same frame comes first: "two people had died" is
        // no base for "a further 1,800 people had been evacuated" when the
        // evacuation of 6,500 residents was reported before it.
        let earlier = || (0..i).rev().take(super::LOOKBACK).filter(|&j| candidate(j));
        let base = earlier()
            .find(|&j| crate::claims::same_frame(&claims[j], &claims[i]))
            .or_else(|| earlier().next());
        let Some(j) = base else { continue };
        let b = &qs[j];
        let Some(base_value) = b.value.number() else {
            continue;
        };
        if !sources_differ(&claims[j], &claims[i]) {
            continue;
        }
        let total = base_value + inc;
        // A stated total (marked, or equal to the sum) settles it.
        let window = super::around(qs.len(), i, super::LOOKBACK);
        let settled = qs[window.clone()].iter().zip(window).any(|(t, k)| {
            k != i
                && k != j
                && t.kind == q.kind
                && t.approx != Approx::Vague
                && same_subject(&claims[k], &claims[i])
                && (claims[k].role == Some(MarkerRole::Total)
                    || t.low
                        .zip(t.high)
                        .is_some_and(|(lo, hi)| lo <= total && total <= hi))
        });
        if settled {
            continue;
        }
        let values = [
            ("increment", q.span.text(text).to_string()),
            ("base", b.number.text(text).to_string()),
            (
                "base_source",
                crate::claims::source_name(text, claims[j].source_span),
            ),
            (
                "source",
                crate::claims::source_name(text, claims[i].source_span),
            ),
            ("total", super::format_like(total, b, text)),
        ];
        let d = rule
            .finding(q.span, &values)
            .with_related(b.span, "base figure");
        out.push(d);
    }
}
