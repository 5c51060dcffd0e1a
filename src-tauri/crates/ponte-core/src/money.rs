//! Money as integer cents, never floating point. Suppliers send JSON numbers (`1234.56`); their decimal
//! text is converted exactly, rounding half away from zero past the second decimal. An amount that does
//! not fit in `i64` cents is `None` (never a saturated or wrapped number): the caller reports that record as
//! unreadable. Sums of amounts from the wire use `checked_add` for the same reason.

/// Cents of a decimal text such as `1234.56`, `-3`, `10.005`, `1e3`.
pub fn parse_cents(text: &str) -> Option<i64> {
    let t = text.trim();
    if t.contains(['e', 'E']) {
        // Exponent form only comes from very large/small doubles; go through f64 once, rounding.
        let v: f64 = t.parse().ok()?;
        let cents = (v * 100.0).round();
        // `as` would saturate at i64::MAX/MIN: a wrong amount stored as if it were right. 2^63 is exact in
        // f64, so the range check is exact too.
        const LIMIT: f64 = 9_223_372_036_854_775_808.0;
        return (cents.is_finite() && (-LIMIT..LIMIT).contains(&cents)).then_some(cents as i64);
    }
    let (neg, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut digits = frac.chars().map(|c| c as i64 - '0' as i64);
    let d1 = digits.next().unwrap_or(0);
    let d2 = digits.next().unwrap_or(0);
    let round_up = digits.next().unwrap_or(0) >= 5;
    let cents = whole
        .checked_mul(100)?
        .checked_add(d1 * 10 + d2 + i64::from(round_up))?;
    Some(if neg { -cents } else { cents })
}

/// Cents of a JSON value that should be a number (or a numeric string).
pub fn cents_of(v: &serde_json::Value) -> Option<i64> {
    match v {
        serde_json::Value::Number(n) => parse_cents(&n.to_string()),
        serde_json::Value::String(s) => parse_cents(s),
        _ => None,
    }
}

/// `123456` → `1234.56` (plain, for CSV and JSON exports).
pub fn format_plain(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}{}.{:02}", c / 100, c % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_cents() {
        assert_eq!(parse_cents("1234.56"), Some(123456));
        assert_eq!(parse_cents("0.1"), Some(10));
        assert_eq!(parse_cents("10"), Some(1000));
        assert_eq!(parse_cents("-3.5"), Some(-350));
        assert_eq!(parse_cents("10.005"), Some(1001));
        assert_eq!(parse_cents("10.004"), Some(1000));
        assert_eq!(parse_cents("1e3"), Some(100000));
        assert_eq!(parse_cents("abc"), None);
        assert_eq!(parse_cents(""), None);
        assert_eq!(cents_of(&serde_json::json!(1234.56)), Some(123456));
        assert_eq!(cents_of(&serde_json::json!(0.07)), Some(7));
        assert_eq!(cents_of(&serde_json::json!("12,50")), None);
        assert_eq!(cents_of(&serde_json::json!(null)), None);
    }

    #[test]
    fn amounts_outside_i64_cents_are_none_not_saturated() {
        assert_eq!(parse_cents("9.2e16"), Some(9_200_000_000_000_000_000));
        assert_eq!(parse_cents("1e17"), None, "10^19 cents does not fit");
        assert_eq!(parse_cents("-1e300"), None);
        assert_eq!(parse_cents("1e400"), None, "infinite");
        assert_eq!(parse_cents("92233720368547758.08"), None);
        assert_eq!(parse_cents("92233720368547758.07"), Some(i64::MAX));
        assert_eq!(parse_cents("99999999999999999999"), None);
    }

    #[test]
    fn formats() {
        assert_eq!(format_plain(123456), "1234.56");
        assert_eq!(format_plain(-5), "-0.05");
    }
}
