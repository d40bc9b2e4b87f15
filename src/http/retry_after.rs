//! `Retry-After`: delay-seconds or an HTTP date (RFC 9110 section 10.2.3).
//!
//! The runtime already has a date parser (`Date.parse`), so the shell hands over the header's
//! text and what the runtime read from it; the `.wasm` carries no calendar code. Rust still
//! decides what the header means: delay-seconds are read here, and a date counts only when the
//! text has one of RFC 9110's three forms (`Date.parse` reads much more than that, e.g. `-1` or
//! `2024-01-01`) and the runtime could read it.

use super::http_date::is_http_date;

/// Milliseconds to wait, or `None` when the header says nothing usable. `date_ms` is the
/// runtime's reading of `value` as a date (milliseconds since the epoch, `None` or NaN when it
/// could not). A date in the past is 0.
pub fn parse_retry_after_ms(value: &str, date_ms: Option<f64>, now_ms: f64) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            value
                .parse::<u64>()
                .unwrap_or(u64::MAX)
                .saturating_mul(1000),
        );
    }
    if !is_http_date(value) {
        return None;
    }
    let when_ms = date_ms.filter(|ms| ms.is_finite())?;
    let now_ms = if now_ms.is_finite() && now_ms > 0.0 {
        now_ms
    } else {
        0.0
    };
    // `as` saturates: a date beyond u64 milliseconds waits u64::MAX, a past one 0.
    Some((when_ms - now_ms).max(0.0) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    /// The host has no `Date.parse`; `httpdate` (a dev-dependency) reads the text as an
    /// independent oracle of what the runtime would hand over.
    fn runtime_reads(text: &str) -> Option<f64> {
        let when = httpdate::parse_http_date(text.trim()).ok()?;
        Some(when.duration_since(UNIX_EPOCH).ok()?.as_millis() as f64)
    }

    fn retry_after(text: &str, now_ms: f64) -> Option<u64> {
        parse_retry_after_ms(text, runtime_reads(text), now_ms)
    }

    #[test]
    fn seconds() {
        assert_eq!(retry_after("3", 0.0), Some(3000));
        assert_eq!(retry_after(" 0 ", 0.0), Some(0));
        assert_eq!(retry_after("99999999999999999999999", 0.0), Some(u64::MAX));
        // Whatever the runtime made of digits, they are seconds.
        assert_eq!(parse_retry_after_ms("3", Some(1e12), 0.0), Some(3000));
    }

    #[test]
    fn the_three_date_forms_relative_to_now() {
        // Sun, 06 Nov 1994 08:49:37 GMT = 784111777 s.
        let now = 784_111_777_000.0 - 5_000.0;
        for form in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(runtime_reads(form), Some(784_111_777_000.0), "{form}");
            assert_eq!(retry_after(form, now), Some(5000), "{form}");
            assert_eq!(retry_after(form, now + 60_000.0), Some(0), "{form}");
            assert_eq!(retry_after(form, f64::NAN), Some(784_111_777_000), "{form}");
        }
        assert_eq!(
            retry_after("Thu, 01 Jan 1970 00:00:00 GMT", 1000.0),
            Some(0)
        );
    }

    #[test]
    fn a_date_the_runtime_could_not_read_is_ignored() {
        for date in [None, Some(f64::NAN), Some(f64::INFINITY)] {
            assert_eq!(
                parse_retry_after_ms("Sun, 06 Nov 1994 08:49:37 GMT", date, 0.0),
                None
            );
        }
    }

    #[test]
    fn nonsense_is_ignored_whatever_the_runtime_read() {
        for bad in [
            "",
            "-1",
            "1.5",
            "soon",
            "2024-01-01",
            "1994-11-06T08:49:37Z",
            "Sun, 06 Nov 1994 08:49:37 +0200",
            "Sun, 32 Nov 1994 08:49:37 GMT",
        ] {
            assert_eq!(retry_after(bad, 0.0), None, "{bad}");
            assert_eq!(parse_retry_after_ms(bad, Some(1e12), 0.0), None, "{bad}");
        }
    }
}
