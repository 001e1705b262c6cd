//! Snapshot tests for a repository of articles: every draft in the articles
//! folder is checked by numcheck, and what a reader of `numcheck check` would
//! see is kept as a snapshot. A new, changed or vanished finding fails
//! `cargo test` until someone reviews it with `cargo insta review`.

use std::path::Path;

use numcheck::report::{Document, check_pretty};
use numcheck::{CheckOptions, Rulebook, check};

/// The folder of articles, relative to the crate root: change it to yours.
const ARTICLES: &str = "examples";

#[test]
fn articles_match_their_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let book = Rulebook::builtin().expect("numcheck's rules load");
    let mut paths: Vec<_> = std::fs::read_dir(root.join(ARTICLES))
        .expect("the articles folder exists")
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no articles in {ARTICLES}/");

    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("the article is UTF-8");
        // A relative path with forward slashes: the same on every machine.
        let shown = path
            .strip_prefix(root)
            .expect("the article is under the crate root")
            .to_string_lossy()
            .replace('\\', "/");
        let found = check(&text, &CheckOptions::default(), &book);
        // No colour and no timings: only the article and numcheck decide it.
        let rendered = check_pretty::render_plain(
            Document {
                path: &shown,
                text: &text,
            },
            &found,
        );
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        settings.bind(|| insta::assert_snapshot!(format!("article-{stem}"), rendered));
    }
}
