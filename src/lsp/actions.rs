//! Code actions: apply a finding's suggested fixes, or suppress its rule on
//! its line with a comment.

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, TextEdit, Uri, WorkspaceEdit};

use super::diagnostics::to_lsp;
use super::document::Language;
use super::position::PositionMap;
use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// The comment that turns `rule` off for the next line.
pub fn suppression_comment(rule: &str) -> String {
    format!("<!-- numcheck-disable-next-line {rule} -->")
}

/// The actions for the findings that touch `wanted` (a byte span; an empty
/// span is a cursor, which touches a finding it sits in or at the end of).
pub fn actions(
    uri: &Uri,
    text: &str,
    language: Language,
    map: &PositionMap<'_>,
    found: &[Diagnostic],
    wanted: Span,
) -> Vec<CodeAction> {
    let mut out = Vec::new();
    for d in found.iter().filter(|d| touches(d.span, wanted)) {
        let diagnostic = to_lsp(uri, map, d);
        let preferred = d.fixes.len() == 1;
        for fix in &d.fixes {
            let title = format!(
                "Replace “{}” with “{}”",
                fix.span.text(text),
                fix.replacement
            );
            let edit = TextEdit::new(map.range(fix.span), fix.replacement.clone());
            out.push(action(uri, title, edit, &diagnostic, preferred));
        }
        // A comment is markup only in Markdown; in plain text it would be
        // published as part of the article.
        if language == Language::Markdown {
            let before = text.get(..d.span.start).unwrap_or("");
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let line = text.get(line_start..).unwrap_or("");
            let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
            let insert = format!("{indent}{}\n", suppression_comment(&d.rule));
            let at = map.position(line_start);
            let edit = TextEdit::new(lsp_types::Range::new(at, at), insert);
            let title = format!("Suppress {} on this line", d.rule);
            out.push(action(uri, title, edit, &diagnostic, false));
        }
    }
    out
}

fn touches(span: Span, wanted: Span) -> bool {
    if wanted.is_empty() {
        span.start <= wanted.start && wanted.start <= span.end
    } else {
        span.overlaps(wanted)
    }
}

fn action(
    uri: &Uri,
    title: String,
    edit: TextEdit,
    diagnostic: &lsp_types::Diagnostic,
    preferred: bool,
) -> CodeAction {
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
            ..WorkspaceEdit::default()
        }),
        command: None,
        is_preferred: preferred.then_some(true),
        disabled: None,
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::diagnostics::Linter;
    use crate::lsp::position::Encoding;
    use lsp_types::Position;

    fn edits(a: &CodeAction) -> &[TextEdit] {
        let changes = a.edit.as_ref().and_then(|e| e.changes.as_ref());
        changes
            .and_then(|c| c.values().next())
            .map_or(&[], Vec::as_slice)
    }

    #[test]
    fn weekday_fix_and_suppression_in_markdown() {
        let text = "# Talks\n\n  😀 They ended on Friday, October 17, 2024.\n";
        let uri: Uri = "file:///tmp/talks.md".parse().expect("URI");
        let found = Linter::builtin().expect("rules load").diagnose(None, text);
        let map = PositionMap::new(text, Encoding::Utf16);
        let cursor = text.find("Friday").expect("weekday") + 2;
        let got = actions(
            &uri,
            text,
            Language::Markdown,
            &map,
            &found,
            Span::new(cursor, cursor),
        );
        let titles: Vec<&str> = got.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Replace “Friday” with “Thursday”",
                "Suppress weekday-mismatch on this line"
            ]
        );
        let fix = &edits(&got[0])[0];
        // Line 2: two spaces, 😀 (2 units), " They ended on " (15).
        assert_eq!(fix.range.start, Position::new(2, 19));
        assert_eq!(fix.new_text, "Thursday");
        assert_eq!(got[0].is_preferred, Some(true));
        let suppress = &edits(&got[1])[0];
        assert_eq!(suppress.range.start, Position::new(2, 0));
        assert_eq!(
            suppress.new_text,
            "  <!-- numcheck-disable-next-line weekday-mismatch -->\n"
        );
        // Plain text gets the fix but no comment.
        let plain = actions(
            &uri,
            text,
            Language::PlainText,
            &map,
            &found,
            Span::new(cursor, cursor),
        );
        assert_eq!(plain.len(), 1);
        // Away from the finding: nothing.
        let away = actions(
            &uri,
            text,
            Language::Markdown,
            &map,
            &found,
            Span::new(0, 3),
        );
        assert!(away.is_empty());
    }
}
