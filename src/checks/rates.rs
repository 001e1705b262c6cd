//! Rates on time bases: pairs of figures for the same subject where one is
//! a rate ("52,000 passengers a day") and the other a rate on another base
//! or a total over a stated period ("1.2 million passengers during July").
//! Shared by the `rate` and `time-base` kinds.

use rust_decimal::Decimal;

use super::Article;
use super::interval::{self, Interval};
use crate::claims::same_subject;
use crate::quantity::{Approx, Kind, Quantity, Value};

/// Days in one unit of a time base; months and years as averages.
pub fn days_per(base: &str) -> Option<Decimal> {
    Some(match base {
        "hour" => Decimal::ONE / Decimal::from(24),
        "day" => Decimal::ONE,
        "week" => Decimal::from(7),
        "month" => Decimal::new(304375, 4),
        "quarter" => Decimal::new(913125, 4),
        "year" => Decimal::new(36525, 2),
        _ => return None,
    })
}

/// A pair of figures for one flow, compared on one time base.
pub struct RatePair<'a> {
    /// The figure being checked (the later one).
    pub figure: &'a Quantity,
    /// The rate it is compared with.
    pub rate: &'a Quantity,
    /// Whether the two can agree.
    pub consistent: bool,
    /// The figure the rate implies on the checked figure's base or period.
    pub implied: Decimal,
    /// Whether the text states the conversion ("£32,400 a year, or about £900 a week").
    pub stated: bool,
}

/// The placeholders both rate kinds fill.
pub const PLACEHOLDERS: &[&str] = &["figure", "rate", "implied"];

impl RatePair<'_> {
    /// The finding for this pair: the figure, the rate, and what the rate
    /// implies on the figure's base or period; `label` names the rate.
    pub fn finding(
        &self,
        text: &str,
        rule: &crate::rulebook::Rule,
        label: &str,
    ) -> crate::diagnostic::Diagnostic {
        let values = [
            ("figure", self.figure.span.text(text).to_string()),
            ("rate", self.rate.span.text(text).to_string()),
            (
                "implied",
                super::format_like(self.implied.round_dp(2), self.figure, text),
            ),
        ];
        rule.finding(self.figure.span, &values)
            .with_related(self.rate.span, label)
    }
}

/// The period a total is over, in days, from the dates and durations of its sentence.
fn period_days(article: &Article<'_>, q: &Quantity) -> Option<Decimal> {
    let text = article.text;
    for p in super::in_sentence(&article.quantities, q) {
        if p.span == q.span {
            continue;
        }
        match (&p.kind, &p.value) {
            (Kind::Date, Value::Date(Some(d))) if d.month.is_some() && d.day.is_none() => {
                let m = d.month?;
                let date = jiff::civil::Date::new(d.year, m, 1).ok()?;
                return Some(Decimal::from(date.days_in_month()));
            }
            (Kind::Date, Value::Date(Some(d))) if d.month.is_none() => {
                // "in 2023": a whole year, when the figure is for it.
                let before = text
                    .get(p.lead_start(text)..p.span.start)
                    .unwrap_or("")
                    .to_lowercase();
                if before.trim_end().ends_with(" in") || before.trim_end().ends_with("during") {
                    let leap = jiff::civil::Date::new(d.year, 1, 1).ok()?.in_leap_year();
                    return Some(Decimal::from(if leap { 366 } else { 365 }));
                }
            }
            (Kind::Date, Value::Date(None)) => {
                // "during July" in an undated article: the month is known, its
                // year is not; February is the only month whose length depends on it.
                let word = p
                    .span
                    .text(text)
                    .split_whitespace()
                    .last()
                    .unwrap_or("")
                    .to_lowercase();
                let word = word.trim_end_matches('.');
                if let Some(m) = crate::extract::calendar::month(word)
                    && m != 2
                {
                    return Some(Decimal::from(crate::extract::calendar::days_in_month(
                        2001, m,
                    )));
                }
            }
            (Kind::Duration, Value::Number(v)) => {
                let before = super::words_before(text, p.sentence.start, p.span.start, 1);
                if before.last().is_some_and(|w| {
                    matches!(w.as_ref(), "over" | "in" | "during" | "for" | "within")
                }) {
                    let unit = p.unit.as_deref()?;
                    return Some(*v * days_per(unit)?);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether two figures may count the same flow: the same subject and unit,
/// or people under another name when both are rates.
fn same_flow(article: &Article<'_>, i: usize, j: usize) -> bool {
    let (a, b) = (&article.quantities[i], &article.quantities[j]);
    if a.kind != b.kind || !matches!(a.kind, Kind::Count | Kind::Money | Kind::Measure) {
        return false;
    }
    match a.kind {
        Kind::Count => {
            let (ca, cb) = (&article.claims[i], &article.claims[j]);
            same_subject(ca, cb)
                || (a.per.is_some()
                    && b.per.is_some()
                    && (ca.head.as_deref() == Some("person")
                        || cb.head.as_deref() == Some("person")))
        }
        // Money and measures: the same unit, and nouns naming the same thing
        // (money always needs them: amounts of money are about anything).
        _ => {
            let head = |q: &Quantity| {
                q.noun.map(|n| {
                    n.text(article.text)
                        .split_whitespace()
                        .last()
                        .unwrap_or("")
                        .to_lowercase()
                })
            };
            // A measure's unit names what is measured ("barrels", "litres"):
            // a noun on one figure only ("litres of water") narrows nothing.
            // Two bare amounts of money are one flow only as rates whose
            // predicates meet ("losing $200 million a day" … "losing $1.4
            // billion weekly").
            let nouns_agree = match (head(a), head(b)) {
                (Some(x), Some(y)) => x == y,
                (None, None) if a.kind == Kind::Money => {
                    a.per.is_some()
                        && b.per.is_some()
                        && crate::claims::same_frame(&article.claims[i], &article.claims[j])
                }
                _ => a.kind == Kind::Measure,
            };
            a.unit == b.unit && nouns_agree
        }
    }
}

/// Whether a figure may take part in a rate pair: a count, an amount of
/// money or a measure, or a bare rate ("an average of 2.6 million a day")
/// whose noun is the figure it restates.
fn eligible(q: &Quantity) -> bool {
    q.marker.is_none()
        && (matches!(q.kind, Kind::Count | Kind::Money | Kind::Measure)
            || (q.kind == Kind::Number && q.per.is_some() && q.unit.is_none()))
}

/// Whether a figure is written as a projection ("would serve", "will
/// supply", "is expected to produce"), from the few words before it.
fn projected(text: &str, q: &Quantity) -> bool {
    let words = &crate::lexicon::TIME_BASES.projected_before;
    super::words_before(text, q.sentence.start, q.span.start, 12)
        .iter()
        .any(|w| words.iter().any(|x| x == w.as_ref()))
}

/// The interval a figure's wording allows. A hedged figure ("roughly
/// 30,000", "roughly $100,000") is as imprecise as its hedge says, not by
/// its last written digit as well (that would make "100,000" anything from
/// 50,000 to 150,000); a range ("10-15 million") is its two ends; an exact
/// figure is as imprecise as its rounding.
fn written(q: &Quantity, text: &str) -> Option<Interval> {
    if !matches!(q.approx, Approx::About | Approx::Range) {
        return interval::of(q, text, false, Decimal::ZERO);
    }
    interval::stated(q)
}

/// Whether a figure is counted per member of a group ("each restaurant
/// served an average of 130 a day"), from the few words before it: such a
/// rate is no total's rate.
fn distributive(text: &str, q: &Quantity) -> bool {
    let words = &crate::lexicon::TIME_BASES.distributive_before;
    super::words_before(text, q.sentence.start, q.span.start, 12)
        .iter()
        .any(|w| words.iter().any(|x| x == w.as_ref()))
}

/// Every rate pair in the article.
pub fn pairs<'a>(article: &'a Article<'_>, tolerance: Decimal) -> Vec<RatePair<'a>> {
    let text = article.text;
    let qs = &article.quantities;
    let mut out = Vec::new();
    for (j, later) in qs.iter().enumerate() {
        if !eligible(later) {
            continue;
        }
        // The nearest earlier figure for the same flow on another base, with
        // evidence that the two are one flow: a stated restatement ("…, or
        // about …", "That amounts to …"), the same subject over the same
        // stated period ("in July 2024" … "during July"), or two rates for the
        // same subject whose clauses say nothing against it (no different
        // periods, not a record against a projection).
        let mut found = None;
        for i in (0..j).rev().take(super::LOOKBACK) {
            let earlier = &qs[i];
            if !eligible(earlier) {
                continue;
            }
            if earlier.per == later.per {
                // The same flow on the same base, nearer: the later figure
                // is compared with that one (a conflict, not a rate), and
                // rates before it are of another flow or time.
                if later.per.is_some() && same_flow(article, i, j) {
                    break;
                }
                continue;
            }
            if restated(text, earlier, later) {
                found = Some((i, true));
                break;
            }
            if !same_flow(article, i, j) {
                continue;
            }
            let (pe, pl) = (period_of(article, earlier), period_of(article, later));
            let linked = match (earlier.per, later.per) {
                (Some(_), None) => periods_agree(&pe, &pl),
                (Some(_), Some(_)) => {
                    (pe.is_none() || pl.is_none() || periods_agree(&pe, &pl))
                        && projected(text, earlier) == projected(text, later)
                        && distributive(text, earlier) == distributive(text, later)
                }
                _ => false,
            };
            if linked {
                found = Some((i, false));
                break;
            }
        }
        let Some((i, stated)) = found else {
            continue;
        };
        // The rate is the earlier figure when it has a base; otherwise the
        // later one restates a period total as a rate ("15.8 million over
        // seven days, an average of 2.6 million a day").
        let (rate, figure) = if qs[i].per.is_some() {
            (&qs[i], later)
        } else {
            (later, &qs[i])
        };
        let (Some(rate_base), Some(ri), Some(fi)) = (
            rate.per.and_then(days_per),
            written(rate, text),
            written(figure, text),
        ) else {
            continue;
        };
        let days = match figure.per {
            Some(base) => days_per(base),
            None => period_days(article, figure).or_else(|| match period_of(article, rate) {
                // "during the campaign": the length the rate's sentence gave it.
                Some(Period::Event(days, _)) => Some(days),
                _ => None,
            }),
        };
        let Some(days) = days else { continue };
        let Some(factor) = days.checked_div(rate_base) else {
            continue;
        };
        let implied_iv: Interval = ri.scale(factor).widen(tolerance);
        let implied = rate.value.number().unwrap_or_default() * factor;
        out.push(RatePair {
            figure,
            rate,
            consistent: implied_iv.overlaps(fi),
            implied,
            stated,
        });
    }
    out
}

/// Whether `later` restates `earlier` on another base, saying so: a
/// restating phrase of `rules/time-bases.toml` right before it ("…, or
/// about …", "an average of …", "That amounts to …"), or a parenthesis,
/// with the earlier figure in the same sentence or the one before. A bare
/// rate ("2.6 million a day") restates a figure of any kind; otherwise the
/// two share their kind and unit.
fn restated(text: &str, earlier: &Quantity, later: &Quantity) -> bool {
    let same_measure = earlier.kind == later.kind && earlier.unit == later.unit;
    let bare = |q: &Quantity| q.kind == Kind::Number && q.unit.is_none();
    if !(same_measure || bare(later) || bare(earlier)) {
        return false;
    }
    let between = text
        .get(earlier.span.end..later.span.start)
        .unwrap_or("")
        .trim();
    if earlier.sentence == later.sentence && between.starts_with('(') {
        return true;
    }
    let Some((s, ())) = crate::lexicon::TIME_BASES
        .restates_before
        .match_before(text, later.span.start)
    else {
        return false;
    };
    if earlier.sentence == later.sentence {
        return s >= earlier.span.end;
    }
    // "400 a week. That amounts to roughly 20,800 a year": the phrase opens
    // a later sentence of the same paragraph, or the next one, after at most
    // a pronoun.
    let near = text
        .get(earlier.sentence.end..later.sentence.start)
        .is_some_and(|gap| gap.trim().is_empty() || !gap.contains("\n\n"));
    near && super::words_between(text, later.sentence.start, s).len() <= 1
}

/// The period a figure's sentence states.
#[derive(Debug, Clone, PartialEq)]
enum Period {
    /// A month, with its year when written.
    Month(Option<i16>, i8),
    Year(i16),
    /// An event of stated length: "during a 10-day campaign" → (10 days, "campaign").
    Event(Decimal, String),
    /// "during the campaign": an event named before, by its noun.
    Named(String),
    /// "during the month", "over the same period": the period given before.
    Previous,
}

fn period_of(article: &Article<'_>, q: &Quantity) -> Option<Period> {
    let text = article.text;
    for p in super::in_sentence(&article.quantities, q) {
        if p.kind != Kind::Date {
            continue;
        }
        match &p.value {
            Value::Date(Some(d)) if d.day.is_none() => {
                return Some(match d.month {
                    Some(m) => Period::Month(Some(d.year), m),
                    None => Period::Year(d.year),
                });
            }
            Value::Date(None) => {
                let word = p
                    .span
                    .text(text)
                    .split_whitespace()
                    .last()
                    .unwrap_or("")
                    .to_lowercase();
                if let Some(m) = crate::extract::calendar::month(word.trim_end_matches('.')) {
                    return Some(Period::Month(None, m as i8));
                }
            }
            _ => {}
        }
    }
    // "during a 10-day campaign", "over a three-week period": an event of stated length.
    for p in super::in_sentence(&article.quantities, q) {
        if let (Kind::Duration, Value::Number(v)) = (&p.kind, &p.value)
            && p.per.is_none()
            && let Some(per) = p.unit.as_deref().and_then(days_per)
        {
            let lead = super::words_before(text, p.sentence.start, p.span.start, 2);
            let framed = lead
                .iter()
                .any(|w| matches!(w.as_ref(), "during" | "over" | "in" | "throughout"));
            let noun =
                super::words_between(text, p.span.end, (p.span.end + 30).min(p.sentence.end))
                    .into_iter()
                    .next()
                    .map(std::borrow::Cow::into_owned);
            if framed && let Some(noun) = noun {
                return Some(Period::Event(*v * per, noun));
            }
        }
    }
    let lower = q.sentence.text(text).to_lowercase();
    for prefix in [
        "during the ",
        "over the ",
        "throughout the ",
        "in the course of the ",
    ] {
        if let Some(k) = lower.find(prefix) {
            let noun: String = lower[k + prefix.len()..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if !noun.is_empty()
                && !matches!(
                    noun.as_str(),
                    "month" | "year" | "week" | "period" | "same" | "day"
                )
            {
                return Some(Period::Named(noun));
            }
        }
    }
    [
        "during the month",
        "that month",
        "the same month",
        "the same period",
        "over the period",
        "during the period",
        "that year",
        "the same year",
    ]
    .iter()
    .any(|p| lower.contains(p))
    .then_some(Period::Previous)
}

/// Whether two stated periods are one: the same month (years agreeing when
/// both are written), the same year, or a reference back to the other.
fn periods_agree(a: &Option<Period>, b: &Option<Period>) -> bool {
    match (a, b) {
        (Some(Period::Month(ya, ma)), Some(Period::Month(yb, mb))) => {
            ma == mb && (ya.is_none() || yb.is_none() || ya == yb)
        }
        (Some(Period::Year(x)), Some(Period::Year(y))) => x == y,
        (Some(Period::Month(..) | Period::Year(_) | Period::Event(..)), Some(Period::Previous)) => {
            true
        }
        (Some(Period::Event(_, a)), Some(Period::Named(b))) => a == b,
        _ => false,
    }
}
