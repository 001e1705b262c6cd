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

/// The words that give a figure its role in a change, read from the rule
/// file's parameters (`rise`, `fall`, `to`, `from`, `level_nouns`,
/// `level_verbs`, `amount_units`, `other_base`): data, not code.
pub(crate) struct Lexicon<'r> {
    rise: Vec<&'r str>,
    fall: Vec<&'r str>,
    to: Vec<&'r str>,
    from: Vec<&'r str>,
    level_nouns: Vec<&'r str>,
    level_verbs: Vec<&'r str>,
    amount_units: Vec<&'r str>,
    other_base: Vec<&'r str>,
}

impl<'r> Lexicon<'r> {
    pub(crate) fn of(rule: &'r Rule) -> Lexicon<'r> {
        let words = |key: &str| -> Vec<&'r str> {
            rule.parameter(key)
                .and_then(toml::Value::as_array)
                .map(|a| a.iter().filter_map(toml::Value::as_str).collect())
                .unwrap_or_default()
        };
        Lexicon {
            rise: words("rise"),
            fall: words("fall"),
            to: words("to"),
            from: words("from"),
            level_nouns: words("level_nouns"),
            level_verbs: words("level_verbs"),
            amount_units: words("amount_units"),
            other_base: words("other_base"),
        }
    }

    /// The direction a word states (+1 rise, -1 fall), if it states a change.
    pub(crate) fn direction(&self, w: &str) -> Option<i8> {
        if self.rise.contains(&w) {
            Some(1)
        } else if self.fall.contains(&w) {
            Some(-1)
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    To,
    From,
    Percent,
    Absolute,
}

/// Whether the text between two figures only restates the first: ", or",
/// "(", "or" — "gained 497.48 points, or 5.06%", "14.75 points higher (0.46%)".
fn restates(text: &str, from: usize, to: usize) -> bool {
    let between = text.get(from..to).unwrap_or("").trim();
    let between = between.strip_prefix(',').unwrap_or(between).trim_start();
    matches!(between, "(" | "or" | "or (" | "— or" | "-- or") || between.is_empty()
}

/// Whether a figure is the first of two levels written "A to B": a `to`
/// word, then a figure, right after it.
fn between_levels(text: &str, lex: &Lexicon<'_>, q: &Quantity) -> bool {
    let rest = text
        .get(q.span.end..(q.span.end + 24).min(q.sentence.end))
        .unwrap_or("");
    let rest = rest.trim_start();
    lex.to.iter().any(|w| {
        rest.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
            && rest[w.len()..].starts_with(' ')
            && rest[w.len()..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€' | '¥'))
    })
}

/// The role a quantity plays in a change statement, from the words around
/// it and the roles the clause has given so far.
fn role(
    article: &Article<'_>,
    lex: &Lexicon<'_>,
    q: &Quantity,
    prev: Option<(Role, i8, &Quantity)>,
    changed: bool,
) -> Option<(Role, i8)> {
    let text = article.text;
    let before = words_before(text, q.sentence.start, q.span.start, 6);
    let word =
        |k: usize| -> Option<&str> { before.len().checked_sub(k + 1).map(|i| before[i].as_ref()) };
    let last = word(0);
    let second_last = word(1);
    let dir_before = before.iter().rev().take(5).find_map(|w| lex.direction(w));
    let is_percent = q.kind == Kind::Percent && q.unit.as_deref() == Some("percent");
    if last.is_some_and(|w| lex.to.contains(&w)) {
        return Some((Role::To, 0));
    }
    if last.is_some_and(|w| lex.from.contains(&w)) {
        return Some((Role::From, 0));
    }
    // "closed at 7,912.4", "left the index at 11,188.23", "… (0.46%) at
    // 4015.75": "at" after a verb of level, or after the clause's change.
    if last == Some("at")
        && (changed
            || before
                .iter()
                .rev()
                .skip(1)
                .take(4)
                .any(|w| lex.level_verbs.contains(&w.as_ref())))
    {
        return Some((Role::To, 0));
    }
    // "to a level of 7,775.86", "a record close of 21,004.96": the new
    // level; "from Friday's close of 7,701.9": the old.
    if last == Some("of")
        && q.written.digits
        && second_last.is_some_and(|w| lex.level_nouns.contains(&w))
    {
        let from = before
            .iter()
            .rev()
            .skip(2)
            .take(3)
            .any(|w| lex.from.contains(&w.as_ref()));
        return Some((if from { Role::From } else { Role::To }, 0));
    }
    // "fell by a third": a fraction in words is a relative change.
    let fraction = q.kind == Kind::Number
        && !q.written.digits
        && q.value
            .number()
            .is_some_and(|v| v > Decimal::ZERO && v < Decimal::ONE);
    // A restatement of the change just read: "497.48 points, or 5.06%",
    // "1.35% or 25.15 points", "14.75 points higher (0.46%)" — not the
    // levels it is between ("dropped by a third (528 to 370)").
    let restated = prev.filter(|(r, _, p)| {
        matches!(r, Role::Percent | Role::Absolute)
            && restates(text, p.span.end, q.span.start)
            && !between_levels(text, lex, q)
    });
    if is_percent || fraction {
        // Only percentages and fractions read the words after them, and only
        // the first three: they are read here, not for every figure.
        let after: Vec<_> =
            super::words_in(text, q.span.end, (q.span.end + 24).min(q.sentence.end))
                .take(3)
                .collect();
        let next = after.first().map(AsRef::as_ref);
        // "up 140% since 2003": a change over another base; "10% of its
        // workforce": a share, not a change.
        if after.iter().any(|w| lex.other_base.contains(&w.as_ref())) || next == Some("of") {
            return None;
        }
        if let Some((Role::Absolute, d, _)) = restated {
            return Some((Role::Percent, dir_before.unwrap_or(d)));
        }
        // "March's figure of 8.8%", "a rate of 9.2%": a level, not a change.
        if last == Some("of") && second_last.is_none_or(|w| lex.direction(w).is_none()) {
            return None;
        }
        if let Some(d) = dir_before.or_else(|| next.and_then(|w| lex.direction(w))) {
            return Some((Role::Percent, d));
        }
        if last == Some("by") {
            return Some((Role::Percent, 0));
        }
        return None;
    }
    if let Some((Role::Percent, d, _)) = restated {
        return Some((Role::Absolute, d));
    }
    // "March's figure of 8.8%", "a rate of 9.2%": a level, not a change.
    // "a decline of 42": the change itself.
    if last == Some("of") {
        return second_last
            .and_then(|w| lex.direction(w))
            .map(|d| (Role::Absolute, d));
    }
    if last == Some("by") || last.is_some_and(|w| lex.direction(w).is_some()) {
        return Some((Role::Absolute, dir_before.unwrap_or(0)));
    }
    // "14.75 points higher", "the Dow's 344.65-point fall": the direction
    // after the amount, past the unit it is counted in.
    let mut after = super::words_in(text, q.number.end, (q.number.end + 32).min(q.sentence.end));
    // Only past such a unit: a verb right after a figure has it for its
    // subject ("COVID-19 rose to 412", "the IBEX 35 rose 1.2%").
    let first = after.next();
    let dir_after = match first.as_deref() {
        Some(w) if lex.amount_units.contains(&w) => after.next().and_then(|w| lex.direction(&w)),
        _ => None,
    };
    dir_after.map(|d| (Role::Absolute, d))
}

/// Whether two quantities measure in the same unit (for from/to values).
fn same_unit(a: &Quantity, b: &Quantity) -> bool {
    a.kind == b.kind && a.unit == b.unit && a.per == b.per
}

/// Whether two figures may be the old and new levels of one change: the
/// same unit, or a bare number whose unit is written once, after the other
/// ("from 500 to 450 missiles").
fn levels_match(a: &Quantity, b: &Quantity) -> bool {
    let bare = |q: &Quantity| q.kind == Kind::Number && q.unit.is_none() && q.per.is_none();
    same_unit(a, b)
        || (bare(a) && matches!(b.kind, Kind::Count | Kind::Number) && b.per.is_none())
        || (bare(b) && matches!(a.kind, Kind::Count | Kind::Number) && a.per.is_none())
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
    let lex = Lexicon::of(rule);
    let mut i = 0;
    while i < qs.len() {
        let sentence = qs[i].sentence;
        let end = i + qs[i..]
            .iter()
            .take_while(|q| q.sentence == sentence)
            .count();
        // A change is checked against a new or an old level ("to", "at",
        // "from", "of", "reaching" right before a figure): a sentence without
        // one has nothing to check, whatever its clauses.
        if !qs[i..end].iter().any(|q| may_be_level(text, &lex, q)) {
            i = end;
            continue;
        }
        while i < end {
            let mut j = i + 1;
            while j < end && !clause_break(text, qs[j - 1].span.end, qs[j].span.start) {
                j += 1;
            }
            check_sentence(article, rule, &lex, &qs[i..j], out);
            i = j;
        }
    }
}

/// Whether the word right before `q` (as [`words_before`] reads it) may be
/// "at", "of" or a word of the lexicon's `to` or `from`: the only words that
/// give a figure the role of a level. Cheap and conservative: any other
/// script answers yes.
fn may_be_level(text: &str, lex: &Lexicon<'_>, q: &Quantity) -> bool {
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
    ["at", "of"]
        .iter()
        .chain(&lex.to)
        .chain(&lex.from)
        .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
}

fn check_sentence(
    article: &Article<'_>,
    rule: &Rule,
    lex: &Lexicon<'_>,
    qs: &[Quantity],
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let mut roles: Vec<(Role, i8, &Quantity)> = Vec::new();
    let mut prev: Option<(Role, i8, &Quantity)> = None;
    for q in qs {
        if !matches!(
            q.kind,
            Kind::Count | Kind::Number | Kind::Money | Kind::Percent | Kind::Measure
        ) {
            prev = None;
            continue;
        }
        let changed = roles
            .iter()
            .any(|x| matches!(x.0, Role::Percent | Role::Absolute));
        match role(article, lex, q, prev, changed) {
            Some((r, d)) => {
                roles.push((r, d, q));
                prev = Some((r, d, q));
            }
            None => prev = None,
        }
    }
    // "were trading at $22.75, … to rise $1.32, or 5.8%, to $24.17": of two
    // new levels, one before the change and one after it, the first is old.
    let first_change = roles
        .iter()
        .position(|x| matches!(x.0, Role::Percent | Role::Absolute));
    if let Some(c) = first_change
        && !roles.iter().any(|x| x.0 == Role::From)
        && let Some(before) = roles[..c].iter().position(|x| x.0 == Role::To)
        && roles[c..]
            .iter()
            .any(|x| x.0 == Role::To && levels_match(x.2, roles[before].2))
    {
        roles[before].0 = Role::From;
    }
    let find = |r: Role| roles.iter().find(|x| x.0 == r).map(|x| (x.1, x.2));
    // The new level: the first, or the first in the old level's unit.
    let from = find(Role::From);
    let to = from
        .and_then(|(_, f)| {
            roles
                .iter()
                .find(|x| x.0 == Role::To && levels_match(f, x.2))
                .map(|x| (x.1, x.2))
        })
        .or_else(|| find(Role::To));
    let (Some(to), from) = (to, from) else {
        // Without a new level, only "from B … by N%/N" can be checked.
        if let (Some((_, from)), Some((_, pct)), Some((_, abs))) =
            (find(Role::From), find(Role::Percent), find(Role::Absolute))
        {
            compare_percent_of(article, rule, lex, pct, abs, Base::From(from), out);
        }
        return;
    };
    let to = to.1;
    if let Some((_, from)) = from
        && levels_match(from, to)
    {
        factor(article, rule, qs, from, to, out);
    }
    // Of several changes in the clause ("a drop of 9% or 998.50 points,
    // before … a loss of 3.30% or 347.80 points to a level of 10,520"), the
    // one nearest the new level, and the amount nearest that change.
    let at = |q: &Quantity| roles.iter().position(|x| std::ptr::eq(x.2, q)).unwrap_or(0);
    let level_at = at(to);
    // Nearest `near`; of two as near, the one on the level's side.
    let nearest = |r: Role, near: usize| {
        roles
            .iter()
            .enumerate()
            .filter(|(_, x)| x.0 == r)
            .min_by_key(|(k, _)| (k.abs_diff(near), k.abs_diff(level_at)))
            .map(|(k, x)| (k, x.2))
    };
    let pct = nearest(Role::Percent, level_at);
    let abs = nearest(Role::Absolute, pct.map_or(level_at, |(k, _)| k)).map(|x| x.1);
    let pct = pct.map(|x| x.1);
    let abs = abs.filter(|a| {
        same_unit(a, to)
            || points_between(a, to)
            || (to.kind != Kind::Percent
                && (a.kind == Kind::Number
                    || a.unit.as_deref().is_some_and(|u| {
                        // "55 points", "14.75 points higher" (the direction
                        // read as the counted noun).
                        lex.amount_units.contains(&u) || lex.direction(u).is_some()
                    })))
    });
    let hedge = rule.number("hedge");
    if let Some((_, from)) = from.filter(|(_, f)| levels_match(f, to)) {
        let (Some(a), Some(b)) = (level(to, text, hedge), level(from, text, hedge)) else {
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
                    .round_dp(places(p, text));
                report(
                    article,
                    rule,
                    lex,
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
                    lex,
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
        // The direction stated with the percentage, or else with the amount.
        let dir = [Role::Percent, Role::Absolute]
            .iter()
            .filter_map(|r| roles.iter().find(|x| x.0 == *r && x.1 != 0))
            .map(|x| x.1)
            .next()
            .unwrap_or(0);
        if dir != 0 {
            compare_percent_of(article, rule, lex, p, d, Base::To(to, dir), out);
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
    lex: &Lexicon<'_>,
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
        Base::From(f) => (level(f, text, hedge), (f, "from")),
        Base::To(t, dir) => {
            let Some(ti) = level(t, text, hedge) else {
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
        .round_dp(places(pct, text));
    report(
        article,
        rule,
        lex,
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

/// The decimal places to give a recomputed percentage: those of the one
/// written, and at least one ("1.16%" → "1.19%", "23%" → "22.4%").
fn places(q: &Quantity, text: &str) -> u32 {
    let written = q.number.text(text);
    let decimals = written.split_once(['.', ',']).map_or(0, |(_, f)| {
        f.chars().take_while(char::is_ascii_digit).count()
    });
    (decimals as u32).max(1)
}

/// The interval a level allows. A level is read to at least two
/// significant digits: a writer who gives "from $400 million to $300
/// million" and a percentage computed the percentage from those figures,
/// so "400" is 395 to 405, not 350 to 450.
fn level(q: &Quantity, text: &str, hedge: Decimal) -> Option<Interval> {
    significant(q, text, q.kind == Kind::Percent, hedge)
}

/// [`interval::of`], with round figures read to two significant digits
/// ("30%" is 29.5% to 30.5%, "$400 million" $395 to $405 million).
fn significant(q: &Quantity, text: &str, percent: bool, hedge: Decimal) -> Option<Interval> {
    let i = interval::of(q, text, percent, hedge)?;
    let v = q.value.number()?.abs();
    let r = interval::rounding(q, q.number.text(text), percent);
    let digits = v.trunc().to_string().len();
    if v < Decimal::TEN {
        return Some(i);
    }
    let cap = Decimal::from(10u64.pow((digits as u32).saturating_sub(2).min(18))) / Decimal::TWO;
    if r <= cap {
        return Some(i);
    }
    let shrink = r - cap;
    Some(Interval {
        low: i.low.map(|l| l + shrink),
        high: i.high.map(|h| h - shrink),
    })
}

/// A relative change as a percentage interval: "6.2%" as written (rounded to
/// its last digit), "a third" as 33.3% give or take a tenth — fractions in
/// words are round by nature.
fn percent_interval(q: &Quantity, text: &str, hedge: Decimal) -> Option<Interval> {
    if q.kind == Kind::Percent {
        return significant(q, text, true, hedge);
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
    lex: &Lexicon<'_>,
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
        (
            "change",
            phrase_span(text, lex, change).text(text).to_string(),
        ),
        ("others", listed.join(" ")),
        ("actual", actual),
    ];
    let mut d = rule.finding(phrase_span(text, lex, change), &values);
    for (q, label) in others {
        d = d.with_related(q.span, *label);
    }
    out.push(d);
}

/// The change as written: "decline of 42" rather than "42".
fn phrase_span(text: &str, lex: &Lexicon<'_>, q: &Quantity) -> crate::span::Span {
    let before = q.lead(text);
    let base = q.lead_start(text);
    let trimmed = before.trim_end();
    if let Some(head) = trimmed.strip_suffix(" of")
        && let Some(word_start) = head.rfind(' ').map(|i| i + 1).or(Some(0))
        && lex.direction(&head[word_start..].to_lowercase()).is_some()
    {
        return crate::span::Span::new(base + word_start, q.span.end);
    }
    q.span
}
