//! Dates: absolute ("Oct. 18, 2024", "2024-10-18", "18th of October, 2024"),
//! months and years ("October 2024", "in 2022"), weekday claims ("Thursday,
//! October 18, 2024"), holidays ("Christmas Eve", "Easter 2018") and relative
//! dates ("on Wednesday", "this October", "last month", "two days ago", "in
//! two weeks"), resolved against the document date when one is known.
//!
//! A hand-written recursive descent over a handful of token readers: most
//! positions in prose are not dates, and each entry point fails on its first
//! token when the text cannot be one.
//!
//! Resolution conventions (those of the Recognizers-Text date suite where
//! news usage is ambiguous):
//! - a weekday alone ("on Wednesday") is the most recent such day on or before
//!   the document date; "next Wednesday" is Wednesday of next week, "last" and
//!   "previous Wednesday" Wednesday of last week, "this Wednesday" of this
//!   week, "this past" the most recent before, "coming" the next after;
//! - a day and month without a year ("May 9") take the year that puts the date
//!   closest to the document date; "this"/"next"/"last" before one pick the
//!   document year, the one after or the one before;
//! - a written date wins over a weekday written with it: "Thursday, October
//!   18, 2024" is 2024-10-18 with `weekday = Some(3)`, for a later rule to check.

use super::calendar as cal;
use super::words::{self, Lower, skip_spaces, word_char_at};
use crate::quantity::{CalendarDate, DateInfo};
use crate::span::Span;

/// A date mention parsed at a position.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMatch {
    pub span: Span,
    /// The resolved value; `None` for a relative date without a document date.
    pub value: Option<CalendarDate>,
    pub info: DateInfo,
}

/// Whether a lower-cased word can start a date (month and weekday names,
/// relative words such as "yesterday", "last", "this", holidays, and the
/// number words of "two days ago" and "fourth of July"). A month glued to
/// its day ("Dec31") counts too.
pub fn starts_date(word_lower: &str) -> bool {
    let w = word_lower.trim_end_matches(|c: char| c.is_ascii_digit());
    FIRST_SET.contains(w)
}

static FIRST_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| FIRST_WORDS.iter().copied().collect());

/// Every word [`starts_date`] accepts (without a glued day).
pub const FIRST_WORDS: &[&str] = &[
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sep",
    "sept",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thur",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
    "today",
    "tonight",
    "tomorrow",
    "tmrw",
    "yesterday",
    "this",
    "next",
    "last",
    "previous",
    "past",
    "coming",
    "upcoming",
    "following",
    "in",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "first",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "christmas",
    "xmas",
    "easter",
    "new",
    "independence",
    "juneteenth",
    "freedom",
    "jubilee",
    "earth",
    "saint",
    "st",
    "valentine",
    "halloween",
    "boxing",
    "black",
    "thanksgiving",
    "labor",
    "labour",
    "memorial",
    "international",
];

/// Parses a date starting at byte `at`. `document_date` resolves relative dates.
pub fn parse_date(
    text: &str,
    at: usize,
    document_date: Option<jiff::civil::Date>,
) -> Option<DateMatch> {
    let ctx = Ctx::new(document_date);
    let b = *text.as_bytes().get(at)?;
    let raw = if b.is_ascii_digit() {
        digit_date(text, at, &ctx, true)?
    } else if b.is_ascii_alphabetic() {
        word_date(text, at, &ctx, true)?
    } else {
        return None;
    };
    if raw.end <= at || text.get(at..raw.end).is_none() {
        return None;
    }
    // A weekday alone is the last one on or before the document date, or the
    // next one on or after it when its clause is in the future tense ("will
    // meet on Monday").
    let (value, relative) = match (raw.val, raw.weekday, ctx.days()) {
        (Val::Weekday, Some(wd), Some(now)) if future_before(text, at) => {
            (Some(day(on_or_after(now, wd))), true)
        }
        _ => ctx.resolve(raw.val, raw.weekday),
    };
    Some(DateMatch {
        span: Span::new(at, raw.end),
        value,
        info: DateInfo {
            relative,
            weekday: raw.weekday,
        },
    })
}

// ---------------------------------------------------------------------------
// Values and their resolution

/// What a mention says, before the document date resolves it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Val {
    /// A written date; a missing year is the one closest to the document date.
    Written {
        y: Option<i32>,
        m: u8,
        d: Option<u8>,
    },
    /// A year alone.
    Year(i32),
    /// A day of the month alone ("Monday 21", "on the 18th").
    Day(u8),
    /// A weekday alone ("on Friday").
    Weekday,
    /// A holiday, in a given year or the one closest to the document date.
    Holiday(Holiday, Option<i32>),
    /// Computed from the document date (or `None` without one).
    Fixed(Option<CalendarDate>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Raw {
    end: usize,
    val: Val,
    weekday: Option<u8>,
}

impl Raw {
    fn new(end: usize, val: Val) -> Raw {
        Raw {
            end,
            val,
            weekday: None,
        }
    }
}

/// The document date, as calendar fields and a day count.
struct Ctx {
    doc: Option<(i32, u8, u8, i64)>,
}

fn day(days: i64) -> CalendarDate {
    let (y, m, d) = cal::civil_from_days(days);
    CalendarDate {
        year: y as i16,
        month: Some(m as i8),
        day: Some(d as i8),
    }
}

fn ymd(y: i32, m: u8, d: u8) -> Option<CalendarDate> {
    (cal::valid(y, m, d) && (1..=9999).contains(&y)).then_some(CalendarDate {
        year: y as i16,
        month: Some(m as i8),
        day: Some(d as i8),
    })
}

fn ym(y: i32, m: u8) -> CalendarDate {
    CalendarDate {
        year: y as i16,
        month: Some(m as i8),
        day: None,
    }
}

impl Ctx {
    fn new(doc: Option<jiff::civil::Date>) -> Ctx {
        Ctx {
            doc: doc.map(|d| {
                let (y, m, dd) = (i32::from(d.year()), d.month() as u8, d.day() as u8);
                (y, m, dd, cal::days_from_civil(y, m, dd))
            }),
        }
    }

    fn days(&self) -> Option<i64> {
        self.doc.map(|d| d.3)
    }

    fn year(&self) -> Option<i32> {
        self.doc.map(|d| d.0)
    }

    /// The value and whether it was relative to the document date.
    fn resolve(&self, val: Val, weekday: Option<u8>) -> (Option<CalendarDate>, bool) {
        match val {
            Val::Written { y: Some(y), m, d } => {
                let v = match d {
                    Some(d) => ymd(y, m, d),
                    None => Some(ym(y, m)),
                };
                (v, false)
            }
            Val::Written { y: None, m, d } => (self.nearest_md(m, d), true),
            Val::Year(y) => (
                Some(CalendarDate {
                    year: y as i16,
                    month: None,
                    day: None,
                }),
                false,
            ),
            Val::Day(d) => (self.nearest_day(d, weekday), true),
            Val::Weekday => {
                let v = weekday.and_then(|w| Some(day(on_or_before(self.days()?, w))));
                (v, true)
            }
            Val::Holiday(h, Some(y)) => (holiday_date(h, y), false),
            Val::Holiday(h, None) => (self.nearest_holiday(h), true),
            Val::Fixed(v) => (v, true),
        }
    }

    /// A month and day (or a month) in the year closest to the document date.
    fn nearest_md(&self, m: u8, d: Option<u8>) -> Option<CalendarDate> {
        let (y0, _, _, now) = self.doc?;
        let mut best: Option<(i64, CalendarDate)> = None;
        for y in y0 - 4..=y0 + 4 {
            let (days, v) = match d {
                Some(d) if cal::valid(y, m, d) => (cal::days_from_civil(y, m, d), ymd(y, m, d)?),
                Some(_) => continue,
                None => (cal::days_from_civil(y, m, 15), ym(y, m)),
            };
            let dist = (days - now).abs();
            if best.is_none_or(|(b, _)| dist < b) {
                best = Some((dist, v));
            }
        }
        best.map(|b| b.1)
    }

    /// A day of the month (with the weekday it falls on, when written) in the
    /// month closest to the document date.
    fn nearest_day(&self, d: u8, weekday: Option<u8>) -> Option<CalendarDate> {
        let (y0, m0, _, now) = self.doc?;
        let mut best: Option<(i64, i64)> = None;
        for k in -36..=36 {
            let (y, m, _) = cal::add_months(y0, m0, 1, k);
            if !cal::valid(y, m, d) {
                continue;
            }
            let days = cal::days_from_civil(y, m, d);
            if weekday.is_some_and(|w| cal::weekday_of(days) != w) {
                continue;
            }
            let dist = (days - now).abs();
            if best.is_none_or(|(b, _)| dist < b) {
                best = Some((dist, days));
            }
        }
        best.map(|b| day(b.1))
    }

    fn nearest_holiday(&self, h: Holiday) -> Option<CalendarDate> {
        let (y0, _, _, now) = self.doc?;
        (y0 - 1..=y0 + 1)
            .filter_map(|y| holiday_date(h, y))
            .min_by_key(|v| (days_of(v) - now).abs())
    }
}

fn days_of(v: &CalendarDate) -> i64 {
    cal::days_from_civil(
        i32::from(v.year),
        v.month.unwrap_or(1) as u8,
        v.day.unwrap_or(1) as u8,
    )
}

fn on_or_before(now: i64, wd: u8) -> i64 {
    now - (i64::from(cal::weekday_of(now)) - i64::from(wd)).rem_euclid(7)
}

fn on_or_after(now: i64, wd: u8) -> i64 {
    now + (i64::from(wd) - i64::from(cal::weekday_of(now))).rem_euclid(7)
}

/// Whether a future-tense word (`rules/calendar.toml`, `[tense]`) stands
/// within reach before byte `at`, in the same clause: "will reopen on
/// Monday", "talks are scheduled for Tuesday"; not "will be sentenced on
/// Monday, after pleading guilty on Friday" for Friday.
fn future_before(t: &str, at: usize) -> bool {
    let tense = &cal::WORDS.tense;
    let mut floor = at.saturating_sub(120);
    while floor < at && !t.is_char_boundary(floor) {
        floor += 1;
    }
    let Some(lead) = t.get(floor..at) else {
        return false;
    };
    // The clause: back to the last punctuation mark.
    let clause = lead
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            matches!(
                c,
                ',' | ';' | ':' | '.' | '(' | ')' | '"' | '“' | '”' | '!' | '?'
            )
        })
        .and_then(|(k, c)| lead.get(k + c.len_utf8()..))
        .unwrap_or(lead);
    clause
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .rev()
        .take(tense.reach)
        .any(|w| {
            let Some(l) = Lower::new(w) else { return false };
            let l = l.as_str();
            cal::listed(&tense.future, l)
                || l.rsplit_once(['\'', '’'])
                    .is_some_and(|(_, tail)| cal::listed(&tense.future, &format!("'{tail}")))
        })
}

fn strictly_before(now: i64, wd: u8) -> i64 {
    on_or_before(now - 1, wd)
}

fn strictly_after(now: i64, wd: u8) -> i64 {
    now + 1 + (i64::from(wd) - i64::from(cal::weekday_of(now + 1))).rem_euclid(7)
}

/// Weekday `wd` of the week `k` weeks from the document's (weeks start on Monday).
fn in_week(now: i64, wd: u8, k: i64) -> i64 {
    now - i64::from(cal::weekday_of(now)) + 7 * k + i64::from(wd)
}

// ---------------------------------------------------------------------------
// Token readers

/// The ASCII-letter word at or after `i` (skipping spaces): start, end, lower case.
fn word_at(t: &str, i: usize) -> Option<(usize, usize, Lower)> {
    let s = skip_spaces(t, i);
    let b = t.as_bytes();
    let e = words::letters_end(b, s);
    if e == s || (e < b.len() && !b[e].is_ascii() && word_char_at(t, e)) {
        return None;
    }
    Some((s, e, Lower::in_text(t, s, e)?))
}

/// The end of the word `w` at or after `i`, when it is that word.
fn kw(t: &str, i: usize, w: &str) -> Option<usize> {
    // As `word_at` then a comparison, without copying the word.
    let s = skip_spaces(t, i);
    let e = s + w.len();
    let b = t.as_bytes();
    if !t.get(s..e)?.eq_ignore_ascii_case(w) {
        return None;
    }
    match b.get(e) {
        Some(c) if c.is_ascii_alphabetic() => None,
        Some(c) if !c.is_ascii() && word_char_at(t, e) => None,
        _ => Some(e),
    }
}

/// The digits at or after `i` (skipping spaces): start, end, value (≤ 8 digits).
fn num_at(t: &str, i: usize) -> Option<(usize, usize, u32)> {
    let s = skip_spaces(t, i);
    let b = t.as_bytes();
    let mut e = s;
    while e < b.len() && b[e].is_ascii_digit() {
        e += 1;
    }
    if e == s || e - s > 8 {
        return None;
    }
    Some((s, e, t.get(s..e)?.parse().ok()?))
}

/// Digits starting exactly at `i`.
fn num_tight(t: &str, i: usize) -> Option<(usize, u32)> {
    if !t.as_bytes().get(i)?.is_ascii_digit() {
        return None;
    }
    num_at(t, i).map(|(_, e, v)| (e, v))
}

/// The offset after the punctuation byte `c` at or after `i` (skipping spaces).
fn punct_at(t: &str, i: usize, c: u8) -> Option<usize> {
    let s = skip_spaces(t, i);
    (t.as_bytes().get(s) == Some(&c)).then_some(s + 1)
}

fn byte(t: &str, i: usize) -> u8 {
    t.as_bytes().get(i).copied().unwrap_or(0)
}

/// Whether the text at `i` continues a word or a number (so a token ending
/// at `i` is only part of one).
fn glued(t: &str, i: usize) -> bool {
    let b = byte(t, i);
    word_char_at(t, i) || ((b == b'.' || b == b',') && byte(t, i + 1).is_ascii_digit())
}

/// After an apostrophe-s or a bare apostrophe ("Patrick's", "workers'").
fn possessive(t: &str, i: usize) -> usize {
    let rest = t.get(i..).unwrap_or("");
    for apo in ["'", "\u{2019}"] {
        if let Some(r) = rest.strip_prefix(apo) {
            let n = apo.len();
            if (r.starts_with('s') || r.starts_with('S')) && !word_char_at(t, i + n + 1) {
                return i + n + 1;
            }
            return i + n;
        }
    }
    i
}

/// The lower-cased word before `at`, skipping spaces (and a hyphen: "mid-2023").
fn prev_lower(t: &str, at: usize) -> Option<Lower> {
    let mut at = at;
    if at > 0 && byte(t, at - 1) == b'-' {
        at -= 1;
    }
    let (s, e) = words::prev_word(t, at)?;
    Lower::in_text(t, s, e)
}

/// Words after which a bare year, month or weekday abbreviation reads as a date.
fn date_cue(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "before"
            | "after"
            | "from"
            | "of"
            | "to"
            | "during"
            | "between"
            | "and"
            | "or"
            | "through"
            | "on"
            | "year"
            | "early"
            | "late"
            | "mid"
            | "circa"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "throughout"
            | "around"
    )
}

// ---------------------------------------------------------------------------
// Numbers inside dates

/// A day number: "18", "18th", "1st" (1..=31); the bool says it had a suffix.
fn day_digits(t: &str, i: usize) -> Option<(usize, u8, bool)> {
    let (s, e, v) = num_at(t, i)?;
    if e - s > 2 || v == 0 || v > 31 {
        return None;
    }
    if let Some(suf) = t.get(e..e + 2)
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|x| suf.eq_ignore_ascii_case(x))
        && !word_char_at(t, e + 2)
    {
        return Some((e + 2, v as u8, true));
    }
    if glued(t, e) {
        return None;
    }
    Some((e, v as u8, false))
}

/// A day in words: "fourth", "twenty-first", "thirty first", and with
/// `cardinal` also "twenty five", "fifteen".
fn day_words(t: &str, i: usize, cardinal: bool) -> Option<(usize, u8)> {
    let (_, e, w) = word_at(t, i)?;
    let w = w.as_str();
    if let Some(o) = cal::ordinal(w) {
        return Some((e, o as u8));
    }
    if w == "twenty" || w == "thirty" {
        let tens = if w == "twenty" { 20 } else { 30 };
        let j = if byte(t, e) == b'-' { e + 1 } else { e };
        if let Some((_, e2, u)) = word_at(t, j) {
            let max = if tens == 20 { 9 } else { 1 };
            if let Some(o) = cal::ordinal(u.as_str()).filter(|o| (1..=max).contains(o)) {
                return Some((e2, (tens + o) as u8));
            }
            if cardinal && let Some(c) = cal::cardinal(u.as_str()).filter(|c| (1..=max).contains(c))
            {
                return Some((e2, (tens + c) as u8));
            }
        }
        return cardinal.then_some((e, tens as u8));
    }
    if cardinal && let Some(c) = cal::cardinal(w).filter(|c| (1..=19).contains(c)) {
        return Some((e, c as u8));
    }
    None
}

/// A four-digit year (1000..=2100) standing alone.
fn year_digits(t: &str, i: usize) -> Option<(usize, i32)> {
    let (s, e, v) = num_at(t, i)?;
    if e - s != 4 || !(1000..=2100).contains(&v) || glued(t, e) {
        return None;
    }
    Some((e, v as i32))
}

/// A number below a hundred in words: "thirty two", "eighty-six", "twelve".
fn below_hundred(t: &str, i: usize) -> Option<(usize, u32)> {
    let (_, e, w) = word_at(t, i)?;
    let v = cal::cardinal(w.as_str())?;
    if v >= 20 && v % 10 == 0 {
        let j = if byte(t, e) == b'-' { e + 1 } else { e };
        if let Some((_, e2, u)) = word_at(t, j)
            && let Some(u) = cal::cardinal(u.as_str()).filter(|u| (1..=9).contains(u))
        {
            return Some((e2, v + u));
        }
    }
    Some((e, v))
}

/// A year in words: "nineteen eighty six", "two thousand and thirty two",
/// "seventeen hundred thirty three".
fn year_words(t: &str, i: usize) -> Option<(usize, i32)> {
    let (_, e, w) = word_at(t, i)?;
    let v = cal::cardinal(w.as_str())?;
    if v == 2 {
        let e2 = kw(t, e, "thousand")?;
        let e3 = kw(t, e2, "and").unwrap_or(e2);
        return Some(match below_hundred(t, e3) {
            Some((e4, x)) => (e4, 2000 + x as i32),
            None => (e2, 2000),
        });
    }
    if !(10..=20).contains(&v) {
        return None;
    }
    if let Some(e2) = kw(t, e, "hundred") {
        let e3 = kw(t, e2, "and").unwrap_or(e2);
        return Some(match below_hundred(t, e3) {
            Some((e4, x)) => (e4, (v * 100 + x) as i32),
            None => (e2, (v * 100) as i32),
        });
    }
    let (e2, x) = below_hundred(t, e)?;
    (x >= 10).then_some((e2, (v * 100 + x) as i32))
}

/// A two-digit year: "'87", "87" → 1987; below 40 → 20xx.
fn two_digit_year(v: u32) -> i32 {
    if v < 40 {
        2000 + v as i32
    } else {
        1900 + v as i32
    }
}

/// A year after a day or month: ", 2024", " 2024", "-2024", " of 1995", " in 2020",
/// or in words.
fn year_after(t: &str, i: usize, words_ok: bool) -> Option<(usize, i32)> {
    let mut j = punct_at(t, i, b',').unwrap_or(i);
    let mut of = false;
    if let Some(e) = kw(t, j, "of").or_else(|| kw(t, j, "in")) {
        j = e;
        of = true;
    } else if byte(t, j) == b'-' || byte(t, j) == b'/' {
        j += 1;
    }
    if let Some(y) = year_digits(t, j) {
        return Some(y);
    }
    if of && let Some((s, e, v)) = num_at(t, j) {
        // "15 April of 87".
        if e - s == 2 && !glued(t, e) {
            return Some((e, two_digit_year(v)));
        }
    }
    if words_ok {
        return year_words(t, j);
    }
    None
}

// ---------------------------------------------------------------------------
// Entry points

fn word_date(t: &str, at: usize, ctx: &Ctx, allow_count: bool) -> Option<Raw> {
    let (_, e, w) = word_at(t, at)?;
    let w = w.as_str();
    match w {
        "today" | "tonight" => return Some(Raw::new(e, offset_days(ctx, 0))),
        "tomorrow" | "tmrw" => return Some(Raw::new(e, offset_days(ctx, 1))),
        "yesterday" => return Some(Raw::new(e, offset_days(ctx, -1))),
        "this" | "next" | "last" | "previous" | "past" | "coming" | "upcoming" | "following" => {
            return modified(t, at, ctx);
        }
        "in" => return in_count(t, at, ctx),
        _ => {}
    }
    if cal::weekday(w).is_some() {
        return weekday_first(t, at, ctx);
    }
    if cal::month(w).is_some() {
        return month_first(t, at, ctx);
    }
    // A counted offset ("two days ago") starts with a number word above zero.
    if allow_count
        && cal::cardinal(w).is_some_and(|v| v > 0)
        && let Some(r) = count_relative(t, at, ctx)
    {
        return Some(r);
    }
    if cal::ordinal(w).is_some() || cal::cardinal(w).is_some() {
        return day_first(t, at, ctx);
    }
    holiday_mention(t, at, ctx, false)
}

fn offset_days(ctx: &Ctx, n: i64) -> Val {
    Val::Fixed(ctx.days().map(|d| day(d + n)))
}

fn digit_date(t: &str, at: usize, ctx: &Ctx, allow_count: bool) -> Option<Raw> {
    let (e, v) = num_tight(t, at)?;
    // An amount of money is not a date: "$12 December 27".
    let before = t.get(..at).unwrap_or("").trim_end_matches(words::is_space);
    if before.ends_with(['$', '€', '£', '¥', '₹']) {
        return None;
    }
    let len = e - at;
    if len <= 3
        && allow_count
        && let Some(r) = count_relative(t, at, ctx)
    {
        return Some(r);
    }
    match len {
        8 => compact_date(t, e, v),
        4 => year_first(t, at, e, v),
        1 | 2 => numeric_md(t, at, e, v, ctx, false).or_else(|| day_first(t, at, ctx)),
        _ => None,
    }
}

/// "20161016".
fn compact_date(t: &str, e: usize, v: u32) -> Option<Raw> {
    let (y, m, d) = ((v / 10_000) as i32, (v / 100 % 100) as u8, (v % 100) as u8);
    if glued(t, e) || !(1900..=2100).contains(&y) || !cal::valid(y, m, d) {
        return None;
    }
    Some(Raw::new(
        e,
        Val::Written {
            y: Some(y),
            m,
            d: Some(d),
        },
    ))
}

/// A month as a number (1..=12, one or two digits) or a word, starting exactly at `i`.
fn month_token(t: &str, i: usize) -> Option<(usize, u8, bool)> {
    if let Some((e, v)) = num_tight(t, i) {
        return (e - i <= 2 && (1..=12).contains(&v)).then_some((e, v as u8, false));
    }
    let (s, e, w) = word_at(t, i)?;
    if s != i {
        return None;
    }
    Some((e, cal::month(w.as_str())?, true))
}

/// A date that starts with a four-digit year: "2024-10-18", "2019/aug/01",
/// "2020/23/sep", "2016 10 16", or a year alone after a preposition.
fn year_first(t: &str, at: usize, e: usize, v: u32) -> Option<Raw> {
    let y = v as i32;
    let sep = byte(t, e);
    if matches!(sep, b'-' | b'/' | b'.') {
        let i = e + 1;
        // Year, month, day.
        if let Some((e2, m, _)) = month_token(t, i)
            && byte(t, e2) == sep
            && let Some((e3, d)) = num_tight(t, e2 + 1)
            && e3 - e2 - 1 <= 2
            && !glued(t, e3)
            && cal::valid(y, m, d as u8)
        {
            return Some(Raw::new(
                e3,
                Val::Written {
                    y: Some(y),
                    m,
                    d: Some(d as u8),
                },
            ));
        }
        // Year, day, month word: "2020/23/sep".
        if let Some((e2, d)) = num_tight(t, i)
            && e2 - i <= 2
            && byte(t, e2) == sep
            && let Some((e3, m, true)) = month_token(t, e2 + 1)
            && cal::valid(y, m, d as u8)
        {
            return Some(Raw::new(
                e3,
                Val::Written {
                    y: Some(y),
                    m,
                    d: Some(d as u8),
                },
            ));
        }
    }
    // "2016 10 16": both parts two digits.
    if sep == b' '
        && let Some((e2, m)) = num_tight(t, e + 1)
        && e2 - e == 3
        && byte(t, e2) == b' '
        && let Some((e3, d)) = num_tight(t, e2 + 1)
        && e3 - e2 == 3
        && !glued(t, e3)
        && (1900..=2100).contains(&y)
        && cal::valid(y, m as u8, d as u8)
    {
        return Some(Raw::new(
            e3,
            Val::Written {
                y: Some(y),
                m: m as u8,
                d: Some(d as u8),
            },
        ));
    }
    year_alone(t, at, e, y)
}

/// A bare year that the words before it make a date: "in 2022", "since
/// 1999", "from 2010 to 2015", "mid-2023" — but not "2000 soldiers".
fn year_alone(t: &str, at: usize, e: usize, y: i32) -> Option<Raw> {
    if !(1000..=2100).contains(&y) || glued(t, e) || byte(t, e) == b'%' {
        return None;
    }
    let prev = prev_lower(t, at)?;
    let prev = prev.as_str();
    if !date_cue(prev) {
        return None;
    }
    // After an ambiguous preposition, a lower-case content word means a count:
    // "by 2000 votes", "to 2000 soldiers".
    let strong = !matches!(
        prev,
        "by" | "to" | "from" | "of" | "and" | "between" | "or" | "around"
    );
    if let Some((s, _, w)) = word_at(t, e)
        && byte(t, s).is_ascii_lowercase()
        && s == e + 1
    {
        let w = w.as_str();
        let function = matches!(
            w,
            "the"
                | "a"
                | "an"
                | "and"
                | "or"
                | "to"
                | "when"
                | "as"
                | "with"
                | "in"
                | "on"
                | "at"
                | "for"
                | "but"
                | "after"
                | "before"
                | "while"
                | "that"
                | "which"
                | "was"
                | "were"
                | "is"
                | "are"
                | "had"
                | "has"
                | "have"
                | "will"
                | "would"
                | "he"
                | "she"
                | "it"
                | "they"
                | "we"
                | "i"
                | "you"
                | "there"
                | "this"
                | "its"
                | "his"
                | "her"
                | "their"
                | "than"
                | "then"
                | "from"
                | "of"
                | "by"
                | "until"
                | "through"
                | "if"
                | "so"
                | "alone"
                | "onwards"
                | "onward"
                | "only"
                | "again"
                | "already"
                | "election"
                | "elections"
                | "season"
                | "census"
                | "budget"
        );
        if !function && !strong {
            return None;
        }
    }
    Some(Raw::new(e, Val::Year(y)))
}

/// Numeric dates led by a one- or two-digit number: "10/18/2024", "18/10/2024",
/// "18.10.2024", "05-aug-2016", "23/sep/2020", "23-2020-september", and with
/// a cue "on 11/20" (month/day, US order; day/month when the first is > 12).
fn numeric_md(t: &str, at: usize, e: usize, a: u32, ctx: &Ctx, after_weekday: bool) -> Option<Raw> {
    let _ = ctx;
    let sep = byte(t, e);
    if !matches!(sep, b'/' | b'-' | b'.') {
        return None;
    }
    let i = e + 1;
    // Second part: a number, a month word or a four-digit year.
    if let Some((e2, b)) = num_tight(t, i) {
        let blen = e2 - i;
        if blen == 4 {
            // "23-2020-september".
            if byte(t, e2) == sep
                && let Some((e3, m, true)) = month_token(t, e2 + 1)
            {
                let y = b as i32;
                return cal::valid(y, m, a as u8).then_some(Raw::new(
                    e3,
                    Val::Written {
                        y: Some(y),
                        m,
                        d: Some(a as u8),
                    },
                ));
            }
            return None;
        }
        if blen > 2 {
            return None;
        }
        let (m, d) = if sep == b'.' || a > 12 {
            (b, a)
        } else {
            (a, b)
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let (m, d) = (m as u8, d as u8);
        // A year after the same separator.
        if byte(t, e2) == sep
            && let Some((e3, yv)) = num_tight(t, e2 + 1)
            && !glued(t, e3)
        {
            let y = match e3 - e2 - 1 {
                4 => yv as i32,
                2 => two_digit_year(yv),
                _ => return None,
            };
            if !(1000..=2100).contains(&y) {
                return None;
            }
            let d_ok = cal::valid(y, m, d);
            let val = Val::Written {
                y: Some(y),
                m,
                d: Some(d),
            };
            return Some(if d_ok {
                Raw::new(e3, val)
            } else {
                Raw::new(e3, Val::Fixed(None))
            });
        }
        if glued(t, e2) || matches!(byte(t, e2), b'/' | b'-' | b':') {
            return None;
        }
        // Month and day only: "7/6" after a weekday, "on 11/20", "2/29";
        // "7.6" and "7-6" only after a weekday (else decimals and ranges).
        let (m, d) = if sep == b'.' {
            (a as u8, b as u8)
        } else {
            (m, d)
        };
        let cue = after_weekday
            || (sep == b'/'
                && (prev_lower(t, at).is_some_and(|w| date_cue(w.as_str()))
                    || (d >= 13 && !(a == 24 && b == 7))));
        if !cue || !(1..=12).contains(&m) {
            return None;
        }
        return Some(Raw::new(
            e2,
            Val::Written {
                y: None,
                m,
                d: Some(d),
            },
        ));
    }
    // "05-aug-2016", "23/sep/2020", "jun-15" is month-first.
    let (e2, m, true) = month_token(t, i)? else {
        return None;
    };
    if !(1..=31).contains(&a) {
        return None;
    }
    if byte(t, e2) == sep
        && let Some((e3, y)) = year_digits(t, e2 + 1)
        && byte(t, e2 + 1).is_ascii_digit()
    {
        return Some(Raw::new(
            e3,
            Val::Written {
                y: Some(y),
                m,
                d: Some(a as u8),
            },
        ));
    }
    Some(Raw::new(
        e2,
        Val::Written {
            y: None,
            m,
            d: Some(a as u8),
        },
    ))
}

/// A day before its month: "18 October 2024", "18th of October, 2024",
/// "fourth of July", "twenty third day of September", "the 15th day of
/// next month", "18 and 19 June" (the first day), or "on the 18th".
fn day_first(t: &str, at: usize, ctx: &Ctx) -> Option<Raw> {
    let digits = byte(t, at).is_ascii_digit();
    let (e1, d, suffix) = if digits {
        day_digits(t, at)?
    } else {
        let (e, d) = day_words(t, at, true)?;
        (e, d, true)
    };
    let mut p = e1;
    // "18 and 19 June": the month comes after the second day.
    let mut first_only = false;
    if let Some(j) = kw(t, p, "and")
        .or_else(|| kw(t, p, "or"))
        .or_else(|| kw(t, p, "to"))
        .or_else(|| punct_at(t, p, b'-'))
        && let Some((e2, _, _)) =
            day_digits(t, j).or_else(|| day_words(t, j, !digits).map(|(e, d)| (e, d, true)))
        && month_of(t, e2).is_some()
    {
        p = e2;
        first_only = true;
    }
    if let Some(j) = kw(t, p, "day")
        && let Some(j2) = kw(t, j, "of")
    {
        p = j2;
    } else if let Some(j) = kw(t, p, "of") {
        p = j;
    }
    if let Some((me, m)) = month_of(t, p) {
        // "12 December 27": the month goes with the day after it.
        if day_digits(t, me).is_some() {
            return None;
        }
        let year = year_after(t, me, true);
        let end = if first_only {
            e1
        } else {
            year.map_or(me, |y| y.0)
        };
        let y = if first_only { None } else { year.map(|y| y.1) };
        if !digits && !suffix {
            return None;
        }
        return Some(Raw::new(end, Val::Written { y, m, d: Some(d) }));
    }
    // "the 15th day of next month".
    if p != e1
        && let Some((_, e2, w)) = word_at(t, p)
        && let Some(k) = relative_step(w.as_str())
        && let Some(e3) = kw(t, e2, "month")
    {
        let v = ctx.doc.and_then(|(y, m, _, _)| {
            let (y, m, _) = cal::add_months(y, m, 1, k);
            ymd(y, m, d)
        });
        return Some(Raw::new(e3, Val::Fixed(v)));
    }
    // "on the 18th", "on 29th": a day of the month alone, not "the 18th floor".
    if digits && suffix && p == e1 {
        let mut q = at;
        let mut w = prev_lower(t, q)?;
        if w.as_str() == "the" {
            q = words::prev_word(t, q)?.0;
            w = prev_lower(t, q)?;
        }
        if matches!(w.as_str(), "on" | "by" | "until" | "since" | "from")
            && word_at(t, e1).is_none()
        {
            return Some(Raw::new(e1, Val::Day(d)));
        }
    }
    None
}

/// "next" → 1, "last"/"previous" → -1, "this" → 0.
fn relative_step(w: &str) -> Option<i64> {
    match w {
        "next" | "following" => Some(1),
        "last" | "previous" => Some(-1),
        "this" => Some(0),
        _ => None,
    }
}

/// A month word at or after `i` (with the period of an abbreviation).
fn month_of(t: &str, i: usize) -> Option<(usize, u8)> {
    let (_, e, w) = word_at(t, i)?;
    let m = cal::month(w.as_str())?;
    let e = if byte(t, e) == b'.' && w.as_str().len() <= 4 {
        e + 1
    } else {
        e
    };
    Some((e, m))
}

/// A date led by its month: "October 18, 2024", "Oct. 18, 2024", "Dec31 ,
/// 1994", "Sep-23-2020", "Oct/2", "July 4th of 1995", "October 2024",
/// "January first two thousand and thirty two", "in October".
fn month_first(t: &str, at: usize, ctx: &Ctx) -> Option<Raw> {
    let _ = ctx;
    let (s, e, w) = word_at(t, at)?;
    let lw = w.as_str();
    let m = cal::month(lw)?;
    let capital = byte(t, s).is_ascii_uppercase();
    let full = lw.len() > 4 || matches!(lw, "june" | "july" | "may");
    // "may" and "march" are also verbs: lower case needs digits after.
    let verb = matches!(lw, "may" | "march");
    let digits_only = verb && !capital;
    // "they may 3D-print", "I may 5": a verb after its subject.
    if digits_only
        && let Some((ps, pe)) = words::prev_word(t, at)
        && byte(t, ps).is_ascii_alphabetic()
        && !Lower::in_text(t, ps, pe).is_some_and(|w| date_cue(w.as_str()))
    {
        return None;
    }
    let mut p = e;
    if !full && byte(t, p) == b'.' {
        p += 1;
    }
    let sep = byte(t, p);
    if (sep == b'/' || sep == b'-') && p == e {
        let i = p + 1;
        if let Some((e2, y)) = year_digits(t, i).filter(|_| byte(t, i).is_ascii_digit()) {
            // "September-2020-23".
            if byte(t, e2) == sep
                && let Some((e3, d, _)) = day_digits(t, e2 + 1)
            {
                return Some(Raw::new(
                    e3,
                    Val::Written {
                        y: Some(y),
                        m,
                        d: Some(d),
                    },
                ));
            }
            return Some(Raw::new(
                e2,
                Val::Written {
                    y: Some(y),
                    m,
                    d: None,
                },
            ));
        }
        if byte(t, i).is_ascii_digit()
            && let Some((e2, d, _)) = day_digits(t, i)
        {
            if byte(t, e2) == sep
                && let Some((e3, y)) = year_digits(t, e2 + 1)
            {
                return Some(Raw::new(
                    e3,
                    Val::Written {
                        y: Some(y),
                        m,
                        d: Some(d),
                    },
                ));
            }
            return Some(Raw::new(
                e2,
                Val::Written {
                    y: None,
                    m,
                    d: Some(d),
                },
            ));
        }
        return None;
    }
    let q = punct_at(t, p, b',').unwrap_or(p);
    let q = kw(t, q, "the").unwrap_or(q);
    let day = day_digits(t, q).or_else(|| {
        (!digits_only)
            .then(|| day_words(t, q, true).map(|(e, d)| (e, d, true)))
            .flatten()
    });
    if let Some((e2, d, _)) = day {
        // Not a clock time or a count: "May 5:30", "March 3,000".
        if byte(t, e2) == b':' {
            return None;
        }
        let year = year_after(t, e2, !digits_only);
        return Some(match year {
            Some((e3, y)) => Raw::new(
                e3,
                Val::Written {
                    y: Some(y),
                    m,
                    d: Some(d),
                },
            ),
            None => Raw::new(
                e2,
                Val::Written {
                    y: None,
                    m,
                    d: Some(d),
                },
            ),
        });
    }
    let q2 = kw(t, q, "of").unwrap_or(q);
    if let Some((e2, y)) = year_digits(t, q2) {
        return Some(Raw::new(
            e2,
            Val::Written {
                y: Some(y),
                m,
                d: None,
            },
        ));
    }
    // A month alone: "in October", "since March".
    if full && capital && prev_lower(t, at).is_some_and(|w| date_cue(w.as_str())) {
        return Some(Raw::new(
            p,
            Val::Written {
                y: None,
                m,
                d: None,
            },
        ));
    }
    None
}

/// A weekday, alone or with the date it claims: "Thursday, October 18, 2024",
/// "Tue May 9", "Friday 7/6", "Monday 21", "Tuesday the eleventh", "Friday
/// (Jun-15)", "Tuesday of next week", "on Friday".
fn weekday_first(t: &str, at: usize, ctx: &Ctx) -> Option<Raw> {
    let (s, e, w) = word_at(t, at)?;
    let lw = w.as_str();
    let wd = cal::weekday(lw)?;
    let abbrev = cal::weekday_is_abbreviation(lw);
    let mut p = e;
    if abbrev && byte(t, p) == b'.' {
        p += 1;
    }
    let mut paren = false;
    let mut q = p;
    if let Some(j) = punct_at(t, p, b',') {
        q = j;
    } else if let Some(j) = punct_at(t, p, b'(') {
        q = j;
        paren = true;
    } else if byte(t, p) == b'-' && p == e {
        q = p + 1;
    }
    if let Some(mut r) = date_body(t, q, ctx) {
        if paren && let Some(j) = punct_at(t, r.end, b')') {
            r.end = j;
        }
        r.weekday = Some(wd);
        return Some(r);
    }
    // "Tuesday of next week", "Monday of the following week".
    if let Some(j) = kw(t, p, "of") {
        let j = kw(t, j, "the").unwrap_or(j);
        if let Some((_, e2, m)) = word_at(t, j) {
            let k = match m.as_str() {
                "next" | "following" => 1,
                "last" | "previous" => -1,
                "this" => 0,
                _ => 99,
            };
            if k != 99
                && let Some(e3) = kw(t, e2, "week")
            {
                let mut r = Raw::new(e3, Val::Fixed(ctx.days().map(|n| day(in_week(n, wd, k)))));
                r.weekday = Some(wd);
                return Some(r);
            }
        }
    }
    // Alone: abbreviations need a cue ("Mon or Tue"), "Sun" and "Sat" never.
    if abbrev
        && (matches!(lw, "sun" | "sat")
            || !byte(t, s).is_ascii_alphabetic()
            || !prev_lower(t, at).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "on" | "or" | "and" | "by" | "until" | "from" | "to" | "week"
                )
            }))
    {
        return None;
    }
    let mut r = Raw::new(p, Val::Weekday);
    r.weekday = Some(wd);
    Some(r)
}

/// The date written after a weekday: month-first, day-first or numeric, or a
/// day of the month alone ("Monday 21", "Mon 13th", "Tuesday the eleventh").
fn date_body(t: &str, i: usize, ctx: &Ctx) -> Option<Raw> {
    let s = skip_spaces(t, i);
    let b = byte(t, s);
    if b.is_ascii_digit() {
        let (e, v) = num_tight(t, s)?;
        let r = match e - s {
            4 => year_first(t, s, e, v).filter(|r| !matches!(r.val, Val::Year(_))),
            1 | 2 => numeric_md(t, s, e, v, ctx, true).or_else(|| day_first(t, s, ctx)),
            _ => None,
        };
        if r.is_some() {
            return r;
        }
        // A day alone: "Monday 21!", "Mon 13th".
        let (e, d, suffix) = day_digits(t, s)?;
        if suffix || word_at(t, e).is_none() && byte(t, skip_spaces(t, e)) != b':' {
            return Some(Raw::new(e, Val::Day(d)));
        }
        return None;
    }
    if !b.is_ascii_alphabetic() {
        return None;
    }
    let (_, _, w) = word_at(t, s)?;
    if cal::month(w.as_str()).is_some() {
        return month_first(t, s, ctx).filter(|r| {
            !matches!(
                r.val,
                Val::Written {
                    d: None,
                    y: None,
                    ..
                }
            )
        });
    }
    if w.as_str() == "the" {
        let j = kw(t, s, "the")?;
        if let Some((e, d)) = day_words(t, j, false) {
            return Some(Raw::new(e, Val::Day(d)));
        }
        if let Some((e, d, true)) = day_digits(t, j) {
            return Some(Raw::new(e, Val::Day(d)));
        }
        return None;
    }
    day_first(t, s, ctx)
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    This,
    Next,
    Last,
    Past,
    Coming,
}

/// "this October", "next week on Tuesday", "last month", "next year", "this
/// past Wednesday", "next Friday 5/12", "next 6th of April", "last Easter".
fn modified(t: &str, at: usize, ctx: &Ctx) -> Option<Raw> {
    let (_, e, w) = word_at(t, at)?;
    let mut mode = match w.as_str() {
        "this" => Mode::This,
        "next" | "following" => Mode::Next,
        "last" | "previous" => Mode::Last,
        "past" => Mode::Past,
        "coming" | "upcoming" => Mode::Coming,
        _ => return None,
    };
    // "the following year" counts from an event, not from the document date.
    let following = w.as_str() == "following";
    let mut p = e;
    if mode == Mode::This {
        if let Some(j) = kw(t, p, "past") {
            mode = Mode::Past;
            p = j;
        } else if let Some(j) = kw(t, p, "upcoming").or_else(|| kw(t, p, "coming")) {
            mode = Mode::Coming;
            p = j;
        }
    }
    let now = ctx.days();
    let s = skip_spaces(t, p);
    let (_, e2, w2) = match word_at(t, p) {
        Some(x) if x.0 == s => x,
        _ => {
            // "next 5/12", "this 5/12", "next 6th of April".
            if !byte(t, s).is_ascii_digit() {
                return None;
            }
            let r = date_body(t, s, ctx)?;
            return Some(shift_written(r, mode, ctx));
        }
    };
    let k = match mode {
        Mode::This => 0,
        Mode::Next | Mode::Coming => 1,
        Mode::Last | Mode::Past => -1,
    };
    match w2.as_str() {
        "week" => {
            // "next week Monday", "previous week - Monday", "next week on Tuesday".
            let mut j = e2;
            if let Some(x) = punct_at(t, j, b'-').or_else(|| punct_at(t, j, b',')) {
                j = x;
            }
            if let Some(x) = kw(t, j, "on") {
                j = x;
            }
            let Some((e3, wd)) =
                word_at(t, j).and_then(|(_, e3, wd)| Some((e3, cal::weekday(wd.as_str())?)))
            else {
                // "last week", "this week": a relative date with no one day,
                // so no ISO value even with a document date.
                if following || !matches!(mode, Mode::This | Mode::Next | Mode::Last) {
                    return None;
                }
                return Some(Raw::new(e2, Val::Fixed(None)));
            };
            let mut r = Raw::new(e3, Val::Fixed(now.map(|n| day(in_week(n, wd, k)))));
            r.weekday = Some(wd);
            return Some(r);
        }
        "month" | "year" if following => return None,
        "month" if matches!(mode, Mode::This | Mode::Next | Mode::Last) => {
            let v = ctx.doc.map(|(y, m, _, _)| {
                let (y, m, _) = cal::add_months(y, m, 1, k);
                ym(y, m)
            });
            return Some(Raw::new(e2, Val::Fixed(v)));
        }
        "year" if matches!(mode, Mode::This | Mode::Next | Mode::Last) => {
            let v = ctx.year().map(|y| CalendarDate {
                year: (y + k as i32) as i16,
                month: None,
                day: None,
            });
            return Some(Raw::new(e2, Val::Fixed(v)));
        }
        _ => {}
    }
    if let Some(wd) = cal::weekday(w2.as_str()) {
        let r = weekday_first(t, s, ctx).or_else(|| {
            let mut r = Raw::new(e2, Val::Weekday);
            r.weekday = Some(wd);
            Some(r)
        })?;
        if r.val != Val::Weekday {
            // "next Friday 5/12": the written date wins.
            return Some(r);
        }
        let v = now.map(|n| {
            day(match mode {
                Mode::This => in_week(n, wd, 0),
                Mode::Next => in_week(n, wd, 1),
                Mode::Last => in_week(n, wd, -1),
                Mode::Past => strictly_before(n, wd),
                Mode::Coming => strictly_after(n, wd),
            })
        });
        return Some(Raw {
            end: r.end,
            val: Val::Fixed(v),
            weekday: Some(wd),
        });
    }
    if let Some(m) = cal::month(w2.as_str()) {
        // "this October": a month alone, or with its day.
        let full = w2.as_str().len() > 4 || matches!(w2.as_str(), "june" | "july" | "may");
        if let Some(r) = month_first(t, s, ctx)
            && matches!(
                r.val,
                Val::Written {
                    y: None,
                    d: Some(_),
                    ..
                }
            )
        {
            return Some(shift_written(r, mode, ctx));
        }
        // "this may be": a verb in lower case.
        if !full || (matches!(w2.as_str(), "may" | "march") && !byte(t, s).is_ascii_uppercase()) {
            return None;
        }
        let v = ctx.doc.map(|(y, dm, _, _)| {
            let y = match mode {
                Mode::This => y,
                Mode::Next | Mode::Coming => y + i32::from(m <= dm),
                Mode::Last | Mode::Past => y - i32::from(m >= dm),
            };
            ym(y, m)
        });
        return Some(Raw::new(e2, Val::Fixed(v)));
    }
    // "this summer", "last winter": a season (rules/calendar.toml), in the
    // year its first month falls in, counted from the document's season.
    if let Some(months) = cal::WORDS.seasons.months(w2.as_str())
        && cal::listed(&cal::WORDS.seasons.relative, w.as_str())
        && !following
    {
        let v = ctx.doc.map(|(y, _, _, now)| CalendarDate {
            year: season_year(months, y, now, mode) as i16,
            month: None,
            day: None,
        });
        return Some(Raw::new(e2, Val::Fixed(v)));
    }
    // "next Easter", "last Christmas".
    let (e3, h, y) = holiday_at(t, s, true)?;
    if y != HolidayYear::Unwritten {
        return None;
    }
    let v = ctx.doc.and_then(|(y0, _, _, n)| match mode {
        Mode::This => holiday_date(h, y0),
        Mode::Next | Mode::Coming => (y0..=y0 + 1)
            .filter_map(|y| holiday_date(h, y))
            .find(|v| days_of(v) > n),
        Mode::Last | Mode::Past => (y0 - 1..=y0)
            .rev()
            .filter_map(|y| holiday_date(h, y))
            .find(|v| days_of(v) < n),
    });
    Some(Raw::new(e3, Val::Fixed(v)))
}

/// The year a season starts in (its first month's), for "this", "next" or
/// "last" season at day count `now` in year `y`: "this" is the season the
/// date is in, or the one starting in its year; "next" the first to start
/// after it; "last" the last to end before it.
fn season_year(months: &[u8], y: i32, now: i64, mode: Mode) -> i32 {
    let first = months.first().copied().unwrap_or(1);
    let len = months.len().max(1) as i64;
    let bounds = |sy: i32| {
        let start = cal::days_from_civil(sy, first, 1);
        let (ey, em, _) = cal::add_months(sy, first, 1, len);
        (start, cal::days_from_civil(ey, em, 1))
    };
    let years = y - 2..=y + 1;
    match mode {
        Mode::This => years
            .clone()
            .find(|&sy| {
                let (a, b) = bounds(sy);
                a <= now && now < b
            })
            .unwrap_or(y),
        Mode::Next | Mode::Coming => years
            .clone()
            .find(|&sy| bounds(sy).0 > now)
            .unwrap_or(y + 1),
        Mode::Last | Mode::Past => years.rev().find(|&sy| bounds(sy).1 <= now).unwrap_or(y - 1),
    }
}

/// A modifier before a written month and day without a year: "this 5/12" is
/// in the document's year, "next 5/12" the year after, "last" the one before.
fn shift_written(r: Raw, mode: Mode, ctx: &Ctx) -> Raw {
    match r.val {
        Val::Written { y: None, m, d } => {
            let Some(y0) = ctx.year() else {
                return Raw {
                    val: Val::Fixed(None),
                    ..r
                };
            };
            let y = match mode {
                Mode::This => y0,
                Mode::Next | Mode::Coming => y0 + 1,
                Mode::Last | Mode::Past => y0 - 1,
            };
            Raw {
                val: Val::Written { y: Some(y), m, d },
                ..r
            }
        }
        _ => r,
    }
}

// ---------------------------------------------------------------------------
// Offsets: "two days ago", "in 2 weeks", "3 days after January 12th"

/// "N days", "two weeks and 2 days", "a fortnight": (months, days) and the end.
fn offset_phrase(t: &str, i: usize, article: bool, depth: u8) -> Option<(usize, i64, i64)> {
    let s = skip_spaces(t, i);
    let (e, n) = if byte(t, s).is_ascii_digit() {
        let (e, v) = num_tight(t, s)?;
        if e - s > 3 || glued(t, e) {
            return None;
        }
        (e, i64::from(v))
    } else {
        let (_, e, w) = word_at(t, s)?;
        match w.as_str() {
            "a" | "an" | "one" if article => (e, 1),
            x if cal::cardinal(x).is_some_and(|v| v > 0) => {
                let (e2, v) = below_hundred(t, s)?;
                (e2, i64::from(v))
            }
            _ => return None,
        }
    };
    // Every unit below starts with one of these letters: most counts ("12
    // people") stop here, before the word is copied.
    if !matches!(
        byte(t, skip_spaces(t, e)) | 0x20,
        b'd' | b'w' | b'f' | b'm' | b'y'
    ) {
        return None;
    }
    let (_, mut p, u) = word_at(t, e)?;
    let u = u.as_str();
    let (mut months, mut days) = match u.strip_suffix('s').unwrap_or(u) {
        "day" => (0, n),
        "week" => (0, 7 * n),
        "fortnight" => (0, 14 * n),
        "month" => (n, 0),
        "year" => (12 * n, 0),
        _ => return None,
    };
    // "2 weeks and 2 days", "2 years, 1 month".
    let j = kw(t, p, "and")
        .or_else(|| punct_at(t, p, b','))
        .unwrap_or(p);
    if depth < 3
        && let Some((e3, m2, d2)) = offset_phrase(t, j, true, depth + 1)
    {
        months += m2;
        days += d2;
        p = e3;
    }
    Some((p, months, days))
}

fn shift(days: i64, months: i64, plus_days: i64) -> i64 {
    let (y, m, d) = cal::civil_from_days(days);
    let (y, m, d) = cal::add_months(y, m, d, months);
    cal::days_from_civil(y, m, d) + plus_days
}

/// "two days ago", "3 weeks from tomorrow", "2 weeks before May 13 1999",
/// "16 days from 01/02/2018", "3 days after January 12th".
fn count_relative(t: &str, at: usize, ctx: &Ctx) -> Option<Raw> {
    // The phrase first: it is rarely there, and the look-back costs more.
    let (e, months, days) = offset_phrase(t, at, false, 0)?;
    let (_, e2, w) = word_at(t, e)?;
    // "for the last 3 months", "over the past two years": a duration.
    if prev_lower(t, at).is_some_and(|w| {
        matches!(
            w.as_str(),
            "last" | "past" | "next" | "for" | "over" | "the" | "first"
        )
    }) {
        return None;
    }
    let sign = match w.as_str() {
        "ago" => {
            let v = ctx.days().map(|n| day(shift(n, -months, -days)));
            return Some(Raw::new(e2, Val::Fixed(v)));
        }
        "from" | "after" => 1,
        "before" => -1,
        _ => return None,
    };
    if let Some(e3) = kw(t, e2, "now") {
        let v = ctx
            .days()
            .map(|n| day(shift(n, sign * months, sign * days)));
        return Some(Raw::new(e3, Val::Fixed(v)));
    }
    let s = skip_spaces(t, e2);
    let anchor = if byte(t, s).is_ascii_digit() {
        digit_date(t, s, ctx, false)?
    } else {
        let (_, _, w) = word_at(t, s)?;
        if !starts_date(w.as_str()) || cal::cardinal(w.as_str()).is_some() {
            return None;
        }
        word_date(t, s, ctx, false).or_else(|| holiday_mention(t, s, ctx, true))?
    };
    // "3 days from Tuesday": the coming Tuesday.
    let val = match (anchor.val, anchor.weekday, ctx.days()) {
        (Val::Weekday, Some(wd), Some(n)) => Val::Fixed(Some(day(strictly_after(n, wd)))),
        (v, _, _) => v,
    };
    let (v, _) = ctx.resolve(val, anchor.weekday);
    let v = v
        .and_then(|v| v.day.map(|_| v))
        .map(|v| day(shift(days_of(&v), sign * months, sign * days)));
    Some(Raw::new(anchor.end, Val::Fixed(v)))
}

/// "in two weeks", "in 3 years", "in a fortnight", "in two years since 2011" —
/// not "the highest in three years".
fn in_count(t: &str, at: usize, ctx: &Ctx) -> Option<Raw> {
    let e = kw(t, at, "in")?;
    let (e2, months, days) = offset_phrase(t, e, true, 0)?;
    if let Some(w) = prev_lower(t, at) {
        let w = w.as_str();
        if w.ends_with("est")
            || matches!(
                w,
                "first" | "time" | "once" | "twice" | "times" | "last" | "only"
            )
        {
            return None;
        }
    }
    // "in two years since 2011": counted from a year's start.
    if let Some(j) = kw(t, e2, "since") {
        let j = kw(t, j, "the").unwrap_or(j);
        let j = kw(t, j, "year").unwrap_or(j);
        if let Some((e3, y)) = year_digits(t, j) {
            let base = cal::days_from_civil(y, 1, 1);
            return Some(Raw::new(
                e3,
                Val::Fixed(Some(day(shift(base, months, days)))),
            ));
        }
    }
    // "in two days from today".
    if let Some(j) = kw(t, e2, "from")
        && let Some(e3) = kw(t, j, "today").or_else(|| kw(t, j, "now"))
    {
        let v = ctx.days().map(|n| day(shift(n, months, days)));
        return Some(Raw::new(e3, Val::Fixed(v)));
    }
    let v = ctx.days().map(|n| day(shift(n, months, days)));
    Some(Raw::new(e2, Val::Fixed(v)))
}

// ---------------------------------------------------------------------------
// Holidays

#[derive(Debug, Clone, Copy, PartialEq)]
enum Holiday {
    Fixed(u8, u8),
    /// Days after Easter Sunday.
    Easter(i8),
    /// The `n`th weekday of a month (5 = last), plus some days.
    Nth {
        m: u8,
        wd: u8,
        n: u8,
        plus: i8,
    },
}

fn holiday_date(h: Holiday, y: i32) -> Option<CalendarDate> {
    match h {
        Holiday::Fixed(m, d) => ymd(y, m, d),
        Holiday::Easter(plus) => {
            let (m, d) = cal::easter(y);
            Some(day(cal::days_from_civil(y, m, d) + i64::from(plus)))
        }
        Holiday::Nth { m, wd, n, plus } => {
            let d = cal::nth_weekday(y, m, wd, n);
            Some(day(cal::days_from_civil(y, m, d) + i64::from(plus)))
        }
    }
}

/// A holiday name at `i`, with the year written after it: "Easter 2018",
/// "Independence Day of this year". `loose` also takes "New Year" alone.
fn holiday_at(t: &str, i: usize, loose: bool) -> Option<(usize, Holiday, HolidayYear)> {
    let (_, e, w) = word_at(t, i)?;
    let day_after = |e: usize| kw(t, e, "day");
    let (end, h) = match w.as_str() {
        "christmas" | "xmas" => {
            let e1 = possessive(t, e);
            if let Some(j) = kw(t, e1, "eve") {
                (j, Holiday::Fixed(12, 24))
            } else {
                (day_after(e1).unwrap_or(e), Holiday::Fixed(12, 25))
            }
        }
        "easter" => match word_at(t, e) {
            Some((_, j, w)) if w.as_str() == "monday" => (j, Holiday::Easter(1)),
            Some((_, j, w)) if w.as_str() == "sunday" => (j, Holiday::Easter(0)),
            _ => (e, Holiday::Easter(0)),
        },
        "new" => {
            let j = kw(t, e, "year")
                .map(|j| possessive(t, j))
                .or_else(|| kw(t, e, "years"))?;
            if let Some(k) = kw(t, j, "eve") {
                (k, Holiday::Fixed(12, 31))
            } else if let Some(k) = day_after(j) {
                (k, Holiday::Fixed(1, 1))
            } else if loose {
                (j, Holiday::Fixed(1, 1))
            } else {
                return None;
            }
        }
        "independence" => (day_after(e)?, Holiday::Fixed(7, 4)),
        "juneteenth" => (e, Holiday::Fixed(6, 19)),
        "freedom" | "jubilee" => (day_after(e)?, Holiday::Fixed(6, 19)),
        "earth" => (day_after(e)?, Holiday::Fixed(4, 22)),
        "saint" | "st" => {
            let j = if byte(t, e) == b'.' { e + 1 } else { e };
            let j = possessive(t, kw(t, j, "patrick")?);
            (day_after(j).unwrap_or(j), Holiday::Fixed(3, 17))
        }
        "valentine" => (day_after(possessive(t, e))?, Holiday::Fixed(2, 14)),
        "halloween" => (e, Holiday::Fixed(10, 31)),
        "boxing" => (day_after(e)?, Holiday::Fixed(12, 26)),
        "black" => (
            kw(t, e, "friday")?,
            Holiday::Nth {
                m: 11,
                wd: 3,
                n: 4,
                plus: 1,
            },
        ),
        "thanksgiving" => (
            day_after(e).unwrap_or(e),
            Holiday::Nth {
                m: 11,
                wd: 3,
                n: 4,
                plus: 0,
            },
        ),
        "labor" | "labour" => (
            day_after(e)?,
            Holiday::Nth {
                m: 9,
                wd: 0,
                n: 1,
                plus: 0,
            },
        ),
        "memorial" => (
            day_after(e)?,
            Holiday::Nth {
                m: 5,
                wd: 0,
                n: 5,
                plus: 0,
            },
        ),
        "international" => {
            let j = possessive(t, kw(t, e, "workers")?);
            (day_after(j)?, Holiday::Fixed(5, 1))
        }
        _ => return None,
    };
    // A year after it.
    let s = skip_spaces(t, end);
    let s = punct_at(t, s, b',').unwrap_or(s);
    if let Some((e2, y)) = year_digits(t, s) {
        return Some((e2, h, HolidayYear::Year(y)));
    }
    if let Some(j) = kw(t, end, "of") {
        if let Some((e2, y)) = year_digits(t, j) {
            return Some((e2, h, HolidayYear::Year(y)));
        }
        if let Some((_, j2, m)) = word_at(t, j)
            && let Some(e2) = kw(t, j2, "year")
        {
            let k = match m.as_str() {
                "this" => Some(0),
                "next" => Some(1),
                "last" => Some(-1),
                _ => None,
            };
            if let Some(k) = k {
                return Some((e2, h, HolidayYear::Relative(k)));
            }
        }
    }
    Some((end, h, HolidayYear::Unwritten))
}

/// The year written after a holiday.
#[derive(Debug, Clone, Copy, PartialEq)]
enum HolidayYear {
    Unwritten,
    Year(i32),
    /// "of this year" (0), "of next year" (1), "of last year" (-1).
    Relative(i32),
}

/// A holiday mention: "Christmas Eve", "Easter 2018", "Independence Day of this year".
fn holiday_mention(t: &str, at: usize, ctx: &Ctx, loose: bool) -> Option<Raw> {
    let (e, h, y) = holiday_at(t, at, loose)?;
    Some(match y {
        HolidayYear::Relative(k) => {
            let v = ctx.year().and_then(|y| holiday_date(h, y + k));
            Raw::new(e, Val::Fixed(v))
        }
        HolidayYear::Year(y) => Raw::new(e, Val::Holiday(h, Some(y))),
        HolidayYear::Unwritten => Raw::new(e, Val::Holiday(h, None)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Option<jiff::civil::Date> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn seasons_are_relative_dates() {
        let t = "Fares this summer fell; last winter was hard; next spring looks better.";
        // Without a date: relative, unresolved.
        let m = parse_date(t, t.find("this summer").unwrap(), None).unwrap();
        assert!(m.info.relative && m.value.is_none());
        assert_eq!(m.span.text(t), "this summer");
        let d = doc("2024-10-23");
        assert_eq!(at(t, "this summer", d).unwrap().1, "2024");
        // Winter 2023-24 ended before October 2024.
        assert_eq!(at(t, "last winter", d).unwrap().1, "2023");
        assert_eq!(at(t, "next spring", d).unwrap().1, "2025");
        // In February, this winter began the December before.
        assert_eq!(
            at("Sales this winter rose.", "this winter", doc("2024-02-10"))
                .unwrap()
                .1,
            "2023"
        );
    }

    #[test]
    fn tense_resolves_a_bare_weekday() {
        // 2009-03-01 was a Sunday.
        let d = doc("2009-03-01");
        let t = "The branches will reopen on Monday. The bank closed on Monday.";
        assert_eq!(at(t, "Monday.", d).unwrap().1, "2009-03-02");
        let past = t.rfind("Monday").unwrap();
        assert_eq!(
            parse_date(t, past, d).unwrap().value.unwrap().iso(),
            "2009-02-23"
        );
        // The future word must be in the weekday's clause.
        let t = "He will be sentenced on Monday, after pleading guilty on Friday.";
        assert_eq!(at(t, "Friday", d).unwrap().1, "2009-02-27");
        assert_eq!(at(t, "Monday", d).unwrap().1, "2009-03-02");
        // Curly quotes before the clause are no trouble.
        let t = "“We are ready,” she'll say on Tuesday.";
        assert_eq!(at(t, "Tuesday", d).unwrap().1, "2009-03-03");
    }

    /// The text and ISO value of the date parsed where `needle` starts.
    fn at(text: &str, needle: &str, d: Option<jiff::civil::Date>) -> Option<(String, String)> {
        let i = text.find(needle).unwrap();
        let m = parse_date(text, i, d)?;
        let v = m.value.map_or_else(|| "-".to_string(), |v| v.iso());
        Some((m.span.text(text).to_string(), v))
    }

    fn check(text: &str, needle: &str, d: &str, span: &str, iso: &str) {
        assert_eq!(
            at(text, needle, doc(d)),
            Some((span.to_string(), iso.to_string())),
            "{text:?} at {needle:?}"
        );
    }

    #[test]
    fn absolute_dates() {
        let d = "2024-10-20";
        for (text, span, iso) in [
            ("on October 18, 2024.", "October 18, 2024", "2024-10-18"),
            ("on Oct. 18, 2024.", "Oct. 18, 2024", "2024-10-18"),
            ("on Oct 18 2024.", "Oct 18 2024", "2024-10-18"),
            ("on 18 October 2024.", "18 October 2024", "2024-10-18"),
            (
                "on 18th of October, 2024.",
                "18th of October, 2024",
                "2024-10-18",
            ),
            ("born july 4th of 1995", "july 4th of 1995", "1995-07-04"),
            ("file 2024-10-18 here", "2024-10-18", "2024-10-18"),
            ("on 10/18/2024.", "10/18/2024", "2024-10-18"),
            ("on 18/10/2024.", "18/10/2024", "2024-10-18"),
            ("in October 2024 they", "October 2024", "2024-10"),
            ("Sold on Dec31 , 1994", "Dec31 , 1994", "1994-12-31"),
            ("back 05-aug-2016.", "05-aug-2016", "2016-08-05"),
            ("report-20170302.html", "20170302", "2017-03-02"),
            (
                "January twenty five nineteen eighty six",
                "January twenty five nineteen eighty six",
                "1986-01-25",
            ),
            ("fourth of july, 1995", "fourth of july, 1995", "1995-07-04"),
        ] {
            let needle = span.split(|c: char| !c.is_alphanumeric()).next().unwrap();
            check(text, needle, d, span, iso);
        }
    }

    #[test]
    fn years_after_prepositions() {
        let d = "2024-10-20";
        check("prices rose in 2022 and", "2022", d, "2022", "2022");
        check("Since 1999 it grew", "1999", d, "1999", "1999");
        check("by 2027, it ends", "2027", d, "2027", "2027");
        check("from 2010 to 2015", "2015", d, "2015", "2015");
        check("in mid-2023 it", "2023", d, "2023", "2023");
        assert_eq!(at("2000 soldiers died", "2000", doc(d)), None);
        assert_eq!(at("He sent 2000 troops", "2000", doc(d)), None);
        assert_eq!(at("it rose by 2000 votes", "2000", doc(d)), None);
    }

    #[test]
    fn weekday_claims_keep_the_written_date() {
        let t = "On Thursday, October 18, 2024 they met.";
        let m = parse_date(t, 3, None).unwrap();
        assert_eq!(m.span.text(t), "Thursday, October 18, 2024");
        assert_eq!(m.value.unwrap().iso(), "2024-10-18");
        assert_eq!(m.info.weekday, Some(3));
        assert!(!m.info.relative);
        check(
            "on Tue May 9.",
            "Tue",
            "2018-01-07",
            "Tue May 9",
            "2018-05-09",
        );
        check(
            "on Friday 7/6 with",
            "Friday",
            "2018-07-06",
            "Friday 7/6",
            "2018-07-06",
        );
        check(
            "on Monday 21!",
            "Monday",
            "2019-01-25",
            "Monday 21",
            "2019-01-21",
        );
    }

    #[test]
    fn relative_dates() {
        let d = "2024-10-17"; // a Thursday
        check("on Wednesday he", "Wednesday", d, "Wednesday", "2024-10-16");
        check("on Thursday he", "Thursday", d, "Thursday", "2024-10-17");
        check("next Wednesday", "next", d, "next Wednesday", "2024-10-23");
        check("last Wednesday", "last", d, "last Wednesday", "2024-10-09");
        check(
            "this past Wednesday",
            "this",
            d,
            "this past Wednesday",
            "2024-10-16",
        );
        check("this October", "this", d, "this October", "2024-10");
        check("last month", "last", d, "last month", "2024-09");
        check("next year", "next", d, "next year", "2025");
        check("last year", "last", d, "last year", "2023");
        check("yesterday", "yesterday", d, "yesterday", "2024-10-16");
        check("today", "today", d, "today", "2024-10-17");
        check("tomorrow", "tomorrow", d, "tomorrow", "2024-10-18");
        check("two days ago", "two", d, "two days ago", "2024-10-15");
        check("in 2 weeks", "in", d, "in 2 weeks", "2024-10-31");
        check("on May 9 the", "May", d, "May 9", "2024-05-09");
        check("on the 18th.", "18th", d, "18th", "2024-10-18");
        check(
            "christmas eve",
            "christmas",
            d,
            "christmas eve",
            "2024-12-24",
        );
        check("easter 2018", "easter", d, "easter 2018", "2018-04-01");
        // Without a document date: found, unresolved.
        let m = parse_date("on Wednesday", 3, None).unwrap();
        assert!(m.info.relative && m.value.is_none());
        assert_eq!(m.info.weekday, Some(2));
    }

    #[test]
    fn not_dates() {
        let d = doc("2024-10-17");
        for (text, needle) in [
            ("they may be late", "may"),
            ("They march on", "march"),
            ("The Sun reported", "Sun"),
            ("Jan said hello", "Jan"),
            ("the highest in three years", "in"),
            ("the score was 3:2", "3"),
            ("a 1/3 share", "1"),
            ("open 24/7 now", "24"),
            ("the 18th floor", "18th"),
            ("for $12 December 27", "12"),
            ("I may 5", "may"),
            ("this may be", "this"),
            ("the following year", "following"),
        ] {
            assert_eq!(at(text, needle, d), None, "{text:?}");
        }
    }

    #[test]
    fn never_panics_on_multibyte() {
        let t = "“October” 18 — ‘2024’ in 2022’s Tue\u{a0}May 9 café 10/18/2024é";
        for i in 0..t.len() {
            if t.is_char_boundary(i) {
                let _ = parse_date(t, i, doc("2024-01-01"));
            }
        }
    }
}
