//! What both benchmarks measure on: the news corpus at `../shared/corpus/news`,
//! or the bundled sample in `benches/sample/` when that folder is absent.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The articles to measure and the folder they came from.
pub static NEWS: LazyLock<(PathBuf, Vec<String>)> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus/news");
    let dir = if shared.is_dir() {
        shared
    } else {
        root.join("benches/sample")
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let articles = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect();
    (dir, articles)
});

/// Prints which articles the benchmark reads.
pub fn announce() {
    let (source, articles) = &*NEWS;
    let bytes: usize = articles.iter().map(String::len).sum();
    eprintln!(
        "news: {} articles, {:.2} MB from {}",
        articles.len(),
        bytes as f64 / 1e6,
        source.display()
    );
}
