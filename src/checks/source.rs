//! `source`: different attributed sources give incompatible figures for the
//! same quantity, and the text does not mark the disagreement.

use super::Article;
use super::matching::{aggregate, clashes, marked, moved, running_total};
use crate::claims::sources_differ;
use crate::diagnostic::Diagnostic;
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = &["figure", "earlier", "source", "earlier_source"];

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let claims = &article.claims;
    for c in clashes(article, false) {
        let (ca, cb) = (&claims[c.earlier], &claims[c.later]);
        let (a, b) = (&qs[c.earlier], &qs[c.later]);
        // A prediction and a count are no disagreement ("Analysts predicted …
        // 660,000 jobs" against the payroll firm's 742,000).
        if !sources_differ(ca, cb)
            || ca.irrealis != cb.irrealis
            || marked(article, a, b)
            // "40 people were detained on Wednesday" … "in total approximately
            // 200 people have been arrested": a running total against a count
            // for one day or place, not a dispute.
            || aggregate(article, a, b)
                && narrowed(if running_total(article, a) { cb } else { ca })
            // Two sources a date apart speak of two days or events ("17 crew
            // members were on board" … "A similar attack occurred Wednesday"
            // … "25 crew members were on board").
            || moved(article, c.earlier, c.later)
            || a.approx == crate::quantity::Approx::Vague
            || b.approx == crate::quantity::Approx::Vague
        {
            continue;
        }
        let name = |s: Option<crate::span::Span>| crate::claims::source_name(text, s);
        let values = [
            ("figure", b.span.text(text).to_string()),
            ("earlier", a.span.text(text).to_string()),
            ("source", name(cb.source_span)),
            ("earlier_source", name(ca.source_span)),
        ];
        let d = rule
            .finding(b.span, &values)
            .with_related(a.span, "the other source's figure");
        out.push(d);
    }
}

/// Whether a figure names a period or a place of its own ("on Wednesday",
/// "in India's Punjab state").
fn narrowed(c: &crate::claims::Claim) -> bool {
    !c.period.is_empty() || !c.scope.is_empty()
}
