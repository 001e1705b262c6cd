//! `relative-date`: relative dates that cannot be resolved because the
//! article's date is unknown. One finding lists them all.

use super::Article;
use crate::diagnostic::Diagnostic;
use crate::quantity::{Kind, Value};
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = &["count", "list"];

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    if article.document_date.is_some() {
        return;
    }
    let unresolved: Vec<_> = article
        .quantities
        .iter()
        .filter(|q| q.kind == Kind::Date && q.date.relative && q.value == Value::Date(None))
        .collect();
    let Some(first) = unresolved.first() else {
        return;
    };
    let mut names: Vec<String> = Vec::new();
    for q in &unresolved {
        let t = format!("“{}”", q.span.text(article.text));
        if !names.contains(&t) {
            names.push(t);
        }
    }
    let values = [
        ("count", unresolved.len().to_string()),
        ("list", names.join(", ")),
    ];
    let mut d = rule.finding(first.span, &values);
    for q in &unresolved[1..] {
        d = d.with_related(q.span, "also relative");
    }
    out.push(d);
}
