//! `combined`: a figure that lumps categories ("deaths and serious injuries",
//! "confirmed and suspected cases") while another figure for the same subject
//! counts only one of them, inviting the reader to compare the two.

use super::Article;
use crate::diagnostic::Diagnostic;
use crate::quantity::{Approx, Kind};
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = &["figure", "categories", "other", "category"];

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let claims = &article.claims;
    for (i, c) in claims.iter().enumerate() {
        if !matches!(qs[i].kind, Kind::Count | Kind::Number) {
            continue;
        }
        if c.lumped.len() < 2 {
            predicate(article, rule, i, out);
            continue;
        }
        let heads_lumped = c.head.as_deref().is_some_and(|h| h.contains(" and "));
        // Another figure that counts exactly one of the categories.
        let window = super::around(qs.len(), i, super::LOOKBACK);
        let single = claims[window.clone()]
            .iter()
            .zip(window)
            .find_map(|(o, j)| {
                // Positive evidence that the two are read together: said in
                // the same frame and year, of the same place.
                if j == i
                    || !crate::claims::same_frame(c, o)
                    || !crate::claims::same_scope(c, o)
                    || !o.lumped.is_empty()
                    || qs[j].per != qs[i].per
                    || !matches!(qs[j].kind, Kind::Count | Kind::Number)
                    // "tens of thousands of workers and supporters" …
                    // "Tens of thousands of workers": two estimates invite
                    // no comparison of what each counts.
                    || qs[i].approx == Approx::Vague && qs[j].approx == Approx::Vague
                {
                    return None;
                }
                // One category of a lumped count cannot exceed it: a larger figure
                // counts another population ("2,800 passengers" aboard, "240
                // passengers and crew" ill).
                if let (Some(part), Some(whole)) = (qs[j].value.number(), qs[i].value.number())
                    && part > whole
                {
                    return None;
                }
                let category = if heads_lumped {
                    let head = o.head.as_deref()?;
                    c.lumped.iter().find(|h| *h == head)?
                } else {
                    if o.head != c.head {
                        return None;
                    }
                    let mut hits = c.lumped.iter().filter(|m| o.modifiers.contains(m));
                    let first = hits.next()?;
                    if hits.next().is_some() {
                        return None;
                    }
                    first
                };
                Some((j, category.clone()))
            });
        let Some((j, category)) = single else {
            continue;
        };
        let values = [
            ("figure", qs[i].span.text(text).to_string()),
            ("categories", c.lumped.join(" and ")),
            ("other", qs[j].span.text(text).to_string()),
            ("category", category),
        ];
        let d = rule
            .finding(qs[i].span, &values)
            .with_related(qs[j].span, "counts one category only");
        out.push(d);
    }
}

/// "34 people were dead or missing" against "23 people dead": categories
/// lumped in the predicate, and a figure for the same subject in one of them.
fn predicate(article: &Article<'_>, rule: &Rule, i: usize, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let claims = &article.claims;
    let c = &claims[i];
    if c.lumped_frames.len() < 2 {
        return;
    }
    let window = super::around(qs.len(), i, super::LOOKBACK);
    let single = window.into_iter().find_map(|j| {
        let o = &claims[j];
        if j == i
            || !o.lumped_frames.is_empty()
            || !o.lumped.is_empty()
            || qs[j].per != qs[i].per
            || !matches!(qs[j].kind, Kind::Count | Kind::Number)
            || !crate::claims::same_scope(c, o)
            || !crate::claims::same_subject(c, o)
        {
            return None;
        }
        if let (Some(part), Some(whole)) = (qs[j].value.number(), qs[i].value.number())
            && part > whole
        {
            return None;
        }
        let mut hits = c.lumped_frames.iter().filter(|f| o.frames.contains(f));
        let first = hits.next()?;
        hits.next().is_none().then(|| (j, first.to_string()))
    });
    let Some((j, category)) = single else { return };
    let span = crate::span::Span::new(qs[i].span.start, predicate_end(text, &qs[i]));
    // The categories as written: "killed or wounded", not frame names.
    let written: String = text
        .get(qs[i].span.end..span.end)
        .unwrap_or("")
        .split_whitespace()
        .skip_while(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "were" | "was" | "are" | "is" | "had" | "have" | "has" | "been" | "being"
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let lex = &*crate::lexicon::FRAMES;
    let category = written
        .split_whitespace()
        .find(|w| {
            lex.class_of
                .get(&w.to_lowercase())
                .is_some_and(|c| *c == category)
        })
        .map_or(category, str::to_string);
    let values = [
        ("figure", span.text(text).to_string()),
        ("categories", written),
        ("other", qs[j].span.text(text).to_string()),
        ("category", category),
    ];
    let d = rule
        .finding(span, &values)
        .with_related(qs[j].span, "counts one category only");
    out.push(d);
}

/// The end of "N people were dead or missing": the word after "or"/"and".
fn predicate_end(text: &str, q: &crate::quantity::Quantity) -> usize {
    let mut end = (q.span.end + 60).min(q.sentence.end);
    while end > q.span.end && !text.is_char_boundary(end) {
        end -= 1;
    }
    let after = text.get(q.span.end..end).unwrap_or("");
    let lower = after.to_ascii_lowercase();
    let k = [" or ", " and "]
        .iter()
        .filter_map(|j| lower.find(j).map(|p| p + j.len()))
        .min();
    match k {
        Some(p) => {
            q.span.end
                + p
                + after[p..]
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(after.len() - p)
        }
        None => q.span.end,
    }
}
