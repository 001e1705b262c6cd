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
    let len = rest.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 {
        return None;
    }
    let value: Decimal = rest[..len].parse().ok()?;
    Some(NumberMatch {
        end: at + len,
        value,
        written: Written {
            digits: true,
            ..Written::default()
        },
        ordinal: false,
    })
}
