//! The rule engine: check kinds are code, one file per kind; rules (data under
//! `rules/checks/`) pick a kind, a severity, parameters and wording.

pub mod change;
pub mod combined;
pub mod comparison;
pub mod conflict;
pub mod conversion;
pub mod date_arithmetic;
pub mod enumeration;
pub mod fact;
pub mod increment;
pub mod interval;
pub mod matching;
pub mod percent_overflow;
pub mod rate;
pub mod rates;
pub mod relative_date;
pub mod share;
pub mod source;
pub mod style;
pub mod sum;
pub mod time_base;
pub mod unit;
pub mod vague;
pub mod weekday;

use std::borrow::Cow;

use crate::claims::{Claim, claims};
use crate::diagnostic::Diagnostic;
use crate::extract::{Options, extract};
use crate::quantity::Quantity;
use crate::rulebook::{Rule, Rulebook};

/// The kinds of check a rule can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CheckKind {
    Weekday,
    RelativeDate,
    Increment,
    Vague,
    Share,
    Change,
    Style,
    Unit,
    Combined,
    Source,
    Conflict,
    Fact,
    DateArithmetic,
    Conversion,
    Comparison,
    TimeBase,
    Rate,
    PercentOverflow,
    Sum,
    /// Suppression comments that suppress nothing: reported by
    /// [`crate::suppress::apply`], which runs after the checks on the
    /// original text, so `check` itself has nothing to run for it.
    Suppression,
}

/// The type of a rule parameter, with its default.
#[derive(Debug, Clone, Copy)]
pub enum Param {
    /// A decimal number (tolerances, ratios).
    Number(&'static str),
    /// A list of words.
    Words,
}

impl Param {
    pub fn accepts(self, value: &toml::Value) -> bool {
        match self {
            Param::Number(_) => matches!(value, toml::Value::Float(_) | toml::Value::Integer(_)),
            Param::Words => value
                .as_array()
                .is_some_and(|a| a.iter().all(toml::Value::is_str)),
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Param::Number(_) => "a number",
            Param::Words => "a list of strings",
        }
    }

    pub fn default_number(self) -> Option<rust_decimal::Decimal> {
        match self {
            Param::Number(d) => d.parse().ok(),
            Param::Words => None,
        }
    }
}

impl CheckKind {
    pub const ALL: &'static [CheckKind] = &[
        CheckKind::Weekday,
        CheckKind::RelativeDate,
        CheckKind::Increment,
        CheckKind::Vague,
        CheckKind::Share,
        CheckKind::Change,
        CheckKind::Style,
        CheckKind::Unit,
        CheckKind::Combined,
        CheckKind::Source,
        CheckKind::Conflict,
        CheckKind::Fact,
        CheckKind::DateArithmetic,
        CheckKind::Conversion,
        CheckKind::Comparison,
        CheckKind::TimeBase,
        CheckKind::Rate,
        CheckKind::PercentOverflow,
        CheckKind::Sum,
        CheckKind::Suppression,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CheckKind::Weekday => "weekday",
            CheckKind::RelativeDate => "relative-date",
            CheckKind::Increment => "increment",
            CheckKind::Vague => "vague",
            CheckKind::Share => "share",
            CheckKind::Change => "change",
            CheckKind::Style => "number-style",
            CheckKind::Unit => "unit",
            CheckKind::Combined => "combined-category",
            CheckKind::Source => "source",
            CheckKind::Conflict => "conflict",
            CheckKind::Fact => "fact",
            CheckKind::DateArithmetic => "date-arithmetic",
            CheckKind::Conversion => "conversion",
            CheckKind::Comparison => "comparison",
            CheckKind::TimeBase => "time-base",
            CheckKind::Rate => "rate",
            CheckKind::PercentOverflow => "percent-overflow",
            CheckKind::Sum => "sum",
            CheckKind::Suppression => "suppression",
        }
    }

    pub fn parse(s: &str) -> Option<CheckKind> {
        Self::ALL.iter().copied().find(|k| k.name() == s)
    }

    /// The placeholders this kind fills in message and help templates.
    pub fn placeholders(self) -> &'static [&'static str] {
        match self {
            CheckKind::Weekday => weekday::PLACEHOLDERS,
            CheckKind::RelativeDate => relative_date::PLACEHOLDERS,
            CheckKind::Increment => increment::PLACEHOLDERS,
            CheckKind::Vague => vague::PLACEHOLDERS,
            CheckKind::Share => share::PLACEHOLDERS,
            CheckKind::Change => change::PLACEHOLDERS,
            CheckKind::Style => style::PLACEHOLDERS,
            CheckKind::Unit => unit::PLACEHOLDERS,
            CheckKind::Combined => combined::PLACEHOLDERS,
            CheckKind::Source => source::PLACEHOLDERS,
            CheckKind::Conflict => conflict::PLACEHOLDERS,
            CheckKind::Fact => fact::PLACEHOLDERS,
            CheckKind::DateArithmetic => date_arithmetic::PLACEHOLDERS,
            CheckKind::Conversion => conversion::PLACEHOLDERS,
            CheckKind::Comparison => comparison::PLACEHOLDERS,
            CheckKind::TimeBase => time_base::PLACEHOLDERS,
            CheckKind::Rate => rate::PLACEHOLDERS,
            CheckKind::PercentOverflow => percent_overflow::PLACEHOLDERS,
            CheckKind::Sum => sum::PLACEHOLDERS,
            CheckKind::Suppression => crate::suppress::PLACEHOLDERS,
        }
    }

    /// The parameters this kind takes, with their types and defaults.
    pub fn parameters(self) -> &'static [(&'static str, Param)] {
        match self {
            CheckKind::Weekday
            | CheckKind::RelativeDate
            | CheckKind::Increment
            | CheckKind::Vague => &[],
            CheckKind::Share => &[("hedge", Param::Number("0"))],
            CheckKind::Change => &[
                ("hedge", Param::Number("0")),
                ("factor_tolerance", Param::Number("0.1")),
                ("rise", Param::Words),
                ("fall", Param::Words),
                ("to", Param::Words),
                ("from", Param::Words),
                ("level_nouns", Param::Words),
                ("level_verbs", Param::Words),
                ("amount_units", Param::Words),
                ("other_base", Param::Words),
            ],
            CheckKind::Style => &[],
            CheckKind::Unit => &[],
            CheckKind::Combined => &[],
            CheckKind::Source => &[],
            CheckKind::Conflict => &[],
            CheckKind::Fact => &[],
            CheckKind::DateArithmetic => &[("tolerance", Param::Number("0.05"))],
            CheckKind::Conversion => &[
                ("tolerance", Param::Number("0.02")),
                ("difference_words", Param::Words),
            ],
            CheckKind::Comparison => &[("relative", Param::Words), ("contrast", Param::Words)],
            CheckKind::TimeBase => &[("tolerance", Param::Number("0.03"))],
            CheckKind::Rate => &[("tolerance", Param::Number("0.03"))],
            CheckKind::PercentOverflow => &[
                ("tolerance", Param::Number("0")),
                ("min_shares", Param::Number("3")),
            ],
            CheckKind::Sum => &[("hedge", Param::Number("0"))],
            CheckKind::Suppression => &[],
        }
    }

    pub fn parameter(self, key: &str) -> Option<Param> {
        self.parameters()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, p)| *p)
    }

    fn run(self, article: &Article<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        match self {
            CheckKind::Weekday => weekday::check(article, rule, out),
            CheckKind::RelativeDate => relative_date::check(article, rule, out),
            CheckKind::Increment => increment::check(article, rule, out),
            CheckKind::Vague => vague::check(article, rule, out),
            CheckKind::Share => share::check(article, rule, out),
            CheckKind::Change => change::check(article, rule, out),
            CheckKind::Style => style::check(article, rule, out),
            CheckKind::Unit => unit::check(article, rule, out),
            CheckKind::Combined => combined::check(article, rule, out),
            CheckKind::Source => source::check(article, rule, out),
            CheckKind::Conflict => conflict::check(article, rule, out),
            CheckKind::Fact => fact::check(article, rule, out),
            CheckKind::DateArithmetic => date_arithmetic::check(article, rule, out),
            CheckKind::Conversion => conversion::check(article, rule, out),
            CheckKind::Comparison => comparison::check(article, rule, out),
            CheckKind::TimeBase => time_base::check(article, rule, out),
            CheckKind::Rate => rate::check(article, rule, out),
            CheckKind::PercentOverflow => percent_overflow::check(article, rule, out),
            CheckKind::Sum => sum::check(article, rule, out),
            CheckKind::Suppression => {}
        }
    }
}

/// What the checks look at: the text, its quantities and the run's options.
pub struct Article<'a> {
    pub text: &'a str,
    pub quantities: Vec<Quantity>,
    /// The claim context of each quantity, in the same order.
    pub claims: Vec<Claim>,
    pub document_date: Option<jiff::civil::Date>,
    /// The reference facts (`--facts`), read like the article.
    pub facts: Option<Facts<'a>>,
    /// Clashing figures, found once for the kinds that share them
    /// ([`matching::clashes`]).
    pub clashes: std::cell::OnceCell<Vec<matching::Clash>>,
}

/// Reference facts: prose the user trusts, with its quantities and claims.
pub struct Facts<'a> {
    pub text: &'a str,
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
}

/// Options of a check run.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The article's date (`--date`).
    pub document_date: Option<jiff::civil::Date>,
    /// Reference facts as prose (`--facts`), trusted as true.
    pub facts: Option<String>,
    /// Rules to run instead of the default set (`--select`).
    pub select: Option<Vec<String>>,
    /// Rules not to run (`--ignore`).
    pub ignore: Vec<String>,
}

impl CheckOptions {
    /// Whether `rule` runs: selected (or on by default when nothing is
    /// selected) and not ignored.
    pub fn runs(&self, rule: &Rule) -> bool {
        let selected = match &self.select {
            Some(list) => list.iter().any(|r| r == &rule.name),
            None => rule.enabled,
        };
        selected && !self.ignore.iter().any(|r| r == &rule.name)
    }
}

/// Checks `text` with the rules of `book`; findings in order of position.
pub fn check(text: &str, options: &CheckOptions, book: &Rulebook) -> Vec<Diagnostic> {
    let mut found = crate::extract::scan(
        text,
        &Options {
            document_date: options.document_date,
        },
    );
    // Without --date, the article's own dateline or front matter dates it.
    let mut document_date = options.document_date;
    if document_date.is_none()
        && let Some(d) = crate::dateline::find(text, &found.quantities)
    {
        document_date = Some(d);
        found = crate::extract::scan(text, &Options { document_date });
    }
    let crate::extract::Scan {
        mut quantities,
        sources,
    } = found;
    let facts = options.facts.as_deref().map(|f| {
        let quantities = extract(f, &Options { document_date });
        let claims = claims(f, &quantities);
        Facts {
            text: f,
            quantities,
            claims,
        }
    });
    // Digits in names ("iPhone 3G") are extracted, but are no figures to check.
    quantities.retain(|q| !q.written.in_name);
    let claims = crate::claims::claims_with(text, &quantities, &sources);
    let article = Article {
        text,
        claims,
        quantities,
        document_date,
        facts,
        clashes: std::cell::OnceCell::new(),
    };
    let mut out = Vec::new();
    for rule in &book.rules {
        if options.runs(rule) {
            rule.kind.run(&article, rule, &mut out);
        }
    }
    out.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
    out
}

/// How many neighbouring figures a rule looks at on each side. Bounds the
/// work per figure, so checking stays linear in the number of figures.
pub const LOOKBACK: usize = 64;

/// Indexes of the figures within `radius` of figure `i`.
pub fn around(len: usize, i: usize, radius: usize) -> std::ops::Range<usize> {
    i.saturating_sub(radius)..(i + radius + 1).min(len)
}

/// The figures in `q`'s sentence (at most `2 * LOOKBACK` of them), found by
/// binary search: quantities are in text order.
pub fn in_sentence<'a>(qs: &'a [Quantity], q: &Quantity) -> impl Iterator<Item = &'a Quantity> {
    let sentence = q.sentence;
    let first = qs.partition_point(|p| p.span.start < sentence.start);
    qs[first..]
        .iter()
        .take_while(move |p| p.span.start < sentence.end)
        .filter(move |p| p.sentence == sentence)
        .take(2 * LOOKBACK)
}

/// Up to `n` lower-case words right before byte `at`, within `[floor, at)`,
/// nearest last: "rose 2.4% to" → ["rose", "2.4", "to"].
pub fn words_before(text: &str, floor: usize, at: usize, n: usize) -> Vec<Cow<'_, str>> {
    let mut floor = floor.max(at.saturating_sub(crate::quantity::LEAD_BYTES));
    while floor < at && !text.is_char_boundary(floor) {
        floor += 1;
    }
    let slice = text.get(floor..at).unwrap_or("");
    // Read back from `at`, one word at a time, so only the last `n` are seen.
    let mut words: Vec<Cow<'_, str>> = Vec::with_capacity(n);
    let mut end = slice.len();
    let mut chars = slice.char_indices();
    while words.len() < n {
        let (start, next) = match chars.next_back() {
            Some((i, c)) if is_word_part(c) => {
                if i > 0 {
                    continue;
                }
                (0, 0)
            }
            Some((i, c)) => (i + c.len_utf8(), i),
            None => (0, 0),
        };
        if start < end {
            words.push(lower(slice[start..end].trim_end_matches('.')));
        }
        end = next;
        if start == 0 {
            break;
        }
    }
    words.reverse();
    words
}

/// Characters `words_before` keeps in words ("2.4%", "Britain's").
fn is_word_part(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '%' || c == '\'' || c == '’'
}

/// Lower-case words in `[from, to)`.
pub fn words_between(text: &str, from: usize, to: usize) -> Vec<Cow<'_, str>> {
    words_in(text, from, to).collect()
}

/// [`words_between`], one at a time: for callers that read only a few.
pub fn words_in(text: &str, from: usize, to: usize) -> impl Iterator<Item = Cow<'_, str>> {
    text.get(from..to.max(from))
        .unwrap_or("")
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(lower)
}

/// Whether `hay` contains any of `needles` (plain ASCII, lower case, none
/// empty) in any case, in one pass over `hay` and without a lower-case copy.
pub fn contains_any_ignoring_case(hay: &str, needles: &[&str]) -> bool {
    let hay = hay.as_bytes();
    (0..hay.len()).any(|k| {
        let c = hay[k] | 0x20;
        needles.iter().any(|needle| {
            let needle = needle.as_bytes();
            needle.first() == Some(&c)
                && hay
                    .get(k..k + needle.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        })
    })
}

/// A word in lower case, copied only when it has capitals or other scripts.
pub(crate) fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// Writes a computed figure the way a model figure is written: same currency
/// sign, same scale word, same digit grouping ("$1,280 million" after "$540
/// million", "4,500" after "3,000").
pub fn format_like(value: rust_decimal::Decimal, model: &Quantity, text: &str) -> String {
    use rust_decimal::Decimal;
    let written = model.number.text(text);
    let Some(first_digit) = written.find(|c: char| c.is_ascii_digit()) else {
        return crate::decimal::render(value);
    };
    let prefix = &written[..first_digit];
    let digits_len = written[first_digit..]
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(written.len() - first_digit);
    let digits = written[first_digit..first_digit + digits_len].trim_end_matches(['.', ',']);
    let suffix = &written[first_digit + digits.len()..];
    let plain: String = digits.chars().filter(|c| *c != ',').collect();
    let scale = match (plain.parse::<Decimal>(), model.value.number()) {
        (Ok(w), Some(v)) if !w.is_zero() => v.checked_div(w).unwrap_or(Decimal::ONE),
        _ => Decimal::ONE,
    };
    let scaled = value.checked_div(scale).unwrap_or(value);
    let places = plain
        .split_once('.')
        .map_or(0, |(_, f)| f.len())
        .max(if scale > Decimal::ONE { 2 } else { 0 });
    let rounded = scaled.round_dp(places as u32).normalize();
    let mut body = crate::decimal::render(rounded);
    // Group thousands as the model does, or when the result outgrows it
    // ("$1,280 million" after "$540 million").
    let grows = plain.split('.').next().is_some_and(|i| i.len() < 4)
        && rounded.abs() >= Decimal::ONE_THOUSAND;
    if (digits.contains(',') || grows) && rounded.fract().is_zero() {
        let (sign, d) = body
            .strip_prefix('-')
            .map_or(("", body.as_str()), |d| ("-", d));
        let mut grouped = String::new();
        for (k, c) in d.chars().enumerate() {
            if k > 0 && (d.len() - k) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        body = format!("{sign}{grouped}");
    }
    format!("{prefix}{body}{suffix}")
}
