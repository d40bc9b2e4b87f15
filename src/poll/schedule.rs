//! When to poll a payment next: a short first interval, slower and slower while nothing changes
//! (so a payment nobody pays costs few requests), back to the short interval on every change,
//! jittered so that many pages opened together do not poll in lockstep.

use crate::prelude::*;
/// First delay between polls when the caller gives none.
pub const DEFAULT_INTERVAL_MS: u32 = 2_000;
/// Cap of the backoff when the caller gives none.
pub const DEFAULT_MAX_INTERVAL_MS: u32 = 15_000;
/// Growth of the delay per poll that saw nothing new (x1.5).
const BACKOFF_NUM: u64 = 3;
const BACKOFF_DEN: u64 = 2;
/// Share of a delay taken off at random: delays fall in `[0.8 d, d]`, never above the cap.
const JITTER: f64 = 0.2;
/// A server's `Retry-After` longer than this is cut to it, so it cannot park a wait for hours.
pub const MAX_SUGGESTED_DELAY_MS: u64 = 60_000;

/// The caller's pacing, checked: `max_interval_ms >= interval_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollConfig {
    pub interval_ms: u64,
    pub max_interval_ms: u64,
}

impl PollConfig {
    /// A `maxIntervalMs` below `intervalMs` is raised to it rather than refused: the caller
    /// who only sets a long `intervalMs` means "poll this slowly".
    pub fn new(interval_ms: Option<u32>, max_interval_ms: Option<u32>) -> Self {
        let interval_ms = u64::from(interval_ms.unwrap_or(DEFAULT_INTERVAL_MS));
        let max_interval_ms =
            u64::from(max_interval_ms.unwrap_or(DEFAULT_MAX_INTERVAL_MS)).max(interval_ms);
        Self {
            interval_ms,
            max_interval_ms,
        }
    }
}

impl Default for PollConfig {
    fn default() -> Self {
        Self::new(None, None)
    }
}

/// The pacing state of one followed payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollSchedule {
    config: PollConfig,
    /// The delay before the next poll, before jitter.
    base_ms: u64,
    last_status: Option<String>,
}

impl PollSchedule {
    pub fn new(config: PollConfig) -> Self {
        Self {
            config,
            base_ms: config.interval_ms,
            last_status: None,
        }
    }

    /// Records the status a poll returned; `true` when it is new (the first one included),
    /// which is when the caller hears about it.
    pub fn observe_status(&mut self, status: &str) -> bool {
        let changed = self.last_status.as_deref() != Some(status);
        if changed {
            self.base_ms = self.config.interval_ms;
            self.last_status = Some(status.to_owned());
        } else {
            self.grow();
        }
        changed
    }

    /// Records a poll that failed in a way worth riding out: back off as if nothing changed.
    pub fn observe_error(&mut self) {
        self.grow();
    }

    /// The status of the last successful poll.
    #[cfg(test)]
    pub fn last_status(&self) -> Option<&str> {
        self.last_status.as_deref()
    }

    /// The delay before the next poll. `random` is uniform in `[0, 1)`; `suggested_ms` is the
    /// server's own wish (`Retry-After`), honoured even above the cap; `slow` (a hidden page)
    /// polls at the cap.
    pub fn next_delay_ms(&self, random: f64, suggested_ms: Option<u64>, slow: bool) -> u64 {
        let base = if slow {
            self.config.max_interval_ms
        } else {
            self.base_ms
        };
        let random = if random.is_finite() {
            random.clamp(0.0, 1.0)
        } else {
            0.5
        };
        // Timing, not an amount: a float is fine here.
        let cut = (base as f64 * JITTER * random) as u64;
        let delay = base.saturating_sub(cut);
        match suggested_ms {
            Some(wish) => delay.max(wish.min(MAX_SUGGESTED_DELAY_MS)),
            None => delay,
        }
    }

    fn grow(&mut self) {
        let next = self.base_ms.saturating_mul(BACKOFF_NUM) / BACKOFF_DEN;
        // `max(base + 1)`: an interval of 1 ms still grows.
        self.base_ms = next
            .max(self.base_ms.saturating_add(1))
            .min(self.config.max_interval_ms);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule(interval: u32, max: u32) -> PollSchedule {
        PollSchedule::new(PollConfig::new(Some(interval), Some(max)))
    }

    #[test]
    fn defaults_are_two_and_fifteen_seconds() {
        let config = PollConfig::default();
        assert_eq!(
            (config.interval_ms, config.max_interval_ms),
            (2_000, 15_000)
        );
    }

    #[test]
    fn max_below_interval_is_raised_to_it() {
        let config = PollConfig::new(Some(30_000), None);
        assert_eq!(config.max_interval_ms, 30_000);
    }

    #[test]
    fn backs_off_while_unchanged_up_to_the_cap() {
        let mut s = schedule(1_000, 5_000);
        assert!(s.observe_status("pending"));
        let mut delays = vec![s.next_delay_ms(0.0, None, false)];
        for _ in 0..6 {
            assert!(!s.observe_status("pending"));
            delays.push(s.next_delay_ms(0.0, None, false));
        }
        assert_eq!(delays, [1_000, 1_500, 2_250, 3_375, 5_000, 5_000, 5_000]);
    }

    #[test]
    fn a_change_resets_to_the_interval() {
        let mut s = schedule(100, 10_000);
        s.observe_status("PENDING");
        s.observe_status("PENDING");
        s.observe_status("PENDING");
        assert_eq!(s.next_delay_ms(0.0, None, false), 225);
        assert!(s.observe_status("PROCESSING"));
        assert_eq!(s.next_delay_ms(0.0, None, false), 100);
        assert_eq!(s.last_status(), Some("PROCESSING"));
    }

    #[test]
    fn errors_back_off_too() {
        let mut s = schedule(100, 1_000);
        s.observe_error();
        s.observe_error();
        assert_eq!(s.next_delay_ms(0.0, None, false), 225);
        assert_eq!(s.last_status(), None);
    }

    #[test]
    fn tiny_intervals_still_grow() {
        let mut s = schedule(1, 5);
        let mut delays = Vec::new();
        for _ in 0..6 {
            s.observe_error();
            delays.push(s.next_delay_ms(0.0, None, false));
        }
        assert_eq!(delays, [2, 3, 4, 5, 5, 5]);
    }

    #[test]
    fn jitter_stays_within_eighty_to_one_hundred_percent() {
        let s = schedule(1_000, 1_000);
        assert_eq!(s.next_delay_ms(0.0, None, false), 1_000);
        assert_eq!(s.next_delay_ms(0.5, None, false), 900);
        assert_eq!(s.next_delay_ms(0.999_999, None, false), 801);
        assert_eq!(s.next_delay_ms(f64::NAN, None, false), 900);
        assert_eq!(s.next_delay_ms(7.0, None, false), 800);
    }

    #[test]
    fn a_server_wish_is_honoured_but_bounded() {
        let s = schedule(10, 50);
        assert_eq!(s.next_delay_ms(0.0, Some(1_000), false), 1_000);
        assert_eq!(s.next_delay_ms(0.0, Some(1), false), 10);
        assert_eq!(s.next_delay_ms(0.0, Some(u64::MAX), false), 60_000);
    }

    #[test]
    fn a_slow_poll_waits_the_cap() {
        let mut s = schedule(10, 4_000);
        s.observe_status("pending");
        assert_eq!(s.next_delay_ms(0.0, None, true), 4_000);
        assert_eq!(s.next_delay_ms(0.0, None, false), 10);
    }

    #[test]
    fn huge_settings_do_not_overflow() {
        let mut s = schedule(u32::MAX, u32::MAX);
        for _ in 0..100 {
            s.observe_error();
        }
        assert_eq!(s.next_delay_ms(0.0, None, false), u64::from(u32::MAX));
    }
}
