//! Inline suppression comments, read from the original text (Markdown, HTML
//! or plain text alike):
//!
//! - `<!-- numcheck-disable-next-line RULE, RULE -->`: the next non-blank line;
//! - `<!-- numcheck-disable RULE -->` … `<!-- numcheck-enable RULE -->`: a
//!   range, to the end of the file when not re-enabled.
//!
//! No rule name means every rule. [`apply`] runs after [`crate::check`]: it
//! drops the findings a comment covers, and reports a comment that covers
//! none — or names an unknown rule, or a rule that does not run — as an
//! `unused-suppression` finding, as ruff's `unused-noqa` does.

use crate::checks::CheckOptions;
use crate::diagnostic::Diagnostic;
use crate::rulebook::Rulebook;
use crate::span::Span;

/// The rule that reports suppression comments that suppress nothing.
pub const RULE: &str = "unused-suppression";

/// The placeholders the `suppression` check kind fills.
pub const PLACEHOLDERS: &[&str] = &["reason"];

/// What a suppression comment does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    DisableNextLine,
    Disable,
    Enable,
}

impl Verb {
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::DisableNextLine => "numcheck-disable-next-line",
            Verb::Disable => "numcheck-disable",
            Verb::Enable => "numcheck-enable",
        }
    }

    fn parse(word: &str) -> Option<Verb> {
        [Verb::DisableNextLine, Verb::Disable, Verb::Enable]
            .into_iter()
            .find(|v| v.as_str() == word)
    }
}

/// One `<!-- numcheck-… -->` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The whole comment, `<!--` to `-->`.
    pub span: Span,
    /// `None` when the word after `<!--` starts with `numcheck-` but is no
    /// known directive (a typo such as `numcheck-disable-line`).
    pub verb: Option<Verb>,
    /// The word after `<!--`.
    pub word: String,
    /// The rule names, with their spans; empty means every rule.
    pub rules: Vec<(String, Span)>,
}

/// The suppression comments in `text`, in order.
pub fn directives(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text.get(from..).and_then(|t| t.find("<!--")) {
        let start = from + open;
        let body_start = start + 4;
        let Some(close) = text.get(body_start..).and_then(|t| t.find("-->")) else {
            break;
        };
        let body_end = body_start + close;
        let end = body_end + 3;
        from = end;
        let body = &text[body_start..body_end];
        let mut words = tokens(body, body_start);
        let Some((word, _)) = words.next() else {
            continue;
        };
        if !word.starts_with("numcheck-") {
            continue;
        }
        out.push(Directive {
            span: Span::new(start, end),
            verb: Verb::parse(word),
            word: word.to_string(),
            rules: words.map(|(w, s)| (w.to_string(), s)).collect(),
        });
    }
    out
}

/// The words of `body` separated by whitespace or commas, with their spans
/// (`offset` is where `body` starts in the text).
fn tokens(body: &str, offset: usize) -> impl Iterator<Item = (&str, Span)> {
    body.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(move |w| {
            let at = w.as_ptr() as usize - body.as_ptr() as usize + offset;
            (w, Span::new(at, at + w.len()))
        })
}

/// The byte range of the first non-blank line after the line `at` is on;
/// empty at the end of the text.
fn next_line(text: &str, at: usize) -> std::ops::Range<usize> {
    let mut start = match text.get(at..).and_then(|t| t.find('\n')) {
        Some(i) => at + i + 1,
        None => return text.len()..text.len(),
    };
    loop {
        let end = text
            .get(start..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |i| start + i);
        if !text[start..end].trim().is_empty() || end == text.len() {
            return start..end;
        }
        start = end + 1;
    }
}

/// Where a directive (or one of its rule names) suppresses findings.
struct Scope {
    directive: usize,
    /// Index into the directive's rule names; `None`: every rule.
    rule: Option<usize>,
    range: std::ops::Range<usize>,
    used: bool,
}

/// Drops the findings that suppression comments in `text` cover, and adds
/// an `unused-suppression` finding for each comment that covers nothing (when
/// that rule runs under `options`). `diagnostics` are `check`'s findings for
/// the same text; the result is in the same order (by position).
pub fn apply(
    text: &str,
    diagnostics: Vec<Diagnostic>,
    options: &CheckOptions,
    book: &Rulebook,
) -> Vec<Diagnostic> {
    apply_in(text, None, diagnostics, options, book)
}

/// [`apply`] for a document whose format knows its real comments
/// ([`crate::source::Prose::comments`]): a directive written inside code, a
/// script or a string is text, and neither suppresses nor is reported.
pub fn apply_in(
    text: &str,
    comments: Option<&[crate::span::Span]>,
    diagnostics: Vec<Diagnostic>,
    options: &CheckOptions,
    book: &Rulebook,
) -> Vec<Diagnostic> {
    let mut directives = directives(text);
    if let Some(comments) = comments {
        directives.retain(|d| {
            comments
                .iter()
                .any(|c| c.start <= d.span.start && d.span.end <= c.end)
        });
    }
    if directives.is_empty() {
        return diagnostics;
    }
    let mut scopes: Vec<Scope> = Vec::new();
    // Per directive: enables that closed nothing, by rule name index (None: all).
    let mut stray: Vec<(usize, Option<usize>)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        let names: Vec<Option<usize>> = if d.rules.is_empty() {
            vec![None]
        } else {
            (0..d.rules.len()).map(Some).collect()
        };
        match d.verb {
            Some(Verb::DisableNextLine) => {
                let range = next_line(text, d.span.end);
                for rule in names {
                    scopes.push(Scope {
                        directive: i,
                        rule,
                        range: range.clone(),
                        used: false,
                    });
                }
            }
            Some(Verb::Disable) => {
                for rule in names {
                    open.push(scopes.len());
                    scopes.push(Scope {
                        directive: i,
                        rule,
                        range: d.span.end..text.len(),
                        used: false,
                    });
                }
            }
            Some(Verb::Enable) => {
                for rule in names {
                    let name = rule.map(|r| d.rules[r].0.as_str());
                    let mut closed_any = false;
                    let mut still_open = Vec::with_capacity(open.len());
                    for s in open.drain(..) {
                        let scope_name = scopes[s]
                            .rule
                            .map(|r| directives[scopes[s].directive].rules[r].0.as_str());
                        if name.is_none() || scope_name == name {
                            scopes[s].range.end = d.span.start;
                            closed_any = true;
                        } else {
                            still_open.push(s);
                        }
                    }
                    open = still_open;
                    if !closed_any {
                        stray.push((i, rule));
                    }
                }
            }
            None => {}
        }
    }
    let mut kept = Vec::with_capacity(diagnostics.len());
    for diagnostic in diagnostics {
        let mut suppressed = false;
        for scope in &mut scopes {
            let applies = match scope.rule {
                None => true,
                Some(r) => directives[scope.directive].rules[r].0 == diagnostic.rule,
            };
            if applies && scope.range.contains(&diagnostic.span.start) {
                scope.used = true;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(diagnostic);
        }
    }
    let Some(rule) = book.get(RULE).filter(|r| options.runs(r)) else {
        return kept;
    };
    for (i, d) in directives.iter().enumerate() {
        let mut reasons = Vec::new();
        // Rule names that do something, kept when the comment is rewritten.
        let mut useful: Vec<&str> = Vec::new();
        match d.verb {
            None => reasons.push(format!(
                "`{}` is not a numcheck directive (use numcheck-disable-next-line, numcheck-disable or numcheck-enable)",
                d.word
            )),
            Some(verb) => {
                let place = if verb == Verb::DisableNextLine {
                    "on the next line"
                } else {
                    "in its range"
                };
                let names: Vec<Option<usize>> = if d.rules.is_empty() {
                    vec![None]
                } else {
                    (0..d.rules.len()).map(Some).collect()
                };
                for r in names {
                    let name = r.map(|r| d.rules[r].0.as_str());
                    let reason = if let Some(n) = name
                        && book.get(n).is_none()
                    {
                        Some(format!("`{n}` is not a rule"))
                    } else if let Some(n) = name
                        && book.get(n).is_some_and(|rule| !options.runs(rule))
                    {
                        Some(format!("`{n}` does not run"))
                    } else if verb == Verb::Enable {
                        stray.contains(&(i, r)).then(|| match name {
                            Some(n) => format!("no `numcheck-disable` of `{n}` is open"),
                            None => "no `numcheck-disable` is open".to_string(),
                        })
                    } else {
                        let used = scopes
                            .iter()
                            .any(|s| s.directive == i && s.rule == r && s.used);
                        (!used).then(|| match name {
                            Some(n) => format!("no `{n}` finding {place}"),
                            None => format!("no finding {place}"),
                        })
                    };
                    match reason {
                        Some(reason) => reasons.push(reason),
                        None => useful.extend(name),
                    }
                }
            }
        }
        if reasons.is_empty() {
            continue;
        }
        let mut finding = rule.finding(d.span, &[("reason", reasons.join("; "))]);
        finding = if useful.is_empty() {
            let whole = whole_lines(text, d.span);
            finding.with_fix(whole, "")
        } else {
            finding.with_fix(d.span, format!("<!-- {} {} -->", d.word, useful.join(", ")))
        };
        kept.push(finding);
    }
    kept.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
    kept
}

/// `span` widened to its whole line, newline included, when nothing but
/// whitespace shares the line with it; else `span` itself.
fn whole_lines(text: &str, span: Span) -> Span {
    let line_start = text
        .get(..span.start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(span.end..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| span.end + i + 1);
    let alone = text[line_start..span.start].trim().is_empty()
        && text[span.end..line_end].trim().is_empty();
    if alone {
        Span::new(line_start, line_end)
    } else {
        span
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn finding(rule: &str, text: &str, needle: &str) -> Diagnostic {
        let at = text.find(needle).expect("needle");
        Diagnostic::new(
            rule,
            Severity::Error,
            Span::new(at, at + needle.len()),
            "m".into(),
        )
    }

    fn run(text: &str, found: Vec<Diagnostic>) -> Vec<(String, String)> {
        let book = Rulebook::builtin().expect("rules");
        apply(text, found, &CheckOptions::default(), &book)
            .into_iter()
            .map(|d| (d.rule, d.span.text(text).to_string()))
            .collect()
    }

    #[test]
    fn directives_parse_with_spans() {
        let text =
            "a <!-- numcheck-disable-next-line weekday-mismatch,sum-mismatch --> b <!-- note -->";
        let ds = directives(text);
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].verb, Some(Verb::DisableNextLine));
        let names: Vec<&str> = ds[0].rules.iter().map(|r| r.1.text(text)).collect();
        assert_eq!(names, ["weekday-mismatch", "sum-mismatch"]);
        assert!(directives("<!-- numcheck-disable").is_empty());
    }

    #[test]
    fn next_line_skips_blank_lines() {
        let text = "<!-- numcheck-disable-next-line -->\n\n  \nMonday\nTuesday\n";
        let found = vec![
            finding("weekday-mismatch", text, "Monday"),
            finding("weekday-mismatch", text, "Tuesday"),
        ];
        assert_eq!(
            run(text, found),
            [("weekday-mismatch".into(), "Tuesday".into())]
        );
    }

    #[test]
    fn ranges_end_at_enable_or_end_of_file() {
        let text = "<!-- numcheck-disable sum-mismatch -->\nA\n<!-- numcheck-enable sum-mismatch -->\nB\n<!-- numcheck-disable -->\nC\n";
        let found = vec![
            finding("sum-mismatch", text, "A"),
            finding("sum-mismatch", text, "B"),
            finding("weekday-mismatch", text, "C"),
        ];
        assert_eq!(run(text, found), [("sum-mismatch".into(), "B".into())]);
    }

    #[test]
    fn unused_unknown_and_stray_comments_are_reported() {
        let text = "<!-- numcheck-disable-next-line weekday-mismatch, sum-mismatch, nope -->\nA\n<!-- numcheck-enable -->\n<!-- numcheck-disable-line -->\n";
        let found = vec![finding("sum-mismatch", text, "A")];
        let book = Rulebook::builtin().expect("rules");
        let out = apply(text, found, &CheckOptions::default(), &book);
        assert_eq!(out.len(), 3, "{out:?}");
        assert!(out.iter().all(|d| d.rule == RULE));
        assert!(
            out[0]
                .message
                .contains("no `weekday-mismatch` finding on the next line")
        );
        assert!(out[0].message.contains("`nope` is not a rule"));
        assert_eq!(
            out[0].fixes[0].replacement,
            "<!-- numcheck-disable-next-line sum-mismatch -->"
        );
        assert!(out[1].message.contains("no `numcheck-disable` is open"));
        assert_eq!(
            out[1].fixes[0].span.text(text),
            "<!-- numcheck-enable -->\n"
        );
        assert!(out[2].message.contains("`numcheck-disable-line` is not"));
    }

    #[test]
    fn hostile_comments_never_panic() {
        let book = Rulebook::builtin().expect("rules");
        for text in [
            "<!--",
            "<!-->",
            "<!---->",
            "<!-- numcheck-enable",
            "<!-- numcheck-disable-next-line -->",
            "<!-- numcheck-disable-next-line -->\n\n\n",
            "“é” <!-- numcheck-disable-next-line 🙂,, ,-->\n🙂 <!-- numcheck-enable x-->",
            "<!-- numcheck-disable --><!-- numcheck-disable --><!-- numcheck-enable -->",
        ] {
            let found = vec![Diagnostic::new(
                "weekday-mismatch",
                Severity::Error,
                Span::new(text.len(), text.len()),
                "m".into(),
            )];
            for d in apply(text, found, &CheckOptions::default(), &book) {
                assert!(text.get(d.span.start..d.span.end).is_some(), "{text:?}");
                for f in &d.fixes {
                    assert!(text.get(f.span.start..f.span.end).is_some(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn unused_is_quiet_when_its_rule_does_not_run() {
        let text = "<!-- numcheck-disable -->\nA\n";
        let book = Rulebook::builtin().expect("rules");
        let options = CheckOptions {
            ignore: vec![RULE.to_string()],
            ..CheckOptions::default()
        };
        assert!(apply(text, Vec::new(), &options, &book).is_empty());
    }
}
