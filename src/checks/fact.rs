//! `fact`: a figure that contradicts a reference fact the user supplied —
//! a count ("all 28 member states" against "27 member states"), or a
//! duration since an event ("raging for more than three years" against "the
//! war began on February 24, 2022" and the article's date).

use jiff::civil::Date;
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

use super::interval::{self, Interval};
use super::{Article, Facts, date_arithmetic, words_between};
use crate::claims::same_subject;
use crate::diagnostic::Diagnostic;
use crate::extract::calendar::WORDS as CALENDAR;
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

/// What a dated fact is about: the content words of its subject, before its
/// start verb ("The war in Sudan between the army … began on …" → "war",
/// "sudan", "army", …).
fn event_words(facts: &Facts<'_>, date: &Quantity) -> Vec<String> {
    let words = words_between(facts.text, date.sentence.start, date.span.start);
    let Some(verb) = words.iter().position(|w| is_start_verb(w)) else {
        return Vec::new();
    };
    words[..verb]
        .iter()
        .filter(|w| {
            w.len() > 2
                && !matches!(
                    w.as_ref(),
                    "the"
                        | "has"
                        | "had"
                        | "was"
                        | "have"
                        | "and"
                        | "between"
                        | "with"
                        | "its"
                        | "their"
                )
        })
        .map(|w| w.to_string())
        .collect()
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
            Kind::Ordinal => ordinal_period_since(article, facts, rule, i, out),
            _ => {}
        }
    }
    ages_against_facts(article, facts, rule, out);
}

/// "Alassane Ouattara, 81" against "Alassane Ouattara … was born on 1
/// January 1942": the age the birth date gives at the article's date.
fn ages_against_facts(
    article: &Article<'_>,
    facts: &Facts<'_>,
    rule: &Rule,
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let births = date_arithmetic::births(facts.text, &facts.quantities);
    if births.is_empty() {
        return;
    }
    let ages = date_arithmetic::age_mentions(text, &article.quantities);
    for age in &ages {
        // A fact names its person: "He was born …" in a facts file names no one.
        let Some(birth) = births
            .iter()
            .find(|b| !b.names.is_empty() && date_arithmetic::same_person(age, b, ages.len()))
        else {
            continue;
        };
        let (at, lag) = match (age.at, article.document_date) {
            (Some(d), _) => (d, 0),
            (None, Some(d)) => (d, CALENDAR.age.lag_days),
            (None, None) => continue,
        };
        let Some((lo, hi)) = date_arithmetic::possible_ages(birth.date, at, lag) else {
            continue;
        };
        if lo < 0 || (lo..=hi).contains(&age.years) {
            continue;
        }
        let q = &article.quantities[age.index];
        let f = &facts.quantities[birth.index];
        let values = [
            ("figure", format!("age {}", age.years)),
            ("fact", f.sentence.text(facts.text).trim().to_string()),
            (
                "expected",
                format!("age {hi} on {}", at.strftime("%B %-d, %Y")),
            ),
        ];
        out.push(rule.finding(q.span, &values));
    }
}

/// "The strike is now in its fifth month": the ordinal period since a dated
/// event of the facts (the fifth month runs from four to five months in).
fn ordinal_period_since(
    article: &Article<'_>,
    facts: &Facts<'_>,
    rule: &Rule,
    i: usize,
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let q = &article.quantities[i];
    let Some(today) = article.document_date else {
        return;
    };
    let Some(n) = q.value.number().and_then(|v| v.to_i64()) else {
        return;
    };
    // The period's unit: the word after the ordinal.
    let Some(unit) = super::words_in(text, q.span.end, (q.span.end + 12).min(text.len())).next()
    else {
        return;
    };
    let unit = unit.trim_end_matches('s').to_string();
    if !matches!(unit.as_str(), "day" | "week" | "month" | "year") {
        return;
    }
    // Only "in its fifth month", "entered its third year".
    let lead = q.lead(text).trim_end().to_lowercase();
    if !CALENDAR
        .ordinal_period
        .before
        .iter()
        .any(|p| lead.ends_with(p.as_str()))
    {
        return;
    }
    let around = words_between(text, q.lead_start(text), q.span.start);
    let around = &around[around.len().saturating_sub(12)..];
    for (f, start) in dated_events_near(facts, around, today) {
        let Some(elapsed) = elapsed_in(start, today, &unit) else {
            continue;
        };
        // The nth period runs from n - 1 to n units in; a day of slack.
        let slack = elapsed_in(start, start.tomorrow().unwrap_or(start), &unit).unwrap_or(0.0);
        let n = n as f64;
        if elapsed >= n - 1.0 - slack && elapsed <= n + slack {
            return;
        }
        let expected = format!(
            "its {} {unit} ({:.1} {unit}s since {})",
            ordinal_word(elapsed.floor() as i64 + 1),
            elapsed,
            start.strftime("%B %-d, %Y")
        );
        let shown = crate::span::Span::new(
            q.span.start,
            crate::extract::words::word_end(
                text,
                crate::extract::words::skip_spaces(text, q.span.end),
            ),
        );
        let values = [
            ("figure", shown.text(text).to_string()),
            ("fact", f.sentence.text(facts.text).trim().to_string()),
            ("expected", expected),
        ];
        out.push(rule.finding(shown, &values));
        return;
    }
}

/// "1st", "2nd", "23rd", "11th".
fn ordinal_word(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
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
    // The words said of the duration: a dozen before it, a few after it
    // ("raging for more than three years"; "more than two years of war").
    let mut around = words_between(text, q.lead_start(text), q.span.start);
    around = around.split_off(around.len().saturating_sub(12));
    let mut after_end = (q.span.end + 40).min(q.sentence.end);
    while !text.is_char_boundary(after_end) {
        after_end -= 1;
    }
    around.extend(
        words_between(text, q.span.end, after_end)
            .into_iter()
            .take(4),
    );
    // The duration must be said of the same event, close to it.
    for (f, start) in dated_events_near(facts, &around, today) {
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
/// The dates of the facts (with the fact's quantity) that are not after
/// `today` and whose event is named among `around` ("the war", "strikes").
fn dated_events_near<'f>(
    facts: &'f Facts<'_>,
    around: &'f [std::borrow::Cow<'_, str>],
    today: Date,
) -> impl Iterator<Item = (&'f Quantity, Date)> + 'f {
    facts.quantities.iter().filter_map(move |f| {
        let (Kind::Date, Value::Date(Some(d))) = (&f.kind, &f.value) else {
            return None;
        };
        let start = d.civil()?;
        let event = event_words(facts, f);
        let near = around.iter().any(|w| {
            event
                .iter()
                .any(|e| e == w || w.trim_end_matches('s') == e.as_str())
        });
        (near && start <= today).then_some((f, start))
    })
}

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
    let d = rule.finding(q.span, &values);
    out.push(d);
}
