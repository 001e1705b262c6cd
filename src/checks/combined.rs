//! `combined`: a figure that lumps categories ("deaths and serious injuries",
//! "confirmed and suspected cases") while another figure for the same subject
//! counts only one of them, inviting the reader to compare the two.

use super::Article;
use crate::diagnostic::Diagnostic;
use crate::quantity::Kind;
use crate::rulebook::Rule;

pub const PLACEHOLDERS: &[&str] = &["figure", "categories", "other", "category"];

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let claims = &article.claims;
    for (i, c) in claims.iter().enumerate() {
        if c.lumped.len() < 2 || !matches!(qs[i].kind, Kind::Count | Kind::Number) {
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
        let mut d = Diagnostic::new(
            &rule.name,
            rule.severity,
            qs[i].span,
            rule.render_message(&values),
        )
        .with_related(qs[j].span, "counts one category only");
        if let Some(help) = rule.render_help(&values) {
            d = d.with_help(help);
        }
        out.push(d);
    }
}
