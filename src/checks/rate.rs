//! `rate`: a rate that disagrees with the same rate on another time base, or
//! with a total over a stated period ("52,000 passengers a day" in July
//! against "1.2 million passengers" during July).

use super::Article;
use super::rates::pairs;
use crate::diagnostic::Diagnostic;
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = &["figure", "rate", "implied"];

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    for p in pairs(article, rule.number("tolerance")) {
        if p.consistent {
            continue;
        }
        let values = [
            ("figure", p.figure.span.text(text).to_string()),
            ("rate", p.rate.span.text(text).to_string()),
            (
                "implied",
                super::format_like(p.implied.round_dp(2), p.figure, text),
            ),
        ];
        let d = rule
            .finding(p.figure.span, &values)
            .with_related(p.rate.span, "the rate");
        out.push(d);
    }
}
