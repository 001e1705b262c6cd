//! `numcheck check --format short`: one line per finding,
//! `path:line:column: severity [rule] message`, the shape compilers and
//! linters print and editors and `grep` understand.
//!
//! Lines and columns are 1-based; the column counts characters (Unicode
//! scalar values), as in the JSON output. Files come in path order and
//! findings in position order within each file, so the output is the same
//! whatever order the paths were given in.

use std::fmt::Write;

use super::{CheckedFile, Document, in_stable_order};
use crate::diagnostic::Diagnostic;
use crate::span::LineIndex;

/// Renders the findings of all `files`, sorted by path and then position.
/// Nothing for no findings.
pub fn render(files: &[CheckedFile<'_>]) -> String {
    let mut out = String::new();
    for (doc, found) in in_stable_order(files) {
        out.push_str(&render_file(doc, &found));
    }
    out
}

/// One file's lines, its findings given in the order to print them (see
/// [`super::in_position_order`]). Nothing for no findings.
pub fn render_file(doc: Document<'_>, found: &[&Diagnostic]) -> String {
    let mut out = String::new();
    if found.is_empty() {
        return out;
    }
    let index = LineIndex::new(doc.text);
    for d in found {
        let at = index.line_column(doc.text, d.span.start);
        let _ = writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            doc.path,
            at.line,
            at.column,
            d.severity.as_str(),
            d.rule,
            one_line(&d.message)
        );
    }
    out
}

/// The message on one line: a message quoting a mention that runs over a
/// line break must not break the one-line-per-finding promise.
fn one_line(message: &str) -> String {
    message
        .split(['\r', '\n'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::report::Document;
    use crate::span::Span;

    #[test]
    fn columns_count_characters_and_messages_stay_on_one_line() {
        let text = "“Quoted” then 3,000\nand 2,000";
        let at = text.find("3,000").expect("figure");
        let found = [Diagnostic::new(
            "quantity-conflict",
            Severity::Error,
            Span::new(at, at + 5),
            "3,000 here\nbut 2,000 there".into(),
        )];
        let out = render(&[CheckedFile {
            doc: Document {
                path: "a.txt",
                text,
            },
            diagnostics: &found,
        }]);
        assert_eq!(
            out,
            "a.txt:1:15: error [quantity-conflict] 3,000 here but 2,000 there\n"
        );
    }
}
