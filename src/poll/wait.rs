//! One `waitForPayment` as a state machine its host drives: the host sends each poll's [`Call`],
//! hands its outcome to [`Wait::observe`], tells the caller about [`Wait::take_report`] and
//! sleeps as long as it is told. What a status or an error means, and the pacing, are decided
//! here.

use super::{classify_error, ErrorClass, PollConfig, PollSchedule, StopStatuses};
use crate::api::Polled;
use crate::error::{ErrorCode, Result, StreamError};
use crate::http::{Call, Deadline, Endpoint};
use crate::json::Decoded;
use crate::prelude::*;

/// The options of a wait, checked.
#[derive(Debug, Clone, Default)]
pub struct WaitSettings {
    pub config: PollConfig,
    /// Overall deadline; 0 for none.
    pub timeout_ms: u32,
    pub stop_statuses: Vec<String>,
    pub pause_when_hidden: bool,
}

#[derive(Debug)]
pub struct Wait {
    polled: Polled,
    id: String,
    endpoint: Endpoint,
    schedule: PollSchedule,
    stops: StopStatuses,
    report: Option<String>,
    timeout_ms: u32,
    deadline: Deadline,
    pub pause_when_hidden: bool,
}

impl Wait {
    /// A wait for `id` (a checked path segment) through `endpoint`, polled without retries,
    /// starting at `now_ms`.
    pub fn new(
        polled: Polled,
        id: String,
        endpoint: &Endpoint,
        settings: WaitSettings,
        now_ms: f64,
    ) -> Self {
        Self {
            polled,
            id,
            endpoint: endpoint.without_retries(),
            schedule: PollSchedule::new(settings.config),
            stops: StopStatuses::new(polled.terminal, settings.stop_statuses),
            report: None,
            timeout_ms: settings.timeout_ms,
            deadline: Deadline::after(settings.timeout_ms, now_ms),
            pause_when_hidden: settings.pause_when_hidden,
        }
    }

    /// The wait's own deadline (`timeoutMs`), for the host's one timer.
    pub fn deadline(&self) -> Deadline {
        self.deadline
    }

    /// The next poll; its own deadline is the client's `timeoutMs`.
    pub fn call(&self, now_ms: f64) -> Result<Call> {
        let req = self.polled.request(&self.id)?;
        Ok(self
            .endpoint
            .call(req, self.polled.get.answer, None, now_ms))
    }

    /// What a poll's outcome means: `Ok(None)` when the payment reached a status to stop at
    /// (its report is ready), `Ok(Some(ms))` to sleep that long before the next poll (a new
    /// status has a report too), `Err` for a failure not worth riding out. `hidden`: the page is
    /// hidden, so the next poll comes at the slowest pace.
    pub fn observe(
        &mut self,
        outcome: Result<Decoded>,
        random: f64,
        hidden: bool,
    ) -> Result<Option<u64>> {
        let server_wish = match outcome {
            Ok(payment) => {
                let status = payment.captures.status().unwrap_or_default();
                let changed = self.schedule.observe_status(status);
                let done = self.stops.contains(status);
                if changed || done {
                    self.report = Some(payment.json);
                }
                if done {
                    return Ok(None);
                }
                None
            }
            Err(err) => match classify_error(&err) {
                ErrorClass::Permanent => return Err(err),
                ErrorClass::Transient => {
                    self.schedule.observe_error();
                    err.retry_after_ms
                }
            },
        };
        Ok(Some(self.schedule.next_delay_ms(
            random,
            server_wish,
            hidden,
        )))
    }

    /// The payment to tell the caller about (a new status, or the last one), as JSON.
    pub fn take_report(&mut self) -> Option<String> {
        self.report.take()
    }

    /// The error of a wait that outlived its `timeoutMs`.
    pub fn timeout_error(&self) -> StreamError {
        stopped(&cat!("waitForPayment(\"", self.id, "\")"), self.timeout_ms)
    }
}

/// The `TIMEOUT` of a wait or watcher stopped by its own `timeoutMs`.
pub fn stopped(what: &str, timeout_ms: u32) -> StreamError {
    StreamError::new(
        ErrorCode::Timeout,
        cat!(
            what,
            " did not finish within ",
            timeout_ms,
            " ms (timeoutMs)"
        ),
    )
}

#[cfg(test)]
#[path = "wait_tests.rs"]
pub(super) mod tests;
