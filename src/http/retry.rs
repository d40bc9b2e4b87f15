//! When to try a failed request again, and after how long.

use crate::error::StreamError;

use super::Method;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    pub max_retries: u32,
    /// Backoff before the first retry, doubled each time up to `max_delay_ms`.
    pub base_delay_ms: u64,
    pub max_delay_ms: u64,
    /// A `Retry-After` longer than this is cut to it, so a server cannot park a call for hours.
    pub max_retry_after_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            base_delay_ms: 500,
            max_delay_ms: 8_000,
            max_retry_after_ms: 60_000,
        }
    }
}

impl RetryPolicy {
    /// The delay before retry number `attempt + 1` (attempt 0 failed first), or `None` when the
    /// failure must be returned as it is. `random` is uniform in [0, 1): full jitter, so many
    /// clients that failed together do not retry together.
    pub fn delay_ms(
        &self,
        method: Method,
        attempt: u32,
        err: &StreamError,
        random: f64,
    ) -> Option<u64> {
        if !method.is_retry_safe() || !err.retryable || attempt >= self.max_retries {
            return None;
        }
        if let Some(wait) = err.retry_after_ms {
            return Some(wait.min(self.max_retry_after_ms));
        }
        let exp = self
            .base_delay_ms
            .saturating_mul(1u64 << attempt.min(32))
            .min(self.max_delay_ms);
        let random = if random.is_finite() {
            random.clamp(0.0, 1.0)
        } else {
            0.5
        };
        Some((exp as f64 * random) as u64)
    }

    /// `delay_ms`, unless the wait would outlast the call's deadline (`remaining_ms` left of
    /// it): then `None`, so the caller gets the real failure (a 429 with a long `Retry-After`,
    /// a 503) now, instead of a `TIMEOUT` after waiting for nothing.
    pub fn delay_within_ms(
        &self,
        method: Method,
        attempt: u32,
        err: &StreamError,
        random: f64,
        remaining_ms: Option<u64>,
    ) -> Option<u64> {
        let delay = self.delay_ms(method, attempt, err, random)?;
        match remaining_ms {
            Some(left) if delay >= left => None,
            _ => Some(delay),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    fn err(code: ErrorCode) -> StreamError {
        StreamError::new(code, "x")
    }

    #[test]
    fn retries_only_get_and_only_retryable_errors() {
        let p = RetryPolicy::default();
        assert!(p
            .delay_ms(Method::Get, 0, &err(ErrorCode::Server), 0.5)
            .is_some());
        assert!(p
            .delay_ms(Method::Get, 0, &err(ErrorCode::Network), 0.5)
            .is_some());
        assert!(p
            .delay_ms(Method::Post, 0, &err(ErrorCode::Server), 0.5)
            .is_none());
        assert!(p
            .delay_ms(Method::Get, 0, &err(ErrorCode::NotFound), 0.5)
            .is_none());
        assert!(p
            .delay_ms(Method::Get, 2, &err(ErrorCode::Server), 0.5)
            .is_none());
    }

    #[test]
    fn full_jitter_under_a_capped_exponential() {
        let p = RetryPolicy {
            max_retries: 40,
            ..RetryPolicy::default()
        };
        let e = err(ErrorCode::Server);
        assert_eq!(p.delay_ms(Method::Get, 0, &e, 0.999_999), Some(499));
        assert_eq!(p.delay_ms(Method::Get, 3, &e, 0.5), Some(2000));
        assert_eq!(p.delay_ms(Method::Get, 30, &e, 0.999_999), Some(7999));
        assert_eq!(p.delay_ms(Method::Get, 1, &e, 0.0), Some(0));
        assert_eq!(p.delay_ms(Method::Get, 1, &e, f64::NAN), Some(500));
    }

    #[test]
    fn no_wait_that_would_outlast_the_deadline() {
        let p = RetryPolicy::default();
        let e = err(ErrorCode::RateLimited).with_retry_after_ms(Some(3000));
        assert_eq!(p.delay_within_ms(Method::Get, 0, &e, 0.1, Some(2999)), None);
        assert_eq!(
            p.delay_within_ms(Method::Get, 0, &e, 0.1, Some(3001)),
            Some(3000)
        );
        assert_eq!(p.delay_within_ms(Method::Get, 0, &e, 0.1, None), Some(3000));
        let s = err(ErrorCode::Server);
        assert_eq!(
            p.delay_within_ms(Method::Get, 0, &s, 0.5, Some(10_000)),
            Some(250)
        );
        assert_eq!(p.delay_within_ms(Method::Post, 0, &s, 0.5, None), None);
    }

    #[test]
    fn retry_after_wins_but_is_bounded() {
        let p = RetryPolicy::default();
        let e = err(ErrorCode::RateLimited).with_retry_after_ms(Some(3000));
        assert_eq!(p.delay_ms(Method::Get, 0, &e, 0.1), Some(3000));
        let long = err(ErrorCode::RateLimited).with_retry_after_ms(Some(86_400_000));
        assert_eq!(p.delay_ms(Method::Get, 0, &long, 0.1), Some(60_000));
    }
}
