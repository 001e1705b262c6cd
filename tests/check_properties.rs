//! Properties of `check` that hold whatever it finds: it never panics on any
//! text, and every finding's spans (primary and related) are byte ranges of
//! the input on char boundaries. Run with every rule, style rules included,
//! with and without a document date and reference facts.

use numcheck::{CheckOptions, Rulebook, check};
use proptest::prelude::*;

fn all_rules(book: &Rulebook) -> Vec<String> {
    book.rules.iter().map(|r| r.name.clone()).collect()
}

fn run(text: &str) -> Result<(), String> {
    let book = Rulebook::builtin().map_err(|e| e.to_string())?;
    let variants = [
        CheckOptions {
            select: Some(all_rules(&book)),
            ..CheckOptions::default()
        },
        CheckOptions {
            document_date: Some(jiff::civil::date(2024, 10, 23)),
            facts: Some(
                "The war began on February 24, 2022. The union has 27 member states.".into(),
            ),
            select: Some(all_rules(&book)),
            ..CheckOptions::default()
        },
    ];
    for options in &variants {
        for d in check(text, options, &book) {
            for span in std::iter::once(d.span).chain(d.related.iter().map(|r| r.span)) {
                if !(span.start <= span.end && span.end <= text.len()) {
                    return Err(format!("{}: span {span:?} outside the text", d.rule));
                }
                if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
                    return Err(format!("{}: span {span:?} not on char boundaries", d.rule));
                }
            }
        }
    }
    Ok(())
}

/// Fragments of news prose with figures, quotes, dashes and multi-byte text,
/// so that the checks' patterns (lists, changes, shares, sources) are reached.
const PIECES: &[&str] = &[
    "3,000 soldiers",
    "the 2,000 soldiers",
    "an additional 1,500",
    "rose 6.2%",
    " to ",
    " from ",
    "£296,000",
    "fell 2.4%, or 142.3 points,",
    "Of the 120 passengers, ",
    "70 were adults and 60 children",
    "52 percent",
    ", 39 percent",
    " and 14 percent",
    "one in three",
    "about a third",
    "halved",
    "26-mile (35-km)",
    "6:15 p.m. EDT (2115 UTC)",
    "EDT (UTC-5)",
    "Thursday, October 18, 2024",
    "a week after",
    "on 1 November 2024",
    "more than triple",
    " the 110,000",
    "20 more than",
    "thousands of soldiers",
    "40,000 tons",
    "C$2.1 billion",
    "$800 million",
    "a day",
    "a week",
    " said",
    ", police said.",
    " according to the union",
    "“",
    "”",
    "’",
    "é",
    "😀",
    "—",
    " – ",
    ", ",
    ". ",
    "\n",
    "\n\n",
    " ",
    "(",
    ")",
    ":",
    ";",
    "of whom 146",
    "deaths and injuries",
    "confirmed and suspected cases",
    "magnitude 6.8",
    "estimated the crowd at 12,000",
    "9 February, a Saturday",
];

fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        run(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn news_like_prose(text in prose()) {
        run(&text).map_err(TestCaseError::fail)?;
    }
}

/// Every real article in the bundled sample, cut at many char boundaries.
#[test]
fn sample_articles_cut_anywhere() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/sample");
    for entry in std::fs::read_dir(dir).expect("sample folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("sample article");
        for (cut, _) in text.char_indices().step_by(97) {
            run(&text[cut..])
                .unwrap_or_else(|e| panic!("{}: from byte {cut}: {e}", path.display()));
            run(&text[..cut])
                .unwrap_or_else(|e| panic!("{}: up to byte {cut}: {e}", path.display()));
        }
    }
}
