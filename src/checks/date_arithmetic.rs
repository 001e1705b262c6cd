//! `date-arithmetic`: an interval stated between two dates that the dates do
//! not give — "on 11 November, a week after it was signed … on 1 November";
//! "landed on Dec. 2, 2023, after 94 days in orbit … launched on Aug. 12, 2023".

use jiff::civil::Date;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{Article, words_before};
use crate::diagnostic::Diagnostic;
use crate::quantity::{Approx, Kind, Quantity, Value};
use crate::rulebook::Rule;
use crate::span::Span;

pub const PLACEHOLDERS: &[&str] = &["interval", "from", "to", "actual"];

/// A date written out in full (relative dates name another event's day).
fn full_date(q: &Quantity, text: &str) -> Option<Date> {
    // A relative date counts when its day is written ("on 9 June", year
    // inferred), not when it is only a weekday or "yesterday".
    if q.date.relative && !q.span.text(text).contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    match (&q.kind, &q.value) {
        (Kind::Date, Value::Date(Some(d))) => d.civil(),
        _ => None,
    }
}

/// The span of days a duration allows, given its unit and hedge.
fn allowed_days(q: &Quantity, slack: f64) -> Option<(f64, f64)> {
    let v = q.value.number()?.to_f64()?;
    let (per, unit_slack) = match q.unit.as_deref()? {
        "day" => (1.0, 1.0),
        "week" => (7.0, 1.0),
        "fortnight" => (14.0, 1.0),
        "month" => (30.44, 2.0),
        "year" => (365.25, 2.0),
        _ => return None,
    };
    let days = v * per;
    let pad = unit_slack + days * slack;
    Some(match q.approx {
        Approx::MoreThan | Approx::AtLeast => (days - unit_slack, f64::INFINITY),
        Approx::LessThan | Approx::AtMost => (0.0, days + unit_slack),
        Approx::About => (q.low?.to_f64()? * per - pad, q.high?.to_f64()? * per + pad),
        Approx::Range => (
            q.low?.to_f64()? * per - unit_slack,
            q.high?.to_f64()? * per + unit_slack,
        ),
        _ => (days - pad, days + pad),
    })
}

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let slack = rule.number("tolerance").to_f64().unwrap_or(0.0);
    for (i, d) in qs.iter().enumerate() {
        if d.kind != Kind::Duration || d.per.is_some() {
            continue;
        }
        // Only the first word after the duration is read: no list is kept.
        let next_word = super::words_in(text, d.span.end, (d.span.end + 12).min(text.len())).next();
        let next = next_word.as_deref();
        let prev = words_before(text, d.sentence.start, d.span.start, 1);
        let prev = prev.last().map(AsRef::as_ref);
        // The later event's date: in the duration's sentence, before it.
        let (later, earlier) = if matches!(next, Some("after" | "later")) {
            // "X on D1, a week after … on D2".
            let d1 = qs[..i]
                .iter()
                .rev()
                .take_while(|q| q.sentence == d.sentence)
                .take(super::LOOKBACK)
                .find(|q| full_date(q, text).is_some());
            let d2 = qs[i + 1..]
                .iter()
                .take_while(|q| q.sentence == d.sentence)
                .take(super::LOOKBACK)
                .find(|q| full_date(q, text).is_some());
            (d1, d2)
        } else if prev == Some("after") {
            // "landed on D1, after 94 days in orbit"; the start date nearby.
            let d1 = qs[..i]
                .iter()
                .rev()
                .take_while(|q| q.sentence == d.sentence)
                .take(super::LOOKBACK)
                .find(|q| full_date(q, text).is_some());
            let d2 = d1.and_then(|d1| {
                qs[super::around(qs.len(), i, super::LOOKBACK)]
                    .iter()
                    .filter(|q| {
                        q.sentence != d.sentence
                            && full_date(q, text).is_some()
                            && full_date(q, text) < full_date(d1, text)
                    })
                    .filter(|q| q.sentence.start.abs_diff(d.sentence.start) < 600)
                    .min_by_key(|q| q.sentence.start.abs_diff(d.sentence.start))
            });
            (d1, d2)
        } else {
            (None, None)
        };
        let (Some(later), Some(earlier)) = (later, earlier) else {
            continue;
        };
        let (Some(a), Some(b)) = (full_date(later, text), full_date(earlier, text)) else {
            continue;
        };
        // The gap between the two dates, whichever is written first
        // ("three days later, on 9 June" names the later date after the
        // interval); `Date::until` counts in days by default.
        let (earlier, later) = if a < b {
            (later, earlier)
        } else {
            (earlier, later)
        };
        let Ok(span) = a.min(b).until(a.max(b)) else {
            continue;
        };
        let days = f64::from(span.get_days());
        let Some((lo, hi)) = allowed_days(d, slack) else {
            continue;
        };
        if days < 0.0 || (lo <= days && days <= hi) {
            continue;
        }
        let shown = if next.is_some_and(|w| w == "after" || w == "later") {
            Span::new(
                d.span.start,
                crate::extract::words::word_end(
                    text,
                    crate::extract::words::skip_spaces(text, d.span.end),
                ),
            )
        } else {
            d.span
        };
        let values = [
            ("interval", shown.text(text).to_string()),
            ("from", earlier.span.text(text).to_string()),
            ("to", later.span.text(text).to_string()),
            (
                "actual",
                format!(
                    "{} days",
                    Decimal::from_f64_retain(days).map_or(0, |d| d.round().to_i64().unwrap_or(0))
                ),
            ),
        ];
        let diag = rule
            .finding(shown, &values)
            .with_related(earlier.span, "from")
            .with_related(later.span, "to");
        out.push(diag);
    }
}
