//! `comparison`: a stated ratio or difference between two figures that is
//! wrong ("more than triple the 110,000" for 240,000; "20 more than 58" for 71).

use rust_decimal::Decimal;

use super::interval::{self, Interval};
use super::{Article, words_before, words_between};
use crate::decimal::render;
use crate::diagnostic::Diagnostic;
use crate::quantity::{Kind, Quantity};
use crate::rulebook::Rule;
use crate::span::Span;

pub const PLACEHOLDERS: &[&str] = &["comparison", "figure", "other", "actual"];

/// A multiplier word and its factor.
fn multiplier(w: &str) -> Option<Decimal> {
    Some(match w {
        "double" | "twice" | "doubled" => Decimal::TWO,
        "triple" | "treble" | "tripled" | "trebled" | "thrice" => Decimal::from(3),
        "quadruple" | "quadrupled" => Decimal::from(4),
        "quintuple" => Decimal::from(5),
        _ => return None,
    })
}

fn small_number(w: &str) -> Option<Decimal> {
    Some(Decimal::from(match w {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => return w.parse::<Decimal>().ok(),
    }))
}

/// Words that may stand between a multiplier and its reference figure.
fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "as" | "many"
            | "much"
            | "more"
            | "than"
            | "the"
            | "that"
            | "of"
            | "large"
            | "high"
            | "big"
            | "larger"
            | "higher"
            | "bigger"
            | "number"
            | "amount"
            | "level"
            | "figure"
            | "total"
            | "times"
            | "over"
            | "from"
            | "its"
            | "their"
            | "previous"
            | "last"
            | "year's"
            | "a"
    )
}

/// Whether the words between a multiplier and its reference figure read as
/// "as many as the …", "that of …", "than …": fillers, then at most a short
/// name for the reference ("the southern Alentejo region's"), which a
/// relative clause may follow ("as neighbouring Yobe, which has recorded").
fn reference_phrase(words: &[String], relative: &[&str]) -> bool {
    let fillers = words.iter().take_while(|w| is_filler(w)).count();
    let rest = &words[fillers..];
    let introduced = words[..fillers]
        .last()
        .is_some_and(|w| matches!(w.as_str(), "the" | "than" | "as" | "of" | "that"));
    if words.len() <= 9 && (rest.is_empty() || introduced && rest.len() <= 4) {
        return true;
    }
    // The name, then a relative word and at most two words of its verb.
    introduced
        && rest
            .iter()
            .position(|w| relative.contains(&w.as_str()))
            .is_some_and(|r| (1..=4).contains(&r) && rest.len() - r - 1 <= 2)
}

/// The words of a rule parameter that is a list of words.
fn words_param<'r>(rule: &'r Rule, key: &str) -> Vec<&'r str> {
    rule.parameter(key)
        .and_then(toml::Value::as_array)
        .map(|a| a.iter().filter_map(toml::Value::as_str).collect())
        .unwrap_or_default()
}

/// Whether a figure is written as a year or a span of years ("2004",
/// "1977-2001").
fn is_year(written: &str) -> bool {
    let head = written.get(..4).unwrap_or("");
    head.len() == 4
        && head.bytes().all(|b| b.is_ascii_digit())
        && !written[4..].starts_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
        && (1800..=2100).contains(&head.parse::<u32>().unwrap_or(0))
}

/// Whether a figure may be compared as an amount (not a year, not a date).
fn is_amount(text: &str, q: &Quantity) -> bool {
    !is_year(q.number.text(text))
        && matches!(
            q.kind,
            Kind::Count | Kind::Number | Kind::Money | Kind::Measure
        )
        && q.value.number().is_some_and(|v| v > Decimal::ZERO)
}

/// A ratio stated before both its figures: "uses three times as much oil,
/// consuming 20.4 million barrels a day in 2004 while China uses only 6.5
/// million" — the multiplier, the compared figure, a contrast word
/// (`contrast`), the reference figure.
fn check_forward(article: &Article<'_>, rule: &Rule, contrast: &[&str], out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    for (i, subject) in qs.iter().enumerate() {
        if !is_amount(text, subject) {
            continue;
        }
        // The reference: the next amount in the sentence, past dates.
        let Some(other) = qs[i + 1..]
            .iter()
            .take_while(|q| q.sentence == subject.sentence)
            .take(4)
            .find(|q| is_amount(text, q))
        else {
            continue;
        };
        if !(subject.kind == other.kind && subject.unit == other.unit
            || other.kind == Kind::Number && other.unit.is_none() && other.per.is_none())
        {
            continue;
        }
        let between: Vec<_> = super::words_in(text, subject.span.end, other.span.start)
            .take(13)
            .collect();
        if between.len() > 12 || !between.iter().any(|w| contrast.contains(&w.as_ref())) {
            continue;
        }
        // Before the compared figure, since the last figure: "N times as
        // ADJ [NOUN], [VERB]".
        let floor = subject.sentence.start;
        let before = words_before(text, floor, subject.span.start, 9);
        let Some(k) = before
            .iter()
            .position(|w| multiplier(w).is_some() || w == "times")
        else {
            continue;
        };
        let tail = &before[k + 1..];
        if tail.first().is_none_or(|w| w != "as") || tail.len() > 4 {
            continue;
        }
        let word = before[k].to_string();
        let factor = if word == "times" {
            match k.checked_sub(1).and_then(|j| small_number(&before[j])) {
                Some(f) => f,
                None => continue,
            }
        } else {
            multiplier(&word).unwrap_or(Decimal::ONE)
        };
        let hedge_words: Vec<String> = before[..if word == "times" { k - 1 } else { k }]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let (Some(si), Some(oi)) = (
            interval::of(subject, text, false, Decimal::ZERO),
            interval::of(other, text, false, Decimal::ZERO),
        ) else {
            continue;
        };
        let ratio = si.divided_by(oi);
        let (lo, hi) = hedge_of(&hedge_words);
        let claimed = Interval {
            low: lo.map(|l| l * factor),
            high: hi.map(|h| h * factor),
        };
        if ratio.overlaps(claimed) {
            continue;
        }
        let lead = subject.lead_start(text).max(floor);
        let start = with_count(
            text,
            phrase_start(text, lead, subject.span.start, &hedge_words, &word),
            &word,
        );
        let mut end = phrase_end(text, start, &word);
        // "five times as much": the phrase runs to its "as" and the word after.
        let rest = text.get(end..subject.span.start).unwrap_or("");
        if let Some(a) = rest.find(" as ") {
            let after = &rest[a + 4..];
            let w = after
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(after.len());
            end += a + 4 + w;
        }
        let actual = subject
            .value
            .number()
            .unwrap_or_default()
            .checked_div(other.value.number().unwrap_or(Decimal::ONE))
            .unwrap_or_default()
            .round_dp(2);
        report(
            article,
            rule,
            Span::new(start, end),
            subject,
            other,
            format!("{}×", render(actual)),
            out,
        );
    }
}

/// How a comparison is hedged.
fn hedge_of(words: &[String]) -> (Option<Decimal>, Option<Decimal>) {
    // (low factor, high factor) relative to the stated multiplier.
    let joined = words.join(" ");
    if joined.ends_with("more than") || joined.ends_with("over") {
        (Some(Decimal::ONE), None)
    } else if joined.ends_with("nearly") || joined.ends_with("almost") {
        (Some(Decimal::new(85, 2)), Some(Decimal::ONE))
    } else if joined.ends_with("about") || joined.ends_with("roughly") || joined.ends_with("around")
    {
        (Some(Decimal::new(85, 2)), Some(Decimal::new(115, 2)))
    } else if joined.ends_with("less than") || joined.ends_with("under") {
        (None, Some(Decimal::ONE))
    } else {
        (Some(Decimal::new(9, 1)), Some(Decimal::new(11, 1)))
    }
}

/// The figure a comparison is about: the nearest earlier figure in the
/// sentence that is not inside a prepositional phrase ("in 28 matches").
fn subject_figure<'a>(
    text: &str,
    qs: &'a [Quantity],
    before: usize,
    other: &Quantity,
) -> Option<&'a Quantity> {
    qs[..before]
        .iter()
        .rev()
        .take_while(|q| q.sentence == other.sentence)
        .take(super::LOOKBACK)
        .find(|q| {
            let lead = words_before(text, q.sentence.start, q.span.start, 1);
            let in_phrase = lead.last().is_some_and(|w| {
                matches!(
                    w.as_ref(),
                    "in" | "of" | "for" | "from" | "aged" | "at" | "to" | "by" | "on"
                )
            });
            !in_phrase
                && q.value.number().is_some()
                && matches!(
                    q.kind,
                    Kind::Count | Kind::Number | Kind::Money | Kind::Measure
                )
                && (q.kind == other.kind && q.unit == other.unit
                    || other.kind == Kind::Number
                    || q.kind == Kind::Number)
        })
}

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let relative = words_param(rule, "relative");
    let contrast = words_param(rule, "contrast");
    check_forward(article, rule, &contrast, out);
    let text = article.text;
    let qs = &article.quantities;
    for (b, other) in qs.iter().enumerate() {
        if b == 0
            || !matches!(
                other.kind,
                Kind::Count | Kind::Number | Kind::Money | Kind::Measure
            )
        {
            continue;
        }
        let Some(ov) = other.value.number() else {
            continue;
        };
        // "6,200 more than 2004", "the 1977-2001 average": a year is no
        // figure to compare with.
        if is_year(other.number.text(text)) {
            continue;
        }
        if ov <= Decimal::ZERO {
            continue;
        }
        let prev = &qs[b - 1];
        if prev.sentence != other.sentence {
            continue;
        }
        // Ratio: "…, more than triple the 110,000".
        let floor = prev.span.end;
        let ratio = super::words_in(text, floor, other.span.start)
            .any(|w| multiplier(&w).is_some() || w == "times");
        let words: Vec<String> = if !ratio {
            Vec::new()
        } else {
            words_between(text, floor, other.span.start)
                .into_iter()
                .map(std::borrow::Cow::into_owned)
                .collect()
        };
        if let Some(k) = words
            .iter()
            .position(|w| multiplier(w).is_some() || w == "times")
            && reference_phrase(&words[k + 1..], &relative)
        {
            let factor = if words[k] == "times" {
                // The count of times may end the figure before ("since
                // January, three times as many" read as a date).
                let count = match k.checked_sub(1) {
                    Some(j) => small_number(&words[j]),
                    None => words_before(text, other.sentence.start, floor, 1)
                        .last()
                        .and_then(|w| small_number(w)),
                };
                match count {
                    Some(f) => f,
                    None => continue,
                }
            } else {
                multiplier(&words[k]).unwrap_or(Decimal::ONE)
            };
            let hedge_words: Vec<String> = words[..if words[k] == "times" {
                k.saturating_sub(1)
            } else {
                k
            }]
                .to_vec();
            // When the count of times ends the figure before, that figure
            // is the count, not the compared one ("1,230, three times as
            // many as the 410").
            let upto = if k == 0 { b - 1 } else { b };
            let Some(subject) = subject_figure(text, qs, upto, other) else {
                continue;
            };
            if std::ptr::eq(subject, other) {
                continue;
            }
            let (Some(si), Some(oi)) = (
                interval::of(subject, text, false, Decimal::ZERO),
                interval::of(other, text, false, Decimal::ZERO),
            ) else {
                continue;
            };
            let ratio = si.divided_by(oi);
            let (lo, hi) = hedge_of(&hedge_words);
            let mut claimed = Interval {
                low: lo.map(|l| l * factor),
                high: hi.map(|h| h * factor),
            };
            // "three times more than" is read both as 3× and as 4×.
            if words[k] == "times" && words.get(k + 1).is_some_and(|w| w == "more") {
                claimed.high = claimed
                    .high
                    .map(|h| h + factor.min(Decimal::ONE) * Decimal::ONE);
            }
            if !ratio.overlaps(claimed) {
                let start = with_count(
                    text,
                    phrase_start(text, floor, other.span.start, &hedge_words, &words[k]),
                    &words[k],
                );
                let span = Span::new(start, phrase_end(text, start, &words[k]));
                let actual = subject
                    .value
                    .number()
                    .unwrap_or_default()
                    .checked_div(ov)
                    .unwrap_or_default()
                    .round_dp(2);
                report(
                    article,
                    rule,
                    span,
                    subject,
                    other,
                    format!("{}×", render(actual)),
                    out,
                );
            }
            continue;
        }
        // Difference: "20 more than … 58".
        if prev.kind == Kind::Number || prev.unit == other.unit {
            // Only the first words matter, and whether there are more than six.
            let between: Vec<_> = super::words_in(text, prev.span.end, other.span.start)
                .take(7)
                .collect();
            let Some(direction) = between.first().and_then(|w| match w.as_ref() {
                "more" | "higher" | "greater" | "larger" | "up" => Some(1),
                "fewer" | "less" | "lower" | "smaller" | "down" => Some(-1),
                _ => None,
            }) else {
                continue;
            };
            if between.get(1).is_none_or(|w| w != "than")
                || between.len() > 6
                || text[prev.span.end..other.span.start].contains([',', '.', ';'])
            {
                continue;
            }
            let Some(subject) = subject_figure(text, qs, b - 1, other) else {
                continue;
            };
            let (Some(si), Some(oi), Some(di)) = (
                interval::of(subject, text, false, Decimal::ZERO),
                interval::of(other, text, false, Decimal::ZERO),
                interval::of(prev, text, false, Decimal::ZERO),
            ) else {
                continue;
            };
            let diff = Interval {
                low: si
                    .low
                    .zip(oi.high)
                    .map(|(s, o)| (s - o) * Decimal::from(direction)),
                high: si
                    .high
                    .zip(oi.low)
                    .map(|(s, o)| (s - o) * Decimal::from(direction)),
            };
            let diff = Interval {
                low: diff.low.zip(diff.high).map(|(a, b)| a.min(b)),
                high: diff.low.zip(diff.high).map(|(a, b)| a.max(b)),
            };
            if !diff.overlaps(di) {
                let end = prev.span.end
                    + text[prev.span.end..]
                        .find(|c: char| c.is_alphabetic())
                        .unwrap_or(0);
                let span = Span::new(prev.span.start, crate::extract::words::word_end(text, end));
                let actual = (subject.value.number().unwrap_or_default() - ov).abs();
                report(article, rule, span, subject, other, render(actual), out);
            }
        }
    }
}

/// Where a comparison phrase starts: at its hedge ("more than triple",
/// "nearly double"), else at the multiplier word itself.
fn phrase_start(text: &str, floor: usize, end: usize, hedge: &[String], word: &str) -> usize {
    let slice = text.get(floor..end).unwrap_or("").to_ascii_lowercase();
    let n = hedge.len();
    let first = match hedge.last().map(String::as_str) {
        Some("than") if n >= 2 => hedge[n - 2].as_str(),
        Some(w @ ("nearly" | "almost" | "about" | "roughly" | "around" | "over" | "under")) => w,
        _ => word,
    };
    let multiplier = slice.rfind(word).unwrap_or(slice.len());
    slice[..multiplier]
        .rfind(first)
        .or_else(|| slice.rfind(word))
        .map_or(floor, |i| floor + i)
}

/// "three times": a phrase that starts at "times" starts at its count.
fn with_count(text: &str, start: usize, word: &str) -> usize {
    let at_word = text
        .get(start..start + word.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(word));
    if word != "times" || !at_word {
        return start;
    }
    let head = text.get(..start).unwrap_or("").trim_end();
    head.rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| i + 1)
        .max(head.len().saturating_sub(12))
}

fn phrase_end(text: &str, start: usize, word: &str) -> usize {
    let slice = text.get(start..).unwrap_or("").to_ascii_lowercase();
    slice.find(word).map_or(start, |i| start + i + word.len())
}

fn report(
    article: &Article<'_>,
    rule: &Rule,
    span: Span,
    subject: &Quantity,
    other: &Quantity,
    actual: String,
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let values = [
        ("comparison", span.text(text).to_string()),
        ("figure", subject.span.text(text).to_string()),
        ("other", other.span.text(text).to_string()),
        ("actual", actual),
    ];
    let d = rule
        .finding(span, &values)
        .with_related(subject.span, "compared figure")
        .with_related(other.span, "reference figure");
    out.push(d);
}
