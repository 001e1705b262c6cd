//! `numcheck check --format github`: GitHub Actions workflow commands, one
//! per finding, which the runner turns into annotations on the pull request:
//!
//! ```text
//! ::warning file=a.md,line=3,col=5,endLine=3,endColumn=9,title=numcheck [rule]::message
//! ```
//!
//! Errors become `::error`, warnings `::warning`, infos `::notice`. Property
//! values escape `%`, CR, LF, `:` and `,` (`%25`, `%0D`, `%0A`, `%3A`,
//! `%2C`); the message escapes `%`, CR and LF, as GitHub's toolkit does. The
//! help, when there is one, follows the message on a second line. Columns
//! count characters; `endColumn` is the column of the mention's last
//! character (GitHub's end column is inclusive: it defaults to `col`), and
//! both columns are left out when a mention runs over several lines, which
//! GitHub does not accept. Files come in path order and findings in position
//! order, whatever order the paths were given in.

use std::fmt::Write;

use super::{CheckedFile, Document, in_stable_order};
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::LineIndex;

/// Renders the findings of all `files` as workflow commands, sorted by path
/// and then position. Nothing for no findings.
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
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let start = index.line_column(doc.text, d.span.start);
        let end = index.line_column(doc.text, d.span.end);
        let mut position = format!("line={},", start.line);
        if start.line == end.line {
            let last = end.column.saturating_sub(1).max(start.column);
            let _ = write!(
                position,
                "col={},endLine={},endColumn={last},",
                start.column, end.line
            );
        } else {
            let _ = write!(position, "endLine={},", end.line);
        }
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::{command} file={},{position}title={}::{}",
            escape_property(doc.path),
            escape_property(&format!("numcheck [{}]", d.rule)),
            escape_data(&message)
        );
    }
    out
}

/// A command's message: `%`, CR and LF escaped.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: as [`escape_data`], and `:` and `,` too.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::report::Document;
    use crate::span::Span;

    #[test]
    fn escapes_properties_and_data_as_github_documents() {
        assert_eq!(escape_data("50%\r\nof: a, b"), "50%25%0D%0Aof: a, b");
        assert_eq!(escape_property("dir,x/a:b%.md"), "dir%2Cx/a%3Ab%25.md");
    }

    #[test]
    fn one_annotation_per_finding_with_inclusive_end_column() {
        let text = "“A” 3,000 soldiers\nabout\n3,000";
        let at = text.find("3,000").expect("figure");
        let last = text.rfind("3,000").expect("figure");
        let found = [
            Diagnostic::new(
                "vague-quantity",
                Severity::Info,
                Span::new(at, at + 5),
                "vague, 10% off".into(),
            )
            .with_help("say which"),
            Diagnostic::new(
                "quantity-conflict",
                Severity::Error,
                Span::new(at, last + 5),
                "spans lines".into(),
            ),
        ];
        let out = render(&[CheckedFile {
            doc: Document {
                path: "a, b.txt",
                text,
            },
            diagnostics: &found,
        }]);
        assert_eq!(
            out,
            "::notice file=a%2C b.txt,line=1,col=5,endLine=1,endColumn=9,title=numcheck [vague-quantity]::vague, 10%25 off%0Ahelp: say which\n\
             ::error file=a%2C b.txt,line=1,endLine=3,title=numcheck [quantity-conflict]::spans lines\n"
        );
    }
}
