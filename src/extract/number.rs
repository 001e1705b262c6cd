//! The number grammar (nom): digits with separators, decimals, signs, number
//! words of any size, fractions, scale words and abbreviations, ordinals.
//! STUB: only plain digits so far.

use rust_decimal::Decimal;

use crate::quantity::Written;

/// A numeric expression parsed at a position.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    /// Byte offset just past the expression.
    pub end: usize,
    pub value: Decimal,
    pub written: Written,
    /// An ordinal ("first", "21st", "third-largest").
    pub ordinal: bool,
}

/// Whether a lower-cased word can start a number expression.
pub fn starts_number(word_lower: &str) -> bool {
    matches!(word_lower, "one" | "two" | "three")
}

/// Parses the numeric expression starting at byte `at` of `text`. With
/// `money`, a bare "m" suffix means million ("$1.2m").
pub fn parse_number(text: &str, at: usize, money: bool) -> Option<NumberMatch> {
    let _ = money;
    let rest = text.get(at..)?;
    let b = rest.as_bytes();
    let mut i = 0;
    let mut s = String::new();
    let mut grouped = false;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            s.push(b[i] as char);
        } else if b[i] == b',' && b.get(i + 1).is_some_and(u8::is_ascii_digit) && !s.is_empty() {
            grouped = true;
        } else if b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit) && !s.contains('.') {
            s.push('.');
        } else {
            break;
        }
        i += 1;
    }
    if s.is_empty() {
        return None;
    }
    let mut value: Decimal = s.parse().ok()?;
    let mut end = i;
    for (w, m) in [
        (" million", 1_000_000i64),
        (" billion", 1_000_000_000),
        ("bn", 1_000_000_000),
        ("m", 1_000_000),
    ] {
        if rest[end..].starts_with(w)
            && !rest[end + w.len()..].starts_with(char::is_alphanumeric)
            && (w != "m" || money)
        {
            value *= Decimal::from(m);
            end += w.len();
            break;
        }
    }
    Some(NumberMatch {
        end: at + end,
        value,
        written: Written {
            digits: true,
            grouped,
            ..Written::default()
        },
        ordinal: false,
    })
}
