//! Smallest-unit integer strings to human decimal text, by digit slicing only.

use super::digits::{increment, is_all_zero, push_digits, scan, trim_leading_zeros};
use super::grouping::{check_separator, push_grouped, Grouping};
use super::{checked_decimals, Rounding, MAX_DECIMALS};
use crate::error::{Result, StreamError};
use crate::prelude::*;

/// How [`format_units`] shows an amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatOptions {
    /// Most fraction digits to show; `None` shows the value exactly (up to `decimals` digits).
    /// When smaller than `min_fraction_digits`, this cap wins and the minimum is lowered to it.
    pub max_fraction_digits: Option<u32>,
    /// Trailing zeros are dropped down to this many digits, and added up to it.
    pub min_fraction_digits: u32,
    /// How digits past `max_fraction_digits` are dropped.
    pub rounding: Rounding,
    /// `None` prints the integer part without group separators.
    pub grouping: Option<Grouping>,
    pub decimal_separator: String,
}

impl Default for FormatOptions {
    fn default() -> Self {
        Self {
            max_fraction_digits: None,
            min_fraction_digits: 0,
            rounding: Rounding::Trunc,
            grouping: None,
            decimal_separator: ".".to_owned(),
        }
    }
}

impl FormatOptions {
    fn validate(&self) -> Result<()> {
        let limits = [
            ("maxFractionDigits", self.max_fraction_digits.unwrap_or(0)),
            ("minFractionDigits", self.min_fraction_digits),
        ];
        for (name, value) in limits {
            if value > MAX_DECIMALS {
                return Err(StreamError::invalid_argument(cat!(
                    name,
                    " must be at most ",
                    MAX_DECIMALS,
                    ", got ",
                    value
                )));
            }
        }
        if self.decimal_separator.is_empty() {
            return Err(StreamError::invalid_argument(
                "decimal separator must not be empty",
            ));
        }
        check_separator("decimal separator", &self.decimal_separator)?;
        match &self.grouping {
            Some(grouping) => grouping.validate(&self.decimal_separator),
            None => Ok(()),
        }
    }
}

/// Formats `amount`, an integer count of smallest units, as a decimal with `decimals` places.
///
/// `amount`: integer in smallest units as a decimal string: optional leading '-', ASCII digits,
/// leading zeros allowed. A result that rounds to zero prints as "0", never "-0".
pub fn format_units(amount: &str, decimals: u32, options: &FormatOptions) -> Result<String> {
    let mut out = String::new();
    format_units_into(amount, decimals, options, &mut Vec::new(), &mut out)?;
    Ok(out)
}

/// [`format_units`] into `out`, with `units` as scratch space (both cleared first), so a hot
/// caller reuses two buffers instead of allocating per call.
pub fn format_units_into(
    amount: &str,
    decimals: u32,
    options: &FormatOptions,
    units: &mut Vec<u8>,
    out: &mut String,
) -> Result<()> {
    let decimals = checked_decimals(decimals)?;
    options.validate()?;
    let number = scan("amount", amount, false)?;
    let magnitude = trim_leading_zeros(number.int);
    let max = options.max_fraction_digits.map(to_usize);
    let keep = max.map_or(decimals, |max| max.min(decimals));
    let min = to_usize(options.min_fraction_digits);
    let min = max.map_or(min, |max| min.min(max));
    if options.rounding == Rounding::Trunc || keep == decimals {
        // Nothing rounds up, so no digit string needs building (the common, hot case).
        let digits = Truncated::new(magnitude, decimals, keep);
        digits.write(out, number.negative, min, options);
        return Ok(());
    }

    // Left-pad so there is always at least one integer digit before the point.
    let width = magnitude.len().max(decimals.saturating_add(1));
    units.clear();
    units.reserve(width.saturating_add(1));
    units.resize(width.saturating_sub(magnitude.len()), b'0');
    units.extend_from_slice(magnitude);
    let mut point = units.len().saturating_sub(decimals);
    let cut = point.saturating_add(keep);
    if let Some((kept, dropped)) = units.split_at_checked(cut).filter(|(_, d)| !d.is_empty()) {
        let last_kept_odd = kept.last().is_some_and(|d| d % 2 == 1);
        let up = options
            .rounding
            .rounds_up(number.negative, last_kept_odd, dropped);
        units.truncate(cut);
        if up {
            let before = units.len();
            increment(units);
            point = point.saturating_add(units.len().saturating_sub(before));
        }
    }

    let (int, frac) = units.split_at_checked(point).unwrap_or((units, &[]));
    let significant = frac.len().saturating_sub(trailing_zeros(frac));
    let shown = frac
        .get(..significant.max(min.min(frac.len())))
        .unwrap_or(frac);
    let padding = min.saturating_sub(shown.len());

    let negative = number.negative && !(is_all_zero(int) && is_all_zero(shown));
    let int = match trim_leading_zeros(int) {
        [] => b"0".as_slice(),
        digits => digits,
    };
    out.clear();
    out.reserve(
        int.len()
            .saturating_mul(2)
            .saturating_add(shown.len())
            .saturating_add(padding)
            .saturating_add(8),
    );
    if negative {
        out.push('-');
    }
    match &options.grouping {
        Some(grouping) => push_grouped(out, int, grouping),
        None => push_digits(out, int),
    }
    if !shown.is_empty() || padding > 0 {
        out.push_str(&options.decimal_separator);
        push_digits(out, shown);
        out.extend(core::iter::repeat_n('0', padding));
    }
    Ok(())
}

/// `magnitude / 10^decimals` cut toward zero to `keep` fraction digits, as slices of the input:
/// the integer digits, then a fraction of `frac_zeros` implicit zeros followed by `kept`.
struct Truncated<'a> {
    int: &'a [u8],
    frac_zeros: usize,
    kept: &'a [u8],
    /// Fraction digits up to the last non-zero one (0 when the fraction is zero).
    significant: usize,
}

impl<'a> Truncated<'a> {
    fn new(magnitude: &'a [u8], decimals: usize, keep: usize) -> Self {
        let (int, frac_zeros, frac) = match magnitude.len().checked_sub(decimals) {
            Some(cut) => {
                let (int, frac) = magnitude.split_at_checked(cut).unwrap_or((magnitude, &[]));
                (int, 0, frac)
            }
            None => (&[][..], decimals.saturating_sub(magnitude.len()), magnitude),
        };
        let kept = frac.get(..keep.saturating_sub(frac_zeros)).unwrap_or(frac);
        let significant = match kept.len().saturating_sub(trailing_zeros(kept)) {
            0 => 0,
            n => frac_zeros.saturating_add(n),
        };
        Self {
            int,
            frac_zeros,
            kept,
            significant,
        }
    }

    /// Writes the text: at least `min` fraction digits, "0" for an empty integer part, no "-0".
    fn write(&self, out: &mut String, negative: bool, min: usize, options: &FormatOptions) {
        let shown = self.significant.max(min);
        out.clear();
        out.reserve(
            self.int
                .len()
                .saturating_mul(2)
                .saturating_add(shown)
                .saturating_add(8),
        );
        if negative && !(self.int.is_empty() && self.significant == 0) {
            out.push('-');
        }
        let int = if self.int.is_empty() { b"0" } else { self.int };
        match &options.grouping {
            Some(grouping) => push_grouped(out, int, grouping),
            None => push_digits(out, int),
        }
        if shown > 0 {
            out.push_str(&options.decimal_separator);
            let zeros = self.frac_zeros.min(shown);
            push_zeros(out, zeros);
            let from_kept = shown.saturating_sub(zeros).min(self.kept.len());
            push_digits(out, self.kept.get(..from_kept).unwrap_or_default());
            push_zeros(out, shown.saturating_sub(zeros).saturating_sub(from_kept));
        }
    }
}

fn push_zeros(out: &mut String, count: usize) {
    const ZEROS: &str = "0000000000000000000000000000000000000000";
    let mut left = count;
    while left > 0 {
        let n = left.min(ZEROS.len());
        out.push_str(ZEROS.get(..n).unwrap_or_default());
        left -= n;
    }
}

fn trailing_zeros(digits: &[u8]) -> usize {
    digits.iter().rev().take_while(|&&d| d == b'0').count()
}

fn to_usize(value: u32) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn with_max(max: u32, rounding: Rounding) -> FormatOptions {
        FormatOptions {
            max_fraction_digits: Some(max),
            rounding,
            ..FormatOptions::default()
        }
    }

    fn fmt(amount: &str, decimals: u32, options: &FormatOptions) -> String {
        format_units(amount, decimals, options).unwrap()
    }

    fn plain(amount: &str, decimals: u32) -> String {
        fmt(amount, decimals, &FormatOptions::default())
    }

    #[test]
    fn the_documented_examples() {
        let amount = "166389351081530800779973";
        assert_eq!(fmt(amount, 24, &with_max(5, Rounding::Trunc)), "0.16638");
        assert_eq!(fmt(amount, 24, &with_max(5, Rounding::HalfUp)), "0.16639");
        assert_eq!(plain(amount, 24), "0.166389351081530800779973");
        assert_eq!(plain("1000000", 6), "1");
        let two = FormatOptions {
            min_fraction_digits: 2,
            ..FormatOptions::default()
        };
        assert_eq!(fmt("1000000", 6, &two), "1.00");
        assert_eq!(fmt("1234500", 6, &two), "1.2345");
        assert_eq!(fmt("5", 0, &two), "5.00");
    }

    #[test]
    fn zero_is_never_negative() {
        assert_eq!(fmt("-1", 6, &with_max(2, Rounding::Trunc)), "0");
        assert_eq!(fmt("-1", 6, &with_max(2, Rounding::Ceil)), "0");
        assert_eq!(fmt("-1", 6, &with_max(2, Rounding::HalfEven)), "0");
        assert_eq!(fmt("-1", 6, &with_max(2, Rounding::Floor)), "-0.01");
        assert_eq!(fmt("-1", 6, &with_max(2, Rounding::Expand)), "-0.01");
        assert_eq!(plain("-0", 6), "0");
        assert_eq!(plain("-000", 0), "0");
        let two = FormatOptions {
            min_fraction_digits: 2,
            ..with_max(2, Rounding::Trunc)
        };
        assert_eq!(fmt("-1", 6, &two), "0.00");
    }

    #[test]
    fn max_below_min_lowers_min() {
        let options = FormatOptions {
            max_fraction_digits: Some(1),
            min_fraction_digits: 4,
            ..FormatOptions::default()
        };
        assert_eq!(fmt("1000000", 6, &options), "1.0");
        assert_eq!(fmt("1260000", 6, &options), "1.2");
        let zero = FormatOptions {
            max_fraction_digits: Some(0),
            ..options
        };
        assert_eq!(fmt("1260000", 6, &zero), "1");
    }

    #[test]
    fn rounding_carries_into_the_integer_part() {
        assert_eq!(fmt("999999", 6, &with_max(2, Rounding::HalfUp)), "1");
        assert_eq!(fmt("-999999", 6, &with_max(2, Rounding::HalfUp)), "-1");
        assert_eq!(fmt("9999999", 6, &with_max(0, Rounding::Ceil)), "10");
        assert_eq!(fmt("1000", 6, &with_max(2, Rounding::Ceil)), "0.01");
        assert_eq!(fmt("-1000", 6, &with_max(2, Rounding::Ceil)), "0");
        assert_eq!(fmt("99999", 2, &with_max(1, Rounding::Expand)), "1000");
        assert_eq!(fmt("125", 2, &with_max(1, Rounding::HalfEven)), "1.2");
        assert_eq!(fmt("135", 2, &with_max(1, Rounding::HalfEven)), "1.4");
        assert_eq!(fmt("15", 1, &with_max(0, Rounding::HalfEven)), "2");
        assert_eq!(fmt("25", 1, &with_max(0, Rounding::HalfEven)), "2");
        assert_eq!(fmt("5", 1, &with_max(0, Rounding::HalfEven)), "0");
        assert_eq!(fmt("5", 1, &with_max(0, Rounding::HalfUp)), "1");
    }

    #[test]
    fn max_beyond_decimals_does_not_round() {
        assert_eq!(fmt("123", 2, &with_max(10, Rounding::Ceil)), "1.23");
    }

    #[test]
    fn decimals_range_and_long_values() {
        assert_eq!(plain("1234567890", 0), "1234567890");
        let one_at_77 = format!("1{}", "0".repeat(77));
        assert_eq!(plain(&one_at_77, 77), "1");
        assert_eq!(plain("1", 77), format!("0.{}1", "0".repeat(76)));
        assert_eq!(plain("-1", 255), format!("-0.{}1", "0".repeat(254)));
        let long = "9".repeat(150);
        assert_eq!(
            plain(&long, 18),
            format!("{}.{}", "9".repeat(132), "9".repeat(18))
        );
        assert_eq!(
            fmt(&long, 18, &with_max(2, Rounding::HalfUp)),
            format!("1{}", "0".repeat(132))
        );
        assert_eq!(plain("000123", 2), "1.23");
        assert_eq!(plain("-000123", 2), "-1.23");
        assert_eq!(plain("0001", 3), "0.001");
    }

    #[test]
    fn grouping_and_separators() {
        let commas = FormatOptions {
            grouping: Some(Grouping::default()),
            ..FormatOptions::default()
        };
        assert_eq!(fmt("1234567890", 0, &commas), "1,234,567,890");
        assert_eq!(fmt("-1234", 0, &commas), "-1,234");
        assert_eq!(fmt("-123456789", 2, &commas), "-1,234,567.89");
        let indian = FormatOptions {
            grouping: Some(Grouping::indian(",")),
            ..FormatOptions::default()
        };
        assert_eq!(fmt("1234567890", 0, &indian), "1,23,45,67,890");
        let german = FormatOptions {
            grouping: Some(Grouping::thousands(".")),
            decimal_separator: ",".into(),
            ..FormatOptions::default()
        };
        assert_eq!(fmt("123456789", 2, &german), "1.234.567,89");
        assert_eq!(fmt("5", 1, &german), "0,5");
    }

    #[test]
    fn bad_amounts_are_refused() {
        let cases = [
            ("", "empty"),
            ("-", "no digits"),
            ("+5", "'+'"),
            ("1.5", "whole number"),
            (" 1", "whitespace"),
            ("12a", "letter"),
            ("--1", "'-'"),
            ("1e5", "exponent"),
            ("NaN", "NaN"),
        ];
        for (amount, needle) in cases {
            let err = format_units(amount, 6, &FormatOptions::default()).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidArgument);
            assert!(err.message.contains(needle), "{amount:?}: {}", err.message);
            assert!(err.message.starts_with("amount"), "{}", err.message);
        }
    }

    #[test]
    fn bad_options_are_refused() {
        let changes: [fn(&mut FormatOptions); 5] = [
            |o| o.max_fraction_digits = Some(256),
            |o| o.min_fraction_digits = u32::MAX,
            |o| o.decimal_separator = String::new(),
            |o| o.decimal_separator = "0".into(),
            |o| o.grouping = Some(Grouping::thousands(".")),
        ];
        for change in changes {
            let mut options = FormatOptions::default();
            change(&mut options);
            let err = format_units("1", 2, &options).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidArgument, "{options:?}");
        }
        let err = format_units("1", 256, &FormatOptions::default()).unwrap_err();
        assert!(err.message.contains("255"), "{}", err.message);
    }
}
