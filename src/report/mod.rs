//! Renders what the library found. One output format, one file.

pub mod check_github;
pub mod check_json;
pub mod check_pretty;
pub mod check_sarif;
pub mod check_short;
pub mod extract_json;
pub mod extract_pretty;

/// A document as the reports see it: its display path and text.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

/// One checked file and its findings, as the reports that cover several
/// files at once (`short`, `github`, `sarif`) take them.
#[derive(Debug, Clone, Copy)]
pub struct CheckedFile<'a> {
    pub doc: Document<'a>,
    pub diagnostics: &'a [crate::diagnostic::Diagnostic],
}

/// The files sorted by path (component by component), each with its findings
/// sorted by position: the order the `short`, `github` and `sarif` reports
/// print in, so their output does not depend on the order the paths were
/// given in. The sorts are stable: equal keys keep their order.
pub fn in_stable_order<'a>(
    files: &[CheckedFile<'a>],
) -> Vec<(Document<'a>, Vec<&'a crate::diagnostic::Diagnostic>)> {
    let mut files: Vec<&CheckedFile<'a>> = files.iter().collect();
    files.sort_by(|a, b| std::path::Path::new(a.doc.path).cmp(std::path::Path::new(b.doc.path)));
    files
        .into_iter()
        .map(|f| {
            let mut found: Vec<&'a crate::diagnostic::Diagnostic> = f.diagnostics.iter().collect();
            found.sort_by(|a, b| {
                (a.span.start, a.span.end, &a.rule, &a.message).cmp(&(
                    b.span.start,
                    b.span.end,
                    &b.rule,
                    &b.message,
                ))
            });
            (f.doc, found)
        })
        .collect()
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
