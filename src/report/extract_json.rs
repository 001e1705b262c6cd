//! `numcheck extract --format json`: the contract in `json-output.md`.
//!
//! Typed values, serialised as they are written: [`file`] gives one file's
//! object (an element of `files`, and one line of `--format jsonl`), which
//! borrows the document and its quantities and builds each quantity's object
//! only as it is written, so a long document's report is never held whole.
//! Struct fields are in the contract's (sorted) key order.

use serde::Serialize;
use serde::ser::Serializer;

use super::{Document, RunJson, SpanJson, span_json};
use crate::decimal::render;
use crate::quantity::{Approx, Kind, MarkerRole, Quantity, Value};
use crate::span::LineIndex;

/// One file's quantities: `{"path": ..., "quantities": [...]}`.
pub struct FileResult<'a> {
    doc: Document<'a>,
    quantities: &'a [Quantity],
    index: LineIndex,
}

impl std::fmt::Debug for FileResult<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileResult")
            .field("path", &self.doc.path)
            .field("quantities", &self.quantities.len())
            .finish()
    }
}

/// One file's quantities as its JSON object (see [`FileResult`]).
pub fn file<'a>(doc: Document<'a>, quantities: &'a [Quantity]) -> FileResult<'a> {
    FileResult {
        doc,
        quantities,
        index: LineIndex::new(doc.text),
    }
}

impl Serialize for FileResult<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'b> {
            path: &'b str,
            quantities: Items<'b>,
        }
        struct Items<'b>(&'b FileResult<'b>);
        impl Serialize for Items<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let f = self.0;
                s.collect_seq(
                    f.quantities
                        .iter()
                        .map(|q| quantity(f.doc.text, &f.index, q)),
                )
            }
        }
        Shape {
            path: self.doc.path,
            quantities: Items(self),
        }
        .serialize(s)
    }
}

/// The whole document for several files: `{"files": [...], "version": 1}`.
pub fn document(files: Vec<FileResult<'_>>) -> RunJson<FileResult<'_>> {
    RunJson {
        files,
        version: super::JSON_VERSION,
    }
}

/// One quantity as the contract writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuantityJson<'a> {
    pub approx: Approx,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub decimal_comma: bool,
    pub high: Option<String>,
    pub kind: Kind,
    pub low: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<MarkerJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub noun: Option<&'a str>,
    pub number: NumberJson<'a>,
    pub per: Option<&'a str>,
    /// Dates only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative: Option<bool>,
    pub sentence: Offsets,
    pub span: SpanJson<'a>,
    pub unit: Option<&'a str>,
    pub value: Option<String>,
    /// Dates that name a weekday only (`null` for an impossible weekday).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<Option<&'static str>>,
}

/// The numeric expression: offsets and text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NumberJson<'a> {
    pub end: usize,
    pub start: usize,
    pub text: &'a str,
}

/// Byte offsets alone (the sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Offsets {
    pub end: usize,
    pub start: usize,
}

/// A context marker: its role and words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MarkerJson<'a> {
    pub role: MarkerRole,
    pub text: &'a str,
}

/// The quantity `q` of `text` as the contract writes it.
pub fn quantity<'a>(text: &'a str, index: &LineIndex, q: &'a Quantity) -> QuantityJson<'a> {
    let (low, high) = match (&q.value, q.kind) {
        (Value::Number(_), _) => (q.low.map(render), q.high.map(render)),
        (Value::Date(Some(d)), Kind::Date) => (Some(d.iso()), Some(d.iso())),
        _ => (q.value.render(), q.value.render()),
    };
    let date = q.kind == Kind::Date;
    QuantityJson {
        approx: q.approx,
        attribution: q.attribution.map(|a| a.text(text)),
        decimal_comma: q.written.decimal_comma,
        high,
        kind: q.kind,
        low,
        marker: q.marker.map(|m| MarkerJson {
            role: m.role,
            text: m.span.text(text),
        }),
        noun: q.noun.map(|n| n.text(text)),
        number: NumberJson {
            end: q.number.end,
            start: q.number.start,
            text: q.number.text(text),
        },
        per: q.per,
        relative: date.then_some(q.date.relative),
        sentence: Offsets {
            end: q.sentence.end,
            start: q.sentence.start,
        },
        span: span_json(text, index, q.span),
        unit: q.unit.as_deref(),
        value: q.value.render(),
        weekday: if date {
            q.date
                .weekday
                .map(|w| WEEKDAYS.get(usize::from(w)).copied())
        } else {
            None
        },
    }
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
