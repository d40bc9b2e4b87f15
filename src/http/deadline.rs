//! When a call, a wait or a watcher must be over. Kept by the state machine that owns it; its
//! host only arms one timer for [`Deadline::in_ms`] and, when it rings, asks whether it
//! [`Deadline::passed`] (a timer may ring a little early by the clock the machine reads).

/// A deadline `timeout_ms` after it was set; none for a timeout of 0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Deadline {
    at_ms: Option<f64>,
}

impl Deadline {
    pub fn after(timeout_ms: u32, now_ms: f64) -> Self {
        Self {
            at_ms: (timeout_ms > 0).then(|| now_ms + f64::from(timeout_ms)),
        }
    }

    /// Milliseconds from `now_ms` until it (0 once passed); `None` without one.
    pub fn in_ms(&self, now_ms: f64) -> Option<u64> {
        self.at_ms.map(|at| (at - now_ms).max(0.0) as u64)
    }

    pub fn passed(&self, now_ms: f64) -> bool {
        self.at_ms.is_some_and(|at| now_ms >= at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_counts_down_and_none_never_passes() {
        let d = Deadline::after(250, 1_000.0);
        assert_eq!(d.in_ms(1_100.0), Some(150));
        assert!(!d.passed(1_249.0) && d.passed(1_250.0));
        assert_eq!(d.in_ms(2_000.0), Some(0));
        let none = Deadline::after(0, 1_000.0);
        assert_eq!(none.in_ms(0.0), None);
        assert!(!none.passed(f64::MAX));
    }
}
