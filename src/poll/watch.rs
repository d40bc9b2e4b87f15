//! One `watchPayments` as a state machine its host drives: the host asks [`Watch::next`] what
//! to do, sends each poll's [`Call`], and hands its outcome to [`Watch::finish`], which says
//! what to tell the caller. The bookkeeping (limits, pacing) is the [`WatchBook`]'s.

use super::{classify_error, ErrorClass, Next, StopStatuses, WatchBook, WatchLimits};
use crate::api::Polled;
use crate::error::{Result, StreamError};
use crate::http::{Call, Deadline, Endpoint};
use crate::json::Decoded;
use crate::prelude::*;

/// Bits of what [`Watch::finish`] returns (the boundary protocol's).
pub use crate::protocol::{WATCH_CHANGED as CHANGED, WATCH_DONE as DONE, WATCH_FAILED as FAILED};

#[derive(Debug)]
pub struct Watch {
    polled: Polled,
    endpoint: Endpoint,
    book: WatchBook,
    stops: StopStatuses,
    /// The watcher ended: nothing is added any more.
    closed: bool,
    report: Option<String>,
    error: Option<StreamError>,
    timeout_ms: u32,
    deadline: Deadline,
}

impl Watch {
    pub fn new(
        polled: Polled,
        endpoint: &Endpoint,
        settings: super::WaitSettings,
        limits: WatchLimits,
        now_ms: f64,
    ) -> Self {
        Self {
            polled,
            endpoint: endpoint.without_retries(),
            book: WatchBook::new(settings.config, limits),
            stops: StopStatuses::new(polled.terminal, settings.stop_statuses),
            closed: false,
            report: None,
            error: None,
            timeout_ms: settings.timeout_ms,
            deadline: Deadline::after(settings.timeout_ms, now_ms),
        }
    }

    /// The watcher's own deadline (`timeoutMs`), for the host's one timer.
    pub fn deadline(&self) -> Deadline {
        self.deadline
    }

    /// Follows `id` (a checked path segment); false when it is followed already or the watcher
    /// ended.
    pub fn add(&mut self, id: &str, now_ms: u64) -> bool {
        !self.closed && self.book.add(id, now_ms)
    }

    pub fn remove(&mut self, id: &str) -> bool {
        self.book.remove(id)
    }

    pub fn is_empty(&self) -> bool {
        self.book.is_empty()
    }

    /// What to do at `now_ms` (see [`WatchBook::next`]).
    pub fn next(&mut self, now_ms: u64) -> Next {
        self.book.next(now_ms)
    }

    /// The poll of `id`.
    pub fn call(&self, id: &str, now_ms: f64) -> Result<Call> {
        let req = self.polled.request(id)?;
        Ok(self
            .endpoint
            .call(req, self.polled.get.answer, None, now_ms))
    }

    /// Books the outcome of a poll of `id`; the bits say what to tell the caller: [`CHANGED`]
    /// (a new status: `onUpdate`) and [`DONE`] (a result) with [`Watch::take_report`], or
    /// [`FAILED`] (an error for good) with [`Watch::take_error`].
    pub fn finish(&mut self, id: &str, outcome: Result<Decoded>, now_ms: u64, random: f64) -> u32 {
        match outcome {
            Ok(payment) => {
                let status = payment.captures.status().unwrap_or_default();
                let stop = self.stops.contains(status);
                let Some(update) = self.book.finish_status(id, status, stop, now_ms, random) else {
                    return 0;
                };
                let bits = u32::from(update.changed) * CHANGED + u32::from(update.done) * DONE;
                if bits != 0 {
                    self.report = Some(payment.json);
                }
                bits
            }
            Err(err) if classify_error(&err) == ErrorClass::Transient => {
                self.book
                    .finish_transient(id, err.retry_after_ms, now_ms, random);
                0
            }
            Err(err) => {
                if !self.book.finish_permanent(id) {
                    return 0;
                }
                self.error = Some(err);
                FAILED
            }
        }
    }

    /// How long after the last [`Watch::finish`] its payment is polled again; `None` when it is
    /// not (a result, an error for good, or no longer followed).
    pub fn next_poll_ms(&self) -> Option<u64> {
        self.book.booked_ms()
    }

    pub fn take_report(&mut self) -> Option<String> {
        self.report.take()
    }

    pub fn take_error(&mut self) -> Option<StreamError> {
        self.error.take()
    }

    /// The watcher ended (settled, stopped or timed out).
    pub fn close(&mut self) {
        self.closed = true;
    }

    pub fn timeout_error(&self) -> StreamError {
        super::wait::stopped("watchPayments", self.timeout_ms)
    }
}

#[cfg(test)]
#[path = "watch_tests.rs"]
mod tests;
