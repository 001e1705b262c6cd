//! Snapshots of the CI output formats of `numcheck check` on the running
//! example — `short`, `github` and `sarif`, one snapshot each (the `pretty`
//! and `json` ones are in `check_snapshots.rs`) — and the promise that
//! `short`, `github` and `sarif` print the same whatever order the files are
//! given in.

use numcheck::report::{CheckedFile, Document, check_github, check_sarif, check_short};
use numcheck::{CheckOptions, Diagnostic, Rulebook, check};

const PATH: &str = "examples/kirby-briefing.txt";
const KIRBY: &str = include_str!("../examples/kirby-briefing.txt");

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

fn kirby() -> Vec<Diagnostic> {
    let book = Rulebook::builtin().expect("built-in rules load");
    check(KIRBY, &CheckOptions::default(), &book)
}

fn one<'a>(found: &'a [Diagnostic]) -> [CheckedFile<'a>; 1] {
    [CheckedFile {
        doc: Document {
            path: PATH,
            text: KIRBY,
        },
        diagnostics: found,
    }]
}

/// `numcheck check --format short examples/kirby-briefing.txt`
#[test]
fn kirby_short() {
    let found = kirby();
    let out = check_short::render(&one(&found));
    settings().bind(|| insta::assert_snapshot!("check-kirby-briefing-short", out));
}

/// `numcheck check --format github examples/kirby-briefing.txt`
#[test]
fn kirby_github() {
    let found = kirby();
    let out = check_github::render(&one(&found));
    settings().bind(|| insta::assert_snapshot!("check-kirby-briefing-github", out));
}

/// `numcheck check --format sarif examples/kirby-briefing.txt`
#[test]
fn kirby_sarif() {
    let found = kirby();
    let book = Rulebook::builtin().expect("built-in rules load");
    let mut out =
        serde_json::to_string_pretty(&check_sarif::log(&one(&found), &book)).expect("renders");
    out.push('\n');
    settings().bind(|| insta::assert_snapshot!("check-kirby-briefing-sarif", out));
}

/// Two drafts, given in both orders: the same output, sorted by path.
#[test]
fn multi_file_formats_do_not_depend_on_argument_order() {
    let book = Rulebook::builtin().expect("built-in rules load");
    let other_text = "A wildfire destroyed more than 1,100 homes, fire officials said.\n\
                      Rebuilding the 950 homes lost to the fire could cost $1 billion.\n\
                      The summit opens on Thursday, October 18, 2024, in Brussels.\n";
    let a = check(KIRBY, &CheckOptions::default(), &book);
    let b = check(other_text, &CheckOptions::default(), &book);
    assert!(!a.is_empty() && !b.is_empty(), "both files have findings");
    let first = CheckedFile {
        doc: Document {
            path: "drafts/b-second.txt",
            text: other_text,
        },
        diagnostics: &b,
    };
    let second = CheckedFile {
        doc: Document {
            path: "drafts/a-first.txt",
            text: KIRBY,
        },
        diagnostics: &a,
    };
    let given = [first, second];
    let reversed = [second, first];
    let short = check_short::render(&given);
    assert_eq!(short, check_short::render(&reversed));
    assert!(short.starts_with("drafts/a-first.txt:"), "{short}");
    assert_eq!(
        check_github::render(&given),
        check_github::render(&reversed)
    );
    assert_eq!(
        check_sarif::log(&given, &book),
        check_sarif::log(&reversed, &book)
    );
}
