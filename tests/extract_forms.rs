//! The extraction forms the checks depend on (issue 8): each form's value
//! interval, unit or counted noun, and span.

use numcheck::extract::{Options, extract};
use numcheck::quantity::{Approx, Kind, Quantity};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal literal")
}

/// The quantity whose whole mention is `span`.
fn mention(text: &str, span: &str) -> Quantity {
    let qs = extract(text, &Options::default());
    let all: Vec<&str> = qs.iter().map(|q| q.span.text(text)).collect();
    qs.iter()
        .find(|q| q.span.text(text) == span)
        .cloned()
        .unwrap_or_else(|| panic!("no mention {span:?} in {all:?}"))
}

fn interval(q: &Quantity) -> (Option<Decimal>, Option<Decimal>) {
    (q.low, q.high)
}

#[test]
fn a_scale_word_after_a_range_applies_to_both_ends() {
    let t = "Some 2-3 million refugees fled.";
    let q = mention(t, "2-3 million refugees");
    assert_eq!(q.approx, Approx::Range);
    assert_eq!(interval(&q), (Some(d("2000000")), Some(d("3000000"))));
    assert_eq!(q.unit.as_deref(), Some("refugee"));

    let t = "Officials said between 3 and 5 million people fled.";
    let q = mention(t, "between 3 and 5 million people");
    assert_eq!(interval(&q), (Some(d("3000000")), Some(d("5000000"))));
    assert_eq!(q.kind, Kind::Count);

    let t = "Visa hopes to raise about US$17-19 billion.";
    let q = mention(t, "US$17-19 billion");
    assert_eq!(q.kind, Kind::Money);
    assert_eq!(
        interval(&q),
        (Some(d("17000000000")), Some(d("19000000000")))
    );

    let t = "They produce 160-170 thousand barrels of oil per day.";
    let q = extract(t, &Options::default())
        .into_iter()
        .find(|q| q.number.text(t) == "160-170 thousand")
        .expect("the range");
    assert_eq!(interval(&q), (Some(d("160000")), Some(d("170000"))));
    assert_eq!(q.unit.as_deref(), Some("bbl"));
}

#[test]
fn a_lower_end_written_in_full_keeps_its_value() {
    let t = "Estimates ranged between 150,000 and 2 million protesters.";
    let q = mention(t, "between 150,000 and 2 million protesters");
    assert_eq!(interval(&q), (Some(d("150000")), Some(d("2000000"))));
    let t = "It rose to 1.5 to 2 billion dollars.";
    let qs = extract(t, &Options::default());
    assert!(
        qs.iter()
            .any(|q| q.low == Some(d("1.5")) || q.low == Some(d("1500000000")))
    );
}

#[test]
fn exceeding_and_topping_are_lower_bounds() {
    let t = "The crowd, exceeding 500 people, waited; attendance topping 40,000 fans.";
    let q = mention(t, "exceeding 500 people");
    assert_eq!(q.approx, Approx::MoreThan);
    assert_eq!(q.low, Some(d("500")));
    assert_eq!(q.high, None);
    let q = mention(t, "topping 40,000 fans");
    assert_eq!(q.approx, Approx::MoreThan);
    assert_eq!(q.unit.as_deref(), Some("fan"));
}

#[test]
fn us_and_imperial_gallons_are_units() {
    let t = "The tank holds 20 US gallons, or about 17 imperial gallons.";
    let q = mention(t, "20 US gallons");
    assert_eq!(q.kind, Kind::Measure);
    assert_eq!(q.unit.as_deref(), Some("gal-us"));
    let q = mention(t, "about 17 imperial gallons");
    assert_eq!(q.kind, Kind::Measure);
    assert_eq!(q.unit.as_deref(), Some("gal-imp"));
}

#[test]
fn an_increment_marker_after_the_figure_keeps_its_noun() {
    let t = "The US sent 3,000 additional troops, and 2,000 more soldiers followed.";
    let q = mention(t, "3,000 additional troops");
    assert_eq!(q.kind, Kind::Count);
    assert_eq!(q.unit.as_deref(), Some("troop"));
    assert_eq!(q.noun.map(|n| n.text(t)), Some("troops"));
    assert_eq!(
        q.marker.map(|m| m.role),
        Some(numcheck::quantity::MarkerRole::Increment)
    );
    // "more" also compares ("100 million more people than last year"):
    // the figure keeps its increment marker but borrows no noun past it.
    let q = extract(t, &Options::default())
        .into_iter()
        .find(|q| q.number.text(t) == "2,000")
        .expect("the figure");
    assert!(q.marker.is_some());
    assert_eq!(q.noun, None);
    // "more than" compares: no marker, and no noun is borrowed past it.
    let t = "It had 20 more than 58 people.";
    let qs = extract(t, &Options::default());
    assert!(qs.iter().all(|q| q.marker.is_none()));
}

#[test]
fn crore_abbreviated_after_rupees() {
    let t = "It signed a Rs 500 Cr deal.";
    let q = extract(t, &Options::default())
        .into_iter()
        .find(|q| q.kind == Kind::Money)
        .expect("the amount");
    assert_eq!(q.number.text(t), "Rs 500 Cr");
    assert_eq!(q.value.number(), Some(d("5000000000")));
    assert_eq!(q.unit.as_deref(), Some("inr"));
    // Without money, "Cr" is no scale (chromium, a council's "Cr").
    let t = "It had 24 Cr atoms.";
    assert!(
        extract(t, &Options::default())
            .iter()
            .all(|q| q.value.number() != Some(d("240000000")))
    );
}
