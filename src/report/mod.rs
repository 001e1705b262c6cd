//! Renders what the library found. One output format, one file.

pub mod check_github;
pub mod check_json;
pub mod check_pretty;
pub mod check_sarif;
pub mod check_short;
pub mod extract_json;
pub mod extract_pretty;

use std::io::Write;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

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
        .map(|f| (f.doc, in_position_order(f.diagnostics)))
        .collect()
}

/// One file's findings sorted by position (then rule and message; stable),
/// as [`in_stable_order`] sorts them. A caller streaming files already in
/// path order sorts each file's findings with this.
pub fn in_position_order(
    diagnostics: &[crate::diagnostic::Diagnostic],
) -> Vec<&crate::diagnostic::Diagnostic> {
    let mut found: Vec<&crate::diagnostic::Diagnostic> = diagnostics.iter().collect();
    found.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule, &a.message).cmp(&(
            b.span.start,
            b.span.end,
            &b.rule,
            &b.message,
        ))
    });
    found
}

/// A span as the JSON contract writes it: byte offsets, 1-based line and
/// character column, and the exact text. Fields in the contract's (sorted)
/// key order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SpanJson<'a> {
    pub column: usize,
    pub end: usize,
    pub line: usize,
    pub start: usize,
    pub text: &'a str,
}

/// [`SpanJson`] for `span` of `text`.
pub fn span_json<'a>(
    text: &'a str,
    index: &crate::span::LineIndex,
    span: crate::span::Span,
) -> SpanJson<'a> {
    let lc = index.line_column(text, span.start);
    SpanJson {
        column: lc.column,
        end: span.end,
        line: lc.line,
        start: span.start,
        text: span.text(text),
    }
}

/// The whole-run JSON document of `check` and `extract`:
/// `{"files": [...], "version": 1}` (keys sorted, as the contract writes them).
#[derive(Debug, Clone, Serialize)]
pub struct RunJson<F> {
    pub files: Vec<F>,
    pub version: u32,
}

/// The version of the JSON contract (`json-output.md`).
pub const JSON_VERSION: u32 = 1;

/// Writes the whole-run JSON document of `check` or `extract` file by file,
/// byte for byte as `serde_json::to_string_pretty` of a [`RunJson`] holding
/// them all, followed by a newline; so memory holds one file's report, not
/// the run's.
pub struct JsonStream<W: Write> {
    out: W,
    files: usize,
}

/// The indent `serde_json`'s pretty printer uses.
const INDENT: &[u8] = b"  ";

/// A pretty formatter that starts `depth` levels deep, as it would be
/// inside that many open objects or arrays.
fn formatter_at(depth: usize) -> PrettyFormatter<'static> {
    let mut f = PrettyFormatter::with_indent(INDENT);
    for _ in 0..depth {
        // Writes to a sink cannot fail; this only moves the indent.
        let _ = f.begin_array(&mut std::io::sink());
    }
    f
}

/// Serialises `value` pretty-printed as if `depth` levels deep.
pub(crate) fn write_pretty_at<W: Write, T: Serialize + ?Sized>(
    out: &mut W,
    depth: usize,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, formatter_at(depth));
    value.serialize(&mut ser)
}

/// Writes `depth` indents.
pub(crate) fn write_indent<W: Write>(out: &mut W, depth: usize) -> std::io::Result<()> {
    for _ in 0..depth {
        out.write_all(INDENT)?;
    }
    Ok(())
}

impl<W: Write> JsonStream<W> {
    /// A document to write to `out`; nothing is written before the first
    /// file (or [`JsonStream::finish`]).
    pub fn new(out: W) -> Self {
        JsonStream { out, files: 0 }
    }

    /// Writes one file's report (an element of `files`).
    pub fn file<T: Serialize + ?Sized>(&mut self, file: &T) -> serde_json::Result<()> {
        let sep: &[u8] = if self.files == 0 {
            b"{\n  \"files\": [\n"
        } else {
            b",\n"
        };
        self.out.write_all(sep).map_err(serde_json::Error::io)?;
        write_indent(&mut self.out, 2).map_err(serde_json::Error::io)?;
        write_pretty_at(&mut self.out, 2, file)?;
        self.files += 1;
        Ok(())
    }

    /// Closes the document and hands back the writer (not flushed).
    pub fn finish(mut self) -> serde_json::Result<W> {
        let close: &[u8] = if self.files == 0 {
            b"{\n  \"files\": []"
        } else {
            b"\n  ]"
        };
        self.out.write_all(close).map_err(serde_json::Error::io)?;
        writeln!(self.out, ",\n  \"version\": {JSON_VERSION}\n}}")
            .map_err(serde_json::Error::io)?;
        Ok(self.out)
    }

    /// The writer, to flush between files.
    pub fn writer(&mut self) -> &mut W {
        &mut self.out
    }

    /// The writer, the document left unfinished.
    pub fn into_inner(self) -> W {
        self.out
    }
}

/// Writes `value` as one compact JSON line (`--format jsonl`).
pub fn write_json_line<W: Write, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
) -> serde_json::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}
