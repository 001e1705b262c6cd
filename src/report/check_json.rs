//! `numcheck check --format json`: the contract in `json-output.md`.

use serde_json::{Value as Json, json};

use super::{Document, span_json};
use crate::diagnostic::Diagnostic;
use crate::span::LineIndex;

/// One file's findings as a JSON object.
pub fn file(doc: Document<'_>, diagnostics: &[Diagnostic]) -> Json {
    let index = LineIndex::new(doc.text);
    let items: Vec<Json> = diagnostics
        .iter()
        .map(|d| diagnostic(doc.text, &index, d))
        .collect();
    json!({ "path": doc.path, "diagnostics": items })
}

/// The whole document for several files.
pub fn document(files: Vec<Json>) -> Json {
    json!({ "version": 1, "files": files })
}

fn diagnostic(text: &str, index: &LineIndex, d: &Diagnostic) -> Json {
    let related: Vec<Json> = d
        .related
        .iter()
        .map(|r| json!({"span": span_json(text, index, r.span), "message": r.message}))
        .collect();
    let mut o = json!({
        "rule": d.rule,
        "severity": d.severity,
        "message": d.message,
        "span": span_json(text, index, d.span),
        "related": related,
    });
    if let Some(map) = o.as_object_mut() {
        if let Some(help) = &d.help {
            map.insert("help".into(), json!(help));
        }
        if !d.fixes.is_empty() {
            let fixes: Vec<Json> = d
                .fixes
                .iter()
                .map(|f| json!({"span": span_json(text, index, f.span), "replacement": f.replacement}))
                .collect();
            map.insert("fixes".into(), json!(fixes));
        }
    }
    o
}
