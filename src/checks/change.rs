//! `change`: a stated change (by N, by N%, to A from B) that disagrees with
//! its own from/to values — every pair the sentence states is checked
//! ("fell 2.4%, or 142.3 points, to 7,410.6").

use rust_decimal::Decimal;

use super::interval::{self, Interval};
use super::{Article, words_before};
use crate::decimal::render;
use crate::diagnostic::Diagnostic;
use crate::quantity::{Kind, Quantity};
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = &["change", "others", "actual"];

/// Verbs and nouns that state a change, and its direction (+1 rise, -1 fall).
fn change_word(w: &str) -> Option<i8> {
    Some(match w {
        "rose" | "rise" | "rises" | "risen" | "rising" | "climbed" | "climb" | "climbs"
        | "increased" | "increase" | "increases" | "jumped" | "jump" | "jumps" | "gained"
        | "gain" | "gains" | "added" | "surged" | "surge" | "grew" | "grow" | "grows"
        | "growth" | "soared" | "up" | "higher" | "advanced" | "rallied" | "boosted" | "raised"
        | "lifted" | "increasing" => 1,
        "fell" | "fall" | "falls" | "fallen" | "falling" | "dropped" | "drop" | "drops"
        | "declined" | "decline" | "declines" | "decreased" | "decrease" | "decreases" | "lost"
        | "loss" | "losses" | "shed" | "slid" | "slide" | "slipped" | "plunged" | "plunge"
        | "tumbled" | "sank" | "down" | "lower" | "shrank" | "cut" | "slumped" | "eased"
        | "retreated" | "reduction" | "decreasing" => -1,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    To,
    From,
    Percent,
    Absolute,
}

/// The role a quantity plays in a change statement, from the words before it.
fn role(
    article: &Article<'_>,
    q: &Quantity,
    prev: Option<(Role, &Quantity)>,
) -> Option<(Role, i8)> {
    let text = article.text;
    let before = words_before(text, q.sentence.start, q.span.start, 5);
    let last = before.last().map(AsRef::as_ref);
    let second_last = before.len().checked_sub(2).map(|i| before[i].as_ref());
    let dir_before = before.iter().rev().find_map(|w| change_word(w));
    let is_percent = q.kind == Kind::Percent && q.unit.as_deref() == Some("percent");
    if last == Some("to") {
        return Some((Role::To, 0));
    }
    if last == Some("from") {
        return Some((Role::From, 0));
    }
    // "closed at 7,912.4": the new level; "from Friday's close of 7,701.9": the old.
    if last == Some("at")
        && second_last.is_some_and(|w| {
            matches!(
                w,
                "closed" | "ended" | "finished" | "settled" | "stood" | "stands" | "reached"
            )
        })
    {
        return Some((Role::To, 0));
    }
    if last == Some("of")
        && second_last.is_some_and(|w| matches!(w, "close" | "level" | "total" | "figure"))
        && before.iter().any(|w| w == "from")
    {
        return Some((Role::From, 0));
    }
    // "fell by a third": a fraction in words is a relative change.
    let fraction = q.kind == Kind::Number
        && !q.written.digits
        && q.value
            .number()
            .is_some_and(|v| v > Decimal::ZERO && v < Decimal::ONE);
    // "March's figure of 8.8%", "a rate of 9.2%": a level, not a change.
    if last == Some("of") && second_last.is_none_or(|w| change_word(w).is_none()) {
        return None;
    }
    if is_percent || fraction {
        // Only percentages and fractions read the words after them, and only
        // the first three: they are read here, not for every figure.
        let after: Vec<_> =
            super::words_in(text, q.span.end, (q.span.end + 24).min(q.sentence.end))
                .take(3)
                .collect();
        let next = after.first().map(AsRef::as_ref);
        // "up 140% since 2003": a change over another base.
        if after
            .iter()
            .any(|w| matches!(w.as_ref(), "since" | "over" | "compared"))
        {
            return None;
        }
        if let Some(d) = dir_before.or_else(|| next.and_then(change_word)) {
            return Some((Role::Percent, d));
        }
        if last == Some("by") {
            return Some((Role::Percent, 0));
        }
        return None;
    }
    // "a decline of 42", "by 42", "down 42", "2.4%, or 142.3 points".
    if last == Some("of") && before.len() >= 2 && change_word(&before[before.len() - 2]).is_some() {
        return Some((
            Role::Absolute,
            change_word(&before[before.len() - 2]).unwrap_or(0),
        ));
    }
    if last == Some("by") || last.and_then(change_word).is_some() {
        return Some((Role::Absolute, dir_before.unwrap_or(0)));
    }
    if last == Some("or") && prev.is_some_and(|(r, _)| r == Role::Percent) {
        return Some((Role::Absolute, 0));
    }
    None
}

/// Whether two quantities measure in the same unit (for from/to values).
fn same_unit(a: &Quantity, b: &Quantity) -> bool {
    a.kind == b.kind && a.unit == b.unit && a.per == b.per
}

/// Whether the text between two figures starts a new clause: a change and
/// its levels are stated in one clause ("… up 6.91 points (0.45%) and the
/// NASDAQ … closed at 2,724.74" states two changes).
fn clause_break(text: &str, from: usize, to: usize) -> bool {
    // Compared without case and without a lower-case copy: the words are
    // plain ASCII, and no other letter lower-cases into them.
    let between = text.get(from..to).unwrap_or("").as_bytes();
    let at = |k: usize, w: &str| {
        between
            .get(k..k + w.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
    };
    between.contains(&b';')
        || between.iter().enumerate().any(|(k, &b)| {
            // One look at the letter after each space picks the words to try.
            b == b' '
                && match between.get(k + 1).map(u8::to_ascii_lowercase) {
                    Some(b'a') => at(k, " and ") || at(k, " against "),
                    Some(b'w') => at(k, " while ") || at(k, " whereas "),
                    Some(b'b') => at(k, " but "),
                    Some(b'c') => at(k, " compared "),
                    Some(b'v') => at(k, " versus "),
                    _ => false,
                }
        })
}

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let mut i = 0;
    while i < qs.len() {
        let sentence = qs[i].sentence;
        let end = i + qs[i..]
            .iter()
            .take_while(|q| q.sentence == sentence)
            .count();
        // A change is checked against a new or an old level ("to", "at",
        // "from", "of" right before a figure): a sentence without one has
        // nothing to check, whatever its clauses.
        if !qs[i..end].iter().any(|q| may_be_level(text, q)) {
            i = end;
            continue;
        }
        while i < end {
            let mut j = i + 1;
            while j < end && !clause_break(text, qs[j - 1].span.end, qs[j].span.start) {
                j += 1;
            }
            check_sentence(article, rule, &qs[i..j], out);
            i = j;
        }
    }
}

/// Whether the word right before `q` (as [`words_before`] reads it) may be
/// "to", "at", "from" or "of": the only words that give a figure the role of
/// a level. Cheap and conservative: any other script answers yes.
fn may_be_level(text: &str, q: &Quantity) -> bool {
    let floor = q
        .sentence
        .start
        .max(q.span.start.saturating_sub(crate::quantity::LEAD_BYTES));
    let bytes = text.as_bytes();
    let mut end = q.span.start.min(bytes.len());
    let part = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'%' | b'\'');
    while end > floor && !part(bytes[end - 1]) {
        if !bytes[end - 1].is_ascii() {
            return true;
        }
        end -= 1;
    }
    let mut start = end;
    while start > floor && part(bytes[start - 1]) {
        start -= 1;
    }
    if start > floor && !bytes[start - 1].is_ascii() {
        return true;
    }
    let mut word = &bytes[start..end];
    while let [rest @ .., b'.'] = word {
        word = rest;
    }
    ["to", "at", "from", "of"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
}

fn check_sentence(article: &Article<'_>, rule: &Rule, qs: &[Quantity], out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let mut roles: Vec<(Role, i8, &Quantity)> = Vec::new();
    let mut prev: Option<(Role, &Quantity)> = None;
    for q in qs {
        if !matches!(
            q.kind,
            Kind::Count | Kind::Number | Kind::Money | Kind::Percent | Kind::Measure
        ) {
            prev = None;
            continue;
        }
        match role(article, q, prev) {
            Some((r, d)) => {
                roles.push((r, d, q));
                prev = Some((r, q));
            }
            None => prev = None,
        }
    }
    let find = |r: Role| roles.iter().find(|x| x.0 == r).map(|x| (x.1, x.2));
    let (Some(to), from) = (find(Role::To), find(Role::From)) else {
        // Without a new level, only "from B … by N%/N" can be checked.
        if let (Some((_, from)), Some((_, pct)), Some((_, abs))) =
            (find(Role::From), find(Role::Percent), find(Role::Absolute))
        {
            compare_percent_of(article, rule, pct, abs, Base::From(from), out);
        }
        return;
    };
    let to = to.1;
    if let Some((_, from)) = from
        && same_unit(from, to)
    {
        factor(article, rule, qs, from, to, out);
    }
    let pct = find(Role::Percent).map(|x| x.1);
    let abs = find(Role::Absolute).map(|x| x.1).filter(|a| {
        same_unit(a, to)
            || points_between(a, to)
            || (to.kind != Kind::Percent
                && (a.unit.as_deref() == Some("point") || a.kind == Kind::Number))
    });
    let hedge = rule.number("hedge");
    let iv = |q: &Quantity| interval::of(q, text, q.kind == Kind::Percent, hedge);
    if let Some((_, from)) = from.filter(|(_, f)| same_unit(f, to)) {
        let (Some(a), Some(b)) = (iv(to), iv(from)) else {
            return;
        };
        if let Some(p) = pct
            && let Some(pi) = percent_interval(p, text, hedge)
        {
            // (A - B) / B, as a magnitude.
            let diff = Interval {
                low: a.low.zip(b.high).map(|(x, y)| x - y),
                high: a.high.zip(b.low).map(|(x, y)| x - y),
            };
            let rel = magnitude(diff.div_signed(b)).scale(Decimal::ONE_HUNDRED);
            if !rel.overlaps(pi) {
                let (av, bv) = (
                    to.value.number().unwrap_or_default(),
                    from.value.number().unwrap_or_default(),
                );
                let actual = ((av - bv) * Decimal::ONE_HUNDRED)
                    .checked_div(bv)
                    .unwrap_or_default()
                    .abs()
                    .round_dp(1);
                report(
                    article,
                    rule,
                    p,
                    &[(from, "from"), (to, "to")],
                    format!("{}%", render(actual)),
                    out,
                );
                return;
            }
        }
        // A stated change is rounded to its last digit ("fell 22 points").
        if let Some(d) = abs
            && let Some(di) = interval::of(d, text, true, hedge)
        {
            let diff = Interval {
                low: a.low.zip(b.high).map(|(x, y)| x - y),
                high: a.high.zip(b.low).map(|(x, y)| x - y),
            };
            let di = points_scale(d, to, di);
            if !magnitude(diff).overlaps(di) {
                let actual = (to.value.number().unwrap_or_default()
                    - from.value.number().unwrap_or_default())
                .abs();
                report(
                    article,
                    rule,
                    d,
                    &[(from, "from"), (to, "to")],
                    render(actual),
                    out,
                );
            }
        }
        return;
    }
    // No from value: B = A ∓ D; check the percentage against D / B.
    if let (Some(p), Some(d)) = (pct, abs) {
        let dir = roles
            .iter()
            .find(|x| x.0 == Role::Percent)
            .map_or(0, |x| x.1);
        if dir != 0 {
            compare_percent_of(article, rule, p, d, Base::To(to, dir), out);
        }
    }
}

enum Base<'q> {
    /// The old level is given.
    From(&'q Quantity),
    /// The new level and the direction are given.
    To(&'q Quantity, i8),
}

fn compare_percent_of(
    article: &Article<'_>,
    rule: &Rule,
    pct: &Quantity,
    abs: &Quantity,
    base: Base<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let hedge = rule.number("hedge");
    let (Some(pi), Some(di)) = (
        percent_interval(pct, text, hedge),
        interval::of(abs, text, true, hedge),
    ) else {
        return;
    };
    let (old, shown) = match base {
        Base::From(f) => (interval::of(f, text, false, hedge), (f, "from")),
        Base::To(t, dir) => {
            let Some(ti) = interval::of(t, text, false, hedge) else {
                return;
            };
            // Old level = new - D for a rise, new + D for a fall.
            let old = if dir > 0 {
                Interval {
                    low: ti.low.zip(di.high).map(|(x, y)| x - y),
                    high: ti.high.zip(di.low).map(|(x, y)| x - y),
                }
            } else {
                Interval {
                    low: ti.low.zip(di.low).map(|(x, y)| x + y),
                    high: ti.high.zip(di.high).map(|(x, y)| x + y),
                }
            };
            (Some(old), (t, "to"))
        }
    };
    let Some(old) = old else { return };
    if old.low.is_none_or(|l| l <= Decimal::ZERO) {
        return;
    }
    let rel = di.divided_by(old).scale(Decimal::ONE_HUNDRED);
    if rel.overlaps(pi) {
        return;
    }
    let (Some(d), Some(o)) = (
        abs.value.number(),
        old.low.zip(old.high).map(|(l, h)| (l + h) / Decimal::TWO),
    ) else {
        return;
    };
    let actual = (d * Decimal::ONE_HUNDRED)
        .checked_div(o)
        .unwrap_or_default()
        .round_dp(1);
    report(
        article,
        rule,
        pct,
        &[(abs, "by"), shown],
        format!("{}%", render(actual)),
        out,
    );
}

/// Words that state a change as a factor.
fn factor_word(w: &str) -> Option<Decimal> {
    Some(match w {
        "halved" | "halving" => Decimal::new(5, 1),
        "doubled" | "doubling" => Decimal::TWO,
        "tripled" | "trebled" | "tripling" => Decimal::from(3),
        "quadrupled" => Decimal::from(4),
        _ => return None,
    })
}

/// "has halved, falling from 11,600 to 8,900": a factor stated with both levels.
fn factor(
    article: &Article<'_>,
    rule: &Rule,
    clause: &[Quantity],
    from: &Quantity,
    to: &Quantity,
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let Some(first) = clause.first() else { return };
    // The clause's text up to its last figure, from the start of its lead.
    let start = first.lead_start(text);
    let end = clause.last().map_or(first.span.end, |q| q.span.end);
    let region = text.get(start..end).unwrap_or("");
    let mut found = None;
    let mut offset = start;
    for w in region.split(|c: char| !c.is_alphanumeric()) {
        let at = offset;
        offset += w.len() + 1;
        if let Some(k) = crate::extract::words::Lower::new(w).and_then(|l| factor_word(l.as_str()))
        {
            found = Some((k, crate::span::Span::new(at, at + w.len())));
        }
    }
    let Some((k, span)) = found else { return };
    // No clause break between the factor word and the levels.
    if clause_break(text, span.end, from.span.start.min(to.span.start)) {
        return;
    }
    let hedge = rule.number("hedge");
    let (Some(a), Some(b)) = (
        interval::of(to, text, false, hedge),
        interval::of(from, text, false, hedge),
    ) else {
        return;
    };
    let ratio = a.divided_by(b);
    let slack = rule.number("factor_tolerance");
    let claimed = Interval::point(k).widen(slack);
    if ratio.overlaps(claimed) {
        return;
    }
    let (Some(av), Some(bv)) = (to.value.number(), from.value.number()) else {
        return;
    };
    let actual = av.checked_div(bv).unwrap_or_default().round_dp(2);
    let values = [
        ("change", span.text(text).to_string()),
        (
            "others",
            format!(
                "from {} to {}",
                from.number.text(text),
                to.number.text(text)
            ),
        ),
        ("actual", format!("a factor of {}", render(actual))),
    ];
    let d = rule
        .finding(span, &values)
        .with_related(from.span, "from")
        .with_related(to.span, "to");
    out.push(d);
}

/// A relative change as a percentage interval: "6.2%" as written (rounded to
/// its last digit), "a third" as 33.3% give or take a tenth — fractions in
/// words are round by nature.
fn percent_interval(q: &Quantity, text: &str, hedge: Decimal) -> Option<Interval> {
    if q.kind == Kind::Percent {
        return interval::of(q, text, true, hedge);
    }
    Some(
        interval::of(q, text, false, hedge)?
            .scale(Decimal::ONE_HUNDRED)
            .widen(Decimal::new(1, 1)),
    )
}

/// A change in percentage points or basis points between two percentages.
fn points_between(abs: &Quantity, level: &Quantity) -> bool {
    level.kind == Kind::Percent
        && matches!(
            abs.unit.as_deref(),
            Some("percentage-point" | "basis-point")
        )
}

/// Expresses a change in basis points in percentage points.
fn points_scale(abs: &Quantity, level: &Quantity, i: Interval) -> Interval {
    if level.kind == Kind::Percent && abs.unit.as_deref() == Some("basis-point") {
        i.scale(Decimal::new(1, 2))
    } else {
        i
    }
}

/// |interval|: the magnitudes it allows.
fn magnitude(i: Interval) -> Interval {
    match (i.low, i.high) {
        (Some(l), Some(h)) if l >= Decimal::ZERO => Interval {
            low: Some(l),
            high: Some(h),
        },
        (Some(l), Some(h)) if h <= Decimal::ZERO => Interval {
            low: Some(-h),
            high: Some(-l),
        },
        (Some(l), Some(h)) => Interval {
            low: Some(Decimal::ZERO),
            high: Some(h.max(-l)),
        },
        _ => Interval {
            low: None,
            high: None,
        },
    }
}

impl Interval {
    /// Divides by a positive interval, keeping the sign of the numerator.
    fn div_signed(self, by: Interval) -> Interval {
        let (Some(bl), Some(bh)) = (by.low, by.high) else {
            return Interval {
                low: None,
                high: None,
            };
        };
        if bl <= Decimal::ZERO {
            return Interval {
                low: None,
                high: None,
            };
        }
        let cands: Vec<Decimal> = [self.low, self.high]
            .into_iter()
            .flatten()
            .flat_map(|n| [n.checked_div(bl), n.checked_div(bh)])
            .flatten()
            .collect();
        Interval {
            low: cands.iter().copied().min(),
            high: cands.iter().copied().max(),
        }
    }
}

fn report(
    article: &Article<'_>,
    rule: &Rule,
    change: &Quantity,
    others: &[(&Quantity, &str)],
    actual: String,
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let listed: Vec<String> = others
        .iter()
        .map(|(q, label)| format!("{label} {}", q.number.text(text)))
        .collect();
    let values = [
        ("change", phrase_span(text, change).text(text).to_string()),
        ("others", listed.join(" ")),
        ("actual", actual),
    ];
    let mut d = rule.finding(phrase_span(text, change), &values);
    for (q, label) in others {
        d = d.with_related(q.span, *label);
    }
    out.push(d);
}

/// The change as written: "decline of 42" rather than "42".
fn phrase_span(text: &str, q: &Quantity) -> crate::span::Span {
    let before = q.lead(text);
    let base = q.lead_start(text);
    let trimmed = before.trim_end();
    if let Some(head) = trimmed.strip_suffix(" of")
        && let Some(word_start) = head.rfind(' ').map(|i| i + 1).or(Some(0))
        && change_word(&head[word_start..].to_lowercase()).is_some()
    {
        return crate::span::Span::new(base + word_start, q.span.end);
    }
    q.span
}
