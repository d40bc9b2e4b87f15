//! Exact decimal amounts: smallest-unit integer strings to display text and back.
//!
//! Amounts stay ASCII digit strings from input to output; no float or fixed-width integer ever
//! holds one, so any number of digits and any `decimals` up to [`MAX_DECIMALS`] are exact.

use crate::prelude::*;
pub(crate) mod digits;
pub mod fast;
mod format;
mod grouping;
mod parse;
mod rounding;

/// Quoting for error messages, shared with the binding layer.
pub(crate) use digits::escape;
pub use format::{format_units, format_units_into, FormatOptions};
pub use grouping::Grouping;
pub use parse::{parse_units, parse_units_into};
pub use rounding::Rounding;

use crate::error::{Result, StreamError};

/// Largest `decimals` accepted. Real tokens use at most 24 and EVM allows 77; the cap keeps
/// zero-padding bounded for input that came from anywhere.
pub const MAX_DECIMALS: u32 = 255;

/// Validates a JS number used as `decimals`: finite, integer, 0..=MAX_DECIMALS.
pub fn decimals_from_f64(value: f64) -> Result<u32> {
    let problem = if !value.is_finite() {
        "is not a finite number"
    } else if value < 0.0 {
        "is negative"
    } else if !crate::amount::is_whole(value) {
        "is not an integer"
    } else if value > f64::from(MAX_DECIMALS) {
        "is too large"
    } else {
        // In range and integral, so the conversion is exact.
        return Ok(value as u32);
    };
    Err(StreamError::invalid_argument(cat!(
        "decimals ",
        problem,
        ": got ",
        describe_number(value),
        "; use an integer from 0 to ",
        MAX_DECIMALS
    )))
}

/// A digit-count option (`maxFractionDigits`, `minFractionDigits`) given as a JS number, named
/// `what.key` in the error.
pub fn count_from_f64(what: &str, key: &str, number: f64) -> Result<u32> {
    small_count(number).ok_or_else(|| {
        StreamError::invalid_argument(cat!(
            what,
            ".",
            key,
            " must be a whole number from 0 to ",
            MAX_DECIMALS,
            ", got number"
        ))
    })
}

/// A whole number from 0 to [`MAX_DECIMALS`], or `None`.
#[inline(always)]
pub fn small_count(number: f64) -> Option<u32> {
    // `as` saturates (NaN gives 0), so the value survives the round trip exactly when it is a
    // whole number in u32's range (-0 counts as 0); no call to `is_whole` on this hot path.
    let count = number as u32;
    (f64::from(count) == number && count <= MAX_DECIMALS).then_some(count)
}

/// A short rendering of a JS number without Rust's float formatting, whose tables would add
/// kilobytes to the `.wasm`.
fn describe_number(value: f64) -> String {
    if value.is_nan() {
        "NaN".into()
    } else if value.is_infinite() {
        if value < 0.0 { "-Infinity" } else { "Infinity" }.into()
    } else if crate::amount::is_whole(value) && value.abs() < 1e15 {
        crate::text::number(value as i64)
    } else {
        "a fractional number".into()
    }
}

/// The `decimals` bound shared by formatting and parsing, as a length.
pub(crate) fn checked_decimals(decimals: u32) -> Result<usize> {
    if decimals > MAX_DECIMALS {
        return Err(StreamError::invalid_argument(cat!(
            "decimals is too large: got ",
            decimals,
            "; use an integer from 0 to ",
            MAX_DECIMALS
        )));
    }
    usize::try_from(decimals).map_err(|_| StreamError::invalid_argument("decimals is too large"))
}

/// Whether `x` is a whole number: `x.fract() == 0.0`, which is std's (core has no `fract`).
pub fn is_whole(x: f64) -> bool {
    // From 2^52 on every finite f64 is whole; below it the cast to i64 is exact for whole ones.
    x.is_finite() && (x.abs() >= 4_503_599_627_370_496.0 || (x as i64) as f64 == x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    /// Deterministic, so failures reproduce.
    struct Gen(crate::test_rng::Xorshift);

    impl Gen {
        fn next(&mut self) -> u64 {
            self.0.next()
        }

        fn below(&mut self, n: u64) -> usize {
            usize::try_from(self.next() % n).unwrap()
        }

        fn digits(&mut self, out: &mut String, len: usize) {
            for _ in 0..len {
                out.push(char::from(b'0' + u8::try_from(self.below(10)).unwrap()));
            }
        }

        /// Random digits, all-9 runs, exact halves and leading zeros, with either sign.
        fn amount(&mut self, max_len: u64) -> String {
            let len = 1 + self.below(max_len);
            let mut s = String::new();
            if self.below(3) == 0 {
                s.push('-');
            }
            match self.below(5) {
                0 => s.push_str(&"9".repeat(len)),
                1 => {
                    let zeros = self.below(u64::try_from(len).unwrap());
                    self.digits(&mut s, len - zeros - 1);
                    s.push('5');
                    s.push_str(&"0".repeat(zeros));
                }
                2 => {
                    s.push_str(&"0".repeat(self.below(4)));
                    self.digits(&mut s, len);
                }
                _ => self.digits(&mut s, len),
            }
            s
        }
    }

    fn canonical(amount: &str) -> String {
        let (negative, digits) = match amount.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, amount),
        };
        match digits.trim_start_matches('0') {
            "" => "0".to_owned(),
            d if negative => format!("-{d}"),
            d => d.to_owned(),
        }
    }

    #[test]
    fn decimals_from_js_numbers() {
        assert_eq!(decimals_from_f64(0.0), Ok(0));
        assert_eq!(decimals_from_f64(-0.0), Ok(0));
        assert_eq!(decimals_from_f64(18.0), Ok(18));
        assert_eq!(decimals_from_f64(255.0), Ok(255));
        let cases = [
            (-1.0, "negative"),
            (-0.5, "negative"),
            (1.5, "not an integer"),
            (256.0, "too large"),
            (1e300, "too large"),
            (f64::NAN, "not a finite"),
            (f64::INFINITY, "not a finite"),
            (f64::NEG_INFINITY, "not a finite"),
        ];
        for (value, needle) in cases {
            let err = decimals_from_f64(value).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidArgument);
            assert!(err.message.contains(needle), "{value}: {}", err.message);
        }
    }

    #[test]
    fn small_count_takes_exactly_the_whole_numbers_up_to_max_decimals() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            24.0,
            255.0,
            256.0,
            -1.0,
            -0.5,
            0.5,
            254.999_999_999,
            255.000_000_001,
            4_294_967_295.0,
            4_294_967_296.0,
            1e300,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        values.extend((0..600).map(|i| f64::from(i) / 2.0 - 20.0));
        for value in values {
            // The definition it replaced, as a reference.
            let whole = (0.0..=255.0).contains(&value) && is_whole(value);
            assert_eq!(small_count(value), whole.then_some(value as u32), "{value}");
        }
    }

    #[test]
    fn parse_of_format_round_trips_at_full_precision() {
        let mut gen = Gen(crate::test_rng::Xorshift(0x9E37_79B9_7F4A_7C15));
        let decimals = [0, 1, 2, 3, 6, 9, 18, 24, 77, 255];
        for _ in 0..3000 {
            let amount = gen.amount(120);
            let d = decimals[gen.below(10)];
            let shown = format_units(&amount, d, &FormatOptions::default()).unwrap();
            let back = parse_units(&shown, d, None).unwrap();
            assert_eq!(back, canonical(&amount), "{amount} at {d} shown as {shown}");
        }
    }

    #[test]
    fn truncation_without_a_digit_string_matches_the_rounding_path() {
        // Floor truncates non-negative amounts and Ceil negative ones, through the general path
        // that builds the digit string; Trunc takes the slice-only path.
        let mut gen = Gen(crate::test_rng::Xorshift(0xD1B5_4A32_D192_ED03));
        for _ in 0..20_000 {
            let amount = gen.amount(60);
            let decimals = u32::try_from(gen.below(40)).unwrap();
            let max = [None, Some(u32::try_from(gen.below(45)).unwrap())][gen.below(2)];
            let same = if amount.starts_with('-') {
                Rounding::Ceil
            } else {
                Rounding::Floor
            };
            let options = FormatOptions {
                max_fraction_digits: max,
                min_fraction_digits: u32::try_from(gen.below(30)).unwrap(),
                grouping: [None, Some(Grouping::indian("\u{202f}"))][gen.below(2)].clone(),
                decimal_separator: [".", ","][gen.below(2)].into(),
                ..FormatOptions::default()
            };
            let trunc = format_units(&amount, decimals, &options).unwrap();
            let general = FormatOptions {
                rounding: same,
                ..options.clone()
            };
            assert_eq!(
                trunc,
                format_units(&amount, decimals, &general).unwrap(),
                "{amount} at {decimals} with {options:?}"
            );
        }
    }

    /// The reference: plain i128 division with the remainder deciding the rounding.
    fn reference(value: i128, drop: u32, mode: Rounding) -> i128 {
        let unit = 10_i128.pow(drop);
        let (q, r) = (value / unit, value % unit);
        if r == 0 {
            return q * unit;
        }
        let away = if value < 0 { -1 } else { 1 };
        let twice = 2 * r.abs();
        let bump = match mode {
            Rounding::Trunc => false,
            Rounding::Floor => value < 0,
            Rounding::Ceil => value > 0,
            Rounding::Expand => true,
            Rounding::HalfUp => twice >= unit,
            Rounding::HalfEven => twice > unit || (twice == unit && q % 2 != 0),
        };
        (q + if bump { away } else { 0 }) * unit
    }

    #[test]
    fn every_mode_agrees_with_a_big_integer_reference() {
        let mut gen = Gen(crate::test_rng::Xorshift(0x2545_F491_4F6C_DD1D));
        for _ in 0..20_000 {
            let amount = gen.amount(36);
            let value: i128 = amount.parse().unwrap();
            let decimals = u32::try_from(gen.below(37)).unwrap();
            let keep = u32::try_from(gen.below(u64::from(decimals) + 2)).unwrap();
            let drop = decimals.saturating_sub(keep);
            for mode in Rounding::ALL {
                let want = reference(value, drop, mode).to_string();
                let options = FormatOptions {
                    max_fraction_digits: Some(keep),
                    rounding: mode,
                    ..FormatOptions::default()
                };
                let shown = format_units(&amount, decimals, &options).unwrap();
                assert_eq!(parse_units(&shown, decimals, None).unwrap(), want);
                let text = format_units(&amount, decimals, &FormatOptions::default()).unwrap();
                let parsed = parse_units(&text, decimals - drop, Some(mode)).unwrap();
                let scaled = if parsed == "0" {
                    parsed
                } else {
                    format!("{parsed}{}", "0".repeat(usize::try_from(drop).unwrap()))
                };
                assert_eq!(scaled, want, "{amount} at {decimals}, keep {keep}, {mode}");
            }
        }
    }
}
