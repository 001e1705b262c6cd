//! `sum`: parts that do not add up to their stated total, or exceed it
//! ("Of the 120 passengers, 70 were adults and 60 children";
//! "1,200 …, 1,450 … and 1,800 …, bringing the total to 4,650").

use rust_decimal::Decimal;

use super::enumeration::list_from;
use super::interval::{self, Interval};
use super::{Article, words_before, words_between};
use crate::diagnostic::Diagnostic;
use crate::quantity::{Kind, MarkerRole, Quantity};
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = &["total", "sum", "parts"];

/// Whether `q` can be a part in a list that `first` starts: the same unit,
/// or a bare number standing for the first part's noun ("1,450 in February").
fn same_kind(first: &Quantity, q: &Quantity) -> bool {
    match first.kind {
        Kind::Number => matches!(q.kind, Kind::Number | Kind::Count) && q.per == first.per,
        // Counts of different nouns may be parts of one whole ("610 domestic
        // flights, 590 European services and 85 intercontinental departures"):
        // their total must then be a count said in the same frame.
        Kind::Count => matches!(q.kind, Kind::Count | Kind::Number) && q.per == first.per,
        Kind::Money | Kind::Measure => {
            q.kind == first.kind && q.unit == first.unit && q.per == first.per
        }
        _ => false,
    }
}

fn is_total_word(w: &str) -> bool {
    matches!(
        w,
        "total" | "totalling" | "totaling" | "altogether" | "combined" | "overall" | "sum"
    )
}

/// Whether a figure is introduced as a whole: "Of the 120 passengers, …".
pub fn is_container(text: &str, q: &Quantity) -> bool {
    let lead = text.get(q.lead_start(text)..q.span.start).unwrap_or("");
    // The clause is the lead after its last comma, trimmed; no phrase below
    // is longer than ten bytes. Read back from the end: a byte that is no
    // whitespace further back than that, before any comma, makes the clause
    // too long to match, so most leads are not read whole.
    let t = lead.trim_end();
    let b = t.as_bytes();
    let mut k = b.len();
    while k > 0 && b[k - 1] != b',' {
        let c = b[k - 1];
        if b.len() - (k - 1) > 10 && !(c as char).is_whitespace() {
            if c.is_ascii() {
                return false;
            }
            // Other scripts may hold spaces of their own: read it all.
            return is_container_phrase(lead.rsplit(',').next().unwrap_or("").trim());
        }
        k -= 1;
    }
    is_container_phrase(t[k..].trim())
}

/// Whether a clause introduces a whole: "of the", "out of".
fn is_container_phrase(clause: &str) -> bool {
    // The phrases are plain ASCII, and no other letter lower-cases into theirs.
    [
        "of",
        "of the",
        "of its",
        "of their",
        "of these",
        "of those",
        "out of",
        "out of the",
    ]
    .iter()
    .any(|p| clause.eq_ignore_ascii_case(p))
}

/// How the total was found; it decides whether a shortfall is reported.
#[derive(PartialEq, Eq)]
enum Whole {
    /// "bringing the total to N", "N in total" after the list: parts must add up.
    StatedAfter,
    /// "Of the N …" before the list, or a whole the list divides (":"):
    /// parts may leave a remainder, but must not exceed it.
    Container,
    /// A whole broken down right after it, in brackets or after a comma
    /// ("1,000,000 minivans (600,000 in the US and 270,000 in Canada)",
    /// "11,592 umbrellas, 3,144 in yellow and 6,936 in blue"), or named again
    /// in the next sentence as the whole ("… 85 intercontinental departures.
    /// The 1,240 cancellations …"): parts must add up.
    Breakdown,
}

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let hedge = rule.number("hedge");
    check_remainders(article, rule, hedge, out);
    let mut i = 0;
    while i < qs.len() {
        if !matches!(
            qs[i].kind,
            Kind::Count | Kind::Number | Kind::Money | Kind::Measure
        ) || qs[i].per.is_some()
        {
            i += 1;
            continue;
        }
        // "Of the 120 passengers, 70 … and 60 …": the whole does not start the list.
        if is_container(text, &qs[i]) {
            i += 1;
            continue;
        }
        // "11,592 umbrellas, 3,144 in yellow and 6,936 in blue", "33 aircraft
        // (24 A320s and 6 A321s)": a whole broken down right after it.
        if let Some(parts) = breakdown(text, qs, i) {
            check_parts(article, rule, i, &parts, Whole::Breakdown, hedge, out);
            i = *parts.last().unwrap_or(&i) + 1;
            continue;
        }
        let parts = list_from(text, qs, i, |first, _, q| same_kind(first, q));
        if parts.len() < 2 {
            i += 1;
            continue;
        }
        let last = *parts.last().unwrap_or(&i);
        if let Some((t, how)) = find_total(article, &parts) {
            check_parts(article, rule, t, &parts, how, hedge, out);
        }
        i = last + 1;
    }
}

/// Compares a whole with the sum of its parts and reports what cannot hold.
fn check_parts(
    article: &Article<'_>,
    rule: &Rule,
    t: usize,
    parts: &[usize],
    how: Whole,
    hedge: Decimal,
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let qs = &article.quantities;
    let total = &qs[t];
    let mut sum = Interval::point(Decimal::ZERO);
    let mut exact = Decimal::ZERO;
    for &p in parts {
        let Some(pi) = interval::of(&qs[p], text, false, hedge) else {
            return;
        };
        sum = Interval {
            low: sum.low.zip(pi.low).map(|(a, b)| a + b),
            high: sum.high.zip(pi.high).map(|(a, b)| a + b),
        };
        exact += qs[p].value.number().unwrap_or_default();
    }
    if let Some(ti) = interval::of(total, text, false, hedge) {
        let exceeds = matches!((sum.low, ti.high), (Some(s), Some(t)) if s > t);
        let short = matches!((sum.high, ti.low), (Some(s), Some(t)) if s < t);
        if exceeds || (short && how != Whole::Container) {
            report(article, rule, total, parts, exact, out);
        }
    }
}

/// The parts of a whole that figure `w` breaks down right after it, if any.
fn breakdown(text: &str, qs: &[Quantity], w: usize) -> Option<Vec<usize>> {
    let t = &qs[w];
    if !matches!(t.kind, Kind::Count | Kind::Money | Kind::Measure)
        || t.noun.is_none() && t.kind == Kind::Count
        || t.marker.is_some()
        || is_container(text, t)
    {
        return None;
    }
    let first = w
        + 1
        + qs.get(w + 1..)?
            .iter()
            .position(|q| !matches!(q.kind, Kind::Date | Kind::Time | Kind::Ordinal))?;
    let f = &qs[first];
    if f.sentence != t.sentence {
        return None;
    }
    let between = text.get(t.span.end..f.span.start)?;
    if !breaks_down(between) {
        return None;
    }
    let part_kind = |q: &Quantity| match t.kind {
        Kind::Count => matches!(q.kind, Kind::Count | Kind::Number) && q.per == t.per,
        _ => q.kind == t.kind && q.unit == t.unit && q.per == t.per,
    };
    if !part_kind(f) {
        return None;
    }
    // After a comma, the parts stand for the whole's noun ("3,144 in yellow"):
    // parts with nouns of their own ("14 Germans, six Tunisians") are a list,
    // not a breakdown. In brackets they may name kinds ("(24 A320s and 6 A321s)").
    let bracketed = between.trim_end().ends_with('(');
    let part_kind =
        |q: &Quantity| part_kind(q) && (bracketed || q.kind != Kind::Count || q.noun.is_none());
    if !part_kind(f) {
        return None;
    }
    let parts = list_from(text, qs, first, |_, _, q| part_kind(q));
    let last = &qs[*parts.last()?];
    (parts.len() >= 2 && closes_breakdown(text, last, bracketed)).then_some(parts)
}

/// The total for a list of parts, and how it is stated.
fn find_total(article: &Article<'_>, parts: &[usize]) -> Option<(usize, Whole)> {
    let text = article.text;
    let qs = &article.quantities;
    let first = &qs[parts[0]];
    let last_i = *parts.last()?;
    let last = &qs[last_i];
    // Parts counting different nouns: a whole counting yet another noun may
    // total them ("The 1,240 cancellations"), but only where its frame
    // says so (the next-sentence whole below); elsewhere the whole must count
    // the first part's noun.
    let mixed = parts
        .iter()
        .any(|&p| qs[p].kind == Kind::Count && qs[p].unit != first.unit);
    let compatible_as = |t: &Quantity, any_noun: bool| {
        matches!(
            t.kind,
            Kind::Count | Kind::Money | Kind::Measure | Kind::Number
        ) && (t.kind == first.kind && (t.unit == first.unit || any_noun)
            || t.kind == Kind::Number
            || first.kind == Kind::Number && t.kind == Kind::Count)
            && t.per == first.per
    };
    let compatible = |t: &Quantity| compatible_as(t, false) && !(mixed && t.kind == Kind::Number);
    // After the list, in the same sentence: "bringing the total to 4,650", "4,650 in all".
    let next = qs[last_i + 1..]
        .iter()
        .position(|q| !matches!(q.kind, Kind::Date | Kind::Time | Kind::Ordinal))
        .map(|k| last_i + 1 + k);
    if let Some(n) = next
        && let Some(t) = qs.get(n)
        && t.sentence == last.sentence
        && compatible(t)
    {
        let before = words_before(text, last.span.end, t.span.start, 6);
        let marked = t.marker.is_some_and(|m| m.role == MarkerRole::Total);
        if before.iter().any(|w| is_total_word(w)) || marked {
            return Some((n, Whole::StatedAfter));
        }
    }
    // "… 610 domestic flights, 590 European services and 85 intercontinental
    // departures. The 1,240 cancellations …": the next sentence opens with the
    // whole, referred back to, said in the list's frame.
    if let Some(n) = next
        && let Some(t) = qs.get(n)
        && t.sentence != last.sentence
        && t.sentence.start >= last.sentence.end
        && compatible_as(t, mixed)
        && t.kind != Kind::Number
        && words_between(text, t.sentence.start, t.span.start)
            .iter()
            .all(|w| w == "the" || w == "these" || w == "those" || w == "all")
        && !words_between(text, t.sentence.start, t.span.start).is_empty()
        && article.claims[n]
            .frames
            .iter()
            .any(|f| article.claims[parts[0]].frames.contains(f))
    {
        return Some((n, Whole::Breakdown));
    }
    // "212 people …, of whom 146 were passengers and 71 were crew": the part
    // marker points back to the whole before it.
    if first.marker.is_some_and(|m| m.role == MarkerRole::Part) {
        let whole = (0..parts[0])
            .rev()
            .take_while(|&w| qs[w].sentence == first.sentence)
            .find(|&w| compatible(&qs[w]) && qs[w].kind != Kind::Number);
        if let Some(w) = whole {
            return Some((w, Whole::Container));
        }
    }
    // "Of the 120 passengers, 70 … and 60 …".
    if parts[0] > 0 {
        let w = parts[0] - 1;
        let t = &qs[w];
        if t.sentence == first.sentence && compatible(t) {
            let between = words_between(text, t.span.end, first.span.start);
            if is_container(text, t) && between.len() <= 8 {
                return Some((w, Whole::Container));
            }
        }
    }
    // "The budget divides spending among four areas: $540 million …": a list
    // after a colon, whose whole is an earlier figure named before the colon.
    let lead_start = first.lead_start(text);
    let colon = first.lead(text).rfind(':')?;
    let intro = words_between(text, lead_start, lead_start + colon);
    (0..parts[0]).rev().take(12).find_map(|w| {
        let t = &qs[w];
        if !(t.kind == first.kind && t.unit == first.unit && t.per == first.per) {
            return None;
        }
        let named = t
            .noun
            .map(|n| words_between(text, n.start, n.end))
            .unwrap_or_default();
        let head = named.last()?;
        intro
            .iter()
            .any(|x| x == head || x.trim_end_matches('s') == head.trim_end_matches('s'))
            .then_some((w, Whole::Container))
    })
}

/// Whether the words between a whole and its first part open a breakdown:
/// a bracket (after a few words of the whole's own phrase: "minivans in
/// North America ("), or a comma, colon or dash right after the whole.
fn breaks_down(between: &str) -> bool {
    let t = between.trim();
    if let Some(before) = t.strip_suffix('(') {
        return before.len() <= 60 && !before.contains([',', ';', ':', '.', ')']);
    }
    matches!(t, "," | ":" | "\u{2014}" | ", with" | ": with")
}

/// Whether a breakdown's last part ends it: the closing bracket (for one in
/// brackets), else the end of the clause or sentence, with no further part
/// joined by "and"/"or" before it.
fn closes_breakdown(text: &str, last: &Quantity, bracketed: bool) -> bool {
    let mut end = (last.span.end + 60).min(last.sentence.end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let after = text.get(last.span.end..end).unwrap_or("");
    let closers: &[char] = if bracketed {
        &[')']
    } else {
        &['.', ';', ',', ')']
    };
    match after.find(closers) {
        Some(k) => {
            !after[..k].contains(" and ")
                && !after[..k].contains(" or ")
                && !after[..k].contains('(')
        }
        None => !bracketed && last.span.end + 60 >= last.sentence.end,
    }
}

fn report(
    article: &Article<'_>,
    rule: &Rule,
    total: &Quantity,
    parts: &[usize],
    sum: Decimal,
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let qs = &article.quantities;
    let listed: Vec<&str> = parts.iter().map(|&p| qs[p].number.text(text)).collect();
    let values = [
        ("total", total.span.text(text).to_string()),
        ("sum", super::format_like(sum, &qs[parts[0]], text)),
        ("parts", listed.join(" + ")),
    ];
    let mut d = rule.finding(total.span, &values);
    for &p in parts {
        d = d.with_related(qs[p].span, "part");
    }
    out.push(d);
}

/// Whether a figure is said to be the rest of a whole: "the remaining 219",
/// "The remaining 39" (the words are `remainder` in `rules/lists.toml`).
fn is_remainder(text: &str, q: &Quantity) -> bool {
    let before = words_before(text, q.sentence.start, q.span.start, 1);
    before
        .first()
        .is_some_and(|w| crate::lexicon::LISTS.remainder.contains(w.as_ref()))
}

/// Whether a figure is an amount that can be a part or a whole.
fn is_amount(q: &Quantity) -> bool {
    matches!(
        q.kind,
        Kind::Count | Kind::Number | Kind::Money | Kind::Measure
    ) && q.per.is_none()
        && q.value.number().is_some()
}

/// "… 129 seats. Of these, 90 would be elected … The remaining 39 …";
/// "fire 53 of its 163 workers, while the remaining 110 jobs …": a figure
/// said to be the rest of a whole closes the list of its parts, which must
/// add up to the whole.
fn check_remainders(article: &Article<'_>, rule: &Rule, hedge: Decimal, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    for (r, rest) in qs.iter().enumerate() {
        if !is_amount(rest) || !is_remainder(text, rest) {
            continue;
        }
        let Some((whole, mut parts)) = whole_of_remainder(text, qs, r) else {
            continue;
        };
        parts.push(r);
        check_parts(article, rule, whole, &parts, Whole::StatedAfter, hedge, out);
    }
}

/// The whole and the earlier parts a remainder (figure `r`) completes.
fn whole_of_remainder(text: &str, qs: &[Quantity], r: usize) -> Option<(usize, Vec<usize>)> {
    let rest = &qs[r];
    // "53 of its 163 workers …, while the remaining 110": a part taken "of"
    // the whole right after it, in the remainder's sentence.
    for p in (0..r)
        .rev()
        .take_while(|&p| qs[p].sentence == rest.sentence)
    {
        let Some(w) = qs.get(p + 1) else { continue };
        if p + 1 < r && is_amount(&qs[p]) && is_amount(w) {
            let mut between = super::words_in(text, qs[p].span.end, w.span.start);
            let first = between.next();
            if first.as_deref() == Some("of")
                && between.count() <= 2
                && same_measure(&qs[p], w)
                && same_measure(rest, w)
            {
                return Some((p + 1, vec![p]));
            }
        }
    }
    // "Of these, 90 …": the parts start a sentence that takes its whole from
    // the sentence before; the remainder is in that sentence or the next.
    let mut sentences = 0;
    let mut k = r;
    while k > 0 {
        k -= 1;
        if qs[k].sentence != qs[k + 1].sentence {
            sentences += 1;
            if sentences > 1 {
                return None;
            }
        }
        if let Some(w) = super::enumeration::whole_in_previous_sentence(text, qs, k) {
            let parts: Vec<usize> = (k..r).filter(|&p| is_amount(&qs[p])).collect();
            if parts.is_empty()
                || parts.len() > 6
                || parts.iter().any(|&p| !same_measure(&qs[p], &qs[w]))
                || !same_measure(rest, &qs[w])
            {
                return None;
            }
            return Some((w, parts));
        }
    }
    None
}

/// Whether two amounts count in the same measure: counts and bare numbers
/// together, money and measures in one unit.
fn same_measure(a: &Quantity, b: &Quantity) -> bool {
    let counted = |q: &Quantity| matches!(q.kind, Kind::Count | Kind::Number);
    counted(a) && counted(b) || a.kind == b.kind && a.unit == b.unit
}
