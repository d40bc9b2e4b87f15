//! Reading option objects (which may hold functions, signals and header records) through typed
//! getters: each property name is a constant in the generated glue, never a key string built
//! per call. Every key is checked against the documented names once, with `Object.keys`.

use crate::prelude::*;
use js_sys::{Function, Object};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::args::type_name;
use crate::amount::escape;
use crate::error::{Result, StreamError};

#[wasm_bindgen]
extern "C" {
    /// Any options object of the package, read by the getters of the fields it may have.
    pub type OptionFields;
    #[wasm_bindgen(method, getter, structural, js_name = baseUrl)]
    pub fn base_url(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = payBaseUrl)]
    pub fn pay_base_url(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = timeoutMs)]
    pub fn timeout_ms(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = maxRetries)]
    pub fn max_retries(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural)]
    pub fn headers(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural)]
    pub fn fetch(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = onRequest)]
    pub fn on_request(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = onResponse)]
    pub fn on_response(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = onHookError)]
    pub fn on_hook_error(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = apiKey)]
    pub fn api_key(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = apiKeyId)]
    pub fn api_key_id(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = apiSecret)]
    pub fn api_secret(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = allowBrowser)]
    pub fn allow_browser(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural)]
    pub fn signal(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = intervalMs)]
    pub fn interval_ms(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = maxIntervalMs)]
    pub fn max_interval_ms(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = onUpdate)]
    pub fn on_update(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = onError)]
    pub fn on_error(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = stopStatuses)]
    pub fn stop_statuses(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = pauseWhenHidden)]
    pub fn pause_when_hidden(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural)]
    pub fn concurrency(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = maxRequestsPerSecond)]
    pub fn max_requests_per_second(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = toleranceSec)]
    pub fn tolerance_sec(this: &OptionFields) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = nowSec)]
    pub fn now_sec(this: &OptionFields) -> JsValue;

    /// Duck-typed `AbortSignal` (signals of other realms and polyfills work).
    type SignalLike;
    #[wasm_bindgen(method, getter, structural)]
    fn aborted(this: &SignalLike) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = addEventListener)]
    fn add_event_listener(this: &SignalLike) -> JsValue;
}

type Getter = fn(&OptionFields) -> JsValue;

/// An options object (or `undefined`/`null`, read as empty).
pub struct Opts {
    obj: Option<OptionFields>,
    what: &'static str,
}

impl Opts {
    pub fn new(value: Option<JsValue>, what: &'static str, known: &[&str]) -> Result<Self> {
        let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
            return Ok(Self { obj: None, what });
        };
        if !value.is_object() || js_sys::Array::is_array(&value) {
            return Err(StreamError::invalid_argument(cat!(
                what,
                " must be an object, got ",
                type_name(&value)
            )));
        }
        for key in Object::keys(value.unchecked_ref::<Object>())
            .iter()
            .filter_map(|k| k.as_string())
        {
            if !known.contains(&key.as_str()) {
                return Err(StreamError::invalid_argument(cat!(
                    what,
                    ": unknown option \"",
                    escape(&key),
                    "\"; known options are ",
                    known.join(", ")
                )));
            }
        }
        Ok(Self {
            obj: Some(value.unchecked_into()),
            what,
        })
    }

    /// Whether an object was given (not `undefined`/`null`).
    pub fn is_set(&self) -> bool {
        self.obj.is_some()
    }

    /// The field `getter` reads, `None` when absent or `undefined`.
    pub fn get(&self, getter: Getter) -> Option<JsValue> {
        let value = getter(self.obj.as_ref()?);
        (!value.is_undefined()).then_some(value)
    }

    fn wrong(&self, key: &str, value: &JsValue, expected: &str) -> StreamError {
        StreamError::invalid_argument(cat!(
            self.what,
            ".",
            key,
            " must be ",
            expected,
            ", got ",
            type_name(value)
        ))
    }

    pub fn string(&self, key: &str, getter: Getter) -> Result<Option<String>> {
        match self.get(getter) {
            None => Ok(None),
            Some(v) => v
                .as_string()
                .map(Some)
                .ok_or_else(|| self.wrong(key, &v, "a string")),
        }
    }

    pub fn bool(&self, key: &str, getter: Getter) -> Result<Option<bool>> {
        match self.get(getter) {
            None => Ok(None),
            Some(v) => v
                .as_bool()
                .map(Some)
                .ok_or_else(|| self.wrong(key, &v, "a boolean")),
        }
    }

    /// A whole number of at most `max`.
    pub fn count(&self, key: &str, getter: Getter, max: u32) -> Result<Option<u32>> {
        let Some(v) = self.get(getter) else {
            return Ok(None);
        };
        match v.as_f64() {
            Some(n)
                if n.is_finite()
                    && n >= 0.0
                    && crate::amount::is_whole(n)
                    && n <= f64::from(max) =>
            {
                Ok(Some(n as u32))
            }
            _ => Err(self.wrong(key, &v, &cat!("a whole number from 0 to ", max))),
        }
    }

    pub fn function(&self, key: &str, getter: Getter) -> Result<Option<Function>> {
        match self.get(getter) {
            None => Ok(None),
            Some(v) => v
                .dyn_into::<Function>()
                .map(Some)
                .map_err(|v| self.wrong(key, &v, "a function")),
        }
    }

    /// An `AbortSignal` (checked by shape, so signals of other realms and polyfills work).
    pub fn signal(&self, key: &str, getter: Getter) -> Result<Option<JsValue>> {
        match self.get(getter) {
            None => Ok(None),
            Some(v) => signal_value(v, &cat!(self.what, ".", key)).map(Some),
        }
    }

    /// A `Record<string, string>` of extra headers.
    pub fn headers(&self, key: &str, getter: Getter) -> Result<Vec<(String, String)>> {
        let Some(v) = self.get(getter) else {
            return Ok(Vec::new());
        };
        if !v.is_object() || js_sys::Array::is_array(&v) {
            return Err(self.wrong(key, &v, "an object of header names to strings"));
        }
        let mut out = Vec::new();
        for entry in Object::entries(v.unchecked_ref()).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let name = pair.get(0).as_string().unwrap_or_default();
            let value = pair.get(1);
            let Some(value) = value.as_string() else {
                return Err(self.wrong(&cat!(key, ".", name), &value, "a string"));
            };
            let valid_name = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
            if !valid_name || !crate::validate::header_value(&value) {
                return Err(StreamError::invalid_argument(cat!(
                    self.what,
                    ".",
                    key,
                    ": \"",
                    escape(&name),
                    "\" is not a valid header"
                )));
            }
            out.push((name, value));
        }
        Ok(out)
    }

    /// An array of strings. (Not through serde-wasm-bindgen: its type errors format floats,
    /// which links Rust's float printing into the `.wasm`; see BENCHMARKS.md.)
    pub fn strings(&self, key: &str, getter: Getter) -> Result<Vec<String>> {
        let Some(v) = self.get(getter) else {
            return Ok(Vec::new());
        };
        if !js_sys::Array::is_array(&v) {
            return Err(self.wrong(key, &v, "an array of strings"));
        }
        let array: &js_sys::Array = v.unchecked_ref();
        array
            .iter()
            .map(|item| {
                item.as_string()
                    .ok_or_else(|| self.wrong(key, &item, "an array of strings"))
            })
            .collect()
    }
}

/// `value` as an `AbortSignal`, checked by shape; `what` names it in the error.
pub fn signal_value(value: JsValue, what: &str) -> Result<JsValue> {
    let like = value
        .is_object()
        .then(|| value.unchecked_ref::<SignalLike>());
    if like.is_some_and(|s| s.aborted().as_bool().is_some() && s.add_event_listener().is_function())
    {
        Ok(value)
    } else {
        Err(StreamError::invalid_argument(cat!(
            what,
            " must be an AbortSignal, got ",
            type_name(&value)
        )))
    }
}
