//! Clock times with zones: "2:30 p.m. EDT", "2:30pm", "14:30", "0310 UTC",
//! "13:15 Polish time", "8:40 a.m. local time", "noon", and zones written
//! with their offset: "EDT (UTC-5)", "UTC+05:30".
//!
//! A time needs something that makes it one: am/pm, a zone, "o'clock", or
//! the HH:MM shape itself (two-digit minutes, hour below 24) when the words
//! around it are not a score or a verse reference ("the score was 3:2",
//! "John 3:16").

use super::calendar as cal;
use super::words::{self, Lower, skip_spaces, word_char_at};
use crate::quantity::ClockTime;
use crate::span::Span;

/// A clock-time mention parsed at a position.
#[derive(Debug, Clone, PartialEq)]
pub struct ClockMatch {
    pub span: Span,
    /// The time; `None` for a zone written alone ("EDT (UTC-5)").
    pub time: Option<ClockTime>,
    /// The zone or UTC offset as written, lower case ("edt", "utc-5", "polish time").
    pub zone: Option<String>,
    /// An offset from UTC written in the mention, in minutes: "UTC-5" → -300,
    /// "GMT+1" → 60, "(UTC+05:30)" → 330, a bare "UTC"/"GMT" → 0. `None` when
    /// the mention writes no offset (an abbreviation such as "EDT" alone: see
    /// [`zone_offset_minutes`] for the usual offsets of abbreviations).
    pub offset_minutes: Option<i32>,
}

/// Whether a lower-cased word can start a clock mention: "noon", "midnight",
/// or a zone abbreviation (which then needs its offset: "EDT (UTC-5)").
pub fn starts_clock(word_lower: &str) -> bool {
    matches!(word_lower, "noon" | "midnight") || zone_offset_minutes(word_lower).is_some()
}

/// The standard offset from UTC, in minutes, of a zone abbreviation (lower
/// case). Ambiguous abbreviations (IST, CST in China) take their North
/// American or Indian reading, as English-language news mostly does.
pub fn zone_offset_minutes(abbr: &str) -> Option<i32> {
    ZONES.iter().find(|(a, _)| *a == abbr).map(|&(_, o)| o)
}

/// Zone abbreviations (lower case) and their standard offsets from UTC, in
/// minutes. "ET", "PT", "CT", "MT" are left out: they name no one offset.
pub const ZONES: &[(&str, i32)] = &[
    ("utc", 0),
    ("gmt", 0),
    ("wet", 0),
    ("z", 0),
    ("bst", 60),
    ("cet", 60),
    ("west", 60),
    ("wat", 60),
    ("cest", 120),
    ("eet", 120),
    ("cat", 120),
    ("sast", 120),
    ("eest", 180),
    ("msk", 180),
    ("eat", 180),
    ("ast", 180),
    ("gst", 240),
    ("pkt", 300),
    ("ist", 330),
    ("ict", 420),
    ("wib", 420),
    ("hkt", 480),
    ("sgt", 480),
    ("pht", 480),
    ("awst", 480),
    ("jst", 540),
    ("kst", 540),
    ("acst", 570),
    ("aest", 600),
    ("aedt", 660),
    ("nzst", 720),
    ("nzdt", 780),
    ("adt", -180),
    ("edt", -240),
    ("est", -300),
    ("cdt", -300),
    ("cst", -360),
    ("mdt", -360),
    ("mst", -420),
    ("pdt", -420),
    ("pst", -480),
    ("akdt", -480),
    ("akst", -540),
    ("hst", -600),
];

/// Parses a clock time (or a zone with its offset) starting at byte `at`.
pub fn parse_clock(text: &str, at: usize) -> Option<ClockMatch> {
    let b = *text.as_bytes().get(at)?;
    if b.is_ascii_digit() {
        return digit_clock(text, at);
    }
    if !b.is_ascii_alphabetic() {
        return None;
    }
    let (s, e, w) = word_at(text, at)?;
    match w.as_str() {
        "noon" | "midnight" => {
            let hour = if w.as_str() == "noon" { 12 } else { 0 };
            let mut m = ClockMatch {
                span: Span::new(s, e),
                time: Some(ClockTime { hour, minute: 0 }),
                zone: None,
                offset_minutes: None,
            };
            zone_after(text, e, &mut m);
            Some(m)
        }
        _ => {
            // A zone alone counts only with a written offset: "EDT (UTC-5)", "UTC+1".
            let z = zone_at(text, at)?;
            if z.paren || (z.written_offset.is_none() && z.paren_offset.is_none()) {
                return None;
            }
            Some(ClockMatch {
                span: Span::new(at, z.end),
                time: None,
                zone: Some(z.name),
                offset_minutes: z.offset,
            })
        }
    }
}

fn byte(t: &str, i: usize) -> u8 {
    t.as_bytes().get(i).copied().unwrap_or(0)
}

/// The ASCII-letter word at or after `i` (skipping spaces).
fn word_at(t: &str, i: usize) -> Option<(usize, usize, Lower)> {
    let s = skip_spaces(t, i);
    let e = super::words::letters_end(t.as_bytes(), s);
    if e == s || word_char_at(t, e) {
        return None;
    }
    Some((s, e, Lower::in_text(t, s, e)?))
}

fn digits(t: &str, i: usize) -> usize {
    let b = t.as_bytes();
    let mut e = i;
    while e < b.len() && b[e].is_ascii_digit() {
        e += 1;
    }
    e - i
}

fn num(t: &str, i: usize, len: usize) -> u32 {
    t.get(i..i + len).and_then(|s| s.parse().ok()).unwrap_or(0)
}

/// "am", "pm", "a.m.", "p.m.", "a.m", "AM" right after `i` (one optional
/// space): the end and whether it is pm.
fn meridiem(t: &str, i: usize) -> Option<(usize, bool)> {
    let s = if byte(t, i) == b' ' { i + 1 } else { i };
    let a = byte(t, s).to_ascii_lowercase();
    if a != b'a' && a != b'p' {
        return None;
    }
    let pm = a == b'p';
    let mut e = s + 1;
    if byte(t, e) == b'.' {
        e += 1;
    }
    if !byte(t, e).eq_ignore_ascii_case(&b'm') {
        return None;
    }
    e += 1;
    if byte(t, e) == b'.' && byte(t, s + 1) == b'.' {
        e += 1;
    }
    if word_char_at(t, e) {
        return None;
    }
    Some((e, pm))
}

fn hour12(h: u32, pm: bool) -> Option<u8> {
    if !(1..=12).contains(&h) {
        return None;
    }
    Some(match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => (h + 12) as u8,
        (h, false) => h as u8,
    })
}

fn digit_clock(t: &str, at: usize) -> Option<ClockMatch> {
    let n = digits(t, at);
    let h = num(t, at, n);
    let mut e = at + n;
    let (mut hour, mut minute) = (h, 0u32);
    let mut shaped = false;
    match (n, byte(t, e)) {
        (1 | 2, b':') | (1 | 2, b'.') => {
            let sep = byte(t, e);
            let mn = digits(t, e + 1);
            if mn != 2 {
                return None;
            }
            minute = num(t, e + 1, 2);
            e += 3;
            if sep == b':' && byte(t, e) == b':' && digits(t, e + 1) == 2 {
                e += 3; // seconds
            }
            shaped = sep == b':';
            if sep == b'.' && meridiem(t, e).is_none() {
                return None;
            }
        }
        (1 | 2, _) => {}
        (4, _) => {
            // "0310 UTC": military time needs a zone.
            hour = h / 100;
            minute = h % 100;
            let z = zone_at(t, e)?;
            if hour > 23 || minute > 59 || z.paren {
                return None;
            }
            // "(1200 local time)", "at 0635 Polish time": a zone named with
            // "time" makes four digits a time when the words before them
            // introduce one (else "in 2008 local time..." would be 20:08).
            let named = z.name.ends_with(" time") && military_lead(t, at);
            if !(z.abbreviation || named) {
                return None;
            }
            let mut m = ClockMatch {
                span: Span::new(at, e),
                time: Some(ClockTime {
                    hour: hour as u8,
                    minute: minute as u8,
                }),
                zone: None,
                offset_minutes: None,
            };
            zone_after(t, e, &mut m);
            return Some(m);
        }
        _ => return None,
    }
    if minute > 59 || (word_char_at(t, e) && meridiem(t, e).is_none()) {
        return None;
    }
    // Not a ratio, verse range or bigger number: "1:50,000", "3:16-18".
    if matches!(byte(t, e), b':' | b',' | b'-' | b'/') && byte(t, e + 1).is_ascii_digit() {
        return None;
    }
    let mut strong = false;
    if let Some((me, pm)) = meridiem(t, e) {
        hour = u32::from(hour12(hour, pm)?);
        e = me;
        strong = true;
    } else if !shaped {
        // "5 o'clock".
        let rest = t.get(skip_spaces(t, e)..).unwrap_or("");
        let oclock = ["o'clock", "o\u{2019}clock", "oclock"].iter().find(|p| {
            rest.get(..p.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(p))
        });
        match oclock {
            Some(p) if (1..=12).contains(&hour) => {
                e = skip_spaces(t, e) + p.len();
                strong = true;
            }
            _ => return None,
        }
    }
    if hour > 23 {
        return None;
    }
    let mut m = ClockMatch {
        span: Span::new(at, e),
        time: Some(ClockTime {
            hour: hour as u8,
            minute: minute as u8,
        }),
        zone: None,
        offset_minutes: None,
    };
    zone_after(t, e, &mut m);
    if !strong && m.zone.is_none() && !plain_time_ok(t, at) {
        return None;
    }
    Some(m)
}

/// Whether four digits before a named zone read as a time: a leading zero
/// ("0635"), an opening parenthesis, or a word that introduces a time.
fn military_lead(t: &str, at: usize) -> bool {
    if byte(t, at) == b'0' || t.get(..at).is_some_and(|b| b.trim_end().ends_with('(')) {
        return true;
    }
    let Some((s, e)) = words::prev_word(t, at) else {
        return false;
    };
    Lower::new(t.get(s..e).unwrap_or("")).is_some_and(|w| {
        matches!(
            w.as_str(),
            "at" | "around"
                | "about"
                | "approximately"
                | "by"
                | "until"
                | "till"
                | "before"
                | "after"
                | "from"
                | "to"
        )
    })
}

/// Whether a bare "HH:MM" reads as a time from the word before it.
fn plain_time_ok(t: &str, at: usize) -> bool {
    let Some((s, e)) = words::prev_word(t, at) else {
        return true;
    };
    let Some(w) = Lower::new(t.get(s..e).unwrap_or("")) else {
        return true;
    };
    let w = w.as_str();
    if matches!(
        w,
        "score"
            | "scored"
            | "won"
            | "lost"
            | "beat"
            | "defeated"
            | "ratio"
            | "odds"
            | "verse"
            | "verses"
            | "chapter"
            | "draw"
            | "drew"
            | "lead"
            | "led"
            | "trailed"
            | "trailing"
    ) {
        return false;
    }
    if matches!(
        w,
        "at" | "by"
            | "from"
            | "until"
            | "till"
            | "to"
            | "before"
            | "after"
            | "around"
            | "about"
            | "since"
            | "between"
            | "and"
            | "or"
    ) {
        return true;
    }
    // "John 3:16": a capitalised name before it, unless a day or month.
    if byte(t, s).is_ascii_uppercase() && cal::weekday(w).is_none() && cal::month(w).is_none() {
        let sentence_start = t.get(..s).unwrap_or("").trim_end().is_empty()
            || t.get(..s)
                .unwrap_or("")
                .trim_end()
                .ends_with(['.', '!', '?', '\n']);
        return sentence_start && t.get(e..at).is_some_and(|g| g.trim().is_empty());
    }
    true
}

/// A zone after a time, and an offset in parentheses after the zone.
fn zone_after(t: &str, e: usize, m: &mut ClockMatch) {
    if let Some(z) = zone_at(t, e)
        && !z.paren
    {
        m.zone = Some(z.name);
        m.offset_minutes = z
            .offset
            .filter(|_| z.written_offset.is_some() || z.paren_offset.is_some() || z.utc);
        m.span.end = z.end;
    }
}

struct Zone {
    end: usize,
    name: String,
    /// UTC/GMT-based or an offset given: the offset in minutes.
    offset: Option<i32>,
    /// An offset glued to the zone ("UTC-5").
    written_offset: Option<i32>,
    /// An offset in parentheses after it ("EDT (UTC-5)").
    paren_offset: Option<i32>,
    /// The zone itself is UTC or GMT.
    utc: bool,
    /// An abbreviation (as opposed to "Polish time").
    abbreviation: bool,
    /// It started with "(" (then it belongs to another mention).
    paren: bool,
}

/// An offset right at `i`: "+5", "-5", "−5", "+05:30", "+0530".
fn offset_at(t: &str, i: usize) -> Option<(usize, i32)> {
    let rest = t.get(i..)?;
    let (sign, n) = if rest.starts_with('+') {
        (1, 1)
    } else if rest.starts_with('-') {
        (-1, 1)
    } else if rest.starts_with('\u{2212}') || rest.starts_with('\u{2013}') {
        (-1, 3)
    } else {
        return None;
    };
    let s = i + n;
    let d = digits(t, s);
    let (h, mut mm, mut e) = match d {
        1 | 2 => (num(t, s, d), 0, s + d),
        4 => (num(t, s, 2), num(t, s + 2, 2), s + 4),
        _ => return None,
    };
    if d <= 2 && byte(t, e) == b':' && digits(t, e + 1) == 2 {
        mm = num(t, e + 1, 2);
        e += 3;
    }
    if h > 14 || mm > 59 || word_char_at(t, e) {
        return None;
    }
    Some((e, sign * (h as i32 * 60 + mm as i32)))
}

/// A zone at or after `i` (skipping spaces): "EDT", "UTC-5", "GMT+1", "Polish
/// time", "local time", "Eastern", "ET", with "(UTC-5)" after it.
fn zone_at(t: &str, i: usize) -> Option<Zone> {
    let mut s = skip_spaces(t, i);
    let paren = byte(t, s) == b'(';
    if paren {
        s += 1;
    }
    let (ws, we, w) = word_at_loose(t, s)?;
    if ws != s {
        return None;
    }
    let word = t.get(ws..we)?;
    let lw = w.as_str();
    let upper = word.bytes().all(|b| b.is_ascii_uppercase());
    let mut z = Zone {
        end: we,
        name: String::new(),
        offset: None,
        written_offset: None,
        paren_offset: None,
        utc: false,
        abbreviation: false,
        paren,
    };
    if let Some(off) = zone_offset_minutes(lw)
        .filter(|_| upper || matches!(lw, "utc" | "gmt"))
        .or_else(|| (matches!(lw, "et" | "pt" | "ct" | "mt") && upper).then_some(i32::MIN))
    {
        z.abbreviation = true;
        z.utc = matches!(lw, "utc" | "gmt" | "z");
        z.name.push_str(lw);
        if let Some((e, o)) = offset_at(t, we) {
            z.written_offset = Some(o);
            z.name
                .push_str(&t[we..e].replace(['\u{2212}', '\u{2013}'], "-"));
            z.end = e;
        }
        z.offset = if z.utc {
            Some(z.written_offset.unwrap_or(0))
        } else if off == i32::MIN {
            None
        } else {
            Some(off)
        };
        if !z.utc {
            z.offset = z.written_offset.or(z.offset);
        }
    } else if let Some(te) = zone_name_end(t, ws) {
        // "Central European Time", "Pacific Daylight Time": a regional zone
        // name of several words, from the gazetteer.
        z.name.push_str(&t.get(ws..te)?.to_lowercase());
        z.end = te;
    } else if let Some((_, te, tw)) = word_at(t, we)
        && tw.as_str() == "time"
        && (byte(t, ws).is_ascii_uppercase() || lw == "local")
        && !matches!(
            lw,
            "the" | "a" | "this" | "that" | "same" | "any" | "some" | "each"
        )
    {
        z.name.push_str(lw);
        z.name.push_str(" time");
        z.end = te;
    } else if matches!(lw, "eastern" | "pacific" | "central" | "mountain") {
        z.name.push_str(lw);
        if let Some((_, te, tw)) = word_at(t, we)
            && tw.as_str() == "time"
        {
            z.name.push_str(" time");
            z.end = te;
        }
    } else {
        return None;
    }
    if paren {
        // "(0310 UTC)" belongs to its own time; "(UTC-5)" alone is handled by the caller.
        let close = skip_spaces(t, z.end);
        if byte(t, close) == b')' {
            z.end = close + 1;
        }
        return Some(z);
    }
    // "EDT (UTC-5)".
    let p = skip_spaces(t, z.end);
    if byte(t, p) == b'('
        && let Some((ws2, we2, w2)) = word_at_loose(t, p + 1)
        && ws2 == p + 1
        && matches!(w2.as_str(), "utc" | "gmt")
        && let Some((e, o)) = offset_at(t, we2)
        && byte(t, e) == b')'
    {
        z.paren_offset = Some(o);
        z.offset = Some(o);
        z.end = e + 1;
    }
    Some(z)
}

/// The end of a regional zone name of two to four capitalised words and
/// "time" starting at `ws` ("Central European Summer Time"), when the
/// gazetteer knows it.
fn zone_name_end(t: &str, ws: usize) -> Option<usize> {
    if !byte(t, ws).is_ascii_uppercase() {
        return None;
    }
    let mut e = super::words::letters_end(t.as_bytes(), ws);
    for n in 1..=4 {
        let (s2, e2, w) = word_at(t, e)?;
        if s2 != e + 1 {
            return None;
        }
        if w.as_str() == "time" {
            if n < 2 {
                return None;
            }
            let name = t.get(ws..e2)?.to_lowercase();
            return crate::places::lookup(&name)
                .filter(|p| p.kind == crate::places::Kind::Zone)
                .map(|_| e2);
        }
        if !byte(t, s2).is_ascii_uppercase() {
            return None;
        }
        e = e2;
    }
    None
}

/// Like `word_at`, but the word may be followed by an offset sign or digits ("UTC-5").
fn word_at_loose(t: &str, i: usize) -> Option<(usize, usize, Lower)> {
    let s = skip_spaces(t, i);
    let e = super::words::letters_end(t.as_bytes(), s);
    if e == s || (word_char_at(t, e) && !byte(t, e).is_ascii_digit()) || byte(t, e).is_ascii_digit()
    {
        return None;
    }
    Some((s, e, Lower::in_text(t, s, e)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Found = (String, Option<String>, Option<String>, Option<i32>);

    fn at(text: &str, needle: &str) -> Option<Found> {
        let i = text.find(needle).unwrap();
        let m = parse_clock(text, i)?;
        Some((
            m.span.text(text).to_string(),
            m.time.map(|t| format!("{:02}:{:02}", t.hour, t.minute)),
            m.zone,
            m.offset_minutes,
        ))
    }

    fn check(
        text: &str,
        needle: &str,
        span: &str,
        time: Option<&str>,
        zone: Option<&str>,
        off: Option<i32>,
    ) {
        assert_eq!(
            at(text, needle),
            Some((span.into(), time.map(Into::into), zone.map(Into::into), off)),
            "{text:?}"
        );
    }

    #[test]
    fn times_with_zones() {
        check(
            "at 2:30 p.m. EDT, he",
            "2:30",
            "2:30 p.m. EDT",
            Some("14:30"),
            Some("edt"),
            None,
        );
        check("at 2:30pm.", "2:30", "2:30pm", Some("14:30"), None, None);
        check(
            "at 12:15 a.m.",
            "12",
            "12:15 a.m.",
            Some("00:15"),
            None,
            None,
        );
        check("at 14:30 the", "14", "14:30", Some("14:30"), None, None);
        check(
            "at 0310 UTC the",
            "0310",
            "0310 UTC",
            Some("03:10"),
            Some("utc"),
            Some(0),
        );
        check(
            "13:15 Polish time",
            "13",
            "13:15 Polish time",
            Some("13:15"),
            Some("polish time"),
            None,
        );
        check(
            "8:40 a.m. local time (0310 UTC)",
            "8",
            "8:40 a.m. local time",
            Some("08:40"),
            Some("local time"),
            None,
        );
        check(
            "8:40 a.m. local time (0310 UTC)",
            "0310",
            "0310 UTC",
            Some("03:10"),
            Some("utc"),
            Some(0),
        );
        check(
            "at 9am GMT+1 today",
            "9",
            "9am GMT+1",
            Some("09:00"),
            Some("gmt+1"),
            Some(60),
        );
        check(
            "2:30 p.m. EDT (UTC-4)",
            "2",
            "2:30 p.m. EDT (UTC-4)",
            Some("14:30"),
            Some("edt"),
            Some(-240),
        );
        check(
            "at 13:15 Central European Time (12:15 UTC)",
            "13",
            "13:15 Central European Time",
            Some("13:15"),
            Some("central european time"),
            None,
        );
        check(
            "0700 UTC (1200 local time) the",
            "1200",
            "1200 local time",
            Some("12:00"),
            Some("local time"),
            None,
        );
        check(
            "He died at 0635 local time at",
            "0635",
            "0635 local time",
            Some("06:35"),
            Some("local time"),
            None,
        );
        // Four digits before a named zone need a word that introduces a time.
        assert_eq!(at("elections in 2008 local time", "2008"), None);
        check("by noon", "noon", "noon", Some("12:00"), None, None);
        check("at 5 o'clock", "5", "5 o'clock", Some("05:00"), None, None);
    }

    #[test]
    fn zones_alone() {
        check(
            "times are EDT (UTC-5) here",
            "EDT",
            "EDT (UTC-5)",
            None,
            Some("edt"),
            Some(-300),
        );
        check(
            "in UTC+05:30 zone",
            "UTC",
            "UTC+05:30",
            None,
            Some("utc+05:30"),
            Some(330),
        );
        assert_eq!(at("times are EDT here", "EDT"), None);
        assert_eq!(at("the best in the west", "west"), None);
        assert_eq!(zone_offset_minutes("pst"), Some(-480));
    }

    #[test]
    fn not_times() {
        for (text, needle) in [
            ("the score was 3:2", "3"),
            ("See John 3:16 for that", "3"),
            ("a 1:50,000 map", "1"),
            ("verses 3:16-18", "3"),
            ("he won 2:30 overall", "2"),
            ("2000 soldiers", "2000"),
            ("it rose 2 amendments", "2"),
            ("at 25:10", "25"),
        ] {
            assert_eq!(at(text, needle), None, "{text:?}");
        }
    }

    #[test]
    fn never_panics_on_multibyte() {
        let t = "“2:30” p.m. EDT—(UTC−5) 0310 UTC’s 8:40 a.m. é";
        for i in 0..t.len() {
            if t.is_char_boundary(i) {
                let _ = parse_clock(t, i);
            }
        }
    }
}
