//! Enumerations: runs of figures for parts of one whole within a sentence
//! ("1,200 in January, 1,450 in February and 1,800 in March";
//! "52 percent would vote yes, 39 percent no and 14 percent were undecided").

use super::words_in;
use crate::quantity::{Approx, Kind, Quantity};

/// Whether the text between two figures continues a list: a comma or "and",
/// short, with nothing that turns the next figure into a comparison or total
/// (the words are `breaks` and `breaks_before_part` in `rules/lists.toml`).
fn continues(text: &str, from: usize, to: usize) -> bool {
    let Some(between) = text.get(from..to) else {
        return false;
    };
    if between.len() > MAX_LABEL || between.contains(['.', ';', ':', '(', ')', '\n']) {
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
    if !joined {
        return false;
    }
    // Read one word at a time: no list of them is kept. Only the word right
    // before the next figure can make it a level or a whole ("to 20", "of 10").
    let lists = &*crate::lexicon::LISTS;
    let mut last = None;
    for w in words_in(text, from, to) {
        if lists.breaks.contains(w.as_ref()) {
            return false;
        }
        last = Some(w);
    }
    !last.is_some_and(|w| lists.breaks_before_part.contains(w.as_ref()))
}

/// The longest text between two parts of a list: a part's label ("38 per cent
/// expected to raise their prices over the next three months, ").
const MAX_LABEL: usize = 80;

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
        // Dates, times and ordinals inside a part's label are not parts; nor
        // are durations or vague figures, in a list of something else ("over
        // the next three months", "within a few months").
        if matches!(q.kind, Kind::Date | Kind::Time | Kind::Ordinal)
            || q.kind == Kind::Duration && qs[first].kind != Kind::Duration
            || q.approx == Approx::Vague && qs[first].approx != Approx::Vague
        {
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

/// "… 129 seats. Of these, 90 would be elected …": when the sentence of
/// figure `first` opens with "of" and a word of `previous_whole` (its first
/// figure being `first`), the whole is the last amount of the sentence before.
pub fn whole_in_previous_sentence(text: &str, qs: &[Quantity], first: usize) -> Option<usize> {
    let q = qs.get(first)?;
    let sentence = q.sentence;
    if first > 0 && qs[first - 1].sentence == sentence {
        return None;
    }
    let mut opening = words_in(text, sentence.start, q.span.start);
    let (Some(of), Some(these), None) = (opening.next(), opening.next(), opening.next()) else {
        return None;
    };
    if of != "of"
        || !crate::lexicon::LISTS
            .previous_whole
            .contains(these.as_ref())
    {
        return None;
    }
    let previous = qs[..first]
        .iter()
        .rposition(|w| w.sentence.end <= sentence.start)?;
    let before = qs[previous].sentence;
    (0..=previous)
        .rev()
        .take_while(|&w| qs[w].sentence == before)
        .find(|&w| {
            matches!(
                qs[w].kind,
                Kind::Count | Kind::Number | Kind::Money | Kind::Measure
            ) && qs[w].per.is_none()
                && qs[w].value.number().is_some()
        })
}
