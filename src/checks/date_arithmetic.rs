//! `date-arithmetic`: an interval stated between two dates that the dates do
//! not give — "on 11 November, a week after it was signed … on 1 November";
//! "landed on Dec. 2, 2023, after 94 days in orbit … launched on Aug. 12, 2023".

use jiff::civil::Date;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{Article, words_before};
use crate::diagnostic::Diagnostic;
use crate::extract::calendar::{WORDS as CALENDAR, listed};
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

/// Whether a date mention names a day of the month alone ("the 27th",
/// "Monday 21"): no month name and no year written.
fn day_only(q: &Quantity, text: &str) -> bool {
    let written = q.span.text(text);
    q.kind == Kind::Date
        && written.contains(|c: char| c.is_ascii_digit())
        && !written
            .split(|c: char| !c.is_ascii_digit())
            .any(|d| d.len() > 2)
        && !written.split(|c: char| !c.is_alphabetic()).any(|w| {
            crate::extract::words::Lower::new(w)
                .is_some_and(|l| crate::extract::calendar::month(l.as_str()).is_some())
        })
}

/// The date of mention `i`: a day of the month alone ("until his death on
/// the 27th") is read in the month of the nearest full date before it in
/// its sentence ("admitted on the 12th of January"), the month after when
/// its day is earlier; other dates as written.
fn date_of(qs: &[Quantity], i: usize, text: &str) -> Option<Date> {
    let q = qs.get(i)?;
    let own = full_date(q, text);
    if !day_only(q, text) {
        return own;
    }
    let day = own?.day();
    let anchor = qs[..i]
        .iter()
        .rev()
        .take_while(|p| p.sentence == q.sentence)
        .find(|p| !day_only(p, text) && full_date(p, text).is_some())
        .and_then(|p| full_date(p, text));
    let Some(anchor) = anchor else { return own };
    let first = anchor.first_of_month();
    let month = if day >= anchor.day() {
        first
    } else {
        first.checked_add(jiff::Span::new().months(1)).ok()?
    };
    Date::new(month.year(), month.month(), day).ok().or(own)
}

/// How an interval relates its two dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    /// "12 days after", "three days later": the distance, exactly.
    Offset,
    /// "a 16-day strike", "after 94 days in orbit": an event's length, which
    /// may count both its first and last day.
    Length,
}

/// The span of days a duration allows, given its unit, hedge and count.
fn allowed_days(q: &Quantity, slack: f64, count: Count) -> Option<(f64, f64)> {
    let v = q.value.number()?.to_f64()?;
    let (per, unit_slack) = match q.unit.as_deref()? {
        // Days are counted exactly; an event's length may include both ends.
        "day" => (1.0, 0.0),
        "week" => (7.0, 1.0),
        "fortnight" => (14.0, 1.0),
        "month" => (30.44, 2.0),
        "year" => (365.25, 2.0),
        _ => return None,
    };
    let days = v * per;
    let pad = unit_slack + if per > 1.0 { days * slack } else { 0.0 };
    // An inclusive count names one day more than the distance.
    let both_ends = match count {
        Count::Length => CALENDAR.event.inclusive_days as f64,
        Count::Offset => 0.0,
    };
    Some(match q.approx {
        Approx::MoreThan | Approx::AtLeast => (days - unit_slack - both_ends, f64::INFINITY),
        Approx::LessThan | Approx::AtMost => (0.0, days + unit_slack),
        Approx::About => (
            q.low?.to_f64()? * per - pad.max(1.0) - both_ends,
            q.high?.to_f64()? * per + pad.max(1.0),
        ),
        Approx::Range => (
            q.low?.to_f64()? * per - unit_slack - both_ends,
            q.high?.to_f64()? * per + unit_slack,
        ),
        _ => (days - pad - both_ends, days + pad),
    })
}

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let slack = rule.number("tolerance").to_f64().unwrap_or(0.0);
    let ev = &CALENDAR.event;
    // The indexes of the dates of a sentence, nearest first, within reach.
    let before = |i: usize| {
        (i.saturating_sub(super::LOOKBACK)..i)
            .rev()
            .take_while(move |&k| qs[k].sentence == qs[i].sentence)
    };
    let after = |i: usize| {
        (i + 1..(i + 1 + super::LOOKBACK).min(qs.len()))
            .take_while(move |&k| qs[k].sentence == qs[i].sentence)
    };
    for (i, d) in qs.iter().enumerate() {
        if d.kind != Kind::Duration || d.per.is_some() {
            continue;
        }
        // Only the first word after the duration is read: no list is kept.
        let next_word = super::words_in(text, d.span.end, (d.span.end + 12).min(text.len())).next();
        let next = next_word.as_deref();
        let prev = words_before(text, d.sentence.start, d.span.start, 1);
        let prev = prev.last().map(AsRef::as_ref);
        let offset = next.is_some_and(|w| listed(&ev.after, w) || listed(&ev.before, w));
        let dated = |k: &usize| date_of(qs, *k, text).is_some();
        // The two dates and how the interval counts between them.
        let (one, other, count) = if offset {
            // "X on D1, a week after … on D2".
            let d1 = before(i).find(dated);
            let d2 = after(i).find(dated);
            (d1, d2, Count::Offset)
        } else if prev.is_some_and(|w| listed(&ev.after, w)) {
            // "landed on D1, after 94 days in orbit"; the start date nearby.
            let d1 = before(i).find(dated);
            let d2 = d1.and_then(|d1| {
                let end = date_of(qs, d1, text)?;
                super::around(qs.len(), i, super::LOOKBACK)
                    .filter(|&k| {
                        qs[k].sentence != d.sentence
                            && date_of(qs, k, text).is_some_and(|x| x < end)
                            && qs[k].sentence.start.abs_diff(d.sentence.start) < 600
                    })
                    .min_by_key(|&k| qs[k].sentence.start.abs_diff(d.sentence.start))
            });
            (d1, d2, Count::Length)
        } else {
            // "ending a 16-day strike … that began on 26 September": an
            // event's first and last days, named by their role words.
            let (start, end) = event_days(qs, i, text);
            (start, end, Count::Length)
        };
        let (Some(one), Some(other)) = (one, other) else {
            continue;
        };
        let (Some(a), Some(b)) = (date_of(qs, one, text), date_of(qs, other, text)) else {
            continue;
        };
        // The gap between the two dates, whichever is written first
        // ("three days later, on 9 June" names the later date after the
        // interval); `Date::until` counts in days by default.
        let (earlier, later) = if a < b {
            (&qs[one], &qs[other])
        } else {
            (&qs[other], &qs[one])
        };
        let Ok(span) = a.min(b).until(a.max(b)) else {
            continue;
        };
        let days = f64::from(span.get_days());
        let Some((lo, hi)) = allowed_days(d, slack, count) else {
            continue;
        };
        if days < 0.0 || (lo <= days && days <= hi) {
            continue;
        }
        let shown = if offset {
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
        let actual = if count == Count::Length && CALENDAR.event.inclusive_days > 0 {
            format!(
                "{} days ({} counting both ends)",
                days as i64,
                days as i64 + CALENDAR.event.inclusive_days
            )
        } else {
            format!("{} days", days as i64)
        };
        let values = [
            ("interval", shown.text(text).to_string()),
            ("from", earlier.span.text(text).to_string()),
            ("to", later.span.text(text).to_string()),
            ("actual", actual),
        ];
        let diag = rule
            .finding(shown, &values)
            .with_related(earlier.span, "from")
            .with_related(later.span, "to");
        out.push(diag);
    }
    beside_relative_days(article, rule, out);
    ages(article, rule, out);
}

/// Whether one of `list` is among the `reach` words before byte `at` in
/// the sentence starting at `floor`.
fn role_before(text: &str, floor: usize, at: usize, reach: usize, list: &[String]) -> bool {
    words_before(text, floor, at, reach)
        .iter()
        .any(|w| listed(list, w))
}

/// The first and last days of the event a duration measures, in its
/// sentence: a date after a start word ("began on 26 September", "opened
/// January 26") and a later one after an end word ("until January 31", "on
/// the 27th" after "until his death"), or before the duration with an end
/// word between them ("on 10 October, ending a 16-day strike").
fn event_days(qs: &[Quantity], i: usize, text: &str) -> (Option<usize>, Option<usize>) {
    let ev = &CALENDAR.event;
    let d = &qs[i];
    let mut start = None;
    let mut end = None;
    for k in super::around(qs.len(), i, super::LOOKBACK) {
        let q = &qs[k];
        if q.sentence != d.sentence || k == i || date_of(qs, k, text).is_none() {
            continue;
        }
        let floor = d.sentence.start;
        if start.is_none() && role_before(text, floor, q.span.start, ev.reach, &ev.start) {
            start = Some(k);
        } else if end.is_none()
            && (role_before(text, floor, q.span.start, ev.reach, &ev.end)
                || k < i && {
                    let between: Vec<_> = super::words_in(text, q.span.end, d.span.start)
                        .take(ev.reach + 1)
                        .collect();
                    between.len() <= ev.reach && between.iter().any(|w| listed(&ev.end, w))
                })
        {
            end = Some(k);
        }
    }
    match (start, end) {
        (Some(a), Some(b)) if date_of(qs, a, text) < date_of(qs, b, text) => (Some(a), Some(b)),
        _ => (None, None),
    }
}

/// "tomorrow (July 1)", "today (October 7)": a relative day word
/// (`rules/calendar.toml`, `[relative_days]`) with the date it stands for
/// written beside it must name the same day.
fn beside_relative_days(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let Some(today) = article.document_date else {
        return;
    };
    for (i, q) in qs.iter().enumerate() {
        if q.kind != Kind::Date || !q.date.relative {
            continue;
        }
        let Some(word) = crate::extract::words::Lower::new(q.span.text(text)) else {
            continue;
        };
        let Some(&offset) = CALENDAR.relative_days.get(word.as_str()) else {
            continue;
        };
        // The date in brackets right after it.
        let Some(next) = qs.get(i + 1) else { continue };
        let between = text.get(q.span.end..next.span.start).unwrap_or("");
        let Some(close) = text.get(next.span.end..).and_then(|t| t.find(')')) else {
            continue;
        };
        if between.trim() != "(" || close > 1 || next.date.weekday.is_some() && day_only(next, text)
        {
            continue;
        }
        let (Some(meant), Some(written)) = (
            today.checked_add(jiff::Span::new().days(offset)).ok(),
            date_of(qs, i + 1, text),
        ) else {
            continue;
        };
        if meant == written {
            continue;
        }
        let shown = Span::new(q.span.start, next.span.end + close + 1);
        let gap = today.until(written).map_or(0, |s| s.get_days());
        let values = [
            ("interval", shown.text(text).to_string()),
            (
                "from",
                format!("the article's date ({})", today.strftime("%B %-d, %Y")),
            ),
            ("to", next.span.text(text).to_string()),
            (
                "actual",
                format!(
                    "{gap} days, so “{}” is {}",
                    word.as_str(),
                    meant.strftime("%B %-d")
                ),
            ),
        ];
        out.push(
            rule.finding(shown, &values)
                .with_related(next.span, "the date written"),
        );
    }
}

/// A person's age written in the text: "died at the age of 53", "aged 81",
/// "Alassane Ouattara, 81,", "Smith (50)", "a 53-year-old".
pub(crate) struct AgeMention {
    /// The quantity's index.
    pub index: usize,
    pub years: i64,
    /// The capitalised words that may name the person (surnames last).
    pub names: Vec<String>,
    /// The date the age is stated at: a date in its sentence, if any.
    pub at: Option<Date>,
}

/// A birth date: "was born on March 6, 1932", "born June 1, 1955".
pub(crate) struct Birth {
    pub index: usize,
    pub date: crate::quantity::CalendarDate,
    /// The capitalised words before "born" in its sentence; empty for "He
    /// was born …".
    pub names: Vec<String>,
}

/// The runs of capitalised words of `text[from..to]` that can be names,
/// in order ("Tony Snow", "White House Press Secretary"): words joined by
/// spaces or initials' dots, not months or weekdays; a sentence's first word
/// only when the text never writes it in lower case ("Callwood, born …", not
/// "He was born …").
fn name_runs(lower_case: &LowerCase<'_>, from: usize, to: usize) -> Vec<Vec<String>> {
    let text = lower_case.text;
    let slice = text.get(from..to).unwrap_or("");
    let mut runs: Vec<Vec<String>> = Vec::new();
    let mut open = false;
    let mut last_end = 0;
    let mut first = true;
    for (off, w) in slice
        .split(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’'))
        .map(|w| (w.as_ptr() as usize - slice.as_ptr() as usize, w))
        .filter(|(_, w)| !w.is_empty())
    {
        let gap = slice.get(last_end..off).unwrap_or("");
        last_end = off + w.len();
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let lower = w.to_lowercase();
        let was_first = std::mem::replace(&mut first, false);
        let name = capital
            && crate::extract::calendar::month(&lower).is_none()
            && crate::extract::calendar::weekday(&lower).is_none()
            && !(was_first && lower_case.written(&lower));
        if !name {
            open = false;
            continue;
        }
        if open && gap.chars().all(|c| c == ' ' || c == '.') {
            if let Some(run) = runs.last_mut() {
                run.push(lower);
            }
        } else {
            runs.push(vec![lower]);
        }
        open = true;
    }
    runs
}

/// Whether `lower` occurs in `text` as a word written in lower case.
fn written_in_lower_case(text: &str, lower: &str) -> bool {
    text.match_indices(lower)
        .any(|(k, _)| bounded_at(text, k, lower.len()))
}

/// Whether `text[k..k + len]` has no letter or digit right before or after it.
fn bounded_at(text: &str, k: usize, len: usize) -> bool {
    let before = text.get(..k).and_then(|t| t.chars().next_back());
    let after = text.get(k + len..).and_then(|t| t.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Answers [`written_in_lower_case`] for one text from an index of its words
/// built on the first question, so a long text is read once, not once per
/// sentence (linear time on a very long document; the same answers).
struct LowerCase<'t> {
    text: &'t str,
    index: std::cell::OnceCell<WordIndex<'t>>,
}

/// The text's maximal runs of letters and digits, and where those followed by
/// a joining mark (`-`, `'`, `’`) start.
struct WordIndex<'t> {
    runs: rustc_hash::FxHashSet<&'t str>,
    joined: rustc_hash::FxHashMap<&'t str, Vec<usize>>,
}

/// The marks a name word may hold besides letters (see [`name_runs`]).
const JOINERS: [char; 3] = ['-', '\'', '’'];

impl<'t> LowerCase<'t> {
    fn new(text: &'t str) -> Self {
        LowerCase {
            text,
            index: std::cell::OnceCell::new(),
        }
    }

    fn index(&self) -> &WordIndex<'t> {
        self.index.get_or_init(|| {
            let text = self.text;
            let mut runs = rustc_hash::FxHashSet::default();
            let mut joined: rustc_hash::FxHashMap<&str, Vec<usize>> =
                rustc_hash::FxHashMap::default();
            for run in text.split(|c: char| !c.is_alphanumeric()) {
                // A lower-cased word holds no ASCII capital: such runs never match.
                if run.is_empty() || run.bytes().any(|b| b.is_ascii_uppercase()) {
                    continue;
                }
                let start = run.as_ptr() as usize - text.as_ptr() as usize;
                runs.insert(run);
                let next = text.get(start + run.len()..).and_then(|t| t.chars().next());
                if next.is_some_and(|c| JOINERS.contains(&c)) {
                    joined.entry(run).or_default().push(start);
                }
            }
            WordIndex { runs, joined }
        })
    }

    /// [`written_in_lower_case`] for this text. A match starts a run of
    /// letters and digits (nothing alphanumeric before it), so it is found
    /// from the word's first run; other words fall back to a pass.
    fn written(&self, lower: &str) -> bool {
        let first_end = lower
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(lower.len(), |(k, _)| k);
        let simple = first_end > 0
            && lower[first_end..]
                .chars()
                .all(|c| c.is_alphanumeric() || JOINERS.contains(&c));
        if !simple {
            return written_in_lower_case(self.text, lower);
        }
        let index = self.index();
        let head = &lower[..first_end];
        if first_end == lower.len() {
            return index.runs.contains(head);
        }
        index.joined.get(head).is_some_and(|starts| {
            starts.iter().any(|&k| {
                self.text.get(k..).is_some_and(|t| t.starts_with(lower))
                    && bounded_at(self.text, k, lower.len())
            })
        })
    }
}

/// The words that name the person of a sentence: its first run of two or
/// more capitalised words ("Professor Bronisław Geremek"), else its first
/// run.
fn subject_name(lower_case: &LowerCase<'_>, from: usize, to: usize) -> Vec<String> {
    let runs = name_runs(lower_case, from, to);
    runs.iter()
        .find(|r| r.len() >= 2)
        .or_else(|| runs.first())
        .cloned()
        .unwrap_or_default()
}

/// The ages written in a text.
pub(crate) fn age_mentions(text: &str, qs: &[Quantity]) -> Vec<AgeMention> {
    let age = &CALENDAR.age;
    let lower_case = LowerCase::new(text);
    let mut out = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        if !matches!(q.kind, Kind::Number | Kind::Duration) || q.per.is_some() {
            continue;
        }
        let Some(v) = q.value.number() else { continue };
        if !v.fract().is_zero() || v < Decimal::ONE || v > Decimal::from(age.max) {
            continue;
        }
        let Some(years) = v.to_i64() else { continue };
        let lead = text.get(q.lead_start(text)..q.number.start).unwrap_or("");
        let lead_lower = lead.trim_end().to_lowercase();
        let tail = text.get(q.number.end..).unwrap_or("");
        let tail_lower: String = tail.chars().take(12).collect::<String>().to_lowercase();
        let phrase_before = age.before.iter().any(|p| {
            lead_lower.ends_with(p.as_str()) && {
                let k = lead_lower.len() - p.len();
                k == 0 || !lead_lower[..k].ends_with(char::is_alphanumeric)
            }
        });
        let phrase_after = age.after.iter().any(|p| {
            tail_lower
                .trim_start_matches(['-', ' '])
                .starts_with(p.trim_start_matches(['-', ' ']))
        });
        // "Name, 81," and "Name (50)": right after a capitalised word.
        let appositive = q.kind == Kind::Number && {
            let (open, close) = if lead.ends_with(", ") {
                (", ", [',', ';', '.'])
            } else if lead.ends_with('(') {
                ("(", [')', ')', ')'])
            } else {
                ("", [' ', ' ', ' '])
            };
            !open.is_empty()
                && tail.starts_with(close)
                && lead[..lead.len() - open.len()]
                    .trim_end()
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        };
        if !(phrase_before || phrase_after || appositive) {
            continue;
        }
        // The person: the capitalised run just before an appositive age, or
        // the names of the sentence before the age.
        let names = if appositive {
            name_runs(&lower_case, q.sentence.start, q.number.start)
                .pop()
                .unwrap_or_default()
        } else {
            subject_name(&lower_case, q.sentence.start, q.number.start)
        };
        // An age at another time than the article's ("killed in 1982 at the
        // age of 20") is stated at that time: read only with a full date.
        if super::in_sentence(qs, q)
            .any(|p| p.kind == Kind::Date && !p.date.relative && full_date(p, text).is_none())
        {
            continue;
        }
        let at = super::in_sentence(qs, q)
            .filter(|p| p.kind == Kind::Date)
            .find_map(|p| full_date(p, text));
        out.push(AgeMention {
            index: i,
            years,
            names,
            at,
        });
    }
    out
}

/// The birth dates written in a text.
pub(crate) fn births(text: &str, qs: &[Quantity]) -> Vec<Birth> {
    let age = &CALENDAR.age;
    let lower_case = LowerCase::new(text);
    let mut out = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        let (Kind::Date, Value::Date(Some(date))) = (&q.kind, &q.value) else {
            continue;
        };
        if q.date.relative {
            continue;
        }
        let near = words_before(text, q.sentence.start, q.span.start, age.reach);
        if !near.iter().any(|w| listed(&age.born, w)) {
            continue;
        }
        let born_at = text
            .get(q.sentence.start..q.span.start)
            .and_then(|t| t.to_lowercase().rfind("born"))
            .map_or(q.span.start, |k| q.sentence.start + k);
        out.push(Birth {
            index: i,
            date: *date,
            names: subject_name(&lower_case, q.sentence.start, born_at),
        });
    }
    out
}

/// Whether an age and a birth date are of the same person: a shared name
/// word, or no name on the birth side ("He was born …") when the text states
/// one age only.
pub(crate) fn same_person(age: &AgeMention, birth: &Birth, ages_in_text: usize) -> bool {
    if birth.names.is_empty() {
        return ages_in_text == 1;
    }
    age.names.iter().any(|n| birth.names.contains(n))
}

/// The ages a person born on `birth` may be given at `at`: exact with a full
/// birth date, two with a year alone; `lag` days of slack before `at`.
pub(crate) fn possible_ages(
    birth: crate::quantity::CalendarDate,
    at: Date,
    lag: i64,
) -> Option<(i64, i64)> {
    let age_on = |d: Date| -> Option<i64> {
        let y = i64::from(d.year()) - i64::from(birth.year);
        Some(match (birth.month, birth.day) {
            (Some(m), Some(day)) => y - i64::from((d.month(), d.day()) < (m, day)),
            (Some(m), None) if d.month() != m => y - i64::from(d.month() < m),
            _ => return None,
        })
    };
    let earliest = at.checked_sub(jiff::Span::new().days(lag)).ok()?;
    match (age_on(earliest), age_on(at)) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => {
            let y = i64::from(at.year()) - i64::from(birth.year);
            Some((y - 1, y))
        }
    }
}

/// An age against a birth date written in the same text.
fn ages(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let births = births(text, qs);
    if births.is_empty() {
        return;
    }
    let ages = age_mentions(text, qs);
    for age in &ages {
        let Some(birth) = births.iter().find(|b| same_person(age, b, ages.len())) else {
            continue;
        };
        let (at, lag) = match (age.at, article.document_date) {
            (Some(d), _) => (d, 0),
            (None, Some(d)) => (d, CALENDAR.age.lag_days),
            (None, None) => continue,
        };
        let Some((lo, hi)) = possible_ages(birth.date, at, lag) else {
            continue;
        };
        if (lo..=hi).contains(&age.years) || lo < 0 {
            continue;
        }
        let q = &qs[age.index];
        let b = &qs[birth.index];
        let shown = q.span;
        let when = if age.at.is_some() {
            at.strftime("%B %-d, %Y").to_string()
        } else {
            format!("{} (the article's date)", at.strftime("%B %-d, %Y"))
        };
        let values = [
            ("interval", format!("age {}", age.years)),
            ("from", format!("born {}", b.span.text(text))),
            ("to", when),
            ("actual", format!("{hi} years")),
        ];
        out.push(
            rule.finding(shown, &values)
                .with_related(b.span, "the birth date"),
        );
    }
}
