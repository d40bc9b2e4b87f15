//! `Retry-After`: delay-seconds or an HTTP date (RFC 9110 section 10.2.3).

use std::time::{Duration, UNIX_EPOCH};

/// Milliseconds to wait, or `None` when the header says nothing usable. A date in the past is 0.
pub fn parse_retry_after_ms(value: &str, now_ms: f64) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            value
                .parse::<u64>()
                .unwrap_or(u64::MAX)
                .saturating_mul(1000),
        );
    }
    let when = httpdate::parse_http_date(value).ok()?;
    let when_ms = when
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_millis();
    let now_ms = if now_ms.is_finite() && now_ms > 0.0 {
        now_ms as u128
    } else {
        0
    };
    Some(u64::try_from(when_ms.saturating_sub(now_ms)).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds() {
        assert_eq!(parse_retry_after_ms("3", 0.0), Some(3000));
        assert_eq!(parse_retry_after_ms(" 0 ", 0.0), Some(0));
        assert_eq!(
            parse_retry_after_ms("99999999999999999999999", 0.0),
            Some(u64::MAX)
        );
    }

    #[test]
    fn http_dates_relative_to_now() {
        // Sun, 06 Nov 1994 08:49:37 GMT = 784111777 s.
        let now = 784_111_777_000.0 - 5_000.0;
        assert_eq!(
            parse_retry_after_ms("Sun, 06 Nov 1994 08:49:37 GMT", now),
            Some(5000)
        );
        assert_eq!(
            parse_retry_after_ms("Sun, 06 Nov 1994 08:49:37 GMT", now + 60_000.0),
            Some(0)
        );
    }

    #[test]
    fn nonsense_is_ignored() {
        for bad in ["", "-1", "1.5", "soon", "Sun, 32 Nov 1994 08:49:37 GMT"] {
            assert_eq!(parse_retry_after_ms(bad, 0.0), None, "{bad}");
        }
    }
}
