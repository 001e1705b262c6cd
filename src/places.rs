//! The gazetteer: countries, demonyms, US states, cities and regional zone
//! names, each with its country and time zone, generated from GeoNames and
//! CLDR data by `tools/gazetteer/generate.py` into `rules/places.tsv`
//! (provenance and licences in `tools/gazetteer/README.md`).
//!
//! The table is embedded, sorted by name; the first look-up indexes its
//! names (one pass, under a millisecond) and each look-up is a binary search
//! over them.
//!
//! Resolution is conservative: a name the table marks ambiguous (no zone),
//! or places with different clocks named together, give no zone.

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::span::Span;

const TABLE: &str = include_str!("../rules/places.tsv");

/// What a name in the table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Country,
    /// "Polish", "Ukrainian".
    Demonym,
    /// A US state, a nation of the United Kingdom.
    Region,
    City,
    /// A regional zone name: "Eastern Time", "Central European Time".
    Zone,
}

/// The clock of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// An IANA zone id, evaluated at a date with the bundled tz database.
    Iana(&'static str),
    /// A fixed offset from UTC in minutes ("Eastern Standard Time": -300).
    Fixed(i32),
}

/// Which gallon a plain "gallon" means in a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gallon {
    Us,
    Imperial,
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub kind: Kind,
    /// ISO 3166-1 alpha-2 country code; empty when unknown or shared.
    pub iso: &'static str,
    /// `None`: the place has no single clock (or the name is ambiguous).
    pub zone: Option<Zone>,
    pub gallon: Option<Gallon>,
}

/// The table's rows, after its comment lines: sorted by name (byte order), so
/// a name is found by binary search (see [`row_index`]).
fn rows() -> &'static str {
    let mut body = TABLE;
    while body.starts_with('#') {
        body = body.find('\n').map_or("", |i| &body[i + 1..]);
    }
    body
}

/// The row for `name`, by binary search over the names of sorted `rows`.
fn find_row(rows: &'static str, name: &str) -> Option<&'static str> {
    let index = row_index(rows);
    let k = index.binary_search_by(|(key, _)| (*key).cmp(name)).ok()?;
    index.get(k).map(|&(_, line)| line)
}

/// Each row's name and line, in table order: built on the first look-up
/// (one pass over the table, well under a millisecond), so a look-up is a
/// binary search over names rather than over the text's lines (a document
/// naming many places costs a few compares per name).
fn row_index(rows: &'static str) -> &'static [(&'static str, &'static str)] {
    static INDEX: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        rows.lines()
            .filter(|line| !line.is_empty())
            .map(|line| (line.split('\t').next().unwrap_or(""), line))
            .collect()
    })
}

/// One row: `name kind iso zone gallon`.
fn parse_row(line: &'static str) -> Option<Place> {
    let mut cols = line.split('\t');
    let (_, kind, iso, zone) = (cols.next()?, cols.next()?, cols.next()?, cols.next()?);
    let kind = match kind {
        "country" => Kind::Country,
        "demonym" => Kind::Demonym,
        "state" | "region" => Kind::Region,
        "city" => Kind::City,
        "zone" => Kind::Zone,
        _ => return None,
    };
    let gallon = match cols.next() {
        Some("us") => Some(Gallon::Us),
        Some("imperial") => Some(Gallon::Imperial),
        _ => None,
    };
    let zone = if zone.is_empty() {
        None
    } else if zone.starts_with(['+', '-']) {
        fixed_offset(zone).map(Zone::Fixed)
    } else {
        Some(Zone::Iana(zone))
    };
    Some(Place {
        kind,
        iso,
        zone,
        gallon,
    })
}

/// "+05:30" → 330, "-05:00" → -300.
fn fixed_offset(s: &str) -> Option<i32> {
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let (h, m) = s.get(1..)?.split_once(':')?;
    Some(sign * (h.parse::<i32>().ok()? * 60 + m.parse::<i32>().ok()?))
}

/// The place a lower-case name stands for.
pub fn lookup(name_lower: &str) -> Option<Place> {
    find_row(rows(), name_lower).and_then(parse_row)
}

/// The zone named before "time" in a clock mention's zone ("polish time",
/// "kyiv time", "eastern time", "central european summer time", "eastern"):
/// a zone name, else a place or demonym with one clock. `None` for "local
/// time" (see [`local_zone`]) and for unknown or ambiguous names.
pub fn named_zone(zone_lower: &str) -> Option<Zone> {
    if zone_lower == "local time" {
        return None;
    }
    let full = if zone_lower.ends_with(" time") {
        std::borrow::Cow::Borrowed(zone_lower)
    } else {
        std::borrow::Cow::Owned(format!("{zone_lower} time"))
    };
    if let Some(p) = lookup(&full).filter(|p| p.kind == Kind::Zone) {
        return p.zone;
    }
    let name = full.strip_suffix(" time")?;
    lookup(name).and_then(|p| p.zone)
}

/// Minutes from UTC of `zone` at noon on `date`.
pub fn offset_at(zone: Zone, date: Date) -> Option<i32> {
    match zone {
        Zone::Fixed(m) => Some(m),
        Zone::Iana(id) => {
            let tz = TimeZone::get(id).ok()?;
            let ts = tz.to_timestamp(date.at(12, 0, 0, 0)).ok()?;
            Some(tz.to_offset(ts).seconds() / 60)
        }
    }
}

/// A place named in prose, with where it is written.
#[derive(Debug, Clone, Copy)]
pub struct Named {
    pub span: Span,
    pub place: Place,
}

/// The places named in `text[range]`: runs of capitalised words ("New York",
/// "U.S.", "Thailand's") that are a name of the table as a whole — so
/// "Lahore Police Chief Malik Iqbal" names nothing, and a person's surname
/// ("Mesa, the president") is only read as a place when it stands alone. A
/// run that opens a sentence may drop its first word ("In Baghdad").
pub fn named_in(text: &str, range: Span) -> Vec<Named> {
    let mut out = Vec::new();
    each_named(text, range, |n| {
        out.push(n);
        true
    });
    out
}

/// Calls `f` on each place [`named_in`] finds, in order, until `f` returns
/// false (so a question answered early does not read the rest of a long text).
pub fn each_named(text: &str, range: Span, mut f: impl FnMut(Named) -> bool) {
    let Some(part) = text.get(range.start..range.end) else {
        return;
    };
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut sentence_start = true;
    // Whether to go on.
    let flush =
        |words: &mut Vec<(usize, usize)>, f: &mut dyn FnMut(Named) -> bool, opens: bool| -> bool {
            if words.is_empty() {
                return true;
            }
            // "In Baghdad": a short word (a preposition, an article) opening a
            // sentence is capitalised for that alone.
            let first = usize::from(
                opens && words.len() > 1 && part[words[0].0..words[0].1].chars().count() <= 3,
            );
            for skip in 0..=first {
                let (s, _) = words[skip];
                let (_, e) = words[words.len() - 1];
                if let Some(place) = name_at(part, s, e) {
                    words.clear();
                    return f(Named {
                        span: Span::new(range.start + s, range.start + e),
                        place,
                    });
                }
            }
            words.clear();
            true
        };
    let mut run_opens = false;
    let mut chars = part.char_indices().peekable();
    while let Some((s, c)) = chars.next() {
        if c.is_alphabetic() {
            // A word: letters, with inner dots, hyphens and apostrophes.
            let mut e = s + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let inner = matches!(d, '.' | '-' | '\'' | '\u{2019}')
                    && part[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                if d.is_alphabetic() || inner {
                    chars.next();
                    e = j + d.len_utf8();
                } else {
                    break;
                }
            }
            // "U.S." keeps its final dot.
            if part[s..e].contains('.') && part[e..].starts_with('.') {
                chars.next();
                e += 1;
            }
            let glued = words
                .last()
                .is_some_and(|&(_, pe)| part.get(pe..s) == Some(" "));
            if c.is_uppercase() {
                if !glued {
                    if !flush(&mut words, &mut f, run_opens) {
                        return;
                    }
                    run_opens = sentence_start;
                }
                words.push((s, e));
            } else if !flush(&mut words, &mut f, run_opens) {
                return;
            }
            sentence_start = false;
        } else {
            if matches!(c, '.' | '!' | '?' | '\n') {
                sentence_start = true;
            } else if !c.is_whitespace() && !matches!(c, '"' | '(' | '\'' | '\u{201c}' | '\u{2018}')
            {
                sentence_start = false;
            }
            if c != ' ' && !flush(&mut words, &mut f, run_opens) {
                return;
            }
        }
    }
    flush(&mut words, &mut f, run_opens);
}

/// The table's place for `part[s..e]`, without a possessive "'s".
fn name_at(part: &str, s: usize, e: usize) -> Option<Place> {
    let name = part.get(s..e)?;
    let name = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))
        .unwrap_or(name);
    let lower = name.to_lowercase();
    let place = lookup(&lower)?;
    // An initialism ("ALP", "ABC") names a country ("US", "UK") or nothing.
    let initialism = name.chars().count() <= 3 && name.chars().all(|c| c.is_uppercase());
    (!initialism || place.kind == Kind::Country).then_some(place)
}

/// The zone "local time" stands for: the places named in the first of
/// `scopes` (sentence, paragraph, dateline) that names any place with a
/// clock. Places named together must keep one clock on `date`, else there is
/// no zone. Demonyms and zone names do not place a story; a city of another
/// country than the one a scope names is taken for a namesake ("Yala,
/// Thailand").
pub fn local_zone(text: &str, scopes: &[Span], date: Date) -> Option<Zone> {
    for &scope in scopes {
        let named = named_in(text, scope);
        let places: Vec<Place> = named
            .iter()
            .map(|n| n.place)
            .filter(|p| !matches!(p.kind, Kind::Demonym | Kind::Zone))
            .collect();
        let countries: Vec<&str> = places
            .iter()
            .filter(|p| p.kind == Kind::Country && !p.iso.is_empty())
            .map(|p| p.iso)
            .collect();
        let mut found: Option<(Zone, i32)> = None;
        for p in places {
            if !countries.is_empty() && p.kind != Kind::Country && !countries.contains(&p.iso) {
                continue;
            }
            let Some(zone) = p.zone else {
                continue;
            };
            let offset = offset_at(zone, date)?;
            match found {
                None => found = Some((zone, offset)),
                Some((_, o)) if o == offset => {}
                Some(_) => return None,
            }
        }
        if let Some((zone, _)) = found {
            return Some(zone);
        }
    }
    None
}

/// Which gallon the places named in `text` agree on: `Some(Some(g))` when
/// every place with a gallon locale has the same one, `Some(None)` when they
/// disagree (a story set in Scotland quoting a U.S. owner), `None` when no
/// place tells.
pub fn gallon_locale(text: &str) -> Option<Option<Gallon>> {
    let mut seen: Option<Gallon> = None;
    let mut mixed = false;
    // Stops at the first place that disagrees.
    each_named(text, Span::new(0, text.len()), |n| {
        if matches!(n.place.kind, Kind::Demonym | Kind::Zone) {
            return true;
        }
        let Some(g) = n.place.gallon else {
            return true;
        };
        match seen {
            None => seen = Some(g),
            Some(s) if s == g => {}
            Some(_) => mixed = true,
        }
        !mixed
    });
    if mixed { Some(None) } else { seen.map(Some) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        named_in(text, Span::new(0, text.len()))
            .iter()
            .map(|n| n.span.text(text))
            .collect()
    }

    fn date(s: &str) -> Date {
        s.parse().expect("a date")
    }

    #[test]
    fn table_is_sorted_for_binary_search() {
        let names: Vec<&str> = rows()
            .lines()
            .map(|l| l.split('\t').next().unwrap_or(""))
            .collect();
        assert!(names.len() > 10_000);
        assert!(
            names.windows(2).all(|w| w[0] < w[1]),
            "rules/places.tsv is not sorted"
        );
        // Every row is found, the first and last included.
        for n in [names[0], names[names.len() / 2], names[names.len() - 1]] {
            assert!(lookup(n).is_some(), "{n}");
        }
        assert_eq!(lookup("zzzz-no-such-place"), None);
        assert_eq!(lookup(""), None);
    }

    #[test]
    fn table_loads() {
        assert_eq!(lookup("poland").map(|p| p.iso), Some("PL"));
        assert_eq!(
            lookup("polish").and_then(|p| p.zone),
            Some(Zone::Iana("Europe/Warsaw"))
        );
        assert_eq!(
            lookup("eastern standard time").and_then(|p| p.zone),
            Some(Zone::Fixed(-300))
        );
        assert_eq!(lookup("u.s.").and_then(|p| p.gallon), Some(Gallon::Us));
        assert_eq!(
            lookup("scotland").and_then(|p| p.gallon),
            Some(Gallon::Imperial)
        );
        // Several zones: no single one.
        assert_eq!(lookup("united states").and_then(|p| p.zone), None);
    }

    #[test]
    fn zones_by_date() {
        let z = named_zone("polish time").expect("a zone");
        assert_eq!(offset_at(z, date("2024-07-01")), Some(120));
        assert_eq!(offset_at(z, date("2024-01-10")), Some(60));
        let z = named_zone("kyiv time").expect("a zone");
        assert_eq!(offset_at(z, date("2024-08-13")), Some(180));
        let z = named_zone("eastern time").expect("a zone");
        assert_eq!(offset_at(z, date("2011-07-21")), Some(-240));
        assert_eq!(
            named_zone("eastern").and_then(|z| offset_at(z, date("2011-01-21"))),
            Some(-300)
        );
        assert_eq!(named_zone("local time"), None);
        assert_eq!(named_zone("summer time"), None);
    }

    #[test]
    fn names_in_prose() {
        assert_eq!(
            names("an explosion near a mosque in Fatahpur, Pakistan, at 10:30 pm"),
            vec!["Pakistan"]
        );
        assert_eq!(
            names("Lahore Police Chief Malik Iqbal says"),
            Vec::<&str>::new()
        );
        assert_eq!(
            names("In Baghdad, the U.S. military said"),
            vec!["Baghdad", "U.S."]
        );
        assert_eq!(names("one of Thailand's provinces"), vec!["Thailand's"]);
        assert_eq!(
            names("flights to New York and Kyiv"),
            vec!["New York", "Kyiv"]
        );
    }

    #[test]
    fn local_time_is_conservative() {
        let d = date("2007-07-17");
        let t = "Taking place in Yala, the capital of one of Thailand's provinces.";
        let z = local_zone(t, &[Span::new(0, t.len())], d);
        assert_eq!(z.and_then(|z| offset_at(z, d)), Some(420));
        // Two clocks named together: no zone.
        let t = "Officials in Baghdad and Washington, D.C. and New York said.";
        assert_eq!(local_zone(t, &[Span::new(0, t.len())], d), None);
        // Nothing named: no zone.
        let t = "The attack took place at 12:30 local time.";
        assert_eq!(local_zone(t, &[Span::new(0, t.len())], d), None);
    }

    #[test]
    fn gallon_locales() {
        assert_eq!(
            gallon_locale("Minnesota, a U.S. state"),
            Some(Some(Gallon::Us))
        );
        assert_eq!(
            gallon_locale("Scotland's rivers; the distillery's U.S. owner"),
            Some(None)
        );
        assert_eq!(gallon_locale("a farm in Kiribati"), None);
    }

    #[test]
    fn never_panics_on_multibyte() {
        let t = "«Kyiv» — Québec’s Zürich, É. U.S.";
        for s in 0..=t.len() {
            for e in s..=t.len() {
                let _ = named_in(t, Span::new(s, e));
            }
        }
    }
}
