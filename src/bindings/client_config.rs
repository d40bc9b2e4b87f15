//! Reading a client's options into its endpoints, and one call's options.

use crate::prelude::*;
use alloc::rc::Rc;

use wasm_bindgen::JsValue;

use super::options::{OptionFields, Opts};
use crate::error::{Result, StreamError};
use crate::http::{Endpoint, RetryPolicy, DEFAULT_TIMEOUT_MS};
use crate::validate;

/// Longest `timeoutMs` accepted: a day.
pub const MAX_TIMEOUT_MS: u32 = 86_400_000;
const MAX_RETRIES: u32 = 10;

/// Options every client takes.
pub const COMMON_OPTIONS: &[&str] = &[
    "baseUrl",
    "timeoutMs",
    "maxRetries",
    "headers",
    "fetch",
    "onRequest",
    "onResponse",
    "onHookError",
];

/// The endpoint at the base URL option `base_key` (or `default_base`); `extra` is a header the
/// client adds (the API key), replacing one of the same name the caller gave.
pub fn endpoint(
    opts: &Opts,
    base_key: &str,
    base: fn(&OptionFields) -> JsValue,
    default_base: &str,
    extra: Option<(&str, String)>,
) -> Result<Endpoint> {
    let base = opts
        .string(base_key, base)?
        .unwrap_or_else(|| default_base.to_string());
    // Checked here, used by the shell.
    opts.function("fetch", OptionFields::fetch)?;
    opts.function("onRequest", OptionFields::on_request)?;
    opts.function("onResponse", OptionFields::on_response)?;
    opts.function("onHookError", OptionFields::on_hook_error)?;
    let mut headers = opts.headers("headers", OptionFields::headers)?;
    if let Some((name, value)) = extra {
        headers.retain(|(given, _)| !given.eq_ignore_ascii_case(name));
        headers.push((name.to_string(), value));
    }
    Ok(Endpoint {
        base_url: validate::base_url(&base, base_key)?,
        headers: Rc::from(headers),
        timeout_ms: opts
            .count("timeoutMs", OptionFields::timeout_ms, MAX_TIMEOUT_MS)?
            .unwrap_or(DEFAULT_TIMEOUT_MS),
        retry: RetryPolicy {
            max_retries: opts
                .count("maxRetries", OptionFields::max_retries, MAX_RETRIES)?
                .unwrap_or(2),
            ..RetryPolicy::default()
        },
    })
}

/// `{ signal?, timeoutMs? }` of one call, checked: the call's own `timeoutMs`, if any. The
/// shell passes the object (for its keys) and the two values it destructured, so the hot path
/// reads no property from Rust; it uses the signal itself.
pub fn call_timeout(options: JsValue, signal: JsValue, timeout_ms: JsValue) -> Result<Option<u32>> {
    let opts = Opts::new(Some(options), "options", &["signal", "timeoutMs"])?;
    if !opts.is_set() {
        return Ok(None);
    }
    if !signal.is_undefined() {
        super::options::signal_value(signal, "options.signal")?;
    }
    match timeout_ms.as_f64() {
        None if timeout_ms.is_undefined() => Ok(None),
        Some(n)
            if n.is_finite()
                && n >= 0.0
                && crate::amount::is_whole(n)
                && n <= f64::from(MAX_TIMEOUT_MS) =>
        {
            Ok(Some(n as u32))
        }
        _ => Err(StreamError::invalid_argument(cat!(
            "options.timeoutMs must be a whole number from 0 to ",
            MAX_TIMEOUT_MS,
            ", got ",
            super::args::type_name(&timeout_ms)
        ))),
    }
}

/// A JS string argument as a checked path segment.
pub fn path_id(value: &JsValue, what: &str) -> Result<String> {
    let id = super::args::string(value, what)?;
    validate::path_id(&id, what)?;
    Ok(id)
}
