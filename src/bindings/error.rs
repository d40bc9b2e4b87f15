//! `StreamError` -> a real JS `Error` with `name === "StreamError"` and the documented
//! properties (`code`, `status`, `retryable`, `requestId`, `body`).

use js_sys::{Error, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::error::StreamError;

#[wasm_bindgen(typescript_custom_section)]
const STREAM_ERROR_TS: &'static str = r#"
/** The `code` of every error this package throws. */
export type StreamErrorCode =
  | 'INVALID_ARGUMENT' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'VALIDATION'
  | 'RATE_LIMITED' | 'SERVER' | 'NETWORK' | 'TIMEOUT' | 'DECODE' | 'INVALID_SIGNATURE';

/** Every failure is an `Error` with `name === 'StreamError'` and these properties. */
export interface StreamError extends Error {
  name: 'StreamError';
  code: StreamErrorCode;
  /** HTTP status, when there was a response. */
  status?: number;
  /** Whether trying again may help. */
  retryable: boolean;
  /** From the `x-request-id` response header, when present. */
  requestId?: string;
  /** The parsed error body, when there was one. */
  body?: unknown;
  /** Refund refused because the payment was paid together with these (code CONFLICT). */
  paymentIds?: string[];
  /** Their total, as a decimal string. */
  totalAmount?: string;
}
"#;

/// Builds the JS error. Property writes on a fresh `Error` cannot fail, so their results are
/// ignored rather than unwrapped.
pub fn to_js_error(err: StreamError) -> JsValue {
    let js = Error::new(&err.message);
    js.set_name("StreamError");
    let obj: &Object = js.as_ref();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
    };
    set("code", JsValue::from_str(err.code.as_str()));
    set("retryable", JsValue::from_bool(err.retryable));
    if let Some(status) = err.status {
        set("status", JsValue::from(status));
    }
    if let Some(request_id) = &err.request_id {
        set("requestId", JsValue::from_str(request_id));
    }
    if let Some(body) = &err.body {
        set("body", super::json::to_js(body));
    }
    for (key, value) in err.details.iter().flat_map(|d| d.iter()) {
        set(key, super::json::to_js(value));
    }
    js.into()
}

impl From<StreamError> for JsValue {
    fn from(err: StreamError) -> Self {
        to_js_error(err)
    }
}
