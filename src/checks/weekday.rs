//! `weekday`: a weekday written next to a full date must be that date's weekday.

use jiff::civil::{Date, Weekday};

use super::Article;
use crate::diagnostic::Diagnostic;
use crate::quantity::{Kind, Quantity, Value};
use crate::rulebook::Rule;
use crate::span::Span;

pub const PLACEHOLDERS: &[&str] = &["weekday", "date", "actual", "nearest"];

const NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn index(w: Weekday) -> usize {
    w.to_monday_zero_offset() as usize
}

pub fn check(article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    for (i, q) in article.quantities.iter().enumerate() {
        if let Some((date, beside)) = date_beside(article, i) {
            report(article, rule, q, date, Some(beside), out);
            continue;
        }
        // A written day and month count even when the year was inferred
        // ("Monday 18 February"); a bare weekday resolves to itself.
        if q.kind != Kind::Date
            || q.date.relative
                && !q
                    .span
                    .text(article.text)
                    .contains(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        // A weekday beside a range ("Thursday-Friday 16-17 July", "Sunday
        // (March 13-16)") may name either end; a date needs a month name or a
        // year to be read with confidence.
        let written = q.span.text(article.text);
        // The range may run on past the mention: "Sunday (March 13-16)".
        let tail_end = (q.span.end + 4).min(article.text.len());
        let tail = article
            .text
            .get(q.span.start..tail_end)
            .or_else(|| article.text.get(q.span.start..q.span.end))
            .unwrap_or(written);
        let ranged = is_range(written) || is_range(tail);
        let named_month = written
            .split(|c: char| !c.is_alphabetic())
            // Month names are plain ASCII: a word that is not (or is too
            // long for the stack copy) names none.
            .any(|w| {
                crate::extract::words::Lower::new(w)
                    .is_some_and(|l| crate::extract::calendar::month(l.as_str()).is_some())
            });
        let has_year = written
            .split(|c: char| !c.is_ascii_digit())
            .any(|d| d.len() == 4);
        if ranged {
            range_ends(article, rule, q, out);
            continue;
        }
        if !(named_month || has_year) {
            continue;
        }
        let (Some(_), Value::Date(Some(d))) = (q.date.weekday, &q.value) else {
            continue;
        };
        let Some(date) = d.civil() else { continue };
        report(article, rule, q, date, None, out);
    }
}

/// A weekday mention whose date is written as the next mention: "Today,
/// Friday the 19th of March", "on Wednesday, June 14", "Monday the 16th of
/// October 2007" (a day alone, then its month). The date and that mention.
fn date_beside(article: &Article<'_>, i: usize) -> Option<(Date, Span)> {
    let text = article.text;
    let q = article.quantities.get(i)?;
    let next = article.quantities.get(i + 1)?;
    q.date.weekday?;
    if q.kind != Kind::Date || next.kind != Kind::Date || next.date.weekday.is_some() {
        return None;
    }
    let written = q.span.text(text);
    // The weekday is the mention's own: a full date would carry it already.
    let own_digits: String = written.chars().filter(char::is_ascii_digit).collect();
    if own_digits.len() > 2 {
        return None;
    }
    // Only commas, spaces, "the" and "of" between them.
    let between = text.get(q.span.end..next.span.start)?;
    let glue = between
        .split(|c: char| c == ',' || c.is_whitespace())
        .all(|w| {
            w.is_empty()
                || w.eq_ignore_ascii_case("the")
                // "Monday the 16th of October", not "the third Monday of October".
                || (w.eq_ignore_ascii_case("of") && !own_digits.is_empty())
        });
    if !glue || between.len() > 8 || between.contains(['\n', '\r']) {
        return None;
    }
    let Value::Date(Some(d)) = &next.value else {
        return None;
    };
    let date = match (d.month, d.day, own_digits.parse::<i8>().ok()) {
        // "Monday the 16th" + "of October 2007".
        (Some(m), None, Some(day)) => Date::new(d.year, m, day).ok()?,
        // "Today, Friday" + "the 19th of March".
        (Some(_), Some(_), None) => d.civil()?,
        _ => return None,
    };
    Some((date, Span::new(q.span.start, next.span.end)))
}

fn report(
    article: &Article<'_>,
    rule: &Rule,
    q: &Quantity,
    date: Date,
    beside: Option<Span>,
    out: &mut Vec<Diagnostic>,
) {
    {
        let Some(claimed) = q.date.weekday else {
            return;
        };
        let actual = index(date.weekday());
        let claimed = claimed as usize;
        if actual == claimed || claimed > 6 {
            return;
        }
        let nearest = nearest_with_weekday(date, claimed);
        let written = q.span.text(article.text);
        let weekday_span = weekday_span(written, q.span.start);
        let values = [
            ("weekday", NAMES[claimed].to_string()),
            ("date", date.strftime("%B %-d, %Y").to_string()),
            ("actual", NAMES[actual].to_string()),
            ("nearest", nearest.strftime("%B %-d").to_string()),
        ];
        let mut d = rule.finding(weekday_span.unwrap_or(q.span), &values);
        if let Some(b) = beside {
            d = d.with_related(b, "the date");
        } else if weekday_span.is_some() {
            d = d.with_related(q.span, "the date");
        }
        if let Some(ws) = weekday_span {
            d = d.with_fix(ws, NAMES[actual]);
        }
        out.push(d);
    }
}

/// "from next Tuesday to Sunday (March 13-16)": two weekdays joined by a
/// range word (`rules/calendar.toml`, `[range]`) before a range of days;
/// the first weekday names the first day, the second the last.
fn range_ends(article: &Article<'_>, rule: &Rule, q: &Quantity, out: &mut Vec<Diagnostic>) {
    let text = article.text;
    let qs = &article.quantities;
    let (Some(last_wd), Value::Date(Some(d))) = (q.date.weekday, &q.value) else {
        return;
    };
    let Some(first) = d.civil() else { return };
    // The weekday mention just before, joined by a range word.
    let k = qs.partition_point(|p| p.span.start < q.span.start);
    let Some(prev) = k.checked_sub(1).and_then(|k| qs.get(k)) else {
        return;
    };
    let Some(first_wd) = prev.date.weekday else {
        return;
    };
    let between = text.get(prev.span.end..q.span.start).unwrap_or("").trim();
    if prev.kind != Kind::Date
        || !crate::extract::calendar::listed(
            &crate::extract::calendar::WORDS.range.connectors,
            &between.to_lowercase(),
        )
    {
        return;
    }
    // The last day: the number after the dash that follows the first day.
    let rest = text.get(q.span.end..).unwrap_or("");
    let rest = rest.strip_prefix(['-', '–']).unwrap_or(rest);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let Some(last_day) = digits.parse::<i8>().ok().filter(|_| !digits.is_empty()) else {
        return;
    };
    let Ok(last) = Date::new(first.year(), first.month(), last_day) else {
        return;
    };
    if last <= first {
        return;
    }
    for (claimed, date, mention) in [(first_wd, first, prev), (last_wd, last, q)] {
        let actual = index(date.weekday());
        let claimed = claimed as usize;
        if actual == claimed || claimed > 6 {
            continue;
        }
        let written = mention.span.text(text);
        let at = weekday_at(written, mention.span.start).unwrap_or(mention.span);
        let values = [
            ("weekday", NAMES[claimed].to_string()),
            ("date", date.strftime("%B %-d, %Y").to_string()),
            ("actual", NAMES[actual].to_string()),
            (
                "nearest",
                nearest_with_weekday(date, claimed)
                    .strftime("%B %-d")
                    .to_string(),
            ),
        ];
        out.push(
            rule.finding(at, &values)
                .with_related(q.span, "the range of days")
                .with_fix(at, NAMES[actual]),
        );
    }
}

/// The span of the first weekday word in a mention ("next Tuesday").
fn weekday_at(written: &str, base: usize) -> Option<Span> {
    for w in written.split(|c: char| !c.is_ascii_alphabetic()) {
        let here = w.as_ptr() as usize - written.as_ptr() as usize;
        if w.len() >= 6
            && crate::extract::words::Lower::new(w)
                .is_some_and(|l| crate::extract::calendar::weekday(l.as_str()).is_some())
        {
            return Some(Span::new(base + here, base + here + w.len()));
        }
    }
    None
}

/// Whether a date is written as a range of days ("16-17 July", "March
/// 13–16"), as opposed to an ISO date ("2024-10-18").
fn is_range(written: &str) -> bool {
    let b = written.as_bytes();
    written.char_indices().any(|(i, c)| {
        // Only dashes can make a range: count digits for them alone.
        if c != '-' && c != '–' {
            return false;
        }
        let digits_before = b[..i]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let digit_after = b.get(i + c.len_utf8()).is_some_and(u8::is_ascii_digit);
        match c {
            // Not the second dash of an ISO date ("2024-10-18").
            '-' => {
                (1..=2).contains(&digits_before)
                    && digit_after
                    && (i - digits_before)
                        .checked_sub(1)
                        .and_then(|k| b.get(k))
                        .is_none_or(|&p| p != b'-')
            }
            '–' => digits_before > 0,
            _ => false,
        }
    })
}

/// The date nearest to `date` that falls on weekday `claimed` (0 = Monday).
fn nearest_with_weekday(date: Date, claimed: usize) -> Date {
    let actual = index(date.weekday()) as i64;
    let mut delta = claimed as i64 - actual;
    if delta > 3 {
        delta -= 7;
    } else if delta < -3 {
        delta += 7;
    }
    date.checked_add(jiff::Span::new().days(delta))
        .unwrap_or(date)
}

/// The span of the weekday word at the start of a date mention.
fn weekday_span(written: &str, base: usize) -> Option<Span> {
    let lower = written.to_ascii_lowercase();
    for name in NAMES {
        let l = name.to_ascii_lowercase();
        for len in [l.len(), 3] {
            let prefix = &l[..len];
            if lower.starts_with(prefix) {
                let end = written[len..]
                    .find(|c: char| !c.is_ascii_alphabetic())
                    .map_or(written.len(), |i| len + i);
                return Some(Span::new(base, base + end));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::is_range;

    #[test]
    fn ranges_of_days() {
        assert!(is_range("Sunday (March 13-16"));
        assert!(is_range("Thursday-Friday 16-17 July"));
        assert!(is_range("13–16 March"));
        assert!(!is_range("Friday 2024-10-18"));
        assert!(!is_range("Thursday, October 18, 2024"));
        // Multi-byte characters next to digits are no trouble.
        assert!(!is_range("1975 —"));
        assert!(!is_range("“Monday” 18 —"));
        assert!(is_range("16-17"));
    }
}
