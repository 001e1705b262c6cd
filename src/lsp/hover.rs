//! Hover: how numcheck read the quantity under the cursor.

use crate::decimal::render;
use crate::extract::{Options, extract};
use crate::quantity::{Approx, Kind, Quantity, Value};

/// The quantities of `prose` (a document's masked prose, see
/// [`super::diagnostics::Reading`]) as the checks see them: relative dates
/// resolved against `date` (the configuration's or the document's metadata's)
/// when it is known, else against the article's own dateline.
pub fn quantities(prose: &str, date: Option<jiff::civil::Date>) -> Vec<Quantity> {
    if date.is_some() {
        return extract(
            prose,
            &Options {
                document_date: date,
            },
        );
    }
    let text = prose;
    let quantities = extract(text, &Options::default());
    match crate::dateline::find(text, &quantities) {
        Some(date) => extract(
            text,
            &Options {
                document_date: Some(date),
            },
        ),
        None => quantities,
    }
}

/// The innermost quantity whose mention covers byte `offset`.
pub fn at(quantities: &[Quantity], offset: usize) -> Option<&Quantity> {
    quantities
        .iter()
        .filter(|q| q.span.start <= offset && offset < q.span.end)
        .min_by_key(|q| q.span.len())
}

/// What the hover shows, as Markdown (or plain text when `markdown` is false:
/// the same lines without emphasis).
pub fn describe(text: &str, q: &Quantity, markdown: bool) -> String {
    let code = |s: &str| {
        if markdown {
            format!("`{s}`")
        } else {
            s.to_string()
        }
    };
    let mut lines = Vec::new();
    let head = format!("{} {}", code(q.span.text(text)), kind_name(q.kind));
    lines.push(if markdown {
        format!("**numcheck** reads {head}")
    } else {
        format!("numcheck reads {head}")
    });
    let mut item = |label: &str, value: String| lines.push(format!("- {label}: {value}"));
    match &q.value {
        Value::Number(n) => item("value", render(*n)),
        Value::Date(Some(d)) => {
            let how = if q.date.relative {
                "resolved from the article's date"
            } else {
                "as written"
            };
            item("date", format!("{} ({how})", d.iso()));
        }
        Value::Date(None) => item(
            "date",
            "relative, unresolved: the article's date is unknown".to_string(),
        ),
        Value::Time(t) => item("time", format!("{:02}:{:02}", t.hour, t.minute)),
        Value::Zone => item("time", "a time zone, no clock time".to_string()),
    }
    if let Some(w) = q.date.weekday.and_then(|w| WEEKDAYS.get(w as usize)) {
        item("weekday as written", w.to_string());
    }
    if q.value.number().is_some() {
        let bound = |b: Option<rust_decimal::Decimal>| b.map_or("open".to_string(), render);
        item(
            "interval",
            format!(
                "{} to {} ({})",
                bound(q.low),
                bound(q.high),
                approx_name(q.approx)
            ),
        );
    }
    if let Some(unit) = &q.unit {
        let noun = q.noun.map(|n| n.text(text)).filter(|n| !n.is_empty());
        match noun {
            Some(noun) if noun != unit => item("unit", format!("{unit} ({})", code(noun))),
            _ => item("unit", unit.clone()),
        }
    }
    if let Some(per) = q.per {
        item("time base", format!("per {per}"));
    }
    if let Some(m) = q.marker {
        item("marker", code(m.span.text(text)));
    }
    if let Some(a) = q.attribution {
        item("attribution", code(a.text(text)));
    }
    lines.join("\n")
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Count => "as a count",
        Kind::Money => "as an amount of money",
        Kind::Percent => "as a percentage",
        Kind::Measure => "as a measure",
        Kind::Duration => "as a duration",
        Kind::Date => "as a date",
        Kind::Time => "as a clock time",
        Kind::Number => "as a bare number",
        Kind::Ordinal => "as an ordinal",
    }
}

fn approx_name(a: Approx) -> &'static str {
    match a {
        Approx::Exact => "exact",
        Approx::About => "about",
        Approx::AtLeast => "at least",
        Approx::MoreThan => "more than",
        Approx::AtMost => "at most",
        Approx::LessThan => "less than",
        Approx::Range => "range",
        Approx::Vague => "vague",
    }
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

#[cfg(test)]
mod tests {
    use super::*;

    const KIRBY: &str = include_str!("../../examples/kirby-briefing.txt");

    fn hover(text: &str, needle: &str) -> String {
        let qs = quantities(text, None);
        let offset = text.find(needle).expect("needle in text");
        let q = at(&qs, offset).expect("a quantity under the cursor");
        describe(text, q, true)
    }

    #[test]
    fn a_count_with_its_noun() {
        let h = hover(KIRBY, "3,000");
        assert!(h.starts_with("**numcheck** reads `3,000 North Korean soldiers` as a count"));
        assert!(h.contains("- value: 3000\n"), "{h}");
        assert!(h.contains("- interval: 3000 to 3000 (exact)"), "{h}");
        assert!(
            h.contains("- unit: soldier (`North Korean soldiers`)"),
            "{h}"
        );
    }

    #[test]
    fn a_hedged_rate() {
        let h = hover(KIRBY, "1,200");
        assert!(h.contains("(about)"), "{h}");
        assert!(h.contains("- time base: per day"), "{h}");
    }

    #[test]
    fn dates_resolved_and_unresolved() {
        let h = hover(KIRBY, "October 18");
        assert!(h.contains("- date: 2024-10-18 (as written)"), "{h}");
        let h = hover(KIRBY, "Wednesday");
        assert!(h.contains("relative, unresolved"), "{h}");
        let dated = "WASHINGTON, Oct 23, 2024 (Reuters) - Talks ended on Friday.";
        let h = hover(dated, "Friday");
        assert!(
            h.contains("- date: 2024-10-18 (resolved from the article's date)"),
            "{h}"
        );
    }

    #[test]
    fn nothing_between_figures() {
        let qs = quantities(KIRBY, None);
        assert!(at(&qs, KIRBY.find("Communications").expect("word")).is_none());
    }
}
