//! `unit`: a unit with several meanings in context — "tons" in a text that
//! also weighs in metric tonnes; a bare "$" in a text that also quotes
//! Canadian, Australian or other dollars; plain "gallons" in a story whose
//! places use different gallons (the gazetteer's locale, [`crate::places`]).

use super::Article;
use crate::diagnostic::Diagnostic;
use crate::quantity::{Kind, Quantity};
use crate::rulebook::Rule;
use crate::units::{self, Dimension};

pub const PLACEHOLDERS: &[&str] = &["figure", "unit", "other"];

/// Dollar currencies other than the US dollar, which a bare "$" may mean.
fn is_other_dollar(code: &str) -> bool {
    matches!(
        code,
        "cad"
            | "aud"
            | "nzd"
            | "hkd"
            | "sgd"
            | "twd"
            | "mxn"
            | "brl"
            | "jmd"
            | "ttd"
            | "bsd"
            | "bbd"
            | "fjd"
            | "lrd"
            | "nad"
            | "zwd"
            | "xcd"
            | "bzd"
            | "gyd"
            | "srd"
            | "kyd"
            | "bmd"
            | "sbd"
            | "clp"
            | "cop"
            | "ars"
            | "uyu"
    )
}

/// Whether a money figure is written with a bare "$" (not "US$", "C$", "$US").
fn bare_dollar(text: &str, q: &Quantity) -> bool {
    let written = q.number.text(text);
    written.starts_with('$')
        && !text[..q.number.start].ends_with(|c: char| c.is_alphabetic())
        && !text[q.number.end..].trim_start().starts_with("US")
}

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    // A bare "$" beside other dollars: one finding, at the first bare figure.
    let other = qs
        .iter()
        .find(|q| q.kind == Kind::Money && q.unit.as_deref().is_some_and(is_other_dollar));
    if let Some(other) = other
        && let Some(q) = qs.iter().find(|q| {
            q.kind == Kind::Money && q.unit.as_deref() == Some("usd") && bare_dollar(text, q)
        })
    {
        push(article, rule, q, "$", other, out);
    }
    // A plain "gallons" in a story whose places disagree on the gallon (set in
    // Scotland, quoting a U.S. owner), when its paragraph also gives a volume
    // in an unambiguous unit to compare it with: which gallon is meant matters.
    let pair = qs.iter().filter(|q| plain_gallon(text, q)).find_map(|q| {
        let para = paragraph(text, q.span.start);
        qs.iter()
            .find(|o| {
                o.kind == Kind::Measure
                    && o.sentence != q.sentence
                    && para.contains(&o.span.start)
                    && units::unit_after(text, o.number.end).is_some_and(|u| {
                        u.unit.dimension == Dimension::Volume
                            && u.unit.code != "gal"
                            && u.unit.other_factors.is_empty()
                            && !u.unit.ambiguous
                    })
            })
            .map(|o| (q, o))
    });
    if let Some((q, other)) = pair
        && crate::places::gallon_locale(text) == Some(None)
    {
        let spelled = units::unit_after(text, q.number.end)
            .and_then(|u| text.get(u.start..u.end))
            .unwrap_or("gallons")
            .to_string();
        push(article, rule, q, &spelled, other, out);
    }
    // An ambiguous unit spelling beside an unambiguous unit of the same dimension.
    for q in qs {
        if q.kind != Kind::Measure {
            continue;
        }
        let Some(written) = units::unit_after(text, q.number.end) else {
            continue;
        };
        if !written.unit.ambiguous
            || matches!(
                written.unit.dimension,
                Dimension::Angle | Dimension::Temperature
            )
        {
            continue;
        }
        let other = qs.iter().find(|o| {
            o.kind == Kind::Measure
                && !std::ptr::eq(*o, q)
                && units::unit_after(text, o.number.end)
                    .is_some_and(|u| u.unit.code == written.unit.code && !u.unit.ambiguous)
        });
        if let Some(other) = other {
            let spelled = text
                .get(written.start..written.end)
                .unwrap_or("")
                .to_string();
            push(article, rule, q, &spelled, other, out);
        }
    }
}

/// The byte range of the paragraph (between blank lines) around `at`.
fn paragraph(text: &str, at: usize) -> std::ops::Range<usize> {
    let start = text
        .get(..at)
        .and_then(|t| t.rfind("\n\n"))
        .map_or(0, |i| i + 2);
    let end = text
        .get(at..)
        .and_then(|t| t.find("\n\n"))
        .map_or(text.len(), |i| at + i);
    start..end
}

/// A volume written in plain gallons (not "US gallons"): a unit with another
/// reading (`other-factors` in the units lexicon).
fn plain_gallon(text: &str, q: &Quantity) -> bool {
    q.kind == Kind::Measure
        && units::unit_after(text, q.number.end)
            .is_some_and(|u| u.unit.code == "gal" && !u.unit.other_factors.is_empty())
}

fn push(
    article: &Article<'_>,
    rule: &Rule,
    q: &Quantity,
    unit: &str,
    other: &Quantity,
    out: &mut Vec<Diagnostic>,
) {
    let text = article.text;
    let values = [
        ("figure", q.span.text(text).to_string()),
        ("unit", unit.to_string()),
        ("other", other.span.text(text).to_string()),
    ];
    let d = rule
        .finding(q.span, &values)
        .with_related(other.span, "another reading in the same text");
    out.push(d);
}
