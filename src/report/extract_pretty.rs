//! `numcheck extract --format pretty`: an aligned table a person can read.

use std::fmt::Write;

use super::Document;
use crate::decimal::render;
use crate::quantity::{Approx, Quantity};
use crate::span::LineIndex;

/// Renders one file's quantities as a table.
pub fn render_file(doc: Document<'_>, quantities: &[Quantity]) -> String {
    let index = LineIndex::new(doc.text);
    let mut rows: Vec<[String; 7]> = vec![[
        "line:col".into(),
        "kind".into(),
        "value".into(),
        "interval".into(),
        "unit".into(),
        "notes".into(),
        "text".into(),
    ]];
    for q in quantities {
        let lc = index.line_column(doc.text, q.span.start);
        let interval = match (q.low, q.high) {
            _ if q.value.number().is_none() => String::new(),
            (Some(l), Some(h)) if l == h => String::new(),
            (l, h) => format!(
                "{}..{}",
                l.map(render).unwrap_or_default(),
                h.map(render).unwrap_or_default()
            ),
        };
        let approx = if q.approx == Approx::Exact {
            String::new()
        } else {
            format!(
                " ({})",
                serde_json::to_value(q.approx)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            )
        };
        let mut unit = q.unit.clone().unwrap_or_default();
        if let Some(per) = q.per {
            unit.push_str(" per ");
            unit.push_str(per);
        }
        let kind = serde_json::to_value(q.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let mut notes: Vec<String> = Vec::new();
        if let Some(m) = q.marker {
            notes.push(format!("{:?}", m.role).to_lowercase());
        }
        if q.date.relative {
            notes.push("relative".into());
        }
        if q.written.decimal_comma {
            notes.push("decimal comma".into());
        }
        rows.push([
            format!("{}:{}", lc.line, lc.column),
            kind,
            q.value.render().unwrap_or_else(|| "?".into()),
            format!("{interval}{approx}"),
            unit,
            notes.join(", "),
            q.span.text(doc.text).replace('\n', " "),
        ]);
    }
    let mut widths = [0usize; 7];
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}", doc.path);
    for r in &rows {
        let mut line = String::new();
        for (k, (c, w)) in r.iter().zip(widths).enumerate() {
            if k == 6 {
                line.push_str(c);
            } else {
                let pad = w - c.chars().count();
                line.push_str(c);
                line.push_str(&" ".repeat(pad + 2));
            }
        }
        let _ = writeln!(out, "  {}", line.trim_end());
    }
    if quantities.is_empty() {
        let _ = writeln!(out, "  (no quantities)");
    }
    out
}
