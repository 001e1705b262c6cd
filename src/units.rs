//! The units lexicon (`rules/units.toml`): measures, currencies, percentages
//! and time units, with conversion factors held as data. STUB.

use rust_decimal::Decimal;

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    Length,
    Area,
    Volume,
    Mass,
    Temperature,
    Speed,
    Energy,
    Power,
    Data,
    Time,
    Currency,
    Percent,
}

/// One unit of the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Normalised code: "km", "usd", "percent", "year".
    pub code: String,
    pub dimension: Dimension,
    /// Multiply by this to get the dimension's base unit (m, m2, l, kg, k, m/s, j, w, byte, s).
    pub factor: Decimal,
    /// Add this after multiplying (temperatures).
    pub offset: Decimal,
}

/// A unit written after a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitMatch {
    /// Byte offset where the unit's text starts (after any space or hyphen).
    pub start: usize,
    pub end: usize,
    pub unit: &'static Unit,
}

/// The unit written right after a number ending at `at` ("km", " per cent", "-year").
pub fn unit_after(text: &str, at: usize) -> Option<UnitMatch> {
    let _ = (text, at);
    None
}

/// A currency written before a number, starting at `at` ("$", "US$", "€",
/// "USD ", "Rs "). Returns the offset where the number may start.
pub fn currency_before(text: &str, at: usize) -> Option<(usize, &'static Unit)> {
    let _ = (text, at);
    None
}

/// Whether a lower-cased word can start a currency prefix ("usd", "rs", "isk", "us").
pub fn starts_currency(word_lower: &str) -> bool {
    let _ = word_lower;
    false
}

/// The unit with this code.
pub fn lookup(code: &str) -> Option<&'static Unit> {
    let _ = code;
    None
}
