//! `fact`: a figure that contradicts a reference fact the user supplied —
//! a count ("all 28 member states" against "27 member states"), or a
//! duration since an event ("raging for more than three years" against "the
//! war began on February 24, 2022" and the article's date).

use jiff::civil::Date;
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

use super::interval::{self, Interval};
use super::{Article, Facts, words_between};
use crate::claims::same_subject;
use crate::diagnostic::Diagnostic;
use crate::quantity::{Kind, Quantity, Value};
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = &["figure", "fact", "expected"];

/// Verbs that date the start of something in a fact sentence.
fn is_start_verb(w: &str) -> bool {
    matches!(
        w,
        "began"
            | "begun"
            | "started"
            | "start"
            | "begin"
            | "founded"
            | "launched"
            | "opened"
            | "established"
            | "created"
            | "formed"
            | "broke"
            | "erupted"
            | "since"
    )
}

/// What a dated fact is about: the last content word before its start verb
/// ("The Russia-Ukraine war began on …" → "war").
fn event_noun(facts: &Facts<'_>, date: &Quantity) -> Option<String> {
    let words = words_between(facts.text, date.sentence.start, date.span.start);
    let verb = words.iter().position(|w| is_start_verb(w))?;
    words[..verb]
        .iter()
        .rev()
        .find(|w| w.len() > 2 && !matches!(w.as_str(), "the" | "has" | "had" | "was" | "have"))
        .cloned()
}

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let Some(facts) = &article.facts else { return };
    let text = article.text;
    for (i, q) in article.quantities.iter().enumerate() {
        match q.kind {
            Kind::Count | Kind::Money | Kind::Measure => {
                for (j, f) in facts.quantities.iter().enumerate() {
                    if f.kind != q.kind
                        || f.unit != q.unit
                        || !same_subject(&facts.claims[j], &article.claims[i])
                    {
                        continue;
                    }
                    if facts.claims[j].modifiers != article.claims[i].modifiers {
                        continue;
                    }
                    let (Some(qi), Some(fi)) = (
                        interval::of(q, text, false, Decimal::ZERO),
                        interval::of(f, facts.text, false, Decimal::ZERO),
                    ) else {
                        continue;
                    };
                    if !qi.overlaps(fi) {
                        report(
                            article,
                            rule,
                            q,
                            f.sentence.text(facts.text),
                            f.number.text(facts.text).to_string(),
                            out,
                        );
                        break;
                    }
                }
            }
            Kind::Duration => duration_since(article, facts, rule, q, out),
            _ => {}
        }
    }
}

/// "raging for more than three years": the time since a dated event.
fn duration_since(
    article: &Article<'_>,
    facts: &Facts<'_>,
    rule: &Rule,
    q: &Quantity,
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let Some(today) = article.document_date else {
        return;
    };
    let sentence_words = words_between(text, q.sentence.start, q.span.start);
    for f in &facts.quantities {
        let (Kind::Date, Value::Date(Some(d))) = (&f.kind, &f.value) else {
            continue;
        };
        let Some(start) = d.civil() else { continue };
        let Some(noun) = event_noun(facts, f) else {
            continue;
        };
        // The duration must be said of the same event, close before it.
        let near = sentence_words
            .iter()
            .rev()
            .take(12)
            .any(|w| *w == noun || w.trim_end_matches('s') == noun);
        if !near || start > today {
            continue;
        }
        let Some(elapsed) = elapsed_in(start, today, q.unit.as_deref().unwrap_or("")) else {
            continue;
        };
        let Some(qi) = interval::of(q, text, false, Decimal::ZERO) else {
            continue;
        };
        let e = Decimal::from_f64(elapsed).unwrap_or_default();
        if qi.overlaps(Interval::point(e)) {
            continue;
        }
        let expected = format!(
            "{} {}s",
            e.round_dp(2).normalize(),
            q.unit.as_deref().unwrap_or("")
        );
        report(article, rule, q, f.sentence.text(facts.text), expected, out);
        return;
    }
}

/// Time from `start` to `end` in `unit`.
fn elapsed_in(start: Date, end: Date, unit: &str) -> Option<f64> {
    // `Date::until` counts in days by default.
    let days = f64::from(start.until(end).ok()?.get_days());
    Some(match unit {
        "day" => days,
        "week" => days / 7.0,
        "month" => days / 30.44,
        "year" => days / 365.25,
        "decade" => days / 3652.5,
        _ => return None,
    })
    .filter(|v| v.to_f64().is_some())
}

fn report(
    article: &Article<'_>,
    rule: &Rule,
    q: &Quantity,
    fact: &str,
    expected: String,
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let values = [
        ("figure", q.span.text(text).to_string()),
        ("fact", fact.trim().to_string()),
        ("expected", expected),
    ];
    let mut d = Diagnostic::new(
        &rule.name,
        rule.severity,
        q.span,
        rule.render_message(&values),
    );
    if let Some(help) = rule.render_help(&values) {
        d = d.with_help(help);
    }
    out.push(d);
}
