//! The extractor: one linear scan over the text that stops only where a
//! quantity can start (a digit, a currency sign, or a lexicon word), runs the
//! grammar pieces there, and assembles each mention with its bounds, unit or
//! counted noun, time base and context.

pub mod calendar;
pub mod clock;
pub mod context;
pub mod date;
pub mod gate;
pub mod noun;
pub mod number;
pub mod words;

use rust_decimal::Decimal;

use crate::lexicon::{BOUNDS, MARKERS, TIME_BASES, VAGUE};
use crate::quantity::{Approx, Kind, Marker, Quantity, Value};
use crate::span::Span;
use crate::units::{self, Dimension, Unit};
use words::{Lower, skip_gap, skip_spaces, word_char_at, word_char_before, word_end};

/// What the extractor needs to know besides the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The article's date, for resolving relative dates ("on Wednesday").
    pub document_date: Option<jiff::civil::Date>,
}

/// Finds every quantity in `text`, in order of position.
pub fn extract(text: &str, options: &Options) -> Vec<Quantity> {
    scan(text, options).quantities
}

/// What one pass over a text found: its quantities, and the offsets of the
/// words that may start an attribution ("said", "according to"), in order,
/// for the claims that need them ([`crate::claims::claims_with`]).
#[derive(Debug, Default)]
pub struct Scan {
    pub quantities: Vec<Quantity>,
    pub sources: Vec<usize>,
}

/// [`extract`], keeping the attribution words the scanner saw on the way.
pub fn scan(text: &str, options: &Options) -> Scan {
    let mut scan = Scanner {
        text,
        options,
        // News has a quantity every 150 bytes or so.
        out: Vec::with_capacity(text.len() / 128),
        marks: context::Marks {
            ends: Vec::with_capacity(text.len() / 64),
            sources: Vec::new(),
        },
        after: std::cell::Cell::new((usize::MAX, None)),
    };
    scan.run();
    let mut out = scan.out;
    context::annotate(text, &mut out, &scan.marks);
    Scan {
        quantities: out,
        sources: scan.marks.sources,
    }
}

struct Scanner<'a> {
    text: &'a str,
    options: &'a Options,
    out: Vec<Quantity>,
    /// Sentence ends and attribution words seen on the way, for context.
    marks: context::Marks,
    /// The last [`gate::flags_after`] asked for, by position: a figure's
    /// time base and role markers probe the same word after it.
    after: std::cell::Cell<(usize, Option<u16>)>,
}

/// Currency signs that may stand before a number.
fn is_currency_sign(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₹' | '₩' | '₽' | '₺' | '₪' | '₦' | '₱' | '฿' | '₫'
    )
}

impl Scanner<'_> {
    fn run(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let gate = &*gate::GATE;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b' ' {
                // Between words (the commonest byte): nothing starts here.
                i += 1;
                continue;
            }
            if b.is_ascii_digit() {
                if word_char_before(text, i) {
                    // Inside a word such as "A320" or "COVID-19"'s "19" after a letter.
                    i = word_end(text, i);
                    continue;
                }
                // A run of digits and punctuation longer than any number
                // ("1,1,1,...", a hash, a table row) is not prose: skip it whole.
                let next = if token_longer_than(bytes, i, MAX_TOKEN) {
                    skip_token(text, i)
                } else {
                    match self.at_digit(i) {
                        Some(end) => end,
                        None => skip_token(text, i),
                    }
                };
                self.marks.ends_in(bytes, i, next);
                i = next;
                continue;
            }
            if b.is_ascii_alphabetic() {
                let (end, key) = gate::key_of(text, i);
                let flags = key.map_or(0, |k| gate.flags(k));
                if flags & !(gate::AFTER_A | gate::UNIT) != 0 && !word_char_before(text, i) {
                    if flags & gate::SOURCE != 0 {
                        self.marks.sources.push(i);
                    }
                    if let Some(next) = self.at_word(i, end, flags) {
                        self.marks.ends_in(bytes, i, next);
                        i = next;
                        continue;
                    }
                }
                // The space after a word (the commonest case) starts nothing.
                i = if bytes.get(end) == Some(&b' ') {
                    end + 1
                } else {
                    end
                };
                continue;
            }
            if b == b'-' || b == b'.' || b == b'+' {
                // "-5", ".5", and a sign set off by one space at the start of
                // a line ("- 1 4/5"), where it cannot be a dash between words.
                let next_digit = bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                    || (b != b'.'
                        && bytes.get(i + 1) == Some(&b' ')
                        && bytes.get(i + 2).is_some_and(u8::is_ascii_digit)
                        && line_start(bytes, i));
                let prev_ok =
                    i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.');
                if next_digit
                    && prev_ok
                    && let Some(end) = self.number_mention(i, i, None)
                {
                    self.marks.ends_in(bytes, i, end);
                    i = end;
                    continue;
                }
            } else if b == b'$' || b >= 0x80 {
                let c = text[i..].chars().next().unwrap_or(' ');
                if is_currency_sign(c)
                    && let Some(end) = self.currency_mention(i)
                {
                    self.marks.ends_in(bytes, i, end);
                    i = end;
                    continue;
                }
                if number::is_vulgar_fraction(c)
                    && !word_char_before(text, i)
                    && let Some(end) = self.number_mention(i, i, None)
                {
                    i = end;
                    continue;
                }
                if b >= 0x80 && c.is_alphabetic() {
                    i = word_end(text, i);
                    continue;
                }
                i += c.len_utf8();
                continue;
            }
            if matches!(b, b'.' | b'!' | b'?' | b'\n') {
                self.marks.ends.push(i);
            }
            i += 1;
        }
    }

    /// At a digit: a clock time, a date, or a number with what follows it.
    fn at_digit(&mut self, i: usize) -> Option<usize> {
        if plainly_a_number(self.text.as_bytes(), i) {
            return self.number_mention(i, i, None);
        }
        if let Some(end) = self.year_pair(i) {
            return Some(end);
        }
        if let Some(end) = self.clock_mention(i) {
            return Some(end);
        }
        if let Some(end) = self.date_mention(i) {
            return Some(end);
        }
        self.number_mention(i, i, None)
    }

    /// "2011/2012", "2012-13", "2012–13": a financial year or a season, read
    /// as a date for its first year (so figures "in 2011/12" are for 2011),
    /// never as a fraction or a count.
    fn year_pair(&mut self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let first_end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if first_end - i != 4 {
            return None;
        }
        let year: u32 = self.text.get(i..first_end)?.parse().ok()?;
        let rest = self.text.get(first_end..)?;
        let sep = ["/", "-", "–"].iter().find(|s| rest.starts_with(**s))?;
        let second_start = first_end + sep.len();
        let digits = bytes[second_start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let end = second_start + digits;
        if !matches!(digits, 2 | 4)
            || bytes
                .get(end)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'/')
        {
            return None;
        }
        let second: u32 = self.text.get(second_start..end)?.parse().ok()?;
        if !number::is_year_pair(Decimal::from(year), second) {
            return None;
        }
        let span = Span::new(i, end);
        let date = crate::quantity::CalendarDate {
            year: i16::try_from(year).ok()?,
            month: None,
            day: None,
        };
        self.out.push(Quantity::new(
            span,
            span,
            Kind::Date,
            Value::Date(Some(date)),
        ));
        Some(end)
    }

    /// At a word: a lexicon word may start a quantity. `flags` say which
    /// lexicons may know it.
    fn at_word(&mut self, i: usize, end: usize, flags: u16) -> Option<usize> {
        let lower = Lower::in_text(self.text, i, end)?;
        let w = lower.as_str();
        if matches!(w, "a" | "an") && !self.may_follow_article(end) {
            // "a dog": no quantity starts here (the common case, kept cheap).
            return None;
        }
        if w == "in" && !self.may_follow_in(end) {
            // "in the": only "in 2022", "in two weeks" are quantities.
            return None;
        }
        if flags & gate::CLOCK != 0
            && clock::starts_clock(w)
            && let Some(end) = self.clock_mention(i)
        {
            return Some(end);
        }
        if flags & gate::DATE != 0
            && date::starts_date(w)
            && let Some(end) = self.date_mention(i)
        {
            return Some(end);
        }
        if flags & gate::CURRENCY != 0
            && digit_within(self.text.as_bytes(), i, end - i + 12)
            && units::starts_currency(w)
            && let Some(end) = self.currency_mention(i)
        {
            return Some(end);
        }
        if flags & gate::VAGUE != 0
            && VAGUE.starts_with_word(w)
            && let Some(end) = self.vague_mention(i)
        {
            return Some(end);
        }
        if flags & gate::NUMBER != 0
            && number::starts_number(w)
            && let Some(end) = self.number_mention(i, i, None)
        {
            return Some(end);
        }
        if flags & gate::ARTICLE != 0
            && matches!(w, "a" | "an" | "another" | "all" | "full" | "whole")
        {
            return self.article_duration(i, end, w == "another");
        }
        None
    }

    /// Whether the word after "a"/"an" (ending at `end`) may go on to a
    /// quantity: a number word, a vague quantifier's word or a unit; or
    /// anything but a plain word, which the grammars then judge.
    fn may_follow_article(&self, end: usize) -> bool {
        self.word_may_pass(skip_gap(self.text, end), gate::AFTER_A | gate::UNIT)
    }

    /// Whether the word "in" (ending at `end`) may start a date: "in two
    /// weeks", "in a month" (a digit or a number word must follow).
    fn may_follow_in(&self, end: usize) -> bool {
        self.word_may_pass(skip_spaces(self.text, end), gate::NUMBER)
    }

    /// Whether what starts at `next` may pass one of the look-ups in `flags`:
    /// anything but a plain word may (the grammars then judge it); a plain
    /// word only when the gate says so.
    fn word_may_pass(&self, next: usize, flags: u16) -> bool {
        let text = self.text;
        if !text
            .as_bytes()
            .get(next)
            .is_some_and(u8::is_ascii_alphabetic)
        {
            return true;
        }
        let (_, key) = gate::key_of(text, next);
        key.is_none_or(|k| gate::GATE.flags(k) & flags != 0)
    }

    /// "an hour", "a fortnight", "another week", "all day": one unit of time.
    fn article_duration(&mut self, i: usize, word_end: usize, another: bool) -> Option<usize> {
        let text = self.text;
        let u = units::unit_after(text, word_end)?;
        // "all day", "a week"; "all-day", "full-week" joined by a hyphen.
        let joined = u.start == skip_spaces(text, word_end)
            || (u.start == word_end + 1 && text.as_bytes()[word_end] == b'-');
        if !joined {
            return None;
        }
        if u.unit.dimension != Dimension::Time {
            return self.article_measure(i, word_end, u);
        }
        let mut q = Quantity::new(
            Span::new(i, u.end),
            Span::new(i, word_end),
            Kind::Duration,
            Value::Number(Decimal::ONE),
        );
        set_unit(&mut q, u.unit);
        if another {
            q.marker = Some(Marker {
                role: crate::quantity::MarkerRole::Increment,
                span: Span::new(i, word_end),
            });
        }
        let end = self.compound_duration(&mut q, u.end);
        q.span.end = end;
        self.bounds_and_markers(&mut q);
        self.out.push(q);
        Some(end)
    }

    /// "a gallon", "a mile", "a penny": one of a unit spelled out as a word
    /// (not "a m", and not a spelling with another common reading).
    fn article_measure(&mut self, i: usize, word_end: usize, u: units::UnitMatch) -> Option<usize> {
        let text = self.text;
        let word = &text[u.start..u.end];
        if u.unit.ambiguous
            || u.start != skip_spaces(text, word_end)
            || word.len() < 4
            || !word.bytes().all(|b| b.is_ascii_alphabetic())
            || !matches!(
                u.unit.dimension,
                Dimension::Length
                    | Dimension::Area
                    | Dimension::Volume
                    | Dimension::Mass
                    | Dimension::Data
                    | Dimension::Energy
                    | Dimension::Power
                    | Dimension::Currency
            )
            || !matches!(&text[i..word_end], "a" | "an" | "A" | "An")
        {
            return None;
        }
        let mut q = Quantity::new(
            Span::new(i, u.end),
            Span::new(i, word_end),
            kind_of(u.unit.dimension),
            Value::Number(Decimal::ONE),
        );
        set_unit(&mut q, u.unit);
        let end = self.time_base(&mut q, u.end);
        self.bounds_and_markers(&mut q);
        self.out.push(q);
        Some(end)
    }

    /// Extends a duration over the parts that follow it: "1 year 1 month 21
    /// days", "an hour and a half". The value is restated in the smallest unit.
    fn compound_duration(&self, q: &mut Quantity, mut end: usize) -> usize {
        let text = self.text;
        let (Some(code), Some(value)) = (q.unit.clone(), q.value.number()) else {
            return end;
        };
        let Some(mut unit) = units::lookup(&code) else {
            return end;
        };
        let mut total = value * unit.factor;
        let mut parts = 1;
        // Years to seconds is seven parts; past that it is a list, not one span.
        while parts < MAX_DURATION_PARTS {
            let mut at = end;
            let mut joined = false;
            if let Some((s, e)) = words::next_word(text, at)
                && text[s..e].eq_ignore_ascii_case("and")
                && text[at..s].chars().all(words::is_space)
            {
                at = e;
                joined = true;
            } else if text[at..].starts_with(", ") {
                at += 1;
            }
            let start = skip_spaces(text, at);
            if start == end {
                // The next part must be set off by a space or a joiner.
                break;
            }
            // "and a half": half of the last unit.
            if joined
                && let Some((s, e)) = words::next_word(text, start)
                && (text[s..e].eq_ignore_ascii_case("a") || text[s..e].eq_ignore_ascii_case("half"))
            {
                let half_end = if text[s..e].eq_ignore_ascii_case("a") {
                    words::next_word(text, e)
                        .filter(|&(s2, e2)| text[s2..e2].eq_ignore_ascii_case("half"))
                        .map(|(_, e2)| e2)
                } else {
                    Some(e)
                };
                if let Some(h) = half_end
                    && units::unit_after(text, h)
                        .is_none_or(|u| u.unit.dimension != Dimension::Time)
                {
                    total += unit.factor / Decimal::TWO;
                    end = h;
                    parts += 1;
                    continue;
                }
            }
            if !text
                .as_bytes()
                .get(start)
                .is_some_and(u8::is_ascii_alphanumeric)
            {
                break;
            }
            let Some(m) = number::parse_number(text, start, false) else {
                break;
            };
            let Some(u) = units::unit_after(text, m.end) else {
                break;
            };
            if u.unit.dimension != Dimension::Time || m.ordinal {
                break;
            }
            total += m.value * u.unit.scale * u.unit.factor;
            if u.unit.factor < unit.factor {
                unit = u.unit;
            }
            end = u.end;
            parts += 1;
        }
        if parts > 1
            && let Some(v) = total.checked_div(unit.factor)
        {
            let v = v.normalize();
            q.value = Value::Number(v);
            q.low = Some(v);
            q.high = Some(v);
            q.unit = Some(unit.code.clone());
            q.number = Span::new(q.number.start, end);
        }
        end
    }

    /// Extends an amount over a smaller unit that follows it: "5 feet 2
    /// inches", "3 dollars 50 cents", and cents without their name at the
    /// end of a clause ("15 dollars 50."). The value is restated in the first
    /// unit. Metric pairs ("12 m 2 dm") are two figures, not one.
    fn compound_measure(&self, q: &mut Quantity, end: usize) -> usize {
        let text = self.text;
        let (Some(code), Some(value)) = (q.unit.clone(), q.value.number()) else {
            return end;
        };
        let Some(first) = units::lookup(&code) else {
            return end;
        };
        if !matches!(
            first.dimension,
            Dimension::Length | Dimension::Mass | Dimension::Volume | Dimension::Currency
        ) || first.subunit_of.is_some()
        {
            return end;
        }
        let mut at = end;
        if let Some((s, e)) = words::next_word(text, at)
            && text[s..e].eq_ignore_ascii_case("and")
            && text[at..s].chars().all(words::is_space)
        {
            at = e;
        }
        let start = skip_spaces(text, at);
        if start == end
            || !text
                .as_bytes()
                .get(start)
                .is_some_and(u8::is_ascii_alphanumeric)
        {
            return end;
        }
        // "5 feet 2 inches", "thirteen dollars forty-five cents".
        let Some(m) = number::parse_number(text, start, false) else {
            return end;
        };
        if m.ordinal || m.value < Decimal::ZERO {
            return end;
        }
        let (part, part_end) = match units::unit_after(text, m.end) {
            Some(u) if u.unit.dimension == first.dimension => {
                let smaller = if first.dimension == Dimension::Currency {
                    u.unit.subunit_of.as_deref() == Some(first.code.as_str())
                } else {
                    u.unit.factor < first.factor && !power_of_ten(first.factor / u.unit.factor)
                };
                match units::convert(m.value, u.unit, first) {
                    Some(v) if smaller && v < Decimal::ONE => (v, u.end),
                    _ => return end,
                }
            }
            Some(_) => return end,
            // "15 dollars 50.": cents, when nothing follows but punctuation.
            None if first.dimension == Dimension::Currency
                && m.value.fract().is_zero()
                && m.value < Decimal::ONE_HUNDRED
                && !words::word_char_at(text, skip_spaces(text, m.end)) =>
            {
                (m.value / Decimal::ONE_HUNDRED, m.end)
            }
            None => return end,
        };
        let total = value + part;
        q.value = Value::Number(total);
        q.low = Some(total);
        q.high = Some(total);
        q.number = Span::new(q.number.start, part_end);
        part_end
    }

    fn clock_mention(&mut self, i: usize) -> Option<usize> {
        let m = clock::parse_clock(self.text, i)?;
        let value = m.time.map_or(Value::Zone, Value::Time);
        let mut q = Quantity::new(m.span, m.span, Kind::Time, value);
        q.unit = m.zone;
        q.zone_offset = m.offset_minutes;
        self.out.push(q);
        Some(m.span.end)
    }

    fn date_mention(&mut self, i: usize) -> Option<usize> {
        let m = date::parse_date(self.text, i, self.options.document_date)?;
        // "1/2 cup": a fraction before a unit, not a day and month.
        let written = m.span.text(self.text);
        if written.len() <= 5
            && written.contains('/')
            && written.bytes().all(|b| b.is_ascii_digit() || b == b'/')
            && units::unit_after(self.text, m.span.end).is_some()
        {
            return None;
        }
        let mut q = Quantity::new(m.span, m.span, Kind::Date, Value::Date(m.value));
        q.date = m.info;
        // "9 February, a Saturday", "14 July 2024 (a Sunday)": the weekday
        // the text claims for the date.
        if q.date.weekday.is_none()
            && let Some((end, wd)) = weekday_after(self.text, m.span.end)
        {
            q.date.weekday = Some(wd);
            q.span.end = end;
        }
        self.out.push(q);
        Some(q_end(&self.out))
    }

    /// A currency sign or code, then a number: "$3bn", "US$1.2 billion", "ISK 24,766 million".
    fn currency_mention(&mut self, i: usize) -> Option<usize> {
        let (num_start, unit) = units::currency_before(self.text, i)?;
        let num_start = skip_spaces(self.text, num_start);
        self.number_mention(i, num_start, Some(unit))
    }

    /// A vague quantifier: "thousands of soldiers", "dozens", "tens of thousands".
    fn vague_mention(&mut self, i: usize) -> Option<usize> {
        let text = self.text;
        let (end, v) = VAGUE.match_at(text, i)?;
        // "hundreds" inside "two hundreds"? The number grammar handles
        // counted scales; a vague word stands alone.
        let mut q = Quantity::new(
            Span::new(i, end),
            Span::new(i, end),
            Kind::Count,
            Value::Number(v.value),
        );
        q.approx = Approx::Vague;
        q.low = Some(v.low);
        q.high = v.high;
        let mut end_all = end;
        // "thousands of soldiers", "thousands of dollars".
        let after_of = of_phrase(text, end);
        if let Some(after) = after_of {
            if let Some(u) = units::unit_after(text, after)
                && u.start == skip_spaces(text, after)
                && u.unit.dimension == Dimension::Currency
            {
                q.kind = Kind::Money;
                set_unit(&mut q, u.unit);
                end_all = u.end;
            } else if let Some(np) = noun::phrase_after(text, after) {
                q.noun = Some(np.span);
                q.unit = Some(np.lemma);
                end_all = np.span.end;
            }
        } else if let Some(np) = noun::phrase_after(text, end) {
            // "thousands more soldiers" is rare; "dozens injured" has no noun.
            q.noun = Some(np.span);
            q.unit = Some(np.lemma);
            end_all = np.span.end;
        }
        if q.noun.is_none() && q.kind == Kind::Count {
            // "hundreds" alone: still a count of something unnamed.
            q.unit = None;
        }
        q.span = Span::new(i, end_all);
        end_all = self.time_base(&mut q, end_all);
        self.bounds_and_markers(&mut q);
        self.out.push(q);
        Some(end_all)
    }

    /// A number at `num_start` (with the mention starting at `start`, before
    /// any currency sign), and everything that qualifies it.
    fn number_mention(
        &mut self,
        start: usize,
        num_start: usize,
        currency: Option<&'static Unit>,
    ) -> Option<usize> {
        let text = self.text;
        let m = number::parse_number(text, num_start, currency.is_some())?;
        if m.end <= num_start {
            return None;
        }
        if currency.is_none() && is_reference_number(text, num_start, m.end) {
            return Some(m.end);
        }
        // "iPhone 3G", "4K", "737MAX": digits run into letters that are no
        // unit, scale or ordinal suffix. Reported as a bare number marked as
        // part of a name, so no check counts it as a quantity of anything.
        if currency.is_none()
            && m.written.digits
            && !m.ordinal
            && text
                .as_bytes()
                .get(m.end)
                .is_some_and(u8::is_ascii_alphabetic)
            && text
                .as_bytes()
                .get(m.end - 1)
                .is_some_and(u8::is_ascii_digit)
            && units::unit_after(text, m.end).is_none_or(|u| u.start != m.end)
        {
            let span = Span::new(start, m.end);
            let mut q = Quantity::new(span, span, Kind::Number, Value::Number(m.value));
            q.written = m.written;
            q.written.in_name = true;
            self.out.push(q);
            return Some(word_end(text, m.end));
        }
        // "the 2020 primary", "its 2023 budget": a year used as a modifier.
        if currency.is_none()
            && let Some(year) = modifier_year(text, num_start, m.end, m.value)
        {
            let q = Quantity::new(
                Span::new(num_start, m.end),
                Span::new(num_start, m.end),
                Kind::Date,
                Value::Date(Some(crate::quantity::CalendarDate {
                    year,
                    month: None,
                    day: None,
                })),
            );
            self.out.push(q);
            return Some(m.end);
        }
        let mut number_span = Span::new(start, m.end);
        let mut q = Quantity::new(
            number_span,
            number_span,
            Kind::Number,
            Value::Number(m.value),
        );
        q.written = m.written;
        if m.ordinal {
            q.kind = Kind::Ordinal;
            self.bounds_and_markers(&mut q);
            self.out.push(q);
            return Some(m.end);
        }
        let mut end = m.end;

        // A range: "200-300", "200 to 300", "between 200 and 300".
        if let Some((hi_end, hi)) = range_tail(text, end, start, currency.is_some())
            && hi >= m.value
        {
            // A scale word on the upper end only applies to both ends:
            // "2-3 million", "between 3 and 5 billion" (but "150,000 to 2
            // million" keeps its lower end as written).
            let money = currency.is_some();
            let low = match number::trailing_scale(&text[end..hi_end], money) {
                Some(scale) if number::trailing_scale(&text[num_start..m.end], money).is_none() => {
                    match m.value.checked_mul(scale) {
                        Some(v) if v <= hi => v,
                        _ => m.value,
                    }
                }
                _ => m.value,
            };
            // A range's value is its midpoint; `low` and `high` keep the ends.
            q.low = Some(low);
            q.high = Some(hi);
            q.value = Value::Number((low + hi) / Decimal::TWO);
            q.approx = Approx::Range;
            end = hi_end;
            number_span.end = hi_end;
            q.number = number_span;
        }

        // A share: "one in five", "two out of three".
        if currency.is_none()
            && let Some((share_end, denominator)) = share_tail(text, end)
            && denominator > Decimal::ZERO
            && m.value <= denominator
            && let Some(pct) = (m.value * Decimal::ONE_HUNDRED).checked_div(denominator)
        {
            let pct = pct.round_dp(6);
            q.kind = Kind::Percent;
            q.value = Value::Number(pct);
            q.low = Some(pct);
            q.high = Some(pct);
            q.unit = Some("percent".to_string());
            end = share_end;
            q.number = Span::new(start, end);
            end = self.noun_of(&mut q, end);
            q.span = Span::new(start, end);
            self.bounds_and_markers(&mut q);
            self.out.push(q);
            return Some(end);
        }

        // A currency: given before the number, or written after it.
        if let Some(unit) = currency {
            q.kind = Kind::Money;
            set_unit(&mut q, unit);
            // "$5 million dollars" would repeat the currency; take it if present.
            if let Some(u) = units::unit_after(text, end)
                && u.unit.dimension == Dimension::Currency
                && u.unit.code == unit.code
            {
                end = u.end;
            }
        } else if let Some(u) = units::unit_after(text, end) {
            set_unit(&mut q, u.unit);
            q.kind = kind_of(u.unit.dimension);
            end = u.end;
            // "44 mg to 50 mg", "-18 °C to -34 °C": a range with the unit on both ends.
            if q.approx != Approx::Range
                && let Some((hi_end, hi)) = range_tail(text, end, start, false)
                && let Some(u2) = units::unit_after(text, hi_end)
                && u2.unit.code == u.unit.code
                && let Some(lo) = q.value.number()
            {
                let hi = hi * u2.unit.scale;
                let (low, high) = if hi >= lo { (lo, hi) } else { (hi, lo) };
                q.low = Some(low);
                q.high = Some(high);
                q.value = Value::Number((low + high) / Decimal::TWO);
                q.approx = Approx::Range;
                end = u2.end;
                q.number = Span::new(q.number.start, end);
            }
            if matches!(q.kind, Kind::Money | Kind::Measure) && q.approx != Approx::Range {
                end = self.compound_measure(&mut q, end);
            }
        } else if let Some(after) = of_after_collective(text, &self.text[num_start..m.end], end)
            && let Some(u) = units::unit_after(text, after)
            && u.start == skip_spaces(text, after)
        {
            // "a couple of days", "a dozen of eggs" is rare; "a couple of weeks".
            set_unit(&mut q, u.unit);
            q.kind = kind_of(u.unit.dimension);
            end = u.end;
        } else if let Some(after) = after_half_article(text, &self.text[num_start..m.end], end)
            && let Some(u) = units::unit_after(text, after)
            && u.unit.dimension == Dimension::Time
        {
            // "half an hour", "a quarter of an hour".
            set_unit(&mut q, u.unit);
            q.kind = Kind::Duration;
            end = u.end;
        }

        if q.kind == Kind::Duration {
            end = self.compound_duration(&mut q, end);
        }
        match q.kind {
            Kind::Percent => {
                // "40% of voters".
                end = self.noun_of(&mut q, end);
            }
            Kind::Number => {
                // A counted noun: "3,000 North Korean soldiers", "1,200 deaths and injuries".
                let age = words::prev_word(text, start).is_some_and(|(ps, pe)| {
                    matches!(
                        Lower::in_text(text, ps, pe).as_ref().map(Lower::as_str),
                        Some("aged" | "age" | "ages")
                    )
                });
                // "3,000 additional troops", "2,000 more soldiers": the
                // counted noun after an increment marker (the marker itself
                // is read by `bounds_and_markers`).
                let noun_at = match MARKERS.before_noun.match_after(text, end) {
                    Some((s, e, ())) if s == skip_spaces(text, end) => e,
                    _ => end,
                };
                let np = noun::counted_after(text, noun_at, age);
                // "a 30-member cabinet": what a figure above one sizes.
                let sized = (!age
                    && noun_at == end
                    && q.approx == Approx::Exact
                    && q.value
                        .number()
                        .is_some_and(|v| v.fract().is_zero() && v > Decimal::ONE))
                .then(|| noun::attributive_size(text, noun_at, np.as_ref()))
                .flatten();
                q.written.attributive = sized.is_some();
                // "870,000 of its Sienna minivans", "2,000 of the soldiers":
                // a part of a determined whole counts the whole's noun.
                let partitive = (!age && np.is_none() && sized.is_none())
                    .then(|| determined_of_phrase(text, end))
                    .flatten()
                    .and_then(|at| noun::counted_after(text, at, false))
                    // "664 of the city's 720 precincts", "five of the
                    // three-ton satellites": a whole with a figure of its
                    // own is no noun for the part.
                    .filter(|np| number::parse_number(text, np.span.start, false).is_none())
                    .filter(|np| {
                        let after = &text[np.span.end..];
                        !after.starts_with(['\'', '\u{2019}'])
                            && !after.trim_start().starts_with(|c: char| c.is_ascii_digit())
                    });
                if let Some(np) = sized.or(np).or(partitive) {
                    q.kind = Kind::Count;
                    q.noun = Some(np.span);
                    q.unit = Some(np.lemma);
                    end = np.span.end;
                }
            }
            Kind::Money | Kind::Measure => {
                // What the amount is of: "$1.2 billion operating budget", "1.2km tunnel".
                if let Some(np) = noun::phrase_after(text, end) {
                    q.noun = Some(np.span);
                    end = np.span.end;
                }
            }
            _ => {}
        }
        q.span = Span::new(start, end);
        end = self.time_base(&mut q, end);
        self.bounds_and_markers(&mut q);
        self.out.push(q);
        Some(end)
    }

    /// "40% of voters", "two in five of the members": the noun after "of".
    fn noun_of(&self, q: &mut Quantity, end: usize) -> usize {
        if let Some(after) = of_phrase(self.text, end)
            && let Some(np) = noun::phrase_after(self.text, after)
        {
            q.noun = Some(np.span);
            return np.span.end;
        }
        end
    }

    /// [`gate::flags_after`] at `at`, remembered for the next probe there.
    fn flags_after(&self, at: usize) -> Option<u16> {
        let (last, flags) = self.after.get();
        if last == at {
            return flags;
        }
        let flags = gate::flags_after(self.text, at);
        self.after.set((at, flags));
        flags
    }

    /// A time base after the mention: "a day", "every day", "per year".
    fn time_base(&self, q: &mut Quantity, end: usize) -> usize {
        if matches!(q.kind, Kind::Date | Kind::Time | Kind::Ordinal) {
            return end;
        }
        if gate::passes(self.flags_after(end), gate::TIME_AFTER_FIRST)
            && let Some((s, e, per)) = TIME_BASES.after.match_after(self.text, end)
            && s <= skip_spaces(self.text, end)
            && !self.points_in_time(e)
        {
            // "three days a week": a duration per week is still a rate.
            q.per = Some(per);
            q.span.end = e;
            return e;
        }
        // "about 200 people arriving a day": the base after a participle
        // that follows the counted noun.
        if q.noun.is_some()
            && let Some((ws, we)) = words::next_word(self.text, end)
            && ws == skip_spaces(self.text, end)
            && self.is_participle(ws, we)
            && gate::passes(self.flags_after(we), gate::TIME_AFTER_FIRST)
            && let Some((s, e, per)) = TIME_BASES.after.match_after(self.text, we)
            && s == skip_spaces(self.text, we)
            && !self.points_in_time(e)
        {
            q.per = Some(per);
            q.span.end = e;
            return e;
        }
        // "3.4 million barrels of crude per day": the base after an "of" phrase.
        if let Some(after) = of_phrase(self.text, end)
            && let Some(np) = noun::phrase_after(self.text, after)
            && gate::passes(self.flags_after(np.span.end), gate::TIME_AFTER_FIRST)
            && let Some((s, e, per)) = TIME_BASES.after.match_after(self.text, np.span.end)
            && s == skip_spaces(self.text, np.span.end)
            && !self.points_in_time(e)
        {
            q.per = Some(per);
            if q.noun.is_none() {
                q.noun = Some(np.span);
            }
            q.span.end = e;
            return e;
        }
        // "1,200 daily deaths": the base sits before the noun.
        if let Some(noun) = q.noun
            && gate::passes(self.flags_after(q.number.end), gate::TIME_NOUN_FIRST)
            && let Some((_, _, per)) = TIME_BASES.before_noun.match_after(self.text, q.number.end)
            && noun.start <= skip_spaces(self.text, q.number.end)
        {
            q.per = Some(per);
        }
        end
    }

    /// Whether `text[s..e]` is a present participle ("arriving", "crossing"),
    /// not a preposition in "-ing" ("during", "including").
    fn is_participle(&self, s: usize, e: usize) -> bool {
        let w = &self.text[s..e];
        w.len() > 5
            && w.ends_with("ing")
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !TIME_BASES.not_participles.iter().any(|x| x == w)
    }

    /// Whether the word after a time base ending at `e` makes it a point in
    /// time, not a rate: "8,900 a year later", "a week earlier", "a day ago".
    fn points_in_time(&self, e: usize) -> bool {
        words::next_word(self.text, e).is_some_and(|(a, b)| {
            let w = &self.text[a..b];
            TIME_BASES
                .not_a_rate_before
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
        })
    }

    /// Whether a bound phrase starting at `s` follows another figure: in
    /// "20 more than 58", "more than" compares, it does not bound 58.
    fn follows_figure(&self, s: usize) -> bool {
        let before = words::skip_spaces_back(self.text, s);
        self.out.last().is_some_and(|p| p.span.end == before)
            || self.text[..before].ends_with(|c: char| c.is_ascii_digit())
    }

    /// Bound words before the figure ("more than", "about") and role markers
    /// ("an additional", "of whom"), with the interval they give.
    fn bounds_and_markers(&self, q: &mut Quantity) {
        let text = self.text;
        let mut start = q.span.start;
        // "between 200 and 300": the range's own opener.
        if q.approx == Approx::Range
            && let Some((ps, pe)) = words::prev_word(text, start)
            && text[ps..pe].eq_ignore_ascii_case("between")
            && skip_spaces(text, pe) == start
        {
            start = ps;
        }
        // One gate probe per position, shared by the look-ups made there.
        let bound_at = start;
        let before = gate::flags_before(text, start);
        if q.approx != Approx::Range
            && gate::passes(before, gate::BOUND_LAST)
            && let Some((s, bound)) = BOUNDS.match_before(text, start)
            && !self.follows_figure(s)
        {
            let v = q.value.number();
            apply_bound(q, bound, v);
            start = s;
        }
        let before = if start == bound_at {
            before
        } else {
            gate::flags_before(text, start)
        };
        // Role markers sit before the bound: "an additional 1,500", "of whom 12",
        // or right after the figure: "1,500 more soldiers", "4,500 in total".
        if gate::passes(before, gate::MARKER_BEFORE_LAST)
            && let Some((s, role)) = MARKERS.before.match_before(text, start)
        {
            q.marker = Some(Marker {
                role: *role,
                span: Span::new(s, gap_end_back(text, start)),
            });
            if *role == crate::quantity::MarkerRole::Increment {
                start = s;
            }
        } else if gate::passes(self.flags_after(q.number.end), gate::MARKER_AFTER_FIRST)
            && let Some((s, e, role)) = MARKERS.after.match_after(text, q.number.end)
            && s == skip_spaces(text, q.number.end)
            && !words::next_word(text, e)
                .is_some_and(|(a, b)| text[a..b].eq_ignore_ascii_case("than"))
        {
            q.marker = Some(Marker {
                role: *role,
                span: Span::new(s, e),
            });
        } else if gate::passes(self.flags_after(q.span.end), gate::MARKER_AFTER_FIRST)
            && let Some((s, e, role)) = MARKERS.after.match_after(text, q.span.end)
            && *role == crate::quantity::MarkerRole::Total
            && s <= skip_spaces(text, q.span.end) + 1
        {
            q.marker = Some(Marker {
                role: *role,
                span: Span::new(s, e),
            });
        }
        q.span.start = start;
    }
}

/// The end of a phrase before `at`, excluding trailing spaces.
fn gap_end_back(text: &str, at: usize) -> usize {
    words::skip_spaces_back(text, at)
}

fn apply_bound(q: &mut Quantity, bound: &crate::lexicon::Bound, value: Option<Decimal>) {
    let Some(v) = value else { return };
    let (lo, hi) = (q.low.unwrap_or(v), q.high.unwrap_or(v));
    q.approx = bound.approx;
    match bound.approx {
        Approx::MoreThan | Approx::AtLeast => {
            q.low = Some(lo);
            q.high = None;
        }
        Approx::LessThan | Approx::AtMost => {
            q.low = None;
            q.high = Some(hi);
        }
        Approx::About => {
            let below = bound.below.unwrap_or(Decimal::ZERO);
            let above = bound.above.unwrap_or(Decimal::ZERO);
            q.low = Some(lo - (lo * below).abs());
            q.high = Some(hi + (hi * above).abs());
        }
        _ => {}
    }
}

/// Whether `d` is a power of ten (1, 10, 1000, 0.1 ...): metric unit pairs.
fn power_of_ten(mut d: Decimal) -> bool {
    if d <= Decimal::ZERO {
        return false;
    }
    while d >= Decimal::TEN {
        d /= Decimal::TEN;
    }
    while d < Decimal::ONE {
        d *= Decimal::TEN;
    }
    d == Decimal::ONE
}

/// A year written as a modifier after a determiner or possessive and
/// before a noun: "the 2020 primary", "its 2023 budget", "Russia's 2024
/// budget". Four plain digits, 1900 to 2100.
fn modifier_year(text: &str, start: usize, end: usize, value: Decimal) -> Option<i16> {
    if end - start != 4 || !text[start..end].bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = i16::try_from(value.to_string().parse::<i32>().ok()?).ok()?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    let before = words::skip_spaces_back(text, start);
    if before == start {
        return None;
    }
    let possessive = text[..before].ends_with("'s")
        || text[..before].ends_with("’s")
        || text[..before].ends_with("s'");
    let determiner = words::prev_word(text, start).is_some_and(|(ps, pe)| {
        pe == before
            && matches!(
                Lower::in_text(text, ps, pe).as_ref().map(Lower::as_str),
                Some(
                    "the"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "your"
                        | "my"
                        | "this"
                        | "that"
                        | "whose"
                )
            )
    });
    if !(possessive || determiner) {
        return None;
    }
    // A noun must follow directly, not a unit or a number word.
    let next = skip_spaces(text, end);
    if next == end || units::unit_after(text, end).is_some() {
        return None;
    }
    noun::phrase_after(text, end)?;
    Some(year)
}

/// Whether a digit follows within `n` bytes of `at`: a currency code is
/// written just before its amount ("US$1.2bn", "ISK 24,766", "Rs. 5"), so
/// "US officials" and "’s" need no look-up.
fn digit_within(bytes: &[u8], at: usize, n: usize) -> bool {
    bytes
        .get(at..bytes.len().min(at + n))
        .is_some_and(|s| s.iter().any(u8::is_ascii_digit))
}

/// Digits that can start neither a clock time nor a date: grouped
/// thousands ("3,000") and percentages ("12%").
fn plainly_a_number(bytes: &[u8], i: usize) -> bool {
    let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let j = i + digits;
    match bytes.get(j) {
        Some(b'%') => true,
        Some(b',') => {
            digits <= 3
                && bytes
                    .get(j + 1..j + 4)
                    .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                && !bytes.get(j + 4).is_some_and(u8::is_ascii_digit)
        }
        _ => false,
    }
}

/// The end of the mention just pushed.
fn q_end(out: &[Quantity]) -> usize {
    out.last().map_or(0, |q| q.span.end)
}

/// A weekday set off after a date: ", a Saturday", " (a Sunday)", ",
/// Saturday". Returns the end (past a closing parenthesis) and the weekday
/// (0 = Monday).
fn weekday_after(text: &str, end: usize) -> Option<(usize, u8)> {
    let bytes = text.as_bytes();
    let mut at = end;
    let paren = match bytes.get(at) {
        Some(b',') => false,
        Some(b' ') if bytes.get(skip_spaces(text, at)) == Some(&b'(') => true,
        Some(b'(') => true,
        _ => return None,
    };
    at = skip_spaces(
        text,
        if paren {
            skip_spaces(text, at) + 1
        } else {
            at + 1
        },
    );
    if let Some((s, e)) = words::next_word(text, at)
        && s == at
        && matches!(&text[s..e], "a" | "an" | "A")
    {
        at = skip_spaces(text, e);
    }
    let (s, e) = words::next_word(text, at)?;
    if s != at {
        return None;
    }
    let lower = Lower::in_text(text, s, e)?;
    if !lower.as_str().ends_with("day") {
        return None;
    }
    let wd = calendar::weekday(lower.as_str())?;
    if paren {
        let close = skip_spaces(text, e);
        return (bytes.get(close) == Some(&b')')).then_some((close + 1, wd));
    }
    Some((e, wd))
}

/// Whether only spaces stand between the start of the line and byte `i`.
fn line_start(bytes: &[u8], i: usize) -> bool {
    bytes[..i]
        .iter()
        .rev()
        .find(|&&b| b != b' ' && b != b'\t')
        .is_none_or(|&b| b == b'\n')
}

/// The most parts a compound duration joins ("1 year 1 month 21 days").
const MAX_DURATION_PARTS: usize = 7;

/// The longest run of digits and inner punctuation read as a number.
const MAX_TOKEN: usize = 64;

/// Whether the token [`skip_token`] would skip from `i` is longer than `max`
/// bytes (looking at no more than `max + 1` of them).
fn token_longer_than(bytes: &[u8], i: usize, max: usize) -> bool {
    let mut j = i;
    while j < bytes.len() && j - i <= max {
        let b = bytes[j];
        let inner = matches!(b, b'.' | b',' | b'-' | b'/' | b':')
            && bytes.get(j + 1).is_some_and(u8::is_ascii_digit);
        if !(b.is_ascii_alphanumeric() || inner) {
            break;
        }
        j += 1;
    }
    j - i > max
}

/// Skips one token that did not parse as a quantity: the run of digits and
/// digit punctuation, so "1.2.3" is not re-scanned from its middle.
fn skip_token(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    while j < bytes.len() {
        let b = bytes[j];
        let inner = matches!(b, b'.' | b',' | b'-' | b'/' | b':')
            && bytes.get(j + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_alphanumeric() || inner {
            j += 1;
        } else {
            break;
        }
    }
    j.max(i + 1)
}

/// Numbers that are references, not quantities: "Chapter 11", "page 5",
/// "No. 3", version numbers "1.2.3", phone numbers "555-1234".
fn is_reference_number(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    // Version numbers and dotted or dashed digit groups: "1.2.3", "555-1234-".
    if end < bytes.len() && bytes[end] == b'.' && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        return true;
    }
    // Phone numbers: "555-1234", "(202) 456-1111", "+1 202 555 0100".
    if end + 1 < bytes.len()
        && bytes[end] == b'-'
        && bytes[end + 1].is_ascii_digit()
        && text[start..end].bytes().all(|b| b.is_ascii_digit())
        && (end - start == 3 || end - start == 4)
    {
        let rest = &bytes[end + 1..];
        let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if n == 4 && (end - start == 3) {
            return true;
        }
    }
    if start > 0 && bytes[start - 1] == b')' {
        return true;
    }
    if let Some((ps, pe)) = words::prev_word(text, start) {
        let gap = &text[pe..start];
        if (gap.chars().all(words::is_space) || gap == "." || gap == ". ")
            && let Some(w) = Lower::in_text(text, ps, pe)
        {
            return matches!(
                w.as_str(),
                "chapter"
                    | "chapters"
                    | "page"
                    | "pages"
                    | "p"
                    | "pp"
                    | "section"
                    | "article"
                    | "articles"
                    | "clause"
                    | "paragraph"
                    | "no"
                    | "nos"
                    | "room"
                    | "route"
                    | "highway"
                    | "interstate"
                    | "flight"
                    | "seat"
                    | "platform"
                    | "gate"
                    | "version"
                    | "v"
                    | "vol"
                    | "volume"
                    | "issue"
                    | "episode"
                    | "season"
                    | "resolution"
                    | "amendment"
                    | "psalm"
                    | "exit"
                    | "channel"
                    | "line"
                    | "lane"
                    | "bus"
                    | "apartment"
                    | "apt"
                    | "suite"
                    | "unit"
                    | "block"
                    | "lot"
                    | "level"
                    | "figure"
                    | "fig"
                    | "table"
                    | "rule"
                    | "act"
                    | "scene"
                    | "verse"
                    | "tel"
                    | "phone"
                    | "fax"
                    | "call"
                    | "dial"
                    | "ext"
                    | "extension"
                    | "code"
                    | "model"
                    | "number"
                    | "iso"
                    | "type"
                    | "grade"
                    | "class"
                    | "category"
                    | "stage"
                    | "phase"
                    | "windows"
                    | "ios"
                    | "android"
            );
        }
    }
    // Street addresses: "10 Downing Street", "1600 Pennsylvania Avenue".
    if let Some((s1, e1)) = words::next_word(text, end)
        && bytes.get(s1).is_some_and(u8::is_ascii_uppercase)
        && let Some((s2, e2)) = words::next_word(text, e1)
        && text[e1..s2].chars().all(words::is_space)
    {
        let _ = s1;
        if let Some(w) = Lower::in_text(text, s2, e2) {
            return matches!(
                w.as_str(),
                "street"
                    | "st"
                    | "avenue"
                    | "ave"
                    | "road"
                    | "rd"
                    | "boulevard"
                    | "blvd"
                    | "lane"
                    | "drive"
                    | "place"
                    | "square"
                    | "terrace"
                    | "crescent"
            );
        }
    }
    false
}

/// After "of" (and an optional determiner): where the noun phrase starts.
fn of_phrase(text: &str, end: usize) -> Option<usize> {
    // The word "of" right after the spaces, compared in place.
    let s = skip_spaces(text, end);
    if !words::word_is(text, s, "of") {
        return None;
    }
    let mut at = s + 2;
    if let Some((s2, e2)) = words::next_word(text, at)
        && let Some(w) = Lower::in_text(text, s2, e2)
        && matches!(
            w.as_str(),
            "the" | "these" | "those" | "its" | "their" | "his" | "her" | "our" | "your" | "all"
        )
    {
        at = e2;
    }
    Some(at)
}

/// After "of" and a determiner ("of the", "of its"): where the noun phrase
/// starts; `None` when "of" has no determiner ("5 of 10", "3 of them").
fn determined_of_phrase(text: &str, end: usize) -> Option<usize> {
    let at = of_phrase(text, end)?;
    let of_end = skip_spaces(text, end) + 2;
    (at > of_end).then_some(at)
}

/// Sets the unit of a mention, scaling its value by the spelling's scale
/// ("30 MUSD" is 30,000,000 usd; "a fortnight" is 2 weeks).
fn set_unit(q: &mut Quantity, unit: &Unit) {
    q.unit = Some(unit.code.clone());
    if unit.scale != Decimal::ONE {
        let scale = |d: Decimal| d.checked_mul(unit.scale).unwrap_or(d);
        if let Value::Number(v) = q.value {
            q.value = Value::Number(scale(v));
        }
        q.low = q.low.map(scale);
        q.high = q.high.map(scale);
    }
}

/// The kind of quantity a unit of this dimension makes.
fn kind_of(dimension: Dimension) -> Kind {
    match dimension {
        Dimension::Currency => Kind::Money,
        Dimension::Percent => Kind::Percent,
        Dimension::Time => Kind::Duration,
        _ => Kind::Measure,
    }
}

/// Whether `s` ends with the ASCII word `w`, ignoring case.
fn ends_with_ignore_case(s: &str, w: &str) -> bool {
    s.len() >= w.len() && s.as_bytes()[s.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
}

/// After "a couple"/"a few"/"dozens": the word after "of".
fn of_after_collective(text: &str, number_text: &str, end: usize) -> Option<usize> {
    if !["couple", "dozen", "dozens"]
        .iter()
        .any(|w| ends_with_ignore_case(number_text, w))
    {
        return None;
    }
    let (s, e) = words::next_word(text, end)?;
    text[s..e].eq_ignore_ascii_case("of").then_some(e)
}

/// After "half"/"quarter": the article of "half an hour", "a quarter of an hour".
fn after_half_article(text: &str, number_text: &str, end: usize) -> Option<usize> {
    if !(ends_with_ignore_case(number_text, "half")
        || ends_with_ignore_case(number_text, "quarter"))
    {
        return None;
    }
    let mut at = end;
    if let Some((s, e)) = words::next_word(text, at)
        && text[s..e].eq_ignore_ascii_case("of")
    {
        at = e;
    }
    let (s, e) = words::next_word(text, at)?;
    let w = &text[s..e];
    (w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an")).then_some(e)
}

/// The upper end of a range after a number ending at `end`.
fn range_tail(text: &str, end: usize, start: usize, money: bool) -> Option<(usize, Decimal)> {
    let bytes = text.as_bytes();
    let mut at = end;
    // "200-300", "200–300" (en dash), "200 - 300".
    let after = skip_spaces(text, at);
    let dash = if text[after..].starts_with('-') {
        Some(1)
    } else if text[after..].starts_with('–') || text[after..].starts_with('—') {
        Some(3)
    } else {
        None
    };
    if let Some(len) = dash {
        at = skip_spaces(text, after + len);
    } else if let Some((s, e)) = words::next_word(text, at) {
        let w = &text[s..e];
        let to = w.eq_ignore_ascii_case("to");
        // Most figures are followed by neither word: the word before the
        // figure is read only for those that are.
        if !to && !w.eq_ignore_ascii_case("and") {
            return None;
        }
        let before = words::prev_word(text, start).map(|(ps, pe)| &text[ps..pe]);
        let from = before.is_some_and(|p| p.eq_ignore_ascii_case("from"));
        let between = before.is_some_and(|p| p.eq_ignore_ascii_case("between"));
        if to && !from || (!to && between) {
            at = skip_spaces(text, e);
        } else {
            return None;
        }
    } else {
        return None;
    }
    // The upper end may repeat the currency: "$200-$300".
    if money && let Some((num, _)) = units::currency_before(text, at) {
        at = skip_spaces(text, num);
    }
    if !bytes.get(at).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let hi = number::parse_number(text, at, money)?;
    if hi.ordinal {
        return None;
    }
    Some((hi.end, hi.value))
}

/// "in five", "out of three" after a numerator: the denominator.
fn share_tail(text: &str, end: usize) -> Option<(usize, Decimal)> {
    // "in" or "out" right after the spaces, compared in place.
    let s = skip_spaces(text, end);
    let at = if words::word_is(text, s, "in") {
        s + 2
    } else if words::word_is(text, s, "out") {
        let (s2, e2) = words::next_word(text, s + 3)?;
        if !text[s2..e2].eq_ignore_ascii_case("of") {
            return None;
        }
        e2
    } else {
        return None;
    };
    let at = skip_gap(text, at);
    if !word_char_at(text, at) {
        return None;
    }
    let m = number::parse_number(text, at, false)?;
    // "318 in 2023", "Voyager 2 in 1979": a figure and a year. Shares have
    // small denominators, or large ones written as such ("1 in 10,000",
    // "one in a million").
    let digits_only = text[at..m.end].bytes().all(|b| b.is_ascii_digit());
    let limit = if digits_only { 999 } else { 1_000_000 };
    if m.ordinal || m.value > Decimal::from(limit) || m.value < Decimal::TWO {
        return None;
    }
    // "1 in 2024" is a year; a share's denominator is followed by no unit.
    if m.value.fract() != Decimal::ZERO {
        return None;
    }
    if units::unit_after(text, m.end).is_some() {
        return None;
    }
    Some((m.end, m.value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(t: &str, qs: &'a [Quantity], text: &str) -> &'a Quantity {
        qs.iter()
            .find(|q| q.span.text(t) == text)
            .unwrap_or_else(|| {
                let all: Vec<_> = qs.iter().map(|q| q.span.text(t)).collect();
                panic!("no mention {text:?} in {all:?}")
            })
    }

    fn run(t: &str) -> Vec<Quantity> {
        extract(t, &Options::default())
    }

    #[test]
    fn modifier_years_are_dates() {
        let t = "The 2020 primary cost more than its 2023 budget and Russia's 2024 budget.";
        let qs = run(t);
        for y in ["2020", "2023", "2024"] {
            let q = find(t, &qs, y);
            assert_eq!(q.kind, Kind::Date, "{y}");
        }
        // A count after no determiner stays a count.
        let t = "About 2020 soldiers arrived.";
        assert_eq!(find(t, &run(t), "About 2020 soldiers").kind, Kind::Count);
    }

    #[test]
    fn financial_years_are_dates_of_their_first_year() {
        let t = "In the 2011/2012 budget year and in 2012-13, and the 2019–20 season.";
        let qs = run(t);
        for (written, year) in [("2011/2012", 2011), ("2012-13", 2012), ("2019–20", 2019)] {
            let q = find(t, &qs, written);
            assert_eq!(q.kind, Kind::Date, "{written}");
            assert!(
                matches!(q.value, Value::Date(Some(d)) if d.year == year),
                "{written}: {:?}",
                q.value
            );
        }
        // Not consecutive years: a fraction, a range or a date stays what it was.
        let t = "About 2010-2015 people came, 3/4 of them on 2/3.";
        let qs = run(t);
        assert_eq!(find(t, &qs, "2010-2015 people").kind, Kind::Count);
        assert_eq!(find(t, &qs, "3/4").kind, Kind::Number);
    }

    #[test]
    fn weekday_after_a_date() {
        let t = "It was 9 February, a Saturday. It ended 14 July 2024 (a Sunday).";
        let qs = run(t);
        assert_eq!(find(t, &qs, "9 February, a Saturday").date.weekday, Some(5));
        assert_eq!(
            find(t, &qs, "14 July 2024 (a Sunday)").date.weekday,
            Some(6)
        );
    }

    #[test]
    fn a_year_later_is_no_rate() {
        let t = "It fell to 8,900 square kilometres a year later, and 300 a day ago; 1,200 a day on average.";
        let qs = run(t);
        assert_eq!(find(t, &qs, "8,900 square kilometres").per, None);
        assert_eq!(find(t, &qs, "300").per, None);
        assert_eq!(find(t, &qs, "1,200 a day").per, Some("day"));
    }

    #[test]
    fn time_base_after_a_participle() {
        let t = "With about 200 people arriving a day, and 300 people during a week.";
        let qs = run(t);
        let q = find(t, &qs, "about 200 people arriving a day");
        assert_eq!(q.per, Some("day"));
        assert_eq!(q.unit.as_deref(), Some("person"));
        assert_eq!(find(t, &qs, "300 people").per, None);
    }

    #[test]
    fn time_base_after_an_of_phrase() {
        let t = "It pumps 3.4 million barrels of crude per day.";
        let qs = run(t);
        assert_eq!(
            find(t, &qs, "3.4 million barrels of crude per day").per,
            Some("day")
        );
    }

    #[test]
    fn relative_weeks_are_dates() {
        let t = "Strikes crippled three hospitals last week.";
        let q = find(t, &run(t), "last week").clone();
        assert_eq!(q.kind, Kind::Date);
        assert!(q.date.relative);
        assert_eq!(q.value, Value::Date(None));
    }

    #[test]
    fn participles_after_ages_are_verbs() {
        let t = "Voters aged 18 to 24 casting ballots rose. 3 leading experts agreed.";
        let qs = run(t);
        assert_eq!(find(t, &qs, "18 to 24").unit, None);
        assert_eq!(
            find(t, &qs, "3 leading experts").unit.as_deref(),
            Some("expert")
        );
    }

    #[test]
    fn figures_that_size_a_thing_count_the_noun_joined_to_them() {
        let t = "a 30-member national unity government. Of the 20 member cabinet, \
                 its 600 seat requirement; 4,000-centrifuge machines; 16 crew members; \
                 12 fighter aircraft; a 5-year-old boy; a third party candidate.";
        let qs = run(t);
        for (text, unit) in [
            ("30-member", "member"),
            ("20 member", "member"),
            ("600 seat", "seat"),
            ("4,000-centrifuge", "centrifuge"),
        ] {
            let q = find(t, &qs, text);
            assert_eq!(
                (q.kind, q.unit.as_deref()),
                (Kind::Count, Some(unit)),
                "{text}"
            );
            assert!(q.written.attributive, "{text}");
        }
        // Plural heads are counted as usual; an invariant plural is no size.
        for text in ["16 crew members", "12 fighter aircraft"] {
            assert!(!find(t, &qs, text).written.attributive, "{text}");
        }
        assert!(qs.iter().all(|q| !q.written.attributive
            || !matches!(
                q.span.text(t),
                "5-year-old" | "a third party" | "third party"
            )));
    }

    #[test]
    fn a_part_of_a_determined_whole_counts_its_noun() {
        let t = "a recall of 870,000 of its Sienna minivans; 2,000 of the soldiers; \
                 5 of 10 voted; 3 of them left; 7 of the 12 jurors agreed; \
                 with 664 of the city's 720 precincts reporting; five of the three-ton satellites.";
        let qs = run(t);
        let q = find(t, &qs, "870,000 of its Sienna minivans");
        assert_eq!((q.kind, q.unit.as_deref()), (Kind::Count, Some("minivan")));
        let q = find(t, &qs, "2,000 of the soldiers");
        assert_eq!((q.kind, q.unit.as_deref()), (Kind::Count, Some("soldier")));
        for text in ["5", "3", "7", "664", "five"] {
            assert_eq!(find(t, &qs, text).kind, Kind::Number, "{text}");
        }
    }

    #[test]
    fn compound_amounts() {
        let t = "He is 5 feet 2 inches. It cost 3 dollars 50 cents, or 15 dollars 50.";
        let qs = run(t);
        let feet = find(t, &qs, "5 feet 2 inches").value.number().unwrap();
        assert!((feet - Decimal::new(516_667, 5)).abs() < Decimal::new(1, 4));
        assert_eq!(
            find(t, &qs, "3 dollars 50 cents").value,
            Value::Number(Decimal::new(35, 1))
        );
        assert_eq!(
            find(t, &qs, "15 dollars 50").value,
            Value::Number(Decimal::new(155, 1))
        );
        // Metric pairs are two figures.
        let t = "The length is 12 m 2 dm.";
        assert_eq!(
            run(t).first().map(|q| q.value.clone()),
            Some(Value::Number(Decimal::from(12)))
        );
    }

    #[test]
    fn fractions_signs_and_articles() {
        let t = "½ teaspoon\n- 1 4/5\nleave for all-day\na gallon of beer";
        let qs = run(t);
        assert_eq!(
            find(t, &qs, "½ teaspoon").value,
            Value::Number(Decimal::new(5, 1))
        );
        assert_eq!(
            find(t, &qs, "- 1 4/5").value,
            Value::Number(Decimal::new(-18, 1))
        );
        assert_eq!(find(t, &qs, "all-day").kind, Kind::Duration);
        assert_eq!(find(t, &qs, "a gallon").kind, Kind::Measure);
        // A spaced hyphen between words is a dash, not a sign.
        let t = "Newcastle - 5 players";
        assert!(
            run(t)
                .iter()
                .all(|q| q.value != Value::Number(Decimal::from(-5)))
        );
    }

    #[test]
    fn shares_refuse_years() {
        let t = "Voyager 2 in 1979 and 1 in 1,000 people.";
        let qs = run(t);
        assert!(qs.iter().all(|q| q.span.text(t) != "2 in 1979"));
        assert_eq!(find(t, &qs, "1 in 1,000").kind, Kind::Percent);
    }

    #[test]
    fn hostile_tokens_are_skipped_whole() {
        let t = "1,".repeat(100);
        assert!(run(&t).is_empty());
        let t = "1 day and ".repeat(50);
        assert!(run(&t).iter().all(|q| q.span.len() < 100));
    }
}
