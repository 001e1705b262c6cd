//! The number grammar (nom): digits with separators, decimals, signs, number
//! words of any size, fractions, scale words and abbreviations, ordinals.
//!
//! The grammar is read left to right in one pass with a bounded look-ahead of
//! two words, so every call is linear in the length of what it returns and most
//! calls (a word that is not followed by a number) fail after one word. Nothing
//! allocates.
//!
//! Pieces:
//! - digits: "3,000", "12,34,567" (Indian grouping), "1 500 000" with a thin,
//!   narrow no-break or no-break space (ASCII spaces only for "1 234 567" or
//!   "40 000"), decimals "4.800", ".08", a decimal comma "1,8" (flagged), the
//!   European "1.111,11" (flagged), exponents "1e10", "1.3x10^6", fractions
//!   "1/3", "2 1/4", "2½", ordinals "21st";
//! - abbreviations after digits: "450k", "3bn", "3 bn", "10M", "$1.2m" (a bare
//!   lower-case "m" only for money: "5m" is five metres), "2mil", "1MM", "10 bln";
//! - number words: "three thousand two hundred", "twenty-five", "fifty - two",
//!   "one hundred and sixty-one", "4 thousand 3 hundred and 21", "322 hundred",
//!   "three lakh crore", "a hundred", "a dozen", "three dozens", "half a dozen",
//!   "a couple of" (value 2; "of" is consumed so the counted noun follows, and
//!   "a couple" without "of" is not a number: "a couple from Ohio"),
//!   "two and a half", "one and a half million", "3 million and a half",
//!   "half a million", "a quarter" ("of" is left to the caller), "three-quarters",
//!   "two thirds of a million", "twenty and three fifths", "a hundredth",
//!   "two hundred point zero three", "minus five";
//! - ordinals: "first", "twenty-first", "one hundred and first", "hundredth",
//!   "third" in "third-largest". A bare "second" is read as an ordinal, but
//!   `starts_number` does not offer it ("a second", "30 seconds" are time), and
//!   "one second" is one (a duration), never one half.

use nom::IResult;
use nom::Parser;
use nom::character::complete::{char, digit1, one_of};
use nom::combinator::opt;
use rust_decimal::Decimal;

use super::words::Lower;
use crate::quantity::Written;

/// A numeric expression parsed at a position.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    /// Byte offset just past the expression.
    pub end: usize,
    pub value: Decimal,
    pub written: Written,
    /// An ordinal ("first", "21st", "third-largest").
    pub ordinal: bool,
}

/// A nom result with the cheapest error type: most positions are not numbers.
type Res<'a, O> = IResult<&'a str, O, ()>;

/// The most digits a value may have (rust_decimal holds 28 safely).
const MAX_DIGITS: usize = 28;
/// The most separator groups read after the first ("1,234,567" has two).
const MAX_GROUPS: usize = 8;
/// The most bytes of spaces between two words of one number.
const MAX_GAP: usize = 8;
/// The most words in one number expression.
const MAX_TOKENS: usize = 40;

/// Whether a lower-cased word can start a number expression.
pub fn starts_number(word_lower: &str) -> bool {
    let w = word_lower.as_bytes();
    // Every number word starts with one of these letters and is short.
    if w.is_empty()
        || w.len() > 12
        || !matches!(
            w[0],
            b'a' | b'b'
                | b'c'
                | b'd'
                | b'e'
                | b'f'
                | b'h'
                | b'm'
                | b'n'
                | b'o'
                | b'q'
                | b's'
                | b't'
                | b'z'
        )
    {
        return false;
    }
    match w {
        // "a"/"an" only start a number when a number word follows ("a dozen").
        b"a" | b"an" | b"half" | b"quarter" | b"couple" | b"dozen" | b"hundred" | b"minus"
        | b"negative" => true,
        // "second" is left out: "a second", "per second" are time.
        b"second" | b"seconds" => false,
        w => matches!(
            word_token(w),
            Some(
                Tok::Zero
                    | Tok::Unit(_)
                    | Tok::Tens(_)
                    | Tok::Ord { plural: false, .. }
                    | Tok::ScaleOrd { plural: false, .. }
            )
        ),
    }
}

/// Parses the numeric expression starting at byte `at` of `text`. With
/// `money`, a bare "m" suffix means million ("$1.2m").
pub fn parse_number(text: &str, at: usize, money: bool) -> Option<NumberMatch> {
    let rest = text.get(at..)?;
    let first = *rest.as_bytes().first()?;

    // A sign: "-9.2", "+3", "minus five", "negative one".
    let (body, negative) = match first {
        b'-' | b'+' => {
            let r = skip_spaces(&rest[1..], 2);
            if !r
                .as_bytes()
                .first()
                .is_some_and(|b| b.is_ascii_digit() || *b == b'.')
            {
                return None;
            }
            (r, first == b'-')
        }
        _ => match sign_word(rest) {
            Some(r) => (r, true),
            None => (rest, false),
        },
    };

    let ctx = Ctx {
        money,
        after_slash: text[..at].ends_with('/'),
        // "22,24,26,31": after "22," a comma is a list separator, not a decimal.
        in_list: text[..at].ends_with(',')
            && text.as_bytes()[..at.saturating_sub(1)]
                .last()
                .is_some_and(u8::is_ascii_digit),
    };
    let (mut end_rest, mut value, written, ordinal) = core(body, ctx)?;
    // "one over three", "1 over 20": a fraction read aloud, when nothing
    // follows the denominator ("$2000 over 3 years" is a period, not a division).
    if !ordinal
        && !money
        && let Some((r, den)) = over_tail(end_rest)
    {
        value = value.checked_div(den)?;
        end_rest = r;
    }
    let value = if negative { -value } else { value };
    Some(NumberMatch {
        end: text.len() - end_rest.len(),
        value,
        written,
        ordinal,
    })
}

/// The scale a number expression ends with: a scale word ("3 million",
/// "two thousand") or an abbreviation after digits ("3bn", "450k"). In a
/// range it applies to both ends: "2-3 million", "between 3 and 5 billion".
pub fn trailing_scale(number_text: &str, money: bool) -> Option<Decimal> {
    let t = number_text.trim_end();
    let run = t.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    if run == 0 {
        return None;
    }
    let word = &t[t.len() - run..];
    let lower = Lower::new(word)?;
    if let Some(Tok::Scale {
        value,
        plural: false,
    }) = word_token(lower.as_str().as_bytes())
    {
        return Some(Decimal::from(value));
    }
    let before = t[..t.len() - run].trim_end();
    if !before.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    abbreviation(&t[before.len()..], money, false).map(|(_, m)| m)
}

/// What the text before the number tells the digit grammar.
#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    money: bool,
    /// Right after a slash: "17" in "5/17/2018" starts no fraction.
    after_slash: bool,
    /// Right after "digit,": a comma list, so no decimal comma.
    in_list: bool,
}

/// An unsigned number expression in digits or words.
fn core(body: &str, ctx: Ctx) -> Option<(&str, Decimal, Written, bool)> {
    match *body.as_bytes().first()? {
        b'0'..=b'9' | b'.' => {
            let (r, d) = digits_expr(body, ctx)?;
            match d.next {
                DigitsNext::Done => Some((r, d.value, d.written, d.ordinal)),
                DigitsNext::Words => {
                    let start = Acc::with_digits(d.value, d.integer_small);
                    let (r2, v, ord) = words_expr(body, r, Some(start))?;
                    Some((r2, v, d.written, ord))
                }
            }
        }
        b if b.is_ascii_alphabetic() => {
            let (r, v, ord) = words_expr(body, body, None)?;
            Some((r, v, Written::default(), ord))
        }
        // A vulgar fraction standing alone: "½ teaspoon", "the result is ⅔".
        _ => {
            let (r, v) = vulgar(body)?;
            if word_follows(r) {
                return None;
            }
            let written = Written {
                digits: true,
                ..Written::default()
            };
            Some((r, v, written, false))
        }
    }
}

/// " over 3" closing a spoken fraction: the rest and the denominator.
fn over_tail(s: &str) -> Option<(&str, Decimal)> {
    let (w, false) = separator(s)? else {
        return None;
    };
    let (a, Tok::Over) = next_word(w)? else {
        return None;
    };
    let (w2, false) = separator(a)? else {
        return None;
    };
    let (r, den, _, ordinal) = core(w2, Ctx::default())?;
    if ordinal || den <= Decimal::ZERO || den >= Decimal::ONE_THOUSAND || !den.fract().is_zero() {
        return None;
    }
    // Nothing may follow but the end of the sentence.
    let after = skip_spaces(r, MAX_GAP);
    match after.chars().next() {
        None | Some('.' | ',' | ';' | '?' | '!' | ')' | '"' | '\n' | '\r') => Some((r, den)),
        _ => None,
    }
}

/// "minus " or "negative " before a number: the text after it.
fn sign_word(s: &str) -> Option<&str> {
    let (r, tok) = next_word(s)?;
    if tok != Tok::Minus {
        return None;
    }
    let r2 = skip_spaces(r, MAX_GAP);
    (r2.len() < r.len()).then_some(r2)
}

// ---------------------------------------------------------------------------
// Digits
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum DigitsNext {
    /// The expression is complete (an abbreviation, fraction or ordinal ended it).
    Done,
    /// Number words may continue it: "2 million", "3 hundred and 21".
    Words,
}

#[derive(Debug, Clone, Copy)]
struct Digits {
    value: Decimal,
    written: Written,
    ordinal: bool,
    /// An integer below 1000 written without separators (may follow a scale word).
    integer_small: bool,
    next: DigitsNext,
}

/// Digits at the start of `s`: a digit run of at most `MAX_DIGITS`.
fn digit_run(s: &str) -> Res<'_, &str> {
    let (r, d) = digit1(s)?;
    if d.len() > MAX_DIGITS {
        return Err(nom::Err::Error(()));
    }
    Ok((r, d))
}

/// A mantissa and scale built from digit strings, checked against overflow.
#[derive(Debug, Clone, Copy, Default)]
struct Mantissa {
    m: i128,
    digits: usize,
    scale: u32,
}

impl Mantissa {
    fn push(&mut self, ds: &str) -> Option<()> {
        for b in ds.bytes() {
            if self.m != 0 || b != b'0' {
                self.digits += 1;
            }
            if self.digits > MAX_DIGITS {
                return None;
            }
            self.m = self.m * 10 + i128::from(b - b'0');
        }
        Some(())
    }

    fn push_frac(&mut self, ds: &str) -> Option<()> {
        if self.scale as usize + ds.len() > MAX_DIGITS {
            return None;
        }
        self.push(ds)?;
        self.scale += ds.len() as u32;
        Some(())
    }

    fn value(self) -> Option<Decimal> {
        Decimal::try_from_i128_with_scale(self.m, self.scale).ok()
    }
}

fn is_sep_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// The integer part with its thousands separators. Returns the rest, the
/// mantissa, whether it was grouped, and whether it ended in a decimal comma.
fn integer_part(s: &str, in_list: bool) -> Option<(&str, Mantissa, bool, bool)> {
    let (r, first) = digit_run(s).ok()?;
    let mut m = Mantissa::default();
    m.push(first)?;
    if first.len() > 3 {
        return Some((r, m, false, false));
    }

    // Comma groups: "1,234,567" or the Indian "12,34,567".
    let mut groups = [0u8; MAX_GROUPS];
    let mut n = 0;
    let mut g = r;
    while let Some(after) = g.strip_prefix(',') {
        let Ok((a, d)) = digit_run(after) else { break };
        if !(d.len() == 2 || d.len() == 3) {
            break;
        }
        if n == MAX_GROUPS {
            // Not a number anyone writes: 30 digits and more in groups.
            return None;
        }
        groups[n] = d.len() as u8;
        n += 1;
        g = a;
    }
    if n > 0 {
        let gs = &groups[..n];
        let western = gs.iter().all(|&l| l == 3);
        let indian =
            first.len() <= 2 && gs[n - 1] == 3 && n >= 2 && gs[..n - 1].iter().all(|&l| l == 2);
        let next_is_digit_group =
            g.starts_with(',') && g.as_bytes().get(1).is_some_and(u8::is_ascii_digit);
        if (western || indian) && !next_is_digit_group {
            for part in r[..r.len() - g.len()].split(',').skip(1) {
                m.push(part)?;
            }
            return Some((g, m, true, false));
        }
    }

    // A decimal comma: "1,8 billion", "5,00", "1,3." but not "22,24,26".
    if !in_list
        && let Some(after) = r.strip_prefix(',')
        && let Ok((a, d)) = digit_run(after)
        && d.len() <= 2
        && !(a.starts_with(',') && a.as_bytes().get(1).is_some_and(u8::is_ascii_digit))
        && !(a.starts_with('.') && a.as_bytes().get(1).is_some_and(u8::is_ascii_digit))
    {
        m.push_frac(d)?;
        return Some((a, m, false, true));
    }

    // European grouping with a decimal comma: "1.111,11".
    {
        let mut g = r;
        let mut k = 0;
        let mut mm = m;
        while let Some(after) = g.strip_prefix('.') {
            let Ok((a, d)) = digit_run(after) else { break };
            if d.len() != 3 || k == MAX_GROUPS {
                break;
            }
            mm.push(d)?;
            k += 1;
            g = a;
        }
        if k > 0
            && let Some(after) = g.strip_prefix(',')
            && let Ok((a, d)) = digit_run(after)
            && d.len() <= 2
            && !a.as_bytes().first().is_some_and(u8::is_ascii_digit)
        {
            mm.push_frac(d)?;
            return Some((a, mm, true, true));
        }
    }

    // Space groups: "1 500 000" with thin or no-break spaces; with ASCII spaces
    // only "1 234 567" (two groups or more) or "40 000".
    let mut g = r;
    let mut k = 0;
    let mut ascii_only = true;
    let mut all_zero = true;
    let mut mm = m;
    loop {
        let mut chars = g.chars();
        let Some(c) = chars.next() else { break };
        if !(c == ' ' || is_sep_space(c)) {
            break;
        }
        let after = chars.as_str();
        let Ok((a, d)) = digit_run(after) else { break };
        if d.len() != 3 || k == MAX_GROUPS {
            break;
        }
        // "2 100/5" or "1 000.5" are fine; "1 000-2" is not a group.
        mm.push(d)?;
        ascii_only &= c == ' ';
        all_zero &= d == "000";
        k += 1;
        g = a;
    }
    if k > 0 && (!ascii_only || k >= 2 || all_zero) {
        return Some((g, mm, true, false));
    }
    Some((r, m, false, false))
}

fn is_word_byte(b: Option<&u8>) -> bool {
    b.is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
}

/// Whether a word character follows at the start of `s`.
fn word_follows(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphanumeric)
}

/// A number written with digits, and what it allows after it.
fn digits_expr(s: &str, ctx: Ctx) -> Option<(&str, Digits)> {
    let mut written = Written {
        digits: true,
        ..Written::default()
    };
    let (mut r, mut m, dot_only) = if s.starts_with('.') {
        (s, Mantissa::default(), true)
    } else {
        let (r, m, grouped, comma) = integer_part(s, ctx.in_list)?;
        written.grouped = grouped;
        written.decimal_comma = comma;
        (r, m, false)
    };
    let mut integer = true;
    if !written.decimal_comma
        && let Some(after) = r.strip_prefix('.')
        && let Ok((a, d)) = digit_run(after)
    {
        m.push_frac(d)?;
        r = a;
        integer = false;
    } else if dot_only {
        return None;
    }
    if written.decimal_comma {
        integer = false;
    }
    let mut value = m.value()?;
    let integer_small = integer && !written.grouped && value < Decimal::ONE_THOUSAND;

    // Exponents: "1e10", "-12e-1", "1.3x10^6", "6.23×10^-4".
    if let Ok((a, exp)) = exponent(r) {
        value = scale_pow10(value, exp)?;
        let d = Digits {
            value,
            written,
            ordinal: false,
            integer_small: false,
            next: DigitsNext::Done,
        };
        return Some((a, d));
    }

    // Powers: "1.1^23", "2.5^-1" ("^--23": an even count of minus signs is plus).
    if let Some((a, e)) = power(r) {
        value = checked_powi(value, e)?;
        let d = Digits {
            value,
            written,
            ordinal: false,
            integer_small: false,
            next: DigitsNext::Done,
        };
        return Some((a, d));
    }

    let done = |value, written| Digits {
        value,
        written,
        ordinal: false,
        integer_small: false,
        next: DigitsNext::Done,
    };

    if integer && !written.grouped {
        // Ordinals: "21st", "2nd", "3rd", "4th".
        if let Some(a) = ordinal_suffix(r) {
            let d = Digits {
                ordinal: true,
                ..done(value, written)
            };
            return Some((a, d));
        }
        // Fractions: "1/3", "-4/5"; not dates "5/17/2018" nor "24/7".
        if !ctx.after_slash
            && let Some((a, f)) = slash_fraction(r, value)
        {
            return Some((a, done(f, written)));
        }
        // Mixed numbers: "1 1/2", "2  1/4".
        let sp = skip_spaces(r, 3);
        if sp.len() < r.len()
            && value < Decimal::ONE_THOUSAND
            && let Ok((a, num)) = digit_run(sp)
            && let Ok(n) = num.parse::<u32>()
            && let Some((a, f)) = slash_fraction(a, Decimal::from(n))
        {
            return Some((a, done(value + f, written)));
        }
    }
    // Vulgar fractions attached: "2½".
    if integer && let Some((a, f)) = vulgar(r) {
        return Some((a, done(value + f, written)));
    }
    // Abbreviated scales: "450k", "3bn", "3 bn", "$1.2m", "10M".
    if let Some((a, mult)) = abbreviation(r, ctx.money, integer) {
        let v = value.checked_mul(mult)?;
        return Some((a, done(v, written)));
    }
    let d = Digits {
        value,
        written,
        ordinal: false,
        integer_small,
        next: DigitsNext::Words,
    };
    Some((r, d))
}

/// An exponent after a mantissa: "e10", "E-1", "x10^6", "×10^-4".
fn exponent(s: &str) -> Res<'_, i32> {
    let (r, _) = if s.starts_with(['e', 'E']) {
        one_of("eE").parse(s)?
    } else {
        let (r, x) = one_of("x×").parse(s)?;
        let (r, _) = nom::bytes::complete::tag("10").parse(r)?;
        // "2.48×10−5": a superscript lost in plain text, after a true times sign.
        match r.strip_prefix('^') {
            Some(r) => (r, x),
            None if x == '×' && r.starts_with('−') => (r, x),
            None => return Err(nom::Err::Error(())),
        }
    };
    let (r, sign) = opt(one_of("+-−")).parse(r)?;
    let (r, d) = two_digits(r)?;
    let sign = sign.map(|c| if c == '−' { '-' } else { c });
    if is_word_byte(r.as_bytes().first()) {
        return Err(nom::Err::Error(()));
    }
    let e: i32 = d.parse().map_err(|_| nom::Err::Error(()))?;
    Ok((r, if sign == Some('-') { -e } else { e }))
}

fn two_digits(s: &str) -> Res<'_, &str> {
    nom::bytes::complete::take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(s)
}

/// "^23", "^-1", "^+23", "^--23" after a mantissa.
fn power(s: &str) -> Option<(&str, i32)> {
    let r = s.strip_prefix('^')?;
    let signs = r
        .bytes()
        .take(3)
        .take_while(|b| *b == b'+' || *b == b'-')
        .count();
    let minus = r.as_bytes()[..signs].iter().filter(|b| **b == b'-').count();
    let r = &r[signs..];
    let (a, d) = two_digits(r).ok()?;
    if is_word_byte(a.as_bytes().first()) {
        return None;
    }
    let e: i32 = d.parse().ok()?;
    Some((a, if minus % 2 == 1 { -e } else { e }))
}

fn checked_powi(v: Decimal, e: i32) -> Option<Decimal> {
    let mut out = Decimal::ONE;
    for _ in 0..e.unsigned_abs() {
        out = out.checked_mul(v)?;
    }
    if e < 0 {
        Decimal::ONE.checked_div(out)
    } else {
        Some(out)
    }
}

fn scale_pow10(v: Decimal, exp: i32) -> Option<Decimal> {
    let mut v = v;
    let ten = Decimal::TEN;
    for _ in 0..exp.unsigned_abs() {
        v = if exp > 0 {
            v.checked_mul(ten)?
        } else {
            v.checked_div(ten)?
        };
    }
    Some(v)
}

fn ordinal_suffix(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    if b.len() < 2 {
        return None;
    }
    let suf = [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()];
    if !matches!(&suf, b"st" | b"nd" | b"rd" | b"th") || is_word_byte(b.get(2)) {
        return None;
    }
    Some(&s[2..])
}

/// "/5" after a numerator: a proper fraction, not a date or "24/7".
fn slash_fraction(s: &str, numerator: Decimal) -> Option<(&str, Decimal)> {
    let (r, _) = char::<&str, ()>('/').parse(s).ok()?;
    let (r, d) = digit_run(r).ok()?;
    if d.len() > 6 || r.starts_with('/') || is_word_byte(r.as_bytes().first()) {
        return None;
    }
    if r.starts_with(['.', ',']) && r.as_bytes().get(1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // Up to 31 only the denominators recipes, polls and markets use: "9/11",
    // "5/12" and "6/30" are dates far more often than elevenths or thirtieths;
    // "1/40" cannot be a date.
    let den_n = d.parse::<u32>().ok()?;
    if den_n <= 31 && !matches!(den_n, 2 | 3 | 4 | 5 | 6 | 8 | 10 | 16) {
        return None;
    }
    let den = Decimal::from(den_n);
    if numerator >= den || is_year_pair(numerator, den_n) {
        return None;
    }
    Some((r, numerator.checked_div(den)?))
}

/// "2011/2012", "2012/13": a financial year or a season, not a fraction.
pub fn is_year_pair(first: Decimal, second: u32) -> bool {
    let Ok(year) = u32::try_from(first) else {
        return false;
    };
    first.fract().is_zero()
        && (1800..=2100).contains(&year)
        && (second == year + 1 || second == (year + 1) % 100)
}

/// Whether `c` is a vulgar fraction character ("½", "⅔").
pub fn is_vulgar_fraction(c: char) -> bool {
    let mut buf = [0u8; 4];
    vulgar(c.encode_utf8(&mut buf)).is_some()
}

fn vulgar(s: &str) -> Option<(&str, Decimal)> {
    let c = s.chars().next()?;
    let (n, d) = match c {
        '½' => (1, 2),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅕' => (1, 5),
        '⅖' => (2, 5),
        '⅗' => (3, 5),
        '⅘' => (4, 5),
        '⅙' => (1, 6),
        '⅚' => (5, 6),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        _ => return None,
    };
    Decimal::from(n)
        .checked_div(Decimal::from(d))
        .map(|f| (&s[c.len_utf8()..], f))
}

/// An abbreviated scale after digits: attached ("450k", "3bn", "10M") or after
/// spaces for the unambiguous ones ("3 bn", "2.33 k").
fn abbreviation(s: &str, money: bool, integer: bool) -> Option<(&str, Decimal)> {
    let attached = s.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
    let w = if attached { s } else { skip_spaces(s, 2) };
    if !attached && (w.len() == s.len() || !w.starts_with(|c: char| c.is_ascii_alphabetic())) {
        return None;
    }
    let len = w.bytes().take_while(u8::is_ascii_alphabetic).count();
    if len > 3 || word_follows(&w[len..]) {
        return None;
    }
    let word = &w[..len];
    let lower = Lower::new(word)?;
    let thousand = Decimal::ONE_THOUSAND;
    let million = Decimal::from(1_000_000u32);
    let billion = Decimal::from(1_000_000_000u64);
    let trillion = Decimal::from(1_000_000_000_000u64);
    let mult = match lower.as_str() {
        "k" => thousand,
        "bn" | "bln" => billion,
        "mn" | "mil" | "mln" => million,
        "tn" | "tln" => trillion,
        // Indian amounts: "Rs 500 Cr", "₹1,200 cr" (crore, ten million).
        "cr" if money => Decimal::from(10_000_000u32),
        "t" if money && attached => trillion,
        "mm" if money || word == "MM" => million,
        "m" if money || (attached && word == "M") => million,
        "b" if attached && (money || !integer || word == "B") => billion,
        _ => return None,
    };
    // A period right after the abbreviation ends the sentence; "k." is fine.
    Some((&w[len..], mult))
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

/// One word of a number expression.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Zero,
    /// 1 to 19.
    Unit(u8),
    /// 20, 30, ... 90.
    Tens(u8),
    Hundred {
        plural: bool,
    },
    /// thousand, million, billion, trillion, lakh, crore.
    Scale {
        value: u64,
        plural: bool,
    },
    Dozen,
    Half,
    Quarter,
    /// An ordinal or denominator: "third" (3), "fifths" (5), "twentieth" (20).
    Ord {
        n: u8,
        plural: bool,
    },
    /// "hundredth", "millionths".
    ScaleOrd {
        value: u64,
        plural: bool,
    },
    A,
    And,
    Point,
    Couple,
    Minus,
    Of,
    Over,
}

/// The token of a lower-case word (bytes: no UTF-8 check on the hot path).
/// Every word the number grammar reads (a superset of what
/// [`starts_number`] accepts), for the scanner's word filter.
pub const WORDS: &[&str] = &[
    "zero",
    "nought",
    "naught",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fourty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "lakh",
    "lac",
    "lakhs",
    "lacs",
    "crore",
    "crores",
    "dozen",
    "dozens",
    "dz",
    "dzs",
    "doz",
    "dozs",
    "half",
    "halves",
    "quarter",
    "quarters",
    "hundredth",
    "hundredths",
    "thousandth",
    "thousandths",
    "millionth",
    "millionths",
    "billionth",
    "billionths",
    "trillionth",
    "trillionths",
    "a",
    "an",
    "and",
    "point",
    "couple",
    "minus",
    "negative",
    "of",
    "over",
    "s",
    "th",
    "rd",
    "st",
    "second",
    "first",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

fn word_token(w: &[u8]) -> Option<Tok> {
    use Tok::*;
    let t = match w {
        b"zero" | b"nought" | b"naught" => Zero,
        b"one" => Unit(1),
        b"two" => Unit(2),
        b"three" => Unit(3),
        b"four" => Unit(4),
        b"five" => Unit(5),
        b"six" => Unit(6),
        b"seven" => Unit(7),
        b"eight" => Unit(8),
        b"nine" => Unit(9),
        b"ten" => Unit(10),
        b"eleven" => Unit(11),
        b"twelve" => Unit(12),
        b"thirteen" => Unit(13),
        b"fourteen" => Unit(14),
        b"fifteen" => Unit(15),
        b"sixteen" => Unit(16),
        b"seventeen" => Unit(17),
        b"eighteen" => Unit(18),
        b"nineteen" => Unit(19),
        b"twenty" => Tens(20),
        b"thirty" => Tens(30),
        b"forty" | b"fourty" => Tens(40),
        b"fifty" => Tens(50),
        b"sixty" => Tens(60),
        b"seventy" => Tens(70),
        b"eighty" => Tens(80),
        b"ninety" => Tens(90),
        b"hundred" => Hundred { plural: false },
        b"hundreds" => Hundred { plural: true },
        b"thousand" => scale(1_000, false),
        b"thousands" => scale(1_000, true),
        b"million" => scale(1_000_000, false),
        b"millions" => scale(1_000_000, true),
        b"billion" => scale(1_000_000_000, false),
        b"billions" => scale(1_000_000_000, true),
        b"trillion" => scale(1_000_000_000_000, false),
        b"trillions" => scale(1_000_000_000_000, true),
        b"lakh" | b"lac" => scale(100_000, false),
        b"lakhs" | b"lacs" => scale(100_000, true),
        b"crore" => scale(10_000_000, false),
        b"crores" => scale(10_000_000, true),
        b"dozen" | b"dozens" | b"dz" | b"dzs" | b"doz" | b"dozs" => Dozen,
        b"half" | b"halves" => Half,
        b"quarter" | b"quarters" => Quarter,
        b"hundredth" => scale_ord(100, false),
        b"hundredths" => scale_ord(100, true),
        b"thousandth" => scale_ord(1_000, false),
        b"thousandths" => scale_ord(1_000, true),
        b"millionth" => scale_ord(1_000_000, false),
        b"millionths" => scale_ord(1_000_000, true),
        b"billionth" => scale_ord(1_000_000_000, false),
        b"billionths" => scale_ord(1_000_000_000, true),
        b"trillionth" => scale_ord(1_000_000_000_000, false),
        b"trillionths" => scale_ord(1_000_000_000_000, true),
        b"a" | b"an" => A,
        b"and" => And,
        b"point" => Point,
        b"couple" => Couple,
        b"minus" | b"negative" => Minus,
        b"of" => Of,
        b"over" => Over,
        _ => return ordinal_word(w),
    };
    Some(t)
}

fn scale(value: u64, plural: bool) -> Tok {
    Tok::Scale { value, plural }
}

fn scale_ord(value: u64, plural: bool) -> Tok {
    Tok::ScaleOrd { value, plural }
}

fn ordinal_word(w: &[u8]) -> Option<Tok> {
    let (stem, plural) = match w.strip_suffix(b"s") {
        Some(s)
            if s.ends_with(b"th") || s.ends_with(b"rd") || s.ends_with(b"st") || s == b"second" =>
        {
            (s, true)
        }
        _ => (w, false),
    };
    let n = match stem {
        b"first" => 1,
        b"second" => 2,
        b"third" => 3,
        b"fourth" => 4,
        b"fifth" => 5,
        b"sixth" => 6,
        b"seventh" => 7,
        b"eighth" => 8,
        b"ninth" => 9,
        b"tenth" => 10,
        b"eleventh" => 11,
        b"twelfth" => 12,
        b"thirteenth" => 13,
        b"fourteenth" => 14,
        b"fifteenth" => 15,
        b"sixteenth" => 16,
        b"seventeenth" => 17,
        b"eighteenth" => 18,
        b"nineteenth" => 19,
        b"twentieth" => 20,
        b"thirtieth" => 30,
        b"fortieth" => 40,
        b"fiftieth" => 50,
        b"sixtieth" => 60,
        b"seventieth" => 70,
        b"eightieth" => 80,
        b"ninetieth" => 90,
        _ => return None,
    };
    Some(Tok::Ord { n, plural })
}

/// Spaces at the start of `s` (at most `max` bytes of them, no line breaks).
fn skip_spaces(s: &str, max: usize) -> &str {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII bytes are judged as they are; only others are decoded.
        let n = match b {
            b' ' | b'\t' => 1,
            0..0x80 => break,
            _ => match s[i..].chars().next() {
                Some(c) if super::words::is_space(c) => c.len_utf8(),
                _ => break,
            },
        };
        if i + n > max {
            break;
        }
        i += n;
    }
    &s[i..]
}

/// The word token at the very start of `s`, and the text after it.
fn next_word(s: &str) -> Option<(&str, Tok)> {
    let len = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    if len == 0 || len > 16 || word_follows(&s[len..]) {
        return None;
    }
    let mut buf = [0u8; 16];
    for (d, b) in buf.iter_mut().zip(s.as_bytes()) {
        *d = b.to_ascii_lowercase();
    }
    Some((&s[len..], word_token(&buf[..len])?))
}

/// The separator between two number words: spaces, or a hyphen with optional
/// spaces ("twenty-five", "fifty - two"). Returns the text after it and
/// whether it was a hyphen.
fn separator(s: &str) -> Option<(&str, bool)> {
    let sp = skip_spaces(s, MAX_GAP);
    if let Some(h) = sp.strip_prefix('-') {
        let after = skip_spaces(h, MAX_GAP);
        return Some((after, true));
    }
    if sp.len() == s.len() {
        return None;
    }
    Some((sp, false))
}

/// What the last word was, for deciding what may follow.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Prev {
    Start,
    A,
    Unit,
    Tens,
    Hundred,
    Scale,
    And,
    Digits,
    Frac,
    Zero,
}

/// An "and" whose continuation is not yet known to be valid.
#[derive(Debug, Clone, Copy)]
struct PendingAnd {
    /// The segment after "and" must stay below this ("hundred and 21": 100).
    limit: Decimal,
    /// "3 million and a half": a fraction after a scale takes the scale.
    frac_scale: Option<Decimal>,
    /// The expression before "and", if what follows turns out invalid.
    ck_end: usize,
    ck_value: Decimal,
}

/// The running value of a number expression.
#[derive(Debug, Clone, Copy)]
struct Acc {
    /// Completed scale groups ("two million" of "two million three hundred").
    total: Decimal,
    /// The group before the last "and".
    base: Decimal,
    /// The segment being read.
    seg: Decimal,
    last_scale: Option<Decimal>,
    group_hundred: bool,
    /// `seg` is a whole number below 1000 written in digits ("3 hundred").
    seg_small_digits: bool,
    prev: Prev,
    and: Option<PendingAnd>,
}

impl Acc {
    fn new() -> Acc {
        Acc {
            total: Decimal::ZERO,
            base: Decimal::ZERO,
            seg: Decimal::ZERO,
            last_scale: None,
            group_hundred: false,
            seg_small_digits: false,
            prev: Prev::Start,
            and: None,
        }
    }

    fn with_digits(v: Decimal, small: bool) -> Acc {
        Acc {
            seg: v,
            seg_small_digits: small,
            prev: Prev::Digits,
            ..Acc::new()
        }
    }

    fn current(&self) -> Decimal {
        self.base + self.seg
    }

    /// The value, or `None` when a pending "and" continuation is invalid.
    fn value(&self) -> Option<Decimal> {
        match self.and {
            None => Some(self.total + self.current()),
            Some(p) => {
                if self.seg <= Decimal::ZERO || self.seg >= p.limit {
                    return None;
                }
                if self.seg < Decimal::ONE
                    && let Some(s) = p.frac_scale
                {
                    return Some(self.total + self.base + self.seg.checked_mul(s)?);
                }
                Some(self.total + self.current())
            }
        }
    }
}

/// The value and end of an accumulated expression, falling back to the
/// expression before a pending "and" when the continuation is invalid.
fn settle(acc: &Acc, end: usize) -> Option<(usize, Decimal)> {
    match acc.value() {
        Some(v) => Some((end, v)),
        None => acc.and.map(|p| (p.ck_end, p.ck_value)),
    }
}

/// Number words, possibly after a number in digits (`start`). `s` is the text
/// where the expression starts (for offsets) and `r` where words may begin.
fn words_expr<'a>(s: &'a str, r: &'a str, start: Option<Acc>) -> Option<(&'a str, Decimal, bool)> {
    let total_len = s.len();
    let end_of = |r: &str| total_len - r.len();
    let mut acc = start.unwrap_or_else(Acc::new);
    // The last complete state: (offset in s, accumulator).
    let mut good: Option<(usize, Acc)> = start.map(|a| (end_of(r), a));
    let mut r = r;
    let mut revert = false;
    let at = |off: usize| &s[off..];

    for _ in 0..MAX_TOKENS {
        // Read the separator and the next token.
        let (w, hyphen) = if acc.prev == Prev::Start {
            (r, false)
        } else {
            match separator(r) {
                Some(x) => x,
                None => break,
            }
        };
        // Digits inside a words expression: "4 thousand 3 hundred and 21".
        if w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            if hyphen || !matches!(acc.prev, Prev::Scale | Prev::And) {
                break;
            }
            let Some((a, d)) = digits_expr(w, Ctx::default()) else {
                break;
            };
            if d.next != DigitsNext::Words || !d.integer_small {
                break;
            }
            if acc.prev == Prev::Scale && acc.last_scale.is_some_and(|s| d.value >= s) {
                break;
            }
            acc.seg += d.value;
            acc.seg_small_digits = true;
            acc.prev = Prev::Digits;
            r = a;
            good = Some((end_of(r), acc));
            continue;
        }
        let Some((a, tok)) = next_word(w) else { break };
        if hyphen
            && !(matches!(acc.prev, Prev::Tens | Prev::Unit | Prev::Hundred)
                && matches!(
                    tok,
                    Tok::Unit(_)
                        | Tok::Ord { .. }
                        | Tok::Half
                        | Tok::Quarter
                        | Tok::ScaleOrd { .. }
                ))
        {
            break;
        }
        match tok {
            Tok::Zero => {
                if acc.prev != Prev::Start {
                    break;
                }
                acc.prev = Prev::Zero;
            }
            Tok::Unit(n) => {
                let n = Decimal::from(n);
                match acc.prev {
                    Prev::Start | Prev::Scale | Prev::Hundred | Prev::And => {
                        acc.seg += n;
                    }
                    Prev::Tens if n < Decimal::TEN => acc.seg += n,
                    _ => break,
                }
                acc.seg_small_digits = false;
                acc.prev = Prev::Unit;
            }
            Tok::Tens(n) => {
                // "one twenty-fifth", "a twenty-first", "three twenty firsts",
                // "one hundred thirty-fifths": tens and an ordinal as one denominator.
                if matches!(acc.prev, Prev::A | Prev::Unit | Prev::Tens | Prev::Hundred)
                    && let Some((a2, den)) = compound_denominator(a, n, acc.prev == Prev::Hundred)
                {
                    let den = Decimal::from(den);
                    match acc.prev {
                        Prev::A => acc.seg = Decimal::ONE.checked_div(den)?,
                        Prev::Hundred => {
                            let whole = acc.total + acc.current();
                            acc.total = Decimal::ZERO;
                            acc.base = Decimal::ZERO;
                            acc.last_scale = None;
                            acc.seg = whole.checked_div(den)?;
                        }
                        _ => acc.seg = acc.seg.checked_div(den)?,
                    }
                    acc.prev = Prev::Frac;
                    r = a2;
                    good = Some((end_of(r), acc));
                    continue;
                }
                match acc.prev {
                    Prev::Start | Prev::Scale | Prev::Hundred | Prev::And => {
                        acc.seg += Decimal::from(n);
                    }
                    _ => break,
                }
                acc.prev = Prev::Tens;
            }
            Tok::Hundred { plural } => {
                let ok_prev = match acc.prev {
                    Prev::Unit | Prev::Tens => acc.seg < Decimal::ONE_HUNDRED,
                    Prev::Digits => true,
                    Prev::A => !plural,
                    Prev::Start => !plural,
                    _ => false,
                };
                if !ok_prev || acc.group_hundred {
                    revert = acc.and.is_some();
                    break;
                }
                if acc.prev == Prev::Start {
                    acc.seg = Decimal::ONE;
                }
                acc.seg = acc.seg.checked_mul(Decimal::ONE_HUNDRED)?;
                acc.group_hundred = true;
                acc.prev = Prev::Hundred;
            }
            Tok::Scale { value, plural } => {
                let sv = Decimal::from(value);
                let lakh_crore = value == 100_000 || value == 10_000_000;
                if plural && !lakh_crore {
                    break;
                }
                // "3 and 5 million": the segment after "and" is no part of
                // "3" (only "3 and a half" is), so the scale is the next
                // figure's and the expression ends before "and".
                if acc.and.is_some() && acc.value().is_none() {
                    revert = true;
                    break;
                }
                match acc.prev {
                    Prev::Unit
                    | Prev::Tens
                    | Prev::Hundred
                    | Prev::Digits
                    | Prev::Frac
                    | Prev::A => {
                        if acc.last_scale.is_some_and(|l| sv >= l) {
                            revert = acc.and.is_some();
                            break;
                        }
                        let cur = if acc.prev == Prev::A {
                            Decimal::ONE
                        } else {
                            acc.current()
                        };
                        acc.total = acc.total.checked_add(cur.checked_mul(sv)?)?;
                    }
                    // "three lakh crore", "a thousand million".
                    Prev::Scale if acc.last_scale.is_some_and(|l| sv > l) => {
                        acc.total = acc.total.checked_mul(sv)?;
                    }
                    _ => break,
                }
                acc.base = Decimal::ZERO;
                acc.seg = Decimal::ZERO;
                acc.group_hundred = false;
                acc.last_scale = Some(sv);
                acc.and = None;
                acc.prev = Prev::Scale;
            }
            Tok::Dozen => {
                match acc.prev {
                    Prev::Unit | Prev::Tens | Prev::Digits | Prev::Frac | Prev::A => {
                        if acc.prev == Prev::A {
                            acc.seg = Decimal::ONE;
                        }
                        acc.seg = acc.seg.checked_mul(Decimal::from(12))?;
                    }
                    Prev::Start => acc.seg = Decimal::from(12),
                    _ => break,
                }
                // "three dozen" ends the expression ("three dozen and ..." is rare).
                r = a;
                acc.prev = Prev::Frac;
                good = Some((end_of(r), acc));
                break;
            }
            Tok::Half | Tok::Quarter => {
                let den = if tok == Tok::Half { 2 } else { 4 };
                let den = Decimal::from(den);
                match acc.prev {
                    Prev::A => acc.seg = Decimal::ONE / den,
                    Prev::Unit | Prev::Tens => acc.seg = acc.seg.checked_div(den)?,
                    Prev::Start => {
                        // "half" alone is a half; "quarter" only before a
                        // scale ("quarter million"): "the third quarter" is not.
                        if tok == Tok::Quarter && !scale_follows(a) {
                            break;
                        }
                        acc.seg = Decimal::ONE / den;
                    }
                    _ => break,
                }
                acc.prev = Prev::Frac;
            }
            Tok::Ord { n, plural } => {
                let nd = Decimal::from(n);
                let fraction_ok = n >= 3;
                match acc.prev {
                    // "a fifth", "one eighth", "three fifths", "twenty fifths".
                    Prev::A if fraction_ok => acc.seg = Decimal::ONE.checked_div(nd)?,
                    Prev::Unit | Prev::Digits
                        if fraction_ok && (plural || acc.prev == Prev::Unit) =>
                    {
                        acc.seg = acc.seg.checked_div(nd)?;
                    }
                    Prev::Tens if plural && fraction_ok => acc.seg = acc.seg.checked_div(nd)?,
                    Prev::Hundred if plural && fraction_ok => acc.seg = acc.seg.checked_div(nd)?,
                    // Ordinals: "first", "twenty-first", "one hundred and first".
                    Prev::Start | Prev::Tens | Prev::Hundred | Prev::Scale | Prev::And
                        if !plural
                            && (acc.prev != Prev::Tens || n < 10)
                            && (acc.prev != Prev::And
                                || acc.and.is_some_and(|p| p.limit >= Decimal::ONE_HUNDRED)) =>
                    {
                        let v = acc.total + acc.current() + nd;
                        return Some((a, v, true));
                    }
                    _ => break,
                }
                acc.prev = Prev::Frac;
            }
            Tok::ScaleOrd { value, plural } => {
                let sv = Decimal::from(value);
                match acc.prev {
                    Prev::A => {
                        acc.seg = Decimal::ONE.checked_div(sv)?;
                        acc.prev = Prev::Frac;
                    }
                    Prev::Unit | Prev::Tens | Prev::Hundred | Prev::Scale if plural => {
                        // "a hundred trillionths", "two and fifty-four hundredths".
                        if acc.and.is_some() {
                            acc.seg = acc.seg.checked_div(sv)?;
                        } else {
                            let whole = acc.total + acc.current();
                            acc.total = Decimal::ZERO;
                            acc.base = Decimal::ZERO;
                            acc.seg = whole.checked_div(sv)?;
                            acc.last_scale = None;
                        }
                        acc.prev = Prev::Frac;
                    }
                    // "hundredth", "the one hundredth anniversary", "two millionth".
                    Prev::Start => return Some((a, sv, true)),
                    Prev::Unit | Prev::Tens | Prev::Hundred if !plural => {
                        let whole = acc.total + acc.current();
                        if acc.prev == Prev::Hundred && value == 100 {
                            break;
                        }
                        return Some((a, whole.checked_mul(sv)?, true));
                    }
                    _ => break,
                }
            }
            Tok::A => {
                // "a" must be followed by a word it quantifies.
                let Some((_, next)) =
                    separator(a).and_then(|(w, h)| if h { None } else { next_word(w) })
                else {
                    break;
                };
                let ok = match acc.prev {
                    Prev::Start | Prev::And => {
                        matches!(
                            next,
                            Tok::Hundred { plural: false }
                                | Tok::Scale { plural: false, .. }
                                | Tok::Dozen
                                | Tok::Half
                                | Tok::Quarter
                                | Tok::ScaleOrd { .. }
                                | Tok::Couple
                                | Tok::Tens(_)
                        ) || matches!(next, Tok::Ord { n, .. } if n >= 3)
                    }
                    // "half a million", "half a dozen".
                    Prev::Frac => matches!(next, Tok::Scale { plural: false, .. } | Tok::Dozen),
                    _ => false,
                };
                if !ok {
                    break;
                }
                if acc.prev != Prev::Frac {
                    acc.seg = Decimal::ONE;
                    acc.prev = Prev::A;
                }
                r = a;
                continue;
            }
            Tok::Couple => {
                // "a couple of": two, with "of" consumed for the counted noun.
                if !matches!(acc.prev, Prev::A | Prev::Start) {
                    break;
                }
                let Some((w2, false)) = separator(a) else {
                    break;
                };
                let Some((a2, Tok::Of)) = next_word(w2) else {
                    break;
                };
                let v = acc.total + acc.base + Decimal::TWO;
                if acc.and.is_some() {
                    break;
                }
                return Some((a2, v, false));
            }
            Tok::And => {
                let limit = match acc.prev {
                    Prev::Scale => acc.last_scale,
                    Prev::Hundred => Some(Decimal::ONE_HUNDRED),
                    Prev::Tens => Some(Decimal::TEN),
                    Prev::Unit => Some(Decimal::ONE),
                    Prev::Digits if acc.seg_small_digits || acc.seg.fract().is_zero() => {
                        Some(Decimal::ONE)
                    }
                    _ => None,
                };
                let Some(limit) = limit else { break };
                let Some((ck_end, ck_value)) = good.as_ref().and_then(|(e, g)| settle(g, *e))
                else {
                    break;
                };
                // A continuation must follow; "and" itself is never part of the end.
                let Some((w2, false)) = separator(a) else {
                    break;
                };
                let cont = w2.as_bytes().first().is_some_and(u8::is_ascii_digit)
                    || next_word(w2).is_some_and(|(_, t)| {
                        matches!(
                            t,
                            Tok::Unit(_)
                                | Tok::Tens(_)
                                | Tok::A
                                | Tok::Ord { .. }
                                | Tok::Hundred { .. }
                        )
                    });
                if !cont {
                    break;
                }
                // A previous "and" is settled now ("one hundred and three and two thirds").
                if acc.and.is_some() {
                    if acc.value().is_none() {
                        break;
                    }
                    acc.and = None;
                }
                let frac_scale = if acc.prev == Prev::Scale && limit >= Decimal::ONE_THOUSAND {
                    acc.last_scale
                } else {
                    None
                };
                acc.base = acc.current();
                acc.seg = Decimal::ZERO;
                acc.and = Some(PendingAnd {
                    limit,
                    frac_scale,
                    ck_end,
                    ck_value,
                });
                acc.prev = Prev::And;
                r = a;
                continue;
            }
            Tok::Point => {
                if !matches!(
                    acc.prev,
                    Prev::Zero | Prev::Unit | Prev::Tens | Prev::Hundred | Prev::Scale
                ) || acc.and.is_some()
                {
                    break;
                }
                let Some((a2, frac)) = point_digits(a) else {
                    break;
                };
                let v = acc.total + acc.current() + frac;
                return Some((a2, v, false));
            }
            Tok::Of => {
                // "two thirds of a million".
                if acc.prev != Prev::Frac {
                    break;
                }
                let Some((w2, false)) = separator(a) else {
                    break;
                };
                let Some((a2, Tok::A)) = next_word(w2) else {
                    break;
                };
                if !scale_follows(a2) {
                    break;
                }
                acc.prev = Prev::Frac;
                r = a2;
                continue;
            }
            Tok::Minus | Tok::Over => break,
        }
        r = a;
        good = Some((end_of(r), acc));
    }

    let (end, g) = good?;
    let (end, v) = if revert {
        match g.and {
            Some(p) => (p.ck_end, p.ck_value),
            None => settle(&g, end)?,
        }
    } else {
        settle(&g, end)?
    };
    Some((at(end), v, false))
}

/// An ordinal after tens ("-fifth" of "twenty-fifth"), read as a denominator.
fn compound_denominator(s: &str, tens: u8, plural_only: bool) -> Option<(&str, u8)> {
    let (w, _) = separator(s)?;
    match next_word(w)? {
        (a, Tok::Ord { n, plural }) if n < 10 && (plural || !plural_only) => Some((a, tens + n)),
        _ => None,
    }
}

/// Whether a scale word ("million") follows the spaces at the start of `s`.
fn scale_follows(s: &str) -> bool {
    separator(s)
        .filter(|(_, h)| !h)
        .and_then(|(w, _)| next_word(w))
        .is_some_and(|(_, t)| matches!(t, Tok::Scale { plural: false, .. }))
}

/// The digits after "point": "zero three", "seventy-one", "nought four".
fn point_digits(s: &str) -> Option<(&str, Decimal)> {
    let mut m = Mantissa::default();
    let mut r = s;
    let mut any = false;
    let mut prev_tens = false;
    for _ in 0..MAX_DIGITS {
        let Some((w, hyphen)) = separator(r) else {
            break;
        };
        let Some((a, tok)) = next_word(w) else { break };
        if hyphen && !(prev_tens && matches!(tok, Tok::Unit(n) if n < 10)) {
            break;
        }
        let (digits, tens): (&[u8], bool) = match tok {
            Tok::Zero => (b"0", false),
            Tok::Unit(n) if prev_tens && n < 10 => {
                // "seventy-one": replace the tens' trailing zero.
                m.m += i128::from(n);
                r = a;
                prev_tens = false;
                continue;
            }
            Tok::Unit(n) => {
                let mut buf = [0u8; 2];
                let len = if n < 10 {
                    buf[0] = b'0' + n;
                    1
                } else {
                    buf[0] = b'1';
                    buf[1] = b'0' + (n - 10);
                    2
                };
                m.push_frac(std::str::from_utf8(&buf[..len]).ok()?)?;
                r = a;
                any = true;
                prev_tens = false;
                continue;
            }
            Tok::Tens(n) => {
                let buf = [b'0' + n / 10, b'0'];
                m.push_frac(std::str::from_utf8(&buf).ok()?)?;
                r = a;
                any = true;
                prev_tens = true;
                continue;
            }
            _ => break,
        };
        m.push_frac(std::str::from_utf8(digits).ok()?)?;
        any = true;
        prev_tens = tens;
        r = a;
    }
    if !any {
        return None;
    }
    Some((r, m.value()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn p(text: &str) -> Option<(String, Decimal, bool)> {
        parse_number(text, 0, false).map(|m| (text[..m.end].to_string(), m.value, m.ordinal))
    }

    fn v(text: &str) -> (String, Decimal) {
        let (s, v, _) = p(text).unwrap_or_else(|| panic!("no number in {text:?}"));
        (s, v)
    }

    #[track_caller]
    fn check(text: &str, span: &str, value: Decimal) {
        assert_eq!(v(text), (span.to_string(), value), "{text:?}");
    }

    #[test]
    fn digits() {
        check("3,000 soldiers", "3,000", dec!(3000));
        check("1,234,567.", "1,234,567", dec!(1234567));
        check("12,34,567.89 x", "12,34,567.89", dec!(1234567.89));
        check("4.800", "4.800", dec!(4.8));
        check(".08", ".08", dec!(0.08));
        check("-9.2 points", "-9.2", dec!(-9.2));
        check("192.", "192", dec!(192));
        check("1, 234", "1", dec!(1));
        check("22,24,26,31.", "22", dec!(22));
        check("22,240,260,310.", "22,240,260,310", dec!(22240260310));
    }

    #[test]
    fn space_groups() {
        check(
            "1\u{2009}500\u{2009}000 people",
            "1\u{2009}500\u{2009}000",
            dec!(1500000),
        );
        check("40\u{202f}000", "40\u{202f}000", dec!(40000));
        check("7\u{a0}500 troops", "7\u{a0}500", dec!(7500));
        check("1 414 021 100.", "1 414 021 100", dec!(1414021100));
        check("40 000 is", "40 000", dec!(40000));
        check("2019 500 people", "2019", dec!(2019));
        check("3 100 people", "3", dec!(3));
        check("423 0000", "423", dec!(423));
        let m = parse_number("1\u{2009}234", 0, false).unwrap();
        assert!(m.written.grouped && m.written.digits);
    }

    #[test]
    fn decimal_comma() {
        let m = parse_number("1,8 billion", 0, false).unwrap();
        assert_eq!(m.value, dec!(1800000000));
        assert!(m.written.decimal_comma);
        check("5,00.", "5,00", dec!(5));
        check("1,3.", "1,3", dec!(1.3));
        check("1.111,11, x", "1.111,11", dec!(1111.11));
        let m = parse_number("3,000", 0, false).unwrap();
        assert!(!m.written.decimal_comma && m.written.grouped);
    }

    #[test]
    fn fractions_and_exponents() {
        check("1/3", "1/3", dec!(1) / dec!(3));
        check("-4/5", "-4/5", dec!(-0.8));
        check("2  1/4", "2  1/4", dec!(2.25));
        check("1 1/2 cups", "1 1/2", dec!(1.5));
        check("5/17/2018", "5", dec!(5));
        check("24/7", "24", dec!(24));
        check("9/11 attacks", "9", dec!(9));
        check("1/40 of", "1/40", dec!(0.025));
        check("2½ hours", "2½", dec!(2.5));
        check("1e10", "1e10", dec!(10000000000));
        check("-12e-1", "-12e-1", dec!(-1.2));
        check("1.3x10^6", "1.3x10^6", dec!(1300000));
        assert_eq!(
            parse_number("5/17/2018", 2, false).map(|m| m.value),
            Some(dec!(17))
        );
    }

    #[test]
    fn spoken_fractions_and_powers() {
        check("one over three", "one over three", dec!(1) / dec!(3));
        check("1 over 20.", "1 over 20", dec!(0.05));
        check("2000 over 3 years", "2000", dec!(2000));
        check("3 over par", "3", dec!(3));
        check("a twenty-first", "a twenty-first", dec!(1) / dec!(21));
        check(
            "three twenty firsts",
            "three twenty firsts",
            dec!(3) / dec!(21),
        );
        check(
            "one hundred thirty-fifths",
            "one hundred thirty-fifths",
            dec!(100) / dec!(35),
        );
        check("one hundred thirty", "one hundred thirty", dec!(130));
        check("2.5^-1", "2.5^-1", dec!(0.4));
        check("2.48×10−5", "2.48×10−5", dec!(0.0000248));
        let t = "nrs. 22,24,26,31.";
        let at = t.find("26").unwrap();
        let m = parse_number(t, at, false).unwrap();
        assert_eq!((&t[at..m.end], m.value), ("26", dec!(26)));
    }

    #[test]
    fn abbreviations() {
        check("450k", "450k", dec!(450000));
        check("2.33 k", "2.33 k", dec!(2330));
        check("10 bln or", "10 bln", dec!(10000000000));
        check("3 bn", "3 bn", dec!(3000000000));
        check("10M.", "10M", dec!(10000000));
        check("1.2b", "1.2b", dec!(1200000000));
        check("2mil SEK", "2mil", dec!(2000000));
        check("5m long", "5", dec!(5));
        check("5km", "5", dec!(5));
        let m = parse_number("$3bn", 1, true).unwrap();
        assert_eq!((m.end, m.value), (4, dec!(3000000000)));
        let m = parse_number("$1.2m.", 1, true).unwrap();
        assert_eq!((m.end, m.value), (5, dec!(1200000)));
        let m = parse_number("$2.174T.", 1, true).unwrap();
        assert_eq!(m.value, dec!(2174000000000));
        check("5t of rice", "5", dec!(5));
        let m = parse_number("1MM", 0, true).unwrap();
        assert_eq!(m.value, dec!(1000000));
    }

    #[test]
    fn scale_words() {
        check("1.2 million people", "1.2 million", dec!(1200000));
        check("2.5 trillion", "2.5 trillion", dec!(2500000000000));
        check("13 lakh", "13 lakh", dec!(1300000));
        check("5 crores", "5 crores", dec!(50000000));
        check("three lakh crore", "three lakh crore", dec!(3000000000000));
        check(
            "6 crore and two hundred",
            "6 crore and two hundred",
            dec!(60000200),
        );
        check("322 hundred", "322 hundred", dec!(32200));
        check("1,674.5 million", "1,674.5 million", dec!(1674500000));
        check(
            "4 thousand 3 hundred and 21 is",
            "4 thousand 3 hundred and 21",
            dec!(4321),
        );
        check(
            "4 thousand 3 hundred and 0 are",
            "4 thousand 3 hundred",
            dec!(4300),
        );
        check("4000 3 hundred", "4000", dec!(4000));
        check("3 hundred and 2 hundred", "3 hundred", dec!(300));
        check("3 hundred and 2.12 hundred", "3 hundred", dec!(300));
        check("3 hundred and one is", "3 hundred and one", dec!(301));
        check("200 and 300", "200", dec!(200));
        // "between 3 and 5 million": the scale belongs to the second figure.
        check("3 and 5 million", "3", dec!(3));
        check("three and five million", "three", dec!(3));
        check(
            "one and a half million",
            "one and a half million",
            dec!(1500000),
        );
        check(
            "one hundred and fifty thousand",
            "one hundred and fifty thousand",
            dec!(150000),
        );
    }

    #[test]
    fn trailing_scales() {
        assert_eq!(trailing_scale("3 million", false), Some(dec!(1000000)));
        assert_eq!(trailing_scale("two thousand", false), Some(dec!(1000)));
        assert_eq!(trailing_scale("$19bn", true), Some(dec!(1000000000)));
        assert_eq!(trailing_scale("450k", false), Some(dec!(1000)));
        assert_eq!(trailing_scale("3 crore", false), Some(dec!(10000000)));
        assert_eq!(trailing_scale("3,000", false), None);
        assert_eq!(trailing_scale("twenty", false), None);
        assert_eq!(trailing_scale("thousands", false), None);
    }

    #[test]
    fn words() {
        check(
            "Three thousand two hundred",
            "Three thousand two hundred",
            dec!(3200),
        );
        check("twenty-five years", "twenty-five", dec!(25));
        check("fifty - two", "fifty - two", dec!(52));
        check("fifty   two", "fifty   two", dec!(52));
        check(
            "one hundred and sixty-one",
            "one hundred and sixty-one",
            dec!(161),
        );
        check(
            "twenty-one trillion and three hundred",
            "twenty-one trillion and three hundred",
            dec!(21000000000300),
        );
        check(
            "two hundred and two thousand",
            "two hundred and two thousand",
            dec!(202000),
        );
        check("a hundred people", "a hundred", dec!(100));
        check("hundred thousand dollars", "hundred thousand", dec!(100000));
        check("a dozen eggs", "a dozen", dec!(12));
        check("three dozens", "three dozens", dec!(36));
        check("half a  dozen", "half a  dozen", dec!(6));
        check(
            "three hundred and two dozens",
            "three hundred and two dozens",
            dec!(324),
        );
        check("a couple of days", "a couple of", dec!(2));
        check("THREE", "THREE", dec!(3));
        check("Five years old", "Five", dec!(5));
        check("one of the", "one", dec!(1));
        check("one and two", "one", dec!(1));
        check("twenty-five-year-old", "twenty-five", dec!(25));
        check("zero", "zero", dec!(0));
        check("minus five point five", "minus five point five", dec!(-5.5));
        check("negative one", "negative one", dec!(-1));
        assert_eq!(p("a day"), None);
        assert_eq!(p("a couple from Ohio"), None);
        assert_eq!(p("an apple"), None);
        assert_eq!(p("a"), None);
        assert_eq!(p("negative effects"), None);
        assert_eq!(p("quarter"), None);
    }

    #[test]
    fn fractions_in_words() {
        check("two and a half years", "two and a half", dec!(2.5));
        check(
            "one and a half million",
            "one and a half million",
            dec!(1500000),
        );
        check("half a million", "half a million", dec!(500000));
        check("half million", "half million", dec!(500000));
        check("half the", "half", dec!(0.5));
        check("half an hour", "half", dec!(0.5));
        check("a quarter of voters", "a quarter", dec!(0.25));
        check("quarter million", "quarter million", dec!(250000));
        check("three-quarters", "three-quarters", dec!(0.75));
        check("two-thirds", "two-thirds", dec!(2) / dec!(3));
        check("two thirds", "two thirds", dec!(2) / dec!(3));
        check("one eighth", "one eighth", dec!(0.125));
        check("a half", "a half", dec!(0.5));
        check(
            "twenty and three fifths",
            "twenty and three fifths",
            dec!(20.6),
        );
        check("twenty fifths", "twenty fifths", dec!(4));
        check(
            "3 million and a half",
            "3 million and a half",
            dec!(3500000),
        );
        check(
            "two million and three fifths",
            "two million and three fifths",
            dec!(2600000),
        );
        check(
            "one billion and a half million",
            "one billion and a half million",
            dec!(1000500000),
        );
        let (span, val) = v("two thirds of a million");
        assert_eq!(span, "two thirds of a million");
        assert_eq!(val.round_dp(4), dec!(666666.6667));
        check(
            "one hundred and three quarters",
            "one hundred and three quarters",
            dec!(100.75),
        );
        check("a hundredth", "a hundredth", dec!(0.01));
        check(
            "two and fifty-four hundredths",
            "two and fifty-four hundredths",
            dec!(2.54),
        );
        check(
            "two hundred point zero three",
            "two hundred point zero three",
            dec!(200.03),
        );
        check(
            "two hundred point seventy-one",
            "two hundred point seventy-one",
            dec!(200.71),
        );
        check("one second", "one", dec!(1));
        check("one - fourth", "one - fourth", dec!(0.25));
    }

    #[test]
    fn ordinals() {
        for (t, span, n) in [
            ("first", "first", dec!(1)),
            ("21st century", "21st", dec!(21)),
            ("2nd", "2nd", dec!(2)),
            ("third-largest", "third", dec!(3)),
            ("twenty-first", "twenty-first", dec!(21)),
            ("hundredth", "hundredth", dec!(100)),
            ("one hundred and first", "one hundred and first", dec!(101)),
            ("second", "second", dec!(2)),
        ] {
            assert_eq!(p(t), Some((span.to_string(), n, true)), "{t}");
        }
    }

    #[test]
    fn starts() {
        for w in [
            "one", "twenty", "a", "an", "half", "dozen", "couple", "first", "third",
        ] {
            assert!(starts_number(w), "{w}");
        }
        for w in [
            "second",
            "may",
            "the",
            "seconds",
            "thirds",
            "thousands",
            "hundreds",
        ] {
            assert!(!starts_number(w), "{w}");
        }
    }

    /// Calls the parser at every position of `text`, as a scanner might.
    fn sweep(text: &str) -> usize {
        let mut n = 0;
        let mut i = 0;
        while i < text.len() {
            if text.is_char_boundary(i) {
                let m = parse_number(text, i, false);
                if let Some(m) = m {
                    assert!(m.end > i && text.is_char_boundary(m.end));
                    n += 1;
                }
            }
            i += 1;
        }
        n
    }

    #[test]
    fn hostile_inputs_terminate() {
        let commas = "1,234,".repeat(10_000);
        sweep(&commas);
        let digits = "9".repeat(50_000);
        assert!(parse_number(&digits, 0, false).is_none());
        sweep(&"one and a half ".repeat(3_000));
        sweep(&"12,34,5,6.7.8/9/ 000 1e".repeat(2_000));
        sweep(&"a a a and and half of a ".repeat(2_000));
        sweep("€½⅔ ,,. - -- +1\u{2009}\u{2009}2 ñ one\u{a0}-\u{a0}two");
    }
}
