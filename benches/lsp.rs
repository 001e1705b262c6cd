//! The language server's re-check after an edit. `cargo bench --bench lsp`
//! opens a 10,000-word article (the bundled Wikinews sample in
//! `benches/sample/`, repeated) and times one one-character edit followed by
//! what the server publishes: applying the edit, checking the whole text with
//! every default rule, and converting the findings to UTF-16 protocol
//! diagnostics. The target is 5 ms or less.

use std::hint::black_box;
use std::path::Path;
use std::sync::LazyLock;

use divan::Bencher;
use lsp_server::Notification;
use lsp_types::ClientCapabilities;
use numcheck::lsp::{Linter, Server};
use serde_json::json;

const URI: &str = "file:///newsroom/long-article.txt";
const WORDS: usize = 10_000;

fn main() {
    let text = &*ARTICLE;
    let book = numcheck::Rulebook::builtin().expect("built-in rules load");
    eprintln!(
        "article: {} words, {} bytes, {} lines, {} findings, from benches/sample/",
        text.split_whitespace().count(),
        text.len(),
        text.lines().count(),
        numcheck::check(text, &numcheck::CheckOptions::default(), &book).len()
    );
    divan::main();
}

/// The sample articles one after another, repeated, cut at the first
/// paragraph end after 10,000 words.
static ARTICLE: LazyLock<String> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/sample");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let articles: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect();
    let mut text = String::new();
    let mut words = 0;
    'fill: loop {
        for article in &articles {
            for paragraph in article.lines() {
                text.push_str(paragraph);
                text.push('\n');
                words += paragraph.split_whitespace().count();
                if words >= WORDS {
                    break 'fill;
                }
            }
            text.push('\n');
        }
    }
    text
});

fn did_change(version: i32, line: u32, insert: bool) -> Notification {
    let at = json!({"line": line, "character": 0});
    let change = if insert {
        json!({"range": {"start": at, "end": at}, "text": "x"})
    } else {
        json!({"range": {"start": at, "end": {"line": line, "character": 1}}, "text": ""})
    };
    Notification::new(
        "textDocument/didChange".into(),
        json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}),
    )
}

/// One character typed (or deleted) in the middle of the article, then the
/// diagnostics the server would publish for the new version.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn recheck_after_one_character_edit(bencher: Bencher) {
    let linter = Linter::new().expect("built-in rules load");
    let mut server = Server::new(linter, &ClientCapabilities::default());
    let text = &*ARTICLE;
    server.notify(Notification::new(
        "textDocument/didOpen".into(),
        json!({"textDocument": {"uri": URI, "languageId": "plaintext", "version": 0, "text": text}}),
    ));
    assert_eq!(server.publish().len(), 1);
    let line = (text.lines().count() / 2) as u32;
    let mut version = 0;
    bencher.bench_local(|| {
        version += 1;
        server.notify(did_change(version, line, version % 2 == 1));
        black_box(server.publish())
    });
}

/// For comparison: `check` alone on the same article, without the server's
/// edit, position conversion and protocol types.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn check_alone(bencher: Bencher) {
    let book = numcheck::Rulebook::builtin().expect("built-in rules load");
    let options = numcheck::CheckOptions::default();
    let text = &*ARTICLE;
    bencher.bench_local(|| numcheck::check(black_box(text), &options, &book));
}
