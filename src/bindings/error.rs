//! `StreamError` -> the JS shell's `StreamError` class, built in one call to the factory the
//! shell hands over at start-up (`attach`). Rust decides everything; JS only constructs.

use crate::prelude::*;
use core::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::error::StreamError;

#[wasm_bindgen]
extern "C" {
    /// The shell's `makeError(code, message, retryable, status, requestId, body, streamCode,
    /// extra)`; `body` and `extra` are JSON text.
    #[wasm_bindgen(typescript_type = "Function")]
    pub type ErrorFactory;
    #[wasm_bindgen(method, js_name = call)]
    #[allow(clippy::too_many_arguments)]
    fn make(
        this: &ErrorFactory,
        this_arg: &JsValue,
        code: &str,
        message: &str,
        retryable: bool,
        status: Option<u16>,
        request_id: Option<&str>,
        body: Option<&str>,
        stream_code: Option<&str>,
        extra: Option<&str>,
    ) -> JsValue;
}

local! {
    static MAKE_ERROR: RefCell<Option<ErrorFactory>> = RefCell::new(None);
}

/// Called once by the shell after instantiation with its error factory.
#[wasm_bindgen]
pub fn attach(make_error: ErrorFactory) {
    MAKE_ERROR.with(|f| *f.borrow_mut() = Some(make_error));
}

/// The JS error for `err`. Without the factory (the raw module used directly) a plain `Error`
/// named `StreamError`.
pub fn to_js_error(err: StreamError) -> JsValue {
    let extra = err.details.as_ref().map(|details| {
        let mut text = String::from("{");
        for (i, (key, json)) in details.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            crate::json::push_string(&mut text, key);
            text.push(':');
            text.push_str(json);
        }
        text.push('}');
        text
    });
    MAKE_ERROR.with(|f| match f.borrow().as_ref() {
        Some(factory) => factory.make(
            &JsValue::UNDEFINED,
            err.code.as_str(),
            &err.message,
            err.retryable,
            err.status,
            err.request_id.as_deref(),
            err.body.as_deref(),
            err.stream_code.as_deref(),
            extra.as_deref(),
        ),
        None => plain_error(&err),
    })
}

/// Before the shell attached (the raw module alone, as the wasm tests use it): an `Error` named
/// `StreamError` with the same `code`, `retryable` and `status`.
fn plain_error(err: &StreamError) -> JsValue {
    let js = js_sys::Error::new(&err.message);
    js.set_name("StreamError");
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&js, &JsValue::from_str(key), &value);
    };
    set("code", JsValue::from_str(err.code.as_str()));
    set("retryable", JsValue::from_bool(err.retryable));
    if let Some(status) = err.status {
        set("status", JsValue::from(status));
    }
    js.into()
}

impl From<StreamError> for JsValue {
    fn from(err: StreamError) -> Self {
        to_js_error(err)
    }
}
