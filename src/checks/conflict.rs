//! `conflict`: the same quantity (same subject, frame and time) stated twice
//! with values that cannot both hold, by the same source or none.

use super::Article;
use super::matching::clashes;
use crate::claims::sources_differ;
use crate::diagnostic::Diagnostic;
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = &["figure", "earlier"];

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    for c in clashes(article, true) {
        if sources_differ(&article.claims[c.earlier], &article.claims[c.later]) {
            continue;
        }
        let (a, b) = (&qs[c.earlier], &qs[c.later]);
        let values = [
            ("figure", b.span.text(text).to_string()),
            ("earlier", a.span.text(text).to_string()),
        ];
        let d = rule
            .finding(b.span, &values)
            .with_related(a.span, "stated earlier");
        out.push(d);
    }
}
