//! Every rule file's examples: the `[[fires]]` ones must produce a finding of
//! that rule at the given text, the `[[quiet]]` ones none.

use numcheck::rulebook::{RuleExample, Rulebook};
use numcheck::{CheckOptions, Diagnostic, check};

/// Whether `span` overlaps an occurrence of `needle` in `text`.
fn overlaps(text: &str, needle: &str, span: numcheck::Span) -> bool {
    assert!(text.contains(needle), "example text lacks {needle:?}");
    text.match_indices(needle)
        .any(|(i, m)| span.start < i + m.len() && i < span.end)
}

fn run(rule: &str, ex: &RuleExample) -> Vec<Diagnostic> {
    let options = CheckOptions {
        document_date: ex
            .date
            .as_deref()
            .map(|d| numcheck::error::parse_iso_date(d).expect("example date")),
        facts: ex.facts.clone(),
        select: Some(
            std::iter::once(rule.to_string())
                .chain(ex.select.iter().cloned())
                .collect(),
        ),
        ..CheckOptions::default()
    };
    let book = Rulebook::builtin().expect("built-in rules load");
    let found = check(&ex.text, &options, &book);
    numcheck::suppress::apply(&ex.text, found, &options, &book)
}

#[test]
fn every_rule_example_holds() {
    let book = Rulebook::builtin().expect("built-in rules load");
    let mut failures = Vec::new();
    for rule in &book.rules {
        for ex in &rule.fires {
            let found = run(&rule.name, ex);
            // As the challenge scorer counts a hit: the finding's span overlaps
            // the expected text, and a related span overlaps the related text.
            let hit = found.iter().any(|d| {
                d.rule == rule.name
                    && ex
                        .span
                        .as_deref()
                        .is_none_or(|s| overlaps(&ex.text, s, d.span))
                    && ex
                        .related
                        .as_deref()
                        .is_none_or(|r| d.related.iter().any(|rel| overlaps(&ex.text, r, rel.span)))
            });
            if !hit {
                failures.push(format!(
                    "{}: should fire on {:?}, got {:?}",
                    rule.name, ex.text, found
                ));
            }
        }
        for ex in &rule.quiet {
            let found = run(&rule.name, ex);
            if found.iter().any(|d| d.rule == rule.name) {
                failures.push(format!(
                    "{}: should stay quiet on {:?}, got {:?}",
                    rule.name, ex.text, found
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
