//! Reading the options of `waitForPayment` and `watchPayments` (see `types.rs` for their
//! TypeScript): pacing, limits, callbacks, signal.

use js_sys::{Array, Function};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

use super::args::type_name;
use super::options::Opts;
use crate::error::{Result, StreamError};
use crate::poll::{PollConfig, WatchLimits};

/// Longest `intervalMs` / `maxIntervalMs` / `timeoutMs`: a day.
const MAX_MS: u32 = 86_400_000;
const MAX_CONCURRENCY: u32 = 1_000;
const MAX_PER_SECOND: u32 = 100_000;
const DEFAULT_CONCURRENCY: u32 = 8;
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

pub struct WatchOptions {
    pub poll: PollOptions,
    pub limits: WatchLimits,
    pub on_error: Option<Function>,
}

pub fn wait_options(value: Option<JsValue>) -> Result<WaitOptions> {
    let opts = Opts::new(value, "waitForPayment options", WAIT_KEYS)?;
    Ok(WaitOptions {
        poll: poll_options(&opts, "waitForPayment options")?,
        pause_when_hidden: opts.bool("pauseWhenHidden")?.unwrap_or(true),
    })
}

pub fn watch_options(value: Option<JsValue>) -> Result<WatchOptions> {
    let opts = Opts::new(value, "watchPayments options", WATCH_KEYS)?;
    let what = "watchPayments options";
    let concurrency = at_least_one(&opts, what, "concurrency", MAX_CONCURRENCY)?;
    let per_second = at_least_one(&opts, what, "maxRequestsPerSecond", MAX_PER_SECOND)?;
    Ok(WatchOptions {
        poll: poll_options(&opts, what)?,
        limits: WatchLimits {
            concurrency: usize::try_from(concurrency.unwrap_or(DEFAULT_CONCURRENCY))
                .unwrap_or(usize::MAX),
            per_second: per_second.unwrap_or(DEFAULT_PER_SECOND),
        },
        on_error: opts.function("onError")?,
    })
}

fn poll_options(opts: &Opts, what: &str) -> Result<PollOptions> {
    // An interval of 0 would send a burst of requests before the backoff grows.
    let interval = at_least_one(opts, what, "intervalMs", MAX_MS)?;
    let max_interval = at_least_one(opts, what, "maxIntervalMs", MAX_MS)?;
    Ok(PollOptions {
        config: PollConfig::new(interval, max_interval),
        timeout_ms: opts.count("timeoutMs", MAX_MS)?.unwrap_or(0),
        signal: opts.signal("signal")?,
        on_update: opts.function("onUpdate")?,
        stop_statuses: string_list(opts.get("stopStatuses"), what)?,
    })
}

fn at_least_one(opts: &Opts, what: &str, key: &str, max: u32) -> Result<Option<u32>> {
    match opts.count(key, max)? {
        Some(0) => Err(StreamError::invalid_argument(format!(
            "{what}.{key} must be at least 1, got 0"
        ))),
        other => Ok(other),
    }
}

fn string_list(value: Option<JsValue>, what: &str) -> Result<Vec<String>> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let wrong = |v: &JsValue| {
        StreamError::invalid_argument(format!(
            "{what}.stopStatuses must be an array of strings, got {}",
            type_name(v)
        ))
    };
    if !Array::is_array(&value) {
        return Err(wrong(&value));
    }
    let array: Array = value.unchecked_into();
    array
        .iter()
        .map(|item| item.as_string().ok_or_else(|| wrong(&item)))
        .collect()
}
