//! Decimal helpers: rendering without exponents or trailing zeros.

use rust_decimal::Decimal;

/// Renders a decimal as the JSON contract wants it: no exponent, no
/// separators, no trailing zeros ("1500000", "2.5", "0.25").
pub fn render(d: Decimal) -> String {
    d.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn renders_plainly() {
        assert_eq!(render(dec!(1500000.00)), "1500000");
        assert_eq!(render(dec!(2.50)), "2.5");
        assert_eq!(render(dec!(0.25)), "0.25");
        assert_eq!(render(dec!(-3)), "-3");
        assert_eq!(
            render(Decimal::from_i128_with_scale(1, 12)),
            "0.000000000001"
        );
    }
}
