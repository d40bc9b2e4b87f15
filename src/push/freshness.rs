//! The timestamp check of webhooks: a signed delivery is only accepted within `tolerance_sec`
//! of now, in the past (replays) and in the future (a skewed or forged clock) alike.

use super::invalid_signature;
use crate::error::Result;
/// Tolerance used when the caller gives none, as StreamPay documents.
pub const DEFAULT_TOLERANCE_SEC: u64 = 300;

/// `Ok` when `|now_sec - timestamp| <= tolerance_sec`; exactly at the edge is still fresh.
pub fn check_freshness(timestamp: u64, now_sec: i64, tolerance_sec: u64) -> Result<()> {
    // i128 holds every difference of a u64 and an i64, so nothing here can overflow. Messages
    // print u64 (saturated): formatting 128-bit integers would add 1.5 KB to the `.wasm`.
    let age = i128::from(now_sec) - i128::from(timestamp);
    let seconds = |diff: i128| u64::try_from(diff).unwrap_or(u64::MAX);
    if age > i128::from(tolerance_sec) {
        return Err(invalid_signature(cat!(
            "webhook timestamp is ",
            seconds(age),
            " s old, beyond the ",
            tolerance_sec,
            " s tolerance (stale or replayed delivery)"
        )));
    }
    if -age > i128::from(tolerance_sec) {
        return Err(invalid_signature(cat!(
            "webhook timestamp is ",
            seconds(-age),
            " s in the future, beyond the ",
            tolerance_sec,
            " s tolerance (check the clocks)"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    const NOW: i64 = 1_700_000_000;
    const T: u64 = 1_700_000_000;

    #[test]
    fn at_the_edge_is_fresh_one_second_beyond_is_not() {
        assert!(check_freshness(T, NOW, 300).is_ok());
        assert!(check_freshness(T - 300, NOW, 300).is_ok());
        assert!(check_freshness(T + 300, NOW, 300).is_ok());
        let stale = check_freshness(T - 301, NOW, 300).unwrap_err();
        assert_eq!(stale.code, ErrorCode::InvalidSignature);
        assert!(stale.message.contains("301 s old"), "{}", stale.message);
        let future = check_freshness(T + 301, NOW, 300).unwrap_err();
        assert_eq!(future.code, ErrorCode::InvalidSignature);
        assert!(
            future.message.contains("301 s in the future"),
            "{}",
            future.message
        );
    }

    #[test]
    fn zero_tolerance_means_this_very_second() {
        assert!(check_freshness(T, NOW, 0).is_ok());
        assert!(check_freshness(T - 1, NOW, 0).is_err());
        assert!(check_freshness(T + 1, NOW, 0).is_err());
    }

    #[test]
    fn extremes_do_not_overflow() {
        assert!(check_freshness(u64::MAX, i64::MAX, u64::MAX).is_ok());
        assert!(check_freshness(u64::MAX, i64::MIN, u64::MAX).is_err());
        assert!(check_freshness(u64::MAX, i64::MIN, 0).is_err());
        assert!(check_freshness(0, i64::MAX, 300).is_err());
        assert!(check_freshness(0, 0, 0).is_ok());
    }
}
