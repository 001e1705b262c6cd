//! Renders what the library found. One output format, one file.

pub mod check_json;
pub mod check_pretty;
pub mod extract_json;
pub mod extract_pretty;

/// A document as the reports see it: its display path and text.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

/// A span as the JSON contract writes it: byte offsets, 1-based line and
/// character column, and the exact text.
pub fn span_json(
    text: &str,
    index: &crate::span::LineIndex,
    span: crate::span::Span,
) -> serde_json::Value {
    let lc = index.line_column(text, span.start);
    serde_json::json!({
        "start": span.start,
        "end": span.end,
        "line": lc.line,
        "column": lc.column,
        "text": span.text(text),
    })
}
