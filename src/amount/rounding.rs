//! Rounding modes, named and behaving as in Java's `BigDecimal`.

use core::fmt;
use core::str::FromStr;

use crate::error::{Result, StreamError};

/// How digits beyond the requested precision are dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rounding {
    /// Toward zero.
    #[default]
    Trunc,
    /// Toward negative infinity.
    Floor,
    /// Toward positive infinity.
    Ceil,
    /// To the nearest; ties away from zero.
    HalfUp,
    /// To the nearest; ties to the even neighbour.
    HalfEven,
    /// Away from zero.
    Expand,
}

impl Rounding {
    /// The JavaScript names, in declaration order (the boundary protocol's list).
    pub const ALL_NAMES: &'static [&'static str] = &crate::protocol::ROUNDING_NAMES;

    /// Every mode, in the order of [`Rounding::ALL_NAMES`].
    pub const ALL: [Rounding; 6] = [
        Self::Trunc,
        Self::Floor,
        Self::Ceil,
        Self::HalfUp,
        Self::HalfEven,
        Self::Expand,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Trunc => "trunc",
            Self::Floor => "floor",
            Self::Ceil => "ceil",
            Self::HalfUp => "halfUp",
            Self::HalfEven => "halfEven",
            Self::Expand => "expand",
        }
    }

    /// Whether cutting off the ASCII digits `dropped` must add one unit to the magnitude that is
    /// kept. Working on the magnitude and the sign separately keeps every caller sign-agnostic.
    pub(crate) fn rounds_up(self, negative: bool, last_kept_odd: bool, dropped: &[u8]) -> bool {
        let Some((&first, tail)) = dropped.split_first() else {
            return false;
        };
        let nonzero = || first != b'0' || tail.iter().any(|&d| d != b'0');
        match self {
            Self::Trunc => false,
            Self::Floor => negative && nonzero(),
            Self::Ceil => !negative && nonzero(),
            Self::Expand => nonzero(),
            Self::HalfUp => first >= b'5',
            Self::HalfEven => {
                first > b'5'
                    || (first == b'5' && (last_kept_odd || tail.iter().any(|&d| d != b'0')))
            }
        }
    }
}

impl fmt::Display for Rounding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Rounding {
    /// The JS shell's code for a rounding name (`roundingCode` in `pkg/src/protocol.js`): 0 for
    /// none (the default), else 1 + its index in [`Rounding::ALL`].
    pub fn from_code(code: u32) -> Result<Self> {
        let index = usize::try_from(code).unwrap_or(usize::MAX);
        match index.checked_sub(1) {
            None => Ok(Self::default()),
            Some(i) => Self::ALL
                .get(i)
                .copied()
                .ok_or_else(|| StreamError::invalid_argument("unknown rounding code")),
        }
    }
}

impl FromStr for Rounding {
    type Err = StreamError;

    /// Exact names only: they are the TypeScript string literals, so a near miss is a bug to report.
    fn from_str(name: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|mode| mode.as_str() == name)
            .ok_or_else(|| {
                StreamError::invalid_argument(cat!(
                    "unknown rounding ",
                    super::digits::quoted_prefix(name),
                    "; use one of: ",
                    Self::ALL_NAMES.join(", ")
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn up(mode: Rounding, negative: bool, odd: bool, dropped: &str) -> bool {
        mode.rounds_up(negative, odd, dropped.as_bytes())
    }

    #[test]
    fn names_round_trip_and_match_all_names() {
        for (mode, name) in Rounding::ALL.into_iter().zip(Rounding::ALL_NAMES) {
            assert_eq!(mode.as_str(), *name);
            assert_eq!(name.parse::<Rounding>(), Ok(mode));
            assert_eq!(mode.to_string(), *name);
        }
        assert_eq!(Rounding::default(), Rounding::Trunc);
    }

    #[test]
    fn unknown_names_are_refused_with_the_list() {
        for bad in ["", "HalfUp", "half_up", "round", " trunc"] {
            let err = bad.parse::<Rounding>().unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidArgument);
            assert!(err
                .message
                .contains("trunc, floor, ceil, halfUp, halfEven, expand"));
        }
    }

    #[test]
    fn nothing_dropped_never_rounds() {
        for mode in Rounding::ALL {
            assert!(!up(mode, false, true, ""));
            assert!(!up(mode, true, true, ""));
        }
    }

    #[test]
    fn directed_modes_follow_the_sign() {
        assert!(!up(Rounding::Trunc, false, false, "999"));
        assert!(up(Rounding::Ceil, false, false, "001"));
        assert!(!up(Rounding::Ceil, true, false, "001"));
        assert!(up(Rounding::Floor, true, false, "001"));
        assert!(!up(Rounding::Floor, false, false, "999"));
        assert!(up(Rounding::Expand, true, false, "0001"));
        assert!(!up(Rounding::Expand, true, false, "0000"));
        assert!(!up(Rounding::Ceil, false, false, "000"));
    }

    #[test]
    fn half_modes_differ_only_on_exact_ties() {
        assert!(up(Rounding::HalfUp, false, false, "5"));
        assert!(up(Rounding::HalfUp, true, false, "500"));
        assert!(!up(Rounding::HalfUp, false, true, "4999"));
        assert!(!up(Rounding::HalfEven, false, false, "500"));
        assert!(up(Rounding::HalfEven, false, true, "500"));
        assert!(up(Rounding::HalfEven, false, false, "5001"));
        assert!(up(Rounding::HalfEven, true, false, "6"));
        assert!(!up(Rounding::HalfEven, true, true, "4999"));
    }
}
