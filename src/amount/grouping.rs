//! Group separators in the integer part ("1,234,567" or, for en-IN, "12,34,567").

use super::digits::{push_digits, quoted_prefix};
use crate::error::{Result, StreamError};
use crate::prelude::*;

/// Longest separator accepted; locale symbols are one or two characters, and a cap keeps a
/// separator from multiplying a long amount into a huge string.
const MAX_SEPARATOR_CHARS: usize = 8;

/// How integer digits are grouped, counted from the right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grouping {
    pub separator: String,
    /// Size of the rightmost group (3 almost everywhere).
    pub primary: usize,
    /// Size of every further group (3, or 2 for en-IN).
    pub secondary: usize,
}

impl Grouping {
    /// Groups of three: "1,234,567".
    pub fn thousands(separator: impl Into<String>) -> Self {
        Self {
            separator: separator.into(),
            primary: 3,
            secondary: 3,
        }
    }

    /// Indian grouping, three then twos: "12,34,567".
    pub fn indian(separator: impl Into<String>) -> Self {
        Self {
            separator: separator.into(),
            primary: 3,
            secondary: 2,
        }
    }

    /// Refuses settings that would make the output ambiguous or could not terminate.
    pub(crate) fn validate(&self, decimal_separator: &str) -> Result<()> {
        check_separator("grouping separator", &self.separator)?;
        if self.primary == 0 || self.secondary == 0 {
            return Err(StreamError::invalid_argument(cat!(
                "group sizes must be at least 1, got primary ",
                self.primary,
                " and secondary ",
                self.secondary
            )));
        }
        if !self.separator.is_empty() && self.separator == decimal_separator {
            return Err(StreamError::invalid_argument(cat!(
                "grouping separator and decimal separator are both ",
                quoted_prefix(decimal_separator),
                "; they must differ"
            )));
        }
        Ok(())
    }
}

impl Default for Grouping {
    fn default() -> Self {
        Self::thousands(",")
    }
}

/// A separator must not look like part of a number, or a reader could lose or gain a digit.
pub(crate) fn check_separator(name: &str, separator: &str) -> Result<()> {
    if separator.chars().nth(MAX_SEPARATOR_CHARS).is_some() {
        return Err(StreamError::invalid_argument(cat!(
            name,
            " ",
            quoted_prefix(separator),
            " is longer than ",
            MAX_SEPARATOR_CHARS,
            " characters"
        )));
    }
    if separator.chars().any(|c| c.is_ascii_digit() || c == '-') {
        return Err(StreamError::invalid_argument(cat!(
            name,
            " ",
            quoted_prefix(separator),
            " must not contain digits or '-'"
        )));
    }
    Ok(())
}

/// Appends the ASCII `digits` to `out` with separators between groups.
pub(crate) fn push_grouped(out: &mut String, digits: &[u8], grouping: &Grouping) {
    let primary = grouping.primary.max(1);
    let secondary = grouping.secondary.max(1);
    let Some((head, tail)) = digits
        .len()
        .checked_sub(primary)
        .filter(|&cut| cut > 0)
        .and_then(|cut| digits.split_at_checked(cut))
    else {
        push_digits(out, digits);
        return;
    };
    // The leftmost group takes the remainder so every later group is full.
    let lead_len = match head.len() % secondary {
        0 => secondary,
        partial => partial,
    };
    let (lead, middle) = head.split_at_checked(lead_len).unwrap_or((head, &[]));
    push_digits(out, lead);
    for group in middle.chunks(secondary) {
        out.push_str(&grouping.separator);
        push_digits(out, group);
    }
    out.push_str(&grouping.separator);
    push_digits(out, tail);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn grouped(digits: &str, grouping: &Grouping) -> String {
        let mut out = String::new();
        push_grouped(&mut out, digits.as_bytes(), grouping);
        out
    }

    #[test]
    fn groups_of_three() {
        let g = Grouping::default();
        let cases = [
            ("0", "0"),
            ("12", "12"),
            ("123", "123"),
            ("1234", "1,234"),
            ("123456", "123,456"),
            ("1234567", "1,234,567"),
            ("1234567890", "1,234,567,890"),
        ];
        for (digits, want) in cases {
            assert_eq!(grouped(digits, &g), want);
        }
    }

    #[test]
    fn indian_grouping() {
        let g = Grouping::indian(",");
        assert_eq!(grouped("1234567890", &g), "1,23,45,67,890");
        assert_eq!(grouped("123456", &g), "1,23,456");
        assert_eq!(grouped("1234", &g), "1,234");
        assert_eq!(grouped("12345", &g), "12,345");
        assert_eq!(grouped("999", &g), "999");
    }

    #[test]
    fn other_separators_and_sizes() {
        assert_eq!(
            grouped("1234567", &Grouping::thousands("\u{202f}")),
            "1\u{202f}234\u{202f}567"
        );
        let fours = Grouping {
            separator: "'".into(),
            primary: 4,
            secondary: 4,
        };
        assert_eq!(grouped("123456789", &fours), "1'2345'6789");
        let ones = Grouping {
            separator: " ".into(),
            primary: 1,
            secondary: 1,
        };
        assert_eq!(grouped("123", &ones), "1 2 3");
        assert_eq!(grouped("", &Grouping::default()), "");
    }

    #[test]
    fn refuses_ambiguous_settings() {
        let bad = [
            (Grouping::thousands("."), "."),
            (Grouping::thousands("1"), "."),
            (Grouping::thousands("-"), "."),
            (Grouping::thousands("very long sep"), "."),
            (
                Grouping {
                    primary: 0,
                    ..Grouping::default()
                },
                ".",
            ),
            (
                Grouping {
                    secondary: 0,
                    ..Grouping::default()
                },
                ".",
            ),
        ];
        for (grouping, decimal) in bad {
            let err = grouping.validate(decimal).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidArgument, "{grouping:?}");
        }
        assert!(Grouping::default().validate(".").is_ok());
        assert!(Grouping::thousands(".").validate(",").is_ok());
        assert!(Grouping::thousands("").validate(".").is_ok());
    }
}
