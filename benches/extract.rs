//! Extraction throughput. `cargo bench` prints MB/s for each input (divan's
//! bytes counter): real news from `../shared/corpus/news` (or the bundled
//! sample in `benches/sample/` when that folder is absent), and hostile
//! inputs whose time per byte should stay within 5x that of news.

use std::hint::black_box;

mod common;

use common::NEWS;
use divan::Bencher;
use divan::counter::BytesCount;
use numcheck::{Options, extract};

fn main() {
    common::announce();
    divan::main();
}

const MB: usize = 1_000_000;

/// `unit` repeated until the text is at least `bytes` long.
fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// Every news article, one `extract` call each.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn news(bencher: Bencher) {
    let articles = &NEWS.1;
    let bytes: usize = articles.iter().map(String::len).sum();
    let options = Options::default();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut found = 0;
        for a in articles {
            found += extract(black_box(a), &options).len();
        }
        found
    });
}

/// The running example, many times: a small document's fixed costs.
#[divan::bench(sample_count = 20, sample_size = 50)]
fn kirby_briefing(bencher: Bencher) {
    let text = include_str!("../examples/kirby-briefing.txt");
    let options = Options::default();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| extract(black_box(text), &options));
}

fn hostile(bencher: Bencher, text: &str) {
    let options = Options::default();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| extract(black_box(text), &options));
}

/// 10 MB of "1,1,1,...": one endless grouped number.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn hostile_digits_and_commas(bencher: Bencher) {
    hostile(bencher, &repeated("1,", 10 * MB));
}

/// 10 MB of "one and a half " repeated: one endless number-word phrase.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn hostile_one_and_a_half(bencher: Bencher) {
    hostile(bencher, &repeated("one and a half ", 10 * MB));
}

/// A single 5 MB line of ordinary news sentences with no newline.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn hostile_single_line(bencher: Bencher) {
    let line = "Russia suffers about 1,200 deaths and injuries every day, and more than \
                3,000 North Korean soldiers arrived on Oct. 18, 2024, at a cost of $3bn (12%). ";
    hostile(bencher, &repeated(line, 5 * MB));
}

/// Duckling's slow sentence, repeated to 5 MB on one line.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn hostile_duckling_sentence(bencher: Bencher) {
    hostile(
        bencher,
        &repeated("every day over the past 8,399,399 years ", 5 * MB),
    );
}
