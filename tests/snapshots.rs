//! Snapshots of what `numcheck extract` shows a user for the running example,
//! one per output format. The snapshots live in the top-level `snapshots/`
//! folder; review changes with `cargo insta review`.

use numcheck::report::{Document, extract_json, extract_pretty};
use numcheck::{Options, extract};

/// The path as a user types it from the repository root.
const PATH: &str = "examples/kirby-briefing.txt";
const KIRBY: &str = include_str!("../examples/kirby-briefing.txt");

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

/// `numcheck extract --format json examples/kirby-briefing.txt`
#[test]
fn kirby_briefing_json() {
    let quantities = extract(KIRBY, &Options::default());
    let doc = Document {
        path: PATH,
        text: KIRBY,
    };
    let json = extract_json::document(vec![extract_json::file(doc, &quantities)]);
    let mut rendered = serde_json::to_string_pretty(&json).expect("JSON renders");
    rendered.push('\n');
    settings().bind(|| insta::assert_snapshot!("extract-kirby-briefing-json", rendered));
}

/// `numcheck extract examples/kirby-briefing.txt` (the pretty table)
#[test]
fn kirby_briefing_pretty() {
    let quantities = extract(KIRBY, &Options::default());
    let doc = Document {
        path: PATH,
        text: KIRBY,
    };
    let rendered = extract_pretty::render_file(doc, &quantities);
    settings().bind(|| insta::assert_snapshot!("extract-kirby-briefing-pretty", rendered));
}

/// The same article with its date given (`--date 2024-10-23`), so relative
/// dates resolve.
#[test]
fn kirby_briefing_dated_json() {
    let options = Options {
        document_date: Some(jiff::civil::date(2024, 10, 23)),
    };
    let quantities = extract(KIRBY, &options);
    let doc = Document {
        path: PATH,
        text: KIRBY,
    };
    let json = extract_json::document(vec![extract_json::file(doc, &quantities)]);
    let mut rendered = serde_json::to_string_pretty(&json).expect("JSON renders");
    rendered.push('\n');
    settings().bind(|| insta::assert_snapshot!("extract-kirby-briefing-dated-json", rendered));
}
