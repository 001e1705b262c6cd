//! Calendar tables and arithmetic shared by the date and clock grammars:
//! month, weekday and number words, day numbers, Easter, and the small
//! day-count arithmetic relative dates need. No allocation anywhere but in
//! [`WORDS`], the role words of `rules/calendar.toml`, parsed once.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

/// `rules/calendar.toml`, embedded.
pub const FILE: &str = include_str!("../../rules/calendar.toml");

/// The role words of dates, durations and ages (`rules/calendar.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub tense: Tense,
    pub event: Event,
    pub age: Age,
    pub ordinal_period: OrdinalPeriod,
    pub seasons: Seasons,
    pub range: Range,
    /// "tomorrow" → 1, "yesterday" → -1.
    pub relative_days: BTreeMap<String, i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tense {
    pub future: Vec<String>,
    pub reach: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub start: Vec<String>,
    pub end: Vec<String>,
    pub reach: usize,
    pub after: Vec<String>,
    pub before: Vec<String>,
    pub inclusive_days: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Age {
    pub before: Vec<String>,
    pub after: Vec<String>,
    pub born: Vec<String>,
    pub reach: usize,
    pub lag_days: i64,
    pub max: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrdinalPeriod {
    pub before: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub connectors: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seasons {
    pub hemisphere: String,
    pub north: BTreeMap<String, Vec<u8>>,
    pub south: BTreeMap<String, Vec<u8>>,
    pub relative: Vec<String>,
}

impl Seasons {
    /// The months of a season (lower case) in the default hemisphere.
    pub fn months(&self, season: &str) -> Option<&[u8]> {
        let table = if self.hemisphere == "south" {
            &self.south
        } else {
            &self.north
        };
        table.get(season).map(Vec::as_slice)
    }
}

impl Words {
    pub fn parse(text: &str) -> Result<Words, toml::de::Error> {
        toml::from_str(text)
    }
}

/// Whether `w` (lower case) is one of `list`.
pub fn listed(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x == w)
}

pub static WORDS: LazyLock<Words> = LazyLock::new(|| match Words::parse(FILE) {
    Ok(w) => w,
    // The embedded file is checked by `tests::calendar_words_parse`.
    Err(e) => panic!("rules/calendar.toml is invalid: {e}"),
});

/// A month name or abbreviation (lower case) → 1..=12.
pub fn month(w: &str) -> Option<u8> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// A weekday name or abbreviation (lower case) → 0 = Monday .. 6 = Sunday.
pub fn weekday(w: &str) -> Option<u8> {
    Some(match w {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    })
}

/// Whether a weekday word is an abbreviation ("Sun", "Wed"): those are
/// ordinary words or names often enough that they need a date after them.
pub fn weekday_is_abbreviation(w: &str) -> bool {
    w.len() <= 5 && !w.ends_with("day")
}

/// A cardinal number word below a hundred's parts (lower case).
pub fn cardinal(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// An ordinal number word (lower case): "first" → 1, "twentieth" → 20.
pub fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count from 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

pub fn is_leap(y: i32) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 31,
    }
}

pub fn valid(y: i32, m: u8, d: u8) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Weekday of a day count, 0 = Monday (1970-01-01 was a Thursday).
pub fn weekday_of(days: i64) -> u8 {
    (days + 3).rem_euclid(7) as u8
}

/// Adds months, clamping the day to the month's length.
pub fn add_months(y: i32, m: u8, d: u8, n: i64) -> (i32, u8, u8) {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + n;
    let ny = total.div_euclid(12) as i32;
    let nm = (total.rem_euclid(12) + 1) as u8;
    (ny, nm, d.min(days_in_month(ny, nm)))
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(y: i32) -> (u8, u8) {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (month as u8, day as u8)
}

/// The `n`th (1-based) weekday `wd` of a month; `n = 5` means the last.
pub fn nth_weekday(y: i32, m: u8, wd: u8, n: u8) -> u8 {
    let first = days_from_civil(y, m, 1);
    let offset = (i64::from(wd) - i64::from(weekday_of(first))).rem_euclid(7) as u8;
    let mut day = 1 + offset + 7 * (n - 1);
    while day > days_in_month(y, m) {
        day -= 7;
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_words_parse() {
        let w = Words::parse(FILE).unwrap();
        assert!(listed(&w.event.start, "began"));
        assert_eq!(w.seasons.months("summer"), Some(&[6, 7, 8][..]));
        assert_eq!(w.relative_days.get("tomorrow"), Some(&1));
    }

    #[test]
    fn day_counts_round_trip() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2024, 2, 29),
            (1900, 3, 1),
            (2100, 12, 31),
            (1733, 4, 6),
        ] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        // 2024-10-18 was a Friday.
        assert_eq!(weekday_of(days_from_civil(2024, 10, 18)), 4);
    }

    #[test]
    fn holidays_and_months() {
        assert_eq!(easter(2018), (4, 1));
        assert_eq!(easter(2019), (4, 21));
        assert_eq!(nth_weekday(2010, 11, 3, 4), 25); // Thanksgiving 2010
        assert_eq!(add_months(2024, 1, 31, 1), (2024, 2, 29));
        assert_eq!(add_months(2024, 1, 15, -2), (2023, 11, 15));
        assert!(!valid(2019, 2, 29));
    }
}
