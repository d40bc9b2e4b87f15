//! SHA-256 and HMAC-SHA256 through Web Crypto (`globalThis.crypto.subtle`: Node 20+, browsers in
//! a secure context, workers). Using the runtime's crypto keeps hash code out of the `.wasm`.
//!
//! Every call is `catch`, so a throw becomes an `Err`; failures are `INVALID_ARGUMENT` (the
//! runtime cannot verify, which is not the sender's fault) and never carry the JS error's text,
//! which could describe key material.

use js_sys::{Array, ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::error::{Result, StreamError};
use crate::push::{Digest, DIGEST_LEN};

#[wasm_bindgen]
extern "C" {
    /// `SubtleCrypto`, read from `globalThis.crypto.subtle` at each call (never cached, so a
    /// polyfill installed later is seen).
    type Subtle;

    #[wasm_bindgen(method, catch)]
    fn digest(this: &Subtle, algorithm: &str, data: &Uint8Array) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = importKey)]
    fn import_key(
        this: &Subtle,
        format: &str,
        key_data: &Uint8Array,
        algorithm: &Object,
        extractable: bool,
        usages: &Array,
    ) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn sign(
        this: &Subtle,
        algorithm: &str,
        key: &JsValue,
        data: &Uint8Array,
    ) -> Result<Promise, JsValue>;
}

/// SHA-256 of `data`.
pub async fn sha256(data: &[u8]) -> Result<Digest> {
    let subtle = subtle()?;
    // A copy in the JS heap: the digest then never reads wasm memory that could move.
    let promise = subtle
        .digest("SHA-256", &Uint8Array::from(data))
        .map_err(|_| failed("SHA-256"))?;
    digest_of(JsFuture::from(promise).await, "SHA-256")
}

/// HMAC-SHA256 of `data` keyed by `key` (which must not be empty: Web Crypto refuses that).
pub async fn hmac_sha256(key: &[u8], data: &[u8]) -> Result<Digest> {
    let subtle = subtle()?;
    let algorithm = Object::new();
    let _ = Reflect::set(&algorithm, &"name".into(), &"HMAC".into());
    let _ = Reflect::set(&algorithm, &"hash".into(), &"SHA-256".into());
    let usages = Array::of1(&"sign".into());
    let imported = subtle
        .import_key("raw", &Uint8Array::from(key), &algorithm, false, &usages)
        .map_err(|_| failed("HMAC key import"))?;
    let key = JsFuture::from(imported)
        .await
        .map_err(|_| failed("HMAC key import"))?;
    let signed = subtle
        .sign("HMAC", &key, &Uint8Array::from(data))
        .map_err(|_| failed("HMAC-SHA256"))?;
    digest_of(JsFuture::from(signed).await, "HMAC-SHA256")
}

fn subtle() -> Result<Subtle> {
    let get = |target: &JsValue, key: &str| {
        Reflect::get(target, &JsValue::from_str(key))
            .ok()
            .filter(JsValue::is_object)
    };
    get(&js_sys::global(), "crypto")
        .and_then(|crypto| get(&crypto, "subtle"))
        .map(JsCast::unchecked_into)
        .ok_or_else(|| {
            StreamError::invalid_argument(
                "Web Crypto (globalThis.crypto.subtle) is not available here; verifying needs \
                 Node 20+ or a browser page served over https",
            )
        })
}

/// The 32-byte result of a settled digest or sign promise.
fn digest_of(settled: Result<JsValue, JsValue>, what: &str) -> Result<Digest> {
    let buffer = settled.map_err(|_| failed(what))?;
    let bytes = buffer
        .dyn_ref::<ArrayBuffer>()
        .map(|buffer| Uint8Array::new(buffer))
        .filter(|bytes| bytes.length() as usize == DIGEST_LEN)
        .ok_or_else(|| failed(what))?;
    let mut out = [0u8; DIGEST_LEN];
    // Length checked just above: `copy_to` would panic on a mismatch.
    bytes.copy_to(&mut out);
    Ok(out)
}

fn failed(what: &str) -> StreamError {
    StreamError::invalid_argument(format!("Web Crypto could not compute {what}"))
}
