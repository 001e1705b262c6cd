//! Interval arithmetic for comparing written figures with derived ones
//! (statcheck's lesson): every figure is widened by what its wording allows —
//! its rounding granularity, its hedge, its bound.

use rust_decimal::Decimal;

use crate::quantity::{Approx, Kind, Quantity};

/// A closed interval of decimals; `None` ends are open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
}

impl Interval {
    pub fn point(v: Decimal) -> Interval {
        Interval {
            low: Some(v),
            high: Some(v),
        }
    }

    pub fn overlaps(self, other: Interval) -> bool {
        let below = match (self.high, other.low) {
            (Some(h), Some(l)) => h < l,
            _ => false,
        };
        let above = match (self.low, other.high) {
            (Some(l), Some(h)) => l > h,
            _ => false,
        };
        !below && !above
    }

    /// Divides two intervals of positive numbers.
    pub fn divided_by(self, other: Interval) -> Interval {
        Interval {
            low: self.low.zip(other.high).and_then(|(a, b)| a.checked_div(b)),
            high: self.high.zip(other.low).and_then(|(a, b)| a.checked_div(b)),
        }
    }

    pub fn scale(self, k: Decimal) -> Interval {
        Interval {
            low: self.low.and_then(|a| a.checked_mul(k)),
            high: self.high.and_then(|a| a.checked_mul(k)),
        }
    }

    /// Widens both ends by a relative tolerance.
    pub fn widen(self, tolerance: Decimal) -> Interval {
        Interval {
            low: self.low.map(|l| l - (l * tolerance).abs()),
            high: self.high.map(|h| h + (h * tolerance).abs()),
        }
    }
}

/// Half the unit of the last written digit: "1,200" → 50, "2.1 million" →
/// 50,000, "74" → 0.5 for a percentage. Counts written without trailing
/// zeros ("1,842"), and round counts under 1,000 ("70 adults"), get 0.
pub fn rounding(q: &Quantity, written: &str, percent: bool) -> Decimal {
    let Some(v) = q.value.number() else {
        return Decimal::ZERO;
    };
    // Measures and percentages are rounded to their last digit; counts are exact.
    let percent = percent || matches!(q.kind, Kind::Measure | Kind::Percent);
    if !q.written.digits {
        // "three percent" is a whole percentage, rounded.
        return if percent && v.fract().is_zero() {
            Decimal::new(5, 1)
        } else {
            Decimal::ZERO
        };
    }
    let digits: String = written
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
        .collect();
    let digits = digits.trim_end_matches([',', '.']);
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i.replace(',', ""), f.to_string()),
        None => (digits.replace(',', ""), String::new()),
    };
    let Ok(written_value) = format!("{int_part}.{frac_part}0").parse::<Decimal>() else {
        return Decimal::ZERO;
    };
    // The scale the written digits were multiplied by ("million").
    let scale = if written_value.is_zero() {
        Decimal::ONE
    } else {
        v.checked_div(written_value).unwrap_or(Decimal::ONE)
    };
    let unit = if !frac_part.is_empty() {
        Decimal::new(1, frac_part.len() as u32)
    } else {
        let zeros = int_part.len() - int_part.trim_end_matches('0').len();
        // Small round counts ("70 adults") are usually exact; "1,200" is not.
        let small = scale == Decimal::ONE && v.abs() < Decimal::ONE_THOUSAND;
        if small && !percent && zeros > 0 {
            return Decimal::ZERO;
        }
        if zeros == 0 || int_part.trim_end_matches('0').is_empty() {
            if percent || scale != Decimal::ONE {
                Decimal::ONE
            } else {
                return Decimal::ZERO;
            }
        } else {
            Decimal::from(10u64.pow(zeros.min(18) as u32))
        }
    };
    unit * scale / Decimal::TWO
}

/// The interval a figure states, without rounding: for comparing two written
/// figures for the same quantity ("3,000" and "the 2,000" differ, whatever
/// their rounding; "about 3,000" and "3,100" do not).
pub fn stated(q: &Quantity) -> Option<Interval> {
    let v = q.value.number()?;
    Some(Interval {
        low: if matches!(q.approx, Approx::LessThan | Approx::AtMost) {
            None
        } else {
            q.low.or(Some(v))
        },
        high: if matches!(q.approx, Approx::MoreThan | Approx::AtLeast) {
            None
        } else {
            q.high.or(Some(v))
        },
    })
}

/// The interval a written figure allows when compared with a derived one.
pub fn of(q: &Quantity, text: &str, percent: bool, hedge: Decimal) -> Option<Interval> {
    let v = q.value.number()?;
    let r = rounding(q, q.number.text(text), percent);
    let base = Interval {
        low: q.low.or(Some(v)),
        high: q.high.or(Some(v)),
    };
    let mut i = Interval {
        low: base.low.map(|l| l - r),
        high: base.high.map(|h| h + r),
    };
    match q.approx {
        Approx::About => i = i.widen(hedge),
        Approx::MoreThan | Approx::AtLeast => i.high = None,
        Approx::LessThan | Approx::AtMost => i.low = None,
        Approx::Vague => {}
        Approx::Exact | Approx::Range => {}
    }
    Some(i)
}
