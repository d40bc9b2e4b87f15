//! JS values in and out of push verification. Inputs come from a request (hostile) or from the
//! caller's configuration; every length is checked on the JS side before anything is copied
//! into wasm memory, so a huge value costs nothing.

use crate::prelude::*;
use js_sys::{BigInt, JsString, Number, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use super::super::args;
use crate::error::{Result, StreamError};
use crate::push::gateway_callback::{GatewayCallback, FIELD_KEYS, MAX_FIELD_LEN};
use crate::push::signature_header::{self, MAX_HEADER_LEN};
use crate::push::{fields, MAX_BODY_BYTES};

/// The raw body as bytes: a `Uint8Array` (a Node `Buffer` is one) byte for byte, a string as its
/// UTF-8. Anything else is the caller's mistake (often a body already parsed as JSON).
pub fn raw_body(value: &JsValue, what: &str) -> Result<Vec<u8>> {
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        if bytes.length() as usize > MAX_BODY_BYTES {
            return Err(fields::body_too_large(what));
        }
        return Ok(bytes_of(bytes));
    }
    if let Some(text) = value.dyn_ref::<JsString>() {
        // Each UTF-16 unit is at least one UTF-8 byte.
        if text.length() as usize > MAX_BODY_BYTES {
            return Err(fields::body_too_large(what));
        }
        return Ok(String::from(text).into_bytes());
    }
    Err(StreamError::invalid_argument(cat!(
        "rawBody must be the raw request body as a string or a Uint8Array (a Buffer is one), \
         got ",
        args::type_name(value),
        "; a parsed JSON body cannot be verified"
    )))
}

/// A copy of `bytes` in wasm memory. `Uint8Array::to_vec` asserts the lengths match, and the
/// assertion's message (`Debug` of both lengths) kept `core::fmt::write` in the `.wasm`; the
/// copy goes through a view of the fresh `Vec`'s memory instead, made after the allocation
/// (which may grow the memory and detach older views).
fn bytes_of(bytes: &Uint8Array) -> Vec<u8> {
    let len = bytes.length() as usize;
    let mut out = Vec::with_capacity(len);
    // SAFETY: `out` has room for `len` bytes, `set` writes exactly `len` (the source's length)
    // at offset 0, and nothing allocates between the view and the write.
    unsafe {
        Uint8Array::view_mut_raw(out.as_mut_ptr(), len).set(bytes, 0);
        out.set_len(len);
    }
    out
}

/// The `x-webhook-signature` value. It comes from the request, so a missing or odd one is an
/// `INVALID_SIGNATURE` like any other bad header, not a programming error.
pub fn signature_header(value: &JsValue) -> Result<String> {
    if value.is_undefined() || value.is_null() {
        return Err(signature_header::missing());
    }
    let Some(text) = value.dyn_ref::<JsString>() else {
        return Err(signature_header::malformed(cat!(
            "expected a string, got ",
            args::type_name(value)
        )));
    };
    let len = text.length() as usize;
    if len > MAX_HEADER_LEN {
        return Err(signature_header::too_long(len));
    }
    Ok(String::from(text))
}

/// A secret from the caller's configuration. Missing or empty is refused loudly: an empty key
/// would make every forgery "genuine". The value never appears in a message.
pub fn secret(value: &JsValue, what: &str) -> Result<String> {
    let secret = value.as_string().ok_or_else(|| {
        StreamError::invalid_argument(cat!(
            what,
            " must be a string, got ",
            args::type_name(value)
        ))
    })?;
    if secret.is_empty() {
        return Err(StreamError::invalid_argument(cat!(
            what,
            " is empty; pass the secret from the dashboard"
        )));
    }
    Ok(secret)
}

/// The callback fields of `payload`, either as posted (snake_case) or as `parseGatewayCallback`
/// returns them (camelCase), never a mix. `None` for anything that cannot be a callback.
pub fn callback_from_object(payload: &JsValue) -> Option<GatewayCallback> {
    if !payload.is_object() {
        return None;
    }
    // A throwing proxy trap counts as "absent".
    let has = |key: &str| Reflect::has(payload, &JsValue::from_str(key)).unwrap_or(false);
    let wire = match (has("payment_id"), has("paymentId")) {
        (true, false) => true,
        (false, true) => false,
        _ => return None,
    };
    let mut values: [String; 7] = Default::default();
    for (slot, (wire_key, js_key)) in values.iter_mut().zip(FIELD_KEYS) {
        let value = Reflect::get(
            payload,
            &JsValue::from_str(if wire { wire_key } else { js_key }),
        );
        *slot = field_text(&value.ok()?)?;
    }
    Some(GatewayCallback::from_fields(values))
}

/// A string as it is; a number or bigint as JS prints it (the exact digits of a JSON number are
/// gone once `JSON.parse` ran: `parseGatewayCallback` keeps them).
fn field_text(value: &JsValue) -> Option<String> {
    let text = if let Some(text) = value.dyn_ref::<JsString>() {
        (text.length() as usize <= MAX_FIELD_LEN).then(|| String::from(text))?
    } else if let Some(number) = value.as_f64() {
        if !number.is_finite() {
            return None;
        }
        value
            .unchecked_ref::<Number>()
            .to_string_with_radix(10)
            .ok()?
            .into()
    } else {
        value.dyn_ref::<BigInt>()?.to_string(10).ok()?.into()
    };
    (text.len() <= MAX_FIELD_LEN).then_some(text)
}

pub fn callback_to_js(callback: &GatewayCallback) -> Object {
    let obj = Object::new();
    let fields = [
        &callback.payment_id,
        &callback.amount,
        &callback.amount_usd,
        &callback.received_amount,
        &callback.received_amount_usd,
        &callback.current_datetime,
        &callback.signature,
    ];
    for ((_, js_key), value) in FIELD_KEYS.iter().zip(fields) {
        set(&obj, js_key, &JsValue::from_str(value));
    }
    obj
}

/// Setting a key on a fresh plain object cannot fail.
fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}
