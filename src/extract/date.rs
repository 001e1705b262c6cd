//! Dates: absolute ("Oct. 18, 2024", "2024-10-18"), months and years, weekdays
//! and relative dates ("this October", "last month"), resolved against the
//! document date when one is known. STUB.

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
/// relative words such as "yesterday", "last", "this").
pub fn starts_date(word_lower: &str) -> bool {
    let _ = word_lower;
    false
}

/// Parses a date starting at byte `at`. `document_date` resolves relative dates.
pub fn parse_date(
    text: &str,
    at: usize,
    document_date: Option<jiff::civil::Date>,
) -> Option<DateMatch> {
    let _ = (text, at, document_date);
    None
}
