//! Polling a payment until it settles, as plain Rust: the pacing of one wait, what a poll's
//! outcome means, and the bookkeeping of a watcher that follows many payments under a
//! concurrency and a rate limit, each as a state machine its host drives. The JS shell does the
//! requests, timers and callbacks.

mod due_queue;
mod id_map;
mod rate;
mod schedule;
mod verdict;
mod wait;
#[cfg(feature = "merchant")]
mod watch;
mod watch_book;

pub use schedule::{PollConfig, PollSchedule};
pub use verdict::{classify_error, ErrorClass, StopStatuses};
pub use wait::{Wait, WaitSettings};
#[cfg(feature = "merchant")]
pub use watch::{Watch, CHANGED, DONE, FAILED};
pub use watch_book::{Next, WatchBook, WatchLimits};
