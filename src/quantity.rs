//! What the extractor finds: quantities with exact decimal intervals, units,
//! time bases, dates and the context a claim needs.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::span::Span;

/// What kind of quantity a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A number of things: "3,000 North Korean soldiers".
    Count,
    /// An amount of money: "$3bn", "ISK 24,766 million".
    Money,
    /// A percentage, percentage points, basis points or a share ("one in five").
    Percent,
    /// A physical measure: length, area, volume, mass, temperature, speed, energy, data.
    Measure,
    /// A length of time: "three weeks", "two and a half years".
    Duration,
    /// A calendar date, month or year: "Oct. 18, 2024", "this October", "in 2022".
    Date,
    /// A clock time, with its zone when one is written: "2:30 p.m. EDT".
    Time,
    /// A bare number with no unit or counted noun.
    Number,
    /// An ordinal: "first", "21st", "third-largest".
    Ordinal,
}

/// How the wording bounds the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Approx {
    Exact,
    /// "about", "around", "roughly", "some", "nearly": a hedge; see `Quantity::low`/`high`.
    About,
    /// "at least": low is included.
    AtLeast,
    /// "more than", "over": low is excluded.
    MoreThan,
    /// "up to", "at most", "as many as": high is included.
    AtMost,
    /// "fewer than", "under": high is excluded.
    LessThan,
    /// "between 200 and 300", "200-300".
    Range,
    /// "thousands", "dozens", "a few".
    Vague,
}

/// The role a context marker gives the quantity in its claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkerRole {
    /// "additional", "another", "a further", "more".
    Increment,
    /// "in total", "in all", "altogether", "bringing the total to".
    Total,
    /// "of whom", "of which", "including", "among them".
    Part,
}

/// A context marker and where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Marker {
    pub role: MarkerRole,
    pub span: Span,
}

/// A calendar value: a year, a month of a year, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl CalendarDate {
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// The full day, when this is one and it exists.
    pub fn civil(&self) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(self.year, self.month?, self.day?).ok()
    }
}

/// A clock time: 24-hour hour and minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClockTime {
    pub hour: u8,
    pub minute: u8,
}

/// The value of a mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Number(Decimal),
    /// A resolved date, or `None` for a relative date with no document date.
    Date(Option<CalendarDate>),
    Time(ClockTime),
    /// A time zone written alone with its offset ("EDT (UTC-5)"): no clock value.
    Zone,
}

impl Value {
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Number(d) => Some(*d),
            _ => None,
        }
    }

    /// The value as the JSON contract writes it; `None` for an unresolved date.
    pub fn render(&self) -> Option<String> {
        match self {
            Value::Number(d) => Some(crate::decimal::render(*d)),
            Value::Date(Some(d)) => Some(d.iso()),
            Value::Date(None) => None,
            Value::Time(t) => Some(format!("{:02}:{:02}", t.hour, t.minute)),
            Value::Zone => None,
        }
    }
}

/// Extra facts about a date mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateInfo {
    /// The date is written relative to the document's date ("on Wednesday",
    /// "this October", "last year").
    pub relative: bool,
    /// The weekday the text claims for this date ("Thursday, October 18"),
    /// 0 = Monday.
    pub weekday: Option<u8>,
}

/// Flags about how the number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Written {
    /// Written in digits (as opposed to words).
    pub digits: bool,
    /// A decimal comma read as a decimal point ("1,8 billion").
    pub decimal_comma: bool,
    /// Digits grouped with separators ("3,000"); false for "3000".
    pub grouped: bool,
    /// Digits that run into letters ("3G", "4K"): part of a name, not a figure.
    pub in_name: bool,
    /// A compound modifier sizing a thing ("a 30-member cabinet", "the 240
    /// member parliament"): a property of what it names.
    pub attributive: bool,
}

/// One quantity found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The whole mention, including bounds words, unit and counted noun.
    pub span: Span,
    /// The numeric expression itself ("3,000", "two and a half", "$3bn").
    pub number: Span,
    pub kind: Kind,
    pub value: Value,
    /// Lower end of the interval the wording allows; `None` when open.
    pub low: Option<Decimal>,
    /// Upper end; `None` when open.
    pub high: Option<Decimal>,
    pub approx: Approx,
    /// Normalised unit or counted-noun lemma ("soldier", "km", "usd", "percent").
    pub unit: Option<String>,
    /// The counted noun phrase as written ("North Korean soldiers").
    pub noun: Option<Span>,
    /// The time base of a rate: "day", "week", "month", "year", "hour".
    pub per: Option<&'static str>,
    pub written: Written,
    pub date: DateInfo,
    /// Context markers governing this quantity.
    pub marker: Option<Marker>,
    /// The sentence the mention is in.
    pub sentence: Span,
    /// The attribution of the sentence ("according to Kirby", "Kirby said").
    pub attribution: Option<Span>,
    /// For clock times and zones: an offset from UTC written in the mention,
    /// in minutes ("UTC-5" → -300).
    pub zone_offset: Option<i32>,
}

/// How far back into its sentence a rule reads before a figure, in bytes.
/// Bounds the work per figure, so long sentences stay linear.
pub const LEAD_BYTES: usize = 300;

impl Quantity {
    /// The start of the text before the figure that rules read: its sentence
    /// start, or [`LEAD_BYTES`] before it in a very long sentence.
    pub fn lead_start(&self, text: &str) -> usize {
        let mut start = self
            .sentence
            .start
            .max(self.span.start.saturating_sub(LEAD_BYTES));
        while start < self.span.start && !text.is_char_boundary(start) {
            start += 1;
        }
        start
    }

    /// The text of its sentence before the figure (bounded, see [`Quantity::lead_start`]).
    pub fn lead<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.lead_start(text)..self.span.start)
            .unwrap_or("")
    }

    /// A new exact quantity; callers fill in the rest.
    pub fn new(span: Span, number: Span, kind: Kind, value: Value) -> Self {
        let n = value.number();
        Quantity {
            span,
            number,
            kind,
            value,
            low: n,
            high: n,
            approx: Approx::Exact,
            unit: None,
            noun: None,
            per: None,
            written: Written::default(),
            date: DateInfo::default(),
            marker: None,
            sentence: Span::default(),
            attribution: None,
            zone_offset: None,
        }
    }
}
