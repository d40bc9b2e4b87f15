//! `verifyStreamPayWebhook`'s `{ toleranceSec?, nowSec? }`, read through the typed getters of
//! `OptionFields`: a serde instantiation for two numbers would cost more `.wasm` than this file.
//! `undefined`/`null` give the defaults and an unknown key is refused, so a typo is not silently
//! ignored.

use js_sys::Object;
use wasm_bindgen::{JsCast, JsValue};

use super::super::args;
use super::super::options::OptionFields;
use crate::error::{Result, StreamError};
use crate::push::freshness::DEFAULT_TOLERANCE_SEC;

const WHAT: &str = "verifyStreamPayWebhook options";
const KNOWN: [&str; 2] = ["toleranceSec", "nowSec"];

pub struct WebhookOptions {
    pub tolerance_sec: u64,
    pub now_sec: i64,
}

pub fn webhook_options(value: Option<JsValue>) -> Result<WebhookOptions> {
    let (tolerance, now) = match value.filter(|v| !v.is_undefined() && !v.is_null()) {
        None => (None, None),
        Some(obj) => {
            if !obj.is_object() {
                return Err(StreamError::invalid_argument(cat!(
                    WHAT,
                    " must be an object, got ",
                    args::type_name(&obj)
                )));
            }
            refuse_unknown_keys(&obj)?;
            let bag: &OptionFields = obj.unchecked_ref();
            (
                number(bag.tolerance_sec(), "toleranceSec")?,
                number(bag.now_sec(), "nowSec")?,
            )
        }
    };
    Ok(WebhookOptions {
        tolerance_sec: tolerance_sec(tolerance)?,
        now_sec: now_sec(now)?,
    })
}

fn refuse_unknown_keys(obj: &JsValue) -> Result<()> {
    let keys = Object::keys(obj.unchecked_ref::<Object>());
    match keys
        .iter()
        .filter_map(|k| k.as_string())
        .find(|k| !KNOWN.contains(&k.as_str()))
    {
        Some(unknown) => Err(StreamError::invalid_argument(cat!(
            WHAT,
            ": unknown option \"",
            crate::amount::escape(&unknown),
            "\"; known options are ",
            KNOWN.join(", ")
        ))),
        None => Ok(()),
    }
}

/// An optional number; the value itself never goes into a message.
fn number(value: JsValue, key: &str) -> Result<Option<f64>> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_f64().map(Some).ok_or_else(|| {
        StreamError::invalid_argument(cat!(
            WHAT,
            ": ",
            key,
            " must be a number, got ",
            args::type_name(&value)
        ))
    })
}

fn tolerance_sec(value: Option<f64>) -> Result<u64> {
    match value {
        None => Ok(DEFAULT_TOLERANCE_SEC),
        // Saturating cast of a checked, non-negative finite number: whole seconds.
        Some(sec) if sec.is_finite() && sec >= 0.0 => Ok(sec as u64),
        Some(_) => Err(StreamError::invalid_argument(cat!(
            WHAT,
            ": toleranceSec must be a finite number of seconds, 0 or more"
        ))),
    }
}

fn now_sec(value: Option<f64>) -> Result<i64> {
    let now = value.unwrap_or_else(|| js_sys::Date::now() / 1000.0);
    if !now.is_finite() {
        return Err(StreamError::invalid_argument(cat!(
            WHAT,
            ": nowSec must be a finite number of unix seconds"
        )));
    }
    // `now.floor()` without std: the cast truncates toward zero (and saturates).
    let whole = now as i64;
    Ok(if (whole as f64) > now {
        whole - 1
    } else {
        whole
    })
}
