//! `numcheck extract --format json`: the contract in `json-output.md`.

use serde_json::{Value as Json, json};

use super::{Document, span_json};
use crate::decimal::render;
use crate::quantity::{Kind, Quantity, Value};
use crate::span::LineIndex;

/// One file's quantities as a JSON object.
pub fn file(doc: Document<'_>, quantities: &[Quantity]) -> Json {
    let index = LineIndex::new(doc.text);
    let items: Vec<Json> = quantities
        .iter()
        .map(|q| quantity(doc.text, &index, q))
        .collect();
    json!({ "path": doc.path, "quantities": items })
}

/// The whole document for several files.
pub fn document(files: Vec<Json>) -> Json {
    json!({ "version": 1, "files": files })
}

fn quantity(text: &str, index: &LineIndex, q: &Quantity) -> Json {
    let (low, high) = match (&q.value, q.kind) {
        (Value::Number(_), _) => (q.low.map(render), q.high.map(render)),
        (Value::Date(Some(d)), Kind::Date) => (Some(d.iso()), Some(d.iso())),
        _ => (q.value.render(), q.value.render()),
    };
    let mut o = json!({
        "span": span_json(text, index, q.span),
        "number": {"start": q.number.start, "end": q.number.end, "text": q.number.text(text)},
        "kind": q.kind,
        "value": q.value.render(),
        "low": low,
        "high": high,
        "approx": q.approx,
        "unit": q.unit,
        "per": q.per,
    });
    if let Some(map) = o.as_object_mut() {
        if let Some(noun) = q.noun {
            map.insert("noun".into(), json!(noun.text(text)));
        }
        if let Some(m) = q.marker {
            map.insert(
                "marker".into(),
                json!({"role": m.role, "text": m.span.text(text)}),
            );
        }
        if let Some(a) = q.attribution {
            map.insert("attribution".into(), json!(a.text(text)));
        }
        if q.kind == Kind::Date {
            map.insert("relative".into(), json!(q.date.relative));
            if let Some(w) = q.date.weekday {
                map.insert("weekday".into(), json!(WEEKDAYS.get(w as usize).copied()));
            }
        }
        if q.written.decimal_comma {
            map.insert("decimal_comma".into(), json!(true));
        }
        map.insert(
            "sentence".into(),
            json!({"start": q.sentence.start, "end": q.sentence.end}),
        );
    }
    o
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
