//! Checking throughput. `cargo bench --bench check` prints MB/s (divan's bytes
//! counter) for `check` with every built-in rule over real news from
//! `../shared/corpus/news` (or the bundled sample in `benches/sample/` when
//! that folder is absent), and for one large document with 100,000 figures:
//! claim matching must stay linear, so it should check in well under 2 s.

use std::hint::black_box;
use std::sync::LazyLock;

mod common;

use common::NEWS;
use divan::Bencher;
use divan::counter::BytesCount;
use numcheck::{CheckOptions, Rulebook, check};

fn main() {
    common::announce();
    divan::main();
}

static RULES: LazyLock<Rulebook> =
    LazyLock::new(|| Rulebook::builtin().expect("built-in rules load"));

/// Every news article, one `check` call each, every default rule.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn news(bencher: Bencher) {
    let articles = &NEWS.1;
    let bytes: usize = articles.iter().map(String::len).sum();
    let options = CheckOptions::default();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut found = 0;
        for a in articles {
            found += check(black_box(a), &options, &RULES).len();
        }
        found
    });
}

/// About 5 MB holding 100,000 figures for the same few subjects, in sentences
/// that refer back to each other: the worst case for claim matching.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn hundred_thousand_figures(bencher: Bencher) {
    let mut text = String::with_capacity(5_200_000);
    let subjects = ["soldiers", "homes", "passengers", "voters"];
    let mut n = 0;
    while n < 100_000 {
        let s = subjects[n % subjects.len()];
        // Two figures per sentence, padded to about 50 bytes per figure.
        text.push_str(&format!(
            "Officials said {} {s} were counted on the first day of the survey, and the {} {s} were counted again later. ",
            1000 + n,
            2000 + n
        ));
        n += 2;
    }
    let options = CheckOptions::default();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| check(black_box(&text), &options, &RULES).len());
}
