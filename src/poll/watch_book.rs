//! The bookkeeping of a watcher that follows many payments: which one to poll next, under a
//! concurrency and a rate limit, and when to wake up. No I/O: the binding layer sends the
//! requests and reports back here.

use alloc::rc::Rc;

use super::due_queue::DueQueue;
use super::id_map::IdMap;
use super::rate::RateLimiter;
use super::schedule::{PollConfig, PollSchedule};

/// Limits of one watcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WatchLimits {
    /// Requests in flight at once, at least 1.
    pub concurrency: usize,
    pub per_second: u32,
}

/// What the watcher does next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// Poll this payment now.
    Poll(Rc<str>),
    /// Nothing may start before this time.
    WaitUntil(u64),
    /// Nothing is queued, or every slot is busy: wait for a poll to finish (or an `add`).
    Idle,
}

/// A poll's news for the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Update {
    /// A new status (the first one included): tell the caller.
    pub changed: bool,
    /// The payment reached a status to stop at: it is no longer followed.
    pub done: bool,
}

#[derive(Debug)]
struct Entry {
    schedule: PollSchedule,
    /// The queue ticket of this entry's pending turn; a popped ticket that differs is stale.
    ticket: Option<u64>,
}

#[derive(Debug)]
pub struct WatchBook {
    config: PollConfig,
    limits: WatchLimits,
    entries: IdMap<Entry>,
    queue: DueQueue<Rc<str>>,
    limiter: RateLimiter,
    in_flight: usize,
    /// The delay the last `finish_*` booked before its id's next poll (`None`: not polled again).
    booked_ms: Option<u64>,
}

impl WatchBook {
    pub fn new(config: PollConfig, limits: WatchLimits) -> Self {
        Self {
            config,
            limits: WatchLimits {
                concurrency: limits.concurrency.max(1),
                ..limits
            },
            entries: IdMap::default(),
            queue: DueQueue::default(),
            limiter: RateLimiter::new(limits.per_second),
            in_flight: 0,
            booked_ms: None,
        }
    }

    /// Starts following `id`, due at once. `false` when it is already followed.
    pub fn add(&mut self, id: &str, now_ms: u64) -> bool {
        if self.entries.contains_key(id) {
            return false;
        }
        let id: Rc<str> = Rc::from(id);
        let ticket = self.queue.push(now_ms, id.clone());
        let entry = Entry {
            schedule: PollSchedule::new(self.config),
            ticket: Some(ticket),
        };
        self.entries.insert(id, entry);
        true
    }

    /// Stops following `id`; a poll of it in flight still ends with `finish_*`, which then
    /// ignores it. `false` when it was not followed.
    pub fn remove(&mut self, id: &str) -> bool {
        self.entries.remove(id).is_some()
    }

    /// Payments followed and not yet done.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    #[cfg(test)]
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    /// The next thing to do at `now_ms`. A `Poll` counts as started: report its end with one of
    /// the `finish_*` methods.
    pub fn next(&mut self, now_ms: u64) -> Next {
        loop {
            if self.in_flight >= self.limits.concurrency {
                return Next::Idle;
            }
            let Some(due) = self.queue.next_due() else {
                return Next::Idle;
            };
            if due > now_ms {
                return Next::WaitUntil(due);
            }
            let wait = self.limiter.wait_ms(now_ms);
            if wait > 0 {
                return Next::WaitUntil(now_ms.saturating_add(wait));
            }
            let Some((ticket, id)) = self.queue.pop_due(now_ms) else {
                return Next::Idle;
            };
            let Some((_, entry)) = self.entries.get_mut(&id) else {
                continue; // removed since it was queued
            };
            if entry.ticket != Some(ticket) {
                continue; // removed and added again: a newer turn is queued
            }
            entry.ticket = None;
            self.in_flight += 1;
            self.limiter.record(now_ms);
            return Next::Poll(id);
        }
    }

    /// A poll of `id` returned `status`. `None` when `id` is no longer followed.
    pub fn finish_status(
        &mut self,
        id: &str,
        status: &str,
        stop: bool,
        now_ms: u64,
        random: f64,
    ) -> Option<Update> {
        self.in_flight = self.in_flight.saturating_sub(1);
        self.booked_ms = None;
        let (_, entry) = self.entries.get_mut(id)?;
        let changed = entry.schedule.observe_status(status);
        if stop {
            self.entries.remove(id);
            return Some(Update {
                changed,
                done: true,
            });
        }
        let delay = entry.schedule.next_delay_ms(random, None, false);
        self.requeue(id, now_ms, delay);
        Some(Update {
            changed,
            done: false,
        })
    }

    /// A poll of `id` failed in a way worth riding out; `retry_after_ms` is the server's wish.
    pub fn finish_transient(
        &mut self,
        id: &str,
        retry_after_ms: Option<u64>,
        now_ms: u64,
        random: f64,
    ) {
        self.in_flight = self.in_flight.saturating_sub(1);
        self.booked_ms = None;
        let Some((_, entry)) = self.entries.get_mut(id) else {
            return;
        };
        entry.schedule.observe_error();
        let delay = entry.schedule.next_delay_ms(random, retry_after_ms, false);
        self.requeue(id, now_ms, delay);
    }

    /// A poll of `id` failed for good: it is no longer followed. `false` when it already was not.
    pub fn finish_permanent(&mut self, id: &str) -> bool {
        self.in_flight = self.in_flight.saturating_sub(1);
        self.booked_ms = None;
        self.entries.remove(id).is_some()
    }

    /// How long after the last `finish_*` its id is polled again; `None` when it is not (it
    /// settled, failed for good, or is no longer followed). The hooks' `delayMs`.
    pub fn booked_ms(&self) -> Option<u64> {
        self.booked_ms
    }

    fn requeue(&mut self, id: &str, now_ms: u64, delay_ms: u64) {
        if let Some((key, entry)) = self.entries.get_mut(id) {
            self.booked_ms = Some(delay_ms);
            let due_ms = now_ms.saturating_add(delay_ms);
            entry.ticket = Some(self.queue.push(due_ms, key.clone()));
        }
    }
}

#[cfg(test)]
#[path = "watch_book_tests.rs"]
mod tests;
