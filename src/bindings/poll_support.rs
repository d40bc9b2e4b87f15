//! What `waitForPayment` and `watchPayments` share at the edge: the poll transport, callbacks
//! that cannot break the loop, the clock, and the error a stopped poll ends with.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::abort::Stop;
use super::transport::{Failure, Transport};
use crate::error::{ErrorCode, StreamError};
use crate::http::RetryPolicy;

/// The client's transport without automatic retries: the poll loop is the retry, with its own
/// backoff, and a poll must not hide a long retry sequence inside one turn.
pub fn poll_transport(client: &Transport) -> Transport {
    Transport {
        base_url: client.base_url.clone(),
        headers: client.headers.clone(),
        fetch: client.fetch.clone(),
        timeout_ms: client.timeout_ms,
        retry: RetryPolicy {
            max_retries: 0,
            ..client.retry
        },
    }
}

/// Calls a caller's callback. What it throws is ignored, and a promise it returns gets a
/// handler, so a failing callback neither breaks polling nor becomes an unhandled rejection.
pub fn call_quietly(callback: Option<&Function>, args: &[&JsValue]) {
    let Some(callback) = callback else {
        return;
    };
    let returned = match args {
        [a] => callback.call1(&JsValue::UNDEFINED, a),
        [a, b] => callback.call2(&JsValue::UNDEFINED, a, b),
        _ => callback.call0(&JsValue::UNDEFINED),
    };
    let Ok(returned) = returned else {
        return;
    };
    if returned.dyn_ref::<Promise>().is_none() {
        return;
    }
    // `promise.catch(Boolean)`: a built-in as the no-op handler outlives any Rust closure.
    let global = |name: &str| Reflect::get(&js_sys::global(), &JsValue::from_str(name)).ok();
    let catch = Reflect::get(&returned, &JsValue::from_str("catch"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    if let (Some(catch), Some(noop)) = (catch, global("Boolean")) {
        let _ = catch.call1(&returned, &noop);
    }
}

/// Milliseconds since the epoch, as the timers and the rate limit count them.
#[cfg(feature = "merchant")]
pub fn now_ms() -> u64 {
    let now = js_sys::Date::now();
    if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    }
}

/// The rejection of a wait or watcher stopped by the caller's signal or its own `timeoutMs`.
pub fn stopped(stop: Stop, what: &str, timeout_ms: u32) -> Failure {
    match stop {
        Stop::Caller(reason) => Failure::Aborted(reason),
        Stop::Deadline => Failure::Error(StreamError::new(
            ErrorCode::Timeout,
            format!("{what} did not finish within {timeout_ms} ms (timeoutMs)"),
        )),
    }
}
