//! Clock times with zones: "2:30 p.m. EDT", "0310 UTC", "13:15 Polish time",
//! and zone offsets such as "EDT (UTC-5)". STUB.

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
    /// An offset from UTC written in the mention, in minutes.
    pub offset_minutes: Option<i32>,
}

/// The standard offset from UTC, in minutes, of a zone abbreviation.
pub fn zone_offset_minutes(abbr: &str) -> Option<i32> {
    let _ = abbr;
    None
}

/// Whether a lower-cased word can start a clock mention (zone abbreviations).
pub fn starts_clock(word_lower: &str) -> bool {
    let _ = word_lower;
    false
}

/// Parses a clock time (or a zone with its offset) starting at byte `at`.
pub fn parse_clock(text: &str, at: usize) -> Option<ClockMatch> {
    let _ = (text, at);
    None
}
