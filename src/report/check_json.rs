//! `numcheck check --format json`: the contract in `json-output.md`.
//!
//! Typed values, serialised as they are written: [`file`] gives one file's
//! object (an element of `files`, and one line of `--format jsonl`), which
//! borrows the document and its findings and converts each span to lines
//! and columns as it is written. Struct fields are in the contract's (sorted)
//! key order.

use serde::Serialize;
use serde::ser::Serializer;

use super::{Document, RunJson, SpanJson, span_json};
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::LineIndex;

/// One file's findings: `{"diagnostics": [...], "path": ...}`.
pub struct FileResult<'a> {
    doc: Document<'a>,
    diagnostics: &'a [Diagnostic],
    index: LineIndex,
}

impl std::fmt::Debug for FileResult<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileResult")
            .field("path", &self.doc.path)
            .field("diagnostics", &self.diagnostics.len())
            .finish()
    }
}

/// One file's findings as its JSON object (see [`FileResult`]).
pub fn file<'a>(doc: Document<'a>, diagnostics: &'a [Diagnostic]) -> FileResult<'a> {
    FileResult {
        doc,
        diagnostics,
        index: LineIndex::new(doc.text),
    }
}

impl Serialize for FileResult<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'b> {
            diagnostics: Items<'b>,
            path: &'b str,
        }
        struct Items<'b>(&'b FileResult<'b>);
        impl Serialize for Items<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let f = self.0;
                s.collect_seq(
                    f.diagnostics
                        .iter()
                        .map(|d| diagnostic(f.doc.text, &f.index, d)),
                )
            }
        }
        Shape {
            diagnostics: Items(self),
            path: self.doc.path,
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

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiagnosticJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixes: Option<Vec<FixJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    pub message: &'a str,
    pub related: Vec<RelatedJson<'a>>,
    pub rule: &'a str,
    pub severity: Severity,
    pub span: SpanJson<'a>,
}

/// Another mention a finding points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelatedJson<'a> {
    pub message: &'a str,
    pub span: SpanJson<'a>,
}

/// A suggested edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FixJson<'a> {
    pub replacement: &'a str,
    pub span: SpanJson<'a>,
}

fn diagnostic<'a>(text: &'a str, index: &LineIndex, d: &'a Diagnostic) -> DiagnosticJson<'a> {
    DiagnosticJson {
        fixes: (!d.fixes.is_empty()).then(|| {
            d.fixes
                .iter()
                .map(|f| FixJson {
                    replacement: &f.replacement,
                    span: span_json(text, index, f.span),
                })
                .collect()
        }),
        help: d.help.as_deref(),
        message: &d.message,
        related: d
            .related
            .iter()
            .map(|r| RelatedJson {
                message: &r.message,
                span: span_json(text, index, r.span),
            })
            .collect(),
        rule: &d.rule,
        severity: d.severity,
        span: span_json(text, index, d.span),
    }
}
