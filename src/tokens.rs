//! Decimals of known tokens and currencies, with caller overrides, and inference of decimals
//! for coins the registry does not know.

use crate::prelude::*;
use core::cell::RefCell;

use crate::amount::digits::{quoted_prefix, scan, trim_leading_zeros};
use crate::amount::MAX_DECIMALS;
use crate::error::{Result, StreamError};

/// Longest token symbol accepted; real symbols are a handful of characters.
const MAX_TOKEN_CHARS: usize = 32;

local! {
    // wasm is single-threaded, so a thread-local is the whole registry there. A page overrides a
    // handful of tokens at most: a list searched by key is enough, and unlike a `BTreeMap` it
    // adds no code to the .wasm (about 5 KB raw).
    static OVERRIDES: RefCell<Vec<(String, u32)>> = RefCell::new(Vec::new());
}

/// Symbols are ASCII; ASCII case folding also keeps Unicode case tables out of the `.wasm`.
fn key(token: &str) -> String {
    token
        .trim_matches(|c: char| c.is_ascii_whitespace())
        .to_ascii_uppercase()
}

fn built_in(key: &str) -> Option<u32> {
    match key {
        "STRM" | "NEAR" => Some(24),
        "USDC" => Some(6),
        "SOL" => Some(9),
        "SAR" | "USD" | "EUR" | "GBP" | "AED" | "QAR" => Some(2),
        "BHD" | "KWD" | "OMR" => Some(3),
        _ => None,
    }
}

/// Decimals of a token or ISO currency code, case-insensitive and trimmed; caller overrides
/// first, then the built-in table.
pub fn token_decimals(token_or_currency: &str) -> Option<u32> {
    let trimmed = token_or_currency.trim_matches(|c: char| c.is_ascii_whitespace());
    if trimmed.is_empty() || trimmed.chars().nth(MAX_TOKEN_CHARS).is_some() {
        return None;
    }
    let key = key(trimmed);
    let overridden = OVERRIDES
        .try_with(|map| {
            map.try_borrow().ok().and_then(|map| {
                map.iter()
                    .find(|(k, _)| *k == key)
                    .map(|&(_, decimals)| decimals)
            })
        })
        .ok()
        .flatten();
    overridden.or_else(|| built_in(&key))
}

/// Adds or overrides a token's decimals (`Some`), or removes an override (`None`), which
/// restores the built-in value if there is one.
pub fn set_token_decimals(token: &str, decimals: Option<u32>) -> Result<()> {
    if token.is_empty() {
        return Err(StreamError::invalid_argument("token must not be empty"));
    }
    if token.chars().nth(MAX_TOKEN_CHARS).is_some() {
        return Err(StreamError::invalid_argument(cat!(
            "token ",
            quoted_prefix(token),
            " is longer than ",
            MAX_TOKEN_CHARS,
            " characters"
        )));
    }
    if !token.chars().all(|c| c.is_ascii_graphic()) {
        return Err(StreamError::invalid_argument(cat!(
            "token ",
            quoted_prefix(token),
            " must be printable ASCII without spaces, like \"USDC\""
        )));
    }
    if let Some(decimals) = decimals.filter(|&d| d > MAX_DECIMALS) {
        return Err(StreamError::invalid_argument(cat!(
            "decimals is too large: got ",
            decimals,
            "; use an integer from 0 to ",
            MAX_DECIMALS
        )));
    }
    let key = key(token);
    let updated = OVERRIDES.try_with(|map| {
        let mut map = map.try_borrow_mut().ok()?;
        match decimals {
            Some(decimals) => match map.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = decimals,
                None => map.push((key, decimals)),
            },
            None => map.retain(|(k, _)| *k != key),
        }
        Some(())
    });
    updated.ok().flatten().ok_or_else(|| {
        StreamError::invalid_argument("the token registry is not available right now")
    })
}

/// Infers the decimals of a coin from the server's own display text for the same amount.
///
/// Rule: `d` is the number of decimals for which cutting `amount / 10^d` (toward zero) to the
/// fraction digits that `display_amount` shows gives exactly `display_amount`. A non-zero
/// display fixes at most one such `d`, so that `d` is returned when it lies in
/// `0..=MAX_DECIMALS`. `None` when no `d` fits (the server rounded rather than truncated, or the
/// texts disagree), when the display is zero (every large enough `d` would fit), or when either
/// input is not a plain decimal (no grouping, exponents or spaces).
pub fn infer_decimals(amount: &str, display_amount: &str) -> Option<u32> {
    let amount = scan("amount", amount, false).ok()?;
    let shown = scan("displayAmount", display_amount, true).ok()?;
    let frac = shown.frac.unwrap_or_default();
    let units = trim_leading_zeros(amount.int);

    // The display times 10^frac.len(), as digits without leading zeros.
    let mut scaled = trim_leading_zeros(shown.int).to_vec();
    scaled.extend_from_slice(frac);
    let scaled = trim_leading_zeros(&scaled);
    if scaled.is_empty() || units.is_empty() || amount.negative != shown.negative {
        return None;
    }
    // With d >= frac.len() the display must be a digit prefix of the amount; with fewer decimals
    // the amount is shown exactly, padded with zeros.
    let fits = match scaled.split_at_checked(units.len()) {
        Some((head, pad)) => head == units && pad.iter().all(|&d| d == b'0'),
        None => units.starts_with(scaled),
    };
    if !fits {
        return None;
    }
    let decimals = units
        .len()
        .checked_add(frac.len())?
        .checked_sub(scaled.len())?;
    u32::try_from(decimals).ok().filter(|&d| d <= MAX_DECIMALS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amount::{format_units, parse_units, FormatOptions, Rounding};
    use crate::error::ErrorCode;

    #[test]
    fn built_in_table() {
        for (token, want) in [
            ("STRM", 24),
            ("near", 24),
            (" usdc ", 6),
            ("Sol", 9),
            ("SAR", 2),
            ("usd", 2),
            ("EUR", 2),
            ("GBP", 2),
            ("AED", 2),
            ("QAR", 2),
            ("BHD", 3),
            ("kwd", 3),
            ("OMR", 3),
        ] {
            assert_eq!(token_decimals(token), Some(want), "{token}");
        }
        for unknown in ["", "  ", "BTC", "US D", &"X".repeat(100)] {
            assert_eq!(token_decimals(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn overrides_add_replace_and_restore() {
        set_token_decimals("wbtc", Some(8)).unwrap();
        assert_eq!(token_decimals("WBTC"), Some(8));
        set_token_decimals("USDC", Some(18)).unwrap();
        assert_eq!(token_decimals("usdc"), Some(18));
        set_token_decimals("usdc", None).unwrap();
        assert_eq!(token_decimals("USDC"), Some(6));
        set_token_decimals("WBTC", None).unwrap();
        assert_eq!(token_decimals("wbtc"), None);
        set_token_decimals("NEVER-SET", None).unwrap();
    }

    #[test]
    fn refuses_bad_tokens_and_decimals() {
        let long = "A".repeat(33);
        for (token, decimals) in [
            ("", Some(2)),
            ("US D", Some(2)),
            (" USD", Some(2)),
            ("US\u{7}", Some(2)),
            (long.as_str(), Some(2)),
            ("OK", Some(256)),
        ] {
            let err = set_token_decimals(token, decimals).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidArgument, "{token:?}");
        }
        assert!(set_token_decimals(&"A".repeat(32), Some(255)).is_ok());
    }

    #[test]
    fn infers_the_documented_examples() {
        assert_eq!(infer_decimals("100000000000000000", "1.00"), Some(17));
        assert_eq!(
            infer_decimals("166389351081530800779973", "0.16638"),
            Some(24)
        );
        assert_eq!(infer_decimals("166389351081530800779973", "0.16639"), None);
        assert_eq!(infer_decimals("123", "123"), Some(0));
        assert_eq!(infer_decimals("123", "12.30"), Some(1));
        assert_eq!(infer_decimals("-1500", "-1.5"), Some(3));
        assert_eq!(infer_decimals("1500", "-1.5"), None);
        assert_eq!(infer_decimals("0", "0.00"), None);
        assert_eq!(infer_decimals("5", "0"), None);
        assert_eq!(infer_decimals("1", "1,000"), None);
        assert_eq!(
            infer_decimals("1", &format!("0.{}1", "0".repeat(255))),
            None
        );
        assert_eq!(
            infer_decimals("1", &format!("0.{}1", "0".repeat(254))),
            Some(255)
        );
    }

    /// Brute force over every `d` with the formatter, checking the closed form above.
    fn brute_force(amount: &str, display: &str) -> Option<u32> {
        let k = display.split_once('.').map_or(0, |(_, f)| f.len());
        let k32 = u32::try_from(k).unwrap();
        let want = parse_units(display, k32, None).ok()?;
        let options = FormatOptions {
            max_fraction_digits: Some(k32),
            rounding: Rounding::Trunc,
            ..FormatOptions::default()
        };
        let fits: Vec<u32> = (0..=MAX_DECIMALS)
            .filter(|&d| {
                let shown = format_units(amount, d, &options).unwrap();
                parse_units(&shown, k32, None).unwrap() == want
            })
            .collect();
        match fits.as_slice() {
            [d] => Some(*d),
            _ => None,
        }
    }

    #[test]
    fn closed_form_matches_brute_force() {
        let amounts = [
            "1",
            "7",
            "100000000000000000",
            "166389351081530800779973",
            "-25",
            "0",
        ];
        let displays = [
            "1",
            "1.0",
            "0.1",
            "1.00",
            "0.16638",
            "0.16639",
            "166389.3",
            "-0.0025",
            "7000",
            "0.0",
            "10",
            "0.07",
            "1000000000000000000000",
        ];
        for amount in amounts {
            for display in displays {
                assert_eq!(
                    infer_decimals(amount, display),
                    brute_force(amount, display),
                    "{amount} vs {display}"
                );
            }
        }
    }
}
