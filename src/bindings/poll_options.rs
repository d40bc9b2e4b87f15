//! Reading the options of `waitForPayment` and `watchPayments` (see `types.rs` for their
//! TypeScript): pacing, limits, callbacks, signal.

use js_sys::Function;
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

use super::options::{OptionBag, Opts};
use crate::error::{Result, StreamError};
use crate::poll::PollConfig;
#[cfg(feature = "merchant")]
use crate::poll::WatchLimits;

/// Longest `intervalMs` / `maxIntervalMs` / `timeoutMs`: a day.
const MAX_MS: u32 = 86_400_000;
#[cfg(feature = "merchant")]
const MAX_CONCURRENCY: u32 = 1_000;
#[cfg(feature = "merchant")]
const MAX_PER_SECOND: u32 = 100_000;
#[cfg(feature = "merchant")]
const DEFAULT_CONCURRENCY: u32 = 8;
#[cfg(feature = "merchant")]
const DEFAULT_PER_SECOND: u32 = 10;

const WAIT_KEYS: &[&str] = &[
    "intervalMs",
    "maxIntervalMs",
    "timeoutMs",
    "signal",
    "onUpdate",
    "stopStatuses",
    "pauseWhenHidden",
];
#[cfg(feature = "merchant")]
const WATCH_KEYS: &[&str] = &[
    "intervalMs",
    "maxIntervalMs",
    "timeoutMs",
    "signal",
    "onUpdate",
    "onError",
    "stopStatuses",
    "concurrency",
    "maxRequestsPerSecond",
];

/// What a wait and a watcher both take.
pub struct PollOptions {
    pub config: PollConfig,
    /// Overall deadline; 0 for none.
    pub timeout_ms: u32,
    pub signal: Option<AbortSignal>,
    pub on_update: Option<Function>,
    pub stop_statuses: Vec<String>,
}

pub struct WaitOptions {
    pub poll: PollOptions,
    pub pause_when_hidden: bool,
}

#[cfg(feature = "merchant")]
pub struct WatchOptions {
    pub poll: PollOptions,
    pub limits: WatchLimits,
    pub on_error: Option<Function>,
}

pub fn wait_options(value: JsValue) -> Result<WaitOptions> {
    let opts = Opts::new(Some(value), "waitForPayment options", WAIT_KEYS)?;
    Ok(WaitOptions {
        poll: poll_options(&opts, "waitForPayment options")?,
        pause_when_hidden: opts
            .bool("pauseWhenHidden", OptionBag::pause_when_hidden)?
            .unwrap_or(true),
    })
}

#[cfg(feature = "merchant")]
pub fn watch_options(value: JsValue) -> Result<WatchOptions> {
    let opts = Opts::new(Some(value), "watchPayments options", WATCH_KEYS)?;
    let what = "watchPayments options";
    let concurrency = at_least_one(
        &opts,
        what,
        "concurrency",
        OptionBag::concurrency,
        MAX_CONCURRENCY,
    )?;
    let per_second = at_least_one(
        &opts,
        what,
        "maxRequestsPerSecond",
        OptionBag::max_requests_per_second,
        MAX_PER_SECOND,
    )?;
    Ok(WatchOptions {
        poll: poll_options(&opts, what)?,
        limits: WatchLimits {
            concurrency: usize::try_from(concurrency.unwrap_or(DEFAULT_CONCURRENCY))
                .unwrap_or(usize::MAX),
            per_second: per_second.unwrap_or(DEFAULT_PER_SECOND),
        },
        on_error: opts.function("onError", OptionBag::on_error)?,
    })
}

fn poll_options(opts: &Opts, what: &str) -> Result<PollOptions> {
    // An interval of 0 would send a burst of requests before the backoff grows.
    let interval = at_least_one(opts, what, "intervalMs", OptionBag::interval_ms, MAX_MS)?;
    let max_interval = at_least_one(
        opts,
        what,
        "maxIntervalMs",
        OptionBag::max_interval_ms,
        MAX_MS,
    )?;
    Ok(PollOptions {
        config: PollConfig::new(interval, max_interval),
        timeout_ms: opts
            .count("timeoutMs", OptionBag::timeout_ms, MAX_MS)?
            .unwrap_or(0),
        signal: opts.signal("signal", OptionBag::signal)?,
        on_update: opts.function("onUpdate", OptionBag::on_update)?,
        stop_statuses: opts.strings("stopStatuses", OptionBag::stop_statuses)?,
    })
}

fn at_least_one(
    opts: &Opts,
    what: &str,
    key: &str,
    getter: fn(&OptionBag) -> JsValue,
    max: u32,
) -> Result<Option<u32>> {
    match opts.count(key, getter, max)? {
        Some(0) => Err(StreamError::invalid_argument(format!(
            "{what}.{key} must be at least 1, got 0"
        ))),
        other => Ok(other),
    }
}
