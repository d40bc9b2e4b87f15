//! Checking the options of `waitForPayment`, `watchPayment` and `watchPayments`: pacing,
//! limits, callbacks, signal.

use wasm_bindgen::JsValue;

use super::options::{OptionFields, Opts};
use crate::error::{Result, StreamError};
#[cfg(feature = "merchant")]
use crate::poll::WatchLimits;
use crate::poll::{PollConfig, WaitSettings};

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

/// The options of `waitForPayment` / `watchPayment`, checked. `signal` and `onUpdate` are
/// checked here and used by the shell.
pub fn wait_options(value: JsValue) -> Result<WaitSettings> {
    let opts = Opts::new(Some(value), "waitForPayment options", WAIT_KEYS)?;
    Ok(WaitSettings {
        pause_when_hidden: opts
            .bool("pauseWhenHidden", OptionFields::pause_when_hidden)?
            .unwrap_or(true),
        ..poll_options(&opts, "waitForPayment options")?
    })
}

/// The options of `watchPayments`, checked (`onError` too, which the shell calls).
#[cfg(feature = "merchant")]
pub fn watch_options(value: JsValue) -> Result<(WaitSettings, WatchLimits)> {
    let opts = Opts::new(Some(value), "watchPayments options", WATCH_KEYS)?;
    let what = "watchPayments options";
    let concurrency = at_least_one(
        &opts,
        what,
        "concurrency",
        OptionFields::concurrency,
        MAX_CONCURRENCY,
    )?;
    let per_second = at_least_one(
        &opts,
        what,
        "maxRequestsPerSecond",
        OptionFields::max_requests_per_second,
        MAX_PER_SECOND,
    )?;
    opts.function("onError", OptionFields::on_error)?;
    let limits = WatchLimits {
        concurrency: usize::try_from(concurrency.unwrap_or(DEFAULT_CONCURRENCY))
            .unwrap_or(usize::MAX),
        per_second: per_second.unwrap_or(DEFAULT_PER_SECOND),
    };
    Ok((poll_options(&opts, what)?, limits))
}

fn poll_options(opts: &Opts, what: &str) -> Result<WaitSettings> {
    // An interval of 0 would send a burst of requests before the backoff grows.
    let interval = at_least_one(opts, what, "intervalMs", OptionFields::interval_ms, MAX_MS)?;
    let max_interval = at_least_one(
        opts,
        what,
        "maxIntervalMs",
        OptionFields::max_interval_ms,
        MAX_MS,
    )?;
    opts.signal("signal", OptionFields::signal)?;
    opts.function("onUpdate", OptionFields::on_update)?;
    Ok(WaitSettings {
        config: PollConfig::new(interval, max_interval),
        timeout_ms: opts
            .count("timeoutMs", OptionFields::timeout_ms, MAX_MS)?
            .unwrap_or(0),
        stop_statuses: opts.strings("stopStatuses", OptionFields::stop_statuses)?,
        pause_when_hidden: false,
    })
}

fn at_least_one(
    opts: &Opts,
    what: &str,
    key: &str,
    getter: fn(&OptionFields) -> JsValue,
    max: u32,
) -> Result<Option<u32>> {
    match opts.count(key, getter, max)? {
        Some(0) => Err(StreamError::invalid_argument(cat!(
            what,
            ".",
            key,
            " must be at least 1, got 0"
        ))),
        other => Ok(other),
    }
}
