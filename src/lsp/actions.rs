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
/// `prose` is the document's masked prose (same length as `text`).
pub fn actions(
    uri: &Uri,
    text: &str,
    prose: &str,
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
            let title = fix_title(&d.rule, fix.span.text(text), &fix.replacement);
            let edit = TextEdit::new(map.range(fix.span), fix.replacement.clone());
            out.push(action(uri, title, edit, &diagnostic, preferred));
        }
        // A comment is markup only in Markdown and HTML; in plain text it
        // would be published as part of the article.
        // (An unused comment's own fix removes it; suppressing it is no help.)
        if language.has_comments() && d.rule != crate::suppress::RULE {
            let (at, insert) = suppression_edit(text, prose, language, d);
            if language == Language::Markdown && !keeps_structure(text, at, &insert) {
                // In a table, between list items or quoted paragraphs, a
                // comment line ends the block (the rows after it become a
                // paragraph, say): no comment can suppress the finding
                // without changing how the document renders, so none is
                // offered.
                continue;
            }
            let at = map.position(at);
            let edit = TextEdit::new(lsp_types::Range::new(at, at), insert);
            let title = format!("Suppress {} on this line", d.rule);
            out.push(action(uri, title, edit, &diagnostic, false));
        }
    }
    out
}

/// A fix's title: what it replaces with what, on one line; a fix that
/// replaces with nothing is a removal, and an unused suppression comment's
/// fix says which comment or which names go.
fn fix_title(rule: &str, old: &str, new: &str) -> String {
    if rule == crate::suppress::RULE {
        if new.is_empty() {
            return "Remove unused suppression comment".to_string();
        }
        let kept = comment_names(new);
        let removed: Vec<String> = comment_names(old)
            .into_iter()
            .filter(|name| !kept.contains(name))
            .map(|name| format!("`{name}`"))
            .collect();
        if !removed.is_empty() {
            return format!("Remove {} from the suppression comment", removed.join(", "));
        }
    }
    if new.is_empty() {
        format!("Remove “{}”", one_line(old))
    } else {
        format!("Replace “{}” with “{}”", one_line(old), one_line(new))
    }
}

/// The rule names in a suppression comment (the words after its directive).
fn comment_names(comment: &str) -> Vec<&str> {
    let inner = comment.trim();
    let inner = inner.strip_prefix("<!--").unwrap_or(inner);
    let inner = inner.strip_suffix("-->").unwrap_or(inner);
    inner
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .skip(1)
        .collect()
}

/// `text`'s first line, shortened to 40 characters, with "…" when anything
/// was left out.
fn one_line(text: &str) -> String {
    const MAX: usize = 40;
    let trimmed = text.trim();
    let first = trimmed.lines().next().unwrap_or("").trim_end();
    let taken: String = first.chars().take(MAX).collect();
    let mut out = taken.trim_end().to_string();
    if out.len() < trimmed.len() {
        out.push('…');
    }
    out
}

/// Where to insert the comment that suppresses `d` on its line, and what.
///
/// The comment goes on a line of its own above the finding's line, indented
/// like it (in HTML a comment between tags changes nothing) — unless, in
/// Markdown, the finding's line continues a paragraph (the line break
/// before it is a soft break, joined into a space in the prose): a comment
/// line there would start an HTML block and split the paragraph in two when
/// the Markdown is rendered, so the comment goes at the end of the line
/// before instead. Either way the finding's line is the next line after the
/// comment, as `numcheck-disable-next-line` reads it. (Where neither keeps
/// the Markdown's structure, [`actions`] offers no comment.)
fn suppression_edit(
    text: &str,
    prose: &str,
    language: Language,
    d: &Diagnostic,
) -> (usize, String) {
    let comment = suppression_comment(&d.rule);
    let before = text.get(..d.span.start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let soft_break = language == Language::Markdown
        && line_start > 0
        && prose.as_bytes().get(line_start - 1) == Some(&b' ')
        && text.as_bytes().get(line_start - 1) == Some(&b'\n');
    if soft_break {
        let previous = &text[..line_start - 1];
        let end = previous.strip_suffix('\r').unwrap_or(previous).len();
        return (end, format!(" {comment}"));
    }
    let line = text.get(line_start..).unwrap_or("");
    let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
    (line_start, format!("{indent}{comment}\n"))
}

/// Whether inserting `insert` at byte `at` of a Markdown text leaves its
/// blocks and inline elements as they were: the same elements in the same
/// order, HTML (the comment) aside.
fn keeps_structure(text: &str, at: usize, insert: &str) -> bool {
    let Some((before, after)) = text.split_at_checked(at) else {
        return false;
    };
    let edited = format!("{before}{insert}{after}");
    structure(text).eq(structure(&edited))
}

/// The start and end of every element but HTML blocks, as pulldown-cmark
/// reads the text with the options numcheck reads Markdown with.
fn structure(markdown: &str) -> impl Iterator<Item = pulldown_cmark::Event<'_>> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    Parser::new_ext(markdown, options).filter(|e| match e {
        Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => false,
        Event::Start(_) | Event::End(_) => true,
        _ => false,
    })
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

    fn at_cursor(
        text: &str,
        language: Language,
        needle: &str,
    ) -> (Vec<Diagnostic>, Vec<CodeAction>) {
        let uri: Uri = "file:///tmp/talks.md".parse().expect("URI");
        let mut linter = Linter::new().expect("rules load");
        let found = linter.diagnose(None, text, language.format());
        let prose = linter.read(None, text, language.format()).prose;
        let map = PositionMap::new(text, Encoding::Utf16);
        let cursor = text.find(needle).expect("needle") + 2;
        let got = actions(
            &uri,
            text,
            &prose,
            language,
            &map,
            &found,
            Span::new(cursor, cursor),
        );
        (found, got)
    }

    /// `text` after the action's (single, insert-only) edit.
    fn applied(text: &str, action: &CodeAction) -> String {
        let [edit] = edits(action) else {
            panic!("one edit expected: {action:?}")
        };
        let map = PositionMap::new(text, Encoding::Utf16);
        let at = map.offset(edit.range.start);
        assert_eq!(at, map.offset(edit.range.end), "an insertion");
        format!("{}{}{}", &text[..at], edit.new_text, &text[at..])
    }

    /// Applies the suppression action for the weekday finding at `needle`
    /// and checks again: the finding is gone and the comment is used.
    fn suppressed(text: &str, language: Language, needle: &str) -> String {
        let (found, got) = at_cursor(text, language, needle);
        assert!(
            found.iter().any(|d| d.rule == "weekday-mismatch"),
            "{found:?}"
        );
        let action = got
            .iter()
            .find(|a| a.title == "Suppress weekday-mismatch on this line")
            .expect("a suppression action");
        let after = applied(text, action);
        let mut linter = Linter::new().expect("rules load");
        let left = linter.diagnose(None, &after, language.format());
        let rules: Vec<&str> = left.iter().map(|d| d.rule.as_str()).collect();
        assert!(
            !rules.contains(&"weekday-mismatch") && !rules.contains(&crate::suppress::RULE),
            "{after:?}: {rules:?}"
        );
        after
    }

    fn paragraphs(markdown: &str) -> usize {
        pulldown_cmark::Parser::new(markdown)
            .filter(|e| {
                matches!(
                    e,
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::Paragraph)
                )
            })
            .count()
    }

    #[test]
    fn weekday_fix_and_suppression_in_markdown() {
        let text = "# Talks\n\n  😀 They ended on Friday, October 17, 2024.\n";
        let (_, got) = at_cursor(text, Language::Markdown, "Friday");
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
        let (_, plain) = at_cursor(text, Language::PlainText, "Friday");
        assert_eq!(plain.len(), 1);
        // Away from the finding: nothing.
        let (_, away) = at_cursor(text, Language::Markdown, "Talks");
        assert!(away.is_empty());
    }

    #[test]
    fn conversion_and_share_fixes_are_quick_fixes() {
        for (text, needle, title, replacement) in [
            (
                "The trail runs for 5 miles (12 km) along the river.\n",
                "12 km",
                "Replace “12” with “8”",
                "8",
            ),
            (
                "The club said 40 of its 200 members, or 25%, voted for the merger.\n",
                "25%",
                "Replace “25” with “20”",
                "20",
            ),
        ] {
            let (_, got) = at_cursor(text, Language::PlainText, needle);
            let fix = got
                .iter()
                .find(|a| a.title == title)
                .unwrap_or_else(|| panic!("{title}: {got:?}"));
            let [edit] = edits(fix) else {
                panic!("one edit expected: {fix:?}")
            };
            assert_eq!(edit.new_text, replacement);
            let map = PositionMap::new(text, Encoding::Utf16);
            let (start, end) = (map.offset(edit.range.start), map.offset(edit.range.end));
            assert_eq!(
                &text[start..end],
                needle.split(['%', ' ']).next().unwrap_or("")
            );
        }
    }

    #[test]
    fn the_inserted_comment_suppresses_the_finding() {
        let after = suppressed(
            "# Talks\n\n  😀 They ended on Friday, October 17, 2024.\n",
            Language::Markdown,
            "Friday",
        );
        assert_eq!(
            after,
            "# Talks\n\n  <!-- numcheck-disable-next-line weekday-mismatch -->\n  😀 They ended on Friday, October 17, 2024.\n"
        );
        let html = "<html><body>\n<p>Talks began.</p>\n<p>They ended on Friday, October 17, 2024.</p>\n</body></html>\n";
        let after = suppressed(html, Language::Html, "Friday");
        assert!(
            after.contains(
                "<p>Talks began.</p>\n<!-- numcheck-disable-next-line weekday-mismatch -->\n<p>They"
            ),
            "{after}"
        );
    }

    #[test]
    fn removals_are_titled_as_removals_on_one_line() {
        let text = "# Talks\n\n<!-- numcheck-disable-next-line sum-mismatch -->\nNothing to add.\n\n<!-- numcheck-disable-next-line weekday-mismatch, sum-mismatch -->\nThey ended on Friday, October 17, 2024.\n";
        let (_, got) = at_cursor(text, Language::Markdown, "numcheck-disable-next-line sum");
        let titles: Vec<&str> = got.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Remove unused suppression comment"]);
        let (_, got) = at_cursor(
            text,
            Language::Markdown,
            "numcheck-disable-next-line weekday",
        );
        let titles: Vec<&str> = got.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Remove `sum-mismatch` from the suppression comment"]
        );
        // Any other removal: the text removed, on one line, shortened.
        assert_eq!(fix_title("x", "a\nb", ""), "Remove “a…”");
        assert_eq!(
            fix_title("x", &"long ".repeat(20), ""),
            format!("Remove “{}…”", "long ".repeat(8).trim_end())
        );
        assert_eq!(
            fix_title("x", "Friday", "Thursday"),
            "Replace “Friday” with “Thursday”"
        );
    }

    fn suppression_offered(text: &str, needle: &str) -> bool {
        let (found, got) = at_cursor(text, Language::Markdown, needle);
        assert!(
            found.iter().any(|d| d.rule == "weekday-mismatch"),
            "{text:?}: {found:?}"
        );
        assert!(
            got.iter().any(|a| a.title.starts_with("Replace")),
            "the fix is still offered: {got:?}"
        );
        got.iter().any(|a| a.title.starts_with("Suppress"))
    }

    #[test]
    fn no_comment_line_inside_a_table() {
        let table = "# Talks\n\n| Round | Ended |\n| --- | --- |\n| First | Monday, October 14, 2024 |\n| Second | Friday, October 17, 2024 |\n| Third | Sunday, October 20, 2024 |\n";
        assert!(!suppression_offered(table, "Friday"));
        // The header row's finding: a comment before the table leaves it whole.
        let header = "# Talks\n\n| Ended on Friday, October 17, 2024 |\n| --- |\n| a |\n";
        assert!(suppression_offered(header, "Friday"));
        let _ = suppressed(header, Language::Markdown, "Friday");
        // Likewise between list items or quoted paragraphs; a line that
        // continues a quoted paragraph gets the comment at the end of the
        // line before, inside the quote.
        for (text, offered) in [
            (
                "- Talks began.\n- They ended on Friday, October 17, 2024.\n",
                false,
            ),
            (
                "> Talks began.\n>\n> They ended on Friday, October 17, 2024.\n",
                false,
            ),
            (
                "> Talks began.\n> They ended on Friday, October 17, 2024.\n",
                true,
            ),
        ] {
            assert_eq!(suppression_offered(text, "Friday"), offered, "{text:?}");
            if offered {
                let _ = suppressed(text, Language::Markdown, "Friday");
            }
        }
    }

    #[test]
    fn inside_a_wrapped_paragraph_the_comment_ends_the_line_before() {
        for newline in ["\n", "\r\n"] {
            let text = format!(
                "# Talks{newline}{newline}The talks began on a Monday.{newline}They ended on Friday, October 17, 2024.{newline}"
            );
            let after = suppressed(&text, Language::Markdown, "Friday");
            assert_eq!(
                after,
                format!(
                    "# Talks{newline}{newline}The talks began on a Monday. <!-- numcheck-disable-next-line weekday-mismatch -->{newline}They ended on Friday, October 17, 2024.{newline}"
                )
            );
            // Still one paragraph when rendered.
            assert_eq!(paragraphs(&after), 1, "{after:?}");
            assert_eq!(paragraphs(&text), 1);
        }
    }
}
