//! Snapshots of what `numcheck check` shows a user: the running example in
//! each output format, with and without the article's date and reference
//! facts, and every rule's own examples. The snapshots live in the top-level
//! `snapshots/` folder; review changes with `cargo insta review`.

use numcheck::report::{Document, check_json, check_pretty};
use numcheck::rulebook::RuleExample;
use numcheck::{CheckOptions, Rulebook, check};

const PATH: &str = "examples/kirby-briefing.txt";
const KIRBY: &str = include_str!("../examples/kirby-briefing.txt");
const FACTS: &str = include_str!("../examples/kirby-facts.txt");

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

fn dated() -> CheckOptions {
    CheckOptions {
        document_date: Some(jiff::civil::date(2024, 10, 23)),
        facts: Some(FACTS.to_string()),
        ..CheckOptions::default()
    }
}

fn pretty(text: &str, options: &CheckOptions) -> String {
    let book = Rulebook::builtin().expect("built-in rules load");
    let found = check(text, options, &book);
    check_pretty::render_file(Document { path: PATH, text }, &found, false)
}

fn json(text: &str, options: &CheckOptions) -> String {
    let book = Rulebook::builtin().expect("built-in rules load");
    let found = check(text, options, &book);
    let doc = check_json::document(vec![check_json::file(
        Document { path: PATH, text },
        &found,
    )]);
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON renders");
    s.push('\n');
    s
}

/// `numcheck check examples/kirby-briefing.txt`
#[test]
fn kirby_pretty() {
    let out = pretty(KIRBY, &CheckOptions::default());
    settings().bind(|| insta::assert_snapshot!("check-kirby-briefing-pretty", out));
}

/// `numcheck check --format json examples/kirby-briefing.txt`
#[test]
fn kirby_json() {
    let out = json(KIRBY, &CheckOptions::default());
    settings().bind(|| insta::assert_snapshot!("check-kirby-briefing-json", out));
}

/// `numcheck check --date 2024-10-23 --facts examples/kirby-facts.txt examples/kirby-briefing.txt`
#[test]
fn kirby_dated_with_facts_pretty() {
    let out = pretty(KIRBY, &dated());
    settings().bind(|| insta::assert_snapshot!("check-kirby-briefing-dated-facts-pretty", out));
}

/// The same, as JSON.
#[test]
fn kirby_dated_with_facts_json() {
    let out = json(KIRBY, &dated());
    settings().bind(|| insta::assert_snapshot!("check-kirby-briefing-dated-facts-json", out));
}

/// The seed document's two edits: "more than three years" becomes a
/// fact-mismatch, and "the 2,000 soldiers in training" a quantity-conflict.
#[test]
fn kirby_edited_pretty() {
    let edited = KIRBY
        .replace("more than two and a half years", "more than three years")
        .replace(
            "The Korean soldiers arrived in Russia by sea",
            "The 2,000 soldiers in training arrived in Russia by sea",
        );
    let out = pretty(&edited, &dated());
    settings().bind(|| insta::assert_snapshot!("check-kirby-briefing-edited-pretty", out));
}

/// Issue 8's edit of the running example: "these thousands of soldiers"
/// written as "these 2,000 soldiers" refers back to Kirby's 3,000 (a
/// quantity-conflict), and is no new base for the intelligence agency's
/// "additional 1,500" (the ambiguous-increment warning stays on Kirby's 3,000).
#[test]
fn kirby_these_2000_soldiers_conflict_and_increment() {
    let edited = KIRBY.replace("these thousands of soldiers", "these 2,000 soldiers");
    assert_ne!(
        edited, KIRBY,
        "the running example still says 'these thousands of soldiers'"
    );
    let book = Rulebook::builtin().expect("built-in rules load");
    let found = check(&edited, &dated(), &book);
    let conflict = found
        .iter()
        .find(|d| d.rule == "quantity-conflict")
        .expect("a quantity-conflict");
    assert_eq!(
        &edited[conflict.span.start..conflict.span.end],
        "2,000 soldiers"
    );
    assert!(
        conflict
            .related
            .iter()
            .any(|r| edited[r.span.start..r.span.end].starts_with("3,000 North Korean soldiers")),
        "{conflict:?}"
    );
    let increment = found
        .iter()
        .find(|d| d.rule == "ambiguous-increment")
        .expect("the ambiguous-increment warning");
    assert!(
        increment.message.contains("the base is 3,000"),
        "{}",
        increment.message
    );
}

fn example_options(ex: &RuleExample, rule: &str) -> CheckOptions {
    CheckOptions {
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
    }
}

/// Every rule's examples, rendered as a user sees them: one snapshot per rule.
#[test]
fn every_rule_example_rendered() {
    let book = Rulebook::builtin().expect("built-in rules load");
    for rule in &book.rules {
        let mut out = String::new();
        for (label, examples) in [("fires", &rule.fires), ("quiet", &rule.quiet)] {
            for (n, ex) in examples.iter().enumerate() {
                out.push_str(&format!("--- {label} #{}\n{}\n\n", n + 1, ex.text));
                let options = example_options(ex, &rule.name);
                let found = check(&ex.text, &options, &book);
                let found = numcheck::suppress::apply(&ex.text, found, &options, &book);
                let path = format!("{}-{label}-{}.txt", rule.name, n + 1);
                out.push_str(&check_pretty::render_file(
                    Document {
                        path: &path,
                        text: &ex.text,
                    },
                    &found,
                    false,
                ));
                if found.is_empty() {
                    out.push_str("(no findings)\n");
                }
                out.push('\n');
            }
        }
        let name = format!("rule-{}", rule.name);
        settings().bind(|| insta::assert_snapshot!(name, out));
    }
}
