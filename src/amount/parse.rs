//! Human decimal text to smallest-unit integer strings.

use super::checked_decimals;
use super::digits::{increment, push_digits, quoted_prefix, scan, trim_leading_zeros};
use super::Rounding;
use crate::error::{Result, StreamError};
use crate::prelude::*;

/// Human decimal text -> smallest-unit integer string (no leading zeros, "0" for zero, "-" only
/// when non-zero).
///
/// `rounding`: `None` means "refuse more fraction digits than decimals"; `Some(mode)` rounds them.
/// Extra fraction digits that are all zeros lose nothing and are accepted either way.
pub fn parse_units(text: &str, decimals: u32, rounding: Option<Rounding>) -> Result<String> {
    let mut out = String::new();
    parse_units_into(text, decimals, rounding, &mut Vec::new(), &mut out)?;
    Ok(out)
}

/// [`parse_units`] into `out`, with `units` as scratch space (both cleared first), so a hot
/// caller reuses two buffers instead of allocating per call.
pub fn parse_units_into(
    text: &str,
    decimals: u32,
    rounding: Option<Rounding>,
    units: &mut Vec<u8>,
    out: &mut String,
) -> Result<()> {
    let decimals = checked_decimals(decimals)?;
    let number = scan("text", text, true)?;
    let frac = number.frac.unwrap_or_default();
    let (kept, dropped) = frac
        .split_at_checked(decimals)
        .unwrap_or((frac, Default::default()));

    let int = trim_leading_zeros(number.int);
    units.clear();
    units.reserve(int.len().saturating_add(decimals).saturating_add(1));
    units.extend_from_slice(int);
    units.extend_from_slice(kept);
    units.resize(
        units
            .len()
            .saturating_add(decimals.saturating_sub(kept.len())),
        b'0',
    );

    if !dropped.is_empty() {
        let Some(mode) = rounding else {
            return Err(too_many_digits(text, frac.len(), decimals));
        };
        let last_kept_odd = units.last().is_some_and(|d| d % 2 == 1);
        if mode.rounds_up(number.negative, last_kept_odd, dropped) {
            increment(units);
        }
    }

    out.clear();
    let digits = trim_leading_zeros(units);
    if digits.is_empty() {
        out.push('0');
        return Ok(());
    }
    out.reserve(digits.len().saturating_add(1));
    if number.negative {
        out.push('-');
    }
    push_digits(out, digits);
    Ok(())
}

fn too_many_digits(text: &str, found: usize, decimals: usize) -> StreamError {
    let allowed = match decimals {
        0 => "no fraction digits are allowed".to_owned(),
        1 => "at most 1 fraction digit is allowed".to_owned(),
        n => cat!("at most ", n, " fraction digits are allowed"),
    };
    StreamError::invalid_argument(cat!(
        "text ",
        quoted_prefix(text),
        " has ",
        found,
        " fraction digits but ",
        allowed,
        " at ",
        decimals,
        " decimals; \
         pass a rounding mode to round it"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn exact(text: &str, decimals: u32) -> String {
        parse_units(text, decimals, None).unwrap()
    }

    fn rounded(text: &str, decimals: u32, mode: Rounding) -> String {
        parse_units(text, decimals, Some(mode)).unwrap()
    }

    fn message(text: &str, decimals: u32) -> String {
        let err = parse_units(text, decimals, None).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidArgument);
        err.message
    }

    #[test]
    fn the_documented_examples() {
        assert_eq!(exact("0.16638", 24), "166380000000000000000000");
        assert_eq!(exact("1", 0), "1");
        assert_eq!(exact("-0.000", 6), "0");
        assert_eq!(rounded("1.2345", 2, Rounding::HalfUp), "123");
        assert_eq!(rounded("1.235", 2, Rounding::HalfEven), "124");
        assert_eq!(rounded("1.225", 2, Rounding::HalfEven), "122");
        assert_eq!(rounded("-1.235", 2, Rounding::Floor), "-124");
    }

    #[test]
    fn canonical_output() {
        assert_eq!(exact("000123.45", 2), "12345");
        assert_eq!(exact(".5", 1), "5");
        assert_eq!(exact("5.", 0), "5");
        assert_eq!(exact("-.5", 3), "-500");
        assert_eq!(exact("-0", 0), "0");
        assert_eq!(exact("0.000001", 6), "1");
        // More fraction digits than decimals is refused even when they are zeros.
        assert!(parse_units("1.50", 1, None).is_err());
        assert!(parse_units("12.000", 0, None).is_err());
        assert_eq!(rounded("12.000", 0, Rounding::Trunc), "12");
        let long = "9".repeat(5000);
        assert_eq!(exact(&long, 255), format!("{long}{}", "0".repeat(255)));
    }

    #[test]
    fn every_mode_on_both_signs() {
        let table = [
            // mode, 1.231, 1.235, 1.245, -1.231, -1.235, -1.239
            (
                Rounding::Trunc,
                ["123", "123", "124", "-123", "-123", "-123"],
            ),
            (
                Rounding::Floor,
                ["123", "123", "124", "-124", "-124", "-124"],
            ),
            (
                Rounding::Ceil,
                ["124", "124", "125", "-123", "-123", "-123"],
            ),
            (
                Rounding::HalfUp,
                ["123", "124", "125", "-123", "-124", "-124"],
            ),
            (
                Rounding::HalfEven,
                ["123", "124", "124", "-123", "-124", "-124"],
            ),
            (
                Rounding::Expand,
                ["124", "124", "125", "-124", "-124", "-124"],
            ),
        ];
        let inputs = ["1.231", "1.235", "1.245", "-1.231", "-1.235", "-1.239"];
        for (mode, wants) in table {
            for (input, want) in inputs.iter().zip(wants) {
                assert_eq!(rounded(input, 2, mode), want, "{input} {mode}");
            }
        }
    }

    #[test]
    fn rounding_to_zero_and_across_the_point() {
        assert_eq!(rounded("-0.001", 2, Rounding::Trunc), "0");
        assert_eq!(rounded("-0.001", 2, Rounding::Ceil), "0");
        assert_eq!(rounded("-0.001", 2, Rounding::Floor), "-1");
        assert_eq!(rounded("0.001", 2, Rounding::Ceil), "1");
        assert_eq!(rounded("9.999", 2, Rounding::HalfUp), "1000");
        assert_eq!(rounded("0.5", 0, Rounding::HalfEven), "0");
        assert_eq!(rounded("1.5", 0, Rounding::HalfEven), "2");
        assert_eq!(rounded("-99.5", 0, Rounding::HalfUp), "-100");
        assert_eq!(rounded("1.2", 2, Rounding::Expand), "120");
    }

    #[test]
    fn too_many_digits_says_how_many_are_allowed() {
        let m = message("1.2345", 2);
        assert!(
            m.contains("4 fraction digits") && m.contains("at most 2"),
            "{m}"
        );
        assert!(message("0.5", 0).contains("no fraction digits"));
        assert!(message("0.55", 1).contains("at most 1 fraction digit "));
    }

    #[test]
    fn refuses_malformed_text() {
        let cases = [
            ("", "empty"),
            (".", "no digits"),
            ("-", "no digits"),
            ("1 000", "whitespace"),
            ("1.0\n", "whitespace"),
            ("1e5", "exponent"),
            ("+1", "'+'"),
            ("1+", "'+'"),
            ("1-", "'-'"),
            ("--1", "'-'"),
            ("1.2.3", "more than one '.'"),
            ("12abc", "letter"),
            ("NaN", "NaN"),
            ("Infinity", "Infinity"),
            ("-Infinity", "Infinity"),
            ("1,000", "group separator"),
            ("0x10", "letter"),
        ];
        for (text, needle) in cases {
            let m = message(text, 6);
            assert!(m.contains(needle), "{text:?}: {m}");
        }
        let long = "1".repeat(10_001);
        assert!(message(&long, 2).contains("too long"));
        assert!(parse_units("1", 256, None).is_err());
    }
}
