//! `numcheck check --format pretty`: findings rendered like rustc's
//! diagnostics (annotate-snippets), with the mention underlined, related
//! mentions labelled and a `help:` line.

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use super::Document;
use crate::diagnostic::{Diagnostic, Severity};

/// Renders one file's findings. `color` adds ANSI styling (for a terminal).
pub fn render_file(doc: Document<'_>, diagnostics: &[Diagnostic], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let mut snippet = Snippet::source(doc.text)
            .path(doc.path)
            .annotation(AnnotationKind::Primary.span(d.span.start..d.span.end));
        for r in &d.related {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(r.span.start..r.span.end)
                    .label(r.message.as_str()),
            );
        }
        let mut group = level
            .primary_title(d.message.as_str())
            .id(d.rule.as_str())
            .element(snippet);
        if let Some(help) = &d.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out
}

/// One file's findings as `numcheck check` prints them into a pipe, then
/// the summary line for that file: no colour, the path exactly as given, no
/// timings, so the text is the same on every machine. This is the rendering
/// to snapshot-test articles with (see the README's snapshot recipe).
pub fn render_plain(doc: Document<'_>, diagnostics: &[Diagnostic]) -> String {
    let mut counts = [0usize; 3];
    for d in diagnostics {
        counts[d.severity as usize] += 1;
    }
    let mut out = render_file(doc, diagnostics, false);
    out.push_str(&summary(counts[2], counts[1], counts[0], 1));
    out
}

/// The closing summary line.
pub fn summary(errors: usize, warnings: usize, infos: usize, files: usize) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}, {} in {}\n",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(infos, "note"),
        plural(files, "file")
    )
}
