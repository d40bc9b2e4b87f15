//! What both client classes share: reading their options into a `Transport`, per-call options,
//! and turning a Rust future into a JS promise.

use std::future::Future;
use std::pin::Pin;

use js_sys::Promise;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::future_to_promise;

use super::options::Opts;
use super::transport::{CallOptions, Failure, Transport, DEFAULT_TIMEOUT_MS};
use crate::error::Result;
use crate::http::RetryPolicy;
use crate::validate;

/// Longest `timeoutMs` accepted: a day.
const MAX_TIMEOUT_MS: u32 = 86_400_000;
const MAX_RETRIES: u32 = 10;

/// Options every client takes.
pub const COMMON_OPTIONS: &[&str] = &["baseUrl", "timeoutMs", "maxRetries", "headers", "fetch"];

pub fn transport(opts: &Opts, base_key: &str, default_base: &str) -> Result<Transport> {
    let base = opts
        .string(base_key)?
        .unwrap_or_else(|| default_base.to_string());
    Ok(Transport {
        base_url: validate::base_url(&base, base_key)?,
        headers: opts.headers("headers")?,
        fetch: opts.function("fetch")?,
        timeout_ms: opts
            .count("timeoutMs", MAX_TIMEOUT_MS)?
            .unwrap_or(DEFAULT_TIMEOUT_MS),
        retry: RetryPolicy {
            max_retries: opts.count("maxRetries", MAX_RETRIES)?.unwrap_or(2),
            ..RetryPolicy::default()
        },
    })
}

/// `{ signal?, timeoutMs? }` of one call.
pub fn call_options(value: Option<JsValue>) -> Result<CallOptions> {
    let opts = Opts::new(value, "options", &["signal", "timeoutMs"])?;
    Ok(CallOptions {
        signal: opts.signal("signal")?,
        timeout_ms: opts.count("timeoutMs", MAX_TIMEOUT_MS)?,
    })
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

/// The payment id argument as a checked path segment.
pub fn path_id(value: &JsValue, what: &str) -> Result<String> {
    let id = super::args::string(value, what)?;
    validate::path_id(&id, what)?;
    Ok(id)
}
