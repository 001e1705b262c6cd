//! `rate`: a rate that disagrees with the same rate on another time base, or
//! with a total over a stated period ("52,000 passengers a day" in July
//! against "1.2 million passengers" during July).

use super::Article;
use super::rates::pairs;
use crate::diagnostic::Diagnostic;
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = super::rates::PLACEHOLDERS;

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    for p in pairs(article, rule.number("tolerance")) {
        if p.consistent {
            continue;
        }
        out.push(p.finding(article.text, rule, "the rate"));
    }
}
