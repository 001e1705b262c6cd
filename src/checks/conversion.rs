//! `conversion`: a unit or time-zone conversion that is wrong — "26-mile
//! (35-km)", "47C (109F)", "6:15 p.m. EDT (2115 UTC)", "EDT (UTC-5)", and a
//! standard-time zone written on a date when daylight time was in force.

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::Article;
use super::interval::{self, Interval};
use crate::diagnostic::Diagnostic;
use crate::extract::clock::zone_offset_minutes;
use crate::places::{self, Gallon};
use crate::quantity::{Approx, ClockTime, Kind, Quantity, Value};
use crate::rulebook::Rule;
use crate::span::Span;
use crate::units::{self, Dimension};

pub const PLACEHOLDERS: &[&str] = &["original", "converted", "expected"];

/// Whether `b` is written as a restatement of `a`: "A (B)", "A, or B".
fn restates(text: &str, a: &Quantity, b: &Quantity) -> bool {
    let between = text.get(a.span.end..b.span.start).unwrap_or("").trim();
    let between = between.trim_start_matches(',').trim();
    matches!(
        between,
        "(" | "or"
            | "(about"
            | "(around"
            | "(roughly"
            | "(some"
            | "or about"
            | "or around"
            | "or roughly"
            | "/"
            | "["
    ) || between.starts_with('(') && between.len() <= 12 && !between.contains(')')
}

/// Whether two measures are the sides of one size: "600 metres by 200
/// metres", "20 x 30 cm".
fn dimensions(text: &str, a: &Quantity, b: &Quantity) -> bool {
    let between = text.get(a.span.end..b.span.start).unwrap_or("").trim();
    a.sentence == b.sentence && matches!(between, "by" | "x" | "×")
}

/// The gallon the places an article names agree on, found once per article
/// and only when a conversion needs it.
type GallonLocale = std::cell::OnceCell<Option<Option<Gallon>>>;

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let tolerance = rule.number("tolerance");
    let gallon = GallonLocale::new();
    let measure = |a: &Quantity, b: &Quantity, out: &mut Vec<Diagnostic>| {
        measure(article, rule, a, b, tolerance, &gallon, out);
    };
    for (i, w) in qs.windows(2).enumerate() {
        let (a, b) = (&w[0], &w[1]);
        if a.sentence != b.sentence || !restates(text, a, b) {
            continue;
        }
        // "600 metres by 200 metres (1,968 feet by 656 feet)": the two lists
        // are restated in order, first with first and second with second.
        if let (Some(p), Some(n)) = (i.checked_sub(1).map(|k| &qs[k]), qs.get(i + 2))
            && [(p, a), (b, n)].iter().all(|(x, y)| {
                x.kind == Kind::Measure && y.kind == Kind::Measure && dimensions(text, x, y)
            })
        {
            measure(p, b, out);
            measure(a, n, out);
            continue;
        }
        match (a.kind, b.kind) {
            (Kind::Measure, Kind::Measure) => measure(a, b, out),
            (Kind::Time, Kind::Time) => clock(article, rule, a, b, out),
            _ => {}
        }
    }
    for q in qs {
        if q.kind == Kind::Time {
            zone_offset(article, rule, q, out);
        }
    }
}

fn measure(
    article: &Article<'_>,
    rule: &Rule,
    a: &Quantity,
    b: &Quantity,
    tolerance: Decimal,
    gallon: &GallonLocale,
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let (Some(ua), Some(ub)) = (
        a.unit.as_deref().and_then(units::lookup),
        b.unit.as_deref().and_then(units::lookup),
    ) else {
        return;
    };
    if ua.dimension != ub.dimension
        || ua.code == ub.code
        || ua.dimension == Dimension::Currency
        || ub.factor.is_zero()
    {
        return;
    }
    // "over 20km (32 miles)": the bound governs both figures, so the
    // conversion compares the written values.
    let bound = |q: &Quantity| {
        matches!(
            q.approx,
            Approx::MoreThan | Approx::AtLeast | Approx::LessThan | Approx::AtMost
        )
    };
    let closed;
    let a = if bound(a) && !bound(b) {
        closed = Quantity {
            approx: Approx::Exact,
            ..a.clone()
        };
        &closed
    } else {
        a
    };
    let (Some(ai), Some(bi)) = (
        interval::of(a, text, false, Decimal::ZERO),
        interval::of(b, text, false, Decimal::ZERO),
    ) else {
        return;
    };
    // A plain "gallons" in a story set in the US is the US gallon; in the UK,
    // the imperial one (the gazetteer's locale): only that reading is right.
    let locale = |q: &Quantity, u: &units::Unit| -> Option<Vec<Decimal>> {
        let written = units::unit_after(text, q.number.end)?.unit;
        if written.code != u.code || written.other_factors.is_empty() || u.code != "gal" {
            return None;
        }
        match (*gallon.get_or_init(|| places::gallon_locale(text)))? {
            Some(Gallon::Us) => Some(vec![written.factor]),
            Some(Gallon::Imperial) => Some(written.other_factors.clone()),
            None => None,
        }
    };
    let (la, lb) = (locale(a, ua), locale(b, ub));
    let fa = la
        .as_ref()
        .and_then(|f| f.first().copied())
        .unwrap_or(ua.factor);
    let fb = lb
        .as_ref()
        .and_then(|f| f.first().copied())
        .unwrap_or(ub.factor);
    // A's interval, converted into B's unit.
    let convert = |v: Decimal| (v * fa + ua.offset - ub.offset).checked_div(fb);
    let converted = Interval {
        low: ai.low.and_then(convert),
        high: ai.high.and_then(convert),
    };
    let widened = if ua.dimension == Dimension::Temperature {
        converted
    } else {
        converted.widen(tolerance)
    };
    if widened.overlaps(bi) {
        return;
    }
    // "some 6C (10.8F) above the average": a temperature difference converts
    // without the offset.
    if ua.dimension == Dimension::Temperature && difference(text, rule, a, b) {
        let convert = |v: Decimal| (v * ua.factor).checked_div(ub.factor);
        let as_difference = Interval {
            low: ai.low.and_then(convert),
            high: ai.high.and_then(convert),
        };
        if as_difference.widen(tolerance).overlaps(bi) {
            return;
        }
    }
    // "500 pints (284 litres)": right for imperial pints. A conversion that
    // holds for another common reading of either unit is no mistake.
    let readings = |q: &Quantity, u: &units::Unit| -> Vec<Decimal> {
        let written = units::unit_after(text, q.number.end)
            .map(|m| m.unit)
            .filter(|w| w.code == u.code);
        std::iter::once(u.factor)
            .chain(
                written
                    .map_or(&u.other_factors, |w| &w.other_factors)
                    .iter()
                    .copied(),
            )
            .collect()
    };
    if ua.dimension != Dimension::Temperature {
        for fa in la.clone().unwrap_or_else(|| readings(a, ua)) {
            for fb in lb.clone().unwrap_or_else(|| readings(b, ub)) {
                let convert = |v: Decimal| (v * fa).checked_div(fb);
                let other = Interval {
                    low: ai.low.and_then(convert),
                    high: ai.high.and_then(convert),
                };
                if other.widen(tolerance).overlaps(bi) {
                    return;
                }
            }
        }
    }
    let Some(expected) = a.value.number().and_then(convert) else {
        return;
    };
    let expected = expected.round_dp(if expected.abs() >= Decimal::TEN { 0 } else { 1 });
    let unit = match ub.code.as_str() {
        "c" => "°C".to_string(),
        "f" => "°F".to_string(),
        code => code.to_string(),
    };
    let shown = format!("{} {unit}", crate::decimal::render(expected));
    // The fix rewrites the converted figure the way it is written.
    let fix = (b.number, super::format_like(expected, b, text));
    report(article, rule, b, a, shown, Some(fix), out);
}

/// Whether a restated temperature is a difference: a word of the rule's
/// `difference_words` right after the pair ("6C (10.8F) above the average",
/// "3C (5.4F) warmer") or "by" right before it ("rose by 2C (3.6F)").
fn difference(text: &str, rule: &Rule, a: &Quantity, b: &Quantity) -> bool {
    let Some(words) = rule
        .parameter("difference_words")
        .and_then(|v| v.as_array())
    else {
        return false;
    };
    let after = text.get(b.span.end..).unwrap_or("");
    let after = after.trim_start_matches(|c: char| c == ')' || c == ']' || c.is_whitespace());
    let next: String = after
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let before = text.get(..a.span.start).unwrap_or("").trim_end();
    let prev: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .flat_map(char::to_lowercase)
        .collect();
    words.iter().filter_map(|w| w.as_str()).any(|w| {
        w.strip_suffix(" _")
            .map_or(w == next, |before_word| before_word == prev)
    })
}

/// Minutes from UTC of a time mention's zone: the offset written with it, an
/// abbreviation's standard offset, or a zone named by place or region ("Kyiv
/// time", "Eastern Time", "local time") evaluated at the mention's date.
fn offset_of(article: &Article<'_>, q: &Quantity) -> Option<i32> {
    q.zone_offset
        .or_else(|| q.unit.as_deref().and_then(zone_offset_minutes))
        .or_else(|| named_offset(article, q))
}

/// The offset of a zone named by a place, a demonym, a region or "local
/// time", at the mention's date; `None` when the name, the place or the date
/// is unknown or ambiguous.
fn named_offset(article: &Article<'_>, q: &Quantity) -> Option<i32> {
    let name = q.unit.as_deref()?;
    let date = date_of(article, q)?;
    let zone = if name == "local time" {
        let text = article.text;
        let mut scopes = vec![q.sentence, paragraph(text, q.sentence)];
        scopes.extend(crate::dateline::place_scope(text, &article.quantities));
        places::local_zone(text, &scopes, date)?
    } else {
        places::named_zone(name)?
    };
    places::offset_at(zone, date)
}

/// The paragraph (between blank lines) holding `sentence`.
fn paragraph(text: &str, sentence: Span) -> Span {
    let start = text
        .get(..sentence.start)
        .and_then(|t| t.rfind("\n\n"))
        .map_or(0, |i| i + 2);
    let end = text
        .get(sentence.end..)
        .and_then(|t| t.find("\n\n"))
        .map_or(text.len(), |i| sentence.end + i);
    Span::new(start, end.max(start))
}

/// A zone named with "standard time" ("Eastern Standard Time") fixes the
/// standard offset; copy desks write it all year, so a conversion right for
/// the daylight offset is its label's slip, not the figure's.
fn standard_name(q: &Quantity) -> bool {
    q.unit
        .as_deref()
        .is_some_and(|u| u.ends_with(" standard time"))
}

fn clock(
    article: &Article<'_>,
    rule: &Rule,
    a: &Quantity,
    b: &Quantity,
    out: &mut Vec<Diagnostic>,
) {
    let (Value::Time(ta), Value::Time(tb)) = (&a.value, &b.value) else {
        return;
    };
    let (Some(oa), Some(ob)) = (offset_of(article, a), offset_of(article, b)) else {
        return;
    };
    let minutes = |t: &ClockTime| i32::from(t.hour) * 60 + i32::from(t.minute);
    let expected = (minutes(ta) - oa + ob).rem_euclid(24 * 60);
    if expected == minutes(tb) {
        return;
    }
    // "1:30 p.m. PST (20:30 UTC)" in August: the conversion is right for
    // daylight time; the label is what is wrong, and that is reported once.
    let daylight = |q: &Quantity| {
        if in_daylight(article, q) || standard_name(q) {
            60
        } else {
            0
        }
    };
    if (minutes(ta) - oa - daylight(a) + ob + daylight(b)).rem_euclid(24 * 60) == minutes(tb) {
        return;
    }
    // The expected time is written the way the converted one is ("20:30",
    // "0310"); a 24-hour time gets it as a fix. A 12-hour one would need its
    // a.m./p.m. changed too, so it gets none.
    let written = b.span.text(article.text);
    let clock_len = written
        .bytes()
        .take_while(|c| c.is_ascii_digit() || *c == b':')
        .count();
    let (clock, rest) = written.split_at(clock_len);
    let colon = clock.contains(':');
    let hhmm = if colon && clock.find(':') == Some(1) && expected < 600 {
        // "9:30 UTC": the hour as written, without a leading zero.
        format!("{}:{:02}", expected / 60, expected % 60)
    } else if colon {
        format!("{:02}:{:02}", expected / 60, expected % 60)
    } else {
        format!("{:02}{:02}", expected / 60, expected % 60)
    };
    // The zone as the text writes it ("local time", "Kyiv time"); an
    // abbreviation in capitals.
    let unit = b.unit.as_deref().unwrap_or("");
    let zone = written
        .len()
        .checked_sub(unit.len())
        .and_then(|i| written.get(i..))
        .filter(|w| unit.contains(' ') && w.eq_ignore_ascii_case(unit))
        .map_or_else(|| unit.to_uppercase(), str::to_string);
    let shown = format!("{hhmm} {zone}");
    let rest = rest.trim_start().to_ascii_lowercase();
    let twelve_hour = ["a.m", "p.m", "am", "pm"]
        .iter()
        .any(|m| rest.starts_with(m));
    let fix = (!twelve_hour && (clock.len() == 4 || colon) && clock.len() >= 4)
        .then(|| (Span::new(b.span.start, b.span.start + clock_len), hhmm));
    report(article, rule, b, a, shown, fix, out);
}

/// "EDT (UTC-5)": a zone whose written offset is not its offset; "PST" on a
/// date when Pacific daylight time was in force.
fn zone_offset(article: &Article<'_>, rule: &Rule, q: &Quantity, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let Some(abbr) = q.unit.as_deref() else {
        return;
    };
    let abbr = abbr.split_whitespace().next().unwrap_or("");
    let Some(standard) = zone_offset_minutes(abbr) else {
        return;
    };
    if let Some(written) = q.zone_offset
        && written != standard
        && !abbr.starts_with("utc")
        && !abbr.starts_with("gmt")
    {
        let shown = format!("{} is UTC{}", abbr.to_uppercase(), render_offset(standard));
        let values = [
            ("original", q.span.text(text).to_string()),
            ("converted", format!("UTC{}", render_offset(written))),
            ("expected", shown),
        ];
        let d = rule.finding(q.span, &values);
        out.push(d);
        return;
    }
    // A standard-time abbreviation on a date in daylight time.
    let Some((_, daylight)) = daylight_name(abbr) else {
        return;
    };
    if !in_daylight(article, q) {
        return;
    }
    let Some(date) = date_of(article, q) else {
        return;
    };

    let values = [
        ("original", q.span.text(text).to_string()),
        ("converted", abbr.to_uppercase()),
        (
            "expected",
            format!("{daylight} (daylight time was in force on {date})"),
        ),
    ];
    let d = rule.finding(q.span, &values);
    out.push(d);
}

/// Whether a time mention's zone is a standard-time abbreviation whose
/// region was on daylight time on the mention's date.
fn in_daylight(article: &Article<'_>, q: &Quantity) -> bool {
    let Some(abbr) = q.unit.as_deref().and_then(|u| u.split_whitespace().next()) else {
        return false;
    };
    let (Some((zone, _)), Some(date)) = (daylight_name(abbr), date_of(article, q)) else {
        return false;
    };
    let Ok(tz) = jiff::tz::TimeZone::get(zone) else {
        return false;
    };
    tz.to_timestamp(date.at(12, 0, 0, 0))
        .is_ok_and(|noon| tz.to_offset_info(noon).dst().is_dst())
}

/// The IANA zone and the daylight-time name for a standard-time abbreviation.
fn daylight_name(abbr: &str) -> Option<(&'static str, &'static str)> {
    Some(match abbr {
        "pst" => ("America/Los_Angeles", "PDT"),
        "mst" => ("America/Denver", "MDT"),
        "cst" => ("America/Chicago", "CDT"),
        "est" => ("America/New_York", "EDT"),
        "akst" => ("America/Anchorage", "AKDT"),
        "aest" => ("Australia/Sydney", "AEDT"),
        "nzst" => ("Pacific/Auckland", "NZDT"),
        "cet" => ("Europe/Paris", "CEST"),
        "eet" => ("Europe/Athens", "EEST"),
        _ => return None,
    })
}

/// The day a time mention is on: a full date in its sentence, else the article's date.
fn date_of(article: &Article<'_>, q: &Quantity) -> Option<Date> {
    super::in_sentence(&article.quantities, q)
        .filter(|d| d.kind == Kind::Date)
        .find_map(|d| match &d.value {
            Value::Date(Some(c)) => c.civil(),
            _ => None,
        })
        .or(article.document_date)
}

fn render_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    if m % 60 == 0 {
        format!("{sign}{}", m / 60)
    } else {
        format!("{sign}{}:{:02}", m / 60, m % 60)
    }
}

fn report(
    article: &Article<'_>,
    rule: &Rule,
    converted: &Quantity,
    original: &Quantity,
    expected: String,
    fix: Option<(Span, String)>,
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let values = [
        ("original", original.number.text(text).to_string()),
        ("converted", converted.number.text(text).to_string()),
        ("expected", expected),
    ];
    let mut d = rule
        .finding(converted.number, &values)
        .with_related(original.number, "converted from");
    if let Some((span, replacement)) = fix {
        d = d.with_fix(span, replacement);
    }
    out.push(d);
}
