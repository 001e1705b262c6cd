//! The article's own date, when the text carries one: `date:` in front
//! matter (in plain text; a Markdown source masks its front matter and
//! returns the date itself, see [`crate::source`]), or a dateline that opens the story ("WASHINGTON, Oct. 23,
//! 2024 (Reuters) -", "April 27, 2005 Boeing has secured …").

use crate::quantity::{Kind, Quantity, Value};
use crate::span::Span;

/// How far into a paragraph a dateline may start, in bytes.
const DATELINE_REACH: usize = 60;

/// The date of the article: front matter, else the first full, written date
/// that opens one of the first paragraphs and is followed by a dash, an
/// agency in parentheses, or the story itself.
pub fn find(text: &str, quantities: &[Quantity]) -> Option<jiff::civil::Date> {
    if let Some(d) = crate::source::front_matter_date(text) {
        return Some(d);
    }
    quantities
        .iter()
        .take_while(|q| q.span.start < 600)
        .find_map(|q| {
            let (Kind::Date, Value::Date(Some(d))) = (&q.kind, &q.value) else {
                return None;
            };
            if q.date.relative {
                return None;
            }
            let date = d.civil()?;
            let line_start = text.get(..q.span.start)?.rfind('\n').map_or(0, |i| i + 1);
            let lead = text.get(line_start..q.span.start)?;
            // "WASHINGTON, " or nothing before the date.
            let opens = q.span.start - line_start <= DATELINE_REACH
                && lead.trim().trim_end_matches(',').chars().all(|c| {
                    c.is_uppercase() || c.is_whitespace() || c == '.' || c == '-' || c == '\''
                });
            let after = text.get(q.span.end..)?.trim_start();
            let closes = after.starts_with(['-', '—', '–', '(', ':'])
                || after.starts_with(|c: char| c.is_uppercase()) && lead.trim().is_empty();
            (opens && closes).then_some(date)
        })
}

/// Where the story is placed, for a clock time written in "local time" with
/// no place in its sentence or paragraph: the dateline's place
/// ("WASHINGTON, Oct. 23, 2024 (Reuters) -" → "WASHINGTON"), else the
/// story's lead, which names its place when there is no dateline: the
/// opening lines up to the end of the first paragraph of prose (a title
/// line alone is not one).
pub fn place_scope(text: &str, quantities: &[Quantity]) -> Option<Span> {
    if find(text, quantities).is_some()
        && let Some(q) = quantities
            .iter()
            .take_while(|q| q.span.start < 600)
            .find(|q| q.kind == Kind::Date && !q.date.relative)
    {
        let line_start = text.get(..q.span.start)?.rfind('\n').map_or(0, |i| i + 1);
        if q.span.start - line_start <= DATELINE_REACH {
            return Some(Span::new(line_start, q.span.start));
        }
    }
    let mut end = 0;
    for para in text.split("\n\n") {
        end += para.len();
        if para.trim().len() >= LEAD_PROSE {
            return Some(Span::new(0, end));
        }
        end += 2;
    }
    None
}

/// A paragraph at least this long (bytes) is prose, not a title.
const LEAD_PROSE: usize = 100;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Options, extract};

    fn date_of(text: &str) -> Option<String> {
        find(text, &extract(text, &Options::default())).map(|d| d.to_string())
    }

    #[test]
    fn place_scopes() {
        let scope = |text: &str| {
            place_scope(text, &extract(text, &Options::default())).map(|s| s.text(text).to_string())
        };
        assert_eq!(
            scope("KYIV, Aug 13, 2024 (Reuters) - Drones struck at 3:40 a.m. local time."),
            Some("KYIV, ".into())
        );
        let lead = "Explosion kills 35\n\nThirty-five worshippers are confirmed dead and many are injured after an explosion near a mosque in Fatahpur, Pakistan.\n\nMore.";
        assert_eq!(scope(lead).map(|s| s.ends_with("Pakistan.")), Some(true));
    }

    #[test]
    fn datelines() {
        assert_eq!(
            date_of("WASHINGTON, Oct. 23, 2024 (Reuters) - Kirby said"),
            Some("2024-10-23".into())
        );
        assert_eq!(
            date_of("Boeing deals\n\nApril 27, 2005 Boeing has secured two orders."),
            Some("2005-04-27".into())
        );
        assert_eq!(
            date_of("---\ntitle: x\ndate: 2024-06-05\n---\nText."),
            Some("2024-06-05".into())
        );
        assert_eq!(
            date_of("The summit opened on Oct. 23, 2024 in Brussels."),
            None
        );
        assert_eq!(
            date_of("Kirby said on Wednesday that 3,000 soldiers arrived."),
            None
        );
    }
}
