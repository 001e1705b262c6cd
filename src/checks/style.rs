//! `style`: numbers written in two styles in one document — "3,000" and
//! "3000"; "9" and "nine" for small counts.

use super::Article;
use crate::diagnostic::Diagnostic;
use crate::quantity::{Kind, Quantity};
use crate::rulebook::Rule;

/// Sorts a figure into one of two styles (`Some(true)`, `Some(false)`), or `None`.
type Classify = fn(&str, &Quantity) -> Option<bool>;

pub const PLACEHOLDERS: &[&str] = &["figure", "other", "style", "other_style"];

/// Whether a figure is a plain integer of at least four digits, not a year.
fn large_integer(text: &str, q: &Quantity) -> Option<bool> {
    let written = q.number.text(text);
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let plain = written.chars().all(|c| c.is_ascii_digit() || c == ',');
    if !plain || digits.len() < 4 || matches!(q.kind, Kind::Date | Kind::Time | Kind::Ordinal) {
        return None;
    }
    if digits.len() == 4
        && !written.contains(',')
        && (1800..=2100).contains(&digits.parse::<u32>().unwrap_or(0))
    {
        return None;
    }
    Some(written.contains(','))
}

/// Whether a figure is a count from one to nine, and written in digits.
fn small_count(text: &str, q: &Quantity) -> Option<bool> {
    if !matches!(q.kind, Kind::Count) {
        return None;
    }
    let v = q.value.number()?;
    let written = q.number.text(text);
    let one_word = !written.contains(' ') && !written.contains('-');
    (v.fract().is_zero()
        && v >= rust_decimal::Decimal::ONE
        && v <= rust_decimal::Decimal::from(9)
        && one_word)
        .then(|| written.chars().all(|c| c.is_ascii_digit()))
}

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let styles: [(Classify, &str, &str); 2] = [
        (
            large_integer,
            "with a thousands separator",
            "without a thousands separator",
        ),
        (small_count, "in digits", "in words"),
    ];
    for (classify, yes, no) in styles {
        let marked: Vec<(&Quantity, bool)> = qs
            .iter()
            .filter_map(|q| classify(text, q).map(|s| (q, s)))
            .collect();
        let with = marked.iter().filter(|(_, s)| *s).count();
        let without = marked.len() - with;
        if with == 0 || without == 0 {
            continue;
        }
        // Point at the first figure in the less common style.
        let minority = with < without;
        let Some((q, _)) = marked.iter().find(|(_, s)| *s == minority) else {
            continue;
        };
        let Some((other, _)) = marked.iter().find(|(_, s)| *s != minority) else {
            continue;
        };
        let (style, other_style) = if minority { (yes, no) } else { (no, yes) };
        let values = [
            ("figure", q.number.text(text).to_string()),
            ("other", other.number.text(text).to_string()),
            ("style", style.to_string()),
            ("other_style", other_style.to_string()),
        ];
        let d = rule
            .finding(q.number, &values)
            .with_related(other.number, "the document's usual style");
        out.push(d);
    }
}
