//! Text → findings, and findings → the protocol's diagnostics.

use std::path::Path;

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri};

use super::position::PositionMap;
use crate::checks::{CheckOptions, check};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::rulebook::Rulebook;

/// What the server checks documents with.
#[derive(Debug)]
pub struct Linter {
    pub book: Rulebook,
    pub options: CheckOptions,
}

impl Linter {
    /// The built-in rules with default options.
    pub fn builtin() -> Result<Linter, Error> {
        Ok(Linter {
            book: Rulebook::builtin()?,
            options: CheckOptions::default(),
        })
    }

    /// Everything the server reports for a document: the one step from text
    /// to findings. `path` is the document's file when it has one; it is
    /// where per-file configuration (`numcheck.toml`) hooks in.
    pub fn diagnose(&self, path: Option<&Path>, text: &str) -> Vec<Diagnostic> {
        let _ = path;
        check(text, &self.options, &self.book)
    }
}

/// The protocol's form of a finding: rule name as code, `help` after the
/// message, the other mentions as related information in the same document.
pub fn to_lsp(uri: &Uri, map: &PositionMap<'_>, d: &Diagnostic) -> lsp_types::Diagnostic {
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    let related = d
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), map.range(r.span)),
            message: r.message.clone(),
        })
        .collect::<Vec<_>>();
    lsp_types::Diagnostic {
        range: map.range(d.span),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.clone())),
        code_description: None,
        source: Some("numcheck".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::position::Encoding;
    use lsp_types::Position;

    #[test]
    fn a_weekday_finding_after_emoji_and_quotes() {
        let text = "😀 “Talks” ended on Friday, October 17, 2024.";
        let linter = Linter::builtin().expect("built-in rules load");
        let found = linter.diagnose(None, text);
        let d = found
            .iter()
            .find(|d| d.rule == "weekday-mismatch")
            .expect("weekday finding");
        let uri: Uri = "file:///tmp/talks.txt".parse().expect("URI");
        let map = PositionMap::new(text, Encoding::Utf16);
        let l = to_lsp(&uri, &map, d);
        // "😀 “Talks” ended on " is 2 + 1 + 7 + 10 = 20 UTF-16 units.
        assert_eq!(l.range.start, Position::new(0, 20));
        assert_eq!(l.range.end, Position::new(0, 26));
        assert_eq!(
            l.code,
            Some(NumberOrString::String("weekday-mismatch".into()))
        );
        assert_eq!(l.severity, Some(DiagnosticSeverity::ERROR));
        assert_eq!(l.source.as_deref(), Some("numcheck"));
        assert!(
            l.message.contains("\nhelp: write Thursday"),
            "{}",
            l.message
        );
        let related = l.related_information.expect("related mention");
        assert_eq!(related[0].location.uri, uri);
        assert_eq!(related[0].message, "the date");
        assert_eq!(related[0].location.range.start, Position::new(0, 20));
    }
}
