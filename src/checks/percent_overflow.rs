//! `percent-overflow`: shares of one whole, listed together, that add to
//! more than 100% ("52 percent would vote yes, 39 percent no and 14 percent
//! were undecided").

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::enumeration::list_from;
use super::interval;
use super::{Article, words_before};
use crate::decimal::render;
use crate::diagnostic::Diagnostic;
use crate::quantity::{Kind, Quantity};
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = &["shares", "sum", "last"];

/// A percentage that states a share (not a change, not a rate).
fn is_share(text: &str, q: &Quantity) -> bool {
    if q.kind != Kind::Percent || q.unit.as_deref() != Some("percent") || q.per.is_some() {
        return false;
    }
    let before = words_before(text, q.sentence.start, q.span.start, 2);
    !before.iter().any(|w| {
        matches!(
            w.as_ref(),
            "by" | "rose"
                | "fell"
                | "up"
                | "down"
                | "increased"
                | "decreased"
                | "gained"
                | "lost"
                | "grew"
                | "dropped"
                | "climbed"
                | "jumped"
                | "declined"
                | "than"
                | "from"
                | "to"
                | "over"
                | "under"
                | "rate"
                | "rates"
                | "interest"
                | "inflation"
                | "growth"
                | "yield"
        )
    })
}

/// Whether the sentence of figure `i` opens with the whole its shares are of:
/// "Of the 6,200 city residents surveyed, …".
fn opens_with_whole(article: &Article<'_>, i: usize) -> bool {
    let qs = &article.quantities;
    let first = super::in_sentence(qs, &qs[i]).next();
    first.is_some_and(|w| {
        matches!(w.kind, Kind::Count | Kind::Number)
            && super::sum::is_container(article.text, w)
            && w.lead(article.text).trim().to_lowercase().starts_with("of")
    })
}

/// The names of a share's scope that its clause introduces with a place
/// preposition ("81% in Salahaddin"): the place whose whole it is a share of.
/// Other names of its clause say what the share is ("40% felt Obama had won").
fn placed(article: &Article<'_>, i: usize) -> Vec<String> {
    let claim = &article.claims[i];
    if claim.scope.is_empty() {
        return Vec::new();
    }
    let text = article.text;
    let q = &article.quantities[i];
    let preps = &crate::lexicon::LISTS.place_prepositions;
    let mut end = (q.span.end + 80).min(q.sentence.end);
    while end > q.span.end && !text.is_char_boundary(end) {
        end -= 1;
    }
    let words: Vec<_> = super::words_in(text, q.lead_start(text), end).collect();
    claim
        .scope
        .iter()
        .filter(|name| {
            words
                .windows(2)
                .any(|w| w[1] == name.as_str() && preps.contains(w[0].as_ref()))
        })
        .cloned()
        .collect()
}

/// The whole a share is of, as written after it ("of respondents"), if any.
fn of_noun<'t>(text: &'t str, q: &Quantity) -> Option<&'t str> {
    q.noun.map(|n| n.text(text))
}

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let mut i = 0;
    // Whether the last sentence read pairs its shares with separate wholes.
    let mut paired: Option<(crate::span::Span, bool)> = None;
    while i < qs.len() {
        if !is_share(text, &qs[i]) {
            i += 1;
            continue;
        }
        // Shares qualified by their own targets ("58% for X and 54% for Y",
        // "74.9% in the first round, and 61.0% for the second", "97% and 82%
        // respectively") are shares of different wholes.
        let span = qs[i].sentence;
        let separate = match paired {
            Some((s, answer)) if s == span => answer,
            _ => {
                let sentence = span.text(text);
                let answer = super::contains_any_ignoring_case(
                    sentence,
                    &["respectively", "between", "ranging", "range from"],
                );
                paired = Some((span, answer));
                answer
            }
        };
        if separate {
            i += 1;
            continue;
        }
        let parts = list_from(text, qs, i, |first, previous, q| {
            // A share followed by its own target ("58% for X and 54% for Y",
            // "74.9% in the first round") is a share of another whole.
            // The words between are read one at a time, with no list kept.
            let mut between = super::words_in(text, previous.span.end, q.span.start);
            let first_word = between.next();
            if first_word.as_deref().is_some_and(|w| {
                matches!(
                    w,
                    "for" | "in" | "at" | "among" | "from" | "to" | "on" | "per" | "each"
                )
            }) {
                return false;
            }
            // "83% passed, with 20.6% as juniors": a breakdown of the first share.
            if first_word.into_iter().chain(between).any(|w| {
                matches!(
                    w.as_ref(),
                    "with" | "including" | "whom" | "which" | "among" | "compared"
                )
            }) {
                return false;
            }
            is_share(text, q)
                && of_noun(text, q)
                    .is_none_or(|n| of_noun(text, first).is_none_or(|m| m.eq_ignore_ascii_case(n)))
        });
        // "Of the 6,200 residents surveyed, 64% said yes, while 48% said no":
        // a sentence that opens with its whole lists a partition of it, so
        // its shares add up even across "while".
        let parts = if parts.len() < 2 && opens_with_whole(article, i) {
            super::in_sentence(qs, &qs[i])
                .filter(|q| is_share(text, q) && of_noun(text, q).is_none())
                .filter_map(|q| qs.iter().position(|p| std::ptr::eq(p, q)))
                .collect()
        } else {
            parts
        };
        let last = *parts.last().unwrap_or(&i);
        // Positive evidence of a partition: three or more shares listed as
        // siblings, all of the same place (two shares side by side are as
        // often of two wholes: "96% in Anbar and 81% in Salahaddin").
        let min_shares = if opens_with_whole(article, i) {
            2
        } else {
            rule.number("min_shares").to_usize().unwrap_or(3)
        };
        let placed: Vec<Vec<String>> = parts.iter().map(|&p| placed(article, p)).collect();
        let same_place = placed.iter().all(|s| {
            s.is_empty() || placed[0].is_empty() || s.iter().any(|x| placed[0].contains(x))
        });

        if parts.len() >= min_shares && same_place {
            // A list is written to one precision: "38%, 40% and 27%" are
            // whole percentages, so "40%" is not rounded to the ten.
            let step = parts
                .iter()
                .map(|&p| interval::rounding(&qs[p], qs[p].number.text(text), true))
                .min()
                .unwrap_or_default();
            let mut low = Decimal::ZERO;
            let mut exact = Decimal::ZERO;
            for &p in &parts {
                let l = interval::of(&qs[p], text, true, Decimal::ZERO)
                    .and_then(|iv| iv.low)
                    .unwrap_or_default();
                let own = interval::rounding(&qs[p], qs[p].number.text(text), true);
                low += l + (own - step).max(Decimal::ZERO);
                exact += qs[p].value.number().unwrap_or_default();
            }
            if low > Decimal::ONE_HUNDRED + rule.number("tolerance") {
                let listed: Vec<&str> = parts.iter().map(|&p| qs[p].number.text(text)).collect();
                let values = [
                    ("shares", listed.join(" + ")),
                    ("sum", format!("{}%", render(exact))),
                    ("last", qs[last].span.text(text).to_string()),
                ];
                let mut d = rule.finding(qs[last].span, &values);
                for &p in &parts[..parts.len() - 1] {
                    d = d.with_related(qs[p].span, "share of the same whole");
                }
                out.push(d);
            }
        }
        i = last + 1;
    }
}
