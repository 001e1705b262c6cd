//! Properties of the extractor that hold whatever the grammar finds: it never
//! panics, every span is a well-formed byte range of the input on char
//! boundaries, and the quantities come in order without overlapping.

use numcheck::{Options, Quantity, extract};
use proptest::prelude::*;

/// Checks every span invariant of one extraction; returns a message for the
/// first violation.
fn check_spans(text: &str, quantities: &[Quantity]) -> Result<(), String> {
    let len = text.len();
    let mut previous: Option<&Quantity> = None;
    for (k, q) in quantities.iter().enumerate() {
        let (s, n) = (q.span, q.number);
        if !(s.start <= s.end && s.end <= len) {
            return Err(format!("quantity {k}: span {s:?} outside 0..={len}"));
        }
        if !(n.start <= n.end && n.end <= len) {
            return Err(format!("quantity {k}: number span {n:?} outside 0..={len}"));
        }
        for (what, at) in [
            ("span.start", s.start),
            ("span.end", s.end),
            ("number.start", n.start),
            ("number.end", n.end),
        ] {
            if !text.is_char_boundary(at) {
                return Err(format!("quantity {k}: {what} {at} is not a char boundary"));
            }
        }
        if !s.contains(n) {
            return Err(format!(
                "quantity {k}: number span {n:?} not within span {s:?}"
            ));
        }
        if s.text(text) != &text[s.start..s.end] {
            return Err(format!("quantity {k}: span.text differs from the input"));
        }
        if n.text(text) != &text[n.start..n.end] {
            return Err(format!("quantity {k}: number.text differs from the input"));
        }
        if let Some(p) = previous {
            if q.span.start < p.span.start {
                return Err(format!(
                    "quantity {k}: starts at {} before the previous one at {}",
                    q.span.start, p.span.start
                ));
            }
            if p.span.overlaps(q.span) {
                return Err(format!(
                    "quantity {k}: span {:?} overlaps the previous {:?}",
                    q.span, p.span
                ));
            }
        }
        previous = Some(q);
    }
    Ok(())
}

fn run(text: &str) -> Result<(), String> {
    let options = Options::default();
    check_spans(text, &extract(text, &options))?;
    // A document date must not change the span invariants.
    let dated = Options {
        document_date: Some(jiff::civil::date(2024, 10, 23)),
    };
    check_spans(text, &extract(text, &dated))
}

/// Pieces of text that tend to start or continue quantities, plus characters
/// that stress byte/char handling.
const PIECES: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "5",
    "7",
    "9",
    "00",
    "12",
    "3,000",
    "1,200",
    "1.5",
    "0.25",
    "1,8",
    "2024",
    "8,399,399",
    "1 500 000",
    "1\u{202f}500",
    "1\u{a0}500",
    "1/2",
    "1 1/2",
    "½",
    ",",
    ".",
    ",,",
    "..",
    "-",
    "–",
    "—",
    "+",
    "/",
    "%",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "one",
    "two",
    "three",
    "a",
    "an",
    "and",
    "half",
    "a half",
    "quarter",
    "dozen",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "bn",
    "m",
    "k",
    "lakh",
    "crore",
    "twenty-five",
    "first",
    "21st",
    "third",
    "per",
    "cent",
    "percent",
    "per cent",
    "percentage points",
    "basis points",
    "in",
    "of",
    "out of",
    "between",
    "to",
    "more than",
    "at least",
    "up to",
    "about",
    "nearly",
    "over",
    "dozens",
    "thousands",
    "tens of",
    "a few",
    "several",
    "day",
    "a day",
    "every day",
    "daily",
    "years",
    "weeks",
    "decade",
    "January",
    "Oct.",
    "October",
    "May",
    "Wednesday",
    "this",
    "last",
    "next",
    "yesterday",
    "p.m.",
    "a.m.",
    "EDT",
    "UTC",
    "UTC-5",
    "local time",
    "2:30",
    "0310",
    "13:15",
    "$",
    "US$",
    "€",
    "£",
    "¥",
    "₹",
    "USD",
    "ISK",
    "Rs",
    "euros",
    "km",
    "kg",
    "°C",
    "mph",
    "MW",
    "GB",
    "soldiers",
    "deaths",
    "injuries",
    "voters",
    "troops",
    "Chapter 11",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "(",
    ")",
    "🙂",
    "👍🏽",
    "🇺🇸",
    "e\u{301}",
    "\u{301}",
    "\u{200d}",
    "\u{feff}",
    "ﬁ",
    "Ⅻ",
    "٣",
    "३",
    "é",
    "ß",
    "İ",
    "Σ",
];

/// Strings built from the pieces above, so that generated text often looks
/// like numbers, units and dates run together.
fn biased_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

/// Strings over a small alphabet of digits, separators and awkward characters.
fn digit_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(&[
            '0', '1', '9', ',', '.', ' ', '-', '/', '%', '$', '€', '½', '\u{a0}', '\u{202f}', '“',
            '”', '\u{301}', '🙂', 'a', 'm', 'k',
        ]),
        0..80,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        run(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn number_like_strings(text in biased_text()) {
        run(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn digit_soup_strings(text in digit_soup()) {
        run(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn pieces_joined_by_spaces(parts in prop::collection::vec(prop::sample::select(PIECES), 0..25)) {
        run(&parts.join(" ")).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn prefix_of_a_news_sentence(cut in 0usize..400, suffix in biased_text()) {
        let sentence = "The American official confirmed that \u{201c}Russia suffers about 1,200 \
            deaths and injuries every day in Ukraine.\u{201d} On Oct. 18, 2024, at 2:30 p.m. EDT \
            (UTC-5), more than 3,000 North Korean soldiers, some 12% of them, cost $3bn.";
        let mut end = cut.min(sentence.len());
        while !sentence.is_char_boundary(end) {
            end -= 1;
        }
        run(&format!("{}{}", &sentence[..end], suffix)).map_err(TestCaseError::fail)?;
    }
}

/// Hostile inputs at small sizes: each must return (the benchmark measures
/// their speed at full size; no timing is asserted here).
#[test]
fn hostile_inputs_terminate() {
    let digits_and_commas = "1,".repeat(100_000) + "1";
    let words = "one and a half ".repeat(100_000 / 15);
    let long_line = "There were 3,000 soldiers and about 1.5 million people, ".repeat(200_000 / 56);
    let duckling = "every day over the past 8,399,399 years ".repeat(200);
    let mixed = "12 $3bn 40% 2:30 p.m. Oct. 18, 2024 ".repeat(5_000);
    let only_digits = "9".repeat(200_000);
    let only_periods = "1.".repeat(100_000);
    for (name, text) in [
        ("digits and commas", &digits_and_commas),
        ("one and a half", &words),
        ("one long line", &long_line),
        ("Duckling sentence", &duckling),
        ("mixed quantities", &mixed),
        ("one long digit run", &only_digits),
        ("digits and periods", &only_periods),
    ] {
        if let Err(e) = run(text) {
            panic!("{name}: {e}");
        }
    }
    assert!(run("every day over the past 8,399,399 years").is_ok());
}

/// Edge cases that have broken number parsers elsewhere.
#[test]
fn small_edge_cases() {
    for text in [
        "",
        " ",
        "0",
        ",",
        ".",
        "1,",
        ",1",
        "1.",
        ".5",
        "1,000,",
        "1,00,000",
        "99999999999999999999999999999999999999",
        "0.00000000000000000000000000000000001",
        "-0",
        "$",
        "$.",
        "€1,8",
        "½",
        "1½",
        "1\u{301}",
        "\u{301}1",
        "3\u{fe0f}\u{20e3}",
        "🙂1🙂",
        "“3,000”",
        "one",
        "one and",
        "one and a",
        "one and a half",
        "a",
        "a hundred",
        "October",
        "October 2024",
        "Oct. 32, 2024",
        "2024-13-45",
        "25:99 p.m.",
        "between 300 and",
        "between and 300",
        "tens of",
    ] {
        if let Err(e) = run(text) {
            panic!("{text:?}: {e}");
        }
    }
}
