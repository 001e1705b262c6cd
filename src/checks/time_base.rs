//! `time-base`: the same flow reported on different time bases (a day here,
//! a month there) with consistent values but no stated conversion.

use super::Article;
use super::rates::pairs;
use crate::diagnostic::Diagnostic;
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = super::rates::PLACEHOLDERS;

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    for p in pairs(article, rule.number("tolerance")) {
        if !p.consistent || p.stated {
            continue;
        }
        out.push(p.finding(article.text, rule, "the same flow on another time base"));
    }
}
