//! Polling a payment until it settles, as plain Rust: the pacing of one wait, what a poll's
//! outcome means, and the bookkeeping of a watcher that follows many payments under a
//! concurrency and a rate limit, each as a state machine its host drives. The JS shell does the
//! requests, timers and callbacks.

mod due_queue;
mod rate;
mod schedule;
mod verdict;
mod wait;
#[cfg(feature = "merchant")]
mod watch;
mod watch_book;

pub use due_queue::DueQueue;
pub use rate::{RateLimiter, WINDOW_MS};
pub use schedule::{
    PollConfig, PollSchedule, DEFAULT_INTERVAL_MS, DEFAULT_MAX_INTERVAL_MS, MAX_SUGGESTED_DELAY_MS,
};
pub use verdict::{classify_error, ErrorClass, StopStatuses};
pub use wait::{Wait, WaitSettings};
#[cfg(feature = "merchant")]
pub use watch::{Watch, CHANGED, DONE, FAILED};
pub use watch_book::{Next, Update, WatchBook, WatchLimits};
