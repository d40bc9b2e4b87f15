//! A request-rate limit as an even pace (GCRA): request starts are spaced `WINDOW_MS / limit`
//! apart, never bunched. A sliding window or token bucket would allow a burst of `limit` at
//! once, and a burst stamped a little late by the server lands in the next second's count.

/// The pace is computed for a window a little longer than a second: the server stamps a request
/// when it arrives, some ms after it left, and that delay varies. 10% slack absorbs up to
/// ~100 ms of variation before the server could count more than `limit` in one second.
pub const WINDOW_MS: u64 = 1_100;
/// Starts due within the same millisecond go together: timers have 1 ms granularity.
const TOLERANCE_US: u64 = 1_000;

#[derive(Debug, Clone)]
pub struct RateLimiter {
    /// Spacing between starts, in microseconds.
    spacing_us: u64,
    /// The earliest time (µs) the next start is due at the steady pace.
    next_us: u64,
}

impl RateLimiter {
    /// `per_second` of 0 is read as 1: a limiter that never lets anything through would hang.
    pub fn new(per_second: u32) -> Self {
        Self {
            spacing_us: (WINDOW_MS * 1_000 / u64::from(per_second.max(1))).max(1),
            next_us: 0,
        }
    }

    /// How long to wait at `now_ms` before a request may start (0: now).
    pub fn wait_ms(&self, now_ms: u64) -> u64 {
        let now_us = now_ms.saturating_mul(1_000);
        if self.next_us < now_us.saturating_add(TOLERANCE_US) {
            return 0;
        }
        // The first whole ms at which the start falls within the tolerance; bounded by one
        // spacing even if the clock stepped back.
        let early_us = (self.next_us - TOLERANCE_US).saturating_sub(now_us);
        early_us.min(self.spacing_us) / 1_000 + 1
    }

    /// Records a start at `now_ms`; call only when `wait_ms(now_ms)` was 0.
    pub fn record(&mut self, now_ms: u64) {
        let now_us = now_ms.saturating_mul(1_000);
        // An idle limiter does not bank credit: after a pause the pace restarts from now.
        self.next_us = self.next_us.max(now_us).saturating_add(self.spacing_us);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Starts as many requests as allowed, as early as allowed, from time 0.
    fn greedy(per_second: u32, count: usize) -> Vec<u64> {
        let mut r = RateLimiter::new(per_second);
        let mut starts = Vec::new();
        let mut now = 0;
        while starts.len() < count {
            match r.wait_ms(now) {
                0 => {
                    r.record(now);
                    starts.push(now);
                }
                wait => now += wait,
            }
        }
        starts
    }

    /// Two pointers over the sorted starts: linear, so 200,000 starts stay quick.
    fn max_in_any_second(starts: &[u64]) -> usize {
        let mut first = 0;
        let mut max = 0;
        for (last, &t) in starts.iter().enumerate() {
            while starts[first] + 1_000 <= t {
                first += 1;
            }
            max = max.max(last + 1 - first);
        }
        max
    }

    #[test]
    fn evenly_spaced() {
        assert_eq!(greedy(10, 4), [0, 110, 220, 330]);
        assert_eq!(greedy(1, 3), [0, 1_100, 2_200]);
    }

    #[test]
    fn never_more_than_the_limit_in_any_second_with_room_to_spare() {
        for per_second in [1, 2, 3, 10, 40, 1_000, 5_000, 100_000] {
            let starts = greedy(per_second, 2 * per_second as usize + 10);
            let max = max_in_any_second(&starts);
            let limit = per_second as usize;
            assert!(max <= limit, "{per_second}/s: {max} in one second");
            if limit >= 40 {
                assert!(
                    max >= limit * 85 / 100,
                    "{per_second}/s: only {max} in one second"
                );
            }
        }
    }

    #[test]
    fn zero_is_one_and_a_clock_step_back_is_bounded() {
        let mut r = RateLimiter::new(0);
        assert_eq!(r.wait_ms(10_000), 0);
        r.record(10_000);
        assert_eq!(r.wait_ms(0), WINDOW_MS + 1);
    }

    #[test]
    fn a_pause_banks_no_burst() {
        let mut r = RateLimiter::new(10);
        r.record(0);
        assert_eq!(r.wait_ms(5_000), 0);
        r.record(5_000);
        assert_eq!(r.wait_ms(5_000), 110);
    }
}
