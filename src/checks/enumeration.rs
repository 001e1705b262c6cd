//! Enumerations: runs of figures for parts of one whole within a sentence
//! ("1,200 in January, 1,450 in February and 1,800 in March";
//! "52 percent would vote yes, 39 percent no and 14 percent were undecided").

use super::words_in;
use crate::quantity::{Kind, Quantity};

/// Words that break a list: what follows them is not another part.
fn breaks_list(w: &str) -> bool {
    matches!(
        w,
        "total"
            | "totalling"
            | "totaling"
            | "altogether"
            | "compared"
            | "than"
            | "from"
            | "to"
            | "up"
            | "down"
            | "rose"
            | "fell"
            | "versus"
            | "vs"
            | "while"
            | "but"
            | "whereas"
            | "which"
            | "whom"
            | "including"
            | "of"
            | "out"
            | "per"
            | "a"
            | "an"
            | "by"
            | "since"
            | "after"
            | "before"
            | "against"
            | "bringing"
            | "brought"
            | "taking"
            | "making"
            | "or"
            | "between"
            | "among"
            | "over"
            | "under"
            | "increase"
            | "decrease"
            | "rise"
            | "fall"
            | "margin"
            | "error"
            | "points"
    )
}

/// Whether the text between two figures continues a list: a comma or "and",
/// short, with nothing that turns the next figure into a comparison or total.
fn continues(text: &str, from: usize, to: usize) -> bool {
    let Some(between) = text.get(from..to) else {
        return false;
    };
    if between.len() > 60 || between.contains(['.', ';', ':', '(', ')', '\n']) {
        return false;
    }
    // A separator, before or after each part's label: "1,450 in February and
    // 1,800 …", "…, drugs for 27%, and buildings for 21%".
    let trimmed = between.trim();
    let joined = trimmed.contains(',')
        || trimmed.contains(" and ")
        || trimmed.ends_with(" and")
        || trimmed.starts_with("and ")
        || trimmed == "and";
    // Read one word at a time: no list of them is kept.
    joined && !words_in(text, from, to).any(|w| breaks_list(&w))
}

/// Indexes of the list of figures that `first` starts, if it has two or more
/// parts. `same(first, previous, next)` decides whether a later figure can be
/// the next part of the list.
pub fn list_from(
    text: &str,
    qs: &[Quantity],
    first: usize,
    same: impl Fn(&Quantity, &Quantity, &Quantity) -> bool,
) -> Vec<usize> {
    let mut parts = vec![first];
    let mut last = first;
    let mut k = first + 1;
    while k < qs.len() && qs[k].sentence == qs[first].sentence {
        let q = &qs[k];
        if matches!(q.kind, Kind::Date | Kind::Time | Kind::Ordinal) {
            k += 1;
            continue;
        }
        if !same(&qs[first], &qs[last], q) || !continues(text, qs[last].span.end, q.span.start) {
            break;
        }
        parts.push(k);
        last = k;
        k += 1;
    }
    parts
}
