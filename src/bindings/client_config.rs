//! Reading a client's options into its transports, and one call's options.

use std::future::Future;
use std::pin::Pin;

use js_sys::Promise;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::future_to_promise;

use super::options::{OptionBag, Opts};
use super::transport::{CallOptions, Failure, Transport, DEFAULT_TIMEOUT_MS};
use crate::error::{Result, StreamError};
use crate::http::RetryPolicy;
use crate::validate;

/// Longest `timeoutMs` accepted: a day.
pub const MAX_TIMEOUT_MS: u32 = 86_400_000;
const MAX_RETRIES: u32 = 10;

/// Options every client takes.
pub const COMMON_OPTIONS: &[&str] = &["baseUrl", "timeoutMs", "maxRetries", "headers", "fetch"];

pub fn transport(
    opts: &Opts,
    base_key: &str,
    base: fn(&OptionBag) -> JsValue,
    default_base: &str,
) -> Result<Transport> {
    let base = opts
        .string(base_key, base)?
        .unwrap_or_else(|| default_base.to_string());
    Ok(Transport {
        base_url: validate::base_url(&base, base_key)?,
        headers: opts.headers("headers", OptionBag::headers)?,
        fetch: opts.function("fetch", OptionBag::fetch)?,
        timeout_ms: opts
            .count("timeoutMs", OptionBag::timeout_ms, MAX_TIMEOUT_MS)?
            .unwrap_or(DEFAULT_TIMEOUT_MS),
        retry: RetryPolicy {
            max_retries: opts
                .count("maxRetries", OptionBag::max_retries, MAX_RETRIES)?
                .unwrap_or(2),
            ..RetryPolicy::default()
        },
    })
}

/// `{ signal?, timeoutMs? }` of one call: the shell passes the object (for its keys) and the two
/// values it destructured, so the hot path reads no property from Rust.
pub fn call_options(options: JsValue, signal: JsValue, timeout_ms: JsValue) -> Result<CallOptions> {
    let opts = Opts::new(Some(options), "options", &["signal", "timeoutMs"])?;
    if !opts.is_set() {
        return Ok(CallOptions::default());
    }
    let signal = match signal {
        s if s.is_undefined() => None,
        s => Some(super::options::signal_value(s, "options.signal")?),
    };
    let timeout_ms = match timeout_ms.as_f64() {
        None if timeout_ms.is_undefined() => None,
        Some(n)
            if n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= f64::from(MAX_TIMEOUT_MS) =>
        {
            Some(n as u32)
        }
        _ => {
            return Err(StreamError::invalid_argument(format!(
                "options.timeoutMs must be a whole number from 0 to {MAX_TIMEOUT_MS}, got {}",
                super::args::type_name(&timeout_ms)
            )))
        }
    };
    Ok(CallOptions { signal, timeout_ms })
}

/// A promise of `future`; every failure rejects it (bad arguments too, so callers handle one
/// path). Boxed so that one `future_to_promise` serves every method: each instance of it costs
/// the `.wasm` a few kilobytes.
pub fn promise<F>(future: F) -> Promise
where
    F: Future<Output = Result<JsValue, Failure>> + 'static,
{
    boxed_promise(Box::pin(future))
}

fn boxed_promise(future: Pin<Box<dyn Future<Output = Result<JsValue, Failure>>>>) -> Promise {
    future_to_promise(async move { future.await.map_err(JsValue::from) })
}

/// A JS string argument as a checked path segment.
pub fn path_id(value: &JsValue, what: &str) -> Result<String> {
    let id = super::args::string(value, what)?;
    validate::path_id(&id, what)?;
    Ok(id)
}
