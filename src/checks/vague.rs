//! `vague`: a vague quantifier ("thousands of soldiers") where a precise
//! figure for the same subject, within the vague word's interval, is given.

use super::Article;
use crate::claims::same_subject;
use crate::diagnostic::Diagnostic;
use crate::quantity::{Approx, Kind};
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = &["vague", "precise"];

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let claims = &article.claims;
    for (i, q) in qs.iter().enumerate() {
        if q.approx != Approx::Vague || q.kind != Kind::Count || claims[i].head.is_none() {
            continue;
        }
        let within = |j: usize| {
            let p = &qs[j];
            j != i
                && p.kind == Kind::Count
                && p.approx != Approx::Vague
                && p.value.number().is_some_and(|v| {
                    q.low.is_none_or(|lo| lo <= v) && q.high.is_none_or(|hi| v <= hi)
                })
                // A subject named by another word ("passengers" for "people")
                // is the same only when said in the same frame.
                && (claims[j].head == claims[i].head
                    || crate::claims::same_frame(&claims[j], &claims[i]))
                && same_subject(&claims[j], &claims[i])
        };
        // Prefer the nearest precise figure before, then after (within
        // LOOKBACK figures either side, so a long document stays linear).
        let window = super::around(qs.len(), i, super::LOOKBACK);
        let nearest = |ok: &dyn Fn(usize) -> bool| {
            (window.start..i)
                .rev()
                .find(|&j| ok(j))
                .or_else(|| (i + 1..window.end).find(|&j| ok(j)))
        };
        // A figure said in the same frame ("injuring dozens" … "43 treated
        // for injuries") before any other for the subject.
        let precise = nearest(&|j| within(j) && crate::claims::same_frame(&claims[j], &claims[i]))
            .or_else(|| nearest(&within));
        let Some(j) = precise else { continue };
        let p = &qs[j];
        let values = [
            ("vague", q.span.text(text).to_string()),
            ("precise", p.span.text(text).to_string()),
        ];
        let d = rule
            .finding(q.span, &values)
            .with_related(p.span, "precise figure");
        out.push(d);
    }
}
