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
/// name for the reference ("the southern Alentejo region's").
fn reference_phrase(words: &[String]) -> bool {
    let fillers = words.iter().take_while(|w| is_filler(w)).count();
    let rest = &words[fillers..];
    let introduced = words[..fillers]
        .last()
        .is_some_and(|w| matches!(w.as_str(), "the" | "than" | "as" | "of" | "that"));
    words.len() <= 9 && (rest.is_empty() || introduced && rest.len() <= 4)
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
        // "6,200 more than 2004": a year is no figure to compare with.
        let written = other.number.text(text);
        if written.len() == 4
            && written.bytes().all(|b| b.is_ascii_digit())
            && (1800..=2100).contains(&written.parse::<u32>().unwrap_or(0))
        {
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
            && reference_phrase(&words[k + 1..])
        {
            let factor = if words[k] == "times" {
                match k.checked_sub(1).and_then(|j| small_number(&words[j])) {
                    Some(f) => f,
                    None => continue,
                }
            } else {
                multiplier(&words[k]).unwrap_or(Decimal::ONE)
            };
            let hedge_words: Vec<String> =
                words[..if words[k] == "times" { k - 1 } else { k }].to_vec();
            let Some(subject) = subject_figure(text, qs, b, other) else {
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
                let start = phrase_start(text, floor, other.span.start, &hedge_words, &words[k]);
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
